"""Sentences that carry a pronoun's referent: "Ellen Simonetti ... wrote ... She was suspended ... In a
statement, she said" (only sentences opening with the same pronoun, or lines of a few words with no full
stop, stand between the name and the pronoun).
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.chunks import after_preposition
from analysis.extract.described import EXTRA_SOURCES, WORD, epithet_head, owned
from analysis.extract.entities import Mention
from analysis.extract.gazetteer import is_demonym
from analysis.extract.sentences import first_sentence_end

if TYPE_CHECKING:
    from analysis.extract.referents import SpeakerContext

__all__ = [
    "addressed",
    "carried",
    "chain",
    "goes_on",
    "in_own_sentence",
    "named_again",
    "next_quotation",
    "opens_speaking",
    "pronoun_chain",
    "says_alone",
    "speaker_goes_on",
    "spoken_of",
]


def carried(ctx: SpeakerContext, last: list[Mention], here: int, gender: str | None) -> bool:
    """Is the one person of the last sentence naming anyone carried to the pronoun by sentences that open
    with that pronoun (at least one; ``last`` is empty when another sentence stands between), and known to
    be of its gender (a first name or an honorific says so, not just "may be")?"""
    names = {m.name for m in last}
    return (
        len(names) == 1
        and not after_preposition(ctx.body, last[-1])  # "a criticism of President George W. Bush"
        and last[-1].type == "person"
        and here - last[-1].sentence >= 2
        and gender is not None
        and ctx.genders.get(last[-1].name) == {gender}
    )


def next_quotation(
    ctx: SpeakerContext,
    previous: tuple[str, bool],
    limit: int,
    gender: str | None,
    *,
    going_on: bool = False,
) -> bool:
    """Does the pronoun's quotation (at ``limit``) follow the previous one with nothing written between
    but that one's own reporting clause naming nobody ("“…,” Renteria said. ¶ “…,” she said"; "“…,” the
    president said. ¶ “…,” he added"), that one's named speaker known to be of its gender and no one else
    of that gender named in its paragraph, unless the pronoun goes on right after that quotation ("...
    with hosts Steve Doocy and Brian Kilmeade, the president said it was a “good conversation.” ¶ “…,” he
    continued")?"""
    if not previous[1] or ctx.previous_end is None or ctx.previous_end > limit:
        return False
    if not _own_clause(ctx, ctx.previous_end, limit) or ctx.genders.get(previous[0]) != {gender}:
        return False
    # not when another of that gender is named there (and in the paragraph before, when nothing is
    # written between: "“A.” ¶ “B,” he said" may answer someone named before "A")
    if ctx.body[ctx.previous_end : limit].strip():
        start = ctx.body.rfind("\n\n", 0, ctx.previous_end) + 1
    else:
        start = ctx.paragraph_start(ctx.previous_end)
    others = [
        m
        for m in ctx.outside
        if start <= m.start < ctx.previous_end
        and m.name != previous[0]
        and ctx.genders.get(m.name) == {gender}
    ]
    if going_on and not ctx.body[ctx.previous_end : limit].strip():
        return not any(_reports(ctx.body, m) for m in others)  # "Pallone noted that Bright said"
    return not others


def _reports(body: str, m: Mention) -> bool:
    """Is the mention followed by a reporting verb ("Pallone noted that ...")?"""
    after = WORD.findall(body[m.end : m.end + 25])[:2]
    return any(w.lower() in cues.REPORTING_VERBS for w in after)


def speaker_goes_on(
    ctx: SpeakerContext, previous: tuple[str, bool], limit: int, gender: str | None
) -> bool:
    """Is the previous quotation's named speaker, known to be of the pronoun's gender, still the one
    written of: the one that quotation's sentence is about, nobody named or described between that
    quotation's own clause and the pronoun (in its paragraph or the next), and the pronoun (or its
    quotation) opening its sentence or in that quotation's sentence ("The president also said he believes
    “…” of getting reform, but said more can be done. ¶ He reiterated that ...")?"""
    if not previous[1] or ctx.previous_end is None or ctx.previous_end > limit:
        return False
    if (
        ctx.genders.get(previous[0]) != {gender}
        or ctx.body.count("\n\n", ctx.previous_end, limit) > 1
    ):
        return False
    k = ctx.sentence_of(limit)
    opening = WORD.findall(ctx.body[ctx.sentences[k] : limit].lower())
    if not (
        all(w in ("and", "but") for w in opening)
        or ctx.sentence_ending(ctx.previous_end) == k  # "He said “…,” but he added ..."
    ):
        return False
    return _said_by_its_subject(ctx, previous[0]) and _nobody_between(ctx, ctx.previous_end, limit)


def _said_by_its_subject(ctx: SpeakerContext, name: str) -> bool:
    """Is the previous quotation's sentence about its speaker alone, named there, in its own clause or in
    the sentence before (a speaker carried further by pronouns or epithets is not trusted to go on): nobody
    else named there ("Weitz said he had visited Pullman, who had told him that it could “…”": Weitz is
    whom a "he" goes on with), and nobody described beside a speaker named there ("The president said his
    director of national intelligence, James Clapper, has acknowledged that “…”": not Clapper)?"""
    k = ctx.sentence_ending(ctx.previous_end)
    start = ctx.sentences[k]
    clause_end = ctx.sentences[k + 1] if k + 1 < len(ctx.sentences) else len(ctx.body)
    if not any(
        ctx.sentences[max(k - 1, 0)] <= m.start < clause_end and m.name == name for m in ctx.outside
    ):
        return False
    named = [
        m
        for m in ctx.outside
        if start <= m.start < ctx.previous_end and m.type in ("person", "unknown")
    ]
    if any(m.name != name for m in named):
        return False
    text = ctx.body[start : ctx.previous_end]
    for a, b in ctx.quoted:  # the reporter's words only
        a, b = max(a, start), min(b, ctx.previous_end)
        if a < b:
            text = text[: a - start] + " " * (b - a) + text[b - start :]
    return not named or not _describes(WORD.findall(_without(text, named)))


def _nobody_between(ctx: SpeakerContext, start: int, end: int) -> bool:
    """Is nobody named (no person, no capitalised name left untyped or unread) or described between a
    quotation's own clause and the pronoun after it ("the State Department" describes nobody)?"""
    here = [m for m in ctx.outside if start <= m.start < end]
    between = ctx.body[start:end]
    if (stop := _clause_stop(between)) is not None:
        between = between[stop:]  # its own clause ends there
    between = _without(between, here)
    return (
        not any(m.type in ("person", "unknown") for m in here)
        and not _describes(WORD.findall(between))
        and not _capitalised(between)
    )


def _without(text: str, mentions: list[Mention]) -> str:
    for m in mentions:
        text = text.replace(m.text, " ")
    return text


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*")
_CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December".split()
)


