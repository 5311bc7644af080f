"""Parsing the inputs of a corpus cache a chunk at a time: a whole file, or whole lines of a large JSONL file.

A large JSON Lines file is cut at line ends into pieces of about ``CHUNK_BYTES``; the pieces are parsed on
worker processes (one per core, :func:`analysis.parallel.map_in_order`) and come back in file order, with
their line numbers, skip messages and first error exactly as parsing them one after another gives. The
parsing itself is the corpus parser's own (:mod:`analysis.corpus`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from analysis.corpus.base import BlockError, article_id
from analysis.corpus.cache import store
from analysis.corpus.decode import decode_bytes
from analysis.corpus.files import JSONL_SUFFIXES, read_file_bytes
from analysis.corpus.load import parse_text
from analysis.corpus.minhash import signature_cells
from analysis.corpus.records import parse_jsonl
from analysis.errors import CorpusError
from analysis.parallel import map_in_order

__all__ = [
    "HEAD_BYTES",
    "chunkable_head",
    "is_chunkable",
    "parse_chunk",
    "parse_file",
    "parse_whole",
]


def parse_file(
    path: Path,
    display: str,
    given: str,
    *,
    lenient: bool,
    skipped: list[str],
    keep: Callable[[int, list[Any]], Any] | None = None,
) -> Iterator[tuple[Any, int]]:
    """(articles, bytes read) per chunk of one file: whole lines of a large JSONL file, else the whole file.

    ``keep(number, articles)``, when given, is called with each chunk (it writes the file's parsed copy);
    a large file's chunks are parsed, and kept, on worker processes, which send back what ``keep``
    returns (:meth:`analysis.corpus.cache.parsed.Chunk.summary`) in place of the articles.
    """
    if (
        path.suffix.lower() in JSONL_SUFFIXES
        and path.stat().st_size > store.CHUNK_BYTES
        and is_chunkable(path)
    ):
        parse = functools.partial(_parse_span, path, display, given, lenient, keep)
        # Pieces are parsed on worker processes (one per core) and come back in order: the same
        # articles, skips and first error as parsing them one after another here.
        # The pieces are found (the file read once) as the workers ask for more: parsing starts at once.
        spans = ((number, *span) for number, span in enumerate(_line_spans(path)))
        for articles, local, size, error in map_in_order(parse, spans):
            skipped.extend(local)
            if error is not None:
                raise error
            yield articles, size
        return
    data = read_file_bytes(path, given)
    articles = parse_whole(path, display, given, data, lenient=lenient, skipped=skipped)
    if keep is not None:
        keep(0, articles)
    yield articles, len(data)


def parse_whole(
    path: Any, display: str, given: str, data: bytes, *, lenient: bool, skipped: list[str]
) -> list[Any]:
    """Articles of a whole file's bytes (any kind), as ``load_corpus`` parses it."""
    local: list[Any] = []
    try:
        text = decode_bytes(data)
        articles = parse_text(path, display, text, lenient=lenient, skipped=local)
    except BlockError as exc:
        _fail_or_skip(exc, given, 0, lenient=lenient, skipped=skipped)
        articles = []
    skipped.extend(f"{given}{s.source[len(display) :]}: {s.reason}" for s in local)
    return articles


def is_chunkable(path: Path) -> bool:
    """True for files split safely at ``\\n`` bytes: not UTF-16 (no BOM, no NUL in the first 64 KB)."""
    with path.open("rb") as fh:
        return chunkable_head(fh.read(HEAD_BYTES))


#: Bytes of a file's start read to decide whether it can be split at line ends.
HEAD_BYTES = 1 << 16


def chunkable_head(head: bytes) -> bool:
    """True when a file starting with ``head`` (its first HEAD_BYTES) splits safely at ``\\n`` bytes."""
    return not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in head


def _line_chunks(path: Path) -> Iterator[bytes]:
    """The file's bytes in pieces of about ``CHUNK_BYTES``, each ending at a line end (the last: at EOF)."""
    rest = b""
    with path.open("rb") as fh:
        while True:
            block = fh.read(store.CHUNK_BYTES)
            if not block:
                break
            data = rest + block
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                rest = data
                continue
            rest = data[cut:]
            yield data[:cut]
    if rest:
        yield rest


def _line_spans(path: Path) -> Iterator[tuple[int, int, int]]:
    """(first byte, end byte, lines before) of each piece :func:`_line_chunks` cuts the file into, each as
    soon as it is found."""
    start, lines = 0, 0
    for data in _line_chunks(path):
        yield start, start + len(data), lines
        start += len(data)
        lines += data.count(b"\n")


def _parse_span(
    path: Path,
    display: str,
    given: str,
    lenient: bool,
    keep: Callable[[int, list[Any]], Any] | None,
    span: tuple[int, int, int, int],
) -> tuple[Any, list[str], int, CorpusError | None]:
    """Piece ``number`` of a large JSONL file parsed (on a worker) and kept: its articles with their ids
    (or, when kept, what ``keep`` returns), its skip messages, its size, and the error that stops the build
    (returned, so that the first one in file order is the one raised)."""
    number, start, end, offset = span
    with path.open("rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    local: list[str] = []
    try:
        articles, _ = parse_chunk(
            path, display, given, data, offset, lenient=lenient, skipped=local
        )
    except CorpusError as exc:
        return [], local, len(data), exc
    for art in articles:
        if art.key is None:
            art.key = article_id(art.title, art.body)
    sign_articles(articles)
    if keep is not None:  # kept here: only what the build needs to link the kept file goes back
        return keep(number, articles), local, len(data), None
    return articles, local, len(data), None


def sign_articles(articles: list[Any]) -> None:
    """Give each article its story signature, here where its chunk was parsed (a worker process): the
    report's story step then reads 256 bytes per article instead of its text, also when a rebuild reads
    this file's parsed copy back."""
    cells = signature_cells([a.title for a in articles], [a.body for a in articles])
    for art, cell in zip(articles, cells, strict=True):
        art.signature = cell


def parse_chunk(
    path: Any,
    display: str,
    given: str,
    data: bytes,
    offset: int,
    *,
    lenient: bool,
    skipped: list[str],
) -> tuple[list[Any], int]:
    """Articles of one chunk of JSONL lines starting after line ``offset``; also the chunk's line count."""
    if offset and data.isspace():
        return [], data.count(b"\n")
    local: list[Any] = []
    try:
        text = decode_bytes(data)
        articles = parse_jsonl(text, path, display, lenient=lenient, skipped=local)
    except BlockError as exc:
        _fail_or_skip(exc, given, offset, lenient=lenient, skipped=skipped)
        return [], data.count(b"\n")
    if offset:
        for art in articles:
            art.source = _shift(art.source, offset)
            if art.date_line is not None:
                art.date_line += offset
    skipped.extend(f"{given}{_shift(s.source, offset)[len(display) :]}: {s.reason}" for s in local)
    return articles, text.count("\n")


def _shift(source: str, offset: int) -> str:
    """``"file:12"`` -> ``"file:{12 + offset}"``."""
    name, sep, line = source.rpartition(":")
    return f"{name}:{int(line) + offset}" if sep and line.isdigit() and offset else source


def _fail_or_skip(
    exc: Any, display: str, offset: int, *, lenient: bool, skipped: list[str]
) -> None:
    where = display if exc.line is None else f"{display}:{exc.line + offset}"
    if not lenient:
        raise CorpusError(f"{where}: {exc.message}") from None
    skipped.append(f"{where}: {exc.message}")
