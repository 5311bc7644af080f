"""Shared pieces of the loader: the article record, block errors and skips, content ids, text cleaning."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import ParameterError
from analysis.wording import plural

#: The columns every corpus has, in this order; extra JSONL/CSV fields follow them.
CORPUS_COLUMNS = ("id", "title", "body", "tags", "tag_pages", "source")


class SkippedBlocksWarning(UserWarning):
    """Lenient loading skipped blocks that did not parse; the message lists each one as ``file:line``."""


class IgnoredFilesWarning(UserWarning):
    """Files in a folder were left out because the loader does not read their kind (the message names them)."""


class DatesWarning(UserWarning):
    """Some publication dates could not be read (they are left missing), or their day/month order was
    decided from the other dates of the file; the message says how many, with an example and its line."""


# --------------------------------------------------------------------------------------------------
# Small records
# --------------------------------------------------------------------------------------------------


@dataclass
class ParsedArticle:
    title: str
    body: str
    tags: list[str]
    tag_pages: list[str]
    source: str
    extras: dict[str, Any] = field(default_factory=dict)
    key: str | None = None  # the article_id, when it was computed while parsing
    date: Any = None  # the publication date as written (JSONL/CSV date field, tag-page date line)
    date_line: int | None = None  # the line it was read from
    published: Any = None  # the date read (pandas Timestamp, UTC), set per file by the loader
    # the story signature (analysis.corpus.minhash.signature_cells), when signed where the chunk was
    # parsed; b"" for an article too short to be grouped, None when not signed
    signature: bytes | None = None


@dataclass(frozen=True)
class SkippedBlock:
    source: str
    reason: str


class BlockError(Exception):
    """A block of one file does not parse (becomes a CorpusError, or a skip in lenient mode)."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def file_line(display: str, line: int | None) -> str:
    return f"{display}:{line}" if line is not None else display


def reject_block(
    error: BlockError, display: str, *, lenient: bool, skipped: list[SkippedBlock]
) -> None:
    """Raise ``error`` (strict mode) or record the block as skipped with its line (lenient mode)."""
    if not lenient:
        raise error
    skipped.append(SkippedBlock(file_line(display, error.line), error.message))


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------


def article_id(title: str, body: str) -> str:
    """Content-derived article id: 16 hex chars of BLAKE2b over the whitespace-normalised title and body.

    Two copies of an article that differ only in whitespace (line breaks, paragraph breaks, trailing
    spaces, CRLF) or Unicode normal form get the same id; any other difference gives another id.

    Args:
        title: the headline (may be empty).
        body: the article text.

    Returns:
        A 16-character lowercase hex string, the same on every run and machine.

    Example:
        >>> article_id("Headline", "Body text.") == article_id("Headline ", "Body\\n text.")
        True
    """
    return id_of_keys(_normalise_key(title), _normalise_key(body))


def clean_with_key(value: str, *, nfc: bool = False) -> tuple[str, str]:
    """``clean_text(value)`` and the part of :func:`article_id`'s key it gives, computed together.

    The same pair as ``(clean_text(value), _normalise_key(clean_text(value)))``, without checking a second
    time what cleaning found (:func:`clean_for_key`). Join two with :func:`id_of_keys`.

    Args:
        value: the text.
        nfc: ``value`` is known to be in Unicode normal form C (it is not checked again).
    """
    value, spaced = clean_for_key(value, nfc=nfc)
    return value, key_part(value, spaced=spaced)


def clean_for_key(value: str, *, nfc: bool = False) -> tuple[str, bool]:
    """``clean_text(value)``, and True when the part of :func:`article_id`'s key it gives is
    :func:`space_key` of it.

    A text that was printable but for its line breaks, and already NFC, is still both once stripped (only
    spaces and line breaks are taken off, and neither composes with anything), so its key only needs its
    spaces made single.

    Args:
        value: the text.
        nfc: ``value`` is known to be in Unicode normal form C (it is not checked again).
    """
    if value.isascii() and value.isprintable():
        return value.strip(), True
    if value.replace("\n", " ").isprintable() and (
        nfc or value.isascii() or unicodedata.is_normalized("NFC", value)
    ):
        return value.strip(), True
    return clean_text(value), False


def key_part(value: str, *, spaced: bool) -> str:
    """The part of :func:`article_id`'s key that a cleaned text gives (``spaced``: what
    :func:`clean_for_key` said of it)."""
    return space_key(value) if spaced else _normalise_key(value)


def space_key(value: str) -> str:
    """The key part of a text printable but for its line breaks, NFC and stripped (:func:`clean_for_key`):
    each run of spaces and line breaks made one space (printable, so they are its only whitespace)."""
    if "\n" not in value:
        return _plain_key(value)
    return _single_spaced(value.replace("\n\n", " ").replace("\n", " "))


def id_of_keys(title_key: str, body_key: str) -> str:
    """:func:`article_id` from the keys of its title and body (:func:`clean_with_key`)."""
    return _id_hash(f"{title_key}\x1f{body_key}".encode())


def _id_hash(joined: bytes | memoryview) -> str:
    """The one place the id's hash is made: of a title's key, U+001F and the body's key, as UTF-8."""
    return hashlib.blake2b(joined, digest_size=8).hexdigest()


#: Articles whose ids :func:`spaced_ids` hashes at a time (bounds its working memory to a few MB).
SPACED_IDS_BLOCK = 2_000


