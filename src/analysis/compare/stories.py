"""The same story in many places: syndicated and near-identical copies, grouped with MinHash and LSH.

An agency story run by fifty outlets, or re-run by one outlet with a new headline, a byline, a dateline, a
trimmed or added paragraph and a few words changed, is one story. :func:`story_groups` gives every article
the id of its group of copies (an article with no copy is a group of one), so that counts can weigh a story
once.

How: each article's body (its headline when it has no body) is cut into overlapping runs of
:data:`SHINGLE_WORDS` words ("shingles", lower case, words are runs of ASCII letters and digits); one shingle
in :data:`SAMPLE_EVERY`, chosen by its hash (so two copies keep the same ones), enters a MinHash signature
of :data:`NUM_PERM` values from ``datasketch`` (its ``affine32`` permutation family, seeded by
``random_state``; signatures equal ``datasketch.MinHash.update_batch`` on the same shingle hashes, computed
a chunk of articles at a time). Locality-sensitive hashing with the band layout ``datasketch.MinHashLSH``
chooses for the threshold proposes candidate pairs (articles sharing a whole band); a candidate pair is kept
when its estimated Jaccard similarity (the share of equal signature values) reaches ``threshold``; groups
are the connected components of the kept pairs. Memory holds the signatures (4 bytes x ``num_perm`` per
article: 256 MB at 1,000,000 articles) and one band's keys at a time, never the texts: bodies are read a
chunk at a time (:func:`story_groups_from_batches` reads them straight from the parse cache).

Articles with fewer than :data:`MIN_WORDS` words are never grouped: short texts ("Watch: ...") are too
alike to tell copies from coincidences.

    groups = story_groups(corpus)                # a Series aligned with the corpus
    corpus.assign(story_group=groups)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from analysis.errors import ParameterError

__all__ = [
    "CHUNK_ARTICLES",
    "MIN_WORDS",
    "NUM_PERM",
    "SAMPLE_EVERY",
    "SHINGLE_WORDS",
    "STORY_THRESHOLD",
    "StorySignatures",
    "representatives",
    "signatures_in_chunks",
    "story_groups",
    "story_groups_from_batches",
    "story_groups_from_signatures",
    "story_signatures",
]

#: Words per shingle.
SHINGLE_WORDS = 4
#: One shingle in this many (chosen by hash, the same in every copy) enters the signature: 4x less work.
SAMPLE_EVERY = 4
#: MinHash values per article.
NUM_PERM = 64
#: Default Jaccard similarity (of the sampled shingle sets) above which two articles are one story.
STORY_THRESHOLD = 0.35
#: Articles with fewer words are never grouped.
MIN_WORDS = 40
#: Articles hashed at a time (bounds the working memory of one chunk to a few tens of MB).
CHUNK_ARTICLES = 2_000
#: Mask keeping the first n bytes (n = 0..8) of a little-endian 64-bit read.
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)
_PRIME1 = np.uint64(0x9E3779B185EBCA87)
_PRIME2 = np.uint64(0xC2B2AE3D27D4EB4F)
_IS_WORD = np.zeros(256, dtype=bool)
for _lo, _hi in ((48, 57), (65, 90), (97, 122)):
    _IS_WORD[_lo : _hi + 1] = True


def _permutations(num_perm: int, random_state: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) affine permutations of ``datasketch.MinHash`` for this seed (uint32 each)."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=random_state, scheme="affine32").permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band that ``datasketch.MinHashLSH`` picks for this threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (what ``datasketch`` applies to input hashes before permuting)."""
    h = values.astype(np.uint32)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


def _text_of(frame: pd.DataFrame) -> list[str]:
    """Each article's body, or its headline when it has no body."""
    n = len(frame)
    bodies = frame["body"].tolist() if "body" in frame.columns else [""] * n
    titles = frame["title"].tolist() if "title" in frame.columns else [""] * n
    out = []
    for body, title in zip(bodies, titles, strict=True):
        body = body if isinstance(body, str) else ""
        out.append(body if body.strip() else (title if isinstance(title, str) else ""))
    return out