def _capitalised(text: str) -> bool:
    """Does a capitalised word other than a sentence's first, a day or a month stand in the text (a name
    the mentions may have missed: a photo gallery's captions)?"""
    for m in _CAPITALISED.finditer(text):
        before = text[: m.start()].rstrip(" \"“”‘’'(")
        if before and before[-1] not in ".!?:\n" and m.group() not in _CALENDAR:
            return True
    return False


def _own_clause(ctx: SpeakerContext, start: int, end: int) -> bool:
    """Is the text between two quotations nothing, or only the first one's reporting clause naming nobody
    (one sentence of lower-case words with a reporting verb: " the president said.")?"""
    gap = ctx.body[start:end]
    if not gap.strip():
        return True
    stop = _clause_stop(gap)
    return (
        gap.lstrip()[:1].islower()
        and stop is not None
        and not gap[stop + 1 :].strip()
        and bool(cues.REPORTING_VERBS & set(WORD.findall(gap.lower())))
        and not any(start <= m.start < end for m in ctx.outside)
    )


def _clause_stop(text: str) -> int | None:
    """Where the reporting clause that text after a quotation opens ends (its full stop, or the text's end):
    a clause opens in lower case or with a comma or dash (" the president said. He ..."); None for a new
    sentence."""
    head = text.lstrip()[:1]
    if head.islower() or head in {",", "—", "–"}:
        return first_sentence_end(text, 0, len(text))
    return None


