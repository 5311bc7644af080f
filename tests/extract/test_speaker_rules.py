"""The speaker rules of issue 19's second round, each on made-up sentences: a pronoun after a role-led
sentence, a speaker going on, "the <Place> MP", split and run-in quotations, relatives' surnames, first names
alone, joint subjects, passive "was quoted as saying", and the cases where nobody must be named."""

from __future__ import annotations

import pandas as pd

from analysis.extract import entities, people_and_quotes, quotes
from tests.conftest import make_corpus


def _said(body: str, title: str = "") -> pd.DataFrame:
    return quotes(make_corpus([{"title": title, "body": body}]))


def _speakers(body: str, title: str = "") -> list[tuple[str, bool]]:
    said = _said(body, title)
    return list(zip(said["speaker"], said["speaker_named"], strict=True))


def test_pronoun_after_a_sentence_opened_by_a_role_and_the_name():
    body = (
        'Announcing the plan, Mr Castle said: "Taxes are too high." His party leader, Peter Marwick, '
        'argued that a change was needed. "We must cut waste," he said.'
    )
    assert _speakers(body)[-1] == ("Peter Marwick", True)


def test_pronoun_when_the_previous_speaker_goes_on_past_objects_of_the_sentence():
    body = (
        '"I will stand again," Tom Berry said.\n\n'
        "Berry told Sam Hale that he would tour the county with Gov. Mark Lowe next week.\n\n"
        "It is a swing seat.\n\n"
        '"We will win it," he said.'
    )
    assert _speakers(body)[-1] == ("Tom Berry", True)


def test_pronoun_in_a_chain_of_sentences_opening_with_it():
    body = (
        "Alan Pike, the campaign's co-ordinator told a radio programme that the leader was keen. "
        'Mr Hart has "the same passion for the job" as before, he said.\n\n'
        'And he confirmed that no date was set. He said: "Nobody knows the date yet."'
    )
    said = _said(body)
    assert list(said["speaker"]) == ["Alan Pike", "Alan Pike"]


def test_pronoun_not_given_to_the_object_of_the_last_sentence_when_another_spoke_before():
    body = (
        '"He ran his own empire," Mr. Grant said.\n\n'
        "He thought Mr. Hobbs had changed since then.\n\n"
        'Still, he called Mr. Hobbs "a decent man" who went too far.'
    )
    assert _speakers(body)[-1] == ("Grant", True)  # not Hobbs, the object: since the thirty-third
    # round the "He" opening the sentence between is read where it stands (Grant, who spoke before)


def test_pronoun_does_not_go_to_a_name_before_it_in_the_quotation_sentence():
    body = (
        "Support is strong, Alan Pike, the party's co-ordinator, told the radio. "
        'Mr Hart has "the same passion for the job" as ten years ago, he said.'
    )
    assert _speakers(body)[-1] == ("Alan Pike", True)


def test_place_qualified_role_description_goes_to_the_one_holder():
    body = (
        'Labour MP Stephen Moss said he was "shocked" by the claim. "It was a strange day," said the '
        "Ealing North MP."
    )
    assert _speakers(body)[-1] == ("Stephen Moss", True)


def test_place_qualified_description_never_goes_to_a_holder_from_elsewhere():
    body = (
        'Sen. Tim Hayes, a Minnesota Democrat, spoke first. "It is a sorry attempt," the California '
        "Democrat said."
    )
    speaker, named = _speakers(body)[-1]
    assert speaker != "Tim Hayes"
    assert not named


def test_lone_pronoun_before_the_verb_wins_over_a_place_in_the_clause():
    body = (
        "Mr Dunn found his daughter last year. Describing their first meeting at King Cross station, "
        'he said: "The earth moved under my feet."'
    )
    assert _speakers(body)[-1] == ("Paul Dunn", True) or _speakers(body)[-1][0] in {"Dunn", ""}
    people = entities(make_corpus([{"body": body}]))
    assert "Cross" not in set(people["name"])


