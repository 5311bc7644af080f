"""Roles: the title or office written before a name ("former Defense Secretary", "coach", "Director of
National Intelligence") and where the name itself starts in a capitalised run.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.context import is_acronym, is_demonym_word, looks_like_name
from analysis.extract.described import EXTRA_SOURCES, WORD
from analysis.extract.gazetteer import first_names, places
from analysis.extract.pipeline import FieldDoc
from analysis.extract.sentences import INTRODUCTORY_WORDS

if TYPE_CHECKING:
    from analysis.extract.entities import Mention
    from analysis.extract.referents import SpeakerContext

LINKS = frozenset({"for", "of", "to", "with", "from", "at", "representing", "by"})

APPOSITION = re.compile(
    r"^\s*,\s*(?:who is |who was )?(?:the |a |an |its |his |her )?([^,.;:“”\"()]{2,80})"
)
#: A role said of the name ("Snipes, 75, is the Broward county supervisor of elections").
_PREDICATE = re.compile(
    r"^\s*(?:,\s*\d{1,3}\s*,)?\s+(?:is|was)\s+(?:the|a|an|its)\s+([^,.;:“”\"()]{2,80})"
)

#: A role written before a name and a comma ("its Republican speaker, John Boehner", "the company's chief
#: executive, Tim Cook").
_ROLE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.-]*['’]s)\s+((?:[\w.-]+\s+){0,3}[\w.-]+),\s*$"
)


def is_title(word: str) -> bool:
    """Is the word a role's head, with or without its dot ("President", "Sen", "Sen.", "senator")?"""
    low = word.lower().removesuffix("-elect").rstrip(".")  # "Sen.-elect" is the title "Sen." to be
    return low in cues.ROLE_HEADS or low + "." in cues.ROLE_HEADS


def is_role_word(word: str) -> bool:
    return is_title(word) or word.lower().rstrip(".") in cues.ROLE_MODIFIERS


def is_head(word: str) -> bool:
    low = word.lower()
    if word.isupper() and low in cues.SHORT_TITLES:
        return False  # "ADM Tronics", a company; "Adm" is the title
    elect = low.endswith("-elect") and is_title(word)  # "Sen.-elect"
    return (
        low in cues.HONORIFICS
        or low in cues.ROLE_HEADS
        or low.rstrip(".") in cues.ROLE_HEADS
        or elect
    )


def prefix_word(word: str) -> bool:
    """May the word stand in a title before a name ("U.S.", "MoD", "European", "Defense", "-")?"""
    low = word.lower()
    return (
        is_role_word(word)
        or low in places()
        or is_demonym_word(word)
        or word in cues.KNOWN_ORGS
        or low in cues.ORG_HEADS
        or is_acronym(word)
        or word == "-"
    )


def describes_name(words: list[str]) -> bool:
    """Do the words (a chunk after a name and a comma) describe that name ("a spokeswoman for ...",
    "commissioner of ...", "identified as a former Romney cabinet member", "Judiciary committee chairman")?"""
    return words[0] in _DESCRIBING or _office_phrase(words)


_DESCRIBING = (
    cues.ROLE_HEADS
    | cues.ROLE_MODIFIERS
    | {"a", "an", "the", "identified", "described", "known", "billed", "listed"}
)


def _office_phrase(words: list[str]) -> bool:
    """Does the phrase open with an office written without an article, its head in lower case or before "of",
    "for" or "at" ("Judiciary committee chairman", "Director of the FBI"): an apposition, not a titled name?"""
    if not words or not words[0][:1].isupper():
        return False
    for i, w in enumerate(words[:6]):
        if is_title(w) and (w[:1].islower() or words[i + 1 : i + 2] in (["of"], ["for"], ["at"])):
            return True  # "Under Secretary for Science and Technology at DHS"; not "Vice President Pence"
        if not (w[:1].isupper() or prefix_word(w)):
            return False
    return False


#: Titles that are also common surnames: after an honorific they are the name ("Mr. King"; not "Mr. President").
_SURNAME_TITLES = frozenset({"king", "bishop", "major", "judge", "prince", "pope", "marshal"})


def _honorific_surname(before: str, word: str) -> bool:
    titles = _SURNAME_TITLES | cues.SPORT_POSITIONS
    return before.lower() in cues.HONORIFICS and word.lower() in titles


def _surname_written(word: str, text: str) -> bool:
    """Is the title word written as someone's surname in the text too ("Dr. King", "Mark Judge"; not only
    "District Judge Dana Sabraw")?"""
    if word.lower() not in _SURNAME_TITLES:
        return False
    return re.search(rf"\b[A-Z][a-z]*\.? {re.escape(word)}\b(?! [A-Z])", text) is not None


