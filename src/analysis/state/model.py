"""A topic model and a report's state as plain arrays and JSON (:mod:`analysis.state.store`), and back.

A report's state is what a later run needs to compare with it: the topic model (vocabulary, idf, phrases,
centroids, numbers, labels, every article id with its topic) and the counts the report showed (tags, people
named, people quoted), with the report's name, time and size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import StateError
from analysis.state.store import REBUILD, read_state_file, write_state_file
from analysis.topics.model import TopicModel
from analysis.topics.space import TopicSpace

__all__ = ["ReportState", "load_model", "load_state", "save_model", "save_state", "state_path"]

_SCALARS = ("k", "random_state", "n_articles", "silhouette", "stability")


def state_path(report: str | os.PathLike[str]) -> Path:
    """The state file saved beside a report: ``x.html`` -> ``x.state.npz`` (a ``.npz`` path is kept)."""
    path = Path(report)
    return path if path.suffix == ".npz" else path.with_suffix(".state.npz")


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


def _model_parts(model: TopicModel) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    arrays = {
        "labels": np.asarray(model.labels, dtype=np.int64),
        "positions": np.asarray(model.positions, dtype=np.float64),
        "fit": np.asarray(model.fit, dtype=np.float64),
    }
    if model.ids is not None:
        arrays["ids"] = np.asarray(model.ids, dtype=str)
    space = model.space
    if space is not None:
        arrays.update(
            space_terms=np.asarray(space.terms, dtype=str),
            space_idf=np.asarray(space.idf, dtype=np.float32),
            space_centroids=np.asarray(space.centroids, dtype=np.float32),
            space_floors=np.asarray(space.floors, dtype=np.float64),
        )
    meta = {
        **{name: getattr(model, name) for name in _SCALARS},
        "clusters": _table(model.clusters),
        "k_scores": None if model.k_scores is None else _table(model.k_scores),
        "faded": _table(model.faded),
        "notes": list(model.notes),
        "settings": {str(k): v for k, v in model.settings.items()},
        "space": None
        if space is None
        else {
            "phrases": list(space.phrases),
            "title_weight": space.title_weight,
            "max_words": space.max_words,
        },
    }
    return arrays, meta


def _table(frame: pd.DataFrame) -> dict[str, Any]:
    """A small table as JSON-ready columns (lists stay lists)."""
    return {
        "index_name": frame.index.name,
        "columns": {str(c): [_value(v) for v in frame[c].tolist()] for c in frame.columns},
    }


def _value(v: Any) -> Any:
    if isinstance(v, np.ndarray | tuple):
        return [_value(x) for x in v]
    if isinstance(v, list):
        return [_value(x) for x in v]
    if isinstance(v, np.generic):
        return v.item()
    return v


def _frame(table: dict[str, Any]) -> pd.DataFrame:
    frame = pd.DataFrame(table["columns"])
    frame.index.name = table.get("index_name")
    return frame


def _model_from(arrays: dict[str, np.ndarray], meta: dict[str, Any], path: Path) -> TopicModel:
    try:
        space = None
        if meta.get("space") is not None and "space_terms" in arrays:
            space = TopicSpace(
                terms=arrays["space_terms"],
                idf=arrays["space_idf"],
                phrases=tuple(meta["space"]["phrases"]),
                title_weight=meta["space"]["title_weight"],
                max_words=meta["space"]["max_words"],
                centroids=arrays["space_centroids"],
                floors=arrays["space_floors"],
            )
        return TopicModel(
            labels=arrays["labels"],
            k=int(meta["k"]),
            random_state=int(meta["random_state"]),
            n_articles=int(meta["n_articles"]),
            clusters=_frame(meta["clusters"]),
            positions=arrays["positions"],
            silhouette=float(meta["silhouette"]),
            stability=float(meta["stability"]),
            k_scores=None if meta["k_scores"] is None else _frame(meta["k_scores"]),
            notes=list(meta["notes"]),
            settings=dict(meta["settings"]),
            fit=arrays["fit"],
            ids=arrays.get("ids"),
            space=space,
            faded=_frame(meta["faded"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StateError(
            f"{path}: the saved model is incomplete ({type(exc).__name__}: {exc}); {REBUILD}"
        ) from None


def save_model(model: TopicModel, path: str | os.PathLike[str]) -> Path:
    """Write a topic model to ``path`` (``.npz``: arrays and JSON, never pickle); see :func:`load_model`."""
    arrays, meta = _model_parts(model)
    return write_state_file(path, arrays, {"model": meta})


def save_state(
    path: str | os.PathLike[str],
    model: TopicModel,
    *,
    counts: dict[str, dict[str, int]],
    report: dict[str, Any],
) -> Path:
    """Write a report's state: its model, the counts it showed and its name, time and size."""
    arrays, meta = _model_parts(model)
    plain = {kind: {str(k): int(v) for k, v in table.items()} for kind, table in counts.items()}
    return write_state_file(path, arrays, {"model": meta, "counts": plain, "report": report})


def load_state(path: str | os.PathLike[str]) -> ReportState:
    """Read a report's state (``x.state.npz``, or found beside ``x.html``), checking it first.

    Raises:
        StateError: the state is missing, truncated, altered, foreign or of another version.
    """
    from analysis.report.provenance import file_sha256

    file = state_path(path)
    arrays, meta = read_state_file(file)
    if "model" not in meta:
        raise StateError(f"{file}: holds no topic model; {REBUILD}")
    model = _model_from(arrays, meta["model"], file)
    counts = {k: dict(v) for k, v in meta.get("counts", {}).items()}
    return ReportState(model, counts, dict(meta.get("report", {})), file, file_sha256(file))


def load_model(path: str | os.PathLike[str]) -> TopicModel:
    """Read a topic model saved by :meth:`TopicModel.save` (or a report's state), checking it first.

    Raises:
        StateError: the file is missing, truncated, altered, foreign or of another version.
    """
    file = Path(path)
    arrays, meta = read_state_file(file)
    if "model" not in meta:
        raise StateError(f"{file}: holds no topic model; {REBUILD}")
    return _model_from(arrays, meta["model"], file)
