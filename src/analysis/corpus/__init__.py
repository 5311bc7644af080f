"""Load tag-page dumps, article exports (JSON Lines, CSV), feeds and saved pages into one clean corpus.

:func:`load_corpus` is the only public entry point. It accepts files and folders, decodes whatever encoding
real dumps come in (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252), parses tag-page text by its
structure (headline, body paragraphs, tags) with a small Viterbi decoder over line features, reads JSONL and
CSV exports (headline-only lists too), RSS/Atom feeds (:mod:`analysis.corpus.feeds`) and saved article pages
(:mod:`analysis.corpus.pages`), any of them gzip-compressed, merges the same article seen on several pages or files into one row, and returns a DataFrame
with the columns ``id``, ``title``, ``body``, ``tags``, ``tag_pages``, ``source`` plus any extra fields of
JSONL/CSV rows, and ``outlet``/``url`` when the articles name them (:mod:`analysis.corpus.outlets`). Everything a user can get wrong raises :class:`analysis.errors.CorpusError` naming the file,
the line and what was expected; no block of input is ever silently dropped (``lenient=True`` skips bad
blocks, but lists each one in a :class:`SkippedBlocksWarning`). Publication dates (JSONL/CSV fields
:data:`analysis.corpus.dates.DATE_FIELDS`; a feed item's date; a saved page's date; a date line after a
tag-page headline) become a ``published`` column of UTC timestamps (:mod:`analysis.corpus.dates`).
"""

from __future__ import annotations

from analysis.corpus.base import (
    CORPUS_COLUMNS,
    DatesWarning,
    SkippedBlocksWarning,
    article_id,
    check_corpus_columns,
)
from analysis.corpus.dates import parse_date, parse_dates
from analysis.corpus.files import as_path_list
from analysis.corpus.load import load_corpus

__all__ = [
    "CORPUS_COLUMNS",
    "DatesWarning",
    "SkippedBlocksWarning",
    "article_id",
    "as_path_list",
    "check_corpus_columns",
    "load_corpus",
    "parse_date",
    "parse_dates",
]
