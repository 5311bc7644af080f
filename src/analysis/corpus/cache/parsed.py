"""Parsed input files kept one by one, so that rebuilding a corpus cache parses only new or changed files.

The corpus cache (:mod:`analysis.corpus.cache.store`) is keyed by all its inputs together: adding one day's file to
a year's archive makes a new cache. Its build reads each input file through :func:`parsed_chunks`, which
keeps what the parser made of that file (its articles, chunk by chunk for a large JSON Lines file, and the
blocks it skipped) in ``files/<key>/`` beside the caches, keyed by the file's bytes, its names, the parser's
code and the options. A file seen before is read back from there instead of being parsed. After a build,
:func:`prune_parsed` deletes the parsed copies of files that no longer exist (removed from a folder given)
and the earlier copies of files that changed, so the folder does not keep every version of every file.

A chunk is kept in the layout of a corpus cache's part (:mod:`analysis.corpus.cache.parts`): when none of
its articles is in the corpus already (the usual case: a large file's chunk of distinct articles, new to
the build), the build makes it a part as it is, a hard link, with no article read back or written again.
Otherwise its articles are read back and merged (an article seen in several files), and dates are read per
file, exactly as in a cold build, so the corpus is the same either way.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from analysis.corpus.base import article_id
from analysis.corpus.cache.parts import DATE_COLUMNS, article_table, articles_of
from analysis.corpus.cache.store import PARQUET_COMPRESSION
from analysis.housekeeping import prune_least_used, remove_stale_temporaries, touch

__all__ = [
    "FILES_DIR",
    "PARSED_FORMAT",
    "Chunk",
    "file_key",
    "keep_chunk",
    "parsed_chunks",
    "prune_parsed",
    "read_parsed_meta",
]

#: Sub-folder of the cache root holding the parsed files.
FILES_DIR = "files"
#: Bumped whenever the layout of a parsed file changes (2: story signatures kept; 3: chunks in the layout
#: of the corpus cache's parts, so that one can become a part as it is).
PARSED_FORMAT = 3
_META = "meta.json"


def file_key(*, digest: str, display: str, given: str, lenient: bool, parser: str) -> str:
    """The name of a parsed file's folder: its bytes' digest, its names (they appear in ``source`` and in
    skip messages), the options and the parser's version."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{PARSED_FORMAT}\0{digest}\0{display}\0{given}\0{lenient}\0{parser}".encode())
    return h.hexdigest()


@dataclass
class Chunk:
    """One chunk of a file's articles, as parsed now or kept by an earlier build.

    Attributes:
        size: the input bytes it was parsed from (for the progress bar).
        rows: its articles (before merging).
        extras: the extra fields its articles carry, in the order they first appear.
        distinct: no two of its articles share a key.
        path: its file in the parsed copy (the layout of a corpus cache's part), None when not kept.
        articles: the articles when parsed here; None when kept (:meth:`read` reads them back), or when a
            worker process parsed and kept them: it sends back only what linking the kept file as a part
            needs (:meth:`summary`: ``keys`` and ``dated``), not every article's text.
    """

    size: int
    rows: int
    extras: list[str]
    distinct: bool
    path: Path | None = None
    articles: list[Any] | None = None
    keys: list[str] | None = None  # without the articles: their keys, and
    dated: tuple[list[int], list[Any], list[int]] | None = (
        None  # positions, dates and lines of the dated
    )

    @classmethod
    def parsed(cls, articles: list[Any], size: int, path: Path | None) -> Chunk:
        keys = [a.key for a in articles]
        return cls(
            size=size,
            rows=len(articles),
            extras=list(dict.fromkeys(name for a in articles for name in a.extras)),
            distinct=None not in keys and len(set(keys)) == len(keys),
            path=path,
            articles=articles,
        )

    @classmethod
    def summary(cls, articles: list[Any], path: Path) -> Chunk:
        """What a worker that parsed and kept ``articles`` at ``path`` sends back: all the build needs to
        make the kept file a part (keys, extras, dates), the articles themselves read back only if not."""
        dated = [i for i, a in enumerate(articles) if a.date_line is not None]
        return replace(
            cls.parsed(articles, 0, path),
            articles=None,
            keys=[a.key for a in articles],
            dated=(
                dated,
                [articles[i].date for i in dated],
                [articles[i].date_line for i in dated],
            ),
        )

    def read(self) -> list[Any]:
        """The parser's articles (read back from the kept file when not parsed now)."""
        if self.articles is not None:
            return self.articles
        import pyarrow.parquet as pq

        assert self.path is not None
        return articles_of(pq.read_table(self.path), self.extras)[1]

    def article_keys(self) -> list[str]:
        """Each article's key, in order."""
        if self.articles is not None:
            return [a.key for a in self.articles]
        if self.keys is not None:
            return self.keys
        import pyarrow.parquet as pq

        assert self.path is not None
        return pq.read_table(self.path, columns=["id"]).column("id").to_pylist()

    def add_dates(self, dates: Any, first_row: int) -> None:
        """Hand every article's date to ``dates`` (a :class:`~analysis.corpus.cache.published.PublishedDates`),
        the articles being rows ``first_row``, ``first_row + 1``, ... of the corpus."""
        if self.articles is not None:
            for row, art in enumerate(self.articles, start=first_row):
                dates.add(row, art)
            return
        if self.dated is not None:
            positions, written, lines = self.dated
        else:
            import pyarrow.parquet as pq

            assert self.path is not None
            table = pq.read_table(self.path, columns=list(DATE_COLUMNS))
            column, every_line = (table.column(name).to_pylist() for name in DATE_COLUMNS)
            positions = [i for i, line in enumerate(every_line) if line is not None]
            written = [json.loads(column[i]) for i in positions]
            lines = [every_line[i] for i in positions]
        dates.add_block([first_row + i for i in positions], written, lines, self.rows)


