"""A large archive's per-article work runs on every core (issue 24): the report is the same on one or two."""

from __future__ import annotations

import pytest


@pytest.mark.slow
def test_large_archive_report_is_the_same_on_one_worker_or_two(bbc_path, tmp_path, monkeypatch):
    """Past the sample size, on a parse cache of several parts, the pandas engine assigns the articles and
    signs their stories part by part on worker processes: the report and its side files are the same bytes
    with ANALYSIS_WORKERS=1 (everything in one process) and 2."""
    from analysis.corpus.cache import store
    from analysis.datasets.bbc_sentences import write_bbc_sentences
    from analysis.parallel import WORKERS_ENV
    from analysis.publish import build_report

    monkeypatch.setattr(store, "PART_ROWS", 200)  # the cache the command builds has four parts
    path = write_bbc_sentences(tmp_path / "archive.jsonl", 800, source=bbc_path, seed=3)
    sizes = {"sample_size": 400, "map_points": 200, "text_sample": 200, "full_table_max": 1_000}
    made = {}
    for workers in ("1", "2"):
        monkeypatch.setenv(WORKERS_ENV, workers)
        out = tmp_path / f"workers-{workers}" / "archive.html"
        build_report([path], output=out, k=6, sizes=sizes, progress=False)
        made[workers] = {p.name: p.read_bytes() for p in sorted(out.parent.iterdir())}
    assert made["1"].keys() == made["2"].keys() and "archive-articles.csv" in made["1"]
    for name, data in made["1"].items():
        assert data == made["2"][name], f"{name} differs between one worker and two"
