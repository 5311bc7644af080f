"""Parsed input files kept one by one, so that rebuilding a corpus cache parses only new or changed files.

The corpus cache (:mod:`analysis.corpus.cache.store`) is keyed by all its inputs together: adding one day's file to
a year's archive makes a new cache. Its build reads each input file through :func:`parsed_chunks`, which
keeps what the parser made of that file (its articles, chunk by chunk for a large JSON Lines file, and the
blocks it skipped) in ``files/<key>/`` beside the caches, keyed by the file's bytes, its names, the parser's
code and the options. A file seen before is read back from there instead of being parsed. After a build,
:func:`prune_parsed` deletes the parsed copies of files that no longer exist (removed from a folder given)
and the earlier copies of files that changed, so the folder does not keep every version of every file. Merging articles seen in several files, and reading dates per file, still run over every
article, exactly as in a cold build, so the corpus is the same either way.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from analysis.corpus.cache.store import PARQUET_COMPRESSION, json_text
from analysis.housekeeping import prune_least_used, remove_stale_temporaries, touch

__all__ = [
    "FILES_DIR",
    "PARSED_FORMAT",
    "file_key",
    "keep_chunk",
    "parsed_chunks",
    "prune_parsed",
    "read_parsed_meta",
]

#: Sub-folder of the cache root holding the parsed files.
FILES_DIR = "files"
#: Bumped whenever the layout of a parsed file changes (2: story signatures kept).
PARSED_FORMAT = 2
_META = "meta.json"


def file_key(*, digest: str, display: str, given: str, lenient: bool, parser: str) -> str:
    """The name of a parsed file's folder: its bytes' digest, its names (they appear in ``source`` and in
    skip messages), the options and the parser's version."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{PARSED_FORMAT}\0{digest}\0{display}\0{given}\0{lenient}\0{parser}".encode())
    return h.hexdigest()


def parsed_chunks(
    parse: Callable[[list[str], Callable[[int, list[Any]], None]], Iterator[tuple[list[Any], int]]],
    *,
    folder: Path,
    skipped: list[str],
    article: Callable[..., Any],
    origin: dict[str, Any] | None = None,
) -> Iterator[tuple[list[Any], int]]:
    """``(articles, bytes)`` per chunk of one file: read back from ``folder``, or parsed and kept there.

    Args:
        parse: parses the file, appending skip messages to the list it is given (``_parse_file``), and
            calls the function it is given with each chunk's number and articles (:func:`keep_chunk`
            bound to a folder: picklable, so a worker process that parsed the chunk can write it).
        folder: this file's folder (``<root>/files/<file_key>``).
        skipped: the build's list of skip messages; this file's are added to it either way.
        article: the parser's article constructor.
        origin: the file's absolute ``path`` and the ``lenient`` option, kept with its parsed copy so
            that :func:`prune_parsed` can tell a copy nothing will use again.
    """
    found = read_parsed_meta(folder)
    if found is not None:
        skipped.extend(found["skipped"])
        for name, size in found["chunks"]:
            yield _read_chunk(folder / name, article), size
        return
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    local: list[str] = []
    chunks: list[list[Any]] = []
    try:
        for articles, size in parse(local, functools.partial(keep_chunk, tmp)):
            chunks.append([_chunk_name(len(chunks)), size])
            yield articles, size
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
    if not all((folder / name).is_file() for name, _ in meta.get("chunks", [])):
        return None
    return meta


def _chunk_name(number: int) -> str:
    return f"chunk-{number:05d}.parquet"


def keep_chunk(folder: Path, number: int, articles: list[Any]) -> None:
    """Write chunk ``number`` of a file's parsed copy into ``folder`` (the copy being made)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    text, strings = pa.string(), pa.list_(pa.string())
    table = pa.table(
        {
            "title": pa.array([a.title for a in articles], text),
            "body": pa.array([a.body for a in articles], text),
            "tags": pa.array([a.tags for a in articles], strings),
            "tag_pages": pa.array([a.tag_pages for a in articles], strings),
            "source": pa.array([a.source for a in articles], text),
            "extras": pa.array([json.dumps(a.extras, ensure_ascii=False) for a in articles], text),
            "key": pa.array([a.key for a in articles], text),
            "date": pa.array([json_text(a.date) for a in articles], text),
            "date_line": pa.array([a.date_line for a in articles], pa.int64()),
            "signature": pa.array([a.signature for a in articles], pa.binary()),
        }
    )
    pq.write_table(table, folder / _chunk_name(number), compression=PARQUET_COMPRESSION)


def _read_chunk(path: Path, article: Callable[..., Any]) -> list[Any]:
    import pyarrow.parquet as pq

    columns = pq.read_table(path).to_pydict()
    return [
        article(
            title,
            body,
            tags,
            pages,
            source,
            json.loads(extras),
            key,
            json.loads(date),
            line,
            signature=signature,
        )
        for title, body, tags, pages, source, extras, key, date, line, signature in zip(
            columns["title"],
            columns["body"],
            columns["tags"],
            columns["tag_pages"],
            columns["source"],
            columns["extras"],
            columns["key"],
            columns["date"],
            columns["date_line"],
            columns["signature"],
            strict=True,
        )
    ]