def _article_before(words: list[str], k: int) -> bool:
    return k > 0 and words[k - 1].lower() in {"the", "a", "an"}


def role_prefix_end(words: list[str], start: int, end: int, text: str = "") -> int:
    """Where the name starts in a capitalised run opening with a title ("U.S. President Donald Trump");
    ``text``: the field's, where a title word alone may be written as a surname too."""
    if (
        end - start == 1
        and _surname_written(words[start], text)
        and not _article_before(words, start)
    ):
        return start  # "King praised the clergy" after "Dr. King": a surname alone, not "the King"
    last_head = start
    for k in range(start, end):
        if k == end - 1 and k > 0 and _honorific_surname(words[k - 1], words[k]):
            break  # "Mr. King", "Dr. King", "Mr Major": a surname that is also a title
        if is_head(words[k]) and not _hyphened(words, k, end):
            last_head = k + 1
        elif not prefix_word(words[k]):
            break
    if _general_body(words, start, last_head, end):
        return start  # "General Assembly", "U.N. General Assembly": a body's whole name
    if last_head == start:
        last_head = inner_role_end(words, start, end)
        if last_head == start:
            return start
    else:  # "CNN Chief Political Analyst Gloria Borger": the title goes on past a word of no title
        last_head = max(last_head, inner_role_end(words, last_head, end))
    while last_head < end and (
        words[last_head].lower() in {"of", "state", "staff", "the", "-", "general"}
    ):
        last_head += 1  # "Secretary of State", "Chief of Staff", "Secretary-General"
    if last_head < end and words[last_head - 1].lower() in {"of", "for"}:
        named = next(
            (
                k
                for k in range(last_head + 1, end - 1)
                if words[k].lower() in first_names() and looks_like_name(words[k:end])
            ),
            None,
        )  # "Director of National Intelligence James Clapper"
        last_head = named if named is not None else last_head
    return _after_pageant(words, last_head, end)


def _general_body(words: list[str], start: int, last_head: int, end: int) -> bool:
    """Is the run's only title word "General", before a body's word ("the General Services
    Administration", "U.N. General Assembly")? Then it names that body, and no general."""
    return (
        last_head > start
        and words[last_head - 1] == "General"
        and not any(is_head(w) for w in words[start : last_head - 1])
        and words[end - 1].lower() in cues.ORG_HEADS
    )


def _hyphened(words: list[str], k: int, end: int) -> bool:
    """Is the word the first half of a hyphened name ("Star-Telegram", "Star-Ledger"), not a title?"""
    return (
        k + 2 < end
        and words[k + 1] == "-"
        and words[k + 2][:1].isupper()
        and not is_head(words[k + 2])  # "Secretary-General" stays a title
    )


def _after_pageant(words: list[str], at: int, end: int) -> int:
    """Past a pageant's title after "Miss" when a first name follows ("Miss Universe Alicia Machado",
    "Miss Teen USA Kathy Zhu"): the name starts there."""
    if at == 0 or words[at - 1].lower() != "miss":
        return at
    for k in range(at + 1, min(at + 3, end)):
        if words[k].lower() in first_names() and pageant_title(words[at - 1 : k]):
            return k
    return at


def name_inside(words: list[str], start: int, end: int) -> int | None:
    """Where a first-name-led name starts at the end of the run, if one does."""
    return next(
        (
            k
            for k in range(start, end - 1)
            if words[k].lower() in first_names() and looks_like_name(words[k:end])
        ),
        None,
    )


def inner_role_end(words: list[str], start: int, end: int) -> int:
    """ "Homeland Security Secretary John Kelly": a role word inside the run with a name after it."""
    for k in range(end - 2, start, -1):
        low = words[k].lower()
        if (low not in cues.ROLE_HEADS and low not in cues.HONORIFICS) or _hyphened(words, k, end):
            continue
        rest = words[k + 1 : end]
        if rest[:1] and rest[0].lower() in {"of", "for"}:  # "White House Chief of Staff John Kelly"
            named = (j for j in range(k + 2, min(end - 1, k + 6)) if _opens_name(words, j, end))
            return next(named, start)
        single = (
            len(rest) == 1
            and rest[0].isalpha()
            and rest[0][:1].isupper()
            and not rest[0].isupper()
            and rest[0].lower() not in places()
            and rest[0] not in cues.KNOWN_ORGS
            and rest[0].lower() not in cues.ORG_HEADS
        )
        return k + 1 if single or looks_like_name(rest, titled=True) else start
    return start


