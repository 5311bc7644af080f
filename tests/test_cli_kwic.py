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
    assert list(table.columns) == [
        "article_id",
        "headline",
        "field",
        "start",
        "left",
        "match",
        "right",
    ]
    assert len(table) == 5
    assert table["headline"].str.len().min() > 16  # a headline, not a 16-character id
    assert set(table["match"].str.lower()) == {"coalition of the willing"}
    assert (table["left"].str.len() <= 20).all()
    assert "5 matches of 'coalition of the willing' in" in result.stderr


def test_text_output_names_each_article_by_its_headline(seed_file: Path) -> None:
    from analysis import load_corpus

    result = run(seed_file, "Hegseth", "--window", "15")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line]
    hits = [line for line in lines if line.startswith("  ")]
    assert hits and all("[Hegseth]" in line for line in hits)
    titles = set(load_corpus(seed_file)["title"])
    named = [line for line in lines if not line.startswith("  ")]
    assert named and set(named) <= titles  # every other line is a headline of the corpus
    assert not any(len(line) == 16 and line.isalnum() for line in lines)  # no hex ids
    assert "match" in result.stderr and "(es)" not in result.stderr


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
