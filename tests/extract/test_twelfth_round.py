"""Issue 19, twelfth round: shapes read among an eleventh development key's misses (20 AllSides articles drawn
and annotated this round, measured unseen before it was read: speaker right 0.691, wrong 0.085).

A participle phrase opening the sentence holds objects, not the speaker ("Touting the deal on Twitter, the
president said"). "“…,” the Times reported" names the paper when the quotation opens its sentence; when the
sentence before it has a speaker of its own ("McCarty told his colleagues, “…,” the Bee reported") the paper
only relays. "the paper" is the one newspaper the article names. "“A.” ¶ “B,” he added": with nothing
written between them, "he" is the speaker going on. "took notes", "the notes be called": nouns, not cues. A
headline's verb glued to a name ("Ann Romney Delivers: ...") is not part of the name. "The North said" in an
article naming North Korea is North Korea, not a body called "North".
"""

from __future__ import annotations

from tests.conftest import speakers_in


def test_a_participle_phrase_before_the_subject_holds_no_speaker():
    body = (
        "Before signing the deal on Wednesday, Donald Trump said it should pass soon. Touting the "
        "agreement on Twitter, the president said, \u201cTrade deal next!\u201d"
    )
    assert speakers_in(body)[-1][0] != "Twitter"


def test_the_paper_reported_after_a_quotation_that_opens_its_sentence():
    body = (
        "The Los Angeles Times reported on the airlines' plans.\n\n"
        "Delta Air Lines announced in December that it plans to buy biofuel.\n\n"
        "\u201cThe announcement came only two months after Delta made another investment,\u201d the "
        "Times reported."
    )
    assert speakers_in(body)[-1][:2] == ("Los Angeles Times", True)


def test_a_paper_that_reports_what_someone_told_others_only_relays():
    body = (
        "Assemblyman Kevin McCartney argued for the bill, telling his colleagues in the chamber, "
        "\"Kids' meals shouldn't come with a side order of diabetes,\" the Sacramento Bee reported."
    )
    assert speakers_in(body)[-1][:2] == ("Kevin McCartney", True)


def test_the_paper_is_the_one_newspaper_named():
    body = (
        "In a New York Times piece, the paper reported on the talks.\n\n"
        "\u201cHe sensed,\u201d the paper continued, \u201can engineer\u2019s precision with little "
        "ideology.\u201d"
    )
    assert speakers_in(body)[-1][:2] == ("New York Times", True)


def test_he_added_right_after_a_named_speakers_quotation_goes_on():
    body = (
        "\u201cThe campaign appears to be dug in here,\u201d said veteran strategist Gary Pearson, a "
        "former adviser to Gov. Jim Hunter. \u201cThe talk here is they feel pretty confident.\u201d\n\n"
        "\u201cThe problem is,\u201d he added, \u201cwho is going to trust them with the money?\u201d"
    )
    assert speakers_in(body)[-2][:2] == ("Gary Pearson", True)


def test_took_notes_is_no_reporting_verb():
    body = (
        "President Trump responded Sunday to reports that FBI official Andrew McCain took notes of their "
        "conversations, saying he never saw McCain write down messages and suggesting the purported "
        "notes be called \u201cfake memos.\u201d"
    )
    assert speakers_in(body)[-1][0] != "Andrew McCain"


def test_a_headline_verb_is_not_part_of_the_name():
    title = "Ann Romney Delivers: 'She May Have Privilege, But She Understands'"
    body = (
        f"{title}\n\n"
        "The hall went quiet when Ann Romney spoke.\n\n"
        '"I want to talk to you about love," Ann Romney said.'
    )
    assert "Ann Romney Delivers" not in [s for s, _, _ in speakers_in(body, title)]


def test_the_north_is_the_korea_the_article_names():
    body = (
        "North Korea said it is willing to talk about its weapons, officials said Tuesday.\n\n"
        'The North said it would stop testing missiles for the duration of any "candid talks" with '
        "Washington."
    )
    assert "North" not in [s for s, _, _ in speakers_in(body)]


def test_a_quotation_ending_its_sentence_before_a_capital_is_no_nickname():
    body = (
        "Director of National Intelligence James Clapton called the Muslim Brotherhood \u201clargely "
        "secular.\u201d If he had been speaking of the Church of England, he might have been right."
    )
    assert speakers_in(body)[:1] == [("James Clapton", True, "called")]


