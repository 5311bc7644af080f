"""Tests for analysis.plots: chart structure (bars, labels, titles, cell annotations), not pixels."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from analysis.plots import (
    BAR_COLOR,
    OTHER_COLOR,
    PAGE_TAG_COLOR,
    UNIVERSAL_COLOR,
    empty_figure,
    plot_cooccurrence,
    plot_tag_frequency,
    plot_tags_by_cluster,
    plot_tags_per_article,
)
from analysis.tags import (
    cooccurrence_matrix,
    tag_frequency,
    tags_by_cluster,
    tags_per_article,
    top_tags,
)


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def _ticks(labels) -> list[str]:
    return [t.get_text() for t in labels]


def _bboxes(artists, renderer):
    return [a.get_window_extent(renderer) for a in artists if a.get_text()]


def _no_overlaps(boxes) -> bool:
    return not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))


def _slanted_apart(labels, renderer) -> bool:
    """Slanted tick labels do not touch: parallel neighbours are at least one line height apart.

    (Bounding boxes of slanted text overlap even when the text does not, so they are not compared.)
    """
    labels = [t for t in labels if t.get_text()]
    if len(labels) < 2:
        return True
    angle = np.deg2rad(labels[0].get_rotation())
    ends = sorted(t.get_window_extent(renderer).x1 for t in labels)  # right ends sit at the ticks
    gap = float(min(np.diff(ends))) * np.sin(angle)
    return gap >= labels[0].get_fontsize() * renderer.dpi / 72


def _drawn(fig: Figure):
    """Draw the figure off-screen and return its renderer, to measure where text landed."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


@pytest.fixture(scope="module")
def wide_corpus():
    """600 articles, a tag on every article, 200 other tags with Zipf-like use, some long names."""
    rng = np.random.default_rng(0)
    names = [
        f"Tag {i}" + (" with a rather long editorial name" if i % 17 == 0 else "")
        for i in range(200)
    ]
    p = 1 / np.arange(1, 201) ** 0.9
    p /= p.sum()
    rows = []
    for j in range(600):
        chosen = rng.choice(len(names), size=int(rng.integers(1, 7)), replace=False, p=p)
        tags = ["Everything", *(names[i] for i in chosen)]
        if j < len(names) and names[j] not in tags:
            tags.append(names[j])  # every one of the 200 tags is used at least once
        rows.append({"tags": tags, "tag_pages": ["Page"]})
    rows[0]["tags"].append("page")  # the page's own tag, once
    return pd.DataFrame(rows)  # the tag functions only read ``tags`` and ``tag_pages``


# ------------------------------------------------------------------------------------- frequency bars


