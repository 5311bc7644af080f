"""Whose an "-ing" reporting verb is ("..., calling the candidate a “phony”"): the subject of the clause it
hangs on, found from the words of its sentence before it.

Each function returns the character span of the speaker words (or the token indices of a phrase), or
``None`` when these words do not say; :mod:`analysis.extract.attribution` decides what to try next.
"""

from __future__ import annotations

from itertools import pairwise

from analysis.extract import cues
from analysis.extract.chunks import (
    CONJUNCTIONS,
    PREPOSITIONS,
    is_adverb,
    maybe_person,
    span,
    words_only,
)
from analysis.extract.described import AUTHORED_DOCUMENTS, ISSUED_DOCUMENTS
from analysis.extract.entities import Mention
from analysis.extract.pipeline import FieldDoc
from analysis.extract.sentences import OPENING_PHRASE, subject_pronoun, verb_at

__all__ = [
    "absolute_subject",
    "after_relative",
    "main_clause_opening",
    "object_speaks",
    "opening_phrase",
    "quoted_subject",
    "reported_before",
]

#: Words opening a clause that is not the sentence's main one ("After Romney lost ..., Boehner shifted").
_SUBORDINATORS = frozenset(
    "after when while although though as because if since before once until whereas whether".split()  # noqa: SIM905
)
#: What "with" may bring that speaks for the sentence's subject ("responded with an email saying").
_WITH_DOCUMENTS = (
    AUTHORED_DOCUMENTS
    | ISSUED_DOCUMENTS
    | cues.SPEECH_NOUNS
    | frozenset({"ad", "video", "op-ed", "book"})
)
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def opening_phrase(doc: FieldDoc, toks: list[int]) -> list[int]:
    """The words opening the sentence up to its verb ("The minister opened ..." -> "The minister"; an
    adverb after a name opening the sentence ends it too: "Kudlow specifically took ..." -> "Kudlow"); an
    "and" between capitalised words stays in a name ("Health and Human Services Secretary Kathleen
    Sebelius released"); up to seven words."""
    out: list[int] = []
    spoken = words_only(doc, toks)
    for i, k in enumerate(spoken):
        word = doc.words[k]
        if word.islower() and (
            word.endswith("ed")
            or word in cues.AUXILIARIES
            or (word in CONJUNCTIONS and not _inside_name(doc, out, spoken[i + 1 : i + 2]))
            or word
            in cues.IRREGULAR_PAST  # "Romney spoke openly against Trump, calling ...": Romney
            or word in cues.REPORTING_VERBS  # "Denver Mayor Michael Hancock (D) said ..., warning"
        ):
            break
        if out and is_adverb(word) and all(doc.words[j][:1].isupper() for j in out):
            break  # "Kudlow specifically took", not "After the DNC severely damaged"
        out.append(k)
        if len(out) > 6:
            return []
    return out


def _inside_name(doc: FieldDoc, before: list[int], after: list[int]) -> bool:
    """Is an "and" between capitalised words only ("Health and Human Services")?"""
    return bool(before and after) and all(doc.words[j][:1].isupper() for j in [*before, *after])


def main_clause_opening(doc: FieldDoc, mentions: list[Mention], before: list[int]) -> list[int]:
    """The opening phrase of the clause an "-ing" verb after ``before`` hangs on: the sentence's, past a
    phrase of time or place or an "According to X," ("In 2016, Romney spoke ..., calling": Romney); after
    a clause opening the sentence with a subordinator, the last clause's ("After Romney lost by a huge
    margin, Boehner shifted his stance, saying": Boehner; "As Trump sat in the Oval Office, telling":
    Trump). None when two are joined ("the Tories and Lib Dems have ..., saying") or when another subject
    comes between ("Williams confronted Clinton about a comment she made at the time calling ...")."""
    spoken = words_only(doc, before)
    if not spoken:
        return []
    if doc.words[spoken[0]].lower() in _SUBORDINATORS:
        breaks = [i for i, k in enumerate(before) if doc.words[k] in cues.CLAUSE_BREAKS]
        clauses = [before[a + 1 : b] for a, b in pairwise([-1, *breaks, len(before)])]
        clauses = [c for c in clauses if words_only(doc, c)]
        clause = clauses[-1] if clauses else []
    else:
        opened = OPENING_PHRASE.match(doc.text, doc.idx[spoken[0]])
        if doc.words[spoken[0]] == "According":
            comma = next((i for i, k in enumerate(before) if doc.words[k] == ","), None)
            rest = before[comma + 1 :] if comma is not None else []
        else:
            rest = [k for k in before if opened is None or doc.idx[k] >= opened.end()]
        clause = rest if words_only(doc, rest) else before
    phrase = opening_phrase(doc, clause)
    after = [k for k in words_only(doc, clause) if phrase and k > phrase[-1]]
    if (
        len(after) > 1
        and doc.words[after[0]] in {"and", "&", "or"}
        and doc.words[after[1]].istitle()
        and not (
            _described_of(doc, phrase)
            and doc.words[phrase[-1]].istitle()
            and len(after) > 2
            and doc.words[after[2]].istitle()
        )
    ):  # not an "of" name's "and" ("the acting director of U.S. Immigration and Customs Enforcement")
        return []  # "the Tories and Lib Dems have jointly tabled a motion ..., saying": no one speaker
    if phrase and (joined := _joined_clause_subject(doc, mentions, after)):
        return joined  # "The president refused ..., and press secretary Sarah Sanders has ridiculed
        # Acosta ..., telling him": the last clause's subject
    if phrase and _another_subject(doc, mentions, after):
        return []
    return phrase


