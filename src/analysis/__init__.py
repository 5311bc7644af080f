"""analysis: load news tag-page dumps, find topic clusters, read editorial tags, and publish one HTML report.

The public API is re-exported here; notebooks import ``analysis`` and call these functions.
"""

from __future__ import annotations

from analysis.corpus import load_corpus
from analysis.errors import AnalysisError, CorpusError, ParameterError, ReportError

__all__ = [
    "AnalysisError",
    "CorpusError",
    "ParameterError",
    "ReportError",
    "load_corpus",
]
