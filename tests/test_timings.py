"""Step times of a report run (analysis.timings): recorded only into a file given, in order, and the
report's data are the same with or without them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from analysis.timings import (
    STEPS,
    read_steps,
    record_steps,
    recording,
    step_done,
)


@pytest.fixture(autouse=True)
def _stop_recording():
    yield
    record_steps(None)  # never leak a recording into another test


def test_nothing_is_recorded_without_a_file(tmp_path):
    record_steps(None)
    step_done("parse")
    assert list(tmp_path.iterdir()) == []
    assert read_steps(tmp_path / "none.jsonl") == []


def test_steps_are_appended_in_order_and_recording_stops_after_the_block(tmp_path):
    path = tmp_path / "steps.jsonl"
    with recording(path):
        step_done("parse")
        sum(range(100_000))
        step_done("export")
    step_done("charts")  # after the block: not recorded
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["step"] for line in lines] == ["parse", "export"]
    assert [name for name, _ in read_steps(path)] == ["parse", "export"]
    assert all(isinstance(line["seconds"], float) and line["seconds"] >= 0 for line in lines)


def test_report_data_past_the_sample_size_records_stories_sample_fit_and_assignment(tmp_path):
    """On a sampled fit the report's data record their three steps, and recording changes nothing."""
    from analysis.corpus.cache import cache_corpus
    from analysis.datasets import write_jsonl_chunked
    from analysis.report.data import report_data

    source = write_jsonl_chunked(tmp_path / "archive.jsonl", 500, chunk=200)
    cache = cache_corpus(source, cache_dir=tmp_path / "cache")
    options = {"cache": cache.path, "k": 3, "random_state": 0, "sizes": {"sample_size": 200}}
    path = tmp_path / "steps.jsonl"
    with recording(path):
        timed = report_data([source], **options)
    plain = report_data([source], **options)
    assert [name for name, _ in read_steps(path)] == [
        "corpus",
        "stories",
        "sample fit",
        "assignment",
    ]
    assert {name for name, _ in read_steps(path)} <= set(STEPS)
    assert np.array_equal(timed.model.labels, plain.model.labels)
    assert timed.model.n_articles == 500
