"""Stable topics across runs: fit_topics(..., baseline=) keeps numbers and labels, marks new and faded topics."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis import load_corpus, load_model
from analysis.topics import fit_topics
from tests.conftest import make_corpus

NAVY = "The navy ordered new frigates and submarines for the fleet at the shipyard"
FARM = "Farmers harvested wheat and barley as grain prices rose at the market"
SPACE = "The rocket launched a satellite into orbit from the space station pad"


def _rows(text: str, n: int, tag: str) -> list[dict]:
    words = text.split()
    return [
        {
            "id": f"{tag}{i}",
            "title": " ".join(words[i % 4 : i % 4 + 4]),
            "body": f"{text}. {words[i % len(words)]}.",
            "tags": [tag],
        }
        for i in range(n)
    ]


def _numbers_by_id(corpus: pd.DataFrame, model) -> pd.Series:
    return pd.Series(model.numbers[model.labels], index=corpus["id"].to_numpy())


def test_persisting_topics_keep_number_and_label_new_and_faded_are_said():
    before = make_corpus(_rows(NAVY, 8, "navy") + _rows(FARM, 6, "farm"))
    base = fit_topics(before, k=2, random_state=0)
    after = make_corpus(_rows(NAVY, 8, "navy") + _rows(FARM, 6, "farm") + _rows(SPACE, 10, "space"))
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
    later = make_corpus(_rows(NAVY, 8, "navy") + _rows(SPACE, 10, "space"))
    last = fit_topics(later, k=2, random_state=0, baseline=model)
    assert sorted(last.numbers) == [1, 3] and not last.clusters["new"].any()
    assert last.faded[["number", "label"]].values.tolist() == [[2, model.clusters["label"].iloc[1]]]


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


def _check_run_over_run(before: pd.DataFrame, after: pd.DataFrame, planted: set[str], tmp_path):
    base = fit_topics(before, random_state=0)
    base.save(tmp_path / "base.npz")
    model = fit_topics(after, random_state=0, baseline=load_model(tmp_path / "base.npz"))
    persisting = model.clusters[~model.clusters["new"]]
    assert len(persisting) == base.k == 4 and model.faded.empty
    for number, label in zip(persisting["number"], persisting["label"], strict=True):
        assert base.clusters.loc[base.numbers == number, "label"].iloc[0] == label
    was, now = _numbers_by_id(before, base), _numbers_by_id(after, model)
    kept = float((now[was.index] == was).mean())
    assert kept >= 0.95, kept
    fresh = model.clusters[model.clusters["new"]]
    assert len(fresh) == 1 and int(fresh["number"].iloc[0]) == 5
    in_planted = after["category"].isin(planted).to_numpy()
    assert (model.numbers[model.labels[in_planted]] == 5).mean() >= 0.9
    new_ids = set(after["id"]) - set(before["id"])
    assert len(new_ids) == after["id"].nunique() - before["id"].nunique()
    return kept


@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="known open (issues 18 x 23): with two-level topics BBC gets 28-37 topics, not 4, and "
    "align_topics returns fewer cluster rows than model.k; alignment must move to the broad groups",
)
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
    _check_run_over_run(before, after, {"sport"}, tmp_path)


@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="known open (issues 18 x 23): with two-level topics BBC gets 28-37 topics, not 4, and "
    "align_topics returns fewer cluster rows than model.k; alignment must move to the broad groups",
)
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
    _check_run_over_run(before, after, {"sport"}, tmp_path)
