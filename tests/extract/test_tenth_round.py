"""Issue 19, tenth round: shapes read among the development keys' misses.

A title used as an epithet ("the right-wing prime minister said") names the one person of the sentence before
whose own roles hold that title, when every other person named there has roles that do not ("Netanyahu's
campaigning ... at the invitation of its Republican speaker, John Boehner, that angered President Barack
Obama"). A role written before a name and a comma ("its Republican speaker, John Boehner") is that person's
role, as an apposition after the name already was. "Counselor" is a role ("White House senior counselor
Kellyanne Conway" had been no one, so every "Conway said" went to her husband). A name followed by a long
apposition closed by its comma and a reporting verb ("Sen. Dianne Feinstein, the chairwoman of the Select
Committee on Intelligence, said") is that verb's subject, as a short apposition already made it. After an
honorific, a title that is also a common surname is the name ("said Mr. King" after "Rep. Peter King" had been
an unnamed description; "Mr. President" stays a title). A run led by a first name, after "the" and ending its
phrase ("the Clinton Foundation and the Clinton Pardons.") is no person: "Clinton Pardons" was given Peter
Markowitz's words in another article. A state and party epithet ("the Michigan Republican") names again the
subject of the sentence before, as a title does, even when that subject did not speak ("Chairman Fred Upton
began focusing on ..."). A quotation alone at the end of its paragraph, in double marks and at least six words
long, goes to the subject of the sentence before when that sentence has one reporting verb and ends on a
phrase it quotes ("Kudlow called Trudeau's press conference a “sophomoric, political stunt.” ¶ “President
Trump played that process in good faith. ...”"); not when the quotation has a clause of its own after it, is a
heading in single marks, or the sentence before has more than one verb.
"""

from __future__ import annotations

from tests.conftest import people_in, speakers_in

NETANYAHU = (
    "Israeli Prime Minister Benjamin Netanyahu condemned the agreement on Sunday.\n\n"
    '"The axis is very dangerous to humanity, and must be stopped," he said.\n\n'
    "Netanyahu's campaigning against the negotiations crested on March 3 with his speech to the U.S. "
    "Congress at the invitation of its Republican speaker, John Boehner, that angered President Barack "
    "Obama and many fellow Democrats.\n\n"
    "The right-wing prime minister, who won a fourth term in a March 17 election, said on Sunday he had "
    'spoken to senior U.S. lawmakers "and heard from them about the strong and continuous support".'
)


def test_a_title_epithet_names_the_one_person_holding_that_title():
    assert [s[:2] for s in speakers_in(NETANYAHU)][-1] == ("Benjamin Netanyahu", True)


def test_a_title_epithet_stays_unclear_when_another_role_is_unknown():
    body = NETANYAHU.replace("its Republican speaker, John Boehner", "John Boehner")
    assert speakers_in(body)[-1][1] is False


def test_a_title_epithet_stays_unclear_when_two_hold_the_title():
    body = NETANYAHU.replace(
        "its Republican speaker, John Boehner", "British Prime Minister John Major"
    )
    assert speakers_in(body)[-1][1] is False


KUDLOW = (
    "White House economic adviser Larry Kudlow spoke on Sunday.\n\n"
    "In a press conference, Justin Trudeau said Canada would move forward with retaliatory tariffs, saying "
    "Canada will “not be pushed around.”\n\n"
    "In response, Donald Trump attacked Trudeau on Twitter, calling him “dishonest & weak.”\n\n"
    "Kudlow called Trudeau’s press conference a “sophomoric, political stunt for domestic consumption.”\n\n\n\n"
    "“President Trump played that process in good faith. I am sorry, that’s a betrayal. That’s a double "
    "cross.”\n\n"
    "Kudlow indicated that the president would not back down."
)


def test_a_quotation_alone_in_its_paragraph_after_a_phrase_quoted_at_a_sentence_end():
    assert [s[:2] for s in speakers_in(KUDLOW)][-2:] == [("Larry Kudlow", True)] * 2


def test_not_when_the_quotation_has_a_clause_of_its_own():
    body = (
        "Jordan and Cohen continued to battle throughout the hearing. After one exchange with another "
        'Republican, Jordan exclaimed: "His remorse is nonexistent!"\n\n'
        '"Shame on you, Mr. Jordan. That\'s not what I said," Cohen countered angrily.'
    )
    assert "Jim Jordan" not in [s[0] for s in speakers_in(body)[1:]]


def test_not_for_a_heading_in_single_marks():
    body = (
        "Associate Justice Elena Kagan spoke at Princeton University. Going forward, she said: “It’s not so "
        "clear whether we’ll have it.”\n\n"
        "‘Peeks behind the curtain’\n\n"
        "The issue that has kept the justices up at night is nothing new."
    )
    assert [s[0] for s in speakers_in(body)].count("Elena Kagan") == 1


def test_not_when_the_sentence_before_holds_two_reporting_verbs():
    body = (
        "Nicholas Burns spoke on Wednesday.\n\n"
        "Burns says that the news conference Trump gave, when he said he might let Russia keep Crimea, "
        "confirmed the “worst expectations.”\n\n"
        "“He is contradicting major American strategy since Truman, the view held by every president.”"
    )
    assert speakers_in(body)[-1][0] != "Donald Trump"


