"""Twenty-fifth round (issue 19), read from the thirty-sixth development key after its unseen measure: a
quotation that runs on into a paragraph attributed to someone else is two quotations; "the agency said" after a
paragraph that writes of "the agency" is the body acting before it; a month's abbreviation before a day ends no
sentence; a surname the article gives alone, opening a sentence before "said", is whom "he" stands for;
"“…,” was Holder's response" is Holder's. Then, from the thirty-seventh key: a place name's comma opens no
clause, and acronyms of common words ("IQ", "COVID") are no bodies."""

from __future__ import annotations

from analysis.extract import entities
from tests.conftest import make_corpus, named_speakers


def test_a_run_on_quotation_stops_where_the_next_paragraph_names_its_own_speaker():
    """ "Wolff says ... at least “one recent talk with the president. ¶ “Statements ...,” Mike Pompeo told
    ...": the unclosed mark ran on into Pompeo's paragraph, which went to Wolff (a wrong name)."""
    body = (
        "Michael Wolff has written a book about the White House.\n\n"
        "Wolff says his book is based on hundreds of interviews, including at least \u201cone recent "
        "talk with the president.\n\n"
        "\u201cStatements like the one Mr. Wolff made are just ridiculous,\u201d Mike Pompeo told show "
        "host Chris Wallace."
    )
    assert named_speakers(body)[-1] == ("Mike Pompeo", True)


def test_a_run_on_quotation_still_goes_on_under_its_own_speaker():
    """A BBC-style quotation over paragraphs, its last paragraph closed by "he said", stays one quotation."""
    body = "Mr Smith said: \u201cWe will fight on.\n\n\u201cAnd we will win,\u201d he said."
    assert named_speakers(body) == [("Smith", True)]


def test_the_agency_two_paragraphs_on_is_the_body_that_acted():
    """ "The TSA, in a statement, stressed ... ¶ The agency explained ... ¶ “…,” the agency said" (was
    unclear: the TSA is two paragraphs up)."""
    body = (
        "The TSA, in a statement, stressed that the figure represents the \u201cmaximum value, not the "
        "amount expended,\u201d and that the contract was meant to fill a gap.\n\n"
        "The agency explained that the contract was needed after the prior contract expired Feb. 17.\n\n"
        "\u201cThe new contract won't take effect until next year,\u201d the agency said."
    )
    assert named_speakers(body) == [("TSA", True)] * 2


def test_a_month_abbreviation_before_a_day_ends_no_sentence():
    """ "Gary M. Cohen ... promised federal legislators that on Oct. 1, “consumers will ...”": "Oct." was
    read as a sentence's end, so the quotation had no verb before it."""
    body = (
        "Last month, Gary M. Cohen, the federal official in charge of health insurance exchanges, "
        "promised federal legislators that on Oct. 1, \u201cconsumers will be able to go online, "
        "they\u2019ll be able to see the premium,\u201d and they will be able to sign up."
    )
    assert named_speakers(body) == [("Gary M. Cohen", True)]


def test_a_surname_given_alone_before_said_is_whom_he_stands_for():
    """ "Pride said that ... “…,” he said.": a one-word name no rule types, opening its sentence before
    "said" (was unclear: an untyped word that only opens sentences never stood for "he"); not a plural or
    a word that names nobody ("Officials said")."""
    body = (
        "Pride said that just in the few weeks since the bill was signed, several officers have "
        "already put in for early retirement. \u201cOfficers are very afraid,\u201d he said."
    )
    assert named_speakers(body) == [("Pride", True)]
    officials = "Officials said it would pass. \u201cWe will win,\u201d he said."
    assert named_speakers(officials) == [("", False)]


def test_was_someones_response_after_a_quotation_names_its_speaker():
    """ "“I'm not sure of the exact date ...,” was Holder's response." went to Darrell Issa, who asked the
    question before it (a wrong name)."""
    body = (
        "\u201cWhen did you first know about the program?\u201d House Oversight Committee Chairman "
        "Darrell Issa asked Attorney General Eric Holder in sworn testimony.\n\n"
        "\u201cI\u2019m not sure of the exact date, but I probably heard about it over the last few "
        "weeks,\u201d was Holder\u2019s response."
    )
    assert named_speakers(body) == [("Darrell Issa", True), ("Eric Holder", True)]


def test_the_comma_inside_a_place_name_opens_no_clause():
    """ "A group of activists sued Washington, D.C. Mayor Muriel Bowser ..., saying she violated the First
    Amendment ... “the Black Lives Matter cult orthodoxy.”": the comma of "Washington, D.C." had cut the
    clause, so the mayor, its object, was read as the one saying (thirty-seventh key, a wrong name); a comma
    before a new clause still opens one ("in Washington, Trump signed it, saying")."""
    body = (
        "A group of activists sued Washington, D.C. Mayor Muriel Bowser this week over her decision to "
        "paint the words, saying she violated the First Amendment and showed favoritism to \u201cthe Black "
        "Lives Matter cult orthodoxy.\u201d"
    )
    assert named_speakers(body) == [("A group of activists", False)]
    signed = (
        "President Donald Trump spoke on Friday. After Congress passed the bill in Washington, Trump "
        "signed it, saying it was \u201ca great day.\u201d"
    )
    assert named_speakers(signed) == [("Donald Trump", True)]


def test_acronyms_of_common_words_are_no_bodies():
    """ "IQ", "IP", "URL", "PTSD", "COVID" were listed as organisations (thirty-seventh key: "a fool of low
    IQ"; all AllSides: COVID in 39 articles, IP in 18, PTSD in 14); "NATO" still is one."""
    found = entities(
        make_corpus(
            [
                {
                    "body": "His IQ is high. The IP address was traced. COVID cases rose. PTSD is "
                    "common. NATO said so."
                }
            ]
        )
    )
    assert set(found[found["type"] == "organisation"]["name"]) == {"NATO"}
