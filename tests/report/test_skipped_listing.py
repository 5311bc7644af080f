"""Many bad blocks under --lenient: the terminal shows a bounded list with a count, the report links all."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import subprocess
import sys

from analysis.config import PROJECT_ROOT, SEEDS_DIR
from analysis.terminal import MAX_LINES


def test_many_skipped_blocks_are_cut_on_the_terminal_and_linked_in_full(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in SEEDS_DIR.glob("*.txt"):
        (inputs / seed.name).write_bytes(seed.read_bytes())
    lines = [json.dumps({"title": f"Story {i}", "body": f"Text of story {i}."}) for i in range(3)]
    lines += [f"{{not json {i}" for i in range(60)]
    (inputs / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "r.html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "report",
            str(inputs),
            "-o",
            str(out),
            "--lenient",
            "-q",
        ],
        check=False,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    warning = result.stderr[result.stderr.index("SkippedBlocksWarning") :]
    assert "60 blocks" in warning
    assert (
        "... and 36 more lines" in warning
    )  # the heading line and 24 blocks shown, the rest counted
    assert len(warning.strip().splitlines()) == MAX_LINES + 1
    page = out.read_text(encoding="utf-8")
    found = re.search(
        r'download="r-skipped\.csv" href="data:text/csv;charset=utf-8;base64,([^"]+)"', page
    )
    assert found, "the summary links the whole list of skipped blocks"
    rows = list(csv.DictReader(io.StringIO(base64.b64decode(found[1]).decode("utf-8-sig"))))
    assert len(rows) == 60
    assert rows[0]["file"].endswith("export.jsonl") and rows[0]["line"] == "4"
    assert "JSON" in rows[0]["reason"]


def test_a_file_left_out_under_lenient_is_said_in_the_report(tmp_path):
    """A dangling link among the inputs: --lenient builds the report, which says the file was left out."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in SEEDS_DIR.glob("*.txt"):
        (inputs / seed.name).write_bytes(seed.read_bytes())
    (inputs / "gone.jsonl").symlink_to(tmp_path / "deleted.jsonl")
    out = tmp_path / "out" / "r.html"
    command = [sys.executable, "-m", "analysis", "report", str(inputs), "-o", str(out), "-q"]
    strict = subprocess.run(command, check=False, capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert strict.returncode == 2 and "in/gone.jsonl: is a symbolic link to" in strict.stderr
    assert not out.exists()
    lenient = subprocess.run(
        [*command, "--lenient"], check=False, capture_output=True, text=True, cwd=PROJECT_ROOT
    )
    assert lenient.returncode == 0, lenient.stderr
    page = out.read_text(encoding="utf-8")
    assert "1 block of the input could not be read" in page
    assert "gone.jsonl: is a symbolic link to deleted.jsonl, which does not exist" in page
    assert (
        str(tmp_path) not in page
    )  # named inside the folder given, never by this machine's folders
