"""Tests for analysis.tags: exact counts on the seed, hand-computed measures on tiny corpora, edge cases."""

from __future__ import annotations

import copy
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import ParameterError
from analysis.tags import (
    CHARACTERISTIC_COLUMNS,
    FREQUENCY_COLUMNS,
    NO_PAGE,
    PAIR_COLUMNS,
    characteristic_tags,
    cooccurrence_matrix,
    normalize_tag,
    tag_cooccurrence,
    tag_counts_per_article,
    tag_frequency,
    tag_summary,
    tags_by_cluster,
    tags_per_article,
    top_tags,
)


def _row(freq: pd.DataFrame, tag: str) -> pd.Series:
    rows = freq[freq["tag"] == tag]
    assert len(rows) == 1, f"{tag!r} appears {len(rows)} times in\n{freq}"
    return rows.iloc[0]


def _pair(pairs: pd.DataFrame, a: str, b: str) -> pd.Series:
    rows = pairs[
        ((pairs["tag_a"] == a) & (pairs["tag_b"] == b))
        | ((pairs["tag_a"] == b) & (pairs["tag_b"] == a))
    ]
    assert len(rows) == 1, f"pair {a!r} + {b!r} appears {len(rows)} times in\n{pairs}"
    return rows.iloc[0]


# ----------------------------------------------------------------------------------------------- seed


def test_seed_counts_are_exact(seed_corpus):
    summary = tag_summary(seed_corpus)
    assert (summary.n_articles, summary.n_tags, summary.n_distinct) == (9, 45, 26)
    assert summary.universal_tags == ("Defense",)
    assert summary.page_tags == ("UK defense",)

    freq = tag_frequency(seed_corpus)
    assert list(freq.columns) == FREQUENCY_COLUMNS
    assert len(freq) == 26 and freq["articles"].sum() == 45
    defense = _row(freq, "Defense")
    assert defense["articles"] == 9 and defense["share"] == 1.0 and defense["on_every_article"]
    for tag in ("Politics", "Security", "Military"):
        assert _row(freq, tag)["articles"] == 4
    for tag in ("Media", "U.S. foreign policy"):
        assert _row(freq, tag)["articles"] == 2
    assert freq["on_every_article"].sum() == 1
    # The article tag "UK defense" is the page's own tag; "UK" and "Defense" are other tags.
    assert freq.loc[freq["is_page_tag"], "tag"].tolist() == ["UK defense"]
    assert _row(freq, "UK")["articles"] == 1
    # Sorted by articles desc, then tag.
    assert freq["tag"].head(4).tolist() == ["Defense", "Military", "Politics", "Security"]
    assert freq["articles"].is_monotonic_decreasing


def test_seed_cooccurrence(seed_corpus):
    with_universal = tag_cooccurrence(seed_corpus, include_universal=True)
    pair = _pair(with_universal, "Defense", "Politics")
    assert pair["count"] == 4
    assert pair["lift"] == pytest.approx(1.0)  # a universal tag's lift is always 1
    default = tag_cooccurrence(seed_corpus)
    assert "Defense" not in set(default["tag_a"]) | set(default["tag_b"])
    assert _pair(default, "Politics", "Media")["count"] == 2
    assert _pair(default, "Politics", "U.S. foreign policy")["count"] == 2
    assert default["count"].max() == 2


def test_seed_by_page_and_per_article(seed_corpus):
    by_page = tag_frequency(seed_corpus, by_page=True)
    assert list(by_page.columns) == ["page", *FREQUENCY_COLUMNS]
    assert set(by_page["page"]) == {"UK defense"}
    overall = tag_frequency(seed_corpus)
    pd.testing.assert_frame_equal(by_page.drop(columns="page"), overall)
    dist = tags_per_article(seed_corpus)
    assert dist.to_dict("list") == {"tags": [5], "articles": [9], "share": [1.0]}


