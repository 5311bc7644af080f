"""The report fixtures: the seed report and a hostile one, each built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.config import SEEDS_DIR
from analysis.publish import build_report
from tests.conftest import built_once

# Article text that would run or inject markup if the report ever let it through as HTML.
HOSTILE = {
    "headline": '<script>alert("x")</script>',
    "tag": "<img src=x onerror=alert(1)>",
    "page": "Hostile <b>page</b>",
}

HOSTILE_DUMP = f"""Tag - {HOSTILE["page"]}

{HOSTILE["headline"]}
The defence ministry announced new drone procurement plans on Monday. Officials said the contracts would be \
signed within weeks and that suppliers in three countries had bid.
{HOSTILE["tag"]}
Defense
A plain headline about drones and procurement
The army will buy more drones next year, officials said, as procurement budgets rise across Europe and \
suppliers expand production lines.
Defense
Drones
Budget talks stall over naval shipbuilding
Naval shipbuilding budgets were cut again, leaving the frigate programme short of money and shipyards \
waiting for orders from the ministry.
Defense
Navy
"""


@pytest.fixture(scope="session")
def hostile_strings() -> dict[str, str]:
    """The hostile headline, tag and page name the hostile report is built from."""
    return dict(HOSTILE)


def _build_seed_report(folder: Path) -> None:
    out = folder / "report" / "uk-defense.html"
    steps = folder / "steps" / "seed-steps.jsonl"
    steps.parent.mkdir()
    assert build_report([SEEDS_DIR], output=out, progress=False, timings=steps) == out


def _build_hostile_report(folder: Path) -> None:
    (folder / "hostile.txt").write_text(HOSTILE_DUMP, encoding="utf-8")
    build_report([folder / "hostile.txt"], output=folder / "hostile.html", progress=False)


@pytest.fixture(scope="session")
def seed_report_built(tmp_path_factory) -> Path:
    """The folder of the seed report's run, built once per test run (shared by the xdist workers)."""
    return built_once(tmp_path_factory, "seed-report", _build_seed_report)


@pytest.fixture(scope="session")
def seed_report_steps(seed_report_built) -> Path:
    """Where the seed report's run records its step times (analysis.timings; they are not in the report)."""
    return seed_report_built / "steps" / "seed-steps.jsonl"


@pytest.fixture(scope="session")
def seed_report_path(seed_report_built) -> Path:
    """The report of the committed seed, built once per test run (recording its step times)."""
    return seed_report_built / "report" / "uk-defense.html"


@pytest.fixture(scope="session")
def seed_report(seed_report_path) -> str:
    return seed_report_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def hostile_report_path(tmp_path_factory) -> Path:
    """The report of a three-article tag page whose page name, headline and tag are markup and script,
    built once per test run (shared by the xdist workers)."""
    return built_once(tmp_path_factory, "hostile-report", _build_hostile_report) / "hostile.html"


@pytest.fixture(scope="session")
def hostile_report(hostile_report_path) -> str:
    return hostile_report_path.read_text(encoding="utf-8")
