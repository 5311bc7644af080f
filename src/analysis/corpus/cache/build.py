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

from analysis.corpus.base import CORPUS_COLUMNS, article_id
from analysis.corpus.cache import store
from analysis.corpus.cache.chunks import parse_file
from analysis.corpus.cache.parsed import FILES_DIR, Chunk, file_key, parsed_chunks, prune_parsed
from analysis.corpus.cache.parts import articles_of, link_or_copy, write_table
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
    "build_parts",
    "cache_corpus",
    "load_cached_corpus",
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
    by an earlier build is read back rather than parsed again (:mod:`analysis.corpus.cache.parsed`), and a
    kept chunk whose articles are all new becomes a part as it is.
    """
    writer = _PartWriter(folder)
    skipped: list[str] = list(skipped_files)  # files left out whole (lenient), then blocks
    dates = PublishedDates()
    bar = _progress_bar(files) if progress else None
    # The bar is closed on an error too, so the error starts on a line of its own.
    with no_gc(), bar if bar is not None else nullcontext():
        for path, (display, given) in files.items():
            for chunk in _file_chunks(
                path, display, given, lenient=lenient, skipped=skipped, parsed=parsed
            ):
                if not writer.link(chunk, dates):
                    for art in chunk.read():
                        writer.add(art, dates)
                if bar is not None:
                    bar.update(chunk.size)
            dates.end_file(display)  # notes name the file as the report does, never by a local path
    writer.flush()
    if writer.n_rows == 0:
        names = ", ".join(given for _, given in files.values())
        raise CorpusError(
            f"no articles found in {names}; expected tag pages (.txt), JSONL or CSV with a body"
        )
    writer.merge_late()
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
) -> Iterator[Chunk]:
    """One file's chunks: parsed now, or read back from its parsed copy (kept for the next build)."""
    if parsed is None:
        for articles, size in parse_file(path, display, given, lenient=lenient, skipped=skipped):
            yield Chunk.parsed(articles, size, None)
        return
    root, digests, version = parsed
    key = file_key(
        digest=digests[path], display=display, given=given, lenient=lenient, parser=version
    )
    parse = functools.partial(_parse_with, path, display, given, lenient)
    yield from parsed_chunks(
        parse, folder=root / key, skipped=skipped, origin={"path": str(path), "lenient": lenient}
    )


def _parse_with(
    path: Path,
    display: str,
    given: str,
    lenient: bool,
    local: list[str],
    keep: Callable[[int, list[Any]], Any],
) -> Iterator[tuple[Any, int]]:
    return parse_file(path, display, given, lenient=lenient, skipped=local, keep=keep)


def _progress_bar(files: dict[Path, tuple[str, str]]):
    from tqdm.auto import tqdm

    total = sum(p.stat().st_size for p in files)
    return tqdm(total=total, desc="Parsing", unit="B", unit_scale=True)


# ------------------------------------------------------------------------------------------------ writing
class _PartWriter:
    """Writes parts ``part-00000.parquet``, ... in row order, merging an article seen again; remembers the
    parts' rows and the extra fields seen.

    Articles are added one by one into the part being filled (merged there when seen again), or a kept
    chunk becomes a part whole (:meth:`link`). A later copy of an article already written is kept aside and
    merged into its part at the end (:meth:`merge_late`).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.parts: list[list[Any]] = []
        self.extras: dict[str, None] = {}
        self.n_rows = 0  # rows written
        self.pending: dict[
            str, Any
        ] = {}  # the part being filled, by key (merge_article merges them)
        self.rows: dict[int, int] = {}  # article key (as an int) -> its row in the corpus
        self.late: dict[int, list[Any]] = {}  # row already written -> later copies of that article

    def add(self, art: Any, dates: PublishedDates) -> None:
        """One parsed article, in corpus order."""
        key = art.key if art.key is not None else article_id(art.title, art.body)
        art.key = key
        row = self.rows.setdefault(int(key, 16), self.n_rows + len(self.pending))
        dates.add(row, art)
        if row < self.n_rows:
            self.late.setdefault(row, []).append(art)
        else:
            merge_article(self.pending, art)
        if len(self.pending) >= store.PART_ROWS:
            self.flush()

    def link(self, chunk: Chunk, dates: PublishedDates) -> bool:
        """Make a kept chunk a part as it is, when its articles are distinct and all new to the corpus and
        it holds at least a quarter part's rows (small files are gathered into parts as before). Returns
        False, having done nothing, otherwise."""
        if chunk.path is None or not chunk.distinct or chunk.rows < max(store.PART_ROWS // 4, 1):
            return False
        keys = [int(key, 16) for key in chunk.article_keys()]
        if any(key in self.rows for key in keys):
            return False
        self.flush()
        first = self.n_rows
        self.rows.update(zip(keys, range(first, first + len(keys)), strict=True))
        chunk.add_dates(dates, first)
        name = f"part-{len(self.parts):05d}.parquet"
        link_or_copy(chunk.path, self.folder / name)
        self.parts.append([name, chunk.rows])
        self.n_rows += chunk.rows
        self.extras.update(dict.fromkeys(chunk.extras))
        return True

    def flush(self) -> None:
        """Write the part being filled, if it holds any article."""
        if not self.pending:
            return
        name = f"part-{len(self.parts):05d}.parquet"
        articles = self.pending
        write_table(self.folder / name, list(articles), list(articles.values()), self.extras)
        self.parts.append([name, len(articles)])
        self.n_rows += len(articles)
        self.pending = {}

    def merge_late(self) -> None:
        """Merge later copies of articles into the parts that hold the first copy, and rewrite those parts."""
        import pyarrow.parquet as pq

        start = 0
        for name, n in self.parts:
            rows = [r for r in range(start, start + n) if r in self.late]
            if rows:
                path = self.folder / name
                table = pq.read_table(path)
                ids, articles = articles_of(table, list(self.extras))
                merged = dict(zip(ids, articles, strict=True))
                for row in rows:
                    for copy in self.late[row]:
                        merge_article(merged, copy)
                write_table(path, ids, [merged[i] for i in ids], self.extras)
            start += n


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
