"""Twenty-seventh round (issue 19), read from the thirty-ninth development key after its unseen measures (before
and after the twenty-sixth round): "self-described" is no reporting verb; the space the New York Times writes
between nested closing marks ("line,’ ”") leaves the quotation its clause; "Around 8:30 p.m.," opens a sentence
before its subject. Then, from the fortieth key: a name after "Chief of Staff" is the office holder's."""

from __future__ import annotations

from tests.conftest import named_speakers


def test_self_described_is_no_reporting_verb():
    """ "Trump suggested that Sanders, a self-described Democratic socialist, is perhaps a “Communist.”": the
    word after "self-" was read as the verb "described", whose subject Sanders became the speaker (a wrong
    name)."""
    body = (
        "Donald Trump spoke in New Hampshire. Trump suggested that Sanders, a self-described Democratic "
        "socialist, is perhaps a \u201cCommunist.\u201d"
    )
    assert named_speakers(body) == [("Donald Trump", True)]


def test_a_space_between_nested_closing_marks_keeps_the_clause_after():
    """ "“... and I need you to get in line,’ ” said Senator Mike Johanns" (was unclear: the quoted words ended
    in a space, not the comma that tells a clause of attribution follows)."""
    body = (
        "Mr. Obama kept his comments brief. \u201cI don\u2019t think he came there to say, \u2018Here\u2019s "
        "the way it\u2019s going to be, and I need you to get in line,\u2019 \u201d said Senator Mike Johanns "
        "of Nebraska."
    )
    assert named_speakers(body) == [("Mike Johanns", True)]


def test_a_time_of_day_opens_no_subject():
    """ "Around 8:30 p.m., Senator John McCain of Arizona, the self-appointed timekeeper, interrupted to say
    ... “The president's a busy guy,” he said." (was unclear: "p.m." stopped the opening phrase, and
    "around" opened none)."""
    body = (
        "Senator Ron Johnson of Wisconsin said he told the president to be honest.\n\n"
        "Around 8:30 p.m., Senator John McCain of Arizona, the self-appointed timekeeper, interrupted to "
        "say that they had exhausted their time and should let Mr. Obama be on his way. \u201cThe "
        "president\u2019s a busy guy,\u201d he said."
    )
    assert named_speakers(body) == [("John McCain", True)]


def test_a_name_after_an_office_of_something_is_the_office_holder():
    """ "Incoming White House Chief of Staff Reince Priebus suggested ..." and "White House Chief of Staff John
    Kelly said": the run gave only the White House, so "Priebus said" named no one (nine quotations of the
    fortieth key unclear); "Chief Executive of AOL UK" stays a body."""
    body = (
        "Incoming White House Chief of Staff Reince Priebus suggested Sunday that Trump will accept the "
        "report.\n\n\u201cI think he would accept the conclusion,\u201d Priebus said on \u201cFox News "
        "Sunday.\u201d"
    )
    assert named_speakers(body) == [("Reince Priebus", True)]
    body = "White House Chief of Staff John Kelly said it was \u201ca disgrace\u201d to the nation."
    assert named_speakers(body) == [("John Kelly", True)]