def test_defined_as_hangs_a_partial_quotation_on_its_subject():
    body = (
        "The acerbic satirist Ambrose Pierce defined a revolution as \u201can abrupt change in the "
        "form of misgovernment.\u201d"
    )
    assert speakers_in(body)[-1][:2] == ("Ambrose Pierce", True)


def test_a_participle_chained_to_a_noun_is_not_the_sentence_subjects():
    body = (
        "Tara Reade spoke out again. Soon after, a blogger found a clip of a woman she says is her "
        "mother calling into CNN saying a \u201cprominent senator\u201d had wronged her daughter and "
        "\u201cshe never got over it.\u201d"
    )
    assert all(s not in {"Tara Reade", "CNN"} for s, _, _ in speakers_in(body))


def test_a_capital_markets_firm_is_a_body_that_speaks():
    body = (
        "Shares of Chewy Inc. are soaring.\n\n"
        "\u201cChewy\u2019s delivery model mitigates the health concern of consumers,\u201d RBC Capital "
        "Markets said in a report."
    )
    assert speakers_in(body)[-1][:2] == ("RBC Capital Markets", True)


def test_an_ing_noun_or_adjective_before_saying_is_no_chain():
    body = (
        "In a recent statement, Mr. Edward Snowdon praised the ruling saying, \u201cI acted on my belief "
        "that the programs would not stand a constitutional challenge.\u201d"
    )
    assert speakers_in(body)[-1][:2] == ("Edward Snowdon", True)


def test_a_paper_that_reports_someone_as_saying_names_that_someone():
    body = (
        "Donald Trump also met top figures in TV news on Monday.\n\n"
        "\u201cWe're in a room of liars, the deceitful dishonest media,\u201d The New York Post reports "
        "Trump as saying."
    )
    assert speakers_in(body)[-1][:2] == ("Donald Trump", True)


def test_a_lowercase_ing_adjective_opening_a_title_keeps_the_name():
    body = (
        "\u201cWe never intended to shut down the government,\u201d incoming Senate Minority Leader "
        "Charles E. Schumann, New York Democrat, said."
    )
    assert speakers_in(body)[-1][0] == "Charles E. Schumann"


def test_a_show_title_with_a_small_word_is_no_quotation():
    body = (
        "Fox News anchor Bret Bauer says the records were seized.\n\n"
        "\u201cWe have the documents now,\u201d he said on \u201cSpecial Report with Bret Bauer.\u201d"
    )
    assert len(speakers_in(body)) == 1


# From the twelfth key's misses (measured unseen first: right 0.747, wrong 0.061).


def test_a_parenthetical_pronoun_is_not_the_name_it_sets_off():
    body = (
        "Amanda Rentaria, who was national political director of the 2016 campaign, said that Biden "
        "\u201cmet expectations in Nevada.\u201d\n\n"
        "But Sanders, she said, is a \u201cformidable frontrunner.\u201d\n\n"
        "\u201cHe has been from the beginning,\u201d she said."
    )
    found = speakers_in(body)
    assert found[1][:2] == ("Amanda Rentaria", True)


def test_a_tweet_criticizing_someone_is_not_the_subjects_words():
    body = (
        "Ms. Ivanka Trumbull said her father clearly didn't think a star in one tweet criticizing "
        "Hillary Clinton as the \u201cmost corrupt candidate ever\u201d was the Star of David."
    )
    assert speakers_in(body)[-1][0] != "Ivanka Trumbull"


def test_the_subject_after_a_reported_that_is_the_speaker():
    body = (
        "In a story Sunday, Peter Bakker points out that Donald Trump, on his winning campaign trail, "
        "called ObamaCare \u201coutrageous\u201d and the Iran deal \u201cone of the worst "
        "transactions.\u201d"
    )
    assert [s for s, _, _ in speakers_in(body)] == ["Donald Trump", "Donald Trump"]


def test_a_that_clause_joined_back_by_and_keeps_the_reporting_subject():
    body = (
        "Minister of Justice Tzipi Livny said that Hamas needed to be removed from power, and urged "
        "cooperation in doing so: \u201cI don\u2019t want to leave a weakened Hamas if we can get rid "
        "of it altogether.\u201d"
    )
    assert speakers_in(body)[-1][0] != "Hamas"
