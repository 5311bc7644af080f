"""Stable topics across runs: fit_topics(..., baseline=) keeps numbers and labels, marks new and faded topics."""

from __future__ import annotations

import html
import json
import re

import numpy as np
import pandas as pd
import pytest

from analysis import load_corpus, load_model
from analysis.report.since import since_html
from analysis.report.state import ReportState
from analysis.topics import fit_topics
from tests.conftest import FARM, NAVY, SPACE, make_corpus, theme_rows


def _numbers_by_id(corpus: pd.DataFrame, model) -> pd.Series:
    return pd.Series(model.numbers[model.labels], index=corpus["id"].to_numpy())


def test_persisting_topics_keep_number_and_label_new_and_faded_are_said():
    before = make_corpus(theme_rows(NAVY, 8, "navy") + theme_rows(FARM, 6, "farm"))
    base = fit_topics(before, k=2, random_state=0)
    after = make_corpus(
        theme_rows(NAVY, 8, "navy") + theme_rows(FARM, 6, "farm") + theme_rows(SPACE, 10, "space")
    )
    model = fit_topics(after, k=3, random_state=0, baseline=base)
    # The space topic is the largest now, yet the old topics keep 1 and 2; it gets 3 and is new.
    assert list(model.numbers) == [1, 2, 3]
    assert list(model.clusters["label"][:2]) == list(base.clusters["label"])
    assert list(model.clusters["new"]) == [False, False, True]
    was, now = _numbers_by_id(before, base), _numbers_by_id(after, model)
    assert (now[was.index] == was).all()
    assert set(now[[f"space{i}" for i in range(10)]]) == {3}
    assert model.faded.empty and "2 topic(s) persist" in model.notes[-1]
    # Same inputs and baseline: the same model.
    again = fit_topics(after, k=3, random_state=0, baseline=base)
    assert np.array_equal(again.labels, model.labels) and again.clusters.equals(model.clusters)
    # The farm topic's articles are gone: it is listed as faded, the others keep their numbers.
    later = make_corpus(theme_rows(NAVY, 8, "navy") + theme_rows(SPACE, 10, "space"))
    last = fit_topics(later, k=2, random_state=0, baseline=model)
    assert sorted(last.numbers) == [1, 3] and not last.clusters["new"].any()
    assert last.faded[["number", "label"]].values.tolist() == [[2, model.clusters["label"].iloc[1]]]


ARMY = "The army sent tanks and infantry soldiers to the barracks for drills military defence"
BAKERY = "The bakery sold bread cheese and butter to shoppers at the grocery farm food"


def _groups_by_id(corpus: pd.DataFrame, model) -> pd.Series:
    return pd.Series(model.group_numbers[model.groups[model.labels]], index=corpus["id"].to_numpy())


def _consistent(model) -> None:
    """One row per topic and per group, numbers unique and in order, each group's topics its own."""
    assert len(model.clusters) == model.k and len(model.space.centroids) == model.k
    assert list(model.numbers) == sorted(set(model.numbers))
    assert list(model.group_numbers) == sorted(set(model.group_numbers))
    assert set(model.groups) == set(range(len(model.group_table)))
    for g, row in model.group_table.iterrows():
        assert row["topics"] == [int(t) for t in np.flatnonzero(model.groups == g)]
    assert np.bincount(model.labels, minlength=model.k).tolist() == model.clusters["size"].tolist()


