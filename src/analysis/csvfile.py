"""The one CSV writer of the project: files safe to open in a spreadsheet, for every CSV it writes.

Report downloads, the side ``<report>-articles.csv``, ``articles --format csv`` and ``kwic --format csv`` all
go through :func:`csv_text`, so each of them:

- starts with a UTF-8 byte-order mark, so Excel reads curly quotes and accents as UTF-8, not as mojibake;
- neutralises every text cell and column name that a spreadsheet would run as a formula: one that starts
  (after any spaces) with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, or their full-width forms,
  gets a leading ``'`` (OWASP's "CSV injection" advice), so ``=HYPERLINK(...)`` is shown as text;
- writes lists (tags, tag pages) as one ``"; "``-separated cell.

Floats are written with :data:`SIGNIFICANT_DIGITS` significant digits (:func:`fixed_float`), so the last bits
of a sum, which vary between machines, never reach the bytes of a report. Numbers from numeric columns are
written as numbers (a negative lift is ``-0.25``, which a spreadsheet reads
as a number, never as a formula); only text is neutralised.

    from analysis.csvfile import csv_bytes, write_csv
    write_csv(table, "build/tables/tags.csv")      # a file
    write_csv(table, sys.stdout)                   # a text stream
"""

from __future__ import annotations

import io
import math
import os
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

__all__ = [
    "BOM",
    "FORMULA_START",
    "clip",
    "csv_bytes",
    "csv_text",
    "fixed_float",
    "neutralise",
    "restore",
    "spreadsheet_safe",
    "write_csv",
]

#: First characters that make a spreadsheet read a cell as a formula (OWASP), and their full-width forms.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: The UTF-8 byte-order mark every CSV starts with (as text; ``"\ufeff"`` is ``EF BB BF`` in UTF-8).
BOM = "\ufeff"
#: Line end of every row (RFC 4180; a cell holding ``\r`` or ``\n`` is then quoted).
LINE_END = "\r\n"
#: Floats keep this many significant digits (the same bytes on any machine).
SIGNIFICANT_DIGITS = 6
#: Separator of list cells (tags, tag pages), the one the loader reads back.
LIST_SEPARATOR = "; "


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula, else unchanged.

    Example:
        >>> neutralise('=HYPERLINK("http://x","click")')
        '\\'=HYPERLINK("http://x","click")'
        >>> neutralise("Defense"), neutralise(-0.5)
        ('Defense', -0.5)
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


def clip(text: str, limit: int | None) -> str:
    """``text`` cut to at most ``limit`` characters, the last one an ellipsis (``None``: unchanged)."""
    if limit is None or len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)] + "…"


def restore(value: str) -> str:
    """The text a :func:`neutralise`-d cell stood for (``"'=x"`` -> ``"=x"``), so our CSVs read back as written.

    Example:
        >>> restore("'=SUM(A1)"), restore("'quoted'")
        ('=SUM(A1)', "'quoted'")
    """
    if value[:1] == "'" and value[1:].lstrip(" ").startswith(FORMULA_START):
        return value[1:]
    return value


def fixed_float(value: float) -> str:
    """A float as every CSV writes it: rounded to :data:`SIGNIFICANT_DIGITS` significant digits, then in
    Python's shortest form (``0.032674211905937`` -> ``"0.0326742"``, ``2.0`` -> ``"2.0"``; NaN -> ``""``)."""
    if math.isnan(value):
        return ""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return repr(float(f"{value:.{SIGNIFICANT_DIGITS}g}"))


def _is_float(value: Any) -> bool:
    return isinstance(value, float | np.floating)


#: The first characters of :data:`FORMULA_START`, and a space (a formula may follow spaces), as a set.
_CHECK_FIRST = frozenset(FORMULA_START) | {" "}


def _cell(value: Any, limit: int | None = None) -> Any:
    if type(value) is str and (limit is None or len(value) <= limit):
        # most cells of a large table: text that cannot start a formula is kept as it is, at once
        return neutralise(value) if value[:1] in _CHECK_FIRST else value
    if _is_float(value):
        return fixed_float(float(value))
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(map(str, value))
    if isinstance(value, str):
        value = clip(value, limit)
    return neutralise(value)


def _text_like(dtype) -> bool:
    """Columns that may hold text: object, string and categorical ones (numbers stay numbers)."""
    return (
        dtype == object
        or isinstance(dtype, pd.CategoricalDtype)
        or pd.api.types.is_string_dtype(dtype)
    )


