"""Running the chosen engine for one report: the parse cache of its inputs, and the files it writes.

- :func:`prepare_cache`: parse the inputs once into the Parquet cache (in this process, or as Dask tasks on
  the run's cluster, :func:`analysis.dask.client.dask_session`); the notebook reads that cache.
- :func:`move_side_files`: files the notebook wrote for this report go next to the written report.

The engine itself is chosen in :mod:`analysis.engine`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from analysis.corpus.cache import CorpusCache, cache_corpus

__all__ = ["move_side_files", "prepare_cache"]


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
        from analysis.dask.client import (
            client_for,  # the optional engine, imported only when chosen
        )
        from analysis.dask.engine import cache_corpus_dask

        with client_for(scheduler) as client:
            return cache_corpus_dask(*sources, lenient=lenient, client=client, progress=progress)
    return cache_corpus(*sources, lenient=lenient, progress=progress)


def move_side_files(folder: Path, target: Path) -> list[Path]:
    """Move the side files the notebook wrote for this report (e.g. ``<stem>-articles.csv``) from this run's
    ``folder`` into ``target``, the report's folder; returns where they went."""
    moved = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            moved.append(Path(shutil.move(str(path), str(target / path.name))))
    return moved
