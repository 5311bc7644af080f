"""Article-to-article similarity and nearest neighbours."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.errors import ParameterError
from analysis.text import DocumentTexts, TextVectors, vectorize
from analysis.topics.model import LARGE_CORPUS
from analysis.topics.options import check_corpus as _check_corpus


def _vectors_for(corpus: pd.DataFrame, options: dict) -> TextVectors:
    _check_corpus(corpus)
    return vectorize(DocumentTexts(corpus), **options)


def similarity_matrix(corpus: pd.DataFrame, **options: object) -> np.ndarray:
    """Article-to-article cosine similarity in the news-aware TF-IDF space.

    Args:
        corpus: a corpus DataFrame.
        **options: vectoriser options (see :func:`analysis.text.vectorize`).

    Returns:
        An (n, n) float array, symmetric, diagonal 1.

    Raises:
        ParameterError: for an empty corpus, or more than 20,000 articles (use :func:`most_similar`).
    """
    _check_corpus(corpus)
    if len(corpus) > LARGE_CORPUS:
        raise ParameterError(
            f"A {len(corpus)} x {len(corpus)} similarity matrix would not fit in memory; "
            "use most_similar(corpus, article) for one article at a time."
        )
    x = _vectors_for(corpus, options).tfidf.astype(np.float64)
    sim = np.asarray((x @ x.T).todense())
    np.clip(sim, 0.0, 1.0, out=sim)
    np.fill_diagonal(sim, 1.0)
    return sim


def most_similar(
    corpus: pd.DataFrame, article: int | str, *, n: int = 5, **options: object
) -> pd.DataFrame:
    """The articles most similar to one article (cosine similarity of news-aware TF-IDF).

    Args:
        corpus: a corpus DataFrame.
        article: the row position (int) or the ``id`` (str) of the article.
        n: how many to return.
        **options: vectoriser options (see :func:`analysis.text.vectorize`).

    Returns:
        Up to ``n`` rows, most similar first (ties: corpus order), the article itself excluded, with
        columns ``id``, ``title``, ``similarity``; the index is the row position in the corpus.

    Raises:
        ParameterError: for an unknown article or n < 1.
    """
    _check_corpus(corpus)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ParameterError(f"n must be a whole number >= 1, got {n!r}.")
    if isinstance(article, str):
        if "id" not in corpus.columns:
            raise ParameterError(
                "The corpus has no 'id' column; pass the article's row position instead."
            )
        hits = np.flatnonzero(corpus["id"].to_numpy() == article)
        if len(hits) == 0:
            raise ParameterError(f"No article has id {article!r}; use an id from corpus['id'].")
        pos = int(hits[0])
    elif isinstance(article, int | np.integer) and not isinstance(article, bool):
        pos = int(article)
        if not 0 <= pos < len(corpus):
            raise ParameterError(
                f"Article position {pos} is out of range: the corpus has rows 0 to {len(corpus) - 1}."
            )
    else:
        raise ParameterError(
            f"article must be a row position (int) or an id (str), got {article!r}."
        )
    x = _vectors_for(corpus, options).tfidf.astype(np.float64)
    sims = np.asarray((x @ x[pos].T).todense()).ravel()
    others = np.delete(np.arange(len(corpus)), pos)
    order = others[np.lexsort((others, -sims[others]))][:n]
    ids = corpus["id"].to_numpy() if "id" in corpus.columns else np.arange(len(corpus)).astype(str)
    titles = corpus["title"].to_numpy() if "title" in corpus.columns else np.full(len(corpus), "")
    return pd.DataFrame(
        {"id": ids[order], "title": titles[order], "similarity": np.clip(sims[order], 0.0, 1.0)},
        index=pd.Index(order, name="row"),
    )