def test_both_levels_aligned_rows_match_k_flags_right():
    """Topics and broad groups both keep their numbers and labels; a new theme is a new topic in a new
    group; a removed theme's topics and group are faded; a coarser cut of the same articles is re-drawn."""
    themes = [
        (f"{NAVY} military defence", 8, "navy"),
        (ARMY, 7, "army"),
        (f"{FARM} farm food", 6, "farm"),
        (BAKERY, 9, "food"),
    ]
    before = make_corpus([r for t in themes for r in theme_rows(*t)])
    base = fit_topics(before, k=4, random_state=0)
    assert len(base.group_table) == 3  # farm and food merged into one broad group
    after = make_corpus([r for t in [*themes, (SPACE, 10, "space")] for r in theme_rows(*t)])
    model = fit_topics(after, k=5, random_state=0, baseline=base)
    _consistent(model)
    assert list(model.numbers) == [1, 2, 3, 4, 5]
    assert model.clusters["new"].tolist() == [False] * 4 + [True]
    assert not model.clusters["redrawn"].any() and model.faded.empty
    assert list(model.clusters["label"][:4]) == list(base.clusters["label"])
    assert model.group_numbers.tolist() == [1, 2, 3, 4]
    assert model.group_table["new"].tolist() == [False, False, False, True]
    assert list(model.group_table["label"][:3]) == list(base.group_table["label"])
    was, now = _groups_by_id(before, base), _groups_by_id(after, model)
    assert (now[was.index] == was).all()
    assert set(_groups_by_id(after, model)[[f"space{i}" for i in range(10)]]) == {4}
    assert (
        "Broad groups: 3 group(s) persist with their numbers and labels, 1 new" in model.notes[-1]
    )
    # Farm and food gone: their two topics and their group faded; the numbers left keep their meaning.
    later = make_corpus([r for t in [*themes[:2], (SPACE, 10, "space")] for r in theme_rows(*t)])
    last = fit_topics(later, k=3, random_state=0, baseline=model)
    _consistent(last)
    assert last.numbers.tolist() == [2, 3, 5] and last.group_numbers.tolist() == [2, 3, 4]
    assert last.faded["number"].tolist() == [1, 4] and set(last.faded["status"]) == {"faded"}
    assert last.faded_groups[["number", "status"]].values.tolist() == [[1, "faded"]]
    # The same articles cut coarser (k=3): two topics merge into others; their articles are still here,
    # so they are re-drawn, not faded, and no topic is new.
    coarse = fit_topics(after, k=3, random_state=0, baseline=model)
    _consistent(coarse)
    assert not coarse.clusters["new"].any() and not coarse.group_table["new"].any()
    assert len(coarse.faded) == 2 and set(coarse.faded["status"]) == {"re-drawn"}
    assert coarse.faded["now_in"].notna().all()


