"""Thirty-fifth round (issue 19, from the forty-ninth key after its unseen measure).

A quotation in a link a page sets in brackets ("(RELATED: ‘Endangers The Lives Of The Public’: Trump Goes On
Rant ...)") is never the paragraph's speaker's. "“…,” the Pope said" after one pope spoke and another is the
subject since is no longer the one who spoke before. "He called Cruz, a senator from Texas, a “principled
conservative”", opening its sentence, is the pronoun's words: Cruz is whom he called so.
"""

from __future__ import annotations

from tests.conftest import named_speakers


def test_a_quotation_in_a_bracketed_link_is_not_the_paragraphs_speakers():
    body = (
        "San Francisco Mayor London Breed, a Democrat, declared that the city was being unfairly "
        "targeted by the Trump administration, but she remained adamant about the city\u2019s protection "
        "of illegal aliens. (RELATED: \u2018Endangers The Lives Of The Public\u2019: Trump Goes On Rant "
        "About Los Angeles Mayor)\n\n\u201cWe\u2019re being targeted on so many levels,\u201d Breed said."
    )
    assert named_speakers(body) == [("London Breed", True)]


_POPES = (
    "That's when Pope Pius XII announced that Catholic doctrine and evolution could be compatible, an "
    'attitude endorsed by Pope John Paul II, who said evolution is "more than a hypothesis" and '
    '"effectively proven fact." Pope Francis is just following in those footsteps.\n\n'
    '"God is not a divine being or a magician, but the creator who brought everything to life," the Pope '
    "said Monday."
)


def test_the_role_of_several_holders_is_not_the_last_speakers_once_another_acts_since():
    assert named_speakers(_POPES)[-1] != ("John Paul II", True)
    assert named_speakers(_POPES)[-1] != ("Pope John Paul II", True)


def test_the_last_speaker_keeps_a_role_when_no_other_holder_acts_since():
    """ "“…,” Trump said. ... with President Xi ... “…,” the president tweeted": Trump still."""
    body = (
        "President Donald Trump met President Xi of China in Argentina.\n\n"
        "\u201cWe had a great meeting,\u201d Trump said.\n\nThe pact was seen as a step forward.\n\n"
        "\u201cRelations with China have taken a BIG leap forward!\u201d the president tweeted Monday."
    )
    assert named_speakers(body)[-1] == ("Donald Trump", True)


_PENCE = (
    "Ahead of the Indiana primary Tuesday, Indiana Gov. Mike Pence announced he will be voting for "
    "Republican candidate Ted Cruz.\n\n"
    '"This is a time for choosing," Pence said on WIBC radio in Indianapolis. He called Cruz, a senator '
    'from Texas, a "principled conservative" who "stood up for taxpayers" in fighting spending in '
    'Washington, said he was "very impressed" with his "knowledge and devotion" to the Constitution.'
)


def test_a_pronoun_opening_its_sentence_with_a_verb_speaks_and_its_object_does_not():
    assert named_speakers(_PENCE) == [("Mike Pence", True)] * 5


def test_a_long_clause_opening_with_a_pronoun_leaves_the_quotation_to_its_own_verb():
    """ "He added that while he couldn't predict what Trump will “do, say [or] write” the president told
    him “…”": the president's words, not the senator's who relays them."""
    body = (
        "Sen. Richard Shelby said he had spoken with President Donald Trump.\n\n"
        'He added that while he couldn\'t predict what Trump will "do, say [or] write" the president told '
        'him "more than once that if you can work out a legislative solution to this, do that."'
    )
    assert named_speakers(body)[-1] != ("Richard Shelby", True)


def test_a_sentence_naming_only_an_answers_owner_introduces_the_quotation():
    """ "Becerra’s response? “I think I just answered that.”": his words (a noun of the answer, no verb)."""
    body = (
        "Attorney General Xavier Becerra spoke.\n\nBecerra was then asked if that meant an arrest.\n\n"
        "Becerra\u2019s response? \u201cI think I just answered that.\u201d"
    )
    assert named_speakers(body)[-1] == ("Xavier Becerra", True)
