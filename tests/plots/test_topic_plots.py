"""Tests for analysis.topic_plots: each chart is a Figure with the right structure (not pixels)."""

from __future__ import annotations

import matplotlib.colors as mcolors
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
def chosen(seed_corpus) -> TopicModel:
    return fit_topics(seed_corpus, random_state=0)


@pytest.fixture(scope="module")
def given(seed_corpus) -> TopicModel:
    return fit_topics(seed_corpus, k=3, random_state=0)


def test_cluster_colors_distinct_for_20() -> None:
    colors = cluster_colors(20)
    assert len(colors) == 20 and len(set(colors)) == 20
    assert colors[0] == "#E69F00"  # Okabe-Ito first
    assert all(mcolors.is_color_like(c) for c in colors)


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
    assert any(f"chosen: k = {chosen.k}" in t.get_text() for t in ax.texts)
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