def test_seed_matrix_matches_pairs(seed_corpus):
    matrix = cooccurrence_matrix(seed_corpus, top=4, include_universal=True)
    assert list(matrix.index) == ["Defense", "Military", "Politics", "Security"]
    assert list(matrix.columns) == list(matrix.index)
    assert np.diag(matrix.to_numpy()).tolist() == [9, 4, 4, 4]
    assert matrix.loc["Defense", "Politics"] == matrix.loc["Politics", "Defense"] == 4
    assert matrix.loc["Military", "Politics"] == 1  # one article carries both
    assert "Defense" not in cooccurrence_matrix(seed_corpus).index


# -------------------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Defense", "defense"),
        ("defense ", "defense"),
        ("  DEFENSE\t", "defense"),
        ("UK  defense", "uk defense"),
        ("UK\u00a0defense", "uk defense"),  # no-break space
        ("De\u0301fense", "d\u00e9fense"),  # decomposed accent -> NFC
        ("Straße", "strasse"),  # casefold, not lower
        ("   ", ""),
    ],
)
def test_normalize_tag(raw, key):
    assert normalize_tag(raw) == key


def test_case_and_space_variants_are_one_tag_with_editors_spelling(corpus_factory):
    corpus = corpus_factory(
        [
            {"tags": ["Defense", "Politics"]},
            {"tags": ["defense ", "politics"]},
            {"tags": ["Defense", "UK defense"]},
            {"tags": [" Defense", "UK  defense"]},
        ]
    )
    freq = tag_frequency(corpus)
    assert sorted(freq["tag"]) == ["Defense", "Politics", "UK defense"]
    assert _row(freq, "Defense")["articles"] == 4  # "defense " counted with "Defense"
    assert _row(freq, "Defense")["key"] == "defense"
    assert _row(freq, "UK defense")["articles"] == 2  # a different tag from "Defense"
    # Display spelling: "Politics" and "politics" are tied 1-1, the first seen wins.
    assert _row(freq, "Politics")["articles"] == 2


def test_display_spelling_is_most_common(corpus_factory):
    corpus = corpus_factory([{"tags": ["nato"]}, {"tags": ["NATO"]}, {"tags": ["NATO "]}])
    assert tag_frequency(corpus)["tag"].tolist() == ["NATO"]


def test_a_tag_repeated_on_one_article_counts_once(corpus_factory):
    corpus = corpus_factory(
        [{"tags": ["Defense", "defense", "DEFENSE ", "", "  "]}, {"tags": ["War"]}]
    )
    assert tag_counts_per_article(corpus).tolist() == [1, 1]
    freq = tag_frequency(corpus)
    assert freq[["tag", "articles"]].to_dict("list") == {
        "tag": ["Defense", "War"],
        "articles": [1, 1],
    }
    assert tag_summary(corpus).n_tags == 2


# ------------------------------------------------------------------------------------- page and universal


def test_page_tag_detection(corpus_factory):
    corpus = corpus_factory(
        [
            {"tags": ["uk defense ", "Defense"], "tag_pages": ["UK defense"]},
            {"tags": ["Defense", "Europe"], "tag_pages": ["UK defense"]},
            # "UK defense" is a page name, but this article came from another page.
            {"tags": ["Budget", "Europe"], "tag_pages": ["EU budget"]},
            {"tags": ["EU budget"], "tag_pages": ["EU budget", "UK defense"]},
        ]
    )
    freq = tag_frequency(corpus)
    flags = dict(zip(freq["tag"], freq["is_page_tag"], strict=True))
    assert flags == {
        "Defense": False,
        "Europe": False,
        "uk defense": True,
        "Budget": False,
        "EU budget": True,
    }
    by_page = tag_frequency(corpus, by_page=True)
    uk = by_page[by_page["page"] == "UK defense"].set_index("tag")
    assert uk.loc["Defense", "articles"] == 2
    assert uk.loc["Defense", "share"] == pytest.approx(2 / 3)  # 3 articles came from this page
    assert bool(uk.loc["uk defense", "is_page_tag"])
    assert not bool(uk.loc["EU budget", "is_page_tag"])  # in this page it is just a tag
    eu = by_page[by_page["page"] == "EU budget"].set_index("tag")
    assert eu.loc["Europe", "articles"] == 1 and eu.loc["Europe", "share"] == 0.5
    assert bool(eu.loc["EU budget", "is_page_tag"])


