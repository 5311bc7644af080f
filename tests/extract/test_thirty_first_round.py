"""Thirty-first round (issue 19, from the forty-third key after its unseen measure): a name whose first name
is not in the list is a person when the body it is with, and then a reporting verb, follow it ("Avik Roy of
the Manhattan Institute added, “…”": was no one, so the quotation stayed unclear)."""

from __future__ import annotations

import pytest

from analysis.extract import entities
from tests.conftest import make_corpus, named_speakers, people_in


def _typed(sentence: str, kind: str):
    """The mentions of one kind found in an article of one sentence."""
    mentions = entities(make_corpus([{"body": sentence}]))
    return mentions[mentions["type"] == kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "Avik Roy of the Manhattan Institute added, \u201cthe administration estimated it.\u201d",
        "Avik Roy, of the Manhattan Institute, said, \u201cThe administration estimated it.\u201d",
        "\u201cThe administration estimated it,\u201d Avik Roy of the Manhattan Institute said.",
    ],
)
def test_a_name_with_its_body_before_the_verb_is_the_speaker(sentence):
    assert named_speakers(sentence) == [("Avik Roy", True)]


def test_a_body_after_the_is_no_person():
    """ "the National Fraternal Order of Police said": no person named "National Fraternal Order"."""
    body = (
        "In a statement, the National Fraternal Order of Police said it had reviewed a draft of the order "
        "and found that it \u201cstrikes a great balance between safety and reform.\u201d"
    )
    assert people_in(body) == []


@pytest.mark.parametrize("place", ["Durham, N.C.", "Washington, D.C."])
def test_a_quotation_after_a_clause_ending_in_initials_goes_on(place):
    """ "“…,” said Jane R. Wettach, a law specialist in Durham, N.C. “I think ...”": the stop of "N.C." ends
    the clause when the quotation's first word opens a sentence (the words after a stop were read only up to
    the quotation's mark, so "N.C." seemed to end nothing and the quotation was read as a partial one of the
    reporter's sentence, its speaker unclear)."""
    body = (
        f"\u201cIt would be a long process,\u201d said Jane R. Wettach, a law specialist in {place} "
        "\u201cI think the government would be loath to do it.\u201d"
    )
    assert named_speakers(body) == [("Jane R. Wettach", True)]


def test_he_after_a_quotation_opening_past_initials_is_the_last_speaker():
    """ "Jonathan Darnel ... said it is incumbent ... to end abortion in the U.S. “We say it's murder ...,” he
    told National Review": the tokens' sentences end at "U.S." too when a quotation's first word opens a
    sentence (the same decision as the text's: the word past the opening mark), so "he" is Darnel."""
    body = (
        "Jonathan Darnel, a Northern Virginia resident and pro-life activist, said it is incumbent on "
        "pro-life people to do everything they can to end abortion in the U.S. \u201cWe say it\u2019s "
        "murder, but we don\u2019t act like it,\u201d he told National Review."
    )
    assert named_speakers(body) == [("Jonathan Darnel", True)]


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("The U.N. General Assembly voted on Monday.", "U.N. General Assembly"),
        (
            "The General Services Administration said it would review it.",
            "General Services Administration",
        ),
        ("He testified before Congress on the Benghazi attack last year.", "Congress"),
        (
            "The International Agency for Research on Cancer said so.",
            "International Agency for Research on Cancer",
        ),
    ],
)
def test_a_body_named_whole(sentence, body):
    """ "General" before a body's word is part of its name, no general's title ("Services Administration"
    was listed, "General Assembly" nothing); "on" joins a body's name only after a body that takes a
    subject ("Committee on ...", "Research on ..."), not "Congress on the Benghazi attack"."""
    assert list(_typed(sentence, "organisation")["text"]) == [body]


def test_a_name_english_gives_to_both_sexes_lets_the_article_decide():
    """gender-guesser's list gives "Jamie" as a woman's name in some countries, and as mostly a man's or
    mostly a woman's in Great Britain, Ireland and the U.S.: English news gives it to both, so the article's
    own "he" decides ("Jamie Williams ... said he feared ... ¶ He said: “…”" was unclear: a woman's name
    cannot be "he"). A name English gives to one sex only is that sex's even where other countries give it
    to both ("Jane", "Rand"); "Mike" stays a man's (no English use of it for a woman)."""
    from analysis.extract.gazetteer import first_names

    assert first_names()["jamie"] is None and first_names()["jordan"] is None
    assert first_names()["jane"] == "female" and first_names()["rand"] == "male"
    assert first_names()["mike"] == "male" and first_names()["maria"] == "female"
    body = (
        "Jamie Williams, president of the Wilderness Society, said he feared the policy would continue."
        "\n\nHe said: \u201cUnfortunately, even with the secretary out, the department remains dangerous.\u201d"
    )
    assert named_speakers(body) == [("Jamie Williams", True)]


