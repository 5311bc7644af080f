"""Candidate names: maximal runs of capitalised tokens in one parsed field, with name particles ("von
der") and organisation connectors ("Ministry of") inside, for :mod:`analysis.extract.rules` to type.

A function word or date opens no run, unless it is a surname the field writes after a first name and a
verb follows ("Page has denied" after "Carter Page"); a capitalised run that is the first part of a
hyphenated word ("London-based") is none.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.extract import cues
from analysis.extract.context import HYPHENED_PARTICLES, is_cap, is_caption
from analysis.extract.gazetteer import first_names, places
from analysis.extract.pipeline import PARTICLES, FieldDoc
from analysis.extract.sentences import in_credit_paragraph
from analysis.extract.variants import junior_comma

__all__ = ["CONNECTORS", "capitalised_runs", "link_echo", "no_one_spoken_of", "without_junior"]

#: Lower-case words that join two capitalised parts of one name ("Ministry of Defence").
CONNECTORS = frozenset({"of", "for", "on"})


def capitalised_runs(doc: FieldDoc) -> Iterator[tuple[int, int, str | None]]:
    """Maximal runs of capitalised tokens (with name particles and organisation connectors inside)."""
    words, starts = doc.words, doc.sent_start
    n, i = len(words), 0
    while i < n:
        word = words[i]
        if (
            not is_cap(word)
            or not any(c.isalpha() for c in word)
            or _skip_start(doc, i)
            or is_caption(words, i)
        ):
            i += 1
            continue
        j = i + 1
        while j < n and not starts[j]:
            nxt = words[j]
            if (
                nxt.lower() in cues.HONORIFICS and words[j - 1].lower() in cues.ORG_HEADS
            ) or is_caption(words, j):
                break  # "the Foreign Policy Centre Mr Straw said": two names
            if is_cap(nxt) and any(c.isalpha() for c in nxt):
                j += 1
            elif nxt == "-" and doc.spaces[j - 1] == "" and j + 1 < n and is_cap(words[j + 1]):
                j += 2
            elif _given_syllable(doc, i, j):
                j += 2  # "Moon Jae-in", "Kim Jong-un", "Lawrence Ka-ki Ho": a hyphenated given name
            elif _office_of(doc, j):
                j += 2  # "the Sheriff's Department", "the Attorney General's Office": a body
            elif (
                _joins(words, i, j)
                and (after := _after_article(words, i, j, _after_particles(words, j))) < n
                and is_cap(words[after])
            ):
                j = after + 1
            else:
                break
        j = _suffixed(doc, i, j)
        if not _in_compound(doc, i, j):
            k = i
            while (
                k > 0
                and words[k - 1] in PARTICLES
                and words[k - 1] not in {"al", "el"}
                and not starts[k]
            ):
                k -= 1  # "von der Leyen" written mid-sentence
            k = k if k > 0 and doc.spaces[k - 1] and not is_cap(words[k - 1]) else i
            yield k - 1 if _ordinal_court(words, k) else k, j, None  # "the 9th Circuit"
        i = j


_GLUED = re.compile(r"^([A-Z][a-z]+)[A-Z]")


def link_echo(words: list[str], start: int, end: int) -> int:
    """Where a name ends that a web page's link text repeats glued to the next headline ("Sen. John Cornyn
    John CornynGOP senators balk ...", "President Trump Donald John TrumpGOP ..."): after the first
    writing of the surname the glued word opens with, or 0."""
    for k in range(start + 1, end):
        glued = _GLUED.match(words[k])
        if glued and glued.group(1) in words[start:k]:
            return words.index(glued.group(1), start, k) + 1
    return 0


_VERSUS_AFTER = re.compile(r"\s+v(?:s)?\.?\s+[A-Z]")
_VERSUS_BEFORE = re.compile(r"[A-Za-z]\s+v(?:s)?\.?\s+$")


def no_one_spoken_of(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` a party in a case's name ("Roe v. Wade", "Citizens United v FEC") or part
    of a photo credit ("REUTERS/Brendan McDermid/File Photo", "Chip Somodevilla/Getty Images"), where no one
    is spoken of (not "Jonathan Greenblatt/ADL tweeted")?"""
    case = _VERSUS_AFTER.match(text, end) or _VERSUS_BEFORE.search(text, max(0, start - 8), start)
    slash = text[start - 1 : start] == "/" or text[end : end + 1] == "/"
    return bool(case) or (slash and in_credit_paragraph(text, start))


def without_junior(words: list[str], start: int, end: int) -> tuple[int, bool]:
    """``(end, True)`` without a generational suffix written after a comma that ends the run ("Donald Trump,
    Jr.": the name is typed as "Donald Trump" and written "Donald Trump Jr."), else ``(end, False)``."""
    junior = end - start > 3 and junior_comma(words, end - 2)
    return (end - 2, True) if junior else (end, False)


