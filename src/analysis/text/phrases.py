"""Multi-word phrases found by NPMI, merged into tokens; the analyzer that uses both."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import TypeVar

import numpy as np
import pandas as pd

from analysis.errors import ParameterError
from analysis.text.numbered import numbered_tokens
from analysis.text.tokens import DROPPED_TOKEN, NEWS_STOP_WORDS, keep_token, raw_tokens

# Words that may sit inside a phrase ("coalition of the willing", "secretary of state").
_PHRASE_INNER = frozenset({"of", "the", "and", "for", "de", "la", "on", "in", "at", "to"})

H = TypeVar("H")  # a token: a word, or a word's number


def merge_phrases(
    tokens: list[str], index: dict[str, list[tuple[str, ...]]], rank: dict[tuple[str, ...], int]
) -> list[str]:
    """Replace runs of tokens that form a known phrase by one token joined with spaces.

    Longest match first; when the last word of a match starts a stronger phrase (lower rank), the stronger
    one wins ("president donald trump" -> "president", "donald trump"). The runs are
    :func:`phrase_spans`'s.
    """
    out: list[str] = []
    done = 0
    for i, cand in phrase_spans(tokens, index, rank):
        out.extend(tokens[done:i])
        out.append(" ".join(cand))
        done = i + len(cand)
    out.extend(tokens[done:])
    return out


def phrase_spans(
    tokens: Sequence[H], index: dict[H, list[tuple[H, ...]]], rank: dict[tuple[H, ...], int]
) -> list[tuple[int, tuple[H, ...]]]:
    """Where :func:`merge_phrases` merges phrases: (position of the first token, the phrase's tokens) each,
    left to right. Only the tokens that start some phrase are looked at (found in C), skipping those inside
    a phrase already merged. Tokens may be any hashable values (words, or word numbers with an index and
    ranks in numbers).
    """
    spans: list[tuple[int, tuple[H, ...]]] = []
    done = 0
    for i in compress(range(len(tokens)), map(index.__contains__, tokens)):
        if i < done:
            continue
        cand = _phrase_at(tokens, i, index, rank)
        if cand is not None:
            spans.append((i, cand))
            done = i + len(cand)
    return spans


def numbered_phrase_spans(
    codes: np.ndarray, phrases: Sequence[tuple[int, ...]], ranks: Sequence[int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`phrase_spans` of numbered tokens, computed in numpy: no Python step per token.

    Each phrase's words are renumbered ``1..W`` (``0``: any other token), so a run of up to ``L`` tokens is
    one integer in base ``W + 1``; every position's match of each length is then found with one sorted
    search, and the phrase merged there is the longest match whose last word does not start a stronger
    matching phrase (as :func:`_phrase_at` decides). Only the final left-to-right pass, which skips matches
    inside a phrase already merged, steps through the matches (not the tokens).

    Args:
        codes: the tokens as numbers (int).
        phrases: each phrase as its words' numbers (two or more; distinct tuples).
        ranks: each phrase's rank (lower: stronger).

    Returns:
        (first position, length, index into ``phrases``) of each merged run, left to right.
    """
    none = np.zeros(0, dtype=np.int64)
    words = np.unique(np.concatenate([np.asarray(p, dtype=np.int64) for p in phrases]))
    base = len(words) + 1
    longest = max(len(p) for p in phrases)
    if base**longest >= 2**62:  # too many words for one integer per run: the step-by-step finder
        index: dict[int, list[tuple[int, ...]]] = {}
        rank = dict(zip(phrases, ranks, strict=True))
        for p in sorted(phrases, key=lambda p: (-len(p), rank[p])):
            index.setdefault(p[0], []).append(p)
        found = phrase_spans(codes.tolist(), index, rank)
        number = {p: i for i, p in enumerate(phrases)}
        return (
            np.array([i for i, _ in found], dtype=np.int64),
            np.array([len(p) for _, p in found], dtype=np.int64),
            np.array([number[p] for _, p in found], dtype=np.int64),
        )
    small = np.zeros(int(max(codes.max(initial=0), words[-1])) + 1, dtype=np.int64)
    small[words] = np.arange(1, base)
    first = np.zeros(base, dtype=bool)
    first[[small[p[0]] for p in phrases]] = True
    padded = np.concatenate([small[codes], np.zeros(longest, dtype=np.int64)])
    at = np.flatnonzero(first[padded[: len(codes)]])  # positions whose token starts some phrase
    if len(at) == 0:
        return none, none, none
    lengths = sorted({len(p) for p in phrases}, reverse=True)
    worst = np.iinfo(np.int64).max
    matched = {}  # length -> (index into phrases, rank) at each position of ``at`` (-1, worst: none)
    strongest = np.full(
        len(padded), worst, dtype=np.int64
    )  # lowest rank of a phrase matching there
    rank_of = np.asarray(ranks, dtype=np.int64)
    for length in lengths:
        of_length = np.array([i for i, p in enumerate(phrases) if len(p) == length])
        keys = np.array([_run_key(small[list(phrases[i])], base) for i in of_length])
        order = np.argsort(keys)
        keys, of_length = keys[order], of_length[order]
        run = np.zeros(len(at), dtype=np.int64)
        for j in range(length):
            run = run * base + padded[at + j]
        slot = np.minimum(np.searchsorted(keys, run), len(keys) - 1)
        hit = keys[slot] == run
        which = np.where(hit, of_length[slot], -1)
        rank = np.where(hit, rank_of[np.maximum(which, 0)], worst)
        matched[length] = (which, rank)
        strongest[at] = np.minimum(strongest[at], rank)
    chosen = np.full(len(at), -1, dtype=np.int64)
    for length in lengths:  # the longest match not beaten by a stronger phrase at its last word
        which, rank = matched[length]
        ok = (which >= 0) & (chosen < 0) & ~(strongest[at + length - 1] < rank)
        chosen[ok] = which[ok]
    starts, picked = at[chosen >= 0], chosen[chosen >= 0]
    spans = np.array([len(p) for p in phrases], dtype=np.int64)[picked]
    keep = np.zeros(len(starts), dtype=bool)
    done = 0
    for n, (i, span) in enumerate(zip(starts.tolist(), spans.tolist(), strict=True)):
        if i >= done:  # not inside the phrase merged before
            keep[n] = True
            done = i + span
    return starts[keep], spans[keep], picked[keep]


def _run_key(small_words: np.ndarray, base: int) -> int:
    key = 0
    for w in small_words.tolist():
        key = key * base + w
    return key


def _phrase_at(
    tokens: Sequence[H],
    i: int,
    index: dict[H, list[tuple[H, ...]]],
    rank: dict[tuple[H, ...], int],
) -> tuple[H, ...] | None:
    """The phrase merged at position ``i``: the longest (then strongest) that matches there and whose
    last word does not start a stronger phrase that matches; None when there is none."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    for cand in index[tokens[i]]:
        m = len(cand)
        if cand[1] != after or tuple(tokens[i : i + m]) != cand:
            continue
        r = rank[cand]
        last = i + m - 1
        if not any(
            tuple(tokens[last : last + len(c)]) == c and rank[c] < r
            for c in index.get(tokens[last], ())
        ):
            return cand
    return None


def _phrase_index(
    phrases: Sequence[str],
) -> tuple[dict[str, list[tuple[str, ...]]], dict[tuple[str, ...], int]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    rank: dict[tuple[str, ...], int] = {}
    for r, phrase in enumerate(phrases):
        parts = tuple(phrase.split())
        if len(parts) > 1 and parts not in rank:
            index.setdefault(parts[0], []).append(parts)
            rank[parts] = r
    for cands in index.values():
        cands.sort(key=lambda c: (-len(c), rank[c]))
    return index, rank


@dataclass(frozen=True)
class NewsAnalyzer:
    """A picklable scikit-learn ``analyzer``: text -> list of news-aware terms.

    Attributes:
        stop_words: terms to drop (default :data:`NEWS_STOP_WORDS`).
        phrases: multiword expressions to keep as one term, words separated by single spaces, strongest
            first (when two overlap, the earlier one wins).
    """

    stop_words: frozenset[str] = NEWS_STOP_WORDS
    phrases: tuple[str, ...] = ()
    _index: dict[str, list[tuple[str, ...]]] = field(init=False, repr=False, compare=False)
    _rank: dict[tuple[str, ...], int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index, rank = _phrase_index(self.phrases)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_rank", rank)

    def __call__(self, text: str) -> list[str]:
        tokens = raw_tokens(text)
        if self._index:
            tokens = merge_phrases(tokens, self._index, self._rank)
        stop = self.stop_words
        return [t for t in tokens if len(t) > 1 and t not in stop and not t[0].isdigit()]


def tokenize(
    text: str,
    *,
    stop_words: Iterable[str] | None = None,
    extra_stop_words: Iterable[str] = (),
    phrases: Iterable[str] = (),
) -> list[str]:
    """Split one news text into lower-case terms, news-aware.

    Args:
        text: the text.
        stop_words: the stop list; default :data:`NEWS_STOP_WORDS` (English stop words, reporting verbs,
            newsroom boilerplate).
        extra_stop_words: more words to drop, added to ``stop_words``.
        phrases: multiword expressions kept as one term (e.g. ``"coalition of the willing"``).

    Returns:
        The terms in order. Possessives and contractions leave no fragments (``Europe’s`` -> ``europe``,
        ``won’t`` -> nothing), ``U.S.`` -> ``u.s.``, ``U.K.`` -> ``uk``, hyphenated names stay whole
        (``trump-zelenskyy``), numbers and one-letter tokens are dropped.

    Example:
        >>> tokenize("Europe’s leaders said the U.S. won’t join the coalition of the willing.",
        ...          phrases=["coalition of the willing"])
        ['europe', 'leaders', 'u.s.', 'join', 'coalition of the willing']
    """
    stop = NEWS_STOP_WORDS if stop_words is None else frozenset(w.lower() for w in stop_words)
    stop = stop | frozenset(w.lower() for w in extra_stop_words)
    return NewsAnalyzer(stop_words=stop, phrases=tuple(phrases))(text)


def find_phrases(
    texts: Iterable[str],
    *,
    min_count: int = 3,
    threshold: float = 0.5,
    max_phrases: int = 500,
    max_length: int = 4,
    stop_words: frozenset[str] = NEWS_STOP_WORDS,
) -> tuple[str, ...]:
    """Find frequent multiword expressions (collocations) in a collection of texts.

    A candidate is 2 to ``max_length`` consecutive tokens that start and end with a content word, with only
    short function words inside (``of``, ``the``, ``and`` ...): ``prime minister``, ``coalition of the
    willing``. It is kept when it occurs at least ``min_count`` times and the normalised pointwise mutual
    information of its first and last word, ``log(p(phrase) / (p(first) p(last))) / -log p(phrase)``, is at
    least ``threshold`` (1 means the words only ever occur together).

    Args:
        texts: the texts (for a large corpus, pass a sample: counting is linear in the text).
        min_count: minimum number of occurrences.
        threshold: minimum normalised PMI, between -1 and 1.
        max_phrases: keep at most this many, the most frequent first.
        max_length: longest phrase in tokens.
        stop_words: words that cannot start or end a phrase.

    Two kept phrases that overlap ("von der", "der leyen") are joined into one ("von der leyen") when the
    joined run accounts for at least 80% of the occurrences of the more frequent of the two.

    Returns:
        The phrases, words separated by single spaces, strongest association first (ties alphabetical);
        when more than ``max_phrases`` qualify, the most frequent are kept.
    """
    if min_count < 1 or not -1.0 <= threshold <= 1.0 or max_length < 2:
        raise ParameterError(
            f"find_phrases: min_count must be >= 1 (got {min_count}), threshold in [-1, 1] "
            f"(got {threshold}) and max_length >= 2 (got {max_length})."
        )
    texts = list(texts)
    codes, uniques = _token_stream(texts)
    total = len(codes) - len(texts)
    if total <= 0:
        return ()
    v = len(uniques)
    unigram = np.bincount(codes, minlength=v)
    content = np.fromiter((keep_token(t, stop_words) for t in uniques), dtype=bool, count=v)[codes]
    inner = np.fromiter((t in _PHRASE_INNER for t in uniques), dtype=bool, count=v)[codes]
    scored = _score_ngrams(
        codes, uniques, content, inner, unigram, total, min_count, threshold, max_length
    )
    _join_chains(scored, codes, uniques, min_count=min_count, max_length=max_length)
    frequent = sorted(scored, key=lambda g: (-scored[g][1], g))[:max_phrases]
    frequent.sort(key=lambda g: (-scored[g][0], g))
    return tuple(" ".join(g) for g in frequent)


def _token_stream(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every text's raw tokens, each followed by ``""`` (a text's end: never part of a phrase), numbered in
    order of first appearance: (numbers, the distinct tokens). A dropped token is ``""`` too, as in
    :func:`raw_tokens`. Numbered in Arrow (:func:`numbered_tokens`: each text's tokens open and close with
    ``""``; the opening one is left out)."""
    numbered = numbered_tokens(texts)
    words = numbered.words
    keep = np.ones(len(numbered.codes), dtype=bool)
    keep[numbered.offsets[:-1]] = False
    codes = numbered.codes[keep]
    if DROPPED_TOKEN in words:
        codes[codes == words.index(DROPPED_TOKEN)] = words.index("")
    codes, first = pd.factorize(codes, sort=False)
    return codes, np.array([words[i] for i in first], dtype=object)


def _join_chains(
    scored: dict[tuple[str, ...], tuple[float, int]],
    codes: np.ndarray,
    uniques,
    *,
    min_count: int,
    max_length: int,
) -> None:
    """Add to ``scored`` the chains of two overlapping phrases that nearly always occur together ("von der"
    + "der leyen" -> "von der leyen"): counted in the token codes, kept at 80% of the more frequent part."""
    # Chains of two overlapping phrases that nearly always occur together ("von der" + "der leyen").
    chain_parts: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for gram in scored:
        by_first.setdefault(gram[0], []).append(gram)
    for gram in scored:
        for nxt in by_first.get(gram[-1], ()):
            chain = gram + nxt[1:]
            if len(chain) <= max_length + 1 and chain not in chain_parts and chain not in scored:
                chain_parts[chain] = (gram, nxt)
    if chain_parts:
        code_of = {str(t): i for i, t in enumerate(uniques)}
        chain_counts: Counter[tuple[str, ...]] = Counter()
        first_codes = np.array(sorted({code_of[c[0]] for c in chain_parts}))
        lengths = sorted({len(c) for c in chain_parts})
        for i in np.flatnonzero(np.isin(codes, first_codes)):
            for length in lengths:
                cand = tuple(str(uniques[c]) for c in codes[i : i + length])
                if cand in chain_parts:
                    chain_counts[cand] += 1
        for chain, count in chain_counts.items():
            parts = chain_parts[chain]
            if count >= max(min_count, 0.8 * max(scored[g][1] for g in parts)):
                scored[chain] = (max(scored[g][0] for g in parts) + 1e-9, count)


def _score_ngrams(
    codes, uniques, content, inner, unigram, total, min_count, threshold, max_length
) -> dict[tuple[str, ...], tuple[float, int]]:
    """Candidate n-grams (2 to ``max_length`` tokens, content words at both ends, short function words
    inside) seen ``min_count`` times with a normalised PMI of at least ``threshold``: (npmi, count) each."""
    scored: dict[tuple[str, ...], tuple[float, int]] = {}
    m, v = len(codes), len(uniques)
    for length in range(2, max_length + 1):
        # start and end with a content word, only short function words inside
        ok = content[: m - length + 1] & content[length - 1 :]
        for j in range(1, length - 1):
            ok &= inner[j : m - length + 1 + j]
        starts = np.flatnonzero(ok)
        if len(starts) == 0:
            continue
        if (
            v**length < 2**62
        ):  # each n-gram as one integer (base v): same order as the rows, much faster
            key = np.zeros(len(starts), dtype=np.int64)
            for j in range(length):
                key = key * v + codes[starts + j]
            keys, counts = np.unique(key, return_counts=True)
            found = np.stack([keys // v ** (length - 1 - j) % v for j in range(length)], axis=1)
        else:
            grams = np.stack([codes[starts + j] for j in range(length)], axis=1)
            found, counts = np.unique(grams, axis=0, return_counts=True)
        for gram, count in zip(
            found[counts >= min_count], counts[counts >= min_count], strict=True
        ):
            p_ab = count / total
            pmi = math.log(p_ab / ((unigram[gram[0]] / total) * (unigram[gram[-1]] / total)))
            npmi = pmi / -math.log(p_ab)
            if npmi >= threshold:
                scored[tuple(str(uniques[c]) for c in gram)] = (npmi, int(count))
    return scored
