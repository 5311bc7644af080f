"""Readings kept between runs: a report rebuilt on an archive that grew reads only the articles it has not
read, and gets the people and quotations it would get reading them all."""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

from analysis.extract.quotes import people_and_quotes
from analysis.extract.readings import KeptReadings, text_keys

# the module, not the function analysis.extract.quotes that the package exports under that name
quotes_module = importlib.import_module("analysis.extract.quotes")


@pytest.fixture
def reads(monkeypatch):
    """The article ids each call actually reads (the reader runs as always; the list only records)."""
    seen: list[str] = []
    real = quotes_module._read_articles

    def recording(corpus, nlp=None, progress=None):
        seen.extend(corpus["id"].astype(str))
        return real(corpus, nlp, progress)

    monkeypatch.setattr(quotes_module, "_read_articles", recording)
    return seen


def _equal(got, expected) -> None:
    for a, b in zip(got, expected, strict=True):
        pd.testing.assert_frame_equal(a, b)


def test_kept_readings_give_what_reading_everything_gives(seed_corpus, bbc_corpus, tmp_path, reads):
    corpus = pd.concat([seed_corpus, bbc_corpus.iloc[:150]], ignore_index=True)
    expected = people_and_quotes(corpus)
    assert len(expected[1]) > 100  # quote-rich: the test means something
    reads.clear()
    _equal(people_and_quotes(corpus, kept=tmp_path), expected)
    assert sorted(reads) == sorted(corpus["id"].astype(str))
    reads.clear()
    _equal(people_and_quotes(corpus, kept=tmp_path), expected)  # all read back
    assert reads == []
    # the archive grows and one article is corrected: only those two are read
    grown = pd.concat([corpus, bbc_corpus.iloc[150:151]], ignore_index=True)
    grown.loc[3, "body"] = grown.loc[3, "body"] + ' "We will not stop," the minister said.'
    reads.clear()
    _equal(people_and_quotes(grown, kept=tmp_path), people_and_quotes(grown))
    assert sorted(reads[:2]) == sorted([grown.loc[3, "id"], grown.loc[len(grown) - 1, "id"]])


def test_damaged_kept_readings_are_read_again(seed_corpus, tmp_path, reads):
    expected = people_and_quotes(seed_corpus)
    people_and_quotes(seed_corpus, kept=tmp_path)
    files = list(tmp_path.glob("*/readings-*.parquet"))
    assert len(files) == 1
    files[0].write_bytes(b"PAR1 not parquet")
    reads.clear()
    _equal(people_and_quotes(seed_corpus, kept=tmp_path), expected)
    assert sorted(reads) == sorted(seed_corpus["id"].astype(str))


def test_many_runs_are_compacted_into_one_file(seed_corpus, tmp_path):
    for i in range(len(seed_corpus)):
        people_and_quotes(seed_corpus.iloc[[i]], kept=tmp_path)
    (folder,) = tmp_path.iterdir()
    files = sorted(p.name for p in folder.glob("readings-*.parquet"))
    assert len(files) <= 8 and len(seed_corpus) > 8
    store = KeptReadings(tmp_path, folder.name)
    keys = text_keys(seed_corpus["title"], seed_corpus["body"])
    assert set(store.read(keys)) == set(keys)  # nothing lost in compaction
