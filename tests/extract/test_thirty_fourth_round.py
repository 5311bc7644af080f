"""Thirty-fourth round (issue 19, from the forty-sixth and forty-seventh keys after their unseen measures).

A list of names that is the object of a preposition ("with hosts Steve Doocy, Ainsley Earhardt, and Brian
Kilmeade, the president said") is no apposition of its last name: "the president" speaks, and "he continued"
right after is the president again. A description after ", and" that opens a clause of its own speaks for
itself ("Joe Walsh is considering ..., and the now-talk radio host says"). "The New York Times reported
Wednesday that Walsh “…”" is the paper's. A surname ending "-son" beside a full name ending "-sen" is that
person misspelt. A document named for its author ("according to a Heinrich press release", "an IAAF
statement") speaks for them; a role written with the name it serves ("the former senior Trump adviser") is
the one holder of that role. "The Sheriff's Department" is a body.
"""

from __future__ import annotations

from analysis.extract import entities
from tests.conftest import make_corpus, named_speakers

_HOSTS = (
    'President Donald Trump said Friday that Democrats "looked like fools" this week.\n\n'
    'In a phone interview on "Fox & Friends" with hosts Steve Doocy, Ainsley Earhardt, and Brian '
    'Kilmeade, the president said that his July phone call was a "good conversation."\n\n'
    '"And these were their witnesses. This was the best they\'ve got," he continued.'
)


def test_a_list_after_a_preposition_is_no_apposition_of_its_last_name():
    assert named_speakers(_HOSTS) == [("Donald Trump", True)] * 3


_WALSH = (
    "Tea Party Republican and former Illinois Congressman Joe Walsh is considering a primary challenge "
    "against President Donald Trump, and the now-talk radio host says if he does announce a run, "
    '"it\'s going to be before Labor Day."\n\n'
    'The New York Times reported Wednesday that Walsh "is expected to announce he is running for '
    'president as early as this weekend."'
)


def test_a_description_opening_its_own_clause_after_and_is_the_subject():
    """Not Donald Trump, named in the clause before ", and"; the Times's words are the Times's."""
    said = named_speakers(_WALSH)
    assert said[0] == ("the now-talk radio host", False)
    assert said[1] == ("New York Times", True)


def test_a_clause_reporting_speech_before_and_keeps_its_speaker():
    """The clause before ", and" reports Sharry's words: the partial quotation after is his too."""
    body = (
        "Obama said he would act.\n\nPro-immigration America's Voice Executive Director Frank Sharry said "
        'the party will appear "weak-kneed" if Obama backs down before the midterms, and the president '
        'will have promised "more than he delivers."'
    )
    assert ("Barack Obama", True) not in named_speakers(body)
    assert ("Obama", True) not in named_speakers(body)[1:]


def test_a_report_about_someone_elses_words_is_not_the_papers():
    """ "reported Tuesday that the Action Network is running an ad that urges viewers to “…”": the ad's."""
    body = (
        "Sen. Marco Rubio is getting some support.\n\nThe New York Times reported Tuesday that the "
        "conservative Action Network is running a television ad in Florida that urges viewers to call Mr. "
        "Rubio to \u201cThank him for keeping his promise and fighting to secure the border.\u201d"
    )
    assert ("New York Times", True) not in named_speakers(body)


def test_a_surname_written_son_for_sen_is_the_person_named_in_full():
    body = (
        "Michael Bang Petersen, a political scientist, studies partisanship.\n\n"
        "\u201cYou might simply put more effort into justifying the already-held opinion,\u201d "
        "Peterson said."
    )
    assert named_speakers(body) == [("Michael Bang Petersen", True)]


def test_a_document_named_for_its_author_speaks_for_them():
    heinrich = (
        "Sen. Martin Heinrich, D-N.M., led the letter.\n\nAccording to a Heinrich press release:\n\n"
        '"The Arctic National Wildlife Refuge is home to unique and vulnerable ecosystems."'
    )
    assert named_speakers(heinrich) == [("Martin Heinrich", True)]
    post = (
        "Cliven Bundy said he was heading to Oregon, according to a Facebook page for his ranch.\n\n"
        '"It\'s time!" the Facebook post said.'
    )
    assert named_speakers(post)[0] != ("Facebook", True)


_BOLTON = (
    "Former White House national security adviser John Bolton announced Monday that he would be willing "
    "to testify against President Trump.\n\n"
    "\u201cThe House has concluded its Constitutional responsibility,\u201d Bolton said in a statement.\n\n"
    "\u201cI have concluded that, if the Senate issues a subpoena, I am prepared to testify,\u201d the "
    "former senior Trump adviser concluded."
)


def test_a_role_written_with_the_name_it_serves_is_its_one_holder():
    assert named_speakers(_BOLTON) == [("John Bolton", True)] * 2


def test_a_body_named_for_a_president_is_no_holder_of_a_role():
    """ "the Trump administration argues": not the one body whose name ends in "Administration"."""
    body = (
        "The National Highway Traffic Safety Administration and President Trump proposed a freeze.\n\n"
        "In Thursday's proposal, the Trump administration argues that its freeze will have a "
        "\u201cnegligible\u201d impact on air quality."
    )
    assert ("National Highway Traffic Safety Administration", True) not in named_speakers(body)


def test_he_added_after_a_quotation_reported_inside_anothers_words_is_not_its_speaker():
    """ "Pallone noted that Bright said he would ask for a review of “…” ¶ “…,” he added": not Bright."""
    body = (
        "Rep. Frank Pallone wrote to the inspector general.\n\n"
        "Pallone noted that Bright said he would ask for an inspector general review of \u201cthe "
        "manner in which this administration has politicized the work of BARDA.\u201d\n\n"
        "\u201cIn addition to accepting his request, I urge you to investigate the circumstances,\u201d he "
        "added."
    )
    assert named_speakers(body)[-1] != ("Rick Bright", True)
    assert named_speakers(body)[-1] != ("Bright", True)


def test_an_office_named_for_its_holder_is_a_body():
    body = (
        "The Sheriff\u2019s Department said in a statement Tuesday that its decision \u201cwill enhance "
        "communication with our law enforcement partners.\u201d"
    )
    mentions = entities(make_corpus([{"body": body}]))
    assert ("Sheriff\u2019s Department", "organisation") in set(
        zip(mentions["text"], mentions["type"], strict=True)
    )
    assert named_speakers(body) == [("Sheriff's Department", True)]
