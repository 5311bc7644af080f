"""Tests for analysis.corpus: the seed, every tag-page variation, JSONL/CSV, duplicates and every error."""

from __future__ import annotations

import pandas as pd

from analysis import load_corpus
from analysis.corpus import CORPUS_COLUMNS


def test_seed_loads_as_nine_articles(seed_corpus: pd.DataFrame) -> None:
    assert list(seed_corpus.columns) == list(CORPUS_COLUMNS)
    assert len(seed_corpus) == 9
    assert sum(len(tags) for tags in seed_corpus["tags"]) == 45
    assert len({t for tags in seed_corpus["tags"] for t in tags}) == 26
    assert all(pages == ["UK defense"] for pages in seed_corpus["tag_pages"])
    assert seed_corpus["title"].iloc[0] == "Why Putin won’t end his war against the West"
    assert isinstance(seed_corpus.index, pd.RangeIndex)


def test_seed_file_and_folder_give_same_rows(seed_file) -> None:
    assert load_corpus(seed_file).equals(load_corpus(seed_file.parent))
