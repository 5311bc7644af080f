"""Canonical names: tie the forms of one entity together within an article and across the corpus.

A person's canonical name is the fullest form the corpus uses ("Keir Starmer" for "Starmer", "Starmer’s",
"Prime Minister Keir Starmer": titles are already apart, possessives cut). A bare surname goes to the full
name with that surname in the same article, else to the one the corpus uses most. A place goes to its
gazetteer name ("U.K.", "Britain" -> "United Kingdom"). An acronym goes to the long form an article spells
out next to it ("Ministry of Defence (MoD)") or whose initials it is, in that article or, failing that,
anywhere in the corpus. A run no rule could type becomes a person when it is a surname of a known person, or
takes the type the same words have elsewhere; otherwise it is left out.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from analysis.config import SURNAME_MAJORITY
from analysis.extract import cues
from analysis.extract.gazetteer import NOT_FIRST_NAMES, first_names, places
from analysis.extract.headings import LOWER_WORD, heading_runs
from analysis.extract.pipeline import PARTICLES
from analysis.extract.role_words import WEAK_TITLES
from analysis.extract.surnames import (
    family_surnames,
    other_sex,
    persons_in_article,
    surnames_in_capitals,
)
from analysis.extract.variants import (
    acronyms_in_article,
    is_acronym,
    name_key,
    same_person_forms,
    title_bearers,
)
from analysis.extract.variants import name_tokens as _tokens

if TYPE_CHECKING:
    from analysis.extract.rules import Mention

__all__ = ["normalise", "resolve"]

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-"})
_ORG_LEAD = re.compile(r"^the\s+", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Straight apostrophes, single spaces, no possessive or leading "the"."""
    text = _SPACES.sub(" ", text.translate(_APOSTROPHES)).strip()
    text = text.removesuffix("'s")
    return _ORG_LEAD.sub("", text)


def resolve(mentions: list[Mention], *, bodies: dict[str, str] | None = None) -> list[Mention]:
    """Fill ``name`` on every mention and settle the type of runs the rules left ``unknown``; ``bodies``
    (article id -> body) lets a relative's introduction ("his son, Eric") be read."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        m.name = normalise(m.text)
        if m.type == "place":
            m.name = places().get(m.name.lower(), m.name)
        by_article[m.article_id].append(m)
    titled = title_bearers(mentions)
    families: set[tuple[str, str]] = set()  # (article, surname) of a family the article writes of
    for article, group in by_article.items():
        families.update(
            (article, name) for name in family_surnames((bodies or {}).get(article, ""))
        )
        heading_runs(group, (bodies or {}).get(article, ""))
        persons_in_article(group, (bodies or {}).get(article, ""), titled)
        surnames_in_capitals(group)
        acronyms_in_article(group)
        _towns_named_as_firms(group)
        _short_forms(group, (bodies or {}).get(article, ""))
    _across_corpus(mentions, families, bodies or {})
    _usual_names(mentions)
    return mentions


#: Bodies news names by one word of their name ("State spokesman John Kirby", "the secretary of State").
_BODY_FORMS = {"state": "State Department"}


def _usual_names(mentions: list[Mention]) -> None:
    """A party's forms ("Tories", "Conservatives"; "GOP", "Grand Old Party") take its usual name, as does a
    body named by one word of its name (:data:`_BODY_FORMS`) and a broadcaster's news ("NBC News" is NBC
    where the corpus names NBC)."""
    usual = {form: name for name, forms in cues.PARTY_FORMS.items() for form in forms}
    usual |= _BODY_FORMS
    bodies = {m.name for m in mentions if m.type == "organisation"}
    usual |= {  # not "FOX", written "Fox" too: a word in capitals, no acronym
        f"{name} news".lower(): name
        for name in bodies
        if is_acronym(name) and f"{name} News" in bodies and name.capitalize() not in bodies
    }
    for m in mentions:
        if m.type == "organisation":
            name = usual.get(normalise(m.text).lower()) or usual.get(m.name.lower())
            if name:
                m.name = name


def _short_forms(group: list[Mention], body: str) -> None:
    """ "the North" in an article naming North Korea (and no other place or body opening with "North")
    -> North Korea: the one name of more words that it opens; not an acronym, a name of its own ("the EPA"
    beside "EPA Office of Policy")."""
    longer = {
        m.name: m.type for m in group if m.type in {"place", "organisation"} and " " in m.name
    }
    for m in group:
        if (
            m.field != "body"
            or " " in m.name
            or is_acronym(m.name)
            or body[max(0, m.start - 4) : m.start].lower() != "the "
        ):
            continue
        opened = [n for n in longer if n.split()[0] == m.name]
        if len(opened) == 1 and m.type == "organisation":  # acting: "The North said"
            m.name, m.type = opened[0], longer[opened[0]]


def _towns_named_as_firms(group: list[Mention]) -> None:
    """A town's name that the article shows to be a firm somewhere ("Halifax, the country's biggest
    mortgage lender") is that firm wherever the article writes it ("Group Economist at Halifax")."""
    firms = {m.name for m in group if m.type == "organisation" and m.evidence == "apposition"}
    for m in group:
        if m.type == "place" and m.evidence == "gazetteer" and m.name in firms:
            m.type, m.evidence = "organisation", "apposition"