def test_quotation_split_around_said_x_with_a_comma_is_one_row():
    body = (
        '"This season matters for the World Cup," said Sella, "which the coach is doing well. '
        'The team gets better."'
    )
    said = _said(body)
    assert len(said) == 1
    assert said.iloc[0]["speaker"] == "Sella" or said.iloc[0]["speaker"].endswith("Sella")


def test_unattributed_quotation_after_said_x_continues_when_a_new_sentence_names_someone():
    body = (
        '"The game was amazing to watch," said Philippe Moreau.\n\n'
        '"Their only mistake was in the first half." Moreau, however, insisted the pressure had eased.'
    )
    assert [s for s, _ in _speakers(body)] == ["Philippe Moreau", "Philippe Moreau"]


def test_quotation_marks_run_into_the_sentence_before_are_read():
    body = (
        'Dr Ann Cole pleaded with parents."Please keep your children at home," Cole said in a '
        'statement."It is sad to see the damage," she said.'
    )
    said = _said(body)
    assert len(said) == 2
    assert set(said["speaker"]) == {"Ann Cole"}


def test_surname_before_a_relative_is_introduced_is_not_the_relative():
    body = (
        'President Marlow called him a "total loser" on Wednesday. Marlow tweeted it twice.\n\n'
        'In December the president\'s son, Eric, weighed in. Eric Marlow tweeted: "It is ugly."'
    )
    mentions = entities(make_corpus([{"body": body}]))
    early = mentions[mentions["start"] < body.index("In December")]
    assert "Eric Marlow" not in set(early["name"])
    said = _said(body)
    assert said.iloc[-1]["speaker"] == "Eric Marlow"


def test_shared_surname_alone_is_left_as_written():
    body = (
        "George Fenn and his wife Kellyanne Fenn disagree. Fenn said the row was private. "
        "Kellyanne Fenn declined to comment."
    )
    mentions = entities(make_corpus([{"body": body}]))
    alone = mentions[mentions["text"] == "Fenn"]
    assert not set(alone["name"]) & {"George Fenn", "Kellyanne Fenn"}
    said = _said(body + ' "It is our business," Fenn said.')
    assert said.iloc[-1]["speaker"] not in {"George Fenn", "Kellyanne Fenn"}


def test_first_name_alone_is_the_one_person_of_that_first_name():
    body = (
        "Adviser Kellyanne Fenn spoke to reporters. Meanwhile, Kellyanne, in December, described the "
        'comments as "disrespectful" to a newspaper.'
    )
    said = _said(body)
    assert list(said["speaker"]) == ["Kellyanne Fenn"]


def test_joint_subject_names_nobody():
    body = (
        'The Conservatives and the Liberal Democrats said the pledges were "worthless and empty".'
    )
    assert _speakers(body) == [("", False)]


def test_two_people_with_titles_joined_by_and_name_nobody():
    body = '"We had a kicking first," singer Gary Light and drummer Jon Quine told the magazine.'
    assert _speakers(body) == [("", False)]


def test_last_person_with_a_title_after_a_show_name():
    body = '"It was hard," said Rick and Judy executive producer Amanda Rose. "We were spoiled for choice."'
    assert _speakers(body)[0] == ("Amanda Rose", True)


def test_passive_quoted_as_saying():
    body = (
        "Minister of Justice Tzipi Lavon said the group must go. "
        '"I do not want to leave it weakened," she was quoted by a newspaper as saying.'
    )
    assert _speakers(body)[-1] == ("Tzipi Lavon", True)


def test_where_clause_has_its_own_subject():
    body = (
        "The coverage had an effect in Britain, where foreign minister Philip Hammerton has said the "
        'public is "deeply disturbed by what it sees".'
    )
    assert _speakers(body) == [("Philip Hammerton", True)]


