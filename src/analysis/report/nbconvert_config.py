"""nbconvert settings for this project, installed into the virtual environment by ``make install``.

``make install`` writes ``.venv/etc/jupyter/jupyter_nbconvert_config.py``, which calls :func:`configure`. Plain
``jupyter nbconvert --to html --execute notebooks/04-report.ipynb`` then uses the offline report template (no CDN
scripts, a Content-Security-Policy, the report's CSS), hides the code of cells tagged ``hide-input``, and
titles the page after the corpus (:func:`report_title`), as ``python -m analysis report`` does, rather than
after the notebook's file name. Its kernel is started by the report command's kernel manager
(:class:`analysis.publish.kernel.ReportKernelManager`: Unix sockets, so no port race with another run).
"""

from __future__ import annotations

from analysis.config import TEMPLATES_DIR

__all__ = ["TEMPLATE_NAME", "TITLE_METADATA", "configure", "report_title"]

TEMPLATE_NAME = "analysis_report"
#: Output metadata key under which the report's summary gives the page title (``report.HTMLBlock``).
TITLE_METADATA = "analysis_report_title"


def report_title(nb, resources: dict | None = None):
    """An nbconvert preprocessor (a plain function): the first title an output gives becomes the notebook's
    ``title`` metadata, which the template writes into ``<title>``; the notebook itself is not changed."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            metadata = output.get("metadata", {})
            for found in (metadata, metadata.get("text/html", {})):
                if isinstance(found, dict) and isinstance(found.get(TITLE_METADATA), str):
                    nb.metadata["title"] = found[TITLE_METADATA]
                    return nb, resources
    return nb, resources


def configure(c) -> None:
    """Apply the project's nbconvert settings to a traitlets config object ``c``."""
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES_DIR)]
    c.HTMLExporter.template_name = TEMPLATE_NAME
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.preprocessors = [f"{__name__}.report_title"]
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_input_tags = {"hide-input"}
    c.ExecutePreprocessor.kernel_manager_class = "analysis.publish.kernel.ReportKernelManager"
