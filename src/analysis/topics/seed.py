"""Topics seeded from a baseline: a new fit that stays with last report's topics where its articles are the same.

A fresh fit of a corpus that only adds articles to the baseline's cuts the fine topics afresh: on BBC News
with one category added, only about half of the old articles kept their topic number, although the broad
groups all persisted. :func:`seeded_topics` keeps the baseline's topics instead and decides new topics
only among what they do not explain:

1. every article the baseline had stays in its old topic;
2. each old topic's centroid is measured in the new fit's space (the mean of its articles' rows), with the
   similarity below which an article fits none of the topics (the
   :data:`~analysis.topics.model.FITS_NONE_QUANTILE` quantile of its own articles', as
   :meth:`analysis.topics.model.TopicModel.assign` says);
3. a topic of the fresh fit becomes a new topic (its new articles do) when it is mostly new articles (at
   least :data:`~analysis.topics.model.REDRAWN_MIN_SHARE`), as large a share of them fit none of the old
   topics, and they are at least a topic's smallest size; any other new article joins the nearest old
   topic when it fits one, else the nearest topic, old or new.

A new topic joins the baseline's broad group that most of its fresh group's old articles are in when that
fresh group is mostly old articles; else the new topics of one fresh group form one new broad group. The
result depends only on the fresh fit and the articles' ids, so it keeps the fit's determinism and
independence of row order; a corpus the baseline already had in full gives back its topics exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.preprocessing import normalize

from analysis.ids import rows_in
from analysis.topics.cluster import canonical_labels
from analysis.topics.model import (
    FITS_NONE_QUANTILE,
    MATCH_MIN_SHARED,
    REDRAWN_MIN_SHARE,
    TopicModel,
)
from analysis.wording import plural

__all__ = ["Seeded", "baseline_rows", "seeded_topics"]


@dataclass(frozen=True)
class Seeded:
    """Topics seeded from a baseline, numbered by size (ties: the topic whose first row comes first).

    Attributes:
        labels: topic of each row (0..k-1).
        groups: broad group of each topic (any integers; topics of one group share it).
        stability: per topic: an old topic's stability in the baseline, a new topic's in the fresh fit.
        note: what was done, for readers.
    """

    labels: np.ndarray
    groups: np.ndarray
    stability: np.ndarray
    note: str

    @property
    def k(self) -> int:
        return len(self.groups)


def baseline_rows(baseline: TopicModel, ids: np.ndarray) -> np.ndarray:
    """Each article's row in the baseline (by id), -1 for an article it did not have."""
    return rows_in(baseline.ids, ids)


def seeded_topics(
    z: np.ndarray,
    ids: np.ndarray | None,
    fresh: tuple[np.ndarray, np.ndarray, np.ndarray | None],
    baseline: TopicModel,
    *,
    min_size: int,
) -> Seeded | None:
    """The baseline's topics carried into a new fit, with new topics where the old ones explain nothing.

    Args:
        z: the articles' rows in the new fit's space (L2-normalised).
        ids: the id of each row (None: the articles cannot be recognised).
        fresh: the fresh fit's topic of each row, broad group of each topic and per-topic stability.
        baseline: last report's model (its ``ids``, ``labels``, ``groups``, ``clusters``).
        min_size: the fewest articles a new topic may hold.

    Returns:
        The seeded topics, or None when the runs share fewer than
        :data:`~analysis.topics.model.MATCH_MIN_SHARED` articles (the fresh fit is then aligned as it is).
    """
    if ids is None or baseline.ids is None or baseline.k == 0:
        return None
    before = baseline_rows(baseline, ids)
    known = before >= 0
    if int(known.sum()) < MATCH_MIN_SHARED:
        return None
    old = np.full(len(z), -1, dtype=np.int64)
    old[known] = baseline.labels[before[known]]
    kept = np.unique(old[known])  # the baseline's topics that still have articles
    labels = np.where(known, np.searchsorted(kept, np.maximum(old, 0)), -1)
    fits = _fits_old(z, labels, len(kept))
    fresh_labels, fresh_groups, fresh_stability = fresh
    sources = []
    for t in range(int(fresh_labels.max()) + 1):
        new_rows = np.flatnonzero((fresh_labels == t) & ~known)
        size = int((fresh_labels == t).sum())
        if (
            len(new_rows) >= max(min_size, REDRAWN_MIN_SHARE * size)
            and (~fits[new_rows]).mean() >= REDRAWN_MIN_SHARE
        ):
            labels[new_rows] = len(kept) + len(sources)
            sources.append(t)
    # any other new article: the nearest old topic when it fits one, else the nearest topic, old or new
    rest = np.flatnonzero(labels < 0)
    sims = np.asarray(z[rest], dtype=np.float64) @ _centres(z, labels, len(kept) + len(sources)).T
    sims[fits[rest], len(kept) :] = -np.inf
    labels[rest] = np.argmax(sims, axis=1) if len(rest) else rest
    base_groups = _groups_of(baseline)
    groups = np.concatenate(
        [base_groups[kept], _new_groups(fresh_labels, fresh_groups, sources, old, base_groups)]
    ).astype(np.int64)
    base_stab = baseline.clusters["stability"].to_numpy(dtype=np.float64)[kept]
    new_stab = (
        np.asarray(fresh_stability, dtype=np.float64)[sources]
        if fresh_stability is not None
        else np.full(len(sources), np.nan)
    )
    stability = np.concatenate([base_stab, new_stab])
    ordered = canonical_labels(labels)
    at = np.empty(len(groups), dtype=np.int64)
    at[labels] = ordered
    topic_of = np.argsort(at)
    in_new = int((labels >= len(kept)).sum())
    n_new = int((~known).sum())
    return Seeded(
        labels=ordered,
        groups=groups[topic_of],
        stability=stability[topic_of],
        note=_note(int(known.sum()), n_new - in_new, in_new, len(sources)),
    )


