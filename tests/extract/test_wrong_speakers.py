"""Issue 19, sixth round: shapes that gave a quotation a wrong named speaker.

Shaped on AllSides articles outside every key (seed 7): a name owning what follows a reporting verb ("said
McCain’s decision caught him off guard") is no subject of that verb, so a later "he said" stays with the
sentence's speaker; a person after the verb of the clause opening an "-ing" reporting clause is its object,
not its subject ("The person offered to arrange a meeting with Mr. Putin, saying …"); a team before a role
noun ("the Cleveland Cavaliers star wrote") names no speaker; The Hill's hover card after a linked name
("Rep. Charlie Dent Charles (Charlie) Wieder DentOvernight Health Care — … MORE") is no text: its headlines
held quotations given to "Swan MuellerSpeier" or "Democratic", and its names ran into the speaker's; a
party word is a group, not a person ("Republican and Democratic senators"), and a party or body before a
source's noun qualifies the source ("one GOP operative with close ties to the White House"); a "he said"
right after a quotation of someone's aide is the aide's, not the boss's ("President Castro's chief aide");
"into what he called “…”" is the pronoun's, not a name's in another clause ("Nancy Pelosi and other
Democrats"); a title after its owner's name is no person ("Herbert Chief of Staff Derek Miller"),
nor are a title's last words before "said" ("... for Foreign Affairs and Security Policy, said")."""

from __future__ import annotations

from tests.conftest import make_corpus, people_in, speakers_in


def test_a_possessive_after_said_is_no_speaker_for_a_later_he():
    body = (
        "Sen. John McCain voted no. He told reporters “I thought it was the right vote” while leaving.\n\n"
        "Sen. Bill Cassidy of Louisiana said McCain’s decision caught him off guard, telling reporters "
        "he’s frustrated with the outcome.\n\n"
        "“Obviously I thought he was going to vote yes,” he said. “We thought we had it in a good place.”"
    )
    assert speakers_in(body)[1][:2] == ("Bill Cassidy", True)


def test_an_object_before_an_ing_clause_is_not_its_speaker():
    body = (
        "The House Judiciary Committee said Sunday that it would be an impeachable offense if President "
        "Trump is found to be complicit in a felony.\n\n"
        "The unidentified individual told Mr. Cohen he could secure Russian President Vladimir Putin’s "
        "approval for the project. The person offered to arrange a meeting with Mr. Putin, saying it "
        "could have a “phenomenal impact.”\n\n"
        "Mr. Trump said over the weekend that there is nothing in the recent filings that show he colluded "
        "with Russia to influence the 2016 campaign.\n\n"
        "“On the Mueller situation, we are very happy with what we are reading because there was no "
        "collusion whatsoever — there never has been,” the president told reporters. “The last thing I want "
        "is help from Russia on a campaign.”"
    )
    said = speakers_in(body)
    assert said[0][:2] == ("The person", False)
    assert said[1][0] != "Vladimir Putin"  # he "spoke last" only by the mistake before


def test_the_subject_of_its_own_verb_or_after_but_still_speaks_in_an_ing_clause():
    body = (
        "The United States has reported more cases only because of its testing, President Donald Trump "
        "said on Wednesday, hailing the effort as “much better than any other country.”\n\n"
        "Other lawmakers are gracious in defeat, but retiring Sen. Harry Reid unleashed fury on Friday, "
        "saying the result confirms “hate and bigotry in America.”\n\n"
        "The newspaper Javan quoted Gen. Qassim Soleimani as saying the U.S. did not do a “damn thing.”"
    )
    assert [s[:2] for s in speakers_in(body)] == [
        ("Donald Trump", True),
        ("Harry Reid", True),
        ("Qassim Soleimani", True),
    ]


def test_a_team_before_a_role_noun_is_no_named_speaker():
    body = (
        "“That candidate is Hillary Clinton,” the Cleveland Cavaliers star wrote in an op-ed Sunday, "
        "published by Business Insider."
    )
    assert speakers_in(body)[0][:2] == ("the Cleveland Cavaliers star", False)


def test_a_linked_names_hover_card_is_no_text():
    body = (
        "“The messaging from the White House is not reassuring,” said Rep. Charlie Dent Charles (Charlie) "
        "Wieder DentOvernight Health Care — Federal judge blocks Trump from detaining migrant children | "
        "Senator says impeachment inquiry is 'a circus' MORE (R-Pa.).\n\n"
        "Former Rep. Mike Rogers Michael (Mike) Dennis RogersHouse panel rips DHS's 'unacceptable' "
        "response MORE said he was never told. “The Russian efforts are breathtaking,” he said."
    )
    said = speakers_in(body)
    assert [s[:2] for s in said] == [("Charlie Dent", True), ("Mike Rogers", True)]


