"""End-to-end tests of ``python -m analysis kwic PATH... TERM [--window N] [--format text|csv]`` (subprocess)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd

from analysis.config import PROJECT_ROOT


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "kwic", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=PROJECT_ROOT,
        check=False,
        timeout=120,
    )


def test_csv_output_lists_every_match(seed_file: Path) -> None:
    result = run(seed_file, "coalition of the willing", "--window", "20", "--format", "csv")
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(io.StringIO(result.stdout), keep_default_na=False)
    assert list(table.columns) == ["article_id", "field", "start", "left", "match", "right"]
    assert len(table) == 5
    assert set(table["match"].str.lower()) == {"coalition of the willing"}
    assert (table["left"].str.len() <= 20).all()
    assert "5 match(es)" in result.stderr


def test_text_output_marks_the_match(seed_file: Path) -> None:
    result = run(seed_file, "Hegseth", "--window", "15")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all("[Hegseth]" in line for line in lines)


def test_bad_input_exits_2_with_a_clear_message(tmp_path: Path, seed_file: Path) -> None:
    missing = run(tmp_path / "nope.txt", "NATO")
    assert missing.returncode == 2
    assert "nope.txt" in missing.stderr and "Traceback" not in missing.stderr
    empty_term = run(seed_file, "  ")
    assert empty_term.returncode == 2
    assert "term" in empty_term.stderr and "Traceback" not in empty_term.stderr
    negative = run(seed_file, "NATO", "--window", "-5")
    assert negative.returncode == 2
    assert "window" in negative.stderr
    not_a_number = run(seed_file, "NATO", "--window", "many")
    assert not_a_number.returncode == 2
    assert "--window" in not_a_number.stderr
