"""Counting terms: the news-aware tokens of many texts into one sparse count matrix, fast.

A chunk of texts is tokenised as strings (:func:`analysis.text.tokens.token_text`), split into tokens and
numbered by distinct token in Arrow (no Python object per token); phrases are merged on those numbers and
only each distinct token is looked up in the vocabulary, which grows as texts are read (:func:`count_terms`,
for a fit) or is fixed (:func:`count_known_terms`, to place new articles in a fitted vocabulary).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from analysis.parallel import worker_count
from analysis.text.numbered import NumberedTokens, numbered_chunks
from analysis.text.phrases import NewsAnalyzer, numbered_phrase_spans
from analysis.text.tokens import DROPPED_TOKEN, keep_token

__all__ = ["count_known_terms", "count_terms"]

_CHUNK = 2000


class _Vocabulary(dict):
    """Token -> column id, assigned on first sight (``-1`` for a token that is not a term).

    Looking tokens up with ``map(vocabulary.__getitem__, tokens)`` runs in C; only a token not seen before
    calls :meth:`__missing__`, so the stop list is checked once per distinct token, not per occurrence.
    """

    def __init__(self, stop_words: frozenset[str]) -> None:
        super().__init__()
        self.stop_words = stop_words
        self.terms: list[str] = []

    def __missing__(self, token: str) -> int:
        if keep_token(token, self.stop_words):
            code = self[token] = len(self.terms)
            self.terms.append(token)
        else:
            code = self[token] = -1
        return code


class _Known(dict):
    """Term -> column of a fixed vocabulary; ``-1`` (remembered) for any other token."""

    def __missing__(self, token: str) -> int:
        self[token] = -1
        return -1


def _token_columns(
    numbered: NumberedTokens, analyzer: NewsAnalyzer, lookup: dict[str, int]
) -> tuple[np.ndarray, np.ndarray]:
    """Each token's column (``lookup[term]``, ``-1``: not a term) in the texts' tokens in order, phrases
    merged (a merged phrase counts at its first token, its other tokens at ``-1``), and each text's count.

    The same counts as the analyzer's tokens: each text's tokens (:func:`numbered_tokens`) open and close
    with an empty token (a phrase never spans two texts: no phrase holds an empty word) and hold
    :data:`DROPPED_TOKEN` where :func:`raw_tokens` has ``""``; neither is a term.
    """
    codes, words = numbered.codes, numbered.words
    lengths = np.diff(numbered.offsets)
    starts, spans, phrases = _phrase_runs(codes, words, analyzer)
    inside = np.zeros(len(codes), dtype=bool)
    if len(starts):
        inside[np.repeat(starts - np.cumsum(spans) + spans, spans) + np.arange(spans.sum())] = True
    present = np.zeros(len(words), dtype=bool)
    present[codes[~inside] if len(starts) else codes] = True
    column = np.full(len(words), -1, dtype=np.int32)
    seen = np.flatnonzero(present)
    column[seen] = np.fromiter(
        map(lookup.__getitem__, [words[i] for i in seen]), dtype=np.int32, count=len(seen)
    )
    cols = column[codes]
    cols[inside] = -1
    if len(starts):
        cols[starts] = np.fromiter(
            map(lookup.__getitem__, phrases), dtype=np.int32, count=len(starts)
        )
    return cols, lengths


def _phrase_runs(
    codes: np.ndarray, words: list[str], analyzer: NewsAnalyzer
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Where the analyzer merges phrases in the numbered tokens (:func:`numbered_phrase_spans`, as
    :func:`phrase_spans` merges them): each run's first position and length, and its phrase."""
    number = {word: i for i, word in enumerate(words)}
    phrases: list[tuple[int, ...]] = []
    ranks: list[int] = []
    names: list[str] = []
    for cands in analyzer._index.values():
        for cand in cands:  # only phrases whose words all occur here can match (same order)
            ids = tuple(number.get(word, -1) for word in cand)
            if -1 not in ids and DROPPED_TOKEN not in cand:  # no raw token is DROPPED_TOKEN
                phrases.append(ids)
                ranks.append(analyzer._rank[cand])
                names.append(" ".join(cand))
    if not phrases:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), []
    starts, spans, which = numbered_phrase_spans(codes, phrases, ranks)
    return starts, spans, [names[i] for i in which.tolist()]


