"""Issue 19, ninth round: shapes read among the development keys' and a seventh key's misses.

An adverb between "and" and the reporting verb keeps the verb joined to the sentence's subject ("Kudlow
specifically took issue with ..., and repeatedly called the Canadian's actions a “betrayal.”"); before,
the words after the last comma were read as the speaker ("took issue with Trudeau").
"""

from __future__ import annotations

from tests.conftest import speakers_in


def test_an_adverb_after_and_keeps_the_verb_with_the_subject():
    body = (
        "White House economic adviser Larry Kudlow spoke on Sunday.\n\n"
        "Kudlow specifically took issue with Trudeau's comments at a post-summit press conference, and "
        "repeatedly called the Canadian's actions a “betrayal.”"
    )
    assert speakers_in(body)[0][:2] == ("Larry Kudlow", True)


def test_an_adverb_after_a_pronoun_subject_and_a_conjunction():
    body = (
        "Hillary Clinton spoke to reporters.\n\n"
        "She continues to deny she did anything wrong and falsely claims she turned over “all” of her "
        "emails to the State Department."
    )
    assert speakers_in(body)[0][:2] == ("Hillary Clinton", True)


def test_an_adverb_opening_the_clause_alone_does_not_join_it():
    body = (
        "Hillary Clinton spoke to reporters on Monday about the plan.\n\n"
        "Aides were upset with the press coverage, saying it was “unfair.”"
    )
    assert speakers_in(body)[0][1] is False
