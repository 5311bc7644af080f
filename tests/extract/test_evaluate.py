"""The key scorer's judgement of whether our speaker is the key's (benchmarks/entity_quality.py)."""

from __future__ import annotations

import pandas as pd

from analysis.extract.evaluate import quote_scores, same_speaker


def test_a_surname_or_the_last_words_are_the_same_person():
    assert same_speaker("Trump", "Donald Trump")
    assert same_speaker("Donald Trump", "President Donald Trump")


def test_middle_names_initials_and_suffixes_do_not_make_another_person():
    assert same_speaker("Donald Trump", "Donald John Trump")
    assert same_speaker("Bill Clinton", "William Jefferson Clinton")
    assert same_speaker("Biden", "Joseph R. Biden Jr.")


def test_a_suffix_on_one_full_name_only_is_another_person():
    assert not same_speaker("Donald Trump", "Donald Trump Jr.")
    assert not same_speaker("Donald Trump", "Donald J. Trump Jr.")
    assert same_speaker("Donald Trump Jr.", "Donald J. Trump Jr.")


def test_other_people_stay_apart():
    assert not same_speaker("Hillary Clinton", "Bill Clinton")
    assert not same_speaker("Joe Biden", "Hunter Biden")
    assert not same_speaker("Donald Trump", "Donald Trump Jr. Smith")
    assert not same_speaker("Jr.", "Joseph R. Biden Jr.")


def test_a_full_name_with_a_middle_name_given_to_the_wrong_key_counts_wrong():
    said = pd.DataFrame(
        {"start": [0], "end": [10], "speaker": ["Joe Biden"], "speaker_named": [True]}
    )
    score = quote_scores("a", [[0, 10, "Jill Biden", "named"]], said)
    assert (score.right, score.wrong, score.names_wrong) == (0, 1, 1)
    score = quote_scores("a", [[0, 10, "Joseph Biden", "named"]], said)
    assert (score.right, score.wrong) == (1, 0)