def _word_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hash of every word of the texts (in order) and the document of each word.

    A word is a run of ASCII letters and digits (any other byte separates words); its hash mixes its
    length with its first 16 bytes, read as two little-endian 64-bit numbers.
    """
    encoded = [t.lower().encode("utf-8", "replace") for t in texts]
    data = np.frombuffer(b"\n".join(encoded), dtype=np.uint8)
    lower = data | np.uint8(32)
    word = ((data >= 48) & (data <= 57)) | ((lower >= 97) & (lower <= 122))
    change = np.flatnonzero(np.diff(word, prepend=False, append=False))
    starts, size = change[0::2], change[1::2] - change[0::2]
    windows = np.lib.stride_tricks.sliding_window_view(
        np.concatenate((data, np.zeros(16, dtype=np.uint8))), 8
    )
    h = windows[starts].view("<u8").ravel() & _MASKS[np.minimum(size, 8)]
    long = np.flatnonzero(size > 8)  # a second read for the few words longer than 8 bytes
    rest = windows[starts[long] + 8].view("<u8").ravel() & _MASKS[np.minimum(size[long] - 8, 8)]
    h[long] = (h[long] * _PRIME1) ^ rest
    h = (h ^ (size.astype(np.uint64) * _PRIME2)) * _PRIME1
    h ^= h >> np.uint64(29)
    doc_starts = np.concatenate(([0], np.cumsum(np.fromiter(map(len, encoded), np.int64) + 1)[:-1]))
    first_word = np.searchsorted(starts, doc_starts)
    doc = np.repeat(np.arange(len(texts)), np.diff(np.append(first_word, len(starts))))
    return h, doc


def _shingles(
    h: np.ndarray, doc: np.ndarray, n_docs: int, k: int, every: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sampled 32-bit shingle hashes, their document, and the number of words of each document."""
    words = np.bincount(doc, minlength=n_docs)
    if len(h) < k:
        return np.empty(0, np.uint32), np.empty(0, np.int64), words
    n = len(h) - k + 1
    s = h[:n] * _PRIME1
    for j in range(1, k):  # order matters: "a b c d" and "b a c d" hash apart
        s = (s ^ h[j : j + n]) * _PRIME1
    s ^= s >> np.uint64(32)
    keep = np.flatnonzero((s % np.uint64(every) == 0) & (doc[:n] == doc[k - 1 :]))
    return (s[keep] >> np.uint64(8)).astype(np.uint32), doc[keep], words


@dataclass(frozen=True)
class StorySignatures:
    """MinHash signatures of some articles.

    Attributes:
        values: (articles x num_perm) uint32 MinHash values.
        usable: articles long enough to be grouped (:data:`MIN_WORDS` words and a sampled shingle).
    """

    values: np.ndarray
    usable: np.ndarray


