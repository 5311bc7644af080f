"""Paths and defaults in one place.

``PROJECT_ROOT`` is the checkout this package is installed from in editable mode (``pip install -e .``);
everything else is derived from it with :mod:`pathlib`.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "BUILD_DIR",
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
#: Below this many articles clusters are called tentative whatever their scores (topics notes, report badges).
SMALL_CORPUS = 30
# Shared benchmark data lives beside the checkout and is never copied into it.
SHARED_DIR = PROJECT_ROOT.parent / "shared"
