"""Stable topics across runs: align a new fit with a baseline model (last report's) so numbers keep meaning.

:func:`align_topics` matches the new fit's topics with the baseline's (Hungarian matching, SciPy's
``linear_sum_assignment``) on the articles both runs have (Jaccard index of their member sets), or, when the
runs share fewer than :data:`~analysis.topics.model.MATCH_MIN_SHARED` articles, on their centroids over the
terms both vocabularies have. A pair persists when it reaches :data:`~analysis.topics.model.MATCH_MIN_OVERLAP`
(or :data:`~analysis.topics.model.MATCH_MIN_SIMILARITY`): the topic keeps the baseline's number and label.
Any other new topic gets the next number never used and is marked new; a baseline topic left unmatched is
listed as faded, with the topic most of its articles are in now.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from analysis.topics.model import (
    MATCH_MIN_OVERLAP,
    MATCH_MIN_SHARED,
    MATCH_MIN_SIMILARITY,
    TopicModel,
)

__all__ = ["align_topics", "topic_similarity"]


def topic_similarity(model: TopicModel, baseline: TopicModel) -> tuple[np.ndarray, float, str]:
    """(baseline topics x model topics) similarity, the threshold a persisting pair must reach, and how.

    Returns:
        ``(matrix, threshold, basis)`` with ``basis`` ``"articles"`` (Jaccard over shared articles) or
        ``"words"`` (centroid cosine over shared terms).
    """
    shared = _shared_rows(model, baseline)
    if shared is not None and len(shared[0]) >= MATCH_MIN_SHARED:
        now, before = model.labels[shared[0]], baseline.labels[shared[1]]
        both = np.zeros((baseline.k, model.k))
        np.add.at(both, (before, now), 1)
        union = both.sum(axis=1, keepdims=True) + both.sum(axis=0, keepdims=True) - both
        return (
            np.divide(both, union, out=np.zeros_like(both), where=union > 0),
            MATCH_MIN_OVERLAP,
            "articles",
        )
    return _centroid_similarity(model, baseline), MATCH_MIN_SIMILARITY, "words"


def _shared_rows(model: TopicModel, baseline: TopicModel) -> tuple[np.ndarray, np.ndarray] | None:
    if model.ids is None or baseline.ids is None:
        return None
    before = pd.Series(np.arange(len(baseline.ids)), index=pd.Index(baseline.ids.astype(str)))
    before = before[~before.index.duplicated()]
    now = pd.Series(np.arange(len(model.ids)), index=pd.Index(model.ids.astype(str)))
    now = now[~now.index.duplicated()]
    common = now.index.intersection(before.index, sort=False)
    return now[common].to_numpy(), before[common].to_numpy()


def _centroid_similarity(model: TopicModel, baseline: TopicModel) -> np.ndarray:
    if model.space is None or baseline.space is None:
        return np.zeros((baseline.k, model.k))
    a, b = baseline.space, model.space
    common, ia, ib = np.intersect1d(a.terms, b.terms, return_indices=True)
    if len(common) == 0:
        return np.zeros((baseline.k, model.k))
    return np.asarray(a.centroids[:, ia] @ b.centroids[:, ib].T, dtype=np.float64)


def align_topics(model: TopicModel, baseline: TopicModel) -> TopicModel:
    """The model with its topics matched to the baseline's: numbers, labels, ``new`` and ``faded``.

    Args:
        model: a model fitted on the new corpus (``fit_topics``).
        baseline: the earlier model (e.g. loaded with :func:`analysis.load_model`).

    Returns:
        A new :class:`TopicModel` whose topics are ordered by number; its notes say how many topics
        persisted, which are new and which faded.
    """
    sim, threshold, basis = topic_similarity(model, baseline)
    rows, cols = linear_sum_assignment(-sim)
    matched = {int(c): int(r) for r, c in zip(rows, cols, strict=True) if sim[r, c] >= threshold}
    before = baseline.numbers
    used = [
        *before.tolist(),
        *baseline.faded.get("number", pd.Series(dtype=int)).astype(int).tolist(),
    ]
    next_number = max(used, default=0) + 1
    numbers = np.empty(model.k, dtype=np.int64)
    labels = model.clusters["label"].to_numpy(dtype=object).copy()
    for c in range(model.k):  # by position: the larger new topic gets the smaller new number
        if c in matched:
            numbers[c] = before[matched[c]]
            labels[c] = baseline.clusters["label"].iloc[matched[c]]
        else:
            numbers[c], next_number = next_number, next_number + 1
    clusters = model.clusters.assign(
        number=numbers, label=labels, new=[c not in matched for c in range(model.k)]
    )
    order = np.argsort(numbers, kind="stable")
    position = np.empty(model.k, dtype=np.int64)
    position[order] = np.arange(model.k)
    faded = _faded(model, baseline, set(matched.values()), numbers, sim)
    persisted, new = len(matched), model.k - len(matched)
    note = (
        f"Compared with the baseline ({baseline.n_articles:,} articles, {baseline.k} topics) by their "
        f"{'shared articles' if basis == 'articles' else 'words'}: {persisted} topic(s) persist with their "
        f"numbers and labels, {new} new, {len(faded)} faded."
    )
    return replace(
        model,
        labels=position[model.labels],
        clusters=clusters.iloc[order].reset_index(drop=True).rename_axis(model.clusters.index.name),
        space=model.space.reordered(order) if model.space is not None else None,
        faded=faded,
        notes=[*_renumbered(model.notes, numbers), note],
    )


def _renumbered(notes: list[str], numbers: np.ndarray) -> list[str]:
    """Notes written before alignment name topics by position + 1 ("Cluster 3 (...)"): their numbers now."""

    def number(match: re.Match) -> str:
        at = int(match.group(1)) - 1
        return f"Cluster {numbers[at]} (" if 0 <= at < len(numbers) else match.group(0)

    return [re.sub(r"\bCluster (\d+) \(", number, note) for note in notes]


def _faded(
    model: TopicModel, baseline: TopicModel, kept: set[int], numbers: np.ndarray, sim: np.ndarray
) -> pd.DataFrame:
    """Baseline topics that did not persist, with the topic (number) most like each now."""
    rows = []
    for r in range(baseline.k):
        if r in kept:
            continue
        best = int(np.argmax(sim[r])) if model.k and sim[r].max() > 0 else None
        rows.append(
            {
                "number": int(baseline.numbers[r]),
                "label": str(baseline.clusters["label"].iloc[r]),
                "size": int(baseline.clusters["size"].iloc[r]),
                "now_in": None if best is None else int(numbers[best]),
            }
        )
    return pd.DataFrame(rows, columns=["number", "label", "size", "now_in"])