def _across_corpus(
    mentions: list[Mention], families: set[tuple[str, str]], bodies: dict[str, str]
) -> None:
    """Surnames and acronyms left alone in their article -> the corpus's own full forms (not a surname its
    article shows to be a family's: ``families``); unknown runs typed."""
    known = {m.name for m in mentions if m.type == "person"}
    for m in mentions:
        if m.type == "person":
            m.name = _without_stray_head(m.name, known)
    _people_after_prepositions(mentions)
    surnames: dict[str, Counter] = defaultdict(Counter)
    person_names: set[str] = set()
    typed: dict[str, Counter] = defaultdict(Counter)
    acronyms = _acronym_forms(mentions)
    for m in mentions:
        if m.type == "person":
            person_names.add(m.name)
            if len(_tokens(m.name)) >= 2:
                surnames[_tokens(m.name)[-1]][m.name] += 1
        if m.type != "unknown":
            typed[normalise(m.text)][m.type] += 1
    given = _given_names(mentions, surnames)
    untyped = _articles_by_name(mentions, lambda m: m.type == "unknown")
    common = _common_words(untyped, bodies)
    readings = _vouched_readings(mentions, typed, untyped, common)
    attested = _attested_bearers(mentions, surnames, common)
    people_too = _attested_people(mentions, person_names)
    tails: dict[str, set[str]] = defaultdict(set)
    for name in person_names:
        parts = _tokens(name)
        for k in range(1, len(parts) - 1):
            tails[" ".join(parts[k:]).lower()].add(name)
    vouched_tails = _vouched_tails(mentions, tails)
    for m in mentions:
        tail = tails.get(name_key(m.name), set())
        if (
            m.type in {"person", "unknown"}
            and m.name in vouched_tails
            and len(_tokens(m.name)) > 1
            and len(tail) == 1
            and (
                _tokens(m.name)[0].lower() not in first_names()
                or _tokens(m.name)[0].lower() in PARTICLES  # "de Blasio": "de" is no first name
            )
            and _opens_with_name(next(iter(tail)), m.name)
        ):  # "Von der Leyen" -> "Ursula von der Leyen"; "Jeb Bush" is a whole name already
            m.name, m.type = next(iter(tail)), "person"
        elif (
            m.type in {"person", "unknown"}
            and len(_tokens(m.name)) == 1
            and m.name in surnames
            and (m.type == "person" or m.name in attested)
            and (m.name not in given or m.role or m.evidence in {"honorific", "role"})
        ):
            fitting = Counter(
                {n: c for n, c in surnames[m.name].items() if not other_sex(m.gender, n)}
            )
            usual = _usual_bearer(fitting) if fitting else ""  # "Mr. Obama": not Michelle Obama
            if (
                usual
                and not m.not_names
                and m.name.lower() not in cues.PARTY_WORDS
                and (m.article_id, m.name) not in families
            ):  # not one the article itself found ambiguous, nor "the elder Mr. Bush"
                m.name, m.type = usual, "person"
        elif m.type == "unknown" and m.name in people_too:
            m.type = "person"
        elif m.type == "unknown" and m.name in readings:
            kind = readings[m.name]
            m.type = kind if kind != "person" or m.name in people_too else m.type
        elif m.type == "organisation" and m.name in acronyms:
            m.name = acronyms[m.name]
    for m in mentions:
        if m.type == "unknown" and m.name in common:
            m.type = WORD  # no name: nobody a pronoun could stand for
    _weak_people(mentions, typed)
    same_person_forms(mentions)


