"""The fitted topic model and the constants that shape fitting."""

from __future__ import annotations

from dataclasses import dataclass, field

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
#: When choosing k on a large corpus, candidates are compared on a sample of this size.
K_SELECTION_SAMPLE = 5000
#: Largest k tried when k is chosen from the data.
K_MAX = 12
#: Cheap k-means runs (one k-means++ start each) whose co-association gives the consensus partition.
ENSEMBLE_RUNS = 50
#: Beyond LARGE_CORPUS articles, fewer runs (each on its own random sample of LARGE_CORPUS articles, so
#: already diverse); time stays bounded.
LARGE_ENSEMBLE_RUNS = 5
#: k-means runs on random 80% subsamples per candidate k when k is chosen from the data.
K_SELECTION_RUNS = 5

STRENGTH_RULE = (
    "solid: stability >= 0.8, silhouette >= 0.02 and at least 3 articles; "
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
            ``representatives`` (row positions, most representative first), ``silhouette``, ``stability``
            and ``strength`` ("solid" | "moderate" | "weak" | "single cluster").
        positions: (n, 2) map coordinates; the axes have no units, only distances matter.
        silhouette: mean silhouette of all articles (NaN when k == 1).
        stability: mean pairwise adjusted Rand index of the clusterings over several random states (NaN when
            k == 1).
        k_scores: when k was chosen from the data, one row per candidate k (``k``, ``silhouette``,
            ``stability``, ``score``, ``chosen``); None when k was given.
        notes: plain-language caveats for a reader.
        settings: the vectoriser and model settings actually used.
        fit: per-article cosine similarity to its cluster's centre (1 = typical of the cluster).
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

    def assignments(self, corpus: pd.DataFrame) -> pd.DataFrame:
        """One row per article: ``id``, ``title``, ``cluster``, ``label``, ``x``, ``y``, ``fit``.

        ``cluster`` is numbered from 1 for readers (cluster 1 is ``clusters.loc[0]``, the largest), as in
        the report, the charts and the notes; ``labels`` and ``clusters`` keep 0-based positions.

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
                "cluster": self.labels + 1,
                "label": self.clusters["label"].to_numpy()[self.labels],
                "x": self.positions[:, 0],
                "y": self.positions[:, 1],
                "fit": self.fit,
            },
            index=corpus.index,
        )
