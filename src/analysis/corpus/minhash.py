"""Story signatures: MinHash of each article's text, the half of story grouping done per article.

Each article's body (its headline when it has no body) is cut into overlapping runs of :data:`SHINGLE_WORDS`
words ("shingles", lower case, words are runs of ASCII letters and digits); one shingle in
:data:`SAMPLE_EVERY`, chosen by its hash (so two copies keep the same ones), enters a MinHash signature of
:data:`NUM_PERM` values from ``datasketch`` (its ``affine32`` permutation family, seeded by
``random_state``; signatures equal ``datasketch.MinHash.update_batch`` on the same shingle hashes, computed a
chunk of articles at a time). Articles with fewer than :data:`MIN_WORDS` words are marked unusable: short
texts ("Watch: ...") are too alike to tell copies from coincidences.

A signature depends on its article alone, so a large file's articles are signed where their chunk is parsed
(:func:`signature_cells`, kept with the parse cache) and read back by the report's story step
(:func:`stored_signatures`) instead of their text. Grouping the signatures into stories (LSH bands, the
similarity threshold, connected components) is :mod:`analysis.compare.stories`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "CHUNK_ARTICLES",
    "MIN_WORDS",
    "NUM_PERM",
    "SAMPLE_EVERY",
    "SHINGLE_WORDS",
    "StorySignatures",
    "fmix32",
    "permutation_family",
    "signature_cells",
    "signatures_in_chunks",
    "stored_signatures",
    "story_signatures",
]

#: Words per shingle.
SHINGLE_WORDS = 4
#: One shingle in this many (chosen by hash, the same in every copy) enters the signature: 4x less work.
SAMPLE_EVERY = 4
#: MinHash values per article.
NUM_PERM = 64
#: Articles with fewer words are never grouped.
MIN_WORDS = 40
#: Articles hashed at a time (bounds the working memory of one chunk to a few tens of MB).
CHUNK_ARTICLES = 2_000
#: Mask keeping the first n bytes (n = 0..8) of a little-endian 64-bit read.
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)
_PRIME1 = np.uint64(0x9E3779B185EBCA87)
_PRIME2 = np.uint64(0xC2B2AE3D27D4EB4F)


def permutation_family(num_perm: int, random_state: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) affine permutations of ``datasketch.MinHash`` for this seed (uint32 each)."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=random_state, scheme="affine32").permutations
    return a.astype(np.uint32), b.astype(np.uint32)


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
    return _texts(titles, bodies)


def _texts(titles: Sequence[Any], bodies: Sequence[Any]) -> list[str]:
    """Each body, or its title when the body is empty (a value that is not a string counts as empty)."""
    out = []
    for body, title in zip(bodies, titles, strict=True):
        body = body if isinstance(body, str) else ""
        out.append(body if body.strip() else (title if isinstance(title, str) else ""))
    return out


def _word_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hash of every word of the lower-cased texts (in order) and the document of each word.

    A word is a run of ASCII letters and digits (any other byte separates words); its hash mixes its
    length with its first 16 bytes, read as two little-endian 64-bit numbers.
    """
    encoded = [_lowerable(t).encode("utf-8", "replace") for t in texts]
    data = np.frombuffer(b"\n".join(encoded), dtype=np.uint8)
    change = np.flatnonzero(np.diff(_word_bytes(data), prepend=False, append=False))
    starts, size = change[0::2], change[1::2] - change[0::2]
    padded = np.concatenate((data, np.zeros(16, dtype=np.uint8)))
    # the little-endian 64-bit number at every byte offset (a view, one byte apart): one gather per read
    at = np.ndarray(shape=(len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))
    h = _lowered(at[starts], np.minimum(size, 8))
    long = np.flatnonzero(size > 8)  # a second read for the few words longer than 8 bytes
    rest = _lowered(at[starts[long] + 8], np.minimum(size[long] - 8, 8))
    h[long] = (h[long] * _PRIME1) ^ rest
    h ^= size.astype(np.uint64) * _PRIME2
    h *= _PRIME1
    h ^= h >> np.uint64(29)
    doc_starts = np.concatenate(([0], np.cumsum(np.fromiter(map(len, encoded), np.int64) + 1)[:-1]))
    first_word = np.searchsorted(starts, doc_starts)
    doc = np.repeat(np.arange(len(texts)), np.diff(np.append(first_word, len(starts))))
    return h, doc


def _word_bytes(data: np.ndarray) -> np.ndarray:
    """Which bytes are ASCII letters (either case) or digits: ``(byte | 32) - 97 < 26`` or ``byte - 48 <
    10`` in uint8 arithmetic (a capital's bit 5 set makes it its small letter; below 97 wraps round)."""
    scratch = np.bitwise_or(data, np.uint8(32))
    scratch -= np.uint8(97)
    word = scratch < 26
    np.subtract(data, np.uint8(48), out=scratch)
    word |= scratch < 10
    return word


#: Each byte's bit 6 (set in letters, clear in digits and in the zeros past a word's end).
_LETTER_BITS = np.uint64(0x4040404040404040)


def _lowered(read: np.ndarray, size: np.ndarray) -> np.ndarray:
    """The first ``size`` bytes (0..8) of each 64-bit read of word bytes, ASCII capitals made small: a
    letter's bit 6 copied to its bit 5 (the letter's case bit), digits left as they are (bit 6 clear)."""
    read &= _MASKS[size]
    read |= (read & _LETTER_BITS) >> np.uint64(1)
    return read


#: The characters outside ASCII that ``str.lower`` turns into ASCII letters (``"İ"`` -> ``"i̇"``, the
#: Kelvin sign -> ``"k"``; checked over every code point in the tests).
LOWERED_INTO_ASCII = ("\u0130", "\u212a")


