"""Issue 19, ninth round: shapes read among the development keys' and a seventh key's misses.

An adverb between "and" and the reporting verb keeps the verb joined to the sentence's subject ("Kudlow
specifically took issue with ..., and repeatedly called the Canadian's actions a “betrayal.”"); before,
the words after the last comma were read as the speaker ("took issue with Trudeau"). An epithet ("the
presidential hopeful explained") names the one person who spoke in the last sentence naming someone, even when
another is named there ("Carson said in a statement about the funeral of Freddie Gray"). "Began" reports a
quotation it follows ("“…,” he began."), never one after it ("a story that began: “…”", "X began to question
... “…”"). A body whose name opens with a title word ("Justice Department", "Department of Justice") is
named: "Justice" had been read as a judge's title, leaving "Department", which went unnamed or, with the State
Department named before, was given that department's name. "The organization said" names the body that opens the sentence before
with its reporting verb ("The Carter Center said ... at Emory University Hospital"), never one of two opening it
or one that does not speak. A relative clause opening on the reporting verb ("Pelosi, who tweeted that “…”")
speaks for the name before it, unless that name follows a preposition ("an aide to Schumer, who said").
"film-maker George Lucas" is a person ("maker" alone had made him a company), and a description before a plural
word is no one's title ("Star Wars" had been a person, "Wars", given Lucas's words; "Executive Orders",
"Republican Sens"), while an office before a surname still is ("Senator Sanders", "Justice Roberts").
"""

from __future__ import annotations

from analysis.extract import quotes
from tests.conftest import make_corpus, people_in, speakers_in


def test_an_adverb_after_and_keeps_the_verb_with_the_subject():
    body = (
        "White House economic adviser Larry Kudlow spoke on Sunday.\n\n"
        "Kudlow specifically took issue with Trudeau's comments at a post-summit press conference, and "
        "repeatedly called the Canadian's actions a “betrayal.”"
    )
    assert speakers_in(body)[0][:2] == ("Larry Kudlow", True)


def test_an_adverb_after_a_pronoun_subject_and_a_conjunction():
    body = (
        "Hillary Clinton spoke to reporters.\n\n"
        "She continues to deny she did anything wrong and falsely claims she turned over “all” of her "
        "emails to the State Department."
    )
    assert speakers_in(body)[0][:2] == ("Hillary Clinton", True)


def test_an_adverb_opening_the_clause_alone_does_not_join_it():
    body = (
        "Hillary Clinton spoke to reporters on Monday about the plan.\n\n"
        "Aides were upset with the press coverage, saying it was “unfair.”"
    )
    assert speakers_in(body)[0][1] is False


def test_an_epithet_names_the_speaker_of_the_sentence_before_over_others_named_there():
    body = (
        "Presidential hopeful Ben Carson is pleading with parents.\n\n"
        '"I urge parents to take control," Carson said in a statement about the riots following the '
        'funeral of Freddie Gray, who died in custody. "As a former resident, it is very sad," he said. '
        '"It is vital to remember that," the presidential hopeful explained.'
    )
    assert [s[:2] for s in speakers_in(body)] == [("Ben Carson", True)] * 3


def test_an_epithet_stays_unclear_when_two_people_speak_in_the_sentence_before():
    body = (
        "Presidential hopefuls Ben Carson and Ted Cruz spoke in Iowa.\n\n"
        '"We will win," Carson said, and Cruz said he agreed. '
        '"It is vital to remember that," the presidential hopeful explained.'
    )
    assert speakers_in(body)[-1][1] is False


def test_began_reports_a_quotation_it_follows():
    body = (
        "President Obama spoke in the Rose Garden this week as he stammered.\n\n"
        "“About three weeks ago, as the federal government shut down,” he began."
    )
    assert speakers_in(body)[0][:2] == ("Obama", True)


def test_began_before_a_quotation_reports_nothing():
    body = (
        "Jonathan Chait began to question identity politics around the time that “Shut up, white "
        "man!” came to be accepted as a response to his columns.\n\n"
        "Infowars, a site run by Alex Jones, ran a story that began: “Three million votes were cast "
        "by illegal aliens.”"
    )
    speakers = [s[0] for s in speakers_in(body)]
    assert len(speakers) == 2 and not {"Alex Jones", "Jonathan Chait"} & set(speakers)


