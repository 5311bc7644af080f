"""Document texts (headline weight, lead words) and their TF-IDF vectors over one shared vocabulary."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.preprocessing import normalize

from analysis.corpus.base import check_corpus_columns
from analysis.errors import ParameterError
from analysis.text.counting import count_terms
from analysis.text.phrases import NewsAnalyzer, find_phrases
from analysis.text.tokens import NEWS_STOP_WORDS
from analysis.wording import plural


def document_texts(corpus: pd.DataFrame, *, title_weight: int = 1) -> list[str]:
    """Title and body of each article as one text (title first, separated by a blank line).

    Args:
        corpus: a corpus DataFrame with ``body`` and, optionally, ``title``.
        title_weight: repeat the title this many times (weights headline terms in TF-IDF).

    Returns:
        One string per row, in row order.

    Raises:
        ParameterError: when the corpus has no ``body`` column.
    """
    return DocumentTexts(corpus, title_weight=title_weight)[:]


#: With ``title_weight="auto"`` the headline is repeated once more per this many characters of body,
#: up to :data:`MAX_TITLE_WEIGHT` times: a headline weighs about as much against a long story as it does
#: against a short one, where repeating it would drown the few words of the body.
TITLE_WEIGHT_CHARS = 500
MAX_TITLE_WEIGHT = 3


def check_body_column(corpus: pd.DataFrame) -> None:
    """Raise a clear :class:`ParameterError` when ``corpus`` has no ``body`` column."""
    check_corpus_columns(corpus, ["body"])


def check_max_words(max_words: object, *, auto: bool = False) -> None:
    """Raise a clear :class:`ParameterError` unless ``max_words`` is None, a whole number >= 1 (or
    ``"auto"`` when ``auto``)."""
    if max_words is None or (auto and max_words == "auto"):
        return
    if isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1:
        allowed = "a whole number >= 1, None or 'auto'" if auto else "a whole number >= 1 or None"
        raise ParameterError(f"max_words must be {allowed}, got {max_words!r}.")


def check_title_weight(title_weight: object) -> None:
    """Raise a clear :class:`ParameterError` unless ``title_weight`` is ``"auto"`` or a whole number >= 1."""
    if title_weight == "auto":
        return
    if isinstance(title_weight, bool) or not isinstance(title_weight, int) or title_weight < 1:
        raise ParameterError(
            f"title_weight must be a whole number >= 1 or 'auto', got {title_weight!r}."
        )


class DocumentTexts(Sequence[str]):
    """A read-only, lazy sequence of article texts (title repeated ``title_weight`` times, then body).

    Texts are built when indexed, so a large corpus is never held twice in memory.

    Args:
        corpus: a corpus DataFrame with ``body`` and, optionally, ``title``.
        title_weight: repeat the title this many times; ``"auto"``: once, plus once per
            :data:`TITLE_WEIGHT_CHARS` characters of (used) body, at most :data:`MAX_TITLE_WEIGHT` times.
        max_words: keep only the first ``max_words`` words of each body (words are separated by whitespace;
            a shortened body is re-joined with single spaces); None keeps the whole body.

    Raises:
        ParameterError: when the corpus has no ``body`` column, ``max_words`` is not a whole number >= 1
            or ``title_weight`` is neither ``"auto"`` nor a whole number >= 1.
    """

    def __init__(
        self,
        corpus: pd.DataFrame,
        *,
        title_weight: int | Literal["auto"] = 1,
        max_words: int | None = None,
    ) -> None:
        check_max_words(max_words)
        check_title_weight(title_weight)
        check_body_column(corpus)
        self._bodies = corpus["body"].to_numpy()
        self._titles = corpus["title"].to_numpy() if "title" in corpus.columns else None
        self._weight = title_weight
        self._max_words = max_words

    def __len__(self) -> int:
        return len(self._bodies)

    def _text(self, i: int) -> str:
        body = self._bodies[i]
        body = body if isinstance(body, str) else ""
        if self._max_words is not None:
            words = body.split(None, self._max_words)
            if len(words) > self._max_words:
                body = " ".join(words[: self._max_words])
        title = self._titles[i] if self._titles is not None else ""
        if not isinstance(title, str) or not title:
            return body
        weight = self._weight
        if weight == "auto":
            weight = min(MAX_TITLE_WEIGHT, 1 + len(body) // TITLE_WEIGHT_CHARS)
        return "\n\n".join([title] * weight + [body])

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self._text(i) for i in range(*index.indices(len(self)))]
        return self._text(index)


@dataclass(frozen=True)
class TextVectors:
    """The TF-IDF matrix of a corpus and what produced it.

    Attributes:
        tfidf: sparse (n articles x n terms) TF-IDF matrix, rows L2-normalised (float32).
        counts: sparse raw term counts, same shape (used for class-based TF-IDF).
        terms: the term of each column.
        settings: the options actually used (for a methods note).
        phrases: the multiword expressions counted as one term.
        idf: the idf weight of each term (raised to ``idf_power``), to weigh new texts the same way
            (:func:`transform_texts`).
    """

    tfidf: sparse.csr_matrix
    counts: sparse.csr_matrix
    terms: np.ndarray
    settings: dict
    phrases: tuple[str, ...] = ()
    idf: np.ndarray | None = None


def default_min_df(n: int) -> int:
    """Minimum document frequency that suits a corpus of ``n`` articles (1 below 50 articles)."""
    if n < 50:
        return 1
    if n < 500:
        return 2
    if n < 50_000:
        return 5
    return 10


def default_max_df(n: int) -> float:
    """Maximum document fraction: terms in more than this share of the articles are dropped."""
    return 1.0 if n < 10 else (0.9 if n < 100 else 0.5)


def pruned_counts(
    texts: Sequence[str],
    analyzer: NewsAnalyzer,
    *,
    min_df: float,
    max_df: float,
    max_features: int | None,
    progress: bool = False,
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The texts' term counts (float32, columns in alphabetical order of ``terms``), terms in fewer than
    ``min_df`` or more than ``max_df`` of the texts dropped, at most ``max_features`` kept (the most
    frequent; ties alphabetical).

    The same counts and vocabulary as ``CountVectorizer(analyzer=analyzer, min_df=min_df, max_df=max_df,
    max_features=max_features, dtype=np.float32).fit_transform(texts)`` (a test compares them; only a tie
    at the ``max_features`` cut may fall otherwise), with each row's columns in order, counted about twice
    as fast (:func:`analysis.text.counting.count_terms`).

    Raises:
        ParameterError: when no term is left.
    """
    counts, terms = count_terms(texts, analyzer, progress=progress)
    counts, terms = _prune(counts, terms, min_df=min_df, max_df=max_df, max_features=max_features)
    if counts.shape[1] == 0:
        raise ParameterError(
            f"None of the {plural(len(texts), 'article')} has a usable term after removing stop words, "
            f"numbers and rare terms (min_df={min_df}, max_df={max_df}); add longer texts or lower min_df."
        )
    return counts, terms


