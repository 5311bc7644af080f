"""JSON Lines and CSV exports: one record per article, tags as lists or ';'-separated strings."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from analysis.config import MAX_JSON_DEPTH, MAX_RECORD_CHARS
from analysis.corpus.base import (
    BlockError,
    ParsedArticle,
    SkippedBlock,
    article_id,
    clean_for_key,
    clean_text,
    id_of_keys,
    iter_lines,
    key_part,
    reject_block,
    spaced_ids,
)
from analysis.corpus.dates import DATE_FIELDS
from analysis.corpus.outlets import outlet_fields
from analysis.csvfile import restore
from analysis.terminal import listing

# --------------------------------------------------------------------------------------------------
# JSON Lines and CSV exports
# --------------------------------------------------------------------------------------------------

_RESERVED = {"id": "record_id", "source": "record_source"}
#: A JSON escape other than \n \" \\ and \/ (or an escaped backslash before another character: a doubt
#: that only costs the full checks).
_OTHER_ESCAPE = re.compile(r'\\[^n"\\/]')
#: The fields read into an article's own attributes (not extras), by body field; a raw date field stays
#: in the extras as it was.
_KNOWN = {
    key: frozenset({"title", key, "tags", "tag_pages", "published"}) for key in ("body", "text", "")
}


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
    nfc: bool = False,
    spaced: list[ParsedArticle] | None = None,
) -> ParsedArticle:
    """One record as an article; ``plain``: its strings are printable ASCII but for line breaks (only
    stripping applies);
    ``nfc``: its strings are in Unicode normal form C (not checked again); ``spaced``: where an article whose
    id is :func:`spaced_ids`' is put instead of being given its key (see :func:`_give_spaced_keys`).

    ``body_key`` ``""``: the export has headlines only (no body field); the title is then required and the
    body is empty.
    """
    clean = str.strip if plain else clean_text
    title = record.get("title")
    if title is None:
        title = ""
    if not isinstance(title, str):
        raise BlockError(lineno, f"'title' must be a string, not {type(title).__name__}")
    # how each text's part of the id is made, found while it is cleaned (plain text: spaces made single)
    title, title_spaced = (title.strip(), True) if plain else clean_for_key(title, nfc=nfc)
    if body_key:
        body = record.get(body_key)
        if not isinstance(body, str):
            raise BlockError(lineno, f"'{body_key}' must be a string, not {type(body).__name__}")
        body, body_spaced = (body.strip(), True) if plain else clean_for_key(body, nfc=nfc)
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
    # the first date field in DATE_FIELDS' order ("published", the first, is the usual one)
    date_key = (
        DATE_FIELDS[0]
        if DATE_FIELDS[0] in record
        else next((name for name in DATE_FIELDS if name in record), None)
    )
    known = _KNOWN[body_key]
    for name, value in record.items():
        if name not in known:
            extras[_RESERVED.get(name, name)] = value
    for name, what in (("outlet", "the outlet's name"), ("url", "the article's link")):
        if record.get(name) is not None and not isinstance(record[name], str):
            value = record[name]
            raise BlockError(
                lineno, f"'{name}' must be text ({what}), not {type(value).__name__} {value!r}"
            )
    extras.update(outlet_fields(record))
    date, date_line = (record[date_key], lineno) if date_key is not None else (None, None)
    article = ParsedArticle(
        title, body, tags, pages, f"{display}:{lineno}", extras, None, date, date_line
    )
    if (
        not body
    ):  # one headline run by several outlets is several articles: the link tells them apart
        return _with_key(article, article_id(title, extras.get("url") or ""))
    if spaced is not None and title_spaced and body_spaced:
        spaced.append(article)
        return article
    parts = key_part(title, spaced=title_spaced), key_part(body, spaced=body_spaced)
    return _with_key(article, id_of_keys(*parts))


def _with_key(article: ParsedArticle, content: str) -> ParsedArticle:
    """The article given its key: ``content``, the id of its text, told apart by its outlet when it has a
    body (the same text run by two outlets is two articles: wire copy). A ``record_id`` equal to the key (our
    own id, e.g. a corpus written by ``python -m analysis articles``) is dropped."""
    key = content
    if article.body and article.extras.get("outlet"):
        key = article_id(key, article.extras["outlet"].casefold())
    if article.extras.get("record_id") == key:
        del article.extras["record_id"]
    article.key = key
    return article


def _give_spaced_keys(articles: list[ParsedArticle]) -> None:
    """Give each of ``articles`` (put aside by :func:`_record_to_article`: title and body printable but for
    line breaks, and NFC) its key, their text's ids hashed in bulk by :func:`spaced_ids`."""
    ids = spaced_ids([a.title for a in articles], [a.body for a in articles])
    for article, content in zip(articles, ids, strict=True):
        _with_key(article, content)


