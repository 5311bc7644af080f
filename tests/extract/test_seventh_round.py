"""Issue 19, seventh round: shapes read on AllSides articles outside every key (seed 1, 60 articles).

Two initials stand for a first name ("H.R. McMaster", "J.K. Rowling"), never for a sentence's end, while a
place's initials ("U.S.", "D.C.") and a body's ("F.B.I.") still end one; where someone spoke after "said X"
("on ABC's “This Week”") is no part of the speaker; less common reporting verbs ("marveled", "chided",
"decried") attribute a quotation; and "she said" goes to the one person of the last sentence naming anyone
when only sentences opening with "she" stand between and her first name says she is a woman. Then: a title
goes on past a word of no title ("CNN Chief Political Analyst Gloria Borger"); a line of a few words with
no full stop ("Follow @politicalticker") breaks no chain of "he"; a surname that is also a common word
names its person before a verb ("Page has denied" after "Carter Page"); an apposition with a person's
role makes a person ("Alleigh Marre, a campaign spokeswoman"); a name after "said" that governs its own
verb ("said Ms. Warren is") opens the reported clause and speaks no later "she continued"; an apposition
after a name is not the speaker ("Kevin K. McAleenan, commissioner of Customs and Border Protection,
said"); and a bracket closing on a full stop ("(D-Calif.), however,") ends no sentence.
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


MCCAIN = (
    "Longtime Republican Sen. John McCain on Sunday described the enrollment process as a “fiasco”, as "
    "endorsed by conservatives like Sen. Ted Cruz.\n\n"
    "On CNN's “State of the Union,” McCain was not quite ready to call on Health and Human Services "
    "Secretary Kathleen Sebelius to step down, but he supports the idea of holding hearings.\n\n\n\n"
    "Follow @politicalticker Follow @KilloughCNN\n\n"
    "“Let's find out who is responsible for this fiasco,” he told CNN Chief Political Analyst Gloria "
    "Borger when asked about Sebelius.\n\n"
    "“But this is just the beginning of the problems,” he continued."
)


def test_a_title_goes_on_past_a_word_of_no_title():
    people = people_in(MCCAIN)
    assert "Gloria Borger" in people
    assert not any("Analyst" in p for p in people)


def test_a_line_of_a_few_words_does_not_break_the_he_chain():
    assert [s[:2] for s in speakers_in(MCCAIN)][-2:] == [
        ("John McCain", True),
        ("John McCain", True),
    ]


def test_a_surname_that_is_a_common_word_names_its_person():
    body = (
        "President Donald Trump said the documents were a scam.\n\n"
        "The application names former campaign adviser Carter Page.\n\n"
        "Page has denied that he acted improperly. He told Fox News last year that he “did nothing "
        "wrong.”"
    )
    assert speakers_in(body)[-1][:2] == ("Carter Page", True)


def test_an_apposition_with_a_role_makes_a_person_and_said_x_is_no_speaker():
    body = (
        "Mr. Brown’s campaign said Ms. Warren is “largely dependent on special interests,” in a statement "
        "by Alleigh Marre, a campaign spokeswoman. She continued, “No amount of money can wash away "
        "Professor Warren's record.”"
    )
    assert "Alleigh Marre" in people_in(body)
    assert speakers_in(body)[-1][0] != "Elizabeth Warren" and speakers_in(body)[-1][0] != "Warren"


def test_an_apposition_after_the_name_is_not_the_speaker():
    body = (
        "Kevin K. McAleenan, commissioner of Customs and Border Protection, said cartels are “profiting "
        "tremendously” off the misery of migrants."
    )
    assert speakers_in(body)[0][:2] == ("Kevin K. McAleenan", True)


def test_a_bracket_closing_on_a_full_stop_does_not_end_the_sentence():
    body = (
        "House Minority Leader Nancy Pelosi (D-Calif.), however, said in a statement that the documents "
        "“provide clear evidence of Russia’s coordination.”"
    )
    assert speakers_in(body)[0][:2] == ("Nancy Pelosi", True)


def test_a_titled_surname_that_is_a_common_word_stays_a_person():
    body = (
        "“The economy is now heading upward,” said central bank governor Park Seung. Officials at Hyde "
        "Park said “no”."
    )
    assert speakers_in(body)[0][:2] == ("Park Seung", True)
    assert "Hyde Park" not in people_in(body)


def test_a_short_quotation_with_its_clause_after_a_comma_outside_the_marks():
    body = (
        'The deal also proved claims of a clash were "wrong", Mr Blair said. It was an "historic '
        'British objective", he added. The so-called "nuclear option", Senator Smith said, is dead.'
    )
    assert [s[:2] for s in speakers_in(body)] == [("Blair", True), ("Blair", True)]


def test_he_goes_on_past_a_sentence_naming_whom_he_spoke_of():
    body = (
        "Lib Dem leader Charles Kennedy has said voters no longer trust Tony Blair.\n\n"
        'Mr Kennedy said he had seen leaders come and go. "We don\'t hear that argument any longer," he '
        "said. \"You don't hear that because it isn't a wasted vote.\" But he said Mr Blair had lost the "
        'trust of the British people. "There is a fundamental lack of trust in Tony Blair," he said.'
    )
    assert [s[:2] for s in speakers_in(body)][-1] == ("Charles Kennedy", True)


def test_a_line_in_capitals_is_passed_over_and_tweeting_reports_speech():
    body = (
        "In one of the more bizarre feuds of the Trump era, George Conway has repeatedly questioned the "
        "president’s mental health, all while his wife continues to work at the White House.\n\n"
        "KELLYANNE CONWAY'S HUSBAND RIPS TRUMP AGAIN, SAYS CONDITION GETTING WORSE\n\n"
        'He fired back within seconds Wednesday, tweeting: "You seem determined to prove my point."\n\n'
        'He added: "You. Are. Nuts."'
    )
    assert [s[:3] for s in speakers_in(body)] == [
        ("George Conway", True, "tweeting"),
        ("George Conway", True, "added"),
    ]


def test_an_ing_clause_takes_a_person_before_a_party_word_or_an_untyped_name():
    body = (
        "Other Democratic lawmakers are being gracious in defeat, but retiring Sen. Harry Reid unleashed "
        "fury on Friday, saying his election confirms the ascendance of “hate and bigotry in America.”\n\n"
        "Campaign manager Brad Parscale responded by claiming he was just sour grapes.\n\n"
        "Later, Trump retweeted Parscale, adding: “A total loser!”"
    )
    assert [s[:2] for s in speakers_in(body)] == [("Harry Reid", True), ("Trump", True)]


def test_a_signature_line_with_the_persons_affiliation():
    body = (
        "The race is open\n\n"
        "“Marine Le Pen is notably one to watch.” — Bruno Jeanbart, OpinionWay\n\n"
        "“All told, the House promised enough damning information.” — Editorial Board, Wall Street "
        "Journal"
    )
    assert [s[:2] for s in speakers_in(body)] == [
        ("Bruno Jeanbart", True),
        ("Wall Street Journal", True),
    ]


def test_a_tail_clause_with_where_it_was_said_an_adverb_and_more_partial_cues():
    body = (
        "“I suppose there will be” another budget fight over the wall, Mr. Kudlow said on “Fox News "
        "Sunday.”\n\n"
        "“Does it mean anything else than being an accomplice?” Gen. Soleimani reportedly asked.\n\n"
        "President Trump even weighed in, tweeting on Friday that the attack “will have a big effect on "
        "the election!”\n\n"
        "While in New Jersey, Trump summed up the rally as an “egregious display of hatred.”"
    )
    assert [s[1:3] for s in speakers_in(body)] == [
        (True, "said"),
        (True, "asked"),
        (True, "tweeting"),
        (True, "summed"),
    ]


def test_an_ing_clause_belongs_to_the_main_clauses_subject():
    body = (
        "Debbie Wasserman Schultz spoke of the importance of helping elect Hillary Clinton, adding: "
        "“Going forward, the best way for me is to step down.”\n\n"
        "After Omar Mateen shot up a nightclub in Orlando, Donald Trump reacted by tweeting “appreciate "
        "the congrats for being right.”\n\n"
        "In a letter to Rupert Murdoch, Roger Ailes said how “proud” he was, adding: “I will not allow "
        "my presence to become a distraction.”\n\n"
        "Saudi Arabia's Foreign Minister Adel al-Jubeir has rejected the reports, saying “such "
        "allegations have no basis in truth”."
    )
    said = [s[:2] for s in speakers_in(body)]
    assert said[0] == ("Debbie Wasserman Schultz", True)
    assert said[1] == ("Donald Trump", True)
    assert said[-2] == ("Roger Ailes", True)
    assert said[-1] == ("Adel al-Jubeir", True)


def test_an_ing_clause_after_a_quotation_is_no_clause_of_its_own():
    body = (
        'Asked about the reports, Paul Manafort said: "This is the first I\'m hearing about it," adding '
        "that some in the media are lying."
    )
    assert speakers_in(body)[0][:2] == ("Paul Manafort", True)


def test_he_whom_the_last_speaker_spoke_of_is_not_that_speaker():
    body = (
        "President Barack Obama spoke to reporters.\n\n"
        "“He’s in a really good place,” said David Axelrod, his top strategist. “He is taking stock.”\n\n"
        "For a president facing an ugly world, Iowa is an oasis he’s been visiting for years.\n\n"
        "“That spirit was true,” he told me."
    )
    assert speakers_in(body)[-1][:2] != ("David Axelrod", True)


def test_he_is_not_carried_from_the_object_of_a_preposition():
    body = (
        "Donald Trump gave a speech on foreign policy. Predictably, he criticized her record on Iraq, an "
        "implicit criticism of President George W. Bush as well. He also accused her of having “misled” "
        "the nation. Instead of “taking charge” that night, he said, “Hillary Clinton decided to go home "
        "and sleep,” he said."
    )
    assert speakers_in(body)[-1][0] != "George W. Bush"


def test_a_name_ending_an_apposition_before_told_is_no_person_by_that_verb():
    body = (
        "Roman, a contractor whose company had worked on projects on Manhattan’s West Side, told POLITICO "
        "that “my donation was personal.”"
    )
    assert "West Side" not in people_in(body)


def test_a_title_in_quotation_marks_with_its_byline_is_no_signature():
    body = (
        "Read our coverage of partisanship.\n\n"
        '1. "Why swing voters are vanishing from US politics," by Peter Grier, Staff writer'
    )
    assert all(not s[1] for s in speakers_in(body))


def test_a_name_used_as_a_modifier_names_no_speaker():
    body = (
        "Donald Trump spoke on Monday.\n\n"
        "Roman, a plumbing contractor whose company had worked on two Trump construction projects a "
        "decade ago, told POLITICO that “my donation was strictly on a personal basis.”\n\n"
        "The Clinton campaign tried to cast the loss in the best light, saying in a memo that the outcome "
        "was “long expected” and more."
    )
    assert all(s[0] != "Donald Trump" for s in speakers_in(body))


def test_a_titled_name_before_its_apposition_is_the_speaker():
    body = (
        "“Trump acknowledged that much change is needed. Just as President Duterte campaigned for real "
        "change,” Sen. Alan Peter Cayetano, a close Duterte ally, said following the call."
    )
    assert speakers_in(body)[0][:2] == ("Alan Peter Cayetano", True)


def test_affirmed_reports_speech_and_ends_a_run_of_quotations():
    body = (
        "Rep. Paul Ryan and Rep. John Dingell were there.\n\n"
        "“They voiced it? My God,” exclaimed an incredulous Rep. Paul Ryan as he cut through the lobby.\n\n"
        "“I've never seen anything as comical as this,” affirmed then-Rep. John Dingell, the dean."
    )
    said = speakers_in(body)
    assert said[0][:2] == ("Paul Ryan", True)
    assert said[1][0] != "Paul Ryan" and said[1][2] == "affirmed"


def test_a_name_after_and_right_before_the_verb_is_its_subject():
    body = (
        "Liverpool manager Rafael Benitez was proud.\n\n"
        'The Reds beat Olympiakos 3-1 with a late Steven Gerrard strike and Benitez said: "It was a '
        'really great night."'
    )
    assert speakers_in(body)[-1][:2] == ("Rafael Benitez", True)


def test_a_capitalised_article_glued_after_a_name_is_no_part_of_it():
    body = (
        '"The litigation risks are real," said Credit Suisse First Boston analyst Vadim Mitroshin The '
        "dispute with the Russian authorities is partly driven by politics."
    )
    assert speakers_in(body)[0][:2] == ("Vadim Mitroshin", True)


def test_a_name_with_two_appositions_and_accused_of():
    body = (
        "Amanda Miller, a spokeswoman for the Trump Organization, the umbrella company for the Trump "
        "family’s many business interests, said: “We have no knowledge of any transactions.”\n\n"
        "“I don’t mean you, Mr. Grassley,” Mr. Schumer said, as Senator Jeff Sessions, Republican of "
        "Alabama, accused Mr. Schumer of “demeaning the witnesses,” and Mr. Leahy banged his gavel."
    )
    said = [s[:2] for s in speakers_in(body)]
    assert said[0] == ("Amanda Miller", True)
    assert said[-1] == ("Jeff Sessions", True)


def test_two_roles_joined_by_and_are_one_persons():
    body = (
        "The awards were established seven years ago. \"This year's nominees reflect the growing "
        'strength of British filmmaking," said BIFA founder and director Elliot Grove.'
    )
    assert speakers_in(body)[0][:2] == ("Elliot Grove", True)


def test_a_line_ending_in_a_colon_introduces_the_quotation_under_it():
    body = (
        "The vote divided the city.\n\n"
        "The Washington Post reports:\n\n"
        '"Voters in rural and urban areas all showed strong support for scrapping the law."\n\n'
        "Assemblyman Kevin McCarty argued for the bill, telling his colleagues, \"Kids' meals "
        'should not come with diabetes," the Sacramento Bee reported.'
    )
    said = [s[:2] for s in speakers_in(body)]
    assert said[0] == ("Washington Post", True)
    assert said[1] == (
        "Kevin McCarty",
        True,
    )  # "reported" after a quotation names where it was read


def test_the_statement_is_by_whoever_issued_it():
    body = (
        "Facebook issued a statement Tuesday saying it had found the accounts.\n\n"
        '"We take these reports seriously," the statement said.'
    )
    assert speakers_in(body)[0][:2] == ("Facebook", True)


def test_a_body_alone_before_the_verb_after_an_opening_phrase():
    body = 'Hinting at better times for UK exporters, NIESR said the euro zone "is expected to pick up".'
    assert speakers_in(body)[0][:2] == ("NIESR", True)


def test_who_before_the_verb_stands_for_the_name_before_it():
    body = 'That charge was denied by Peter Mandelson, who said the Tories were "afraid" of Mr Campbell.'
    assert speakers_in(body)[0][:2] == ("Peter Mandelson", True)


def test_a_cue_with_nobody_named_goes_on_with_the_speaker_before():
    body = 'Tessa Jowell insisted: "We have a good track record." And continued: "We can be proud of it."'
    assert [s[:2] for s in speakers_in(body)] == [("Tessa Jowell", True), ("Tessa Jowell", True)]


def test_a_name_before_a_comma_and_an_ing_verb_is_not_that_verbs_subject():
    body = (
        "Debbie Wasserman Schultz announced Sunday she will soon step down.\n\n"
        'In a written statement, the party leader said she was "privileged to serve."\n\n'
        "She said her first priority is her district while stressing the importance of helping elect "
        'Hillary Clinton, adding: "Going forward, the best way for me is to step down."\n\n'
        'She said she would still "open and close the convention."'
    )
    assert all(s[0] != "Hillary Clinton" for s in speakers_in(body))


def test_a_name_qualifying_officials_or_a_campaign_is_no_referent():
    body = (
        "Rep. Devin Nunes spoke on Wednesday. President Donald Trump has demanded an inquiry.\n\n"
        "Mr. Nunes said it now appears others were unmasked. “I’m really bothered by the "
        "unmasking,” Mr. Nunes said.\n\n"
        "Asked whether this information backed up Trump officials’ accusations of spying, he replied, "
        "“I guess it all depends on one’s definition of spying.”"
    )
    assert speakers_in(body)[-1][:2] == ("Devin Nunes", True)