#: A word opening this many times more person mentions than it ends is a first name, alone naming no one.
GIVEN_PER_SURNAME = 3
#: Uses of a name nothing vouches for take a reading only from a third as many articles or more that vouch.
BARE_PER_FULL = 3
#: The type of a run that is a common word, not a name (:func:`_common_words`): no person, body or place.
WORD = "word"
#: An acronym takes a long form spelled out in at least one in this many of the articles writing the acronym.
SPELLED_SHARE = 100


def _attested_bearers(
    mentions: list[Mention], surnames: dict[str, Counter], common: set[str]
) -> set[str]:
    """The words no rule typed that may become the person the corpus names with them: the articles where
    the word alone is a person ("Obama said", "Mr Obama") or where that person's full name is written are
    enough for the word's use alone (BARE_PER_FULL). "Cleveland", the convention city, is never a person alone
    in AllSides 2016, is alone in 82 articles and "Grover Cleveland" written in 4; "Flint" and "Internet"
    have one "Whether Flint" and one "Chinese Internet" (all AllSides: one stray "Internet" person and one
    "Alexa Internet" made 282 articles' "Internet" that person)."""
    full: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, set[str]] = defaultdict(set)
    alone: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        one_word = len(_tokens(m.name)) == 1
        if m.type == "person":
            (alone if one_word else full)[m.name].add(m.article_id)
        elif m.type == "unknown" and one_word and m.name in surnames:
            bare[m.name].add(m.article_id)
    return {  # a common word ("Policies" opening a sentence) only where alone it is someone ("Rice said")
        word
        for word, articles in bare.items()
        if _outnumbered(articles, alone[word] | full.get(_usual_bearer(surnames[word]), set()))
        and (word not in common or alone[word])
    }


def _vouched_tails(mentions: list[Mention], tails: dict[str, set[str]]) -> set[str]:
    """The runs of two words or more that may become the one person whose name they end ("Von der Leyen" ->
    "Ursula von der Leyen"): that person's full name is written in articles enough for the run's own uses
    (BARE_PER_FULL). All AllSides: one "Free Capitol Hill" person had made 782 articles' "Capitol Hill" a
    person, and one "Willard Mitt Romney" 743 articles' "Mitt Romney" that longer name."""
    full = _articles_by_name(mentions, lambda m: m.type == "person")
    bare = _articles_by_name(
        mentions,
        lambda m: m.type in {"person", "unknown"} and len(tails.get(name_key(m.name), ())) == 1,
    )
    return {
        name
        for name, articles in bare.items()
        if _outnumbered(articles, full[next(iter(tails[name_key(name)]))])
    }


def _vouched_readings(
    mentions: list[Mention],
    typed: dict[str, Counter],
    untyped: dict[str, set[str]],
    common: set[str],
) -> dict[str, str]:
    """The reading the uses of a name no rule typed (``untyped``: its articles) take from the corpus: the
    type its typed uses have most. A common word (:func:`_common_words`: "People", "Right", "District")
    takes it only when the typed uses are in articles enough for the untyped ones (BARE_PER_FULL), as a
    surname does: in AllSides one "told People" (the magazine) made 1,351 sentence-opening "People"
    organisations. A party's words never do."""
    vouched = _articles_by_name(
        mentions, lambda m: m.type != "unknown", key=lambda m: normalise(m.text)
    )
    return {
        name: typed[name].most_common(1)[0][0]
        for name, seen in untyped.items()
        if typed.get(name)
        and name.lower() not in cues.PARTY_WORDS
        and (name not in common or _outnumbered(seen, vouched[name]))
    }


