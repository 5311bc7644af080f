"""Sentence ends in news text: where the sentence holding a quotation starts, and where the first sentence
after a point ends. A full stop after a title ("Rep.", "Sen."), a middle initial ("Thomas M. Davis") or
"U.S." before a title ("U.S. President") ends no sentence. And one clause shape: an "-ing" verb right after
a noun tells what that noun says ("a memo describing"), not what the sentence's subject said.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract import cues

if TYPE_CHECKING:
    from analysis.extract.entities import Mention
    from analysis.extract.pipeline import FieldDoc

__all__ = [
    "SENTENCE_END",
    "clause_before",
    "ends_sentence",
    "first_sentence_end",
    "participle_of_noun",
]

SENTENCE_END = re.compile(r"[.!?](?=[\s\"“”’')]|$)")
_ABBREVIATION = re.compile(r"(?:\.[A-Z]|[\s.][A-Z]|Mr|Mrs|Ms|Dr|St)\.$")
#: Titles written with a full stop that never end a sentence ("Rep. Rhonda Fields", "Sen. Mark Warner").
_TITLE_STOP = re.compile(
    r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|Supt"
    r"|Det|Insp|Atty|Pres|Msgr|Fr|Hon|No|Nos|Jr|Sr)\.$"
)
_INITIAL = re.compile(r"\b[A-Z][a-z]+\s[A-Z]\.$")


def clause_before(text: str, pos: int) -> str:
    """The text from the start of the sentence (or paragraph) to ``pos``."""
    window = text[max(0, pos - 300) : pos]
    ends = [m.end() - 1 for m in SENTENCE_END.finditer(window) if ends_sentence(window, m.end())]
    cut = max(window.rfind("\n\n"), *ends, -1)
    return window[cut + 1 :]


def ends_sentence(text: str, after: int) -> bool:
    """Does the stop just before ``after`` end a sentence? Never after a title ("Rep."); after "U.S." only
    before a new subject."""
    if _TITLE_STOP.search(text[max(0, after - 6) : after]):
        return False
    if not _ABBREVIATION.search(text[max(0, after - 4) : after]):
        return True
    following = text[after : after + 40].split()
    if not following or not following[0][:1].isupper():
        return False
    if _INITIAL.search(text[max(0, after - 30) : after]):
        return False  # a middle initial: "Thomas M. Davis"
    word = following[0].strip("“\"'‘’,")
    return not (
        word.lower() in cues.ROLE_HEADS
        or word.lower() in cues.ROLE_MODIFIERS
        or word in cues.HONORIFICS
    )


def first_sentence_end(text: str, start: int, end: int) -> int:
    """Where the first sentence between ``start`` and ``end`` ends (its stop), or ``end`` (titles such as
    "Sen." and middle initials do not end one)."""
    for m in SENTENCE_END.finditer(text, start, end):
        if ends_sentence(text, m.end()):
            return m.start()
    return end


#: Words a person is described by, who then speaks ("one source telling Fox News ...").
_PEOPLE_NOUNS = cues.SOURCE_HEADS - frozenset(
    """
    statement report reports letter document analysis study survey poll memo lawsuit complaint filing
    ruling communique email tweet post editorial paper newspaper website government ministry
    department commission union group company firm bank court board
    """.split()
)


def participle_of_noun(doc: FieldDoc, mentions: list[Mention], verb: int, first: int = 0) -> bool:
    """Is the "-ing" verb written right after someone else than the sentence's subject, so that it tells
    what they say: a described person ("one source telling Fox News …"), or a body after "to", "from",
    "of", "for", "by" ("a memo to Congress describing …")? ``first``: the clause's first token."""
    k = verb - 1
    while k >= 0 and not doc.words[k].strip():
        k -= 1
    if k < first:
        return False
    word, end = doc.words[k], doc.end_char(k)
    if word.isalpha() and word.islower():
        return word in _PEOPLE_NOUNS
    named = next((m for m in mentions if m.end == end and m.type == "organisation"), None)
    if named is None:
        return False
    lead = doc.text[max(0, named.start - 12) : named.start].lower().split()
    lead = [w for w in lead if w != "the"]
    return bool(lead) and lead[-1] in {"to", "from", "of", "for", "by"}