def test_a_two_word_reporting_verb_after_the_quotation():
    body = (
        "Michael Cohen testified on Wednesday. Jim Jordan questioned him.\n\n"
        '"Shame on you, Mr. Jordan. That is not what I said," Cohen shot back.'
    )
    assert speakers_in(body)[-1][:2] == ("Michael Cohen", True)


def test_not_after_to_or_a_modal():
    body = (
        '"It\'s a smart play," said James Nixie, head of the Russia and Eurasia Program at Chatham House. He '
        'said that while "Russia feels humiliated -- it has been exposed and it has been punished," Vladimir '
        "Putin can afford to wait a few weeks to hit back."
    )
    assert "Vladimir Putin" not in [s[0] for s in speakers_in(body)]


def test_a_counselor_is_a_person_role():
    body = (
        "A tense call between a reporter and White House senior counselor Kellyanne Conway was published on "
        "Thursday. It mentioned her husband George Conway.\n\n"
        "“Let me tell you something, from a powerful woman,” Conway said."
    )
    assert "Kellyanne Conway" in people_in(body)
    assert speakers_in(body)[-1][0] != "George Conway"


def test_a_long_apposition_closed_by_its_comma_keeps_the_name_the_subject():
    body = (
        "Sen. Dianne Feinstein, the chairwoman of the Select Committee on Intelligence, said legislation "
        "will be needed.\n\n"
        "“I think it is very serious,” the California Democrat told POLITICO."
    )
    assert speakers_in(body)[-1][:2] == ("Dianne Feinstein", True)


def test_a_long_stretch_without_its_closing_comma_does_not():
    body = (
        "Barack Obama, speaking at a rally in Ohio where supporters of Hillary Clinton said little, "
        "smiled.\n\n"
        "“I think it is very serious,” the Illinois Democrat told POLITICO."
    )
    assert speakers_in(body)[-1][1] is False


def test_a_title_that_is_a_surname_after_an_honorific_names_the_person():
    body = (
        "Rep. Peter King of New York blasted the senator's comments.\n\n"
        "“That was just a grab bag of misinformation and distortion coming from him,” said Mr. King."
    )
    assert speakers_in(body)[-1][:2] == ("Peter King", True)


def test_an_honorific_before_an_office_is_still_a_title():
    assert people_in("“Mr. President, we object to this,” said Senator Jane Doe.") == ["Jane Doe"]


def test_a_state_and_party_epithet_names_the_subject_before():
    body = (
        "Commerce committee Chairman Fred Upton began focusing on Secretary Sebelius after she went to Comedy "
        "Central last week.\n\n"
        "“Secretary Sebelius had time for Jon Stewart, and we expect her to have time for Congress,” the "
        "Michigan Republican has repeatedly said."
    )
    assert speakers_in(body)[-1][:2] == ("Fred Upton", True)


def test_a_party_epithet_without_a_state_still_needs_a_speaker():
    body = (
        "Commerce committee Chairman Fred Upton began focusing on Secretary Sebelius after she went to Comedy "
        "Central last week.\n\n"
        "“Secretary Sebelius had time for Jon Stewart,” the Republican has repeatedly said."
    )
    assert speakers_in(body)[-1][1] is False


def test_a_shop_is_no_speaker():
    body = (
        '"They shot me in the back," Michael Kozel, 57, the owner Independent Muffler Shop in the city\'s '
        "Southwest Side, told his son."
    )
    assert all(s[0] != "Muffler Shop" for s in speakers_in(body))


def test_ruled_and_ordered_report_the_quotation_before_them():
    body = (
        "The judge said Hinckley could be allowed to live on his own after one year.\n\n"
        '"Mr. Hinckley shall abide by all laws and shall not possess any firearm," Judge Paul Friedman '
        "ordered."
    )
    assert speakers_in(body)[-1][:3] == ("Paul Friedman", True, "ordered")


def test_us_before_a_title_does_not_end_the_sentence():
    body = (
        "The judge said Hinckley could be allowed to live on his own after one year.\n\n"
        '"Mr. Hinckley shall abide by all laws and shall not possess any firearm," Senior U.S. District '
        "Judge Paul Friedman ordered."
    )
    assert speakers_in(body)[-1][:2] == ("Paul Friedman", True)


def test_us_at_a_sentence_end_still_ends_it():
    from analysis.extract.sentences import ends_sentence

    text = "The company is based in the U.S. He said it would buy more."
    assert ends_sentence(text, text.index("U.S.") + 4)


def test_the_and_a_first_name_led_run_ending_its_phrase_is_no_person():
    body = (
        "You will also be hearing about the Clinton Foundation and the Clinton Pardons. Of course."
    )
    assert people_in(body) == []


def test_but_after_according_to_the_run_is_the_source():
    body = (
        'Ramsey says Berry was pushing her hand out. According to the Cleveland Plain Dealer, "Ramsey said '
        'Castro took off running while Ramsey kicked the door."'
    )
    assert speakers_in(body)[-1][:2] == ("Cleveland Plain Dealer", True)
