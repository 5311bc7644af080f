"""Read publication dates as written in news exports into timezone-aware UTC timestamps.

Exports write dates in many ways: ISO 8601 (``2025-09-14T04:00:00+02:00``), RFC 2822
(``Sun, 14 Sep 2025 04:00:00 +0200``), prose (``September 14, 2025 4:00 am CET``), numeric dates
(``14/09/2025``) and Unix epoch seconds (``1757815200``). :func:`parse_dates` reads a whole column of them
with python-dateutil (plus fast paths for ISO 8601 and epoch numbers) and returns UTC timestamps; a value
that cannot be read becomes missing (``NaT``) and is counted, with the first example and where it was.
Dates without a time zone are taken as UTC. Numeric dates whose day and month could be swapped
(``04/09/2025``) are decided once per column (per file when loading): day first if any value can only be
read day first (``14/09/2025``), month first if any can only be read month first (``09/14/2025``), and
day first (the European and British convention) when no value decides; :attr:`DateColumn.notes` says which.

    from analysis.corpus.dates import parse_dates
    parsed = parse_dates(["2025-09-14", "14/09/2025", "garbage"])
    parsed.values      # two timestamps and NaT
    parsed.missing     # 1
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import numpy as np
import pandas as pd
from dateutil import parser as dateutil_parser

from analysis.wording import plural

__all__ = [
    "DATE_FIELDS",
    "TZ_OFFSETS",
    "DateColumn",
    "is_date_line",
    "parse_date",
    "parse_dates",
    "strip_date_prefix",
]

#: JSONL/CSV field names read as the publication date, in order of preference (``publish_date``: Media
#: Cloud; ``seendate``: GDELT).
DATE_FIELDS = (
    "published", "published_at", "pubdate", "publish_date", "publication_date", "date", "datetime",
    "time", "seendate",
)  # fmt: skip

#: Time-zone abbreviations understood in dates, as hours east of UTC (ambiguous ones such as IST are left out).
TZ_OFFSETS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MET": 1,
    "MEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
    "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "JST": 9, "KST": 9,
    "AEST": 10, "AEDT": 11, "ACST": 9.5, "AWST": 8, "NZST": 12, "NZDT": 13,
}  # fmt: skip
_TZINFOS = {name: timezone(timedelta(hours=hours), name) for name, hours in TZ_OFFSETS.items()}

# 14/09/2025, 09-14-2025, 14.09.25: two numbers that could each be day or month, then the year.
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_EPOCH = re.compile(r"^\s*[+-]?\d{9,13}(?:\.\d+)?\s*$")
_TZ_WORD = re.compile(r"\b([A-Z]{2,5})\s*$")
# Years a nanosecond timestamp holds whole (1677-09-21 to 2262-04-11); others are read as missing.
_FIRST_YEAR, _LAST_YEAR = 1678, 2261
_EARLIEST, _LATEST = 1e8, 1e10  # epoch seconds from 1973 to 2286; larger numbers are milliseconds


@dataclass(frozen=True)
class DateColumn:
    """The dates of one column, read.

    Attributes:
        values: one UTC timestamp per input value (``NaT`` where missing), as a ``datetime64[ns, UTC]``
            Series with a RangeIndex.
        missing: how many non-blank values could not be read.
        blank: how many values were empty (``None``, ``""``, NaN).
        example: the first value that could not be read (``None`` when all were read).
        example_at: its position (0-based) in the input.
        dayfirst: how day/month order was decided (True day first, False month first).
        notes: plain sentences saying what was assumed (day/month order, dates without a time zone).
    """

    values: pd.Series
    missing: int
    blank: int
    example: Any
    example_at: int | None
    dayfirst: bool
    notes: list[str] = field(default_factory=list)


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _from_epoch(number: float) -> datetime | None:
    seconds = number / 1000.0 if abs(number) >= _LATEST * 10 else number
    if not _EARLIEST <= abs(seconds) < _LATEST:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC)


def _to_utc(moment: datetime) -> datetime | None:
    """The moment in UTC, or None when UTC takes it past the calendar ("9999-12-31T01:00:00-23:00")."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        return None