def _opens_name(words: list[str], j: int, end: int) -> bool:
    """Does a person's name run from ``j`` to the run's end: opening with a first name, or two words no
    title word opens ("Reince Priebus"; not "Staff John Kelly", "State John Kerry")?"""
    first = words[j].lower() in first_names() or (end - j == 2 and not prefix_word(words[j]))
    return first and looks_like_name(words[j:end], titled=True)


ROLE_PREFIXES = frozenset(
    {"former", "acting", "deputy", "interim", "outgoing", "then", "ex", "ex-", "incoming"}
)


def written_before(doc: FieldDoc, start: int) -> int:
    """Words such as "former" or "acting" right before a capitalised title stay with the role ("former
    Defense Secretary Grant Shapps")."""
    k = start
    while k > 0 and not doc.sent_start[k] and doc.words[k - 1].lower() in ROLE_PREFIXES:
        k -= 1
    return k


def role_before(doc: FieldDoc, start: int) -> int:
    """Start of the role words written before a name ("coach", "the Russian president", "Mr")."""
    words, k = doc.words, start
    while k > 0 and not doc.sent_start[k]:
        word = words[k - 1]
        if k < start and _joined_hyphen(doc, k - 1) and k - 2 > 0 and not doc.sent_start[k - 1]:
            k -= 2  # "front-runner": the word before the hyphen is the role's too, not "runner" alone
            continue
        if not (is_role_word(word) or word.lower() in cues.HONORIFICS or is_demonym_word(word)):
            break
        k -= 1
    return k if has_role(words[k:start]) else start


def _joined_hyphen(doc: FieldDoc, k: int) -> bool:
    """Is token ``k`` a hyphen joining the words on either side, no space around it ("front-runner")?"""
    at = doc.idx[k]
    return (
        doc.words[k] == "-"
        and doc.text[at - 1 : at].strip() != ""
        and doc.text[at + 1 : at + 2].strip() != ""
    )


def has_role(words: list[str]) -> bool:
    return any(is_head(w) for w in words)


def role_text(words: list[str]) -> str:
    """The role as written, without honorifics and leading/trailing function words."""
    kept = [w for w in words if w.lower() not in cues.HONORIFICS]
    while kept and kept[0].lower() in {"the", "a", "an", "of", "and", "for"}:
        kept = kept[1:]
    while kept and kept[-1].lower() in {"of", "the", "and", "for"}:
        kept = kept[:-1]
    return " ".join(kept).replace(" - ", "-") if has_role(kept) else ""


def pageant_title(words: list[str]) -> bool:
    """Is a name written after "Miss" a pageant's title: a place, after the run's last "Miss" if it holds
    one ("Miss Michigan", "Ousted Miss Michigan", "Miss Teen USA", "Miss Universe")? It names no person."""
    at = max((i for i, w in enumerate(words) if w.lower() == "miss"), default=-1)
    rest = " ".join(words[at + 1 :]).lower().removeprefix("teen ")
    return rest in places() or rest in {"universe", "world", "earth", "international"}


def holds_title(head: str, roles: set[str]) -> bool:
    """Is the title one of the person's role words, or of their stem ("senator" for the "Senate Minority
    Leader", "minister" for the "Ministry of Defence")?"""
    return (
        head in roles
        or any(len(r) > 4 and r[:5] == head[:5] for r in roles)
        or bool(roles & _HELD_BY.get(head, set()))  # "the Florida lawmaker": Rep. Matt Gaetz
    )


#: Titles a description writes for several offices ("the lawmaker" for a senator or a representative).
_LAWMAKERS = frozenset(
    [
        "representative",
        "rep",
        "senator",
        "sen",
        "congressman",
        "congresswoman",
        "congressmember",
        "legislator",
        "lawmaker",
        "mp",
        "assemblyman",
        "assemblywoman",
        "assemblymember",
        "delegate",
    ]
)
_HELD_BY = {
    "lawmaker": _LAWMAKERS,
    "legislator": _LAWMAKERS,
    "congressman": _LAWMAKERS - {"senator", "sen"},
}


def title_holder(head: str, names: set[str], roles: dict[str, set[str]]) -> str:
    """The one of ``names`` whose role words hold the title ``head`` when every other's known roles do not
    ("the right-wing prime minister" after a sentence naming Netanyahu, the Israeli prime minister, Speaker
    John Boehner and President Barack Obama); "" when none, several, or another's roles are unknown."""
    holders = {n for n in names if holds_title(head, roles.get(n, set()))}
    others_known = all(roles.get(n) for n in names - holders)
    return next(iter(holders)) if len(holders) == 1 and others_known else ""


