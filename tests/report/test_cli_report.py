"""What a user of ``python -m analysis report`` meets: silence under -q, errors on a line of their own, hints for a
mistyped option, ``-o folder/``, ``--title``."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

from analysis.cli import did_you_mean, main
from analysis.config import PROJECT_ROOT, SEEDS_DIR


def report(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "report", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=PROJECT_ROOT,
        check=False,
        timeout=600,
    )


def test_a_quiet_run_prints_nothing_and_writes_where_asked(tmp_path):
    """A successful -q run prints nothing at all (no kernel log line either); -o with an existing folder
    writes <name>.html in it, --title names the report. (A new folder given with a trailing / and the
    name taken from the corpus: tests/report/test_concurrent_runs.py.)"""
    (tmp_path / "reports").mkdir()
    result = report(SEEDS_DIR, "-q", "-o", tmp_path / "reports", "--title", "Defence desk")
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        "defence-desk.html",
        "defence-desk.state.npz",
    ]
    titled = (tmp_path / "reports" / "defence-desk.html").read_text(encoding="utf-8")
    assert "<title>Defence desk: coverage report</title>" in titled
    assert "<h1>Defence desk: what the coverage is about</h1>" in titled


_TINY = """\
import sys
from pathlib import Path
import nbformat
from analysis.config import REPORT_NOTEBOOK
from analysis.publish import build_report
folder = Path(sys.argv[1])
nb = nbformat.read(REPORT_NOTEBOOK, as_version=4)  # its metadata and parameters cell, one cell of work
parameters = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
nb.cells = [parameters, nbformat.v4.new_code_cell("x = sum(range(1000))")]
nbformat.write(nb, folder / "tiny.ipynb")
for i in range(int(sys.argv[2])):
    build_report([sys.argv[3]], notebook=folder / "tiny.ipynb", output=folder / f"r{i}.html", progress=False)
"""


def test_kernel_shutdown_logs_nothing_over_many_runs(tmp_path):
    """The kernel is asked to shut down, not interrupted first: ipykernel's "KeyboardInterrupt caught in
    kernel" (about 1 run in 10 before) never reaches the terminal over ten runs."""
    script = tmp_path / "tiny.py"
    script.write_text(textwrap.dedent(_TINY), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path), "10", str(SEEDS_DIR)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == ""
    assert len(list(tmp_path.glob("r*.html"))) == 10


def test_error_after_a_progress_bar_starts_its_own_line(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(
        "Tag - X\n\nA headline\nA body of a few words for the article.\nSome tag\n",
        encoding="utf-8",
    )
    (inputs / "b.txt").write_bytes(b"\x00\x01binary")
    result = report(inputs, "-o", tmp_path / "r.html")
    assert result.returncode == 2
    assert "Parsing" in result.stderr  # the bar was shown ...
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors and all(
        line.startswith("error: ") for line in errors
    )  # ... and the error is below it
    assert "b.txt" in errors[0]


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["report", "seeds", "--kk", "3"], "(did you mean --k?)"),
        (["report", "--ranom-state", "1"], "(did you mean --random-state?)"),
        (["reprot", "seeds"], "(did you mean report?)"),
        (["articles", "seeds", "--format", "jsn"], "(did you mean jsonl?)"),
        (["kwic", "seeds", "NATO", "--windw", "5"], "(did you mean --window?)"),
    ],
)
def test_a_mistyped_option_or_command_gets_a_suggestion(argv, hint, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert hint in err
    command = argv[0] if argv[0] != "reprot" else ""
    assert f"usage: python -m analysis {command}".rstrip() in err  # the subcommand's own usage


def test_did_you_mean_only_when_close():
    assert did_you_mean("--kk", ["--k", "--freq", "--title"]) == " (did you mean --k?)"
    assert did_you_mean("--zzz", ["--k", "--freq"]) == ""


def test_output_that_is_not_html_nor_a_folder_is_refused(tmp_path):
    result = report(SEEDS_DIR, "-q", "-o", tmp_path / "report.pdf")
    assert result.returncode == 2
    assert "should end in .html" in result.stderr and "folder" in result.stderr


def test_plain_nbconvert_title_comes_from_the_summary():
    """The page title is set from the summary's output metadata, however the notebook is exported."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    from analysis.report import HTMLBlock
    from analysis.report.nbconvert_config import TITLE_METADATA, configure

    block = HTMLBlock("<h1>X</h1>", {TITLE_METADATA: "Business & Politics: coverage report"})
    data, metadata = block._repr_html_()
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("summary")
    cell.outputs = [
        nbformat.v4.new_output(
            "execute_result",
            {"text/html": data},
            metadata={"text/html": metadata},
            execution_count=1,
        )
    ]
    nb.cells = [cell]
    config = Config()
    configure(config)
    page, _ = HTMLExporter(config=config).from_notebook_node(
        nb, resources={"metadata": {"name": "04-report"}}
    )
    assert "<title>Business &amp; Politics: coverage report</title>" in page
    assert "title" not in nb.metadata  # the notebook itself is left as it was