def test_who_clause_with_its_own_subject():
    body = (
        "We discussed the tense relationship between Donald Trump and Federal Reserve chair Janet Yellen, "
        'who Trump said should be "ashamed of herself" for low rates.'
    )
    assert _speakers(body) == [("Donald Trump", True)]


def test_possessive_is_whose_strategist_not_the_speaker():
    body = (
        "Mr. Sanders’ campaign stood by his claim.\n\n"
        "“We are seeing it in many national groups,” Ted Devine, Mr. Sanders’ head strategist, told a "
        "television channel."
    )
    assert _speakers(body) == [("Ted Devine", True)]


def test_sentence_final_reporting_clause_of_a_partial_quotation():
    body = (
        "Alan Pike, the campaign's co-ordinator told the radio on Saturday. "
        'Mr Hart has "the same passion and the same commitment" as when he started in 1997, he said.'
    )
    said = _said(body)
    assert said.iloc[0]["cue"] == "said"
    assert said.iloc[0]["speaker"] == "Alan Pike"


def test_people_and_quotes_match_entities_names():
    body = 'Adviser Kellyanne Fenn spoke. "It is fine," Kellyanne said.'
    mentions, said = people_and_quotes(make_corpus([{"body": body}]))
    assert said.iloc[0]["speaker"] in set(mentions["name"])


def test_joint_subject_with_places_and_titles_between_names_nobody():
    body = (
        '"We do not know if it is true," said Rep. Elijah Cummins of Maryland and Rep. John Conway, '
        "the top Democrats on the committees."
    )
    assert _speakers(body) == [("", False)]


def test_middle_initial_does_not_end_the_sentence():
    body = '"This needs a little finesse," said former Virginia Rep. Thomas M. Davis III.'
    assert _speakers(body) == [("Thomas M. Davis III", True)]


def test_one_word_surname_that_is_also_a_title_is_a_name():
    body = (
        "Rep. Steve King of Iowa spoke at length. Polls will give a fuller picture.\n\n"
        '"They will often say all politics is local," King said.'
    )
    assert _speakers(body)[-1] == ("Steve King", True)


def test_short_title_matches_the_description():
    body = (
        "Gov. Gretchen Wilmer spoke on Tuesday. The Michigan governor told reporters that voters care "
        'about "fundamentals, like fixing the roads".'
    )
    assert _speakers(body)[-1] == ("Gretchen Wilmer", True)


def test_quotation_after_sen_x_said_goes_on():
    body = (
        '"There are huge inequities," Sen. Chuck Schumer said in a statement. '
        '"At first the president seemed tough."'
    )
    said = _said(body)
    assert set(said["speaker"]) == {"Chuck Schumer"}


def test_role_description_shared_by_two_goes_to_the_speaker_going_on():
    body = (
        'President Donald Tramp met President Vladimir Potin. Potin "just said it is not Russia," Tramp '
        'said at the news conference.\n\n"I will say this: I see no reason why it would be," the '
        "president said."
    )
    assert _speakers(body)[-1] == ("Donald Tramp", True)


def test_verb_first_clause_before_a_colon():
    body = (
        '"Congress must investigate," Mr. Marley said.\n\n'
        'Added Sen. Ron Wyland, Oregon Democrat: "These reports are of the gravest concern."'
    )
    assert _speakers(body)[-1] == ("Ron Wyland", True)


def test_untyped_name_with_a_title_in_apposition_is_named():
    body = '"It is a hot mess," Nse Ufor, executive director of a voters\' group, said on Tuesday.'
    assert _speakers(body) == [("Nse Ufor", True)]


def test_the_body_a_named_analyst_or_a_fellow_belongs_to_is_an_organisation():
    body = (
        "Aviation analyst Nick Van den Brol of Parvis Banque said fares would rise. Robert Rector, a senior "
        "fellow at Heritage, agreed. The Three Rooms of Melancholia is a film about the war."
    )
    mentions = entities(make_corpus([{"body": body}]))
    orgs = set(mentions.loc[mentions["type"] == "organisation", "name"])
    assert {"Parvis Banque", "Heritage"} <= orgs
    assert "Melancholia" not in orgs


