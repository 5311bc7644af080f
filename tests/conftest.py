"""Shared fixtures: the committed seed, the BBC benchmark data (skipped when absent), small corpora."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from analysis.config import PROJECT_ROOT, SEEDS_DIR, SHARED_DIR

BBC_JSONL = SHARED_DIR / "data" / "bbc" / "bbc.jsonl"
# Reports name the time they were made (their provenance): tests fix it, so the same input gives the same bytes.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
SEED_FILE = SEEDS_DIR / "000_540ffb8b86120463.txt"


#: Test modules whose tests share expensive module-scoped work (BBC models fitted once, a Dask cluster, a
#: report run): each runs whole on one pytest-xdist worker; every other test is handed out on its own.
TOGETHER = (
    "tests/topics/test_bbc_quality.py",
    "tests/dask/test_dask.py",
    "tests/report/test_hostile.py",
)


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``--dist loadscope`` (pyproject.toml) with the scopes of :data:`TOGETHER`: a module listed there is one
    unit of work, any other test its own. (``xdist_group`` marks are not used: pytest-xdist 3.8 cannot apply
    them under pytest 9.2, whose node ids it can no longer rename.)"""
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class TogetherScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in TOGETHER else nodeid

    return TogetherScheduling(config, log)


#: The longest tests (over a minute each on this 2-core machine), handed out first, longest first, so that
#: no worker is still on one of them when the others are done; then the rest of the slow ones.
LONGEST_FIRST = (
    "tests/topics/test_levels.py::test_allsides_2016_topics_at_an_editors_grain",
    "tests/dask/test_dask.py::test_small_corpus_report_is_the_same_on_both_engines",
    "tests/topics/test_align.py::test_bbc_four_then_five_categories_as_tag_pages",
    "tests/topics/test_align.py::test_bbc_dated_by_month_with_a_topic_planted_in_the_last_month",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put the longest tests first (:data:`LONGEST_FIRST`), then the other slow ones."""

    def rank(item: pytest.Item) -> int:
        if item.nodeid in LONGEST_FIRST:
            return LONGEST_FIRST.index(item.nodeid)
        return len(LONGEST_FIRST) + (item.get_closest_marker("slow") is None)

    items.sort(key=rank)  # stable: the order of the rest is kept


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """The folder ``build(folder)`` fills, built once per test run and shared by the pytest-xdist workers.

    A session fixture runs once per worker; for an expensive artefact read by tests on both workers (a
    report) the first worker to ask builds it under a file lock while the other waits, then reads the same
    files. Without ``fcntl`` (Windows) or outside xdist, each process builds its own, as a plain fixture.
    """
    root = tmp_path_factory.getbasetemp()
    try:
        import fcntl
    except ImportError:  # no advisory locks: build per process
        fcntl = None
    if fcntl is not None and os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, done = root / f"built-{name}", root / f"built-{name}.done"
    with (root / f"built-{name}.lock").open("w", encoding="utf-8") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            build(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def seed_file() -> Path:
    return SEED_FILE


@pytest.fixture(scope="session")
def seed_corpus() -> pd.DataFrame:
    """The committed seed tag page, loaded once per session (9 articles)."""
    from analysis import load_corpus

    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="session")
def bbc_path() -> Path:
    """BBC News (2,225 articles, 5 editor-given categories); skips when ../shared is not beside the checkout."""
    if not BBC_JSONL.is_file():
        pytest.skip(
            f"BBC News benchmark data not found at {BBC_JSONL} (../shared/data/bbc is not beside this checkout)"
        )
    return BBC_JSONL


@pytest.fixture(scope="session")
def bbc_corpus(bbc_path) -> pd.DataFrame:
    """BBC News through load_corpus, loaded once per session (do not modify it in a test)."""
    from analysis import load_corpus

    return load_corpus(bbc_path)


@pytest.fixture(scope="session")
def bbc_model(bbc_corpus):
    """``fit_topics(bbc_corpus, k=5, random_state=0)``, fitted once per session and shared by every module."""
    from analysis.topics import fit_topics

    return fit_topics(bbc_corpus, k=5, random_state=0)


@pytest.fixture(scope="session")
def seed_model(seed_corpus):
    """``fit_topics(seed_corpus, random_state=0)``, fitted once per session (it must not warn)."""
    import warnings

    from analysis.topics import fit_topics

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fit_topics must not warn, even on 9 articles
        return fit_topics(seed_corpus, random_state=0)


#: Three themes of planted test corpora (topics that must come out apart).
NAVY = "The navy ordered new frigates and submarines for the fleet at the shipyard"
FARM = "Farmers harvested wheat and barley as grain prices rose at the market"
SPACE = "The rocket launched a satellite into orbit from the space station pad"


def theme_rows(text: str, n: int, tag: str, *, tagged: bool = True) -> list[dict]:
    """``n`` short articles on one theme (ids ``<tag>0`` ...), each tagged ``tag`` unless ``tagged`` is False."""
    words = text.split()
    return [
        {
            "id": f"{tag}{i}",
            "title": " ".join(words[i % 4 : i % 4 + 4]),
            "body": f"{text}. {words[i % len(words)]}.",
            **({"tags": [tag]} if tagged else {}),
        }
        for i in range(n)
    ]


def make_corpus(rows: list[dict]) -> pd.DataFrame:
    """A corpus DataFrame with the loader's columns from a few dicts written in a test."""
    out = []
    for i, row in enumerate(rows):
        out.append(
            {
                "id": row.get("id", f"a{i:03d}"),
                "title": row.get("title", f"Headline {i}"),
                "body": row.get("body", ""),
                "tags": list(row.get("tags", [])),
                "tag_pages": list(row.get("tag_pages", ["Test page"])),
                "source": row.get("source", f"test.txt:{i + 1}"),
            }
        )
    return pd.DataFrame(out, columns=["id", "title", "body", "tags", "tag_pages", "source"])


def speakers_in(body: str, title: str = "") -> list[tuple[str, bool, str]]:
    """(speaker, named, cue) of each quotation found in one article with this body (and title)."""
    from analysis.extract import quotes

    said = quotes(make_corpus([{"title": title, "body": body}] if title else [{"body": body}]))
    return list(zip(said["speaker"], said["speaker_named"], said["cue"], strict=True))


def named_speakers(body: str) -> list[tuple[str, bool]]:
    """(speaker, named) of each quotation found in one article with this body."""
    return [said[:2] for said in speakers_in(body)]


def people_in(body: str) -> list[str]:
    """The person mentions (names, in text order) found in one article with this body."""
    from analysis.extract import entities

    mentions = entities(make_corpus([{"body": body}]))
    return list(mentions[mentions["type"] == "person"]["name"])


@pytest.fixture
def corpus_factory():
    """``corpus_factory([{"title": ..., "body": ..., "tags": [...]}, ...])`` -> corpus DataFrame."""
    return make_corpus


@pytest.fixture
def dated_archive(tmp_path) -> Path:
    """A folder of dated exports that exercises every date rule of the loader (and of the parse cache).

    ``a.jsonl`` (first, ~15 KB: several chunks when chunks are small) has ISO dates, a blank, a null, a time
    without a zone, an unreadable date on line 26, numeric dates read month first because of a value
    several chunks after an ambiguous one, an article without a date field (its copy in ``b.csv``
    is dated) and, at its end, later copies of two of its articles (one first dated, one first blank).
    ``b.csv`` reads its numeric dates month first, ``c.jsonl`` day first (``04/09/2025`` differs between
    them) and has another copy of a dated article, ``d.txt`` is a tag page with a date line, ``e.jsonl``
    has no date field at all.
    """
    import csv
    import json

    folder = tmp_path / "archive"
    folder.mkdir()
    records = [
        {
            "title": f"Headline {i} on harbours and budgets",
            "body": f"Article {i} says the port ordered {i % 7} cranes this spring. " * 4,
            "tags": ["Ports", f"Topic {i % 3}"],
            "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00+02:00",
        }
        for i in range(40)
    ]
    del records[3]["published"]  # no date field: dated by its later copy in b.csv
    records[5]["published"] = ""  # blank: dated by its later copy at the end of this file
    records[8]["published"] = None
    records[12]["published"] = "2025-03-01 08:30"  # no zone: taken as UTC, with a note
    records[25]["published"] = "yesterday"  # unreadable, on line 26 (a later chunk)
    records[2]["published"] = "04/09/2025"  # 9 April: the file is read month first, as ...
    records[33]["published"] = "09/14/2025"  # ... this one, chunks later, can only be read so
    later = [
        dict(records[10], published="2020-01-01T00:00:00Z"),  # dated twice: the first date wins
        dict(records[5], published="2023-06-15T12:00:00Z"),
    ]
    lines = [json.dumps(r) for r in [*records, *later]]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (folder / "b.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "body", "date"])
        writer.writerow(["US one", "The council met on Tuesday.", "04/09/2025"])
        writer.writerow(["US two", "The council met again.", "09/14/2025"])
        writer.writerow([records[3]["title"], records[3]["body"], "09/15/2025"])
    c_rows = [
        {"title": "UK one", "body": "Parliament sat late.", "pubdate": "04/09/2025"},
        {"title": "UK two", "body": "Parliament rose.", "pubdate": "14/09/2025"},
        {"title": "UK three", "body": "Parliament recessed.", "pubdate": 1757815200},
        {**records[7], "published": "01/01/2019"},  # dated in a.jsonl already: that date wins
    ]
    (folder / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in c_rows), encoding="utf-8")
    (folder / "d.txt").write_text(
        "Tag - UK defense\n\n"
        "Why Putin won't end his war against the West\n"
        "September 14, 2025 4:00 am CET\n"
        "When Vladimir Putin sent at least 19 drones into Poland last week, the Russian president was "
        "delivering a message to the alliance.\n"
        "Defense\nPolitics\n",
        encoding="utf-8",
    )
    (folder / "e.jsonl").write_text(
        '{"title": "Undated", "body": "No date field here."}\n', encoding="utf-8"
    )
    return folder


#: The generated archive the engine and worker checks share: past the report's sample size (the sizes are
#: parameters of the run, small here), dated, in several parse-cache parts and JSON Lines blocks.
ARCHIVE_ARTICLES = 1_000
ARCHIVE_SIZES = {
    "sample_size": 600,
    "map_points": 300,
    "text_sample": 400,
    "full_table_max": 600,
    "read_meanwhile_from": 1_000,  # the text sample read while the topics are fitted, on either engine
}
ARCHIVE_OPTIONS = {"k": 20, "sizes": ARCHIVE_SIZES, "progress": False}
#: Rows per parse-cache part while the archive is cached: four parts.
ARCHIVE_PART_ROWS = 250


def _build_archive_report(folder: Path) -> None:
    from analysis.corpus.cache import store
    from analysis.datasets import write_jsonl_chunked
    from analysis.parallel import WORKERS_ENV
    from analysis.publish import build_report

    path = write_jsonl_chunked(folder / "archive.jsonl", ARCHIVE_ARTICLES, chunk=400)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(store, "PART_ROWS", ARCHIVE_PART_ROWS)
        mp.setenv(WORKERS_ENV, "1")  # everything in this process
        build_report([path], output=folder / "report" / "archive.html", **ARCHIVE_OPTIONS)


@pytest.fixture(scope="session")
def archive_report(tmp_path_factory) -> Path:
    """The folder of the generated archive (``archive.jsonl``) and its report on the pandas engine with one
    worker (``report/``: the page, its state and its article table), built once per test run."""
    return built_once(tmp_path_factory, "archive-report", _build_archive_report)
