"""One plan per report run: options checked once with their allowed values, and what the notebook is given.

Two reports run at the same time are in ``tests/report/test_concurrent_runs.py`` (they use the report fixtures)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.config import SEEDS_DIR
from analysis.corpus.cache import cache_corpus
from analysis.errors import ParameterError
from analysis.publish import build_report
from analysis.publish.plan import check_options, finish_plan


@pytest.mark.parametrize("engine", ["dsk", "Pandas", "", None])
def test_build_report_refuses_an_unknown_engine_naming_the_allowed_values(engine, tmp_path):
    out = tmp_path / "r.html"
    with pytest.raises(ParameterError) as error:
        build_report([SEEDS_DIR], output=out, engine=engine, progress=False)
    assert "auto, pandas, dask" in str(error.value) and repr(engine) in str(error.value)
    assert not out.exists() and not list(tmp_path.iterdir())


def test_cli_refuses_an_unknown_engine_naming_the_allowed_values(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(SEEDS_DIR), "--engine", "dsk"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "dsk" in result.stderr and all(e in result.stderr for e in ("auto", "pandas", "dask"))
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"freq": "Y"}, "'D', 'W' or 'M'"),
        ({"k": 2.5}, "k must be a whole number"),
        ({"random_state": "0"}, "random-state must be a whole number"),
        ({"engine": "spark"}, "auto, pandas, dask"),
    ],
)
def test_options_are_checked_once_before_anything_runs(options, message):
    given = {"engine": "pandas", "k": None, "random_state": 0, "freq": "M", "nlp": None, **options}
    with pytest.raises(ParameterError, match=message):
        check_options(**given)


def test_the_plan_is_what_the_notebook_is_given(tmp_path):
    cache = cache_corpus(SEEDS_DIR, cache_dir=tmp_path / "cache")
    options = {"engine": "pandas", "scheduler": None, "k": 3, "random_state": 7, "freq": "W"}
    first = finish_plan(
        [SEEDS_DIR], cache, output=tmp_path / "a" / "x.html", nlp=None, lenient=False, **options
    )
    second = finish_plan(
        [SEEDS_DIR], cache, output=tmp_path / "b" / "x.html", nlp=None, lenient=False, **options
    )
    parameters = first.parameters()
    assert parameters["CACHE"] == str(cache.path)
    assert parameters["TITLE"] == "UK defense" and parameters["FILE_STEM"] == "x"
    assert (
        parameters["ENGINE"],
        parameters["K"],
        parameters["RANDOM_STATE"],
        parameters["FREQ"],
    ) == (
        "pandas",
        3,
        7,
        "W",
    )
    assert Path(parameters["FILES_DIR"]).parent == first.run_dir == first.executed.parent
    assert first.run_dir != second.run_dir  # each run: its own scratch folder and executed notebook
    for plan in (first, second):
        shutil.rmtree(plan.run_dir)  # made by the plan, removed by build_report after a good run
    with pytest.raises(ParameterError, match="1 <= k < 9"):
        finish_plan(
            [SEEDS_DIR],
            cache,
            output=tmp_path / "c.html",
            nlp=None,
            lenient=False,
            **{**options, "k": 9},
        )
