"""Who else may be speaking: a sentence between a named person and a later "he said" that introduces
someone else ("A Labour spokesman denied it", "A spokesman for the Business Software Alliance said", "JF
Sullivan, spokesman for e-mail software firm Sendmail said"), the names opening a sentence, a possessive
before another's title and name ("Bush's predecessor Bill Clinton"), and a second subject after "but"."""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.gazetteer import first_names, is_demonym

if TYPE_CHECKING:
    from analysis.extract.entities import Mention
    from analysis.extract.referents import SpeakerContext

__all__ = [
    "EXTRA_SOURCES",
    "PEOPLE_HEADS",
    "PLATFORMS",
    "WORD",
    "acting_full_name",
    "cited",
    "described_between",
    "epithet_head",
    "named_by_role",
    "not_owners",
    "owned",
    "owner",
    "sentence_leads",
    "two_speakers",
    "untyped_name",
]

WORD = re.compile(r"[\w'’.-]*\w")

EXTRA_SOURCES = frozenset(
    """
    dj publicist agent attorney lawyer lawyers attorneys organizer organiser organizers activist
    activists teen teenager woman man women men resident student students worker workers employee
    employees owner driver mother father son daughter neighbor neighbour victim survivor protester
    protesters supporter supporters volunteer doctor nurse teacher scientist scientists professor
    worker spokesperson insider staffer staffers demonstrator demonstrators participant participants
    attendee attendees veteran veterans parent parents patient patients customer customers passenger
    passengers farmer farmers
    """.split()
)

_DESCRIPTION = re.compile(
    r"^\s*(?:but |and |however, |meanwhile, )?(a|an|the|one)\s+(?:[\w'’-]+\s+){0,3}?(?P<head>"
    r"[\w'’-]+)(?:,[^,.]{0,60},|(?P<link>\s+(?:for|of|at|from|with)\s+[^,.;:“”\"]{1,60}?))?\s+"
    r"(?:also\s+)?"
    r"(?:\w+ed|said|says|told|added|insisted|denied|is|was|has|had|will|would)\b",
    re.IGNORECASE,
)


def described_between(ctx: SpeakerContext, last: Mention, current: int, speaker: str = "") -> bool:
    """Does a sentence after the last name and up to the pronoun's open with a described person ("A
    Labour spokesman denied ...", "The 31-year-old admitted ...")? The pronoun may well be them (unless
    the description is that person's own role: "The minister opened ..." after Minister Maria Eagle, or
    the previous quotation's ``speaker``'s: "The president also said" after President Obama spoke)."""
    from analysis.extract.roles import sole_titled_before as _sole_titled  # roles reads this module

    for k in range(last.sentence + (1 if last.lead else 0), current + 1):
        if k >= len(ctx.sentences):
            break
        quoted = ctx.body[ctx.sentences[k] - 1 : ctx.sentences[k]] in {"“", '"'}
        if quoted and (k == current or speaker == last.name):
            continue  # "“The prime minister has lost ...,” she said": the words she is given, or the last
            # speaker's, nobody new since ("“The king will be looking ...,” says Phillips")
        match = _opening_description(ctx, k)
        if match and match.group("link") and match.group(1).lower() == "the":
            match = None  # "The former UN commissioner for human rights told": the one just named
        head = match.group("head").lower() if match else ""
        definite = head and match.group(1).lower() == "the"
        if head and head in ctx.roles.get(last.name, set()):
            continue
        if definite and (
            _names_again(ctx, last, head) or speaker in {_sole_titled(ctx, match, k)} - {""}
        ):
            continue  # "The 34-year-old Dutch midfielder" after Paul Bosvelt; "The president" after Obama
        if head and (
            head in cues.SOURCE_HEADS
            or head in cues.ROLE_HEADS
            or head in EXTRA_SOURCES
            or head.endswith("-old")
        ):
            return True
        if _untyped_source(ctx, ctx.sentences[k], ctx.sentences[k] + len(ctx.sentence_text(k))):
            return True
        if _someone_acting(ctx.sentence_text(k)):
            return True
    return False


_ANOTHER = re.compile(r"\s*(?:Another|One)\s+([a-z]+)\b")
_URGED = frozenset("tried urged begged pleaded shouted yelled chimed interjected demanded".split())


def _someone_acting(sentence: str) -> bool:
    """Does the sentence open with "Another" or "One" acting ("Another tried guilt, telling Clinton ...",
    "One added"), an unnamed person the pronoun after may be? Not "One day", "Another reason"."""
    found = _ANOTHER.match(sentence)
    verb = found.group(1) if found else ""  # not "Another alleged CNN employee"
    return verb in cues.REPORTING_VERBS or verb in cues.IRREGULAR_PAST or verb in _URGED


