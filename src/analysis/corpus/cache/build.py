"""Build a corpus cache: parse the inputs a chunk at a time and write Parquet parts (bounded memory).

The chunks come from :mod:`analysis.corpus.cache.chunks` (a whole file, or whole lines of a large JSON Lines
file, parsed on worker processes); this module merges an article seen again (in the same part, or in a part already written, which is then
rewritten), and writes the parts. Publication dates are kept by row and read per file
(:mod:`analysis.corpus.cache.published`), then written beside the parts.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus.base import CORPUS_COLUMNS, ParsedArticle, article_id
from analysis.corpus.cache import store
from analysis.corpus.cache.chunks import parse_file
from analysis.corpus.cache.parsed import FILES_DIR, file_key, parsed_chunks, prune_parsed
from analysis.corpus.cache.published import PublishedDates
from analysis.corpus.cache.store import (
    CACHE_DIR,
    CACHE_FORMAT,
    CorpusCache,
    announce,
    cache_key,
    file_digests,
    open_cache,
    parser_version,
)
from analysis.corpus.files import collect_files
from analysis.corpus.load import merge_article, no_gc
from analysis.errors import CorpusError
from analysis.housekeeping import tidy_caches

__all__ = [
    "articles_of",
    "build_parts",
    "cache_corpus",
    "load_cached_corpus",
    "write_table",
]


def build_parts(
    files: dict[Path, tuple[str, str]],
    folder: Path,
    *,
    lenient: bool,
    progress: bool,
    parsed: tuple[Path, dict[Path, str], str] | None = None,
    skipped_files: Sequence[str] = (),
) -> dict:
    """Parse ``files`` in order into Parquet parts in ``folder``; returns the cache's metadata.

    With ``parsed`` (the folder of parsed files, each input's digest, the parser's version) a file parsed
    by an earlier build is read back rather than parsed again (:mod:`analysis.corpus.cache.parsed`).
    """
    writer = _PartWriter(folder)
    rows: dict[int, int] = {}  # article id (as an int) -> its row in the corpus
    late: dict[int, list[Any]] = {}  # row already written -> later copies of the same article
    pending: dict[
        str, Any
    ] = {}  # articles of the part being filled, by id (merge_article merges them)
    skipped: list[str] = list(skipped_files)  # files left out whole (lenient), then blocks
    dates = PublishedDates()
    bar = _progress_bar(files) if progress else None
    # The bar is closed on an error too, so the error starts on a line of its own.
    with no_gc(), bar if bar is not None else nullcontext():
        for path, (display, given) in files.items():
            for articles, size in _file_chunks(
                path, display, given, lenient=lenient, skipped=skipped, parsed=parsed
            ):
                for art in articles:
                    key = art.key if art.key is not None else article_id(art.title, art.body)
                    art.key = key
                    row = rows.setdefault(int(key, 16), writer.n_rows + len(pending))
                    dates.add(row, art)
                    if row < writer.n_rows:
                        late.setdefault(row, []).append(art)
                    else:
                        merge_article(pending, art)
                    if len(pending) >= store.PART_ROWS:
                        writer.write(pending)
                        pending = {}
                if bar is not None:
                    bar.update(size)
            dates.end_file(display)  # notes name the file as the report does, never by a local path
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
        "columns": [*CORPUS_COLUMNS, *(["published"] if dates.dated else []), *writer.extras],
        "extras": list(writer.extras),
        "skipped": skipped,
        "parts": writer.parts,
        **dates.finish(folder, writer.parts),
    }


def _file_chunks(
    path: Path,
    display: str,
    given: str,
    *,
    lenient: bool,
    skipped: list[str],
    parsed: tuple[Path, dict[Path, str], str] | None,
) -> Iterator[tuple[list[Any], int]]:
    """One file's chunks: parsed now, or read back from its parsed copy (kept for the next build)."""
    if parsed is None:
        yield from parse_file(path, display, given, lenient=lenient, skipped=skipped)
        return
    root, digests, version = parsed
    key = file_key(
        digest=digests[path], display=display, given=given, lenient=lenient, parser=version
    )
    parse = functools.partial(_parse_with, path, display, given, lenient)
    yield from parsed_chunks(
        parse,
        folder=root / key,
        skipped=skipped,
        article=ParsedArticle,
        origin={"path": str(path), "lenient": lenient},
    )


def _parse_with(
    path: Path,
    display: str,
    given: str,
    lenient: bool,
    local: list[str],
    keep: Callable[[int, list[Any]], None],
) -> Iterator[tuple[list[Any], int]]:
    return parse_file(path, display, given, lenient=lenient, skipped=local, keep=keep)