def _count_matrix(cols: np.ndarray, lengths: np.ndarray, n_terms: int) -> sparse.csr_matrix:
    """Sparse float32 counts from each token's column (``-1``: not a term) and each text's token count."""
    mask = cols >= 0
    kept = np.concatenate([[0], np.cumsum(mask)])  # terms among the first i tokens
    indptr = kept[np.concatenate([[0], np.cumsum(lengths)])]
    indices = cols[mask]
    mat = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(lengths), n_terms)
    )
    return _canonical(mat)


def _canonical(mat: sparse.csr_matrix) -> sparse.csr_matrix:
    """The matrix with each row's columns in order and repeated ones summed: put in order by transposing
    twice (two linear passes, faster than sorting every row)."""
    mat = mat.tocsc().tocsr()
    mat.sum_duplicates()
    return mat


def _count_chunk(
    numbered: NumberedTokens, analyzer: NewsAnalyzer, vocabulary: _Vocabulary
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Term counts of some texts' tokens: (vocabulary terms, indptr, indices, counts) of a CSR matrix.

    Args:
        numbered: the texts' tokens.
        analyzer: the analyzer (its stop words, phrases).
        vocabulary: a vocabulary shared by several calls (its terms only grow).
    """
    cols, lengths = _token_columns(numbered, analyzer, vocabulary)
    mat = _count_matrix(cols, lengths, len(vocabulary.terms))
    return vocabulary.terms, mat.indptr.astype(np.int64), mat.indices.astype(np.int32), mat.data


def count_known_terms(
    texts: Sequence[str], analyzer: NewsAnalyzer, vocabulary: dict[str, int]
) -> sparse.csr_matrix:
    """Counts of a fixed vocabulary's terms in each text (float32, columns numbered as in ``vocabulary``).

    The same matrix as ``CountVectorizer(analyzer=analyzer, vocabulary=vocabulary).transform(texts)``
    (a test compares them), faster: tokens are looked up in C, and the analyzer's stop list is not applied,
    as a vocabulary built with that analyzer holds no stop word, number or one-letter token.
    """
    known = _Known(vocabulary)
    parts = []
    for numbered in numbered_chunks(texts, _CHUNK, ahead=worker_count() > 1):
        cols, lengths = _token_columns(numbered, analyzer, known)  # a chunk's tokens at a time
        parts.append(_count_matrix(cols, lengths, len(vocabulary)))
    return parts[0] if len(parts) == 1 else sparse.vstack(parts, format="csr")


def _merge_chunks(
    parts: list[tuple[list[str], np.ndarray, np.ndarray, np.ndarray]], n: int
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Stack chunk count matrices over one alphabetical vocabulary (independent of the chunking)."""
    shared = all(p[0] is parts[0][0] for p in parts)
    terms = np.array(
        sorted(set(parts[0][0]) if shared else set().union(*(p[0] for p in parts))), dtype=object
    )
    position = {t: i for i, t in enumerate(terms)}
    indptrs, indices, values = [np.zeros(1, dtype=np.int64)], [], []
    offset = 0
    shared_remap = None
    if shared:
        shared_remap = np.fromiter(
            map(position.__getitem__, parts[0][0]), dtype=np.int32, count=len(terms)
        )
    for vocab, indptr, idx, val in parts:
        if shared_remap is not None:
            remap = shared_remap
        else:
            remap = np.fromiter(map(position.__getitem__, vocab), dtype=np.int32, count=len(vocab))
        indices.append(remap[idx] if len(idx) else idx)
        values.append(val)
        indptrs.append(indptr[1:] + offset)
        offset += len(idx)
    counts = sparse.csr_matrix(
        (np.concatenate(values), np.concatenate(indices), np.concatenate(indptrs)),
        shape=(n, len(terms)),
    )
    return _canonical(counts), terms


def count_terms(
    texts: Sequence[str], analyzer: NewsAnalyzer, *, progress: bool
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Term counts of all texts, tokenised chunk by chunk into one shared vocabulary; with more than one
    core (:func:`analysis.parallel.worker_count`), each chunk is split and numbered in Arrow on a thread
    while the next one's strings are read and the one before is counted (:func:`numbered_chunks`)."""
    n = len(texts)
    vocabulary = _Vocabulary(analyzer.stop_words)
    parts: list[tuple[list[str], np.ndarray, np.ndarray, np.ndarray]] = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=n, desc="Tokenising articles", unit="article")
    for numbered in numbered_chunks(texts, _CHUNK, ahead=worker_count() > 1):
        parts.append(_count_chunk(numbered, analyzer, vocabulary))
        if bar is not None:
            bar.update(len(numbered.offsets) - 1)
    if bar is not None:
        bar.close()
    return _merge_chunks(parts, n)
