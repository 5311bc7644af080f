"""Finding the input files of a corpus: names, kinds, folders, patterns and links, each problem named.

:func:`collect_files` turns the paths a user gives (files, folders, glob patterns, one path or a list) into the
files to read, in a canonical order, each with the name a message shows; :func:`file_kind` says how a file is
read from its name; :func:`read_file_bytes` reads one with a clear error. Parsing is :mod:`analysis.corpus.load`'s.
"""

from __future__ import annotations

import errno
import os
import re
import warnings
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any

from analysis.corpus.base import IgnoredFilesWarning
from analysis.errors import CorpusError
from analysis.terminal import listing
from analysis.wording import plural

__all__ = [
    "FOLDER_SUFFIXES",
    "JSONL_SUFFIXES",
    "as_path_list",
    "collect_files",
    "file_kind",
    "plain_name",
    "read_file_bytes",
]

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_CSV_SUFFIXES = {".csv"}
_FEED_SUFFIXES = {".xml", ".rss", ".atom"}
_HTML_SUFFIXES = {".html", ".htm"}
#: What a folder is searched for (also gzip-compressed: ``.jsonl.gz``, ``.csv.gz`` ...).
FOLDER_SUFFIXES = (
    ".txt",
    ".jsonl",
    ".json",
    ".ndjson",
    ".csv",
    *sorted(_FEED_SUFFIXES),
    *sorted(_HTML_SUFFIXES),
)
_FOLDER_SUFFIXES = set(FOLDER_SUFFIXES)


def file_kind(path: PurePath) -> str:
    """How a file is read, from its name: ``"jsonl"``, ``"csv"``, ``"feed"``, ``"html"`` or ``"tagpage"``.

    A ``.gz`` ending is looked through (``a.jsonl.gz`` is JSON Lines); anything else is tag-page text.
    """
    return _KINDS.get(plain_name(path).suffix.lower(), "tagpage")


def plain_name(path: PurePath) -> PurePath:
    """``path`` without a ``.gz`` ending (``a.jsonl.gz`` -> ``a.jsonl``): its stem names its tag page."""
    return path.with_name(path.stem) if path.suffix.lower() == ".gz" else path


_KINDS = {
    **dict.fromkeys(JSONL_SUFFIXES, "jsonl"),
    **dict.fromkeys(_CSV_SUFFIXES, "csv"),
    **dict.fromkeys(_FEED_SUFFIXES, "feed"),
    **dict.fromkeys(_HTML_SUFFIXES, "html"),
}
#: ``scheme://`` at the start of a path: a URL, which this loader does not fetch.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def read_file_bytes(path: Path, display: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CorpusError(
            f"{display}: cannot be read ({exc.strerror or exc}); check the path and permissions"
        ) from None


# --------------------------------------------------------------------------------------------------
# Files and folders
# --------------------------------------------------------------------------------------------------


def _display(path: Path, root: Path | None = None) -> str:
    """How ``source`` and messages name a file: its path inside the folder it was found in, else its name.

    It depends neither on the working directory nor on where the data sits on this machine, so reports and
    CSV exports carry no local folders and the same data gives the same sources everywhere.
    """
    return path.relative_to(root).as_posix() if root is not None else path.name


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _expand_patterns(paths: Iterable[str | os.PathLike[str]]) -> list[str | os.PathLike[str]]:
    """Paths with each glob pattern (``archive/2025-*.jsonl``, ``news/**/*.csv``) replaced by the files it
    matches; a path that exists is taken as written, even if its name holds ``*``, ``?`` or ``[``."""
    import glob

    out: list[str | os.PathLike[str]] = []
    for raw in paths:
        text = os.fspath(raw) if isinstance(raw, (str, os.PathLike)) else None
        if not isinstance(text, str) or not any(ch in text for ch in "*?[") or Path(text).exists():
            out.append(raw)
            continue
        # glob.glob, not Path.glob: it takes absolute and relative patterns alike
        matches = sorted(m for m in glob.glob(text, recursive=True) if Path(m).is_file())  # noqa: PTH207
        if not matches:
            raise CorpusError(
                f"{text}: no files match this pattern (relative to {Path.cwd()}); check the pattern"
            )
        out.extend(matches)
    return out


def as_path_list(paths: Any) -> list[Any]:
    """Paths given one by one, as one list (or tuple), or both: ``load_corpus("a", "b")``,
    ``load_corpus(["a", "b"])`` and ``load_corpus("a")`` name the same files. A list inside the list is
    flattened once; anything else is left for :func:`collect_files` to accept or refuse by name."""
    if isinstance(paths, str | os.PathLike):
        return [paths]
    out: list[Any] = []
    for item in paths or ():
        if isinstance(item, list | tuple):
            out.extend(item)
        else:
            out.append(item)
    return out


