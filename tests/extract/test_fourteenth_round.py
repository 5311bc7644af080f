"""Issue 19, fourteenth round: shapes read in reports of held-out-free AllSides slices and the eighteenth
development key (measured unseen at right 0.917 before it was read).

A first name only mostly given to one sex ("Lindsey", "Lynn") decides nobody's gender: the article's own
"he" or "she" in sentences naming that person alone does, and only when the article says nothing does the
name's leaning count.
"""

from __future__ import annotations

from analysis.extract import entities
from analysis.extract.gazetteer import first_names, leaning_names
from tests.conftest import make_corpus, speakers_in


def test_a_name_mostly_given_to_one_sex_leans_but_does_not_decide():
    assert first_names()["lindsey"] is None and leaning_names()["lindsey"] == "female"
    assert first_names()["maria"] == "female" and "maria" not in leaning_names()
    assert first_names()["mike"] == "male"  # a rare other use does not cancel the usual one


def test_the_articles_he_overrules_a_first_names_leaning():
    body = (
        "Sen. Lindsey Graham, R-S.C., a member of the Senate Armed Services Committee, spoke on Sunday.\n\n"
        "He said the mission would take years.\n\n"
        '"You cannot create an army to destroy ISIL without an American component," he said.'
    )
    assert speakers_in(body)[0][:2] == ("Lindsey Graham", True)


def test_the_leaning_holds_when_the_article_says_nothing_either_way():
    body = (
        "The first time New Hampshire state Sen. Martha Hennessey heard Sen. Cory Booker speak, he "
        "reminded her of a Baptist preacher. \u201cHe was so \u2018love and hope,\u2019\u201d she says. "
        "\u201cFrankly, I was almost in tears.\u201d"
    )
    assert speakers_in(body)[0][:2] == ("Martha Hennessey", True)


def test_a_she_never_goes_to_a_man_the_article_calls_he():
    body = (
        "Rep. Lynn Westmoreland, a Georgia Republican, drew the map in 2011. He said it was fair.\n\n"
        "Kathy Ashe, a state legislator, opposed it.\n\n"
        '"It was drawn for one party," she said.'
    )
    assert speakers_in(body)[0][:2] == ("Kathy Ashe", True)


def test_a_noun_in_ly_is_no_adverb_to_drop_from_a_speaker():
    body = (
        "Democrats blasted the FBI director on Friday.\n\n"
        '"It\'s so unfair to Hillary," fumed one Democratic ally. "There is no way she can be cleared."'
    )
    assert speakers_in(body)[0][:2] == ("one Democratic ally", False)
    body = '"Winter is coming," said one Trump ally.'
    assert speakers_in(body)[0][:2] == ("one Trump ally", False)


def test_verbs_that_report_speech_right_after_a_quotation():
    body = (
        "Senate Majority Leader Mitch McConnell appeared on NBC's Meet the Press.\n\n"
        "\"I couldn't disagree more with a statement like that,\" McConnell told NBC's Chuck Todd.\n\n"
        '"But is it a racist statement?" Todd pressed.\n\n'
        "State party chairman Jim Brulte was blunt.\n\n"
        '"Republicans in California have become experts at getting 25 percent," Brulte deadpanned.'
    )
    assert [s[:2] for s in speakers_in(body)] == [
        ("Mitch McConnell", True),
        ("Chuck Todd", True),
        ("Jim Brulte", True),
    ]


def test_a_crowd_chanting_is_not_the_sentences_subject_speaking():
    body = (
        "President Donald Trump presided Wednesday over a crowd chanting \u201cSend her back! Send her "
        "back!\u201d about a congresswoman."
    )
    assert ("Donald Trump", True) not in [s[:2] for s in speakers_in(body)]


def test_whom_a_report_quotes_as_saying_is_the_speaker():
    lewis = (
        "Karen Lewis leads the Chicago Teachers Union.\n\n"
        "The New York Times quotes the CTU's Lewis as saying the contingency plan is \u201ca mess\u201d and "
        "that officials expected families to \u201cput their children with random folks.\u201d"
    )
    assert [s[:2] for s in speakers_in(lewis)] == [("Karen Lewis", True)] * 2
    wire = (
        "Defence Minister Pavel Grachev visited the front.\n\n"
        'Interfax news agency quoted Grachev as saying: "The operation will end soon."'
    )
    assert speakers_in(wire)[0][:2] == ("Pavel Grachev", True)
    passive = (
        "Chief executive Geoff Dixon was quoted by The Australian newspaper as saying the carrier could no "
        'longer afford to remain "all-Australian".'
    )
    assert speakers_in(passive)[0][:2] == ("Geoff Dixon", True)


def test_a_persons_comments_that_hold_the_quotation_are_theirs():
    body = (
        "Attorney General Josh Hawley had called on the governor to resign.\n\n"
        "Republican reaction Tuesday echoed Mr. Hawley\u2019s comments that the governor had "
        "\u201cdone the right thing.\u201d"
    )
    assert speakers_in(body)[0][:2] == ("Josh Hawley", True)
    speech = (
        "Richard Black, a delegate from Virginia who chaired Cruz's campaign, said after Cruz's speech "
        'that it was "doubtful" he would support him again.'
    )
    assert speakers_in(speech)[0][:2] == ("Richard Black", True)


