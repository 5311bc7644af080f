"""Attribution: find the reporting clause of a quotation and the words naming its speaker.

Three places are read, in this order for a full quotation: the clause right after it (``“…,” Petrov said``,
``“…,” said Nikolai Petrov, a senior analyst``, ``“…,” according to X``), then the clause right before it
(``Eagle said: “…”``). A partial quotation takes the last reporting verb of its sentence before it, or the
clause after it. The speaker words are the comma-separated chunk that names a person, else a short chunk
that names something, else the chunk nearest the verb; a verb in ``-ing`` ("telling reporters",
"threatening that") takes the sentence's first person. The result is a character span and the cue words;
:mod:`analysis.extract.speakers` turns the span into a speaker once names are canonical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extract import cues
from analysis.extract.clauses import (
    RELATIVE,
    apposition_head,
    before_setting,
    closed_relative,
    joins_subject,
    nearest_not_relative,
)
from analysis.extract.described import owned_span
from analysis.extract.entities import Mention
from analysis.extract.gazetteer import first_names, is_demonym
from analysis.extract.pipeline import FieldDoc
from analysis.extract.sentences import (
    MAX_ATTRIBUTION_CHARS,
    acted_before,
    clause_before,
    first_sentence_end,
    participle,
    participle_of_noun,
    verb_at,
    window_end,
)

__all__ = ["Attribution", "attribute"]

_MAX_SPEAKER_WORDS = 12
_OBJECT_VERBS = frozenset(
    {"told", "tells", "tell", "telling", "asked", "asks", "wrote", "writes", "posted", "posts"}
)
_CONJUNCTIONS = frozenset({"and", "but", "as", "while", "yet", "so", "then", "later"})


@dataclass
class Attribution:
    """Where the speaker is named (``who``: character span) and the reporting cue ("said", "told DW")."""

    who: tuple[int, int] | None = None
    cue: str = ""


def attribute(
    doc: FieldDoc,
    mentions: list[Mention],
    open_at: int,
    close_at: int,
    inner_end: int,
    *,
    full: bool,
):
    """The :class:`Attribution` of the quotation between ``open_at`` and ``close_at`` (empty when none)."""
    before = clause_before(doc.text, open_at)
    if full:
        after = _after(doc, mentions, close_at, inner_end, full=True)
        if after and after.who and before.rstrip().endswith(":"):
            named = _before(doc, mentions, open_at, before)  # 'Laws said: “…,” he said'
            pronoun = doc.text[after.who[0] : after.who[1]].strip().lower() in {"he", "she"}
            after = named if pronoun and named and named.who else after
        return (
            after
            or _before(doc, mentions, open_at, before)
            or _sentence_tail(
                doc, close_at
            )  # '“Of course there is” racism, Chief Todd Axtell said.'
            or _sentence_before(doc, mentions, open_at - len(before))
            or Attribution()
        )
    return _partial(doc, mentions, open_at, before, close_at, inner_end) or Attribution()


def _tokens_between(doc: FieldDoc, start: int, end: int) -> list[int]:
    first = doc.token_at(start)
    if first < len(doc.idx) and doc.idx[first] < start:
        first += 1
    out = []
    for k in range(first, len(doc.idx)):
        if doc.idx[k] >= end:
            break
        if doc.words[k].strip():
            out.append(k)
    return out


def _cue(doc: FieldDoc, verb: int, limit: int) -> str:
    """The reporting verb with its object where it has one ("told POLITICO", "wrote on X")."""
    words, parts = doc.words, [doc.words[verb].rstrip(":")]
    k = verb + 1
    while k < limit and not words[k].strip():
        k += 1
    if k < limit and words[verb].lower() in _OBJECT_VERBS:
        if words[k].lower() == "on" and k + 1 < limit:
            parts += [words[k], words[k + 1]]
        elif words[k][:1].isupper() or words[k].lower() in {"reporters", "journalists", "me", "us"}:
            parts.append(words[k])
    last = parts[-1]
    if len(parts) > 1 and last.endswith(".") and last.count(".") == 1:
        parts[-1] = last[:-1]  # "X." at the end of the sentence
    return " ".join(parts)


def _span(doc: FieldDoc, tokens: list[int]) -> tuple[int, int]:
    return doc.idx[tokens[0]], doc.end_char(tokens[-1])


def _words_only(doc: FieldDoc, tokens: list[int]) -> list[int]:
    return [k for k in tokens if any(c.isalnum() for c in doc.words[k])]


def _chunks(doc: FieldDoc, tokens: list[int]) -> list[list[int]]:
    out: list[list[int]] = [[]]
    for k in tokens:
        if doc.words[k] in cues.CLAUSE_BREAKS:
            out.append([])
        else:
            out[-1].append(k)
    return [c for c in (_tidy(doc, _words_only(doc, c)) for c in out) if c]


def _tidy(doc: FieldDoc, who: list[int]) -> list[int]:
    while who and doc.words[who[0]].lower() in _CONJUNCTIONS:
        who = who[1:]
    while who and doc.words[who[-1]].lower() in cues.AUXILIARIES:
        who = who[:-1]
    return who


def _pick(
    doc: FieldDoc, mentions: list[Mention], chunks: list[list[int]], *, nearest: int
) -> list[int]:
    """The chunk naming a person (nearest the verb first); else a short one naming something; else the nearest."""
    last = chunks[-1]  # the chunk right before the verb, when it names someone ("..., DeVos said")
    if doc.words[last[-1]].lower() in _SUBJECT_PRONOUNS and (
        len(last) == 1 or doc.words[last[-2]].lower() in {"what", "as"}
    ):
        return last[
            -1:
        ]  # "Describing the meeting ..., he said"; "... Democrats into what he called"
    if len(last) > 1 and (
        doc.words[last[0]].lower() in _SUBJECT_RELATIVE
        or (
            doc.words[last[0]].lower() in {"who", "whom", "that", "which"}
            and _named_next(doc, mentions, last[1:])
        )
    ):
        # "..., where Philip Hammond has said", "Janet Yellen, who Trump said": its own subject
        last = last[1:]
        chunks = [*chunks[:-1], last]
    a, b = _span(doc, last)
    if doc.words[last[0]].lower() not in RELATIVE and any(
        a <= m.start and m.end <= b and _maybe_person(m, doc) and not _object(doc, m, a)
        for m in mentions
    ):
        return last
    for wanted in ({"person"}, {"person", "unknown"}):
        for chunk in reversed(chunks):
            a, b = _span(doc, chunk)
            if doc.words[chunk[0]].lower() in RELATIVE:
                continue  # "Adam Schiff, who was briefed on the murder of Jamal Khashoggi, has said"
            if any(
                a <= m.start
                and m.end <= b
                and m.type in wanted
                and _maybe_person(m, doc)
                and not _object(doc, m, a)
                for m in mentions
            ):
                return chunk
    last = chunks[-1]
    if len(chunks) > 1 and doc.words[last[0]].lower() == "the" and len(last) <= 4:
        return last  # "Speaking to Le Matin, the 24-year-old Swiss added:"
    first = chunks[0]
    if (
        len(first) <= 5
        and not participle(doc.words[first[0]])
        and any(
            doc.words[k][:1].isupper() and doc.words[k].lower() not in cues.NOT_NAMES for k in first
        )
    ):
        return first
    return nearest_not_relative(doc, chunks, nearest)


def _named_next(doc: FieldDoc, mentions: list[Mention], tokens: list[int]) -> bool:
    """Do the tokens open with a person's name, after a title at most ("Prime Minister Theresa May")?"""
    for k in tokens[:5]:
        if any(m.start == doc.idx[k] and _maybe_person(m, doc) for m in mentions):
            return True
        if not doc.words[k][:1].isupper():
            return False
    return False