def story_signatures(
    frame: pd.DataFrame,
    *,
    num_perm: int = NUM_PERM,
    random_state: int = 1,
    shingle_words: int = SHINGLE_WORDS,
    sample_every: int = SAMPLE_EVERY,
    min_words: int = MIN_WORDS,
    permutations: tuple[np.ndarray, np.ndarray] | None = None,
) -> StorySignatures:
    """MinHash signatures of the articles of ``frame`` (one chunk; see :func:`story_groups`)."""
    a, b = permutations if permutations is not None else _permutations(num_perm, random_state)
    n = len(frame)
    values = np.full((n, len(a)), np.iinfo(np.uint32).max, dtype=np.uint32)
    if n == 0:
        return StorySignatures(values, np.zeros(0, dtype=bool))
    h, doc = _word_hashes(_text_of(frame))
    hashed, owner, words = _shingles(h, doc, n, shingle_words, sample_every)
    mixed = fmix32(hashed)
    step = max(1, 4_000_000 // max(len(a), 1))  # about 16 MB of permuted values at a time
    for lo in range(0, len(mixed), step):
        part, who = mixed[lo : lo + step], owner[lo : lo + step]
        starts = np.flatnonzero(np.r_[True, who[1:] != who[:-1]])
        permuted = a[:, None] * part[None, :] + b[:, None]
        mins = np.minimum.reduceat(permuted, starts, axis=1).T
        rows = who[starts]
        values[rows] = np.minimum(values[rows], mins)
    has_shingle = np.bincount(owner, minlength=n) > 0
    return StorySignatures(values, (words >= min_words) & has_shingle)


def _band_key(values: np.ndarray, band: int, rows: int) -> np.ndarray:
    """The uint64 key of one band (``rows`` consecutive MinHash values) of every signature."""
    key = np.full(len(values), band + 1, dtype=np.uint64)
    for j in range(band * rows, (band + 1) * rows):
        key = (key ^ values[:, j].astype(np.uint64)) * _PRIME1
        key ^= key >> np.uint64(31)
    return key


def _linked(
    values: np.ndarray, bands: int, rows: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (a whole band equal) whose estimated Jaccard reaches ``threshold``.

    Band by band, the signatures are sorted by the band's key; within each run of equal keys every
    article is checked against its neighbour and against the run's first, so at most two candidates per
    article and band are checked (memory and time stay linear however large a run is).
    """
    left, right = [], []
    for band in range(bands):
        key = _band_key(values, band, rows)
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        same = np.flatnonzero(ordered[1:] == ordered[:-1])
        if not len(same):
            continue
        run_start = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        first = order[run_start[np.searchsorted(run_start, same + 1, side="right") - 1]]
        for a_side in (order[same], first):
            b_side = order[same + 1]
            pairs = a_side != b_side
            i, j = a_side[pairs], b_side[pairs]
            kept = np.zeros(len(i), dtype=bool)
            for lo in range(0, len(i), 100_000):
                hi = lo + 100_000
                kept[lo:hi] = (values[i[lo:hi]] == values[j[lo:hi]]).mean(axis=1) >= threshold
            left.append(i[kept])
            right.append(j[kept])
    if not left:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(left), np.concatenate(right)


def _check(threshold: float, num_perm: int) -> None:
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not 0 < threshold < 1
    ):
        raise ParameterError(
            f"threshold must be a number between 0 and 1 (e.g. {STORY_THRESHOLD}), got {threshold!r}."
        )
    if isinstance(num_perm, bool) or not isinstance(num_perm, int) or num_perm < 16:
        raise ParameterError(f"num_perm must be a whole number >= 16, got {num_perm!r}.")


def story_groups_from_batches(
    batches: Iterable[pd.DataFrame],
    n_articles: int,
    *,
    threshold: float = STORY_THRESHOLD,
    num_perm: int = NUM_PERM,
    random_state: int = 1,
) -> np.ndarray:
    """Story group ids of a corpus read a batch at a time (e.g. ``cache.iter_batches(["title", "body"])``).

    Args:
        batches: consecutive DataFrames with ``body`` (and ``title``), in corpus order, ``n_articles`` rows
            in all.
        n_articles: the number of rows of the corpus.
        threshold: estimated Jaccard similarity at which two articles are copies of one story.
        num_perm: MinHash values per article.
        random_state: seed of the MinHash permutations.

    Returns:
        An int64 array, one group id per article, numbered 0, 1, ... in order of each group's first
        article.

    Raises:
        ParameterError: a bad threshold or num_perm, or batches that do not add up to ``n_articles``.
    """
    _check(threshold, num_perm)
    permutations = _permutations(num_perm, random_state)
    values = np.empty((n_articles, num_perm), dtype=np.uint32)
    usable = np.zeros(n_articles, dtype=bool)
    done = 0
    for batch in batches:
        if done + len(batch) > n_articles:
            raise ParameterError(
                f"the batches hold more than the {n_articles:,} articles announced."
            )
        signed = signatures_in_chunks(batch, num_perm=num_perm, permutations=permutations)
        values[done : done + len(batch)] = signed.values
        usable[done : done + len(batch)] = signed.usable
        done += len(batch)
    if done != n_articles:
        raise ParameterError(
            f"the batches hold {done:,} articles, not the {n_articles:,} announced."
        )
    return _components(values, usable, threshold)


def signatures_in_chunks(
    frame: pd.DataFrame,
    *,
    num_perm: int = NUM_PERM,
    random_state: int = 1,
    permutations: tuple[np.ndarray, np.ndarray] | None = None,
) -> StorySignatures:
    """:func:`story_signatures` of a frame of any length, :data:`CHUNK_ARTICLES` articles at a time (the
    signatures of one article do not depend on its neighbours, so any split gives the same values); a Dask
    partition is signed this way on its worker."""
    permutations = permutations or _permutations(num_perm, random_state)
    parts = [
        story_signatures(frame.iloc[lo : lo + CHUNK_ARTICLES], permutations=permutations)
        for lo in range(0, len(frame), CHUNK_ARTICLES)
    ]
    if not parts:
        return story_signatures(frame, permutations=permutations)
    return StorySignatures(
        np.concatenate([p.values for p in parts]), np.concatenate([p.usable for p in parts])
    )


def story_groups_from_signatures(
    signatures: Sequence[StorySignatures], *, threshold: float = STORY_THRESHOLD
) -> np.ndarray:
    """Story group ids from the signatures of consecutive parts of a corpus, in corpus order (as
    :func:`story_groups_from_batches` numbers them)."""
    _check(threshold, NUM_PERM)
    values = np.concatenate([s.values for s in signatures])
    usable = np.concatenate([s.usable for s in signatures])
    return _components(values, usable, threshold)


def _components(values: np.ndarray, usable: np.ndarray, threshold: float) -> np.ndarray:
    n = len(values)
    bands, rows = _band_layout(threshold, values.shape[1])
    index = np.flatnonzero(usable)
    i, j = _linked(values[index], bands, rows, threshold)
    graph = sparse.coo_matrix(
        (np.ones(len(i), dtype=np.int8), (index[i], index[j])), shape=(n, n)
    ).tocsr()
    _, labels = connected_components(graph, directed=False)
    _, first = np.unique(labels, return_index=True)
    renumber = np.empty(len(first), dtype=np.int64)
    renumber[np.argsort(labels[first], kind="stable")] = np.argsort(
        np.argsort(first, kind="stable")
    )
    return renumber[labels]


def _batches(corpus: pd.DataFrame) -> Iterator[pd.DataFrame]:
    columns = [c for c in ("title", "body") if c in corpus.columns]
    for lo in range(0, len(corpus), CHUNK_ARTICLES):
        yield corpus.iloc[lo : lo + CHUNK_ARTICLES][columns]


def story_groups(
    corpus: pd.DataFrame,
    *,
    threshold: float = STORY_THRESHOLD,
    num_perm: int = NUM_PERM,
    random_state: int = 1,
) -> pd.Series:
    """Group the articles that are copies of one story (syndicated or lightly edited), one id per group.

    Copies with a new headline, an added byline or dateline, a trimmed or added paragraph or a few words
    changed land in one group; different stories on the same subject do not. See the module docstring for
    the method (MinHash and LSH from ``datasketch`` on word shingles, in bounded memory).

    Args:
        corpus: a corpus with ``body`` (articles without one are compared on their ``title``).
        threshold: estimated Jaccard similarity of two articles' shingles at which they are one story
            (default 0.35; higher joins fewer, closer copies).
        num_perm: MinHash values per article (more: closer estimates, more time).
        random_state: seed of the MinHash permutations (the same seed gives the same groups).

    Returns:
        A Series of int group ids aligned with the corpus (same index), named ``story_group``, numbered
        0, 1, ... in order of each group's first article; an article without copies has an id of its own.

    Raises:
        ParameterError: a bad threshold or num_perm, or a corpus with neither ``body`` nor ``title``.

    Example:
        >>> groups = story_groups(corpus)  # doctest: +SKIP
        >>> groups.value_counts().head()   # the most copied stories  # doctest: +SKIP
    """
    if not {"body", "title"} & set(corpus.columns):
        raise ParameterError(
            "story_groups needs a 'body' or 'title' column; load the corpus with analysis.load_corpus."
        )
    ids = story_groups_from_batches(
        _batches(corpus),
        len(corpus),
        threshold=threshold,
        num_perm=num_perm,
        random_state=random_state,
    )
    return pd.Series(ids, index=corpus.index, name="story_group", dtype="int64")


def representatives(corpus: pd.DataFrame, groups: pd.Series | np.ndarray) -> np.ndarray:
    """One article per story group: its earliest dated copy (ties and undated: the first in the corpus).

    Args:
        corpus: the corpus (its ``published`` column, when present, picks the earliest copy).
        groups: the story group of each article (from :func:`story_groups`).

    Returns:
        A boolean mask aligned with the corpus, True for each group's representative.
    """
    ids = np.asarray(groups)
    n = len(ids)
    if "published" in corpus.columns:
        from analysis.compare.trends import published_dates

        dates = published_dates(corpus).dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
        when = np.where(np.isnat(dates), np.iinfo(np.int64).max, dates.astype(np.int64))
    else:
        when = np.zeros(n, dtype=np.int64)
    order = np.lexsort((np.arange(n), when, ids))
    first = np.r_[True, ids[order][1:] != ids[order][:-1]]
    mask = np.zeros(n, dtype=bool)
    mask[order[first]] = True
    return mask
