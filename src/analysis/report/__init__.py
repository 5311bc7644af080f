"""The shareable HTML report's renderers: what the report notebook calls to show its sections.

The report notebook (``notebooks/04-report.ipynb``) calls the ``*_html`` helpers here to show summaries,
tables and charts. Every string that comes from an article (headline, tag, page name, body, file name) goes
through Jinja2 with autoescaping, so it is shown as text and can never run as markup or script; charts are
embedded as PNG data URIs with their table as a CSV download, so the report is one self-contained file.

Charts are palette PNGs, so the seed's report weighs under 350 KB. :mod:`analysis.report.data` gives the
notebook its corpus, model and bounded views on an archive of any size.

The command-side build that executes the notebook and writes the HTML file is :mod:`analysis.publish`
(``from analysis.publish import build_report``); it imports this package, never the reverse.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

#: Where each name lives: imported on first use (PEP 562), so the command side (:mod:`analysis.publish`,
#: which reads :mod:`analysis.report.nbconvert_config`, sizes and provenance) does not import matplotlib,
#: scikit-learn and spaCy, which only the kernel's renderers need.
_LAZY = {
    **dict.fromkeys(
        ["HTMLBlock", "clusters_html", "figure_html", "note_html", "summary_html", "table_html"],
        "html",
    ),
    "use_side_files": "html",
    **dict.fromkeys(["ReportLimits", "report_limits"], "limits"),
    **dict.fromkeys(["method_html", "method_notes_html"], "method"),
    **dict.fromkeys(["corpus_title", "page_counts", "slugify"], "naming"),
    **dict.fromkeys(["collect_provenance", "provenance_html"], "provenance"),
    **dict.fromkeys(["report_counts", "since_html"], "since"),
    "trust_assessment": "trust",
    **dict.fromkeys(["main_people", "people_html", "quotes_html"], "people"),  # spaCy
    **dict.fromkeys(["over_time_html", "pages_compared_html"], "compare"),
    **dict.fromkeys(["outlets_compared_html", "stories_html"], "outlets"),
}

if TYPE_CHECKING:
    from analysis.report.compare import over_time_html, pages_compared_html
    from analysis.report.html import (
        HTMLBlock,
        clusters_html,
        figure_html,
        note_html,
        summary_html,
        table_html,
        use_side_files,
    )
    from analysis.report.limits import ReportLimits, report_limits
    from analysis.report.method import method_html, method_notes_html
    from analysis.report.naming import corpus_title, page_counts, slugify
    from analysis.report.outlets import outlets_compared_html, stories_html
    from analysis.report.people import main_people, people_html, quotes_html
    from analysis.report.provenance import collect_provenance, provenance_html
    from analysis.report.since import report_counts, since_html
    from analysis.report.trust import trust_assessment

__all__ = [
    "HTMLBlock",
    "ReportLimits",
    "clusters_html",
    "collect_provenance",
    "corpus_title",
    "figure_html",
    "main_people",
    "method_html",
    "method_notes_html",
    "note_html",
    "outlets_compared_html",
    "over_time_html",
    "page_counts",
    "pages_compared_html",
    "people_html",
    "provenance_html",
    "quotes_html",
    "report_counts",
    "report_limits",
    "since_html",
    "slugify",
    "stories_html",
    "summary_html",
    "table_html",
    "trust_assessment",
    "use_side_files",
]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(f"analysis.report.{_LAZY[name]}"), name)
        globals()[name] = value  # found directly from now on
        return value
    raise AttributeError(f"module 'analysis.report' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
