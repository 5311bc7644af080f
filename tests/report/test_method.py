"""The method section in plain words: no raw setting names in the sentences, the settings folded below."""

from __future__ import annotations

import pytest

from analysis import fit_topics
from analysis.report.method import method_html, method_sentences


@pytest.fixture(scope="module")
def seed_model(seed_corpus):
    return fit_topics(seed_corpus, random_state=0)


def test_method_sentences_say_what_each_setting_did(seed_model):
    sentences = method_sentences(seed_model.settings)
    text = " ".join(sentences)
    for raw in ("min_df", "idf_power", "sublinear", "n_runs", "k_chosen_from_data", "_"):
        assert raw not in text  # no code names in what a reader reads
    assert f"at least {seed_model.settings['min_df']} articles use it" in text
    assert f"{seed_model.settings['n_terms']} distinct terms remain" in text
    assert "grouped 50 times" in text and "chosen from the data" in text
    assert "(s)" not in text


def test_method_html_folds_the_exact_settings(seed_model):
    html = str(method_html(seed_model))
    sentences, folded = html.split("<details", 1)
    assert "min_df" not in sentences and "min_df" in folded and "idf_power" in folded
    assert "<summary>" in folded


def test_a_given_k_and_unknown_settings():
    text = " ".join(method_sentences({"k_chosen_from_data": False, "something_new": 3}))
    assert "set by whoever made the report" in text and "something_new" not in text