def _progress_bar(files: dict[Path, tuple[str, str]]):
    from tqdm.auto import tqdm

    total = sum(p.stat().st_size for p in files)
    return tqdm(total=total, desc="Parsing", unit="B", unit_scale=True)


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
        write_table(self.folder / name, list(articles), list(articles.values()), self.extras)
        self.parts.append([name, len(articles)])
        self.n_rows += len(articles)

    def merge_late(self, late: dict[int, list[Any]]) -> None:
        """Merge later copies of articles into the parts that hold the first copy, and rewrite those parts."""
        import pyarrow.parquet as pq

        start = 0
        for name, n in self.parts:
            rows = [r for r in range(start, start + n) if r in late]
            if rows:
                path = self.folder / name
                table = pq.read_table(path)
                ids, articles = articles_of(table, list(self.extras))
                merged = dict(zip(ids, articles, strict=True))
                for row in rows:
                    for copy in late[row]:
                        merge_article(merged, copy)
                write_table(path, ids, [merged[i] for i in ids], self.extras)
            start += n


def articles_of(table: Any, extras: list[str]) -> tuple[list[str], list[Any]]:
    """A part read back as (ids, parser articles), extras decoded from JSON text."""
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    out = []
    for i in range(table.num_rows):
        fields = {
            name: json.loads(columns[name][i])
            for name in extras
            if name in columns and columns[name][i] is not None
        }
        out.append(
            ParsedArticle(
                columns["title"][i],
                columns["body"][i],
                columns["tags"][i],
                columns["tag_pages"][i],
                columns["source"][i],
                fields,
                columns["id"][i],
                signature=columns[store.SIGNATURE_COLUMN][i],
            )
        )
    return columns["id"], out


def write_table(path: Path, ids: list[str], articles: list[Any], extras: dict[str, None]) -> None:
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
        store.SIGNATURE_COLUMN: pa.array([a.signature for a in articles], pa.binary()),
    }
    for name in names:
        values = [store.json_text(a.extras[name]) if name in a.extras else None for a in articles]
        columns[name] = pa.array(values, text)
    pq.write_table(pa.table(columns), path, compression=store.PARQUET_COMPRESSION)


# ----------------------------------------------------------------------------------------------- public
def cache_corpus(
    *paths: str | os.PathLike[str],
    lenient: bool = False,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: bool = False,
) -> CorpusCache:
    """Parse files and folders into a Parquet cache (or find the cache from an earlier run).

    Args:
        *paths: files and/or folders, as for :func:`analysis.corpus.load_corpus`.
        lenient: skip blocks that do not parse; a :class:`analysis.corpus.SkippedBlocksWarning` lists them
            (also when the cache is found rather than built, as is the :class:`analysis.corpus.DatesWarning`
            on dates that could not be read or whose day/month order was decided).
        cache_dir: where caches live; default ``build/corpus-cache``.
        progress: show a progress bar over the input bytes while parsing.

    Returns:
        The :class:`CorpusCache`.

    Raises:
        CorpusError: as :func:`analysis.corpus.load_corpus` (a path does not exist, a file is malformed:
            the message names the file and line); nothing is cached then.
    """
    if not paths:
        raise CorpusError("cache_corpus() needs at least one file or folder (.txt, .jsonl or .csv)")
    unreadable: list[str] | None = [] if lenient else None
    files = collect_files(paths, skipped=unreadable)
    if not files:  # lenient, and every file was left out
        raise CorpusError(f"no file could be read: {'; '.join(unreadable or [])}")
    root = Path(cache_dir) if cache_dir is not None else CACHE_DIR
    digests = file_digests(files)
    folder = root / cache_key(files, lenient=lenient, digests=digests, left_out=unreadable or ())
    cache = open_cache(folder)
    if cache is None:
        tmp = root / f".{folder.name}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        try:
            meta = build_parts(
                files,
                tmp,
                lenient=lenient,
                progress=progress,
                parsed=(root / FILES_DIR, digests, parser_version()),
                skipped_files=unreadable or (),
            )
            (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
            shutil.rmtree(folder, ignore_errors=True)
            tmp.replace(folder)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        cache = open_cache(folder)
        assert cache is not None
    _prune_parsed_copies(root, files, digests, lenient=lenient)
    tidy_caches(root, in_use=folder)  # build/ stays bounded (analysis.housekeeping)
    announce(cache, stacklevel=2)
    return cache


def _prune_parsed_copies(
    root: Path, files: dict[Path, tuple[str, str]], digests: dict[Path, str], *, lenient: bool
) -> None:
    """After a build (or finding a cache): the parsed copies of removed files, and the earlier copies of
    this build's changed files, deleted."""
    version = parser_version()
    keep = {
        file_key(digest=digests[p], display=d, given=g, lenient=lenient, parser=version)
        for p, (d, g) in files.items()
    }
    paths = {str(p) for p in files}
    prune_parsed(root / FILES_DIR, keep=keep, paths=paths, lenient=lenient)


def load_cached_corpus(
    *paths: str | os.PathLike[str],
    lenient: bool = False,
    columns: Sequence[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """:func:`analysis.corpus.load_corpus` through the cache: parse once, then read Parquet.

    Args:
        *paths: files and/or folders.
        lenient: as for ``load_corpus``.
        columns: read only these columns (e.g. leave out ``body`` on a large archive).
        cache_dir: where caches live; default ``build/corpus-cache``.

    Returns:
        The corpus DataFrame (the same as ``load_corpus`` returns, or its ``columns``).
    """
    return cache_corpus(*paths, lenient=lenient, cache_dir=cache_dir).read(columns)