def _prune(
    counts: sparse.csr_matrix,
    terms: np.ndarray,
    *,
    min_df: float,
    max_df: float,
    max_features: int | None,
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Drop rare and ubiquitous terms, keep at most ``max_features`` (most frequent; ties alphabetical)."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    lo = min_df if isinstance(min_df, int | np.integer) else math.ceil(min_df * n)
    hi = max_df * n if isinstance(max_df, float) else max_df
    keep = (df >= lo) & (df <= hi)
    cols = np.flatnonzero(keep)
    if max_features is not None and len(cols) > max_features:
        totals = np.asarray(counts[:, cols].sum(axis=0)).ravel()
        cols = np.sort(cols[np.argsort(-totals, kind="stable")[:max_features]])
    return counts[:, cols].tocsr(), terms[cols]


def vectorize(
    texts: Sequence[str],
    *,
    min_df: float | None = None,
    max_df: float | None = None,
    max_features: int | None = 50_000,
    stop_words: Iterable[str] | None = None,
    extra_stop_words: Iterable[str] = (),
    detect_phrases: bool = True,
    phrases: Iterable[str] | None = None,
    phrase_sample: int = 3000,
    phrase_texts: Sequence[str] | None = None,
    sublinear_tf: bool = True,
    idf_power: float = 1.0,
    progress: bool = False,
) -> TextVectors:
    """TF-IDF of news texts with the news-aware analyzer (:class:`NewsAnalyzer`).

    Terms are counted by this module's own tokenising loop into one shared vocabulary (a sparse count
    matrix, the same as scikit-learn's ``CountVectorizer(analyzer=NewsAnalyzer(...))`` would build, but
    faster on large corpora); rare and ubiquitous terms are pruned; the weights are TF-IDF with
    scikit-learn's smoothed idf, ``idf = ln((1 + n) / (1 + df)) + 1``, raised to ``idf_power``, and each
    row is L2-normalised.

    Args:
        texts: one text per article.
        min_df: drop terms in fewer documents than this; default adapts to corpus size
            (1 under 50 articles, 2 under 500, 5 under 50,000, else 10).
        max_df: drop terms in more than this fraction of documents; default 1.0 under 10 articles,
            0.9 under 100, else 0.5.
        max_features: keep at most this many terms (the most frequent), bounding memory on large corpora.
        stop_words: the stop list; default :data:`NEWS_STOP_WORDS`.
        extra_stop_words: added to the stop list.
        detect_phrases: find multiword expressions with :func:`find_phrases` and keep each as one term.
        phrases: use these phrases instead of detecting them.
        phrase_sample: detect phrases on at most this many texts, evenly spaced (keeps it cheap).
        phrase_texts: detect phrases in these texts instead of ``texts`` (e.g. the texts before the
            headline was repeated for weighting, so that a repeated headline is not taken for a phrase).
        sublinear_tf: use ``1 + log(tf)`` instead of raw counts.
        idf_power: exponent of the idf weight (1: classic TF-IDF; 2 weighs rare, specific terms more
            against common ones, which matters when texts are short).
        progress: show a tqdm progress bar while tokenising.

    Returns:
        A :class:`TextVectors`.

    Raises:
        ParameterError: for an empty corpus, bad options, or when no text has any usable term.
    """
    n = len(texts)
    if n == 0:
        raise ParameterError("The corpus is empty: there are no articles to vectorise.")
    if idf_power <= 0:
        raise ParameterError(f"idf_power must be > 0, got {idf_power!r}.")
    stop = _stop_list(stop_words, extra_stop_words)
    min_df = default_min_df(n) if min_df is None else min_df
    max_df = default_max_df(n) if max_df is None else max_df
    if isinstance(min_df, int) and min_df > n:
        min_df = 1
    found = _phrases_for(texts, phrase_texts, phrases, detect_phrases, phrase_sample, stop)
    analyzer = NewsAnalyzer(stop_words=stop, phrases=found)
    counts, terms = pruned_counts(
        texts, analyzer, min_df=min_df, max_df=max_df, max_features=max_features, progress=progress
    )
    settings = _settings(
        stop, found, min_df, max_df, max_features, sublinear_tf, idf_power, n_terms=len(terms)
    )
    tfidf = _tfidf(counts, sublinear_tf=sublinear_tf, idf_power=idf_power)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = ((np.log((1.0 + n) / (1.0 + df)) + 1.0) ** idf_power).astype(np.float32)
    return TextVectors(
        tfidf=tfidf, counts=counts, terms=terms, settings=settings, phrases=tuple(found), idf=idf
    )


def _settings(
    stop, found, min_df, max_df, max_features, sublinear_tf, idf_power, *, n_terms
) -> dict:
    """The vectoriser's settings as the report's method table lists them."""
    return {
        "tokenizer": (
            "news-aware (markup and entities, wire credits, datelines, credit lines, "
            "curly apostrophes, dotted abbreviations)"
        ),
        "stop_words": f"{len(stop)} words (English stop words, reporting verbs, newsroom boilerplate)",
        "phrases_detected": len(found),
        "min_df": min_df,
        "max_df": max_df,
        "max_features": max_features,
        "sublinear_tf": sublinear_tf,
        "idf_power": idf_power,
        "n_terms": n_terms,
    }


def transform_texts(
    texts: Sequence[str],
    *,
    terms: Sequence[str],
    idf: np.ndarray,
    phrases: Iterable[str] = (),
    sublinear_tf: bool = True,
) -> sparse.csr_matrix:
    """TF-IDF rows of new texts over a fixed vocabulary and idf (those of an earlier :func:`vectorize`).

    Terms not in ``terms`` are ignored; rows are L2-normalised (a text with no known term is a zero row).

    Args:
        texts: one text per article, built as for the earlier vectors (same headline weight, lead words).
        terms: the vocabulary (:attr:`TextVectors.terms`).
        idf: its idf weights (:attr:`TextVectors.idf`).
        phrases: the phrases counted as one term (:attr:`TextVectors.phrases`).
        sublinear_tf: as for the earlier vectors.

    Returns:
        A sparse (len(texts) x len(terms)) float32 matrix.
    """
    analyzer = NewsAnalyzer(stop_words=NEWS_STOP_WORDS, phrases=tuple(phrases))
    shape = (len(texts), len(terms))
    if len(texts) == 0:
        return sparse.csr_matrix(shape, dtype=np.float32)
    counts, found = count_terms(texts, analyzer, progress=False)
    column = {t: i for i, t in enumerate(terms)}
    remap = np.fromiter((column.get(t, -1) for t in found), dtype=np.int64, count=len(found))
    coo = counts.tocoo()
    keep = remap[coo.col] >= 0
    weights = sparse.csr_matrix(
        (coo.data[keep].astype(np.float32), (coo.row[keep], remap[coo.col[keep]])), shape=shape
    )
    weights.sum_duplicates()
    if sublinear_tf:
        np.log(weights.data, out=weights.data)
        weights.data += 1.0
    weights.data *= np.asarray(idf, dtype=np.float32)[weights.indices]
    return normalize(weights, copy=False).tocsr()


def _stop_list(stop_words: Iterable[str] | None, extra_stop_words: Iterable[str]) -> frozenset[str]:
    stop = NEWS_STOP_WORDS if stop_words is None else frozenset(w.lower() for w in stop_words)
    return stop | frozenset(w.lower() for w in extra_stop_words)


def _phrases_for(
    texts: Sequence[str],
    phrase_texts: Sequence[str] | None,
    phrases: Iterable[str] | None,
    detect: bool,
    sample_size: int,
    stop: frozenset[str],
) -> tuple[str, ...]:
    """The given phrases (normalised), or phrases detected on an evenly spaced sample of the texts."""
    if phrases is not None:
        return tuple(" ".join(p.lower().split()) for p in phrases)
    if not detect:
        return ()
    source = texts if phrase_texts is None else phrase_texts
    step = max(1, math.ceil(len(source) / sample_size))
    sample = [source[i] for i in range(0, len(source), step)]
    return find_phrases(sample, min_count=3 if len(texts) < 1000 else 5, stop_words=stop)


def _tfidf(counts: sparse.csr_matrix, *, sublinear_tf: bool, idf_power: float) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows with scikit-learn's smoothed idf, ``ln((1 + n) / (1 + df)) + 1``,
    raised to ``idf_power``; float32 with the count matrix's (32-bit) indices, as LSA reads it fastest."""
    n = counts.shape[0]
    weights = counts.astype(np.float32)
    weights.sort_indices()
    if sublinear_tf:
        np.log(weights.data, out=weights.data)
        weights.data += 1.0
    df = np.bincount(weights.indices, minlength=weights.shape[1])
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0) ** idf_power
    weights.data *= idf.astype(np.float32)[weights.indices]
    return normalize(weights, copy=False).tocsr()
