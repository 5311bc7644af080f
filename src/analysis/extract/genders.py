"""People's genders in one article, for telling whom "he" or "she" stands for.

A person's gender is what is written of them: an honorific ("Ms Eagle") or a first name given to one sex
("Maria"), or the canonical name's first name ("Trump" is Donald Trump). A name only *mostly* given to one sex
("Lindsey", "Cory", "Lynn") or to both ("Casey") decides nothing on its own: the article's own pronouns do,
where its sentences naming that person and no one else speak of them as "he" or as "she" ("Sen. Lindsey
Graham said he ..."); only when the article says nothing either way does the name's leaning count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.gazetteer import first_names, leaning_names

if TYPE_CHECKING:
    from analysis.extract.rules import Mention

_PRONOUNS = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.IGNORECASE)

#: Pronouns an article must use of a person (and none of the other sex) for its word to decide.
_DECISIVE = 1


def person_genders(
    mentions: Sequence[Mention],
    body: str,
    sentences: Sequence[int],
    in_quote: Callable[[int], bool],
) -> dict[str, set]:
    """Each person's gender as written (name -> {"male"} or {"female"}; both when the article's
    mentions disagree); a person of unknown gender is left out."""
    genders: dict[str, set] = {}
    for m in mentions:
        if m.type != "person":
            continue
        parts = m.name.split()
        guess = m.gender or (first_names().get(parts[0].lower()) if len(parts) > 1 else None)
        if guess:
            genders.setdefault(m.name, set()).add(guess)
    open_names = {m.name for m in mentions if m.type == "person" and m.name not in genders}
    told = _pronoun_genders(mentions, body, sentences, in_quote, open_names)
    for name in sorted(open_names):
        leaning = leaning_names().get(name.split()[0].lower()) if " " in name else None
        if told.get(name) or leaning:
            genders[name] = {told.get(name) or leaning}
    return genders


def _pronoun_genders(
    mentions: Sequence[Mention],
    body: str,
    sentences: Sequence[int],
    in_quote: Callable[[int], bool],
    names: set[str],
) -> dict[str, str]:
    """The gender the article's pronouns give each of ``names``: counted after the person's mention in
    every sentence naming them and no other person, and in the next sentence when it names nobody, outside
    quotations; decisive when one sex is used and the other never."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.type == "person" and not in_quote(m.start):
            by_sentence.setdefault(m.sentence, []).append(m)
    counts: dict[str, Counter] = {}
    for k, here in by_sentence.items():
        if len({m.name for m in here}) != 1 or here[0].name not in names:
            continue
        following = k + 2 if k + 1 not in by_sentence else k + 1  # "He and others have said"
        end = sentences[following] if following < len(sentences) else len(body)
        for found in _PRONOUNS.finditer(body, here[0].end, end):
            if not in_quote(found.start()):
                sex = "male" if found.group(1) else "female"
                counts.setdefault(here[0].name, Counter())[sex] += 1
    return {
        name: sex
        for name, count in counts.items()
        for sex, other in (("male", "female"), ("female", "male"))
        if count[sex] >= _DECISIVE and not count[other]
    }


def compatible(m: Mention, gender: str | None, genders: dict[str, set]) -> bool:
    """Can ``m`` be "he" (``gender`` "male") or "she"? Yes when either is unknown; a name no rule typed
    has the gender its own first name gives ("U.S. Chief Technology Officer Todd Park" is no "she")."""
    known = genders.get(m.name) or ({m.gender} if m.gender else set())
    return gender is None or not known or known == {gender}


def name_gender(
    words: list[str], start: int, end: int, honorific: str | None, kind: str
) -> str | None:
    """The gender a person's name as written gives: its honorific ("Ms"), else its first name's when the
    name has more than one word; None for anything but a person."""
    if kind != "person":
        return None
    if honorific in cues.MALE_HONORIFICS:
        return "male"
    if honorific in cues.FEMALE_HONORIFICS:
        return "female"
    return first_names().get(words[start].lower()) if end - start > 1 else None
