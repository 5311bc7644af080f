"""The one digest of an input file's bytes: its SHA-256, read and computed once.

The parse cache keys each input file by it and the report's provenance prints it, so a report run hashes each
input once. SHA-256 runs on the CPU's SHA extensions where there are some (2.67 GB: 2.6 s here, BLAKE2b 5.2 s).
A large file's digest is remembered for the life of the process by its path, size, modification time (ns),
inode and device: a file rewritten in place gets a new modification time. It is also kept between runs in
``build/digests.json`` (:data:`DIGESTS_FILE`), keyed besides by the inode's change time, which no program can
set back (writing the file or setting its times moves it): a weekly rebuild does not read last week's archive
again only to find it unchanged. Small files are always read again (cheap, and two rewrites of a small file
can fall within one tick of the file system's clock).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from analysis.config import BUILD_DIR

__all__ = ["DIGESTS_FILE", "MEMO_BYTES", "file_sha256"]

#: Files at least this large have their digest remembered (by path, size, mtime, inode and device).
MEMO_BYTES = 16 << 20
#: Large files' digests kept between runs (JSON; at most KEPT_DIGESTS, the most recent).
DIGESTS_FILE = BUILD_DIR / "digests.json"
KEPT_DIGESTS = 1000

_MEMO: dict[tuple[str, int, int, int, int], str] = {}


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's bytes (hex)."""
    path = Path(path)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_dev)
    found = _MEMO.get(key)
    if found is not None:
        return found
    large = stat.st_size >= MEMO_BYTES
    kept_key = "\0".join(map(str, (*key, stat.st_ctime_ns)))
    kept = _read_kept() if large else {}
    found = kept.get(kept_key)
    if found is None:
        with path.open("rb") as fh:
            found = hashlib.file_digest(fh, "sha256").hexdigest()
        if large:
            _write_kept({**kept, kept_key: found})
    if large:
        _MEMO[key] = found
    return found


def _read_kept() -> dict[str, str]:
    try:
        data = json.loads(DIGESTS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or damaged: the files are read again
    digests = data.get("digests") if isinstance(data, dict) else None
    if not isinstance(digests, dict):
        return {}
    return {k: v for k, v in digests.items() if isinstance(k, str) and isinstance(v, str)}


def _write_kept(digests: dict[str, str]) -> None:
    """Keep the digests (the most recent KEPT_DIGESTS), written aside and renamed; never an error."""
    recent = dict(list(digests.items())[-KEPT_DIGESTS:])
    tmp = DIGESTS_FILE.with_name(f".{DIGESTS_FILE.name}.{os.getpid()}.tmp")
    try:
        DIGESTS_FILE.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"format": 1, "digests": recent}), encoding="utf-8")
        tmp.replace(DIGESTS_FILE)
    except OSError:
        tmp.unlink(missing_ok=True)  # not kept: the file is read again next run