def test_articles_without_page_are_grouped(corpus_factory):
    corpus = corpus_factory(
        [{"tags": ["A"], "tag_pages": []}, {"tags": ["A", "B"], "tag_pages": []}]
    )
    by_page = tag_frequency(corpus, by_page=True)
    assert set(by_page["page"]) == {NO_PAGE}
    assert by_page.set_index("tag")["on_every_article"].to_dict() == {"A": True, "B": False}


def test_universal_tags(corpus_factory):
    corpus = corpus_factory(
        [{"tags": ["All", "A", "B"]}, {"tags": ["all ", "A"]}, {"tags": ["ALL", "C"]}]
    )
    freq = tag_frequency(corpus)
    assert freq.loc[freq["on_every_article"], "tag"].tolist() == ["All"]
    pairs = tag_cooccurrence(corpus)
    assert "All" not in set(pairs["tag_a"]) | set(pairs["tag_b"])
    assert pairs[["tag_a", "tag_b", "count"]].values.tolist() == [["A", "B", 1]]
    everything = tag_cooccurrence(corpus, include_universal=True)
    universal = everything[(everything["tag_a"] == "All") | (everything["tag_b"] == "All")]
    assert len(universal) == 3
    assert universal["lift"].tolist() == pytest.approx([1.0, 1.0, 1.0])
    assert "All" not in tags_by_cluster(corpus, [0, 0, 1]).index
    assert "All" not in set(characteristic_tags(corpus, [0, 0, 1], min_count=1)["tag"])


# ----------------------------------------------------------------------------------------- co-occurrence


def test_cooccurrence_counts_and_measures_by_hand(corpus_factory):
    # N = 5; A on 4, B on 2, C on 2, D on 1.
    corpus = corpus_factory(
        [
            {"tags": ["A", "B"]},
            {"tags": ["A", "B", "C"]},
            {"tags": ["A", "C"]},
            {"tags": ["A"]},
            {"tags": ["D"]},
        ]
    )
    pairs = tag_cooccurrence(corpus)
    assert list(pairs.columns) == PAIR_COLUMNS
    got = {(r.tag_a, r.tag_b): r for r in pairs.itertuples(index=False)}
    assert set(got) == {("A", "B"), ("A", "C"), ("B", "C")}  # tag_a is the more frequent tag
    ab = got[("A", "B")]
    assert (ab.count, ab.count_a, ab.count_b) == (2, 4, 2)
    assert ab.expected == pytest.approx(4 * 2 / 5)
    assert ab.lift == pytest.approx(2 / 1.6)  # 1.25
    assert ab.pmi == pytest.approx(math.log2(1.25))
    assert ab.npmi == pytest.approx(math.log2(1.25) / -math.log2(2 / 5))
    bc = got[("B", "C")]
    assert (bc.count, bc.expected) == (1, pytest.approx(0.8))
    assert bc.lift == pytest.approx(1.25)
    assert bc.pmi == pytest.approx(math.log2(1.25))
    # Sorted by count desc, then lift desc.
    assert [(r.tag_a, r.tag_b) for r in pairs.itertuples()][2] == ("B", "C")
    assert pairs["count"].tolist() == [2, 2, 1]
    assert tag_cooccurrence(corpus, min_count=2)["count"].tolist() == [2, 2]


