"""Referents: who a pronoun ("he said"), an epithet ("the foreign secretary", "the 22-year-old", "the New
York Democrat") or a body's description ("the company") written as a speaker stands for.

Each is resolved against the article's :class:`SpeakerContext` (its body, the mentions outside quotation
marks, the people's titles and genders) and names someone only when one fits:

- "he"/"she": the previous quotation's speaker right after its clause; the one person of that gender in
  the paragraph and the one before who is a subject there; else the subject of the last sentence naming
  someone; else the previous quotation's speaker, when nobody else named since is a subject or nobody is
  named or described since; else nobody;
- an epithet: the subject of the last sentence naming someone, who was said to speak (a title must not be
  another one's: "the prime minister" is not the chancellor); a full name only;
- "it", "the company": the one organisation opening the last sentence that names one, acting there.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from analysis.extract import cues
from analysis.extract.chains import (
    addressed,
    carried,
    chain,
    goes_on,
    in_own_sentence,
    next_quotation,
    opens_speaking,
    says_alone,
    speaker_goes_on,
    spoken_of,
)
from analysis.extract.clauses import object_before
from analysis.extract.cues import SPEECH_VERBS
from analysis.extract.described import (
    EXTRA_SOURCES,
    PEOPLE_HEADS,
    WORD,
    acting_full_name,
    another_speaks,
    cited,
    described_between,
    named_by_role,
    not_owners,
    owned,
    owner,
    sentence_leads,
    two_speakers,
    unnamed_before,
    untyped_name,
)
from analysis.extract.entities import Mention
from analysis.extract.gazetteer import countries, is_demonym, places
from analysis.extract.genders import compatible, person_genders
from analysis.extract.introduced import subject_position
from analysis.extract.marks import in_double_marks
from analysis.extract.qualifiers import modifier
from analysis.extract.roles import (
    APPOSITION,
    LINKS,
    holds_title,
    person_roles,
    title_holder,
)
from analysis.extract.sentences import caption_before

__all__ = [
    "APPOSITION",
    "EXTRA_SOURCES",
    "LINKS",
    "SPEECH_VERBS",
    "WORD",
    "SpeakerContext",
    "epithet_referent",
    "epithet_words",
    "is_epithet",
    "organisation_subject",
    "pronoun_referent",
]

_AGE = re.compile(r"^\d+-year-old$")

PARTY_MEMBERS = frozenset("democrat republican tory conservative socialist".split())


_ACTING = frozenset("has had have is was were will would also can could may might said".split())


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
        self.roles = person_roles(self.outside, body)
        for m in mentions:  # a title's role counts too ("MoD Minister Maria Eagle" in the headline)
            if m.field == "title" and m.type == "person" and m.role:
                self.roles.setdefault(m.name, set()).update(WORD.findall(m.role.lower()))
        self.genders = person_genders(self.mentions, body, self.sentences, self.in_quote)
        self.headline_people = {
            m.name for m in mentions if m.field == "title" and m.type == "person"
        }
        self.previous_end: int | None = None  # where the quotation before the one being read ends

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding character ``pos`` (the index :attr:`Mention.sentence` uses); an
        opening quotation mark belongs to the sentence it opens."""
        while pos < len(self.body) and not self.body[pos].isalnum():
            pos += 1
        return bisect_right(self.sentences, pos) - 1

    def sentence_ending(self, end: int) -> int:
        """Index of the sentence a quotation ending at ``end`` ends in (its closing mark belongs there, not
        to the reporter's sentence after it)."""
        pos = end - 1
        while pos > 0 and not self.body[pos].isalnum():
            pos -= 1
        return bisect_right(self.sentences, pos) - 1

    def sentence_text(self, k: int) -> str:
        """The text of sentence ``k``, to the next sentence's start."""
        end = self.sentences[k + 1] if k + 1 < len(self.sentences) else len(self.body)
        return self.body[self.sentences[k] : end]

    def in_quote(self, pos: int) -> bool:
        """Is character ``pos`` inside a quotation?"""
        return any(a <= pos < b for a, b in self.quoted)

    def short_line(self, k: int) -> bool:
        """Is sentence ``k`` a line on its own that is no prose: a few words with no full stop
        ("ADVERTISEMENT", "Follow @KilloughCNN") or a line in capitals (a linked headline)?"""
        text = self.sentence_text(k)
        start = self.sentences[k] + len(text) - len(text.lstrip())
        line, _, rest = text.lstrip().partition("\n")  # the next sentence's opening mark may follow
        alone = self.body[:start].rstrip(" ").endswith("\n") and not rest.strip(" \n\"“‘'")
        unfinished = line.rstrip()[-1:] not in set(".!?:\"”'’")  # a heading, not "Obama agreed."
        capitals = not any(
            c.islower() for c in line
        )  # "KELLYANNE CONWAY'S HUSBAND RIPS TRUMP AGAIN"
        return alone and "\n" in text and (capitals or (unfinished and len(line.split()) <= 5))

    def paragraph_start(self, pos: int) -> int:
        """Start of the paragraph before the one holding ``pos`` (lines of a few words, such as
        "ADVERTISEMENT" or "Story Continued Below", and lines in capitals are passed over)."""
        start = self.body.rfind("\n\n", 0, pos)
        while start > 0:
            previous = self.body.rfind("\n\n", 0, start)
            segment = self.body[max(previous, 0) : start]
            if len(segment.split()) > 5 and any(c.islower() for c in segment):
                return max(previous, 0)
            start = previous
        return 0


