"""The parsed-corpus cache gives exactly what load_corpus gives, parses in chunks, and is found again."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.corpus import DatesWarning, SkippedBlocksWarning, load_corpus
from analysis.corpus.cache import PUBLISHED_FILE, cache_corpus, load_cached_corpus, store
from analysis.errors import CorpusError

SEEDS = "seeds"


def _records(n: int) -> list[dict]:
    return [
        {
            "title": f"Headline number {i} about ships and budgets",
            "body": f"Article {i} says the navy ordered {i % 7} frigates. " * 5,
            "tags": ["Navy", f"Topic {i % 3}"],
            "topic": i % 3,
        }
        for i in range(n)
    ]


def _write(path, records, extra_lines=()):
    lines = [json.dumps(r) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of ~2 KB and parts of 7 articles, so a small file goes through every multi-chunk path."""
    monkeypatch.setattr(store, "CHUNK_BYTES", 2048)
    monkeypatch.setattr(store, "PART_ROWS", 7)


def test_seeds_read_back_equal_load_corpus(tmp_path):
    expected = load_corpus(SEEDS)
    cache = cache_corpus(SEEDS, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(cache.read(), expected)
    assert cache.n_articles == len(expected)


def test_bbc_read_back_equal_load_corpus(bbc_path, tmp_path, small_chunks):
    expected = load_corpus(bbc_path)
    cache = cache_corpus(bbc_path, cache_dir=tmp_path)
    assert len(cache.parts) > 1
    pd.testing.assert_frame_equal(cache.read(), expected)


def test_chunked_jsonl_merges_duplicates_across_parts(tmp_path, small_chunks):
    records = _records(40)
    again = dict(
        records[3], tags=["Navy", "Late tag"], editor="B. Jones"
    )  # same article, seen later
    path = _write(tmp_path / "archive.jsonl", [*records, again, records[30]])
    expected = load_corpus(path)
    cache = cache_corpus(path, cache_dir=tmp_path / "cache")
    got = cache.read()
    pd.testing.assert_frame_equal(got, expected)
    assert got.loc[3, "tags"] == ["Navy", "Topic 0", "Late tag"]
    assert got.loc[3, "editor"] == "B. Jones"
    assert len(got) == 40


def _same_error(path, cache_dir) -> str:
    """The error building a cache of ``path`` stops with, checked to be the one load_corpus gives."""
    with pytest.raises(CorpusError) as cached_error:
        cache_corpus(path, cache_dir=cache_dir)
    with pytest.raises(CorpusError) as direct_error:
        load_corpus(path)
    assert str(cached_error.value) == str(direct_error.value)
    return str(cached_error.value)


def test_bad_line_in_a_later_chunk_is_named_with_its_line(tmp_path, small_chunks):
    path = _write(
        tmp_path / "archive.jsonl", _records(30), ['{"title": "no body here", "body": ""}']
    )
    assert "archive.jsonl:31" in _same_error(path, tmp_path / "cache")
    assert not list(
        (tmp_path / "cache").glob("*/meta.json")
    )  # nothing half-built is left as a cache


@pytest.mark.parametrize("workers", ["1", "2"])
def test_chunks_parsed_on_workers_give_the_first_error_and_every_skip_in_file_order(
    tmp_path, small_chunks, monkeypatch, workers
):
    """A large file's chunks are parsed on worker processes: the error raised is the first in the file
    (not the first to finish), the skips come in file order, and the cache equals load_corpus."""
    monkeypatch.setenv("ANALYSIS_WORKERS", workers)
    records = [json.dumps(r) for r in _records(60)]
    lines = [*records[:8], "not json", *records[8:50], '{"body": ""}', *records[50:]]
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "archive.jsonl:9" in _same_error(path, tmp_path / "cache")
    with pytest.warns(SkippedBlocksWarning) as direct:
        expected = load_corpus(path, lenient=True)
    with pytest.warns(SkippedBlocksWarning) as cached:
        cache = cache_corpus(path, lenient=True, cache_dir=tmp_path / "cache")
    assert len(cache.parts) > 1
    pd.testing.assert_frame_equal(cache.read(), expected)
    message = str(cached[0].message)
    assert message == str(direct[0].message)
    assert message.index("archive.jsonl:9") < message.index("archive.jsonl:52")


def test_lenient_skips_are_listed_with_their_lines_every_time(tmp_path, small_chunks):
    path = _write(tmp_path / "archive.jsonl", _records(30), ["not json", '{"body": ""}'])
    with pytest.warns(SkippedBlocksWarning) as direct:
        expected = load_corpus(path, lenient=True)
    for _ in range(2):  # built, then found: the skipped blocks are reported both times
        with pytest.warns(SkippedBlocksWarning) as cached:
            got = load_cached_corpus(path, lenient=True, cache_dir=tmp_path / "cache")
        pd.testing.assert_frame_equal(got, expected)
        message = str(cached[0].message)
        assert "archive.jsonl:31" in message and "archive.jsonl:32" in message
        assert message == str(direct[0].message)


def test_cache_is_found_again_and_rebuilt_when_an_input_changes(tmp_path):
    path = _write(tmp_path / "a.jsonl", _records(5))
    first = cache_corpus(path, cache_dir=tmp_path / "cache")
    stamp = (first.path / "meta.json").stat().st_mtime_ns
    second = cache_corpus(path, cache_dir=tmp_path / "cache")
    assert second.path == first.path
    assert (second.path / "meta.json").stat().st_mtime_ns == stamp
    _write(path, _records(6))
    third = cache_corpus(path, cache_dir=tmp_path / "cache")
    assert third.path != first.path
    assert third.n_articles == 6


def test_batches_carry_corpus_positions_and_only_the_columns_asked(tmp_path, small_chunks):
    path = _write(tmp_path / "a.jsonl", _records(20))
    cache = cache_corpus(path, cache_dir=tmp_path / "cache")
    batches = list(cache.iter_batches(["id", "tags"]))
    # one batch per part: here each chunk of the file (distinct articles) became a part as it was kept
    assert [len(b) for b in batches] == [rows for _, rows in cache.parts] == [6, 6, 6, 2]
    assert list(pd.concat(batches).index) == list(range(20))
    assert all(list(b.columns) == ["id", "tags"] for b in batches)
    with pytest.raises(CorpusError, match="no column 'nope'"):
        next(cache.iter_batches(["nope"]))


def test_missing_path_is_a_clear_error(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(CorpusError, match="no such file or folder"):
            cache_corpus(tmp_path / "missing.jsonl", cache_dir=tmp_path / "cache")


# ------------------------------------------------------------------------------------ publication dates
def _dates_warnings(caught) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, DatesWarning)]


