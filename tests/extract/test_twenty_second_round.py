"""Twenty-second round (issue 19): a name's subject role is read past a legislator's party tag ("Chris Smith
(R-NJ) described ...") and from a sentence closed by its attribution (", Franks offered."), so the "he said"
after it is that person's."""

from __future__ import annotations

from analysis.extract import entities
from tests.conftest import make_corpus, named_speakers

SMITH = (
    "\u201cFor the 17th time, the Democrats refused,\u201d said US Rep. Kevin McCarthy (R-CA).\n\n"
    "\u201cThere are babies being born alive,\u201d explained US Rep. Steve Scalise (R-LA).\n\n"
    "House pro-life caucus leader Chris Smith (R-NJ) described one such case in a Florida clinic.\n\n"
    "\u201cThe clinic owner took the baby and put her in a bag,\u201d he said."
)

FRANKS = (
    "Republican Rep. Trent Franks spoke on the House floor about George Papadopoulos.\n\n"
    "If the media really wants collusion, they have a whopper with the Uranium One scandal, Franks "
    "{verb}.\n\n"
    "\u201cSince the media seems to have an insatiable appetite for Russian collusion, let\u2019s take a look "
    "at the Uranium One deal,\u201d he said."
)


def test_a_party_tag_after_the_name_keeps_it_the_subject_of_its_verb():
    """ "Chris Smith (R-NJ) described ...": Smith acts, so "he said" in the next paragraph is his (was
    unclear: the tag hid the verb, and McCarthy and Scalise spoke before)."""
    assert named_speakers(SMITH)[-1] == ("Chris Smith", True)


def test_a_name_closing_its_sentence_with_a_verb_said_what_the_sentence_says():
    """ ", Franks offered.": the sentence is Franks's words reported, so the "he said" after is his (was
    unclear: "offered" is no reporting verb, and Papadopoulos was named before)."""
    assert named_speakers(FRANKS.format(verb="offered")) == [("Trent Franks", True)]
    assert named_speakers(FRANKS.format(verb="pointed out")) == [("Trent Franks", True)]


def test_a_closing_verb_with_an_object_or_an_ing_form_is_no_attribution():
    """ ", Franks offered a bill." has an object; ", Franks hoping." is no finite verb: neither makes Franks
    the sentence's speaker, so the "he said" stays unclear between him and Papadopoulos."""
    assert named_speakers(FRANKS.format(verb="offered a bill")) == [("", False)]
    assert named_speakers(FRANKS.format(verb="hoping")) == [("", False)]


def test_an_outlet_closing_a_sentence_with_reported_relays_and_does_not_speak():
    """ ", Right Wing Watch reported.": the outlet relays Solomon's words; the "he said" after them is
    Solomon's, never "Watch" (a first version of the closing-attribution rule gave it)."""
    body = (
        "Larry Pratt spoke with talk show host Stan Solomon.\n\n"
        "As if this were not vile enough, Solomon suggested that protesters should be killed, Right Wing "
        "Watch reported.\n\n"
        "\u201cThe next time there\u2019s a die-in, make sure they\u2019re dead,\u201d he said."
    )
    assert named_speakers(body) == [("Stan Solomon", True)]


def test_a_places_name_that_is_the_surname_of_someone_named_in_full_and_speaks_is_that_person():
    """ "John Bolton ... Bolton told reporters": John Bolton, not the town (AllSides listed "Bolton" 210
    times as a place); "Keating Holland ... Holland pointed out": not the Netherlands. Where the name does
    not speak it stays the place ("Bolton's book", "far from Bolton", "Tulips grow in Holland")."""
    body = (
        "John Bolton, the national security adviser, met Trump. Bolton's book is out. He grew up far from "
        "Bolton. Bolton told reporters.\n\n"
        "\u201cIt is low,\u201d said CNN Polling Director Keating Holland. The woes began, Holland pointed "
        "out. Tulips grow in Holland."
    )
    mentions = entities(make_corpus([{"body": body}]))
    typed = [
        (m.text, m.name, m.type)
        for m in mentions.itertuples()
        if "olland" in m.text or "Bolton" in m.text
    ]
    assert typed == [
        ("John Bolton", "John Bolton", "person"),
        ("Bolton", "Bolton", "place"),
        ("Bolton", "Bolton", "place"),
        ("Bolton", "John Bolton", "person"),
        ("Keating Holland", "Keating Holland", "person"),
        ("Holland", "Keating Holland", "person"),
        ("Holland", "Netherlands", "place"),
    ]


def test_a_known_body_after_a_name_is_that_body_and_nobody():
    """ "The Clinton White House said": the White House, not a person "Clinton White House" whose surname
    every "the House" of the corpus then became (the AllSides 2016 report listed "Clinton White House"
    seventh among people, 133 articles)."""
    body = (
        "The White House said it would act. The Clinton White House said the same in 1998. The House "
        "passed the bill. Speaker Paul Ryan said the House would vote again. The Obama White House "
        "disagreed."
    )
    mentions = entities(make_corpus([{"body": body}]))
    assert list(mentions[mentions["type"] == "person"]["name"]) == ["Paul Ryan"]
    bodies = list(mentions[mentions["type"] == "organisation"]["name"])
    assert bodies == ["White House", "White House", "House", "House", "White House"]


def test_the_house_is_a_chamber_never_the_surname_of_a_person_named_house():
    """ "the House passed the bill" beside Colorado GOP chairman Steve House: the chamber, not Steve House
    (the AllSides 2016 report gave him 132 articles, every "the House" and "House primary" of the slice);
    "House said more" is still his."""
    body = (
        "Colorado GOP chairman Steve House said the party would fight. House said more. The House passed "
        "the bill. Speaker Paul Ryan said the House would vote again. He won his House primary."
    )
    mentions = entities(make_corpus([{"body": body}]))
    house = mentions[mentions["text"] == "House"]
    assert list(zip(house["name"], house["type"], strict=True)) == [
        ("Steve House", "person"),
        ("House", "organisation"),
        ("House", "organisation"),
        ("House", "organisation"),
    ]


def test_a_partys_body_keeps_the_party_in_its_name():
    """ "The Republican National Committee said": the RNC, not a "National Committee" (the AllSides 2016
    report listed "National Committee" in 83 articles beside the Democratic National Committee); a party word
    before a person's title still goes ("Republican Sen. John Cornyn")."""
    body = (
        "The Republican National Committee said it. Republican Sen. John Cornyn said so. Officials at the "
        "Republican Governors Association agreed."
    )
    mentions = entities(make_corpus([{"body": body}]))
    assert list(zip(mentions["name"], mentions["type"], strict=True)) == [
        ("Republican National Committee", "organisation"),
        ("John Cornyn", "person"),
        ("Republican Governors Association", "organisation"),
    ]
