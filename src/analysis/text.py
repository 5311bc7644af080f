"""News-aware tokenising and TF-IDF vectorising of a corpus.

News text has habits that a generic tokenizer turns into noise: curly apostrophes (``won’t``,
``Europe’s``) split into fragments such as ``won``, ``t`` and ``s``; abbreviations with dots (``U.S.``,
``U.K.``) split into single letters; datelines (``LONDON —``) and credit lines (``... contributed reporting
from London.``) repeat in every article; reporting verbs (``said``, ``told``, ``according``) say nothing about
the topic; and some ideas are phrases (``coalition of the willing``, ``prime minister``). This module cleans
and tokenizes such text (:func:`clean_text`, :func:`tokenize`), finds frequent multiword expressions
(:func:`find_phrases`) and builds a TF-IDF matrix with scikit-learn (:func:`vectorize`), with options whose
defaults adapt to the size of the corpus.

    from analysis.text import tokenize
    tokenize("LONDON — Europe’s leaders said the U.S. won’t join.")
    # ['europe', 'leaders', 'u.s.', 'join']
"""

from __future__ import annotations

import functools
import math
import multiprocessing
import re
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from analysis.errors import ParameterError

__all__ = [
    "NEWS_STOP_WORDS",
    "REPORTING_WORDS",
    "DocumentTexts",
    "NewsAnalyzer",
    "TextVectors",
    "clean_text",
    "document_texts",
    "find_phrases",
    "tokenize",
    "vectorize",
]

#: Reporting verbs and attribution words: they say how something was reported, not what about.
REPORTING_WORDS: frozenset[str] = frozenset(
    ["said", "say", "says", "saying", "told", "tell", "tells", "telling", "according", "added", "adds", "adding", "asked", "asks", "asking", "noted", "notes", "explained", "explains", "stated", "states", "claimed", "claims", "commented", "comments", "remarked", "replied", "replies", "insisted", "insists", "argued", "argues", "warned", "warns", "acknowledged", "acknowledges", "reported", "reports", "reporting", "announced", "announces", "confirmed", "confirms", "declined", "declines", "spokesperson", "spokesman", "spokeswoman", "statement", "statements", "interview", "interviews", "reporters", "reporter", "quoted", "quote", "quotes"]
)

#: Newsroom boilerplate, honorifics and contraction leftovers that carry no topic.
_BOILERPLATE_WORDS: frozenset[str] = frozenset(
    ["mr", "mrs", "ms", "dr", "sir", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "subscribe", "newsletter", "click", "read", "sign", "article", "updated", "editing", "contributed", "also", "just", "like", "would", "could", "should", "might", "may", "must", "will", "shall", "don", "doesn", "didn", "won", "isn", "aren", "wasn", "weren", "hasn", "haven", "hadn", "wouldn", "couldn", "shouldn", "mustn", "needn", "ll", "ve", "re", "let", "does", "did", "doing", "eg", "ie", "etc"]
)

# scikit-learn's list stops some words that carry news topics ("bill", "fire", "interest rates").
_TOPICAL = frozenset({"bill", "fire", "interest", "system", "serious", "empty", "cry"})

#: Default stop list: scikit-learn's English stop words (less a few topical words such as "bill", "fire",
#: "interest"), reporting verbs and newsroom boilerplate.
NEWS_STOP_WORDS: frozenset[str] = (
    (frozenset(ENGLISH_STOP_WORDS) - _TOPICAL) | REPORTING_WORDS | _BOILERPLATE_WORDS
)

# Words that may sit inside a phrase ("coalition of the willing", "secretary of state").
_PHRASE_INNER = frozenset({"of", "the", "and", "for", "de", "la", "on", "in", "at", "to"})

