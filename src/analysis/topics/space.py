"""The term space of a fitted model, kept so that new articles can be placed in its topics later.

A :class:`TopicSpace` holds what weighs a new article as the fit weighed its own (vocabulary, idf, phrases,
headline weight, lead words) and each topic's centroid in that space, with the similarity below which an
article is said to fit none of the topics (:data:`analysis.topics.model.FITS_NONE_QUANTILE`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.preprocessing import normalize

from analysis.text import DocumentTexts, TextVectors, transform_texts
from analysis.topics.model import FITS_NONE_QUANTILE

__all__ = ["TopicSpace", "topic_space"]


@dataclass(frozen=True)
class TopicSpace:
    """Vocabulary, weights and topic centroids of a fitted model (plain arrays: saved without pickle).

    Attributes:
        terms: the vocabulary.
        idf: idf weight of each term.
        phrases: multiword expressions counted as one term.
        title_weight: how often the headline counts (an int, or ``"auto"``).
        max_words: words of each body read (None: all).
        centroids: (k, terms) L2-normalised mean TF-IDF row of each topic (topic positions 0..k-1).
        floors: per topic, the similarity below which an article fits none of the topics (the
            :data:`FITS_NONE_QUANTILE` quantile of its own articles' similarities).
    """

    terms: np.ndarray
    idf: np.ndarray
    phrases: tuple[str, ...]
    title_weight: int | Literal["auto"]
    max_words: int | None
    centroids: np.ndarray = field(repr=False)
    floors: np.ndarray = field(repr=False)

    def vectors(self, corpus: pd.DataFrame) -> sparse.csr_matrix:
        """TF-IDF rows of articles (``title``, ``body``) in this space."""
        texts = DocumentTexts(corpus, title_weight=self.title_weight, max_words=self.max_words)
        return transform_texts(texts[:], terms=self.terms, idf=self.idf, phrases=self.phrases)

    def similarities(self, corpus: pd.DataFrame) -> np.ndarray:
        """(articles, topics) cosine similarity of each article to each topic's centroid."""
        x = self.vectors(corpus)
        return np.asarray(x @ self.centroids.T, dtype=np.float64).reshape(len(corpus), -1)

    def reordered(self, order: np.ndarray) -> TopicSpace:
        """The same space with topics in a new order (``order[i]`` is the old position of new topic i)."""
        from dataclasses import replace

        return replace(self, centroids=self.centroids[order], floors=self.floors[order])


def topic_space(
    vectors: TextVectors,
    labels: np.ndarray,
    k: int,
    *,
    title_weight: int | Literal["auto"],
    max_words: int | None,
) -> TopicSpace:
    """The :class:`TopicSpace` of a fit: its vectors' vocabulary and weights, and each topic's centroid.

    Args:
        vectors: the TF-IDF vectors the model was fitted on (with ``idf`` and ``phrases``).
        labels: topic position (0..k-1) of each row.
        k: number of topics.
        title_weight, max_words: how the texts were built.
    """
    x = vectors.tfidf
    n = x.shape[0]
    onehot = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
    centroids = normalize(np.asarray((onehot @ x).todense(), dtype=np.float32))
    # each row's similarity to its own topic's centroid: (n, k) products, never an (n, terms) array
    own = np.asarray(x @ centroids.T).reshape(n, k)[np.arange(n), labels]
    floors = np.array(
        [
            float(np.quantile(own[labels == c], FITS_NONE_QUANTILE)) if (labels == c).any() else 0.0
            for c in range(k)
        ]
    )
    idf = vectors.idf if vectors.idf is not None else np.ones(len(vectors.terms), dtype=np.float32)
    return TopicSpace(
        terms=np.asarray(vectors.terms, dtype=str),
        idf=np.asarray(idf, dtype=np.float32),
        phrases=tuple(vectors.phrases),
        title_weight=title_weight,
        max_words=max_words,
        centroids=centroids,
        floors=floors,
    )
