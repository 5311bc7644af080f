"""Twenty-fourth round (issue 19), read from the thirty-fifth development key after its unseen measure: a
document its owner wrote speaks for them ("Perry's letter said"); an outlet reporting before a colon is the
source of what follows; a paragraph-long quotation goes on with a speaker the clause before named again last;
an acronym is a name of its own, no short form of a longer one; a court's ruling speaks for the one court the
article names, and an ordinal circuit ("the 9th Circuit") is a court."""

from __future__ import annotations

from analysis.extract import entities
from tests.conftest import make_corpus, named_speakers


def test_a_document_its_owner_wrote_speaks_for_them():
    """ "“…,” Perry's letter said" was left as the description "Perry's letter" (AllSides: 20 such
    quotations, each read: letters, statements, emails and messages of the people named)."""
    body = (
        "Texas Gov. Rick Perry wrote to Health Secretary Kathleen Sebelius on Monday.\n\n"
        "\u201cThis is a federally-mandated exchange,\u201d Perry\u2019s letter said."
    )
    assert named_speakers(body) == [("Rick Perry", True)]
    sondland = (
        "Gordon Sondland sent an email.\n\n"
        "\u201cNicole,\u201d Sondland\u2019s initial email began. \u201cAfter further reflection, no.\u201d"
    )
    assert set(named_speakers(sondland)) == {("Gordon Sondland", True)}


def test_an_owner_is_not_the_speaker_of_someone_elses_clause_or_of_an_agents_act():
    """Only where the document is the verb's subject: not "said that Trump's claims had “spooked” ...", nor
    "Trump's lawyer issued the statement ..., calling it" (the lawyer's), nor "Redfield's comments come after
    President Trump ... said ..., calling them" (Trump's)."""
    claims = (
        "Anthony Scaramucci spoke on Monday about Donald Trump.\n\n"
        "Scaramucci said that Trump\u2019s claims had \u201cspooked\u201d the financial world."
    )
    assert ("Donald Trump", True) not in named_speakers(claims)
    lawyer = (
        "John Dowd spoke for Donald Trump.\n\n"
        "Trump's lawyer issued the statement late on Friday, calling it \u201ca great day for "
        "Democracy.\u201d"
    )
    assert ("Donald Trump", True) not in named_speakers(lawyer)


def test_an_outlet_reporting_before_a_colon_is_the_source_not_the_speaker_before():
    """ "By contrast, NBC News reported that ... Roswell: “Brian Takahashi voted ...”" went to Jason
    Esteves, the previous paragraph's speaker (a wrong name): the clause before the colon names its source."""
    body = (
        "Jason Esteves, chair of the Atlanta Board of Education, tweeted photos of the line, declaring, "
        "\u201cThis is how voter suppression happens.\u201d\n\n"
        "By contrast, NBC News reported that things went much easier in the mostly white Atlanta suburb "
        "of Roswell: \u201cBrian Takahashi voted there and said it went well.\u201d"
    )
    assert named_speakers(body) == [("Jason Esteves", True), ("NBC News", True)]


def test_a_paragraph_quotation_goes_on_with_a_speaker_named_again_last():
    """ "“…,” Cuomo said before endorsing the bailout proposed by House Speaker Nancy Pelosi which Cuomo
    said would ... ¶ “We are frugal ...”": Pelosi is named in between, but the clause ends with Cuomo
    again (was unclear)."""
    body = (
        "Gov. Andrew Cuomo spoke on Wednesday.\n\n"
        "\u201cThis is a drop in the bucket,\u201d Cuomo said before endorsing the bailout proposed by "
        "House Speaker Nancy Pelosi which Cuomo said would make $17 billion available.\n\n"
        "\u201cWe are frugal and we are efficient. These numbers don\u2019t work.\u201d"
    )
    assert named_speakers(body) == [("Andrew Cuomo", True)] * 2


def test_an_acronym_is_no_short_form_of_a_longer_name():
    """ "the EPA" in an article naming the "EPA Office of Policy" was that office (a wrong speaker on the
    key: "In an emailed statement, the EPA said"); "the North" still stands for North Korea."""
    found = entities(
        make_corpus(
            [
                {
                    "body": "Samantha Dravis left the EPA Office of Policy. In an emailed "
                    "statement, the EPA said she had left. North Korea fired a missile. The North said "
                    "it was a test."
                }
            ]
        )
    )
    names = dict(zip(found["text"], found["name"], strict=False))
    assert names["EPA"] == "EPA"
    assert names["North"] == "North Korea"


def test_a_ruling_speaks_for_the_one_court_the_article_names():
    """ "“…,” the ruling said" after "The Supreme Court ruled 6-3" is the Supreme Court's; with two courts
    named nobody is."""
    one = (
        "The Supreme Court ruled 6-3 to strike down the Professional and Amateur Sports Protection Act.\n\n"
        "\u201cCongress can regulate sports gambling directly,\u201d the ruling said."
    )
    assert named_speakers(one) == [("Supreme Court", True)]
    two = (
        "The Supreme Court overturned a ruling of the Texas Court of Appeals on Monday.\n\n"
        "\u201cCongress can regulate sports gambling directly,\u201d the ruling said."
    )
    assert named_speakers(two) != [("Supreme Court", True)]


def test_an_ordinal_circuit_is_a_court():
    """ "the 9th Circuit" (AllSides: 18 articles; "5th U.S. Circuit Court of Appeals") was no name at all,
    so "“…,” the 9th Circuit noted" had no speaker."""
    body = (
        "The 9th Circuit in 2018 ruled that the law must be struck down. A grandmother could be charged "
        "for telling her grandson, \u201cI encourage you to stay,\u201d the 9th Circuit noted."
    )
    assert named_speakers(body) == [("9th Circuit", True)]
    found = entities(make_corpus([{"body": "The 5th U.S. Circuit Court of Appeals ruled."}]))
    assert "5th U.S. Circuit Court of Appeals" in set(found["name"])


def test_a_speaker_named_once_among_others_does_not_go_on():
    """The speaker named again must be named twice: "..., Adam Schiff, Eliot Engel and Elijah Cummings said
    in a statement. ¶ “These documents ...”" is no paragraph of Cummings's."""
    body = (
        "\u201cThe documents arrived in an envelope marked White House,\u201d House Intelligence "
        "Committee Chairman Adam Schiff, Foreign Affairs Chairman Eliot Engel and Oversight Chairman "
        "Elijah Cummings said in a statement.\n\n"
        "\u201cThese documents also reinforce concern that the president sought to use the State "
        "Department.\u201d"
    )
    assert named_speakers(body)[-1] != ("Elijah Cummings", True)


def test_a_broadcasters_news_is_the_broadcaster():
    """With "the BBC" no longer read as a short form of "BBC News" (an acronym is a name of its own), the
    broadcaster and its news stay one body: "NBC News" is NBC where the corpus names NBC."""
    found = entities(
        make_corpus([{"body": "NBC News reported it first."}, {"body": "NBC said so on Monday."}])
    )
    assert set(found["name"]) == {"NBC"}
    fox = entities(
        make_corpus(
            [{"body": "Fox News reported it first."}, {"body": "FOX said so. Fox aired it."}]
        )
    )
    assert "Fox News" in set(fox["name"])  # "FOX" is a word in capitals, no acronym
