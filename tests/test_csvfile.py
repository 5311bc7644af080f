"""The one CSV writer: every text cell and column name a spreadsheet would run is neutralised, BOM first."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.csvfile import (
    BOM,
    LIST_SEPARATOR,
    clip,
    csv_bytes,
    csv_text,
    fixed_float,
    neutralise,
    restore,
    spreadsheet_safe,
    write_csv,
)

PAYLOADS = [
    '=HYPERLINK("http://x","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
    "  =1+1",
    "\uff1d1+1",
]


def cells(text: str) -> list[list[str]]:
    """The rows as a spreadsheet user's Python would read them (csv module, BOM removed by utf-8-sig)."""
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"), newline="")))


def dangerous(cell: str) -> bool:
    return cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r", "\uff1d"))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_formula_payload_is_neutralised_in_values_headers_and_lists(payload):
    table = pd.DataFrame(
        {payload: [payload, "plain"], "tags": [[payload, "b"], ["x"]], "n": [1.5, 2.0]}
    )
    rows = cells(csv_text(table))
    assert rows[0] == ["'" + payload, "tags", "n"]
    assert rows[1][0] == "'" + payload and rows[1][1].startswith("'" + payload)
    assert not any(dangerous(cell) for row in rows for cell in row)
    assert rows[2] == ["plain", "x", "2.0"]


def test_numbers_stay_numbers_and_text_keeps_its_characters():
    table = pd.DataFrame({"lift": [-0.25, 3.0], "headline": ["Europe’s “deal”", "it's -fine-"]})
    rows = cells(csv_text(table))
    assert rows[1] == ["-0.25", "Europe’s “deal”"]  # a negative number is a number, not a formula
    assert rows[2] == ["3.0", "it's -fine-"]
    assert csv_bytes(table).startswith(b"\xef\xbb\xbf")


def test_index_duplicate_columns_and_categories_are_neutralised():
    matrix = pd.DataFrame({"=a": [1, 2]}, index=pd.Index(["@x", "y"], name="-tag"))
    assert cells(csv_text(matrix, index=True))[:2] == [["'-tag", "'=a"], ["'@x", "1"]]
    twice = pd.DataFrame([["=1", "+2"]], columns=["c", "c"])
    assert cells(csv_text(twice))[1] == ["'=1", "'+2"]
    category = pd.DataFrame({"c": pd.Categorical(["=x", "y"])})
    assert cells(csv_text(category))[1] == ["'=x"]


def test_the_table_is_not_modified():
    table = pd.DataFrame({"t": ["=x"], "l": [["a"]]})
    csv_text(table)
    assert table.loc[0, "t"] == "=x" and table.loc[0, "l"] == ["a"]


def test_write_csv_to_a_file_and_a_stream(tmp_path):
    table = pd.DataFrame({"t": ["=x", "a\r\nb"]})
    write_csv(table, tmp_path / "t.csv")
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [["t"], ["'=x"], ["a\r\nb"]]
    stream = io.StringIO()
    write_csv(table, stream)
    assert stream.getvalue().encode("utf-8") == (tmp_path / "t.csv").read_bytes()


@pytest.mark.parametrize("payload", [*PAYLOADS, "plain", "'quoted'", "'", ""])
def test_restore_reads_back_what_neutralise_wrote(payload):
    assert restore(neutralise(payload)) == payload


_ANY_CELL = st.one_of(
    st.text(alphabet=st.sampled_from(list("=+-@ \t\r\n\uff1d\uff0b\uff0d\uff20ab'’ ")), max_size=8),
    st.text(max_size=12),
    st.lists(st.text(max_size=4), max_size=3),
    st.floats(allow_nan=True),
    st.integers(),
    st.none(),
)


@given(values=st.lists(_ANY_CELL, min_size=1, max_size=20), limit=st.none() | st.integers(0, 6))
def test_each_text_cell_is_written_as_the_cell_rule_says(values, limit):
    """A text column, cell by cell (the quick path for plain text included): floats in fixed precision,
    lists joined, text cut to the limit, then neutralised."""

    def rule(value):
        if isinstance(value, float):
            return fixed_float(value)
        if isinstance(value, list):
            value = LIST_SEPARATOR.join(value)
        return neutralise(clip(value, limit) if isinstance(value, str) else value)

    table = pd.DataFrame({"cell": pd.Series(values, dtype=object)})
    got = spreadsheet_safe(table, max_chars=limit).iloc[:, 0].tolist()
    assert got == [rule(value) for value in values]


@given(
    values=st.lists(st.one_of(st.text(max_size=12), st.sampled_from(PAYLOADS)), min_size=1),
    limit=st.none() | st.integers(0, 6),
)
def test_a_column_of_text_only_takes_the_same_cells_on_its_quick_path(values, limit):
    """A column holding only strings (most columns of a large table) is checked in bulk: same cells."""
    table = pd.DataFrame({"cell": pd.Series(values, dtype=object)})
    got = spreadsheet_safe(table, max_chars=limit).iloc[:, 0].tolist()
    assert got == [neutralise(clip(value, limit)) for value in values]


@given(
    values=st.lists(
        st.lists(st.one_of(st.text(max_size=5), st.sampled_from(PAYLOADS)), max_size=3), min_size=1
    ),
    limit=st.none() | st.integers(0, 6),
)
def test_a_column_of_lists_only_is_joined_then_made_safe(values, limit):
    """A column of lists only (tags, tag pages) is joined in bulk: the same cells as one by one."""
    table = pd.DataFrame({"cell": pd.Series(values, dtype=object)})
    got = spreadsheet_safe(table, max_chars=limit).iloc[:, 0].tolist()
    assert got == [neutralise(clip(LIST_SEPARATOR.join(value), limit)) for value in values]


@given(
    values=st.lists(
        st.one_of(st.text(max_size=12), st.sampled_from(PAYLOADS), st.none()), min_size=1
    ),
    limit=st.none() | st.integers(0, 6),
)
def test_an_arrow_text_column_is_written_as_the_same_column_of_python_strings(values, limit):
    """pandas' own text columns (Arrow-backed, the article list's) are checked in Arrow and kept as they
    are when no cell can start a formula or runs over the limit: the same CSV as one cell at a time."""
    python = csv_text(pd.DataFrame({"cell": pd.Series(values, dtype=object)}), max_chars=limit)
    for dtype in ("str", "string[pyarrow]"):  # missing as NaN (pandas' default) or as NA
        arrow = pd.DataFrame({"cell": pd.Series(values, dtype=dtype)})
        assert csv_text(arrow, max_chars=limit) == python