def _tag_pages(records: list[dict], folder, by) -> None:
    """BBC records written as the seed's tag pages (headline, body on one line, the category as a tag)."""
    folder.mkdir(parents=True, exist_ok=True)
    pages: dict[str, list[str]] = {}
    for r in records:
        lines = pages.setdefault(by(r), [f"Tag - {r['category']}", ""])
        body = "  ".join(p.strip() for p in r["body"].split("\n") if p.strip())
        lines += [r["title"].strip(), body, r["category"].capitalize()]
    for name, lines in pages.items():
        (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def bbc_records(bbc_path) -> list[dict]:
    return [json.loads(line) for line in bbc_path.read_text(encoding="utf-8").splitlines()]


def _check_run_over_run(
    before: pd.DataFrame, after: pd.DataFrame, planted: set[str], new_rows: np.ndarray, tmp_path
) -> dict[str, float]:
    """The second run aligned with the first (saved and loaded): the first run's four broad groups
    persist with their numbers and labels, >= 95% of its articles keep their broad group and their topic
    number, the planted category is the one new group (number 5) and sits in new topics, persisting topics
    keep number and label, and
    "Since the last report" counts exactly the articles added (``new_rows``)."""
    base = fit_topics(before, random_state=0)
    base.save(tmp_path / "base.npz")
    model = fit_topics(after, random_state=0, baseline=load_model(tmp_path / "base.npz"))
    _consistent(model)
    groups = model.group_table
    persisting = groups[~groups["new"] & ~groups["redrawn"]]
    assert len(base.group_table) == 4 and len(persisting) == 4 and model.faded_groups.empty
    for number, label in zip(persisting["number"], persisting["label"], strict=True):
        assert base.group_table["label"].iloc[number - 1] == label
    assert groups.loc[groups["new"], "number"].tolist() == [5]
    in_planted = after["category"].isin(planted).to_numpy()
    group_now = _groups_by_id(after, model)
    assert (group_now.to_numpy()[in_planted] == 5).mean() >= 0.9
    was = _groups_by_id(before, base)
    kept_groups = float((group_now[was.index] == was).mean())
    assert kept_groups >= 0.95, kept_groups
    # The topics inside: persisting ones keep number and label; the planted category's articles are in
    # topics marked new; the first run's articles are almost never in a topic marked new.
    for row in model.clusters[~model.clusters["new"] & ~model.clusters["redrawn"]].itertuples():
        assert base.clusters["label"].iloc[row.number - 1] == row.label
    new_topic = model.clusters["new"].to_numpy(bool)[model.labels]
    assert new_topic[in_planted].mean() >= 0.9
    old = after["id"].isin(set(before["id"])).to_numpy()
    assert new_topic[old].mean() <= 0.01
    topic_was, topic_now = _numbers_by_id(before, base), _numbers_by_id(after, model)
    kept_topics = float((topic_now[topic_was.index] == topic_was).mean())
    assert kept_topics >= 0.95, kept_topics
    # "Since the last report" counts exactly the articles added, and names sport's group as new.
    state = ReportState(load_model(tmp_path / "base.npz"), {}, {"report": "first.html"})
    none = pd.DataFrame(columns=["article_id", "speaker", "speaker_named"])
    section = since_html(
        after,
        model,
        state,
        counts={"tags": {}, "people": {}, "speakers": {}},
        freq=pd.DataFrame(),
        said=none,
    )
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", str(section)))
    assert f"{len(before):,} articles): {len(new_rows):,} new article(s)." in text
    assert f"broad groups new 5: {html.escape(groups['label'].iloc[4])}" in text
    assert (
        f"{100 * kept_topics:.1f}% keep their topic number and {100 * kept_groups:.1f}% their broad "
        "group number" in text
    )
    return {"groups kept": kept_groups, "topics kept": kept_topics}


@pytest.mark.slow
def test_bbc_four_then_five_categories_as_tag_pages(bbc_records, tmp_path):
    """Four categories (sport left out), then all five aligned with the first: the four keep number and
    label, at least 95% of the first run's articles keep their number, sport is new."""
    _tag_pages(
        [r for r in bbc_records if r["category"] != "sport"],
        tmp_path / "four",
        lambda r: r["category"],
    )
    _tag_pages(bbc_records, tmp_path / "five", lambda r: r["category"])
    before, after = load_corpus(tmp_path / "four"), load_corpus(tmp_path / "five")
    for frame in (before, after):
        frame["category"] = frame["tag_pages"].str[0]
    added = np.flatnonzero(after["category"].eq("sport").to_numpy())
    _check_run_over_run(before, after, {"sport"}, added, tmp_path)


@pytest.mark.slow
def test_bbc_dated_by_month_with_a_topic_planted_in_the_last_month(bbc_records, tmp_path):
    """A dated archive in one JSON Lines file per month (January to April); sport appears only in April.
    The report of January-March, then of January-April aligned with it: sport comes out new."""
    rng = np.random.default_rng(7)
    folder = tmp_path / "months"
    folder.mkdir()
    files: dict[str, list[str]] = {}
    for r in bbc_records:
        month = 4 if r["category"] == "sport" else int(rng.integers(1, 5))
        record = {
            **r,
            "published": f"2025-{month:02d}-{int(rng.integers(1, 29)):02d}",
            "tags": [r["category"]],
        }
        files.setdefault(f"2025-{month:02d}", []).append(json.dumps(record))
    for name, lines in files.items():
        (folder / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = load_corpus(*sorted(folder.glob("2025-0[123].jsonl")))
    after = load_corpus(folder)
    assert before["published"].max() < pd.Timestamp("2025-04-01", tz="UTC")
    added = np.flatnonzero(after["published"].ge(pd.Timestamp("2025-04-01", tz="UTC")).to_numpy())
    _check_run_over_run(before, after, {"sport"}, added, tmp_path)
