"""The seed report's step times (``build_report(timings=...)``, :mod:`analysis.timings`): the command's
and the notebook's steps in one file, in order. The seed report fixture records them; the report run alone
(tests/report/test_concurrent_runs.py, tests/report/test_cli_report.py) gives the same bytes."""

from __future__ import annotations

from analysis.timings import STEPS, read_steps


def test_seed_report_records_every_step_in_order(seed_report_steps, seed_report):
    steps = read_steps(seed_report_steps)
    assert [name for name, _ in steps] == [
        "engine start",
        "parse",
        "corpus",
        "stories",
        "fit",  # 9 articles: fitted on all of them, nothing sampled or assigned
        "tag counts",
        "people and quotes",
        "charts",
        "export",
    ]
    assert {name for name, _ in steps} <= set(STEPS)
    assert all(seconds >= 0 for _, seconds in steps)
    assert "TIMINGS" not in seed_report and seed_report_steps.name not in seed_report
