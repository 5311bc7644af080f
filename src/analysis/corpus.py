"""Load tag-page dumps and article exports (JSON Lines, CSV) into one clean corpus DataFrame.

:func:`load_corpus` is the only public entry point. It accepts files and folders, decodes whatever encoding
real dumps come in (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252), parses tag-page text by its
structure (headline, body paragraphs, tags) with a small Viterbi decoder over line features, reads JSONL and
CSV exports, merges the same article seen on several pages or files into one row, and returns a DataFrame
with the columns ``id``, ``title``, ``body``, ``tags``, ``tag_pages``, ``source`` plus any extra fields of
JSONL/CSV rows. Everything a user can get wrong raises :class:`analysis.errors.CorpusError` naming the file,
the line and what was expected; no block of input is ever silently dropped (``lenient=True`` skips bad
blocks, but lists each one in a :class:`SkippedBlocksWarning`).
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import json
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import CorpusError

__all__ = ["CORPUS_COLUMNS", "CorpusError", "SkippedBlocksWarning", "article_id", "load_corpus"]

#: The columns every corpus has, in this order; extra JSONL/CSV fields follow them.
CORPUS_COLUMNS = ("id", "title", "body", "tags", "tag_pages", "source")

_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_CSV_SUFFIXES = {".csv"}
_FOLDER_SUFFIXES = {".txt", ".jsonl", ".csv"}


class SkippedBlocksWarning(UserWarning):
    """Lenient loading skipped blocks that did not parse; the message lists each one as ``file:line``."""


# --------------------------------------------------------------------------------------------------
# Small records
# --------------------------------------------------------------------------------------------------


@dataclass
class _Article:
    title: str
    body: str
    tags: list[str]
    tag_pages: list[str]
    source: str
    extras: dict[str, Any] = field(default_factory=dict)
    key: str | None = None  # the article_id, when it was computed while parsing


@dataclass(frozen=True)
class _Skipped:
    source: str
    reason: str


class _BlockError(Exception):
    """A block of one file does not parse (becomes a CorpusError, or a skip in lenient mode)."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _where(display: str, line: int | None) -> str:
    return f"{display}:{line}" if line is not None else display


def _reject(error: _BlockError, display: str, *, lenient: bool, skipped: list[_Skipped]) -> None:
    """Raise ``error`` (strict mode) or record the block as skipped with its line (lenient mode)."""
    if not lenient:
        raise error
    skipped.append(_Skipped(_where(display, error.line), error.message))


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
    key = _normalise_key(title) + "\x1f" + _normalise_key(body)
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def _plain_id(title: str, body: str) -> str:
    """:func:`article_id` of printable-ASCII title and body (nothing to normalise but spaces)."""
    key = _plain_key(title) + "\x1f" + _plain_key(body)
    return hashlib.blake2b(key.encode("ascii"), digest_size=8).hexdigest()


def _plain_key(value: str) -> str:
    if "  " in value or value[:1] == " " or value[-1:] == " ":
        return " ".join(value.split())
    return value


