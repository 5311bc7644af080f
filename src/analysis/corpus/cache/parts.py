"""The parse cache's Parquet parts: articles written as a table and read back, and a kept chunk made a part.

A part holds articles in corpus order: ``id`` (the article's key), ``title``, ``body``, ``tags`` and
``tag_pages`` (each without repeats, as :func:`analysis.corpus.load.merge_article` keeps them), ``source``,
the story signature (:data:`~analysis.corpus.cache.store.SIGNATURE_COLUMN`) and one column of JSON text per
extra field. A chunk of a file's parsed copy (:mod:`analysis.corpus.cache.parsed`) is written in the same
layout, with each article's date as written and its line (:data:`DATE_COLUMNS`) besides: it can be read back
as the parser's articles, or, when its articles are all new to the corpus being built, become one of the
corpus cache's parts as it is (:func:`link_or_copy`), with no article read back or written again.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from analysis.corpus.base import ParsedArticle
from analysis.corpus.cache import store

__all__ = [
    "DATE_COLUMNS",
    "article_table",
    "articles_of",
    "link_or_copy",
    "write_table",
]

#: A kept chunk's columns of each article's date as written (JSON text) and the line it was read from.
#: Not corpus columns: the dates are read per file and kept in ``published.parquet``.
DATE_COLUMNS = ("__date_as_written__", "__date_line__")


def article_table(
    ids: list[str], articles: list[Any], extras: dict[str, None], *, dates: bool = False
) -> Any:
    """The articles as an Arrow table (``dates``: with :data:`DATE_COLUMNS`). Extra fields seen are added
    to ``extras`` in the order they first appear; the table has a column for those its articles carry."""
    import pyarrow as pa

    for art in articles:
        extras.update(dict.fromkeys(art.extras))
    names = [name for name in extras if any(name in a.extras for a in articles)]
    text, strings = pa.string(), pa.list_(pa.string())
    columns = {
        "id": pa.array(ids, text),
        "title": pa.array([a.title for a in articles], text),
        "body": pa.array([a.body for a in articles], text),
        "tags": pa.array([list(dict.fromkeys(a.tags)) for a in articles], strings),
        "tag_pages": pa.array([list(dict.fromkeys(a.tag_pages)) for a in articles], strings),
        "source": pa.array([a.source for a in articles], text),
        store.SIGNATURE_COLUMN: pa.array([a.signature for a in articles], pa.binary()),
    }
    for name in names:
        values = [store.json_text(a.extras[name]) if name in a.extras else None for a in articles]
        columns[name] = pa.array(values, text)
    if dates:
        date, line = DATE_COLUMNS
        columns[date] = pa.array([store.json_text(a.date) for a in articles], text)
        columns[line] = pa.array([a.date_line for a in articles], pa.int64())
    return pa.table(columns)


def write_table(path: Path, ids: list[str], articles: list[Any], extras: dict[str, None]) -> None:
    """Write a part. It is written aside and renamed over ``path``: a part linked from a parsed copy and
    rewritten (an article merged into it from a later file) gets a file of its own, the copy unchanged."""
    import pyarrow.parquet as pq

    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(article_table(ids, articles, extras), tmp, compression=store.PARQUET_COMPRESSION)
    tmp.replace(path)


def articles_of(table: Any, extras: list[str]) -> tuple[list[str], list[Any]]:
    """A part (or kept chunk) read back as (ids, parser articles): extras decoded from JSON text, and a
    kept chunk's dates as written with their lines."""
    date, line = DATE_COLUMNS
    names = ["id", "title", "body", "tags", "tag_pages", "source", date, line]
    columns = {
        name: table.column(name).to_pylist()
        for name in [*names, store.SIGNATURE_COLUMN, *extras]
        if name in table.column_names
    }
    n = table.num_rows
    dates = [json.loads(d) for d in columns[date]] if date in columns else [None] * n
    lines = columns.get(line, [None] * n)
    present = [name for name in extras if name in columns]
    out = []
    for i in range(n):
        fields = {
            name: json.loads(columns[name][i]) for name in present if columns[name][i] is not None
        }
        out.append(
            ParsedArticle(
                columns["title"][i],
                columns["body"][i],
                columns["tags"][i],
                columns["tag_pages"][i],
                columns["source"][i],
                fields,
                columns["id"][i],
                dates[i],
                lines[i],
                signature=columns[store.SIGNATURE_COLUMN][i],
            )
        )
    return columns["id"], out


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` made the same file as ``source``: a hard link (no bytes written), or a copy where the
    file system has none."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