def test_a_man_named_by_no_rule_is_no_she():
    body = (
        "U.S. Chief Technology Officer Todd Park said on Oct. 6 that the website drew many more users.\n\n"
        "The release follows testimony by Health and Human Services Secretary Kathleen Sebelius "
        "Wednesday, in which she acknowledged that enrollment figures will be \u201cvery low\u201d."
    )
    assert speakers_in(body)[-1][:2] == ("Kathleen Sebelius", True)


def test_the_senate_is_a_body_web_labels_time_zones_and_dc_are_none():
    body = (
        "The Senate voted on Tuesday. (RELATED: Trump slams Pelosi)\n\nWATCH: the video\n\n"
        "PHOTOS: the scene\n\nAgents were sent to Washington, D.C., on Monday at 11:00 ET."
    )
    found = entities(make_corpus([{"body": body}]))
    organisations = set(found[found["type"] == "organisation"]["name"])
    assert organisations == {"Senate"}


def test_according_to_after_a_named_speakers_said_names_the_outlet_not_the_speaker():
    body = (
        "Mr. Ulyanov, the head of the Russian foreign ministry\u2019s disarmament department, said, "
        "\u201cThe removal has not yet begun,\u201d according to the Russian news agency RIA Novosti."
    )
    assert speakers_in(body)[0][:2] == ("Ulyanov", True)
    body = '"The removal has not yet begun," according to the Russian news agency RIA Novosti.'
    assert speakers_in(body)[0][:2] == ("RIA Novosti", True)


def test_a_person_opening_a_clause_of_their_own_before_a_partial_quotation_speaks_it():
    body = (
        "Elizabeth Warren and Bernie Sanders spoke at the dinner.\n\n"
        "Both expressed disdain for incremental politics, with Mr. Sanders saying that \u201ctinkering "
        "around the edges just won\u2019t do\u201d and Ms. Warren dismissing more modest policies as "
        "\u201ca nibble here and a nibble there.\u201d"
    )
    assert [s[:2] for s in speakers_in(body)] == [
        ("Bernie Sanders", True),
        ("Elizabeth Warren", True),
    ]


def test_scoffed_and_mused_carry_a_partial_quotation():
    body = (
        "Justice Antonin Scalia gave an interview.\n\n"
        'Asked about money and U.S. elections, Scalia scoffed that "women may pay more each year to buy '
        'cosmetics" than is spent on elections.'
    )
    assert speakers_in(body)[0][:2] == ("Antonin Scalia", True)


def _organisations(body: str) -> set[str]:
    found = entities(make_corpus([{"body": body}]))
    return set(found[found["type"] == "organisation"]["text"])


def test_a_bodys_name_runs_on_through_and_and_for_the():
    assert _organisations("The Department for Education and Skills said it would act.") == {
        "Department for Education and Skills"
    }
    assert _organisations("The Securities and Exchange Commission sued him.") == {
        "Securities and Exchange Commission"
    }
    assert _organisations("The Court of Appeals for the District of Columbia ruled.") == {
        "Court of Appeals for the District of Columbia"
    }
    assert _organisations("The case went to the Crown Prosecution Service.") == {
        "Crown Prosecution Service"
    }


def test_and_does_not_join_two_bodies_a_person_or_a_prize():
    assert "Fiat and General Motors" not in _organisations("Fiat and General Motors agreed a deal.")
    assert _organisations("The Ministry of Defence and Foreign Office disagreed.") == {
        "Ministry of Defence",
        "Foreign Office",
    }
    body = (
        "Statements made by Secretary of State Hillary Clinton and Democratic allies were checked."
    )
    assert speakers_in(f'{body}\n\n"No," Hillary Clinton said.')[0][:2] == ("Hillary Clinton", True)
    assert "DJ" not in _organisations("He works as a DJ in London.")


def test_a_magazine_an_exchange_or_a_website_named_after_its_noun_is_a_body():
    body = (
        "Meanwhile, German magazine Der Spiegel said part of the talks failed. Trades are cleared "
        "through the options and futures exchange Liffe."
    )
    assert {"Der Spiegel", "Liffe"} <= _organisations(body)


def test_the_billionaire_names_the_last_person_said_to_speak():
    body = (
        "Donald Trump is refusing to back down from his contention that the judge is biased.\n\n"
        '"He\'s got bias," Trump said of Curiel on CBS.\n\n'
        "And Trump went further when pressed on whether a Muslim judge would also be biased.\n\n"
        '"It\'s possible, yes. That would be possible, absolutely," the billionaire said.'
    )
    assert [s[:2] for s in speakers_in(body)] == [("Donald Trump", True)] * 2


def test_a_person_a_relative_clause_says_spoke_is_the_he_who_goes_on():
    body = (
        "Hillary Clinton testified before the Senate committee on Wednesday. She will appear on the Hill "
        "Thursday to introduce Sen. John Kerry (D-Mass.), who has been nominated to succeed her.\n\n"
        "One of the tensest exchanges came under questioning by Sen. Ron Johnson (R-Wis.), who asked why "
        "evacuees were not immediately questioned.\n\n"
        "\u201cA very simple phone call to these individuals would have ascertained it,\u201d he said."
    )
    assert speakers_in(body)[0][:2] == ("Ron Johnson", True)