_QUOTE_MAP = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "))
# "LONDON —", "KYIV, Ukraine —", "WASHINGTON (AP) —", "BRUSSELS - " at the start of the text or a paragraph.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'.\-]{2,}(?:[ \t]+[A-Z][A-Z'.\-]+){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.'\-]+(?:[ \t]+[A-Z][A-Za-z.'\-]+){0,2})?"
    r"(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*(?:[—–]|-(?=[ \t]))[ \t]*",
    re.MULTILINE,
)
# The start of a line that may hold a dateline (a fast literal search for the line break first).
_DATELINE_HINT = re.compile(r"\n[ \t]*[A-Z][A-Z'.\-]{2}")
# "Jane Doe and John Roe contributed reporting from London." / "Additional reporting by ..." /
# "(Reporting by ...; Editing by ...)" / "This article has been updated ..."
_CREDIT = re.compile(
    r"[A-Z][^.!?\n\"]{0,200}?\bcontributed (?:additional )?(?:reporting|to this (?:report|article))"
    r"[^.!?\n]*[.!?]?"
    r"|\((?:additional )?reporting by[^)\n]*\)"
    r"|(?:^|(?<=[.!?\"] ))(?:Additional )?[Rr]eporting by [^.!?\n]*[.!?]?"
    r"|This (?:article|story) (?:has been|was) updated[^.!?\n]*[.!?]?",
    re.MULTILINE,
)
# Abbreviations whose dotless form is a stop word keep their dots.
_KEEP_DOTS = frozenset({"us"})
_US_CAPS = re.compile(r"\bUS\b")
_DOTTED_ANY = re.compile(r"\.[a-z]\.")
_TOKEN = re.compile(r"(?:[a-z]\.){2,}|[a-z0-9]+(?:['\-][a-z0-9]+)*")


def clean_text(text: str) -> str:
    """Remove datelines and credit lines and normalise quotes, apostrophes and abbreviations.

    Args:
        text: one article's text (title and/or body).

    Returns:
        The cleaned text, case preserved: curly quotes become straight ones, a leading dateline
        (``"LONDON — "``) and credit lines (``"... contributed reporting from Paris."``) are removed, and
        the capitalised ``"US"`` is written ``"U.S."`` so that it cannot be read as the pronoun. (Dotted
        abbreviations are joined by the tokenizer: ``U.K.`` -> ``uk``, ``U.S.`` -> ``u.s.``.)
    """
    for curly, straight in _QUOTE_MAP:
        if curly in text:
            text = text.replace(curly, straight)
    if _DATELINE.match(text) or _DATELINE_HINT.search(text):  # a dateline can only start a line
        text = _DATELINE.sub("", text)
    if "ontributed" in text or "eporting by" in text or "updated" in text:
        text = _CREDIT.sub(" ", text)
    if "US" in text:
        text = _US_CAPS.sub("U.S.", text)
    return text


@functools.lru_cache(maxsize=65536)
def _dotted(token: str) -> str:
    """``u.k.`` -> ``uk``, ``e.u.`` -> ``eu``; ``u.s.`` stays (``us`` is a pronoun)."""
    letters = token.replace(".", "")
    return token if letters in _KEEP_DOTS else letters


@functools.lru_cache(maxsize=65536)
def _apostrophe(token: str) -> str:
    """``europe's`` -> ``europe``, ``they're`` -> ``they``, ``won't`` -> ``""`` (dropped), ``o'brien`` kept."""
    if token.endswith("n't"):
        return ""
    base, _, suffix = token.rpartition("'")
    if suffix in {"s", "re", "ve", "ll", "d", "m"}:
        return base
    return token


# Every ASCII character that cannot be part of a token (all but a-z, 0-9, apostrophe, hyphen) -> space.
_SEPARATE = str.maketrans({c: " " for c in map(chr, range(128)) if not re.fullmatch(r"[a-z0-9'\-]", c)})


def _split_tokens(lowered: str) -> list[str]:
    """``_TOKEN.findall(lowered)``, computed with C-level string operations where that gives the same list.

    Without a dotted abbreviation, a token is a run of ``[a-z0-9'-]`` delimited by anything else: after
    mapping every other character to a space (non-ASCII ones through ``"?"``, one per character), the
    whitespace-separated chunks are the tokens, except chunks with an apostrophe or hyphen, which are
    matched with the token pattern (``"'quoted'"`` -> ``quoted``). Dotted abbreviations use the pattern.
    """
    if _DOTTED_ANY.search(lowered):
        return _TOKEN.findall(lowered)
    if not lowered.isascii():
        lowered = lowered.encode("ascii", "replace").decode("ascii")
    separated = lowered.translate(_SEPARATE)
    chunks = separated.split()
    if "'" not in separated and "-" not in separated:
        return chunks
    out: list[str] = []
    for chunk in chunks:
        if chunk.isalnum():
            out.append(chunk)
        else:
            out.extend(_TOKEN.findall(chunk))
    return out


