"""Shared fixtures: the committed seed, the BBC benchmark data (skipped when absent), small corpora."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.config import PROJECT_ROOT, SEEDS_DIR, SHARED_DIR

BBC_JSONL = SHARED_DIR / "data" / "bbc" / "bbc.jsonl"
SEED_FILE = SEEDS_DIR / "000_540ffb8b86120463.txt"


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def seed_file() -> Path:
    return SEED_FILE


@pytest.fixture(scope="session")
def seed_corpus() -> pd.DataFrame:
    """The committed seed tag page, loaded once per session (9 articles)."""
    from analysis import load_corpus

    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="session")
def bbc_path() -> Path:
    """BBC News (2,225 articles, 5 editor-given categories); skips when ../shared is not beside the checkout."""
    if not BBC_JSONL.is_file():
        pytest.skip(
            f"BBC News benchmark data not found at {BBC_JSONL} (../shared/data/bbc is not beside this checkout)"
        )
    return BBC_JSONL


def make_corpus(rows: list[dict]) -> pd.DataFrame:
    """A corpus DataFrame with the loader's columns from a few dicts written in a test."""
    out = []
    for i, row in enumerate(rows):
        out.append(
            {
                "id": row.get("id", f"a{i:03d}"),
                "title": row.get("title", f"Headline {i}"),
                "body": row.get("body", ""),
                "tags": list(row.get("tags", [])),
                "tag_pages": list(row.get("tag_pages", ["Test page"])),
                "source": row.get("source", f"test.txt:{i + 1}"),
            }
        )
    return pd.DataFrame(out, columns=["id", "title", "body", "tags", "tag_pages", "source"])


@pytest.fixture
def corpus_factory():
    """``corpus_factory([{"title": ..., "body": ..., "tags": [...]}, ...])`` -> corpus DataFrame."""
    return make_corpus
