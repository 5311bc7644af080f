"""Issue 19, tenth round: shapes read among the development keys' misses.

A title used as an epithet ("the right-wing prime minister said") names the one person of the sentence before
whose own roles hold that title, when every other person named there has roles that do not ("Netanyahu's
campaigning ... at the invitation of its Republican speaker, John Boehner, that angered President Barack
Obama"). A role written before a name and a comma ("its Republican speaker, John Boehner") is that person's
role, as an apposition after the name already was.
"""

from __future__ import annotations

from tests.conftest import speakers_in

NETANYAHU = (
    "Israeli Prime Minister Benjamin Netanyahu condemned the agreement on Sunday.\n\n"
    '"The axis is very dangerous to humanity, and must be stopped," he said.\n\n'
    "Netanyahu's campaigning against the negotiations crested on March 3 with his speech to the U.S. "
    "Congress at the invitation of its Republican speaker, John Boehner, that angered President Barack "
    "Obama and many fellow Democrats.\n\n"
    "The right-wing prime minister, who won a fourth term in a March 17 election, said on Sunday he had "
    'spoken to senior U.S. lawmakers "and heard from them about the strong and continuous support".'
)


def test_a_title_epithet_names_the_one_person_holding_that_title():
    assert [s[:2] for s in speakers_in(NETANYAHU)][-1] == ("Benjamin Netanyahu", True)


def test_a_title_epithet_stays_unclear_when_another_role_is_unknown():
    body = NETANYAHU.replace("its Republican speaker, John Boehner", "John Boehner")
    assert speakers_in(body)[-1][1] is False


def test_a_title_epithet_stays_unclear_when_two_hold_the_title():
    body = NETANYAHU.replace("its Republican speaker, John Boehner", "British Prime Minister John Major")
    assert speakers_in(body)[-1][1] is False