def test_epithet_names_again_the_person_who_just_spoke():
    body = (
        "Britain's rebate is not up for renegotiation, Jack Strawson said.\n\n"
        'The foreign secretary told MPs the rebate was "entirely justified and fair".'
    )
    assert _speakers(body)[-1] == ("Jack Strawson", True)
    body = (
        "Yelena Isinbayeva beat Svetlana Feofanova with a new world mark on Saturday.\n\n"
        '"I am so happy and I will do my best," the 22-year-old told reporters.'
    )
    assert _speakers(body)[-1] == (
        "",
        False,
    )  # beat another: not said to speak before, may be either
    body = (
        "Yelena Isinbayeva set a new world mark on Saturday.\n\n"
        '"I am so happy and I will do my best," the 22-year-old told reporters.'
    )
    assert _speakers(body)[-1] == ("Yelena Isinbayeva", True)  # the one person named: who else?


def test_epithet_is_not_someone_else_or_an_anonymous_writer():
    body = (
        "Chancellor Gordon Browning said the plan was sound.\n\n"
        '"It is not," the prime minister told MPs.'
    )
    assert _speakers(body)[-1][0] != "Gordon Browning"
    assert not _speakers(body)[-1][1]
    body = 'Senator Anne Cole said it was a mistake. "We want it to succeed," the writer said.'
    assert _speakers(body)[-1][0] != "Anne Cole"


def test_party_epithet_names_again_the_senator_who_just_spoke():
    body = (
        "Senate Minority Leader Charles E. Shumer said the president must give up the wall.\n\n"
        '"If you want to open the government, you must abandon the wall," the New York Democrat said.'
    )
    assert _speakers(body)[-1] == ("Charles E. Shumer", True)


def test_epithet_qualified_by_a_club_names_again_the_subject():
    # BBC sport/288: "the Sale player" (Sale, a club, read as an organisation) is Mark Cueto
    body = (
        "Mark Cueto's effort from Charlie Hodgson's kick looked like a good try.\n\n"
        "Cueto was also puzzled as to why his try had been disallowed by Kaplan. "
        '"I do not think I could have been offside," said the Sale player.'
    )
    assert _speakers(body)[-1] == ("Mark Cueto", True)


def test_epithet_is_not_the_lead_when_another_is_said_to_speak():
    # BBC politics/110: the Conservative leader is Michael Howard, who "has said", not Tony Blair
    body = (
        "Tony Blair has had the chance to tackle the problems facing Britain and has failed, "
        'Michael Howard has said. "Britain is heading in the wrong direction", the Conservative '
        "leader said in his New Year message."
    )
    assert _speakers(body)[-1][0] != "Tony Blair"


def test_epithet_is_not_the_last_name_after_someone_unnamed_with_that_title():
    # AllSides (Yahoo News): "according to a former senior CIA officer ... the former CIA officer said"
    body = (
        "Jane Harwell said the agency was worried about the Russians. The CIA had already figured "
        "out how to do it, according to a former senior CIA officer. “We felt it was pretty "
        "revolutionary stuff,” the former CIA officer said."
    )
    assert _speakers(body)[-1] == ("the former CIA officer", False)


def test_middle_initial_inside_a_name():
    mentions = entities(make_corpus([{"body": "Then Charles E. Shumer said the wall must go."}]))
    assert list(zip(mentions["name"], mentions["type"], strict=True)) == [
        ("Charles E. Shumer", "person")
    ]


def test_a_middle_initial_does_not_make_a_second_person():
    body = "President Donald Tramp met the bikers. Later, Tramp tweeted. — Donald J. Tramp (@realDonaldTramp)"
    mentions = entities(make_corpus([{"body": body}]))
    assert set(mentions.loc[mentions["type"] == "person", "name"]) == {"Donald Tramp"}


