"""Blocks left out under --lenient: the terminal shows a bounded list with a count, the report says so and
links them all, named inside the folder given."""

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


def _report(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "analysis", "report", *args, "-q"]
    return subprocess.run(
        command, check=False, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=600
    )


def test_skipped_blocks_are_cut_on_the_terminal_said_in_the_report_and_linked_in_full(tmp_path):
    """The seed's pages, a dangling link and an export with 60 lines that are not JSON. Without --lenient
    the link stops the run; with it the report is built, the terminal lists the first blocks and counts
    the rest, and the report says how many blocks were left out and links the whole list."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in SEEDS_DIR.glob("*.txt"):
        (inputs / seed.name).write_bytes(seed.read_bytes())
    (inputs / "gone.jsonl").symlink_to(tmp_path / "deleted.jsonl")
    out = tmp_path / "out" / "r.html"
    strict = _report(str(inputs), "-o", str(out))
    assert strict.returncode == 2 and "in/gone.jsonl: is a symbolic link to" in strict.stderr
    assert not out.exists()

    lines = [json.dumps({"title": f"Story {i}", "body": f"Text of story {i}."}) for i in range(3)]
    lines += [f"{{not json {i}" for i in range(60)]
    (inputs / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _report(str(inputs), "-o", str(out), "--lenient")
    assert result.returncode == 0, result.stderr
    warning = result.stderr[result.stderr.index("SkippedBlocksWarning") :]
    assert "61 blocks" in warning
    # the heading line and 24 blocks shown, the rest counted
    assert "... and 37 more lines" in warning
    assert len(warning.strip().splitlines()) == MAX_LINES + 1

    page = out.read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "61 blocks of the input could not be read and were left out" in text
    # the first few are named in the summary, in the order they were met
    first = "First: gone.jsonl: is a symbolic link to deleted.jsonl, which does not exist"
    assert f"{first}; fix or remove the link; export.jsonl:4: is not valid JSON" in text
    assert "12 articles" in text  # the seed's 9 and the export's 3 good lines
    found = re.search(
        r'download="r-skipped\.csv" href="data:text/csv;charset=utf-8;base64,([^"]+)"', page
    )
    assert found, "the summary links the whole list of skipped blocks"
    rows = list(csv.DictReader(io.StringIO(base64.b64decode(found[1]).decode("utf-8-sig"))))
    assert len(rows) == 61
    bad_json = [row for row in rows if row["file"].endswith("export.jsonl")]
    assert len(bad_json) == 60 and bad_json[0]["line"] == "4" and "JSON" in bad_json[0]["reason"]
    (link,) = [row for row in rows if row["file"].endswith("gone.jsonl")]
    assert "is a symbolic link to deleted.jsonl, which does not exist" in link["reason"]
    # named inside the folder given, never by this machine's folders
    assert str(tmp_path) not in page
