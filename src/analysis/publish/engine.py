"""Choosing and running an engine for the report: pandas in this process, or Dask on a cluster.

- :func:`resolve_engine`: ``auto`` is pandas below :data:`AUTO_DASK_BYTES` of input, Dask above.
- :func:`dask_session`: a Dask client for the duration of a report (a new LocalCluster unless a scheduler
  address is given), closed afterwards; yields the scheduler address the report notebook connects to.
- :func:`prepare_cache`: parse the inputs once into the Parquet cache (in this process, or as Dask tasks).
- :func:`move_report_files`: files the notebook wrote for the report go next to the written report.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from analysis.errors import ParameterError
from analysis.scale.cache import CorpusCache
from analysis.scale.reporting import REPORT_FILES_DIR

__all__ = [
    "AUTO_DASK_BYTES",
    "ENGINES",
    "dask_session",
    "move_report_files",
    "prepare_cache",
    "resolve_engine",
]

ENGINES = ("auto", "pandas", "dask")
#: ``--engine auto`` uses Dask when the inputs hold more than this many bytes (about 350,000 articles of
#: 2.8 KB). Measured on 2 cores (README, "Large archives and clusters"): below it the two engines take the
#: same time within noise and pandas needs less memory; above it Dask's parallel assignment pulls ahead.
AUTO_DASK_BYTES = 1 << 30


def _input_bytes(paths: Sequence[str | os.PathLike[str]]) -> int:
    total = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            total += path.stat().st_size
    return total


def resolve_engine(
    engine: str, paths: Sequence[str | os.PathLike[str]], scheduler: str | None = None
) -> str:
    """``pandas`` or ``dask``: ``auto`` picks Dask for a scheduler address or more than AUTO_DASK_BYTES."""
    if engine not in ENGINES:
        raise ParameterError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if engine != "auto":
        return engine
    if scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS"):
        return "dask"
    return "dask" if _input_bytes(paths) > AUTO_DASK_BYTES else "pandas"


@contextmanager
def dask_session(scheduler: str | None = None, *, progress: bool = True) -> Iterator[str]:
    """A Dask client while the block runs; yields the scheduler address (a new LocalCluster's by default)."""
    from analysis.scale.dask import get_client

    client = get_client(scheduler, progress=progress)
    try:
        yield client.scheduler.address
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()


def prepare_cache(
    sources: Sequence[str | os.PathLike[str]],
    *,
    engine: str,
    scheduler: str | None,
    progress: bool,
    lenient: bool = False,
) -> CorpusCache:
    """Parse the report's inputs into the cache (or find it): in this process, or as Dask tasks."""
    if engine == "dask":
        from analysis.scale.dask import cache_corpus_dask, client_for

        with client_for(scheduler) as client:
            return cache_corpus_dask(*sources, lenient=lenient, client=client, progress=progress)
    from analysis.scale.cache import cache_corpus

    return cache_corpus(*sources, lenient=lenient, progress=progress)


def clear_report_files() -> None:
    """Forget files a previous notebook run wrote for its report."""
    shutil.rmtree(REPORT_FILES_DIR, ignore_errors=True)


def move_report_files(out: Path) -> list[Path]:
    """Move the files the notebook wrote for the report (e.g. the full article CSV) next to ``out``."""
    moved = []
    if REPORT_FILES_DIR.is_dir():
        for path in sorted(REPORT_FILES_DIR.iterdir()):
            target = out.parent / path.name
            shutil.move(str(path), str(target))
            moved.append(target)
    return moved