def _parse_text(text: str, dayfirst: bool) -> datetime | None:
    """One date string -> aware UTC datetime, or None when it cannot be read."""
    text = " ".join(text.split())
    try:
        return _to_utc(
            datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
        )
    except ValueError:
        pass
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    if not (_YEAR.search(text) or _NUMERIC.match(text)):
        return None  # "September 14" or "yesterday": the year would be guessed from today's date
    if "," in text[:5]:  # RFC 2822 starts with the weekday: "Sun, 14 Sep 2025 ..."
        try:
            return _to_utc(parsedate_to_datetime(text))
        except (TypeError, ValueError, IndexError):
            pass
    zone = _TZ_WORD.search(text)
    if zone and zone.group(1) not in _TZINFOS and zone.group(1) not in {"AM", "PM"}:
        return None  # an unknown zone: the instant cannot be known
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", dateutil_parser.UnknownTimezoneWarning)
            parsed = dateutil_parser.parse(text, dayfirst=dayfirst, tzinfos=_TZINFOS)
    except (ValueError, OverflowError, TypeError, dateutil_parser.UnknownTimezoneWarning):
        return None
    try:
        return _to_utc(parsed)
    except ValueError:  # an offset of a day or more ("+24:00"): no instant
        return None


def parse_date(value: Any, *, dayfirst: bool = True) -> pd.Timestamp | None:
    """Read one date; None when it is blank or cannot be read.

    Args:
        value: a string in any of the supported formats, epoch seconds (int or float), a ``datetime``
            or a ``pandas.Timestamp``.
        dayfirst: read ``04/09/2025`` as 4 September (True) or 9 April (False).

    Returns:
        A timezone-aware UTC ``pandas.Timestamp``, or None.

    Example:
        >>> parse_date("September 14, 2025 4:00 am CET")
        Timestamp('2025-09-14 03:00:00+0000', tz='UTC')
    """
    if _is_blank(value):
        return None
    moment: datetime | None
    if isinstance(value, datetime):
        moment = _to_utc(value)
    elif isinstance(value, bool):
        moment = None
    elif isinstance(value, int | float):
        moment = _from_epoch(float(value)) if math.isfinite(value) else None
    elif isinstance(value, str):
        moment = _parse_text(value, dayfirst)
    else:
        moment = None
    if moment is None or not _FIRST_YEAR <= moment.year <= _LAST_YEAR:
        return None  # e.g. a crawler's "0001-11-30": no date, and outside what a timestamp can hold
    return pd.Timestamp(moment)


def _decide_dayfirst(values: Sequence[Any]) -> tuple[bool, str | None]:
    """Day/month order of a column's numeric dates, and a note when any value was ambiguous."""
    day_only = month_only = ambiguous = None
    for value in values:
        if not isinstance(value, str):
            continue
        match = _NUMERIC.match(value)
        if match is None or value.lstrip()[:4].isdigit():
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second and day_only is None:
            day_only = value.strip()
        elif second > 12 >= first and month_only is None:
            month_only = value.strip()
        elif first <= 12 and second <= 12 and first != second and ambiguous is None:
            ambiguous = value.strip()
    if month_only is not None and day_only is None:
        decided, reason = False, f"month first, as {month_only!r} can only be read that way"
    elif day_only is not None and month_only is None:
        decided, reason = True, f"day first, as {day_only!r} can only be read that way"
    elif day_only is not None:
        decided, reason = (
            True,
            (
                f"day first: the column mixes {day_only!r} (day first) and {month_only!r} (month first); "
                "values that only fit one order are read that way"
            ),
        )
    else:
        decided, reason = True, "day first (the European and British convention): no value decides"
    if ambiguous is None:
        return decided, None
    return decided, f"Dates such as {ambiguous!r} were read {reason}."


def parse_dates(values: Sequence[Any] | pd.Series, *, dayfirst: bool | None = None) -> DateColumn:
    """Read a column of dates in mixed formats into UTC timestamps.

    Args:
        values: the raw values (strings, epoch numbers, datetimes, blanks).
        dayfirst: day/month order of numeric dates such as ``04/09/2025``; None decides it from the
            values themselves (see the module docstring).

    Returns:
        A :class:`DateColumn` with the timestamps, the count of unreadable and blank values, the first
        unreadable example and its position, and notes on what was assumed.
    """
    raw = list(values)
    note = None
    if dayfirst is None:
        dayfirst, note = _decide_dayfirst(raw)
    ns = np.full(len(raw), _NAT, dtype=np.int64)
    done = _read_iso_in_bulk(raw, ns)
    cache: dict[str, pd.Timestamp | None] = {}
    missing = blank = 0
    example, example_at = None, None
    naive = 0
    for position, value in enumerate(raw):
        if done[position]:
            continue
        if _is_blank(value):
            blank += 1
            continue
        if isinstance(value, str):
            if value not in cache:
                cache[value] = parse_date(value, dayfirst=dayfirst)
            stamp = cache[value]
            if stamp is not None and not _has_zone(value):
                naive += 1
        else:
            stamp = parse_date(value, dayfirst=dayfirst)
        if stamp is None:
            missing += 1
            if example is None:
                example, example_at = value, position
        else:
            ns[position] = stamp.as_unit("ns").value
    notes = [note] if note else []
    if naive:
        notes.append(
            f"{plural(naive, 'date')} with a time of day but no time zone {plural(naive, 'was', number=False)} "
            "taken as UTC."
        )
    series = pd.Series(ns.view("M8[ns]"), name="published").dt.tz_localize("UTC")
    return DateColumn(series, missing, blank, example, example_at, dayfirst, notes)


