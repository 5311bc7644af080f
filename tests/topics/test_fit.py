"""Tests for analysis.topics: fit_topics on 1, 2 and 9 articles, similarity helpers (BBC: test_bbc_quality)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.text import NEWS_STOP_WORDS, REPORTING_WORDS
from analysis.topics import TopicModel, fit_topics, most_similar, similarity_matrix

FRAGMENTS = {"won", "t", "s", "u", "k", "d", "don", "doesn"}
STRENGTHS = {"solid", "moderate", "weak", "tentative", "mixed", "single cluster"}


# ----------------------------------------------------------------------------------------- the seed


def test_seed_model_structure(seed_corpus, seed_model: TopicModel) -> None:
    m = seed_model
    assert m.n_articles == 9
    assert len(m.labels) == 9 and m.labels.dtype.kind == "i"
    assert 2 <= m.k <= 4  # k=None on 9 articles: candidates 2..4
    assert set(m.labels) == set(range(m.k))
    sizes = np.bincount(m.labels)
    assert list(m.clusters["size"]) == list(sizes)
    assert list(sizes) == sorted(sizes, reverse=True)  # cluster 0 is the biggest
    assert list(m.clusters.columns) == [
        "size",
        "label",
        "terms",
        "representatives",
        "silhouette",
        "stability",
        "strength",
        "mixed",
        "group",
        "number",
        "new",
    ]
    assert m.positions.shape == (9, 2) and np.isfinite(m.positions).all()
    assert set(m.clusters["strength"]) <= STRENGTHS
    for c, row in m.clusters.iterrows():
        assert row["label"] and row["terms"]
        assert 1 <= len(row["representatives"]) <= 5
        assert all(m.labels[i] == c for i in row["representatives"])
        assert 0.0 <= row["stability"] <= 1.0
    assert -1.0 <= m.silhouette <= 1.0 and 0.0 <= m.stability <= 1.0 + 1e-9
    assert m.k_scores is not None
    assert list(m.k_scores.columns) == [
        "k",
        "silhouette",
        "stability",
        "smallest",
        "score",
        "chosen",
    ]
    assert m.k_scores["chosen"].sum() == 1
    # the k chart chooses the broad groups (lowered when a cluster would be too small to be a topic)
    assert int(m.k_scores.loc[m.k_scores["chosen"], "k"].iloc[0]) >= len(m.group_table)
    assert any("9 article" in note and "tentative" in note for note in m.notes)
    assert m.settings["min_df"] == 2 and m.settings["k_chosen_from_data"] is True


def test_seed_terms_have_no_stop_words_fragments_or_reporting_verbs(seed_model: TopicModel) -> None:
    for terms in seed_model.clusters["terms"]:
        words = {w for term in terms for w in term.split()}
        assert not set(terms) & FRAGMENTS
        assert not set(terms) & REPORTING_WORDS
        # phrases may hold function words inside ("coalition of the willing"), never at the ends
        assert all(
            t.split()[0] not in NEWS_STOP_WORDS and t.split()[-1] not in NEWS_STOP_WORDS
            for t in terms
        )
        assert not any(t[0].isdigit() for t in terms)
        assert words  # non-empty


def test_seed_assignments(seed_corpus, seed_model: TopicModel) -> None:
    table = seed_model.assignments(seed_corpus)
    assert list(table.columns) == ["id", "title", "cluster", "label", "x", "y", "fit"]
    assert table["id"].tolist() == seed_corpus["id"].tolist()
    assert (
        table["cluster"].to_numpy() == seed_model.labels + 1
    ).all()  # numbered from 1 for readers
    assert table["cluster"].min() == 1 and table["cluster"].max() == seed_model.k
    assert table["label"].tolist() == [
        seed_model.clusters.at[c, "label"] for c in seed_model.labels
    ]
    assert table["fit"].between(-1, 1).all()
    with pytest.raises(ParameterError, match="9 articles"):
        seed_model.assignments(seed_corpus.iloc[:3])


def test_seed_given_k(seed_corpus) -> None:
    m = fit_topics(seed_corpus, k=3, random_state=0)
    assert m.k == 3 and m.k_scores is None
    assert sorted(np.bincount(m.labels), reverse=True) == m.clusters["size"].tolist()


def test_determinism(seed_corpus) -> None:
    a = fit_topics(seed_corpus, random_state=3)
    b = fit_topics(seed_corpus.copy(), random_state=3)
    assert np.array_equal(a.labels, b.labels)
    assert a.clusters["terms"].tolist() == b.clusters["terms"].tolist()
    assert a.clusters["label"].tolist() == b.clusters["label"].tolist()
    assert np.array_equal(a.positions, b.positions)
    pd.testing.assert_frame_equal(a.k_scores, b.k_scores)


def test_fit_does_not_mutate_corpus(seed_corpus) -> None:
    before = seed_corpus.copy(deep=True)
    fit_topics(seed_corpus, k=2)
    pd.testing.assert_frame_equal(seed_corpus, before)


# ------------------------------------------------------------------------------------ tiny corpora


def test_one_article(seed_corpus) -> None:
    one = seed_corpus.iloc[:1].reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = fit_topics(one)
    assert m.k == 1 and m.labels.tolist() == [0]
    assert m.clusters.at[0, "strength"] == "single cluster"
    assert m.clusters.at[0, "terms"]
    assert np.isnan(m.silhouette) and np.isnan(m.stability)
    assert m.positions.shape == (1, 2)
    assert any("1 article" in note for note in m.notes)
    assert fit_topics(one, k=1).k == 1


def test_two_articles_are_one_cluster_said_plainly(seed_corpus) -> None:
    two = seed_corpus.iloc[:2].reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = fit_topics(two)
    assert m.k == 1 and m.labels.tolist() == [0, 0]
    assert m.k_scores is None
    assert any("2 articles" in note and "one cluster" in note for note in m.notes)
    assert m.positions.shape == (2, 2)
    with pytest.raises(ParameterError, match="valid values are k = 1"):
        fit_topics(two, k=2)


def test_duplicate_articles_do_not_warn(corpus_factory) -> None:
    body = "Drones crossed into Polish airspace and NATO jets scrambled over Warsaw."
    corpus = corpus_factory([{"body": body, "title": "Drones"} for _ in range(6)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = fit_topics(corpus)
    assert m.k == 1
    with pytest.raises(ParameterError, match="different terms"):
        fit_topics(corpus, k=3)


@pytest.mark.parametrize("k", [0, -1, 9, 20, 2.5, "3", True])
def test_invalid_k(seed_corpus, k) -> None:
    with pytest.raises(ParameterError, match="k"):
        fit_topics(seed_corpus, k=k)


def test_k_error_message_gives_range(seed_corpus) -> None:
    with pytest.raises(ParameterError, match=r"1 <= k <= 8"):
        fit_topics(seed_corpus, k=9)


def test_empty_and_termless_corpora(corpus_factory) -> None:
    with pytest.raises(ParameterError, match="empty"):
        fit_topics(corpus_factory([]))
    with pytest.raises(ParameterError, match="usable term"):
        fit_topics(
            corpus_factory(
                [{"title": "", "body": "It is the 2024"}, {"title": "", "body": "and of"}]
            )
        )


# ------------------------------------------------------------------------------------- similarity


def test_similarity_matrix(seed_corpus) -> None:
    sim = similarity_matrix(seed_corpus)
    assert sim.shape == (9, 9)
    assert np.allclose(np.diag(sim), 1.0)
    assert np.allclose(sim, sim.T)
    assert ((sim >= 0) & (sim <= 1)).all()
    off = sim[~np.eye(9, dtype=bool)]
    assert off.max() < 1.0  # no two seed articles are the same


def test_most_similar(seed_corpus) -> None:
    sim = similarity_matrix(seed_corpus)
    top = most_similar(seed_corpus, 0, n=3)
    assert list(top.columns) == ["id", "title", "similarity"]
    assert len(top) == 3 and 0 not in top.index
    assert top["similarity"].is_monotonic_decreasing
    expected = [int(i) for i in np.argsort(-sim[0], kind="stable") if i != 0][:3]
    assert top.index.tolist() == expected
    by_id = most_similar(seed_corpus, seed_corpus.at[0, "id"], n=3)
    pd.testing.assert_frame_equal(top, by_id)
    assert len(most_similar(seed_corpus, 4, n=50)) == 8


@pytest.mark.parametrize("article", [9, -1, "no-such-id", 1.5])
def test_most_similar_unknown_article(seed_corpus, article) -> None:
    with pytest.raises(ParameterError):
        most_similar(seed_corpus, article)


def test_max_words_recorded_and_explained(seed_corpus, seed_model: TopicModel) -> None:
    assert seed_model.settings["max_words"] is None  # "auto" keeps whole articles on small corpora
    assert seed_model.settings["text_used"] == "headline + whole body"
    assert not any("first" in note and "words" in note for note in seed_model.notes)
    model = fit_topics(seed_corpus, k=2, random_state=0, max_words=40)
    assert model.settings["max_words"] == 40
    assert model.settings["text_used"] == "headline + first 40 words of the body"
    assert any("first 40 words" in note for note in model.notes)


@pytest.mark.parametrize("max_words", [0, -5, 1.5, "all"])
def test_invalid_max_words(seed_corpus, max_words) -> None:
    with pytest.raises(ParameterError, match="max_words"):
        fit_topics(seed_corpus, k=2, max_words=max_words)
