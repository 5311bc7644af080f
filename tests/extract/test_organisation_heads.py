"""Issue 19, fifth round (fourth development key, AllSides 2016): an organisation's head noun before "of" or
"for" inside a capitalised run makes the run that body ("The Muslim Council of Britain said in a
statement: …" named nobody and typed only Britain, a place), unless a first name opens the run or follows
the connector ("Rep. Jim Banks of Columbia City")."""

from __future__ import annotations

from analysis.extract import entities
from tests.conftest import make_corpus, speakers_in


def _organisations(body: str) -> set[str]:
    found = entities(make_corpus([{"title": "", "body": body}]))
    return set(found.loc[found["type"] == "organisation", "name"])


def test_a_head_noun_before_of_or_for_makes_the_run_a_body():
    body = (
        "The Muslim Council of Britain has complained to the watchdog. The Muslim Council of Britain said "
        'in a statement: "We are greatly concerned by the portrayal of Muslims in this series."\n\n'
        "The National Council of Churches and the Center for American Progress backed the bill."
    )
    assert speakers_in(body)[0][:2] == ("Muslim Council of Britain", True)
    assert {
        "Muslim Council of Britain",
        "National Council of Churches",
        "Center for American Progress",
    } <= _organisations(body)


def test_a_first_name_keeps_the_run_a_person():
    body = "Rep. Jim Banks of Columbia City said the vote was close."
    assert not _organisations(body)


def test_groups_named_with_a_first_name_or_a_common_word_are_bodies_not_people():
    # 1,500 AllSides and BBC articles outside every key: "Al Qaeda" was a person in 21 articles (the
    # first name "Al"), and "Christian Science Monitor" and "Islamic State" people too
    body = (
        "Al Qaeda claimed the attack. The Christian Science Monitor reported that Islamic State "
        "fighters had also claimed it."
    )
    found = entities(make_corpus([{"title": "", "body": body}]))
    assert not (found["type"] == "person").any()
    assert {"Al Qaeda", "Christian Science Monitor", "Islamic State"} <= _organisations(body)
