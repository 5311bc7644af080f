"""Tests for analysis.topic_plots: each chart is a Figure with the right structure (not pixels)."""

from __future__ import annotations

import matplotlib.colors as mcolors
import numpy as np
import pytest
from matplotlib.figure import Figure

from analysis.plots import (
    cluster_colors,
    plot_cluster_quality,
    plot_k_selection,
    plot_topic_map,
)
from analysis.topics import TopicModel, fit_topics


@pytest.fixture(scope="module")
def chosen(seed_model) -> TopicModel:
    return seed_model


@pytest.fixture(scope="module")
def given(seed_corpus) -> TopicModel:
    return fit_topics(seed_corpus, k=3, random_state=0)


def test_cluster_colors_distinct_for_20() -> None:
    colors = cluster_colors(20)
    assert len(colors) == 20 and len(set(colors)) == 20
    assert colors[0] == "#E69F00"  # Okabe-Ito first
    assert all(mcolors.is_color_like(c) for c in colors)


def test_cluster_colors_no_two_of_the_first_twelve_look_alike() -> None:
    """A ninth cluster once got tableau's blue, next to Okabe-Ito's blue: two clusters, one colour."""
    rgb = np.array([mcolors.to_rgb(c) for c in cluster_colors(12)])
    gaps = np.linalg.norm(rgb[:, None] - rgb[None, :], axis=-1)[np.triu_indices(12, 1)]
    assert gaps.min() > 0.2


def test_topic_map(seed_corpus, chosen: TopicModel) -> None:
    fig = plot_topic_map(chosen, seed_corpus)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert len(ax.collections) == chosen.k  # one scatter per cluster
    assert sum(len(c.get_offsets()) for c in ax.collections) == 9
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) == chosen.k
    assert all(chosen.clusters.at[i, "label"][:10] in labels[i] for i in range(chosen.k))
    assert "no units" in ax.get_xlabel()
    assert "9 articles" in ax.get_title()
    assert len(ax.texts) == 9  # headlines annotated on a small corpus
    colors = {mcolors.to_hex(c.get_facecolor()[0]) for c in ax.collections}
    assert len(colors) == chosen.k


def test_topic_map_without_corpus_has_no_annotations(chosen: TopicModel) -> None:
    fig = plot_topic_map(chosen)
    assert len(fig.axes[0].texts) == 0


def test_k_selection_chosen(chosen: TopicModel) -> None:
    fig = plot_k_selection(chosen)
    ax = fig.axes[0]
    assert len(fig.axes) == 1  # one shared 0-1 scale, so small silhouettes are not blown up
    assert list(ax.lines[0].get_xdata()) == chosen.k_scores["k"].tolist()
    labels = [line.get_label() for line in ax.lines[:3]]
    assert [label.split(":")[0] for label in labels] == [
        "stability",
        "separation",
        "score used to choose (stability x relative separation)",
    ]
    assert list(ax.lines[2].get_ydata()) == chosen.k_scores["score"].tolist()
    assert ax.get_ylim()[1] > 1.0
    best = int(chosen.k_scores.loc[chosen.k_scores["chosen"], "k"].iloc[0])
    assert any(f"chosen: k = {best}" in t.get_text() for t in ax.texts)
    if best != chosen.k:  # the broad groups chosen, then the topics shown
        assert any(f"{chosen.k} topics shown" in t.get_text() for t in ax.texts)
    assert "number of clusters" in ax.get_xlabel()


def test_k_selection_given_says_so(given: TopicModel) -> None:
    fig = plot_k_selection(given)
    texts = " ".join(t.get_text() for ax in fig.axes for t in ax.texts)
    assert "k = 3 was set by hand" in texts


def test_cluster_quality(given: TopicModel) -> None:
    fig = plot_cluster_quality(given)
    ax = fig.axes[0]
    assert len(ax.patches) == given.k
    assert sorted(p.get_width() for p in ax.patches) == sorted(given.clusters["size"].tolist())
    notes = [t.get_text() for t in ax.texts]
    assert len(notes) == given.k
    assert all("stability" in n for n in notes)
    assert {t.get_text() for t in ax.get_legend().get_texts()} <= set(given.clusters["strength"])


def test_single_cluster_charts(seed_corpus) -> None:
    one = fit_topics(seed_corpus.iloc[:2].reset_index(drop=True))
    assert len(plot_cluster_quality(one).axes[0].patches) == 1
    assert "not split" in " ".join(t.get_text() for t in plot_k_selection(one).axes[0].texts)
    assert len(plot_topic_map(one).axes[0].collections) == 1


def _label_boxes(fig: Figure):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    return ax.get_window_extent(renderer), [t.get_window_extent(renderer) for t in ax.texts]


def _check_no_overlap_inside(frame, boxes) -> None:
    for i, box in enumerate(boxes):
        assert frame.x0 <= box.x0 + 0.5 and box.x1 <= frame.x1 + 0.5, "a label runs past the frame"
        assert frame.y0 <= box.y0 + 0.5 and box.y1 <= frame.y1 + 0.5, "a label runs past the frame"
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other), "two labels overlap"


def test_map_headlines_neither_overlap_nor_leave_the_frame(seed_corpus, chosen: TopicModel) -> None:
    fig = plot_topic_map(chosen, seed_corpus)
    frame, boxes = _label_boxes(fig)
    assert len(boxes) == 9  # every headline of the seed finds a place
    _check_no_overlap_inside(frame, boxes)


def test_crowded_labels_are_left_off_rather_than_overlapping() -> None:
    import numpy as np

    from analysis.plots.topics import place_labels

    rng = np.random.default_rng(0)
    points = np.vstack([rng.normal(0, 0.02, size=(28, 2)), [[1.0, 1.0], [1.0, 0.0]]])
    fig = Figure(figsize=(6, 4), layout="constrained")
    ax = fig.add_subplot()
    ax.scatter(points[:, 0], points[:, 1])
    labels = [f"A rather long headline number {i} about the budget" for i in range(30)]
    left_off = place_labels(fig, ax, points, labels)
    frame, boxes = _label_boxes(fig)
    assert 0 < left_off < 30 and len(boxes) == 30 - left_off
    _check_no_overlap_inside(frame, boxes)  # the corner points' labels turn inwards


def test_cluster_numbers_on_a_crowded_map_do_not_cover_each_other() -> None:
    """26 clusters of 1,084 AllSides articles put '1' under '18' and '22'; numbers are now moved apart,
    each with a line back to its cluster's middle."""
    import pandas as pd

    from analysis.datasets import generate_articles

    corpus = pd.DataFrame(generate_articles(400, seed=0))
    model = fit_topics(corpus, k=30, random_state=0)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = plot_topic_map(model)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    numbers = [t for t in fig.axes[0].texts if t.get_text().isdigit()]
    assert len(numbers) == 30
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in numbers]
    overlapping = [
        (numbers[i].get_text(), numbers[j].get_text())
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if boxes[i].overlaps(boxes[j])
    ]
    assert overlapping == []
    moved = [t for t in numbers if t.xyann != (0.0, 0.0)]
    assert moved and all(t.arrow_patch is not None for t in moved)