def collect_files(
    paths: Iterable[str | os.PathLike[str]], *, skipped: list[str] | None = None
) -> dict[Path, tuple[str, str]]:
    """Every file to read, in canonical order (sorted absolute path): (source name, path as given).

    Glob patterns are expanded to the files they match (:func:`_expand_patterns`). A file that cannot be
    read (permissions) or a link that dangles, loops or leads out of its folder is a CorpusError naming it;
    with a ``skipped`` list (lenient loading) it is left out and its message appended there instead."""
    found: dict[Path, tuple[str, str]] = {}
    for raw in paths:
        if isinstance(raw, str) and _URL.match(raw):
            raise CorpusError(
                f"{raw}: is a URL; the pandas engine reads local files and folders only: download it "
                "first, or build the report with --engine dask (engine='dask'), which reads fsspec URLs"
            )
    for raw in _expand_patterns(paths):
        if isinstance(raw, str) and not raw.strip():
            raise CorpusError(
                "an empty path was given; pass a file or folder (.txt, .jsonl or .csv)"
            )
        try:
            path = Path(raw)
        except TypeError:
            raise CorpusError(
                f"{raw!r} is not a path; pass file or folder paths as str or Path"
            ) from None
        if path.is_dir():
            before = len(skipped) if skipped is not None else 0
            inside = _folder_files(path, skipped)
            if not inside and skipped is not None and len(skipped) > before:
                raise CorpusError(f"no file could be read: {'; '.join(skipped[before:])}")
            if not inside:
                raise CorpusError(
                    f"{path}: folder has no articles (no {', '.join(FOLDER_SUFFIXES)} files, plain or "
                    ".gz, found in it or below it)"
                )
            for p, name in inside:
                found[p] = min(
                    found.get(p, (name, (path / name).as_posix())), (name, (path / name).as_posix())
                )
        elif path.is_file():
            p = path.resolve()
            if _attempt(_check_readable, p, path.as_posix(), skipped=skipped)[0]:
                found[p] = min(found.get(p, (p.name, path.as_posix())), (p.name, path.as_posix()))
        elif path.is_symlink():
            _attempt(_link_target, path, path.as_posix(), None, skipped=skipped)  # loops or dangles
        elif path.exists():
            raise CorpusError(
                f"{path}: is neither a file nor a folder; pass .txt, .jsonl or .csv files"
            )
        else:
            raise CorpusError(
                f"{path}: no such file or folder; check the path (relative to {Path.cwd()})"
            )
    return {p: found[p] for p in sorted(found, key=lambda p: p.as_posix())}


def _attempt(check, *args: Any, skipped: list[str] | None) -> tuple[bool, Any]:
    """``(True, check(*args))``; its CorpusError is raised, or, with a ``skipped`` list, recorded there
    (``(False, None)``)."""
    try:
        return True, check(*args)
    except CorpusError as exc:
        if skipped is None:
            raise
        skipped.append(str(exc))
        return False, None


def _folder_files(path: Path, skipped: list[str] | None = None) -> list[tuple[Path, str]]:
    """The files a folder holds for the loader: (resolved path, name inside the folder).

    Hidden files and folders are ignored. A symbolic link is followed when it leads to a file inside the
    folder; one that loops, dangles or leads outside raises :class:`CorpusError` naming it. Files of kinds
    the loader does not read are left out and named in one :class:`IgnoredFilesWarning`; every file taken
    is checked to be readable (:func:`_check_readable`).
    """
    root = path.resolve()
    found, ignored = [], []
    for entry in sorted(root.rglob("*")):
        if _is_hidden(entry, root):
            continue
        name = _display(entry, root)
        shown = (path / name).as_posix()
        if entry.is_symlink():
            ok, target = _attempt(_link_target, entry, shown, root, skipped=skipped)
            if not ok:
                continue
        elif entry.is_file():
            target = entry
        else:
            continue
        if target.is_dir():
            continue
        if plain_name(entry).suffix.lower() in _FOLDER_SUFFIXES:
            if _attempt(_check_readable, target, shown, skipped=skipped)[0]:
                found.append((target, name))
        else:
            ignored.append(name)
    if ignored:
        warnings.warn(
            f"{path}: left out {plural(len(ignored), 'file')} of a kind the loader does not read "
            f"({listing(ignored)}); it reads {', '.join(FOLDER_SUFFIXES)}, plain or .gz",
            IgnoredFilesWarning,
            stacklevel=4,
        )
    return found


def _link_target(link: Path, shown: str, root: Path | None) -> Path:
    """Where a symbolic link leads; CorpusError if it loops, dangles, or leads outside ``root``."""
    try:
        target = link.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop this way
        target = None
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise CorpusError(
                f"{shown}: is a symbolic link to {link.readlink()}, which does not exist; "
                "fix or remove the link"
            ) from None
        target = None
    if target is None:
        raise CorpusError(
            f"{shown}: is a symbolic link that loops back on itself; fix or remove the link"
        )
    if root is not None and not target.is_relative_to(root):
        raise CorpusError(
            f"{shown}: is a symbolic link to {target}, outside the folder; pass that file by name, "
            "or copy it into the folder"
        )
    return target


def _check_readable(path: Path, shown: str) -> None:
    """CorpusError naming the file when this process cannot open it (permissions, a vanished file)."""
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise CorpusError(
            f"{shown}: cannot be read ({exc.strerror or exc}); check the file's permissions"
        ) from None
