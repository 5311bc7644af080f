"""Role words: the titles, positions and descriptions that announce or name again a person ("Defense
Secretary John Healey", "coach Arsene Wenger", "the lock forward", "the presidential hopeful"). Read through
:mod:`analysis.extract.cues`, which holds every other news word list.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

__all__ = [
    "DESCRIPTIVE_HEADS",
    "ROLE_HEADS",
    "ROLE_MODIFIERS",
    "SHORT_TITLES",
    "SPORT_POSITIONS",
    "WEAK_TITLES",
]

#: Titles written short without a full stop ("Rep Nancy Pelosi", "Lt Col ..."); in capitals ("ADM Tronics")
#: they are acronyms, not titles.
SHORT_TITLES = frozenset("rep gov gen col lt sgt capt adm maj cmdr".split())

#: Role words that vouch for no one-word name ("rival Labour", "Head Start", "Major League"): read before a
#: capitalised word that is no person as often as before one that is.
WEAK_TITLES = frozenset("rival partner opponent challenger major head commander".split())

#: A player's position: a role before a name ("lock Ben Kay") and a description that names again the player
#: it was given to, whatever other roles that player holds ("skipper Marco Bortolami ... said the lock
#: forward"). Many are surnames too: after an honorific, or before "of", they are the name ("Mr Lock", "Brett
#: Lock of OutRage!").
SPORT_POSITIONS = frozenset(
    """
    striker midfielder defender goalkeeper keeper winger forward full-back centre-back hooker prop
    fly-half scrum-half flanker lock batsman bowler all-rounder spinner wing
    """.split()
)

#: Head words of an office or role written before a name ("Defense Secretary John Healey", "coach Arsene Wenger").
ROLE_HEADS = (
    frozenset(
        """
    president vice-president premier minister secretary chancellor chief general gen. admiral adm.
    marshal colonel col. major maj. captain capt. commander cmdr. lieutenant lt. sergeant sgt.
    officer commissioner senator sen. rep. representative congressman congresswoman assemblyman
    assemblywoman councilman councilwoman committeeman committeewoman alderman governor gov.
    mayor king queen prince princess pope ambassador envoy spokesperson spokesman spokeswoman leader
    chairman chairwoman chair ceo cfo coo director head judge justice mp mep mp's lawmaker deputy
    boss coach manager striker midfielder defender goalkeeper winger skipper player champion analyst
    economist expert researcher professor fellow executive founder co-founder president-elect
    chancellor-elect secretary-general commandant attorney prosecutor lawyer singer actor actress
    star director producer writer author presenter host comedian rapper drummer guitarist musician
    band-mate film-maker filmmaker designer editor columnist correspondent reporter journalist dj
    critic sheriff inspector superintendent constable detective ruler dictator monarch
    chairperson treasurer auditor governor-general emir sheikh ayatollah archbishop bishop cardinal
    rabbi imam spokesman vice deputy-leader whip speaker diplomat official adviser advisor aide counsel counselor counsellor
    strategist compatriot team-mate teammate athlete runner hurdler sprinter vaulter jumper sculptor
    artist painter novelist playwright poet supermodel model impresario photographer broadcaster
    commentator veteran negotiator candidate nominee challenger opponent rival partner ex-wife
    ex-husband wife husband republican democrat independent agent administrator comptroller solicitor
    registrar provost coroner ombudsman surgeon councillor trustee regent warden supervisor scientist
    historian biographer physicist pollster psychologist epidemiologist
    """.split()
    )
    | SHORT_TITLES
    | SPORT_POSITIONS
)
#: Heads of a description that names someone again without being their title ("the presidential hopeful"),
#: or a standing any office-holder may have ("Sen. Amy Klobuchar ... “…,” the candidate began").
DESCRIPTIVE_HEADS = (
    frozenset(
        {
            "hopeful",
            "front-runner",
            "frontrunner",
            "candidate",
            "nominee",
            "challenger",
            "contender",
            "billionaire",
            "tycoon",
            "mogul",
            "magnate",
            "businessman",
            "businesswoman",
            "entrepreneur",
        }
    )
    | SPORT_POSITIONS
)
#: Words that may stand inside a role before its head ("Foreign Affairs Minister", "former Prime Minister").
ROLE_MODIFIERS = frozenset(
    """
    prime foreign defense defence home interior finance economy economic trade health education
    justice transport culture energy environment security armed forces army navy naval air force
    military deputy vice former ex- ex acting interim senior junior chief principal shadow state
    first general top lead executive managing national international european federal regional local
    party opposition labour conservative tory democratic republican liberal de facto team club head
    assistant new outgoing incoming then veteran fellow co- of the for and affairs development
    business industry treasury cabinet attorney staff joint supreme allied commander- intelligence
    digital technology tech culture media sport sports communications policy public chief-executive
    world olympic 100m 200m 400m 800m 1500m marathon
    """.split()
)
