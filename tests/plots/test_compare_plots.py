"""Tests for analysis.plots.compare: each chart draws the table it is given."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.errors import ParameterError
from analysis.plots.compare import plot_distinguishing_terms, plot_page_overlap, plot_trends


def _terms(groups: list, n: int = 12) -> pd.DataFrame:
    rows = [
        {
            "group": g,
            "term": f"{g}-term-{i}",
            "z": 10.0 - i * 0.5,
            "count_in_group": 20 - i,
            "count_elsewhere": i,
        }
        for g in groups
        for i in range(n)
    ]
    return pd.DataFrame(rows)


def test_two_groups_make_a_two_sided_bar_chart():
    fig = plot_distinguishing_terms(_terms(["Sport", "Business"]), top=10)
    assert isinstance(fig, Figure)
    left, right = fig.axes
    assert len(left.patches) == 10 == len(right.patches)
    assert left.xaxis_inverted() and not right.xaxis_inverted()
    assert left.get_title() == "More on Sport" and right.get_title() == "More on Business"
    assert [t.get_text() for t in left.texts][:2] == ["Sport-term-0", "Sport-term-1"]
    assert "z-score" in left.get_xlabel()


def test_more_groups_make_small_multiples_with_clusters_named_from_one():
    fig = plot_distinguishing_terms(_terms([1, 2, 3, 4], n=5), top=5)
    visible = [ax for ax in fig.axes if ax.axison]
    assert [ax.get_title() for ax in visible] == [
        "Cluster 1",
        "Cluster 2",
        "Cluster 3",
        "Cluster 4",
    ]
    assert all(len(ax.patches) == 5 for ax in visible)
    assert len(fig.axes) == 6  # two rows of three, two panels switched off


def test_overlap_heatmap_writes_counts_and_jaccard():
    overlap = pd.DataFrame(
        [
            ("A", "A", 4, 4, 4, 1.0),
            ("A", "B", 4, 3, 2, 0.5),
            ("B", "A", 3, 4, 2, 0.5),
            ("B", "B", 3, 3, 3, 1.0),
        ],
        columns=["page_a", "page_b", "articles_a", "articles_b", "shared_articles", "tag_jaccard"],
    )
    fig = plot_page_overlap(overlap)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts.count("2") == 2 and "4" in texts and "3" in texts
    assert texts.count("tags J=0.50") == 2
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["A", "B"]


def test_trends_chart_shows_period_counts_above_group_shares():
    periods = pd.date_range("2025-01-01", periods=4, freq="MS")
    rows = []
    for p, total in zip(periods, [10, 2, 12, 30], strict=True):
        for g, n in [("Drones", total // 2), ("Budget", total - total // 2)]:
            rows.append(
                {
                    "period": p,
                    "label": p.strftime("%Y-%m"),
                    "group": g,
                    "articles": n,
                    "period_articles": total,
                    "share": n / total,
                    "spike": total == 30 and g == "Drones",
                    "headline": "",
                }
            )
    fig = plot_trends(pd.DataFrame(rows), title="Tags over time")
    volume, shares = fig.axes[:2]
    assert [p.get_height() for p in volume.patches] == [10, 2, 12, 30]
    assert [t.get_text() for t in volume.texts] == ["10", "2", "12", "30"]
    assert len(shares.lines) == 2
    assert np.allclose(shares.lines[0].get_ydata(), [50, 50, 50, 50])
    assert len(shares.collections[0].get_offsets()) == 1  # the one spike, ringed
    assert volume.get_title() == "Tags over time"


def test_empty_tables_and_wrong_tables():
    empty = plot_trends(
        pd.DataFrame(
            columns=["period", "label", "group", "articles", "period_articles", "share", "spike"]
        )
    )
    assert "No dated articles" in [t.get_text() for t in empty.axes[0].texts]
    with pytest.raises(ParameterError, match="compare_groups"):
        plot_distinguishing_terms(pd.DataFrame({"x": [1]}))


def test_too_many_groups_is_a_clear_error_not_an_unencodable_image():
    """1,001 pages once made a chart PIL refused to encode, minutes into a report: now a ParameterError at
    once, saying how to draw fewer."""
    from analysis.plots.compare import MAX_GROUPS_DRAWN

    many = [f"page {i}" for i in range(MAX_GROUPS_DRAWN + 1)]
    with pytest.raises(ParameterError, match=f"{len(many)} groups are too many to draw"):
        plot_distinguishing_terms(_terms(many, n=2))
    overlap = pd.DataFrame(
        [(a, b, 1, 1, int(a == b), 1.0) for a in many for b in many],
        columns=["page_a", "page_b", "articles_a", "articles_b", "shared_articles", "tag_jaccard"],
    )
    with pytest.raises(ParameterError, match=f"{len(many)} pages are too many to draw"):
        plot_page_overlap(overlap)
    assert isinstance(plot_distinguishing_terms(_terms(many[:-1], n=2)), Figure)


def _overlap(shared: dict[tuple[str, str], int], jaccard: float = float("nan")) -> pd.DataFrame:
    pages = sorted({a for a, _ in shared})
    return pd.DataFrame(
        [(a, b, shared[a, a], shared[b, b], shared[a, b], 1.0 if a == b else jaccard)
         for a in pages for b in pages],
        columns=["page_a", "page_b", "articles_a", "articles_b", "shared_articles", "tag_jaccard"],
    )  # fmt: skip


def test_overlap_colour_bar_spans_the_shared_counts_in_whole_numbers():
    counts = {("A", "A"): 20, ("B", "B"): 15, ("C", "C"): 9,
              ("A", "B"): 3, ("B", "A"): 3, ("A", "C"): 7, ("C", "A"): 7, ("B", "C"): 5, ("C", "B"): 5}  # fmt: skip
    fig = plot_page_overlap(_overlap(counts))
    fig.canvas.draw()
    heat, bar = fig.axes
    assert heat.images[0].norm.vmin == 3 and heat.images[0].norm.vmax == 7  # not 0..20, not 0..1
    ticks = [t for t in bar.get_yticks() if 3 <= t <= 7]
    assert ticks and all(float(t).is_integer() for t in ticks)
    assert "Jaccard" not in heat.get_title()  # no tags: no J promised
    assert not any(t.get_text().startswith("tags J=") for t in heat.texts)


def test_overlap_without_shared_articles_has_no_colour_bar():
    counts = {("A", "A"): 20, ("B", "B"): 20, ("A", "B"): 0, ("B", "A"): 0}
    fig = plot_page_overlap(_overlap(counts))
    assert len(fig.axes) == 1  # one colour for every pair says nothing: no colour bar
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["0", "0", "20", "20"]
