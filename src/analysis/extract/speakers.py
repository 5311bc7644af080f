"""Speakers: turn the words naming a speaker into a canonical person, an organisation, or a description.

Run once every mention has its canonical name. A person named in the speaker words is the speaker; an
organisation is, unless the words only describe someone from it ("a representative from KX"). "He"/"she"
goes to the person most recently set up as a subject (next to a reporting verb, or the first person of a
sentence) whose gender (honorific or first name) does not contradict the pronoun; "the prime minister",
"the French president" go to the last person introduced with that role; anything else is a description,
kept as written with ``speaker_named=False``.
"""

from __future__ import annotations

from collections import defaultdict

from analysis.extract import cues
from analysis.extract.canonical import normalise
from analysis.extract.entities import Mention

__all__ = ["resolve_speaker"]

_DETERMINERS = frozenset({"a", "an", "the", "one", "another", "two", "three", "several", "some"})
_POSSESSIVES = frozenset({"the", "his", "her", "their", "its"})


def resolve_speaker(
    who: tuple[int, int] | None, before: int, body: str, context: list[Mention]
) -> tuple[str, bool]:
    """``(speaker, named)`` for the speaker words at ``who`` of a quotation starting at ``before``."""
    if who is None:
        return "", False
    a, b = who
    text = body[a:b].strip()
    words = text.lower().split()
    cut = max((i for i, w in enumerate(words) if w in _POSSESSIVES), default=0)
    if cut and not any(
        a <= m.start < a + len(" ".join(words[:cut])) for m in context if m.type == "person"
    ):
        text = " ".join(
            text.split()[cut:]
        )  # "NOT GOOD ENOUGH’ The U.K. prime minister" -> from "The"
        words = words[cut:]
    if not words:
        return "", False
    inside = [
        m for m in context if a <= m.start and m.end <= b and m.type in {"person", "organisation"}
    ]
    people = [m for m in inside if m.type == "person"]
    if people:
        return people[0].name, True
    if inside and (
        words[0] not in _DETERMINERS or normalise(inside[0].text).lower() == _drop_det(words)
    ):
        return inside[0].name, True
    if len(words) == 1 and words[0] in cues.PRONOUNS and words[0] in {"he", "she"}:
        person = _likely_subject(context, before, cues.PRONOUNS[words[0]])
        return (person.name, True) if person else (text, False)
    if words[-1] in cues.ROLE_HEADS and (words[0] in _POSSESSIVES or len(words) <= 3):
        person = _with_role(context, before, words)
        if person is not None:
            return person.name, True
    return text, False


def _drop_det(words: list[str]) -> str:
    return " ".join(words[1:] if words and words[0] in _DETERMINERS else words)


def _genders(context: list[Mention]) -> dict[str, str | None]:
    seen: dict[str, set] = defaultdict(set)
    for m in context:
        if m.type == "person" and m.gender:
            seen[m.name].add(m.gender)
    return {name: next(iter(g)) if len(g) == 1 else None for name, g in seen.items()}


def _likely_subject(context: list[Mention], before: int, gender: str | None) -> Mention | None:
    """The last person before ``before`` who fits: a subject of known matching gender first, then any person
    of that gender, then a subject of unknown gender, then anyone."""
    genders = _genders(context)
    people = [m for m in context if m.type == "person" and m.end <= before]
    fits = [m for m in people if gender is None or genders.get(m.name) in {None, gender}]
    subjects = [m for m in fits if m.subject or m.lead]
    same = [m for m in fits if gender is not None and genders.get(m.name) == gender]
    ranked = ([m for m in subjects if m in same], same, subjects, fits)
    return next((tier[-1] for tier in ranked if tier), None)


def _with_role(context: list[Mention], before: int, words: list[str]) -> Mention | None:
    """The last person before ``before`` whose role (any mention of them) has the head noun and modifiers."""
    roles: dict[str, set] = defaultdict(set)
    for m in context:
        if m.type == "person" and m.role:
            roles[m.name].update(m.role.lower().replace("-", " ").split())
    wanted = {w for w in words if w not in _POSSESSIVES and w != "former"}
    for m in reversed(context):
        if m.type == "person" and m.end <= before and wanted <= roles.get(m.name, set()):
            return m
    return None
