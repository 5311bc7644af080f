"""Issue 19, fifth round: the shapes of American political copy that named the wrong speaker or nobody.

Shaped on AllSides articles outside every key: a party-and-place tag after a name ("State Rep. Stacey
Newman, D-St. Louis, called ..."), whose "St." is Saint and ends no sentence; a title written as one word
("the Republican National Committeeman"); a name with its state or a date run on ("John McCain of Arizona",
"Chuck Hagel on Jan. 31"); "States" of "the United States" or "The comments" read as a reporting verb; a
quoted phrase opening a sentence that ends with its reporting clause; "pledged" before a quoted phrase."""

from __future__ import annotations

from analysis.extract import entities
from tests.conftest import make_corpus, people_in, speakers_in


def test_a_party_and_place_tag_is_no_speaker_and_its_saint_ends_no_sentence():
    body = (
        "Missouri's Republican-led Legislature has taken a different approach.\n\n"
        'State Rep. Stacey Newman, D-St. Louis, called the measure "unconstitutional" and said she '
        "would oppose it."
    )
    assert speakers_in(body) == [("Stacey Newman", True, "called")]
    assert "D-St. Louis" not in people_in(body)


def test_a_party_tag_after_a_name_leaves_the_name_the_speaker():
    body = 'House Speaker Nancy Pelosi, D-Calif., called the move a "last-minute sabotage" of the bill.'
    assert speakers_in(body)[0][:2] == ("Nancy Pelosi", True)


def test_a_title_written_as_one_word_is_no_person():
    body = (
        "The visit could boost Republicans, said Shawn Steel, the Republican National Committeeman "
        'from California, who called the visit an "energizer" for the party.'
    )
    assert "National Committeeman" not in people_in(body)
    assert speakers_in(body)[0][:2] == ("Shawn Steel", True)


def test_a_name_stops_before_its_state_or_a_date():
    body = (
        "Senate Armed Services Committee Chairman John McCain of Arizona says the nation will be "
        '"fortunate" to have him. The memo was due to Defense Secretary Chuck Hagel on Jan. 31.'
    )
    assert people_in(body) == ["John McCain", "Chuck Hagel"]
    assert speakers_in(body)[0][:2] == ("John McCain", True)


def test_states_of_the_united_states_is_no_reporting_verb():
    body = (
        "The president said he had been briefed. Officials in the United States "
        '"have no evidence of an attack," a spokesman added later.'
    )
    assert all(cue != "States" for _, _, cue in speakers_in(body))


def test_a_noun_after_a_determiner_is_no_reporting_verb():
    body = (
        "The comments struck a nerve with police officers themselves.\n\n"
        '"Of course there is" systemic racism, St. Paul Police Chief Todd Axtell said. "It is not '
        'just in police departments across this country."'
    )
    assert speakers_in(body)[0][:3] == ("Todd Axtell", True, "said")


def test_pledged_before_a_quoted_phrase_names_its_subject():
    body = (
        "President Donald Trump announced the withdrawal on Friday.\n\n"
        "In his statement, Trump pledged the United States would "
        '"move forward with developing our own military response options" to the violations.'
    )
    assert speakers_in(body) == [("Donald Trump", True, "pledged")]


def test_a_second_verb_after_and_shares_the_first_verbs_subject():
    body = (
        "Shares in Unilever fell sharply on Monday.\n\n"
        'Unilever called for calm and vowed to keep "every promise made to our shareholders".'
    )
    assert speakers_in(body) == [("Unilever", True, "called")]


def test_a_party_s_members_are_a_group_not_the_party():
    body = (
        "Mr Trump signed the emergency declaration on Friday.\n\n"
        'Democrats said it was a "gross abuse of power" and vowed to contest it "using every '
        'remedy available".\n\n'
        'Senior Republicans said an extension for "Dreamers" could be the sweetener.'
    )
    assert [(s, n) for s, n, _ in speakers_in(body)] == [
        ("Democrats", False),
        ("Democrats", False),
        ("Senior Republicans", False),
    ]


def test_a_phrase_after_the_quotation_opening_with_a_preposition_names_nobody():
    body = (
        "Earlier Tuesday, Trump carried his tirade into its third day, tweeting that the House should "
        'rebuke them for "spewing some of the most vile things ever said by a politician" in '
        "Congress, and complaining that they get a free pass."
    )
    assert all(speaker != "Congress" for speaker, _, _ in speakers_in(body))


