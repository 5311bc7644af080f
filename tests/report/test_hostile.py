"""A corpus hostile in every field reports to the end with ``--lenient``: safe CSVs, plain chart text, < 1 MB.

Formulas (``=HYPERLINK``, ``+cmd``, ``-2+3``, ``@SUM``) in headlines, bodies, tags, page names, speakers,
field names and the file name; matplotlib math markup (``$\\foo$``, ``US$5bn and US$10bn``); text about CSS
(``@import``, ``url(//...)``); control characters; a 2 MB body; a 200 KB headline with 300 quotations;
JSON nested 1,000 and 950 deep.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import subprocess
import sys

import pytest

from analysis.config import MAX_JSON_DEPTH, PROJECT_ROOT

pytestmark = pytest.mark.slow

FORMULAS = ['=HYPERLINK("http://x","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
MATH = ["$\\foo$", "US$5bn and US$10bn deals"]
BODY = (
    "The defence ministry announced new drone procurement plans on Monday. Officials said the "
    "contracts would be signed within weeks and that suppliers in three countries had bid. "
)
TOPICS = [
    "Navy ships sail to the north.",
    "Budget talks stall again.",
    "Drones fly over the coast.",
]
MAX_REPORT_BYTES = 1_000_000


def hostile_records() -> list[str]:
    """The JSON Lines of the hostile export; line numbers matter (the deep records are lines 42 and 43)."""
    rows = []
    for i in range(40):
        formula, math = FORMULAS[i % 4], MATH[i % 2]
        title = [
            f"{formula} drones {i}",
            f"{math} navy {i}",
            f"How the CSS @import rule and url(//evil.example/{i}.css) work",
            f"Bell\x07 and escape \x1b[31m red {i}",
        ][i % 4]
        rows.append(
            {
                "title": title,
                "body": f'{BODY * (1 + i % 3)} "We will act now {i}," said {formula} Smith. {TOPICS[i % 3]}',
                "tags": [
                    formula,
                    math,
                    "Defense",
                    "@import url(//x.example/a.css)",
                    "\x1b]0;title\x07",
                ],
                "tag_pages": [f"{FORMULAS[(i + 1) % 4]} page", f"{math} page"],
                "published": f"2025-0{1 + i % 9}-1{i % 9}",
                "=extra": formula,
            }
        )
    big = {
        "title": "A two megabyte body",
        "body": ("Ministers said the budget would rise. " * 60_000)[:2_100_000],
    }
    deep = '{"title": "Deep", "body": "Deep text.", "x": ' + "[" * 1000 + "]" * 1000 + "}"
    deeper_than_allowed = (
        '{"title": "Deep 950", "body": "Deep text.", "x": ' + "[" * 950 + "]" * 950 + "}"
    )
    quotes = " ".join(f'"Quote number {q} here," said Minister Jones.' for q in range(300))
    huge_title = {
        "title": "Huge " + "headline words " * 14_000,
        "body": quotes,
        "tags": ["Defense"],
    }
    return [
        *(json.dumps(r, ensure_ascii=False) for r in rows),
        json.dumps(big),
        deep,
        deeper_than_allowed,
        json.dumps(huge_title),
    ]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """The hostile folder and the ``report --lenient`` run on it (subprocess, as a user runs it)."""
    root = tmp_path_factory.mktemp("hostile-all")
    folder = root / "corpus"
    folder.mkdir()
    (folder / "=cmd.jsonl").write_text("\n".join(hostile_records()) + "\n", encoding="utf-8")
    out = root / "out" / "hostile.html"
    out.parent.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "report",
            str(folder),
            "-o",
            str(out),
            "--lenient",
            "-q",
        ],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
        timeout=900,
    )
    return folder, out, result


def downloads(page: str) -> dict[str, bytes]:
    found = re.finditer(
        r'download="([^"]*)" href="data:text/csv;charset=utf-8;base64,([^"]*)"', page
    )
    return {m.group(1): base64.b64decode(m.group(2)) for m in found}


def formula_cells(data: bytes) -> list[str]:
    """Cells a spreadsheet would run: starting with = + - @ (a plain negative number is not one)."""
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
    previous = csv.field_size_limit(10_000_000)  # `articles` writes the 2 MB body whole
    try:  # the limit is the process's: set back, so no later test (on this worker) sees it changed
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        return [c for row in rows for c in row if c[:1] in {"=", "+", "-", "@"} and not _number(c)]
    finally:
        csv.field_size_limit(previous)


def _number(cell: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?(e-?\d+)?", cell) is not None


def test_hostile_corpus_reports_to_the_end_under_one_megabyte(hostile_run):
    _, out, result = hostile_run
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    size = out.stat().st_size
    assert size < MAX_REPORT_BYTES, size


def test_deep_json_is_skipped_and_listed_with_its_line(hostile_run):
    _, out, result = hostile_run
    assert "=cmd.jsonl:42: is not valid JSON (nested too deeply)" in result.stderr
    assert (
        f"=cmd.jsonl:43: nests lists or objects more than {MAX_JSON_DEPTH} levels deep"
        in result.stderr
    )
    page = out.read_text(encoding="utf-8")
    assert "2 blocks of the input could not be read" in page and "=cmd.jsonl:42" in page


def test_long_texts_are_cut_for_extraction_and_the_report_says_so(hostile_run):
    _, out, _ = hostile_run
    page = re.sub(r"\s+", " ", out.read_text(encoding="utf-8"))
    assert (
        "1 article(s) have a text longer than 100,000 characters (the first: =cmd.jsonl:41)" in page
    )
    assert (
        "1 article(s) have a headline longer than 300 characters (the first: =cmd.jsonl:44)" in page
    )


def test_no_download_holds_a_formula_cell(hostile_run):
    _, out, _ = hostile_run
    found = downloads(out.read_text(encoding="utf-8"))
    assert len(found) >= 10
    beside = {path.name: path.read_bytes() for path in out.parent.glob("*.csv")}  # too big to embed
    for name, data in {**found, **beside}.items():
        assert formula_cells(data) == [], name
    quotations = next(d for n, d in {**found, **beside}.items() if n.endswith("quotations.csv"))
    assert (
        b"'=HYPERLINK" in quotations or b"'+cmd" in quotations
    )  # the speakers are there, neutralised


def test_article_text_is_shown_as_text(hostile_run):
    _, out, _ = hostile_run
    page = out.read_text(encoding="utf-8")
    assert "How the CSS @import rule and url(//evil.example/2.css) work" in page
    assert "US$5bn and US$10bn deals" in page and "$\\foo$" in page
    assert "\x07" not in page and "\x1b" not in page


def test_cli_csv_outputs_hold_no_formula_cell(hostile_run):
    folder, _, _ = hostile_run
    for command in (
        ["articles", str(folder), "--lenient", "--format", "csv"],
        ["kwic", str(folder), "said", "--lenient", "--format", "csv"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "analysis", *command],
            capture_output=True,
            cwd=PROJECT_ROOT,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert b"=cmd.jsonl:42" in result.stderr  # the skipped record, listed
        assert formula_cells(result.stdout) == []
        header = next(csv.reader(io.StringIO(result.stdout.decode("utf-8-sig"))))
        assert "'=extra" in header if command[0] == "articles" else "left" in header
