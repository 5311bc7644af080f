"""Last report's topics carried over a corpus that adds articles to it, without fitting them again.

On a large archive the topics are fitted on a random sample (:mod:`analysis.topics.sampled`): fitting again
after one more day's file draws a new sample and re-draws topics from articles the last report already had,
which costs the most of a rebuild and tells the reader nothing new. :func:`extend_topics` keeps the
baseline's topics and broad groups instead: every article the baseline had keeps its topic, and each new
article is placed in the topic whose centroid is nearest in the baseline's term space
(:class:`analysis.topics.space.TopicSpace`); how many of them fit none of the topics well is said in a note
(a report built without ``--since`` fits the topics afresh and may find new ones).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import ParameterError
from analysis.ids import rows_in
from analysis.topics.align import FADED_COLUMNS
from analysis.topics.model import TopicModel
from analysis.topics.seed import baseline_rows

__all__ = ["CARRIED_OVER", "carried_over", "extend_topics"]


def extend_topics(baseline: TopicModel, ids: np.ndarray, new_articles: pd.DataFrame) -> TopicModel:
    """The baseline's topics over a corpus: its articles keep their topics, new ones go to the nearest.

    Args:
        baseline: last report's model, with its article ids and term space (``load_state(...).model``).
        ids: the id of every article of the corpus, in corpus order.
        new_articles: the corpus rows whose id the baseline does not have (``title``, ``body``), in corpus
            order.

    Returns:
        A :class:`TopicModel` over the corpus with the baseline's topics, numbers, labels and groups
        (none new, none faded: topics left without articles keep a size of 0), sizes and representatives
        recounted, and a note saying what was done.

    Raises:
        ParameterError: the baseline has no ids or no term space, or ``new_articles`` are not the corpus'
            new rows.
    """
    if baseline.ids is None or baseline.space is None:
        raise ParameterError(
            "The last report's state has no article ids or term space to carry its topics over; "
            "build the report without --since."
        )
    ids = np.asarray(ids).astype(str)
    before = baseline_rows(baseline, ids)
    known = before >= 0
    if int((~known).sum()) != len(new_articles):
        raise ParameterError(
            f"{len(new_articles)} new articles were given but {int((~known).sum())} of the corpus' ids "
            "are not in the last report."
        )
    sims = baseline.space.similarities(new_articles).reshape(len(new_articles), baseline.k)
    nearest = sims.argmax(axis=1) if len(new_articles) else np.zeros(0, dtype=np.int64)
    best = sims[np.arange(len(new_articles)), nearest] if len(new_articles) else np.zeros(0)
    fits = best >= baseline.space.floors[nearest]
    labels = np.empty(len(ids), dtype=np.int64)
    labels[known], labels[~known] = baseline.labels[before[known]], nearest
    fit = np.empty(len(ids))
    fit[known], fit[~known] = baseline.fit[before[known]], best
    positions = _positions(baseline, labels, before, known)
    now_row = np.full(len(baseline.ids), -1, dtype=np.int64)
    now_row[before[known]] = np.flatnonzero(known)
    clusters = baseline.clusters.assign(
        size=np.bincount(labels, minlength=baseline.k),
        representatives=_representatives(baseline.clusters, now_row),
        new=False,
        redrawn=False,
    )
    group_table = baseline.group_table
    if len(group_table):
        rows = baseline.groups[labels]
        group_table = group_table.assign(
            size=np.bincount(rows, minlength=len(group_table)),
            representatives=_representatives(group_table, now_row),
            new=False,
            redrawn=False,
        )
    return replace(
        baseline,
        labels=labels,
        n_articles=len(ids),
        clusters=clusters,
        positions=positions,
        fit=fit,
        ids=ids,
        group_table=group_table,
        faded=pd.DataFrame(columns=FADED_COLUMNS),
        faded_groups=pd.DataFrame(columns=FADED_COLUMNS),
        notes=[n for n in baseline.notes if not n.startswith("Compared with the baseline")]
        + [_note(baseline.n_articles, len(new_articles), int((~fits).sum()))],
    )


def _note(n_before: int, n_new: int, n_misfit: int) -> str:
    misfit = f" ({n_misfit:,} of them fit none of the topics well)" if n_misfit else ""
    return (
        f"Topics carried over from the last report ({n_before:,} articles), not fitted again: its "
        f"articles keep their topics, and each of the {n_new:,} new articles was placed in the topic "
        f"whose words are nearest{misfit}. A report built without --since fits the topics afresh and "
        "may find new ones."
    )


#: The settings key of a model whose topics were carried over (:func:`carried_over`), not fitted.
CARRIED_OVER = "carried_over"


def carried_over(baseline: TopicModel | None, ids: pd.Series, cache: Any) -> TopicModel | None:
    """:func:`extend_topics` over a corpus, its settings marked :data:`CARRIED_OVER`; None without a
    baseline, or when its state cannot say which articles it had or where new ones go.

    Args:
        baseline: the last report's model, or None.
        ids: the corpus' ``id`` column.
        cache: where the corpus' text is read back from: anything with ``take(rows, columns)`` (the parse
            cache, :class:`analysis.corpus.cache.CorpusCache`); only the new articles are read.
    """
    if baseline is None or baseline.ids is None or baseline.space is None:
        return None
    ids = ids.astype(str).to_numpy()
    new_rows = np.flatnonzero(rows_in(baseline.ids, ids) < 0)
    model = extend_topics(baseline, ids, cache.take(new_rows, ["title", "body"]))
    return replace(model, settings={**model.settings, CARRIED_OVER: True})


def _positions(
    baseline: TopicModel, labels: np.ndarray, before: np.ndarray, known: np.ndarray
) -> np.ndarray:
    """Map positions: the baseline's for its articles; a new article at its topic's mean position."""
    positions = np.zeros((len(labels), 2))
    positions[known] = baseline.positions[before[known]]
    k = baseline.k
    counts = np.bincount(baseline.labels, minlength=k).astype(float)
    centre = (
        np.vstack(
            [
                np.bincount(baseline.labels, weights=baseline.positions[:, d], minlength=k)
                for d in (0, 1)
            ]
        ).T
        / np.maximum(counts, 1)[:, None]
    )
    positions[~known] = centre[labels[~known]]
    return positions


def _representatives(table: pd.DataFrame, now_row: np.ndarray) -> list[list[int]]:
    """Each row's representatives (baseline row positions) at their rows now; those gone are left out."""
    return [
        [int(now_row[r]) for r in reps if 0 <= r < len(now_row) and now_row[r] >= 0]
        for reps in table["representatives"]
    ]
