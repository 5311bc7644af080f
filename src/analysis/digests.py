"""The one digest of an input file's bytes: its SHA-256, read and computed once per process.

The parse cache keys each input file by it and the report's provenance prints it, so a report run hashes each
input once. SHA-256 runs on the CPU's SHA extensions where there are some (2.67 GB: 2.6 s here, BLAKE2b 5.2 s).
A large file's digest is remembered for the life of the process by its path, size, modification time (ns),
inode and device: a file rewritten in place gets a new modification time. Small files are always read again
(cheap, and two rewrites of a small file can fall within one tick of the file system's clock).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

__all__ = ["MEMO_BYTES", "file_sha256"]

#: Files at least this large have their digest remembered (by path, size, mtime, inode and device).
MEMO_BYTES = 16 << 20

_MEMO: dict[tuple[str, int, int, int, int], str] = {}


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's bytes (hex)."""
    path = Path(path)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_dev)
    found = _MEMO.get(key)
    if found is None:
        with path.open("rb") as fh:
            found = hashlib.file_digest(fh, "sha256").hexdigest()
        if stat.st_size >= MEMO_BYTES:
            _MEMO[key] = found
    return found