def test_a_date_phrase_before_the_reporting_clause_leaves_the_speaker():
    body = (
        'The rest will be released "on a rolling basis, with redactions only in the rarest of '
        'circumstances," by the end of the review on April 26, the White House said in a statement.'
    )
    assert speakers_in(body)[0][:2] == ("White House", True)


def test_a_name_repeated_by_a_link_glued_to_a_headline_is_the_name_alone():
    body = (
        '"It is pretty clear that they are willing to do that," said Sen. John Cornyn John CornynGOP '
        "senators balk at lengthy impeachment trial Overnight Health Care: Trump officials making "
        "changes MORE (R-Texas).\n\n"
        "President Trump Donald John TrumpGOP senators balk at trial MORE said on Monday he would veto "
        "it. Rep. Justin Amash Justin AmashOvernight Defense: House votes MORE (I-Mich.) voted no."
    )
    mentions = entities(make_corpus([{"body": body}]))
    people = set(mentions[mentions["type"] == "person"]["name"])
    assert people == {"John Cornyn", "Trump", "Justin Amash"}
    assert "MORE" not in set(mentions["name"])
    assert speakers_in(body) == [("John Cornyn", True, "said")]


def test_a_first_name_alone_goes_to_the_one_two_word_name_it_opens_hyphen_and_all():
    body = (
        "Saudi Foreign Minister Saud Al-Faisal arrived in London on Monday.\n\n"
        '"We will keep talking," Saud said after the meeting.'
    )
    assert speakers_in(body) == [("Saud Al-Faisal", True, "said")]


def test_a_picture_label_is_no_name_and_its_caption_starts_a_sentence():
    body = (
        "Image copyright Alyson McClaran Image caption At a protest in Denver a man challenged the "
        "crowd.\n\n"
        "Image copyright Getty Images Image caption Democrats have described the emergency as "
        '"made up"'
    )
    people = people_in(body)
    assert all("Image" not in name.split() for name in people)
    assert speakers_in(body) == [("Democrats", False, "described")]


def test_a_surname_in_capitals_heading_a_transcript_is_the_person():
    body = (
        "Here are key quotes from the call between Donald Trump and Enrique Pena Nieto.\n\n"
        'TRUMP: "I won New Hampshire because New Hampshire is a drug-infested den."'
    )
    assert speakers_in(body) == [("Donald Trump", True, "wrote")]
    assert "TRUMP" not in set(entities(make_corpus([{"body": body}]))["name"])


def test_an_honorific_tells_which_of_two_bearers_of_a_surname_is_meant():
    body = (
        "Hillary Clinton campaigned in Iowa while Bill Clinton spoke in Ohio.\n\n"
        "Mrs. Clinton said the plan was sound. Mr. Clinton said he was tired of the attacks."
    )
    mentions = entities(make_corpus([{"body": body}]))
    people = mentions[mentions["type"] == "person"]
    assert list(people["name"]) == [
        "Hillary Clinton",
        "Bill Clinton",
        "Hillary Clinton",
        "Bill Clinton",
    ]


def test_an_honorific_leaves_a_surname_alone_when_another_bearer_s_sex_is_unknown():
    body = "Rand Paul and Ron Paul spoke on Monday. Mr. Paul said the bill would fail."
    mentions = entities(make_corpus([{"body": body}]))
    assert "Ron Paul" not in list(mentions[mentions["start"] > 40]["name"])


def test_a_possessive_owner_of_an_ing_clause_is_not_its_speaker():
    body = (
        "Hillary Clinton’s campaign is coming under fire for failing to disclose that she was diagnosed "
        "with pneumonia on Friday, and for saying she simply got “overheated” at the memorial service."
    )
    assert speakers_in(body) == [("Hillary Clinton’s campaign", False, "saying")]


def test_a_named_subject_of_an_ing_clause_still_speaks():
    body = (
        "Hillary Clinton came under fire on Monday, saying she simply got “overheated” at the "
        "memorial service."
    )
    assert speakers_in(body)[0][:2] == ("Hillary Clinton", True)