@pytest.mark.parametrize(
    ("signature", "speaker"),
    [
        ("\u2014 President Trump", "Donald Trump"),
        ("- Theresa May", "Theresa May"),
        ("\u2014 U.S. Rep. John Ratcliffe, R-Texas", "John Ratcliffe"),
        ("\u2014 Trump", ""),
    ],
)
def test_a_quotation_signed_with_a_dash_is_its_signers(signature, speaker):
    """A quotation set apart with its speaker after a dash, as pull quotes and lists are ("“…” — President
    Trump", "“…” - Theresa May", "“…” — U.S. Rep. John Ratcliffe, R-Texas"): a title before the name and a
    hyphen for a dash no longer stop the signature being read. A surname alone signs nothing: read on all of
    AllSides, "— Trump" went to Melania Trump, the one Trump the article named in full."""
    body = (
        "Donald Trump, Theresa May and John Ratcliffe spoke on Tuesday.\n\n"
        f"\u201cWe will see what happens next week.\u201d {signature}\n\nThe Senate passed a bill."
    )
    assert named_speakers(body) == [(speaker, bool(speaker))]


def test_a_sentence_after_the_dash_signs_nothing():
    """ "“…” — that was the message from Trump": words after the dash that are no title keep it unsigned."""
    body = (
        "Donald Trump spoke on Tuesday.\n\n\u201cWe will see what happens next week.\u201d \u2014 that "
        "was the message from Trump\n\nThe Senate passed a bill."
    )
    assert named_speakers(body) == [("", False)]


@pytest.mark.parametrize(
    ("signature", "speaker"),
    [
        ("Kevin Drum, Mother Jones", "Kevin Drum"),
        ("E.J. Dionne Jr., Washington Post", "E.J. Dionne Jr."),
        ("Charles A. Kupchan, CNN", "Charles A. Kupchan"),
    ],
)
def test_a_roundup_quotation_is_its_columnists(signature, speaker):
    """AllSides' roundups sign each excerpt with its writer and outlet after the closing mark, no dash:
    "“…” Kevin Drum, Mother Jones" (the comma cut and the stops of initials and "Jr." were only read after
    a dash)."""
    body = (
        "Others argue that\n\n\u201cBiden was almost the only one on the stage who talked like a normal "
        f"person.\u201d {signature}\n\nRegarding Pelosi, the picture is mixed."
    )
    assert named_speakers(body) == [(speaker, True)]


def test_a_roundup_signature_names_whom_others_stood_for():
    """ "Others argue that “…” Adam Serwer, The Atlantic" and "Some note, “…” ¶ Kyle Smith, National Review":
    the excerpt's own signature names its writer (the quotation's verb had a generic subject, "others",
    and the signature was read only for a quotation with no verb)."""
    body = (
        "Others argue that \u201cthere are important systemic problems with the FBI.\u201d Adam Serwer, "
        "The Atlantic\n\nSome note, \u201cit will not be enough to get his attention.\u201d\n\nKyle Smith, "
        "National Review\n\n\u201cIt would come at a steep cost.\u201d\n\nDavid A. Graham, The Atlantic"
        "\n\nMore to come."
    )
    assert named_speakers(body) == [
        ("Adam Serwer", True),
        ("Kyle Smith", True),
        ("David A. Graham", True),
    ]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Special Counsel Robert Mueller said it.", "Robert Mueller", "Special Counsel"),
        ("White House Counsel Don McGahn said it.", "Don McGahn", "White House Counsel"),
    ],
)
def test_counsel_is_a_title(sentence, name, role):
    """ "Special Counsel Robert Mueller" was one person's name, and "White House Counsel Don McGahn" named
    only the White House: "counsel" is a title word, as "counselor" was."""
    people = _typed(sentence, "person")
    assert list(zip(people["text"], people["role"], strict=True)) == [(name, role)]