def test_rare_pair_has_high_lift_but_count_is_shown(corpus_factory):
    corpus = corpus_factory([{"tags": ["X", "Y"]}, *[{"tags": ["Z"]} for _ in range(9)]])
    pair = _pair(tag_cooccurrence(corpus), "X", "Y")
    assert pair["count"] == 1
    assert pair["lift"] == pytest.approx(10.0)  # 1 / (1 * 1 / 10)
    assert pair["npmi"] == pytest.approx(1.0)  # X and Y only ever appear together
    assert tag_cooccurrence(corpus, min_count=2).empty


def test_cooccurrence_matrix_small(corpus_factory):
    corpus = corpus_factory([{"tags": ["A", "B"]}, {"tags": ["A", "B", "C"]}, {"tags": ["A"]}])
    matrix = cooccurrence_matrix(corpus, include_universal=True)
    expected = pd.DataFrame(
        [[3, 2, 1], [2, 2, 1], [1, 1, 1]],
        index=pd.Index(["A", "B", "C"], name="tag"),
        columns=pd.Index(["A", "B", "C"], name="tag"),
    )
    pd.testing.assert_frame_equal(matrix, expected)
    assert list(cooccurrence_matrix(corpus).index) == ["B", "C"]  # A is on every article
    assert list(cooccurrence_matrix(corpus, top=1, include_universal=True).index) == ["A"]


# --------------------------------------------------------------------------------------- clusters


def _cluster_corpus(corpus_factory):
    # Cluster 0: articles 0-3, cluster 1: articles 4-7. "Common" is on every article.
    tags = [
        ["Common", "NATO", "Drones"],
        ["Common", "NATO"],
        ["Common", "NATO", "Budget"],
        ["Common", "Drones"],
        ["Common", "Budget", "Tax"],
        ["Common", "Budget", "Tax"],
        ["Common", "Budget", "NATO"],
        ["Common", "Rare"],
    ]
    return corpus_factory([{"tags": t} for t in tags]), [0, 0, 0, 0, 1, 1, 1, 1]


def test_tags_by_cluster_crosstab(corpus_factory):
    corpus, labels = _cluster_corpus(corpus_factory)
    table = tags_by_cluster(corpus, labels)
    assert table.index.name == "tag" and table.columns.name == "cluster"
    assert list(table.columns) == [0, 1]
    assert table.to_dict("index") == {
        "Budget": {0: 1, 1: 3},
        "NATO": {0: 3, 1: 1},
        "Drones": {0: 2, 1: 0},
        "Tax": {0: 0, 1: 2},
        "Rare": {0: 0, 1: 1},
    }
    named = tags_by_cluster(corpus, labels, cluster_names={0: "Security", 1: "Money"}, top=2)
    assert list(named.columns) == ["Security", "Money"]
    assert list(named.index) == ["Budget", "NATO"]
    with_common = tags_by_cluster(corpus, labels, include_universal=True)
    assert with_common.loc["Common"].tolist() == [4, 4]
    # Labels as a Series with any index are taken in corpus order.
    as_series = tags_by_cluster(corpus, pd.Series(labels, index=range(100, 108)))
    pd.testing.assert_frame_equal(as_series, table)


