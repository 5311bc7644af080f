"""Eighteenth round (issue 19): a quotation right after another, with only that one's reporting clause
between, goes on with its speaker when the clause names nobody."""

from __future__ import annotations

from tests.conftest import speakers_in

OBAMA = (
    "President Barack Obama spoke on Friday about the budget and met Speaker John Boehner.\n\n"
    "\u201cWe will vote on it,\u201d the president said.\n\n"
    "\u201cIt is time,\u201d he added."
)


def test_he_after_a_quotation_whose_clause_names_nobody_is_its_speaker():
    """ "“…,” the president said of the House Republican Caucus. ¶ “…,” he added": Obama, though Boehner is
    named in the paragraph before (dev30 key, read after its unseen measure; 24 more named on AllSides)."""
    assert [s[:2] for s in speakers_in(OBAMA)] == [("Barack Obama", True)] * 2
    chained = (
        "Brian Kolfage founded the group, and Kris Kobach let Trump know what it is doing.\n\n"
        "\u201cThe president loves what we are doing,\u201d Kolfage said.\n\n"
        "\u201cWe have the support of the president first hand,\u201d he said.\n\n"
        "\u201cBut he does not come out and support much,\u201d he added."
    )
    assert [s[:2] for s in speakers_in(chained)] == [("Brian Kolfage", True)] * 3


def test_a_clause_naming_another_stops_the_speaker_going_on():
    """ "“…,” the president told Boehner. ¶ “…,” he replied": Boehner may answer; not Obama."""
    told = OBAMA.replace("the president said", "the president told Boehner").replace(
        "he added", "he replied"
    )
    assert [s[:2] for s in speakers_in(told)][1] != ("Barack Obama", True)


def test_he_goes_on_with_the_last_speaker_named_when_nobody_stands_between():
    """ "Corbett claims he and Barker differ ... “…,” he said. “…,” he added": both Corbett's, though Barker is
    named too; the previous quotation's speaker is named in the sentence before and nobody is named or
    described between (all of AllSides: 12 more named, BBC 3, each read: right)."""
    body = (
        "The comedians Ronnie Corbett and Ronnie Barker made their names on television.\n\n"
        "Corbett claims he and Barker differ from the celebrities of today. "
        '"We were never temperamental," he said. "We were fussy though," he added.'
    )
    assert [s[:2] for s in speakers_in(body)] == [("Ronnie Corbett", True)] * 2


def test_he_does_not_go_on_with_a_speaker_someone_else_reports():
    """ "The president said his director of national intelligence, James Clapper, has acknowledged that
    “…”. He also said it was “absolutely true” ...": "he" is the president, not Clapper; nobody is named."""
    body = (
        "President Barack Obama spoke about Syria on Sunday.\n\n"
        "The president said his director of national intelligence, James Clapper, has acknowledged that "
        'the U.S. "underestimated what had been taking place in Syria." He also said it was "absolutely '
        'true" that the U.S. overestimated the Iraqi army.'
    )
    assert [s[:2] for s in speakers_in(body)] == [("James Clapper", True), ("", False)]


def test_he_is_not_the_man_the_quotation_names_by_title():
    """ "“President Obama must be defeated in the coming election ...,” he said": not Obama, whom the
    quotation names by his title (dev31 key, read after its unseen measure: Roberto Unger; all of AllSides:
    four wrong names made unclear, one right one: Carly Fiorina's "President Fiorina will call on you")."""
    body = (
        "The video by Brazilian scholar and politician Roberto Unger serves as an indictment of both "
        "parties.\n\nObama, he said, has not advanced that cause.\n\n"
        '"President Obama must be defeated in the coming election. He has failed," he said in the video.'
    )
    assert [s[:2] for s in speakers_in(body)] == [("", False)]


def test_an_epithets_place_is_taken_on_trust_only_for_someone_named_near():
    """ "the Vermont senator" is not "Sen. Ted Cruz", named paragraphs before with no state: the place the
    epithet adds is taken on trust only for a person named in its sentence or the two before ("the Colorado
    senator" after "Sen. Michael Bennet"). All of AllSides: 15 wrong names made unclear, 5 more right, 3
    right ones unclear."""
    body = (
        "GOP rivals Sen. Ted Cruz and Ohio Gov. John Kasich are joining forces.\n\n"
        "The Kasich campaign is backing off in Indiana, giving Cruz a clearer path.\n\n"
        "Trump is expected to add to his delegate lead.\n\n"
        "Meanwhile, in the Democratic race, Hillary Clinton is ahead in all five states.\n\n"
        "Even so, rival Bernie Sanders is still promising to stay in the race.\n\n"
        '"We are going to win big," the Vermont senator told NBC News Saturday.'
    )
    assert [s[:2] for s in speakers_in(body)] == [("the Vermont senator", False)]
    near = (
        "Sen. Michael Bennet spoke on Friday.\n\n"
        '"We are going to win," the Colorado senator told reporters.'
    )
    assert [s[:2] for s in speakers_in(near)] == [("Michael Bennet", True)]