def is_epithet(words: list[str]) -> bool:
    """ "the 22-year-old", "the Swiss", "the American", "the foreign secretary": how a report names again the
    person it is about (not "the spokesman", who is someone else unnamed)."""
    if words[0] != "the" or not 2 <= len(words) <= 4:
        return False
    head = words[-1]
    return (
        bool(_AGE.match(head))
        or is_demonym(head)
        or head in PARTY_MEMBERS
        or (head in cues.ROLE_HEADS and head not in cues.ANONYMOUS_HEADS)
        or head in cues.DESCRIPTIVE_HEADS
    )


def epithet_words(words: list[str]) -> list[str]:
    """A description's words up to "from" or "and" when that first part names a person again ("the senator
    from Nebraska and member of the Senate Judiciary Committee": "the senator"); else all of them."""
    cut = next((i for i, w in enumerate(words) if w in {"from", "and"}), len(words))
    return words[:cut] if 2 <= cut < len(words) and is_epithet(words[:cut]) else words


def epithet_referent(
    ctx: SpeakerContext, limit: int, words: list[str], previous: tuple[str, bool]
) -> str:
    """The person an epithet names again: the subject of the last sentence naming someone (in this
    paragraph or the one before), who is said to speak there or spoke last, with no description between;
    for a title, one whose known titles are not others; a full name only."""
    here = ctx.sentence_of(limit)
    named = [
        m
        for m in ctx.outside
        if m.type == "person"
        and ctx.paragraph_start(limit) <= m.start < limit
        and m.sentence < here  # not "Speaking to Le Matin, the 24-year-old Swiss added"
    ]
    if not named:
        return ""
    last = [m for m in named if m.sentence == named[-1].sentence]
    leads = sentence_leads(ctx.body, last)
    speaking = {
        m.name for m in last if m.subject
    }  # "“…,” Carson said in a statement about Freddie Gray"
    names = leads or (speaking if len(speaking) == 1 else {m.name for m in last})
    if len(names) > 1 and words[-1] in cues.ROLE_HEADS:
        names = {title_holder(words[-1], names, ctx.roles)} - {""}
    if len(names) != 1:
        return ""
    found = names.pop()
    title = (words[-1] in cues.ROLE_HEADS and words[-1] not in PARTY_MEMBERS) or (
        words[-1] in PARTY_MEMBERS and any(w in places() for w in words[1:-1])
    )  # "the Michigan Republican" names again the subject before, as "the coach" does
    spoke = (previous[1] and previous[0] == found) or any(
        m.subject or (title and subject_position(ctx, m)) for m in named if m.name == found
    )  # a title names again the subject before ("Mike Ruddock paid tribute ... said the coach")
    near = {
        m.name
        for m in ctx.outside
        if m.type in {"person", "unknown"} and ctx.paragraph_start(limit) <= m.start < limit
    }  # with the epithet's own sentence and names no rule typed: "When Lleyton Hewitt shook his hand,
    # the Australian said"
    alone = near == {found} and any(m.lead for m in named)
    # "Paula Radcliffe has called for ... “…,” the 30-year-old told the Sunday Times": nobody else
    if " " not in found or not (spoke or alone) or another_speaks(ctx.body, last, found):
        return ""
    head = words[-1]
    since = ctx.body[ctx.sentences[last[-1].sentence] : limit]
    if described_between(ctx, last[-1], ctx.sentence_of(limit) - 1) or (
        head in cues.ROLE_HEADS and unnamed_before(since, head)
    ):
        return ""  # "according to a former senior CIA officer. “…,” the former CIA officer said"
    titled = head in cues.ROLE_HEADS and head not in PARTY_MEMBERS | cues.DESCRIPTIVE_HEADS
    roles = ctx.roles.get(found, set())
    if any(w in places() for w in words[1:-1]) and any(
        w in places() and w not in words and w not in countries() for w in roles
    ):
        return ""  # "the California Democrat" is not Tim Hayes, a Minnesota Democrat
    if (
        titled
        and roles
        and (not holds_title(head, roles) or (roles & cues.DISTINCT_ROLE_WORDS) - set(words))
    ):
        return ""  # "the prime minister" is not the chancellor, "the minister" not the shadow one
    return found


