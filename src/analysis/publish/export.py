"""The executed report notebook as one offline HTML file: export, offline check, atomic write.

- :func:`export_executed`: the executed notebook as checked HTML (stable cell ids, warnings moved to the
  terminal, live widgets and JavaScript dropped, :func:`check_offline` passed).
- :func:`export_html`: nbconvert through the ``analysis_report`` template (JupyterLab's markup with a head of
  its own: no CDN script, only the CSS the report uses, a Content-Security-Policy that forbids scripts and
  network requests).
- :func:`write_atomic`: the report replaced through a temporary file and a rename: a failed run leaves the
  previous report untouched.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path, PureWindowsPath

from analysis.errors import ReportError
from analysis.publish.offline import check_offline
from analysis.report.nbconvert_config import configure
from analysis.terminal import printable

__all__ = [
    "check_offline",
    "export_executed",
    "export_html",
    "kept_message",
    "static_outputs",
    "without_local_paths",
    "write_atomic",
]

#: Output types a report shows; anything else (widget views, JavaScript, ...) is dropped before export.
_STATIC_OUTPUTS = frozenset({"text/html", "text/plain", "image/png", "image/svg+xml"})


def static_outputs(notebook) -> int:
    """Keep only static outputs: drop any output that is a live widget (a progress bar, an explorer) and
    any output type other than HTML, text and images (JavaScript); returns how many were dropped."""
    dropped = 0
    for cell in notebook.cells:
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is not None:
                if "application/vnd.jupyter.widget-view+json" in data:
                    dropped += 1
                    continue
                for mime in [m for m in data if m not in _STATIC_OUTPUTS]:
                    del data[mime]
                if not data:
                    dropped += 1
                    continue
            kept.append(output)
        if "outputs" in cell:
            cell["outputs"] = kept
    return dropped


def export_html(notebook, *, title: str, show_code: bool = False) -> str:
    """Export an executed notebook to one self-contained, offline HTML page (no code unless ``show_code``).

    The exporter takes the project's nbconvert settings (:func:`analysis.report.nbconvert_config.configure`),
    the same ones a plain ``jupyter nbconvert`` in the project's environment uses.
    """
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    configure(config)
    config.HTMLExporter.exclude_input = not show_code
    if show_code:  # technical readers get every cell's code, those tagged hide-input included
        config.TagRemovePreprocessor.remove_input_tags = set()
    exporter = HTMLExporter(config=config)
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return body


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder and an atomic rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _pop_stderr(notebook) -> list[str]:
    """Remove stderr streams (warnings) from the outputs so readers do not see them; return their text."""
    texts = []
    for cell in notebook.cells:
        if cell.get("cell_type") != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                texts.append(output.get("text", ""))
            else:
                kept.append(output)
        cell["outputs"] = kept
    return texts


def export_executed(executed: Path, out: Path, *, title: str, show_code: bool) -> str:
    """The executed notebook as checked offline HTML (stable cell ids, warnings moved to the terminal)."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    for index, cell in enumerate(nb.cells):
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = (
                f"injected-parameters-{index}"  # papermill gives it a random id; reports must not vary
            )
            source = "".join(  # the benchmark's timings file is no part of the report
                line
                for line in cell["source"].splitlines(True)
                if not line.startswith("TIMINGS = ")
            )
            cell["source"] = without_local_paths(source)  # shown with --show-code
    for text in _pop_stderr(nb):
        print(
            printable(f"warning from the notebook (not shown in the report): {text.strip()}"),
            file=sys.stderr,
        )
    static_outputs(nb)
    try:
        html = export_html(nb, title=f"{title}: coverage report", show_code=show_code)
        check_offline(html)
    except ReportError as exc:
        raise ReportError(f"{exc}\n{kept_message(out)}") from None
    except Exception as exc:  # noqa: BLE001 (any exporter failure becomes a clear message)
        raise ReportError(
            f"could not export the report to HTML: {type(exc).__name__}: {exc}\n{kept_message(out)}"
        ) from None
    return html


_QUOTED_PATH = re.compile(r"""(["'])((?:/|[A-Za-z]:[\\/])[^"'\n]*)\1""")


def without_local_paths(code: str) -> str:
    """Code with every quoted absolute path cut to its last part (``'/home/me/data/seeds'`` -> ``'seeds'``),
    so a report never shows the folders of the machine it was built on."""
    return _QUOTED_PATH.sub(lambda m: m[1] + PureWindowsPath(m[2]).name + m[1], code)


def kept_message(out: Path) -> str:
    if out.exists():
        return f"The previous report at {out} was left unchanged."
    return f"No report was written to {out}."