def pronoun_chain(ctx: SpeakerContext, first: int, current: int, gender: str | None) -> bool:
    """Do the sentences after sentence ``first`` and before ``current`` (at least one) all open with the
    pronoun, after "And"/"But" ("And he confirmed Mr Blair's insistence ...")?"""
    pronoun = {"male": "he", "female": "she"}.get(gender or "", "")
    if not pronoun or current - first < 2:
        return False
    for k in range(first + 1, current):
        words = WORD.findall(ctx.sentence_text(k)[:30].lower())
        if words[:1] in (["and"], ["but"]):
            words = words[1:]
        if words[:1] != [pronoun]:
            return False
    return True


def chain(
    ctx: SpeakerContext, named: int, current: int, gender: str | None, *, inside: bool = False
) -> bool:
    """Do only sentences opening with the same pronoun stand between sentence ``named`` and ``current``
    ("Ellen Simonetti ... wrote ... She was suspended ... In a statement, she said")? With ``inside``, a
    sentence that has the pronoun further on and describes nobody counts too ("Bell, 30, had set his sights
    on Wales. But last December, the International Rugby Board confirmed that he could only ... “…,” he
    said"; the caller asks only when the name opens its sentence, not "he opposed Alito ... Of course, he
    followed this up")."""
    pronoun = {"male": "he", "female": "she"}.get(gender or "", "")
    # not "Mr Hart has “…” as before, he said" (another speaks there); "Safin said he was ..." is Safin
    inside = inside and not _pronoun_speaks([w.lower() for w in _written(ctx, named)], pronoun)
    for k in range(named + 1, current):
        written = _written(ctx, k)
        words = [re.split("['’]", w)[0].lower() for w in written]
        if ctx.short_line(k):
            continue  # "Follow @politicalticker Follow @KilloughCNN", "ADVERTISEMENT"
        if not pronoun or not words:
            return False
        carries = pronoun in words and not _describes(written)
        if words[0] != pronoun and not (inside and (carries or _names_again(written))):
            return False  # "He’s questioned ...", "He'd said ...": the pronoun opens the sentence
    return True


def opens_speaking(ctx: SpeakerContext, k: int, gender: str | None) -> bool:
    """Does sentence ``k`` open with the pronoun of ``gender`` as a reporting verb's subject ("He said that
    when he told Mr. Carson ..., Mr. Carson asked him to reconsider")?"""
    pronoun = {"male": "he", "female": "she"}.get(gender or "", "")
    return bool(pronoun) and _pronoun_speaks([w.lower() for w in _written(ctx, k)[:2]], pronoun)


def _pronoun_speaks(words: list[str], pronoun: str) -> bool:
    """Is the pronoun in these words the subject of a reporting verb ("he said", "he added")?"""
    return any(w == pronoun and nxt in cues.REPORTING_VERBS for w, nxt in pairwise(words))


def _written(ctx: SpeakerContext, k: int) -> list[str]:
    """The words of sentence ``k`` as written."""
    return WORD.findall(ctx.sentence_text(k))


def _names_again(words: list[str]) -> bool:
    """Does the sentence open with a definite description that reports use to name again the person just
    named ("Safin said ... The Russian hit himself ...", "The 34-year-old ..."), no office ("Mr Blair denied
    it. The Tory leader countered ... He declared: “…”" is Howard)?"""
    return words[:1] in (["The"], ["the"]) and any(
        epithet_head(w.lower(), offices=False) for w in words[1:4]
    )


_ARTICLES = frozenset({"a", "an", "the", "another", "one"})