def pronoun_referent(
    ctx: SpeakerContext,
    limit: int,
    gender: str | None,
    previous: tuple[str, bool],
    *,
    speech: bool,
    after_quote: bool = False,
    asking: bool = False,
    told: int | None = None,
    going_on: bool = False,
) -> str:
    """The person "he"/"she" is, or "" (an untyped name that may be the referent blocks, never wins);
    ``asking``: "he asked", maybe the sentence before's asker; ``told``: where the pronoun ends;
    ``going_on``: "he continued", "he added" (:func:`next_quotation`)."""
    options = {"speech": speech, "after_quote": after_quote, "asking": asking, "going_on": going_on}
    found = _referent(ctx, limit, gender, previous, told_whom=addressed(ctx, told), **options)
    people = {m.name for m in ctx.mentions if m.type == "person" or says_alone(ctx, m, limit)}
    bearers = {n for m in ctx.mentions if m.name == found for n in m.not_names}
    fitting = [n for n in sorted(bearers) if gender and ctx.genders.get(n) == {gender}]
    if found and found not in people and len(fitting) == 1:
        return fitting[0]  # "Obama said ... But he said": of Barack and Michelle Obama, he
    return found if found in people else ""


def _referent(
    ctx: SpeakerContext,
    limit: int,
    gender: str | None,
    previous: tuple[str, bool],
    *,
    speech: bool,
    after_quote: bool = False,
    asking: bool = False,
    told_whom: frozenset[str] = frozenset(),
    going_on: bool = False,
) -> str:
    """The one person "he"/"she" (written at ``limit``, or after a quotation starting there) can be.

    In order: the previous quotation's speaker, when only its clause naming nobody stands between and the
    gender is known to fit (:func:`next_quotation`); the only fitting person in this paragraph and the one
    before, when a subject there or the only one so far; the only fitting person of the last sentence that
    names one, when that person is its subject (after "said X" only for a pronoun that says or adds
    something itself: "And he has promised them" is not Petrov); the last quotation's speaker when that is
    the last fitting person named, or when nobody else named since that quotation is a subject; the only
    fitting person in the article so far; else the previous speaker still written of
    (:func:`speaker_goes_on`). A name in the quotation's own sentence before a pronoun written after it
    ("Mr Blair has “the same passion” ..., he said") is not the pronoun.
    """
    genders = ctx.genders
    if speech and next_quotation(ctx, previous, limit, gender, going_on=going_on):
        return previous[0]
    people = _candidates(ctx, limit, gender, after_quote=after_quote, told_whom=told_whom)
    speaker = previous[0] if previous[1] else ""
    if not people or described_between(ctx, people[-1], ctx.sentence_of(limit), speaker):
        return ""  # nobody, or "A Labour spokesman denied it. “…,” he said": the spokesman
    if speech and _described_last(ctx, people, previous, limit):
        return ""  # "Castro's chief aide said it was “…”. “…,” he said": the aide
    found, names = _nearby(ctx, people, limit, after_quote=after_quote)
    if found:
        return found
    last = [m for m in people if m.sentence == people[-1].sentence]
    if (opened := _opening_pronoun(ctx, people[-1].sentence, limit, gender)) is not None:
        return opened
    if not chain(
        ctx, people[-1].sentence, ctx.sentence_of(limit), gender, inside=people[-1].lead
    ) or chain(ctx, people[-1].sentence - 1, people[-1].sentence + 1, gender):
        last = []  # a sentence naming nobody between ("But the 25-year-old Dubliner ..."), or the
        # last naming one opens with the pronoun itself ("He promised not to criticize Obama ...")
    # "Bogdanov claimed the race was his, but McIlroy is unfazed. He admitted: …"; "Trump corrected his
    # chief of staff John Kelly after he said ...": either may be "he"
    here = ctx.sentence_of(limit)
    if two_speakers(ctx, last, asking=asking) or object_before(ctx.body, last, limit, here):
        return ""
    subjects = {m.name for m in last if m.subject and (m.lead or _verb_before(ctx.body, m))}
    typed = [m for m in last if m.type == "person"]
    if speech and len(subjects) == 1 and typed and typed[-1].name in subjects:
        return last[-1].name  # "..., said Kirill Rogov. “…,” he said."
    speaking = {m.name for m in typed if m.subject and subject_position(ctx, m)}
    if speech and len(speaking) == 1 and len({m.name for m in typed if m.subject}) == 1:
        return speaking.pop()  # "... Jonathan Turley says he's troubled by ... Bush and ... Obama."
    if speech and len({m.name for m in last}) == 1 and typed and any(m.subject for m in typed):
        return typed[-1].name  # "Alan Milburn, Labour's strategist told Radio 4. ..., he said"
    leads = sentence_leads(ctx.body, last)
    if (
        leads
        and len(leads) == 1
        and (len(not_owners(ctx.body, last)) == 1 or genders.get(next(iter(leads))) == {gender})
    ):
        return next(iter(leads))  # "Jeanne Mancini, ..., hailed ... “…,” she said"; "After Trump's
        # election, Romney changed his tune, and while he still said": a possessive acts in nothing
    if speech and carried(ctx, last, here, gender):  # "By the time Horne got up to speak, ... She
        return last[-1].name  # told her colleagues ... “…,” she said"
    if speech and _previous_goes_on(ctx, people, last, previous, limit, gender):
        return previous[0]
    everyone = {m.name for m in people}
    acts = any(subject_position(ctx, m) for m in people) or (
        len(everyone) == 1 and named_by_role(ctx, next(iter(everyone)), limit)
    )  # not only "Trump critics"; "The president said he ..."
    if len(everyone) == 1 and not names and acts:
        return everyone.pop()
    return previous[0] if speech and speaker_goes_on(ctx, previous, limit, gender) else ""


