"""One article's people: a bare surname, an initial or a first name alone -> the full name the article gives.

A surname goes to the one full name with that surname in the article; when several people share it (Hillary
and Bill Clinton), to the one its honorific's gender fits or to the one named so far; otherwise to neither
(:attr:`Mention.not_names`), unless the headline names one of them and no other is named in the surname's
paragraph or the one before (Joaquin Castro's headline, his brother Julian named paragraphs earlier). News writing gives such a surname to the bearer named first ("Obama" for
Barack after "first lady Michelle Obama") as often as to the one named last ("Clinton said" right after
"Former President Bill Clinton"), so no rule of order is guessed. A relative introduced later ("his son,
Eric") keeps earlier bare surnames from being his; a first name alone goes to the one full name it opens; a
surname in capitals (a transcript's "TRUMP:") to the one person of that surname.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.gazetteer import first_names
from analysis.extract.juniors import claimed_surnames, family_name, implied_fathers
from analysis.extract.pipeline import PARTICLES
from analysis.extract.variants import (
    TitleBearers,
    is_generational,
    is_name_suffix,
    name_key,
    title_carriers,
)
from analysis.extract.variants import name_tokens as _tokens

if TYPE_CHECKING:
    from analysis.extract.rules import Mention

__all__ = ["other_sex", "persons_in_article", "sex_of", "surnames_in_capitals"]


def persons_in_article(group: list[Mention], body: str, titled: TitleBearers) -> None:
    """Surnames (and unknown single words equal to one) -> the full name used in the same article, unless
    the title written with the surname is another person's (:func:`title_carriers`); a first name alone
    ("Kellyanne") -> the one full name it opens."""
    _initials_in_article(group)
    _nicknamed(group, body)
    _untyped_full_names(group, body)
    _headline_verbs(group, body)
    full, shared, bearers = _surname_owners(group, body, titled)
    suffixes = {}
    for name in full.values():
        parts = _tokens(name)
        for k in range(1, len(parts) - 1):
            suffixes.setdefault(" ".join(parts[k:]).lower(), name)
    refused = _other_bearers(group, full, body)
    folded = {
        _folded(key): name for key, name in full.items()
    }  # "Garcia" for "Lily Eskelsen García"
    for m in group:
        target = (
            full.get(m.name)
            or folded.get(_folded(m.name))
            or suffixes.get(name_key(m.name))
            or _misspelt(m, full)
        )
        sexes = [first_names().get(_tokens(n)[0].lower()) for n in bearers.get(m.name, ())]
        fit = [n for n, g in zip(bearers.get(m.name, ()), sexes, strict=True) if g == m.gender]
        if m.name in shared and m.gender and len(fit) == 1 and None not in sexes:
            m.name = fit[0]  # "Mrs. Clinton" beside Hillary and Bill Clinton: she
        elif (
            m.name in shared
            and not m.role  # "President X": maybe the other
            and len(so_far := [n for n in bearers[m.name] if _named_before(group, n, m)]) == 1
        ):
            m.name = so_far[0]  # "Bush said" before his father George H.W. Bush is named: Jeb
        elif m.name in shared and (lead := _headline_bearer(group, bearers[m.name], body, m)):
            m.name = (
                lead  # "Joaquin Castro facing backlash": "Castro" paragraphs after brother Julian
            )
        elif m.name in shared:
            m.not_names = bearers[m.name]  # "Conway" next to George and Kellyanne Conway: neither
        elif (
            m.type in {"person", "unknown"}
            and target not in {None, m.name}
            and (others := title_carriers(m, target, titled))
        ):
            if len(others) == 1:  # "President Obama" in an article naming only Michelle Obama
                m.name, m.type, m.evidence = others[0], "person", m.evidence or "role"
            else:
                m.not_names = (target,)
        elif id(m) in refused:
            m.not_names = (target,) if target else ()
        elif (
            m.type == "organisation" and m.evidence == "context" and target and " " not in m.name
        ):  # "action against Aragones" after "Luis Aragones": a guess from one word, the surname wins
            m.name, m.type, m.evidence = target, "person", "surname"
        elif m.type in {"person", "unknown"} and target and other_sex(m.gender, target):
            m.type = (
                "person"  # "Mr. Obama" in an article naming only Michelle Obama: not her, maybe
            )
            # the corpus's usual bearer of that sex (Barack Obama: canonical)
        elif m.type in {"person", "unknown"} and target and target != m.name:
            m.name, m.type, m.evidence = target, "person", m.evidence or "surname"
        elif bearer := _surname_not_place(m, full, body, group):
            m.name, m.type, m.evidence = bearer, "person", "surname"
    _first_names_alone(group)


def _surname_owners(
    group: list[Mention], body: str, titled: TitleBearers
) -> tuple[dict[str, str], set[str], dict[str, tuple[str, ...]]]:
    """``(full, shared, bearers)``: each surname's one full name in the article (and each full name's
    own), the surnames several people bear ("Ivanka Trump" and "Donald Trump": "Trump" alone is neither),
    and those surnames' bearers."""
    in_body = {m.name for m in group if m.field == "body"}
    named = [m.name for m in group if m.type == "person" and len(_tokens(m.name)) >= 2]
    claimed = claimed_surnames(group, body, titled)
    fathers = implied_fathers(named, claimed)  # "Donald Trump Jr." beside Ivanka: maybe the father
    named, in_body = named + fathers, in_body | set(fathers)
    full: dict[str, str] = {}
    shared: set[str] = set()
    for name in sorted(named, key=lambda n: not _bearer(n, in_body)):  # stable: bearers first
        if full.setdefault(surname := family_name(name, claimed), name) != name and _bearer(
            name, in_body
        ):
            shared.add(surname)
    full.update((name, name) for name in named)
    bearers: dict[str, tuple[str, ...]] = defaultdict(tuple)
    for name in full.values():
        if (surname := family_name(name, claimed)) in shared and name not in bearers[surname]:
            bearers[surname] += (name,)
    for surname in shared:
        full.pop(surname, None)
    return full, shared, bearers


