"""Issue 19, fifth round (fourth development key, AllSides 2016): a clause about the speaker is no speaker.

A relative clause set off by commas between the subject and its reporting verb ("A State Department
official, who has seen the assessment of the murder of Jamal Khashoggi, has said") names nobody who
speaks; one that runs into the verb keeps it ("…, which he described as “…”"). A name with an apposition closed by
a comma right before the verb is its subject, whatever relative clause the apposition holds
("Representative Mike Rogers, the Michigan Republican who is chairman of the House Intelligence
Committee, said"). A name after a short opening phrase set off by a comma ("Earlier in the day, Mr.
Walker blamed …") is its sentence's subject, so a "he said" after it is his; not a name qualifying a role
("And earlier this week, Trump adviser Roger Stone said"), nor the subject of a quoted title ("“We Shall
Overcome” was first released")."""

from __future__ import annotations

from tests.conftest import speakers_in


def test_a_closed_relative_clause_before_the_verb_names_no_speaker():
    body = (
        "A State Department official, who has seen a version of the CIA's assessment on the murder of Saudi "
        'journalist Jamal Khashoggi, has said it is "blindingly obvious" that the crown prince ordered the '
        "killing.\n\n"
        "Researchers at the security company ThreatConnect, which has been analyzing the hacks, called the "
        "site a “Russian-backed influence outlet.”"
    )
    said = speakers_in(body)
    assert said[0][:2] == ("A State Department official", False)
    assert said[1][:2] == ("Researchers at the security company ThreatConnect", False)


def test_a_relative_clause_running_into_the_verb_keeps_its_subject():
    body = (
        "Republican nominee Donald Trump’s answer focused on terrorist attacks, which he described as the "
        "work of “radical Islamic terrorists.”"
    )
    assert speakers_in(body)[0][:2] == ("Donald Trump", True)


def test_a_relative_clause_inside_an_apposition_keeps_the_name_before_it():
    body = (
        "Some lawmakers expressed anger. “You have to have buy-in by members and buy-in by the public,” "
        "Representative Mike Rogers, the Michigan Republican who is chairman of the House Intelligence "
        "Committee, said Thursday on MSNBC.\n\n"
        "“This results in their paying tax at the US rate,” Eric Toder, a co-director of the Tax Policy "
        "Center who was the director of research at the IRS, told us.\n\n"
        "“It matters,” the analyst Jane Roe said about the report that the agency wrote."
    )
    said = speakers_in(body)
    assert [s[:2] for s in said[:2]] == [("Mike Rogers", True), ("Eric Toder", True)]
    assert said[2][:2] == ("Jane Roe", True)


def test_a_name_after_an_opening_phrase_is_its_sentences_subject():
    body = (
        "Wisconsin Gov. Scott Walker, who once opposed Mr. Trump’s candidacy, accompanied the nominee to "
        "several events.\n\n"
        "Earlier in the day, Mr. Walker blamed Mrs. Clinton’s rhetoric for “inflaming the situation.”\n\n"
        "“I think people understand that they want law enforcement to protect them,” he said on Fox News.\n\n"
        "On the day after the election, House Speaker Paul Ryan was like a kid on Christmas morning, eager "
        "to unwrap a GOP agenda now that voters have given Donald Trump a mandate. His eyes lit up as he "
        "promised to “hit the ground running.”"
    )
    said = speakers_in(body)
    assert [s[:2] for s in said[-2:]] == [("Scott Walker", True), ("Paul Ryan", True)]


def test_a_name_qualifying_a_role_or_a_title_opening_a_sentence_names_no_speaker():
    body = (
        "WikiLeaks founder Julian Assange has hinted that there are more emails coming. And earlier this "
        "week, Trump adviser Roger Stone seemed to confirm that when he said he had been in touch with "
        "Assange and learned that “the next tranche of his documents pertain to the Clinton Foundation…”"
        "\n\nBernie Sanders reads mail at his campaign office in Burlington in 1990.\n\n"
        "In 1987, Sanders and a group of Vermont musicians recorded a spoken-word folk album. “We Shall "
        "Overcome” was first released as a cassette that sold about 600 copies."
    )
    said = speakers_in(body)
    assert said[0][0] != "Donald Trump"
    assert said[-1][0] != "Bernie Sanders"