def _described_of(doc: FieldDoc, phrase: list[int]) -> bool:
    """Is the phrase a description "of" a body ("the acting director of U.S. Immigration"), its head
    written lower case (not a body's own name cut at "and": "National Institute of Allergy")?"""
    words = doc.words[phrase[0] : phrase[-1] + 1]
    return "of" in words and words[words.index("of") - 1].islower()


def _joined_clause_subject(doc: FieldDoc, mentions: list[Mention], words: list[int]) -> list[int]:
    """The tokens of the person opening the last clause joined by ", and" or ", but" among ``words`` and
    acting there ("..., and press secretary Sarah Huckabee Sanders has ridiculed"), or []."""
    found: list[int] = []
    for m in mentions:
        first, last = doc.token_at(m.start), doc.token_at(m.end - 1)
        if m.type != "person" or first not in words or last + 2 >= len(doc.words):
            continue
        k = first - 1
        while k > 0 and first - k <= 4 and doc.words[k].isalpha():
            if doc.words[k].lower() in cues.NOT_NAMES:
                break
            k -= 1  # a title before the name ("press secretary")
        if doc.words[k] not in {"and", "but"} or doc.words[k - 1] != ",":
            continue
        verb = last + 2 if doc.words[last + 1] in cues.ACTIVE_AUXILIARIES else last + 1
        if doc.words[verb].endswith("ed") or doc.words[verb] in cues.IRREGULAR_PAST:
            found = list(range(first, last + 1))
    return found


def _another_subject(doc: FieldDoc, mentions: list[Mention], words: list[int]) -> bool:
    """Do the words after a sentence's opening phrase hold a clause of another subject: a person acting
    ("asserts that Cosby and lawyer Martin Singer defamed her by calling"), or "he"/"she" right after a
    noun, opening a relative clause ("confronted Clinton about a comment she made at the time calling")?
    Not "said he expected", "what he wants", "when he first ran": most often the subject again."""
    for k in words[:-1]:
        prior = doc.words[k - 1] if k else ""
        if subject_pronoun(doc, k) and _noun_like(prior):
            return True
        following = doc.words[k + 1]
        acts = following.islower() and (
            following.endswith("ed") or following in cues.IRREGULAR_PAST
        )
        if acts and any(m.end == doc.end_char(k) and m.type == "person" for m in mentions):
            return True
    return False


def _noun_like(word: str) -> bool:
    """Could a lower-case word before "he"/"she" be a noun ("a comment she made")?"""
    return (
        word.isalpha()
        and word.islower()
        and word not in _CLAUSE_OPENERS
        and word not in cues.REPORTING_VERBS
        and word not in cues.AUXILIARIES
        and not word.endswith(("ed", "ing", "ly"))
    )


#: Words after which "he"/"she" opens a clause of the same subject as often as not.
_CLAUSE_OPENERS = frozenset(
    """that what when where which who whom why how if because as and but or so since while after before
    until than though although whether once unless""".split()  # noqa: SIM905
)


def absolute_subject(
    doc: FieldDoc, mentions: list[Mention], toks: list[int], verb: int
) -> tuple[int, int] | None:
    """An "-ing" reporting verb's own subject, not the sentence's: after "with" (:func:`_with_subject`) or
    a person set off by a comma (:func:`_set_off_subject`)."""
    return _with_subject(doc, mentions, toks, verb) or _set_off_subject(doc, mentions, verb)


