"""Load tag-page dumps and article exports (JSON Lines, CSV) into one clean corpus DataFrame.

:func:`load_corpus` finds the files, decodes them (:mod:`analysis.corpus.decode`), parses each by its kind
(:mod:`analysis.corpus.tagpage`, :mod:`analysis.corpus.records`) and merges the same article seen on several
pages or files into one row.
"""

from __future__ import annotations

import errno
import gc
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

import pandas as pd

from analysis.corpus.base import (
    BlockError,
    DatesWarning,
    IgnoredFilesWarning,
    ParsedArticle,
    SkippedBlock,
    article_id,
    file_line,
    warn_skipped,
)
from analysis.corpus.dates import parse_dates
from analysis.corpus.decode import decode_bytes
from analysis.corpus.outlets import merge_outlets
from analysis.corpus.records import parse_csv, parse_jsonl
from analysis.corpus.tagpage import parse_tag_page
from analysis.errors import CorpusError
from analysis.terminal import listing
from analysis.wording import plural

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


def load_corpus(*paths: str | os.PathLike[str], lenient: bool = False) -> pd.DataFrame:
    """Load tag-page text files, JSONL and CSV exports, feeds and saved pages into one clean corpus.

        Folders are searched recursively for :data:`FOLDER_SUFFIXES` files, plain or ``.gz`` (hidden files and
        folders are ignored). Files are read in a canonical order (sorted absolute path), so the result does
        not depend on the order ``paths`` are given in; the same file given twice is read once. A file named
        explicitly is read by its suffix (a ``.gz`` ending looked through, see :func:`file_kind`):
        ``.jsonl``/``.ndjson``/``.json`` as JSON Lines, ``.csv`` as CSV, ``.xml``/``.rss``/``.atom`` as a
        feed (:mod:`analysis.corpus.feeds`), ``.html``/``.htm`` as a saved page (:mod:`analysis.corpus.pages`),
        anything else as tag-page text.

        Tag-page text is parsed by structure, not by line length: each non-blank line is labelled headline,
        body paragraph or tag by a Viterbi decoder over line features (length, words, sentence endings that
        are not abbreviations like "U.S.", datelines, bylines, list items, capitals), constrained to the
        grammar ``[Tag - page] (headline body+ tag*)*``. Consecutive body lines are paragraphs, joined with
        a blank line. A ``Tag - <page>`` line (hyphen, en or em dash) starts a section; a file can hold
        several. JSONL/CSV rows need ``body`` (or ``text``), or, in a headline-only list without either, a
    ``title`` (the body is then empty); ``title`` may otherwise be empty or missing; ``tags`` and
        ``tag_pages`` may be lists or ``;``-separated strings. Repeated tags within an article are kept once.

    Args:
        *paths: files and/or folders, given one by one or as one list (``load_corpus(["a.jsonl",
            "b.csv"])``); glob patterns are expanded.
        lenient: skip blocks that do not parse instead of raising; one :class:`SkippedBlocksWarning`
            lists every skipped block with its ``file:line``. Whole files that cannot be read (empty,
            binary) are skipped the same way. Still raises if nothing loads at all.

        Returns:
            A DataFrame with a default RangeIndex, one row per unique article (same title and body up to
            whitespace), in first-seen order, with columns ``id`` (str, see :func:`article_id`), ``title``
            (str, may be empty for JSONL/CSV rows), ``body`` (str, paragraphs separated by ``"\\n\\n"``),
            ``tags`` (list of str, merged over duplicates in first-seen order), ``tag_pages`` (list of str:
            the ``Tag - <page>`` headers the article appeared under, or the file stem for files without
            one), ``source`` (str ``"file:line"`` where the article was first seen) and one column per extra
            JSONL/CSV field (a field called ``id`` or ``source`` is kept as ``record_id``/``record_source``),
            and ``outlet``/``url`` when some article names them (one name per outlet: the spellings merged
            are listed in ``attrs["outlet_merges"]``; see :mod:`analysis.corpus.outlets`).

        Raises:
            CorpusError: a path does not exist, a folder holds no loadable files, or a file is empty,
                binary, or malformed (the message names the file, the line and what was expected).

        Example:
            >>> corpus = load_corpus("seeds")  # doctest: +SKIP
            >>> corpus[["title", "tags"]].head()  # doctest: +SKIP
    """
    paths = as_path_list(paths)
    if not paths:
        raise CorpusError("load_corpus() needs at least one file or folder (.txt, .jsonl or .csv)")
    files = collect_files(paths)
    dates = DateReport()
    with no_gc():
        articles, skipped = _load_files(files, lenient=lenient, dates=dates)
    warn_skipped([f"{s.source}: {s.reason}" for s in skipped], stacklevel=2)
    if not articles:
        names = ", ".join(given for _, given in files.values())
        raise CorpusError(
            f"no articles found in {names}; expected tag pages (.txt), JSONL or CSV with a body"
        )
    frame = with_merged_outlets(
        _to_frame(list(articles), list(articles.values()), dated=dates.files > 0)
    )
    if dates.files:
        frame.attrs["date_notes"] = dates.notes(frame["published"])
        if dates.message():
            warnings.warn(dates.message(), DatesWarning, stacklevel=2)
    return frame


