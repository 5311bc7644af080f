"""Thirty-second round (issue 19, from the forty-fourth key after its unseen measure): a name run into a
headline's capitalised words, in the headline a page repeats above its text ("Pope Francis Shines Light On
Migrant Suffering"), is cut back to the name the running text writes (it took every later "Francis" with
it, and the article had no person); "issuing a statement saying" is the subject's own statement; "“…,” Fox
News is told" names who heard the words, not who said them."""

from __future__ import annotations

import pytest

from tests.conftest import named_speakers, people_in

_POPE = (
    "In Christmas Day Message, Pope Francis Shines Light On Migrant Suffering\n\n"
    "In his annual Christmas Day address, Pope Francis offered a message of hope and a call for kindness "
    "to migrants suffering around the world.\n\n"
    "\u201cMay Christ bring his light to the many children suffering from war,\u201d Francis said."
)


def test_a_name_run_into_a_repeated_headline_is_cut_to_the_written_name():
    assert set(people_in(_POPE)) == {"Francis"}
    assert named_speakers(_POPE) == [("Francis", True)]


def test_a_title_case_line_without_the_name_in_running_text_keeps_no_person():
    """ "Cruz Takes Delegates In Wyoming" above a text that never writes Cruz alone: no person "Cruz Takes
    Delegates", and no name cut out of it."""
    body = (
        "Cruz Takes Delegates In Wyoming\n\nThe senator takes the delegates of the state, the party said "
        "on Saturday, and the delegates in Wyoming were pleased."
    )
    assert people_in(body) == []


def test_a_headline_run_is_cut_only_to_a_person_the_text_names():
    """ "Start Spreading News About ..." above "Start at the beginning: ...": a capitalised word opening a
    sentence is no person the text names, so nothing is cut out of the headline's run."""
    body = (
        "Start Spreading News About Hillary Clinton Book\n\nStart at the beginning: why did she run for "
        "the news about her book? Hillary Clinton said she would spread it."
    )
    assert people_in(body) == ["Hillary Clinton"]


@pytest.mark.parametrize(
    "body",
    [
        (
            "Raul Grijalva ignored the attack, issuing a statement saying \u201cthe American people know who "
            "I\u2019m here to serve.\u201d"
        ),
        (
            "Raul Grijalva ignored the attack, releasing a letter saying \u201cthe American people know who "
            "I\u2019m here to serve.\u201d"
        ),
    ],
)
def test_the_subject_issuing_a_statement_saying_is_the_speaker(body):
    assert named_speakers(body) == [("Raul Grijalva", True)]


def test_someone_else_calling_in_saying_stays_unclear():
    """The rule above is for the subject's own words only: "a woman calling into CNN saying" is hers."""
    body = "A woman calling into CNN saying \u201cthe American people know who I\u2019m here to serve.\u201d"
    assert named_speakers(body) == [("", False)]


@pytest.mark.parametrize("told", ["Fox News is told", "Fox News was told", "CNN has been told"])
def test_who_is_told_is_not_the_speaker(told):
    body = (
        "David Petraeus is expected to testify Saturday for three hours to \u201ctie up loose ends\u201d "
        f"from his visit in early January, {told}."
    )
    assert named_speakers(body) == [("", False)]


def test_a_progressive_verb_after_the_quotation_is_no_passive():
    """ "In his last line — “you’d be in jail” — he is outright saying": "is saying" is his own."""
    body = (
        "Donald Trump spoke at the debate. In his last line \u2014 \u201cyou\u2019d be in jail\u201d "
        "\u2014 he is outright saying that he would imprison his rival."
    )
    assert named_speakers(body) == [("Donald Trump", True)]


def test_words_asked_by_someone_are_theirs():
    """ "Walker responded when asked by Karl to describe the “ideal Republican presidential candidate”": the
    phrase inside the question is the asker's."""
    body = (
        "\u201cI think it\u2019s got to be an outsider,\u201d Scott Walker responded when asked by Jonathan "
        "Karl to describe the \u201cideal Republican presidential candidate in 2016.\u201d"
    )
    assert named_speakers(body) == [("Scott Walker", True), ("Jonathan Karl", True)]