def _suffixed(doc: FieldDoc, i: int, j: int) -> int:
    """The run's end past a generational suffix written after a comma, when the run opens with a first
    name ("Donald Trump, Jr.", "Donald B. Verrilli, Jr., the solicitor general"): one person, the son."""
    words = doc.words
    named = j - i >= 2 and words[i].lower() in first_names()
    return j + 2 if named and junior_comma(words, j) and doc.spaces[j - 1] == "" else j


_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")


def _ordinal_court(words: list[str], i: int) -> bool:
    """Does an ordinal before ``i`` open a court's name ("9th Circuit", "5th U.S. Circuit Court of Appeals")?"""
    court = words[i + 1 : i + 2] == ["Circuit"] if words[i] == "U.S." else words[i] == "Circuit"
    return i > 0 and court and _ORDINAL.fullmatch(words[i - 1]) is not None


def _after_particles(words: list[str], j: int) -> int:
    """Index after a sequence of name particles starting at ``j`` ("von der", "al-" of "Bashar al-Assad")."""
    k = j + 1
    while k < len(words) and (words[k] in PARTICLES or words[k - 1 : k + 1] in HYPHENED_PARTICLES):
        k += 1
    return k


def _after_article(words: list[str], i: int, j: int, after: int) -> int:
    """Past "the" after a body's connector ("Court of Appeals for the District of Columbia", "Organization
    for the Prohibition of Chemical Weapons"); not after a title's ("Minister for the Interior Laurent")."""
    body = {w.lower() for w in words[i:j]} & cues.ORG_HEADS
    article = words[j] in CONNECTORS and words[after : after + 1] == ["the"]
    timed = words[after + 1 : after + 2] in (["Year"], ["Week"], ["Month"], ["Day"], ["Century"])
    return after + 1 if article and body and not timed else after  # not "Leader of the Year"


#: Lower-case ends of short hyphenated compounds after a name ("Hong Kong-born", "White House-led").
_COMPOUND_ENDS = frozenset(
    [
        "led",
        "run",
        "era",
        "wide",
        "area",
        "born",
        "like",
        "only",
        "free",
        "held",
        "type",
        "made",
        "size",
        "ran",
    ]
)


#: Offices named for their holder ("the Sheriff's Department", "the District Attorney's Office").
_HOLDERS = frozenset(
    "sheriff attorney general mayor governor coroner minister comptroller controller auditor treasurer "
    "clerk marshal commissioner secretary".split()
)


def _office_of(doc: FieldDoc, j: int) -> bool:
    """Is the token at ``j`` the possessive of an office-holder's title, followed by "Office" or
    "Department" ("Sheriff's Department")?"""
    words = doc.words
    return (
        j + 1 < len(words)
        and words[j] in {"'s", "’s"}
        and doc.spaces[j - 1] == ""
        and words[j - 1].lower() in _HOLDERS
        and words[j + 1] in {"Office", "Department"}
    )


def _given_syllable(doc: FieldDoc, i: int, j: int) -> bool:
    """Does a romanised Korean or Cantonese given name go on at ``j`` ("Moon Jae" + "-in", "Park Geun" +
    "-hye"): a run of two or more words whose short last word a hyphen joins to a short lower-case
    syllable?"""
    words = doc.words
    if j - i < 2 or j + 1 >= len(words) or words[j] != "-" or doc.spaces[j - 1] != "":
        return False
    tail = words[j + 1]
    ends = j + 2 >= len(words) or words[j + 2] != "-"  # not "Jae-in-law"
    short = len(words[j - 1]) <= 5 and tail.isalpha() and tail.islower() and len(tail) <= 4
    plain = tail not in _COMPOUND_ENDS and tail not in PARTICLES  # not "Clemence Ross-van Dorp"
    return short and ends and doc.spaces[j] == "" and plain


def _in_compound(doc: FieldDoc, i: int, j: int) -> bool:
    """Is the run the first part of a hyphenated word ("London-based", "Iran-backed")?"""
    words = doc.words
    after = (
        j + 1 < len(words)
        and words[j] == "-"
        and doc.spaces[j - 1] == ""
        and words[j + 1][:1].islower()
    )
    before = (
        i > 1 and words[i - 1] == "-" and doc.spaces[i - 2] == "" and words[i - 2][:1].islower()
    )
    return after or before


def _skip_start(doc: FieldDoc, i: int) -> bool:
    """A function word or date opens no name, unless mid-sentence before another capital ("New Eurasian")."""
    word = doc.words[i]
    low = word.lower()
    if low not in cues.NOT_NAMES or (word.isupper() and len(word) > 1 and not doc.sent_start[i]):
        return False
    if word in doc.surnames and doc.words[i + 1 : i + 2][0:1] and _acts(doc.words[i + 1]):
        return False  # "Page has denied" after "Carter Page", "May said" after "Theresa May"
    if word.isupper() and len(word) > 1 and low in {"us", "it"}:
        return False
    if low != "new" or doc.sent_start[i]:
        return True
    return i + 1 >= len(doc.words) or not is_cap(doc.words[i + 1])