def _safe_cells(column: pd.Series, limit: int | None) -> pd.Series:
    """:func:`_cell` of every cell of a text column. A column of lists only (tags) is joined first, and in a
    column of strings only the cells that may start a formula or run over ``limit`` go through the cell
    rule one by one (the same cells, faster on a million rows)."""
    if _arrow_strings(column) and not _arrow_needs(column, limit):
        return column  # no cell can start a formula or runs over the limit: kept as it is, in Arrow
    cells = column.to_numpy(dtype=object, copy=True)
    kinds = set(map(type, cells))
    if kinds and kinds <= {list, tuple}:
        cells = np.array([_joined(v) for v in cells], dtype=object)
        kinds = {str}
    if kinds == {str}:
        check = _CHECK_FIRST.__contains__
        needs = np.fromiter((check(v[:1]) for v in cells), dtype=bool, count=len(cells))
        if limit is not None:
            needs |= np.fromiter(map(len, cells), dtype=np.int64, count=len(cells)) > limit
        rows = np.flatnonzero(needs)
        cells[rows] = [_cell(value, limit) for value in cells[rows]]
    else:
        cells = [_cell(value, limit) for value in cells.tolist()]
    return pd.Series(cells, index=column.index, dtype=object)


#: A text cell a spreadsheet may run as a formula: one of :data:`FORMULA_START` after any spaces.
_FORMULA_CELL = "^ *[" + "".join("\\" + c if c in "-\\]^" else c for c in FORMULA_START) + "]"


def _arrow_strings(column: pd.Series) -> bool:
    """Is the column Arrow-backed text (pandas' default string dtype), so it can be checked in Arrow?"""
    return isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow"


def _arrow_needs(column: pd.Series, limit: int | None) -> bool:
    """Does any cell of an Arrow-backed text column start a formula or run over ``limit``? Checked in
    Arrow's C++ kernels, without a Python object per cell (a million-row article list)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.array(column.array)
    needs = pc.match_substring_regex(cells, _FORMULA_CELL)
    if limit is not None:
        needs = pc.or_(needs, pc.greater(pc.utf8_length(cells), limit))
    return bool(pc.any(needs).as_py())


def _joined(items: list | tuple) -> str:
    """A list cell as one text cell; ``str`` of each item only when one is not a string already."""
    try:
        return LIST_SEPARATOR.join(items)
    except TypeError:
        return LIST_SEPARATOR.join(map(str, items))


def spreadsheet_safe(table: pd.DataFrame, *, max_chars: int | None = None) -> pd.DataFrame:
    """A copy of ``table`` with list cells joined and every text cell and column name neutralised.

    Args:
        table: the rows (not modified).
        max_chars: cut text cells to this many characters (:func:`clip`); None keeps them whole.
    """
    out = table.copy()
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if _text_like(column.dtype):
            out.isetitem(position, _safe_cells(column, max_chars))
        elif pd.api.types.is_float_dtype(column.dtype):
            out.isetitem(position, column.map(lambda v: fixed_float(float(v))).astype(object))
    out.columns = [_cell(str(c), max_chars) for c in out.columns]
    out.index = out.index.set_names(
        [None if name is None else neutralise(str(name)) for name in out.index.names]
    )
    if not isinstance(out.index, pd.MultiIndex) and _text_like(out.index.dtype):
        out.index = pd.Index(out.index.astype(object).map(_cell), name=out.index.name)
    return out


def csv_text(table: pd.DataFrame, *, index: bool = False, max_chars: int | None = None) -> str:
    """The table as spreadsheet-safe CSV text, starting with :data:`BOM`, lines ending in ``\\r\\n``.

    Lines end as RFC 4180 and Excel have them, so a cell holding a line break (``\\r`` too) is quoted.

    Args:
        table: the rows to write (not modified).
        index: write the index as the first column (e.g. a tag-by-cluster matrix).
        max_chars: cut text cells to this many characters; None keeps them whole.

    Returns:
        The CSV text.
    """
    buffer = io.StringIO()
    _write(table, buffer, index=index, max_chars=max_chars)
    return buffer.getvalue()


def csv_bytes(table: pd.DataFrame, *, index: bool = False, max_chars: int | None = None) -> bytes:
    """:func:`csv_text` encoded as UTF-8 (the bytes of a report download)."""
    return csv_text(table, index=index, max_chars=max_chars).encode("utf-8")


def write_csv(
    table: pd.DataFrame, target: str | os.PathLike[str] | IO[str], *, index: bool = False
) -> None:
    """Write the table as spreadsheet-safe CSV to a file path or an open text stream (e.g. stdout).

    Args:
        table: the rows to write (not modified).
        target: a file path (written as UTF-8) or a text stream.
        index: write the index as the first column.
    """
    if isinstance(target, str | os.PathLike):
        with Path(target).open("w", encoding="utf-8", newline="") as handle:
            _write(table, handle, index=index)
    else:
        _write(table, target, index=index)


def _write(
    table: pd.DataFrame, stream: IO[str], *, index: bool, max_chars: int | None = None
) -> None:
    """BOM, then the rows in pandas' chunks (a reader that stops early, ``| head``, is noticed at once)."""
    stream.write(BOM)
    safe = spreadsheet_safe(table, max_chars=max_chars)
    safe.to_csv(stream, index=index, lineterminator=LINE_END)
