"""Named exceptions for everything a user can get wrong.

Every error a user can cause (a bad file, a bad parameter, a failed report run) is raised as one of these,
with a message that says what went wrong, where (file and line when one applies) and what to do. The CLI
prints the message and exits with status 2 instead of showing a traceback.
"""

from __future__ import annotations

__all__ = ["AnalysisError", "CorpusError", "ParameterError", "ReportError", "StateError"]


class AnalysisError(Exception):
    """Base class of the errors this package raises on purpose."""


class CorpusError(AnalysisError, ValueError):
    """An input file or folder cannot be read as articles (names the file, the line, and what was expected)."""


class ParameterError(AnalysisError, ValueError):
    """A parameter is out of range for the data it is applied to (e.g. ``k`` larger than the corpus)."""


class ReportError(AnalysisError):
    """Building the HTML report failed; the previous report, if any, was left in place."""


class StateError(AnalysisError):
    """A saved report state or model cannot be used (missing, truncated, altered, foreign or of another
    format version); the message names the file and says how to rebuild it. Nothing was written."""
