"""The parse cache on disk: Parquet parts and their metadata, read back as the corpus ``load_corpus`` gives.

:func:`analysis.corpus.cache.cache_corpus` (:mod:`analysis.corpus.cache.build`) parses tag pages and
exports exactly as :func:`analysis.corpus.load_corpus` does, but in bounded memory: large JSON Lines files are parsed in chunks of lines, each chunk of articles is written
as one Parquet part (pyarrow) and dropped, and only the ids seen so far stay in memory (to merge the same
article seen twice). The folder is named after a BLAKE2b hash of the input files' bytes, the parser's own
source and the options, so a second run on unchanged inputs (the report notebook after the CLI, or the
next report) reads the Parquet instead of parsing again, and any change to an input makes a new cache.
Publication dates (``published``) are read per file as ``load_corpus`` reads them and kept in a sidecar
file, ``published.parquet`` (one timestamp per row, one row group per part), joined in when read.

    from analysis.corpus.cache import cache_corpus
    cache = cache_corpus("archive/")            # parses once; later calls find the cache
    corpus = cache.read()                       # the same DataFrame load_corpus("archive/") returns
    for batch in cache.iter_batches(["title", "body"]):   # or a few columns, a batch at a time
        ...
"""

from __future__ import annotations

import functools
import hashlib
import json
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from analysis.config import BUILD_DIR
from analysis.corpus.base import DatesWarning, warn_skipped
from analysis.digests import file_sha256
from analysis.errors import CorpusError

__all__ = [
    "CACHE_DIR",
    "CACHE_FORMAT",
    "CHUNK_BYTES",
    "LIST_COLUMNS",
    "NAT",
    "PART_ROWS",
    "PUBLISHED_FILE",
    "CorpusCache",
    "announce",
    "cache_key",
    "file_digests",
    "json_text",
    "open_cache",
    "parser_version",
    "read_part_frame",
]

#: Where caches live (one folder per input set).
CACHE_DIR = BUILD_DIR / "corpus-cache"
#: Bumped whenever the cache layout changes (3: story signatures stored).
CACHE_FORMAT = 3
#: The parts' column of story signatures (:func:`analysis.corpus.minhash.signature_cells`; null where an
#: article was not signed while parsing). Not a corpus column: read by
#: :func:`analysis.compare.stories.part_signatures`.
SIGNATURE_COLUMN = "story_signature"
#: JSON Lines files larger than this are parsed this many bytes at a time (whole lines).
CHUNK_BYTES = 32 << 20
#: Articles per Parquet part.
PART_ROWS = 20_000
#: The publication dates of a dated corpus, row-aligned with the parts (one row group per part).
PUBLISHED_FILE = "published.parquet"
#: A missing date (``NaT``) as int64 nanoseconds.
NAT = np.iinfo(np.int64).min
LIST_COLUMNS = ("tags", "tag_pages")
#: Compression of the cache's Parquet files: LZ4 writes a part in about 60% of zstd's time (measured on
#: 17,500 news articles: 0.52 s against 0.81 s) and reads faster, for files about a third larger.
PARQUET_COMPRESSION = "lz4"

T = TypeVar("T")


