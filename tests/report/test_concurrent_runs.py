"""Two reports of different corpora run at the same time from one checkout never share a file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from analysis.config import SEEDS_DIR


@pytest.mark.slow
def test_two_reports_at_once_are_each_the_report_run_alone(
    seed_report_path, hostile_report_path, tmp_path
):
    """Two reports of different corpora run at the same time from one checkout: each is byte-identical to
    the same report run alone (the session's fixtures), and each output folder holds only its own files.
    The seed's goes into a new folder given with a trailing /, named after the corpus (uk-defense.html)."""
    hostile_input = hostile_report_path.parent / "hostile.txt"
    jobs = {
        "seed": ([str(SEEDS_DIR)], tmp_path / "seed" / "uk-defense.html", seed_report_path),
        "hostile": (
            [str(hostile_input)],
            tmp_path / "hostile" / hostile_report_path.name,
            hostile_report_path,
        ),
    }
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "analysis", "report", *inputs, "-o", target, "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for (inputs, out, _), target in zip(
            jobs.values(), [f"{tmp_path / 'seed'}/", str(jobs["hostile"][1])], strict=True
        )
    ]
    for process in running:
        _, err = process.communicate(timeout=900)
        assert process.returncode == 0, err
    for _, out, alone in jobs.values():
        assert out.read_bytes() == alone.read_bytes()
        # its own report and state (what a later --since compares with), nothing of the other run
        assert sorted(p.name for p in out.parent.iterdir()) == [out.name, f"{out.stem}.state.npz"]