def load_corpus(*paths: str | os.PathLike[str], lenient: bool = False) -> pd.DataFrame:
    """Load tag-page text files, JSONL and CSV exports (files or folders) into one clean corpus.

    Folders are searched recursively for ``.txt``, ``.jsonl`` and ``.csv`` files (hidden files and
    folders are ignored). Files are read in a canonical order (sorted absolute path), so the result does
    not depend on the order ``paths`` are given in; the same file given twice is read once. A file named
    explicitly is read by its suffix: ``.jsonl``/``.ndjson``/``.json`` as JSON Lines, ``.csv`` as CSV,
    anything else as tag-page text.

    Tag-page text is parsed by structure, not by line length: each non-blank line is labelled headline,
    body paragraph or tag by a Viterbi decoder over line features (length, words, sentence endings that
    are not abbreviations like "U.S.", datelines, bylines, list items, capitals), constrained to the
    grammar ``[Tag - page] (headline body+ tag*)*``. Consecutive body lines are paragraphs, joined with
    a blank line. A ``Tag - <page>`` line (hyphen, en or em dash) starts a section; a file can hold
    several. JSONL/CSV rows need ``body`` (or ``text``); ``title`` may be empty or missing; ``tags`` and
    ``tag_pages`` may be lists or ``;``-separated strings. Repeated tags within an article are kept once.

    Args:
        *paths: files and/or folders.
        lenient: skip blocks that do not parse instead of raising; one :class:`SkippedBlocksWarning`
            lists every skipped block with its ``file:line``. Whole files that cannot be read (empty,
            binary) are skipped the same way. Still raises if nothing loads at all.

    Returns:
        A DataFrame with a default RangeIndex, one row per unique article (same title and body up to
        whitespace), in first-seen order, with columns ``id`` (str, see :func:`article_id`), ``title``
        (str, may be empty for JSONL/CSV rows), ``body`` (str, paragraphs separated by ``"\\n\\n"``),
        ``tags`` (list of str, merged over duplicates in first-seen order), ``tag_pages`` (list of str:
        the ``Tag - <page>`` headers the article appeared under, or the file stem for files without
        one), ``source`` (str ``"file:line"`` where the article was first seen) and one column per extra
        JSONL/CSV field (a field called ``id`` or ``source`` is kept as ``record_id``/``record_source``).

    Raises:
        CorpusError: a path does not exist, a folder holds no loadable files, or a file is empty,
            binary, or malformed (the message names the file, the line and what was expected).

    Example:
        >>> corpus = load_corpus("seeds")  # doctest: +SKIP
        >>> corpus[["title", "tags"]].head()  # doctest: +SKIP
    """
    if not paths:
        raise CorpusError("load_corpus() needs at least one file or folder (.txt, .jsonl or .csv)")
    files = _collect_files(paths)
    with _no_gc():
        articles, skipped = _load_files(files, lenient=lenient)
    if skipped:
        listing = "\n".join(f"  {s.source}: {s.reason}" for s in skipped)
        warnings.warn(
            f"lenient mode skipped {len(skipped)} block(s) that did not parse:\n{listing}",
            SkippedBlocksWarning,
            stacklevel=2,
        )
    if not articles:
        names = ", ".join(_display(p) for p in files)
        raise CorpusError(
            f"no articles found in {names}; expected tag pages (.txt), JSONL or CSV with a body"
        )
    return _to_frame(list(articles), list(articles.values()))


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of small objects (no cycles are made)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_files(files: list[Path], *, lenient: bool) -> tuple[dict[str, _Article], list[_Skipped]]:
    """Parse every file in order; returns the merged articles by id and the blocks skipped (lenient)."""
    articles: dict[str, _Article] = {}
    skipped: list[_Skipped] = []
    for path in files:
        display = _display(path)
        try:
            text = _decode(_read_bytes(path, display))  # the bytes are freed once decoded
            parsed = _parse_text(path, display, text, lenient=lenient, skipped=skipped)
        except _BlockError as exc:
            if not lenient:
                raise CorpusError(f"{_where(display, exc.line)}: {exc.message}") from None
            skipped.append(_Skipped(_where(display, exc.line), exc.message))
            continue
        del text
        for art in parsed:
            _merge(articles, art)
    return articles, skipped


