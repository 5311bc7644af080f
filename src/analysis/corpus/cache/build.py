"""Build a corpus cache: parse the inputs a chunk at a time and write Parquet parts (bounded memory).

The parsing is the corpus parser's own (:mod:`analysis.corpus`); this module only decides what is parsed
at once (a whole file, or whole lines of a large JSON Lines file), keeps line numbers and ``source`` right
across chunks, merges an article seen again (in the same part, or in a part already written, which is then
rewritten), and writes the parts. Publication dates are kept by row and read per file
(:mod:`analysis.scale._dates`), then written beside the parts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from analysis.errors import CorpusError
from analysis.scale._dates import PublishedDates
from analysis.scale.cache import CACHE_FORMAT, CHUNK_BYTES, PART_ROWS, _parser

__all__ = ["build_parts"]

_JSONL = {".jsonl", ".ndjson", ".json"}


def build_parts(
    files: dict[Path, tuple[str, str]], folder: Path, *, lenient: bool, progress: bool
) -> dict:
    """Parse ``files`` in order into Parquet parts in ``folder``; returns the cache's metadata."""
    parser = _parser()
    writer = _PartWriter(folder)
    rows: dict[int, int] = {}  # article id (as an int) -> its row in the corpus
    late: dict[int, list[Any]] = {}  # row already written -> later copies of the same article
    pending: dict[
        str, Any
    ] = {}  # articles of the part being filled, by id (parser._merge merges them)
    skipped: list[str] = []
    dates = PublishedDates()
    bar = _progress_bar(files) if progress else None
    with parser._no_gc():
        for path, (display, given) in files.items():
            for articles, size in _parse_file(
                path, display, given, lenient=lenient, skipped=skipped
            ):
                for art in articles:
                    key = art.key if art.key is not None else parser.article_id(art.title, art.body)
                    art.key = key
                    row = rows.setdefault(int(key, 16), writer.n_rows + len(pending))
                    dates.add(row, art)
                    if row < writer.n_rows:
                        late.setdefault(row, []).append(art)
                    else:
                        parser._merge(pending, art)
                    if len(pending) >= PART_ROWS:
                        writer.write(pending)
                        pending = {}
                if bar is not None:
                    bar.update(size)
            dates.end_file(given)
    if bar is not None:
        bar.close()
    if pending:
        writer.write(pending)
    if writer.n_rows == 0:
        names = ", ".join(given for _, given in files.values())
        raise CorpusError(
            f"no articles found in {names}; expected tag pages (.txt), JSONL or CSV with a body"
        )
    if late:
        writer.merge_late(late)
    return {
        "format": CACHE_FORMAT,
        "n_articles": writer.n_rows,
        "columns": [*_core(), *(["published"] if dates.dated else []), *writer.extras],
        "extras": list(writer.extras),
        "skipped": skipped,
        "parts": writer.parts,
        **dates.finish(folder, writer.parts),
    }


def _core() -> tuple[str, ...]:
    from analysis.scale.cache import _CORE

    return _CORE


def _progress_bar(files: dict[Path, tuple[str, str]]):
    from tqdm.auto import tqdm

    total = sum(p.stat().st_size for p in files)
    return tqdm(total=total, desc="Parsing", unit="B", unit_scale=True)


# ------------------------------------------------------------------------------------------------ parsing
def _parse_file(
    path: Path, display: str, given: str, *, lenient: bool, skipped: list[str]
) -> Iterator[tuple[list[Any], int]]:
    """(articles, bytes read) per chunk of one file: whole lines of a large JSONL file, else the whole file."""
    parser = _parser()
    if path.suffix.lower() in _JSONL and path.stat().st_size > CHUNK_BYTES and _chunkable(path):
        offset = 0
        for data in _line_chunks(path):
            articles, lines = _parse_chunk(
                path, display, given, data, offset, lenient=lenient, skipped=skipped
            )
            offset += lines
            yield articles, len(data)
        return
    data = parser._read_bytes(path, given)
    articles = parse_whole(path, display, given, data, lenient=lenient, skipped=skipped)
    yield articles, len(data)


