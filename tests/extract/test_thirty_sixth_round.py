"""Thirty-sixth round (issue 19, from the fifty-first and fifty-second keys after their unseen measures).

"Donald Trump, Jr." written with a comma is the son, not the father, and "Donald B. Verrilli, Jr., the
solicitor general" keeps its apposition. "Scientist", "historian", "pollster" are titles before a name
("Scientist Scott Rupp of the University of Alaska"). A quotation that opens by addressing someone ("“Hans,
can I ask …”") is not Hans's. A that-clause's quotation closed, then ", and the plan released by X pushes for
“…”": the second quotation is not the first verb's speaker's. "Sen.-elect Mitt Romney" is a titled name.
A surname alone is the suffixed full name ("Mr. Holder" after "Eric H. Holder Jr.") unless someone else in
the article has that surname, it is written alone with a title, or the article speaks of a father. "He"
before the body names anyone is the one person the headline names. "according to a White House fact sheet"
is the White House's.
"""

from __future__ import annotations

from tests.conftest import named_speakers, people_in, speakers_in


def test_a_generational_suffix_after_a_comma_names_the_son():
    body = (
        "Donald Trump spoke at the rally on Friday.\n\n"
        "Donald Trump, Jr. said in an interview: \u201cWe are doing fine.\u201d"
    )
    assert named_speakers(body) == [("Donald Trump Jr.", True)]


def test_a_suffixed_name_keeps_the_apposition_after_it():
    body = (
        "Donald B. Verrilli, Jr., the solicitor general, argued for the limits: \u201cThey prevent "
        "circumvention,\u201d he said, \u201cand they protect the system.\u201d"
    )
    assert named_speakers(body) == [("Donald B. Verrilli Jr.", True)] * 2


def test_a_scientist_is_a_title_before_a_name():
    body = (
        '"It is simply untrue," said Princeton professor Michael Oppenheimer.\n\n'
        "Scientist Scott Rupp of the University of Alaska admits that people here avoid the subject.\n\n"
        '"That is a hard thing for a place like this," he says.'
    )
    assert "Scott Rupp" in people_in(body)
    assert named_speakers(body)[-1] == ("Scott Rupp", True)


def test_a_quotation_addressing_a_name_is_not_that_persons():
    body = (
        "\u201cI gave you the information,\u201d press secretary Jay Carney said.\n\n"
        "\u201cPerhaps or for certain?\u201d Bloomberg reporter Hans Nichols asked. \u201cHans, can I "
        "ask what it is that you are trying to do?\u201d Nichols said he wanted a clear story."
    )
    speakers = named_speakers(body)
    assert speakers[1] == ("Hans Nichols", True)
    assert speakers[2] != ("Hans Nichols", True)


def test_a_new_subject_after_a_that_clause_quotation_is_not_the_verbs_speaker():
    body = (
        "President Donald Trump spoke about drug prices.\n\n"
        "Trump said in his speech Friday that \u201cwe will have tougher negotiation,\u201d and the "
        "policy blueprint released by the White House pushes for \u201callowing greater flexibility in "
        "benefit design.\u201d"
    )
    assert named_speakers(body) == [("Donald Trump", True), ("", False)]


def test_quoted_words_joined_by_and_stay_with_one_verb():
    """ "He called a guest a “moron” and an “idiot”": no clause of its own between them."""
    body = "Rudy Giuliani was on television. He called a fellow guest a \u201cmoron\u201d and an \u201cidiot\u201d."
    assert named_speakers(body) == [("Rudy Giuliani", True)] * 2


def test_an_elect_title_is_a_title():
    body = (
        "Sen.-elect Mitt Romney was scolded on Wednesday by his niece. \u201cIt is disappointing,\u201d "
        "she wrote. Mr. Romney said his op-ed \u201cspeaks for itself.\u201d"
    )
    assert "Mitt Romney" in people_in(body)
    assert named_speakers(body)[-1] == ("Mitt Romney", True)


def test_a_surname_alone_is_the_suffixed_name_nobody_else_claims():
    body = (
        "Attorney General Eric H. Holder Jr. testified on Tuesday.\n\n"
        "\u201cThe mechanisms we have in place are good ones,\u201d Mr. Holder said."
    )
    assert named_speakers(body) == [("Eric H. Holder Jr.", True)]


