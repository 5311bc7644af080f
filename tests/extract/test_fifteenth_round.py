"""Issue 19, fifteenth round: shapes read in the twenty-first development key (measured unseen at right
0.780, wrong 0.070 before it was read) and in reports of held-out-free AllSides slices.

A subject and its reporting verb may have "also", "later" or "has" between them ("Mr. McCain also said");
an owned "-ing" word is a noun ("Mr. Trump's tweeting"), a preposition's object no subject ("a jihadist
based in the Gaza Strip has claimed"); a quotation closed by its own full stop and followed by a sentence
of a name and a verb alone ("“…pain.” Maher acknowledged.") is that person's.
"""

from __future__ import annotations

from analysis.extract import entities
from tests.conftest import make_corpus, speakers_in


def test_also_between_the_subject_and_said_keeps_him_the_subject():
    body = (
        "Sen. John McCain, Arizona Republican, said in an interview that he would urge Mr. Trump to stop "
        "tweeting.\n\n"
        "Mr. McCain also said the role of the press \u2014 another frequent target of Mr. Trump\u2019s "
        "tweeting \u2014 is \u201cmore important than ever before.\u201d\n\n"
        "\u201cI hate the press, OK, but without a free press the pillar of democracy is destroyed,\u201d "
        "he said."
    )
    assert [s[0] for s in speakers_in(body)] == ["John McCain", "John McCain"]


def test_a_preposition_object_with_has_claimed_is_no_speaker():
    body = (
        "Breitbart Jerusalem says that a top Salafist jihadist based in the Gaza Strip has claimed more "
        "\u201cbrothers\u201d are planning attacks."
    )
    assert speakers_in(body)[0][0] != "Gaza Strip"


def test_according_to_x_keeps_x_the_speaker_of_the_next_he_said():
    body = (
        "Portsmouth chairman Milan Mandaric said he was \u201cdisappointed\u201d by the news.\n\n"
        "According to Mandaric, Redknapp vowed he would not join their South coast rivals when he left. "
        "\"I said to Harry 'I hope you don't go to Southampton', and he told me 'absolutely not',\" he said."
    )
    assert speakers_in(body)[-1][0] != "Harry Redknapp"


def test_a_name_and_a_verb_alone_after_a_closed_quotation_name_its_speaker():
    body = (
        "Bill Maher offered an apology on Friday.\n\n"
        "\u201cThat\u2019s a great place to begin, Bill,\u201d Dyson replied. \u201cA very bad thing.\u201d\n\n"
        '"That word, I don\'t care who you are, has caused pain." Maher acknowledged. "It doesn\u2019t '
        'matter that it wasn\u2019t said in malice," he added.'
    )
    speakers = [s[0] for s in speakers_in(body)]
    assert speakers[-2:] == ["Bill Maher", "Bill Maher"]


def test_a_name_and_verb_opening_the_next_quotation_is_not_the_last_ones():
    body = (
        "Biden\u2019s rivals, beginning with Cory Booker and Bill de Blasio, have started to pounce; Booker "
        "thundered that \u201cYou don\u2019t joke about calling black men \u2018boys.\u2019\u201d De Blasio "
        "added, \u201cEastland thought my multiracial family should be illegal.\u201d"
    )
    assert speakers_in(body)[0][0] != "Bill de Blasio"


def test_a_newspaper_named_by_one_word_after_the_is_an_organisation():
    body = (
        "\u201cIt\u2019s a free-for-all: shutdown brings turmoil to beloved US national parks,\u201d says "
        "The Guardian. He later told the Times he was sorry."
    )
    mentions = entities(make_corpus([{"body": body}]))
    found = mentions[mentions["type"] == "organisation"]["name"].tolist()
    assert found == ["Guardian", "Times"]
    assert speakers_in(body)[0][:2] == ("Guardian", True)


def test_the_times_after_the_new_york_times_stays_that_paper():
    body = (
        "The New York Times reported on Sunday that the budget would grow. The Times said the cuts would "
        "reach \u201ca paltry $171,000.\u201d"
    )
    mentions = entities(make_corpus([{"body": body}]))
    assert "Times" not in set(mentions["name"])
    assert speakers_in(body)[0][0] == "New York Times"


def test_a_title_cut_at_from_names_the_senator_again():
    body = (
        "Attorney General William Barr on Monday removed the acting director of the prisons bureau.\n\n"
        "Sen. Ben Sasse, a Republican who wrote a letter to Barr saying "
        '"heads must roll," said Monday that the removal is a "good start."\n\n'
        '"Attorney General Barr did the right thing by removing the head of the Federal Bureau of Prisons," '
        "the senator from Nebraska and member of the Senate Judiciary Committee said."
    )
    assert speakers_in(body)[-1][:2] == ("Ben Sasse", True)


