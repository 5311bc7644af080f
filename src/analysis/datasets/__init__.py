"""Generated news for tests, examples and benchmarks (deterministic, no network).

- :mod:`analysis.datasets.exports`: :func:`make_export`, small exports in every shape real ones come in
  (tags or none, dates or none, pages, headlines only, outlets, boilerplate).
- :mod:`analysis.datasets.bbc_sentences`: :func:`write_bbc_sentences`, articles made of real BBC sentences
  recombined within a category (quotations kept whole), read from ``../shared/data/bbc`` at run time.
- :mod:`analysis.datasets.news`: :func:`generate_articles` and writers, news-like articles with hidden topics
  at any size (the large-archive tests and the benchmarks).
"""

from __future__ import annotations

from analysis.datasets.bbc_sentences import generate_bbc_sentences, write_bbc_sentences
from analysis.datasets.exports import OUTLETS, TOPICS, boilerplate_of, make_export
from analysis.datasets.news import (
    generate_articles,
    write_jsonl,
    write_jsonl_chunked,
    write_tag_page,
)

__all__ = [
    "OUTLETS",
    "TOPICS",
    "boilerplate_of",
    "generate_articles",
    "generate_bbc_sentences",
    "make_export",
    "write_bbc_sentences",
    "write_jsonl",
    "write_jsonl_chunked",
    "write_tag_page",
]