def _acts(word: str) -> bool:
    """Is the word a verb a subject acts with ("said", "has", "was")?"""
    return word.lower() in cues.REPORTING_VERBS or word in cues.AUXILIARIES


#: The bodies whose name goes on with "on" and a subject ("Committee on Foreign Relations", "Council on
#: Foreign Relations", "Task Force on ..."); a chamber or a government does not ("Congress on the ...").
_TOPIC_BODIES = frozenset(
    "committee subcommittee commission council conference force panel institute center centre "
    "coalition office forum caucus board alliance network project group research convention program "
    "programme".split()
)


def _joins(words: list[str], start: int, at: int) -> bool:
    """Does the lower-case word at ``at`` join two capitalised parts of one name?"""
    word = words[at]
    if word in PARTICLES or word == "&":
        return True
    before = {w.lower() for w in words[start:at]}
    bodies = before & (cues.ORG_HEADS | cues.ORG_STARTERS)
    if word == "on" and words[at - 1].lower() not in _TOPIC_BODIES:
        return False  # "Congress on the Benghazi attack": a body acting on something, no "on" in its name
    if word in CONNECTORS:
        return bool(bodies or before & {"secretary", "minister", "chief"})
    if word == "and" and at + 1 < len(words) and is_cap(words[at + 1]):
        return _two_nouns_of_a_body(words, start, at) or _closing_noun(words, start, at, bodies)
    return False


def _two_nouns_of_a_body(words: list[str], start: int, at: int) -> bool:
    """ "Securities and Exchange Commission", "Food and Drug Administration": one word, "and", one word and a
    public body's head ending the run; not "Navy and Marine Corps" (two bodies), "Centers for Medicare and
    Medicaid Services" read from "Medicare", or "... and European Council President Antonio Costa"."""
    if at - start != 1 or at + 2 >= len(words) or not is_cap(words[at + 2]):
        return False
    if words[at + 2].lower() not in _PUBLIC_HEADS or (
        at + 3 < len(words) and is_cap(words[at + 3])
    ):
        return False
    first = words[start]
    alone = first.lower() in cues.ORG_HEADS and not first.endswith("s")  # "Navy", "Police"
    return words[start - 1] not in CONNECTORS and first not in cues.KNOWN_ORGS and not alone


def _closing_noun(words: list[str], start: int, at: int, bodies: set[str]) -> bool:
    """ "Department for Education and Skills": a body's name with its connector, "and" and one plain noun
    ending the run, or two whose last is a common noun by its ending ("Department of Health and Human
    Services", "Housing and Urban Development"); not "Secretary of State Hillary Clinton and Democratic
    allies" (a person's run) nor "Ministry of Defence and John Smith"."""
    after = at + 1
    while after < len(words) and is_cap(words[after]):
        after += 1
    closing = words[at + 1 : after]
    goes_on = (
        after < len(words) and words[after] in CONNECTORS
    )  # "... and Heritage Action for America"
    return (
        bool(bodies)
        and bool({w.lower() for w in words[start:at]} & CONNECTORS)
        and (
            (len(closing) == 1 and _plain_noun(closing[0]))
            or (
                len(closing) == 2
                and not goes_on
                and closing[1].lower().endswith(_NOUN_ENDINGS)
                and (_plain_noun(closing[1]) or closing[1] == "Services")
                and closing[0].lower() not in places()
            )
        )
        and not any(w.lower() in first_names() for w in words[start:at])
    )


#: Endings of common nouns that close a body's name ("Services", "Development", "Enforcement").
_NOUN_ENDINGS = (
    "ment",
    "ments",
    "ion",
    "ions",
    "ices",
    "ity",
    "ities",
    "ness",
    "ure",
    "ics",
    "ance",
)


#: Heads of a public body whose name may join two nouns ("Securities and Exchange Commission", "Food and Drug
#: Administration", "Finance and Economy Ministry"); not a company's ("Fiat and General Motors": two).
_PUBLIC_HEADS = frozenset(
    """
    commission administration agency department board committee service bureau council authority
    office ministry
    """.split()
)


def _plain_noun(word: str) -> bool:
    """A capitalised common noun closing a body's name after "and" ("Department for Education and Skills",
    "Arts and Sciences"), not a name, place or body of its own ("Ministry of Defence and Nato")."""
    low = word.lower()
    return (
        word[1:].islower()
        and low not in first_names()
        and low not in places()
        and low not in cues.ORG_HEADS
        and word not in cues.KNOWN_ORGS
    )
