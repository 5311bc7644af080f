"""Twenty-first round (issue 19): a description opening a sentence that fits one person named before ("The
president also said ..." after President Barack Obama) is that person, not someone new whom a later "he"
might be."""

from __future__ import annotations

from tests.conftest import named_speakers, people_in, speakers_in

OBAMA = (
    "President Barack Obama told CNN's Jake Tapper on Friday that he was hopeful about immigration reform.\n\n"
    "Obama said he was encouraged by Speaker John Boehner and other House Republicans.\n\n"
    "{between} also said that reform needs to be a \u201cserious conversation\u201d with families.\n\n"
    "\u201cIf you want to go to the Olympics, you should go to the Olympics,\u201d the president said. "
    "He also said it is important for those traveling to be aware of any safety measures.\n\n"
    "He said he will always feel better when such an event is held in the U.S. because \u201cwe have full "
    "control over what happens.\u201d"
)


def test_a_description_of_the_one_titled_person_named_before_is_no_one_new():
    """ "The president also said ..." after President Barack Obama: Obama, so the "He said" after it is
    Obama's too (it was abstained on: a described person between, who might be "he"; six quotations of one
    dev30 article)."""
    assert named_speakers(OBAMA.format(between="The president")) == [("Barack Obama", True)] * 3


def test_a_description_of_nobody_named_before_still_abstains():
    """ "The spokesman also said ...": someone new, whom the "He said" after may be: unclear, as before."""
    assert named_speakers(OBAMA.format(between="The spokesman"))[-1] == ("", False)


def test_a_person_acting_in_a_clause_ending_in_a_colon_speaks():
    """ "In a third Twitter blast, Trump also took aim at a familiar target: “…”": Trump's words, though no
    reporting verb introduces them (they were unclear)."""
    body = (
        "President Donald Trump spent Sunday at his golf club in Virginia.\n\n"
        "In a third Twitter blast, Trump also took aim at a familiar target: \u201cThe Fake News Media is "
        "the enemy of the American people and must be stopped.\u201d"
    )
    assert named_speakers(body) == [("Donald Trump", True)]


def test_after_a_colon_a_read_document_or_another_named_person_gives_nobody():
    """Not the reader of a letter ("Mr. Smith read the letter aloud:"), nor the teller of another's story
    ("Remnick passed along the story of former Post reporter Tom Zito:")."""
    quote = (
        "\u201cWe will not stand by while our town is sold off piece by piece to developers.\u201d"
    )
    read = f"John Smith, the mayor, spoke on Monday.\n\nMr. Smith read the letter aloud: {quote}"
    assert named_speakers(read) == [("", False)]
    story = (
        "David Remnick edits The New Yorker.\n\nRemnick passed along the story of former Post reporter "
        f"Tom Zito: {quote}"
    )
    assert named_speakers(story) == [("", False)]


def test_two_phrases_quoted_with_and_between_share_the_source_named_after_them():
    """ "Because the government “wasted so much time ...” and “massively botched the rollout ...,” he said":
    both phrases are his (the first was unclear); not when another clause comes between."""
    body = (
        "John Oliver returned to the air on Sunday.\n\n"
        "Because the federal government \u201cwasted so much time that we could have spent "
        "preparing\u201d and \u201cmassively botched the rollout of testing for the virus,\u201d he said, "
        "our best shot at slowing this outbreak is strict social distancing."
    )
    assert named_speakers(body) == [("John Oliver", True)] * 2
    apart = body.replace("\u201d and \u201c", "\u201d while state officials \u201c")
    assert named_speakers(apart)[0] == ("", False)


def test_he_acting_in_a_clause_ending_in_a_colon_goes_on_with_the_speaker_before():
    """ "He reminded his audience ... of his campaign mantra: “…”" right after Johnson's quotation: his
    (the colon's clause is speech, so "he" may be the speaker before, as after "he said")."""
    body = (
        "Boris Johnson won the Conservative leadership race on Tuesday.\n\n"
        "\u201cWe are going to energise the country and get Brexit done,\u201d Johnson said.\n\n"
        "He reminded his audience of ministers and party staff of his campaign mantra: \u201cDeliver "
        "Brexit, unite the country and defeat Jeremy Corbyn.\u201d"
    )
    assert named_speakers(body) == [("Boris Johnson", True)] * 2


def test_a_description_opening_a_quotation_is_no_one_the_reporter_describes():
    """ "“The king will be looking for reassurances ...,” says James Phillips ... ¶ “…,” he says": "The
    king" opens the quoted words, not a sentence of the reporter's about someone new; "he" is Phillips
    (was unclear)."""
    body = (
        "Iran will dominate the talks on Friday between Mr. Obama and Saudi Arabia's King Salman.\n\n"
        "\u201cThe king will be looking for reassurances that the Iran nuclear deal will not spell a sea "
        "change in US policy,\u201d says James Phillips, a senior research fellow at the Heritage "
        "Foundation in Washington.\n\n"
        "\u201cThe Saudis are fixated on Iran and feel threatened by its actions in the region,\u201d he says."
    )
    assert named_speakers(body) == [("James Phillips", True)] * 2