def test_a_partial_with_no_verb_before_it_goes_to_the_outlet_reporting_it():
    body = (
        "Carter's debut at the Pentagon was briefly interrupted when his wife, Stephanie, "
        '"slipped and fell on the icy pavement," the AP reports.'
    )
    assert speakers_in(body)[0][:2] == ("AP", True)


def test_a_hyphenated_korean_given_name_is_part_of_the_name():
    body = (
        "President Moon Jae-in, who has ended a trip to the North, said Kim Jong-un wanted talks. The Hong "
        "Kong-born actor and the New York-based firm were there.\n\n"
        'Mr Moon said: "Kim Jong-un expressed his wish to complete denuclearisation quickly."'
    )
    mentions = entities(make_corpus([{"body": body}]))
    people = mentions[mentions["type"] == "person"]["name"].tolist()
    assert people == ["Moon Jae-in", "Kim Jong-un", "Moon Jae-in", "Kim Jong-un"]
    assert speakers_in(body)[0][:2] == ("Moon Jae-in", True)


def test_a_cantonese_given_name_between_first_name_and_surname():
    body = (
        "\u201cThe so-called vandalism is really exceptional,\u201d said professor Lawrence Ka-ki Ho, a "
        "specialist in policing.\n\n\u201cWe are not totally open or totally closed,\u201d said Ho."
    )
    assert [s[0] for s in speakers_in(body)] == ["Lawrence Ka-ki Ho", "Lawrence Ka-ki Ho"]


def test_the_committee_is_the_one_committee_named_before():
    body = (
        "All 17 members of the President\u2019s Committee on the Arts and Humanities (PCAH) have resigned.\n\n"
        "In its resignation letter, the committee condemned \u201cthe administration\u2019s refusal to "
        "condemn the cancer of hatred.\u201d"
    )
    assert speakers_in(body)[0][:2] == ("Committee on the Arts and Humanities", True)


def test_the_court_is_not_guessed_from_the_courts_named():
    body = (
        "The Court of Appeals of Maryland ruled on Friday.\n\n\u201cThe officers lacked the probable cause "
        "needed to search the car,\u201d the circuit court had found."
    )
    assert speakers_in(body)[0][0] != "Court of Appeals of Maryland"


def test_the_body_right_before_the_verb_speaks_not_a_name_in_the_opening_phrase():
    body = (
        "All 17 members of the President\u2019s Committee on the Arts and Humanities (PCAH) have resigned.\n\n"
        "In a letter of resignation tweeted by PCAH committee member Kal Penn on Friday morning, the "
        "committee declared that \u201creproach and censure in the strongest possible terms are necessary.\u201d"
    )
    assert speakers_in(body)[0][0] != "Kal Penn"


def test_went_on_to_add_carries_a_partial_quotation():
    body = (
        "\u201cParty leaders in Nevada claim that the Sanders campaign has a penchant for violence. That is "
        "nonsense,\u201d Sen. Bernie Sanders said.\n\n"
        "Sanders went on to add, \u201cwhen we speak of violence, I should add that shots were fired into my "
        "campaign office.\u201d"
    )
    assert speakers_in(body)[-1][:2] == ("Bernie Sanders", True)


def test_going_on_to_tell_him_names_no_object():
    body = (
        "Trump notes at the outset that \u201cwe do a lot for Ukraine.\u201d He asks Volodymyr Zelenskiy about "
        "a \u201cfavor,\u201d later going on to tell him \u201cI would like you to find out what happened with "
        "this whole situation in Ukraine\u201d and the Bidens."
    )
    assert "Volodymyr Zelenskiy" not in [s[0] for s in speakers_in(body)]


def test_an_inverted_said_after_an_adverb_names_its_subject():
    body = (
        "Dr. Jack Sava, a trauma surgeon, said there are hundreds of bullet fragments in his body.\n\n"
        'Nonetheless, said Sava, "we fully expect him to be able to walk."'
    )
    assert speakers_in(body)[-1][:2] == ("Jack Sava", True)


def test_asked_or_told_before_a_name_takes_an_object_not_a_subject():
    body = (
        "Rep. John Ratcliffe, Texas Republican, asked Mr. James Comey, \u201cDo you know whether the "
        "application that you signed states that the FBI has reviewed it?\u201d"
    )
    assert speakers_in(body)[0][0] != "James Comey"
