"""Assigning any article of a large archive to the topics fitted on a sample.

:func:`count_sample` counts the sample's terms (news-aware analyzer, the sample's phrases) while its topics
are fitted; :func:`train_assigner` trains an :class:`Assigner` on those counts and the sample's clusters
(TF-IDF and a multinomial naive-Bayes classifier: the same rule ``fit_topics`` refines its clusters with);
:meth:`Assigner.assign` then places a chunk of articles (cluster, fit, map position), on pandas chunks as
on Dask partitions (:mod:`analysis.topics.sampled`, :mod:`analysis.dask.engine`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.decomposition import PCA
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.naive_bayes import MultinomialNB
from sklearn.preprocessing import normalize

from analysis.config import LEAD_WORDS
from analysis.text import NEWS_STOP_WORDS, NewsAnalyzer

__all__ = [
    "TITLE_WEIGHT",
    "Assigner",
    "SampleCounts",
    "assign_stripped",
    "count_sample",
    "train_assigner",
]

#: The headline counts this many times in an article's terms, as in fit_topics.
TITLE_WEIGHT = 3
_ASSIGNED = {"cluster": "int64", "fit": "float64", "x": "float64", "y": "float64"}


@dataclass(frozen=True)
class SampleCounts:
    """The sample's term counts for an :class:`Assigner` (:func:`count_sample`).

    Attributes:
        analyzer: the news-aware analyzer with the sample's phrases.
        vocabulary: each term's column.
        counts: the sample's counts (float32, one row per article).
    """

    analyzer: NewsAnalyzer
    vocabulary: dict[str, int]
    counts: sparse.csr_matrix


@dataclass(frozen=True)
class Assigner:
    """Assigns any article to one of the clusters fitted on a sample; picklable (sent to Dask workers).

    Attributes:
        analyzer: the news-aware analyzer with the sample's phrases.
        vocabulary: the sample's terms, each with its column.
        tfidf: the sample's IDF weights (sublinear TF, L2-normalised rows).
        classifier: multinomial naive Bayes trained on the sample's clusters.
        centres: (k, terms) L2-normalised mean TF-IDF row of each cluster; ``fit`` is the cosine to it.
        projection: (terms, 2) map axes; ``offset`` is subtracted after projecting.
        max_words: words of each body read.
    """

    analyzer: NewsAnalyzer
    vocabulary: dict[str, int] = field(repr=False)
    tfidf: TfidfTransformer
    classifier: MultinomialNB
    centres: np.ndarray = field(repr=False)
    projection: np.ndarray = field(repr=False)
    offset: np.ndarray = field(repr=False)
    max_words: int | None = LEAD_WORDS

    def vectors(self, frame: pd.DataFrame) -> sparse.csr_matrix:
        """L2-normalised TF-IDF rows of a chunk of the corpus (``title``, ``body``)."""
        from analysis.text import DocumentTexts, count_known_terms

        texts = DocumentTexts(frame, title_weight=TITLE_WEIGHT, max_words=self.max_words)[:]
        counts = count_known_terms(texts, self.analyzer, self.vocabulary)
        return self.tfidf.transform(counts).astype(np.float32).tocsr()

    def assign(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Cluster (0-based), fit (cosine to the cluster's centre) and map position of each row of a chunk.

        Args:
            frame: rows of a corpus with ``title`` and ``body``.

        Returns:
            A DataFrame with the chunk's index and columns ``cluster``, ``fit``, ``x``, ``y``.
        """
        if len(frame) == 0:
            return pd.DataFrame(
                {c: pd.Series(dtype=t) for c, t in _ASSIGNED.items()}, index=frame.index
            )
        x = self.vectors(frame)
        labels = self.classifier.predict(x).astype(np.int64)
        # cosine to its own cluster's centre: (n, k) products, never an (n, terms) dense array
        fit = np.asarray(x @ self.centres.T).reshape(len(labels), -1)[
            np.arange(len(labels)), labels
        ]
        pos = np.asarray(x @ self.projection) - self.offset
        return pd.DataFrame(
            {"cluster": labels, "fit": fit, "x": pos[:, 0], "y": pos[:, 1]}, index=frame.index
        )