def _read_bytes(path: Path, display: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CorpusError(
            f"{display}: cannot be read ({exc.strerror or exc}); check the path and permissions"
        ) from None


# --------------------------------------------------------------------------------------------------
# Files and folders
# --------------------------------------------------------------------------------------------------


def _display(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    found: set[Path] = set()
    for raw in paths:
        if isinstance(raw, str) and not raw.strip():
            raise CorpusError(
                "an empty path was given; pass a file or folder (.txt, .jsonl or .csv)"
            )
        try:
            path = Path(raw)
        except TypeError:
            raise CorpusError(
                f"{raw!r} is not a path; pass file or folder paths as str or Path"
            ) from None
        if path.is_dir():
            root = path.resolve()
            inside = [
                p.resolve()
                for p in root.rglob("*")
                if p.suffix.lower() in _FOLDER_SUFFIXES and p.is_file() and not _is_hidden(p, root)
            ]
            if not inside:
                raise CorpusError(
                    f"{path}: folder has no articles (no .txt, .jsonl or .csv files found in it or below it)"
                )
            found.update(inside)
        elif path.is_file():
            found.add(path.resolve())
        elif path.exists():
            raise CorpusError(
                f"{path}: is neither a file nor a folder; pass .txt, .jsonl or .csv files"
            )
        else:
            raise CorpusError(
                f"{path}: no such file or folder; check the path (relative to {Path.cwd()})"
            )
    return sorted(found, key=lambda p: p.as_posix())


def _parse_text(
    path: Path, display: str, text: str, *, lenient: bool, skipped: list[_Skipped]
) -> list[_Article]:
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        return _parse_jsonl(text, path, display, lenient=lenient, skipped=skipped)
    if suffix in _CSV_SUFFIXES:
        return _parse_csv(text, path, display, lenient=lenient, skipped=skipped)
    return _parse_tag_page(text, path, display, lenient=lenient, skipped=skipped)


# --------------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


def _decode(data: bytes) -> str:
    """Bytes -> normalised text (LF line ends, NFC). Raises _BlockError(None, ...) for empty/binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, payload = "utf-8", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, payload = "utf-16", data
    else:
        encoding, payload = "", data
        if b"\x00" in data:
            encoding = _utf16_without_bom(data)
            if not encoding:
                raise _BlockError(
                    None, "is a binary file (NUL bytes, no UTF-16 byte-order mark); expected text"
                )
    if encoding:
        try:
            text = payload.decode(encoding)
        except UnicodeDecodeError as exc:
            raise _BlockError(
                None,
                f"is not valid {encoding.upper()} at byte {exc.start}; re-save the file as UTF-8",
            ) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise _BlockError(
                    None,
                    f"is a binary file or in an unknown encoding (byte 0x{data[exc.start]:02x} at offset "
                    f"{exc.start} is neither UTF-8 nor Windows-1252); re-save the file as UTF-8",
                ) from None
    if not text or text.isspace():  # not text.strip(), without copying the text
        raise _BlockError(None, "is empty; expected articles (a headline line, body, tag lines)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = _CONTROL.findall(text) if _may_have_controls(text, data) else []
    if controls:
        if "\x00" in controls or len(controls) > max(2, len(text) // 200):
            raise _BlockError(None, "is a binary file (many control characters); expected text")
        text = _CONTROL.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text or text.isspace():
        raise _BlockError(None, "is empty; expected articles (a headline line, body, tag lines)")
    return text


# ASCII bytes that _CONTROL matches, as a lookup table over byte values.
_CONTROL_BYTES = bytes(range(0x09)) + b"\x0b" + bytes(range(0x0E, 0x20)) + b"\x7f"
_CONTROL_TABLE = np.zeros(256, dtype=bool)
_CONTROL_TABLE[list(_CONTROL_BYTES)] = True


def _may_have_controls(text: str, data: bytes) -> bool:
    """False when ``text`` certainly has no character that _CONTROL matches, True when it may have one.

    ASCII text was decoded byte for byte from ``data`` (UTF-16 data holds NUL bytes and answers True), so
    its control characters are control bytes of ``data``: those are looked up in blocks with numpy, much
    faster than a regular-expression scan of a large file.
    """
    if not text.isascii() or len(data) < 1 << 16:
        return True
    view = np.frombuffer(data, dtype=np.uint8)
    block = 1 << 22
    return any(_CONTROL_TABLE[view[i : i + block]].any() for i in range(0, len(view), block))


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' / 'utf-16-be' when the NUL bytes look like ASCII text in UTF-16, else ''."""
    if len(data) % 2 or len(data) < 4:
        return ""
    odd_nuls = data[1::2].count(0)
    even_nuls = data[0::2].count(0)
    half = len(data) // 2
    for encoding, nuls, other in (
        ("utf-16-le", odd_nuls, even_nuls),
        ("utf-16-be", even_nuls, odd_nuls),
    ):
        if nuls >= 0.6 * half and other == 0:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return ""
            return encoding
    return ""


def _iter_lines(text: str) -> Iterator[str]:
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


def _clean(value: str) -> str:
    if value.isascii() and value.isprintable():  # nothing to replace, remove or normalise
        return value.strip()
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return value.strip()


def _normalise_key(value: str) -> str:
    # Printable ASCII has no whitespace but " ": without doubled or outer spaces it is already normalised.
    if value.isascii() and value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " ":
        return value
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return " ".join(value.split())


# --------------------------------------------------------------------------------------------------
# Tag-page text: structure by Viterbi decoding over line features
# --------------------------------------------------------------------------------------------------

_HEADER = re.compile(r"^Tag\s*[-–—]\s*(\S.{0,150})$")

# States. H headline, B body paragraph, T tag; the rest only exist to turn malformed blocks into errors:
# PRE tag-like lines before any headline, BX body-like lines before any headline, HX a headline with no body.
_H, _B, _T, _PRE, _BX, _HX = range(6)
_N_STATES = 6
_START = (_H, _PRE, _BX, _HX)
_PREV: tuple[tuple[int, ...], ...] = (
    (_B, _T, _PRE, _BX, _HX),  # -> H
    (_H, _B),  # -> B
    (_B, _T, _HX),  # -> T
    (_PRE, _BX),  # -> PRE
    (_PRE, _BX),  # -> BX
    (_B, _T, _PRE, _BX, _HX),  # -> HX
)
_FINAL = (_B, _T, _PRE, _BX, _HX)
_NEG = -1e18

_CLOSERS = "\"'”’)]»"
_ABBREV = re.compile(
    r"^(?:[A-Za-z]\.){1,4}$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Prof|Lt|Col|Sgt|vs)\.$"
)
_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]»]*\s+(?=[\"'“‘(«]?[A-Z0-9])")
_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
    }
)
_BULLET_START = tuple("-*•–—·")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_LINE = re.compile(  # "September 15, 2025 4:00 am CET", "15 Sep 2025", "2025-09-15", "Updated ..."
    rf"^(?:(?:Updated|Published|Last updated):?\s+(?:on\s+)?(?:{_MONTH}|\d).*|{_MONTH} \d{{1,2}},? \d{{4}}\b.*"
    rf"|\d{{1,2}} {_MONTH} \d{{4}}\b.*|\d{{4}}-\d{{2}}-\d{{2}}\b.*)$"
)
_BYLINE = re.compile(r"^By\s+[A-Z]")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’/]{1,40}(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s")


def _end_kind(text: str) -> str:
    """'.' for a sentence end (., !, …), '?' for a question mark, '' otherwise (incl. 'U.S.')."""
    stripped = text.rstrip(_CLOSERS + " ")
    if not stripped:
        return ""
    last = stripped[-1]
    if last == "?":
        return "?"
    if last in "!…":
        return "."
    if last == ".":
        if stripped.endswith(".."):
            return "."
        token = stripped.rsplit(None, 1)[-1].lstrip(_CLOSERS + "“‘(«")
        return "" if _ABBREV.match(token) else "."
    return ""


def _count_sentences(text: str, end: str) -> int:
    count = 0
    for match in _BOUNDARY.finditer(text):
        token = text[: match.start() + 1].rsplit(None, 1)[-1].lstrip(_CLOSERS + "“‘(«")
        if not _ABBREV.match(token):
            count += 1
    return count + (1 if end else 0)


def _emissions(text: str) -> tuple[float, float, float]:
    """Log-scores of a non-blank line being a headline, a body paragraph, or a tag."""
    n = len(text)
    if n > 300:
        return (-8.0 - n / 100, 6.0, -14.0)
    words = text.split()
    w = len(words)
    end = _end_kind(text)
    sentences = _count_sentences(text, end)
    dateline = bool(_DATELINE.match(text))
    letters = [c for c in text if c.isalpha()]
    all_caps = w >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters)
    lower_start = text[0].islower()
    continued = text[-1] in ":;,"  # a paragraph that runs on ("He said:"), never a headline or tag
    byline = w <= 8 and bool(_BYLINE.match(text) or _DATE_LINE.match(text))  # by-/date lines
    bullet = text[0] in "-*•–—·" and len(text) > 2 and text[1] == " "  # list item inside a body

    if w <= 3:
        tag = 2.0
    elif w <= 5:
        tag = 0.5
    elif w == 6:
        tag = -1.5
    else:
        tag = -6.0 - (w - 6)
    if n > 40:
        tag -= (n - 40) / 10
    if end == ".":
        tag -= 5.0
    elif end == "?":
        tag -= 4.0
    if sentences >= 2:
        tag -= 4.0
    if "," in text:
        tag -= 1.5
    if lower_start:
        tag -= 1.0
    lower_words = sum(1 for word in words if word[0].islower() and word not in _SMALL_WORDS)
    if w >= 4 and lower_words > 1:  # "Japan turns to beer alternatives" reads as a headline
        tag -= lower_words - 1.0
    if dateline:
        tag -= 5.0
    if continued:
        tag -= 2.0
    if byline:
        tag -= 2.0

    if 5 <= w <= 14:
        head = 1.5
    elif 3 <= w <= 4:
        head = 0.75 * (w - 3)  # short headlines exist, but 3-4 words is more often a tag
    elif 15 <= w <= 25:
        head = 1.5 - 0.3 * (w - 14)
    elif w == 2:
        head = -2.5
    elif w == 1:
        head = -4.5
    else:
        head = -3.0 - 0.3 * (w - 25)
    if n > 90:
        head -= (n - 90) / 10
    if end == ".":
        head -= 1.0  # "The EU is doing exactly what Trump wants. He still doesn’t care."
    if n < 25 and not end:
        head -= 1.0  # "U.S. foreign policy" is a tag more often than a headline
    if sentences >= 3:
        head -= 2.0
    if dateline:
        head -= 5.0
    if lower_start:
        head -= 1.5
    if all_caps:
        head -= 2.0
    if continued:
        head -= 2.0

    body = 0.0
    if n >= 200:
        body += 3.0
    elif n >= 100:
        body += 1.5
    if end == ".":
        body += 2.5
    elif end == "?":
        body += 1.0
    elif continued:
        body += 2.5
    elif n < 40:
        body -= 3.5
    elif n < 80:
        body -= 2.5
    elif n < 150:
        body -= 1.0
    if sentences >= 2 and n >= 100:
        body += 1.5
    if dateline:
        body += 3.0
    if w <= 3 and not end and not continued:
        body -= 3.0
    if byline:
        body += 7.0
    if bullet:
        body += 5.0
        head -= 3.0
        tag -= 3.0
    if all_caps:
        body += 4.5
    return (head, body, tag)


