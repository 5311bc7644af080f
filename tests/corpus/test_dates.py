"""Tests for analysis.corpus.dates: every listed format round-trips; messy columns count what is missing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import DatesWarning, load_corpus
from analysis.corpus.dates import TZ_OFFSETS, is_date_line, parse_date, parse_dates

_MOMENTS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31)).map(
    lambda d: d.replace(microsecond=0, tzinfo=UTC)
)
_OFFSETS = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
_ZONES = st.sampled_from(
    sorted(name for name, hours in TZ_OFFSETS.items() if name not in {"Z", "UT"})
)


def _prose(moment: datetime, zone: str) -> tuple[str, datetime]:
    """'September 14, 2025 4:00 am CET' for ``moment`` (to the minute) in the zone ``zone``."""
    local = moment.astimezone(timezone(timedelta(hours=TZ_OFFSETS[zone]))).replace(second=0)
    hour = local.hour % 12 or 12
    text = f"{local:%B} {local.day}, {local.year} {hour}:{local:%M} {'am' if local.hour < 12 else 'pm'} {zone}"
    return text, local.astimezone(UTC)


@settings(max_examples=150, deadline=None)
@given(moment=_MOMENTS, offset=_OFFSETS, zone=_ZONES)
def test_every_listed_format_round_trips_to_the_same_utc_instant(moment, offset, zone):
    local = moment.astimezone(offset)
    assert parse_date(local.isoformat()) == pd.Timestamp(moment)  # ISO 8601 with offset
    assert parse_date(moment.strftime("%Y-%m-%dT%H:%M:%SZ")) == pd.Timestamp(moment)  # ISO 8601, Z
    assert parse_date(format_datetime(local)) == pd.Timestamp(moment)  # RFC 2822
    text, expected = _prose(moment, zone)
    assert parse_date(text) == pd.Timestamp(expected), text
    assert parse_date(int(moment.timestamp())) == pd.Timestamp(moment)  # epoch seconds, number
    assert parse_date(str(int(moment.timestamp()))) == pd.Timestamp(moment)  # epoch seconds, text
    midnight = moment.replace(hour=0, minute=0, second=0)
    assert parse_date(moment.strftime("%d/%m/%Y")) == pd.Timestamp(midnight)  # day first
    assert parse_date(moment.strftime("%m/%d/%Y"), dayfirst=False) == pd.Timestamp(midnight)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 14, 2025 4:00 am CET", "2025-09-14T03:00:00Z"),
        ("Sun, 14 Sep 2025 04:00:00 +0200", "2025-09-14T02:00:00Z"),
        ("2025-09-14T04:00:00+02:00", "2025-09-14T02:00:00Z"),
        ("2025-09-14", "2025-09-14T00:00:00Z"),
        ("14/09/2025", "2025-09-14T00:00:00Z"),
        ("1757815200", "2025-09-14T02:00:00Z"),
        ("14 Sep 2025 16:30 BST", "2025-09-14T15:30:00Z"),
    ],
)
def test_examples_from_the_issue(text, expected):
    assert parse_date(text) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "text",
    [
        "yesterday", "September 14", "4:00 am", "2025-13-45", "14 Sep 2025 09:00 XYZT", "12",
        "0001-11-30", "9999-12-31",  # a crawler's placeholders, beyond what a timestamp holds
    ],
)  # fmt: skip
def test_unreadable_values_are_none(text):
    assert parse_date(text) is None


def test_out_of_range_years_are_missing_in_a_column():
    column = parse_dates(["2016-05-01", "0001-11-30"])
    assert column.missing == 1 and column.example == "0001-11-30"
    assert column.values.isna().tolist() == [False, True]


def test_messy_column_counts_blanks_and_unreadable_values_exactly():
    values = [
        "2025-09-14T04:00:00Z",
        "",
        None,
        "not a date",
        "Sun, 14 Sep 2025 04:00:00 +0200",
        "September 14, 2025 4:00 am CET",
        float("nan"),
        "14/09/2025",
        "31/02/2025",  # no such day
        1757815200,
        "   ",
        "2025-09-14 09:00 Mars/Olympus",
        "14 Sep 2025 09:00 EDT",
    ]
    parsed = parse_dates(values)
    assert parsed.blank == 4
    assert parsed.missing == 3
    assert parsed.example == "not a date" and parsed.example_at == 3
    assert parsed.values.isna().sum() == 7
    assert str(parsed.values.dtype) == "datetime64[ns, UTC]"
    assert parsed.values[12] == pd.Timestamp("2025-09-14T13:00:00Z")


def test_day_month_order_is_decided_by_the_values_and_said():
    american = parse_dates(["04/09/2025", "09/14/2025"])
    assert not american.dayfirst
    assert american.values[0] == pd.Timestamp("2025-04-09", tz="UTC")
    assert any("month first" in note and "09/14/2025" in note for note in american.notes)
    british = parse_dates(["04/09/2025", "14/09/2025"])
    assert british.dayfirst and british.values[0] == pd.Timestamp("2025-09-04", tz="UTC")
    undecided = parse_dates(["04/09/2025"])
    assert undecided.dayfirst and any("no value decides" in note for note in undecided.notes)
    assert parse_dates(["2025-09-04"]).notes == []


def test_times_without_a_zone_are_utc_and_said():
    parsed = parse_dates(["2025-09-14 10:00", "2025-09-14"])
    assert parsed.values[0] == pd.Timestamp("2025-09-14T10:00Z")
    assert any("taken as UTC" in note and note.startswith("1 ") for note in parsed.notes)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("September 14, 2025 4:00 am CET", True),
        ("Published: 14 Sep 2025", True),
        ("2025-09-14", True),
        ("Updated 09/14/2025 04:00 PM EDT", True),
        ("Defense", False),
        ("NATO allies cannot rely on America for their defense", False),
        ("September 14, 2025 was the day the drones came.", False),
    ],
)
def test_is_date_line(line, expected):
    assert is_date_line(line) is expected


# ------------------------------------------------------------------------------ through load_corpus


def _csv(path, rows):
    lines = ["title,body,date"] + [f'"{t}","{b}","{d}"' for t, b, d in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loader_reads_a_messy_date_column_with_the_exact_missing_count(tmp_path):
    dates = [
        "2025-09-14T04:00:00Z",
        "",
        "yesterday",
        "Sun, 14 Sep 2025 04:00:00 +0200",
        "September 14, 2025 4:00 am CET",
        "14/09/2025",
        "04/09/2025",
        "1757815200",
        "31/02/2025",
        "14 Sep 2025 09:00 EDT",
    ]
    rows = [(f"Headline {i}", f"Body of article {i}.", d) for i, d in enumerate(dates)]
    path = _csv(tmp_path / "messy.csv", rows)
    with pytest.warns(DatesWarning) as caught:
        corpus = load_corpus(path)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "2 publication dates could not be read" in message
    assert "'yesterday' (" in message and "messy.csv:4)" in message
    assert "'04/09/2025' were read day first" in message and "'14/09/2025'" in message
    assert str(corpus["published"].dtype) == "datetime64[ns, UTC]"
    assert corpus["published"].isna().sum() == 3  # blank, 'yesterday', 31 February
    assert corpus.loc[6, "published"] == pd.Timestamp("2025-09-04", tz="UTC")
    assert corpus.loc[4, "published"] == pd.Timestamp("2025-09-14T03:00Z")
    assert corpus["date"].tolist() == dates  # the field as written stays beside the dates read
    assert (
        corpus.attrs["date_notes"][0]
        == "7 of 10 articles dated; of the date values read, 2 could not be read and 1 were blank "
        "or absent."
    )


def test_loader_decides_day_month_order_per_file(tmp_path):
    _csv(
        tmp_path / "us.csv",
        [("US one", "Body one.", "04/09/2025"), ("US two", "Body two.", "09/14/2025")],
    )
    _csv(
        tmp_path / "uk.csv",
        [("UK one", "Body three.", "04/09/2025"), ("UK two", "Body four.", "14/09/2025")],
    )
    with pytest.warns(DatesWarning, match="month first") as caught:
        corpus = load_corpus(tmp_path)
    assert "day first" in str(caught[0].message)
    dates = dict(zip(corpus["title"], corpus["published"], strict=True))
    assert dates["US one"] == pd.Timestamp("2025-04-09", tz="UTC")
    assert dates["UK one"] == pd.Timestamp("2025-09-04", tz="UTC")


def test_loader_without_dates_has_no_published_column(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "T", "body": "B."}\n', encoding="utf-8")
    assert "published" not in load_corpus(path).columns


def test_jsonl_dates_epoch_and_null(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"title": "One", "body": "First body.", "published_at": 1757815200}\n'
        '{"title": "Two", "body": "Second body.", "published_at": null}\n',
        encoding="utf-8",
    )
    corpus = load_corpus(path)  # a null is a blank, not an unreadable date: no warning
    assert corpus["published"].tolist()[0] == pd.Timestamp("2025-09-14T02:00Z")
    assert pd.isna(corpus["published"].iloc[1])


def test_tag_page_date_line_after_the_headline_dates_the_article_and_leaves_the_body(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Tag - UK defense\n\n"
        "Why Putin won't end his war against the West\n"
        "September 14, 2025 4:00 am CET\n"
        "When Vladimir Putin sent at least 19 drones into Poland last week, the Russian president was "
        "delivering a message to the alliance.\n"
        "Defense\nPolitics\n"
        "Tech leaders and ministers tackle UK defense innovation\n"
        "Blockages in the technology innovation pipeline and digital skills shortages were just some of "
        "the topics discussed at the event.\n"
        "UK\nDefense\n",
        encoding="utf-8",
    )
    corpus = load_corpus(page)
    assert corpus["title"].tolist() == [
        "Why Putin won't end his war against the West",
        "Tech leaders and ministers tackle UK defense innovation",
    ]
    assert corpus.loc[0, "published"] == pd.Timestamp("2025-09-14T03:00Z")
    assert pd.isna(corpus.loc[1, "published"])
    assert "2025" not in corpus.loc[0, "body"]
    assert corpus.loc[0, "tags"] == ["Defense", "Politics"]


def test_dates_survive_the_articles_command_round_trip(tmp_path, capsys):
    from analysis.cli import main

    source = tmp_path / "one.jsonl"
    source.write_text(
        '{"title": "A", "body": "Body one.", "date": "14 Sep 2025 09:00 EDT"}\n', encoding="utf-8"
    )
    assert main(["articles", str(source)]) == 0
    written = tmp_path / "written.jsonl"
    written.write_text(capsys.readouterr().out, encoding="utf-8")
    assert '"published":"2025-09-14T13:00:00.000Z"' in written.read_text(encoding="utf-8")
    assert load_corpus(written)["published"].tolist() == [pd.Timestamp("2025-09-14T13:00Z")]


_ISO_LIKE = st.builds(
    lambda y, mo, d, h, mi, s, sign, oh, om: (
        f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}"
        + ("Z" if sign == "Z" else f"{sign}{oh:02d}:{om:02d}")
    ),
    st.sampled_from([1677, 1678, 1999, 2025, 2261, 2262, 9999]),
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(0, 24),
    st.integers(0, 60),
    st.integers(0, 60),
    st.sampled_from("+-Z"),
    st.integers(0, 25),
    st.integers(0, 60),
)


@given(
    values=st.lists(
        st.one_of(_ISO_LIKE, st.sampled_from(["", "x", "14/09/2025", "2025-09-14Z"])), max_size=12
    )
)
def test_iso_dates_read_in_bulk_are_the_dates_read_one_by_one(values):
    """ISO 8601 with an offset is read in bulk; the same timestamps, missing count and first example as
    reading each value alone (impossible dates, offsets and years outside the range included)."""
    column = parse_dates(values, dayfirst=True)
    one_by_one = [parse_date(v, dayfirst=True) for v in values]
    assert [None if pd.isna(t) else t for t in column.values.tolist()] == one_by_one
    unread = [i for i, v in enumerate(values) if v.strip() and one_by_one[i] is None]
    assert column.missing == len(unread)
    assert column.example_at == (unread[0] if unread else None)


def test_a_date_that_utc_takes_past_the_calendar_is_unread_not_an_error():
    """'9999-12-31T01:00:00-23:00' is 10000-01-01 in UTC: unread (None), in bulk and alone, as hypothesis found."""
    values = ["9999-12-31T01:00:00-23:00", "2025-09-14T10:00:00+02:00"]
    assert parse_date(values[0], dayfirst=True) is None
    column = parse_dates(values, dayfirst=True)
    assert column.missing == 1 and column.example_at == 0
    assert column.values.tolist()[1] == pd.Timestamp("2025-09-14 08:00:00", tz="UTC")