def _centres(z: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """The L2-normalised mean row of each topic 0..k-1 (rows labelled -1 are left out)."""
    return normalize(np.vstack([z[labels == c].mean(axis=0) for c in range(k)]).astype(np.float64))


def _fits_old(z: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Per row, whether it fits one of the old topics 0..k-1 (the others' rows are labelled -1): its
    similarity to the nearest reaches the FITS_NONE_QUANTILE quantile of that topic's own articles'."""
    sims = np.asarray(z, dtype=np.float64) @ _centres(z, labels, k).T
    nearest = np.argmax(sims, axis=1)
    floors = np.array(
        [float(np.quantile(sims[labels == c, c], FITS_NONE_QUANTILE)) for c in range(k)]
    )
    return sims[np.arange(len(z)), nearest] >= floors[nearest]


def _new_groups(
    fresh_labels: np.ndarray,
    fresh_groups: np.ndarray,
    sources: list[int],
    old: np.ndarray,
    base_groups: np.ndarray,
) -> np.ndarray:
    """The broad group of each new topic (made from fresh topic ``sources[i]``): the baseline's group
    most of its fresh group's old articles are in when that group is mostly old articles, else a new
    group per fresh group (numbered after the baseline's)."""
    n_before = int(base_groups.max()) + 1
    fresh_group_of_row = fresh_groups[fresh_labels]
    out, new_ids = [], {}
    for t in sources:
        g = int(fresh_groups[t])
        in_g = fresh_group_of_row == g
        known = in_g & (old >= 0)
        if known.sum() >= REDRAWN_MIN_SHARE * in_g.sum():
            out.append(int(np.argmax(np.bincount(base_groups[old[known]]))))
            continue
        out.append(new_ids.setdefault(g, n_before + len(new_ids)))
    return np.asarray(out, dtype=np.int64)


def _groups_of(baseline: TopicModel) -> np.ndarray:
    """The baseline's broad group of each topic (each topic its own when it has none)."""
    if "group" in baseline.clusters.columns:
        return baseline.groups
    return np.arange(baseline.k, dtype=np.int64)


def _note(n_known: int, joined: int, in_new: int, n_new_topics: int) -> str:
    text = f"Topics seeded from the baseline: the {plural(n_known, 'article')} it had keep their topics"
    if joined + in_new == 0:
        return text + "; no article is new."
    text += f"; of the {plural(joined + in_new, 'new article')}, {joined:,} joined an earlier topic"
    if n_new_topics:
        text += (
            f" and {in_new:,} are in {plural(n_new_topics, 'new topic')}, found among the new articles "
            "no earlier topic explains"
        )
    return text + "."