def _viterbi(lines: list[tuple[int, str, bool]]) -> list[int]:
    """Most likely state sequence for the non-blank lines ``(lineno, text, blank_before)`` of a section."""
    cache: dict[str, tuple[float, float, float]] = {}
    n = len(lines)
    back = [bytearray(n) for _ in range(_N_STATES)]
    score = [_NEG] * _N_STATES
    for i, (_, text, blank_before) in enumerate(lines):
        emit = cache.get(text)
        if emit is None:
            emit = _emissions(text)
            if len(text) <= 300:
                cache[text] = emit
        head, body, tag = emit
        if blank_before:  # a weak hint only: real dumps put blank lines anywhere
            head += 0.2
            tag -= 0.2
        if i + 1 < n:
            following = lines[i + 1][1]
            if _DATELINE.match(following):  # "LONDON — ..." opens an article
                head += 1.5
            elif following.startswith(_BULLET_START) and following[1:2] == " ":
                # "The government had claimed tobacco firms" followed by a list: a body line
                head -= 2.0
                body += 3.0
        e = (head, body, tag, tag - 5.0, body - 6.0, head - 3.5)
        new = [_NEG] * _N_STATES
        for s in range(_N_STATES):
            if i == 0:
                if s in _START:
                    new[s] = e[s]
                continue
            best_p, best = -1, _NEG
            for p in _PREV[s]:
                if score[p] > best:
                    best, best_p = score[p], p
            if best_p >= 0 and best > _NEG:
                new[s] = best + e[s]
                back[s][i] = best_p
        score = new
    state = max(_FINAL, key=lambda s: score[s])
    path = [0] * n
    for i in range(n - 1, -1, -1):
        path[i] = state
        state = back[state][i]
    return path


