"""The shareable HTML report: rendering helpers for the report notebook, and the build that runs it.

The report notebook (``notebooks/04-report.ipynb``) calls the ``*_html`` helpers here to show summaries,
tables and charts. Every string that comes from an article (headline, tag, page name, body, file name) goes
through Jinja2 with autoescaping, so it is shown as text and can never run as markup or script; charts are
embedded as PNG data URIs with their table as a CSV download, so the report is one self-contained file.

:func:`build_report` executes the notebook with papermill on any tag pages or exports, exports it with
nbconvert through the ``analysis_report`` template (JupyterLab's markup with a head of its own: no CDN
script, only the CSS the report uses, a Content-Security-Policy that forbids scripts and network requests),
checks that nothing in the page would reach a server, and replaces the previous report atomically: a failed
run leaves it untouched. Charts are palette PNGs, so the seed's report weighs under 350 KB.

    from analysis.report import build_report
    build_report(["seeds"], k=None, random_state=0)   # -> reports/uk-defense.html
"""

from __future__ import annotations

from analysis.report.build import build_report, check_offline, export_html, write_atomic
from analysis.report.html import (
    HTMLBlock,
    clusters_html,
    corpus_title,
    figure_html,
    page_counts,
    slugify,
    summary_html,
    table_html,
    trust_assessment,
)

_PEOPLE = {"main_people", "people_html", "quotes_html"}  # imported on first use (spaCy)
_COMPARE = {
    "over_time_html",
    "pages_compared_html",
}  # imported on first use (scikit-learn, matplotlib)

__all__ = [
    "HTMLBlock",
    "build_report",
    "check_offline",
    "clusters_html",
    "corpus_title",
    "export_html",
    "figure_html",
    "main_people",
    "over_time_html",
    "page_counts",
    "pages_compared_html",
    "people_html",
    "quotes_html",
    "slugify",
    "summary_html",
    "table_html",
    "trust_assessment",
    "write_atomic",
]


def __getattr__(name: str):
    if name in _COMPARE:
        from analysis.report import compare

        return getattr(compare, name)
    if name in _PEOPLE:
        from analysis.report import people

        return getattr(people, name)
    raise AttributeError(f"module 'analysis.report' has no attribute {name!r}")