def test_a_body_whose_name_opens_with_a_title_word_is_named():
    body = (
        "“We will comply,” the State Department said.\n\n"
        "“We regret the phrasing,” the Justice Department said.\n\n"
        "“No comment,” the Department of Justice said.\n\n"
        "Justice Antonin Scalia wrote that the law was “clear.”"
    )
    assert [s[:2] for s in speakers_in(body)] == [
        ("State Department", True),
        ("Justice Department", True),
        ("Department of Justice", True),
        ("Antonin Scalia", True),
    ]


def test_the_ministry_is_the_one_ministry_named_before():
    body = (
        "The Ministry of Environmental Protection said in July that it had set up inspection teams.\n\n"
        "The inspectors found 173 firms had broken the rules, according to the ministry's publication, "
        "China Environmental News.\n\n"
        "The ministry said 29 had been shut down in order to “rectify” their problems."
    )
    assert speakers_in(body)[0][:2] == ("Ministry of Environmental Protection", True)


def test_the_ministry_stays_unclear_between_two_ministries():
    body = (
        "The Ministry of Defence and the Ministry of Finance met on Monday.\n\n"
        "The ministry said the talks were “productive.”"
    )
    assert speakers_in(body)[0][1] is False


def test_the_candidate_names_a_senator_the_sentence_before_is_about():
    body = (
        "Sen. Amy Klobuchar spoke to a packed coffee house in Eau Claire. Klobuchar highlighted a "
        "family history in the Midwest.\n\n"
        '"I do not come from money," the candidate began.'
    )
    assert speakers_in(body)[0][:2] == ("Amy Klobuchar", True)


def test_an_adverb_after_a_body_inside_an_opening_phrase_names_no_speaker():
    body = (
        "After the DNC severely damaged that argument by rejecting the network's pitch for a debate, "
        "some of those very same news-side personalities went on the attack, accusing critics of “Fox "
        "derangement syndrome.”\n\n"
        "The weekend brought no respite for Fox."
    )
    # the phrase itself is a term with nobody clear (left out since the twentieth round): never the DNC's
    assert "DNC" not in [said[0] for said in speakers_in(body)]


def test_the_organization_is_the_body_opening_the_sentence_before_with_its_verb():
    body = (
        "Former President Jimmy Carter is recovering after surgery.\n\n"
        "The Carter Center said there are no complications, and Carter is recovering at Emory "
        "University Hospital.\n\n"
        '"He will remain in the hospital," the organization said in a tweet.'
    )
    assert speakers_in(body)[0][:2] == ("Carter Center", True)


def test_the_company_stays_unclear_when_the_body_opening_the_sentence_does_not_speak():
    body = (
        "GMAC has been a strong contributor to profits but GM said it will do less well.\n\n"
        '"Attaining earnings remains the goal," the company said.'
    )
    assert speakers_in(body)[0][1] is False


def test_it_is_no_body_when_two_open_the_sentence_before():
    body = (
        "The OI and the FBI agreed that they would address it in a footnote. It said: “The FBI "
        "speculates that he was looking for information.”"
    )
    assert speakers_in(body)[0][1] is False


def test_a_relative_clause_opening_on_the_verb_speaks_for_its_antecedent():
    body = (
        "Nancy Pelosi met reporters on Monday.\n\n"
        "Pelosi, who tweeted that “this is a disgrace,” was angry.\n\n"
        "An aide to Schumer, who said “no comment,” left."
    )
    found = speakers_in(body)
    assert found[0][:2] == ("Nancy Pelosi", True)
    assert found[1][0] != "Schumer"


def test_remembers_reports_the_quotation_it_follows():
    body = (
        "Jana Solis worked in the hotel industry.\n\n"
        "“He was flirting through the lunch,” Solis remembers."
    )
    assert speakers_in(body)[0][:2] == ("Jana Solis", True)