def _describes(words: list[str]) -> bool:
    """Does the sentence (its words) describe a person in lower case ("the coach", "a spokesman", "the
    30-year-old"; not "the International Rugby Board") who may be the pronoun?"""
    heads = cues.SOURCE_HEADS | cues.ROLE_HEADS | EXTRA_SOURCES
    return any(
        (w in heads or w.endswith("-old"))
        and any(x.lower() in _ARTICLES for x in words[max(0, i - 3) : i])
        for i, w in enumerate(words)
    )


def spoken_of(ctx: SpeakerContext, limit: int, gender: str | None) -> bool:
    """Is "he"/"she" at ``limit`` whom the previous quotation's speaker spoke of: that quotation says
    "he" itself, and the reporter's sentences since say "he" too ("“He's in a really good place,” said
    David Axelrod. ... a thought oasis he's been visiting ... “…,” he told me": the president, not
    Axelrod)? Then the speaker does not go on."""
    pronoun = {"male": "he", "female": "she"}.get(gender or "", "")
    if not pronoun or ctx.previous_end is None:
        return False
    word = re.compile(rf"\b{pronoun}\b", re.IGNORECASE)
    said = [(a, b) for a, b in ctx.quoted if b <= ctx.previous_end]
    if not said or not word.search(ctx.body[said[-1][0] : said[-1][1]]):
        return False
    here = ctx.sentences[ctx.sentence_of(limit)]
    between = [ctx.body[max(a, ctx.previous_end) : min(b, here)] for a, b in _gaps(ctx, here)]
    return any(word.search(text) for text in between)


def _gaps(ctx: SpeakerContext, end: int) -> list[tuple[int, int]]:
    """The stretches outside quotations between the previous quotation's end and ``end``."""
    out, pos = [], ctx.previous_end or 0
    for a, b in ctx.quoted:
        if b <= pos or a >= end:
            continue
        out.append((pos, a))
        pos = b
    out.append((pos, end))
    return [(a, b) for a, b in out if a < b]


#: A verb addressing the person right after it: who hears the words, not who speaks them.
_ADDRESSING = re.compile(r"\s+(?:told|tells|telling|asked|asks|asking|assured|warned|urged)\s+")


def addressed(ctx: SpeakerContext, told: int | None) -> frozenset[str]:
    """The person named right after the verb that follows ``told``, past a title ("he told Mr Kim": Kim)."""
    verb = _ADDRESSING.match(ctx.body, told) if told is not None else None
    if verb is None:
        return frozenset()
    at = verb.end()
    after = [m for m in ctx.mentions if m.start >= at]
    first = min(after, key=lambda m: m.start, default=None)  # the one told, not a name further on
    between = ctx.body[at : first.start] if first else ""
    if first is None or first.type != "person" or len(between) > 25 or "\n" in between:
        return frozenset()
    return frozenset([first.name]) if all(w[:1].isupper() for w in between.split()) else frozenset()


#: Words after a speaker's name and comma that start another clause, not something said of the speaker.
_NEW_CLAUSE = frozenset("and but while whereas as adding although though".split())


def in_own_sentence(ctx: SpeakerContext, m: Mention, limit: int) -> bool:
    """Is the name in the sentence of the quotation opening at ``limit``, not in a clause closed by the colon
    or bracket that opens it ("Tina Brown, ..., did not explain the reasons: “…,” she said"; "Kasich, who
    ... was ready to bail (“…,” he fumed)": Brown may be "she", Kasich "he")?"""
    if m.sentence != ctx.sentence_of(limit):
        return False
    return not (m.end <= limit and ctx.body[m.end : limit].rstrip().endswith((":", "(")))


def in_apposition(ctx: SpeakerContext, name: str, start: int, m: Mention) -> bool:
    """Is ``m`` named in what a quotation's clause says of its speaker ``name`` after a comma ("said
    Senator Susan Collins, Republican of Maine, a co-sponsor of Ms. Gillibrand's bill"; "Carlos Gutierrez,
    who was commerce secretary under President George W. Bush ..., told The Times"): the speaker named
    in that clause from ``start`` before ``m``, a comma after the speaker, and no new clause opened?"""
    own = [o for o in ctx.outside if start <= o.start < m.start and o.name == name]
    if not own:
        return False
    between = ctx.body[own[-1].end : m.start]
    if not between.lstrip().startswith(","):
        return False
    words = WORD.findall(between.lower())
    return not _NEW_CLAUSE & set(words) and not cues.REPORTING_VERBS & set(words)


