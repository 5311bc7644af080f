"""A speaker the reporter has just introduced: the subject of the sentence right before a quotation.

News often names a speaker in a sentence of its own and then quotes them with no "said" at all:
``Double try scorer Martyn Williams was keen not to talk about a Grand Slam. "We've got more self-belief
these days."``. Such a quotation goes to that sentence's subject when the sentence names one person only
and that person stands in the subject's place (only a short title before the name, a verb after it or
after an apposition set off by commas); anything else names nobody.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.gazetteer import first_names
from analysis.extract.roles import is_title
from analysis.extract.sentences import MAX_ATTRIBUTION_CHARS, OPENING_PHRASE, first_sentence_end

if TYPE_CHECKING:
    from analysis.extract.entities import Mention
    from analysis.extract.referents import SpeakerContext

__all__ = [
    "introduced_speaker",
    "named_next",
    "names_its_referent",
    "noun_phrase",
    "pronoun_before",
    "subject_position",
]

#: Words that, before a name, show the name is not the subject ("In a speech to ...", "After meeting ...").
_NOT_BEFORE_SUBJECT = frozenset(
    """
    in on at to for with by from about after before during said says told when while as if that which
    who because although since against of into over under between than like unlike he she they it we
    i you
    """.split()
)
_VERB_AFTER = re.compile(
    r"(?:\s+(?:MP|MEP|MSP|QC|KC))?(?:\s*,[^.;“”\"]{1,120}?,)?\s+(?:also\s+|then\s+|later\s+|now\s+)?"
    r"(?:once\s+again\s+)?(?:is|was|were|are|has|had|have|will|would|could|can|did|does|do|said|says|told"
    r"|[a-z]{2,}ed)\b"
)
# "The new chairman of the Bar Council, ": a role in apposition before the name
_ROLE_BEFORE = re.compile(r"(?:The|the)\s+([^,;“”\"\n]{1,80}),$")
_QUOTE_MARKS = frozenset('“”"')


def subject_position(ctx: SpeakerContext, m: Mention) -> bool:
    """Is the mention its sentence's subject: flagged so by the rules, or with at most a short title
    before it ("Man-of-the-match Stephen Jones", "Double try scorer Martyn Williams") and a verb after it,
    maybe after an apposition ("Stephen Jones, who kicked three penalties, was ecstatic")?"""
    if m.lead or m.subject:
        return True
    relative = _WHO_SPOKE.match(ctx.body, m.end)
    if relative and relative.group(1).lower() in cues.REPORTING_VERBS:
        return True  # "under questioning by Sen. Ron Johnson (R-Wis.), who asked why ...": he spoke
    start = ctx.sentences[m.sentence] if m.sentence < len(ctx.sentences) else 0
    before = ctx.body[start : m.start].rstrip()
    if m.role and before.endswith(m.role):  # "Spain's minister of sport Jaime Lissavetzky was"
        before = before[: -len(m.role)]
    opening = OPENING_PHRASE.match(before)
    if opening and not any(start <= o.start < m.start for o in ctx.mentions if o.type == "person"):
        before = before[opening.end() :]  # "Speaking in Minneapolis, Mr. Rubio once again touted"
    described = _ROLE_BEFORE.match(before)
    if described and set(described.group(1).lower().split()) & cues.ROLE_HEADS:
        before = ""  # "The new chairman of the Bar Council, Guy Mansfield QC warned"
    words = before.split()
    if len(words) > 5 or any(w.endswith(",") for w in words):
        return False
    if any(w.lower() in _NOT_BEFORE_SUBJECT or w.lower().endswith(("ed", "ing")) for w in words):
        return False
    return _VERB_AFTER.match(ctx.body, m.end) is not None


#: A relative clause saying the person spoke, right after the name (and a party tag): ", who asked".
_WHO_SPOKE = re.compile(r"(?:\s*\([^)]{1,20}\))?,\s+who\s+(?:also\s+|then\s+|later\s+)?([a-z]+)")

_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|We|we're|we’re|our|Our|us)\b"
)
_THIRD_PERSON = {"male": r"\b(?:he|He|him|his|His)\b", "female": r"\b(?:she|She|her|Her)\b"}


def _speaks_of_self(quote: str, person: Mention) -> bool:
    """Does the quotation speak in the first person and not of the person ("He must have had an iron
    will", "Bob was one of the most mesmeric people I've worked with": about Bob Marley, not by him)?"""
    gender = person.gender or first_names().get(person.name.split()[0].lower())
    third = _THIRD_PERSON.get(gender or "", _THIRD_PERSON["male"] + "|" + _THIRD_PERSON["female"])
    names = person.name.split()
    return (
        _FIRST_PERSON.search(quote) is not None
        and re.search(third, quote) is None
        and not any(re.search(r"\b" + re.escape(n) + r"\b", quote) for n in names)
    )


def introduced_speaker(ctx: SpeakerContext, start: int, end: int) -> str:
    """The one person the sentence right before the quotation (``start`` to ``end``) names, as its subject,
    when that sentence is a full one (a credit line "Sean O'Kane, The Verge" is not) and quotes nobody
    itself, the quotation opens a sentence and nobody is named in the rest of its sentence ("“There is
    almost no interest” among senators, Roy Blunt told"); else ""."""
    before = _sentence_before(ctx, start, end)
    if before is None:
        return ""
    begin, stop = before
    people = [m for m in ctx.outside if begin <= m.start < stop and m.type == "person"]
    if len({m.name for m in people}) != 1:
        return ""
    first, name = people[0], people[0].name
    if ctx.body[first.end : first.end + 2] in {"'s", "’s"} or " " not in name:
        return ""  # "Trump’s appeal to order could be convincing": whose, not who
    if name.split()[0].lower() not in first_names() and not first.gender:
        return ""  # a full name, not a word typed as one ("Watch the latest video")
    if not _speaks_of_self(ctx.body[start:end], first):
        return ""  # a quotation about them ("He must have had an iron will to succeed")
    return name if subject_position(ctx, first) else ""


def _sentence_before(ctx: SpeakerContext, start: int, end: int) -> tuple[int, int] | None:
    """The sentence right before a quotation that opens a sentence of its own and names nobody in the rest of
    it, when that sentence is a full one and quotes nobody itself: its start and end, else None."""
    if _named_in_rest(ctx, end) or noun_phrase(ctx.body, start, end):
        return None
    here = ctx.sentence_of(start)
    if here < 1 or here - 1 >= len(ctx.sentences):
        return None
    begin = ctx.sentences[here - 1]
    stop = begin + len(ctx.body[begin : ctx.sentences[here]].rstrip(' \n\t\xa0“"'))
    if any(mark in ctx.body[begin:stop] for mark in _QUOTE_MARKS):
        return None  # the sentence before is a quotation or holds one
    # the quotation must open its sentence, and what stands before it be a sentence
    if ctx.body[stop:start].strip(" \n\t\xa0") or ctx.body[stop - 1 : stop] not in set(".!?:"):
        return None
    return begin, stop


#: "he said" set off by commas or opening the sentence ("That is unproductive, he said, because ...").
_PRONOUN_SAID = re.compile(
    r"(?P<comma>,\s)?\b(?P<who>[Hh]e|[Ss]he)\s+(?:also\s+)?(?P<verb>[a-z]+)\b"
)


def pronoun_before(ctx: SpeakerContext, start: int, end: int) -> tuple[int, int] | None:
    """The "he"/"she" that said the sentence right before a quotation, in its paragraph, naming nobody
    ("That is unproductive, he said, because most guns are semiautomatic. “We've had them for 130 years.”"):
    its span, the quotation's speaker words; else None."""
    before = _sentence_before(ctx, start, end)
    if before is None or "\n\n" in ctx.body[before[0] : start]:
        return None
    begin, stop = before
    if any(begin <= m.start < stop and m.type in {"person", "unknown"} for m in ctx.outside):
        return None
    said = [
        found
        for found in _PRONOUN_SAID.finditer(ctx.body, begin, stop)
        if found.group("verb") in cues.SPEECH_VERBS
        and (found.group("comma") or found.start("who") == begin)
    ]
    return said[0].span("who") if len(said) == 1 else None


def noun_phrase(body: str, start: int, end: int) -> bool:
    """Do the quoted words run on into the reporter's sentence with no stop of their own (“We Shall
    Overcome” was first released as a cassette): a title or a term, not someone's speech?"""
    inner = body[start + 1 : end - 1].rstrip()
    return inner[-1:].isalnum() and body[end : end + 2].strip()[:1].islower()


def _named_in_rest(ctx: SpeakerContext, end: int) -> bool:
    """Is someone named after the quotation ending at ``end`` in the rest of its sentence?"""
    stop = first_sentence_end(ctx.body, end, min(len(ctx.body), end + MAX_ATTRIBUTION_CHARS))
    stop = min(stop, ctx.body.find("\n\n", end) % (len(ctx.body) + 1))
    return any(end <= m.start < stop and m.type in {"person", "unknown"} for m in ctx.outside)


_LINKS = frozenset({"for", "of", "to", "with", "from", "at", "representing", "by"})


def named_next(
    ctx: SpeakerContext, speakers: list[tuple[str, bool]], spans: list[tuple[int, int]]
) -> list[tuple[str, bool]]:
    """Speakers with a description named by the next quotation: "A spokesman said Mr. Donovan was
    “honored”. “He looks forward …,” said Alexander Wohl, the HUD spokesman." gives both to Alexander
    Wohl, when his role has the description's head word, the next quotation follows within a paragraph
    and nobody is named between (the name comes in the next quotation's own clause)."""
    out = list(speakers)
    for i in range(len(out) - 1):
        (said, named), (nxt, nxt_named) = out[i], out[i + 1]
        if named or not said or not nxt_named or spans[i + 1][0] - spans[i][1] > 400:
            continue
        words = said.lower().split()
        cut = next((k for k, w in enumerate(words) if k and w in _LINKS), len(words))
        if words[0] not in {"a", "an", "the", "one"} or cut != len(words):
            continue  # "a spokesman", not "a spokesman for the ministry" nor "his son"
        between = {
            m.name
            for m in ctx.outside
            if spans[i][1] <= m.start < spans[i + 1][0] and m.type == "person"
        }
        gap = ctx.body[spans[i][1] : spans[i + 1][0]]
        if words[-1] in ctx.roles.get(nxt, set()) and not between and gap.count("\n\n") <= 1:
            out[i] = (nxt, True)
    return out


def names_its_referent(
    ctx: SpeakerContext,
    who: tuple[int, int] | None,
    parts: list[tuple[int, int]],
    speaker: tuple[str, bool],
) -> bool:
    """Is the quotation's "he"/"she" read as someone the quotation itself names by surname after a given name,
    an honorific or a title? People seldom name themselves so; the reader's "he" is more likely another (the
    president answering Romney; Roberto Unger: "President Obama must be defeated," he said)."""
    words = ctx.body[who[0] : who[1]].split() if who else []
    if not speaker[1] or [w.lower() for w in words[-1:]] not in (["he"], ["she"]):
        return False
    *given, surname = speaker[0].split()
    said = " ".join(ctx.body[a:b] for a, b in parts)  # the quoted words, not "he said" between
    if re.search(rf"\b(?:I'm|I’m|I am|my name is)\s+(?:\w+\s+)?{re.escape(surname)}\b", said):
        return False  # "I'm Ben Carson and I'm running for president"
    for found in re.finditer(rf"\b(\w+)?\W{{0,2}}\b{re.escape(surname)}\b", said):
        before = found.group(1) or ""  # not "Mitt Romney" in a quotation of Ann Romney's
        # "Mr. Snowden", "Mitt Romney", "President Obama"; a surname alone may be one's own ("Trump")
        title = before[:1].isupper() and is_title(before)
        if before in given or before.lower() in cues.HONORIFICS or title:
            return True
    return False


_VOCATIVE = re.compile(
    r"[“\"‘']?\s*(?:(Mr|Mrs|Ms|Dr|Senator|Sen|President|Governor|Gov)\.?\s+)?([A-Z][\w’'-]+),\s"
)


def addresses_speaker(body: str, parts: list[tuple[int, int]], speaker: tuple[str, bool]) -> bool:
    """Does the quotation open by addressing its speaker by name ("“Hans, can I ask — …”" given to Hans
    Nichols)? No one opens their own words so: the name is the one spoken to, the speaker someone else."""
    if not speaker[1] or not parts:
        return False
    found = _VOCATIVE.match(body, parts[0][0])
    if not found or found.end() - parts[0][0] > 40:
        return False
    *given, surname = speaker[0].split()
    name = found.group(2)
    return name == surname if found.group(1) else name in given or name == surname
