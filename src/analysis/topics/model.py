"""The fitted topic model and the constants that shape fitting."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis.config import LARGE_CORPUS
from analysis.errors import ParameterError

#: Corpora at least this large are reduced with LSA (TruncatedSVD) before clustering.
LSA_MIN_ARTICLES = 200
#: Below this many articles k-means runs on one OpenMP thread: each of the ensemble's runs is short, and
#: OpenMP's start-up and synchronisation per iteration cost more than the work (up to LARGE_CORPUS).
SINGLE_THREAD_BELOW = LARGE_CORPUS + 1
#: Silhouettes are computed on at most this many articles (a fixed random sample beyond).
SILHOUETTE_SAMPLE = 4000
#: When choosing k on a large corpus, candidates are compared on a sample of this size (a fixed random
#: sample of the rows in canonical order, so it does not depend on the input's row order).
K_SELECTION_SAMPLE = 2500
#: Largest k tried when k is chosen from the data.
K_MAX = 12
#: Cheap k-means runs (one k-means++ start each) whose co-association gives the consensus partition.
ENSEMBLE_RUNS = 50
#: Beyond LARGE_CORPUS articles, fewer runs (each on its own random sample of LARGE_CORPUS articles, so
#: already diverse); time stays bounded.
LARGE_ENSEMBLE_RUNS = 5
#: k-means runs on random 80% subsamples per candidate k when k is chosen from the data.
K_SELECTION_RUNS = 5
#: Below LSA_MIN_ARTICLES articles, k-means runs per candidate k whose two halves' consensuses are compared.
SMALL_CORPUS_RUNS = 40

#: A topic whose articles are on average no closer to each other than to the other topics' (silhouette
#: below this), also once unstable clusters are merged (topics.levels), has no clear topic: it is shown as mixed.
MIXED_SILHOUETTE = 0.0
#: ... when it holds at least this share of the articles (a small loose cluster stays "weak").
MIXED_MIN_SHARE = 0.05
#: The label of such a cluster.
MIXED_LABEL = "mixed: no clear topic"
#: The label of a broad group of two or more topics whose articles are not set apart from the other groups'
#: (mean silhouette below SOLID_SILHOUETTE, the rule that keeps such a group from being a boundary for its
#: topics): its top terms would name its largest topic, not the group ("everything but the primaries").
VARIED_LABEL = "varied: no common theme"

#: A new article fits none of a model's topics (:meth:`TopicModel.assign`) when its similarity to the nearest
#: topic is below this quantile of the similarities of that topic's own articles.
FITS_NONE_QUANTILE = 0.05
#: Aligning with a baseline (``fit_topics(..., baseline=...)``): a topic persists when its articles and a
#: baseline topic's overlap at least this much (Jaccard index over the articles both runs have) ...
MATCH_MIN_OVERLAP = 0.5
#: ... or, when the runs share fewer than MATCH_MIN_SHARED articles, when their centroids (over the terms
#: both vocabularies have) have at least this cosine similarity.
MATCH_MIN_SIMILARITY = 0.5
#: Below this many articles in common, topics are matched by their words rather than their articles.
MATCH_MIN_SHARED = 20
#: A topic (or group) that matches none of the baseline's is *new* when most of its articles are new
#: since the baseline; when at least this share of its articles were in the baseline it is only
#: *re-drawn* (a different cut of the same articles). Likewise a baseline topic that persists in none is
#: *faded* when fewer than this share of its articles are still in the corpus, else re-drawn.
REDRAWN_MIN_SHARE = 0.5

#: A cluster is "solid" from this stability up (with SOLID_SILHOUETTE and 3 articles) ...
SOLID_STABILITY = 0.8
#: ... and this mean silhouette.
SOLID_SILHOUETTE = 0.02

STRENGTH_RULE = (
    f"solid: stability >= {SOLID_STABILITY}, silhouette >= {SOLID_SILHOUETTE} and at least 3 articles; "
    "weak: stability < 0.5, silhouette < 0 or a single article; moderate: anything else; "
    "single cluster: k = 1"
)


@dataclass(frozen=True)
class TopicModel:
    """The result of :func:`fit_topics`.

    Attributes:
        labels: cluster of each corpus row (int array, aligned with the corpus), clusters numbered by
            decreasing size (ties: the cluster whose first article comes first).
        k: number of clusters.
        random_state: the random state the model was fitted with.
        n_articles: number of articles.
        clusters: one row per cluster (index 0..k-1) with ``size``, ``label``, ``terms``,
            ``representatives`` (row positions, most representative first), ``silhouette``, ``stability``,
            ``strength`` (the one badge shown everywhere: "solid" | "moderate" | "weak" | "tentative" |
            "mixed" | "single cluster"), ``mixed`` (True: no clear topic, labelled "mixed: no clear topic")
            and ``group`` (its broad group).
        positions: (n, 2) map coordinates; the axes have no units, only distances matter.
        silhouette: mean silhouette of all articles (NaN when k == 1).
        stability: mean pairwise adjusted Rand index of the clusterings over several random states (NaN when
            k == 1).
        k_scores: when k was chosen from the data, one row per candidate k (``k``, ``silhouette``,
            ``stability``, ``score``, ``chosen``); None when k was given.
        notes: plain-language caveats for a reader.
        settings: the vectoriser and model settings actually used.
        fit: per-article cosine similarity to its cluster's centre (1 = typical of the cluster).
        ids: the article id of each row (None when the corpus had no ``id`` column).
        space: the vocabulary, weights and topic centroids (:class:`analysis.topics.space.TopicSpace`),
            which :meth:`assign` and a later run's alignment use; None on a model loaded without it.
        faded: with a baseline, one row per baseline topic that did not persist: ``number``, ``label``,
            ``size`` (in the baseline), ``now_in`` (the topic number most of its articles are in now, or
            None); empty otherwise.

    ``clusters`` also has ``number`` (the topic's number for readers: ``c + 1`` without a baseline; with one,
    a persisting topic keeps the baseline's number and label, a new topic gets the next number never used)
    and ``new`` (True for a topic the baseline did not have). Topics are ordered by number.
        group_table: one row per broad group (index 0..g-1): ``size``, ``label``, ``terms``,
            ``representatives``, ``topics`` (its topics, 0-based). Each topic's group is
            ``clusters["group"]`` (also :attr:`groups`).
        splits: when k was chosen from the data, one record per merge of the fine ensemble's clusters
            (:func:`analysis.topics.levels.merge_topics`: ``rows``, ``parts`` (sizes merged),
            ``stability`` before and ``after``); models saved before issue 18's merge hold split
            records (``rows``, ``k`` kept, ``stability``, ``silhouette``).
        faded_groups: with a baseline, its broad groups that did not persist (columns as ``faded``).

    With a baseline, ``group_table`` also has ``number`` and ``new`` (:attr:`group_numbers`), as
    ``clusters`` does, and groups are ordered by number.
    """

    labels: np.ndarray
    k: int
    random_state: int
    n_articles: int
    clusters: pd.DataFrame
    positions: np.ndarray
    silhouette: float
    stability: float
    k_scores: pd.DataFrame | None
    notes: list[str]
    settings: dict
    fit: np.ndarray = field(repr=False)
    ids: np.ndarray | None = field(default=None, repr=False)
    space: Any = field(default=None, repr=False)
    faded: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    @property
    def numbers(self) -> np.ndarray:
        """The number readers see for each topic (``numbers[c]`` for topic position ``c``)."""
        if "number" in self.clusters.columns:
            return self.clusters["number"].to_numpy(dtype=np.int64)
        return np.arange(1, self.k + 1)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model to ``path`` in a format that runs no code when loaded (see :mod:`analysis.topics.persist`).

        Read it back with :func:`analysis.load_model`.
        """
        from analysis.topics.persist import save_model

        save_model(self, path)

    def assign(self, articles: pd.DataFrame) -> pd.DataFrame:
        """Place new articles in this model's topics, and say which fit none of them.

        Args:
            articles: a corpus (``title``, ``body``; ``id`` when present).

        Returns:
            One row per article (the corpus index): ``id``, ``title``, ``topic`` (the topic number, <NA>
            when it fits none), ``nearest`` (the nearest topic's number), ``label``, ``similarity`` (cosine
            to the nearest topic's centroid) and ``fits`` (False when the similarity is below what
            :data:`FITS_NONE_QUANTILE` of that topic's own articles reach).

        Raises:
            ParameterError: when the model has no term space (e.g. a state saved without it).
        """
        if self.space is None:
            raise ParameterError(
                "This model has no term space to place new articles in; fit it with fit_topics or load "
                "it from a state saved by this version."
            )
        sims = self.space.similarities(articles)
        nearest = sims.argmax(axis=1) if sims.size else np.zeros(len(articles), dtype=np.int64)
        best = sims[np.arange(len(articles)), nearest] if sims.size else np.zeros(len(articles))
        fits = best >= self.space.floors[nearest] if len(articles) else np.zeros(0, dtype=bool)
        numbers = self.numbers[nearest]
        topic = pd.array(numbers, dtype="Int64")
        topic[~fits] = pd.NA
        ids = articles["id"] if "id" in articles.columns else pd.Series(range(len(articles)))
        titles = (
            articles["title"] if "title" in articles.columns else pd.Series([""] * len(articles))
        )
        return pd.DataFrame(
            {
                "id": ids.to_numpy(),
                "title": titles.to_numpy(),
                "topic": topic,
                "nearest": numbers,
                "label": self.clusters["label"].to_numpy()[nearest],
                "similarity": best,
                "fits": fits,
            },
            index=articles.index,
        )

    group_table: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    splits: list[dict] = field(default_factory=list, repr=False)
    faded_groups: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    @property
    def groups(self) -> np.ndarray:
        """Broad group of each topic (``groups[c]`` for topic ``c``; 0-based, group 0 the largest)."""
        return self.clusters["group"].to_numpy(dtype=np.int64)

    @property
    def group_numbers(self) -> np.ndarray:
        """The number readers see for each broad group (``group_numbers[g]`` for group position ``g``):
        ``g + 1`` without a baseline; with one, a persisting group keeps the baseline's number."""
        if "number" in self.group_table.columns:
            return self.group_table["number"].to_numpy(dtype=np.int64)
        n = len(self.group_table) or (int(self.groups.max()) + 1 if "group" in self.clusters else 0)
        return np.arange(1, n + 1)

    def assignments(self, corpus: pd.DataFrame) -> pd.DataFrame:
        """One row per article: ``id``, ``title``, ``cluster``, ``label``, ``x``, ``y``, ``fit``.

        ``cluster`` is the topic's number for readers (``clusters["number"]``: from 1, cluster 1 the largest
        without a baseline), as in the report, the charts and the notes; ``labels`` and ``clusters`` keep
        0-based positions.

        Args:
            corpus: the corpus the model was fitted on (same rows, same order).

        Returns:
            A new DataFrame with the corpus index.

        Raises:
            ParameterError: when the corpus does not have as many rows as the model.
        """
        if len(corpus) != self.n_articles:
            raise ParameterError(
                f"The model was fitted on {self.n_articles} articles but this corpus has {len(corpus)}; "
                "pass the same corpus that was given to fit_topics."
            )
        ids = (
            corpus["id"]
            if "id" in corpus.columns
            else pd.Series(range(len(corpus)), index=corpus.index)
        )
        titles = corpus["title"] if "title" in corpus.columns else pd.Series("", index=corpus.index)
        return pd.DataFrame(
            {
                "id": ids.to_numpy(),
                "title": titles.to_numpy(),
                "cluster": self.numbers[self.labels],
                "label": self.clusters["label"].to_numpy()[self.labels],
                "x": self.positions[:, 0],
                "y": self.positions[:, 1],
                "fit": self.fit,
            },
            index=corpus.index,
        )
