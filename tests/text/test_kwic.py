"""keyword_in_context(): phrases, case, curly apostrophes, article edges, clusters, bad input."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.text.kwic import keyword_in_context
from tests.conftest import make_corpus


def test_phrase_across_spaces_and_line_breaks_any_case():
    corpus = make_corpus(
        [
            {
                "body": "They built a Coalition of the\nwilling last year; the coalition  of the willing grew."
            }
        ]
    )
    found = keyword_in_context(corpus, "coalition of the willing", window=10)
    assert list(found["match"]) == ["Coalition of the\nwilling", "coalition  of the willing"]
    assert list(found.columns) == ["article_id", "field", "start", "left", "match", "right"]
    assert found.iloc[0]["left"] == "built a "  # "They" would be cut to "y": left out


def test_context_never_cuts_a_word():
    """The tester saw "r against" and "Alaska last mo": a word the window cuts is left out."""
    corpus = make_corpus(
        [{"body": "Leaders met over the war against Russia in Alaska last month, officials said."}]
    )
    found = keyword_in_context(corpus, "Russia", window=12)
    assert (found["left"].iloc[0], found["right"].iloc[0]) == ("war against ", " in Alaska")
    words = set(re.findall(r"\w+", corpus["body"].iloc[0]))
    for window in range(1, 40):
        hit = keyword_in_context(corpus, "Russia", window=window).iloc[0]
        assert len(hit["left"]) <= window and len(hit["right"]) <= window
        assert set(re.findall(r"\w+", hit["left"] + " " + hit["right"])) <= words


def test_curly_and_straight_apostrophes_match_each_other():
    corpus = make_corpus([{"body": "Europe’s leaders met. Europe's allies waited."}])
    found = keyword_in_context(corpus, "Europe's")
    assert list(found["match"]) == ["Europe’s", "Europe's"]


def test_whole_words_only():
    corpus = make_corpus([{"body": "NATO-led forces and a senator met NATO officials."}])
    found = keyword_in_context(corpus, "nato")
    assert list(found["start"]) == [0, 34]  # in "NATO-led", not inside "senator"


def test_context_stops_at_the_edge_of_the_field():
    corpus = make_corpus(
        [
            {"title": "Putin speaks", "body": "Putin said little. Nothing else."},
            {"body": "Before Putin"},
        ]
    )
    found = keyword_in_context(corpus, "Putin", window=100)
    assert list(
        zip(found["article_id"], found["field"], found["left"], found["right"], strict=True)
    ) == [
        ("a000", "title", "", " speaks"),
        ("a000", "body", "", " said little. Nothing else."),
        ("a001", "body", "Before ", ""),
    ]


def test_cluster_column_numbered_from_one(seed_corpus, seed_model):
    model = seed_model
    found = keyword_in_context(seed_corpus, "Starmer", model=model)
    assert not found.empty
    assert set(found["cluster"]) <= set(range(1, model.k + 1))


@pytest.mark.parametrize("term", ["", "  ", "—", None, 3])
def test_bad_term_raises(term):
    with pytest.raises(ParameterError, match="term"):
        keyword_in_context(make_corpus([{"body": "x"}]), term)


@pytest.mark.parametrize("window", [-1, 2.5, "60", True])
def test_bad_window_raises(window):
    with pytest.raises(ParameterError, match="window"):
        keyword_in_context(make_corpus([{"body": "x"}]), "x", window=window)


@pytest.mark.parametrize("n", [1, 2, 5])
def test_max_articles_gives_the_first_articles_with_all_their_occurrences(seed_corpus, n):
    every = keyword_in_context(seed_corpus, "the")
    first = list(dict.fromkeys(every["article_id"]))[:n]
    got = keyword_in_context(seed_corpus, "the", max_articles=n)
    expected = every[every["article_id"].isin(first)].reset_index(drop=True)
    assert len(first) == n
    pd.testing.assert_frame_equal(got, expected)


@pytest.mark.parametrize("n", [0, -1, 1.5, True])
def test_bad_max_articles_raises(seed_corpus, n):
    with pytest.raises(ParameterError, match="max_articles"):
        keyword_in_context(seed_corpus, "the", max_articles=n)