#: Words before a place name that make it the place ("in Bolton", "from Jordan").
_PLACE_PREPOSITIONS = frozenset(
    [
        "in",
        "into",
        "to",
        "from",
        "at",
        "near",
        "across",
        "throughout",
        "outside",
        "inside",
        "around",
        "via",
        "of",
    ]
)
_SPEAKS_NEXT = re.compile(r"\s+(?:" + "|".join(sorted(cues.REPORTING_VERBS)) + r")\b")


def _surname_not_place(
    m: Mention, full: dict[str, str], body: str, group: list[Mention]
) -> str | None:
    """The person a place's name stands for when it is the surname of someone the article names in full
    and it speaks ("John Bolton ... Bolton said", "Keating Holland ... Holland pointed out": not the town,
    not the Netherlands), or None. Never after a preposition of place; not when the full name opens with
    no known first name and no role ("Party of Virginia", "Save Paris": misread runs)."""
    if m.type != "place" or m.field != "body" or not _SPEAKS_NEXT.match(body, m.end):
        return None
    bearer = full.get(m.text)
    if not bearer or " " not in bearer or " " in m.text:
        return None
    known = _tokens(bearer)[0].lower() in first_names()
    if not known and not any(g.name == bearer and g.role for g in group):
        return None
    before = body[max(0, m.start - 20) : m.start].split()
    return None if before and before[-1].lower() in _PLACE_PREPOSITIONS else bearer


def sex_of(name: str) -> str | None:
    """The sex the gazetteer gives a name's first word ("male", "female"), or None."""
    return first_names().get(_tokens(name)[0].lower())


def other_sex(gender: str | None, name: str) -> bool:
    """Does the honorific's gender ("Mr.": male) belong to the other sex than the full name's first name?"""
    opposite = {"male": "female", "female": "male"}.get(gender or "")
    return opposite is not None and sex_of(name) == opposite