_NAT = np.iinfo(np.int64).min
# The years parse_date keeps, in UTC nanoseconds: [1 January _FIRST_YEAR, 1 January _LAST_YEAR + 1).
_FIRST_NS = pd.Timestamp(f"{_FIRST_YEAR}-01-01", tz="UTC").value
_AFTER_LAST_NS = pd.Timestamp(f"{_LAST_YEAR + 1}-01-01", tz="UTC").value
# ISO 8601 with seconds and an offset (or Z), as most exports and feeds write it: read in bulk (C), as
# datetime.fromisoformat reads it one by one. Years a nanosecond timestamp holds whole, offsets below 24 h.
_ISO_OFFSET = re.compile(
    r"(?:1(?:6(?:7[89]|[89]\d)|[7-9]\d\d)|2(?:[01]\d\d|2(?:[0-5]\d|6[01])))-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d"
    r"(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)"
)


def _read_iso_in_bulk(raw: list[Any], ns: np.ndarray) -> np.ndarray:
    """Fill ``ns`` at the values written as :data:`_ISO_OFFSET`; returns where it did (the rest, and any
    such value that is not a real date, such as 2025-02-30, is read one by one)."""
    match = _ISO_OFFSET.fullmatch
    rows = np.fromiter(
        (type(v) is str and match(v) is not None for v in raw), dtype=bool, count=len(raw)
    )
    if not rows.any():
        return rows
    at = np.flatnonzero(rows)
    read = pd.to_datetime(
        pd.Series([raw[i] for i in at], dtype=object),
        format="%Y-%m-%dT%H:%M:%S%z",
        utc=True,
        errors="coerce",
    )
    values = pd.DatetimeIndex(read).as_unit("ns").asi8  # UTC nanoseconds, NaT as _NAT
    good = (values >= _FIRST_NS) & (values < _AFTER_LAST_NS)  # NaT too is below: read one by one
    ns[at[good]] = values[good]
    rows[at[~good]] = False
    return rows


_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")
_ZONE_HINT = re.compile(r"(?:[+-]\d{2}:?\d{2}|Z|\b[A-Z]{2,5})\s*$")


def _has_zone(value: str) -> bool:
    """True when a date string has no time of day (a calendar date) or names its zone."""
    text = value.strip()
    if not _TIME_OF_DAY.search(text) or _EPOCH.match(text):
        return True
    zone = _ZONE_HINT.search(text)
    return bool(zone) and zone.group(0).strip() not in {"AM", "PM"}


# "September 14, 2025", "14 Sep 2025 04:00 CET", "2025-09-14", "14/09/2025 16:30", optionally prefixed.
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated)\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}"
    r"|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2}){0,2}\s*(?:[ap]\.?m\.?)?)?"
    r"(?:\s+(?:[a-z]{2,5}|[+-]\d{2}:?\d{2}))?\s*$",
    re.IGNORECASE,
)


def is_date_line(line: str) -> bool:
    """Whether a line of a tag page holds only a publication date (``September 14, 2025 4:00 am CET``).

    Args:
        line: one stripped line of text.

    Returns:
        True when the whole line is a date in a supported format (optionally after "Published:" or
        "Updated"), and that date can be read.
    """
    if len(line) > 60 or not _DATE_LINE.match(line):
        return False
    return parse_date(strip_date_prefix(line)) is not None


_PREFIX = re.compile(r"^(?:published|updated|posted|last updated)\s*:?\s*", re.IGNORECASE)


def strip_date_prefix(line: str) -> str:
    """``"Published: 14 Sep 2025"`` -> ``"14 Sep 2025"`` (a leading published/updated/posted removed)."""
    return _PREFIX.sub("", line.strip())
