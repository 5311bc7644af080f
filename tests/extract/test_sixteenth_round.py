"""Sixteenth round of attribution rules (issue 19): a name followed by an apposition naming someone else."""

from __future__ import annotations

from tests.conftest import speakers_in


def test_the_name_before_an_apposition_naming_another_person_speaks():
    """ "Tim Miller, communications director for Mr Bush, said": Miller, not the description of him (the
    nearest chunk naming a person was taken, and Mr Bush, after "for", was then refused)."""
    body = (
        "Tim Miller, communications director for Mr Bush, said: \u201cAnn Herberger is his longtime "
        "fund-raising consultant in Florida.\u201d"
    )
    assert speakers_in(body) == [("Tim Miller", True, "said")]
    body = (
        "John Brabender, a strategist and long-time adviser for former GOP presidential candidate and Sen. "
        "Rick Santorum, said on Wednesday that \u201cRepublicans should galvanize on this issue.\u201d"
    )
    assert [s[:2] for s in speakers_in(body)] == [("John Brabender", True)]


def test_a_description_naming_someone_stays_a_description():
    """No name before the description: "A spokesman for House Speaker John Boehner" is not Boehner."""
    body = (
        "A spokesman for House Speaker John Boehner said: \u201cWe agree the sequester is the wrong way "
        "to cut spending.\u201d"
    )
    assert speakers_in(body) == [("A spokesman for House Speaker John Boehner", False, "said")]


def test_a_lone_who_is_the_surname_or_the_name_its_appositions_describe():
    """ "exchange with Cruz, who said": Cruz (a surname read as a word), not Kasich from the sentence's
    start; "Ben Rhodes, a former Obama national security aide, who tweeted": Rhodes."""
    body = (
        "Ted Cruz and John Kasich debated. Kasich was asked about it, which led to another tense "
        "exchange with Cruz, who said, \u201cI think that is wrong.\u201d"
    )
    assert [s[:2] for s in speakers_in(body)] == [("Ted Cruz", True)]
    body = (
        "Then there was Ben Rhodes, a former Obama national security aide, who tweeted, \u201cOne "
        "tragicomic element of Trump\u2019s presidency is that he makes Obama look big.\u201d"
    )
    assert [s[:2] for s in speakers_in(body)] == [("Ben Rhodes", True)]


def test_a_lone_who_after_a_description_of_people_is_that_description():
    """ "said an REM spokesman, who added he is now “resting”": the spokesman, not Mills; "praise from the
    president, who called her “…”": the president, not Ms. Stefanik."""
    body = (
        'Mills could "hardly stand up, let alone play", said an REM spokesman, who added he is now '
        '"resting" in hospital.'
    )
    assert {s[0] for s in speakers_in(body)} == {"an REM spokesman"}
    body = (
        "The episode earned Ms. Stefanik public praise from the president, who called her \u201ca new "
        "Republican star.\u201d"
    )
    assert [s[:2] for s in speakers_in(body)] == [("the president", False)]


def test_the_person_a_pronoun_tells_is_not_the_pronoun():
    """ "“…,” he told Mr Kim": of Moon Jae-in and Kim Jong Un, "he" is Moon (the one he tells is not him);
    the next paragraph's quotation goes on with him."""
    body = (
        "South Korean President Moon Jae-in visited the mountain with Kim Jong Un.\n\n"
        '"Many people in the South would go, but I decided not to," he told Mr Kim at the summit.\n\n'
        '"But time flew so fast."'
    )
    assert [s[:2] for s in speakers_in(body)] == [("Moon Jae-in", True)] * 2
    body = (
        "South Korean President Moon Jae-in visited the mountain with Kim Jong Un.\n\n"
        '"Many people in the South would go, but I decided not to," he said at the summit.'
    )
    assert [s[:2] for s in speakers_in(body)] == [("", False)]  # either may be "he"