def _sections(
    text: str, stem: str
) -> Iterator[tuple[str, int | None, list[tuple[int, str, bool]]]]:
    """Split text at ``Tag - <page>`` headers: (page name, header line, [(lineno, text, blank_before)])."""
    page, header_line = stem, None
    lines: list[tuple[int, str, bool]] = []
    blank = False
    for lineno, raw in enumerate(_iter_lines(text), start=1):
        line = raw.strip()
        if not line:
            blank = True
            continue
        match = _HEADER.match(line)
        if match:
            if lines or header_line is not None:
                yield page, header_line, lines
            page, header_line, lines = match.group(1).strip(), lineno, []
        else:
            lines.append((lineno, line, blank))
        blank = False
    yield page, header_line, lines


def _parse_tag_page(
    text: str, path: Path, display: str, *, lenient: bool, skipped: list[_Skipped]
) -> list[_Article]:
    out: list[_Article] = []
    for page, header_line, lines in _sections(text, path.stem):
        if not lines:
            if header_line is None:  # pragma: no cover - _decode rejects blank files
                raise _BlockError(None, "is empty; expected articles")
            error = _BlockError(
                header_line,
                f"header 'Tag - {page}' is followed by no articles; expected a headline line, "
                "its body and its tag lines after it",
            )
            _reject(error, display, lenient=lenient, skipped=skipped)
            continue
        out.extend(_articles_from_lines(lines, page, display, lenient=lenient, skipped=skipped))
    return out