def parse_jsonl(
    text: str, path: Path, display: str, *, lenient: bool, skipped: list[SkippedBlock]
) -> list[ParsedArticle]:
    _refuse_json_document(text)
    out: list[ParsedArticle] = []
    spaced: list[ParsedArticle] = []  # their keys given at the end, in bulk
    stem = path.stem
    first = True  # the first record line: a JSON array there is a JSON document, not JSON Lines
    for lineno, line in enumerate(iter_lines(text), start=1):
        if not line.strip():
            continue
        is_first, first = first, False
        try:
            if len(line) > MAX_RECORD_CHARS:
                raise BlockError(lineno, _too_long(len(line)))
            try:
                record, flat = _decoded(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                raise BlockError(
                    lineno, f"is not valid JSON ({detail}); expected one JSON object per line"
                ) from None
            if not isinstance(record, dict):
                raise BlockError(lineno, _not_an_object(record, first=is_first))
            # a backslash is found with one fast search (a single character): most lines of plain
            # text have none, and then no two-character search for "\\u" is needed (~0.05 s a 20,000 lines)
            escaped = "\\" in line
            if escaped and "\\u" in line and _SURROGATE_ESCAPE.search(line):
                _refuse_lone_surrogates(record, lineno)
            if not (flat and MAX_JSON_DEPTH >= 2) and json_depth(record) > MAX_JSON_DEPTH:
                raise BlockError(
                    lineno,
                    f"nests lists or objects more than {MAX_JSON_DEPTH} levels deep; an article's fields are "
                    "strings, numbers or a list of tags",
                )
            body_key = "body" if "body" in record else "text" if "text" in record else ""
            if not body_key and "title" not in record:
                raise BlockError(
                    lineno,
                    "has no 'body', 'text' or 'title' field (fields: "
                    f"{listing(map(str, record)) or 'none'})",
                )
            # JSON strings on an ASCII line are printable ASCII but for their escapes: _decode removed DEL
            # and JSON rejects raw control characters; of the escapes only \n \" \\ and \/ keep them so
            # but for their line breaks.
            ascii_line = line.isascii()
            plain = ascii_line and (not escaped or not _OTHER_ESCAPE.search(line))
            # The text is NFC (decode_bytes), so are its JSON strings without a \u escape: a string is a
            # piece of it with some escapes (\" \n ...) made one ASCII character that composes with nothing.
            # Only a string outside ASCII is ever checked, and on an ASCII line only a \u escape makes one:
            # there the line is not searched (False is what the search would find for such a string).
            nfc = not ascii_line and not (escaped and "\\u" in line)
            out.append(
                _record_to_article(
                    record,
                    display,
                    lineno,
                    stem,
                    body_key=body_key,
                    plain=plain,
                    nfc=nfc,
                    spaced=spaced,
                )
            )
        except BlockError as exc:
            reject_block(exc, display, lenient=lenient, skipped=skipped)
    _give_spaced_keys(spaced)
    return out


#: A JSON escape of half of a UTF-16 surrogate pair ("\\ud83d"): a character only with its other half.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_lone_surrogates(record: dict[str, Any], lineno: int) -> None:
    """Refuse a record holding half a surrogate pair ("\\ud800" alone), which is no character and cannot be
    written as UTF-8: a clear error on its line, not a crash further on."""
    stack: list[tuple[str, Any]] = list(record.items())
    while stack:
        name, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((name, v) for v in value.values())
        elif isinstance(value, list):
            stack.extend((name, v) for v in value)
        elif isinstance(value, str) and (found := _LONE_SURROGATE.search(value)):
            raise BlockError(
                lineno,
                f"holds half a surrogate pair (\\u{ord(found.group()):04x}) in '{name}', which is no "
                "character; remove it or export the file again as UTF-8",
            )


#: The types of value that orjson reads exactly as json does (it reads a whole number beyond 64 bits as a
#: float, so a line holding a float is read by json).
_SAME_IN_ORJSON = frozenset({str, int, bool, type(None)})


def _decoded(line: str) -> tuple[Any, bool]:
    """``json.loads(line)``, read by orjson (about twice as fast) where the two give the same value.

    orjson's value is taken when it is an object whose fields are strings, whole numbers, booleans, nulls
    or lists of them (the usual article); any other line, and every line orjson refuses, is read by json,
    whose value or error (the message a user sees) is the one given.

    Returns:
        The value, and True when it is such a flat object (so its :func:`json_depth` is at most 2).
    """
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return json.loads(line), False
    if type(value) is not dict:
        return json.loads(line), False
    for field in value.values():  # plain loops: a generator per field costs more than the check
        kind = type(field)
        if kind in _SAME_IN_ORJSON:
            continue
        if kind is not list:
            return json.loads(line), False
        for item in field:
            if type(item) not in _SAME_IN_ORJSON:
                return json.loads(line), False
    return value, True


def json_depth(value: Any) -> int:
    """How deep lists and objects nest in a parsed JSON value (a string or number is 0, ``[]`` is 1).

    Iterative, so a value nested thousands deep is measured without recursion.
    """
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            depth += 1
            deepest = max(deepest, depth)
            stack.extend((child, depth) for child in item if isinstance(child, dict | list))
    return deepest


_LEADING_SPACE = re.compile(r"\s*")  # what str.lstrip removes


def _refuse_json_document(text: str) -> None:
    """BlockError when the text is one pretty-printed JSON document (an array or an object over several
    lines) rather than JSON Lines: its first line alone (``[`` or ``{``) is not JSON."""
    lead = _LEADING_SPACE.match(text).end()  # neither copies the text (a large file's is large)
    end = text.find("\n", lead)
    first = text[lead : end if end != -1 else len(text)].strip()
    if first in {"[", "{", "[{", "[ {"}:
        line = text[:lead].count("\n") + 1
        raise BlockError(
            line,
            JSON_ARRAY
            if first.startswith("[")
            else "is one JSON object spread over several lines, not JSON Lines (one JSON object per "
            "line); convert it, e.g. with `jq -c . FILE > FILE.jsonl`",
        )


def _too_long(chars: int) -> str:
    return (
        f"holds {chars:,} characters, more than the {MAX_RECORD_CHARS:,} one article may have; "
        "split or shorten it"
    )


def _not_an_object(record: Any, *, first: bool) -> str:
    if isinstance(record, list) and first:
        return JSON_ARRAY
    return f"is a JSON {type(record).__name__}; expected one JSON object per line"


#: The message for a file that is one JSON array (``[{...}, {...}]``) rather than JSON Lines.
JSON_ARRAY = (
    "is a JSON array, not JSON Lines (one JSON object per line); convert it, e.g. with "
    "`jq -c '.[]' FILE > FILE.jsonl`"
)


def parse_csv(
    text: str, path: Path, display: str, *, lenient: bool, skipped: list[SkippedBlock]
) -> list[ParsedArticle]:
    with _large_fields():
        return _csv_rows(text, path, display, lenient=lenient, skipped=skipped)


@contextmanager
def _large_fields() -> Iterator[None]:
    """Let the csv module read article bodies up to MAX_RECORD_CHARS, and restore the process's limit after."""
    previous = csv.field_size_limit(MAX_RECORD_CHARS)
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
    header = [clean_text(restore(h)) for h in header]
    body_key = "body" if "body" in header else "text" if "text" in header else ""
    if not body_key and "title" not in header:
        raise BlockError(
            1,
            "has no 'body', 'text' or 'title' column (columns found: "
            f"{listing(header, quote=True)}); a headline-only list needs a 'title' column",
        )
    if len(set(header)) != len(header):
        repeated = [name for name, n in Counter(header).items() if n > 1]
        raise BlockError(
            1,
            f"header row repeats a column name ({listing(repeated, quote=True)}); column names must be "
            "unique",
        )
    row_start = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            too_long = "field larger than field limit" in str(exc)
            error = BlockError(
                row_start,
                _too_long(MAX_RECORD_CHARS + 1) if too_long else f"is not valid CSV ({exc})",
            )
            reject_block(error, display, lenient=lenient, skipped=skipped)
            row_start = reader.line_num + 1
            continue
        lineno, row_start = row_start, reader.line_num + 1
        if not row or all(not cell.strip() for cell in row):
            continue
        # a cell our CSV writer neutralised ("'=x") reads back as written ("=x")
        row = [restore(cell) if cell[:1] == "'" else cell for cell in row]
        try:
            if len(row) != len(header):
                raise BlockError(lineno, f"row has {len(row)} fields, the header has {len(header)}")
            record = dict(zip(header, row, strict=True))
            out.append(_record_to_article(record, display, lineno, path.stem, body_key=body_key))
        except BlockError as exc:
            reject_block(exc, display, lenient=lenient, skipped=skipped)
    return out
