"""Build the corpus cache with Dask tasks: one task per file or per ~32 MB block of JSON Lines.

Each task parses its block with the corpus parser, merges repeated articles within the block, writes one
Parquet part and returns the part's ids, with its articles' publication dates as written (not read: the
day/month order is decided per file, and a file may span several blocks). The client then merges articles
that appear in several blocks (rare: the same story on several tag pages or exports), exactly as
``load_corpus`` merges them, reads each file's dates as a whole (:mod:`analysis.corpus.cache.published`) and writes
``meta.json``. A block's line numbers start after the lines of the blocks before it in the same file
(counted here as the file is read once, each block's task submitted as soon as its first line is known:
parsing starts at once), so errors and ``source`` name the real line.

Each block's part and result are also kept in ``files-dask/<key>/`` beside the caches, keyed by its file's
bytes (a URL's size and ETag), its names, its byte range and first line, the options and the parser's
version: a rebuild after adding a file parses only the new blocks and copies the others' parts. Copies of
removed files, and the earlier copies of changed ones, are pruned after the build
(:func:`analysis.corpus.cache.parsed.prune_parsed`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import numpy as np

from analysis.corpus import CORPUS_COLUMNS, article_id
from analysis.corpus.cache import store
from analysis.corpus.cache.chunks import (
    HEAD_BYTES,
    chunkable_head,
    parse_chunk,
    parse_whole,
    sign_articles,
)
from analysis.corpus.cache.parsed import PARSED_FORMAT, prune_parsed, read_parsed_meta
from analysis.corpus.cache.parts import articles_of, link_or_copy, write_table
from analysis.corpus.cache.published import PublishedDates
from analysis.corpus.cache.store import (
    CACHE_FORMAT,
    CorpusCache,
    announce,
    cache_key,
    file_digests,
    open_cache,
    parser_version,
)
from analysis.corpus.files import JSONL_SUFFIXES
from analysis.corpus.load import merge_article, no_gc
from analysis.dask.client import gather, restart_session_workers
from analysis.errors import CorpusError
from analysis.housekeeping import tidy_caches
from analysis.parallel import return_memory

__all__ = ["build_cache_dask"]


def _is_url(name: str) -> bool:
    return "://" in name


def _size(name: str) -> int:
    if _is_url(name):
        import fsspec

        fs, path = fsspec.core.url_to_fs(name)
        return int(fs.info(path)["size"])
    return Path(name).stat().st_size


def _read(name: str, start: int = 0, end: int | None = None) -> bytes:
    if _is_url(name):
        import fsspec

        with fsspec.open(name, "rb") as fh:
            fh.seek(start)
            return fh.read() if end is None else fh.read(end - start)
    with Path(name).open("rb") as fh:
        fh.seek(start)
        return fh.read() if end is None else fh.read(end - start)


#: Sub-folder of the cache root holding each block's part and result, for the next build.
BLOCKS_DIR = "files-dask"


def _digests(files: Sequence[tuple[str, str, str]]) -> dict[str, str]:
    """What identifies each file's content: its bytes' SHA-256, or a URL's size and ETag (or mtime)."""
    local = {Path(name): (display, given) for name, display, given in files if not _is_url(name)}
    out = {path.as_posix(): digest for path, digest in file_digests(local).items()}
    for url in (name for name, _, _ in files if _is_url(name)):
        import fsspec

        fs, path = fsspec.core.url_to_fs(url)
        info = fs.info(path)
        out[url] = f"{info.get('size')}\0{info.get('ETag') or info.get('mtime') or ''}"
    return out


def _key(files: Sequence[tuple[str, str, str]], *, lenient: bool, digests: dict[str, str]) -> str:
    local = {Path(name): (display, given) for name, display, given in files if not _is_url(name)}
    known = {path: digests[path.as_posix()] for path in local}
    h = hashlib.blake2b(cache_key(local, lenient=lenient, digests=known).encode(), digest_size=16)
    for url in (name for name, _, _ in files if _is_url(name)):
        h.update(f"{url}\0{digests[url]}\n".encode())
    return h.hexdigest()


def _block_key(block: tuple, offset: int, *, digest: str, lenient: bool, parser: str) -> str:
    name, display, given, start, end = block
    h = hashlib.blake2b(digest_size=16)
    h.update(
        f"dask-block\0{PARSED_FORMAT}\0{digest}\0{name}\0{display}\0{given}\0{start}\0{end}\0"
        f"{offset}\0{lenient}\0{parser}".encode()
    )
    return h.hexdigest()


