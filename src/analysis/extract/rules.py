"""The rules that find and type mentions in one parsed field (used by :func:`analysis.extract.entities`).

Candidates are maximal runs of capitalised tokens (:mod:`analysis.extract.runs`: name particles such as
"von der" and organisation connectors such as "Ministry of" inside), or a trained pipeline's own entities. Each candidate is read in
steps: a title or role before the name is split off and kept as ``role``; gazetteers, organisation words,
acronyms, roles, honorifics, first names and the words around the run ("firm X", "in X", "X said") give its
type; a run nothing can type is searched for places and organisations inside it ("UK MoD").
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from analysis.extract import cues
from analysis.extract.context import (
    GROUP_WORDS,
    after_source,
    club_after,
    described_as_organisation,
    described_as_person,
    ends_in_a_body,
    group_adjective,
    head_of_body,
    is_acronym,
    is_demonym_word,
    looks_like_name,
    member_of,
    named_as_example,
    newspaper_alone,
    organisation_context,
    place_by_preposition,
    reporting_after,
    said_before,
    speaks_as_subject,
)
from analysis.extract.gazetteer import countries, first_names, places
from analysis.extract.genders import name_gender
from analysis.extract.pipeline import FieldDoc, personal_initials
from analysis.extract.roles import (
    affiliated_speaker,
    has_role,
    is_role_word,
    name_inside,
    pageant_title,
    prefix_word,
    role_before,
    role_prefix_end,
    role_text,
    written_before,
)
from analysis.extract.runs import (
    CONNECTORS,
    capitalised_runs,
    link_echo,
    no_one_spoken_of,
    without_junior,
)
from analysis.extract.sentences import after_opening_phrase
from analysis.extract.variants import junior_comma

__all__ = ["TYPES", "Mention", "doc_mentions"]

TYPES = ("person", "organisation", "place")
_BODY_VERBS = frozenset(
    "said says issued reported reports published announced added noted wrote writes confirmed".split()
)
#: Chambers ("the House", "House primary"): a body, never a person named "X" unless it speaks.
_HOUSES = frozenset("house senate assembly commons lords congress parliament legislature".split())
_POST_NOMINALS = frozenset({"MP", "MEP", "MSP", "QC", "KC", "MLA", "OBE", "MBE", "CBE"})
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass
class Mention:
    """One mention before its name is made canonical (``name`` is filled by :mod:`canonical`)."""

    article_id: str
    text: str
    type: str  # person | organisation | place | unknown
    role: str
    field: str
    start: int
    end: int
    sentence: int
    evidence: str = ""  # why it is a person: role, honorific, first name, verb, surname
    gender: str | None = None
    subject: bool = False  # next to a reporting verb ("Petrov said"): a likely speaker
    bracketed: bool = False  # written in brackets right after a long form: "(MoD)"
    lead: bool = False  # opens its sentence (after its role): the sentence's subject
    name: str = ""
    #: full names this surname is not ("President Trump", then "Eric Trump")
    not_names: tuple[str, ...] = ()


# ------------------- Candidates: capitalised runs (blank pipeline) or a trained pipeline's entities


def doc_mentions(doc: FieldDoc) -> Iterator[Mention]:
    spans = _model_spans(doc) if doc.trained else capitalised_runs(doc)
    for start, end, label in spans:
        for m in _read_span(doc, start, end, label):
            if m.type == "organisation" or not no_one_spoken_of(doc.text, m.start, m.end):
                yield m


def _model_spans(doc: FieldDoc) -> Iterator[tuple[int, int, str | None]]:
    labels = {
        "PERSON": "person",
        "ORG": "organisation",
        "GPE": "place",
        "LOC": "place",
        "FAC": "place",
    }
    for start, end, label in doc.model_ents:
        if label in labels:
            yield start, end, labels[label]


# --------------------------------------------------------------------------------------------------
# Reading one span: role apart, then type
# --------------------------------------------------------------------------------------------------


def _trim(words: list[str], start: int, end: int) -> tuple[int, int]:
    if end - start > 1 or words[start].lower() not in places():
        while (
            start < end
            and words[start].lower() in {"the", "a", "an"}
            and " ".join(words[start:end]).lower() not in places()
        ):
            start += 1
    while end - start > 2 and words[end - 1] in _POST_NOMINALS:
        end -= 1  # "Peter Ainsworth MP", "Lord Goldsmith QC"
    while end > start and (
        words[end - 1] in {"-", "&", "'s", "’s", "'", "’", "The", "A", "An"}
        or words[end - 1].lower() in _DAYS
        or words[end - 1] in CONNECTORS
    ):
        end -= 1  # "Aspen Security Forum Thursday"
    if (
        end - start >= 3
        and is_demonym_word(words[start])
        and words[start + 1].lower() in first_names()
    ):
        start += 1  # "American Justin Gatlin"
    return start, end


def _read_span(
    doc: FieldDoc, start: int, end: int, label: str | None, *, nested: bool = False
) -> list[Mention]:
    """The mention(s) a candidate span holds: role apart, then typed; parts of a run nothing could type."""
    words = doc.words
    start, end = _trim(words, start, end)
    end = link_echo(words, start, end) or end
    end, junior = without_junior(
        words, start, end
    )  # "Donald B. Verrilli, Jr.": typed without ", Jr."
    if start >= end:
        return []
    if end - start > 2 and words[start] in {"D", "R", "I"} and words[start + 1] == "-":
        return [] if nested else _parts(doc, start + 2, end, acronyms=False)  # "D-St. Louis"
    if not nested and end - start > 1 and all(w.isupper() for w in words[start:end] if w.isalpha()):
        return _parts(doc, start, end, acronyms=False)  # a heading in capitals ("NOT GOOD ENOUGH")
    name_start = _name_start(doc, start, end)
    if name_start == end:  # the whole run is a title ("Prime Minister")
        return [] if nested else _parts(doc, start, end)
    if not doc.trained:
        label = doc.ruler.get((name_start, end))
    if start < name_start == end - 1 and _plural_thing(doc, words[name_start - 1 : end]):
        return []  # "Star Wars", "Executive Orders": a description before a plural is no one's title
    if (
        start < name_start < end
        and words[name_start - 1].lower() in {"of", "for"}
        and " ".join(words[name_start:end]).lower() not in places()
        and label != "place"
    ):  # "Chief Executive of AOL UK": the body the title is held in, no person
        return [] if nested else [_member_body(doc, name_start, end)]
    role_start = role_before(doc, start) if name_start == start else written_before(doc, start)
    if (
        role_start < start
        and words[start - 1].lower() in {"of", "the", "for"}
        and " ".join(words[start:end]).lower() not in places()
        and label != "place"
    ):
        named = name_inside(words, start, end)  # "Director of National Intelligence James Clapper"
        if named is None:  # "head of the American Federation of Teachers": the body the role is in
            return [_member_body(doc, start, end)] if not nested else []
        name_start = named
        if not doc.trained:
            label = doc.ruler.get((name_start, end))
    cut = _name_before_connector(words, name_start, end, titled=role_start < name_start)
    if cut and not doc.trained and not nested:  # "Chairman John McCain of Arizona"
        return _read_span(doc, start, cut, doc.ruler.get((name_start, cut))) + _parts(
            doc, cut + 1, end
        )
    honorific = next(
        (w.lower() for w in words[role_start:end] if w.lower() in cues.HONORIFICS), None
    )
    kind, evidence = _classify(
        doc, name_start, end, label, has_role(words[role_start:name_start]), honorific
    )
    found = _parts(doc, start, name_start) if name_start > start and not nested else []
    if kind == "unknown" and not doc.trained and end - name_start > 1 and not nested:
        parts = _parts(doc, name_start, end)
        if parts:
            return found + parts
    if kind is None:
        return found
    span = (role_start, start, name_start, end + 2 if junior and kind == "person" else end)
    return [*found, _mention(doc, span, kind, evidence, honorific)]


def _mention(
    doc: FieldDoc, span: tuple[int, int, int, int], kind: str, evidence: str, honorific: str | None
) -> Mention:
    """The mention of the name ``words[name_start:end]`` of ``span = (role_start, start, name_start, end)``;
    a name ending in ", Jr." is written "X Jr." (:func:`~analysis.extract.runs.without_junior`)."""
    role_start, start, name_start, end = span
    words = doc.words
    junior = end - name_start > 2 and junior_comma(words, end - 2)
    written = doc.text[doc.idx[name_start] : doc.end_char(end - 1 - 2 * junior)]
    return Mention(
        article_id=doc.article_id,
        text=f"{written} {words[end - 1]}" if junior else written,
        type=kind,
        role=role_text(words[role_start:name_start]) if kind == "person" else "",
        field=doc.field,
        start=doc.idx[name_start],
        end=doc.end_char(end - 1),
        sentence=doc.sentence_of(name_start),
        evidence=evidence,
        gender=name_gender(words, name_start, end, honorific, kind),
        subject=speaks_as_subject(doc, start, end),
        lead=_leads_sentence(doc, role_start) or after_opening_phrase(doc, role_start, end),
        bracketed=0 < name_start
        and doc.words[name_start - 1] == "("
        and end < len(words)
        and words[end] == ")",
    )


def _name_before_connector(words: list[str], start: int, end: int, *, titled: bool) -> int:
    """Where a person's name written with a title or a first name stops before "of", "for" or "on" and
    what follows ("John McCain of Arizona", "Chuck Hagel on Jan. 31"), or 0."""
    cut = next((j for j in range(start + 2, end - 1) if words[j] in CONNECTORS), 0)
    if not cut:
        return 0
    first = words[start].lower() in first_names() and words[start + 1][:1].isupper()
    return cut if (titled or first) and looks_like_name(words[start:cut]) else 0


_LEADERS = frozenset(
    {"the", "a", "an", "but", "and", "so", "yet", "however", "former", "then", ",", "“", '"', "‘"}
)


def _leads_sentence(doc: FieldDoc, start: int) -> bool:
    """Do only articles, conjunctions and title words stand between the sentence start and ``start``, or a
    short role put before the name ("His party leader, Michael Howard, argued")?"""
    if _role_opening(doc, start):
        return True
    k = start
    while k > 0 and not doc.sent_start[k]:
        word = doc.words[k - 1]
        capitalised = word[:1].isupper() and word.lower() not in cues.NOT_NAMES
        if not (word.lower() in _LEADERS or not word.strip() or prefix_word(word) or capitalised):
            return False
        k -= 1
    return True


def _role_opening(doc: FieldDoc, start: int) -> bool:
    """ "His party leader, NAME" / "The Nevada senator, NAME": a sentence opening with a role and a comma."""
    k = start
    while k > 0 and not doc.sent_start[k]:
        k -= 1
    words = [w for w in doc.words[k:start] if w.strip()]
    return (
        2 <= len(words) <= 6
        and words[-1] == ","
        and is_role_word(words[-2])
        and "," not in words[:-1]
        and not any(w.lower() in cues.REPORTING_VERBS for w in words)
    )


def _parts(doc: FieldDoc, start: int, end: int, *, acronyms: bool = True) -> list[Mention]:
    """Places and organisations inside a run that is not one name ("UK MoD", "NATO Secretary-General")."""
    out, k = [], start
    while k < end:
        span = next(((s, e) for (s, e) in doc.ruler if s == k and e <= end), None)
        word = doc.words[k]
        if span is None and (
            word.lower() in places() or word in cues.KNOWN_ORGS or (acronyms and is_acronym(word))
        ):
            span = (k, k + 1)
        if span is None:
            k += 1
            continue
        label = doc.ruler.get(span)
        out.extend(m for m in _read_span(doc, *span, label, nested=True) if m.type != "unknown")
        k = span[1]
    return out


def _member_body(doc: FieldDoc, start: int, end: int) -> Mention:
    """The organisation a role is held in ("head of the American Federation of Teachers")."""
    return Mention(
        article_id=doc.article_id,
        text=doc.text[doc.idx[start] : doc.end_char(end - 1)],
        type="organisation",
        role="",
        field=doc.field,
        start=doc.idx[start],
        end=doc.end_char(end - 1),
        sentence=doc.sentence_of(start),
        evidence="role of",
    )


def _classify(
    doc: FieldDoc, start: int, end: int, label: str | None, has_role: bool, honorific: str | None
) -> tuple[str | None, str]:
    """``(type, evidence)`` of the name ``words[start:end]``; type None when nothing says what it is."""
    words = doc.words[start:end]
    text = " ".join(words).translate(_APOSTROPHES)
    low, last = text.lower(), words[-1].lower()
    if label in TYPES and not (has_role and label != "person"):
        return label, "model" if doc.trained else "gazetteer"
    if (last in cues.EVENT_HEADS or (last == "bill" and len(words) > 1)) and not honorific:
        return None, ""  # "Republican National Convention", "Brady Bill"
    if honorific == "miss" and pageant_title(words):
        return None, ""
    if honorific:
        return "person", "honorific"
    if text in cues.KNOWN_ORGS or low in cues.KNOWN_ORG_PHRASES:
        return "organisation", "gazetteer"
    if low in places():
        if low not in countries() and described_as_organisation(doc, end):
            return "organisation", "apposition"  # "Halifax, the country's biggest mortgage lender"
        if low not in countries() and (
            club_after(doc, end) or named_as_example(doc, start, end) == "organisation"
        ):
            return "organisation", "context"  # a club named after its town: "Boro boss McClaren"
        return "place", "gazetteer"
    if len(words) == 1 and last in cues.ORG_HEADS:  # "Government", "Committee" alone: no name, but
        paper = newspaper_alone(doc, start, words[0])  # "told the Guardian"
        return ("organisation", "newspaper") if paper else (None, "")
    if (
        last in cues.ORG_HEADS
        or (len(words) > 2 and (words[0].lower() in cues.ORG_STARTERS or head_of_body(words)))
        or (len(words) in {2, 3} and words[0] == "Radio")  # "Radio Farda", "Radio Free Europe"
    ):
        return "organisation", "organisation word"
    if len(words) == 1 and is_acronym(words[0]) and not _in_heading(doc, start):
        return "organisation", "acronym"
    if group_adjective(words):
        return None, ""  # "fellow American", "the Chinese", "North Korean", "African-American"
    if end < len(doc.words) and doc.words[end] in cues.PLACE_AFTER:
        return None, ""  # "King Cross station": a place's name, whatever its first word
    if len(words) == 1 and last.endswith("s") and last[:-1] in cues.ROLE_HEADS:
        return None, ""  # "Senators are hoping ...", "fellow Senators": a group, no one's name
    if len(words) > 1 and last in cues.PLACE_HEADS:
        return "place", "place word"  # "the San Francisco Bay Area", not a person named Bay
    if has_role and len(words) == 1 and (last in cues.PLACE_HEADS or last in cues.NOT_IN_NAMES):
        return None, ""  # "King County": a title word before a place's word, no person
    if has_role and (last in GROUP_WORDS or last in cues.PARTY_WORDS or is_demonym_word(words[-1])):
        return None, ""  # "Tri-Nations champions", "Republican and Democratic senators": a group
    if has_role:
        return "person", "role"
    if after_source(doc, start):
        return "organisation", "source"
    if last in cues.ROLE_HEADS - cues.SPORT_POSITIONS and doc.words[end : end + 1] == ["of"]:
        return None, ""  # "Herbert Chief of Staff Derek Miller": a title after its owner's name
    return _person_or_unknown(doc, start, end, words)


def _in_heading(doc: FieldDoc, k: int) -> bool:
    """Is the token part of a line in capitals (a neighbour is a capitalised word too)?"""
    near = [doc.words[j] for j in (k - 1, k + 1) if 0 <= j < len(doc.words)]
    return any(w.isalpha() and w.isupper() and len(w) > 1 for w in near)


_POSSESSIVE_DETERMINERS = frozenset("my your his its our their".split())


#: Titles of an office a surname alone may follow ("Senator Sanders", "Justice Roberts").
_OFFICES = frozenset(
    """
    senator representative congressman congresswoman governor mayor justice judge president secretary
    minister chancellor ambassador commissioner sheriff prosecutor attorney
    """.split()
)


def _office(word: str) -> bool:
    """Is the title before a name an office or an honorific ("Senator", "Sen.", "Mr"), not a description
    ("Star", "Republican", "Executive")?"""
    low = word.lower()
    return word.endswith(".") or low in _OFFICES or low in cues.HONORIFICS


def _name_start(doc: FieldDoc, start: int, end: int) -> int:
    """Where the name starts in a run, past a title; a body known by a name opening with a title word
    ("Justice Department") keeps it."""
    possessive = {"'s", "’s"} & set(doc.words[start:end])  # "the Sheriff's Department" (runs.py)
    if doc.trained or doc.ruler.get((start, end)) == "organisation" or possessive:
        return start
    k, words = role_prefix_end(doc.words, start, end, doc.text), doc.words
    head = words[end - 1].lower()  # not a chamber: "the Republican Senate" is the Senate
    party_body = words[start].lower() in cues.PARTY_WORDS and head in cues.ORG_HEADS - _HOUSES
    return start if start < k < end and party_body else k  # "Republican National Committee"


def _plural_thing(doc: FieldDoc, pair: list[str]) -> bool:
    """Is the word after a description a plural thing ("Star Wars", "Executive Orders"), not a surname after
    an office ("Senator Sanders") or one the article also writes after a first name ("Bernie Sanders")?"""
    title, word = pair
    return (
        not doc.trained
        and not _office(title)
        and cues.PLURAL_WORD.match(word) is not None
        and word.lower() not in first_names()
        and not any(
            given.lower() in first_names()
            for given in re.findall(rf"\b([A-Z][a-z]+) {re.escape(word)}\b", doc.text)
        )
    )


def _joined_before(doc: FieldDoc, start: int) -> str:
    """The word before a run with the one hyphened to it ("film-maker" before "George Lucas": a person's
    role, though "maker" alone is a company's)."""
    words = doc.words
    if start >= 3 and words[start - 2] == "-":
        return f"{words[start - 3]}-{words[start - 1]}".lower()
    return words[start - 1].lower() if start else ""


def _person_or_unknown(
    doc: FieldDoc, start: int, end: int, words: list[str]
) -> tuple[str | None, str]:
    given = first_names()
    before = doc.words[start - 1].lower() if start else ""
    after = doc.words[end].lower() if end < len(doc.words) else ""
    if (
        (before in cues.ORG_NOUNS and _joined_before(doc, start) not in cues.ROLE_HEADS)
        or after in cues.ORG_AFTER_NOUNS
        or described_as_organisation(doc, end)
    ):
        return "organisation", "organisation noun"
    example = named_as_example(doc, start, end)
    if example:  # "companies such as Adam Opel"; "programs such as Ad-Aware" is no person either
        return ("organisation", "such as") if example == "organisation" else ("unknown", "")
    context = organisation_context(doc, start, end)
    if context == "strong" or (context and words[0].lower() not in given):
        # "shares in William Hill" / "Middlesbrough boss Steve McClaren"
        return "organisation", "context"
    if place_by_preposition(doc, start, words, before, after):
        return "place", "preposition"
    if member_of(doc, start) and not (len(words) > 1 and words[0].lower() in given):
        return "organisation", "member of"
    family = words[0].endswith("s") and re.search(rf"\b{re.escape(words[0][:-1])}\b", doc.text)
    house = words[0].lower() in _HOUSES and after not in cues.REPORTING_VERBS  # "House primary"
    if len(words) == 1 and (house or (before == "the" and after in _BODY_VERBS)) and not family:
        return "organisation", "the-name"  # "The Intercept issued": no person is "the X"
    if len(words) == 1 or before in _POSSESSIVE_DETERMINERS:
        return "unknown", ""  # "their Grand Slam hopes": a possessive is no person's name before it
    one_word = not any(doc.spaces[k] for k in range(start, end - 1))  # "Ad-Aware": one word
    first = words[0].lower() in given or personal_initials(*words[:2])  # or "H.R." McMaster
    if looks_like_name(words) and first and not one_word and ends_in_a_body(doc, start, end):
        return "unknown", ""  # "the Clinton White House": the body it ends in is read alone, no one
    if looks_like_name(words) and first and not one_word:
        cited = [w.lower() for w in doc.words[max(0, start - 3) : start - 1]] == ["according", "to"]
        if before == "the" and after in {".", ",", ";", ":", "?", "!"} and not cited:
            return None, ""  # "the Clinton Foundation and the Clinton Pardons.": a thing, no one
        return "person", "first name"
    if looks_like_name(words) and not one_word and described_as_person(doc, end):
        return "person", "apposition"  # "Alleigh Marre, a campaign spokeswoman"
    # weak: "Deutsche Boerse said"; not "on Manhattan's West Side, told": an apposition's end;
    # "Avik Roy of the Manhattan Institute added": the body a person is with, then the verb
    verb = reporting_after(doc, end) and doc.words[end : end + 1] != [","]
    verb = verb or said_before(doc, start) or affiliated_speaker(doc, start, end)
    if looks_like_name(words) and verb and before not in {"and", "of", "for"}:  # not "... and X,"
        return "person", "verb"
    return "unknown", ""
