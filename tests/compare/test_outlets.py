"""Tests for analysis.compare.outlets: planted outlets with known words, topic shares and a trend in one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import compare_groups
from analysis.compare import (
    Z_THRESHOLD,
    attention_over_time,
    compare_column,
    copy_shares,
    outlet_sizes,
    outlet_sources,
    story_spread,
    topic_shares,
)
from analysis.errors import ParameterError

_COMMON = [
    "the",
    "council",
    "met",
    "on",
    "monday",
    "to",
    "discuss",
    "the",
    "budget",
    "and",
    "the",
    "new",
    "plans",
    "for",
    "schools",
    "roads",
    "and",
    "housing",
    "in",
    "the",
    "region",
    "while",
    "residents",
    "asked",
    "questions",
    "about",
    "taxes",
    "services",
    "and",
    "local",
    "jobs",
]
#: Each outlet's planted word, and its planted topic shares over three topics.
_PLANTED = {
    "Daily Lark": ("zebrafish", 30, (0.5, 0.3, 0.2)),
    "Evening Crow": ("quasar", 60, (0.2, 0.6, 0.2)),
    "Morning Owl": ("trombone", 90, (0.1, 0.1, 0.8)),
}


def _planted() -> tuple[pd.DataFrame, np.ndarray]:
    """Three outlets of 30, 60 and 90 articles; each uses its own planted word once in every article
    and has exact topic shares (a topic word ends each body); labels are the planted topics."""
    rng = np.random.default_rng(0)
    rows, labels = [], []
    for outlet, (word, n, shares) in _PLANTED.items():
        topics = np.repeat(np.arange(3), [round(s * n) for s in shares])
        for i, topic in enumerate(topics):
            words = list(rng.choice(_COMMON, size=60))
            words[5] = word
            rows.append(
                {
                    "id": f"{outlet}-{i}",
                    "title": f"Council report {i}",
                    "body": " ".join(words) + f" topic{topic}",
                    "outlet": outlet,
                    "published": pd.Timestamp("2024-01-01", tz="UTC") + pd.DateOffset(months=i % 6),
                }
            )
            labels.append(topic)
    return pd.DataFrame(rows), np.asarray(labels)


def test_compare_column_defaults_to_outlet_with_two_outlets():
    corpus, _ = _planted()
    assert compare_column(corpus) == "outlet"
    assert compare_column(corpus.assign(outlet="One")) == "tag_pages"
    assert compare_column(corpus.assign(outlet=["One", ""] * (len(corpus) // 2))) == "tag_pages"
    assert compare_column(corpus.drop(columns="outlet")) == "tag_pages"
    assert compare_column(corpus, "title") == "title"
    with pytest.raises(ParameterError, match="no such column"):
        compare_column(corpus, "publisher")


def test_planted_words_rank_first_per_outlet_and_pass_the_threshold():
    corpus, _ = _planted()
    table = compare_groups(corpus, by="outlet", top=5, max_words=None)
    for outlet, (word, _, _) in _PLANTED.items():
        mine = table[table["group"] == outlet]
        assert mine["term"].iloc[0] == word
        assert mine["z"].iloc[0] > Z_THRESHOLD


def test_topic_shares_are_exact_and_normalised_by_outlet_size():
    corpus, labels = _planted()
    table = topic_shares(corpus, labels, "outlet")
    assert list(dict.fromkeys(table["outlet"])) == ["Morning Owl", "Evening Crow", "Daily Lark"]
    for outlet, (_, n, shares) in _PLANTED.items():
        mine = table[table["outlet"] == outlet].sort_values("cluster")
        assert mine["share"].tolist() == pytest.approx(list(shares), abs=1e-12)
        assert (mine["outlet_articles"] == n).all()
        assert mine["articles"].sum() == n
    overall = np.bincount(labels) / len(labels)
    first = table[table["outlet"] == "Daily Lark"].sort_values("cluster")
    assert first["ratio"].tolist() == pytest.approx(list(np.array([0.5, 0.3, 0.2]) / overall))


def test_outlet_sizes_keep_the_largest_and_count_the_rest():
    corpus, _ = _planted()
    sizes = outlet_sizes(corpus, "outlet", top=2)
    assert sizes["outlet"].tolist() == ["Morning Owl", "Evening Crow", "1 other outlet"]
    assert sizes["articles"].tolist() == [90, 60, 30]
    assert sizes.attrs["outlets"] == 3
    assert sizes["share"].sum() == pytest.approx(1.0)


def test_a_trend_planted_in_one_outlet_shows_there_only():
    rows, labels = [], []
    for outlet in ("A", "B", "C"):
        for month in range(6):
            # B moves from 10% to 90% on topic 0 over six months; A and C stay at 30%.
            on_topic = [1, 3, 5, 6, 8, 9][month] if outlet == "B" else 3
            for i in range(10):
                rows.append(
                    {
                        "id": f"{outlet}{month}{i}",
                        "title": "t",
                        "body": "b",
                        "outlet": outlet,
                        "published": f"2024-{month + 1:02d}-{i + 1:02d}T12:00:00Z",
                    }
                )
                labels.append(0 if i < on_topic else 1)
    corpus = pd.DataFrame(rows).assign(published=lambda f: pd.to_datetime(f["published"], utc=True))
    table = attention_over_time(corpus, np.asarray(labels), "outlet", freq="M", clusters=None)
    topic = table[table["cluster"] == 1].pivot(index="period", columns="outlet", values="share")
    assert topic["B"].tolist() == pytest.approx([0.1, 0.3, 0.5, 0.6, 0.8, 0.9])
    assert topic["A"].tolist() == pytest.approx([0.3] * 6)
    assert topic["C"].tolist() == pytest.approx([0.3] * 6)
    assert (table["outlet_articles"] == 10).all()


def test_outlet_sources_count_named_and_unnamed_quotations():
    corpus = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "outlet": ["X", "X", "Y"],
            "title": ["", "", ""],
            "body": ["", "", ""],
        }
    )
    said = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b", "c"],
            "speaker": ["Jane Roe", "an official", "Jane Roe", "", "John Doe"],
            "speaker_named": [True, False, True, False, True],
        }
    )
    table = outlet_sources(corpus, said, "outlet").set_index("outlet")
    assert table.loc["X", ["quotations", "named", "unnamed"]].tolist() == [4, 2, 1]
    assert table.loc["X", "unnamed_share"] == pytest.approx(1 / 3)
    assert table.loc["X", "most_quoted"] == "Jane Roe (2)"
    assert table.loc["Y", "unnamed_share"] == 0.0


def test_story_spread_and_copy_shares_follow_the_earliest_copy():
    corpus = pd.DataFrame(
        {
            "title": ["Wire story", "Wire story (X)", "Other", "Wire story (Z)", "Alone"],
            "outlet": ["Agency", "X", "X", "Z", "Z"],
            "published": pd.to_datetime(
                ["2024-01-02", "2024-01-03", "2024-01-01", "2024-01-05", "2024-01-01"], utc=True
            ),
            "story_group": [0, 0, 1, 0, 2],
        }
    )
    spread = story_spread(corpus)
    assert len(spread) == 1
    row = spread.iloc[0]
    assert (row["headline"], row["copies"], row["outlets"]) == ("Wire story", 3, 3)
    assert (f"{row['first']:%Y-%m-%d}", f"{row['last']:%Y-%m-%d}") == ("2024-01-02", "2024-01-05")
    shares = copy_shares(corpus).set_index("outlet")
    assert shares.loc["X", ["articles", "copies_of_others"]].tolist() == [2, 1]
    assert shares.loc["X", "share"] == 0.5
    assert shares.loc["Agency", ["copies_of_others", "copied_by_others"]].tolist() == [0, 1]
