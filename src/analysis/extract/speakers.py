"""Speakers: turn the words naming a speaker into a person, an organisation, a description, or nobody.

Run once every mention has its canonical name. A speaker is named only on clear evidence, else unclear:

- a person named in the speaker words is the speaker, unless the words only describe someone linked to
  them ("a lawyer for Mr Fawcett", "Kidman's publicist Wendy Day" names Wendy Day);
- an organisation named there is, unless the words describe someone from it ("a spokesman for SSL",
  "Facebook's head of cybersecurity": a description);
- "he"/"she", "it", an epithet ("the foreign secretary", "the 22-year-old", "the New York Democrat") and
  "the company" go to the one person or body they can stand for (:mod:`analysis.extract.referents`);
  "they", "we", "I" name nobody; two names joined by "and" name nobody;
- "the minister", "the ministry" go to the one person whose role (title or apposition: "Maria Eagle, the
  defence procurement minister") has those words, or the one organisation whose name ends so;
- other words are kept as written, ``named=False``, when they describe a source ("one EU diplomat");
  anything else (a fragment, a time, "the book") names nobody.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re

from analysis.extract import cues
from analysis.extract.bearers import one_bearer, surname_of
from analysis.extract.bodies import as_written, describes_source, modifies, organisation_speaker
from analysis.extract.chunks import in_relative_clause
from analysis.extract.clauses import RELATIVE, function_word
from analysis.extract.described import document_author
from analysis.extract.entities import Mention
from analysis.extract.gazetteer import first_names, is_demonym
from analysis.extract.holders import role_holder
from analysis.extract.joined import said_after
from analysis.extract.owners import attributive_owner, owned_words
from analysis.extract.qualifiers import modifier
from analysis.extract.referents import (
    APPOSITION,
    EXTRA_SOURCES,
    LINKS,
    SPEECH_VERBS,
    WORD,
    SpeakerContext,
    epithet_referent,
    epithet_words,
    is_epithet,
    organisation_subject,
    pronoun_referent,
)
from analysis.extract.sentences import parenthetical
from analysis.extract.stretches import GOING_ON
from analysis.extract.surnames import sex_of

__all__ = ["SpeakerContext", "resolve_speaker"]

_DETERMINERS = frozenset({"a", "an", "the", "one", "another", "two", "three", "several", "some"})


_POSSESSIVES = frozenset({"the", "his", "her", "their", "its"})


#: What may stand between "he"/"she" and the cue it speaks with ("He went on to say").
_GOES_ON_TO = frozenset(
    {
        "went on to",
        "goes on to",
        "then went on to",
        "continued to",
        "proceeded to",
        "also went on to",
    }
)


#: Asides between "he"/"she" and the cue, read as the speaker words ("He, however, said").
_ASIDES = frozenset(
    {"however", "though", "meanwhile", "too", "in turn", "for his part", "for her part"}
)
_HANDLE = re.compile(r"(?:^|\s|\.)@(\w{3,})$")
_PRONOUN_BEFORE = re.compile(r"\b([Hh]e|[Ss]he),\s*$")


def resolve_speaker(
    who: tuple[int, int] | None,
    before: int,
    ctx: SpeakerContext,
    previous: tuple[str, bool] = ("", False),
    cue: str = "",
) -> tuple[str, bool]:
    """``(speaker, named)`` for the speaker words at ``who`` of a quotation starting at ``before``.

    Args:
        who: character span of the speaker words (None: no attribution found).
        before: where the quotation starts (a pronoun's referent is mentioned before it).
        ctx: the article's :class:`SpeakerContext`.
        previous: the speaker of the article's previous quotation.
        cue: the quotation's reporting cue ("said", "promised").
    """
    text, words = _words(ctx.body[who[0] : who[1]] if who else "")
    if who is None or not words:
        return "", False
    a, b = who
    words = [{"him": "he", "her": "she"}.get(words[0], words[0])] if len(words) == 1 else words
    if len(words) > 1 and words[-1] in {"he", "she"}:
        words, text = words[-1:], words[-1]  # "But standing next to Mr Blair he added"
        a = b - 2 if words[0] == "he" else b - 3
    elif len(words) > 1 and words[0] in {"he", "she"} and " ".join(words[1:]) in _GOES_ON_TO:
        words, text = words[:1], words[0]  # "He went on to say Obama “reduced justice to charity”"
        b = a + len(text)
    elif " ".join(words) in _ASIDES and (
        aside := _PRONOUN_BEFORE.search(ctx.body, max(a - 6, 0), a)
    ):
        a, b = aside.span(1)  # "He, however, said": "he"
        text, words = aside.group(1), [aside.group(1).lower()]
    inside = [m for m in ctx.mentions if a <= m.start and m.end <= b]
    owner = [m for m in inside if (m.start, m.end) == (a, b) and m.type == "person"]
    if cue in cues.SPEECH_NOUNS and owner:  # "Cuomo's statement that “…”": whose words
        return owner[0].name, True
    if author := owned_words(ctx.body, inside, a, cue) or attributive_owner(text, inside):
        return author, True  # "“…,” Perry's letter said", "according to a Heinrich press release"
    if function_word(WORD.findall(text)[0], RELATIVE):
        return "", False  # a relative clause, not a speaker ("WHO chief Tedros" is one)
    cut = re.search(r"\s(?:the|The|his|her|its|their)\s(?!.*\s(?:the|The)\s)", ctx.body[a:b])
    if cut and _heading(ctx.body[a : a + cut.start()]):
        a = a + cut.start() + 1  # "NOT GOOD ENOUGH’ The U.K. prime minister": from "The"
        text, words = _words(ctx.body[a:b])
        inside = [m for m in inside if m.start >= a]
    named = _named_inside(ctx.body, inside, (a, b), words, ctx.outside)
    head = epithet_words(words)  # "the senator from Nebraska and member of ...": "the senator"
    epithet = named and not named[1] and is_epithet(head)  # "… said the Sale player": Cueto
    person = epithet_referent(ctx, min(a, before), head, previous) if epithet else ""
    if named is not None:
        if (
            not named[1]
            and not person
            and (held := _qualified_holder(ctx, words, inside, before, previous))
        ):
            return held, True  # "“…,” the former Trump adviser concluded": John Bolton
        return one_bearer(ctx, (person, True) if person else named, previous, (a, b))
    proper = _proper_name(ctx, inside, words)
    if proper:  # "Parry said:", "Lindsay told the BBC": a name nothing else typed
        return one_bearer(ctx, (proper, True), previous, (a, b))
    if len(words) == 1 and words[0] in {"he", "she"}:
        return _pronoun_speaker(ctx, words[0], (a, b), before, previous, cue)
    if len(words) == 1 and words[0] == "it":
        org = organisation_subject(ctx, min(a, before))
        return (org, True) if org else ("", False)
    return _by_description(ctx, text, words, min(a, before), before, previous)


def _pronoun_speaker(
    ctx: SpeakerContext,
    pronoun: str,
    span: tuple[int, int],
    before: int,
    previous: tuple[str, bool],
    cue: str,
) -> tuple[str, bool]:
    """The person "he"/"she" (written at ``span``) is, as a speaker (:func:`pronoun_referent`)."""
    a, b = span
    # "He reminded his audience of his mantra: “…”": the verb a colon ends the clause of speaks too
    verb = cue.split()[0].lower() if cue.split() else ""
    opening = WORD.findall(ctx.body[ctx.sentences[ctx.sentence_of(a)] : a].lower())
    speech = (
        verb in SPEECH_VERBS
        or cue.endswith(":")
        or (verb in cues.PARTIAL_CUES and all(w in {"and", "but"} for w in opening))
    )  # "He called Cruz a “principled conservative”": opening its sentence, the verb speaks as well
    person = pronoun_referent(
        ctx,
        min(a, before),
        cues.PRONOUNS[pronoun],
        previous,
        speech=bool(speech),
        after_quote=a > before or parenthetical(ctx.body, a, b),
        asking=cue.split()[:1] in (["asked"], ["asks"]),
        told=b,
        going_on=[w.rstrip(":") for w in cue.split()[:1]] in GOING_ON,
    )
    sex = cues.PRONOUNS[pronoun]
    person = person or _headline_subject(ctx, a, sex)
    if person and cue.endswith(":") and sex not in (ctx.genders.get(person) or {sex_of(person)}):
        person = (
            ""  # "She tried the single-payer attack:" is not Bernie Sanders, whose sex is unknown
        )
    return (person, True) if person else ("", False)


def _headline_subject(ctx: SpeakerContext, at: int, sex: str | None) -> str:
    """The one person the headline names, for "he"/"she" written before the body names anyone ("Bernie
    Sanders to Deliver Defense of ..." over "Saying that ..., he said it must “…”"), when the body's first
    person named is that one too (not "he issued a warning ... —Sen. Lindsey Graham" under a headline
    naming Trump), of that gender; or ""."""
    if any(m.type == "person" and m.start < at for m in ctx.mentions):  # the body's mentions
        return ""
    name = next(iter(ctx.headline_people)) if len(ctx.headline_people) == 1 else ""
    first = next((m.name for m in ctx.outside if m.type == "person"), "")
    return name if name == first and sex in (ctx.genders.get(name) or {sex}) else ""


def _qualified_holder(
    ctx: SpeakerContext,
    words: list[str],
    inside: list[Mention],
    before: int,
    previous: tuple[str, bool],
) -> str:
    """The one holder of a role written with a name qualifying it ("the former Trump adviser"), or ""."""
    if words[0] != "the" or any(m.type != "person" for m in inside):
        return ""
    found = role_holder(ctx, before, words, previous=previous[0] if previous[1] else "")
    people = {m.name for m in ctx.outside if m.type == "person"}
    return found if found in people else ""  # not "the Trump administration": a body so named


def _handle_owner(ctx: SpeakerContext, handle: str) -> tuple[str, bool]:
    """The one person the article names whose first name and surname are both in a social-media handle
    ("@MickMulvaneyOMB": Mick Mulvaney; "@JesseBWatters": Jesse Watters), else unclear."""
    low = handle.lower()
    names = {m.name for m in ctx.mentions if m.type == "person" and " " in m.name}
    fits = [n for n in names if all(w.lower() in low for w in (n.split()[0], n.split()[-1]))]
    return (fits[0], True) if len(fits) == 1 else ("", False)


def _by_description(
    ctx: SpeakerContext,
    text: str,
    words: list[str],
    at: int,
    before: int,
    previous: tuple[str, bool],
) -> tuple[str, bool]:
    """A speaker written as a handle, a surname read as a word, a possessive, "the company", an epithet or a
    source."""
    if handle := _HANDLE.search(text):
        return _handle_owner(ctx, handle.group(1))  # "@MickMulvaneyOMB says:"
    surname = surname_of(ctx, text, before)
    if surname:
        return surname, True  # "King said" after "Rep. Steve King": a surname read as a title
    if words[0] in _POSSESSIVES | {"our"} and len(words) <= 5:
        found = role_holder(
            ctx,
            before,
            words,
            proper=_proper_qualifiers(text),
            previous=previous[0] if previous[1] else "",
        )
        if found is None:  # "the Vermont senator" is not "Sen. Ted Cruz", paragraphs before
            return as_written(text), False
        if found:
            return found, True
    if len(words) in {2, 3} and words[0] == "the" and words[-1] in cues.BODY_HEADS:
        acting = words[-1] in cues.BODY_NOUNS and (
            organisation_subject(ctx, at, acting=True) or _carried_body(ctx, at, words[-1])
        )
        if org := acting or _body_by_head(ctx, at, words[-1]):
            return org, True  # "Unilever said sales fell ... “…,” the company said"
    if is_epithet(words):
        person = epithet_referent(ctx, at, words, previous)
        if person:
            return person, True  # "..., Jack Straw said. The foreign secretary told MPs: “…”"
    if (
        len(words) == 2
        and words[0] == "the"
        and words[1] in _RULINGS
        and (court := _body_by_head(ctx, at, "court", "circuit"))
    ):
        return court, True  # "The Supreme Court ruled 6-3 ... “…,” the ruling said"
    if describes_source(words):
        return document_author(ctx, at, words) or (as_written(text), False)
    return "", False


#: What a court hands down, whose words are the one court the article names ("the Supreme Court", "the 9th
#: Circuit").
_RULINGS = frozenset({"ruling", "opinion", "judgment", "judgement", "decision"})


def _carried_body(ctx: SpeakerContext, limit: int, head: str) -> str:
    """The body acting two paragraphs up when the paragraph between names no body and writes of it as "the"
    and the same noun ("The TSA, in a statement, stressed ... ¶ The agency explained ... ¶ “…,” the agency
    said"), or ""."""
    start = ctx.paragraph_start(limit)
    if any(start <= m.start < limit for m in ctx.outside if m.type == "organisation"):
        return ""
    stop = ctx.body.find("\n\n", start + 2)
    if not re.search(rf"\b[Tt]he {head}\b", ctx.body[start : stop if stop >= 0 else None]):
        return ""
    return organisation_subject(ctx, start, acting=True)


def _body_by_head(ctx: SpeakerContext, limit: int, *heads: str) -> str:
    """The one organisation named before ``limit`` whose name holds the description's head, or one of
    ``heads`` ("the ministry" after "the Ministry of Environmental Protection" and "China Environmental News";
    "the paper" after "the New York Times"; a court or circuit for "the ruling"); "" for none or more."""
    papers = cues.NEWSPAPER_ENDS if {"paper", "newspaper"} & set(heads) else ()
    names = {
        m.name
        for m in ctx.outside
        if m.type == "organisation"
        and m.end <= limit
        and (
            set(heads) & set(words := m.name.lower().replace("-", " ").split())
            or words[-1] in papers
        )
    }
    return names.pop() if len(names) == 1 else ""


def _words(written: str) -> tuple[str, list[str]]:
    text = " ".join(written.split()).strip(" ,;:—–-")
    return text, [w.lower() for w in WORD.findall(text)]


def _named_inside(
    body: str,
    inside: list[Mention],
    span: tuple[int, int],
    words: list[str],
    outside: list[Mention] = (),
) -> tuple[str, bool] | None:
    """A person or organisation named in the speaker words, or a description built on one (``outside``:
    the article's mentions outside quotations, where a body may be seen acting)."""
    a, b = span
    if _joint(body, inside):
        return "", False  # "The Conservatives and Lib Dems said": two speakers, no one name
    heads = [
        m
        for m in inside
        if m.type == "person"
        and not _linked(body, m, (a, b))
        and (not modifier(body, m) or said_after(body, m))  # "that Wallace described"
        and not in_relative_clause(body[a : m.start].split())
    ]  # not "two Trump construction projects": what, not who; nor "The barrister who had represented
    # Mr Martin": whom the speaker is about
    if (
        heads
    ):  # an apposition ("family attorney Lee Merritt") names the last; a clause, its subject first
        last = heads[
            -1
        ]  # with a title of its own ("Richard and Judy executive producer Amanda Ross")
        return (last if len(words) <= 6 or last.role else heads[0]).name, True
    persons = [m for m in inside if m.type == "person"]
    if persons and (modifies(body, persons[-1], b) or modifier(body, persons[-1])):
        return as_written(
            body[a:b]
        ), False  # "the Clinton campaign", "the Obama administration's …"
    if persons:
        return " ".join(body[a : inside[-1].end].split()), False  # "a lawyer for Mr Fawcett"
    orgs = [m for m in inside if m.type == "organisation"]
    return organisation_speaker(body, orgs, span, words, outside) if orgs else None


def _joint(body: str, inside: list[Mention]) -> bool:
    """Do the speaker words join two different people or bodies with "and" ("Smith and Jones said"), the
    last without a title of its own?"""
    named = [
        m
        for m in inside
        if m.type in {"person", "organisation"} or (m.type == "unknown" and " " in m.text)
    ]
    if any(m.type == "person" and _first_name_and(body, m.start) for m in named):
        return True  # "Ed and Paula Kassig released a statement": both parents
    if named and named[0].type == "person":
        linked = re.search(
            r"\s(?:of|at|from|with|who|whose)\s", body[named[0].end : named[-1].start]
        )
        cut = named[0].end + linked.start() if linked else len(body)
        right_after = linked is not None and " and " not in body[named[0].end : cut]
        if right_after and not any(m.type == "person" for m in named if m.start >= cut):
            named = [m for m in named if m.start < cut]  # "Anthony Cordesman of the Center for
            # Strategic and International Studies", "Simon Bysshe who filmed the event for Four-Kings and
            # Intel"; not "Rep. Elijah Cummings of Maryland and Rep. John
            # Conyers", nor "Peter Schweizer, author of the book Clinton Cash and ...": people after it
    return len(named) >= 2 and (
        named[-2].name != named[-1].name and _and_between(body[named[-2].end : named[-1].start])
    )


_FIRST_AND = re.compile(r"\b([A-Z][a-z]+) (?:and|&) $")


def _first_name_and(body: str, at: int) -> bool:
    """Does a first name and "and" come right before ``at`` ("Ed and Paula Kassig")?"""
    found = _FIRST_AND.search(body, max(0, at - 20), at)
    return found is not None and found.group(1).lower() in first_names()


def _and_between(text: str) -> bool:
    """ "and", or "and" then a title ("singer Gary Light and drummer Jon Quine", "Rep. Elijah Cummings of
    Maryland and Rep. John Conyers"); not "Rick and Judy executive producer Amanda Rose"."""
    words = text.split()
    if not words or len(words) > 8 or not ({"and", "&"} & {w.lower() for w in words}):
        return False
    cut = max(i for i, w in enumerate(words) if w.lower() in {"and", "&"})
    if cut and words[cut - 1].islower() and words[cut - 1] in cues.ROLE_HEADS:
        return False  # "BIFA founder and director Elliot Grove": two roles of one person
    return all(
        w.islower()
        or w.lower() in cues.HONORIFICS
        or w.lower().rstrip(".") in cues.ROLE_HEADS
        or w.lower() in cues.ROLE_HEADS
        for w in words[cut + 1 :]
    ) and not any(w.lower() in cues.REPORTING_VERBS for w in words)


def _proper_name(ctx: SpeakerContext, inside: list[Mention], words: list[str]) -> str:
    """The speaker words are one untyped name (a capitalised run that is not a group or a plural) that the
    article also writes capitalised inside a sentence, so it is a name and not a sentence opener."""
    runs = [m for m in inside if m.type == "unknown"]
    if len(runs) != 1 or len(WORD.findall(runs[0].text.lower())) != len(
        [w for w in words if w not in _DETERMINERS]
    ):
        return ""
    name = runs[0].text
    if (
        is_demonym(name)
        or (" " in name and name.lower().split()[-1] in cues.ROLE_HEADS)  # "the Ealing North MP"
        or name.lower() in cues.NOT_NAMES
        or (name.endswith("s") and " " not in name)
    ):
        return ""
    inside_sentence = re.search(r"(?:[a-z,;]|[,?!][”\"’])\s+" + re.escape(name) + r"\b", ctx.body)
    camel = re.search(r"[a-z][A-Z]", name) is not None  # "BloombergBusinessweek": no common word
    return runs[0].name if inside_sentence or camel or _titled(ctx.body, runs[0]) else ""


def _titled(body: str, m: Mention) -> bool:
    """Is a two- or three-word run followed by a title in apposition ("Nse Ufot, executive director of
    New Georgia Project")?"""
    if not 2 <= len(m.text.split()) <= 3:
        return False
    match = APPOSITION.match(body[m.end : m.end + 90])
    if not match:
        return False
    phrase = WORD.findall(match.group(1).lower())
    cut = next((i for i, w in enumerate(phrase) if i and w in LINKS | {"on", "in"}), len(phrase))
    return bool(phrase[:cut]) and phrase[:cut][-1] in cues.ROLE_HEADS


def _heading(text: str) -> bool:
    """Is ``text`` a heading run into the sentence ("NOT GOOD ENOUGH’")?"""
    letters = [w for w in WORD.findall(text) if w.isalpha()]
    return bool(letters) and all(w.isupper() for w in letters)


def _linked(body: str, m: Mention, span: tuple[int, int]) -> bool:
    """Is the person only linked to the speaker ("for Mr Fawcett", "an aide to House Speaker Boehner",
    "Kidman's publicist", "the Clinton campaign")?"""
    a, b = span
    if modifies(body, m, b):
        return True
    before = [w for w in body[a : m.start].split() if w.lower() not in cues.HONORIFICS]
    if before and before[-1].lower() in LINKS:
        return True
    titled = False
    while before and (
        before[-1][:1].isupper()
        or before[-1].lower() in cues.ROLE_HEADS
        or (titled and before[-1].endswith("ing"))  # "chief operating officer Peter Chernin"
    ):
        titled = titled or before[-1].lower() in cues.ROLE_HEADS
        before = before[:-1]  # the title written before the name
    sources = cues.SOURCE_HEADS | EXTRA_SOURCES | _KIN
    if (
        len(before) > 1
        and before[-1].lower() in LINKS
        and any(w.islower() and w.strip(",") in sources for w in before[:-1])
    ):
        return True  # "an aide to House Speaker Boehner", not "Secretary of State Rex Tillerson"
    heads = [i for i, w in enumerate(before) if w.islower() and w.strip(",") in sources]
    if heads and any(_opens_clause(w) for w in before[heads[-1] + 1 :]):
        return True  # "a former Obama operative now supporting Clinton": a clause on the source
    return body[m.end : m.end + 2] in {"'s", "’s"}


#: Kin of a person, who speak for themselves: "The wife of Senator John Smith said" is not Smith.
_KIN = frozenset(
    """
    wife husband widow widower spouse son daughter mother father brother sister parents children
    family relatives girlfriend boyfriend fiancee fiancée niece nephew cousin grandson granddaughter
    aunt uncle
    """.split()
)


def _opens_clause(word: str) -> bool:
    """A word that opens a clause describing the noun before it: a participle ("supporting") or a
    relative pronoun ("who", "that")."""
    word = word.strip(",").lower()
    return word in {"who", "whose", "that", "which"} or (len(word) > 4 and word.endswith("ing"))


def _proper_qualifiers(text: str) -> bool:
    """Are the words between the determiner and the head all capitalised ("the Ealing North MP", "the Nevada
    Democrat"): a place or party qualifying the role, not another role ("the defence minister")?"""
    words = text.split()[1:-1]
    return bool(words) and all(w[:1].isupper() for w in words)
