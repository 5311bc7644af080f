"""Where a report run spends its time: step durations appended to a small JSON Lines file, for benchmarks.

Nothing is recorded unless the run is given a file. ``python -m analysis report`` takes it from the
environment variable :data:`TIMINGS_ENV` (read once, by the command), :func:`analysis.publish.build_report`
from its ``timings`` argument and the report notebook from its ``TIMINGS`` parameter. The command records
the steps it runs (``engine start``, ``parse``, ``export``), the notebook's kernel the steps in between
(:data:`STEPS`); each line is ``{"step": name, "seconds": s}``, ``s`` the time since the previous step of
the same process (``time.perf_counter``). What is not in a step (starting Python and the kernel,
planning) is the run's wall time less their sum. Durations never enter the report: the same input gives
the same bytes with or without a file.

    with recording("build/timings.jsonl"):   # this process records while the block runs
        ...
        step_done("parse")                   # the time since recording began (or the previous step)
    read_steps("build/timings.jsonl")        # [("parse", 12.3), ...]
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "STEPS",
    "TIMINGS_ENV",
    "read_steps",
    "record_steps",
    "recording",
    "step_done",
]

#: The environment variable ``python -m analysis report`` reads the timings file from.
TIMINGS_ENV = "ANALYSIS_TIMINGS"
#: The steps of a report run, in order. ``fit`` is the fit on every article (up to the sample size);
#: beyond, ``sample fit`` (fit on the sample and train the assigner) and ``assignment`` (every article).
STEPS = (
    "engine start",
    "parse",
    "corpus",
    "stories",
    "fit",
    "sample fit",
    "assignment",
    "tag counts",
    "people and quotes",
    "charts",
    "export",
)

_clock: dict[str, object] = {"path": None, "last": 0.0}


def record_steps(path: str | os.PathLike[str] | None) -> None:
    """Record this process' steps into ``path`` from now on (None: record nothing); the clock restarts."""
    _clock["path"] = Path(path) if path else None
    _clock["last"] = time.perf_counter()


@contextmanager
def recording(path: str | os.PathLike[str] | None) -> Iterator[None]:
    """:func:`record_steps` into ``path`` while the block runs; nothing is recorded after it."""
    record_steps(path)
    try:
        yield
    finally:
        record_steps(None)


def step_done(step: str) -> None:
    """Append ``step`` and the time since the previous step (or :func:`record_steps`), when recording."""
    now = time.perf_counter()
    path = _clock["path"]
    if isinstance(path, Path):
        line = json.dumps({"step": step, "seconds": round(now - float(_clock["last"]), 3)})
        with path.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
    _clock["last"] = now


def read_steps(path: str | os.PathLike[str]) -> list[tuple[str, float]]:
    """The steps recorded in ``path``, in the order they ended; an empty list when there is no file."""
    path = Path(path)
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(row["step"], float(row["seconds"])) for row in rows]