def _articles_from_lines(
    lines: list[tuple[int, str, bool]],
    page: str,
    display: str,
    *,
    lenient: bool,
    skipped: list[_Skipped],
) -> list[_Article]:
    path = _viterbi(lines)
    out: list[_Article] = []
    current: _Article | None = None
    paragraphs: list[str] = []
    bad_from: int | None = None

    def finish() -> None:
        nonlocal current, paragraphs
        if current is not None:
            current.body = "\n\n".join(paragraphs)
            out.append(current)
        current, paragraphs = None, []

    for (lineno, line, _), state in zip(lines, path, strict=True):
        if state == _H:
            finish()
            current = _Article(line, "", [], [page], f"{display}:{lineno}")
        elif state == _B:
            assert current is not None
            paragraphs.append(line)
        elif state == _T:
            if current is not None:
                current.tags.append(line)
        elif state in (_PRE, _BX):
            if bad_from is None:
                bad_from = lineno
                kind = "tag" if state == _PRE else "body text"
                message = (
                    f"{kind} {_quote(line)} comes before any headline; expected the file "
                    "(or the 'Tag - ...' header) to be followed by a headline line, then its body"
                )
                _reject(_BlockError(lineno, message), display, lenient=lenient, skipped=skipped)
        else:  # _HX
            finish()
            message = (
                f"headline {_quote(line)} has no body; expected one or more body paragraphs "
                "after a headline, then its tag lines"
            )
            _reject(_BlockError(lineno, message), display, lenient=lenient, skipped=skipped)
    finish()
    return out


def _quote(line: str, width: int = 60) -> str:
    return repr(line if len(line) <= width else line[: width - 1] + "…")


# --------------------------------------------------------------------------------------------------
# JSON Lines and CSV exports
# --------------------------------------------------------------------------------------------------

_RESERVED = {"id": "record_id", "source": "record_source"}


def _split_tags(value: Any, what: str, clean: Callable[[str], str] = _clean) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        items = value.split(";")
    elif isinstance(value, list):
        items = value
    else:
        raise TypeError(
            f"{what} must be a list of strings or a ';'-separated string, not {type(value).__name__}"
        )
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{what} must hold strings, found {type(item).__name__} {item!r}")
        item = clean(item)
        if item:
            out.append(item)
    return out


def _record_to_article(
    record: dict[str, Any], display: str, lineno: int, stem: str, *, body_key: str, plain: bool = False
) -> _Article:
    """One record as an article; ``plain``: its strings are printable ASCII (only stripping applies)."""
    clean = str.strip if plain else _clean
    title = record.get("title")
    if title is None:
        title = ""
    if not isinstance(title, str):
        raise _BlockError(lineno, f"'title' must be a string, not {type(title).__name__}")
    body = record.get(body_key)
    if not isinstance(body, str):
        raise _BlockError(lineno, f"'{body_key}' must be a string, not {type(body).__name__}")
    body = clean(body)
    if not body:
        raise _BlockError(lineno, f"empty '{body_key}'; expected the article text")
    try:
        tags = _split_tags(record.get("tags"), "'tags'", clean)
        pages = _split_tags(record.get("tag_pages"), "'tag_pages'", clean) or [stem]
    except TypeError as exc:
        raise _BlockError(lineno, str(exc)) from None
    title = clean(title)
    key = _plain_id(title, body) if plain else article_id(title, body)
    extras: dict[str, Any] = {}
    known = {"title", body_key, "tags", "tag_pages"}
    for name, value in record.items():
        if name in known:
            continue
        if name == "id" and value == key:
            continue  # our own id, e.g. a corpus written by ``python -m analysis articles``
        extras[_RESERVED.get(name, name)] = value
    return _Article(title, body, tags, pages, f"{display}:{lineno}", extras, key)