def _blocks(files: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str, int, int | None]]:
    """(file, source name, name as given, start, end): ~CHUNK_BYTES of a large UTF-8 JSONL file, else the file."""
    out: list[tuple[str, str, str, int, int | None]] = []
    for name, display, given in files:
        size = _size(name)
        suffix = PurePosixPath(name).suffix.lower()
        chunkable = chunkable_head(_read(name, 0, min(size, HEAD_BYTES)))
        if suffix in JSONL_SUFFIXES and size > store.CHUNK_BYTES and chunkable:
            bounds = [*range(0, size, store.CHUNK_BYTES), size]
            out.extend((name, display, given, lo, hi) for lo, hi in itertools.pairwise(bounds))
        else:
            out.append((name, display, given, 0, None))
    return out


def _whole_lines(name: str, start: int, end: int | None) -> bytes:
    """The lines that start in [start, end): from the first line start at or after ``start`` to the first
    line end at or after ``end`` (so consecutive blocks cover every line exactly once)."""
    data = _read(name, start, end)
    if start and _read(name, start - 1, start) != b"\n":
        cut = data.find(b"\n")
        if cut < 0:
            return b""  # the block is inside one line that started before it
        data = data[cut + 1 :]
    if end is not None and data and not data.endswith(b"\n"):
        with _open_any(name) as fh:
            fh.seek(end)
            while True:
                piece = fh.read(1 << 16)
                if not piece:
                    break
                cut = piece.find(b"\n")
                if cut >= 0:
                    data += piece[: cut + 1]
                    break
                data += piece
    return data


def _read_file(name: str, given: str) -> bytes:
    try:
        return _read(name)
    except OSError as exc:
        raise CorpusError(
            f"{given}: cannot be read ({exc}); check the path and permissions"
        ) from None


def _open_any(name: str):
    if _is_url(name):
        import fsspec

        return fsspec.open(name, "rb").open()
    return Path(name).open("rb")


def _first_lines(blocks: Sequence[tuple[str, str, str, int, int | None]]) -> Iterator[int]:
    """Each block's line offset (the lines of its file's blocks before it, as :func:`_whole_lines` cuts
    them), yielded as soon as it is known: the file is read once, in order, a block ahead at most.

    The lines before a block are the line ends before its first whole line: those before its start, and
    the end of a line running across its start (the block before it read that line to its end).
    """
    # the current file, its line ends so far, its byte before the block
    name, ends, last = None, 0, b"\n"
    reader = None
    buffer = bytearray(store.CHUNK_BYTES)
    try:
        for block_name, _, _, start, end in blocks:
            if block_name != name or end is None or start == 0:
                if reader is not None:
                    reader.close()
                name, ends, last, reader = block_name, 0, b"\n", None
                if end is None:
                    yield 0
                    continue
                reader = _open_any(name)
            view = memoryview(buffer)[: end - start]
            got = reader.readinto(view)  # the block whole (fewer bytes only at the end of the file)
            across = last != b"\n" and (
                buffer.find(b"\n", 0, got) >= 0 or _line_end_after(name, end)
            )
            yield ends + int(across)
            ends += buffer.count(b"\n", 0, got)
            last = bytes(view[got - 1 : got]) if got else last
    finally:
        if reader is not None:
            reader.close()


def _line_end_after(name: str, position: int) -> bool:
    """True when the file has a line end at or after ``position`` (a line longer than a block: rare)."""
    with _open_any(name) as fh:
        fh.seek(position)
        while piece := fh.read(1 << 20):
            if b"\n" in piece:
                return True
    return False


def _parse_block(
    block: tuple[str, str, str, int, int | None],
    offset: int,
    number: int,
    kept: str | None = None,
    *,
    folder: str,
    lenient: bool,
) -> dict[str, Any]:
    """One block as ``part-NNNNN.parquet``: copied from ``kept`` (its folder from an earlier build) when
    there, else parsed (and kept there for the next build); see :func:`_parse_new_block`."""
    part = f"part-{number:05d}.parquet"
    meta = read_parsed_meta(Path(kept)) if kept is not None else None
    if meta is not None and "result" in meta:
        result = meta["result"]
        if result["part"] is not None:
            link_or_copy(Path(kept) / "part.parquet", Path(folder) / part)
        return {**result, "part": part if result["part"] is not None else None}
    result = _parse_new_block(block, offset, number, folder=folder, lenient=lenient)
    if kept is not None and not result.get("error"):
        _keep(Path(kept), Path(folder), result, block[0], lenient)
    return result