def epithet_head(word: str, *, offices: bool) -> bool:
    """Is the word (lower case) the head of an epithet that names a person again: an age ("the
    30-year-old"), a nationality ("the Russian"), a description or a position ("the hopeful", "the lock
    forward"), and with ``offices`` an office held ("the prime minister"; not "the spokesman", someone unnamed)?"""
    described = word.endswith("-old") or is_demonym(word) or word in cues.DESCRIPTIVE_HEADS
    return described or (offices and word in cues.ROLE_HEADS and word not in cues.ANONYMOUS_HEADS)


def _names_again(ctx: SpeakerContext, last: Mention, head: str) -> bool:
    """Is a definite description ("the 34-year-old", "the American", "the midfielder") the one person the
    sentence before names (alone, as its subject), named again as reports do? Not an unnamed one ("the
    spokesman")."""
    epithet = epithet_head(head, offices=True)
    named = {m.name for m in ctx.outside if m.type == "person" and m.sentence == last.sentence}
    opening = ctx.body[ctx.sentences[last.sentence] : last.start]
    club = _CLUB_OWNED.match(opening) is not None  # "Manchester City's Paul Bosvelt"
    return epithet and named == {last.name} and (last.lead or club)


_CLUB_OWNED = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*['’]s\s+$")


_NAME_TITLED = re.compile(
    r"^\s*(?:but |and )?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+(?:a |an |the )?"
    r"(?:[\w'’-]+\s+){0,3}?([\w'’-]+)(?:,|\s+(?:for|of|at|from|with)\b)"
)


def _untyped_source(ctx: SpeakerContext, start: int, end: int) -> bool:
    """Does the sentence at ``start`` open with a name no rule typed as a person, set off by its title, and
    report speech ("JF Sullivan, spokesman for e-mail software firm Sendmail said ...")? A pronoun after it
    may be that person."""
    sentence = ctx.body[start:end]
    match = _NAME_TITLED.match(sentence[:160])
    if not match or match.group(2).lower() not in cues.SOURCE_HEADS | cues.ROLE_HEADS:
        return False
    a, b = start + match.start(1), start + match.end(1)
    if any(m.type == "person" and a <= m.start < b for m in ctx.outside):
        return False
    return bool(cues.REPORTING_VERBS & {w.lower() for w in WORD.findall(sentence)})


_CITING = re.compile(
    r"\b(?:quoting|citing|paraphrasing|echoing|invoking)\b[^,.;:!?]*$", re.IGNORECASE
)


def cited(body: str, m: Mention) -> bool:
    """Is the person named as the one whose words are borrowed ("Roughly quoting the late President Ronald
    Reagan, he said: “…”", "Citing Lincoln, ...")? The pronoun after is the one borrowing them."""
    return bool(_CITING.search(body, max(0, m.start - 60), m.start))


def owner(body: str, m: Mention, people: list[Mention]) -> bool:
    """Is the name a possessive before another person's title and name ("Bush's predecessor Bill Clinton",
    "Wenger's Bayern counterpart Felix Magath") or before a person described ("President Castro's chief
    aide said")? It is then no one "he" can be."""
    if body[m.end : m.end + 2] not in {"'s", "’s"}:
        return False
    for word in body[m.end + 2 : m.end + 40].split()[:3]:
        if word.lower() in PEOPLE_HEADS:
            return True
        if word[-1] in ",.;:":
            break
    return any(
        o.start > m.end
        and o.name != m.name
        and len(between := body[m.end + 2 : o.start].split()) <= 4
        and not any(w[-1] in ",.;:" or w.lower() in cues.REPORTING_VERBS for w in between)
        for o in people
    )


#: Nouns naming a person another's possessive may stand before ("Castro's chief aide").
PEOPLE_HEADS = (
    cues.ROLE_HEADS
    | EXTRA_SOURCES
    | frozenset(
        "aide aides adviser advisers advisor advisors official officials source sources".split()
    )
)

_OWNED = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:But |And )?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*['’]s(?:\s+[\w-]+){1,3}\s+$"
)


def owned(body: str, m: Mention) -> bool:
    """Does the name open its sentence after another's possessive and its title ("Bush's predecessor Bill
    Clinton perhaps had ...")? It is that sentence's subject."""
    return bool(_OWNED.search(body[max(0, m.start - 80) : m.start]))