def named_again(body: str, since: list[Mention], speaker: str) -> bool:
    """Is the speaker the last person named in the clause after their quotation, not joined by "and" to the
    one before ("proposed by Nancy Pelosi which Cuomo said", "Biden spokeswoman Kendra Barkoff said"; not
    "Eliot Engel and Oversight Chairman Elijah Cummings said")?"""
    named = [m for m in since if m.type == "person" or m.name == speaker]
    if not named or named[-1].name != speaker:
        return False
    other = [m for m in named if m.name != speaker]
    return not other or " and " not in body[other[-1].end : named[-1].start]


_SAYS = re.compile(r"\s+(?:said|says|told|tells|added|adds)\b")


def says_alone(ctx: SpeakerContext, m: Mention, limit: int) -> bool:
    """Is the mention one word no rule typed that opens a sentence as the subject of a reporting verb ("Pride
    said that ..."): a surname the article gives alone, whom "he" or "she" after it may stand for? Not a
    plural, a people's name or a word that names nobody ("Officials said", "Americans say"), nor the last or
    first name of someone the article names in full (that person is meant); only in the paragraph of the
    pronoun at ``limit`` or the one before (its sex unknown, a name further up is no candidate: "Pride said
    ... ¶ Herod's work isn't done ... ¶ “…,” she replied" is not Pride's)."""
    word = m.text.lower()
    return (
        m.type == "unknown"
        and m.lead
        and " " not in word
        and not word.endswith("s")
        and word not in cues.NOT_NAMES
        and not is_demonym(m.text)
        and _SAYS.match(ctx.body, m.end) is not None
        and not any(p.type == "person" and word in p.name.lower().split() for p in ctx.mentions)
        and ctx.paragraph_start(limit) <= m.start < limit
    )


_OBJECT_VERBS = frozenset("told tells tell asked asks urged urges".split())


def goes_on(
    ctx: SpeakerContext,
    people: list[Mention],
    previous: tuple[str, bool],
    limit: int,
    gender: str | None,
) -> bool:
    """Is the previous quotation's speaker still the one talking: named again since that quotation (in
    this paragraph or the one before) or nothing written between them, and every other fitting person
    named since is no subject of a sentence ("the funeral of Freddie Gray", "told Bader") and not in the pronoun's own sentence?"""
    if not previous[1] or ctx.previous_end is None:
        return False
    start = ctx.paragraph_start(limit)
    since = [m for m in people if m.start >= ctx.previous_end]
    here = ctx.sentence_of(limit)
    again = (
        any(m.name == previous[0] and m.start >= start for m in since)
        or not ctx.body[ctx.previous_end : limit].strip()  # "“A.” ¶ “B,” he added": nothing between
        or (
            ctx.previous_end >= start
            and pronoun_chain(ctx, ctx.sentence_ending(ctx.previous_end), here, gender)
        )
    )
    return again and all(
        m.name == previous[0]
        or not (m.lead or _said_before(ctx.body, m) or m.sentence == here or owned(ctx.body, m))
        for m in since
    )


_OWN = [[verb] for verb in cues.OWN_VERBS]


def _said_before(body: str, m: Mention) -> bool:
    """Is the mention the subject written after its verb ("said Kirill Rogov"; not "told Bader", not
    "confirmed Mr Blair's insistence")?"""
    if body[m.end : m.end + 2] in {"'s", "’s"} or body[m.end :].split()[:1] in _OWN:
        return False  # nor "said Mr Blair had lost the trust": the reported clause's subject
    before = [
        w for w in body[max(0, m.start - 40) : m.start].lower().split() if w not in cues.HONORIFICS
    ]
    return bool(before) and before[-1] in cues.REPORTING_VERBS and before[-1] not in _OBJECT_VERBS