def _common_words(untyped: dict[str, set[str]], bodies: dict[str, str]) -> set[str]:
    """The one-word runs left untyped (``untyped``: each name's articles) that are common words, not names:
    the corpus writes them in lower case in more articles than it leaves them untyped ("People", "Strategy",
    "Citizenship" of a body's name cut at "and"). Such a word, capitalised at a sentence's start or in a
    heading, is nobody a pronoun after it could stand for, and takes a reading from elsewhere only where
    enough articles vouch for it."""
    words = {name: seen for name, seen in untyped.items() if " " not in name}
    lower = _lower_case_articles({name.lower() for name in words}, bodies)
    return {name for name, seen in words.items() if lower[name.lower()] > len(seen)}


def _articles_by_name(
    mentions: list[Mention],
    keep: Callable[[Mention], bool],
    key: Callable[[Mention], str] = lambda m: m.name,
) -> defaultdict[str, set[str]]:
    """The articles of each name (``key``) among the mentions ``keep`` takes."""
    articles: defaultdict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if keep(m):
            articles[key(m)].add(m.article_id)
    return articles


def _lower_case_articles(words: set[str], bodies: dict[str, str]) -> Counter:
    """How many of the articles write each of ``words`` in lower case."""
    counts: Counter = Counter()
    if words:
        for body in bodies.values():
            counts.update(words.intersection(LOWER_WORD.findall(body)))
    return counts


def _given_names(mentions: list[Mention], surnames: dict[str, Counter]) -> set[str]:
    """Words written as a first name far more often than as a surname ("John Kerry", "John McCain" ...
    against "Elton John"): alone ("a protester named John") they never take the surname's usual bearer."""
    opening = Counter(
        _tokens(m.name)[0] for m in mentions if m.type == "person" and len(_tokens(m.name)) >= 2
    )
    return {w for w, names in surnames.items() if opening[w] > GIVEN_PER_SURNAME * names.total()}


def _attested_people(mentions: list[Mention], person_names: set[str]) -> set[str]:
    """The names a person elsewhere that their uses no rule typed may take as a person too: those whose
    typed uses are in articles enough for the untyped ones (BARE_PER_FULL). AllSides 2016: one "Mr
    Brexit" (Nigel Farage's nickname) made 78 "Brexit" people, two "Islamic State claimed" 79 "Islamic
    State"."""
    typed: dict[str, set[str]] = defaultdict(set)
    untyped: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.name in person_names and m.type in {"person", "unknown"}:
            (typed if m.type == "person" else untyped)[m.name].add(m.article_id)
    return {n for n, seen in untyped.items() if _outnumbered(seen, typed.get(n, set()))}


def _outnumbered(unvouched: set[str], vouched: set[str]) -> bool:
    """Are a name's articles with nothing to vouch for a reading at most BARE_PER_FULL times those with?"""
    return len(unvouched) <= BARE_PER_FULL * len(vouched)


def _people_after_prepositions(mentions: list[Mention]) -> None:
    """A place vouched for only by a preposition ("in X") whose name is, or is the surname of, a person named
    in two articles or more is no place: "in Trump's ...", "in Sanders' campaign" (69 and 7 articles' "places"
    in AllSides 2016). It is left untyped, for the surname rules to read."""
    articles: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "person":
            articles[m.name].add(m.article_id)
    people = {name for name, seen in articles.items() if len(seen) >= 2}
    surnames = {_tokens(name)[-1] for name in people if len(_tokens(name)) >= 2}
    for m in mentions:
        if (
            m.type == "place"
            and m.evidence == "preposition"
            and (m.name in people or m.name in surnames)
        ):
            m.type, m.evidence = "unknown", ""


def _acronym_forms(mentions: list[Mention]) -> dict[str, str]:
    """The long form an acronym takes in articles that do not spell it out: one some article defines in
    brackets ("Ministry of Defence (MoD)"), or one whose initials it is in at least two articles (a single
    article's match is weak: "GB" beside "Garage Band" would rename every GB of the corpus); of those, the
    one written most. The long form must be written out in one article in SPELLED_SHARE or more of those
    writing the acronym, as style books have a name spelled out at first mention: AllSides' three
    "CNN (Clinton News Network)", a jibe, against 1,867 articles writing CNN, renamed every CNN."""
    written: dict[str, Counter] = defaultdict(Counter)
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    defined: set[tuple[str, str]] = set()
    seen: dict[str, set[str]] = defaultdict(set)  # the articles writing each acronym or long form
    for m in mentions:
        acronym = normalise(m.text)
        seen[acronym].add(m.article_id)
        if m.type == "organisation" and is_acronym(acronym) and m.name != acronym:
            written[acronym][m.name] += 1
            articles[acronym, m.name].add(m.article_id)
            if m.bracketed:
                defined.add((acronym, m.name))
    forms = {}
    for acronym, counts in written.items():
        held = [
            name
            for name, _ in counts.most_common()
            if ((acronym, name) in defined or len(articles[acronym, name]) >= 2)
            and len(seen[name]) * SPELLED_SHARE >= len(seen[acronym])
        ]
        if held:
            forms[acronym] = held[0]
    return forms


