"""Load tag-page dumps and article exports (JSON Lines, CSV) into one clean corpus DataFrame.

:func:`load_corpus` finds the files, decodes them (:mod:`analysis.corpus.decode`), parses each by its kind
(:mod:`analysis.corpus.tagpage`, :mod:`analysis.corpus.records`) and merges the same article seen on several
pages or files into one row.
"""

from __future__ import annotations

import gc
import os
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus.base import (
    BlockError,
    DatesWarning,
    ParsedArticle,
    SkippedBlock,
    article_id,
    file_line,
    warn_skipped,
)
from analysis.corpus.dates import parse_dates
from analysis.corpus.decode import decode_bytes
from analysis.corpus.files import (
    as_path_list,
    collect_files,
    file_kind,
    plain_name,
    read_file_bytes,
)
from analysis.corpus.outlets import merge_outlets
from analysis.corpus.records import parse_csv, parse_jsonl
from analysis.corpus.tagpage import parse_tag_page
from analysis.errors import CorpusError
from analysis.wording import plural


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
    unreadable: list[str] | None = [] if lenient else None
    files = collect_files(paths, skipped=unreadable)
    dates = DateReport()
    with no_gc():
        articles, skipped = _load_files(files, lenient=lenient, dates=dates)
    warn_skipped([*(unreadable or []), *(f"{s.source}: {s.reason}" for s in skipped)], stacklevel=2)
    if not articles and not files:  # lenient, and every file was left out
        raise CorpusError(f"no file could be read: {'; '.join(unreadable or [])}")
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
            signature=art.signature,  # the first copy's text is kept, so its signature holds
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
