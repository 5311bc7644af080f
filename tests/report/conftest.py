"""The report fixtures: the seed report and a hostile one, each built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.config import SEEDS_DIR
from analysis.publish import build_report

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


@pytest.fixture(scope="session")
def seed_report_steps(tmp_path_factory) -> Path:
    """Where the seed report's run records its step times (analysis.timings; they are not in the report)."""
    return tmp_path_factory.mktemp("steps") / "seed-steps.jsonl"


@pytest.fixture(scope="session")
def seed_report_path(tmp_path_factory, seed_report_steps) -> Path:
    """The report of the committed seed, built once per session (recording its step times)."""
    out = tmp_path_factory.mktemp("report") / "uk-defense.html"
    assert build_report([SEEDS_DIR], output=out, progress=False, timings=seed_report_steps) == out
    return out


@pytest.fixture(scope="session")
def seed_report(seed_report_path) -> str:
    return seed_report_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def hostile_report_path(tmp_path_factory) -> Path:
    """The report of a three-article tag page whose page name, headline and tag are markup and script."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_DUMP, encoding="utf-8")
    out = folder / "hostile.html"
    build_report([folder / "hostile.txt"], output=out, progress=False)
    return out


@pytest.fixture(scope="session")
def hostile_report(hostile_report_path) -> str:
    return hostile_report_path.read_text(encoding="utf-8")
