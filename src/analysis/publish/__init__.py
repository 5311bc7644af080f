"""Publishing a report: the command-side build that runs the report notebook and writes one offline HTML file.

- :mod:`analysis.publish.build`: :func:`build_report` executes ``notebooks/04-report.ipynb`` with papermill,
  exports it with nbconvert through the ``analysis_report`` template, checks that nothing in the page would
  reach a server or run a script (:func:`check_offline`), and replaces the previous report atomically.
- :mod:`analysis.publish.run`: the parse cache of the report's inputs, built once by the command in the
  chosen engine, and the files the notebook writes beside the report.

The renderers the notebook's kernel imports (summary, tables, charts) are in :mod:`analysis.report`; this
package imports them, never the reverse.

    from analysis.publish import build_report
    build_report(["seeds"], k=None, random_state=0)   # -> reports/uk-defense.html
"""

from __future__ import annotations

from analysis.publish.build import build_report, check_offline, export_html, write_atomic

__all__ = ["build_report", "check_offline", "export_html", "write_atomic"]
