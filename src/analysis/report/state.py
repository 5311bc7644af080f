"""A report's state, saved beside it for a later ``--since``: arrays and JSON that run no code when read.

A report's state is what a later run needs to compare with it: the topic model (vocabulary, idf, phrases,
centroids, numbers, labels, every article id with its topic) and the counts the report showed (tags, people
named, people quoted), with the report's name, time and size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import StateError
from analysis.state import REBUILD, file_sha256, read_state_file, state_path, write_state_file
from analysis.topics.model import TopicModel
from analysis.topics.persist import model_from_parts, model_parts

__all__ = ["ReportState", "load_state", "save_state", "state_path"]


@dataclass(frozen=True)
class ReportState:
    """What a report saved for the next run.

    Attributes:
        model: its topic model (ids and term space included).
        counts: ``{"tags": {tag: articles}, "people": {name: articles}, "speakers": {name: quotes}}``.
        report: ``{"report": file name, "made": time, "articles": n}``.
        path: the state file it was read from.
        sha256: the SHA-256 of that file.
    """

    model: TopicModel
    counts: dict[str, dict[str, int]]
    report: dict[str, Any]
    path: Path | None = None
    sha256: str = ""


def save_state(
    path: str | os.PathLike[str],
    model: TopicModel,
    *,
    counts: dict[str, dict[str, int]],
    report: dict[str, Any],
) -> Path:
    """Write a report's state: its model, the counts it showed and its name, time and size."""
    arrays, meta = model_parts(model)
    plain = {kind: {str(k): int(v) for k, v in table.items()} for kind, table in counts.items()}
    return write_state_file(path, arrays, {"model": meta, "counts": plain, "report": report})


def load_state(path: str | os.PathLike[str]) -> ReportState:
    """Read a report's state (``x.state.npz``, or found beside ``x.html``), checking it first.

    Raises:
        StateError: the state is missing, truncated, altered, foreign or of another version.
    """
    file = state_path(path)
    arrays, meta = read_state_file(file)
    if "model" not in meta:
        raise StateError(f"{file}: holds no topic model; {REBUILD}")
    model = model_from_parts(arrays, meta["model"], file)
    counts = {k: dict(v) for k, v in meta.get("counts", {}).items()}
    return ReportState(model, counts, dict(meta.get("report", {})), file, file_sha256(file))