def _lowerable(text: str) -> str:
    """The text, lower-cased first when it holds one of :data:`LOWERED_INTO_ASCII` (every other text is
    lower-cased as bytes by :func:`_word_hashes`: only its ASCII capitals can change its words)."""
    if not text.isascii() and any(c in text for c in LOWERED_INTO_ASCII):
        return text.lower()
    return text


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
        s ^= h[j : j + n]
        s *= _PRIME1
    s ^= s >> np.uint64(32)
    # s % every with a mask when every is a power of two (the same remainders, no 64-bit division)
    left = s & np.uint64(every - 1) if every & (every - 1) == 0 else s % np.uint64(every)
    sampled = np.flatnonzero(left == 0)
    keep = sampled[doc[sampled] == doc[sampled + (k - 1)]]  # the shingle's words in one document
    return (s[keep] >> np.uint64(8)).astype(np.uint32), doc[keep], words


#: Shingles permuted at a time (about: a block ends at a document's end): 64 permutations of 4,096
#: shingles are 1 MB of uint32, which stays in cache while it is made and reduced.
BLOCK_SHINGLES = 4_096


def _minimums(
    mixed: np.ndarray, owner: np.ndarray, a: np.ndarray, b: np.ndarray, *, n_docs: int
) -> np.ndarray:
    """Each document's minimum of ``a * x + b`` (uint32, wrapping as ``datasketch``'s ``affine32``) over
    its shingles ``x``: (documents x permutations), the uint32 maximum for a document without a shingle.

    ``owner`` is sorted (a document's shingles are one run), so a block of whole documents is permuted and
    reduced at once, :data:`BLOCK_SHINGLES` shingles or so at a time.
    """
    out = np.full((n_docs, len(a)), np.iinfo(np.uint32).max, dtype=np.uint32)
    if len(mixed) == 0:
        return out
    first = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])  # each document's first shingle
    bounds = np.append(first, len(owner))
    # blocks of the documents whose first shingle falls in the same stretch of BLOCK_SHINGLES
    cuts = np.append(np.flatnonzero(np.diff(first // BLOCK_SHINGLES, prepend=-1)), len(first))
    scratch = np.empty((len(a), int(np.diff(bounds[cuts]).max())), dtype=np.uint32)
    for i, j in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
        lo, hi = bounds[i], bounds[j]
        permuted = np.multiply(a[:, None], mixed[None, lo:hi], out=scratch[:, : hi - lo])
        permuted += b[:, None]
        out[owner[first[i:j]]] = np.minimum.reduceat(permuted, first[i:j] - lo, axis=1).T
    return out


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
    a, b = permutations if permutations is not None else permutation_family(num_perm, random_state)
    return _signed(_text_of(frame), a, b, shingle_words, sample_every, min_words)


def _signed(
    texts: list[str],
    a: np.ndarray,
    b: np.ndarray,
    shingle_words: int,
    sample_every: int,
    min_words: int,
) -> StorySignatures:
    """:func:`story_signatures` of the articles' texts (:func:`_texts`)."""
    n = len(texts)
    if n == 0:
        return StorySignatures(
            np.full((0, len(a)), np.iinfo(np.uint32).max, np.uint32), np.zeros(0, bool)
        )
    h, doc = _word_hashes(texts)
    hashed, owner, words = _shingles(h, doc, n, shingle_words, sample_every)
    values = _minimums(fmix32(hashed), owner, a, b, n_docs=n)
    has_shingle = np.bincount(owner, minlength=n) > 0
    return StorySignatures(values, (words >= min_words) & has_shingle)


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
    permutations = permutations or permutation_family(num_perm, random_state)
    parts = [
        story_signatures(frame.iloc[lo : lo + CHUNK_ARTICLES], permutations=permutations)
        for lo in range(0, len(frame), CHUNK_ARTICLES)
    ]
    if not parts:
        return story_signatures(frame, permutations=permutations)
    return StorySignatures(
        np.concatenate([p.values for p in parts]), np.concatenate([p.usable for p in parts])
    )


def signature_cells(titles: Sequence[Any], bodies: Sequence[Any]) -> list[bytes]:
    """Each article's signature as stored with its parsed copy: its :data:`NUM_PERM` values as
    little-endian uint32 bytes, or ``b""`` when it is too short to be grouped (its values are never read).
    Computed where a chunk is parsed, so that grouping a large archive reads 256 bytes per article, not its
    text (:func:`stored_signatures`)."""
    texts = _texts(
        titles, bodies
    )  # signed as signatures_in_chunks signs a frame, without the frame
    a, b = permutation_family(NUM_PERM, 1)
    out: list[bytes] = []
    for lo in range(0, len(texts), CHUNK_ARTICLES):
        signed = _signed(
            texts[lo : lo + CHUNK_ARTICLES], a, b, SHINGLE_WORDS, SAMPLE_EVERY, MIN_WORDS
        )
        rows = signed.values.astype("<u4")
        out.extend(
            row.tobytes() if ok else b"" for row, ok in zip(rows, signed.usable, strict=True)
        )
    return out


def stored_signatures(frame: pd.DataFrame) -> StorySignatures | None:
    """The signatures of a part from its ``story_signature`` cells (:func:`signature_cells`), or None when
    an article of the part was not signed while parsing (the part is then signed from its text)."""
    cells = frame["story_signature"].tolist()
    if any(cell is None for cell in cells):
        return None
    usable = np.fromiter((len(cell) > 0 for cell in cells), dtype=bool, count=len(cells))
    values = np.full((len(cells), NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    if usable.any():
        joined = b"".join(cell for cell in cells if cell)
        values[usable] = np.frombuffer(joined, dtype="<u4").reshape(-1, NUM_PERM)
    return StorySignatures(values, usable)
