"""Twenty-ninth round (issue 19): "U.S." before a capitalised word ends a sentence only before a word that
opens sentences, a first name, a particle or a surname the text writes after a first name ("the U.S. He
said", "the U.S. Starmer, with ..."); any other capitalised word goes on with a name ("U.S. House", "U.S.
District Court", "U.S. Capitol", "U.S. Central Command", each written scores of times in AllSides, had cut
their sentence in two). And an "of" name's "and" joins no two subjects ("the acting director of U.S.
Immigration and Customs Enforcement ..., saying")."""

from __future__ import annotations

from analysis.extract import entities
from analysis.extract.pipeline import page_text
from tests.conftest import make_corpus, named_speakers, people_in, speakers_in


def _organisations(body: str) -> list[str]:
    mentions = entities(make_corpus([{"body": body}]))
    return list(mentions[mentions["type"] == "organisation"]["text"])


def test_a_body_after_us_keeps_its_sentence():
    """ "Young, 79, who has spent four decades in Alaska's only U.S. House seat, said he “meant no
    disrespect”" (was unclear: "House seat, said he" read as a sentence of its own)."""
    body = (
        "Rep. Don Young apologised on Friday. In a later statement, Young, 79, who has spent four decades in "
        "Alaska's only U.S. House seat, said he \u201cmeant no disrespect\u201d in using the term."
    )
    assert named_speakers(body) == [("Don Young", True)]


def test_a_body_named_after_us_is_one_organisation():
    """Was "U.S." (a place) and "District Court", "Capitol Police", "Central Command" apart."""
    body = (
        "The lawsuit was filed in U.S. District Court in Denver. Officers of the U.S. Capitol Police were "
        "there, and U.S. Central Command declined to comment."
    )
    assert _organisations(body) == [
        "U.S. District Court",
        "U.S. Capitol Police",
        "U.S. Central Command",
    ]


def test_a_surname_the_text_writes_after_a_first_name_still_opens_a_sentence():
    """The seed: "... the EU and the European Council — but not the U.S. Starmer, with French President
    Emmanuel Macron, is pulling together ..." (Keir Starmer named before): a new sentence, whose subject
    is Starmer."""
    body = (
        "Keir Starmer hosted a call with allies on Saturday, but not the U.S. Starmer, with French "
        "President Emmanuel Macron, is pulling together a coalition. \u201cWe will act,\u201d he said."
    )
    assert people_in(body).count("Keir Starmer") == 2
    assert named_speakers(body) == [("Keir Starmer", True)]
    assert speakers_in("He lives in the U.S. He said \u201cno\u201d.")[0][:2] == ("", False)


def test_an_of_names_and_joins_no_two_subjects():
    """ "the acting director of U.S. Immigration and Customs Enforcement excoriated ..., saying he'll
    “never back down”" (the quotation was lost: the "and" read as joining two subjects, so no one spoke,
    and a short partial quotation needs a speaker); "the Tories and Lib Dems ..., saying" still has none."""
    body = (
        "In a fiery speech to hundreds of officers, the acting director of U.S. Immigration and Customs "
        "Enforcement excoriated the enablers of illegal immigration on Wednesday, saying he\u2019ll "
        "\u201cnever back down\u201d from safeguarding the border."
    )
    assert [s[0] for s in speakers_in(body)] == ["the acting director of U.S. Immigration"]
    tories = (
        "The Tories and Lib Dems have jointly tabled a motion, saying it was \u201cwrong\u201d."
    )
    assert named_speakers(tories) == [("", False)]


def test_a_name_set_off_before_saying_is_its_subject():
    """ "The Trump administration is reacting, White House Press Secretary Sarah Sanders saying, “…”" (the
    forty-second key; was unclear: the "-ing" verb was read as the administration's)."""
    body = (
        'The Trump administration is reacting, White House Press Secretary Sarah Sanders saying, "The '
        'United States strongly condemns the attack in Christchurch."'
    )
    assert named_speakers(body) == [("Sarah Sanders", True)]


def test_saying_after_a_joined_clause_is_its_subjects():
    """ "The president refused ..., and press secretary Sarah Huckabee Sanders has ridiculed Acosta ...,
    telling him recently, “…”" (the forty-second key; was Donald Trump, the first clause's subject, a wrong
    name)."""
    body = (
        "President Donald Trump has clashed with Jim Acosta. The president refused to take a question from "
        "Acosta during a press conference shortly after he took office, and press secretary Sarah Huckabee "
        'Sanders has ridiculed Acosta during White House press briefings, telling him recently, "I know '
        'it is hard for you to understand even short sentences, I guess."'
    )
    assert named_speakers(body) == [("Sarah Huckabee Sanders", True)]
    assert named_speakers(
        "Trump spoke on Monday, and Pelosi responded, saying \u201cno\u201d."
    ) == [("Pelosi", True)]


def test_a_handle_names_the_person_whose_names_it_holds():
    """ "@realDonaldTrump tweeted: “…”" is Donald Trump's, named in the article (was unclear); a handle that
    holds no one's first name and surname stays unclear."""
    body = '@realDonaldTrump tweeted: "Great job!" President Donald Trump met Kim Jong Un in Hanoi.'
    assert named_speakers(body) == [("Donald Trump", True)]
    other = '@WhiteHouse tweeted: "Great job!" President Donald Trump met Kim Jong Un in Hanoi.'
    assert named_speakers(other) == [("", False)]


def test_a_gallerys_captions_are_read_apart():
    """CNN's photo galleries glue their captions together ("... debate, which took place in Hempstead. Hide
    Caption 34 of 37 Photos: Donald Trump's rise Trump apologizes in a video ... “I said it, I was wrong
    and I apologize,” Trump said"): each caption is now a paragraph of its own, so a quotation is read with
    its own caption (these were unclear), and "Photos" joins no name ("Syria Photos", "Charlotte Photos"
    were 1,118 people in AllSides)."""
    body = (
        "Hillary Clinton and Donald Trump met at the first presidential debate, which took place in "
        "Hempstead, New York, in September. Hide Caption 34 of 37 Photos: Donald Trump's rise Trump "
        "apologizes in a video, posted to his Twitter account in October, for vulgar and sexually aggressive "
        'remarks he made a decade ago regarding women. "I said it, I was wrong and I apologize," Trump '
        'said, referring to lewd comments he made during a previously unaired taping of "Access Hollywood." '
        "Multiple Republican leaders rescinded their endorsements of Trump after the footage was released. "
        "Hide Caption 35 of 37 Photos: Donald Trump's rise Trump walks on stage with his family after he "
        'was declared the election winner on November 9. "Ours was not a campaign, but rather, an '
        'incredible and great movement," he told his supporters in New York.'
    )
    assert named_speakers(body) == [("Donald Trump", True), ("Donald Trump", True)]
    assert page_text(body).count("\n\n") == 2 and len(page_text(body)) == len(body)
    gallery = (
        "Photos: Photos: Vice President Joe Biden Photos: Photos: Vice President Joe Biden U.S. Vice "
        "President Joe Biden began his career in the Senate. He spoke in Delaware."
    )
    assert set(people_in(gallery)) == {"Joe Biden"}