def _with_subject(
    doc: FieldDoc, mentions: list[Mention], toks: list[int], verb: int
) -> tuple[int, int] | None:
    """The words between "with" and an "-ing" reporting verb right after them, its own subject ("Labour hit
    back, with election coordinator Alan Milburn accusing ...", "with one saying it is ..."): a person
    right before the verb, maybe past an adverb ("with Speaker of the House Nancy Pelosi repeatedly
    saying"), else a phrase of no preposition or conjunction ("relate with Iowa farmers by saying" is
    not), nor a document ("responded ... with an email saying": the subject's email)."""
    last = verb - 1
    while last > 0 and (is_adverb(doc.words[last]) or doc.words[last] in cues.AUXILIARIES):
        last -= 1
    person = any(m.end == doc.end_char(last) and m.type == "person" for m in mentions)
    k = last
    while k >= 0 and k in toks and verb - k <= 10 and any(c.isalnum() for c in doc.words[k]):
        word = doc.words[k]
        if word == "with":
            break
        if word in {"and", "or", "nor", "&"} or (
            not person and (word in PREPOSITIONS or word in CONJUNCTIONS)
        ):
            return None
        k -= 1
    else:
        return None
    phrase = list(range(k + 1, last + 1))
    if not phrase or doc.words[phrase[-1]].lower() in _WITH_DOCUMENTS:
        return None
    return span(doc, phrase)


def _set_off_subject(doc: FieldDoc, mentions: list[Mention], verb: int) -> tuple[int, int] | None:
    """A person named right before an "-ing" reporting verb and set off by a comma before the name (and
    its title): the verb's own subject ("The Trump administration is reacting, White House Press Secretary
    Sarah Sanders saying, “…”"), not the sentence's."""
    last = verb - 1
    while last > 0 and is_adverb(doc.words[last]):
        last -= 1
    end = doc.end_char(last)
    person = next((m for m in mentions if m.end == end and m.type == "person"), None)
    if person is None:
        return None
    k = doc.token_at(person.start) - 1
    while k >= 0 and verb - k <= 12 and doc.words[k][:1].isupper():
        k -= 1  # the title before the name ("White House Press Secretary")
    if k < 0 or doc.words[k] != ",":
        return None
    return person.start, person.end


def after_relative(doc: FieldDoc, chunk: list[int]) -> list[int]:
    """The words of a chunk after "in which", "to whom" ... ("A Facebook post has emerged in which Mr
    Mulvaney describes": Mr Mulvaney), or the whole chunk."""
    cut = [
        i
        for i, k in enumerate(chunk[1:], 1)
        if doc.words[k] in {"which", "whom"} and doc.words[chunk[i - 1]] in PREPOSITIONS
    ]
    return chunk[cut[-1] + 1 :] if cut and chunk[cut[-1] + 1 :] else chunk


def object_speaks(doc: FieldDoc, mentions: list[Mention], verb: int) -> bool:
    """Is the "-ing" verb the object's, after "for" or "of" and a name or "him", "her", "them" ("took on
    Trump for saying", "accused him of saying")? Not the subject's: "was fined ... for calling a referee
    “a disgrace”", "refused calls to apologize Wednesday for saying"."""
    if verb < 2 or doc.words[verb - 1].lower() not in {"for", "of"}:
        return False
    if doc.words[verb - 2].lower() in _OBJECT_PRONOUNS:
        return True
    ends = doc.end_char(verb - 2)
    return any(m.end == ends and m.type in {"person", "unknown"} for m in mentions)


def quoted_subject(doc: FieldDoc, mentions: list[Mention], verb: int) -> tuple[int, int] | None:
    """The person right before "(is) quoted as" an "-ing" verb ("Steve Bannon is quoted as saying", "The EU's
    Humanitarian Aid Commissioner, Louis Michel, was quoted as saying", "with Mr Dixon quoted as
    saying")."""
    if verb < 3 or [w.lower() for w in doc.words[verb - 2 : verb]] != ["quoted", "as"]:
        return None
    k = verb - 3
    if doc.words[k].lower() in cues.PASSIVE_AUXILIARIES:
        k -= 1
    if k > 0 and doc.words[k] == ",":
        k -= 1
    ends = doc.end_char(k)
    return next(((m.start, m.end) for m in mentions if m.end == ends and m.type == "person"), None)