def _opening_pronoun(
    ctx: SpeakerContext, opening: int, limit: int, gender: str | None
) -> str | None:
    """When the last sentence naming someone opens with the pronoun saying something, and only sentences
    opening with it follow, who that opening pronoun is ("But Mr. Bennett denied that Mr. Carson planned to
    fire him. He said that when he told Mr. Carson ..., Mr. Carson asked him to reconsider. ¶ “…,” he
    said": Bennett), resolved where it stands; else None."""
    if opens_speaking(ctx, opening, gender) and chain(ctx, opening, ctx.sentence_of(limit), gender):
        return _referent(ctx, ctx.sentences[opening], gender, ("", False), speech=False)
    return None


def _nearby(
    ctx: SpeakerContext, people: list[Mention], limit: int, *, after_quote: bool
) -> tuple[str, set[str]]:
    """The one fitting person of this paragraph and the one before, when a subject there or the only one so
    far (not "that Mr. Cheney was influenced" when Mr. Bush spoke before), else the subject of the pronoun's
    own sentence ("Doug Gansler fired off a salvo when he said"), or ""; and the names in those paragraphs."""
    near = [m for m in people if m.start >= ctx.paragraph_start(limit)]
    names = {m.name for m in near}
    if len(names) == 1 and (
        any(subject_position(ctx, m) for m in near) or {m.name for m in people} == names
    ):
        return next(iter(names)), names
    own = {m.name for m in people if m.sentence == ctx.sentence_of(limit)}
    if not after_quote and own == {people[-1].name} and subject_position(ctx, people[-1]):
        return people[-1].name, names
    return "", names


def _described_last(
    ctx: SpeakerContext, people: list[Mention], previous: tuple[str, bool], limit: int
) -> bool:
    """Did the previous quotation, in this paragraph, go to a description of a person ("President Castro's
    chief aide") with nobody named since? A "he said" right after it is that person's."""
    if previous[1] or ctx.previous_end is None:
        return False
    if not PEOPLE_HEADS & set(WORD.findall(previous[0].lower())):
        return (
            False  # not "the people at the rally that night", a misread "Recalling …, Waters said"
        )
    return ctx.previous_end >= ctx.paragraph_start(limit) and not any(
        m.start >= ctx.previous_end for m in people
    )


