"""Tests for analysis.compare: distinguishing terms, page overlap, trends and rising terms on corpora built here."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis.compare import (
    Z_THRESHOLD,
    compare_groups,
    log_odds_z_pair,
    multi_page_articles,
    page_overlap,
    pages_by_cluster,
    rising_terms,
    time_coverage,
    trends,
)
from analysis.compare.trends import period_label
from analysis.corpus import load_corpus
from analysis.errors import ParameterError

# Neutral filler shared by every article (no stop words, so every one is a counted term).
_SHARED = [
    "council",
    "budget",
    "minister",
    "policy",
    "report",
    "debate",
    "region",
    "market",
    "office",
    "growth",
    "plan",
    "committee",
    "official",
    "agency",
    "review",
    "project",
    "funding",
    "program",
    "service",
    "public",
    "local",
    "national",
    "capital",
    "partner",
    "forum",
]


def _body(rng: np.random.Generator, planted: list[str]) -> str:
    """Every shared word twice in a random order (so shared words are used equally on every page), and
    each planted word twice at random places."""
    words = list(rng.permutation(_SHARED * 2))
    for word in planted:
        for _ in range(2):
            words.insert(int(rng.integers(len(words) + 1)), word)
    return " ".join(words).capitalize() + "."


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory):
    rng = np.random.default_rng(0)
    records = []
    for i in range(30):
        records.append(
            {
                "title": f"Navy report {i}",
                "body": _body(rng, ["submarine", "frigate"]),
                "tags": ["Navy"],
                "tag_pages": ["Defence"],
            }
        )
        records.append(
            {
                "title": f"Health report {i}",
                "body": _body(rng, ["vaccine", "hospital"]),
                "tags": ["NHS"],
                "tag_pages": ["Health"],
            }
        )
    path = _write_jsonl(tmp_path_factory.mktemp("pages") / "pages.jsonl", records)
    return load_corpus(path)


def test_planted_words_rank_first_with_significant_z_and_shared_words_do_not(two_pages):
    table = compare_groups(two_pages, by="tag_pages", top=None)
    assert list(table.columns[:5]) == ["group", "term", "z", "count_in_group", "count_elsewhere"]
    assert list(dict.fromkeys(table["group"])) == ["Defence", "Health"]
    for page, planted in [
        ("Defence", {"submarine", "frigate"}),
        ("Health", {"vaccine", "hospital"}),
    ]:
        rows = table[table["group"] == page]
        assert set(rows["term"].head(2)) == planted
        assert (rows["z"].head(2) > Z_THRESHOLD).all()
        assert rows.set_index("term").loc[sorted(planted), "count_elsewhere"].eq(0).all()
        assert rows.set_index("term").loc[sorted(planted), "count_in_group"].eq(60).all()
        shared = rows[rows["term"].isin(_SHARED)]
        assert (shared["z"].abs() < Z_THRESHOLD).all()
        assert rows["z"].is_monotonic_decreasing


def test_compare_groups_needs_two_groups_and_a_model_for_clusters(two_pages):
    one_page = two_pages[two_pages["tag_pages"].map(lambda p: p == ["Defence"])]
    with pytest.raises(ParameterError, match="at least two groups"):
        compare_groups(one_page)
    with pytest.raises(ParameterError, match="model"):
        compare_groups(two_pages, by="cluster")
    with pytest.raises(ParameterError, match="no column 'desk'"):
        compare_groups(two_pages, by="desk")


def test_compare_groups_by_column_and_by_cluster_numbered_from_one(two_pages):
    by_tag = compare_groups(two_pages, by="tags", top=3)
    assert set(by_tag["group"]) == {"Navy", "NHS"} and len(by_tag) == 6

    class Model:  # the two fields compare_groups reads from a TopicModel
        labels = np.array([0 if "Navy" in t else 1 for t in two_pages["title"]])
        k = 2

    by_cluster = compare_groups(two_pages, by="cluster", model=Model(), top=2)
    assert list(dict.fromkeys(by_cluster["group"])) == [1, 2]
    assert set(by_cluster.loc[by_cluster["group"] == 1, "term"]) == {"submarine", "frigate"}
    assert pages_by_cluster(two_pages, Model()).to_dict() == {
        1: {"Defence": 30, "Health": 0},
        2: {"Defence": 0, "Health": 30},
    }


def test_pages_by_cluster_keeps_a_baselines_numbers(two_pages):
    """A model aligned with a baseline (--since) numbers its topics 2 and 5, not 1..k: columns follow."""

    class Model:
        labels = np.array([0 if "Navy" in t else 1 for t in two_pages["title"]])
        k = 2
        numbers = np.array([2, 5])

    assert pages_by_cluster(two_pages, Model()).to_dict() == {
        2: {"Defence": 30, "Health": 0},
        5: {"Defence": 0, "Health": 30},
    }


def test_log_odds_is_antisymmetric_and_zero_for_identical_sides():
    a = np.array([10.0, 0.0, 5.0, 100.0])
    b = np.array([1.0, 7.0, 5.0, 100.0])
    assert np.allclose(log_odds_z_pair(a, b), -log_odds_z_pair(b, a))
    assert np.allclose(log_odds_z_pair(a, a), 0.0)


@pytest.fixture(scope="module")
def overlapping(tmp_path_factory):
    pages = [["A"], ["A", "B"], ["A", "B", "C"], ["B"], ["b "], ["C"], ["A", "C"]]
    tags = [["x", "y"], ["y"], ["z"], ["w"], ["W", "v"], ["x"], ["q"]]
    records = [
        {
            "title": f"Story {i}",
            "body": f"Body of story number {i} about things.",
            "tags": t,
            "tag_pages": p,
        }
        for i, (p, t) in enumerate(zip(pages, tags, strict=True))
    ]
    return load_corpus(_write_jsonl(tmp_path_factory.mktemp("overlap") / "o.jsonl", records))


def test_page_overlap_counts_are_exact(overlapping):
    table = page_overlap(overlapping).set_index(["page_a", "page_b"])
    # page B (also written "b ") holds stories 1, 2, 3, 4; A holds 0, 1, 2, 6; C holds 2, 5, 6
    assert table.loc[("A", "A"), "shared_articles"] == 4
    assert table.loc[("B", "B"), "shared_articles"] == 4
    assert table.loc[("C", "C"), "shared_articles"] == 3
    assert table.loc[("A", "B"), "shared_articles"] == 2 == table.loc[("B", "A"), "shared_articles"]
    assert table.loc[("A", "C"), "shared_articles"] == 2
    assert table.loc[("B", "C"), "shared_articles"] == 1
    # tags: A {x, y, z, q}, B {y, z, w, v}, C {z, x, q}
    assert table.loc[("A", "B"), "tag_jaccard"] == pytest.approx(2 / 6)
    assert table.loc[("A", "C"), "tag_jaccard"] == pytest.approx(3 / 4)
    assert table.loc[("A", "A"), "tag_jaccard"] == 1.0
    multi = multi_page_articles(overlapping)
    assert multi["title"].tolist() == ["Story 2", "Story 1", "Story 6"]
    assert multi["n_pages"].tolist() == [3, 2, 2]
    assert multi["pages"].iloc[0] == "A; B; C"


def _dated_corpus(tmp_path) -> pd.DataFrame:
    """Four months of articles; from September a topic about drones appears and grows."""
    rng = np.random.default_rng(1)
    records = []
    for month, n_drone in [(6, 0), (7, 0), (8, 1), (9, 12)]:
        for i in range(15):
            planted = ["drone", "airspace"] if i < n_drone else []
            day = int(rng.integers(2, 28))  # never crosses a month in UTC
            records.append(
                {
                    "title": f"{'Drone incursion' if planted else 'Council budget'} {month}-{i}",
                    "body": _body(rng, planted),
                    "tags": ["Drones"] if planted else ["Budget"],
                    "date": f"2025-{month:02d}-{day:02d}T{int(rng.integers(24)):02d}:00:00+02:00",
                }
            )
    return load_corpus(_write_jsonl(tmp_path / "dated.jsonl", records))


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    corpus = _dated_corpus(tmp_path_factory.mktemp("dated"))
    if "published" not in corpus.columns:  # before the loader reads dates, parse the raw field here
        from analysis.corpus.dates import parse_dates

        corpus = corpus.assign(published=parse_dates(corpus.pop("date").tolist()).values.to_numpy())
    return corpus


def test_rising_terms_find_the_planted_topic(dated):
    table = rising_terms(dated, "2025-08", "2025-09")
    assert set(table["term"].head(2)) == {"drone", "airspace"}
    assert (table["z"].head(2) > Z_THRESHOLD).all()
    assert table.attrs == {"period_articles_a": 15, "period_articles_b": 15}
    drone = table.set_index("term").loc["drone"]
    assert (drone["articles_a"], drone["articles_b"], drone["uses_b"]) == (1, 12, 24)


def test_rising_terms_rank_by_articles_not_by_one_article_repeating_a_word(dated):
    """One September article says "forsyth" many times: it must not outrank the drone story of 12 articles,
    and a word in a single article of the period is not listed at all."""
    repeat = dated["published"].dt.month == 9
    first = int(np.flatnonzero(repeat.to_numpy())[-1])
    repeats = " ".join(f"Forsyth {word}." for word in _SHARED * 4)[: 28 * 20]
    body = dated["body"].iloc[first] + " " + repeats
    planted = dated.assign(body=[body if i == first else b for i, b in enumerate(dated["body"])])
    table = rising_terms(planted, "2025-08", "2025-09", top=None)
    assert set(table["term"].head(2)) == {"drone", "airspace"}
    assert "forsyth" not in set(table["term"])
    assert (table["articles_b"] >= 2).all()
    everything = rising_terms(planted, "2025-08", "2025-09", top=None, min_articles=1)
    ranked = everything["term"].tolist()
    assert ranked.index("drone") < ranked.index("forsyth")
    forsyth = everything.set_index("term").loc["forsyth"]
    assert forsyth["articles_b"] == 1 and forsyth["uses_b"] >= 20
    assert forsyth["uses_b"] > everything.set_index("term").loc["drone", "uses_b"]


def test_trends_show_the_rising_tag_and_the_period_totals(dated):
    table = trends(dated, freq="M", by="tag", top=None)
    assert table["label"].unique().tolist() == [
        "June 2025",
        "July 2025",
        "August 2025",
        "September 2025",
    ]
    drones = table[table["group"] == "Drones"].set_index("label")["articles"]
    assert drones.tolist() == [0, 0, 1, 12]
    assert (table["period_articles"] == 15).all()
    assert table.attrs["undated"] == 0
    spikes = table[table["spike"]]
    assert spikes[["label", "group"]].values.tolist() == [["September 2025", "Drones"]]
    assert trends(dated, freq="W", by="all")["label"].iloc[0].startswith("week of ")
    assert period_label(pd.Timestamp("2005-01-03"), "D") == "3 January 2005"
    assert spikes["headline"].iloc[0].startswith("Drone incursion 9-")
    weekly = trends(dated, freq="W", by="all")
    assert weekly["articles"].sum() == 60 and weekly["period"].is_monotonic_increasing


def test_time_coverage_and_bad_parameters(dated):
    coverage = time_coverage(dated, freq="M")
    assert (coverage.dated, coverage.undated, coverage.periods) == (60, 0, 4)
    assert time_coverage(dated.drop(columns="published")).dated == 0
    with pytest.raises(ParameterError, match="freq"):
        trends(dated, freq="Y")
    with pytest.raises(ParameterError, match="published"):
        trends(dated.drop(columns="published"))
    with pytest.raises(ParameterError, match="No dated article"):
        rising_terms(dated, "2024-01", "2025-09")
    with pytest.raises(ParameterError, match="Cannot read the period"):
        rising_terms(dated, "not a period", "2025-09")


def test_large_corpora_are_sampled_with_an_equal_quota_per_group(two_pages):
    table = compare_groups(two_pages, max_articles=20, random_state=1, top=2)
    assert table.attrs["settings"]["sample"].startswith("20 of 60 articles")
    assert table["articles_in_group"].tolist() == [10, 10, 10, 10]
    assert set(table.loc[table["group"] == "Health", "term"]) == {"vaccine", "hospital"}
    assert table.loc[table["group"] == "Defence", "count_in_group"].tolist() == [20, 20]
    again = compare_groups(two_pages, max_articles=20, random_state=1, top=2)
    pd.testing.assert_frame_equal(table, again)
    every = compare_groups(two_pages, top=2)  # 60 articles: below the automatic limit
    assert every.attrs["settings"]["sample"] == "every article"
    with pytest.raises(ParameterError, match="max_articles"):
        compare_groups(two_pages, max_articles=1)


def test_group_memberships_clean_each_row_as_written_when_values_repeat():
    """Memberships are worked out once per distinct value (a million rows repeat a few pages and outlets);
    each row still gets exactly its own cleaned values: types kept apart, order kept, blanks dropped."""
    from analysis.compare import page_overlap
    from analysis.compare.groups import memberships

    values = [
        ["UK defense", " uk  DEFENSE", "Politics"],
        ["Politics", "UK defense"],
        ["UK defense", " uk  DEFENSE", "Politics"],
        np.array(["Tech", ""], dtype=object),
        [],
        [None, "Tech"],
    ]
    corpus = pd.DataFrame(
        {
            "tag_pages": pd.Series(values, dtype=object),
            "tags": pd.Series([["A", "b"], ["B"], ["a"], None, ["c"], ["C ", "d"]], dtype=object),
            "outlet": pd.Series(["BBC", None, "BBC", np.nan, "", "Fox"], dtype=object),
            "code": pd.Series([1, 1.0, True, 1, np.nan, "1"], dtype=object),
        }
    )
    members, order, names = memberships(corpus, "tag_pages", None)
    assert members == [
        ["uk defense", "politics"],
        ["politics", "uk defense"],
        ["uk defense", "politics"],
        ["tech"],
        [],
        ["tech"],
    ]
    assert order == ["uk defense", "politics", "tech"] and names["uk defense"] == "UK defense"
    assert memberships(corpus, "outlet", None)[0] == [["BBC"], [], ["BBC"], [], [], ["Fox"]]
    codes = memberships(corpus, "code", None)[0]
    assert [[type(v).__name__ for v in row] for row in codes] == [
        ["int"],
        ["float"],
        ["bool"],
        ["int"],
        [],
        ["str"],
    ]
    overlap = page_overlap(corpus).set_index(["page_a", "page_b"])
    assert overlap.loc[("UK defense", "Politics"), "shared_articles"] == 3
    # tags of the articles on both pages: {a, b} and {b}; Tech's: {c, d}
    assert overlap.loc[("UK defense", "Politics"), "tag_jaccard"] == 1.0
    assert overlap.loc[("UK defense", "Tech"), "tag_jaccard"] == 0.0


def test_page_tables_read_by_distinct_list_equal_those_read_row_by_row(monkeypatch):
    """Lists of strings (tag pages, tags) are read once per distinct list (analysis.compare.groups.list_codes)
    and the page tables count codes; reading row by row gives the same tables, also when the pages are worked
    out once and shared (PageRows)."""
    import importlib

    from analysis.compare import PageRows, multi_page_articles, page_overlap, pages_by_cluster

    rng = np.random.default_rng(1)
    lists = [
        ["UK defense"],
        ["Politics", " uk DEFENSE"],
        ("Tech",),
        [],
        ["Politics"],
        ["tech", "Tech"],
    ]
    tags = [["Army", "navy"], ["NAVY "], [], ("Budget", "army"), ["x"]]
    n = 400
    corpus = pd.DataFrame(
        {
            "id": [f"a{i}" for i in range(n)],
            "title": [f"t{i}" for i in range(n)],
            "tag_pages": pd.Series(
                [lists[i] for i in rng.integers(0, len(lists), n)], dtype=object
            ),
            "tags": pd.Series([tags[i] for i in rng.integers(0, len(tags), n)], dtype=object),
        }
    )

    class Model:
        labels = rng.integers(0, 4, n)
        k = 4
        numbers = np.array([3, 1, 4, 2])

    def tables(rows=None):
        return (
            page_overlap(corpus, rows=rows),
            multi_page_articles(corpus, rows=rows),
            pages_by_cluster(corpus, Model(), rows=rows),
        )

    fast, shared = tables(), tables(PageRows.of(corpus))
    for module in ("analysis.compare.groups", "analysis.compare.pages"):
        monkeypatch.setattr(importlib.import_module(module), "list_codes", lambda series: None)
    slow = tables()
    for a, b, c in zip(fast, shared, slow, strict=True):
        pd.testing.assert_frame_equal(a, c)
        pd.testing.assert_frame_equal(b, c)
    assert slow[1]["n_pages"].max() == 2 and len(slow[0]) == 9  # three pages, every pair
