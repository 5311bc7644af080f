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
from analysis.report.provenance import collect_provenance, provenance_html
from analysis.report.since import report_counts, since_html
from analysis.report.trust import trust_assessment

_PEOPLE = {"main_people", "people_html", "quotes_html"}  # imported on first use (spaCy)
_COMPARE = {
    "over_time_html",
    "pages_compared_html",
}  # imported on first use (scikit-learn, matplotlib)
_OUTLETS = {"outlets_compared_html", "stories_html"}  # imported on first use

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
    if name in _COMPARE:
        from analysis.report import compare

        return getattr(compare, name)
    if name in _OUTLETS:
        from analysis.report import outlets

        return getattr(outlets, name)
    if name in _PEOPLE:
        from analysis.report import people

        return getattr(people, name)
    raise AttributeError(f"module 'analysis.report' has no attribute {name!r}")