def test_a_film_maker_is_a_person_and_star_wars_no_one():
    body = (
        "The sixth and final Star Wars movie may not be suitable for young children, film-maker "
        "George Lucas has said.\n\n"
        '"I don\'t think I would take a five or six-year-old to this," he told the CBS programme.'
    )
    assert people_in(body) == ["George Lucas"]
    assert speakers_in(body)[0][:2] == ("George Lucas", True)


def test_a_description_before_a_plural_word_makes_no_person():
    body = (
        "Republican Sens gathered after Executive Orders were signed, and Star Wars fans cheered.\n\n"
        "Senator Sanders spoke later, and Justice Roberts wrote the opinion."
    )
    assert people_in(body) == ["Sanders", "Roberts"]


def _speakers_with_title(title: str, body: str) -> list[tuple[str, bool]]:
    said = quotes(make_corpus([{"title": title, "body": body}]))
    return list(zip(said["speaker"], said["speaker_named"], strict=True))


_CASTRO = (
    "Rep. Joaquin Castro posted the names of donors on Monday.\n\n"
    "MSNBC's Willie Geist interviewed Castro, who is the campaign chairman for his brother, 2020 "
    "presidential hopeful Julian Castro.\n\n"
    "“What do you want from them?” Geist asked.\n\n"
    "Castro again said, “That was not my intention,” and Geist again insisted, “But that's what will "
    "happen.”\n\n"
    "When Geist pointed out the retirees on the list, Castro simply said, “I didn't make the graphic.”"
)


def test_a_shared_surname_goes_to_the_one_the_headline_names_far_from_the_other():
    found = _speakers_with_title("Joaquin Castro facing backlash for posting donor names", _CASTRO)
    assert found[1:] == [
        ("Joaquin Castro", True),
        ("Willie Geist", True),
        ("Joaquin Castro", True),
    ]


def test_a_shared_surname_stays_unclear_without_the_headline():
    found = _speakers_with_title("Donors named online", _CASTRO)
    assert [named for _, named in found[1:]] == [False, True, False]


def test_a_shared_surname_stays_unclear_next_to_the_other_bearer():
    body = (
        "Rep. Joaquin Castro posted the names of donors.\n\n"
        "His brother Julian Castro was asked about it. “I didn't make the graphic,” Castro said."
    )
    found = _speakers_with_title("Joaquin Castro facing backlash", body)
    assert found[0][1] is False


def test_a_headline_fragment_shares_no_surname():
    body = (
        "State of the Union: Barack Obama sells optimism.\n\n"
        "The Iran incident complicated Obama's speech. “We made change work for us,” Obama said."
    )
    found = _speakers_with_title("The Iran incident complicated Obama", body)
    assert found == [("Barack Obama", True)]


def test_two_word_reporting_verbs_report_the_quotation_after_them():
    body = (
        "President Donald Trump and Sen. Chuck Schumer argued about taxes.\n\n"
        "Trump fired back in a separate tweet on Monday: “The Democrats only want to increase taxes.”\n\n"
        "Schumer weighed in on Twitter: “This is a disgrace.”\n\n"
        "Trump fired Comey in May. “He was a showboat,” a friend said."
    )
    assert [s[:2] for s in speakers_in(body)] == [
        ("Donald Trump", True),
        ("Chuck Schumer", True),
        ("a friend", False),
    ]


def test_a_pronoun_opening_the_sentence_speaks_for_its_participle():
    body = (
        "Chelsea manager Jose Mourinho expects a fight to the finish.\n\n"
        "Mourinho never coached Barcelona, assisting both Sir Bobby Robson and Louis van Gaal. But he "
        'is not envious, insisting: "I do not have to be jealous about Barcelona."'
    )
    assert speakers_in(body)[0][:2] == ("Jose Mourinho", True)


def test_a_pronoun_before_another_quotation_does_not_speak_for_the_participle():
    body = (
        "Health Secretary John Reid warned Labour members. He told BBC News: "
        '"Those who co-operate damage the party." Mr Blair on Sunday dismissed claims of broken '
        'promises, saying: "I dealt with this six months ago."'
    )
    assert speakers_in(body)[1][:2] == ("Blair", True)