def two_speakers(ctx: SpeakerContext, last: list[Mention], *, asking: bool = False) -> bool:
    """Does the last sentence naming someone leave two people who may speak next: one opening it and
    another after "but" ("..., but McIlroy is unfazed"), or one asking the other ("Tapper asked Nadler if
    he had any problem. He said “…”"; unless the pronoun asks too)?"""
    people = [m for m in last if m.type == "person"]
    if len({m.name for m in people}) < 2:
        return False
    if not asking and any(_ASKED.match(ctx.body[x.end : y.start]) for x, y in pairwise(people)):
        return True
    opening = sentence_leads(ctx.body, [m for m in last if m.type == "person"])
    return bool(opening) and any(
        _second_subject(ctx.body, m) and m.name not in opening for m in last
    )


_ASKED = re.compile(r"^\s+(?:asked|asks|questioned|pressed)\s+(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep)\.?\s+)?$")


def _second_subject(body: str, m: Mention) -> bool:
    """Is the name the subject of a second clause of its sentence ("..., but McIlroy is unfazed"; not one
    inside a clause of the first: "the public believe ... while Michael Howard ...")?"""
    before = [
        w for w in body[max(0, m.start - 30) : m.start].lower().split() if w not in cues.HONORIFICS
    ]
    return not m.lead and bool(before) and before[-1] == "but"


def sentence_leads(body: str, last: list[Mention]) -> set[str]:
    """The names that open the sentence of ``last`` (its mentions), less a possessive when another person is
    named in it ("Trump's speech was endorsed by David Duke": the one who then speaks may be Duke)."""
    others = len({m.name for m in last}) > 1
    return {m.name for m in last if m.lead and not (others and _possessive(body, m))}


def _possessive(body: str, m: Mention) -> bool:
    """Is the name written as a possessive ("Trump's speech"): it opens the sentence without being its
    subject."""
    return body[m.end : m.end + 1] in ("'", "\u2019")


_POSSESSED = re.compile(r"['’]s\s+([a-z]+)")


def owned_span(text: str, m: Mention, limit: int) -> tuple[int, int]:
    """A person's span, or with what the person owns when the name is a possessive ("Hillary Clinton's
    campaign is coming under fire ... for saying": the campaign speaks, not Clinton)."""
    after = _POSSESSED.match(text, m.end, limit)
    return (m.start, after.end()) if after else (m.start, m.end)


def unnamed_before(text: str, head: str) -> bool:
    """Does ``text`` name someone unnamed with that head ("according to a former senior CIA officer",
    "Another GOP strategist said"; not "a photo of the president")? "The former CIA officer said" then is
    them, not the last one named."""
    return bool(
        re.search(
            rf"\b(?:a|an|one|another)\s+(?:(?!the\b|of\b)[\w'’-]+\s+){{0,4}}?{re.escape(head)}\b",
            text,
            re.IGNORECASE,
        )
    )


def another_speaks(body: str, last: list[Mention], found: str) -> bool:
    """Is someone other than ``found`` said to speak in the sentence of ``last`` ("Tony Blair ... has failed,
    Michael Howard has said")? An epithet after it may be either."""
    for m in last:
        after = WORD.findall(body[m.end : m.end + 20].lower())[:2]
        if m.name != found and m.type == "person" and after:
            verb = after[1] if after[0] in {"has", "had", "have"} and len(after) > 1 else after[0]
            owned = WORD.findall(body[max(0, m.start - 12) : m.start].lower())[-1:] == ["to"]
            if verb in cues.SPEECH_VERBS and not (owned and verb.endswith("ing")):
                return True  # not "a letter to Barr saying": the letter's words
    return False


#: Documents whose author a speaker written as one of them ("the report said") may be.
AUTHORED_DOCUMENTS = frozenset("statement letter report release poll survey complaint".split())
#: What a person or body issues whose words are theirs ("Melendez released a statement that said",
#: "responded with an email saying").
ISSUED_DOCUMENTS = frozenset("statement letter release tweet post memo message note email".split())
_DOCUMENT_WORD = "(" + "|".join(sorted(AUTHORED_DOCUMENTS)) + r")\b"
#: "Unilever said in a statement", "said Friday in a written statement".
_SAID_IN = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:said|says|wrote)\s+(?:\w+\s+)?in\s+(?:a|an|its|his|her)\s+(?:\w+\s+)?"
    + _DOCUMENT_WORD
)
#: "In a statement, Villa at Windsor Park called ...", "In a letter to Secretary General Antonio Guterres, sent
#: Friday, Haley said".
_IN_A = re.compile(r"\bIn\s+(?:a|an|its|his|her)\s+(?:\w+\s+)?" + _DOCUMENT_WORD)


