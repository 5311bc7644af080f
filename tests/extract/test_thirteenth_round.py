"""Issue 19, thirteenth round: shapes read among the misses of three AllSides development keys (the thirteenth,
measured unseen last round at right 0.865; the fourteenth and fifteenth, drawn this round and measured unseen
at right 0.802 and 0.775 before they were read).

An acronym in capitals is no relative pronoun ("WHO chief Tedros ... announced"). Speech verbs a partial
quotation hangs on ("emphasized that ... “…”", "applauded the government's “speed”"). A name right after
"that" and before a reporting verb in the past is that clause's subject ("responded to reports that Obama
told associates ... “…”"), not the sentence's; a name qualifying a possessed noun ("the Obama
administration's director of national intelligence") is not the speaker, and "one Trump ally told" names
nobody. "that"/"which" standing for a thing says the words itself ("an email ... that reportedly said:").
A full name no rule typed ("Founding Father Charles Thomson chose") stops an earlier speaker from going on
as "he". A nationality before a full name ("Argentine David Nalbandian") is no part of the name.
"""

from __future__ import annotations

from tests.conftest import people_in, speakers_in


def test_an_acronym_in_capitals_is_no_relative_pronoun():
    body = (
        "The World Health Organization on Thursday declared a global emergency.\n\n"
        '"The main reason is not what is happening in China," WHO chief Tedros Adhanom Ghebreyesus '
        "announced at a news conference in Geneva."
    )
    assert speakers_in(body)[0][:2] == ("Tedros Adhanom Ghebreyesus", True)


def test_a_partial_quotation_hangs_on_emphasized_and_applauded():
    body = (
        "WHO Director-General Tedros Adhanom Ghebreyesus spoke in Geneva on Thursday.\n\n"
        'Ghebreyesus applauded the Chinese government\'s "speed" in tackling the outbreak.\n\n'
        'He emphasized that the declaration was not meant to "unnecessarily interfere with '
        'international travel and trade."'
    )
    assert [s[0] for s in speakers_in(body)] == ["Tedros Adhanom Ghebreyesus"] * 2


def test_a_name_after_that_is_the_subject_of_its_own_reporting_verb():
    body = (
        "Senate Majority Leader Mitch McConnell spoke at a campaign event on Thursday.\n\n"
        "McConnell also responded to reports that Obama told associates privately that the "
        "response to the health emergency is an \u201cabsolute chaotic disaster.\u201d"
    )
    assert speakers_in(body)[0][0] == "Obama"


def test_a_name_qualifying_a_possessed_noun_is_not_the_speaker():
    body = (
        'President Barack Obama said on Friday: "We have struck the right balance."\n\n'
        "Meanwhile, the Obama administration's director of national intelligence says the agencies work "
        '"within the constraints of the law to collect information."'
    )
    assert speakers_in(body)[-1][:2] != ("Barack Obama", True)


def test_a_name_qualifying_an_ally_names_nobody_a_name_after_that_is_a_subject():
    body = (
        "President Donald Trump faces new committee chairs in January.\n\n"
        "\u201cWinter is coming,\u201d one Trump ally told the Washington Post before the election. Earlier, "
        "CNN reported that Lev Parnas had claimed a \u201csecret mission\u201d for Trump."
    )
    said = speakers_in(body)
    assert said[0][:2] != ("Donald Trump", True)
    assert said[1][0] == "Lev Parnas"  # "had" between the name and its verb


def test_that_standing_for_a_thing_says_the_words_itself():
    body = (
        "Marc Kasowitz was on defense last week after reports about his emails.\n\n"
        "Kasowitz lashed out after receiving an email from the individual that reportedly said: "
        "\u201cResign Now.\u201d"
    )
    assert speakers_in(body)[-1][:2] != ("Marc Kasowitz", True)


def test_a_full_name_no_rule_typed_stops_an_earlier_speaker_going_on():
    body = (
        "President Obama said the bill was \u201ca good start\u201d on Tuesday.\n\n"
        "The nation's motto needs to define that identity again.\n\n"
        "In designing the Great Seal of the United States, Founding Father Charles Thomson chose the words "
        "Novus ordo seclorum. But he insisted that it should really signify the \u201cbeginning of the new "
        "American Era.\u201d"
    )
    assert speakers_in(body)[-1][0] != "Obama"


def test_a_nationality_before_a_full_name_is_no_part_of_it():
    body = "Ninth seed Argentine David Nalbandian had never come back from two sets down."
    assert "David Nalbandian" in people_in(body)


def test_the_lawmaker_names_again_a_representative():
    body = (
        "Republican Florida Rep. Matt Gaetz introduced legislation on Wednesday.\n\n"
        "\u201cIt is unconscionable,\u201d the Republican lawmaker said in a statement."
    )
    assert speakers_in(body)[0][:2] == ("Matt Gaetz", True)


def test_put_it_and_struck_back_report_speech():
    body = (
        '"Boringness is a defence," Jeet Heer writes. Or, as Heer put it, "The constructed mask of '
        'boringness is also the mask of whiteness."\n\n'
        '"That goes to your character," Peter Strzok struck back.'
    )
    assert [s[0] for s in speakers_in(body)] == ["Jeet Heer", "Jeet Heer", "Peter Strzok"]


def test_a_bracketed_put_it_belongs_to_the_quotation_before():
    body = (
        "The war was declared by the Reagan administration, with rhetoric about a \u201cplague spread by "
        "depraved opponents of civilization itself\u201d (as Reagan put it) and a \u201creturn to "
        "barbarism in the modern age\u201d (the words of George Shultz, his secretary of state)."
    )
    assert speakers_in(body)[-1][0] != "Reagan"