def _misspelt(m: Mention, full: dict[str, str]) -> str | None:
    """The one full name whose surname a long one-word name misspells by a letter ("Scarmucci" beside
    Anthony Scaramucci), or None."""
    if m.type not in {"person", "unknown"} or " " in m.name or len(m.name) < 7:
        return None
    near = {
        name
        for key, name in full.items()
        if " " not in key and key[:1] == m.name[:1] and _one_edit(key, m.name)
    }
    return near.pop() if len(near) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Are two words one letter apart, a letter dropped or two swapped ("Scarmucci", "Montieth")? A letter
    changed is another name as often as a slip ("Clifton", "Clinton"; "Ginsberg", "Ginsburg"), except the
    ending "-sen" written "-son" ("Peterson" beside Michael Bang Petersen)."""
    if a[:-3] == b[:-3] and {a[-3:], b[-3:]} == {"sen", "son"}:
        return True
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if long == short + "s":
        return False  # "the Romneys", "the Tsarnaevs": a family, no slip
    return len(long) == len(short) + 1 and any(
        long[:k] + long[k + 1 :] == short for k in range(len(long))
    )


def _folded(name: str) -> str:
    """The name without accents ("García" -> "Garcia")."""
    if name.isascii():  # nothing to decompose
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _headline_verbs(group: list[Mention], body: str) -> None:
    """A headline's capitalised verb glued to a name the body writes without it ("Ann Romney Delivers:
    ..." over a body naming Ann Romney; the headline may open the body too) -> that name; a generational
    suffix is no verb."""
    first_line = len(body.split("\n", 1)[0])
    heading = [m for m in group if m.field == "title" or m.end <= first_line]
    written = {m.name for m in group if m.field == "body" and m.start > first_line}
    people = {m.name for m in group if m.type == "person" and m.name in written}
    for m in group:  # "Update at 5:27 p.m. ET. President Obama Speaks:" over a paragraph: "Obama"
        words = m.name.split()
        if len(words) >= 2 and _speaks_heading(body, m, words[-1]):
            m.name = " ".join(words[:-1])
    for m in heading:
        words = m.name.split()
        if (
            m.type == "person"
            and len(words) >= 3
            and m.name not in written
            and not is_name_suffix(words[-1])  # "Donald Trump Jr." opening the body
        ):
            shorter = " ".join(words[:-1])
            if shorter in people:
                m.name = shorter


def _speaks_heading(body: str, m: Mention, last: str) -> bool:
    """Is the name's last word a capitalised "Speaks", "Says", "Responds" ... ending a heading line at a
    colon ("President Obama Speaks:")?"""
    return (
        m.field == "body"
        and last[:1].isupper()
        and last.endswith("s")
        and last.lower() in cues.REPORTING_VERBS | {"speaks", "reacts"}
        and body[m.end : m.end + 1] == ":"
    )


def _bearer(name: str, in_body: set[str]) -> bool:
    """Can the full name share its surname with another person: written in the body (not only a headline's
    capitals: "Official Who Heard Trump's Ukraine Call"), and no lower-case word but a particle ("The Iran
    incident complicated Obama")?"""
    return name in in_body and all(
        t[:1].isupper() or t in PARTICLES for t in _tokens(name) if t != "-"
    )


def _headline_bearer(group: list[Mention], names: tuple[str, ...], body: str, m: Mention) -> str:
    """The one bearer of a shared surname the headline names, for a bare surname in the body when no other
    bearer is named in its paragraph or the one before (else "")."""
    headlined = {o.name for o in group if o.field == "title" and o.name in names}
    if len(headlined) != 1 or m.field != "body" or m.role:
        return ""
    lead = next(iter(headlined))
    if not any(
        body[body.rfind("\n", 0, at.start()) + 1 : at.start()].strip()
        for at in re.finditer(re.escape(lead), body)
    ):  # written inside a line of the body too: a name, not a headline's "Cruz Questions Trump"
        return ""
    since = body.rfind("\n\n", 0, max(body.rfind("\n\n", 0, m.start), 0))
    if any(
        o.field == "body"
        and o.name in names
        and o.name not in headlined
        and since <= o.start < m.start
        for o in group
    ):
        return ""
    return lead


def _named_before(group: list[Mention], name: str, m: Mention) -> bool:
    """Is the full name written in the article before the mention ``m`` (a headline before the body)?"""
    at = (m.field != "title", m.start)
    return any(o.name == name and (o.field != "title", o.start) < at for o in group)


def _untyped_full_names(group: list[Mention], body: str) -> None:
    """An untyped run of two or three capitalised words ("Cyntoia Brown": no known first name) whose last
    word the article also uses alone as a person or a speaker ("Brown said") is that person's full name,
    so that "Brown" is read as her and not as another article's Jerry Brown (unless the article has a
    typed full name for it already). The run must be written inside a sentence somewhere too (so not a
    heading's "Vintage Biden")."""
    alone = {
        m.name
        for m in group
        if (m.type == "person" or (m.type == "unknown" and m.subject)) and " " not in m.name
    }
    alone -= {_tokens(m.name)[-1] for m in group if m.type == "person" and " " in m.name}
    for m in group:
        parts = _tokens(m.name)
        if (
            m.type == "unknown"
            and 2 <= len(parts) <= 3
            and parts[-1] in alone
            and all(p[:1].isupper() and p.lower() not in cues.NOT_NAMES for p in parts)
            and re.search(r"[a-z,;]\s+" + re.escape(m.text) + r"\b", body)
            and not re.search(r"\b(?:[Aa]n?|[Tt]he)\s+" + re.escape(m.text) + r"\b", body)
        ):  # not "a Dalek Trump": a name takes no article
            m.type, m.evidence = "person", m.evidence or "surname"


def _nicknamed(group: list[Mention], body: str) -> None:
    """A first name and a surname around a nickname in quotation marks ("Craig “Buster” Barnard") are one
    person's full name, not a "Barnard" another article names in full."""
    body_mentions = sorted((m for m in group if m.field == "body"), key=lambda m: m.start)
    for k, first in enumerate(body_mentions):
        last = next(
            (
                m
                for m in body_mentions[k + 1 : k + 3]
                if _NICKNAME.fullmatch(body[first.end : m.start])
            ),
            None,
        )  # the nickname may be a mention of its own
        if (
            last is not None
            and " " not in first.name
            and first.text[:1].isupper()
            and first.text.lower() in first_names()
            and last.text[:1].isupper()
            and first.type in {"person", "unknown"}
            and last.type in {"person", "unknown"}
        ):
            for m in (first, last):
                m.name, m.type, m.evidence = (
                    f"{first.text} {last.text}",
                    "person",
                    m.evidence or "first name",
                )


#: A nickname between a first name and a surname.
_NICKNAME = re.compile(r"\s+[“\"‘'][A-Z][\w .'-]{0,20}[”\"’']\s+")


_KIN = re.compile(
    r"\b(?:son|daughter|wife|husband|brother|sister|father|mother|spouse|nephew|niece|cousin|son-in-law"
    r"|daughter-in-law|widow|grandson|granddaughter)\b[’']?s?,?\s*$",
    re.IGNORECASE,
)


_MIDDLE_INITIAL = re.compile(r"\s[A-Z]\.(?=\s)")


def _initials_in_article(group: list[Mention]) -> None:
    """ "Donald J. Trump" and "Donald Trump" in one article are one person: the form without the middle
    initial."""
    plain = {m.name for m in group if m.type == "person" and not _MIDDLE_INITIAL.search(m.name)}
    for m in group:
        if m.type == "person" and _MIDDLE_INITIAL.search(m.name):
            short = _MIDDLE_INITIAL.sub("", m.name)
            if short in plain:
                m.name = short


def _other_bearers(group: list[Mention], full: dict[str, str], body: str) -> set[int]:
    """Bare surnames written before the article first gives a full name that it introduces as a relative
    ("President Trump" ... "the president's son, Eric" ... "Eric Trump"): someone else of that surname, so
    none of them is tied to the full name (ids of those mentions)."""
    order = sorted(group, key=lambda m: (m.field == "body", m.start))
    first: dict[str, int] = {}
    for pos, m in enumerate(order):
        if m.type == "person" and len(_tokens(m.name)) >= 2:
            first.setdefault(m.name, pos)
    opening: dict[str, list[Mention]] = defaultdict(list)  # body mentions by their first word
    for m in group:
        words = _tokens(m.text)
        if m.field == "body" and words:
            opening[words[0]].append(m)
    refused: set[int] = set()
    for name, at in first.items():
        given, surname = _tokens(name)[0], _tokens(name)[-1]
        kin = any(_KIN.search(body[max(0, m.start - 40) : m.start]) for m in opening.get(given, ()))
        early = [m for m in order[:at] if m.type in {"person", "unknown"} and m.name == surname]
        if kin and early and full.get(surname) == name:
            refused.update(id(m) for m in early)
    return refused


def _first_names_alone(group: list[Mention]) -> None:
    """ "Kellyanne" alone is "Kellyanne Conway" when she is the only person of that first name here and
    nobody here has it as a surname."""
    opens: dict[str, set[str]] = defaultdict(set)
    surnames: set[str] = set()
    for m in group:
        tokens = _tokens(m.name)
        # "Trump Jr.": a surname and its suffix, no first name "Trump" (but "Charles III" is King Charles)
        suffixed = bool(tokens) and is_generational(tokens[-1])
        tokens = tokens[:-1] if suffixed else tokens
        if m.type == "person" and len(tokens) >= 2:
            surnames.add(tokens[-1])
            if len(m.name.split()) - suffixed == 2 or tokens[0].lower() in first_names():
                opens[tokens[0]].add(m.name)  # not "Trump Donald John TrumpTrump" (a link run in)
    for m in group:
        forms = opens.get(m.name, set())
        if (
            m.type in {"person", "unknown"}
            and len(_tokens(m.name)) == 1
            and len(forms) == 1
            and m.name not in surnames
            and m.name.isalpha()
        ):
            m.name, m.type = next(iter(forms)), "person"
            m.evidence = m.evidence or "first name"


def surnames_in_capitals(group: list[Mention]) -> None:
    """A surname written in capitals, as a transcript heads a speaker's lines ("TRUMP: “…”"), is the one
    person of the article with that surname, not an acronym."""
    people: dict[str, set[str]] = defaultdict(set)
    for m in group:
        if m.type == "person" and len(_tokens(m.name)) >= 2:
            people[_tokens(m.name)[-1]].add(m.name)
    for m in group:
        capitals = m.text.isupper() and m.text.isalpha() and len(m.text) > 2
        named = people.get(m.text.title(), set()) if capitals else set()
        if m.type in {"organisation", "unknown"} and len(named) == 1:
            m.name, m.type, m.evidence = next(iter(named)), "person", "surname"


#: "the elder Mr. Bush", "the younger Bush", "the first Mr. Bush": the article writes of two of a family, so
#: its bare surname is not the corpus's usual bearer of it ("the first Trump administration" is no family;
#: "Joseph R. Biden Jr." is one man).
_NAME = r"([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)\b(?!\s+[A-Z])"
_FAMILY = re.compile(
    rf"\b[Tt]he\s+(?:elder|younger)\s+(?:(?:Mr|Mrs|Ms|President)\.?\s+)?{_NAME}"
    rf"|\b[Tt]he\s+(?:first|second)\s+(?:Mr|Mrs|Ms|President)\.?\s+{_NAME}"
)


def family_surnames(body: str) -> set[str]:
    """The surnames ``body`` gives to two of a family ("the elder Mr. Bush")."""
    return {next(name for name in found if name) for found in _FAMILY.findall(body)}
