"""Stable topics across runs: align a new fit with a baseline model (last report's) so numbers keep meaning.

:func:`align_topics` aligns both levels the report numbers: the topics, and their broad groups. At each
level it matches the new fit's units with the baseline's (Hungarian matching, SciPy's
``linear_sum_assignment``) on the articles both runs have (Jaccard index of their member sets), or, when the
runs share fewer than :data:`~analysis.topics.model.MATCH_MIN_SHARED` articles, on their centroids over the
terms both vocabularies have. A pair persists when it reaches :data:`~analysis.topics.model.MATCH_MIN_OVERLAP`
(or :data:`~analysis.topics.model.MATCH_MIN_SIMILARITY`): the unit keeps the baseline's number and label.
Any other unit gets the next number never used: it is marked ``new`` when most of its articles are new since
the baseline, ``redrawn`` when most were already there (a different cut of the same articles; see
:data:`~analysis.topics.model.REDRAWN_MIN_SHARE`). A baseline unit left unmatched is listed in ``faded``
(topics) or ``faded_groups`` (broad groups), with the unit most of its articles are in now and its status:
"faded" when most of its articles are gone, "re-drawn" when they are still here. Topics and groups come back
ordered by number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.preprocessing import normalize

from analysis.ids import common_rows
from analysis.topics.model import (
    MATCH_MIN_OVERLAP,
    MATCH_MIN_SHARED,
    MATCH_MIN_SIMILARITY,
    REDRAWN_MIN_SHARE,
    TopicModel,
)

__all__ = ["FADED_COLUMNS", "align_topics", "group_similarity", "has_groups", "topic_similarity"]

FADED_COLUMNS = ["number", "label", "size", "now_in", "status"]


def topic_similarity(model: TopicModel, baseline: TopicModel) -> tuple[np.ndarray, float, str]:
    """(baseline topics x model topics) similarity, the threshold a persisting pair must reach, and how.

    Returns:
        ``(matrix, threshold, basis)`` with ``basis`` ``"articles"`` (Jaccard over shared articles) or
        ``"words"`` (centroid cosine over shared terms).
    """
    return _similarity(
        model,
        baseline,
        now=(model.labels, model.k),
        before=(baseline.labels, baseline.k),
        centroids=lambda m: None if m.space is None else m.space.centroids,
    )


def group_similarity(model: TopicModel, baseline: TopicModel) -> tuple[np.ndarray, float, str]:
    """(baseline groups x model groups) similarity, as :func:`topic_similarity` for the broad groups."""
    return _similarity(
        model,
        baseline,
        now=(model.groups[model.labels], _n_groups(model)),
        before=(baseline.groups[baseline.labels], _n_groups(baseline)),
        centroids=_group_centroids,
    )


def _similarity(model, baseline, *, now, before, centroids) -> tuple[np.ndarray, float, str]:
    (rows_now, k_now), (rows_before, k_before) = now, before
    shared = _shared_rows(model, baseline)
    if shared is not None and len(shared[0]) >= MATCH_MIN_SHARED:
        both = np.zeros((k_before, k_now))
        np.add.at(both, (rows_before[shared[1]], rows_now[shared[0]]), 1)
        union = both.sum(axis=1, keepdims=True) + both.sum(axis=0, keepdims=True) - both
        jaccard = np.divide(both, union, out=np.zeros_like(both), where=union > 0)
        return jaccard, MATCH_MIN_OVERLAP, "articles"
    return (
        _centroid_similarity(
            model, baseline, centroids(model), centroids(baseline), k_now, k_before
        ),
        MATCH_MIN_SIMILARITY,
        "words",
    )


def _shared_rows(model: TopicModel, baseline: TopicModel) -> tuple[np.ndarray, np.ndarray] | None:
    if model.ids is None or baseline.ids is None:
        return None
    before, now = common_rows(baseline.ids, model.ids)
    return now, before


def _centroid_similarity(model, baseline, now, before, k_now: int, k_before: int) -> np.ndarray:
    if now is None or before is None:
        return np.zeros((k_before, k_now))
    common, ia, ib = np.intersect1d(baseline.space.terms, model.space.terms, return_indices=True)
    if len(common) == 0:
        return np.zeros((k_before, k_now))
    return np.asarray(before[:, ia] @ now[:, ib].T, dtype=np.float64)


def _group_centroids(model: TopicModel) -> np.ndarray | None:
    """Each group's centroid: its topics' centroids weighted by their sizes, L2-normalised."""
    if model.space is None:
        return None
    weights = np.zeros((_n_groups(model), model.k))
    weights[model.groups, np.arange(model.k)] = model.clusters["size"].to_numpy(dtype=np.float64)
    return normalize(weights @ np.asarray(model.space.centroids, dtype=np.float64))


def _n_groups(model: TopicModel) -> int:
    if len(model.group_table):
        return len(model.group_table)
    return int(model.groups.max()) + 1 if model.k else 0


def has_groups(model: TopicModel) -> bool:
    """Whether the model says which broad group each topic is in."""
    return "group" in model.clusters.columns and model.k > 0


@dataclass(frozen=True)
class _Matched:
    """The outcome of matching one level: each unit's number, which baseline unit it matched, faded ones."""

    numbers: np.ndarray
    matched: dict[int, int]  # unit position now -> baseline position
    faded: pd.DataFrame
    basis: str
    redrawn: np.ndarray  # per unit now: unmatched, but mostly made of the baseline's articles

    @property
    def unmatched(self) -> np.ndarray:
        return np.array([c not in self.matched for c in range(len(self.numbers))], dtype=bool)

    @property
    def new(self) -> np.ndarray:
        return self.unmatched & ~self.redrawn

    @property
    def order(self) -> np.ndarray:
        """Old positions in number order (``order[i]`` is the old position of unit ``i``)."""
        return np.argsort(self.numbers, kind="stable")

    @property
    def position(self) -> np.ndarray:
        """New position of each old position."""
        position = np.empty(len(self.numbers), dtype=np.int64)
        position[self.order] = np.arange(len(self.numbers))
        return position