def _parse_jsonl(
    text: str, path: Path, display: str, *, lenient: bool, skipped: list[_Skipped]
) -> list[_Article]:
    out: list[_Article] = []
    for lineno, line in enumerate(_iter_lines(text), start=1):
        if not line.strip():
            continue
        try:
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                raise _BlockError(
                    lineno, f"is not valid JSON ({detail}); expected one JSON object per line"
                ) from None
            if not isinstance(record, dict):
                raise _BlockError(
                    lineno, f"is a JSON {type(record).__name__}; expected one JSON object per line"
                )
            body_key = "body" if "body" in record else "text" if "text" in record else ""
            if not body_key:
                raise _BlockError(
                    lineno,
                    f"has no 'body' or 'text' field (fields: {', '.join(map(str, record)) or 'none'})",
                )
            # JSON strings on an ASCII line without escapes are printable ASCII: _decode removed DEL and
            # json.loads rejects raw control characters.
            plain = line.isascii() and "\\" not in line
            out.append(
                _record_to_article(record, display, lineno, path.stem, body_key=body_key, plain=plain)
            )
        except _BlockError as exc:
            _reject(exc, display, lenient=lenient, skipped=skipped)
    return out


def _parse_csv(
    text: str, path: Path, display: str, *, lenient: bool, skipped: list[_Skipped]
) -> list[_Article]:
    if csv.field_size_limit() < sys.maxsize // 2:
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[_Article] = []
    try:
        header = next(reader)
    except csv.Error as exc:
        raise _BlockError(1, f"header row is not valid CSV ({exc})") from None
    header = [_clean(h) for h in header]
    body_key = "body" if "body" in header else "text" if "text" in header else ""
    if not body_key:
        raise _BlockError(
            1,
            f"has no 'body' or 'text' column (columns found: {', '.join(repr(h) for h in header)})",
        )
    if len(set(header)) != len(header):
        raise _BlockError(
            1,
            f"header row repeats a column name ({', '.join(header)}); column names must be unique",
        )
    row_start = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            error = _BlockError(row_start, f"is not valid CSV ({exc})")
            _reject(error, display, lenient=lenient, skipped=skipped)
            row_start = reader.line_num + 1
            continue
        lineno, row_start = row_start, reader.line_num + 1
        if not row or all(not cell.strip() for cell in row):
            continue
        try:
            if len(row) != len(header):
                raise _BlockError(
                    lineno, f"row has {len(row)} fields, the header has {len(header)}"
                )
            record = dict(zip(header, row, strict=True))
            out.append(_record_to_article(record, display, lineno, path.stem, body_key=body_key))
        except _BlockError as exc:
            _reject(exc, display, lenient=lenient, skipped=skipped)
    return out


# --------------------------------------------------------------------------------------------------
# Merging and the final frame
# --------------------------------------------------------------------------------------------------


def _merge(articles: dict[str, _Article], art: _Article) -> None:
    key = art.key if art.key is not None else article_id(art.title, art.body)
    seen = articles.get(key)
    if seen is None:
        articles[key] = _Article(
            art.title,
            art.body,
            list(dict.fromkeys(art.tags)),
            list(dict.fromkeys(art.tag_pages)),
            art.source,
            dict(art.extras),
        )
        return
    for tag in art.tags:
        if tag not in seen.tags:
            seen.tags.append(tag)
    for page in art.tag_pages:
        if page not in seen.tag_pages:
            seen.tag_pages.append(page)
    for name, value in art.extras.items():
        seen.extras.setdefault(name, value)


def _to_frame(ids: list[str], articles: list[_Article]) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {
        "id": ids,
        "title": [a.title for a in articles],
        "body": [a.body for a in articles],
        "tags": [a.tags for a in articles],
        "tag_pages": [a.tag_pages for a in articles],
        "source": [a.source for a in articles],
    }
    extra_names: dict[str, None] = {}
    for a in articles:
        extra_names.update(dict.fromkeys(a.extras))
    for name in extra_names:
        columns[name] = [a.extras.get(name) for a in articles]
    return pd.DataFrame(columns)
