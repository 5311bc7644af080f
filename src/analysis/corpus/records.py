"""JSON Lines and CSV exports: one record per article, tags as lists or ';'-separated strings."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from analysis.corpus.base import (
    BlockError,
    ParsedArticle,
    SkippedBlock,
    article_id,
    clean_text,
    iter_lines,
    plain_id,
    reject_block,
)
from analysis.corpus.dates import DATE_FIELDS
from analysis.corpus.outlets import outlet_fields

# --------------------------------------------------------------------------------------------------
# JSON Lines and CSV exports
# --------------------------------------------------------------------------------------------------

_RESERVED = {"id": "record_id", "source": "record_source"}


def _split_tags(value: Any, what: str, clean: Callable[[str], str] = clean_text) -> list[str]:
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
    record: dict[str, Any],
    display: str,
    lineno: int,
    stem: str,
    *,
    body_key: str,
    plain: bool = False,
) -> ParsedArticle:
    """One record as an article; ``plain``: its strings are printable ASCII (only stripping applies).

    ``body_key`` ``""``: the export has headlines only (no body field); the title is then required and the
    body is empty.
    """
    clean = str.strip if plain else clean_text
    title = record.get("title")
    if title is None:
        title = ""
    if not isinstance(title, str):
        raise BlockError(lineno, f"'title' must be a string, not {type(title).__name__}")
    title = clean(title)
    if body_key:
        body = record.get(body_key)
        if not isinstance(body, str):
            raise BlockError(lineno, f"'{body_key}' must be a string, not {type(body).__name__}")
        body = clean(body)
        if not body:
            raise BlockError(lineno, f"empty '{body_key}'; expected the article text")
    elif not title:
        raise BlockError(
            lineno,
            "has no 'body' or 'text' field and an empty 'title'; expected a headline or text",
        )
    else:
        body = ""
    try:
        tags = _split_tags(record.get("tags"), "'tags'", clean)
        pages = _split_tags(record.get("tag_pages"), "'tag_pages'", clean) or [stem]
    except TypeError as exc:
        raise BlockError(lineno, str(exc)) from None
    extras: dict[str, Any] = {}
    date_key = next((name for name in DATE_FIELDS if name in record), None)
    known = {
        "title",
        body_key,
        "tags",
        "tag_pages",
        "published",
    }  # a raw date field stays as it was
    for name, value in record.items():
        if name in known:
            continue
        extras[_RESERVED.get(name, name)] = value
    extras.update(outlet_fields(record))
    if body:
        key = plain_id(title, body) if plain else article_id(title, body)
    else:  # one headline carried by several outlets is several articles: the link tells them apart
        key = article_id(title, extras.get("url") or "")
    if extras.get("record_id") == key:
        del extras[
            "record_id"
        ]  # our own id, e.g. a corpus written by ``python -m analysis articles``
    date, date_line = (record[date_key], lineno) if date_key is not None else (None, None)
    return ParsedArticle(
        title, body, tags, pages, f"{display}:{lineno}", extras, key, date, date_line
    )


def parse_jsonl(
    text: str, path: Path, display: str, *, lenient: bool, skipped: list[SkippedBlock]
) -> list[ParsedArticle]:
    out: list[ParsedArticle] = []
    for lineno, line in enumerate(iter_lines(text), start=1):
        if not line.strip():
            continue
        try:
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                raise BlockError(
                    lineno, f"is not valid JSON ({detail}); expected one JSON object per line"
                ) from None
            if not isinstance(record, dict):
                raise BlockError(
                    lineno, f"is a JSON {type(record).__name__}; expected one JSON object per line"
                )
            body_key = "body" if "body" in record else "text" if "text" in record else ""
            if not body_key and "title" not in record:
                raise BlockError(
                    lineno,
                    f"has no 'body', 'text' or 'title' field (fields: {', '.join(map(str, record)) or 'none'})",
                )
            # JSON strings on an ASCII line without escapes are printable ASCII: _decode removed DEL and
            # json.loads rejects raw control characters.
            plain = line.isascii() and "\\" not in line
            out.append(
                _record_to_article(
                    record, display, lineno, path.stem, body_key=body_key, plain=plain
                )
            )
        except BlockError as exc:
            reject_block(exc, display, lenient=lenient, skipped=skipped)
    return out


def parse_csv(
    text: str, path: Path, display: str, *, lenient: bool, skipped: list[SkippedBlock]
) -> list[ParsedArticle]:
    with _large_fields():
        return _csv_rows(text, path, display, lenient=lenient, skipped=skipped)


@contextmanager
def _large_fields() -> Iterator[None]:
    """Let the csv module read article bodies of any length, and restore the process's limit afterwards."""
    previous = csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_rows(
    text: str, path: Path, display: str, *, lenient: bool, skipped: list[SkippedBlock]
) -> list[ParsedArticle]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[ParsedArticle] = []
    try:
        header = next(reader)
    except csv.Error as exc:
        raise BlockError(1, f"header row is not valid CSV ({exc})") from None
    header = [clean_text(h) for h in header]
    body_key = "body" if "body" in header else "text" if "text" in header else ""
    if not body_key and "title" not in header:
        raise BlockError(
            1,
            "has no 'body', 'text' or 'title' column (columns found: "
            f"{', '.join(repr(h) for h in header)}); a headline-only list needs a 'title' column",
        )
    if len(set(header)) != len(header):
        raise BlockError(
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
            error = BlockError(row_start, f"is not valid CSV ({exc})")
            reject_block(error, display, lenient=lenient, skipped=skipped)
            row_start = reader.line_num + 1
            continue
        lineno, row_start = row_start, reader.line_num + 1
        if not row or all(not cell.strip() for cell in row):
            continue
        try:
            if len(row) != len(header):
                raise BlockError(lineno, f"row has {len(row)} fields, the header has {len(header)}")
            record = dict(zip(header, row, strict=True))
            out.append(_record_to_article(record, display, lineno, path.stem, body_key=body_key))
        except BlockError as exc:
            reject_block(exc, display, lenient=lenient, skipped=skipped)
    return out