def _raw_tokens(text: str) -> list[str]:
    """Lower-cased tokens of cleaned text, stop words still in (phrase detection needs them)."""
    lowered = clean_text(text).lower()
    tokens = _split_tokens(lowered)
    if "'" in lowered:
        tokens = [_apostrophe(t) if "'" in t else t for t in tokens]
    if _DOTTED_ANY.search(lowered):
        tokens = [_dotted(t) if t.endswith(".") else t for t in tokens]
    return tokens


def _keep(token: str, stop_words: frozenset[str]) -> bool:
    return len(token) > 1 and token not in stop_words and not token[0].isdigit()


def _merge_phrases(
    tokens: list[str], index: dict[str, list[tuple[str, ...]]], rank: dict[tuple[str, ...], int]
) -> list[str]:
    """Replace runs of tokens that form a known phrase by one token joined with spaces.

    Longest match first; when the last word of a match starts a stronger phrase (lower rank), the stronger
    one wins ("president donald trump" -> "president", "donald trump").
    """
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        cands = index.get(tok)
        if cands is not None:
            for cand in cands:
                m = len(cand)
                if tuple(tokens[i : i + m]) != cand:
                    continue
                r = rank[cand]
                rival = any(
                    tuple(tokens[i + m - 1 : i + m - 1 + len(c)]) == c and rank[c] < r
                    for c in index.get(tokens[i + m - 1], ())
                )
                if rival:
                    continue
                out.append(" ".join(cand))
                i += m
                break
            else:
                out.append(tok)
                i += 1
        else:
            out.append(tok)
            i += 1
    return out


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
        tokens = _raw_tokens(text)
        if self._index:
            tokens = _merge_phrases(tokens, self._index, self._rank)
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
    stream: list[str] = []
    for text in texts:
        stream.extend(_raw_tokens(text))
        stream.append("")  # document boundary: never part of a phrase
    total = len(stream) - len(texts)
    if total <= 0:
        return ()
    codes, uniques = pd.factorize(np.asarray(stream, dtype=object), sort=False)
    del stream
    v = len(uniques)
    unigram = np.bincount(codes, minlength=v)
    content = np.fromiter((_keep(t, stop_words) for t in uniques), dtype=bool, count=v)[codes]
    inner = np.fromiter((t in _PHRASE_INNER for t in uniques), dtype=bool, count=v)[codes]
    scored: dict[tuple[str, ...], tuple[float, int]] = {}
    m = len(codes)
    for length in range(2, max_length + 1):
        # start and end with a content word, only short function words inside
        ok = content[: m - length + 1] & content[length - 1 :]
        for j in range(1, length - 1):
            ok &= inner[j : m - length + 1 + j]
        starts = np.flatnonzero(ok)
        if len(starts) == 0:
            continue
        if v**length < 2**62:  # each n-gram as one integer (base v): same order as the rows, much faster
            key = np.zeros(len(starts), dtype=np.int64)
            for j in range(length):
                key = key * v + codes[starts + j]
            keys, counts = np.unique(key, return_counts=True)
            found = np.stack([keys // v ** (length - 1 - j) % v for j in range(length)], axis=1)
        else:
            grams = np.stack([codes[starts + j] for j in range(length)], axis=1)
            found, counts = np.unique(grams, axis=0, return_counts=True)
        for gram, count in zip(found[counts >= min_count], counts[counts >= min_count], strict=True):
            p_ab = count / total
            pmi = math.log(p_ab / ((unigram[gram[0]] / total) * (unigram[gram[-1]] / total)))
            npmi = pmi / -math.log(p_ab)
            if npmi >= threshold:
                scored[tuple(str(uniques[c]) for c in gram)] = (npmi, int(count))
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
    frequent = sorted(scored, key=lambda g: (-scored[g][1], g))[:max_phrases]
    frequent.sort(key=lambda g: (-scored[g][0], g))
    return tuple(" ".join(g) for g in frequent)


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
    if "body" not in corpus.columns:
        raise ParameterError(
            f"The corpus has no 'body' column (columns: {list(corpus.columns)}); "
            "load it with analysis.load_corpus."
        )
    return DocumentTexts(corpus, title_weight=title_weight)[:]


class DocumentTexts(Sequence[str]):
    """A read-only, lazy sequence of article texts (title repeated ``title_weight`` times, then body).

    Texts are built when indexed, so a large corpus is never held twice in memory.

    Args:
        corpus: a corpus DataFrame with ``body`` and, optionally, ``title``.
        title_weight: repeat the title this many times.
        max_words: keep only the first ``max_words`` words of each body (words are separated by whitespace;
            a shortened body is re-joined with single spaces); None keeps the whole body.

    Raises:
        ParameterError: when the corpus has no ``body`` column or ``max_words`` is not a whole number >= 1.
    """

    def __init__(self, corpus: pd.DataFrame, *, title_weight: int = 1, max_words: int | None = None) -> None:
        if max_words is not None and (isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1):
            raise ParameterError(f"max_words must be a whole number >= 1 or None, got {max_words!r}.")
        if "body" not in corpus.columns:
            raise ParameterError(
                f"The corpus has no 'body' column (columns: {list(corpus.columns)}); "
                "load it with analysis.load_corpus."
            )
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
        return "\n\n".join([title] * self._weight + [body])

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
    """

    tfidf: sparse.csr_matrix
    counts: sparse.csr_matrix
    terms: np.ndarray
    settings: dict


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
        if _keep(token, self.stop_words):
            code = self[token] = len(self.terms)
            self.terms.append(token)
        else:
            code = self[token] = -1
        return code


def _count_chunk(
    texts: Sequence[str], analyzer: NewsAnalyzer, vocabulary: _Vocabulary | None = None
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Term counts of some texts: (vocabulary terms, indptr, indices, counts) of a CSR matrix.

    Args:
        texts: the texts.
        analyzer: the analyzer (its stop words, phrases).
        vocabulary: a vocabulary shared by several calls (its terms only grow); default a new one.
    """
    vocab = _Vocabulary(analyzer.stop_words) if vocabulary is None else vocabulary
    index, rank = analyzer._index, analyzer._rank
    starters = frozenset(index)
    stream: list[str] = []
    lengths = np.empty(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        tokens = _raw_tokens(text)
        if starters and not starters.isdisjoint(tokens):
            tokens = _merge_phrases(tokens, index, rank)
        stream.extend(tokens)
        lengths[i] = len(tokens)
    cols = np.fromiter(map(vocab.__getitem__, stream), dtype=np.int64, count=len(stream))
    del stream
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    mask = cols >= 0
    mat = sparse.csr_matrix(
        (np.ones(int(mask.sum()), dtype=np.float32), (rows[mask], cols[mask])),
        shape=(len(texts), len(vocab.terms)),
    )
    mat.sum_duplicates()
    return vocab.terms, mat.indptr.astype(np.int64), mat.indices.astype(np.int32), mat.data


def _merge_chunks(
    parts: list[tuple[list[str], np.ndarray, np.ndarray, np.ndarray]], n: int
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Stack chunk count matrices over one alphabetical vocabulary (independent of the chunking)."""
    shared = all(p[0] is parts[0][0] for p in parts)
    terms = np.array(sorted(set(parts[0][0]) if shared else set().union(*(p[0] for p in parts))), dtype=object)
    position = {t: i for i, t in enumerate(terms)}
    indptrs, indices, values = [np.zeros(1, dtype=np.int64)], [], []
    offset = 0
    shared_remap = None
    if shared:
        shared_remap = np.fromiter(map(position.__getitem__, parts[0][0]), dtype=np.int32, count=len(terms))
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
        (np.concatenate(values), np.concatenate(indices), np.concatenate(indptrs)), shape=(n, len(terms))
    )
    counts.sort_indices()
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
    n_jobs: int | None = None,
    progress: bool = False,
) -> TextVectors:
    """TF-IDF of news texts with the news-aware analyzer (scikit-learn ``CountVectorizer`` + ``TfidfTransformer``).

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
        n_jobs: forked worker processes for tokenising (default 1: in one process the tokenizer shares one
            vocabulary and uses less memory; extra processes rarely pay off on a busy machine).
        progress: show a tqdm progress bar while tokenising.

    Returns:
        A :class:`TextVectors`.

    Raises:
        ParameterError: for an empty corpus, bad options, or when no text has any usable term.
    """
    n = len(texts)
    if n == 0:
        raise ParameterError("The corpus is empty: there are no articles to vectorise.")
    stop = NEWS_STOP_WORDS if stop_words is None else frozenset(w.lower() for w in stop_words)
    stop = stop | frozenset(w.lower() for w in extra_stop_words)
    min_df = default_min_df(n) if min_df is None else min_df
    max_df = default_max_df(n) if max_df is None else max_df
    if isinstance(min_df, int) and min_df > n:
        min_df = 1
    if phrases is None:
        if detect_phrases:
            source = texts if phrase_texts is None else phrase_texts
            step = max(1, math.ceil(len(source) / phrase_sample))
            sample = [source[i] for i in range(0, len(source), step)]
            min_count = 3 if n < 1000 else 5
            found = find_phrases(sample, min_count=min_count, stop_words=stop)
        else:
            found = ()
    else:
        found = tuple(" ".join(p.lower().split()) for p in phrases)
    analyzer = NewsAnalyzer(stop_words=stop, phrases=found)
    bounds = [(i, min(i + _CHUNK, n)) for i in range(0, n, _CHUNK)]
    workers = min(n_jobs if n_jobs is not None else 1, len(bounds))
    parts: list[tuple[list[str], np.ndarray, np.ndarray, np.ndarray]] = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=n, desc="Tokenising articles", unit="article")
    if workers > 1:
        # Forked workers; at most 2 chunks per worker in flight, so texts are built a few at a time.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            pending: deque = deque()
            for lo, hi in bounds:
                pending.append(pool.submit(_count_chunk, texts[lo:hi], analyzer))
                if len(pending) >= 2 * workers:
                    parts.append(pending.popleft().result())
                    if bar is not None:
                        bar.update(len(parts[-1][1]) - 1)
            while pending:
                parts.append(pending.popleft().result())
                if bar is not None:
                    bar.update(len(parts[-1][1]) - 1)
    else:
        vocabulary = _Vocabulary(stop)
        for lo, hi in bounds:
            parts.append(_count_chunk(texts[lo:hi], analyzer, vocabulary))
            if bar is not None:
                bar.update(hi - lo)
    if bar is not None:
        bar.close()
    counts, terms = _merge_chunks(parts, n)
    del parts
    counts, terms = _prune(counts, terms, min_df=min_df, max_df=max_df, max_features=max_features)
    if counts.shape[1] == 0:
        raise ParameterError(
            f"None of the {n} article(s) has a usable term after removing stop words, numbers and "
            f"rare terms (min_df={min_df}, max_df={max_df}); add longer texts or lower min_df."
        )
    tfidf = TfidfTransformer(sublinear_tf=sublinear_tf).fit_transform(counts).astype(np.float32)
    settings = {
        "tokenizer": "news-aware (datelines, credit lines, curly apostrophes, dotted abbreviations)",
        "stop_words": f"{len(stop)} words (English stop words, reporting verbs, newsroom boilerplate)",
        "phrases_detected": len(found),
        "min_df": min_df,
        "max_df": max_df,
        "max_features": max_features,
        "sublinear_tf": sublinear_tf,
        "n_terms": len(terms),
    }
    return TextVectors(tfidf=tfidf.tocsr(), counts=counts, terms=terms, settings=settings)
