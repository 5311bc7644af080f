"""Many texts' tokens split and numbered at once in Arrow, without a Python object per token."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis.text.tokens import token_texts

__all__ = ["NumberedTokens", "number_tokens", "numbered_chunks", "numbered_tokens"]


@dataclass(frozen=True)
class NumberedTokens:
    """The tokens of some texts, one text after another, each as the number of a distinct token.

    Attributes:
        codes: each token's number, an index into ``words`` (int32).
        offsets: text ``i``'s tokens are ``codes[offsets[i] : offsets[i + 1]]`` (int64, one more than texts).
        words: the distinct tokens.
    """

    codes: np.ndarray
    offsets: np.ndarray
    words: list[str]


def numbered_tokens(texts: Sequence[str]) -> NumberedTokens:
    """Each text's :func:`analysis.text.tokens.raw_tokens`, numbered, from :func:`~analysis.text.tokens.token_text` split in Arrow.

    Each text's tokens open and close with an empty token ``""`` (its string's spaces at both ends), and a
    dropped token (``""`` in ``raw_tokens``) is :data:`analysis.text.tokens.DROPPED_TOKEN`; the other tokens
    are ``raw_tokens``' in order (the token strings hold only ASCII letters, digits, ``'-.#`` and spaces, so
    Arrow's ASCII white space is Python's).
    """
    return number_tokens(token_texts(texts))


def number_tokens(strings: list[str]) -> NumberedTokens:
    """:func:`numbered_tokens` of the texts whose :func:`~analysis.text.tokens.token_text` strings these are (the work done in
    Arrow, which does not hold Python's lock)."""
    lists = pc.ascii_split_whitespace(pa.array(strings, type=pa.large_string()))
    offsets = lists.offsets.to_numpy().astype(np.int64)
    encoded = pc.dictionary_encode(lists.flatten())
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    return NumberedTokens(codes, offsets - offsets[0], encoded.dictionary.to_pylist())


def numbered_chunks(texts: Sequence[str], size: int, *, ahead: bool) -> Iterator[NumberedTokens]:
    """:func:`numbered_tokens` of each ``size`` texts in turn (one chunk of no text when there is none).

    ``ahead``: each chunk is split and numbered on a thread of its own while this one reads the next
    chunk's strings and the caller counts the chunk before (both cores busy; the same chunks).
    """
    bounds = [(lo, min(lo + size, len(texts))) for lo in range(0, max(len(texts), 1), size)]
    if not ahead or len(bounds) < 2:
        for lo, hi in bounds:
            yield numbered_tokens(texts[lo:hi])
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="numbering") as pool:
        waiting = None
        for lo, hi in bounds:
            numbering = pool.submit(number_tokens, token_texts(texts[lo:hi]))
            if waiting is not None:
                yield waiting.result()
            waiting = numbering
        yield waiting.result()