def spaced_ids(titles: Sequence[str], bodies: Sequence[str]) -> list[str]:
    """``id_of_keys(space_key(title), space_key(body))`` of each pair, computed on the UTF-8 bytes of a block
    of articles at once (a per-article pass in Python for each run of spaces is the dearest part of an id).

    Every title and body must be printable but for line breaks, NFC and stripped (:func:`clean_for_key`
    said True): so none holds U+001F, which joins them, and spaces and line breaks, single bytes in UTF-8,
    are their only whitespace. Each run of them is made one space, as :func:`space_key` makes it.
    """
    out: list[str] = []
    for lo in range(0, len(titles), SPACED_IDS_BLOCK):
        block = slice(lo, lo + SPACED_IDS_BLOCK)
        texts = [text for pair in zip(titles[block], bodies[block], strict=True) for text in pair]
        encoded = "\x1f".join(texts).encode()
        joined = _single_spaced_bytes(encoded)
        # every other U+001F ends an article: it stands between one body and the next title
        cuts = np.flatnonzero(joined == 31)[1::2]
        view = memoryview(encoded if joined.base is encoded else joined.tobytes())
        starts, ends = [0, *(cuts + 1).tolist()], [*cuts.tolist(), len(joined)]
        out.extend(_id_hash(view[a:b]) for a, b in zip(starts, ends, strict=True))
    return out


def _single_spaced_bytes(encoded: bytes) -> np.ndarray:
    """The bytes of :func:`spaced_ids`' joined texts with each run of spaces and line breaks made one space.

    Texts without a line break or two spaces in a row (generated news, one-paragraph texts) are as they
    are: then the bytes are only viewed (``base`` is ``encoded``), not compressed and copied.
    """
    data = np.frombuffer(encoded, dtype=np.uint8)
    if b"\n" not in encoded:  # one fast search (a single byte)
        space = data == 32
        pairs = space[1:] & space[:-1]
        if not pairs.any():
            return data
        keep = np.ones(len(data), dtype=bool)
        np.logical_not(pairs, out=keep[1:])
        return data[keep]
    space = (data == 32) | (data == 10)
    keep = np.ones(len(data), dtype=bool)
    np.logical_not(space[1:] & space[:-1], out=keep[1:])  # the first byte of each run is kept
    joined = data[keep]
    joined[joined == 10] = 32
    return joined


def _plain_key(value: str) -> str:
    if "  " in value or value[:1] == " " or value[-1:] == " ":
        return " ".join(value.split())
    return value


# --------------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------------

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


def iter_lines(text: str) -> Iterator[str]:
    """The lines of LF-normalised text, one at a time (``text.split("\\n")`` without the list copy)."""
    start = 0
    find = text.find
    while True:
        end = find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def clean_text(value: str) -> str:
    if value.isascii() and value.isprintable():  # nothing to replace, remove or normalise
        return value.strip()
    # no CR and none of CONTROL_CHARS (none of them is printable): only the normal form may need work
    if value.replace("\n", " ").isprintable():
        if not value.isascii() and not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
        return value.strip()
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = CONTROL_CHARS.sub("", value)
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return value.strip()


def _normalise_key(value: str) -> str:
    """NFC, whitespace runs as one space, no outer whitespace: ``" ".join(NFC(value).split())``, faster."""
    if not value.isascii() and not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    # a paragraph break ("\n\n") made one space at once: most texts then need no pass for double spaces
    spaced = value.replace("\n\n", " ").replace("\n", " ")
    # every whitespace character but " " is unprintable: then " " is the only one
    if spaced.isprintable():
        return _single_spaced(spaced)
    return " ".join(value.split())


def _single_spaced(spaced: str) -> str:
    """Printable text (so " " is its only whitespace) with its runs of spaces as one and none at the ends."""
    while "  " in spaced:
        spaced = spaced.replace("  ", " ")
    return spaced.strip(" ")


def quote_line(line: str, width: int = 60) -> str:
    return repr(line if len(line) <= width else line[: width - 1] + "…")


def check_corpus_columns(corpus: object, columns: Sequence[str], *, hint: str = "") -> None:
    """The one check that ``corpus`` is a corpus DataFrame with ``columns`` (every module that needs
    columns of a corpus calls it): a clear :class:`analysis.errors.ParameterError` otherwise.

    Args:
        corpus: what was passed as the corpus.
        columns: the columns needed.
        hint: a sentence added to the message on a missing column (what else the user can do).

    Raises:
        ParameterError: ``corpus`` is not a DataFrame, or lacks one of ``columns`` (all missing are named).
    """
    if not isinstance(corpus, pd.DataFrame):
        raise ParameterError(
            f"expected a corpus DataFrame (from analysis.load_corpus), got {type(corpus).__name__}."
        )
    missing = [c for c in columns if c not in corpus.columns]
    if missing:
        named = f"no {missing[0]!r} column" if len(missing) == 1 else f"no columns {missing}"
        found = ", ".join(map(str, corpus.columns)) or "none"
        raise ParameterError(
            f"the corpus has {named} (columns: {found}); load it with analysis.load_corpus(path)"
            + (f", {hint}" if hint else ".")
        )


def warn_skipped(blocks: list[str], *, stacklevel: int = 2) -> None:
    """One :class:`SkippedBlocksWarning` listing every block lenient loading skipped (``"file:line: why"``)."""
    if blocks:
        listing = "\n".join(f"  {b}" for b in blocks)
        warnings.warn(
            f"lenient mode skipped {plural(len(blocks), 'block')} that did not parse:\n{listing}",
            SkippedBlocksWarning,
            stacklevel=stacklevel + 1,
        )