def test_frequency_bars_on_the_seed(seed_corpus):
    fig = plot_tag_frequency(tag_frequency(seed_corpus), top=5)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert len(ax.patches) == 6  # 5 tags + "other"
    labels = _ticks(ax.get_yticklabels())
    assert labels == ["Defense", "Military", "Politics", "Security", "Media", "other (21 tags)"]
    widths = [p.get_width() for p in ax.patches]
    assert widths[:5] == [9, 4, 4, 4, 2]  # largest on top (the y axis is inverted)
    assert ax.yaxis_inverted()
    assert widths[5] == 2  # the "other" bar reaches the largest count among the folded tags
    texts = _texts(fig)
    assert "9 (100%) · on every article" in texts
    assert "4 (44%)" in texts
    assert "21 more tags, 1–2 articles each (22 tag uses)" in texts
    assert "Articles carrying the tag" in ax.get_xlabel() and "9 articles" in ax.get_xlabel()
    assert "articles" in ax.get_title() and "5 of 26 tags shown" in ax.get_title()
    colours = [to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours[0] == to_hex(UNIVERSAL_COLOR)
    assert colours[1:5] == [to_hex(BAR_COLOR)] * 4
    assert colours[5] == to_hex(OTHER_COLOR)
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any("every article" in t for t in legend)


def test_frequency_axis_is_fitted_to_its_data_and_notes_stay_in_the_image(seed_corpus, wide_corpus):
    """The tester saw an axis to 14 for a largest bar of 9: a 100% bar looked like two-thirds."""
    for corpus in (seed_corpus, wide_corpus):
        fig = plot_tag_frequency(tag_frequency(corpus))
        ax = fig.axes[0]
        longest = max(p.get_width() for p in ax.patches)
        assert ax.get_xlim() == (0, longest)  # the longest bar fills the axis
        renderer = _drawn(fig)
        frame = fig.bbox  # the figure's own canvas, in pixels
        for text in ax.texts:  # every note is drawn inside the figure, not cut at its edge
            box = text.get_window_extent(renderer)
            assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1


def test_frequency_marks_the_page_tag(seed_corpus):
    fig = plot_tag_frequency(tag_frequency(seed_corpus), top=None, title="UK defense tags")
    ax = fig.axes[0]
    assert len(ax.patches) == 26  # no "other" bar when every tag is drawn
    labels = _ticks(ax.get_yticklabels())
    page_bar = ax.patches[labels.index("UK defense")]
    assert to_hex(page_bar.get_facecolor()) == to_hex(PAGE_TAG_COLOR)
    assert "1 (11%) · the page's own tag" in _texts(fig)
    assert ax.get_title().startswith("UK defense tags")
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any("page's own tag" in t for t in legend)


def test_frequency_with_200_tags_is_readable(wide_corpus):
    freq = tag_frequency(wide_corpus)
    assert len(freq) == 202
    fig = plot_tag_frequency(freq, top=20)
    ax = fig.axes[0]
    assert len(ax.patches) == 21
    labels = _ticks(ax.get_yticklabels())
    assert labels[0] == "Everything" and labels[-1] == "other (182 tags)"
    assert all(len(label) <= 40 for label in labels)  # long tags are shortened with an ellipsis
    # The drawn table is what top_tags returns, so it can be exported as CSV exactly.
    assert labels == top_tags(freq, top=20)["tag"].tolist()
    renderer = _drawn(fig)
    assert _no_overlaps(_bboxes(ax.get_yticklabels(), renderer))
    assert _no_overlaps(_bboxes(ax.texts, renderer))
    # Every count label stays inside the figure (beyond the axis, which ends at the longest bar).
    fig_box = fig.bbox
    for box in _bboxes(ax.texts, renderer):
        assert box.x1 <= fig_box.x1
    # Tick labels on the left are not cut off by the figure edge.
    assert min(b.x0 for b in _bboxes(ax.get_yticklabels(), renderer)) >= 0


def test_frequency_refuses_several_pages(corpus_factory):
    from analysis.errors import ParameterError

    corpus = corpus_factory(
        [{"tags": ["A"], "tag_pages": ["P"]}, {"tags": ["B"], "tag_pages": ["Q"]}]
    )
    freq = tag_frequency(corpus, by_page=True)
    with pytest.raises(ParameterError, match="one page at a time"):
        plot_tag_frequency(freq)
    fig = plot_tag_frequency(freq[freq["page"] == "P"])
    assert len(fig.axes[0].patches) == 1


# --------------------------------------------------------------------------------- tags per article


def test_tags_per_article_bars(corpus_factory):
    corpus = corpus_factory([{"tags": ["A", "B"]}, {"tags": []}, {"tags": ["A", "B", "C", "D"]}])
    dist = tags_per_article(corpus)
    fig = plot_tags_per_article(dist)
    ax = fig.axes[0]
    assert len(ax.patches) == 5  # 0, 1, 2, 3 and 4 tags
    assert [p.get_height() for p in ax.patches] == [1, 0, 1, 0, 1]
    assert _ticks(ax.get_xticklabels()) == ["0", "1", "2", "3", "4"]
    assert ax.get_ylabel() == "Articles"
    assert "tags" in ax.get_xlabel().lower()
    assert "3 articles" in ax.get_title()
    assert "1\n(33%)" in _texts(fig)


# ------------------------------------------------------------------------------------------ heatmaps


def test_cooccurrence_heatmap(seed_corpus):
    matrix = cooccurrence_matrix(seed_corpus, top=6)
    fig = plot_cooccurrence(matrix)
    ax = fig.axes[0]
    names = list(matrix.index)
    assert _ticks(ax.get_xticklabels()) == names
    assert _ticks(ax.get_yticklabels()) == names
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 36
    assert texts == [str(v) for v in matrix.to_numpy().ravel()]  # row by row, every cell
    colourbar = fig.axes[1]
    assert colourbar.get_ylabel() == "Articles carrying both tags"
    assert "together" in ax.get_title()
    renderer = _drawn(fig)
    assert _slanted_apart(ax.get_xticklabels(), renderer)
    assert _no_overlaps(_bboxes(ax.get_yticklabels(), renderer))


def test_cooccurrence_heatmap_with_many_long_tags(wide_corpus):
    fig = plot_cooccurrence(cooccurrence_matrix(wide_corpus, top=15), title="Pairs")
    ax = fig.axes[0]
    assert len(ax.texts) == 225 and ax.get_title() == "Pairs"
    renderer = _drawn(fig)
    x_boxes = _bboxes(ax.get_xticklabels(), renderer)
    assert _slanted_apart(ax.get_xticklabels(), renderer)
    assert min(b.y0 for b in x_boxes) >= 0  # slanted labels are not cut off at the bottom


def test_tags_by_cluster_heatmap(seed_corpus):
    labels = [0, 1, 1, 2, 3, 2, 4, 5, 2]
    names = {
        0: "Trump, Ukraine peace talks and the coalition of the willing",
        1: "EU defence money and procurement",
        2: "NATO",
        3: "Russian drones over Poland",
        4: "Middle East operations",
        5: "Intelligence sharing with Washington",
    }
    table = tags_by_cluster(seed_corpus, labels, cluster_names=names, top=8)
    fig = plot_tags_by_cluster(table)
    ax = fig.axes[0]
    assert _ticks(ax.get_yticklabels()) == list(table.index)
    x_labels = [t.replace("\n", " ") for t in _ticks(ax.get_xticklabels())]
    assert x_labels == list(names.values())
    assert [t.get_text() for t in ax.texts] == [str(v) for v in table.to_numpy().ravel()]
    assert fig.axes[1].get_ylabel() == "Articles in the cluster carrying the tag"
    assert ax.get_xlabel() == "Topic cluster"
    renderer = _drawn(fig)
    assert _no_overlaps(_bboxes(ax.get_xticklabels(), renderer))


def test_tags_by_cluster_unnamed_and_many_clusters(wide_corpus):
    labels = np.arange(len(wide_corpus)) % 14
    fig = plot_tags_by_cluster(tags_by_cluster(wide_corpus, labels, top=10))
    ax = fig.axes[0]
    assert _ticks(ax.get_xticklabels())[:2] == ["Cluster 0", "Cluster 1"]
    assert len(ax.texts) == 140
    renderer = _drawn(fig)
    assert ax.get_xticklabels()[0].get_rotation() == 45
    assert _slanted_apart(ax.get_xticklabels(), renderer)


# --------------------------------------------------------------------------------------------- empty


@pytest.mark.filterwarnings("error")
def test_empty_tables_say_so(corpus_factory):
    corpus = corpus_factory([{"tags": []}, {"tags": []}])
    figures = [
        plot_tag_frequency(tag_frequency(corpus)),
        plot_cooccurrence(cooccurrence_matrix(corpus)),
        plot_tags_by_cluster(tags_by_cluster(corpus, [0, 1])),
    ]
    for fig in figures:
        assert _texts(fig) == ["No tags to show"]
        _drawn(fig)
    fig = plot_tags_per_article(tags_per_article(corpus_factory([])))
    assert _texts(fig) == ["No tags to show"]
    assert empty_figure("T", "Nothing").axes[0].get_title() == "T"


def test_all_universal_corpus_draws(corpus_factory):
    corpus = corpus_factory([{"tags": ["A", "B"]}, {"tags": ["A", "b"]}])
    fig = plot_tag_frequency(tag_frequency(corpus))
    assert len(fig.axes[0].patches) == 2
    assert _texts(plot_cooccurrence(cooccurrence_matrix(corpus))) == ["No tags to show"]


# --------------------------------------------------------------------------------------- house rules


def test_charts_leave_pyplot_alone(seed_corpus):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plot_tag_frequency(tag_frequency(seed_corpus))
    plot_cooccurrence(cooccurrence_matrix(seed_corpus))
    plot_tags_per_article(tags_per_article(seed_corpus))
    plot_tags_by_cluster(tags_by_cluster(seed_corpus, [0] * 9))
    assert plt.get_fignums() == before


def test_charts_do_not_mutate_their_table(seed_corpus):
    freq = tag_frequency(seed_corpus)
    matrix = cooccurrence_matrix(seed_corpus)
    saved = (freq.copy(), matrix.copy())
    plot_tag_frequency(freq, top=3)
    plot_cooccurrence(matrix)
    pd.testing.assert_frame_equal(freq, saved[0])
    pd.testing.assert_frame_equal(matrix, saved[1])


def test_tags_by_cluster_draws_at_most_max_rows(wide_corpus):
    table = tags_by_cluster(wide_corpus, np.arange(len(wide_corpus)) % 3)
    assert len(table) == 201  # every tag but the universal one
    fig = plot_tags_by_cluster(table)
    ax = fig.axes[0]
    assert _ticks(ax.get_yticklabels()) == list(table.index[:40])
    assert len(ax.texts) == 40 * 3
    assert "the 40 most used of 201 tags" in ax.get_title()
    all_rows = plot_tags_by_cluster(table.iloc[:50], max_rows=None).axes[0]
    assert len(all_rows.get_yticklabels()) == 50 and "most used" not in all_rows.get_title()
