"""The report runs on every shape of export: tags or none, dates or none, one page or many, bodies or
headlines only, outlets or none, and says in one line what it cannot show.

The grid is a covering array: every pair of values of any two of the five parts appears in some corpus
(6 corpora instead of 32), and it holds the shape that once crashed the report (dated, no tags). Each
corpus runs through the report notebook's own code cells in this process (the same calls, in order, with
the parameters cell overridden), which is fast; one shape also runs through the real notebook and export.
"""

from __future__ import annotations

import ast
import itertools
import json
import warnings
from pathlib import Path

import pytest

from analysis.config import REPORT_NOTEBOOK
from analysis.datasets import make_export
from analysis.publish import build_report

PARTS = ("tags", "dates", "pages", "bodies", "outlets")
# (tags, dates, many pages, bodies, outlets): a strength-2 covering array of the five parts.
GRID = [
    (0, 0, 0, 0, 0),
    (0, 0, 1, 0, 1),
    (0, 1, 0, 1, 1),  # the export that crashed the report: dated articles without tags
    (1, 0, 0, 1, 0),
    (1, 1, 1, 0, 0),
    (1, 1, 1, 1, 1),
]


def _shape_id(shape: tuple[int, ...]) -> str:
    return "-".join(f"{'' if on else 'no-'}{part}" for part, on in zip(PARTS, shape, strict=True))


def test_grid_covers_every_pair_of_parts():
    covered = {(i, j, r[i], r[j]) for r in GRID for i, j in itertools.combinations(range(5), 2)}
    assert len(covered) == 10 * 4


def write_shape(folder: Path, shape: tuple[int, ...], n: int = 24) -> Path:
    tags, dates, pages, bodies, outlets = map(bool, shape)
    records = make_export(
        n, tags=tags, dates=dates, pages=3 if pages else 1, bodies=bodies, outlets=outlets
    )
    path = folder / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run_report_cells(path: Path) -> str:
    """The report notebook's code cells run here on ``path``; the displayed values, joined."""
    nb = json.loads(REPORT_NOTEBOOK.read_text(encoding="utf-8"))
    namespace: dict = {}
    shown = []
    with warnings.catch_warnings():
        for cell in (c for c in nb["cells"] if c["cell_type"] == "code"):
            source = "".join(cell["source"])
            if "parameters" in cell["metadata"].get("tags", []):
                source += f"\nSEEDS = {str(path)!r}\nK = 3"
            tree = ast.parse(source)
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, "<report cell>", "exec"), namespace)  # noqa: S102 (our own notebook)
            if last is not None:
                value = eval(
                    compile(ast.Expression(last.value), "<report cell>", "eval"), namespace
                )
                shown.append("" if value is None else str(value))
    return "\n".join(shown)


@pytest.mark.parametrize("shape", GRID, ids=_shape_id)
def test_report_runs_on_every_shape_and_says_what_it_cannot_show(tmp_path, shape):
    tags, dates, pages, bodies, outlets = map(bool, shape)
    html = run_report_cells(write_shape(tmp_path, shape))
    assert ("No tags: none of the 24 articles carries an editorial tag" in html) is not tags
    assert ("Not shown: none of the 24 articles carries an editorial tag." in html) is not tags
    assert ("Headlines only: the 24 articles have no body text" in html) is not bodies
    assert ("<strong>Over time</strong> is not shown: none of the 24" in html) is not dates
    assert ("<strong>Pages compared</strong> is not shown: all 24 articles" in html) is not pages
    assert ("No outlets: no article names its outlet" in html) is not outlets
    if outlets:
        assert "3 outlets:</strong>\nDaily Ledger – 9; Evening Courier – 9; Metro Wire – 6." in html
    if dates and not tags:
        assert "Top tags over time</h3>\n<p>Not shown: no dated article carries a tag.</p>" in html
    if not bodies:
        assert "Tentative. The articles have headlines only" in html
    assert html.count("Cluster 1:") == 1 and "Harbour story" in html  # the clusters are drawn


@pytest.mark.slow
def test_dated_export_without_tags_builds_the_whole_report(tmp_path):
    """The export that stopped the report at the "tags over time" table, through the notebook and export."""
    out = build_report([write_shape(tmp_path, GRID[2])], output=tmp_path / "r.html", progress=False)
    html = out.read_text(encoding="utf-8")
    assert "Not shown: no dated article carries a tag." in html
    assert "No tags: none of the 24 articles carries an editorial tag" in html


def test_outlet_spellings_merged_are_listed_in_the_method_notes(tmp_path):
    records = make_export(12, tags=False, dates=False, outlets=True)
    for record in records[:2]:
        record["publisher"] = "The Daily Ledger (Web)"  # same site as "Daily Ledger"
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    html = run_report_cells(path)
    assert "Daily Ledger – 6" in html
    assert "Outlet names: 1 other spelling of an outlet" in html
    assert '<td>Daily Ledger</td><td>The Daily Ledger (Web)</td><td class="ar-num">2</td>' in html


def test_boilerplate_is_left_out_of_the_report_and_counted_in_the_method_notes(tmp_path):
    records = make_export(27, tags=False, dates=False, outlets=True, boilerplate=True)
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    html = run_report_cells(path)
    assert "Boilerplate: 6 paragraphs that an outlet repeats verbatim" in html
    assert "54 occurrences in 27 articles" in html
    before = html[: html.index("Boilerplate: 6")]  # the method notes list the paragraphs left out
    for name in (
        "Gregor Vance",
        "Ines Marlow",
        "Tobias Wren",
        "Read more, pay less",
        "Courier Plus",
    ):
        assert name not in before  # neither in the clusters, the people nor the quotes
    assert "Maria Okafor" in before[before.index('id="who-is-in-the-coverage"') :]
