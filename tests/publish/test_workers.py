"""A large archive's per-article work runs on every core (issue 24): the report is the same on one or two."""

from __future__ import annotations

import pytest

from tests.conftest import ARCHIVE_OPTIONS, ARCHIVE_PART_ROWS


@pytest.mark.slow
def test_large_archive_report_is_the_same_on_one_worker_or_two(
    archive_report, tmp_path, monkeypatch
):
    """Past the sample size, on a parse cache of several parts, the pandas engine assigns the articles and
    signs their stories part by part on worker processes: the report and its side files are the same bytes
    with ANALYSIS_WORKERS=2 as with everything in one process (the session's archive report)."""
    from analysis.corpus.cache import store
    from analysis.parallel import WORKERS_ENV
    from analysis.publish import build_report

    monkeypatch.setattr(store, "PART_ROWS", ARCHIVE_PART_ROWS)
    monkeypatch.setenv(WORKERS_ENV, "2")
    out = tmp_path / "archive.html"
    build_report([archive_report / "archive.jsonl"], output=out, **ARCHIVE_OPTIONS)
    one = {p.name: p.read_bytes() for p in sorted((archive_report / "report").iterdir())}
    two = {p.name: p.read_bytes() for p in sorted(tmp_path.iterdir())}
    assert one.keys() == two.keys() and "archive-articles.csv" in one
    for name, data in one.items():
        assert data == two[name], f"{name} differs between one worker and two"
