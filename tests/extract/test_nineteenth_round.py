"""Nineteenth round (issue 19): a paragraph that is only a quotation, after one ending in a named
speaker's quotation and clause, goes on with that speaker though the clause names someone else in what it
says of the speaker ("said Senator Susan Collins, Republican of Maine, a co-sponsor of Ms. Gillibrand's
bill")."""

from __future__ import annotations

from tests.conftest import named_speakers, people_in, speakers_in

COLLINS = (
    "Senators debated the bill on Thursday.\n\n"
    "\u201cWe are going to make a real difference,\u201d said Senator Susan Collins, Republican of Maine, "
    "a co-sponsor of Ms. Kirsten Gillibrand\u2019s bill.\n\n"
    "\u201cThis was a legitimate policy dispute.\u201d"
)


def test_a_name_in_what_the_clause_says_of_the_speaker_does_not_stop_her_going_on():
    """dev27 key (read after its unseen measure); all of AllSides: 17 more named (Collins, Jason Miller,
    Wendy Sherman, Joshua Koskoff ...), each read: right; BBC and the held-out key unchanged."""
    assert named_speakers(COLLINS) == [("Susan Collins", True)] * 2
    relative = (
        "The group backs the bill.\n\n"
        "\u201cI think we have a great bench,\u201d Carlos Gutierrez, who was commerce secretary under "
        "President George W. Bush, told The Times.\n\n"
        "\u201cIt is whether we can stop becoming our own worst enemy.\u201d"
    )
    assert named_speakers(relative) == [("Carlos Gutierrez", True)] * 2


def test_a_name_in_a_new_clause_still_stops_it():
    """ "…,” said Collins, and Gillibrand agreed. ¶ “…”": either may go on; nobody is named."""
    other = COLLINS.replace(
        "Republican of Maine, a co-sponsor of Ms. Kirsten Gillibrand\u2019s bill",
        "and Senator Kirsten Gillibrand agreed",
    )
    assert named_speakers(other)[1] != ("Susan Collins", True)


SILUANOV = (
    "Anton Siluanov, the finance minister, spoke in Moscow on Tuesday.\n\n"
    "\u201cOur citizens work in these companies,\u201d Siluanov said.\n\n"
    "While admitting that U.S. sanctions would boost inflation in Russia as they hurt the rouble, "
    "Siluanov said there were no plans to ban using the dollar in Russia.\n\n"
    "\u201cOf course, the government has no such plans.\u201d"
)


def test_a_long_opening_clause_with_an_abbreviation_leaves_the_name_after_it_the_subject():
    """ "While admitting that U.S. sanctions would ... rouble, Siluanov said ... ¶ “…”": Siluanov's (dev26
    key, read after its unseen measure). All of AllSides: 13 more named (Obama, Sanders, Van Jones, John
    Roberts ...), each read: right; BBC, dev keys and the held-out key unchanged."""
    assert named_speakers(SILUANOV) == [("Anton Siluanov", True)] * 2


def test_an_opener_that_is_the_subject_itself_opens_no_phrase():
    """ "This is important because the FBI ... role, while Republicans say ...": "This" is the sentence's
    subject, so "Republicans" is not (a phrase quoted after it stays unclear)."""
    body = (
        "James Comey says the FBI received nothing until after late July.\n\n"
        "This is important because the FBI and liberal media outlets are trying to downplay the dossier's "
        "role, while Tom Smith says it drove and dominated the investigation.\n\n"
        "\u201cLate July\u201d is the time the FBI officially opened an investigation."
    )
    assert ("Tom Smith", True) not in named_speakers(body)


def test_he_went_on_to_say_is_he_saying():
    """ "He went on to say Obama “reduced justice to charity”": the speaker words are "he" (dev31 key, read
    after its unseen measure: three quotations). All of AllSides: 14 more named, 13 read right, one the
    speaker of the quotation before, itself wrong ("Trump" for Donald Trump Jr.); BBC 1 more, right."""
    body = (
        "Roberto Unger, a Harvard professor, released a video on Tuesday.\n\n"
        '"He has disguised his surrender with an empty appeal to tax justice," Unger said.\n\n'
        'He went on to say Obama "reduced justice to charity" while embodying a policy of '
        '"financial confidence and food stamps."'
    )
    assert named_speakers(body) == [("Roberto Unger", True)] * 3
    aside = body.replace("He went on to say", "He, however, said")  # AllSides: 2 more, right
    assert named_speakers(aside) == [("Roberto Unger", True)] * 3
    later = body.replace("He went on to say", "He would later say")  # AllSides: 5 more, right
    assert named_speakers(later) == [("Roberto Unger", True)] * 3
    refused = body.replace("He went on to say", "He would not say")  # no speech: a term, no row
    assert len(speakers_in(refused)) < 3


def test_a_generational_suffix_opening_the_body_is_no_headline_verb():
    """ "Donald Trump Jr.'s new book ..." opening a body that also names President Donald Trump: the son
    stays himself ("Jr." is not a headline's verb glued to a name, as "Ann Romney Delivers" is)."""
    body = (
        "Donald Trump Jr.'s new book is portrayed as a takedown of a culture of victimization.\n\n"
        "The book glosses over President Donald Trump's continued ownership of his business."
    )
    assert {"Donald Trump Jr.", "Donald Trump"} <= set(people_in(body))


def test_a_document_speaks_for_the_body_that_issued_it():
    """ "the GAO report said", "the report said" after "House Oversight Republicans released a report";
    not "the Facebook post said" (a platform is where someone posts), nor "the Bundestag report" by "the
    Bundestag's legal analysts" (a body named in the document's name must be seen acting itself). All of
    AllSides: 34 more named (each read: the document's author; a few under the corpus's short form of a
    name, "Partnership"); dev keys 2-25, the seed and the held-out key unchanged."""
    gao = (
        "The Government Accountability Office questioned the dealings with contractors.\n\n"
        "\u201cOur work has identified significant problems,\u201d the GAO report said."
    )
    assert speakers_in(gao)[0][:2] == ("Government Accountability Office", True)
    issued = (
        "House Oversight Republicans released a report Tuesday that detailed spending on parties.\n\n"
        '"Affiliates routinely host lavish parties," the report said.'
    )
    assert speakers_in(issued)[0][:2] == ("House Oversight Republicans", True)
    post = (
        "Cliven Bundy said he was heading to Oregon, according to a Facebook page for his ranch.\n\n"
        '"It\'s time!" the Facebook post said.'
    )
    assert speakers_in(post)[0][:2] != ("Facebook", True)
    kerner = (
        "The Justice Department's Civil Rights Division released a report on the Chicago police in January. "
        "Released in 1968, the National Advisory Commission on Civil Disorders, or \u201cThe Kerner "
        "Report,\u201d blamed white racism. \u201cThe police are not merely a spark factor,\u201d the "
        "report stated."
    )
    assert (
        speakers_in(kerner)[-1][1] is False
    )  # another report written of between: not the division's
    analysts = (
        "The confidential report, dated April 30, by the Bundestag's legal analysts adds that the plan "
        'relies on a clause that "is not universally accepted," the Bundestag report notes.'
    )
    assert speakers_in(analysts)[0][:2] != ("Bundestag", True)  # the seed's: its analysts wrote it
