"""Two levels of topics: the topics an editor would name, and the broad groups they fall into.

The topics come from ONE fine ensemble (:func:`analysis.topics.cluster.cluster_ensemble`) at the number
of topics the corpus can hold: :data:`TOPIC_MAX`, or fewer when each topic would then hold fewer than
:func:`min_topic_size` articles. Its clusters are then merged bottom-up where they are not stable
(:func:`merge_topics`): the least stable one (per-cluster stability below :data:`MERGE_STABILITY`: the
consensus partitions of the ensemble's two halves do not find it again) joins the topic its articles were
most often put together with by those partitions (their co-association), until every topic is stable or
one is left. A merged topic's stability is how well the halves find it as a whole (the union of the
halves' clusters lying mostly inside it). A merged topic that stays without separation is shown as
mixed, like any other cluster (:func:`analysis.topics.quality.is_mixed`).

The broad groups are the topics' centres merged (average linkage, cosine: :func:`group_topics`) into the
number of groups the k chart chooses. Below ``LSA_MIN_ARTICLES`` articles the k chart's clusters are the
topics: sub-topics of a handful of articles cannot be told from noise.

Why one fine ensemble and not a split of each broad group: splitting tried 2..8 sub-topics per group, to
two levels, each candidate an ensemble of 20 k-means runs: about 1,300 k-means calls, which more than
doubled ``fit_topics`` at 20,000 articles (issue 18). The fine ensemble is the one ``fit_topics`` with k
given fits too, so choosing the topics adds only the k chart and the merging (no k-means run).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.preprocessing import normalize

from analysis.topics.cluster import canonical_labels
from analysis.topics.model import K_MAX, SOLID_STABILITY
from analysis.topics.quality import group_separated, silhouettes

#: A topic holds at least this many articles (and at least MIN_TOPIC_SHARE of the corpus).
MIN_TOPIC_ARTICLES = 4
#: ... and at least this share of the corpus, so that a million articles give at most ~100 topics.
MIN_TOPIC_SHARE = 0.01
#: A topic is kept as it is when the consensus partitions of the two halves of its ensemble find it
#: again this well (mean Jaccard of its best match); a less stable one is merged into the topic its articles
#: were most often put together with. Below this a topic's badge would be "weak" (quality.badge).
MERGE_STABILITY = 0.5
#: At most this many topics in all. On corpora of about a thousand varied articles the splits keep finding
#: stable, distinct sub-stories below the editors' grain (AllSides years, and an AllSides mix of 18 editors'
#: topics, all reached 40 topics when this was 40), so this bound often sets the number of topics there.
TOPIC_MAX = 35


def min_topic_size(n: int) -> int:
    """The fewest articles a topic may hold in a corpus of ``n`` articles."""
    return max(MIN_TOPIC_ARTICLES, math.ceil(MIN_TOPIC_SHARE * n))


@dataclass(frozen=True)
class Merged:
    """Topics after merging the unstable clusters of the fine ensemble.

    Attributes:
        labels: topic of each row (0..k-1, numbered by size; ties: the topic whose first row comes first).
        stability: per topic, how well the halves of the ensemble find it again.
        merges: one record per merge: ``rows`` (the merged topic's size), ``parts`` (the sizes merged),
            ``stability`` before (of the least stable part) and ``after``.
    """

    labels: np.ndarray
    stability: np.ndarray
    merges: list[dict]


def fine_topic_count(n: int) -> int:
    """Topics the fine ensemble is fitted at: TOPIC_MAX, or fewer so that each may hold min_topic_size."""
    return max(2, min(TOPIC_MAX, n // min_topic_size(n)))


def merge_topics(fine: np.ndarray, runs: list[np.ndarray], min_size: int) -> Merged:
    """Merge the fine clusters bottom-up until each topic is stable (:data:`MERGE_STABILITY`) and holds
    at least ``min_size`` articles.

    The smallest topic under ``min_size``, else the least stable one, joins the one its articles share
    the halves' clusters with most (the co-association of the two topics, per pair of articles); its
    new stability is recomputed from the halves, and so on until every topic is stable and large
    enough, or one is left. No k-means is run (lowering k and fitting again cost a whole ensemble per
    step).

    Args:
        fine: the fine ensemble's cluster of each row (0..k-1).
        runs: the consensus partitions of the ensemble's halves (``ClusterFit.runs``).
        min_size: the fewest articles a topic may hold.
    """
    k = int(fine.max()) + 1
    tables = []
    for run in runs:
        m = int(run.max()) + 1
        tables.append(np.bincount(fine * m + run, minlength=k * m).reshape(k, m).astype(float))
    parts: list[list[int]] = [[c] for c in range(k)]
    stab = [_stability(tables, [c]) for c in range(k)]
    merges: list[dict] = []
    while len(parts) > 1:
        inside = [[t[p].sum(axis=0) for t in tables] for p in parts]
        size = [i[0].sum() for i in inside]
        small = [t for t in range(len(parts)) if size[t] < min_size]
        first = [min(p) for p in parts]
        if small:
            worst = min(small, key=lambda t: (size[t], first[t]))
        else:
            worst = min(range(len(parts)), key=lambda t: (stab[t], first[t]))
        if not small and stab[worst] >= MERGE_STABILITY:
            break
        co = [
            sum(float(a @ b) for a, b in zip(inside[worst], inside[t], strict=True))
            / (size[t] or 1)
            if t != worst
            else -1.0
            for t in range(len(parts))
        ]
        other = int(np.argmax(co))
        joined = sorted(parts[worst] + parts[other])
        merges.append(
            {
                "rows": int(size[worst] + size[other]),
                "parts": [int(size[worst]), int(size[other])],
                "stability": float(stab[worst]),
                "after": _stability(tables, joined),
            }
        )
        keep, drop = min(worst, other), max(worst, other)
        parts[keep], stab[keep] = joined, merges[-1]["after"]
        del parts[drop], stab[drop]
    topic_of = np.empty(k, dtype=np.int64)
    for t, p in enumerate(parts):
        topic_of[p] = t
    labels = canonical_labels(topic_of[fine])
    order = np.empty(len(parts), dtype=np.int64)
    order[topic_of[fine]] = labels
    stability = np.empty(len(parts))
    stability[order] = stab
    return Merged(labels=labels, stability=stability, merges=merges)


def _stability(tables: list[np.ndarray], part: list[int]) -> float:
    """How well each half finds the topic made of fine clusters ``part``: the Jaccard of the topic with
    the better of the half's best-matching cluster and the union of the half's clusters lying mostly
    inside the topic, averaged over the halves."""
    out = 0.0
    for table in tables:
        inside = table[part].sum(axis=0)
        size_r = table.sum(axis=0)
        size = inside.sum()
        best = float((inside / np.maximum(size + size_r - inside, 1)).max())
        mostly = inside > size_r / 2
        union = inside[mostly].sum() / max(size + size_r[mostly].sum() - inside[mostly].sum(), 1)
        out += max(best, float(union))
    return out / max(len(tables), 1)


def broad_of_rows(z: np.ndarray, broad: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """The broad group of every row: the k chart's consensus cluster on the chart's rows, the nearest
    (cosine) of those clusters' centres elsewhere (the chart ran on a sample of a large corpus)."""
    rows, chart, _ = broad
    out = np.empty(len(z), dtype=np.int64)
    g = int(chart.max()) + 1
    centres = normalize(np.vstack([z[rows[chart == c]].mean(axis=0) for c in range(g)]))
    out[:] = np.argmax(z @ centres.T, axis=1)
    out[rows] = chart
    return out


def broad_groups(labels: np.ndarray, k: int, article_broad: np.ndarray) -> np.ndarray:
    """The broad group of each of ``k`` topics: the one holding most of its articles; groups numbered
    0.. in order of their first topic, a broad group holding no topic left out."""
    overlap = np.zeros((k, int(article_broad.max()) + 1), dtype=np.int64)
    np.add.at(overlap, (labels, article_broad), 1)
    _, groups = np.unique(np.argmax(overlap, axis=1), return_inverse=True)
    return groups.astype(np.int64)


def nest_topics(
    z: np.ndarray, merged: Merged, article_broad: np.ndarray
) -> tuple[Merged, np.ndarray]:
    """Topics inside the broad groups, when those are a boundary (:func:`broad_is_boundary`): each topic
    belongs to the group holding most of its articles, and an article of another group moves to the
    nearest (cosine) centre of its own group's topics (it stays when its group holds no topic). Returns
    the topics (renumbered by size, stability carried) and each one's group."""
    labels = merged.labels.copy()
    k = int(labels.max()) + 1
    overlap = np.zeros((k, int(article_broad.max()) + 1), dtype=np.int64)
    np.add.at(overlap, (labels, article_broad), 1)
    home = np.argmax(overlap, axis=1)
    centres = normalize(np.vstack([z[labels == t].mean(axis=0) for t in range(k)]))
    for g in np.unique(home):
        strays = np.flatnonzero((article_broad == g) & (home[labels] != g))
        mine = np.flatnonzero(home == g)
        if len(strays):
            labels[strays] = mine[np.argmax(z[strays] @ centres[mine].T, axis=1)]
    kept = np.unique(labels)
    new = canonical_labels(labels)
    order = np.empty(k, dtype=np.int64)
    order[labels] = new
    stability = np.empty(len(kept))
    stability[order[kept]] = merged.stability[kept]
    _, groups = np.unique(home[kept], return_inverse=True)
    by_new = np.empty(len(kept), dtype=np.int64)
    by_new[order[kept]] = groups
    return Merged(labels=new, stability=stability, merges=merged.merges), by_new


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
