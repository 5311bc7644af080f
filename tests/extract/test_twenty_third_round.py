"""Twenty-third round (issue 19): the organisations a reader of a large report sees first. A common word
("People") takes a reading from elsewhere in the corpus only where enough articles vouch for it; an acronym
keeps its own name against a one-off spelling ("CNN (Clinton News Network)"); laws, a headline's section
label and month abbreviations are no bodies."""

from __future__ import annotations

from analysis.extract import entities
from tests.conftest import make_corpus


def _types(rows: list[dict], name: str) -> dict[str, str]:
    """The type of ``name`` in each article that mentions it (article id -> type)."""
    found = entities(make_corpus(rows))
    return dict(zip(*found[found["name"] == name][["article_id", "type"]].T.values, strict=True))


def test_a_common_word_takes_a_reading_from_elsewhere_only_where_articles_vouch_for_it():
    """One article's "Shares in People" (a company) made every sentence-opening "People" of the corpus an
    organisation (AllSides: 1,351 "People" organisations). "people" is written in lower case in more
    articles than "People" is left untyped, and one article does not vouch for four."""
    rows = (
        [{"body": "Shares in People rose. The People said in a statement it would sell."}]
        + [{"body": f"People are angry about plan {i}. They marched."} for i in range(4)]
        + [{"body": f"Some people left town {i}. Other people stayed."} for i in range(6)]
    )
    assert _types(rows, "People") == {"a000": "organisation"}


def test_a_name_never_written_in_lower_case_still_takes_the_corpus_reading():
    """ "Univision" is no common word: where one article shows it to be a company, its other uses are
    that company too, however few vouch for them."""
    rows = [{"body": "Shares in Univision rose on Monday."}] + [
        {"body": f"Univision aired debate number {i}. Viewers watched."} for i in range(4)
    ]
    assert set(_types(rows, "Univision").values()) == {"organisation"}
    assert len(_types(rows, "Univision")) == 5


def test_an_acronym_keeps_its_own_name_against_a_one_off_spelling():
    """Three AllSides articles wrote "CNN (Clinton News Network)", a jibe, against 1,867 writing CNN: every
    CNN of the corpus took the jibe's name. A long form is taken when it is spelled out in one article in a
    hundred or more of those writing the acronym, as style books have a name spelled out."""
    jibes = [
        {
            "body": f"Trump attacked CNN (Clinton News Network) again in speech {i}. CNN said nothing."
        }
        for i in range(2)
    ]
    plain = [{"body": f"CNN reported that vote {i} was close."} for i in range(250)]
    found = entities(make_corpus(jibes + plain))
    alone = found[found["article_id"].isin({f"a{i:03d}" for i in range(2, 252)})]
    assert set(alone[alone["text"] == "CNN"]["name"]) == {"CNN"}
    spelled = [
        {"body": f"The Federal Bureau of Investigation (FBI) opened case {i}. The FBI said so."}
        for i in range(2)
    ]
    fbi = [{"body": f"The FBI said that case {i} was closed."} for i in range(20)]
    found = entities(make_corpus(spelled + fbi))
    alone = found[found["article_id"].isin({f"a{i:03d}" for i in range(2, 22)})]
    assert set(alone[alone["text"] == "FBI"]["name"]) == {"Federal Bureau of Investigation"}


def test_laws_section_labels_and_month_abbreviations_are_no_names():
    """ "Second Amendment supporters", "the Paris Agreement", "the Logan Act" (AllSides typed them people or
    organisations), a headline's "OPINION:" label (575 organisations) and "Sept. 11" (776) name nobody."""
    rows = [
        {
            "title": "OPINION: The Ruling Class",
            "body": (
                "Second Amendment supporters argued with backers of the Paris Agreement on Sept. 11, "
                "officials said. The Logan Act was cited. He is a defender of the First Amendment."
            ),
        }
    ]
    found = entities(make_corpus(rows))
    assert found.empty, found[["text", "type"]].to_dict("records")


def test_a_run_takes_the_name_it_ends_only_where_that_name_is_written_enough():
    """One "Free Capitol Hill" read as a person made 782 AllSides articles' "Capitol Hill" that person: a run
    no rule typed becomes the full name it ends only where the full name is written in articles enough
    for its own uses (as for surnames); "Von der Leyen" still becomes Ursula von der Leyen."""
    rows = [{"body": "Free Capitol Hill said on Monday that it would act."}] + [
        {"body": f"Lawmakers on Capitol Hill met about bill {i}. They left."} for i in range(4)
    ]
    assert _types(rows, "Free Capitol Hill") == {"a000": "person"}
    rows = [
        {"body": "Ursula von der Leyen said the plan would work."},
        {"body": "Ursula von der Leyen spoke in Brussels."},
    ] + [{"body": f"Critics of Von der Leyen met about plan {i}."} for i in range(2)]
    assert set(_types(rows, "Ursula von der Leyen")) == {"a000", "a001", "a002", "a003"}


def test_a_peoples_adjective_of_several_words_is_no_body_and_state_is_the_department():
    """ "North Korean", "African-American", "Islamic", "Western" (AllSides listed each as an organisation in
    150 to 280 articles) and "Sens." before names name nobody; "State" alone ("State
    spokesman John Kirby", "the secretary of State") is the State Department."""
    rows = [
        {
            "title": "Headline",
            "body": (
                "North Korean troops moved. African-American voters and South Korean officials met. "
                "Radical Islamic groups grew. Western leaders met. Sens. Bob Kerrey and John Edwards "
                "spoke. Henry Kissinger, the secretary of State under Nixon, said so. State spokesman "
                "John Kirby said the pages were classified."
            ),
        }
    ]
    found = entities(make_corpus(rows))
    assert set(found[found["type"] == "organisation"]["name"]) == {"State Department"}
    assert set(found[found["type"] == "person"]["name"]) == {
        "Bob Kerrey",
        "John Edwards",
        "Henry Kissinger",
        "John Kirby",
    }


def test_a_bodys_name_closed_by_two_words_after_and_is_one_name():
    """ "Department of Health and Human Services" (all AllSides listed "Human Services" as an organisation in
    213 articles) and "Department of Housing and Urban Development" (whose tail was a person) are one body
    each; two bodies stay two ("Ministry of Defence and Foreign Office"), as a body and a person do."""
    body = (
        "The Department of Health and Human Services said. The Department of Housing and Urban "
        "Development said. The Ministry of Defence and Foreign Office met. The Ministry of Defence and "
        "John Smith met."
    )
    found = entities(make_corpus([{"body": body}]))
    assert list(found["name"]) == [
        "Department of Health and Human Services",
        "Department of Housing and Urban Development",
        "Ministry of Defence",
        "Foreign Office",
        "Ministry of Defence",
        "John Smith",
    ]


def test_a_persons_usual_name_is_not_taken_over_by_one_articles_longer_form():
    """One article's "Willard Mitt Romney" made every "Mitt Romney" of AllSides (743 articles) that longer
    name: a name typed a person keeps its own form unless the longer one is written in articles enough."""
    rows = [{"body": "Willard Mitt Romney was born in Detroit."}] + [
        {"body": f"Mitt Romney said plan {i} would work."} for i in range(5)
    ]
    people = entities(make_corpus(rows))
    assert people[people["type"] == "person"]["name"].value_counts().to_dict() == {
        "Mitt Romney": 5,
        "Willard Mitt Romney": 1,
    }
