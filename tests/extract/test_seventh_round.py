"""Issue 19, seventh round: shapes read on AllSides articles outside every key (seed 1, 60 articles).

Two initials stand for a first name ("H.R. McMaster", "J.K. Rowling"), never for a sentence's end, while a
place's initials ("U.S.", "D.C.") and a body's ("F.B.I.") still end one; where someone spoke after "said X"
("on ABC's “This Week”") is no part of the speaker; less common reporting verbs ("marveled", "chided",
"decried") attribute a quotation; and "she said" goes to the one person of the last sentence naming anyone
when only sentences opening with "she" stand between and her first name says she is a woman.
"""

from __future__ import annotations

from tests.conftest import people_in, speakers_in


def test_two_initials_are_a_first_name():
    body = (
        "Trump's national security adviser, H.R. McMaster, struck a similar tone on Sunday.\n\n"
        "J.K. Rowling said the book was “done”."
    )
    people = people_in(body)
    assert "H.R. McMaster" in people and "J.K. Rowling" in people
    assert not {"H.R.", "McMaster", "J.K."} & set(people)


def test_a_places_or_bodys_initials_still_end_a_sentence():
    body = "They rely on the U.S. Von der Leyen posted “no”. He worked at the F.B.I. The agency said “yes”."
    assert "Von der Leyen" in people_in(body)
    assert speakers_in(body)[0][:2] == ("Von der Leyen", True)


def test_where_someone_spoke_is_no_part_of_the_speaker():
    body = (
        "The adviser struck a similar tone in television interviews on Sunday.\n\n"
        "“He left the door open,” said Zorbaugh on ABC's “This Week” program."
    )
    assert speakers_in(body)[0][:2] == ("Zorbaugh", True)


def test_initials_speaker_after_said_keeps_his_name():
    body = (
        "Trump's national security adviser, H.R. McMaster, struck a similar tone on Sunday.\n\n"
        "“He left the door open,” said McMaster on ABC's “This Week” program."
    )
    assert speakers_in(body)[0][:2] == ("H.R. McMaster", True)


def test_less_common_reporting_verbs_attribute():
    body = (
        "Trevor Noah hosts The Daily Show. Chris Cuomo hosts a show on CNN.\n\n"
        "“This is just unbelievable,” Trevor Noah marveled.\n\n"
        "“That’s the meme that’s going around right now,” chided Cuomo."
    )
    assert [s[:2] for s in speakers_in(body)] == [("Trevor Noah", True), ("Chris Cuomo", True)]


def test_she_carried_by_sentences_opening_with_she():
    body = (
        "When Jenny Horne stepped up to the podium, she was fed up. Sen. Clementa Pinckney had been "
        "killed in June.\n\n"
        "By the time Horne got up to speak, fresh grief was simmering under her skin.\n\n"
        "She told her colleagues that she was sick of arguments that have kept the flag aloft.\n\n"
        "“I'm sorry, I have heard enough about heritage,” she said."
    )
    assert speakers_in(body)[-1][:2] == ("Jenny Horne", True)


def test_she_is_not_carried_past_a_sentence_that_opens_otherwise():
    body = (
        "When Jenny Horne stepped up to the podium, she was fed up. Sen. Clementa Pinckney had been "
        "killed in June.\n\n"
        "By the time Horne got up to speak, fresh grief was simmering under her skin.\n\n"
        "The debate went on for hours, and a reporter asked about the flag.\n\n"
        "“I'm sorry, I have heard enough about heritage,” she said."
    )
    assert speakers_in(body)[-1][1] is False  # the reporter may be "she": unclear
