"""Provenance: what a report was made from and how, so a shared report can be checked and made again.

:func:`collect_provenance` runs once, where the report is commissioned (:func:`analysis.publish.build_report`),
and returns plain literals the report notebook receives as a parameter: each input file (its path inside the
folder that was given, or its name; its size; its SHA-256), every parameter of the run, the engine, the
versions of this package and of the libraries that shape the numbers, the baseline report when there is one,
and the time the report was made. That time honours ``SOURCE_DATE_EPOCH`` (the reproducible-builds
convention: seconds since 1970 UTC), so the same inputs and the same epoch give the same bytes.
:func:`provenance_html` renders the block the report ends with, adding what only the loaded corpus knows
(articles read, blocks skipped).

    from analysis.report.provenance import collect_provenance, provenance_html
    made = collect_provenance(["seeds"], parameters={"k": None, "random_state": 0}, engine="pandas")
"""

from __future__ import annotations

import os
import platform
import time
import warnings
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from markupsafe import Markup, escape

from analysis.errors import ParameterError
from analysis.state import file_sha256
from analysis.wording import plural

if TYPE_CHECKING:
    from analysis.report.html import HTMLBlock

__all__ = [
    "LIBRARIES",
    "PROVENANCE_ANCHOR",
    "collect_provenance",
    "file_sha256",
    "input_files",
    "made_at",
    "provenance_html",
]

#: The distributions whose versions a report names (those that shape its numbers, charts and page).
LIBRARIES = (
    "analysis",
    "numpy",
    "pandas",
    "scipy",
    "scikit-learn",
    "pyarrow",
    "spacy",
    "matplotlib",
    "jinja2",
    "nbconvert",
    "papermill",
)
#: Added when the Dask engine made the report.
DASK_LIBRARIES = ("dask", "distributed")
#: The id of the provenance section (tests and readers find it by this anchor).
PROVENANCE_ANCHOR = "provenance"