def _keep(kept: Path, folder: Path, result: dict[str, Any], name: str, lenient: bool) -> None:
    """Keep a parsed block's part and result for the next build (written aside, then renamed)."""
    tmp = kept.with_name(f".{kept.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        chunks = []
        if result["part"] is not None:
            link_or_copy(folder / result["part"], tmp / "part.parquet")
            chunks = [["part.parquet", 0]]
        meta = {
            "format": PARSED_FORMAT,
            "skipped": [],
            "chunks": chunks,
            "path": name,
            "lenient": lenient,
            "result": result,
        }
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        shutil.rmtree(kept, ignore_errors=True)
        tmp.replace(kept)
    except OSError:
        pass  # a block not kept is parsed again next time
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# The cyclic garbage collector paused while the block's many small objects are made (no cycles are made): a
# worker holds Dask's own state as well, which each collection would walk again and again.
@no_gc()
def _parse_new_block(
    block: tuple[str, str, str, int, int | None],
    offset: int,
    number: int,
    *,
    folder: str,
    lenient: bool,
) -> dict[str, Any]:
    """Parse one block into ``part-NNNNN.parquet``; returns its ids, extras, skipped blocks or the error.

    Also the block's file, its number of parsed articles and, for those with a date field, in order: the
    position of their (merged) article among the ids, the date as written and its line.
    """
    name, display, given, start, end = block
    empty = {"part": None, "ids": [], "extras": [], "skipped": [], "error": None}
    empty |= {
        "file": name,
        "given": given,
        "display": display,
        "n_parsed": 0,
        "dates": ([], [], []),
    }
    path = PurePosixPath(name) if _is_url(name) else Path(name)
    skipped: list[str] = []
    try:
        if end is None:
            articles = parse_whole(
                path, display, given, _read_file(name, given), lenient=lenient, skipped=skipped
            )
        else:
            data = _whole_lines(name, start, end)
            if not data.strip():
                return empty
            articles, _ = parse_chunk(
                path, display, given, data, offset, lenient=lenient, skipped=skipped
            )
    except CorpusError as exc:
        return {"error": str(exc)}
    sign_articles(articles)  # story signatures, here on the worker (kept in the part)
    merged: dict[str, Any] = {}
    for art in articles:
        art.key = art.key if art.key is not None else article_id(art.title, art.body)
        merge_article(merged, art)
    part = f"part-{number:05d}.parquet"
    extras: dict[str, None] = {}
    if merged:
        tmp = Path(folder) / f".{part}.{os.getpid()}.tmp"
        write_table(tmp, list(merged), list(merged.values()), extras)
        tmp.replace(
            Path(folder) / part
        )  # a retried task (worker lost) rewrites the same part whole
    dated = [art for art in articles if art.date_line is not None]
    position = {key: i for i, key in enumerate(merged)} if dated else {}
    return {
        **empty,
        "part": part,
        "ids": list(merged),
        "extras": list(extras),
        "skipped": skipped,
        "n_parsed": len(articles),
        "dates": (
            [position[art.key] for art in dated],
            [art.date for art in dated],
            [art.date_line for art in dated],
        ),
    }


def build_cache_dask(
    files: Sequence[tuple[str, str, str]],
    root: Path,
    *,
    lenient: bool,
    client,
    progress: bool = False,
) -> CorpusCache:
    """Parse ``files`` on the cluster into a cache folder under ``root`` (or find the cache)."""
    digests = _digests(files)
    folder = root / _key(files, lenient=lenient, digests=digests)
    cache = open_cache(folder)
    if cache is None:
        tmp = root / f".{folder.name}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        try:
            blocks = _blocks(files)
            version = parser_version()
            keys, futures = [], []
            for number, (block, offset) in enumerate(
                zip(blocks, _first_lines(blocks), strict=True)
            ):
                keys.append(
                    _block_key(
                        block, offset, digest=digests[block[0]], lenient=lenient, parser=version
                    )
                )
                futures.append(
                    client.submit(
                        _parse_block,
                        block,
                        offset,
                        number,
                        str(root / BLOCKS_DIR / keys[-1]),
                        folder=str(tmp),
                        lenient=lenient,
                        pure=False,
                    )
                )
            results = gather(futures, "parsing the corpus", progress=progress)
            del futures
            # the workers stay up through the report: they give back what parsing used (about 0.5 GB
            # each at 1,000,000 articles), as the pandas engine's parse workers exit; a cluster started
            # for this run has them restarted instead (what parsing imported and left goes too)
            if not restart_session_workers(client):
                client.run(return_memory)
            meta = _finish(results, tmp, files)
            (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
            shutil.rmtree(folder, ignore_errors=True)
            tmp.replace(folder)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        paths = {name for name, _, _ in files}
        prune_parsed(root / BLOCKS_DIR, keep=set(keys), paths=paths, lenient=lenient)
        cache = open_cache(folder)
        assert cache is not None
    else:  # found: only the copies of files that no longer exist can be told apart without the blocks
        prune_parsed(root / BLOCKS_DIR, keep=set(), paths=set(), lenient=lenient)
    tidy_caches(root, in_use=folder)  # build/ stays bounded (analysis.housekeeping)
    announce(cache, stacklevel=3)
    return cache


def _finish(
    results: list[dict[str, Any]], folder: Path, files: Sequence[tuple[str, str, str]]
) -> dict[str, Any]:
    """Raise the first error (in file order), merge articles seen in several parts, and describe the parts."""
    for result in results:
        if result["error"]:
            raise CorpusError(result["error"])
    skipped = [s for r in results for s in r["skipped"]]
    results = [r for r in results if r["ids"]]
    if not results:
        raise CorpusError(
            f"no articles found in {', '.join(g for _, _, g in files)}; expected tag pages (.txt), JSONL or CSV with a body"
        )
    before = [r["ids"] for r in results]
    rewritten = _merge_across_parts(results, folder)
    dates = _read_dates(results, before, rewritten)
    results = [r for r in results if r["ids"]]
    extras: dict[str, None] = {}
    for r in results:
        extras.update(dict.fromkeys(r["extras"]))
    parts = [[r["part"], len(r["ids"])] for r in results]
    return {
        "format": CACHE_FORMAT,
        "n_articles": sum(len(r["ids"]) for r in results),
        "columns": [*CORPUS_COLUMNS, *(["published"] if dates.dated else []), *extras],
        "extras": list(extras),
        "skipped": skipped,
        "parts": parts,
        **dates.finish(folder, parts),
    }


def _read_dates(
    results: list[dict[str, Any]], before: list[list[str]], rewritten: set[int]
) -> PublishedDates:
    """Each file's dates read as a whole (its blocks are consecutive), by the rows of the merged corpus.

    ``before``: each block's ids as its task returned them (the dates' positions refer to these);
    ``rewritten``: the blocks whose ids changed when articles seen in several blocks were merged.
    """
    dates = PublishedDates()
    starts = np.cumsum([0, *(len(r["ids"]) for r in results)])
    row_of = {key: int(starts[i]) + p for i in rewritten for p, key in enumerate(results[i]["ids"])}
    current: tuple[str, str] | None = None
    for i, result in enumerate(results):
        if current is not None and result["file"] != current[0]:
            dates.end_file(current[1])
        current = (result["file"], result["display"])  # notes name the file as the report does
        positions, raw, lines = result.pop("dates")
        if i in rewritten:
            rows = np.array([row_of[before[i][p]] for p in positions], dtype=np.int64)
        else:
            rows = starts[i] + np.asarray(positions, dtype=np.int64)
        dates.add_block(rows, raw, lines, result["n_parsed"])
    if current is not None:
        dates.end_file(current[1])
    return dates


def _merge_across_parts(results: list[dict[str, Any]], folder: Path) -> set[int]:
    """Merge later copies of an article into its first part, drop them from theirs, rewrite those parts.

    Returns the positions (in ``results``) of the parts rewritten.
    """
    import pyarrow.parquet as pq

    first: dict[str, int] = {}
    later: dict[int, list[str]] = {}
    for i, r in enumerate(results):
        for key in r["ids"]:
            if first.setdefault(key, i) != i:
                later.setdefault(i, []).append(key)
    if not later:
        return set()
    extras = list(dict.fromkeys(e for r in results for e in r["extras"]))
    loaded: dict[int, dict[str, Any]] = {}
    for i in sorted({first[k] for keys in later.values() for k in keys} | set(later)):
        ids, articles = articles_of(pq.read_table(folder / results[i]["part"]), extras)
        for art, key in zip(articles, ids, strict=True):
            art.key = key
        loaded[i] = dict(zip(ids, articles, strict=True))
    for i in sorted(later):
        for key in later[i]:
            merge_article(loaded[first[key]], loaded[i].pop(key))
    for i, articles in loaded.items():
        found: dict[str, None] = {}
        write_table(folder / results[i]["part"], list(articles), list(articles.values()), found)
        results[i]["ids"] = list(articles)
        results[i]["extras"] = list(dict.fromkeys([*results[i]["extras"], *found]))
    return set(loaded)