def json_text(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``; a string (most dates and extra fields) at C speed."""
    return encode_basestring(value) if type(value) is str else json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class CorpusCache:
    """A parsed corpus on disk: Parquet parts in one folder, with ``meta.json`` written last.

    Attributes:
        path: the cache folder.
        n_articles: number of articles (rows).
        columns: the corpus columns, in the order :func:`analysis.corpus.load_corpus` gives them.
        extras: the extra JSONL/CSV fields among them (stored as JSON text, decoded when read).
        skipped: ``file:line: reason`` of every block skipped in lenient mode.
        parts: the Parquet files, in row order, with their number of rows.
        date_notes: on a dated corpus, the sentences ``load_corpus`` puts in ``attrs["date_notes"]``.
        dates_warning: the :class:`analysis.corpus.DatesWarning` text ("" when there is none).
    """

    path: Path
    n_articles: int
    columns: tuple[str, ...]
    extras: tuple[str, ...]
    skipped: tuple[str, ...]
    parts: tuple[tuple[str, int], ...]
    date_notes: tuple[str, ...] = ()
    dates_warning: str = ""

    def part_paths(self) -> list[Path]:
        """The Parquet files in row order."""
        return [self.path / name for name, _ in self.parts]

    def read(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """The corpus (or some of its columns) as one pandas DataFrame with a RangeIndex.

        Args:
            columns: the columns to read; default all of them.

        Returns:
            The DataFrame; ``tags`` and ``tag_pages`` hold Python lists as from ``load_corpus``, text
            columns are Arrow-backed strings (one buffer per column, not one Python object per value),
            ``published`` is ``datetime64[ns, UTC]`` and brings ``attrs["date_notes"]`` with it.
        """
        import pyarrow as pa

        wanted = self._check(columns)
        stored = [name for name in wanted if name != "published"]
        pieces: dict[str, list] = {name: [] for name in stored}
        for path in self.part_paths():
            for name, values in _read_columns(path, stored, self.extras).items():
                if isinstance(values, list):
                    pieces[name].extend(values)
                else:
                    pieces[name].extend(values.chunks)
        data: dict[str, Any] = {}
        for name in wanted:
            values = pieces.get(name)
            if name == "published":
                data[name] = _read_published(self.path, 0, self.n_articles)
            elif name in LIST_COLUMNS or name in self.extras:
                data[name] = values
            else:
                data[name] = pa.chunked_array(values, pa.string()).to_pandas()
        frame = pd.DataFrame(data)
        if "published" in wanted:
            frame.attrs["date_notes"] = list(self.date_notes)
        if "outlet" in wanted:
            frame = self._merge_outlets(frame)
        return frame

    def _merge_outlets(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with one name per outlet, as ``load_corpus`` gives it (the sites are read if needed)."""
        from analysis.corpus.load import with_merged_outlets
        from analysis.corpus.outlets import DOMAIN_FIELDS

        sites = [c for c in (*DOMAIN_FIELDS, "url") if c in self.columns and c not in frame.columns]
        if not sites:
            return with_merged_outlets(frame)
        merged = with_merged_outlets(pd.concat([frame[["outlet"]], self.read(sites)], axis=1))
        out = frame.assign(outlet=merged["outlet"])
        out.attrs = {**frame.attrs, "outlet_merges": merged.attrs["outlet_merges"]}
        return out

    def take(self, rows: Sequence[int], columns: Sequence[str] | None = None) -> pd.DataFrame:
        """The rows at sorted positions ``rows`` (e.g. a sample), read a part at a time; index = positions."""
        positions = np.asarray(rows, dtype=np.int64)
        wanted = self._check(columns)
        picked = []
        start = 0
        for path, (_, n_rows) in zip(self.part_paths(), self.parts, strict=True):
            lo, hi = np.searchsorted(positions, [start, start + n_rows])
            if hi > lo:  # only the parts holding some of the rows are read
                batch = read_part_frame(path, wanted, self.extras, start)
                picked.append(batch.loc[positions[lo:hi]])
            start += n_rows
        return pd.concat(picked) if picked else pd.DataFrame(columns=wanted)

    def _check(self, columns: Sequence[str] | None) -> list[str]:
        wanted = list(self.columns if columns is None else columns)
        unknown = [c for c in wanted if c not in self.columns]
        if unknown:
            raise CorpusError(
                f"the cached corpus has no column {unknown[0]!r} (columns: {list(self.columns)})"
            )
        return wanted

    def iter_batches(self, columns: Sequence[str] | None = None) -> Iterator[pd.DataFrame]:
        """The corpus one Parquet part at a time; each batch's index is its rows' positions in the corpus."""
        wanted = self._check(columns)
        start = 0
        for path, (_, rows) in zip(self.part_paths(), self.parts, strict=True):
            yield read_part_frame(path, wanted, self.extras, start)
            start += rows

    def map_parts(
        self,
        fn: Callable[..., T],
        columns: Sequence[str] | None = None,
        *,
        workers: int | None = None,
        shared: Mapping[str, Any] | None = None,
    ) -> Iterator[T]:
        """``fn(batch, **shared)`` of each batch :meth:`iter_batches` gives, in order, computed on worker processes
        that each read their own part (:func:`analysis.parallel.map_in_order`: the same results on any
        number of workers).

        Args:
            fn: a picklable function of a batch (module level, or a :func:`functools.partial` of one).
            columns: the columns read; default all.
            workers: processes; default one per core (``ANALYSIS_WORKERS`` sets it).
            shared: keyword arguments of every call (e.g. a fitted model), sent to each worker process
                once, not with every part.

        Yields:
            Each part's result, in corpus order.
        """
        from analysis.parallel import map_in_order

        wanted = self._check(columns)
        read = functools.partial(apply_to_part, fn, wanted, tuple(self.extras))
        yield from map_in_order(read, self.part_tasks(), workers=workers, shared=shared)

    def part_tasks(self) -> list[tuple[str, int]]:
        """``(path, first row)`` of each part, in row order: what a worker needs to read one part."""
        starts = np.concatenate(([0], np.cumsum([rows for _, rows in self.parts])))[:-1]
        return [(str(p), int(s)) for p, s in zip(self.part_paths(), starts, strict=True)]


def apply_to_part(
    fn: Callable[..., T],
    wanted: list[str],
    extras: Sequence[str],
    task: tuple[str, int],
    **shared: Any,
) -> T:
    """``fn`` of one part (``task``: its path and first row), read as :meth:`CorpusCache.iter_batches` does,
    with the keyword arguments ``shared``."""
    path, start = task
    return fn(read_part_frame(path, wanted, extras, start), **shared)


def read_part_frame(
    path: str | Path, wanted: list[str], extras: Sequence[str], start: int
) -> pd.DataFrame:
    """One part as a pandas DataFrame whose index is the rows' positions in the corpus."""
    path = Path(path)
    data = _read_columns(path, [c for c in wanted if c != "published"], extras)
    columns = {k: v if isinstance(v, list) else v.to_pandas() for k, v in data.items()}
    n_rows = len(next(iter(data.values()))) if data else _part_rows(path)
    if "published" in wanted:
        columns["published"] = _read_published(path.parent, start, start + n_rows)
    frame = pd.DataFrame({name: columns[name] for name in wanted})
    frame.index = pd.RangeIndex(start, start + n_rows)
    return frame


def _part_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def _read_published(folder: Path, start: int, stop: int) -> pd.Series:
    """Rows ``[start, stop)`` of the cache's publication dates, as ``datetime64[ns, UTC]``.

    Only the row groups that hold those rows are read (one per part), so reading a part stays small.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    if stop <= start:
        return pd.Series([], dtype="datetime64[ns, UTC]", name="published")
    file = pq.ParquetFile(folder / PUBLISHED_FILE)
    groups, first, at = [], 0, 0
    for group in range(file.metadata.num_row_groups):
        rows = file.metadata.row_group(group).num_rows
        if at < stop and at + rows > start:
            first = at if not groups else first
            groups.append(group)
        at += rows
    if stop > at:
        raise CorpusError(
            f"{folder / PUBLISHED_FILE}: holds {at} dates, the corpus has more rows; delete the folder "
            f"{folder} to rebuild the cache"
        )
    table = file.read_row_groups(groups, columns=["published"]).slice(start - first, stop - start)
    stamps = pc.fill_null(table.column("published").cast(pa.int64()), NAT).to_numpy()
    return pd.Series(stamps.view("M8[ns]"), name="published").dt.tz_localize("UTC")


def _read_columns(path: Path, wanted: list[str], extras: Sequence[str]) -> dict[str, Any]:
    """Columns of one part: Python lists for list and extra columns, Arrow arrays for text columns."""
    import pyarrow.parquet as pq

    present = set(pq.read_schema(path).names)
    table = pq.read_table(path, columns=[c for c in wanted if c in present])
    data: dict[str, Any] = {}
    for name in wanted:
        if name not in present:
            data[name] = [None] * table.num_rows
        elif name in LIST_COLUMNS:
            data[name] = table.column(name).to_pylist()
        elif name in extras:
            data[name] = _json_cells(table.column(name))
        else:
            data[name] = table.column(name)
    return data


def _json_cells(column: Any) -> list[Any]:
    """The values of a column of JSON texts (:func:`json_text`; null: None). A plain string's text
    (``"..."`` with no other quote and no escape) is its inner characters, cut out in Arrow; the others are
    decoded one by one (a million extra-field cells in a fraction of a second, not 2-3 s)."""
    import pyarrow.compute as pc

    quoted = pc.and_(pc.starts_with(column, '"'), pc.ends_with(column, '"'))
    plain = pc.and_(
        pc.and_(quoted, pc.equal(pc.count_substring(column, '"'), 2)),
        pc.invert(pc.match_substring(column, "\\")),
    )
    inner = pc.utf8_slice_codeunits(column, 1, -1).to_pylist()
    return [
        cut if is_plain else (None if text is None else json.loads(text))
        for cut, is_plain, text in zip(inner, plain.to_pylist(), column.to_pylist(), strict=True)
    ]


# ------------------------------------------------------------------------------------------------- key
def parser_version() -> str:
    """BLAKE2b of the loader's modules (the story signatures kept with parsed articles among them,
    :mod:`analysis.corpus.minhash`): any change to the parser makes new caches."""
    h = hashlib.blake2b(digest_size=16)
    for source in sorted(Path(__file__).resolve().parents[1].glob("*.py")):  # the loader's modules
        h.update(source.read_bytes())
    return h.hexdigest()


def file_digests(files: dict[Path, tuple[str, str]]) -> dict[Path, str]:
    """SHA-256 of each input file's bytes (:func:`analysis.digests.file_sha256`: the digest the report's
    provenance prints, computed once per process), for the cache's key and each file's parsed copy."""
    return {path: file_sha256(path) for path in files}


def cache_key(
    files: dict[Path, tuple[str, str]],
    *,
    lenient: bool,
    digests: dict[Path, str] | None = None,
    left_out: Sequence[str] = (),
) -> str:
    """BLAKE2b of the input files (absolute path, source name and bytes), the parser's code, the options and
    the format. The name a path was given by is left out, so ``seeds`` and ``/abs/seeds`` find one cache."""
    digests = digests if digests is not None else file_digests(files)
    h = hashlib.blake2b(digest_size=16)
    h.update(f"format={CACHE_FORMAT};lenient={lenient}\n{parser_version()}\n".encode())
    for path, (display, _) in files.items():
        h.update(f"{path.as_posix()}\0{display}\0{digests[path]}\n".encode())
    for message in left_out:  # files left out whole in lenient mode: their report says so
        h.update(f"left out\0{message}\n".encode())
    return h.hexdigest()


def announce(cache: CorpusCache, *, stacklevel: int = 2) -> None:
    """The warnings ``load_corpus`` gives on these inputs (skipped blocks, then dates), built or found."""
    warn_skipped(list(cache.skipped), stacklevel=stacklevel + 1)
    if cache.dates_warning:
        warnings.warn(cache.dates_warning, DatesWarning, stacklevel=stacklevel + 1)


def open_cache(folder: Path) -> CorpusCache | None:
    meta_path = folder / "meta.json"
    if not meta_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("format") != CACHE_FORMAT:
            return None
        parts = tuple((str(name), int(rows)) for name, rows in meta["parts"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a damaged cache is rebuilt
    if not all((folder / name).is_file() for name, _ in parts):
        return None
    if "published" in meta["columns"] and not (folder / PUBLISHED_FILE).is_file():
        return None
    return CorpusCache(
        path=folder,
        n_articles=int(meta["n_articles"]),
        columns=tuple(meta["columns"]),
        extras=tuple(meta["extras"]),
        skipped=tuple(meta["skipped"]),
        parts=parts,
        date_notes=tuple(meta["date_notes"]),
        dates_warning=str(meta["dates_warning"]),
    )
