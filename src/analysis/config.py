"""Paths and defaults in one place.

``PROJECT_ROOT`` is the checkout this package is installed from in editable mode (``pip install -e .``);
everything else is derived from it with :mod:`pathlib`.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "BUILD_DIR",
    "LARGE_CORPUS",
    "LEAD_WORDS",
    "NOTEBOOKS_DIR",
    "PROJECT_ROOT",
    "REPORTS_DIR",
    "REPORT_NOTEBOOK",
    "SEEDS_DIR",
    "SHARED_DIR",
    "SMALL_CORPUS",
    "TEMPLATES_DIR",
]

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
BUILD_DIR = PROJECT_ROOT / "build"
TEMPLATES_DIR = PACKAGE_DIR / "report" / "templates"
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "04-report.ipynb"
#: Above this many articles: MiniBatchKMeans, the SVD fitted on a sample of this size, and the topic fit and
#: the group comparison read the headline and the first LEAD_WORDS words of each body (``max_words="auto"``).
LARGE_CORPUS = 10_000
#: Words of each body read on a large corpus (with the headline): the lead of a news story carries its topic.
LEAD_WORDS = 150
#: Below this many articles clusters are called tentative whatever their scores (topics notes, report badges).
SMALL_CORPUS = 30
# Shared benchmark data lives beside the checkout and is never copied into it.
SHARED_DIR = PROJECT_ROOT.parent / "shared"
