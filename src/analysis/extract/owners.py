"""Words written as their owner's: a document or message named for the person or body that wrote it speaks
for them ("“…,” Perry's letter said", "according to a Heinrich press release")."""

from __future__ import annotations

import re

from analysis.extract import cues
from analysis.extract.described import ISSUED_DOCUMENTS, PLATFORMS, WORD
from analysis.extract.entities import Mention

__all__ = ["attributive_owner", "owned_words"]


#: What a speaker written as its owner's ("Perry's letter said", "the ministry's statement") says in: its words
#: are the owner's.
_OWNED_WORDS = (
    cues.SPEECH_NOUNS
    | ISSUED_DOCUMENTS
    | frozenset(["statements", "letters", "releases", "posts", "memos", "messages", "emails"])
)
#: Documents named for their author only right before the noun ("a White House fact sheet", "a Justice
#: Department filing").
_FILED_AS = frozenset({"fact sheet", "filing", "document", "memorandum", "brief"})
_FILED = frozenset(phrase.split()[-1] for phrase in _FILED_AS)
_NAMED_FOR = _OWNED_WORDS | _FILED
#: The possessive, at most two words that are no determiner ("initial", "written"), the noun, the verb.
_OWNED = re.compile(
    r"['’]s\s+(?:(?!(?:a|an|the|his|her|its|their)\b)[\w-]+\s+){0,2}?(?:"
    + "|".join(sorted(_OWNED_WORDS))
    + r")\s+(?:\w+ly\s+)?(\w+)",
    re.IGNORECASE,
)


def attributive_owner(text: str, inside: list[Mention]) -> str:
    """The person or body a document written as the speaker is named for, the name before the noun
    ("according to a Heinrich press release", "an IAAF statement said"), not a platform; or ""."""
    words = text.split()
    if len(inside) != 1 or inside[0].type not in {"person", "organisation"} or len(words) > 5:
        return ""
    if inside[0].name.lower() in PLATFORMS:  # "the Facebook post said": whoever posted
        return ""
    if words[0].lower() not in {"a", "an", "the"} or words[-1].lower() not in _NAMED_FOR:
        return ""
    rest = text[len(words[0]) :].strip()
    noun = re.sub(
        r"^['’]s\s", "", rest[len(inside[0].text) :].strip()
    ).lower()  # "the Committee's brief"
    if words[-1].lower() in _FILED and noun not in _FILED_AS:
        return ""  # "a White House fact sheet", not "the DC resilience document": the name is a place's
    return inside[0].name if rest.startswith(inside[0].text) else ""


def owned_words(body: str, inside: list[Mention], a: int, cue: str) -> str:
    """The person or body whose words the speaker words are: its possessive opening them, then at most two
    words, a noun of speech and the cue's verb ("Perry's letter said", "Sondland's initial email began");
    not in a clause of someone else's ("said that Trump's claims had ..."); "" else (``a``: where the
    speaker words start)."""
    first = next((m for m in inside if m.start - a <= 4), None)
    if first is None or first.type not in {"person", "organisation"} or not cue:
        return ""
    if body[a : first.start].strip() not in {"", "the", "The"}:
        return ""
    if WORD.findall(body[max(0, a - 12) : a].lower())[-1:] in (["that"], ["because"]):
        return ""
    after = _OWNED.match(body, first.end)
    return first.name if after and after.group(1) == cue.split()[0].rstrip(":") else ""