def test_an_apposition_with_a_relative_clause_still_names_the_speaker():
    body = (
        "\u201cIt is true. She did send it,\u201d Burnadette Norris-Weeks, an attorney who works as counsel "
        "to the supervisor of elections office, said of the letter."
    )
    assert speakers_in(body)[0][:2] == ("Burnadette Norris-Weeks", True)


def test_a_modifier_is_no_name_and_a_role_said_of_a_person_is_theirs():
    body = (
        "Broward county: Florida election official Brenda Snipes has resigned.\n\n"
        "Snipes, 75, is the Broward county supervisor of elections. The top elections official endured "
        "national humiliation last week.\n\n"
        "She told the Guardian before quitting that racism is \u201cprobably\u201d a factor.\n\n"
        "In a short interview Snipes told the Guardian: \u201cYou know, the protesters have been claiming "
        "stuff all week.\u201d\n\n"
        "Asked if she felt it was racially motivated, the supervisor replied: \u201cProbably.\u201d"
    )
    assert [s[0] for s in speakers_in(body)] == ["Brenda Snipes"] * 3


def test_a_nickname_between_first_name_and_surname():
    body = (
        "As Bakersfield resident Craig \u201cBuster\u201d Barnard puts it: \u201cWe are in California, "
        "but we are not of California.\u201d"
    )
    assert speakers_in(body)[-1][:2] == ("Craig Barnard", True)


def test_a_ruling_quoted_in_its_that_clause_is_the_judges():
    body = (
        "This August, Superior Court Judge Michael Kenny ruled that the rail authority \u201cabused its "
        "discretion by approving a funding plan that did not comply with the law.\u201d"
    )
    assert speakers_in(body)[0][:2] == ("Michael Kenny", True)


def test_he_tells_the_couple_apart_and_the_president_names_him_again():
    body = (
        "Story highlights Obamas spoke to People Magazine\n\n"
        "Couple spoke about role of race in America\n\n"
        "They are the most powerful couple in the country but President Barack Obama and the First Lady "
        "Michelle Obama say they are sometimes treated like the help.\n\n"
        '"She did not see me as the first lady," Mrs. Obama said.\n\n'
        "The president said he had been mistaken for a valet.\n\n"
        '"There is no black male my age who has not been handed car keys," he told the magazine.\n\n'
        "Obama said those indignities do not compare to the struggle of a generation ago. But he said it "
        "is concerning.\n\n"
        '"It is one thing for me to be mistaken for a waiter at a gala," he said.'
    )
    said = [s[0] for s in speakers_in(body)]
    assert said == ["Michelle Obama", "Barack Obama", "Barack Obama"]


def test_a_sentence_glued_to_the_next_ends_there():
    body = (
        "Sen. Lindsey Graham challenged the president on Wednesday.\u201cI\u2019m urging the president,\u201d "
        "said the South Carolina Republican.Earlier this week, attorney Victoria Toensing said she had a "
        "client."
    )
    assert speakers_in(body)[0][0] == "Lindsey Graham"


def test_a_surname_ending_in_i_is_no_demonym():
    body = 'The deal was signed.\n\nHowever, Ghani said on Sunday: "The government has made no commitment."'
    assert speakers_in(body)[0][:2] == ("Ghani", True)


def test_a_surname_without_its_accent_or_with_a_slip_is_still_the_person():
    body = (
        "Lily Eskelsen Garc\u00eda, president of the National Education Association, spoke on Monday.\n\n"
        'Garcia also added, "They are going to look around and not know how to deal with it."\n\n'
        "Anthony Scaramucci was named communications director on Friday.\n\n"
        '"Full transparency: I am deleting old tweets," Scarmucci said in a tweet Saturday.'
    )
    assert [s[0] for s in speakers_in(body)] == ["Lily Eskelsen Garc\u00eda", "Anthony Scaramucci"]


def test_a_family_name_in_the_plural_is_no_slip_and_a_wing_is_a_position():
    body = (
        "Ann Romney and her son Tagg Romney were at the convention.\n\n"
        "But at this time, a friend and aide to the Romneys said, \u201cthe timing is not great, and I "
        "don\u2019t think she sees herself as a candidate\u201d.\n\n"
        "Wing Christophe Dominici says France can still win the title."
    )
    assert speakers_in(body)[0][:2] != ("Tagg Romney", True)
    assert "Christophe Dominici" in people_in(body)


def test_a_quotation_paragraph_after_a_speakers_quotation_and_clause_goes_on():
    body = (
        "Senator Kirsten Gillibrand introduced the bill.\n\n"
        '"We created this framework because that is what our allies have done," Gillibrand told weekends '
        "on All Things Considered host Jacki Lyden.\n\n"
        '"The UK, Israel, Australia, Canada, Germany, all have removed serious crimes outside of the chain '
        'of command."\n\n'
        "Beto O\u2019Rourke said private insurance was \u201cfundamental to our ability to get everybody "
        "cared for,\u201d but Bill de Blasio cut him off.\n\n"
        "\u201cCongressman O\u2019Rourke, private insurance is not working for tens of millions of "
        "Americans.\u201d"
    )
    said = [s[0] for s in speakers_in(body)]
    assert said[:2] == ["Kirsten Gillibrand", "Kirsten Gillibrand"]
    assert said[-1] != "Beto O\u2019Rourke"