def parse_whole(
    path: Any, display: str, given: str, data: bytes, *, lenient: bool, skipped: list[str]
) -> list[Any]:
    """Articles of a whole file's bytes (any kind), as ``load_corpus`` parses it."""
    parser = _parser()
    local: list[Any] = []
    try:
        text = parser._decode(data)
        articles = parser._parse_text(path, display, text, lenient=lenient, skipped=local)
    except parser._BlockError as exc:
        _fail_or_skip(exc, given, 0, lenient=lenient, skipped=skipped)
        articles = []
    skipped.extend(f"{given}{s.source[len(display) :]}: {s.reason}" for s in local)
    return articles


def _chunkable(path: Path) -> bool:
    """True for files split safely at ``\\n`` bytes: not UTF-16 (no BOM, no NUL in the first 64 KB)."""
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    return not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in head


def _line_chunks(path: Path) -> Iterator[bytes]:
    """The file's bytes in pieces of about ``CHUNK_BYTES``, each ending at a line end (the last: at EOF)."""
    rest = b""
    with path.open("rb") as fh:
        while True:
            block = fh.read(CHUNK_BYTES)
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


def _parse_chunk(
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
    parser = _parser()
    if offset and data.isspace():
        return [], data.count(b"\n")
    local: list[Any] = []
    try:
        text = parser._decode(data)
        articles = parser._parse_jsonl(text, path, display, lenient=lenient, skipped=local)
    except parser._BlockError as exc:
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


# ------------------------------------------------------------------------------------------------ writing
class _PartWriter:
    """Writes parts ``part-00000.parquet``, ... and remembers their rows and the extra fields seen."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.parts: list[list[Any]] = []
        self.extras: dict[str, None] = {}
        self.n_rows = 0

    def write(self, articles: dict[str, Any]) -> None:
        name = f"part-{len(self.parts):05d}.parquet"
        _write_table(self.folder / name, list(articles), list(articles.values()), self.extras)
        self.parts.append([name, len(articles)])
        self.n_rows += len(articles)

    def merge_late(self, late: dict[int, list[Any]]) -> None:
        """Merge later copies of articles into the parts that hold the first copy, and rewrite those parts."""
        import pyarrow.parquet as pq

        parser = _parser()
        start = 0
        for name, n in self.parts:
            rows = [r for r in range(start, start + n) if r in late]
            if rows:
                path = self.folder / name
                table = pq.read_table(path)
                ids, articles = _articles_of(table, list(self.extras))
                merged = dict(zip(ids, articles, strict=True))
                for row in rows:
                    for copy in late[row]:
                        parser._merge(merged, copy)
                _write_table(path, ids, [merged[i] for i in ids], self.extras)
            start += n


def _articles_of(table: Any, extras: list[str]) -> tuple[list[str], list[Any]]:
    """A part read back as (ids, parser articles), extras decoded from JSON text."""
    parser = _parser()
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    out = []
    for i in range(table.num_rows):
        fields = {
            name: json.loads(columns[name][i])
            for name in extras
            if name in columns and columns[name][i] is not None
        }
        out.append(
            parser._Article(
                columns["title"][i],
                columns["body"][i],
                columns["tags"][i],
                columns["tag_pages"][i],
                columns["source"][i],
                fields,
                columns["id"][i],
            )
        )
    return columns["id"], out


def _write_table(path: Path, ids: list[str], articles: list[Any], extras: dict[str, None]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for art in articles:
        extras.update(dict.fromkeys(art.extras))
    names = [name for name in extras if any(name in a.extras for a in articles)]
    text, strings = pa.string(), pa.list_(pa.string())
    columns = {
        "id": pa.array(ids, text),
        "title": pa.array([a.title for a in articles], text),
        "body": pa.array([a.body for a in articles], text),
        "tags": pa.array([a.tags for a in articles], strings),
        "tag_pages": pa.array([a.tag_pages for a in articles], strings),
        "source": pa.array([a.source for a in articles], text),
    }
    for name in names:
        values = [
            json.dumps(a.extras[name], ensure_ascii=False) if name in a.extras else None
            for a in articles
        ]
        columns[name] = pa.array(values, text)
    pq.write_table(pa.table(columns), path, compression="zstd")
