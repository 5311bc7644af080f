"""Seventeenth round (issue 19): a surname that reads like a small town's demonym is a surname."""

from __future__ import annotations

import pytest

from analysis.extract.gazetteer import is_demonym
from tests.conftest import people_in, speakers_in


def test_a_surname_ending_like_a_small_towns_demonym_names_a_person():
    """ "Moran" was read as the people of Moro (a town of the gazetteer), so "Tyler Moran" and "Sen. Jerry
    Moran" named nobody and "said Moran" had no speaker (dev25 key: two of Moran's quotations unclear)."""
    assert people_in("Sen. Jerry Moran said the bill would pass.") == ["Jerry Moran"]
    body = (
        "Tyler Moran, executive director of the Immigration Hub, also criticized the package.\n\n"
        "\u201cThe package does not provide enough access to testing,\u201d said Moran."
    )
    assert [s[:2] for s in speakers_in(body)] == [("Tyler Moran", True)]
    assert people_in("The data was sold by the researcher Aleksandr Kogan last year.") == [
        "Aleksandr Kogan"
    ]


@pytest.mark.parametrize(
    "word",
    ["Russian", "Mexican", "Venezuelans", "Floridian", "Texan", "Asian", "Bostonians", "Iowans"],
)
def test_demonyms_of_countries_states_continents_and_cities_stay_demonyms(word):
    """A singular demonym comes from a country, state, region, continent or city of a million; the plural
    from any place of the gazetteer (the residents of a smaller city: "Bostonians")."""
    assert is_demonym(word)


@pytest.mark.parametrize("word", ["Moran", "Kogan", "Dayan", "Harari", "Chapman", "Morgan"])
def test_surnames_are_not_demonyms(word):
    assert not is_demonym(word)


def test_an_epithet_with_a_nationality_is_nobody_of_another_nation():
    """ "the US leader" is not Kim Jong-un, "North Korean leader": a place or nationality in the epithet must
    not meet another one in the person's role (dev26 key: the tweet went to Kim)."""
    body = (
        "US President Donald Trump will meet North Korean leader Kim Jong-un in Singapore on 12 June.\n\n"
        "\u201cWe will both try to make it a very special moment for World Peace!\u201d the US leader "
        "tweeted."
    )
    assert [s[:2] for s in speakers_in(body)] == [("the US leader", False)]
    body = body.replace("the US leader tweeted", "the North Korean leader said")
    assert [s[:2] for s in speakers_in(body)] == [("Kim Jong-un", True)]


def test_a_name_inside_a_nickname_in_quotation_marks_is_no_referent():
    """ "associated himself with Trump as “the Ronald and the Donald,”": the "Donald" inside the marks (a
    nickname, not a quotation) was the last man named, so "he said" went to Trump (dev26 key)."""
    body = (
        "Bush will campaign for Sens. Roy Blunt, Ron Johnson and Rob Portman. Kelly Ayotte recently said "
        "she would support Donald Trump.\n\nJohnson, who once associated himself with Trump as \u201cthe "
        "Ronald and the Donald,\u201d now echoes Ayotte\u2019s statement: \u201cTo me, support versus "
        "endorse are two totally different things,\u201d he said."
    )
    assert [s[0] for s in speakers_in(body)] != ["Donald Trump"]
