"""The state file: NumPy arrays and one JSON document in a zip (``.npz``) that runs no code when read.

Every entry is a ``.npy`` array read with ``allow_pickle=False`` (an object array, which would need pickle,
is refused); the JSON document (``meta``) holds the format name and version and everything small. A
``checksum`` entry holds the SHA-256 of every other entry (name and bytes), checked before anything is
interpreted, so a truncated or altered file stops with a :class:`~analysis.errors.StateError` that names it.
The zip is written with fixed entry dates and order, so the same state gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from analysis.digests import file_sha256
from analysis.errors import StateError

__all__ = [
    "REBUILD",
    "STATE_FORMAT",
    "STATE_VERSION",
    "file_sha256",
    "read_state_file",
    "state_path",
    "write_state_file",
]

#: The format name inside every state file (anything else is a foreign file).
STATE_FORMAT = "analysis-report-state"
#: Bumped whenever the layout changes; a state of another version is refused with how to rebuild it.
STATE_VERSION = 1
_META, _CHECKSUM = "meta", "checksum"
_EPOCH = (1980, 1, 1, 0, 0, 0)
REBUILD = (
    "rebuild that report with this version of the tool (python -m analysis report PATHS -o REPORT.html) "
    "to save a state it can read, or leave out --since"
)


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
    return buffer.getvalue()


def _digest(entries: Mapping[str, bytes]) -> str:
    h = hashlib.sha256()
    for name in sorted(entries):
        h.update(name.encode() + b"\0" + hashlib.sha256(entries[name]).digest())
    return h.hexdigest()


def write_state_file(
    path: str | os.PathLike[str], arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]
) -> Path:
    """Write arrays and a JSON document as a state file, atomically (a temporary file, then a rename).

    Args:
        path: the file to write (``.npz``).
        arrays: plain (non-object) arrays by name.
        meta: JSON-serialisable values; ``format`` and ``version`` are added.

    Returns:
        The path written.
    """
    document = {"format": STATE_FORMAT, "version": STATE_VERSION, **meta}
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, default=_plain)
    entries = {name: _npy(array) for name, array in arrays.items()}
    entries[_META] = _npy(np.frombuffer(text.encode("utf-8"), dtype=np.uint8))
    entries[_CHECKSUM] = _npy(np.frombuffer(_digest(entries).encode("ascii"), dtype=np.uint8))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(entries):
                info = zipfile.ZipInfo(f"{name}.npy", date_time=_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                # level 1: a million articles' state (31 MB) in 0.8 s; the default level 6 saves 4 MB for
                # 5.4 s more
                zf.writestr(info, entries[name], compresslevel=1)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _plain(value: Any) -> Any:
    """JSON for NumPy scalars and arrays, and text for anything else."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return str(value)


def read_state_file(path: str | os.PathLike[str]) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Read a state file written by :func:`write_state_file`, checking it before trusting any of it.

    Returns:
        ``(arrays, meta)``.

    Raises:
        StateError: the file is missing, not a state file, truncated, altered (checksum), holds an
            object array (pickle), or is of another format version.
    """
    path = Path(path)
    if not path.is_file():
        raise StateError(f"{path}: no saved state here; {REBUILD}")
    if not zipfile.is_zipfile(path):
        raise StateError(f"{path}: not a report state file (not a zip of arrays); {REBUILD}")
    try:
        with zipfile.ZipFile(path) as zf:
            raw = {
                info.filename.removesuffix(".npy"): zf.read(info)
                for info in zf.infolist()
                if info.filename.endswith(".npy")
            }
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise StateError(f"{path}: truncated or damaged ({exc}); {REBUILD}") from None
    if _META not in raw or _CHECKSUM not in raw:
        raise StateError(f"{path}: not a report state file (no meta or checksum entry); {REBUILD}")
    arrays = {name: _array(path, name, data) for name, data in raw.items()}
    checksum = arrays.pop(_CHECKSUM).tobytes().decode("ascii", "replace")
    if checksum != _digest({k: v for k, v in raw.items() if k != _CHECKSUM}):
        raise StateError(
            f"{path}: its content does not match its checksum (altered or damaged); {REBUILD}"
        )
    try:
        meta = json.loads(arrays.pop(_META).tobytes().decode("utf-8"))
    except ValueError as exc:
        raise StateError(f"{path}: unreadable meta document ({exc}); {REBUILD}") from None
    if not isinstance(meta, dict) or meta.get("format") != STATE_FORMAT:
        raise StateError(f"{path}: not a report state file of this tool; {REBUILD}")
    if meta.get("version") != STATE_VERSION:
        raise StateError(
            f"{path}: saved in state format version {meta.get('version')!r}, this version reads "
            f"{STATE_VERSION}; {REBUILD}"
        )
    return arrays, meta


def _array(path: Path, name: str, data: bytes) -> np.ndarray:
    try:
        return np.lib.format.read_array(io.BytesIO(data), allow_pickle=False)
    except ValueError as exc:  # object arrays (pickle) are refused here, never unpickled
        raise StateError(
            f"{path}: entry {name!r} cannot be read without running code ({exc}); {REBUILD}"
        ) from None
    except (OSError, EOFError) as exc:
        raise StateError(f"{path}: entry {name!r} is truncated ({exc}); {REBUILD}") from None


def state_path(report: str | os.PathLike[str]) -> Path:
    """The state file saved beside a report: ``x.html`` -> ``x.state.npz`` (a ``.npz`` path is kept)."""
    path = Path(report)
    return path if path.suffix == ".npz" else path.with_suffix(".state.npz")