def _candidates(
    ctx: SpeakerContext,
    limit: int,
    gender: str | None,
    *,
    after_quote: bool,
    told_whom: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The people named before ``limit`` whom "he"/"she" may stand for: of that gender, not in the
    quotation's own sentence for a pronoun after it, not a possessive before another's title and name."""
    people = [
        m
        for m in ctx.outside
        if (m.type == "person" or untyped_name(m, ctx.body) or says_alone(ctx, m, limit))
        and m.end <= limit
        and compatible(m, gender, ctx.genders)
        and not (after_quote and in_own_sentence(ctx, m, limit))
        and not ctx.short_line(m.sentence)  # "Follow @politicalticker Follow @KilloughCNN"
        and not caption_before(ctx.body, m.start, limit)  # "Biden and Obama ... Photograph: …"
        and not modifier(ctx.body, m)  # "on two Trump construction projects"
        and m.name not in told_whom  # "“…,” he told Mr Kim": not Kim (chains.addressed)
        and not in_double_marks(ctx.body, m.start)  # "with Trump as “the Ronald and the Donald”"
    ]
    return [m for m in people if not owner(ctx.body, m, people) and not cited(ctx.body, m)]


def _previous_goes_on(
    ctx: SpeakerContext,
    people: list[Mention],
    last: list[Mention],
    previous: tuple[str, bool],
    limit: int,
    gender: str | None,
) -> bool:
    """Does the previous quotation's named speaker say this one too: the last person named (an untyped run
    after it no matter), or still the one talking (:func:`goes_on`)? Not if "he" is whom they spoke of?"""
    if not previous[1] or spoken_of(ctx, limit, gender):
        return False
    typed_people = [m for m in people if m.type == "person"]
    if (
        typed_people
        and previous[0] == typed_people[-1].name
        and not any(m.name != previous[0] and owned(ctx.body, m) for m in last)
        and not any(
            m.start > typed_people[-1].end and acting_full_name(m, ctx.body) for m in people
        )
    ):  # not past "Founding Father Charles Thomson chose ...", a full name no rule typed
        return True
    return goes_on(ctx, people, previous, limit, gender)  # "“A,” Ryan said. Ryan told Bader ..."


def _verb_before(body: str, m: Mention) -> bool:
    """Is the mention written right after a reporting verb ("said Kirill Rogov")?"""
    before = [
        w for w in body[max(0, m.start - 40) : m.start].lower().split() if w not in cues.HONORIFICS
    ]
    return bool(before) and before[-1] in cues.REPORTING_VERBS


def organisation_subject(ctx: SpeakerContext, limit: int, *, acting: bool = False) -> str:
    """The organisation "it" is: the only one in the last sentence naming one, opening that sentence;
    ``acting``: followed by its verb or a possessive ("Unilever said", not "The State Department
    guidelines")."""
    orgs = [m for m in ctx.outside if m.type == "organisation" and m.end <= limit]
    if not orgs or orgs[-1].start < ctx.paragraph_start(limit):
        return ""
    last = [m for m in orgs if m.sentence == orgs[-1].sentence]
    if (
        len({m.name for m in last}) != 1
    ):  # "The Carter Center said ... at Emory University Hospital"
        last = last[:1] if last[0].lead and _acts(ctx.body, last[0], reporting=True) else []
    if not last or len({m.name for m in last}) != 1 or not (last[0].lead or acting):
        return ""  # "the group said" may name the body of "One activist organization, CREDO, said"
    if acting and not _acts(ctx.body, last[0]):
        return ""
    return last[0].name


def _acts(body: str, m: Mention, *, reporting: bool = False) -> bool:
    """Is the name followed by a reporting verb ("The Carter Center said"), or unless ``reporting``, by a
    verb of acting ("The CBO itself noted"), nothing, a possessive or a comma?"""
    follower = WORD.findall(body[m.end : m.end + 30])[:1]
    if not follower or follower[0] not in cues.REPORTING_VERBS:
        return not reporting and (
            not follower or follower[0] in _ACTING or body[m.end : m.end + 1] in {"'", "’", ","}
        )
    return True