def _opens_with_name(full: str, tail: str) -> bool:
    """Does what ``full`` adds before ``tail`` open a name: a first name ("Ursula von der Leyen"), or does
    the tail open with a particle ("Von der Leyen")? Not a title or a stray word glued to the front
    ("National Commitee Chairman Reince Priebus", "El Pasoan Beto O'Rourke"), whose tail is the whole name."""
    first = _tokens(full)[0].lower()
    return (first in first_names() and first not in PARTICLES) or _tokens(tail)[
        0
    ].lower() in PARTICLES


def _usual_bearer(names: Counter) -> str:
    """The full name most written with a surname when it (with its longer or shorter forms: "CIA Director
    David Petraeus") holds SURNAME_MAJORITY of them, else "" (Hillary and Bill Clinton)."""
    top = names.most_common(1)[0][0]
    ends = _tokens(top)[0], _tokens(top)[-1]  # "David H. Petraeus" is "David Petraeus"
    same = sum(
        n
        for name, n in names.items()
        if name.endswith(" " + top)
        or top.endswith(" " + name)
        or (_tokens(name)[0], _tokens(name)[-1]) == ends
    )
    return top if same >= SURNAME_MAJORITY * names.total() else ""


def _without_stray_head(name: str, person_names: set[str]) -> str:
    """A name with one or two words glued to its front that are no first names ("Elect Barack Obama",
    "Senators Marco Rubio", "El Pasoan Beto O'Rourke") -> the person the rest names, when the corpus knows
    that person by that name."""
    parts = _tokens(name)
    rest = " ".join(parts[1:])
    for k in (
        1,
        2,
    ):  # "El Pasoan Beto O'Rourke", "Urban Development Julián Castro": two words glued on
        head, tail = parts[:k], " ".join(parts[k:])
        stray = any(w.lower() not in first_names() or w.lower() in PARTICLES for w in head)
        if len(parts) - k >= 2 and stray and tail in person_names:
            return tail
    if len(parts) >= 2 and parts[0].lower() in NOT_FIRST_NAMES:  # "Me den Hartog told the BBC"
        known = {n for n in person_names - {name} if n == rest or n.endswith(" " + rest)}
        return known.pop() if len(known) == 1 else name
    return name


_STRONG = frozenset({"honorific", "role", "first name", "model", "gazetteer"})


def _weak_people(mentions: list[Mention], typed: dict[str, Counter]) -> None:
    """People only a reporting verb vouches for ("Deutsche Boerse said") become organisations when the
    corpus types the same name so elsewhere; a one-word "person" nothing else vouches for ("Sky",
    "Oscar") is left out."""
    strong: set[str] = {
        m.name
        for m in mentions
        if m.type == "person"
        and m.evidence in _STRONG
        and not (
            len(_tokens(m.name)) == 1 and not WEAK_TITLES.isdisjoint(m.role.lower().split()[-1:])
        )
    }
    for m in mentions:
        tokens = _tokens(m.name)
        titled = m.evidence in {"role", "honorific"}  # "governor Park Seung": a surname first
        if m.type == "person" and (
            len(tokens) > 5 or any(t.lower() in cues.NOT_IN_NAMES for t in tokens[titled:])
        ):
            m.type = "unknown"  # a headline or caption run into a name ("Obama Replay More Videos")
            continue
        if m.type != "person" or m.name in strong:
            continue
        written = typed.get(normalise(m.text), Counter())
        if written["organisation"] and m.evidence == "verb":
            m.type = "organisation"
        elif len(_tokens(m.name)) == 1 and m.evidence not in _STRONG:
            m.type = "unknown"
