"""Reports that stay comparable: each keeps its state, --since says what is new, and nothing else changes."""

from __future__ import annotations

import re
import shutil

import pytest

from analysis import load_state
from analysis.cli import main
from analysis.config import SEEDS_DIR
from analysis.publish import build_report
from analysis.report.since import SINCE_ANCHOR


def test_a_report_saves_its_state_beside_it_and_says_nothing_of_a_last_report(
    seed_report, seed_report_path
):
    state = load_state(seed_report_path)  # found beside it: uk-defense.state.npz
    assert state.path == seed_report_path.with_suffix(".state.npz")
    assert state.model.n_articles == 9 and len(state.model.ids) == 9
    assert state.report["report"] == seed_report_path.name and state.report["articles"] == 9
    assert state.counts["tags"]["defense"] == 9
    assert f'id="{SINCE_ANCHOR}"' not in seed_report and "Since the last report" not in seed_report


@pytest.fixture(scope="module")
def since_itself(seed_report_path, tmp_path_factory) -> str:
    """The seed's report built with --since the seed's own report (fixed SOURCE_DATE_EPOCH), under the same
    file name (downloads are named after the file)."""
    folder = tmp_path_factory.mktemp("since")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        out = build_report(
            [SEEDS_DIR],
            output=folder / seed_report_path.name,
            since=seed_report_path,
            progress=False,
        )
    return out.read_text(encoding="utf-8")


def _without_since(page: str) -> str:
    """The page before its provenance, without the "Since the last report" cell and its line in the trust
    box."""
    made = re.sub(
        r"<li>Compared with the baseline [^<]*</li>", "", page.split('id="provenance"')[0]
    )
    anchor, cell = made.index('id="cell-id=since-last-report"'), '<div class="jp-Cell '
    start, end = made.rindex(cell, 0, anchor), made.index(cell, anchor)
    return made[:start] + made[end:]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_since_its_own_state_nothing_is_new_and_nothing_else_changes(
    since_itself, seed_report, seed_report_path
):
    first = since_itself
    assert "Compared with the baseline" in first and "Compared with the baseline" not in seed_report
    # The section and its line in the trust box are all --since adds: the rest is the same bytes.
    assert _without_since(first) == _without_since(seed_report)
    section = _text(first[first.index(f'id="{SINCE_ANCHOR}"') : first.index("Tags editors used")])
    assert "0 new article(s)" in section
    for what in (
        "topics new",
        "topics faded",
        "tags used for the first time",
        "people named for the first time",
        "people quoted for the first time",
        "most quoted in the new articles",
    ):
        assert re.search(rf"{what} none", section), what
    shares = re.findall(r"([+-]\d+\.\d) pts", section)
    assert shares and set(shares) == {"+0.0"} and section.count("persists") == len(shares)
    tail = _text(first[first.index('id="provenance"') :])
    assert f"Compared with the earlier report {seed_report_path.name}" in tail
    assert "2023-11-14 22:13:20 UTC" in tail  # SOURCE_DATE_EPOCH=1700000000


def test_a_bad_state_stops_at_the_door_and_leaves_the_previous_report(
    seed_report_path, tmp_path, capsys
):
    previous = tmp_path / "previous.html"
    shutil.copy(seed_report_path, previous)
    (tmp_path / "previous.state.npz").write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "out.html"
    out.write_text("last week's report", encoding="utf-8")
    assert main(["report", str(SEEDS_DIR), "-o", str(out), "--since", str(previous), "-q"]) == 2
    err = capsys.readouterr().err
    assert "previous.state.npz" in err and "rebuild" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "last week's report"
    assert not (tmp_path / "out.state.npz").exists()
    assert (
        main(
            ["report", str(SEEDS_DIR), "-o", str(out), "--since", str(tmp_path / "none.html"), "-q"]
        )
        == 2
    )
    assert "none.state.npz: no saved state" in capsys.readouterr().err