def test_a_party_before_a_source_noun_is_no_named_speaker():
    body = (
        "Several Republican and Democratic senators spoke of a deal.\n\n"
        "“Anyone would become frustrated if you were accused of being a wuss,” says a senior Democratic "
        "policy adviser.\n\n"
        "“If you don’t have the stomach to work inside the eye of the hurricane, then you don’t have what it "
        "takes,” said one GOP operative with close ties to the White House."
    )
    assert [s[:2] for s in speakers_in(body)] == [
        ("a senior Democratic policy adviser", False),
        ("one GOP operative with close ties to the White House", False),
    ]


def test_a_party_word_after_another_is_no_person():
    assert "Democratic" not in people_in("Several Republican and Democratic senators spoke.")


def test_he_after_a_quotation_of_someones_aide_is_not_the_boss():
    body = (
        "Fidel Castro's decision to ban cash transactions in US dollars has turned the spotlight on Cuba's "
        "economy. In a live television broadcast, President Castro's chief aide said it was necessary "
        'because of the United States\' increasing "economic aggression". "The ten percent obligation '
        'applies exclusively to the dollar," he said.'
    )
    said = speakers_in(body)
    assert said[0][:2] == ("President Castro's chief aide", False)
    assert said[1][:2] == ("", False)


def test_what_he_called_is_the_pronouns_not_a_name_of_another_clause():
    body = (
        "Sam Graves, the top Republican on the transportation panel, spoke next. Graves blamed House "
        "Speaker Nancy Pelosi and other Democrats for turning what has traditionally been a bipartisan "
        "issue in Congress — infrastructure — into what he called “a partisan wish list.”"
    )
    assert speakers_in(body)[0][:2] == ("Sam Graves", True)


def test_a_title_after_its_owners_name_is_no_person():
    body = (
        "Utah Gov. Gary Herbert said the state would comply. Herbert Chief of Staff Derek Miller went a step "
        "further on Wednesday, saying in an email to Cabinet members that the ruling means Utah cannot "
        "recognize the marriages.\n\n"
        '"Based on counsel from the Attorney General\'s Office, state recognition is ON HOLD," he wrote.'
    )
    assert "Herbert Chief" not in people_in(body)
    assert speakers_in(body)[0][0] != "Herbert Chief"


def test_the_last_words_of_a_title_before_said_are_no_person():
    body = (
        "Federica Mogherini, High Representative of the European Union for Foreign Affairs and Security "
        "Policy, said the developments in Hong Kong have been “extremely worrying.”\n\n"
        "“We expect the authorities in Hong Kong to respect the freedom of assembly,” she said."
    )
    assert "Security Policy" not in people_in(body)
    assert speakers_in(body)[1][0] != "Security Policy"


def test_a_surname_that_looks_plural_speaks_when_its_first_name_was_written():
    body = (
        "Maxine Waters spoke in Los Angeles on Friday. Recalling the people at the rally that night, "
        'Waters said: "They were angry and they had every right to be."'
    )
    assert speakers_in(body)[0][:2] == ("Maxine Waters", True)


def test_a_plural_looking_name_before_a_noun_is_no_speaker():
    body = (
        "Bernie Sanders won the state. Rachel Reekie, a Sanders supporter and student, said she was "
        '"fully aware" of the allegations.'
    )
    assert speakers_in(body)[0][:2] == ("Rachel Reekie", True)


def test_a_title_another_of_the_surname_carries_names_that_person():
    """ "President Obama" in an article that names only Michelle Obama in full is Barack Obama when the
    corpus writes him with that title and her never; "Secretary Clinton" beside Bill Clinton likewise is
    Hillary. A title the article's own person carries elsewhere ("Gen. Kelly" beside "John F. Kelly", the
    corpus writing "Gen. John Kelly") keeps the article's person."""
    from analysis.extract import quotes

    articles = [
        {
            "body": "President Barack Obama signed the bill. Secretary of State Hillary Clinton met "
            "Gen. John Kelly in Kabul."
        },
        {
            "body": "President Obama on Saturday led a day of remembrance.\n\n"
            "“We have to do more to keep dangerous people from getting their hands on a gun,” the "
            "president said in his weekly address, before he and first lady Michelle Obama lit candles."
        },
        {
            "body": "Former President Bill Clinton spoke first. Secretary Clinton then thanked the crowd."
        },
        {"body": "Gen. John F. Kelly arrived on Monday. Gen. Kelly said little."},
    ]
    corpus = make_corpus(articles)
    said = quotes(corpus)
    assert list(said["speaker"]) == ["Barack Obama"]
    from analysis.extract import entities

    mentions = entities(corpus)
    titled = mentions[
        mentions["text"].isin(["Obama", "Clinton", "Kelly"]) & (mentions["role"] != "")
    ]
    assert dict(zip(titled["text"], titled["name"], strict=True)) == {
        "Obama": "Barack Obama",
        "Clinton": "Hillary Clinton",
        "Kelly": "John F. Kelly",
    }
