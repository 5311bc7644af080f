"""Keeping ``build/`` bounded: temporaries of runs that died are removed, parse caches pruned to a stated size.

A run writes its temporaries as ``.<name>.<pid>.tmp`` (a cache being built, a report being written) and
renames them into place when done; a run killed with ``kill -9`` or a power cut leaves them behind. Parse
caches pile up too, one per distinct input. So, each time a cache is built or found:

- :func:`remove_stale_temporaries` deletes every ``.<name>.<pid>.tmp`` whose process is no longer running
  (a live run's temporaries are never touched);
- :func:`prune_caches` deletes the least recently used caches until all of them together hold at most
  :data:`analysis.config.CACHE_MAX_BYTES` (the cache in use is always kept, even when it alone is larger).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from analysis.config import CACHE_MAX_BYTES

__all__ = [
    "process_running",
    "prune_caches",
    "prune_least_used",
    "remove_stale_temporaries",
    "tidy_caches",
    "touch",
]

_TEMPORARY = re.compile(r"^\..+\.(\d+)\.(?:tmp|probe)$")


def process_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # another user's live process
    return True


def remove_stale_temporaries(folder: str | os.PathLike[str], *, prefix: str = ".") -> list[Path]:
    """Delete the ``.<name>.<pid>.tmp`` files and folders in ``folder`` whose process is not running.

    Args:
        folder: where to look (not below).
        prefix: only names starting with this (e.g. ``".report.html."`` beside a report).

    Returns:
        What was deleted.
    """
    removed = []
    folder = Path(folder)
    if not folder.is_dir():
        return removed
    for entry in folder.iterdir():
        match = _TEMPORARY.match(entry.name)
        if (
            not entry.name.startswith(prefix)
            or match is None
            or process_running(int(match.group(1)))
        ):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def touch(folder: str | os.PathLike[str]) -> None:
    """Mark a cache as just used (the folder's time; its files are left alone), so pruning removes others
    first."""
    if Path(folder).is_dir():
        os.utime(folder)


def prune_caches(
    root: str | os.PathLike[str],
    *,
    max_bytes: int = CACHE_MAX_BYTES,
    keep: Iterable[str | os.PathLike[str]] = (),
) -> list[Path]:
    """Delete the least recently used caches under ``root`` until they hold at most ``max_bytes`` together.

    Args:
        root: the folder of the caches (one sub-folder with a ``meta.json`` each).
        max_bytes: the size the caches may take together.
        keep: caches never deleted (the one in use).

    Returns:
        The caches deleted, oldest first.
    """
    return prune_least_used(
        root, max_bytes=max_bytes, keep=keep, is_entry=lambda p: (p / "meta.json").is_file()
    )


def prune_least_used(
    root: str | os.PathLike[str],
    *,
    max_bytes: int = CACHE_MAX_BYTES,
    keep: Iterable[str | os.PathLike[str]] = (),
    is_entry: Callable[[Path], bool] = Path.is_dir,
) -> list[Path]:
    """Delete the least recently used entries (sub-folders) of ``root`` until they hold at most
    ``max_bytes`` together; ``keep`` are never deleted. Returns what was deleted, oldest first."""
    root = Path(root)
    if not root.is_dir():
        return []
    kept = {Path(k).resolve() for k in keep}
    caches = [p for p in root.iterdir() if not p.name.startswith(".") and is_entry(p)]
    sizes = {p: _size(p) for p in caches}
    total = sum(sizes.values())
    removed = []
    for cache in sorted(caches, key=lambda p: p.stat().st_mtime):
        if total <= max_bytes:
            break
        if cache.resolve() in kept:
            continue
        shutil.rmtree(cache, ignore_errors=True)
        total -= sizes[cache]
        removed.append(cache)
    return removed


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def tidy_caches(root: str | os.PathLike[str], *, in_use: str | os.PathLike[str]) -> None:
    """After a cache was built or found: stale temporaries removed, ``in_use`` marked used, others pruned."""
    remove_stale_temporaries(root)
    touch(in_use)
    prune_caches(root, keep=[in_use])
