"""Many texts' tokens split and numbered at once in Arrow, without a Python object per token."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis.text.tokens import token_text

__all__ = ["NumberedTokens", "numbered_tokens"]


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
    """Each text's :func:`analysis.text.tokens.raw_tokens`, numbered, from :func:`token_text` split in Arrow.

    Each text's tokens open and close with an empty token ``""`` (its string's spaces at both ends), and a
    dropped token (``""`` in ``raw_tokens``) is :data:`analysis.text.tokens.DROPPED_TOKEN`; the other tokens
    are ``raw_tokens``' in order (the token strings hold only ASCII letters, digits, ``'-.#`` and spaces, so
    Arrow's ASCII white space is Python's).
    """
    strings = pa.array([token_text(text) for text in texts], type=pa.large_string())
    lists = pc.ascii_split_whitespace(strings)
    offsets = lists.offsets.to_numpy().astype(np.int64)
    encoded = pc.dictionary_encode(lists.flatten())
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    return NumberedTokens(codes, offsets - offsets[0], encoded.dictionary.to_pylist())
