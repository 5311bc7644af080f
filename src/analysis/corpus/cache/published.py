"""Publication dates while the parse cache is built: read per file as ``load_corpus`` reads them, kept by row.

A builder hands over each article it parses (before merging) with its row in the corpus; only the date as
written and its line are kept, for the current file. When the file is done its dates are read as a whole
by the loader's own ``DateReport`` (so day/month order is decided per file, and the notes and warning are
the loader's), and each row keeps the first date that could be read, as ``load_corpus`` keeps the first
non-missing date of an article seen twice. Memory: 8 bytes per row, plus the raw dates of one file.
:meth:`PublishedDates.finish` writes ``published.parquet`` beside the parts (one row group per part).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.corpus.cache.store import NAT, PUBLISHED_FILE
from analysis.corpus.load import DateReport

__all__ = ["PublishedDates"]


class PublishedDates:
    """The publication dates of a corpus being built, as int64 nanoseconds (UTC) by row."""

    def __init__(self) -> None:
        self.report = DateReport()
        self.ns = np.full(1 << 12, NAT, dtype=np.int64)
        self._reset()

    def _reset(self) -> None:
        self._rows = array("q")
        self._lines = array("q")
        self._dates: list[Any] = []
        self._n_articles = 0

    @property
    def dated(self) -> bool:
        """True when some file had a date field (``load_corpus`` then gives a ``published`` column)."""
        return self.report.files > 0

    def add(self, row: int, art: Any) -> None:
        """One article of the current file, as parsed (before merging), and its row in the corpus."""
        self._n_articles += 1
        if art.date_line is not None:
            self._rows.append(row)
            self._dates.append(art.date)
            self._lines.append(art.date_line)

    def add_block(
        self, rows: Sequence[int], dates: list[Any], lines: Sequence[int], n_articles: int
    ) -> None:
        """A block of the current file: its dated articles' rows, dates as written and lines, in order."""
        self._n_articles += n_articles
        self._rows.extend(int(r) for r in rows)
        self._dates.extend(dates)
        self._lines.extend(int(n) for n in lines)

    def end_file(self, name: str) -> None:
        """Read the current file's dates as a whole (notes name it ``name``); each row keeps the first date."""
        stamps = self.report.read_raw(self._dates, self._lines, self._n_articles, name)
        if stamps is not None:
            values = stamps.to_numpy("datetime64[ns]").view(np.int64)
            self._fill(np.frombuffer(self._rows, dtype=np.int64), values)
        self._reset()

    def _fill(self, rows: np.ndarray, values: np.ndarray) -> None:
        read = values != NAT
        rows, values = rows[read], values[read]
        if not len(rows):
            return
        self._grow(int(rows.max()) + 1)
        unique, first = np.unique(rows, return_index=True)  # first: the earliest copy in the file
        empty = self.ns[unique] == NAT
        self.ns[unique[empty]] = values[first[empty]]

    def _grow(self, size: int) -> None:
        if size > len(self.ns):
            grown = np.full(max(size, 2 * len(self.ns)), NAT, dtype=np.int64)
            grown[: len(self.ns)] = self.ns
            self.ns = grown

    def finish(self, folder: Path, parts: Sequence[Sequence[Any]]) -> dict[str, Any]:
        """Write ``published.parquet`` (on a dated corpus) and return the ``meta.json`` entries on dates.

        Args:
            folder: the cache folder being built.
            parts: ``(name, rows)`` of every part, in row order.

        Returns:
            ``date_notes`` (the loader's sentences) and ``dates_warning`` (its DatesWarning text, or "").
        """
        if not self.dated:
            return {"date_notes": [], "dates_warning": ""}
        n_rows = sum(int(rows) for _, rows in parts)
        self._grow(n_rows)
        ns = self.ns[:n_rows]
        _write_published(folder / PUBLISHED_FILE, ns, [int(rows) for _, rows in parts])
        notes = self.report.notes(pd.Series(ns.view("M8[ns]")))
        return {"date_notes": notes, "dates_warning": self.report.message()}


def _write_published(path: Path, ns: np.ndarray, part_rows: list[int]) -> None:
    """One timestamp column (null where missing), one row group per part."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kind = pa.timestamp("ns", tz="UTC")
    schema = pa.schema([("published", kind)])
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        start = 0
        for rows in part_rows:
            piece = ns[start : start + rows]
            column = pa.array(piece, pa.int64(), mask=piece == NAT).cast(kind)
            writer.write_table(pa.table([column], schema=schema), row_group_size=max(rows, 1))
            start += rows
