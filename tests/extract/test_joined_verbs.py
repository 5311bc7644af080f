"""A reporting verb joined by "and"/"but" to a sentence whose subject comes first (issue 19): "But Dunne is
keen to put that period behind him and said: “…”" is Dunne's; the rule names nobody where the subject is
not plainly the sentence's own: a scene set before it, a joint subject, the writer, a clause between.
And "the statement said" is the body said to issue it ("Police said in a statement")."""

from __future__ import annotations

from tests.conftest import speakers_in


def _last(body: str) -> tuple[str, bool]:
    speaker, named, _ = speakers_in(body)[-1]
    return speaker, named


def test_a_verb_after_and_or_but_belongs_to_the_sentence_subject():
    # BBC sport/250 and AllSides: each was "speaker unclear" before
    assert _last(
        "Richard Dunne had a difficult season. But Dunne is keen to put that period of his life "
        "behind him and said: “I have grown up a lot.”"
    ) == ("Richard Dunne", True)
    assert _last(
        "Senator Lindsey Gramm spoke on Sunday. Last month, Gramm destroyed his cell phone and then "
        "later appeared on television. Gramm is worried about the party but said, “I would ask the "
        "Republican Party why most major candidates lost.”"
    ) == ("Lindsey Gramm", True)


def test_no_name_when_the_subject_is_not_plainly_the_sentence_own():
    # a clause with its own subject between: the host declared, not Capra
    body = (
        "Frank Capro was the butt of one major gaffe in 1934 when the host opened the envelope and "
        "declared “come on up and get it, Frank” to the room."
    )
    assert _last(body)[0] != "Frank Capro"
    # a relative clause on someone else: Mull said it, not the judge
    body = (
        "In his order, Judge Emmet Sullivon seemed troubled by an exchange involving Stephen Mulle, a "
        "department official who recommended a BlackBerry, but said that would make her messages "
        "“subject to FOIA requests” in the end."
    )
    assert _last(body)[0] != "Emmet Sullivon"
    # a joint subject: two speakers, no one name
    body = (
        "The report was published on Monday. Tories and Lib Dems welcomed the report and called for "
        "a “slimming down” of the bodies."
    )
    assert not _last(body)[1]


def test_a_statement_as_speaker_is_the_body_said_to_issue_it():
    # AllSides: "..., London Metropolitan Police said in a statement. “…,” the statement said."
    body = (
        "Masood had a range of previous convictions, London Metropolitan Police said in a statement. "
        "\u201cMasood was not the subject of any current investigations,\u201d the statement said."
    )
    assert _last(body) == ("London Metropolitan Police", True)
    body = (  # a possessive issues nothing itself: the office did
        "In a statement, Abbas' office said he condemned the killing. \u201cWe call for an end to the "
        "invasion of the mosque,\u201d the statement said."
    )
    assert not _last(body)[1]