def _match(
    sim: np.ndarray,
    threshold: float,
    basis: str,
    *,
    before_numbers: np.ndarray,
    before_labels: np.ndarray,
    before_sizes: np.ndarray,
    faded_before: pd.DataFrame,
    shares: tuple[np.ndarray, np.ndarray] | None,
) -> _Matched:
    """Hungarian matching of one level; numbers for every unit now and the baseline's faded units.

    ``shares`` (when the runs share articles): per unit now, the share of its articles the baseline had;
    per baseline unit, the share of its articles still in the corpus (see :data:`REDRAWN_MIN_SHARE`).
    """
    k_before, k = sim.shape
    rows, cols = linear_sum_assignment(-sim) if sim.size else ([], [])
    matched = {int(c): int(r) for r, c in zip(rows, cols, strict=True) if sim[r, c] >= threshold}
    used = [*before_numbers.tolist(), *faded_before.get("number", pd.Series(dtype=int)).astype(int)]
    next_number = max(used, default=0) + 1
    numbers = np.empty(k, dtype=np.int64)
    for c in range(k):  # by position: the larger new unit gets the smaller new number
        if c in matched:
            numbers[c] = before_numbers[matched[c]]
        else:
            numbers[c], next_number = next_number, next_number + 1
    kept = set(matched.values())
    faded = []
    for r in range(k_before):
        if r in kept:
            continue
        best = int(np.argmax(sim[r])) if k and sim[r].max() > 0 else None
        still = shares is not None and shares[1][r] >= REDRAWN_MIN_SHARE
        faded.append(
            {
                "number": int(before_numbers[r]),
                "label": str(before_labels[r]),
                "size": int(before_sizes[r]),
                "now_in": None if best is None else int(numbers[best]),
                "status": "re-drawn" if still else "faded",
            }
        )
    redrawn = np.zeros(k, dtype=bool)
    if shares is not None:
        redrawn = (shares[0] >= REDRAWN_MIN_SHARE) & np.array(
            [c not in matched for c in range(k)], dtype=bool
        )
    return _Matched(numbers, matched, pd.DataFrame(faded, columns=FADED_COLUMNS), basis, redrawn)


def _shares(
    model: TopicModel,
    baseline: TopicModel,
    now: tuple[np.ndarray, int],
    before: tuple[np.ndarray, int],
) -> tuple[np.ndarray, np.ndarray] | None:
    """Per unit now, the share of its articles the baseline had; per baseline unit, the share of its
    articles still here (None when the runs share too few articles to say)."""
    shared = _shared_rows(model, baseline)
    if shared is None or len(shared[0]) < MATCH_MIN_SHARED:
        return None
    (rows_now, k_now), (rows_before, k_before) = now, before
    old = np.bincount(rows_now[shared[0]], minlength=k_now)
    kept = np.bincount(rows_before[shared[1]], minlength=k_before)
    size_now = np.bincount(rows_now, minlength=k_now)
    size_before = np.bincount(rows_before, minlength=k_before)
    return old / np.maximum(size_now, 1), kept / np.maximum(size_before, 1)