#: "The Intercept issued a statement Tuesday": the body or person the statement is by.
_ISSUED = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+)?(?:issued|released|put out|sent|posted)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,2}?" + _DOCUMENT_WORD
)


def document_author(ctx: SpeakerContext, limit: int, words: list[str]) -> tuple[str, bool] | None:
    """Who a statement or letter written as a speaker ("“…,” the statement said") is by: the one person or
    body named as speaking "in a statement" (or letter) in this paragraph or the one before, right before
    "said in a statement", opening the clause after "In a statement, ..." or issuing it ("The Intercept
    issued a statement Tuesday"), when no other such document is written of between; None when nobody or
    several are, or the name is a possessive ("In a statement, Abbas' office said")."""
    if len(words) != 2 or words[0] != "the" or words[1] not in AUTHORED_DOCUMENTS:
        return None
    start = ctx.paragraph_start(limit)
    named = [
        m
        for m in ctx.outside
        if start <= m.start < limit
        and m.type in {"person", "organisation"}
        and ctx.body[m.end : m.end + 1] not in {"'", "’"}
    ]
    # Another such document written of after the evidence: "... released a report. ... “The Kerner Report,”
    # ... the report said" (a speaker's "the report said" is the same one).
    again = re.compile(rf"(?<!\bthe )\b{words[1]}\b", re.IGNORECASE)

    def last_one(end: int) -> bool:
        return again.search(ctx.body, end, limit) is None

    openers = [
        found.end()
        for found in _IN_A.finditer(ctx.body, start, limit)
        if found.group(1) == words[1] and last_one(found.end())
    ]
    authors = set()
    for m in named:
        said = _SAID_IN.match(ctx.body, m.end) or _ISSUED.match(ctx.body, m.end)
        if (said and said.group(1) == words[1] and last_one(said.end())) or any(
            end <= m.start and _opens_clause(ctx.body[end : m.start]) for end in openers
        ):
            authors.add(m.name)
    if not authors:
        authors = _titled_author(ctx, limit, openers)
    return (authors.pop(), True) if len(authors) == 1 else None


#: "..., the state's Republican governor said": an epithet with its title opening the clause.
_TITLED = re.compile(r"\s*the\s+(?:[\w'’.-]+\s+){0,3}?([a-z]+)\s+(?:said|says|wrote|added)\b")


def _titled_author(ctx: SpeakerContext, limit: int, openers: list[int]) -> set[str]:
    """The author when an epithet with a title opens the clause after "In a statement, ..." ("In a statement on
    Monday, the state's Republican governor said"): the one person named before in the article with that
    title ("Tennessee Governor Bill Haslam"); nobody when several hold it."""
    heads = set()
    for end in openers:
        comma = ctx.body.find(",", end, limit)
        found = _TITLED.match(ctx.body, comma + 1, limit) if comma >= 0 else None
        if (
            found
            and found.group(1) in cues.ROLE_HEADS
            and found.group(1) not in cues.ANONYMOUS_HEADS
        ):
            heads.add(found.group(1))
    before = {m.name for m in ctx.outside if m.type == "person" and m.start < limit}
    return {n for n in before for h in heads if h in ctx.roles.get(n, set())}


def _opens_clause(gap: str) -> bool:
    """Is ``gap`` (after "In a statement") the rest of that phrase, so that the name after it opens the
    sentence's main clause?"""
    return len(gap) <= 160 and gap.rstrip().endswith(",") and not any(c in gap for c in '.;:“”"')


def untyped_name(m: Mention, body: str) -> bool:
    """A capitalised run no rule typed that may still be a person ("But Parry, speaking to BBC Sport"): the
    subject of its sentence, or a full name ("Founding Father Charles Thomson"), written capitalised inside a
    sentence too (so not just a sentence opener)."""
    word = m.text.lower()
    return (
        m.type == "unknown"
        and (
            m.lead or acting_full_name(m, body)
        )  # a mere untyped word elsewhere ("Dell") does not count
        and not is_demonym(m.text)
        and not word.endswith(("s", "ed", "ing", "ly"))
        and word not in cues.NOT_NAMES
        and word not in _PARTY_WORDS
        and any(
            word.lower() not in {"the", "a", "an"}  # not only "the Broward county supervisor"
            for word in words_before(m.text, body)
        )
    )