def sole_titled(words: list[str], names: set[str], roles: dict[str, set[str]]) -> str:
    """The one of ``names`` a definite description ("the president", "the House speaker") fits: the title
    (the last word) held and every other word among that person's roles; "" when none or several do."""
    fits = {
        n
        for n in names
        if holds_title(words[-1], roles.get(n, set())) and set(words[:-1]) <= roles.get(n, set())
    }
    return next(iter(fits)) if len(fits) == 1 else ""


def sole_titled_before(ctx: SpeakerContext, description: re.Match[str], k: int) -> str:
    """The one person named before sentence ``k`` with the title a definite description opening it
    (``described._DESCRIPTION``'s match) writes (:func:`sole_titled`), or ""."""
    text = description.string[description.start(1) : description.end("head")]
    named = {m.name for m in ctx.outside if m.type == "person" and m.start < ctx.sentences[k]}
    return sole_titled(WORD.findall(text.lower())[1:], named, ctx.roles)


#: Titles written short before a name, as a description writes them ("Gov. Whitmer" ... "the governor").
_TITLE_WORDS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "pres": "president",
    "supt": "superintendent",
    "atty": "attorney",
}


def role_words(role: str) -> set[str]:
    """The words of a title written before a name, short forms spelt out ("Sen." -> {"senator"})."""
    words = WORD.findall(role.lower().replace("-", " ").replace(".", ""))
    return {_TITLE_WORDS.get(w, w) for w in words}


def person_roles(mentions: list[Mention], body: str) -> dict[str, set[str]]:
    """Each person's role words: titles written before the name, appositions after it or before it."""
    roles: dict[str, set[str]] = {}
    for m in mentions:
        if m.type != "person":
            continue
        found = roles.setdefault(m.name, set())
        found.update(role_words(m.role))
        after = body[m.end : m.end + 90]
        match = _PREDICATE.match(after) or APPOSITION.match(after)
        if match:
            phrase = WORD.findall(match.group(1).lower().replace("-", " ").replace(".", ""))
            cut = next(
                (i for i, w in enumerate(phrase) if i and w in LINKS | {"on", "in"}), len(phrase)
            )
            phrase = phrase[:cut]
            if phrase and (phrase[-1] in cues.ROLE_HEADS or phrase[-1] in EXTRA_SOURCES):
                found.update(phrase)
        found.update(_role_before(body, m))
    return roles


def _role_before(body: str, m: Mention) -> list[str]:
    """The role words written before the name and a comma, closed after it ("its Republican speaker, John
    Boehner, that angered"); none after an introductory phrase ("After meeting with the president, Sanders
    ...") or when the name goes on to its verb."""
    before = _ROLE_BEFORE.search(body[max(0, m.start - 80) : m.start])
    if not before or body[m.end : m.end + 1] not in {",", ".", ";", ")"}:
        return []
    clause = re.split(r"[.,;:\n]\s", body[max(0, m.start - 200) : m.start - len(before.group(0))])[
        -1
    ]
    first = clause.split()[:1]
    if not first or first[0].lower() in INTRODUCTORY_WORDS or first[0].lower().endswith("ing"):
        return []
    phrase = WORD.findall(before.group(1).lower().replace("-", " "))
    return phrase if phrase and phrase[-1] in cues.ROLE_HEADS else []


def affiliated_speaker(doc: FieldDoc, start: int, end: int) -> bool:
    """Is the name followed by the body it is with and then a reporting verb ("Avik Roy of the Manhattan
    Institute added", "Avik Roy, of the Manhattan Institute, said")? A body's name is capitalised words
    ending in an organisation word ("Institute", "University"), after "of" and an optional "the"; a name
    after "the" is no one's ("the National Fraternal Order of Police said")."""
    words = doc.words
    if start > 0 and words[start - 1].lower() == "the":
        return False
    k = end + 1 if end < len(words) and words[end] == "," else end
    if k + 1 >= len(words) or words[k] != "of":
        return False
    k += 2 if words[k + 1].lower() == "the" else 1
    j = k
    while j < min(k + 5, len(words)) and words[j][:1].isupper() and words[j].isalpha():
        j += 1
    if j == k or words[j - 1].lower() not in cues.ORG_HEADS:
        return False
    if j < len(words) and words[j] == ",":  # the apposition closed by its comma, as it opened
        if words[end] != ",":
            return False
        j += 1
    elif words[end] == ",":
        return False
    return (
        j < len(words) and words[j].lower() in cues.REPORTING_VERBS and not words[j].endswith("ing")
    )
