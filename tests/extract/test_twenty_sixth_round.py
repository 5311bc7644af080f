"""Twenty-sixth round (issue 19), read from the thirty-eighth development key after its unseen measure: an
office written without an article after a name is an apposition ("Rep. Bob Goodlatte, Judiciary committee
chairman, said"); "Podliska, the statement said, “…”" is the statement's, not Podliska's; a name before the
colon that opens a quotation may be the "she" after it; a headline's run of title-case words is no person; a
quotation after a sentence "he said" in its paragraph is his; "Still," opens no subject; a "he" in a clause of
its sentence is that sentence's subject."""

from __future__ import annotations

from analysis.extract import entities
from tests.conftest import make_corpus, named_speakers


def test_an_office_without_an_article_after_a_name_is_an_apposition():
    """ "Rep. Bob Goodlatte, Judiciary committee chairman and the Republican sponsoring the measure, said":
    the apposition was read as the speaker (unclear), as was "Judiciary committee chairman" alone."""
    for apposition in (
        "Judiciary committee chairman",
        "Judiciary committee chairman and the Republican sponsoring the measure",
    ):
        body = (
            f"Rep. Bob Goodlatte, {apposition}, said in a statement it \u201cbuilds upon and "
            "strengthens\u201d the work of the ethics office."
        )
        assert named_speakers(body) == [("Bob Goodlatte", True)], apposition


def test_a_name_before_the_statement_said_is_what_the_statement_says_of_him():
    """ "Podliska, the statement said, “… has continued to imagine ... allegations”": the words are the
    statement's about Podliska, not his (was a wrong name)."""
    body = (
        "Bradley Podliska, a former investigator, said he was fired for refusing to focus on Hillary "
        "Clinton.\n\n"
        "The committee, in a statement, said it \u201cvigorously denies all of his allegations.\u201d\n\n"
        "Podliska, the statement said, \u201chas continued to imagine a variety of new, outlandish "
        "allegations since his departure.\u201d"
    )
    assert named_speakers(body)[-1] == ("the statement", False)


def test_a_name_before_the_colon_opening_a_quotation_may_be_the_she_after_it():
    """ "Tina Brown, the editor-in-chief of The Daily Beast, did not explain the reasons for Kurtz's
    leaving: “…,” she said in a statement." (was unclear: a name in the quotation's own sentence is never
    the pronoun after it)."""
    body = (
        "Tina Brown, the editor-in-chief of The Daily Beast, did not explain the reasons for Kurtz\u2019s "
        "leaving: \u201cThe Daily Beast and Howard Kurtz have parted company,\u201d she said in a "
        "statement."
    )
    assert named_speakers(body) == [("Tina Brown", True)]


def test_a_headline_run_of_title_case_words_is_no_person():
    """ "Cruz Takes Delegates in Wyoming": typed a person, its last word then stood for "Delegates" opening
    a sentence in another article, and Scalia's "he added" went to "Cruz Takes Delegates"."""
    corpus = make_corpus(
        [
            {
                "title": "Cruz Takes Delegates in Wyoming, Rubio Wins Washington, D.C.",
                "body": "Ted Cruz won most of the delegates in Wyoming on Saturday, his campaign said.",
            }
        ]
    )
    people = entities(corpus).query("type == 'person'")
    assert "Cruz Takes Delegates" not in set(people["name"])
    assert "Ted Cruz" in set(people["name"])


def test_a_quotation_after_a_sentence_he_said_in_its_paragraph_is_his():
    """ "That is unproductive, he said, because most guns in America are semiautomatic. “We've had them
    for 130 years.”" (was unclear: the sentence before names nobody, only "he")."""
    body = (
        "Rep. Chris Collins will not attend the forum.\n\n"
        "\u201cThis rally is going to be an anti-gun rally,\u201d Collins said.\n\n"
        "That is unproductive, he said, because most guns in America are semiautomatic. "
        "\u201cWe\u2019ve had them for 130 years.\u201d"
    )
    assert named_speakers(body) == [("Chris Collins", True)] * 2


