"""Chunks of a reporting clause joined by "and": names listed together, and a clause of its own before the verb's.

A later name of a list is what the list's first is.
"In a phone interview with hosts Steve Doocy, Ainsley Earhardt, and Brian Kilmeade, the president said": the
reporting clause's chunks (split at its commas) are "In a phone interview with hosts Steve Doocy", "Ainsley
Earhardt", "Brian Kilmeade" (its "and" dropped) and "the president". Kilmeade, alone in his chunk, looks like a
subject with "the president" his apposition; he is the last of the hosts the interview was with, as Doocy, the
object of "with", is: the president speaks. And "Joe Walsh is considering a challenge against President Donald
Trump, and the now-talk radio host says": the chunk before ", and" is a clause of its own, whose names are not
the subject of "says" (:func:`joined_subject`).
"""

from __future__ import annotations

from analysis.extract import cues
from analysis.extract.context import PAST_AUXILIARIES
from analysis.extract.entities import Mention
from analysis.extract.pipeline import FieldDoc

__all__ = ["joined_subject", "listed_objects"]


def listed_objects(
    doc: FieldDoc,
    mentions: list[Mention],
    chunks: list[list[int]],
) -> set[int]:
    """The chunks (by index) of a list of people's names whose first is the object of a preposition in the
    chunk it ends (:func:`_object`), each later one a name alone."""
    out: set[int] = set()
    for i in range(1, len(chunks)):
        a, b = doc.span(chunks[i])
        if not any((m.start, m.end) == (a, b) and m.type == "person" for m in mentions):
            continue
        start, end = doc.span(chunks[i - 1])
        ending = [m for m in mentions if m.type == "person" and m.end == end and m.start >= start]
        if i - 1 in out or any(_object(doc.text[start : m.start]) for m in ending):
            out |= {i - 1, i}  # the list's first name too: "with hosts Steve Doocy"
    return out


def _object(before: str) -> bool:
    """Does the text of a chunk before a name end in a preposition, maybe with a few small words after it
    ("with hosts", "to fellow senators")?"""
    words = before.split()[-4:]
    while words and words[-1].islower() and words[-1] not in cues.PREPOSITIONS:
        words.pop()
    return bool(words) and words[-1].lower() in cues.PREPOSITIONS


def joined_subject(doc: FieldDoc, chunks: list[list[int]]) -> bool:
    """Is the chunk right before the verb a description ("the now-talk radio host", at most five words)
    after ", and" or ", but", the chunk before it a clause with a verb of its own (:data:`_FINITE`), none
    of them reporting speech ("Frank Sharry said the party will appear “weak-kneed” ..., and the president
    will have promised “more than he delivers”": Sharry's words)?"""
    if len(chunks) < 2 or len(chunks[-1]) > 5 or doc.words[chunks[-1][0]].lower() != "the":
        return False
    gap = doc.text[doc.span(chunks[-2])[1] : doc.span(chunks[-1])[0]].split()
    if not any(w.lower() in {"and", "but"} for w in gap):
        return False
    words = [doc.words[k].lower() for k in chunks[-2]]
    reported = any(doc.words[k].lower() in cues.REPORTING_VERBS for c in chunks[:-1] for k in c)
    return any(w in _FINITE for w in words[1:]) and not reported


#: Verbs that make a chunk a clause of its own ("Joe Walsh is considering ...").
_FINITE = PAST_AUXILIARIES | {"is", "are", "will", "would"}