def reported_before(
    doc: FieldDoc, here: list[Mention], verb: int, toks: list[int]
) -> tuple[int, int] | None:
    """The subject written right before the last reporting verb ahead of an "-ing" one: a pronoun, a
    person or an untyped name ("she said, adding", "Ailes said ..., adding")."""
    said = [k for k in toks if k < verb and verb_at(doc, k) and not doc.words[k].endswith("ing")]
    if not said or said[-1] == toks[0]:
        return None
    k = said[-1]
    if doc.words[k - 1].lower() in {"he", "she"}:  # not "a woman she says is her mother, saying"
        return span(doc, [k - 1]) if subject_pronoun(doc, k - 1) else None
    ends = doc.end_char(k - 1)
    return next(
        (
            (m.start, m.end)
            for m in here
            if m.end == ends and m.type in {"person", "unknown"} and maybe_person(m, doc)
        ),
        None,
    )


#: Past verbs whose object, not their subject, a quotation after a colon is ("Smith read the letter:").
_NOT_SPEAKING = frozenset(
    "read heard saw found received got showed held wore carried quoted cited shared retweeted signed"  # noqa: SIM905
    " published noticed displayed framed printed included obtained reviewed released".split()
)
_SOFT_ADVERBS = frozenset("also then later again once even soon".split())  # noqa: SIM905
_MAKING_ACT = frozenset("prompting causing leading forcing provoking sparking inviting".split())  # noqa: SIM905
#: After the verb: what carries others' words ("a sign that read:", "with the headline:").
_NOT_THEIRS = frozenset(
    "headline headlines sign signs banner caption title tagline slogan motto label placard plaque"  # noqa: SIM905
    " inscription read reads".split()
)


def colon_subject(
    doc: FieldDoc, mentions: list[Mention], toks: list[int]
) -> tuple[tuple[int, int], int]:
    """A person acting in a clause that ends in a colon before the quotation, with no reporting verb
    ("Oliver addressed right-wing market-worshippers like Glenn Beck: “…”", "In a third Twitter blast, Trump
    also took aim at a familiar target:"): the subject, a named person or "he"/"she" opening the sentence,
    right before a past verb of their own (:func:`_own_act`), with no other person named after it ("passes
    along the story from ... Tom Zito:"); its character span and the verb, or (None, -1)."""
    nobody = None, -1
    spoken = words_only(doc, toks)
    if (
        not spoken
        or len(spoken) > 40
        or set('“”"()') & set(doc.text[doc.idx[toks[0]] : doc.idx[toks[-1]]])
    ):
        return nobody
    subject = main_clause_opening(doc, mentions, toks)
    rest = [k for k in spoken if subject and k > subject[-1]]
    while rest and (doc.words[rest[0]] in _SOFT_ADVERBS or is_adverb(doc.words[rest[0]])):
        rest = rest[1:]
    if not _own_act(doc, rest):
        return nobody
    if any(m.type == "person" and doc.idx[rest[0]] < m.start < doc.idx[toks[-1]] for m in mentions):
        return nobody
    if len(subject) == 1 and subject_pronoun(doc, subject[0]):
        opening = [k for k in spoken if doc.words[k].lower() not in {"and", "but", "then"}][:1]
        return (span(doc, subject), rest[0]) if opening == subject else nobody  # not "when ..., he"
    if any(subject_pronoun(doc, k) or doc.words[k].lower() in _SUBORDINATORS for k in subject):
        return (
            nobody  # "He loves the bill Clemmons came up with, too:", "Similarly, when Sanders ..."
        )
    surnames = {m.text.split()[-1] for m in mentions if m.type == "person" and " " in m.text}
    relays = doc.words[rest[0]].lower() in cues.OUTLET_VERBS  # "NBC News reported that ...: “…”"
    for m in mentions:  # "Trump" after Donald Trump
        named = m.type == "person" or (m.type == "unknown" and m.text in surnames)
        named = named or (relays and m.type == "organisation")
        if named and m.end == doc.end_char(subject[-1]) and m.start >= doc.idx[subject[0]]:
            return (m.start, m.end), rest[0]
    return nobody


def _own_act(doc: FieldDoc, rest: list[int]) -> bool:
    """Are the words from the verb on (``rest``) the subject's own act before the colon: a past verb, not
    passive ("Stephens roasted for ...:", "Shishani reported killed:"), whose object the quoted words are
    not ("read the letter:", "a sign that read:", "with the headline:"), that makes no one else act
    ("pressed two more times, prompting the woman to chide him in a text:")?"""
    verb = doc.words[rest[0]] if rest else ""
    if not verb.islower() or not (verb.endswith("ed") or verb in cues.IRREGULAR_PAST):
        return False
    after = [doc.words[k].lower() for k in rest[1:]]
    passive = after[:1] and (after[0] in {"for", "by"} or after[0].endswith("ed"))
    return not (verb in _NOT_SPEAKING or passive or set(after) & (_NOT_THEIRS | _MAKING_ACT))
