"""nbconvert settings for this project, installed into the virtual environment by ``make install``.

``make install`` writes ``.venv/etc/jupyter/jupyter_nbconvert_config.py``, which calls :func:`configure`. Plain
``jupyter nbconvert --to html --execute notebooks/04-report.ipynb`` then uses the offline report template (no CDN
scripts, a Content-Security-Policy, the report's CSS) and hides the code of cells tagged ``hide-input``.
"""

from __future__ import annotations

from analysis.config import TEMPLATES_DIR

__all__ = ["TEMPLATE_NAME", "configure"]

TEMPLATE_NAME = "analysis_report"


def configure(c) -> None:
    """Apply the project's nbconvert settings to a traitlets config object ``c``."""
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES_DIR)]
    c.HTMLExporter.template_name = TEMPLATE_NAME
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_input_tags = {"hide-input"}