def made_at(source_date_epoch: str | None = None) -> str:
    """The time a report is made, as ``YYYY-MM-DD HH:MM:SS UTC``.

    Args:
        source_date_epoch: the value of ``SOURCE_DATE_EPOCH`` (whole seconds since 1970-01-01 UTC) when it
            is set; None or "" means now.

    Raises:
        ParameterError: when the value is not a whole number of seconds >= 0.
    """
    if source_date_epoch is None or not str(source_date_epoch).strip():
        seconds = int(time.time())
    else:
        text = str(source_date_epoch).strip()
        if not text.isdigit():
            raise ParameterError(
                f"SOURCE_DATE_EPOCH={source_date_epoch!r} is not a whole number of seconds since "
                "1970-01-01 UTC; unset it or set it, e.g. to `git log -1 --format=%ct`."
            )
        seconds = int(text)
    return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def input_files(paths: Sequence[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """Every file the loader reads for ``paths``, named as a shared report names it, with size and hash.

    A file inside a given folder is named by the folder's name and its path inside (``seeds/a.txt``), a
    file given directly (or through a glob pattern) by its name: never by this machine's folders.

    Args:
        paths: the files, folders and glob patterns the report was made from.

    Returns:
        One dict per file, sorted by name: ``path``, ``bytes``, ``sha256``.

    Raises:
        CorpusError: as :func:`analysis.corpus.load_corpus` for a path that does not exist.
    """
    from analysis.corpus.base import IgnoredFilesWarning
    from analysis.corpus.files import collect_files

    rows: dict[str, dict[str, Any]] = {}
    for raw in paths:
        folder = Path(raw).resolve().name if Path(raw).is_dir() else None
        with warnings.catch_warnings():  # the loader has said so once already
            warnings.simplefilter("ignore", IgnoredFilesWarning)
            found = collect_files([raw], skipped=[])  # unreadable files: the loader says so
        for path, (display, _) in found.items():
            shown = f"{folder}/{display}" if folder else display
            rows.setdefault(
                shown, {"path": shown, "bytes": path.stat().st_size, "sha256": file_sha256(path)}
            )
    return [rows[name] for name in sorted(rows)]


def versions(engine: str = "pandas") -> dict[str, str]:
    """Python's version and those of :data:`LIBRARIES` (and Dask's on the Dask engine)."""
    found = {"python": platform.python_version()}
    for name in (*LIBRARIES, *(DASK_LIBRARIES if engine == "dask" else ())):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def collect_provenance(
    paths: Sequence[str | os.PathLike[str]],
    *,
    parameters: Mapping[str, Any],
    engine: str,
    baseline: Mapping[str, Any] | None = None,
    source_date_epoch: str | None = None,
) -> dict[str, Any]:
    """What a report is made from and how, as plain literals (a papermill parameter of the report notebook).

    Args:
        paths: the inputs as given.
        parameters: every parameter of the run, by name (values are shown as text).
        engine: ``"pandas"`` or ``"dask"``.
        baseline: the earlier report this one is compared with (``--since``): ``report``, ``state``,
            ``state_sha256``, ``made``, ``articles``; None without a baseline.
        source_date_epoch: ``SOURCE_DATE_EPOCH`` as read by the caller; None: now.

    Returns:
        ``{"inputs", "parameters", "engine", "versions", "baseline", "made"}``.
    """
    return {
        "inputs": input_files(paths),
        "parameters": {str(k): _shown(v) for k, v in parameters.items()},
        "engine": engine,
        "versions": versions(engine),
        "baseline": dict(baseline) if baseline else None,
        "made": made_at(source_date_epoch),
    }


def _shown(value: Any) -> str:
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def provenance_html(
    corpus: pd.DataFrame,
    provenance: Mapping[str, Any],
    model: Any = None,
    *,
    skipped: Sequence[str] = (),
) -> HTMLBlock:
    """The report's closing block: inputs, articles read and skipped, baseline, parameters, engine, versions.

    Args:
        corpus: the report's corpus (its length).
        provenance: :func:`collect_provenance`'s result.
        model: the topic model (its ``k`` is shown next to the ``k`` parameter); optional.
        skipped: the blocks skipped in lenient mode (:attr:`analysis.report.data.ReportData.skipped`).

    Returns:
        The HTML fragment (every value escaped).
    """
    # The kernel's renderer (matplotlib, scikit-learn behind it): the command only collects provenance.
    from analysis.report.html import HTMLBlock, table_html

    inputs = pd.DataFrame(provenance["inputs"], columns=["path", "bytes", "sha256"])
    total = int(inputs["bytes"].sum()) if len(inputs) else 0
    read = (
        f"{plural(len(corpus), 'article')} read from {plural(len(inputs), 'file')} "
        f"({plural(total, 'byte')}); {plural(len(skipped), 'block')} skipped as unreadable"
        + (" (lenient mode; the summary at the top lists them)." if skipped else ".")
    )
    parameters = dict(provenance["parameters"])
    if model is not None and parameters.get("k") == "not set":
        parameters["k"] = f"not set (chosen from the data: {model.k})"
    rows = [
        *parameters.items(),
        ("engine", provenance["engine"]),
        ("made", provenance["made"]),
    ]
    html = Markup(
        '<h2 id="{anchor}">How this report was made</h2>\n<p>{read}</p>\n{baseline}'
        "<h3>Inputs</h3>\n{inputs}\n<h3>Parameters</h3>\n{parameters}\n<h3>Versions</h3>\n{versions}\n"
        '<p class="ar-muted">The time honours SOURCE_DATE_EPOCH; the same inputs, parameters and versions '
        "give the same report.</p>"
    ).format(
        anchor=PROVENANCE_ANCHOR,
        read=read,
        baseline=_baseline_html(provenance.get("baseline")),
        inputs=Markup(table_html(inputs.rename(columns={"sha256": "SHA-256"}), numeric=["bytes"])),
        parameters=Markup(table_html(pd.DataFrame(rows, columns=["parameter", "value"]))),
        versions=Markup(
            table_html(
                pd.DataFrame(list(provenance["versions"].items()), columns=["software", "version"])
            )
        ),
    )
    return HTMLBlock(str(html))


def _baseline_html(baseline: Mapping[str, Any] | None) -> Markup:
    if not baseline:
        return Markup("<p>No baseline: this report was not compared with an earlier one.</p>\n")
    return Markup(
        "<p>Compared with the earlier report <code>{report}</code> (made {made}, {articles} articles), "
        "through its saved state <code>{state}</code> (SHA-256 {digest}).</p>\n"
    ).format(
        report=baseline.get("report", ""),
        made=baseline.get("made", "at an unknown time"),
        articles=f"{int(baseline.get('articles', 0)):,}",
        state=baseline.get("state", ""),
        digest=escape(baseline.get("state_sha256", "")),
    )
