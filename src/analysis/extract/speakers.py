"""Speakers: turn the words naming a speaker into a person, an organisation, a description, or nobody.

Run once every mention has its canonical name. A speaker is named only on clear evidence, and left
unclear ("") otherwise:

- a person named in the speaker words is the speaker, unless the words only describe someone linked to
  them ("a lawyer for Mr Fawcett", "Kidman's publicist Wendy Day" names Wendy Day);
- an organisation named there is, unless the words describe someone from it ("a spokesman for SSL",
  "Facebook's head of cybersecurity": a description);
- "he"/"she" goes to the one person of that gender (honorific or first name; unknown gender fits both)
  mentioned outside quotation marks in the quotation's paragraph and the one before it, else in the article
  before the quotation; with several, to the last quotation's speaker when that is the last of them named;
  "it" goes to the one organisation there; "they", "we", "I" name nobody;
- "the minister", "the DJ", "the ministry" go to the one person whose role (title before the name or
  apposition after it: "Maria Eagle, the defence procurement minister") has those words, or the one
  organisation whose name ends so;
- other words are kept as written, ``named=False``, when they describe a source ("one EU diplomat", "a
  Democratic committee aide"); anything else (a fragment, a time, "the book") names nobody.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from analysis.extract import cues
from analysis.extract.entities import Mention
from analysis.extract.gazetteer import first_names, is_demonym, places

__all__ = ["SpeakerContext", "resolve_speaker"]

_DETERMINERS = frozenset({"a", "an", "the", "one", "another", "two", "three", "several", "some"})
_POSSESSIVES = frozenset({"the", "his", "her", "their", "its"})
_LINKS = frozenset({"for", "of", "to", "with", "from", "at", "representing", "by"})
_APPOSITION = re.compile(
    r"^\s*,\s*(?:who is |who was )?(?:the |a |an |its |his |her )?([^,.;:“”\"()]{2,80})"
)
_WORD = re.compile(r"[\w'’.-]*\w")
_DOCUMENTS = frozenset(
    "statement report analysis study survey website blog post letter filing lawsuit memo editorial".split()
)
_EXTRA_SOURCES = frozenset(
    """
    dj publicist agent attorney lawyer lawyers attorneys organizer organiser organizers activist
    activists teen teenager woman man women men resident student students worker workers employee
    employees owner driver mother father son daughter neighbor neighbour victim survivor protester
    protesters supporter supporters volunteer doctor nurse teacher scientist scientists professor
    worker spokesperson insider staffer staffers
    """.split()
)


class SpeakerContext:
    """What one article's speakers are resolved against: its body, mentions and quotation spans."""

    def __init__(
        self,
        body: str,
        mentions: Sequence[Mention],
        quoted: Sequence[tuple[int, int]],
        sentences: Sequence[int] = (0,),
    ):
        self.body = body
        self.sentences = list(sentences)  # character offset where each sentence starts
        self.quoted = sorted(quoted)
        self.mentions = [m for m in mentions if m.field == "body"]
        self.outside = [m for m in self.mentions if not self.in_quote(m.start)]
        self.roles = _roles(self.outside, body)
        for m in mentions:  # a title's role counts too ("MoD Minister Maria Eagle" in the headline)
            if m.field == "title" and m.type == "person" and m.role:
                self.roles.setdefault(m.name, set()).update(_WORD.findall(m.role.lower()))
        self.genders = _genders(self.mentions)
        self.previous_end: int | None = None  # where the quotation before the one being read ends

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding character ``pos`` (the index :attr:`Mention.sentence` uses); an
        opening quotation mark belongs to the sentence it opens."""
        while pos < len(self.body) and not self.body[pos].isalnum():
            pos += 1
        return bisect_right(self.sentences, pos) - 1

    def in_quote(self, pos: int) -> bool:
        """Is character ``pos`` inside a quotation?"""
        return any(a <= pos < b for a, b in self.quoted)

    def paragraph_start(self, pos: int) -> int:
        """Start of the paragraph before the one holding ``pos`` (lines of a few words, such as
        "ADVERTISEMENT" or "Story Continued Below", are passed over)."""
        start = self.body.rfind("\n\n", 0, pos)
        while start > 0:
            previous = self.body.rfind("\n\n", 0, start)
            if len(self.body[max(previous, 0) : start].split()) > 5:
                return max(previous, 0)
            start = previous
        return 0


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
    if who is None:
        return "", False
    a, b = who
    text = " ".join(ctx.body[a:b].split()).strip(" ,;:—–-")
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return "", False
    if len(words) > 1 and words[-1] in {"he", "she"}:
        words, text = words[-1:], words[-1]  # "But standing next to Mr Blair he added"
        a = b - 2 if words[0] == "he" else b - 3
    inside = [m for m in ctx.mentions if a <= m.start and m.end <= b]
    if words[0] in {"who", "which", "that", "where", "when", "whose", "whom"}:
        return "", False  # a relative clause, not a speaker
    cut = re.search(r"\s(?:the|The|his|her|its|their)\s(?!.*\s(?:the|The)\s)", ctx.body[a:b])
    if cut and _heading(ctx.body[a : a + cut.start()]):
        a = a + cut.start() + 1  # "NOT GOOD ENOUGH’ The U.K. prime minister": from "The"
        text = " ".join(ctx.body[a:b].split()).strip(" ,;:—–-")
        words = [w.lower() for w in _WORD.findall(text)]
        inside = [m for m in inside if m.start >= a]
    named = _named_inside(ctx.body, inside, (a, b), words)
    if named is not None:
        return named
    proper = _proper_name(ctx, inside, words)
    if proper:
        return proper, True  # "Parry said:", "Lindsay told the BBC": a name nothing else typed
    if len(words) == 1 and words[0] in {"he", "she"}:
        speech = cue.split()[:1] and cue.split()[0].lower() in _SPEECH
        person = _pronoun(
            ctx,
            min(a, before),
            cues.PRONOUNS[words[0]],
            previous,
            speech=bool(speech),
            after_quote=a > before,
        )
        return (person, True) if person else ("", False)
    if len(words) == 1 and words[0] == "it":
        org = _organisation_subject(ctx, min(a, before))
        return (org, True) if org else ("", False)
    surname = _surname_of(ctx, text, before)
    if surname:
        return surname, True  # "King said" after "Rep. Steve King": a surname read as a title
    if words[0] in _POSSESSIVES | {"our"} and len(words) <= 5:
        found = _described(
            ctx,
            before,
            words,
            proper=_proper_qualifiers(text),
            previous=previous[0] if previous[1] else "",
        )
        if found:
            return found, True
    if len(words) in {2, 3} and words[0] == "the" and words[-1] in _BODY_NOUNS:
        org = _organisation_subject(ctx, min(a, before), acting=True)
        if org:
            return org, True  # "Unilever said sales fell ... “…,” the company said"
    if _epithet(words):
        person = _epithet_referent(ctx, min(a, before), words, previous)
        if person:
            return person, True  # "..., Jack Straw said. The foreign secretary told MPs: “…”"
    if _describes_source(words):
        return _as_written(text), False
    return "", False


#: What a report calls an organisation it has just named ("the company", "the newspaper").
_BODY_NOUNS = frozenset(
    """
    company firm group newspaper paper network bank agency carrier airline retailer broadcaster
    channel union ministry department party club charity council organisation organization insurer
    """.split()
)
_ANONYMOUS = frozenset(
    """
    spokesman spokeswoman spokesperson spokesmen official officials source sources aide aides insider
    person analyst analysts expert experts diplomat diplomats adviser advisers advisor advisors
    representative executive member lawyer attorney statement report writer author authors editor
    reporter correspondent
    """.split()
)
_AGE = re.compile(r"^\d+-year-old$")


def _epithet(words: list[str]) -> bool:
    """ "the 22-year-old", "the Swiss", "the American", "the foreign secretary": how a report names again the
    person it is about (not "the spokesman", who is someone else unnamed)."""
    if words[0] != "the" or not 2 <= len(words) <= 4:
        return False
    head = words[-1]
    return (
        bool(_AGE.match(head))
        or is_demonym(head)
        or head in _PARTY_MEMBERS
        or (head in cues.ROLE_HEADS and head not in _ANONYMOUS)
    )


_PARTY_MEMBERS = frozenset("democrat republican tory conservative socialist".split())


def _epithet_referent(
    ctx: SpeakerContext, limit: int, words: list[str], previous: tuple[str, bool]
) -> str:
    """The person an epithet names again: the subject of the last sentence naming someone (in this
    paragraph or the one before), who is said to speak there or spoke last, with no description between;
    for a title, one whose known titles are not others; a full name only."""
    named = [
        m
        for m in ctx.outside
        if m.type == "person" and ctx.paragraph_start(limit) <= m.start < limit
    ]
    if not named:
        return ""
    last = [m for m in named if m.sentence == named[-1].sentence]
    leads = {m.name for m in last if m.lead}
    names = leads if leads else {m.name for m in last}
    if len(names) != 1:
        return ""
    found = names.pop()
    spoke = (previous[1] and previous[0] == found) or any(
        m.subject for m in named if m.name == found
    )
    if " " not in found or not spoke:
        return ""
    if _described_between(ctx, last[-1], ctx.sentence_of(limit) - 1):
        return ""
    head = words[-1]
    titled = head in cues.ROLE_HEADS and head not in _PARTY_MEMBERS
    if titled and ctx.roles.get(found) and head not in ctx.roles[found]:
        return ""  # "the prime minister" is not the chancellor
    return found


def _surname_of(ctx: SpeakerContext, text: str, before: int) -> str:
    """The one person named before whose surname is the speaker word ("King" for "Steve King")."""
    if " " in text or not text[:1].isupper():
        return ""
    found = {
        m.name
        for m in ctx.outside
        if m.type == "person" and m.start < before and m.name.split()[-1] == text and " " in m.name
    }
    return found.pop() if len(found) == 1 else ""


def _as_written(text: str) -> str:
    """A description from its last article on ("Early talks have taken place and the defender" -> "the
    defender"), in single spaces."""
    words = text.split()
    cut = max(
        (i for i, w in enumerate(words) if i and w.lower() in {"the", "a", "an", "one"}), default=0
    )
    return " ".join(words[cut:])


def _named_inside(
    body: str, inside: list[Mention], span: tuple[int, int], words: list[str]
) -> tuple[str, bool] | None:
    """A person or organisation named in the speaker words, or a description built on one."""
    a, b = span
    if _joint(body, inside):
        return "", False  # "The Conservatives and Lib Dems said": two speakers, no one name
    heads = [m for m in inside if m.type == "person" and not _linked(body, m, a)]
    if (
        heads
    ):  # an apposition ("family attorney Lee Merritt") names the last; a clause, its subject first
        last = heads[-1]  # with a title of its own ("Richard and Judy executive producer Amanda Ross")
        return (last if len(words) <= 6 or last.role else heads[0]).name, True
    if any(m.type == "person" for m in inside):
        return " ".join(body[a : inside[-1].end].split()), False  # "a lawyer for Mr Fawcett"
    orgs = [m for m in inside if m.type == "organisation"]
    if not orgs:
        return None
    org = orgs[0]
    lead = [w.strip(",") for w in body[a : org.start].lower().split()]
    if lead and lead[0] in {"who", "which", "that", "where", "when"}:
        return "", False  # a relative clause, not a speaker
    described = any(w in _LINKS for w in lead)  # "a spokesman for SSL", "analysts at Gartner"
    owner = body[org.end : org.end + 2] in {"'s", "’s"} and bool(
        _WORD.findall(body[org.end + 2 : b])
    )
    trailing = _WORD.findall(body[orgs[-1].end : b])
    if owner and not described and trailing[-1:] and trailing[-1].lower() in _DOCUMENTS:
        return org.name, True  # "FireEye's analysis notes": the firm speaks
    if described or owner or (trailing and trailing[0] not in {"'s", "’s"}):
        return (_as_written(body[a:b]), False) if _describes_source(words) else ("", False)
    return org.name, True


def _joint(body: str, inside: list[Mention]) -> bool:
    """Do the speaker words join two different people or bodies with "and" ("Smith and Jones said"), the
    last without a title of its own?"""
    named = [
        m
        for m in inside
        if m.type in {"person", "organisation"} or (m.type == "unknown" and " " in m.text)
    ]
    return len(named) >= 2 and (
        named[-2].name != named[-1].name
        and _and_between(body[named[-2].end : named[-1].start])
    )


def _and_between(text: str) -> bool:
    """ "and", or "and" then a title ("singer Gary Light and drummer Jon Quine", "Rep. Elijah Cummings of
    Maryland and Rep. John Conyers"); not "Rick and Judy executive producer Amanda Rose"."""
    words = text.split()
    if not words or len(words) > 8 or not ({"and", "&"} & {w.lower() for w in words}):
        return False
    cut = max(i for i, w in enumerate(words) if w.lower() in {"and", "&"})
    return all(
        w.islower() or w.lower() in cues.HONORIFICS or w.lower().rstrip(".") in cues.ROLE_HEADS
        or w.lower() in cues.ROLE_HEADS
        for w in words[cut + 1 :]
    ) and not any(w.lower() in cues.REPORTING_VERBS for w in words)


def _proper_name(ctx: SpeakerContext, inside: list[Mention], words: list[str]) -> str:
    """The speaker words are one untyped name (a capitalised run that is not a group or a plural) that the
    article also writes capitalised inside a sentence, so it is a name and not a sentence opener."""
    runs = [m for m in inside if m.type == "unknown"]
    if len(runs) != 1 or len(_WORD.findall(runs[0].text.lower())) != len(
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
    inside_sentence = re.search(r"[a-z,;]\s+" + re.escape(name) + r"\b", ctx.body)
    return runs[0].name if inside_sentence or _titled(ctx.body, runs[0]) else ""


def _titled(body: str, m: Mention) -> bool:
    """Is a two- or three-word run followed by a title in apposition ("Nse Ufot, executive director of
    New Georgia Project")?"""
    if not 2 <= len(m.text.split()) <= 3:
        return False
    match = _APPOSITION.match(body[m.end : m.end + 90])
    if not match:
        return False
    phrase = _WORD.findall(match.group(1).lower())
    cut = next((i for i, w in enumerate(phrase) if i and w in _LINKS | {"on", "in"}), len(phrase))
    return bool(phrase[:cut]) and phrase[:cut][-1] in cues.ROLE_HEADS


def _heading(text: str) -> bool:
    """Is ``text`` a heading run into the sentence ("NOT GOOD ENOUGH’")?"""
    letters = [w for w in _WORD.findall(text) if w.isalpha()]
    return bool(letters) and all(w.isupper() for w in letters)


def _linked(body: str, m: Mention, a: int) -> bool:
    """Is the person only linked to the speaker ("for Mr Fawcett", "Kidman's publicist")?"""
    before = [w for w in body[a : m.start].lower().split() if w not in cues.HONORIFICS]
    if before and before[-1] in _LINKS:
        return True
    return body[m.end : m.end + 2] in {"'s", "’s"}


def _describes_source(words: list[str]) -> bool:
    """Do the words describe a source ("one EU diplomat", "a spokesman for the firm", "officials")?"""
    cut = next((i for i, w in enumerate(words) if i and w in _LINKS), len(words))
    head = words[:cut]
    if not head or head[0] in cues.PRONOUNS or head[0] in {"it", "that", "this", "which", "who"}:
        return False
    return (
        head[-1] in cues.SOURCE_HEADS or head[-1] in cues.ROLE_HEADS or head[-1] in _EXTRA_SOURCES
    )


def _genders(mentions: Sequence[Mention]) -> dict[str, set]:
    """Each person's gender as written (honorific, first name), or as the canonical name's first name says
    ("Trump" is "Donald Trump": male)."""
    genders: dict[str, set] = {}
    for m in mentions:
        if m.type != "person":
            continue
        parts = m.name.split()
        guess = m.gender or (first_names().get(parts[0].lower()) if len(parts) > 1 else None)
        if guess:
            genders.setdefault(m.name, set()).add(guess)
    return genders


def _compatible(m: Mention, gender: str | None, genders: dict[str, set]) -> bool:
    known = genders.get(m.name, set())
    return gender is None or not known or known == {gender}


_PARTY_WORDS = frozenset(
    "democratic republican conservative liberal labour socialist green libertarian progressive".split()
)
_SPEECH = frozenset(
    """
    said says added adds told tells continued explained noted insisted argued warned wrote asked replied
    boasted declared asserted stressed joked quipped tweeted posted countered conceded acknowledged
    admitted recalled remarked responded
    """.split()
)


def _pronoun(
    ctx: SpeakerContext,
    limit: int,
    gender: str | None,
    previous: tuple[str, bool],
    *,
    speech: bool,
    after_quote: bool = False,
) -> str:
    """The person "he"/"she" is, or "" (an untyped name that may be the referent blocks, never wins)."""
    found = _referent(ctx, limit, gender, previous, speech=speech, after_quote=after_quote)
    people = {m.name for m in ctx.mentions if m.type == "person"}
    return found if found in people else ""


def _referent(
    ctx: SpeakerContext,
    limit: int,
    gender: str | None,
    previous: tuple[str, bool],
    *,
    speech: bool,
    after_quote: bool = False,
) -> str:
    """The one person "he"/"she" (written at ``limit``, or after a quotation starting there) can be.

    In order: the only fitting person in this paragraph and the one before, when a subject there or the
    only one so far; the only fitting person of
    the last sentence that names one, when that person is its subject (after "said X" only for a pronoun
    that says or adds something itself: "And he has promised them" is not Petrov); the last quotation's
    speaker when
    that is the last fitting person named, or when nobody else named since that quotation is a subject;
    the only fitting person in the article so far. A name in the quotation's own sentence before a
    pronoun written after it ("Mr Blair has “the same passion” ..., he said") is not the pronoun.
    """
    genders = ctx.genders
    people = [
        m
        for m in ctx.outside
        if (m.type == "person" or _untyped_name(m, ctx.body))
        and m.end <= limit
        and _compatible(m, gender, genders)
        and not (after_quote and m.sentence == ctx.sentence_of(limit))
    ]
    if not people or _described_between(ctx, people[-1], ctx.sentence_of(limit)):
        return ""  # nobody, or "A Labour spokesman denied it. “…,” he said": the spokesman
    near = [m for m in people if m.start >= ctx.paragraph_start(limit)]
    names = {m.name for m in near}
    if len(names) == 1 and (
        any(m.lead or m.subject for m in near) or {m.name for m in people} == names
    ):
        return next(iter(names))  # not "that Mr. Cheney was influenced" when Mr. Bush spoke before
    last = [m for m in people if m.sentence == people[-1].sentence]
    if not _chain(ctx, people[-1].sentence, ctx.sentence_of(limit), gender):
        last = []  # a sentence naming nobody stands between ("But the 25-year-old Dubliner ...")
    subjects = {m.name for m in last if m.subject and (m.lead or _verb_before(ctx.body, m))}
    typed = [m for m in last if m.type == "person"]
    if speech and len(subjects) == 1 and typed and typed[-1].name in subjects:
        return last[-1].name  # "..., said Kirill Rogov. “…,” he said."
    if speech and len({m.name for m in last}) == 1 and typed and any(m.subject for m in typed):
        return typed[-1].name  # "..., Alan Milburn, Labour's election strategist told Radio 4. ..., he said"
    leads = {m.name for m in last if m.lead}
    if (
        leads
        and len(leads) == 1
        and (len({m.name for m in last}) == 1 or genders.get(next(iter(leads))) == {gender})
    ):
        return next(
            iter(leads)
        )  # "Jeanne Mancini, president of March for Life, hailed ... “…,” she said"
    typed_people = [m for m in people if m.type == "person"]
    if speech and previous[1] and typed_people and previous[0] == typed_people[-1].name:
        return previous[0]  # an untyped run after it ("British Chambers of Commerce") does not count
    if speech and _goes_on(ctx, people, previous, limit, gender):
        return previous[0]  # "“A,” Ryan said. Ryan told Bader he would tour with Pence. “B,” he said."
    everyone = {m.name for m in people}
    return everyone.pop() if len(everyone) == 1 and not names else ""


def _goes_on(
    ctx: SpeakerContext,
    people: list[Mention],
    previous: tuple[str, bool],
    limit: int,
    gender: str | None,
) -> bool:
    """Is the previous quotation's speaker still the one talking: named again since that quotation (in
    this paragraph or the one before), and every other fitting person named since is no subject of a
    sentence ("the funeral of Freddie Gray", "told Bader") and not in the pronoun's own sentence?"""
    if not previous[1] or ctx.previous_end is None:
        return False
    start = ctx.paragraph_start(limit)
    since = [m for m in people if m.start >= ctx.previous_end]
    here = ctx.sentence_of(limit)
    again = any(m.name == previous[0] and m.start >= start for m in since) or (
        ctx.previous_end >= start
        and _pronoun_chain(ctx, ctx.sentence_of(ctx.previous_end), here, gender)
    )
    return again and all(
        m.name == previous[0]
        or not (m.lead or _said_before(ctx.body, m) or m.sentence == here)
        for m in since
    )


def _pronoun_chain(ctx: SpeakerContext, first: int, current: int, gender: str | None) -> bool:
    """Do the sentences after sentence ``first`` and before ``current`` (at least one) all open with the
    pronoun, after "And"/"But" ("And he confirmed Mr Blair's insistence ...")?"""
    pronoun = {"male": "he", "female": "she"}.get(gender or "", "")
    if not pronoun or current - first < 2:
        return False
    for k in range(first + 1, current):
        end = ctx.sentences[k + 1] if k + 1 < len(ctx.sentences) else len(ctx.body)
        words = _WORD.findall(ctx.body[ctx.sentences[k] : end][:30].lower())
        if words[:1] in (["and"], ["but"]):
            words = words[1:]
        if words[:1] != [pronoun]:
            return False
    return True


def _said_before(body: str, m: Mention) -> bool:
    """Is the mention the subject written after its verb ("said Kirill Rogov"; not "told Bader", not
    "confirmed Mr Blair's insistence")?"""
    if body[m.end : m.end + 2] in {"'s", "’s"}:
        return False
    before = [
        w for w in body[max(0, m.start - 40) : m.start].lower().split() if w not in cues.HONORIFICS
    ]
    return bool(before) and before[-1] in cues.REPORTING_VERBS and before[-1] not in _OBJECT_VERBS


_OBJECT_VERBS = frozenset("told tells tell asked asks urged urges".split())


def _untyped_name(m: Mention, body: str) -> bool:
    """A capitalised run no rule typed that may still be a person ("But Parry, speaking to BBC Sport"): the
    subject of its sentence, written capitalised inside a sentence too (so not just a sentence opener)."""
    word = m.text.lower()
    return (
        m.type == "unknown"
        and m.lead  # a mere untyped word elsewhere ("Dell") does not count
        and not is_demonym(m.text)
        and not word.endswith(("s", "ed", "ing", "ly"))
        and word not in cues.NOT_NAMES
        and word not in _PARTY_WORDS
        and re.search(r"[a-z,;]\s+" + re.escape(m.text) + r"\b", body) is not None
    )


_DESCRIPTION = re.compile(
    r"^\s*(?:but |and |however, |meanwhile, )?(?:a|an|the|one)\s+(?:[\w'’-]+\s+){0,3}?("
    r"[\w'’-]+)(?:,[^,.]{0,60},)?\s+(?:also\s+)?"
    r"(?:\w+ed|said|says|told|added|insisted|denied|is|was|has|had|will|would)\b",
    re.IGNORECASE,
)


def _described_between(ctx: SpeakerContext, last: Mention, current: int) -> bool:
    """Does a sentence after the last name and up to the pronoun's open with a described person ("A
    Labour spokesman denied ...", "The 31-year-old admitted ...")? The pronoun may well be them (unless
    the description is that person's own role: "The minister opened ..." after Minister Maria Eagle)."""
    for k in range(last.sentence + (1 if last.lead else 0), current + 1):
        if k >= len(ctx.sentences):
            break
        end = ctx.sentences[k + 1] if k + 1 < len(ctx.sentences) else len(ctx.body)
        match = _DESCRIPTION.match(ctx.body[ctx.sentences[k] : end][:120])
        if match and match.group(1).lower() in ctx.roles.get(last.name, set()):
            continue
        if match and (
            match.group(1).lower() in cues.SOURCE_HEADS
            or match.group(1).lower() in cues.ROLE_HEADS
            or match.group(1).lower() in _EXTRA_SOURCES
            or match.group(1).lower().endswith("-old")
        ):
            return True
    return False


def _chain(ctx: SpeakerContext, named: int, current: int, gender: str | None) -> bool:
    """Do only sentences opening with the same pronoun stand between sentence ``named`` and ``current``
    ("Ellen Simonetti ... wrote ... She was suspended ... In a statement, she said")?"""
    pronoun = {"male": "he", "female": "she"}.get(gender or "", "")
    for k in range(named + 1, current):
        end = ctx.sentences[k + 1] if k + 1 < len(ctx.sentences) else len(ctx.body)
        first = _WORD.findall(ctx.body[ctx.sentences[k] : end][:20].lower())[:1]
        if not pronoun or first != [pronoun]:
            return False
    return True


def _verb_before(body: str, m: Mention) -> bool:
    """Is the mention written right after a reporting verb ("said Kirill Rogov")?"""
    before = [
        w for w in body[max(0, m.start - 40) : m.start].lower().split() if w not in cues.HONORIFICS
    ]
    return bool(before) and before[-1] in cues.REPORTING_VERBS


def _organisation_subject(ctx: SpeakerContext, limit: int, *, acting: bool = False) -> str:
    """The organisation "it" is: the only one in the last sentence naming one, opening that sentence;
    ``acting``: followed by its verb or a possessive ("Unilever said", not "The State Department
    guidelines")."""
    orgs = [m for m in ctx.outside if m.type == "organisation" and m.end <= limit]
    if not orgs or orgs[-1].start < ctx.paragraph_start(limit):
        return ""
    last = [m for m in orgs if m.sentence == orgs[-1].sentence]
    if len({m.name for m in last}) != 1 or not last[0].lead:
        return ""
    follower = _WORD.findall(ctx.body[last[0].end : last[0].end + 30])[:1]
    if acting and follower and not (
        follower[0] in cues.REPORTING_VERBS
        or follower[0] in _ACTING
        or ctx.body[last[0].end : last[0].end + 1] in {"'", "’", ","}
    ):
        return ""
    return last[0].name


_ACTING = frozenset("has had have is was were will would also can could may might said".split())


def _proper_qualifiers(text: str) -> bool:
    """Are the words between the determiner and the head all capitalised ("the Ealing North MP", "the Nevada
    Democrat"): a place or party qualifying the role, not another role ("the defence minister")?"""
    words = text.split()[1:-1]
    return bool(words) and all(w[:1].isupper() for w in words)


def _described(
    ctx: SpeakerContext,
    before: int,
    words: list[str],
    *,
    proper: bool = False,
    previous: str = "",
) -> str:
    """ "the defence minister", "the ministry": the one person with that role, or organisation so named;
    with ``proper`` qualifiers ("the Ealing North MP"), the one person whose role has the head word; of
    several with the role, the previous quotation's speaker (``previous``)."""
    wanted = [w.replace(".", "") for w in words[1:] if w not in {"former", "then"}]
    if not wanted:
        return ""
    earlier = {m.name for m in ctx.outside if m.type == "person" and m.start < before}
    people = {name for name in earlier if set(wanted) <= ctx.roles.get(name, set())}
    if not people and proper and wanted[-1] in cues.ROLE_HEADS:
        people = {
            name
            for name in earlier
            if wanted[-1] in ctx.roles.get(name, set())
            and not any(w in places() and w not in wanted for w in ctx.roles.get(name, set()))
        }  # "the California Democrat" is not "Al Franken, Minnesota Democrat"
    if len(people) == 1:
        return people.pop()
    if previous in people:
        return previous  # "“…,” Trump said. “…,” the president said" beside President Putin
    if people or wanted[-1] not in cues.ORG_HEADS:
        return ""
    orgs = {
        m.name
        for m in ctx.outside
        if m.type == "organisation"
        and m.start < before
        and m.name.lower().split()[-1:] == wanted[-1:]
    }
    return orgs.pop() if len(orgs) == 1 else ""


#: Titles written short before a name, as a description writes them ("Gov. Whitmer" ... "the governor").
_TITLE_WORDS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "pres": "president",
    "supt": "superintendent",
    "atty": "attorney",
}


def _roles(mentions: list[Mention], body: str) -> dict[str, set[str]]:
    """Each person's role words: titles written before the name, appositions after it."""
    roles: dict[str, set[str]] = {}
    for m in mentions:
        if m.type != "person":
            continue
        found = roles.setdefault(m.name, set())
        if m.role:
            words = _WORD.findall(m.role.lower().replace("-", " ").replace(".", ""))
            found.update(_TITLE_WORDS.get(w, w) for w in words)
        match = _APPOSITION.match(body[m.end : m.end + 90])
        if match:
            phrase = _WORD.findall(match.group(1).lower().replace("-", " ").replace(".", ""))
            cut = next(
                (i for i, w in enumerate(phrase) if i and w in _LINKS | {"on", "in"}), len(phrase)
            )
            phrase = phrase[:cut]
            if phrase and (phrase[-1] in cues.ROLE_HEADS or phrase[-1] in _EXTRA_SOURCES):
                found.update(phrase)
    return roles