def _first_naming(doc: FieldDoc, mentions: list[Mention], chunks: list[list[int]]) -> list[int]:
    """After "said": the first chunk naming a person ("the Senate's top Democrat, Chuck Schumer"), else
    the first chunk ("said Mikko Hypponen, who heads ...")."""
    for chunk in chunks:
        a, b = _span(doc, chunk)
        if doc.words[chunk[0]].lower() in {"who", "which", "whose"}:
            break
        if any(a <= m.start and m.end <= b and m.type == "person" for m in mentions):
            return chunk
    return chunks[0]


#: Relative words that open a clause with its own subject ("where Philip Hammond has said").
_SUBJECT_RELATIVE = frozenset({"where", "when"})
_PASSIVE = frozenset({"been", "was", "were", "is", "are", "being", "be"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_PREPOSITIONS = frozenset(
    {"of", "for", "to", "with", "from", "by", "about", "against", "on", "at", "in"}
)
_QUOTED_AS = re.compile(
    r"[\s,]*((?:he|she|they|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}))\s+(?:was|is|were|has been|had been)"
    r"\s+quoted\b[^.]{0,60}?\bas\s+saying\b"
)
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z]")  # "R-Alabama", "D-Calif."


def _object(doc: FieldDoc, m: Mention, start: int) -> bool:
    """Is the mention the object of a preposition in its chunk ("the murder of Jamal Khashoggi")?"""
    before = doc.text[start : m.start].lower().split()
    return bool(before) and before[-1] in _PREPOSITIONS


def _maybe_person(m: Mention, doc: FieldDoc | None = None) -> bool:
    if _PARTY_TAG.match(m.text):
        return False
    if doc is not None and doc.text[m.end : m.end + 2] in {"'s", "’s", "’ ", "' "}:
        return False  # "Mr. Sanders’ head strategist": whose, not who
    return m.type == "person" or (
        m.type == "unknown"
        and not is_demonym(m.text)
        and (not _PLURAL.match(m.text) or (doc is not None and _surname_of_named(doc.text, m)))
    )


_PLURAL = re.compile(r"^[A-Z][a-z]+(?:ans|ese|ish|is|s)$")  # "Employees", "Democrats": a group


def _surname_of_named(text: str, m: Mention) -> bool:
    """Is a word that looks plural ("Waters", "Ailes") the subject of a reporting verb, and written after a
    first name elsewhere in the article ("Maxine Waters")? Then it is her surname, not a group ("Senate
    Democrats": "Senate" is no first name; "a Sanders supporter, told": Sanders says nothing)."""
    after = text[m.end : m.end + 20].split()
    return bool(after and after[0].strip(",.:;") in cues.REPORTING_VERBS) and any(
        given.lower() in first_names()
        for given in re.findall(rf"\b([A-Z][a-z]+) {re.escape(m.text)}\b", text)
    )


def _after(
    doc: FieldDoc, mentions: list[Mention], close_at: int, inner_end: int, *, full: bool = False
) -> Attribution | None:
    """``“…,” Petrov said`` / ``“…,” said Nikolai Petrov, a senior analyst`` / ``“…?” she asked``."""
    text = doc.text
    following = text[close_at : close_at + 3].lstrip()
    ends = text[:inner_end].rstrip("'’")[-1:]  # "… stronger than the 'Gang of Eight,'" X said
    if ends == "." and following[:1].isupper():
        # the quoted sentence ended and a new one starts ("!", "?" may have their clause after them)
        return None
    if full and ends not in ",!?—–-…:" and following[:1] not in {",", "—", "–"}:
        return None  # “A heading” The minister said ...: no clause joins it
    toks = _tokens_between(doc, close_at, window_end(text, close_at))
    passive = _QUOTED_AS.match(text, close_at, window_end(text, close_at))
    if passive:
        return Attribution(passive.span(1), "quoted")  # "“…,” she was quoted as saying"
    verb = next((k for k in toks if verb_at(doc, k)), None)
    if verb is None:
        return _according_to(doc, toks)
    lead = _words_only(doc, [k for k in toks if k < verb])
    head = apposition_head(doc, [k for k in toks if k < verb])
    if head and _names_person(doc, mentions, head):
        lead = [k for k in lead if k in head]  # "X, the Republican who chairs the committee, said"
    if len(lead) > 20 or any(
        doc.words[k].lower() in {"that", "which", "when", "if", "because"}
        or (doc.words[k].lower() == "who" and doc.words[k - 1] != ",")
        for k in lead
    ):
        return None  # the verb belongs to another clause ("(VSL) that the agency uses ... says")
    chunks = _chunks(doc, [k for k in toks if k < verb])
    if chunks:
        who = _pick(doc, mentions, chunks, nearest=-1)
        if len(who) > _MAX_SPEAKER_WORDS or doc.words[who[0]] in _PREPOSITIONS:
            return None  # "“…” in Congress, and complaining": no speaker there
    else:
        after = _chunks(doc, [k for k in toks if k > verb])
        if not after:
            return None
        who = before_setting(doc, _first_naming(doc, mentions, after[:2])[:_MAX_SPEAKER_WORDS])
    return Attribution(_span(doc, who), _cue(doc, verb, toks[-1] + 1))


def _according_to(doc: FieldDoc, toks: list[int]) -> Attribution | None:
    for pos, k in enumerate(toks[:-2]):
        if doc.words[k].lower() == "according" and doc.words[toks[pos + 1]].lower() == "to":
            chunks = _chunks(doc, toks[pos + 2 :])
            if chunks:
                return Attribution(_span(doc, chunks[0][:_MAX_SPEAKER_WORDS]), "according to")
    return None


def _before(
    doc: FieldDoc, mentions: list[Mention], open_at: int, before: str
) -> Attribution | None:
    """``Eagle said: “…”`` / ``She told POLITICO that “…”``."""
    toks = _tokens_between(doc, open_at - len(before), open_at)
    verbs = [k for k in toks if verb_at(doc, k) and not _quoted(doc.text, toks[0], k, doc)]
    if verbs and verbs[-1] == toks[0] and doc.words[verbs[-1]][:1].isupper():
        after = _chunks(doc, [k for k in toks if k > verbs[-1]])  # "Added Sen. Ron Wyden, ...:"
        if after:
            who = _first_naming(doc, mentions, after[:2])[:_MAX_SPEAKER_WORDS]
            return Attribution(_span(doc, who), _cue(doc, verbs[-1], toks[-1] + 1))
    return _subject(doc, mentions, verbs[-1], toks) if verbs else None


def _sentence_before(doc: FieldDoc, mentions: list[Mention], start: int) -> Attribution | None:
    """ "But Greene believes he lost the race. “In my semi-final race …”": the quotation opens its sentence
    and the sentence before it (in the same paragraph, or ending the one before), with no quotation of its
    own, has a reporting verb (its subject is the speaker)."""
    text = doc.text
    if start <= 0:
        return None
    end = len(text[:start].rstrip())
    if "\n\n" in text[end:start] and text[end - 1 : end] != ".":
        return None  # across a paragraph break only after a full sentence ("..., said Mr Thomas.")
    sentence = clause_before(text, max(end - 1, 0))
    if not sentence.strip() or any(mark in sentence for mark in '“”"'):
        return None
    toks = _tokens_between(doc, end - 1 - len(sentence), end)
    verbs = [k for k in toks if verb_at(doc, k) and not doc.words[k].endswith(":")]
    if not verbs:
        return None
    after = _chunks(doc, [k for k in toks if k > verbs[-1]])
    if (
        after
        and len(after[0]) <= 6
        and after[0][0] == verbs[-1] + 1
        and doc.words[after[0][0]].lower() not in _PREPOSITIONS
        and _names_person(doc, mentions, after[0])
    ):
        return Attribution(_span(doc, after[0]), _cue(doc, verbs[-1], toks[-1] + 1))  # said Mr X.
    found = _subject(doc, mentions, verbs[0], toks)
    opening = _words_only(doc, toks)[:3]
    if (
        found is None
        or found.who is None
        or not opening
        or found.who[0] > doc.end_char(opening[-1])
    ):
        return None  # the verb's subject does not open the sentence ("... do what Ryan suggested")
    return found


def _quoted(text: str, first: int, token: int, doc: FieldDoc) -> bool:
    """Is token ``token`` inside a quotation opened after token ``first`` ("“… Director Comey …,” Mr.
    McCabe told")? Its verbs and names are the quotation's, not the clause's."""
    # from after the last quotation's close
    stretch = text[doc.idx[first] : doc.idx[token]].lstrip(' ”"’\n\t\xa0')
    return stretch.count("“") > stretch.count("”") or stretch.count('"') % 2 == 1


def _opening_phrase(doc: FieldDoc, toks: list[int]) -> list[int]:
    """The words opening the sentence up to its verb ("The minister opened ..." -> "The minister")."""
    out: list[int] = []
    for k in _words_only(doc, toks):
        word = doc.words[k]
        if word.islower() and (
            word.endswith("ed") or word in cues.AUXILIARIES or word in _CONJUNCTIONS
        ):
            break
        out.append(k)
        if len(out) > 6:
            return []
    return out


def _names_person(doc: FieldDoc, mentions: list[Mention], chunk: list[int]) -> bool:
    a, b = _span(doc, chunk)
    return any(a <= m.start and m.end <= b and m.type == "person" for m in mentions)


def _partial(
    doc: FieldDoc, mentions: list[Mention], open_at: int, before: str, close_at: int, inner_end: int
) -> Attribution | None:
    """A phrase inside the reporter's sentence: its last reporting verb before the phrase, or the clause after."""
    toks = _tokens_between(doc, open_at - len(before), open_at)
    verbs = [
        k
        for k in toks
        if verb_at(doc, k, cues.PARTIAL_CUES) and not _quoted(doc.text, toks[0], k, doc)
    ]
    active = [k for k in verbs if k == 0 or doc.words[k - 1].lower() not in _PASSIVE]
    if verbs and not active:  # "praised by police for": speech, speaker unclear
        return Attribution(None, doc.words[verbs[-1]])
    verbs = [k for k in active if not closed_relative(doc, k, open_at)]
    if (
        verbs
        and doc.text[inner_end - 1 : inner_end] == ","
        and re.match(r"\s*(?:the\s|[A-Z])", doc.text[close_at : close_at + 8])
    ):
        closing = _after(doc, mentions, close_at, inner_end)
        if closing is not None and closing.who is not None:
            return closing  # "Mr. Trump described “how …,” the article stated": the clause after says who
    if verbs:
        return _subject(doc, mentions, verbs[-1], toks)
    return _after(doc, mentions, close_at, inner_end) or _sentence_tail(doc, close_at)


_TAIL = re.compile(
    r",\s+((?:he|she|they|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,5}))\s+([a-z]+)\s*[.!?]?\s*$"
)


def _sentence_tail(doc: FieldDoc, close_at: int) -> Attribution | None:
    """ "Mr Blair has “the same passion” as when Labour won in 1997, he said.": a partial quotation whose
    sentence ends with its reporting clause."""
    text = doc.text
    end = first_sentence_end(text, close_at, min(len(text), close_at + MAX_ATTRIBUTION_CHARS))
    stretch = text[close_at : end + 1]
    if "\n\n" in stretch or any(mark in stretch for mark in '“”"'):
        return None
    match = _TAIL.search(stretch)
    if match is None or match.group(2).lower() not in cues.REPORTING_VERBS:
        return None
    return Attribution((close_at + match.start(1), close_at + match.end(1)), match.group(2))


def _subject(
    doc: FieldDoc, mentions: list[Mention], verb: int, toks: list[int]
) -> Attribution | None:
    """Who the reporting verb belongs to: the chunk before it, or for "-ing" the sentence's first person."""
    limit = toks[-1] + 1 if toks else verb + 1
    if doc.words[verb].lower().endswith("ing"):
        if participle_of_noun(doc, mentions, verb, toks[0] if toks else 0):
            return Attribution(None, _cue(doc, verb, limit))  # "a memo describing …": not a person
        a, b = doc.idx[toks[0]], doc.idx[verb]
        found = [
            _span(doc, [k]) for k in toks if k < verb and doc.words[k] in {"he", "she", "He", "She"}
        ]
        found += [
            owned_span(doc.text, m, b)
            for m in mentions
            if a <= m.start < b
            and m.type == "person"
            and not _quoted(doc.text, toks[0], doc.token_at(m.start), doc)
        ]
        if found and not acted_before(doc, toks, min(found)):
            return Attribution(min(found), _cue(doc, verb, limit))  # not Bush in "he issued a
            # rebuke of George W. Bush, calling him “…”"; not Putin in "The person offered a
            # meeting with Mr. Putin, saying …"
        subject = _opening_phrase(doc, [k for k in toks if k < verb])
        return Attribution(_span(doc, subject), _cue(doc, verb, limit)) if subject else None
    before = [k for k in toks if k < verb]
    tail = _words_only(
        doc,
        before[
            max((i for i, k in enumerate(before) if doc.words[k] in cues.CLAUSE_BREAKS), default=-1)
            + 1 :
        ],
    )
    earlier = [k for k in before if verb_at(doc, k)]
    if (
        tail
        and earlier
        and (
            all(doc.words[k].lower() in _CONJUNCTIONS for k in tail)
            or doc.words[tail[-1]].lower() in {"and", "but"}  # "X called for unity and vowed"
        )
    ):
        return _subject(doc, mentions, earlier[-1], toks)  # "... notes X, and warns that “…”"
    joined = tail and doc.words[tail[-1]].lower() in {"and", "but"}  # "Dunne is keen ... and said:"
    subject = _opening_phrase(doc, before) if joined else []
    if subject and joins_subject(doc, before, subject):
        return Attribution(_span(doc, subject), _cue(doc, verb, limit))
    chunks = _chunks(doc, before)
    if not chunks:
        return None
    who = _pick(doc, mentions, chunks, nearest=-1)[-_MAX_SPEAKER_WORDS:]
    return Attribution(_span(doc, who), _cue(doc, verb, limit))