def test_characteristic_tags_by_hand(corpus_factory):
    corpus, labels = _cluster_corpus(corpus_factory)
    top = characteristic_tags(corpus, labels, n=5)
    assert list(top.columns) == CHARACTERISTIC_COLUMNS
    got = {(r.cluster, r.tag): r for r in top.itertuples(index=False)}
    # Cluster 0: Drones 2/4 vs 2/8 overall (lift 2, score 3/2), NATO 3/4 vs 4/8 (lift 1.5, score
    # 4/3); Budget 1/4 vs 4/8 is under-represented.
    assert [t for c, t in got if c == 0] == ["Drones", "NATO"]
    nato = got[(0, "NATO")]
    assert (nato.count, nato.cluster_size) == (3, 4)
    assert nato.share_in_cluster == pytest.approx(0.75)
    assert nato.share_overall == pytest.approx(0.5)
    assert nato.lift == pytest.approx(1.5)
    assert nato.score == pytest.approx((3 + 1) / (4 * 0.5 + 1))
    drones = got[(0, "Drones")]
    assert drones.lift == pytest.approx(2.0)
    assert drones.score == pytest.approx(3 / 2)
    # Cluster 1: Tax 2/4 vs 2/8 (lift 2), Budget 3/4 vs 4/8 (lift 1.5); "Rare" (1 article, lift 2)
    # is not over-read.
    assert [t for c, t in got if c == 1] == ["Tax", "Budget"]
    assert got[(1, "Budget")].score == pytest.approx(4 / 3)
    assert got[(1, "Tax")].score == pytest.approx(3 / 2)
    assert "Rare" not in set(top["tag"])
    assert "Common" not in set(top["tag"])
    # With min_count=1 the single article shows up, but its smoothed score (2 / 1.5) ties Budget's
    # and the larger count ranks first, although its raw lift (2) is higher than Budget's (1.5).
    loose = characteristic_tags(corpus, labels, min_count=1)
    rare = loose[loose["tag"] == "Rare"].iloc[0]
    assert rare["lift"] == pytest.approx(2.0) and rare["score"] == pytest.approx(4 / 3)
    assert loose.loc[loose["cluster"] == 1, "tag"].tolist() == ["Tax", "Budget", "Rare"]
    assert characteristic_tags(corpus, labels, n=1)["tag"].tolist() == ["Drones", "Tax"]


def test_characteristic_tags_sorted_within_cluster(corpus_factory):
    corpus, labels = _cluster_corpus(corpus_factory)
    top = characteristic_tags(corpus, labels, cluster_names={0: "Security"})
    assert top["cluster"].is_monotonic_increasing
    for _, group in top.groupby("cluster"):
        assert group["score"].is_monotonic_decreasing
    assert set(top.loc[top["cluster"] == 0, "cluster_name"]) == {"Security"}
    assert set(top.loc[top["cluster"] == 1, "cluster_name"]) == {"Cluster 1"}


# ---------------------------------------------------------------------------------------- top_tags


def test_top_tags_folds_the_rest(corpus_factory):
    corpus = corpus_factory(
        [{"tags": ["A", "B", "C", "D"]}, {"tags": ["A", "B", "C"]}, {"tags": ["A", "E"]}]
    )
    table = top_tags(tag_frequency(corpus), top=2)
    assert table["tag"].tolist() == ["A", "B", "other (3 tags)"]
    other = table.iloc[-1]
    assert other["is_other"] and other["n_tags"] == 3
    assert (other["articles"], other["min_articles"], other["max_articles"]) == (4, 1, 2)
    assert math.isnan(other["share"])
    assert len(top_tags(tag_frequency(corpus), top=None)) == 5
    assert len(top_tags(tag_frequency(corpus), top=5)) == 5  # nothing left to fold


# ---------------------------------------------------------------------------------------- degenerate


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(
    "tags",
    [
        pytest.param([], id="empty-corpus"),
        pytest.param([[], []], id="no-tags"),
        pytest.param([["A", "B", "C"]], id="one-article"),
        pytest.param([["A", "B"], ["a", "B "]], id="all-universal"),
    ],
)
def test_degenerate_corpora_give_empty_tables(corpus_factory, tags):
    corpus = corpus_factory([{"tags": t} for t in tags])
    labels = [0] * len(tags)
    pairs = tag_cooccurrence(corpus)
    assert pairs.empty and list(pairs.columns) == PAIR_COLUMNS
    assert cooccurrence_matrix(corpus).shape == (0, 0)
    assert tags_by_cluster(corpus, labels).shape[0] == 0
    top = characteristic_tags(corpus, labels)
    assert top.empty and list(top.columns) == CHARACTERISTIC_COLUMNS
    freq = tag_frequency(corpus)
    assert list(freq.columns) == FREQUENCY_COLUMNS
    assert freq["on_every_article"].all()  # vacuously true when there are no rows
    assert list(tag_frequency(corpus, by_page=True).columns) == ["page", *FREQUENCY_COLUMNS]
    dist = tags_per_article(corpus)
    assert list(dist.columns) == ["tags", "articles", "share"]
    assert dist["articles"].sum() == len(tags)