def test_a_surname_another_holds_is_not_the_suffixed_names():
    body = (
        "President Donald Trump spoke on Monday. Donald Trump Jr. met a Russian lawyer last year.\n\n"
        "\u201cIt was a nothing meeting,\u201d Trump said."
    )
    assert named_speakers(body) == [("Donald Trump", True)]


def test_a_surname_alone_in_an_article_speaking_of_a_father_is_left_alone():
    body = (
        "Donald Trump Jr. defended his father on Tuesday.\n\n"
        "\u201cHe is a great person who loves our country,\u201d Trump said."
    )
    assert named_speakers(body) != [("Donald Trump Jr.", True)]


def test_he_before_the_body_names_anyone_is_the_headlines_one_person():
    said = speakers_in(
        "Saying that the country must reject hatred, he said it must \u201cfind the moral conviction to "
        "choose a different path.\u201d\n\n\u201cThat is the path I call democratic socialism,\u201d he "
        "continued.\n\nMr. Sanders mentioned Mr. Trump by name eight times.",
        title="Bernie Sanders to Deliver Defense of His Democratic Socialist Philosophy",
    )
    assert [s[:2] for s in said[:2]] == [("Bernie Sanders", True)] * 2


def test_a_document_named_for_its_author_speaks_for_it():
    body = (
        "Obama wants reform.\n\n\u201cIndividuals must wait until the backlogs are cleared,\u201d "
        "according to a White House fact sheet."
    )
    assert named_speakers(body) == [("White House", True)]


def test_a_suffixed_name_beside_a_relative_makes_the_surname_alone_nobodys():
    """ "Donald Trump, Jr." and "Ivanka Trump" named: "Trump said" may be the father, so not Ivanka."""
    body = (
        "Hicks drafted the statement after news broke of Trump's eldest son, Donald Trump, Jr., meeting a "
        "Russian lawyer.\n\n"
        "\u201cShe is smart and thoughtful,\u201d Trump said in a statement.\n\n"
        "\u201cHope is loved by all who know her,\u201d the president's daughter, Ivanka Trump, tweeted."
    )
    assert named_speakers(body)[0] != ("Ivanka Trump", True)


def test_a_document_named_after_a_place_is_no_ones():
    body = (
        "The mayor spoke in Washington DC on Friday.\n\n"
        "\u201cThat means one long heat emergency,\u201d the DC resilience document warns."
    )
    assert named_speakers(body) != [("DC", True)]


def test_a_quotation_inside_a_question_is_the_askers():
    """ "When the ABC host George Stephanopoulos asked Mr. Farrow about “…,” Mr. Farrow replied": the host's
    words; "Pressed on whether NBC had let the story go “…”": the asker's, whom the text does not name."""
    body = (
        "When the ABC host George Stephanopoulos asked Ronan Farrow about \u201cthe suggestion that NBC was "
        "being blackmailed,\u201d Mr. Farrow replied, \u201cMultiple sources do say that.\u201d Pressed on "
        "whether NBC had let the story go \u201cbecause they were afraid of what would come out,\u201d Mr. "
        "Farrow said he could not know."
    )
    assert named_speakers(body) == [
        ("George Stephanopoulos", True),
        ("Ronan Farrow", True),
        ("", False),
    ]


def test_an_answer_after_the_question_is_the_answerers():
    body = "Senator John Smith spoke on Monday. When asked about the plan he said \u201cit is fine.\u201d"
    assert named_speakers(body) == [("John Smith", True)]


def test_whom_a_question_is_put_to_does_not_speak_it():
    """ "Murphy was asked if he would consider issuing $600 a week to those “who have lost wages”": the
    reporters' words, not the governor's."""
    body = (
        "Gov. Phil Murphy held a briefing on Monday. Murphy was asked if he would consider paying $600 a "
        "week to people \u201cwho have lost their wages in the pandemic\u201d at the briefing."
    )
    assert ("Phil Murphy", True) not in named_speakers(body)


def test_an_asker_is_the_subject_right_before_the_question():
    body = (
        "In 2010, President Barack Obama sent troops to the border, although Republican lawmakers "
        "questioned their role and whether they would in fact be \u201cboots on the ground that do any good.\u201d"
    )
    assert ("Barack Obama", True) not in named_speakers(body)
