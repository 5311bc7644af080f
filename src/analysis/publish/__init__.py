"""Publishing a report: the command-side build that runs the report notebook and writes one offline HTML file.

- :mod:`analysis.publish.build`: :func:`build_report` executes ``notebooks/04-report.ipynb`` with papermill,
  exports it with nbconvert through the ``analysis_report`` template, checks that nothing in the page would
  reach a server or run a script (:func:`check_offline`), and replaces the previous report atomically.
- :mod:`analysis.publish.plan`: one :class:`ReportPlan` per run: every option checked once, the inputs
  parsed once, and what the notebook is given as papermill parameters (cache folder, engine, title, file
  stem, side-file folder, random state); each run has a scratch folder of its own.
- :mod:`analysis.publish.run`: the parse cache of the report's inputs, built once by the command in the
  chosen engine, and the side files the notebook writes moved beside the report.
- :mod:`analysis.publish.export`: nbconvert export, offline check, atomic write.

The renderers the notebook's kernel imports (summary, tables, charts) are in :mod:`analysis.report`; this
package imports them, never the reverse.

    from analysis.publish import build_report
    build_report(["seeds"], k=None, random_state=0)   # -> reports/uk-defense.html
"""

from __future__ import annotations

from analysis.publish.build import build_report
from analysis.publish.export import check_offline, export_html, write_atomic
from analysis.publish.plan import ReportPlan

__all__ = ["ReportPlan", "build_report", "check_offline", "export_html", "write_atomic"]