def count_sample(sample: pd.DataFrame, *, max_words: int | None = LEAD_WORDS) -> SampleCounts:
    """The half of :func:`train_assigner` that needs no clusters: the sample's phrases, and its term counts
    (so it can run while the clusters are being fitted).

    Args:
        sample: the sampled corpus rows (``title``, ``body``).
        max_words: words of each body read.

    Returns:
        The :class:`SampleCounts`: terms in fewer than ``min(default_min_df(n), n // 2)`` articles or in more
        than half of them (of 100 or more) left out, at most 50,000 kept (:func:`pruned_counts`).
    """
    from analysis.text import DocumentTexts, find_phrases, pruned_counts
    from analysis.text.vectorize import default_min_df

    plain = DocumentTexts(sample, max_words=max_words)
    step = max(1, math.ceil(len(plain) / 3000))
    phrases = find_phrases([plain[i] for i in range(0, len(plain), step)], min_count=5)
    analyzer = NewsAnalyzer(stop_words=NEWS_STOP_WORDS, phrases=phrases)
    n = len(sample)
    counts, terms = pruned_counts(
        DocumentTexts(sample, title_weight=TITLE_WEIGHT, max_words=max_words)[:],
        analyzer,
        min_df=min(default_min_df(n), max(1, n // 2)),
        max_df=0.5 if n >= 100 else 1.0,
        max_features=50_000,
    )
    return SampleCounts(analyzer, {str(t): i for i, t in enumerate(terms)}, counts)


def train_assigner(
    sample: pd.DataFrame,
    labels: np.ndarray,
    *,
    max_words: int | None = LEAD_WORDS,
    counted: SampleCounts | None = None,
) -> Assigner:
    """Train an :class:`Assigner` on a sample of articles and their clusters (0..k-1).

    Args:
        sample: the sampled corpus rows (``title``, ``body``).
        labels: their clusters.
        max_words: words of each body read.
        counted: :func:`count_sample` of the same sample and ``max_words``, when already computed.

    Returns:
        The assigner.
    """
    counted = counted if counted is not None else count_sample(sample, max_words=max_words)
    counts = counted.counts
    n = len(sample)
    tfidf = TfidfTransformer(sublinear_tf=True).fit(counts)
    x = tfidf.transform(counts).astype(np.float32).tocsr()
    k = int(labels.max()) + 1
    classifier = MultinomialNB(alpha=0.1).fit(x, labels)
    onehot = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
    centres = normalize(np.asarray((onehot @ x).todense(), dtype=np.float32))
    projection, offset = _map_axes(centres, x)
    return Assigner(
        counted.analyzer,
        counted.vocabulary,
        tfidf,
        classifier,
        centres,
        projection,
        offset,
        max_words,
    )


def _map_axes(centres: np.ndarray, x: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Map axes: the plane through the cluster centres (k >= 3), else the sample's first two PCA axes."""
    basis = centres if len(centres) >= 3 else np.asarray(x[:2000].todense())
    if len(basis) < 2 or np.ptp(basis, axis=0).max() <= 1e-12:
        return np.zeros((x.shape[1], 2), dtype=np.float32), np.zeros(2)
    m = min(2, len(basis) - 1)
    pca = PCA(n_components=m, svd_solver="full").fit(basis)
    projection = np.zeros((x.shape[1], 2), dtype=np.float32)
    projection[:, :m] = pca.components_.T
    offset = np.zeros(2)
    offset[:m] = pca.mean_ @ pca.components_.T
    return projection, offset


def assign_stripped(frame: pd.DataFrame, assigner: Assigner, boilerplate=None) -> pd.DataFrame:
    """:meth:`Assigner.assign` of a chunk, its outlets' boilerplate left out first (when found)."""
    from analysis.corpus.boilerplate import strip_boilerplate

    return assigner.assign(frame if boilerplate is None else strip_boilerplate(frame, boilerplate))