def test_dates_read_back_equal_load_corpus(dated_archive, tmp_path, small_chunks):
    with pytest.warns(DatesWarning) as direct:
        expected = load_corpus(dated_archive)
    for _ in range(2):  # built, then found: the same DatesWarning both times
        with pytest.warns(DatesWarning) as cached:
            cache = cache_corpus(dated_archive, cache_dir=tmp_path / "cache")
        assert _dates_warnings(cached) == _dates_warnings(direct)
    assert (dated_archive / "a.jsonl").stat().st_size > 4 * store.CHUNK_BYTES
    assert len(cache.parts) > 4
    assert cache.columns.index("published") == 6  # after the core columns, before the extras
    got = cache.read()
    pd.testing.assert_frame_equal(got, expected)
    assert str(got["published"].dtype) == "datetime64[ns, UTC]"
    assert got.attrs["date_notes"] == expected.attrs["date_notes"]
    assert got.attrs["date_notes"][0].startswith("44 of 47 articles dated")
    dates = dict(zip(got["title"], got["published"], strict=True))
    harbour = "Headline {} on harbours and budgets".format
    assert dates[harbour(3)] == pd.Timestamp("2025-09-15", tz="UTC")  # dated in b.csv only
    assert dates[harbour(5)] == pd.Timestamp("2023-06-15T12:00Z")  # blank first, dated later
    assert dates[harbour(10)] == pd.Timestamp("2024-11-11T08:00Z")  # the first of two dates
    assert dates[harbour(7)] == pd.Timestamp("2024-08-08T08:00Z")  # not its copy's in c.jsonl
    assert pd.isna(dates[harbour(25)]) and pd.isna(dates["Undated"])
    assert dates[harbour(2)] == pd.Timestamp("2025-04-09", tz="UTC")  # decided by line 34
    assert dates["US one"] == pd.Timestamp("2025-04-09", tz="UTC")  # month first in b.csv
    assert dates["UK one"] == pd.Timestamp("2025-09-04", tz="UTC")  # day first in c.jsonl
    assert "'yesterday' (" in cache.dates_warning and "a.jsonl:26)" in cache.dates_warning


def test_dates_in_batches_samples_and_column_reads(dated_archive, tmp_path, small_chunks):
    with pytest.warns(DatesWarning):
        expected = load_corpus(dated_archive)
    with pytest.warns(DatesWarning):
        cache = cache_corpus(dated_archive, cache_dir=tmp_path / "cache")
    batches = list(cache.iter_batches(["published", "id"]))
    assert len(batches) == len(cache.parts) > 4
    assert all(list(b.columns) == ["published", "id"] for b in batches)
    pd.testing.assert_frame_equal(
        pd.concat(batches), expected[["published", "id"]], check_index_type=False
    )
    rows = [1, 5, 25, 40, 46]
    pd.testing.assert_frame_equal(
        cache.take(rows, ["published"]), expected.loc[rows, ["published"]]
    )
    only = cache.read(["published"])
    pd.testing.assert_series_equal(only["published"], expected["published"])
    assert only.attrs["date_notes"] == expected.attrs["date_notes"]
    assert "date_notes" not in cache.read(["id", "title"]).attrs


def test_undated_corpus_has_no_published_column(tmp_path, small_chunks):
    path = _write(tmp_path / "archive.jsonl", _records(30))
    expected = load_corpus(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no DatesWarning
        cache = cache_corpus(path, cache_dir=tmp_path / "cache")
    assert "published" not in cache.columns and "published" not in expected.columns
    assert not (cache.path / PUBLISHED_FILE).exists()
    got = cache.read()
    pd.testing.assert_frame_equal(got, expected)
    assert got.attrs == {} == expected.attrs
    assert cache.date_notes == () and cache.dates_warning == ""


def test_cache_without_its_dates_file_is_rebuilt(dated_archive, tmp_path):
    with pytest.warns(DatesWarning):
        expected = load_corpus(dated_archive)
    with pytest.warns(DatesWarning):
        first = cache_corpus(dated_archive, cache_dir=tmp_path / "cache")
    (first.path / PUBLISHED_FILE).unlink()
    with pytest.warns(DatesWarning):
        again = cache_corpus(dated_archive, cache_dir=tmp_path / "cache")
    pd.testing.assert_frame_equal(again.read(), expected)


@given(
    value=st.one_of(st.text(), st.none(), st.integers(), st.lists(st.text(max_size=3), max_size=3))
)
def test_json_text_is_what_json_dumps_writes(value):
    """Dates and extra fields are written by json_text; a string takes the C encoder's quick path."""
    assert store.json_text(value) == json.dumps(value, ensure_ascii=False)
    assert json.loads(store.json_text(value)) == value