def test_a_sentence_adverb_opens_no_subject():
    """ "Still, Mike Kramer, CEO of 420Blockchain, ..., said the industry was concerned. “…,” he said." (was
    unclear: "Still," stood before the name as if it were a clause)."""
    body = (
        "Jonathan Rubin said the market would grow.\n\n"
        "Still, Mike Kramer, CEO of 420Blockchain, a Florida startup whose technology lets cannabis "
        "companies track their supply chain, said the industry was concerned, if determined. "
        "\u201cWe\u2019re going to be resilient,\u201d he said."
    )
    assert named_speakers(body) == [("Mike Kramer", True)]


def test_a_he_in_a_clause_of_its_sentence_is_that_sentence_s_subject():
    """ "Gubernatorial hopeful Attorney General Doug Gansler fired off an intra-party salvo when he said the
    roll out was akin to a “Saturday Night Live skit.”" (was unclear: Gov. Martin O'Malley named in the
    paragraph before)."""
    body = (
        "Maryland, home to presumed Democratic presidential contender Gov. Martin O'Malley, also had a "
        "bad roll out.\n\n"
        "Its exchange director is now gone. Gubernatorial hopeful Attorney General Doug Gansler fired "
        "off an intra-party salvo when he said the roll out was akin to a \u201cSaturday Night Live "
        "skit.\u201d"
    )
    assert named_speakers(body) == [("Doug Gansler", True)]


def test_the_agent_after_a_passive_speech_verb_is_the_speaker():
    """ "Kurtz was dubbed “the most important media reporter in America” by The New Republic" (was unclear:
    a passive verb names no speaker before it); "praised by police for" its “bravery” stays unclear."""
    body = (
        "In 2000, Howard Kurtz was dubbed \u201cthe most important media reporter in America\u201d by "
        "The New Republic."
    )
    assert named_speakers(body) == [("New Republic", True)]
    body = "Howard Kurtz was praised for his \u201cbravery\u201d by police on Monday."
    assert named_speakers(body) in ([], [("", False)])


def test_a_name_before_the_bracket_opening_a_quotation_may_be_the_he_in_it():
    """ "Kasich, who ... was ready to bail after Iowa (“…,” he fumed in New Hampshire)": Kasich, not "Bush"
    of "Still, Bush's backers knew" (a wrong name once "Still," opened no subject)."""
    body = (
        "In hindsight, none would have beaten Trump. Still, Jeb Bush\u2019s backers knew their man was "
        "roadkill by New Hampshire. John Kasich, who was ready to bail after Iowa (\u201cIf we get smoked "
        "up there, I\u2019m going back to Ohio,\u201d he fumed in New Hampshire), stayed in."
    )
    assert named_speakers(body) == [("John Kasich", True)]


def test_a_capitalised_office_before_for_or_of_is_an_apposition():
    """ "Bill Bryan, Under Secretary for Science and Technology at DHS, said": the office was read as the
    speaker ("for Science", a wrong name)."""
    body = (
        "Bill Bryan, Under Secretary for Science and Technology at DHS, said at the briefing, \u201cOur "
        "most striking observation is the effect of light.\u201d"
    )
    assert named_speakers(body) == [("Bill Bryan", True)]


def test_a_title_that_is_also_a_surname_alone_before_a_verb_is_the_surname():
    """ "King praised the white clergy ... He said that segregation was “on its deathbed”":
    "King" alone was read as a title naming no one, so "he" went to the professor quoted before (a wrong
    name); "the Pope said" stays a description."""
    body = (
        "Martin Luther King gave a speech in Selma. \u201cIt is Dr. King's most underappreciated "
        "speech,\u201d says Vorris Nunley, a professor.\n\n"
        "The speech was delivered on March 25, 1965, in Montgomery, Alabama.\n\n"
        "King praised the white clergy who traveled to Selma. He said that segregation was "
        "\u201con its deathbed\u201d and the movement must \u201cmarch on poverty.\u201d"
    )
    assert named_speakers(body)[1:] == [("Martin Luther King", True)] * 2
    assert named_speakers(
        "The Pope visited Brazil. \u201cWe must help the poor,\u201d the Pope said."
    ) == [("the Pope", False)]