@pytest.mark.filterwarnings("error")
def test_no_tag_repeats(corpus_factory):
    corpus = corpus_factory([{"tags": ["A", "B"]}, {"tags": ["C"]}, {"tags": []}, {"tags": ["D"]}])
    freq = tag_frequency(corpus)
    assert (freq["articles"] == 1).all() and not freq["on_every_article"].any()
    pairs = tag_cooccurrence(corpus)
    assert pairs[["tag_a", "tag_b", "count", "lift"]].values.tolist() == [["A", "B", 1, 4.0]]
    assert tag_cooccurrence(corpus, min_count=2).empty
    assert tags_per_article(corpus).to_dict("list") == {
        "tags": [0, 1, 2],
        "articles": [1, 2, 1],
        "share": [0.25, 0.5, 0.25],
    }
    assert characteristic_tags(corpus, [0, 0, 1, 1]).empty  # no tag reaches 2 articles


def test_missing_values_in_tags_are_no_tags():
    corpus = pd.DataFrame({"tags": [None, float("nan"), ["A", None], ("A",), np.array(["B"])]})
    assert tag_frequency(corpus)[["tag", "articles"]].values.tolist() == [["A", 2], ["B", 1]]
    assert tag_counts_per_article(corpus).tolist() == [0, 0, 1, 1, 1]


# ------------------------------------------------------------------------------------- house rules


def test_arguments_are_not_mutated(corpus_factory):
    corpus, labels = _cluster_corpus(corpus_factory)
    before = copy.deepcopy(corpus)
    labels_before = list(labels)
    for call in (
        lambda: tag_frequency(corpus),
        lambda: tag_frequency(corpus, by_page=True),
        lambda: tag_cooccurrence(corpus),
        lambda: cooccurrence_matrix(corpus),
        lambda: tags_per_article(corpus),
        lambda: tags_by_cluster(corpus, labels),
        lambda: characteristic_tags(corpus, labels),
    ):
        call()
    pd.testing.assert_frame_equal(corpus, before)
    assert labels == labels_before
    freq = tag_frequency(corpus)
    freq_before = freq.copy()
    top_tags(freq, top=1)
    pd.testing.assert_frame_equal(freq, freq_before)


def test_same_input_same_output(seed_corpus):
    pd.testing.assert_frame_equal(tag_cooccurrence(seed_corpus), tag_cooccurrence(seed_corpus))
    shuffled = seed_corpus.iloc[::-1].reset_index(drop=True)
    a = tag_frequency(seed_corpus).drop(columns="share")
    b = tag_frequency(shuffled).drop(columns="share")
    pd.testing.assert_frame_equal(a, b)  # ranking does not depend on article order


@pytest.mark.parametrize(
    ("frame", "call", "message"),
    [
        (pd.DataFrame({"title": ["x"]}), tag_frequency, "no 'tags' column"),
        (
            pd.DataFrame({"tags": ["Defense; War"], "source": ["page.txt:7"]}),
            tag_frequency,
            "page.txt:7",
        ),
        (pd.DataFrame({"tags": [[{"a": 1}]]}), tag_frequency, "expected strings"),
        (pd.DataFrame({"tags": [["A"]]}), lambda c: tag_cooccurrence(c, min_count=0), "min_count"),
        (pd.DataFrame({"tags": [["A"]]}), lambda c: cooccurrence_matrix(c, top=0), "top"),
        (
            pd.DataFrame({"tags": [["A"], ["B"]]}),
            lambda c: tags_by_cluster(c, [0]),
            "one cluster label",
        ),
        (
            pd.DataFrame({"tags": [["A"], ["B"]]}),
            lambda c: characteristic_tags(c, [0, None]),
            "missing value at position 1",
        ),
        (pd.DataFrame({"tags": [["A"]]}), lambda c: top_tags(tag_frequency(c), top=-1), "top"),
    ],
)
def test_user_errors_are_named(frame, call, message):
    with pytest.raises(ParameterError, match=message):
        call(frame)


