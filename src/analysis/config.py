"""Paths and defaults in one place.

``PROJECT_ROOT`` is the checkout this package is installed from in editable mode (``pip install -e .``);
everything else is derived from it with :mod:`pathlib`.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "BUILD_DIR",
    "CACHE_MAX_BYTES",
    "LARGE_CORPUS",
    "LEAD_WORDS",
    "MAX_EXTRACT_CHARS",
    "MAX_HEADLINE_CHARS",
    "MAX_JSON_DEPTH",
    "MAX_RECORD_CHARS",
    "MAX_SHOWN_CHARS",
    "NOTEBOOKS_DIR",
    "PROJECT_ROOT",
    "REPORTS_DIR",
    "REPORT_NOTEBOOK",
    "SEEDS_DIR",
    "SHARED_DIR",
    "SMALL_CORPUS",
    "SURNAME_MAJORITY",
    "TABLE_CELL_CHARS",
    "TEMPLATES_DIR",
    "lead_words",
]

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
BUILD_DIR = PROJECT_ROOT / "build"
TEMPLATES_DIR = PACKAGE_DIR / "report" / "templates"
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "04-report.ipynb"
#: Above this many articles: MiniBatchKMeans and the SVD fitted on a sample of this size.
LARGE_CORPUS = 10_000
#: Articles the clusters are fitted on (a fixed random sample beyond this size; :mod:`analysis.topics.sampled`).
SAMPLE_SIZE = 20_000
#: Period lengths of "Over time" and trends: day, week (Monday to Sunday), month.
FREQUENCIES = {"D": "day", "W": "week", "M": "month"}
#: Words of each body read on a large corpus (with the headline): the lead of a news story carries its topic.
LEAD_WORDS = 150


def lead_words(n: int) -> int | None:
    """Words of each body the topic fit and the group comparison read for ``n`` articles
    (``max_words="auto"``): whole bodies (None) while every article can be in the fit (up to SAMPLE_SIZE),
    the first LEAD_WORDS beyond. (Whole bodies separate opinion-heavy coverage better: AllSides' 11,175
    articles, NMI against the editors' topics 0.435 whole against 0.406 with 150 words.)"""
    return LEAD_WORDS if n > SAMPLE_SIZE else None


#: Below this many articles clusters are called tentative whatever their scores (topics notes, report badges).
SMALL_CORPUS = 30
#: Extraction (people, quotes; spaCy) reads at most this many characters of one headline or body: far more
#: than any article (a long feature is ~30,000), far below spaCy's own limit (1,000,000, about 10 GB of parser
#: memory). Longer texts are cut for extraction only, and the report counts and says so.
MAX_EXTRACT_CHARS = 100_000
#: A surname written alone in an article that never gives the full name ("Clinton said") is read as the
#: corpus's full name for it only when that name holds at least this share of the corpus's full names with
#: that surname (Donald Trump among the Trumps); otherwise it stays the surname (Hillary or Bill Clinton).
SURNAME_MAJORITY = 0.75
#: One JSON Lines record or CSV field may hold at most this many characters (10 MB: hundreds of times a
#: long article); a longer one is refused with its line (skipped and listed with ``--lenient``).
MAX_RECORD_CHARS = 10_000_000
#: JSON records may nest lists and objects at most this deep (an article is flat: tags are one list deep).
MAX_JSON_DEPTH = 20
#: The report shows at most this many characters of one text (a headline, tag, name, note) in its HTML and in
#: each cell of its CSV downloads; table cells on the page show at most TABLE_CELL_CHARS. Longer text is cut
#: with "…", so one pathological field cannot blow the report up (the data keeps it whole).
MAX_SHOWN_CHARS = 1_000
TABLE_CELL_CHARS = 300
#: Extraction and the report's text sections read at most this many characters of a headline.
MAX_HEADLINE_CHARS = 300
#: Parse caches under build/corpus-cache/ take at most this much disk together; beyond, the least recently
#: used are deleted (the one in use is kept, whatever its size).
CACHE_MAX_BYTES = 4 * 1024**3
# Shared benchmark data lives beside the checkout and is never copied into it.
SHARED_DIR = PROJECT_ROOT.parent / "shared"