_WORD_BEFORE = re.compile(r"[\w,;]")
_SPACE_BEFORE = re.compile(r"[^\S\n]")
_LOWER_LAST = re.compile(r"[a-z,;]")
_EDGE = re.compile(r"\b")


def words_before(name: str, body: str) -> Iterator[str]:
    r"""The word right before each occurrence of ``name`` in ``body``, after spaces: group 1 of each match
    of ``re.finditer(r"([\w,;]*[a-z,;])[^\S\n]+" + re.escape(name) + r"\b", body)``, in order, found from
    each occurrence backwards instead of trying the pattern at every position of the body."""
    if not name:  # every position is an occurrence: the pattern itself
        yield from (w.group(1) for w in re.finditer(r"([\w,;]*[a-z,;])[^\S\n]+\b", body))
        return
    done = 0  # where the last match ended: matches do not overlap
    at = body.find(name)
    while at >= 0:
        end = at + len(name)
        space = at
        while space > done and _SPACE_BEFORE.match(body, space - 1):
            space -= 1
        start = space
        while start > done and _WORD_BEFORE.match(body, start - 1):
            start -= 1
        if (
            space < at
            and start < space
            and _LOWER_LAST.match(body, space - 1)
            and _EDGE.match(body, end)
        ):
            yield body[start:space]
            done = end
        at = body.find(name, max(at + 1, done))


def acting_full_name(m: Mention, body: str) -> bool:
    """Is an untyped run a full name (a capitalised first name and a surname) followed by what may be its
    verb ("Founding Father Charles Thomson chose"; not "Os du Randt in the scrum", "Game Boy Advance.")?"""
    words = m.text.split()
    after = body[m.end : m.end + 20].split()[:1]
    return (
        len(words) >= 2
        and words[-2][:1].isupper()
        and words[-2].lower() in first_names()
        and words[-1][:1].isupper()
        and bool(after)
        and after[0].isalpha()
        and after[0].islower()
        and after[0] not in cues.PREPOSITIONS | _NOT_VERBS
    )


#: Words after a name that are not its verb.
_NOT_VERBS = frozenset("and or but the a an".split())


#: Party adjectives, never a person's name on their own.
_PARTY_WORDS = frozenset(
    "democratic republican conservative liberal labour socialist green libertarian progressive".split()
)


def named_by_role(ctx: SpeakerContext, name: str, limit: int) -> bool:
    """Does a sentence of this paragraph or the one before, up to ``limit``, open with a definite description
    whose head is one of the person's roles ("The president said he ... had been mistaken for a valet")?"""
    roles = ctx.roles.get(name, set())
    first, here = ctx.sentence_of(ctx.paragraph_start(limit)), ctx.sentence_of(limit)
    for k in range(first, min(here + 1, len(ctx.sentences))):
        match = _opening_description(ctx, k)
        if match and match.group(1).lower() == "the" and match.group("head").lower() in roles:
            return True
    return False


def _opening_description(ctx: SpeakerContext, k: int) -> re.Match[str] | None:
    """The description of a person opening sentence ``k`` ("A Labour spokesman denied", "The president
    said"), if any."""
    return _DESCRIPTION.match(ctx.sentence_text(k)[:120])


def not_owners(body: str, mentions: list[Mention]) -> set[str]:
    """The names of the mentions not written as a possessive ("Trump's election")."""
    return {m.name for m in mentions if body[m.end : m.end + 1] not in ("'", "\u2019")}


#: Where others post: "the Facebook post said" is not Facebook's.
PLATFORMS = frozenset(
    "facebook twitter youtube instagram tiktok reddit snapchat linkedin telegram".split()
)


def issues_documents(body: str, outside: list[Mention], org: Mention) -> bool:
    """May "the <org> report" be the body's own words: not a platform ("the Facebook post"), and the body
    written elsewhere in the article as doing something itself, its name followed by a verb ("the Government
    Accountability Office questioned", "the CDC in April studied"; not only "the Bundestag's legal
    analysts", who wrote its report)?"""
    if org.name.lower() in PLATFORMS:
        return False
    for m in outside:
        if m.name != org.name or m.start == org.start:
            continue
        after = WORD.findall(body[m.end : m.end + 40])
        verbs = [
            w for w in after[:3] if w in cues.REPORTING_VERBS or re.fullmatch(r"[a-z]{3,}ed", w)
        ]
        if verbs and not body[m.end : m.end + 2].strip().startswith(("'", "’")):
            return True
    return False