def align_topics(model: TopicModel, baseline: TopicModel) -> TopicModel:
    """The model with its topics and broad groups matched to the baseline's: numbers, labels, new, faded.

    Args:
        model: a model fitted on the new corpus (``fit_topics``).
        baseline: the earlier model (e.g. loaded with :func:`analysis.load_model`).

    Returns:
        A new :class:`TopicModel` with as many topics as ``model``, ordered by number; ``clusters`` has
        ``number``, ``label`` and ``new``; ``group_table`` has ``number``, ``label`` and ``new`` and is
        ordered by number; ``faded`` and ``faded_groups`` list the baseline's units that did not persist;
        its notes say how many persisted, which are new and which faded.
    """
    sim, threshold, basis = topic_similarity(model, baseline)
    topics = _match(
        sim,
        threshold,
        basis,
        before_numbers=baseline.numbers,
        before_labels=baseline.clusters["label"].to_numpy(dtype=object),
        before_sizes=baseline.clusters["size"].to_numpy(),
        faded_before=baseline.faded,
        shares=_shares(model, baseline, (model.labels, model.k), (baseline.labels, baseline.k)),
    )
    labels = model.clusters["label"].to_numpy(dtype=object).copy()
    for c, r in topics.matched.items():
        labels[c] = baseline.clusters["label"].iloc[r]
    order, position = topics.order, topics.position
    clusters = model.clusters.assign(
        number=topics.numbers, label=labels, new=topics.new, redrawn=topics.redrawn
    )
    aligned = replace(
        model,
        labels=position[model.labels],
        clusters=clusters.iloc[order].reset_index(drop=True).rename_axis(model.clusters.index.name),
        space=model.space.reordered(order) if model.space is not None else None,
        faded=topics.faded,
        group_table=_topics_renumbered(model.group_table, position),
        notes=_renumbered(model.notes, topics.numbers),
    )
    aligned, groups = _align_groups(aligned, baseline)
    return replace(aligned, notes=[*aligned.notes, _note(baseline, topics, groups)])


def _topics_renumbered(table: pd.DataFrame, position: np.ndarray) -> pd.DataFrame:
    """The group table with its ``topics`` (0-based positions) at the topics' new positions."""
    if len(table) == 0 or "topics" not in table.columns:
        return table
    return table.assign(topics=[sorted(int(position[t]) for t in ts) for ts in table["topics"]])


def _align_groups(model: TopicModel, baseline: TopicModel) -> tuple[TopicModel, _Matched | None]:
    """The model with its broad groups numbered as the baseline's (groups in number order)."""
    if not has_groups(model) or len(model.group_table) == 0 or not has_groups(baseline):
        return model, None
    sim, threshold, basis = group_similarity(model, baseline)
    g_before = _n_groups(baseline)
    table = baseline.group_table
    before_labels = (
        table["label"].to_numpy(dtype=object)
        if "label" in table.columns
        else np.array([""] * g_before, dtype=object)
    )
    before_sizes = np.bincount(baseline.groups[baseline.labels], minlength=g_before)
    groups = _match(
        sim,
        threshold,
        basis,
        before_numbers=baseline.group_numbers,
        before_labels=before_labels,
        before_sizes=before_sizes,
        faded_before=baseline.faded_groups,
        shares=_shares(
            model,
            baseline,
            (model.groups[model.labels], len(model.group_table)),
            (baseline.groups[baseline.labels], g_before),
        ),
    )
    labels = model.group_table["label"].to_numpy(dtype=object).copy()
    for c, r in groups.matched.items():
        if "label" in table.columns:
            labels[c] = before_labels[r]
    order, position = groups.order, groups.position
    topic_groups = position[model.groups]
    group_table = (
        model.group_table.assign(
            number=groups.numbers, label=labels, new=groups.new, redrawn=groups.redrawn
        )
        .iloc[order]
        .reset_index(drop=True)
        .rename_axis("group")
    )
    group_table["topics"] = [
        [int(t) for t in np.flatnonzero(topic_groups == g)] for g in range(len(group_table))
    ]
    return (
        replace(
            model,
            clusters=model.clusters.assign(group=topic_groups),
            group_table=group_table,
            faded_groups=groups.faded,
        ),
        groups,
    )


def _note(baseline: TopicModel, topics: _Matched, groups: _Matched | None) -> str:
    note = (
        f"Compared with the baseline ({baseline.n_articles:,} articles, {baseline.k} topics) by their "
        f"{'shared articles' if topics.basis == 'articles' else 'words'}: {_counted(topics, 'topic')}."
    )
    if groups is not None:
        note += f" Broad groups: {_counted(groups, 'group')}."
    return note


def _counted(level: _Matched, unit: str) -> str:
    """ "23 topic(s) persist with their numbers and labels, 11 new, 0 faded, 6 re-drawn ..."."""
    redrawn = int(level.redrawn.sum())
    gone = int((level.faded["status"] == "faded").sum())
    before_redrawn = len(level.faded) - gone
    text = (
        f"{len(level.matched)} {unit}(s) persist with their numbers and labels, "
        f"{int(level.new.sum())} new, {gone} faded"
    )
    if redrawn:
        text += f", {redrawn} re-drawn from articles the baseline already had"
    if before_redrawn:
        text += (
            f"; {before_redrawn} of the baseline's {unit}s were re-drawn (their articles are still "
            f"here, in other {unit}s)"
        )
    return text


def _renumbered(notes: list[str], numbers: np.ndarray) -> list[str]:
    """Notes written before alignment name topics by position + 1 ("Cluster 3 (...)"): their numbers now."""

    def number(match: re.Match) -> str:
        at = int(match.group(1)) - 1
        return f"Cluster {numbers[at]} (" if 0 <= at < len(numbers) else match.group(0)

    return [re.sub(r"\bCluster (\d+) \(", number, note) for note in notes]
