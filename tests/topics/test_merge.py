"""Issue 18: topics from one fine ensemble merged bottom-up (analysis.topics.levels.merge_topics),
broad groups from the k chart's own runs, and what that costs in k-means calls."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans

from analysis.datasets import generate_articles
from analysis.topics import cluster, fit_topics, kselect
from analysis.topics.levels import (
    MERGE_STABILITY,
    Merged,
    broad_groups,
    merge_topics,
    nest_topics,
)


def test_unstable_fine_clusters_merge_into_the_one_the_halves_join_them_with() -> None:
    # fine clusters 0..4 of 20 rows each; both halves find 0 and 1 apart, but put 2, 3 and 4 together
    fine = np.repeat(np.arange(5), 20)
    half = np.repeat(np.array([0, 1, 2, 2, 2]), 20)
    merged = merge_topics(fine, [half, half.copy()], min_size=4)
    assert int(merged.labels.max()) + 1 == 3
    assert len(np.unique(merged.labels[40:])) == 1  # 2, 3 and 4 became one topic
    assert merged.labels[0] != merged.labels[20] != merged.labels[40]
    assert (merged.stability >= MERGE_STABILITY).all()
    assert merged.merges[0]["parts"] == [20, 20] and merged.merges[-1]["after"] == 1.0


def test_stable_fine_clusters_stay_and_small_ones_merge_first() -> None:
    fine = np.repeat(np.arange(3), [30, 30, 3])
    runs = [fine.copy(), fine.copy()]  # every cluster perfectly stable ...
    kept = merge_topics(fine, runs, min_size=2)
    assert int(kept.labels.max()) + 1 == 3 and not kept.merges
    # ... but a cluster under the fewest articles a topic may hold joins its nearest topic
    half = fine.copy()
    half[60:] = 1  # the halves put the 3 stragglers with cluster 1
    merged = merge_topics(fine, [half, half.copy()], min_size=4)
    assert int(merged.labels.max()) + 1 == 2
    assert merged.labels[59] == merged.labels[62]


def test_topics_go_to_the_broad_group_holding_most_of_them_and_nest_when_asked() -> None:
    z = np.eye(3)[np.repeat([0, 1, 2], 10)].astype(float)
    labels = np.repeat([0, 1, 2], 10)
    article_broad = np.repeat([0, 0, 1], 10)
    article_broad[25] = 0  # one article of topic 2 sits in group 0
    assert broad_groups(labels, 3, article_broad).tolist() == [0, 0, 1]
    topics, groups = nest_topics(
        z, Merged(labels=labels, stability=np.ones(3), merges=[]), article_broad
    )
    # the stray article moved to a topic of its own group: topic 2 no longer straddles
    assert groups[topics.labels[25]] == 0
    assert (groups[topics.labels] == article_broad).all()


def test_choosing_the_topics_runs_one_ensemble_not_one_per_candidate_split(monkeypatch) -> None:
    """The old split tried 2..8 sub-topics per broad group, two levels deep: hundreds of k-means calls
    beyond the k chart. Now k=None costs the k chart plus the ensemble that k given costs."""
    calls = {"n": 0}

    class Counted(KMeans):
        def fit(self, *a, **kw):
            calls["n"] += 1
            return super().fit(*a, **kw)

    monkeypatch.setattr(cluster, "KMeans", Counted)
    monkeypatch.setattr(kselect, "KMeans", Counted)
    corpus = pd.DataFrame(generate_articles(400, seed=0, n_topics=6))
    model = fit_topics(corpus, random_state=0, n_runs=20)
    chart = len(model.k_scores) * 5  # K_SELECTION_RUNS runs per candidate k
    # chart runs, its consensus, the fine ensemble's runs, its consensus and the halves' (3)
    assert calls["n"] <= chart + 1 + 20 + 3, calls
    assert model.k_scores["k"].max() <= 12  # the chart no longer grows past K_MAX
    assert len(model.group_table) <= model.k
