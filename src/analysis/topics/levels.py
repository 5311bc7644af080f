"""Two levels of topics: broad groups, and inside each group the topics an editor would name.

The broad groups are the clusters at the k the k chart chooses (stability under resampling times
separation, which favours a few broad groups on varied news). Each group is then tried for a split: its
articles are clustered again at 2 to :data:`SPLIT_K_MAX` sub-topics by the same ensemble and consensus
as the broad level (:func:`analysis.topics.cluster.cluster_ensemble`). A candidate counts when it is
stable (the consensus of half the runs agrees with that of the other half, adjusted Rand index
>= :data:`SPLIT_STABILITY`), its sub-topics are distinct (silhouette inside the group >=
:data:`SPLIT_SILHOUETTE`) and each holds at least :func:`min_topic_size` articles; of those, the one
with the fewest sub-topics scoring within :data:`SPLIT_TOLERANCE` of the best is kept. Sub-topics are tried
again, down to :data:`SPLIT_DEPTH` levels below the broad group. Below ``LSA_MIN_ARTICLES`` articles
the broad groups are the topics: sub-topics of a handful of articles cannot be told from noise. Rows must come in a canonical order
(:func:`analysis.topics.order.canonical_order`): the seeds of each split derive from the random state and
the group's first row, so the result does not depend on the input's row order.

Whether the topics nest inside the broad groups depends on how firm the broad split is
(:func:`broad_is_boundary`): when every broad group would earn a solid badge (stable and separated),
each group's sub-topics are the topics (:func:`nested_topics`): a topic never
straddles two broad groups. A broad split that is not solid (e.g. two halves of varied news) is a reading
aid, not a boundary: ``fit_topics`` then fits the topics over all articles at the number the splits found,
and puts each in the broad group holding most of its articles.

Large groups are split on a fixed random sample of :data:`SPLIT_SAMPLE` of their articles; every article
of the group then goes to the nearest sub-topic centre, so time stays bounded at any corpus size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from analysis.topics.cluster import canonical_labels, cluster_ensemble, cluster_stability
from analysis.topics.model import K_MAX, LSA_MIN_ARTICLES, SOLID_STABILITY
from analysis.topics.quality import group_separated, silhouettes

#: A topic holds at least this many articles (and at least MIN_TOPIC_SHARE of the corpus).
MIN_TOPIC_ARTICLES = 4
#: ... and at least this share of the corpus, so that a million articles give at most ~100 topics.
MIN_TOPIC_SHARE = 0.01
#: Sub-topics tried per group: 2 to this many.
SPLIT_K_MAX = 8
#: A split is kept when the consensus of half the runs agrees at least this well (adjusted Rand index)
#: with the consensus of the other half.
SPLIT_STABILITY = 0.6
#: ... and the sub-topics' mean silhouette inside the group reaches this (cosine, LSA space).
SPLIT_SILHOUETTE = 0.02
#: Of the stable, distinct candidate splits, the one with the fewest sub-topics whose score (stability
#: times silhouette) reaches this share of the best is kept: close scores are within noise, and each
#: sub-topic is tried again one level down.
SPLIT_TOLERANCE = 0.9
#: Levels of splitting below a broad group.
SPLIT_DEPTH = 2
#: k-means runs per candidate split (their two halves give the split's stability).
SPLIT_RUNS = 20
#: Groups larger than this are split on a random sample of this many articles.
SPLIT_SAMPLE = 1000
#: At most this many topics in all. On corpora of about a thousand varied articles the splits keep finding
#: stable, distinct sub-stories below the editors' grain (AllSides years, and an AllSides mix of 18 editors'
#: topics, all reached 40 topics when this was 40), so this bound often sets the number of topics there.
TOPIC_MAX = 35


def min_topic_size(n: int) -> int:
    """The fewest articles a topic may hold in a corpus of ``n`` articles."""
    return max(MIN_TOPIC_ARTICLES, math.ceil(MIN_TOPIC_SHARE * n))


@dataclass(frozen=True)
class Levels:
    """Topics and their broad groups, before the topics are numbered for readers.

    Attributes:
        labels: topic of each row (0..k-1, in no particular order).
        groups: broad group of each topic (index = topic).
        stability: per topic, how reliably it re-appears (the broad cluster's stability times that of
            each split that made it).
        splits: one record per group tried: ``rows`` (its size), ``k`` (sub-topics kept, 1 = not split),
            ``stability`` and ``silhouette`` of the best candidate.
    """

    labels: np.ndarray
    groups: np.ndarray
    stability: np.ndarray
    splits: list[dict]


def split_groups(
    z: np.ndarray,
    tfidf: sparse.csr_matrix,
    broad: np.ndarray,
    broad_stability: np.ndarray,
    *,
    random_state: int,
    refine_rounds: int,
) -> Levels:
    """Split each broad group into stable, distinct topics where its articles allow it.

    Args:
        z: the articles' embedding (rows in canonical order).
        tfidf: their TF-IDF rows (for the naive-Bayes refinement).
        broad: broad group of each article (0..g-1).
        broad_stability: per broad group, its stability.
        random_state: seeds every split.
        refine_rounds: naive-Bayes refinement rounds per split.

    Returns:
        The topics, their groups and stabilities.
    """
    n = len(z)
    min_size = min_topic_size(n)
    depth_max = SPLIT_DEPTH if n >= LSA_MIN_ARTICLES else 0
    labels = np.full(n, -1, dtype=np.int64)
    groups: list[int] = []
    stabilities: list[float] = []
    splits: list[dict] = []
    g = int(broad.max()) + 1
    pending = [(np.flatnonzero(broad == c), c, float(broad_stability[c]), 0) for c in range(g)]
    while pending:
        rows, group, stab, depth = pending.pop(0)
        room = TOPIC_MAX - len(groups) - len(pending)  # sub-topics this group may become
        sub = None
        if depth < depth_max and room >= 2:
            # a split clusters at most SPLIT_SAMPLE articles: one thread (OpenMP and BLAS) is quicker
            # (and much quicker on a busy machine) than several, with the same result
            with threadpool_limits(limits=1):
                sub = _best_split(
                    z,
                    tfidf,
                    rows,
                    min_size=min_size,
                    k_max=min(SPLIT_K_MAX, room),
                    random_state=random_state,
                    refine_rounds=refine_rounds,
                )
            splits.append(sub.record)
        if sub is None or sub.labels is None:
            labels[rows] = len(groups)
            groups.append(group)
            stabilities.append(stab)
            continue
        for c in range(int(sub.labels.max()) + 1):
            pending.append(
                (rows[sub.labels == c], group, stab * float(sub.stability[c]), depth + 1)
            )
    return Levels(
        labels=labels,
        groups=np.asarray(groups, dtype=np.int64),
        stability=np.asarray(stabilities),
        splits=splits,
    )


def broad_is_boundary(
    z: np.ndarray, broad: np.ndarray, stability: np.ndarray, *, random_state: int
) -> bool:
    """Whether topics nest inside the broad groups: every group would earn a solid badge (stability
    >= SOLID_STABILITY, its articles' mean silhouette >= SOLID_SILHOUETTE). A group without separation
    (a grab-bag, e.g. "everything but the primaries") is no boundary for the topics.

    Args:
        z: the articles' embedding.
        broad: broad group of each article (0..g-1).
        stability: per broad group, its stability.
        random_state: seeds the silhouettes' sample on large corpora.
    """
    g = int(broad.max()) + 1
    if g < 2:
        return False
    sil = silhouettes(z, broad, g, random_state)
    for c in range(g):
        if not group_separated(sil[broad == c]) or not stability[c] >= SOLID_STABILITY:
            return False
    return True


def nested_topics(levels: Levels) -> Levels:
    """The topics of ``levels`` numbered by size (ties: the topic whose first row comes first), with
    their groups and stabilities in that order."""
    labels = canonical_labels(levels.labels)
    new_of_old = np.empty(len(levels.groups), dtype=np.int64)
    new_of_old[levels.labels] = labels
    groups = np.empty_like(levels.groups)
    groups[new_of_old] = levels.groups
    stability = np.empty_like(levels.stability)
    stability[new_of_old] = levels.stability
    return Levels(labels=labels, groups=groups, stability=stability, splits=levels.splits)


@dataclass(frozen=True)
class _Split:
    labels: np.ndarray | None
    stability: np.ndarray | None
    record: dict


def _best_split(
    z: np.ndarray,
    tfidf: sparse.csr_matrix,
    rows: np.ndarray,
    *,
    min_size: int,
    k_max: int,
    random_state: int,
    refine_rounds: int,
) -> _Split:
    """The best stable, distinct split of ``rows`` into 2..k_max sub-topics, or none (labels None).

    A candidate is kept when it is stable (SPLIT_STABILITY) and its sub-topics are distinct inside the
    group (SPLIT_SILHOUETTE); of those kept, the one with the fewest sub-topics whose score (stability
    times silhouette) is within SPLIT_TOLERANCE of the best kept. (The best-scoring candidate alone is
    not enough: on varied news it is often an unstable split into many parts while a split into two or
    three is stable, and rejecting the group then leaves a grab-bag.)
    """
    m = len(rows)
    seq = np.random.SeedSequence([random_state, int(rows[0]), m])
    fit_rows = rows
    if m > SPLIT_SAMPLE:
        picked = np.random.default_rng(seq.spawn(1)[0]).choice(m, SPLIT_SAMPLE, replace=False)
        fit_rows = rows[np.sort(picked)]
    scale = len(fit_rows) / m
    seeds = [int(s) for s in seq.generate_state(SPLIT_RUNS)]
    zs, xs = z[fit_rows], tfidf[fit_rows]
    record = {"rows": m, "k": 1, "stability": float("nan"), "silhouette": float("nan")}
    tried, kept = [], []
    for kk in range(2, min(k_max, m // min_size) + 1):
        fit = cluster_ensemble(
            zs, xs, kk, seeds, n_init=3, refine_rounds=refine_rounds, progress=False, desc=""
        )
        if (np.bincount(fit.labels, minlength=kk) < min_size * scale).any():
            continue
        sil = float(np.nanmean(silhouettes(zs, fit.labels, kk, random_state)))
        tried.append((fit.stability * max(sil, 0.0), kk, fit.stability, sil))
        if fit.stability < SPLIT_STABILITY or sil < SPLIT_SILHOUETTE:
            continue
        kept.append((tried[-1], fit.labels, fit.runs))
    if not kept:  # the record shows the best-scoring candidate, which failed
        if tried:
            best = max(tried)
            record.update(stability=best[2], silhouette=best[3])
        return _Split(None, None, record)
    top = max(t[0][0] for t in kept)
    (_, kk, stab, sil), sub, runs = next(t for t in kept if t[0][0] >= SPLIT_TOLERANCE * top)
    record.update(k=kk, stability=stab, silhouette=sil)
    per = cluster_stability(sub, runs, kk)
    if len(fit_rows) < m:
        sub = nearest_centre(z[rows], zs, sub, kk)
    return _Split(sub, per, record)


def nearest_centre(
    points: np.ndarray, fitted: np.ndarray, labels: np.ndarray, k: int
) -> np.ndarray:
    """The cluster of each point: the nearest (cosine) of the centres of ``fitted`` rows' clusters."""
    centres = normalize(np.vstack([fitted[labels == c].mean(axis=0) for c in range(k)]))
    return np.asarray(np.argmax(points @ centres.T, axis=1), dtype=np.int64)


def group_topics(z: np.ndarray, labels: np.ndarray, k: int, *, random_state: int) -> np.ndarray:
    """Broad groups of ``k`` given topics: their centres merged (average linkage, cosine), the number of
    groups (2..min(K_MAX, k - 1)) with the best article silhouette; each topic its own group when k <= 3."""
    if k <= 3:
        return np.arange(k, dtype=np.int64)
    centres = normalize(np.vstack([z[labels == c].mean(axis=0) for c in range(k)]))
    best: tuple[float, np.ndarray] | None = None
    for g in range(2, min(K_MAX, k - 1) + 1):
        merged = AgglomerativeClustering(
            n_clusters=g, metric="cosine", linkage="average"
        ).fit_predict(centres)
        sil = float(np.nanmean(silhouettes(z, merged[labels], g, random_state)))
        if best is None or sil > best[0]:
            best = (sil, merged.astype(np.int64))
    assert best is not None
    return best[1]