def parsed_chunks(
    parse: Callable[[list[str], Callable[[int, list[Any]], Any]], Iterator[tuple[Any, int]]],
    *,
    folder: Path,
    skipped: list[str],
    origin: dict[str, Any] | None = None,
) -> Iterator[Chunk]:
    """One file's chunks: read back from ``folder``, or parsed and kept there.

    Args:
        parse: parses the file, appending skip messages to the list it is given (``_parse_file``), and
            calls the function it is given with each chunk's number and articles (:func:`keep_chunk`
            bound to a folder: picklable, so a worker process that parsed the chunk can write it); yields
            each chunk's articles, or the :class:`Chunk` a worker that kept them sent back, with its size.
        folder: this file's folder (``<root>/files/<file_key>``).
        skipped: the build's list of skip messages; this file's are added to it either way.
        origin: the file's absolute ``path`` and the ``lenient`` option, kept with its parsed copy so
            that :func:`prune_parsed` can tell a copy nothing will use again.
    """
    found = read_parsed_meta(folder)
    if found is not None and all(len(entry) == 5 for entry in found["chunks"]):
        skipped.extend(found["skipped"])
        for name, size, rows, extras, distinct in found["chunks"]:
            yield Chunk(size, rows, extras, distinct, path=folder / name)
        return
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    local: list[str] = []
    chunks: list[list[Any]] = []
    try:
        for got, size in parse(local, functools.partial(keep_chunk, tmp)):
            name = _chunk_name(len(chunks))
            chunk = (
                replace(got, size=size)
                if isinstance(got, Chunk)  # parsed and kept on a worker
                else Chunk.parsed(got, size, tmp / name)
            )
            chunks.append([name, size, chunk.rows, chunk.extras, chunk.distinct])
            yield chunk
        skipped.extend(local)
        meta = {"format": PARSED_FORMAT, "skipped": local, "chunks": chunks, **(origin or {})}
        (tmp / _META).write_text(json.dumps(meta), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        tmp.replace(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def prune_parsed(root: Path, *, keep: set[str], paths: set[str], lenient: bool) -> list[Path]:
    """Delete the parsed copies a build has no use for: those of files that no longer exist (removed from
    a folder given), and the other copies of this build's own files (a changed file's earlier bytes) made
    with the same ``lenient``.

    Copies kept by an earlier version, which did not record their file, are left alone.

    Args:
        root: the folder of parsed files (``<cache root>/files``).
        keep: the folder names (file keys) the build used.
        paths: the build's input files (absolute paths).
        lenient: the build's option.

    Returns:
        The folders deleted.
    """
    removed = []
    if not root.is_dir():
        return removed
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(".") or folder.name in keep or not folder.is_dir():
            continue
        meta = read_parsed_meta(folder)
        path = None if meta is None else meta.get("path")
        if path is None:
            continue
        if Path(path).exists() and not (path in paths and meta.get("lenient") == lenient):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    # Bounded like the caches: temporaries of killed runs gone, copies in use marked, the rest LRU.
    remove_stale_temporaries(root)
    for name in keep:
        touch(root / name)
    return [*removed, *prune_least_used(root, keep=[root / name for name in keep])]


def read_parsed_meta(folder: Path) -> dict | None:
    """A parsed copy's ``meta.json``, or None when it is missing, damaged, of another format or lacks a
    chunk file (then the file is parsed again)."""
    try:
        meta = json.loads((folder / _META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != PARSED_FORMAT:
        return None
    if not all((folder / name).is_file() for name, *_ in meta.get("chunks", [])):
        return None
    return meta


def _chunk_name(number: int) -> str:
    return f"chunk-{number:05d}.parquet"


def keep_chunk(folder: Path, number: int, articles: list[Any]) -> Chunk:
    """Write chunk ``number`` of a file's parsed copy into ``folder`` (the copy being made), in the layout
    of a corpus cache's part (:func:`analysis.corpus.cache.parts.article_table`, dates included). Each
    article is given its key here (on the worker that parsed it) when it has none.

    Returns:
        The chunk's :meth:`Chunk.summary` (what a worker sends back instead of the articles).
    """
    import pyarrow.parquet as pq

    for art in articles:
        if art.key is None:
            art.key = article_id(art.title, art.body)
    path = folder / _chunk_name(number)
    table = article_table([a.key for a in articles], articles, {}, dates=True)
    pq.write_table(table, path, compression=PARQUET_COMPRESSION)
    return Chunk.summary(articles, path)
