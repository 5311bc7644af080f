"""The Dask engine: parse, count tags and cluster a corpus as Dask tasks on a ``distributed`` cluster.

- :func:`get_client`: a ``distributed.Client`` on an existing scheduler (``--scheduler`` /
  ``DASK_SCHEDULER_ADDRESS``) or on a new ``LocalCluster``.
- :func:`load_corpus_dask`: files, folders, globs or fsspec URLs parsed partition-wise (one task per
  file, or per ~32 MB of whole lines of a large JSON Lines file) into a Parquet cache, read back as a
  ``dask.dataframe.DataFrame`` with the columns :func:`analysis.corpus.load_corpus` gives. The same article
  seen in two partitions is merged as ``load_corpus`` merges it.
- :func:`fit_topics_dask`: clusters fitted on a sample (gathered from the partitions), every article then
  assigned as one task per partition; labels come in the row order of the Dask DataFrame.
- :func:`encoded_tags`: the tags encoded partition by partition as Dask tasks, for ``tag_frequency``,
  ``tag_cooccurrence`` and the other tag tables (which accept a Dask DataFrame and count exactly as on
  pandas: only integer codes and the distinct spellings travel back).

Dask is imported only here, so the pandas path never pays for it.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import AnalysisError, CorpusError
from analysis.scale.cache import CACHE_DIR, CorpusCache

__all__ = [
    "cache_corpus_dask",
    "client_for",
    "encoded_tags",
    "fit_topics_dask",
    "get_client",
    "is_dask",
    "load_corpus_dask",
]


def is_dask(obj: object) -> bool:
    """True for a Dask collection (checked by type, without importing Dask)."""
    return type(obj).__module__.split(".")[0] in {"dask", "dask_expr"}


class DaskEngineError(AnalysisError):
    """The Dask cluster failed (a worker died too often, the scheduler went away): one clear message."""


# --------------------------------------------------------------------------------------------- client
#: Most worker processes a new LocalCluster starts (one per core up to this; at least 2).
MAX_LOCAL_WORKERS = 8


def local_workers() -> int:
    """Worker processes of a new LocalCluster: one per core, at least 2 and at most MAX_LOCAL_WORKERS."""
    return max(2, min(os.cpu_count() or 2, MAX_LOCAL_WORKERS))


def get_client(
    scheduler: str | None = None, *, n_workers: int | None = None, progress: bool = True
):
    """A ``distributed.Client``: on ``scheduler`` (or ``DASK_SCHEDULER_ADDRESS``), else on a new LocalCluster.

    Args:
        scheduler: address such as ``tcp://10.0.0.5:8786``; None uses ``DASK_SCHEDULER_ADDRESS`` when set.
        n_workers: worker processes of a new LocalCluster (one thread each); default
            :func:`local_workers` (one per core, 2 to 8).
        progress: print the dashboard link to stderr.

    Returns:
        The client (also the default Dask scheduler from now on).

    Raises:
        DaskEngineError: the scheduler cannot be reached.
    """
    from distributed import Client, LocalCluster

    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    n_workers = n_workers or local_workers()
    try:
        if address:
            client = Client(address, timeout="20s")
        else:
            cluster = LocalCluster(
                n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise DaskEngineError(
            f"cannot reach the Dask scheduler at {address}: {exc}; check the address (tcp://HOST:8786) "
            "and that the scheduler is running"
        ) from None
    if progress:
        import sys

        where = (
            f"scheduler {address}"
            if address
            else f"a local cluster of {n_workers} worker processes"
        )
        print(f"Dask: {where}; dashboard {client.dashboard_link}", file=sys.stderr, flush=True)
    return client


@contextmanager
def client_for(scheduler: str | None) -> Iterator[Any]:
    """The current client when it is connected to ``scheduler`` (or when no scheduler is named), else a new
    client on ``scheduler`` that is closed when the block ends (no client is left behind to complain when
    the cluster it points at is shut down)."""
    from distributed import get_client as current

    try:
        client = current()
    except ValueError:
        client = None
    if client is not None and (not scheduler or client.scheduler.address == scheduler):
        yield client
        return
    if not scheduler:
        yield _client()
        return
    own = get_client(scheduler, progress=False)
    try:
        yield own
    finally:
        own.close()


def _client():
    from distributed import get_client as current

    try:
        return current()
    except ValueError:
        return get_client(progress=False)


def _gather(futures: list, what: str, *, progress: bool = False) -> list:
    """Results of futures in order; a lost cluster or worker becomes one DaskEngineError.

    With ``progress``, a bar on stderr counts the tasks as they finish (``what`` names it).
    """
    from distributed import wait
    from distributed.comm import CommClosedError
    from distributed.scheduler import KilledWorker

    try:
        if progress:
            _show_progress(futures, what)
        wait(futures)
        return _client().gather(futures)
    except (KilledWorker, CommClosedError, OSError, TimeoutError, asyncio.CancelledError) as exc:
        raise DaskEngineError(
            f"the Dask cluster failed while {what}: {type(exc).__name__}: {exc}. Workers may have run out "
            "of memory or been stopped; nothing was written. Re-run, or give the workers more memory."
        ) from None


def _show_progress(futures: list, what: str) -> None:
    """A tqdm bar over the futures, advanced as each finishes (failed ones too: gather reports those)."""
    from distributed import as_completed
    from tqdm.auto import tqdm

    with tqdm(total=len(futures), desc=what[:1].upper() + what[1:], unit="task") as bar:
        for _ in as_completed(futures):
            bar.update(1)


# ---------------------------------------------------------------------------------------------- loading
def _expand(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[str, str, str]]:
    """(file, source name, name as given) of paths, folders, globs and fsspec URLs (expanded with fsspec)."""
    from analysis.scale.cache import _parser

    out: list[tuple[str, str, str]] = []
    local: list[str | os.PathLike[str]] = []
    for raw in paths:
        text = os.fspath(raw)
        if "://" in text:
            import fsspec

            found = [f.full_name for f in fsspec.open_files(text)]
            if not found:
                raise CorpusError(f"{text}: no files match this URL")
            out.extend((url, url.rstrip("/").rsplit("/", 1)[-1], url) for url in found)
        else:
            local.append(raw)  # files, folders and glob patterns: the loader's own _collect_files
    if local:
        out.extend((p.as_posix(), d, g) for p, (d, g) in _parser()._collect_files(local).items())
    return sorted(dict.fromkeys(out))


def cache_corpus_dask(
    *paths: str | os.PathLike[str],
    lenient: bool = False,
    cache_dir: str | os.PathLike[str] | None = None,
    client=None,
    progress: bool = False,
) -> CorpusCache:
    """Parse files, folders, globs or fsspec URLs as Dask tasks into the Parquet cache (or find it).

    Args:
        *paths: files, folders, glob patterns or fsspec URLs (``s3://bucket/news/*.jsonl`` with s3fs
            installed).
        lenient: skip blocks that do not parse (listed in one SkippedBlocksWarning).
        cache_dir: where the Parquet cache is written; it must be reachable by the workers (a shared
            folder on a multi-machine cluster). Default ``build/corpus-cache``.
        client: a ``distributed.Client``; default the current one, or a new LocalCluster.
        progress: show a bar on stderr as the blocks are parsed.

    Returns:
        The :class:`~analysis.scale.cache.CorpusCache`.

    Raises:
        CorpusError: as :func:`analysis.corpus.load_corpus`, naming the first bad file and line.
    """
    from analysis.scale._dask_build import build_cache_dask

    if not paths:
        raise CorpusError("load_corpus() needs at least one file or folder (.txt, .jsonl or .csv)")
    client = client or _client()
    root = Path(cache_dir) if cache_dir is not None else CACHE_DIR
    return build_cache_dask(_expand(paths), root, lenient=lenient, client=client, progress=progress)


def load_corpus_dask(
    *paths: str | os.PathLike[str],
    lenient: bool = False,
    cache_dir: str | os.PathLike[str] | None = None,
    client=None,
):
    """Load a corpus as a Dask DataFrame: parsed partition-wise on the cluster (:func:`cache_corpus_dask`).

    Returns:
        A ``dask.dataframe.DataFrame`` with the columns ``load_corpus`` gives, one partition per Parquet
        part, index = row position.
    """
    return cache_frame(
        cache_corpus_dask(*paths, lenient=lenient, cache_dir=cache_dir, client=client)
    )


def cache_frame(cache: CorpusCache, columns: Sequence[str] | None = None):
    """A cached corpus as a Dask DataFrame (one partition per part; lists as Python lists)."""
    import dask
    import dask.dataframe as dd

    from analysis.scale.cache import _read_part_frame

    wanted = list(cache.columns if columns is None else columns)
    starts = np.concatenate([[0], np.cumsum([rows for _, rows in cache.parts])[:-1]]).tolist()
    meta = _read_part_frame(cache.part_paths()[0], wanted, cache.extras, 0).iloc[:0]
    with dask.config.set(
        {"dataframe.convert-string": False}
    ):  # keep pandas' own str dtype, as load_corpus
        return dd.from_map(
            _read_part_at,
            [str(p) for p in cache.part_paths()],
            starts,
            args=(cache.extras, wanted),
            meta=meta,
            enforce_metadata=False,
            label="read-corpus",
        )


def _read_part_at(
    path: str, start: int, extras: Sequence[str], every: list[str], columns: list[str] | None = None
) -> pd.DataFrame:
    """One part; Dask passes ``columns`` when only some are needed (column projection)."""
    from analysis.scale.cache import _read_part_frame

    return _read_part_frame(path, list(columns) if columns is not None else every, extras, start)


# --------------------------------------------------------------------------------------- partitions
def _lengths(ddf) -> list[int]:
    """Rows of each partition, counted on the first column alone (the text is not read)."""
    import dask

    counts = [dask.delayed(len)(part) for part in ddf[[ddf.columns[0]]].to_delayed()]
    return [int(n) for n in _gather(_client().compute(counts), "counting the articles")]


def _take(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    return frame.iloc[positions]


def _sample(text: list, lengths: list[int], rows: np.ndarray) -> pd.DataFrame:
    """The rows at sorted positions ``rows``: each partition is read, cut down on its worker and dropped."""
    import dask

    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    picks = []
    for part, start, length in zip(text, starts, lengths, strict=True):
        local = rows[(rows >= start) & (rows < start + length)] - start
        if len(local):
            picks.append(dask.delayed(_take)(part, local))
    return pd.concat(_gather(_client().compute(picks), "gathering the sample"), ignore_index=True)


def fit_topics_dask(
    ddf, *, k: int | None = None, random_state: int = 0, progress: bool = False, **options: Any
):
    """:func:`analysis.topics.fit_topics` on a Dask DataFrame: fit on a sample, assign every article on the cluster.

    The articles' text is never held on the cluster as a whole: the sample is cut out of each partition
    as it is read, and each partition is read again, assigned and dropped, so a worker holds about one
    partition at a time.

    Args:
        ddf: a Dask DataFrame with ``title`` and ``body`` (from ``load_corpus(..., engine="dask")``).
        k: number of clusters; None chooses k on the sample.
        random_state: seeds the sample and the fit.
        progress: show progress.
        **options: ``sample_size`` (default :data:`analysis.scale.topics.SAMPLE_SIZE`).

    Returns:
        A :class:`analysis.topics.TopicModel`; ``labels[i]`` is the cluster of the i-th row of ``ddf`` as
        computed (partitions in order). Up to ``sample_size`` articles this is exactly ``fit_topics`` of
        the computed frame; beyond, the same as :func:`analysis.scale.topics.fit_sampled` on pandas.
    """
    import dask

    from analysis.scale.topics import SAMPLE_SIZE, assemble_model, sample_rows, train_assigner
    from analysis.topics import fit_topics

    client = _client()
    text = ddf[["title", "body"]].to_delayed()
    lengths = _lengths(ddf)
    n = int(sum(lengths))
    sample_size = int(options.pop("sample_size", SAMPLE_SIZE))
    if n <= sample_size:  # small enough for one process: exactly what fit_topics gives on pandas
        parts = _gather(client.compute(text), "gathering the articles")
        frame = pd.concat(parts, ignore_index=True)
        return fit_topics(frame, k=k, random_state=random_state, progress=progress, **options)
    rows = sample_rows(n, sample_size, random_state)
    sample = _sample(text, lengths, rows)
    sampled = fit_topics(
        sample, k=k, random_state=random_state, progress=progress, max_words=150, **options
    )
    assigner = train_assigner(sample, sampled.labels)
    del sample
    shared = client.scatter(assigner, broadcast=True)
    assigned = client.compute([dask.delayed(_assign)(part, shared) for part in text])
    results = _gather(assigned, "assigning articles to clusters", progress=progress)
    frame = pd.concat(results, ignore_index=True)
    return assemble_model(sampled, frame, n_sample=len(rows))


def _assign(frame: pd.DataFrame, assigner) -> pd.DataFrame:
    return assigner.assign(frame)


# -------------------------------------------------------------------------------------------- tags
def encoded_tags(ddf):
    """The ``tags`` and ``tag_pages`` of a Dask DataFrame, encoded as Dask tasks (one per partition).

    Each task turns its partition's tag lists into integer codes and the distinct spellings; only those
    travel back, and they are joined in partition order, so ``tag_frequency``, ``tag_cooccurrence`` and
    the other tag tables of a Dask DataFrame are identical to those of its pandas twin.
    """
    import dask

    from analysis.tags.parse import _concat, _encode_corpus

    wanted = [c for c in ("tags", "tag_pages", "source") if c in ddf.columns]
    if "tags" not in wanted:
        from analysis.tags.parse import _check_corpus

        _check_corpus(ddf._meta)  # the same clear error as on pandas
    parts = [dask.delayed(_encode_corpus)(part) for part in ddf[wanted].to_delayed()]
    return _concat(_gather(_client().compute(parts), "counting the tags"))
