"""nbconvert settings for this project, picked up when `jupyter nbconvert` runs from the repository root.

Plain `jupyter nbconvert --to html --execute notebooks/04-report.ipynb` then uses the offline report template
(no CDN scripts, a Content-Security-Policy, the report's CSS) and hides the code of cells tagged `hide-input`.
"""

from pathlib import Path

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)
c.HTMLExporter.extra_template_basedirs = [str(Path(__file__).resolve().parent / "src" / "analysis" / "templates")]
c.HTMLExporter.template_name = "analysis_report"
c.HTMLExporter.exclude_input_prompt = True
c.HTMLExporter.exclude_output_prompt = True
c.TagRemovePreprocessor.enabled = True
c.TagRemovePreprocessor.remove_input_tags = {"hide-input"}