def test_top_tags_refuses_several_pages(corpus_factory):
    corpus = corpus_factory(
        [{"tags": ["A"], "tag_pages": ["P"]}, {"tags": ["A"], "tag_pages": ["Q"]}]
    )
    with pytest.raises(ParameterError, match="one page at a time"):
        top_tags(tag_frequency(corpus, by_page=True))


# ------------------------------------------------------------------------------------------ property

_TAG = st.sampled_from(
    ["A", "a ", "B", "b", "C", " C", "UK defense", "Defense", "Straße", "strasse"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_TAG, max_size=6), max_size=12))
def test_tables_agree_with_each_other(tag_lists):
    corpus = pd.DataFrame({"tags": tag_lists, "tag_pages": [["UK defense"]] * len(tag_lists)})
    n = len(tag_lists)
    freq = tag_frequency(corpus)
    per_article = tag_counts_per_article(corpus)
    assert freq["articles"].sum() == per_article.sum() == tag_summary(corpus).n_tags
    truth = {}
    for tags in tag_lists:
        for key in {normalize_tag(t) for t in tags}:
            truth[key] = truth.get(key, 0) + 1
    assert dict(zip(freq["key"], freq["articles"], strict=True)) == truth
    matrix = cooccurrence_matrix(corpus, top=50, include_universal=True)
    values = matrix.to_numpy()
    assert (values == values.T).all()
    assert dict(zip(matrix.index, np.diag(values), strict=True)) == dict(
        zip(freq["tag"], freq["articles"], strict=True)
    )
    pairs = tag_cooccurrence(corpus, include_universal=True)
    for r in pairs.itertuples(index=False):
        assert matrix.loc[r.tag_a, r.tag_b] == r.count
        assert r.count <= min(r.count_a, r.count_b)
        assert r.lift == pytest.approx(r.count * n / (r.count_a * r.count_b))
        assert -1 - 1e-9 <= r.npmi <= 1 + 1e-9
    # Every non-zero off-diagonal cell is one listed pair.
    assert len(pairs) == int((np.triu(values, k=1) > 0).sum())


def test_page_names_are_normalised_like_tags(corpus_factory):
    corpus = corpus_factory(
        [
            {"tags": ["A"], "tag_pages": ["UK defense"]},
            {"tags": ["A", "B"], "tag_pages": ["uk  defense "]},
            {"tags": ["B", 2024], "tag_pages": ["Budget", "UK Defense"]},
        ]
    )
    by_page = tag_frequency(corpus, by_page=True)
    assert sorted(set(by_page["page"])) == ["Budget", "UK defense"]  # first spelling seen
    uk = by_page[by_page["page"] == "UK defense"].set_index("tag")
    assert uk["articles"].to_dict() == {"A": 2, "B": 2, "2024": 1}
    assert uk.loc["A", "share"] == pytest.approx(2 / 3)


def test_tag_naming_another_articles_page_is_not_a_page_tag(corpus_factory):
    corpus = corpus_factory(
        [
            {"tags": ["Cyber", "NATO"], "tag_pages": ["UK defense"]},
            {"tags": ["NATO"], "tag_pages": ["Cyber"]},
            {"tags": ["nato"], "tag_pages": ["NATO"]},
        ]
    )
    flags = tag_frequency(corpus).set_index("tag")["is_page_tag"].to_dict()
    # "Cyber" is a page in this corpus, but the one article tagged Cyber came from "UK defense".
    assert flags == {"NATO": True, "Cyber": False}
    assert tag_summary(corpus).page_tags == ("NATO",)