@pytest.mark.parametrize(
    "body",
    [
        # another clause between the question and the phrase: the subject's own words
        (
            "Sen. Elizabeth Warren gives a blushing non-denial when asked by HuffPo about a possible run, but "
            "did denounce \u201cconcentrated money and power,\u201d seemingly a swipe."
        ),
        # a passive "asked by" in the sentence after a quotation is no clause of it
        (
            "When pressed on the issue, Elizabeth Warren asks, \u201cSo what exactly do you have on me?\u201d "
            "Also note that she when asked by HuffPo about it responded at length."
        ),
    ],
)
def test_an_asker_in_another_clause_is_not_the_speaker(body):
    assert named_speakers(body)[0] == ("Elizabeth Warren", True)


def test_told_in_a_relative_clause_leaves_the_words_to_the_sentence():
    """ "students who were told there would be no fees “have been given exactly the opposite”": the
    quotation goes on Hughes's sentence; what the students were told is not it."""
    body = (
        "Simon Hughes said many pensioners are means tested and students who were told there would not be "
        'tuition fees "have been given exactly the opposite".'
    )
    assert named_speakers(body) == [("Simon Hughes", True)]


def test_a_headline_run_is_cut_to_the_last_words_of_a_run_the_text_writes():
    """ "Franklin Graham Suspended By Facebook" over "Evangelist Franklin Graham has revealed ...": a title
    the rules do not know ("Evangelist") leaves the body's run untyped, yet its last two words are the name
    the headline's run opens with; one word opening a sentence ("Start at ...") is no name to cut to."""
    from analysis.extract.headings import heading_runs
    from analysis.extract.rules import Mention

    title = "Franklin Graham Suspended By Facebook"
    body = (
        "Evangelist Franklin Graham has revealed that he was suspended from Facebook for his posts. "
        "Start at the beginning: the news of it was spreading."
    )

    def mention(text: str, kind: str, field: str, start: int) -> Mention:
        m = Mention("a", text, kind, "", field, start, start + len(text), 0)
        m.name = text
        return m

    group = [
        mention(title, "person", "title", 0),
        mention("Start Spreading News", "person", "title", 0),
        mention("Evangelist Franklin Graham", "unknown", "body", 0),
        mention("Start", "unknown", "body", body.index("Start")),
    ]
    heading_runs(group, body)
    assert (group[0].name, group[0].type) == ("Franklin Graham", "person")
    assert group[1].type == "unknown"


def test_he_after_a_sentence_opened_by_he_said_is_that_he():
    """ "But Mr. Bennett denied that Mr. Carson planned to fire him. He said that when he told Mr. Carson
    ..., Mr. Carson asked him to reconsider. ¶ “…,” he said": the last sentence naming someone opens with
    "He said", so "he" is who that "He" is (Bennett), not the last man it names (Carson)."""
    body = (
        "Mr. Carson suggested that their jobs were on the line, telling reporters \u201ceverything is on "
        "the table.\u201d\n\nBut Mr. Bennett denied that Mr. Carson planned to fire him. He said that when "
        "he told Mr. Carson he was resigning in a phone call on Thursday morning, Mr. Carson asked him to "
        "reconsider.\n\n\u201cMy job was not in jeopardy,\u201d he said."
    )
    assert named_speakers(body) == [("Carson", True), ("Bennett", True)]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Democratic front-runner Hillary Clinton disagreed.", "Democratic front-runner"),
        ("Former vice-president Dick Cheney disagreed.", "Former vice-president"),
        ("His ex-wife Ivana Trump disagreed.", "ex-wife"),
        ("Tory co-chairman Liam Fox disagreed.", "Tory co-chairman"),
    ],
)
def test_a_hyphenated_role_is_kept_whole(sentence, role):
    """Roles as written: "front-runner" was "runner", "vice-president" "president", "ex-wife" "wife"; a
    hyphen inside the name itself ("In-Stat") is no role's."""
    from analysis.extract import entities
    from tests.conftest import make_corpus

    mentions = entities(make_corpus([{"body": sentence}]))
    assert list(mentions[mentions["type"] == "person"]["role"]) == [role]
