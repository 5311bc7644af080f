"""The engine a run uses, decided once: its names, the ``auto`` rule, and the check of a name given.

``pandas`` runs in this process (bounded memory through the parse cache); ``dask`` runs parsing and topic
assignment as tasks on a Dask cluster (:mod:`analysis.dask`). ``auto`` is resolved by the command, once,
before anything runs; below it every function receives ``pandas`` or ``dask``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from analysis.errors import ParameterError

__all__ = ["AUTO_DASK_BYTES", "ENGINES", "RUN_ENGINES", "check_engine", "resolve_engine"]

#: What a user may ask for.
ENGINES = ("auto", "pandas", "dask")
#: What a run is given once ``auto`` is resolved.
RUN_ENGINES = ("pandas", "dask")
#: ``--engine auto`` uses Dask when the inputs hold more than this many bytes (about 350,000 articles of
#: 2.8 KB). Measured on 2 cores (README, "Large archives and clusters"): below it the two engines take the
#: same time within noise and pandas needs less memory; above it Dask's parallel assignment pulls ahead.
AUTO_DASK_BYTES = 1 << 30


def check_engine(engine: object, *, allowed: Sequence[str] = ENGINES) -> str:
    """``engine`` itself when it is one of ``allowed``, else a ParameterError naming the allowed values."""
    if not isinstance(engine, str) or engine not in allowed:
        raise ParameterError(f"engine must be one of {', '.join(allowed)}; got {engine!r}")
    return engine


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
    check_engine(engine)
    if engine != "auto":
        return engine
    if scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS"):
        return "dask"
    return "dask" if _input_bytes(paths) > AUTO_DASK_BYTES else "pandas"