def test_after_a_colon_a_passive_verb_or_one_making_another_act_gives_nobody():
    """ "Shishani –reported killed yesterday:", "He pressed two more times, prompting the woman to chide him
    in a text:": not the subject's words (each gave a wrong name on AllSides)."""
    quote = "\u201cYou are married and you know it, so stop sending me these messages.\u201d"
    pressed = (
        "Abbas Malik, a city councilman, sent her a text on Friday.\n\n"
        f"He pressed two more times, prompting the woman to chide him in a text: {quote}"
    )
    assert named_speakers(pressed) == [("", False)]
    killed = f"Omar Shishani led the group.\n\nLater, Shishani reported killed yesterday: {quote}"
    assert named_speakers(killed) == [("", False)]


def test_a_colon_quotation_keeps_the_clause_as_its_cue():
    """The cue is the clause's verb with the colon that introduced the words ("took:")."""
    body = (
        "President Donald Trump spent Sunday at his golf club in Virginia.\n\n"
        "In a third Twitter blast, Trump also took aim at a familiar target: \u201cThe Fake News Media is "
        "the enemy of the American people and must be stopped.\u201d"
    )
    assert speakers_in(body) == [("Donald Trump", True, "took:")]


def test_a_committee_on_something_is_no_person():
    """ "the Republican National Committee on Trump's tax law": the run is a body, not a person named
    "National Committee on Trump" (every "Trump" of one AllSides article was given to that name)."""
    body = (
        "Donald Trump signed the tax law in December.\n\nA poll commissioned by the Republican National "
        "Committee on Trump's tax law found that most voters like it, Trump said on Monday."
    )
    assert "National Committee on Trump" not in people_in(body)


def test_mr_with_a_surname_is_not_a_woman_of_that_surname():
    """ "Mr. Obama" in an article whose only full name of that surname is Michelle Obama's: not her (every
    "Mr. Obama" of one AllSides article was Michelle Obama, so "he" could not be him)."""
    body = (
        "Michelle Obama campaigned in Virginia on Friday.\n\nMr. Obama seems to enjoy his unannounced "
        "stops even more. At a restaurant in Merrimack, he met a woman with two daughters."
    )
    assert people_in(body) == ["Michelle Obama", "Obama"]


def test_a_description_opening_the_quotation_being_given_is_no_one_new():
    """ "Jo Swinson, the leader of the Liberal Democrats, didn't buy it. ¶ “The prime minister has lost his
    majority ...,” she said": "The prime minister" opens the words "she" is given: Swinson (was unclear)."""
    body = (
        '"One thing is critical: we need to get behind the prime minister," Conservative MP Michael Gove '
        "told lawmakers Tuesday in the House of Commons.\n\n"
        "Jo Swinson, the leader of the Liberal Democrats, the party to whom Lee defected, didn't buy "
        "arguments such as Gove's\n\n"
        "\u201cThe prime minister has lost his majority with the honorable member from Bracknell joining "
        "the Liberal Democrats,\u201d she said on the chamber floor."
    )
    assert named_speakers(body) == [("Michael Gove", True), ("Jo Swinson", True)]


def test_after_a_colon_a_clause_opened_by_when_or_a_she_of_unknown_referent_gives_nobody():
    """ "Similarly, when Sanders positioned himself ..., Holt framed the reply ...:" is not Sanders's (the
    opening "when" clause's subject); "She tried the single-payer attack ...:" after Bernie Sanders is not his
    ("Bernie" has no sex in the gazetteer, so "she" cannot be checked against him: a colon's "she" names only
    someone known to be a woman). Both gave Sanders on the AllSides 2016 report."""
    holt = (
        "Lester Holt moderated the debate on Sunday, and Bernie Sanders answered.\n\n"
        "Similarly, when Sanders positioned himself as tougher on Wall Street than Clinton, Holt framed the "
        'reply to make it more useful to viewers: "Secretary Clinton, help the voter understand the daylight '
        'between the two of you."'
    )
    assert named_speakers(holt) == [("", False)]
    tried = (
        "Bernie Sanders released his health plan before the debate.\n\n"
        "Instead, Clinton had a debate where she tried to throw everything she could at him to see what "
        "stuck. She tried the single-payer attack, but given that Bernie released his plan before the debate, "
        "it sounded more convoluted than effective: \"I have to say I'm not sure whether we're talking about "
        'the plan you just introduced tonight."'
    )
    assert named_speakers(tried) == [("", False)]
