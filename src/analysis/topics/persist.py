"""A topic model as plain arrays and JSON, in a state file that runs no code when read (:mod:`analysis.state`).

:meth:`TopicModel.save` and :func:`load_model` use it; a report's state (:mod:`analysis.report.state`) holds a
model the same way, with the counts the report showed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import StateError
from analysis.state import REBUILD, read_state_file, write_state_file
from analysis.topics.model import TopicModel
from analysis.topics.space import TopicSpace

__all__ = ["load_model", "model_from_parts", "model_parts", "save_model"]

_SCALARS = ("k", "random_state", "n_articles", "silhouette", "stability")
_EMPTY: dict[str, Any] = {"index_name": None, "columns": {}}


def model_parts(model: TopicModel) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
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
        "group_table": _table(model.group_table),
        "faded_groups": _table(model.faded_groups),
        "splits": [{str(k): _value(v) for k, v in split.items()} for split in model.splits],
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
        "order": [str(c) for c in frame.columns],  # the JSON's keys are sorted
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
    if "order" in table:
        frame = frame[table["order"]]
    frame.index.name = table.get("index_name")
    return frame


def model_from_parts(arrays: dict[str, np.ndarray], meta: dict[str, Any], path: Path) -> TopicModel:
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
            # states saved before the broad groups were kept have neither table, nor splits
            group_table=_frame(meta.get("group_table", _EMPTY)),
            faded_groups=_frame(meta.get("faded_groups", _EMPTY)),
            splits=[dict(split) for split in meta.get("splits", [])],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StateError(
            f"{path}: the saved model is incomplete ({type(exc).__name__}: {exc}); {REBUILD}"
        ) from None


def save_model(model: TopicModel, path: str | os.PathLike[str]) -> Path:
    """Write a topic model to ``path`` (``.npz``: arrays and JSON, never pickle); see :func:`load_model`."""
    arrays, meta = model_parts(model)
    return write_state_file(path, arrays, {"model": meta})


def load_model(path: str | os.PathLike[str]) -> TopicModel:
    """Read a topic model saved by :meth:`TopicModel.save` (or a report's state), checking it first.

    Raises:
        StateError: the file is missing, truncated, altered, foreign or of another version.
    """
    file = Path(path)
    arrays, meta = read_state_file(file)
    if "model" not in meta:
        raise StateError(f"{file}: holds no topic model; {REBUILD}")
    return model_from_parts(arrays, meta["model"], file)