def with_merged_outlets(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with one name per outlet (:func:`analysis.corpus.outlets.merge_outlets`); the spellings
    merged are listed in ``attrs["outlet_merges"]`` (records of outlet, written as, articles, site)."""
    if "outlet" not in frame.columns:
        return frame
    merged = merge_outlets(frame)
    out = frame.assign(outlet=merged.outlet)
    out.attrs = {**frame.attrs, "outlet_merges": merged.merges.to_dict("records")}
    return out


@dataclass
class DateReport:
    """What reading the publication dates of all files gave: counts, the first unreadable one, notes."""

    files: int = 0
    blank: int = 0
    unreadable: int = 0
    example: str = ""
    decided: list[str] = field(default_factory=list)  # day/month order decisions, one per file
    assumed: list[str] = field(default_factory=list)  # other assumptions (times without a zone)

    def read(self, parsed: list[ParsedArticle], given: str) -> None:
        """Read the dates of one file's articles (day/month order decided for the file as a whole)."""
        with_field = [a for a in parsed if a.date_line is not None]
        stamps = self.read_raw(
            [a.date for a in with_field], [a.date_line for a in with_field], len(parsed), given
        )
        if stamps is None:
            return
        for art, stamp in zip(with_field, stamps, strict=True):
            art.published = None if pd.isna(stamp) else stamp

    def read_raw(
        self, dates: list[Any], lines: Sequence[int], n_articles: int, given: str
    ) -> pd.Series | None:
        """Read one file's dates given as written, with their lines (what the parse cache keeps of them).

        Args:
            dates: the date values of the file's articles that have a date field, in article order.
            lines: the line each was read from.
            n_articles: all articles parsed from the file (those without a date field count as absent).
            given: the file's name as given, for notes and the warning.

        Returns:
            One UTC timestamp per value (``datetime64[ns, UTC]``, ``NaT`` where missing), or None when no
            article of the file has a date field (the file then does not count as dated).
        """
        if not dates:
            return None
        column = parse_dates(dates)
        self.files += 1
        self.blank += column.blank + n_articles - len(dates)
        self.unreadable += column.missing
        if column.example_at is not None and not self.example:
            at = column.example_at
            self.example = f"{dates[at]!r} ({given}:{lines[at]})"
        for note in column.notes:
            target = self.decided if "were read" in note else self.assumed
            target.append(f"{given}: {note}")
        return column.values

    def warning(self) -> list[str]:
        out = []
        if self.unreadable:
            out.append(
                f"{plural(self.unreadable, 'publication date')} could not be read and "
                f"{plural(self.unreadable, 'is', number=False)} left missing, e.g. "
                f"{self.example}; write them as ISO 8601 (2025-09-14T04:00:00+02:00) to keep them."
            )
        return out + self.decided

    def message(self) -> str:
        """The :class:`DatesWarning` text: unreadable dates and day/month decisions ("" when neither)."""
        return " ".join(self.warning()) if self.unreadable or self.decided else ""

    def notes(self, published: pd.Series) -> list[str]:
        """Plain sentences for a reader: how many articles are dated, and what was assumed."""
        dated = int(published.notna().sum())
        head = (
            f"{dated:,} of {plural(len(published), 'article')} dated; of the date values read, "
            f"{self.unreadable:,} could not be read and {self.blank:,} were blank or absent."
        )
        return [head, *self.decided, *self.assumed]


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of small objects (no cycles are made)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_files(
    files: dict[Path, tuple[str, str]], *, lenient: bool, dates: DateReport
) -> tuple[dict[str, ParsedArticle], list[SkippedBlock]]:
    """Parse every file in order; returns the merged articles by id and the blocks skipped (lenient).

    ``files`` maps each path to its source name (in the ``source`` column) and the name the user knows it
    by (the path as given, in messages).
    """
    articles: dict[str, ParsedArticle] = {}
    skipped: list[SkippedBlock] = []
    for path, (display, given) in files.items():
        first_skip = len(skipped)
        try:
            text = decode_bytes(read_file_bytes(path, given))  # the bytes are freed once decoded
            parsed = parse_text(path, display, text, lenient=lenient, skipped=skipped)
        except BlockError as exc:
            if not lenient:
                raise CorpusError(f"{file_line(given, exc.line)}: {exc.message}") from None
            skipped.append(SkippedBlock(file_line(display, exc.line), exc.message))
            parsed, text = [], ""
        skipped[first_skip:] = [
            SkippedBlock(given + s.source[len(display) :], s.reason) for s in skipped[first_skip:]
        ]
        del text
        dates.read(parsed, display)  # notes name the file as ``source`` does, never by a local path
        for art in parsed:
            merge_article(articles, art)
    return articles, skipped


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


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> dict[Path, tuple[str, str]]:
    """Every file to read, in canonical order (sorted absolute path): (source name, path as given).

    Glob patterns are expanded to the files they match (:func:`_expand_patterns`)."""
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
            inside = _folder_files(path)
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
            _check_readable(p, path.as_posix())
            found[p] = min(found.get(p, (p.name, path.as_posix())), (p.name, path.as_posix()))
        elif path.is_symlink():
            _link_target(path, path.as_posix(), None)  # raises: a loop or a dangling link
        elif path.exists():
            raise CorpusError(
                f"{path}: is neither a file nor a folder; pass .txt, .jsonl or .csv files"
            )
        else:
            raise CorpusError(
                f"{path}: no such file or folder; check the path (relative to {Path.cwd()})"
            )
    return {p: found[p] for p in sorted(found, key=lambda p: p.as_posix())}


def _folder_files(path: Path) -> list[tuple[Path, str]]:
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
            target = _link_target(entry, shown, root)
        elif entry.is_file():
            target = entry
        else:
            continue
        if target.is_dir():
            continue
        if plain_name(entry).suffix.lower() in _FOLDER_SUFFIXES:
            _check_readable(target, shown)
            found.append((target, name))
        else:
            ignored.append(name)
    if ignored:
        warnings.warn(
            f"{path}: left out {len(ignored):,} file(s) of a kind the loader does not read "
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


def parse_text(
    path: Path, display: str, text: str, *, lenient: bool, skipped: list[SkippedBlock]
) -> list[ParsedArticle]:
    kind = file_kind(path)
    path = plain_name(path)
    if kind == "jsonl":
        return parse_jsonl(text, path, display, lenient=lenient, skipped=skipped)
    if kind == "csv":
        return parse_csv(text, path, display, lenient=lenient, skipped=skipped)
    if kind == "feed":
        from analysis.corpus.feeds import parse_feed

        return parse_feed(text, path, display)
    if kind == "html":
        from analysis.corpus.pages import parse_page

        return parse_page(text, path, display)
    return parse_tag_page(text, path, display, lenient=lenient, skipped=skipped)


# --------------------------------------------------------------------------------------------------
# Merging and the final frame
# --------------------------------------------------------------------------------------------------


def merge_article(articles: dict[str, ParsedArticle], art: ParsedArticle) -> None:
    key = art.key if art.key is not None else article_id(art.title, art.body)
    seen = articles.get(key)
    if seen is None:
        articles[key] = ParsedArticle(
            art.title,
            art.body,
            list(dict.fromkeys(art.tags)),
            list(dict.fromkeys(art.tag_pages)),
            art.source,
            dict(art.extras),
            published=art.published,
        )
        return
    if seen.published is None:
        seen.published = art.published
    for tag in art.tags:
        if tag not in seen.tags:
            seen.tags.append(tag)
    for page in art.tag_pages:
        if page not in seen.tag_pages:
            seen.tag_pages.append(page)
    for name, value in art.extras.items():
        seen.extras.setdefault(name, value)


def _to_frame(
    ids: list[str], articles: list[ParsedArticle], *, dated: bool = False
) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {
        "id": ids,
        "title": [a.title for a in articles],
        "body": [a.body for a in articles],
        "tags": [a.tags for a in articles],
        "tag_pages": [a.tag_pages for a in articles],
        "source": [a.source for a in articles],
    }
    if dated:
        stamps = pd.Series([a.published for a in articles], dtype=object)
        columns["published"] = pd.to_datetime(stamps, utc=True).astype("datetime64[ns, UTC]")
    extra_names: dict[str, None] = {}
    for a in articles:
        extra_names.update(dict.fromkeys(a.extras))
    for name in extra_names:
        columns[name] = [a.extras.get(name) for a in articles]
    return pd.DataFrame(columns)
