"""Every notebook runs end to end on the committed seed, as a user would run it in JupyterLab."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbclient import NotebookClient

from analysis.config import NOTEBOOKS_DIR
from analysis.publish.kernel import ReportKernelManager

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


def run(path, parameters: dict | None = None):
    nb = nbformat.read(path, as_version=4)
    if parameters:
        cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        cell.source += "\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    NotebookClient(  # Unix sockets: no TCP port race with the other test worker's kernels
        nb,
        timeout=600,
        kernel_name="python3",
        kernel_manager_class=ReportKernelManager,
        resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
    ).execute()
    return nb


def test_notebooks_are_numbered_in_reading_order():
    names = [p.stem for p in NOTEBOOKS]
    assert names == [
        "00-explore",
        "01-load-and-inspect",
        "02-topic-clusters",
        "03-tag-analysis",
        "04-report",
        "05-people-and-quotes",
        "06-compare-and-trends",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_follows_house_style(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") for c in nb["cells"]), "commit notebooks with outputs stripped"
    params = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(params) == 1, "exactly one cell tagged parameters"
    source = "".join(params[0]["source"])
    assert "SEEDS" in source and "RANDOM_STATE" in source and "K = " in source
    assert "def " not in "".join(
        "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"
    )
    assert "sys.path" not in json.dumps(nb)


@pytest.mark.parametrize(
    "path", [p for p in NOTEBOOKS if p.stem != "04-report"], ids=lambda p: p.stem
)
def test_notebook_runs_end_to_end(path):
    # the topic notebook with its parameters set, as papermill or a user would set them
    parameters = {"K": 2, "RANDOM_STATE": 3} if path.stem == "02-topic-clusters" else None
    nb = run(path, parameters)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors
    images = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "image/png" in o.get("data", {})
    ]
    if path.stem not in {"00-explore", "01-load-and-inspect"}:  # 00 draws its charts in widgets
        assert images, "the charts are drawn"
    if parameters:
        text = "".join(
            o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
        )
        assert "k = 2;" in text
    if path.stem == "00-explore":
        views = [o for c in nb.cells for o in c.get("outputs", []) if WIDGET in o.get("data", {})]
        assert len(views) == 5, "the five explorers are shown"


def test_compare_notebook_on_dated_pages(tmp_path):
    """On two dated pages notebook 06 compares the pages and draws coverage over time."""
    words = [
        "council",
        "budget",
        "minister",
        "policy",
        "report",
        "debate",
        "region",
        "market",
        "office",
        "growth",
    ]
    lines = []
    for i in range(40):
        page, planted = ("Navy", "submarine frigate") if i % 2 else ("Health", "vaccine hospital")
        body = " ".join(words[i % 5 :] + words[: i % 5]) + f" {planted} {planted}."
        record = {
            "title": f"Story {i} about {planted}",
            "body": body,
            "tags": [page],
            "tag_pages": [page],
            "date": f"2025-{5 + i % 4:02d}-1{i % 9}",
        }
        lines.append(json.dumps(record))
    (tmp_path / "dated.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    nb = run(
        NOTEBOOKS_DIR / "06-compare-and-trends.ipynb",
        {"SEEDS": str(tmp_path), "TABLES": str(tmp_path / "tables")},
    )
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert (tmp_path / "tables" / "page-terms.csv").is_file()
    assert (tmp_path / "tables" / "clusters-over-time.csv").is_file()
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 5  # clusters, pages, overlap, clusters over time, tags over time