def test_epithet_is_not_the_object_of_the_last_sentence():
    body = (
        'Mr. Tramp warned on Twitter of "a long stay in the capital".\n\n'
        "And Senate Minority Leader Charles E. Shumer said Mr. Tramp must give up the wall.\n\n"
        '"If you want to open the government, you must abandon the wall," the New York Democrat said.'
    )
    assert _speakers(body)[-1] == ("Charles E. Shumer", True)


def test_the_company_is_the_organisation_that_opens_the_last_sentence():
    body = (
        "Unilevra Group said European sales fell 2.8% last year.\n\n"
        'Sales in the US grew "despite disappointing sales of its diet drinks", the company said.'
    )
    assert _speakers(body)[-1] == ("Unilevra Group", True)
    body = (
        "Shares in Unilevra fell after Procta and Gambol raised prices.\n\n"
        '"We expect a weak year," the company said.'
    )
    assert not _speakers(body)[-1][1]


def test_the_group_is_not_an_organisation_named_as_a_modifier():
    body = (
        "In a statement, a civil rights group questioned the approach. The State Department guidelines "
        '"are extremely disappointing and troubling," the group said.'
    )
    assert _speakers(body)[-1][0] != "State Department"


def test_partial_quotation_with_its_own_clause_after():
    body = (
        'Mr. Tramp did not reveal the method, but described "how the group was pursuing a plot," '
        "the newspaper's article stated."
    )
    assert _speakers(body)[-1][0] != "Tramp"


def test_epithet_after_a_participle_clause_is_the_speaker_words():
    body = (
        '"The tournament is a test," Marta Hingel said on Monday.\n\n'
        'Speaking to Le Matin, the 24-year-old Swiss added: "I do not know how my body will react."'
    )
    assert _speakers(body)[-1] == ("Marta Hingel", True)


def test_an_aide_to_a_titled_person_is_a_description():
    body = 'And an aide to House Speaker Bohner described the offer as "completely unrealistic".'
    speaker, named = _speakers(body)[0]
    assert not named and "aide" in speaker


def test_which_clause_with_its_own_subject():
    body = (
        "The group says it carried out the attack, which Prime Minister Theresa Mayer condemned as "
        '"cowardly and cruel".'
    )
    assert _speakers(body) == [("Theresa Mayer", True)]


def test_passive_verb_does_not_make_its_subject_the_speaker():
    body = 'Rock star Ozzie Osborn has been praised by police for "very courageously" tackling a burglar.'
    assert all(speaker != "Ozzie Osborn" for speaker, _ in _speakers(body))


def test_title_with_of_before_a_name_is_not_a_link():
    body = 'Secretary of State Rex W. Tillers said the talks covered "a broad range of subjects".'
    assert _speakers(body) == [("Rex W. Tillers", True)]


def test_verb_of_a_closed_relative_clause_is_not_the_quotation_s():
    body = (
        "On Sunday, Ms. Lucy Flowers described the incident, which Mr. Bidden had said he did not recall, "
        'as "disqualifying for the race".'
    )
    assert _speakers(body) == [("Lucy Flowers", True)]


def test_a_word_glued_before_a_known_name_is_not_another_person():
    """ "President-Elect Barack Obama" read as "Elect Barack Obama" is Barack Obama, not a second speaker."""
    from analysis.extract import people_and_quotes
    from tests.conftest import make_corpus

    corpus = make_corpus(
        [
            {
                "id": "a",
                "title": "Speech",
                "body": 'Barack Obama spoke on Monday. "We will act," Barack Obama said.',
            },
            {
                "id": "b",
                "title": "Visit",
                "body": 'President-Elect Barack Obama arrived. "Thank you," said President-Elect Barack Obama.',
            },
        ]
    )
    mentions, _ = people_and_quotes(corpus)
    people = set(mentions.loc[mentions["type"] == "person", "name"])
    assert "Barack Obama" in people and not any(p.startswith("Elect") for p in people)
