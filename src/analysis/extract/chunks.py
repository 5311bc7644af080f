"""The chunks of a reporting clause and which of them names the speaker.

A reporting clause is cut into chunks at its commas, brackets and dashes (:func:`clause_chunks`); :func:`pick`
chooses the chunk before the verb that names the speaker (a person first, nearest the verb; an apposition
describing the name before it is not the speaker: "Kevin K. McAleenan, commissioner of Customs and Border
Protection, said"), :func:`first_naming` the chunk after it ("said the Senate's top Democrat, Chuck
Schumer").
"""

from __future__ import annotations

import re

from analysis.extract import cues
from analysis.extract.clauses import RELATIVE, nearest_not_relative
from analysis.extract.context import in_relative_clause
from analysis.extract.described import AUTHORED_DOCUMENTS as DOCUMENTS
from analysis.extract.described import PEOPLE_HEADS
from analysis.extract.entities import Mention
from analysis.extract.gazetteer import first_names, is_demonym
from analysis.extract.lists import joined_subject, listed_objects
from analysis.extract.pipeline import FieldDoc
from analysis.extract.qualifiers import modifier
from analysis.extract.roles import ROLE_PREFIXES, describes_name, prefix_word
from analysis.extract.sentences import participle, verb_at
from analysis.extract.variants import junior_comma

__all__ = [
    "CONJUNCTIONS",
    "PREPOSITIONS",
    "after_preposition",
    "clause_chunks",
    "first_naming",
    "is_object",
    "maybe_person",
    "modifier",
    "passive",
    "pick",
    "span",
    "subject_like",
    "words_only",
]

CONJUNCTIONS = frozenset({"and", "but", "as", "while", "yet", "so", "then", "later"})


def span(doc: FieldDoc, tokens: list[int]) -> tuple[int, int]:
    return doc.span(tokens)


def words_only(doc: FieldDoc, tokens: list[int]) -> list[int]:
    return [k for k in tokens if any(c.isalnum() for c in doc.words[k])]


def clause_chunks(doc: FieldDoc, tokens: list[int]) -> list[list[int]]:
    out: list[list[int]] = [[]]
    for k in tokens:
        if doc.words[k] in cues.CLAUSE_BREAKS and not junior_comma(
            doc.words, k
        ):  # "Trump, Jr. said"
            out.append([])
        else:
            out[-1].append(k)
    return [
        c for c in (_tidy(doc, words_only(doc, c)) for c in out) if c and not _party_tag(doc, c)
    ]


def _party_tag(doc: FieldDoc, chunk: list[int]) -> bool:
    """Is the chunk a legislator's party tag ("(R)", "(D-Calif.)", ", R-Ohio,"), not a speaker of its own?"""
    first = doc.words[chunk[0]]
    return len(chunk) <= 3 and (first in {"R", "D"} or bool(_PARTY_TAG.match(first)))


def _tidy(doc: FieldDoc, who: list[int]) -> list[int]:
    while who and doc.words[who[0]].lower() in CONJUNCTIONS:
        who = who[1:]
    while len(who) > 1 and (
        doc.words[who[-1]].lower() in cues.AUXILIARIES
        or is_adverb(doc.words[who[-1]])
        or doc.words[who[-1]] in {"itself", "himself", "herself", "themselves"}
    ):
        who = who[:-1]  # "he reportedly asked", "Smith later said", "The CBO itself noted"
    alone = len(who) == 1 and doc.words[who[0]].islower() and is_adverb(doc.words[who[0]])
    return [] if alone else who  # ", also said": no chunk; "Will said": George Will


def pick(
    doc: FieldDoc, mentions: list[Mention], chunks: list[list[int]], *, nearest: int
) -> list[int]:
    """The chunk naming a person (nearest the verb first); else a short one naming something; else the nearest."""
    last = chunks[-1]  # the chunk right before the verb, when it names someone ("..., DeVos said")
    if doc.words[last[-1]].lower() in _SUBJECT_PRONOUNS and (
        len(last) == 1 or doc.words[last[-2]].lower() in {"what", "as", "who", "whom", "which"}
    ):  # "his attack on the senator, who he said was “…”": "he", not the senator
        return last[-1:]  # "Describing the meeting ..., he said"; "into what he called"
    antecedent = _antecedent(doc, mentions, chunks)
    if antecedent:
        return antecedent  # "That charge was denied by Mr Mandelson, who said ..."
    described = _described_before_who(doc, chunks)
    if described:
        return described  # "said an REM spokesman, who added": not a name further back
    first, head = doc.words[last[0]].lower(), doc.words[last[-1]].lower()
    if len(last) in {2, 3} and first == "the" and (head in cues.BODY_HEADS or head in DOCUMENTS):
        return last  # "..., the committee declared"; "Podliska, the statement said, “…”"
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
    a, b = span(doc, last)
    described = _apposition_of_name(doc, mentions, chunks)
    if described is not None:  # "Tim Miller, communications director for Mr Bush, said": Miller
        return chunks[described]
    if doc.words[last[0]].lower() not in RELATIVE and any(
        a <= m.start and m.end <= b and maybe_person(m, doc) and not is_object(doc, m, a)
        for m in mentions
    ):
        return last
    if joined_subject(doc, chunks):
        return last  # "Joe Walsh is considering a challenge ..., and the now-talk radio host says"
    for wanted in ({"person"}, {"organisation"}, {"person", "unknown"}):
        if wanted == {"organisation"}:
            a, b = span(doc, chunks[-1])
            if len(chunks) > 1 and any(
                m.type == "organisation" and a == m.start and m.end == b for m in mentions
            ):
                return chunks[-1]  # "Hinting at better times for exporters, NIESR said": the body
            continue
        listed = listed_objects(doc, mentions, chunks)
        for i, chunk in reversed(list(enumerate(chunks))):
            a, b = span(doc, chunk)
            if i in listed:
                continue  # "with hosts Steve Doocy, Ainsley Earhardt, and Brian Kilmeade, the president"
            if _clause_subject(doc, mentions, chunk, wanted):
                return chunk[1:]  # "..., when then Senator Barack Obama, running ..., quipped"
            if doc.words[chunk[0]].lower() in RELATIVE:
                continue  # "Adam Schiff, who was briefed on the murder of Jamal Khashoggi, has said"
            if chunk is not chunks[-1] and _opening_participle(doc.words[chunk[0]]):
                continue  # "Touting the China agreement on Twitter, the president said": its object
            if any(
                a <= m.start
                and m.end <= b
                and m.type in wanted
                and maybe_person(m, doc)
                and not is_object(doc, m, a)
                for m in mentions
            ):
                return chunk[:1] if _pronoun_acting(doc, chunk) else chunk
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


def _pronoun_acting(doc: FieldDoc, chunk: list[int]) -> bool:
    """Does the chunk open with "he"/"she" and a reporting verb, its name the verb's object ("He called Cruz,
    a senator from Texas, a “principled conservative” ... said he was “very impressed”": he, not Cruz)?"""
    first = doc.words[chunk[0]].lower()
    return 2 < len(chunk) <= 6 and first in {"he", "she"} and verb_at(doc, chunk[1])


def _clause_subject(
    doc: FieldDoc, mentions: list[Mention], chunk: list[int], wanted: set[str]
) -> bool:
    """Does the chunk open a "when"/"where" clause with nothing but "then", a title and the name ending it
    ("when then Senator Barack Obama"), the subject of the verb the chunks after it only describe him
    before? Not "when Obama was president" (a verb of his own), nor "When asked if he was firing Mr.
    Rosenstein" or "where colleagues were greeted by ... General George S. Patton" (an object)."""
    if len(chunk) < 2 or doc.words[chunk[0]].lower() not in _SUBJECT_RELATIVE:
        return False
    a, b = span(doc, chunk[1:])
    return any(
        m.end == b
        and a <= m.start
        and m.type in wanted
        and all(  # only "then" or a title before the name: not "When asked if he was firing Mr. Rosenstein"
            doc.words[k] == "then" or doc.words[k][:1].isupper()
            for k in chunk[1:]
            if doc.idx[k] < m.start
        )
        for m in mentions
    )


def _opening_participle(word: str) -> bool:
    """ "Touting", "Asked": a participle opening the sentence (not "incoming Senate Minority Leader")."""
    return word[:1].isupper() and participle(word)


def _antecedent(doc: FieldDoc, mentions: list[Mention], chunks: list[list[int]]) -> list[int]:
    """The tokens of the person a lone "who" right before the verb stands for: the name ending the chunk
    before it ("That charge was denied by Mr Mandelson, who said"), or past appositions describing it
    ("Ben Rhodes, a former Obama national security aide, who tweeted")."""
    if not _lone_who(doc, chunks):
        return []
    for chunk in reversed(chunks[:-1]):
        end = doc.end_char(chunk[-1])
        for m in mentions:
            if m.end == end and (
                m.type == "person" or (maybe_person(m, doc) and " " not in m.text)
            ):
                # "exchange with Cruz, who said": a surname read as a word, not "Center for Justice"
                before = [doc.words[k].lower() for k in chunk if doc.idx[k] < m.start][-2:]
                if len(before) == 2 and before[0] in PEOPLE_HEADS and before[1] in _OF_SOMEONE:
                    return []  # "An aide to Schumer, who said": the aide
                return [k for k in chunk if doc.idx[k] >= m.start]
        if not describes_name([doc.words[k] for k in chunk]):
            return []
    return []


#: Prepositions after which a name says whose or which person a description is ("an aide to Schumer").
_OF_SOMEONE = frozenset({"to", "for", "of", "at", "with", "from"})


def _described_before_who(doc: FieldDoc, chunks: list[list[int]]) -> list[int]:
    """The tokens of a description of people ("an REM spokesman", "the British authorities", "the
    president") a lone "who" right before the verb follows, from its article on: who speaks."""
    if not _lone_who(doc, chunks):
        return []
    before = chunks[-2]
    opens = [i for i, k in enumerate(before) if doc.words[k].lower() in {"a", "an", "the"}]
    if not opens or doc.words[before[-1]].lower() not in PEOPLE_HEADS:
        return []
    return before[opens[-1] :]


def _lone_who(doc: FieldDoc, chunks: list[list[int]]) -> bool:
    """Is the chunk right before the verb a lone "who", after another chunk?"""
    return len(chunks) > 1 and [doc.words[k].lower() for k in chunks[-1]] == ["who"]


def _apposition_of_name(
    doc: FieldDoc, mentions: list[Mention], chunks: list[list[int]]
) -> int | None:
    """The chunk that is a person's name alone, after a title at most, when every chunk after it up to the
    verb is an apposition describing it ("Kevin K. McAleenan, commissioner of Customs and Border
    Protection, said"; "Sen. Alan Peter Cayetano, a close Duterte ally, said"), or None."""
    for i in range(len(chunks) - 2, -1, -1):
        if not describes_name([doc.words[k] for k in chunks[i + 1]]):
            return None  # every chunk after the name describes it ("Amanda Miller, a spokeswoman
            # for the Trump Organization, the umbrella company for ..., said")
        a, b = span(doc, chunks[i])
        if any(
            a <= m.start and m.end == b and m.type == "person" and not _untitled_before(doc, a, m)
            for m in mentions
        ):
            return None if i in listed_objects(doc, mentions, chunks) else i
    return None


def _untitled_before(doc: FieldDoc, a: int, m: Mention) -> list[str]:
    """The words of the chunk from ``a`` before the name, past its title ("Sen." of "Sen. Alan Peter
    Cayetano"): none when the chunk is the titled name alone."""
    return _untitled(doc.text[a : m.start].split())


def _named_next(doc: FieldDoc, mentions: list[Mention], tokens: list[int]) -> bool:
    """Do the tokens open with a person's name, after a title at most ("Prime Minister Theresa May")?"""
    for k in tokens[:5]:
        if any(m.start == doc.idx[k] and maybe_person(m, doc) for m in mentions):
            return True
        if not doc.words[k][:1].isupper():
            return False
    return False


def first_naming(doc: FieldDoc, mentions: list[Mention], chunks: list[list[int]]) -> list[int]:
    """After "said": the first chunk naming a person ("the Senate's top Democrat, Chuck Schumer"), else
    the first chunk ("said Mikko Hypponen, who heads ...")."""
    for i, chunk in enumerate(chunks):
        a, b = span(doc, chunk)
        if doc.words[chunk[0]].lower() in {"who", "which", "whose"} or (
            i and _new_clause(doc, chunk)
        ):
            break  # "said Christie, arguing that Barack Obama ...": the clause is Christie's own
        if any(
            a <= m.start
            and m.end <= b
            and (
                m.type == "person"
                or (not i and (a, b) == (m.start, m.end) and maybe_person(m, doc))
            )
            for m in mentions
        ):
            return chunk  # "says Schweizer, Digicel sponsored ...": the name alone is its chunk
    return chunks[0]


def _new_clause(doc: FieldDoc, chunk: list[int]) -> bool:
    """Does the chunk open a clause of the speaker's own ("arguing that ...", "adding ...")?"""
    word = doc.words[chunk[0]]
    return word.islower() and (
        participle(word) or word in {"that", "as", "because", "but", "while"}
    )


#: Relative words that open a clause with its own subject ("where Philip Hammond has said").
_SUBJECT_RELATIVE = frozenset({"where", "when"})


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


PREPOSITIONS = cues.PREPOSITIONS


_PARTY_TAG = re.compile(r"^[RDI]-[A-Z]")  # "R-Alabama", "D-Calif."


def is_object(doc: FieldDoc, m: Mention, start: int) -> bool:
    """Is the mention the object of a preposition in its chunk ("the murder of Jamal Khashoggi") or inside
    a relative clause about a noun before it ("The barrister who had represented Mr Martin had said")?"""
    before = doc.text[start : m.start].split()
    if not before:
        return False
    return before[-1].lower() in PREPOSITIONS or (m.type == "person" and in_relative_clause(before))


def maybe_person(m: Mention, doc: FieldDoc | None = None) -> bool:
    if _PARTY_TAG.match(m.text):
        return False
    if doc is not None and doc.text[m.end : m.end + 2] in {"'s", "’s", "’ ", "' "}:
        return False  # "Mr. Sanders’ head strategist": whose, not who
    if doc is not None and modifier(doc.text, m):
        return False  # "had worked on two Trump construction projects": what, not who
    return m.type == "person" or (
        m.type == "unknown"
        and not is_demonym(m.text)
        and (
            not cues.PLURAL_WORD.match(m.text)
            or (doc is not None and _surname_of_named(doc.text, m))
        )
    )


def _surname_of_named(text: str, m: Mention) -> bool:
    """Is a word that looks plural ("Waters", "Ailes") the subject of a reporting verb, and written after a
    first name elsewhere in the article ("Maxine Waters")? Then it is her surname, not a group ("Senate
    Democrats": "Senate" is no first name; "a Sanders supporter, told": Sanders says nothing)."""
    after = text[m.end : m.end + 20].split()
    return bool(after and after[0].strip(",.:;") in cues.REPORTING_VERBS) and any(
        given.lower() in first_names()
        for given in re.findall(rf"\b([A-Z][a-z]+) {re.escape(m.text)}\b", text)
    )


#: Verbs whose object speaks in the "-ing" clause after it ("Javan quoted Gen. Soleimani as saying").
_QUOTING = frozenset({"quoted", "quotes", "quoting", "cited", "cites"})
#: Words a main clause's subject may follow.
_CLAUSE_OPENERS = frozenset({"", "and", "but", "then", "so", "yet", "meanwhile", "also"})


#: Words inside titles ("Secretary of State") that are never a title's last word before a name.
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "de", "on", "to", "in", "at", "-"})


def _untitled(words: list[str]) -> list[str]:
    """The words before a name without its title ("Saudi Arabia's Foreign Minister", "retiring Sen.")."""
    while words and (
        (prefix_word(words[-1]) and words[-1].lower() not in _FUNCTION_WORDS)
        or (words[-1].endswith(("'s", "’s")) and words[-1][:1].isupper())  # "Arabia's Minister"
        or words[-1].lower().rstrip(".") in cues.HONORIFICS
        or words[-1].lower() in ROLE_PREFIXES | {"retiring", "longtime", "veteran"}
    ):
        words = words[:-1]
    return words


def after_preposition(text: str, m: Mention) -> bool:
    """Is the name, past its title, the object of a preposition ("a criticism of President George W.
    Bush")?"""
    words = _untitled(text[max(0, m.start - 80) : m.start].split())
    return bool(words) and words[-1].lower() in PREPOSITIONS


def subject_like(doc: FieldDoc, m: Mention, start: int, verb: int | None = None) -> bool:
    """Can the person be the subject of the clause from ``start``: after the clause's start, a comma or
    "and"/"but" once its title is passed over ("but retiring Sen. Harry Reid unleashed"), not after a
    subordinating word ("After Omar Mateen"), a preposition or a verb ("helping elect Hillary Clinton")?
    With the "-ing" ``verb`` right after the name, after "with" too ("with finance minister Hans Eichel
    saying it showed ...")."""
    words = _untitled(doc.text[start : m.start].split())
    previous = words[-1] if words else ""
    absolute = (
        verb is not None
        and previous.lower() == "with"
        and not doc.text[m.end : doc.idx[verb]].strip()
    )
    return previous.endswith(",") or previous.lower() in _CLAUSE_OPENERS | _QUOTING or absolute


def is_adverb(word: str) -> bool:
    """An adverb in "-ly" ("reportedly", "later"'s kin), not a noun so spelt ("ally", "family", "the daily")."""
    return word.islower() and word.endswith("ly") and word not in _LY_NOUNS


#: Nouns ending in "-ly": a speaker's head ("one Democratic ally said", "the weekly reported").
_LY_NOUNS = frozenset(
    """
    ally family assembly supply monopoly rally anomaly reply bully daily weekly monthly quarterly
    """.split()  # noqa: SIM905 (word lists read best as text)
)


def passive(doc: FieldDoc, verb: int) -> bool:
    """Is the verb passive, maybe past an adverb ("was accused", "was even accused")?"""
    k = verb - 1
    while k > 0 and (is_adverb(doc.words[k]) or doc.words[k] in cues.ACTIVE_AUXILIARIES):
        k -= 1
    return k >= 0 and doc.words[k].lower() in cues.PASSIVE_AUXILIARIES


def told_passive(doc: FieldDoc, verb: int, *, reduced: bool = False) -> bool:
    """Is the verb a passive "told" or "asked" ("Fox News is told", "Trump was asked"; with ``reduced``,
    also without its auxiliary before "by": "when asked by Karl to describe"): its subject heard the words,
    said by the agent after "by" or by someone unsaid?"""
    end = doc.end_char(verb)
    return doc.words[verb].lower() in {"told", "asked"} and (
        passive(doc, verb)
        or (reduced and re.match(r"\s+by\s", doc.text[end : end + 5]) is not None)
    )


def without_adverbs(doc: FieldDoc, tail: list[int]) -> list[int]:
    """A clause's words with the adverbs ending it dropped, when a conjunction comes before them ("..., and
    repeatedly called" -> "and"); otherwise as they are."""
    cut = len(tail)
    while cut and is_adverb(doc.words[tail[cut - 1]]):
        cut -= 1
    if cut < len(tail) and cut and doc.words[tail[cut - 1]].lower() in {"and", "but"}:
        return tail[:cut]
    return tail


def quoted_token(text: str, first: int, token: int, doc: FieldDoc) -> bool:
    """Is token ``token`` inside a quotation opened after token ``first`` ("“… Director Comey …,” Mr.
    McCabe told")? Its verbs and names are the quotation's, not the clause's."""
    # from after the last quotation's close ("… down.'\"The"); but a straight mark opening the stretch
    # after a space, closed before the token, opens a quotation ("\"They will,\" Pence said, adding")
    at = doc.idx[first]
    stretch = text[at : doc.idx[token]]
    opens = (
        stretch[:1] == '"' and text[at - 1 : at].strip(" \n\t\xa0(") == "" and stretch[1:2].strip()
    )
    if opens and stretch.count('"') % 2 == 0:
        return stretch.count("“") > stretch.count("”")
    stretch = stretch.lstrip(" ”\"’'\n\t\xa0")  # unclosed: a lost closing mark ('"A, said X, "B."')
    return stretch.count("“") > stretch.count("”") or stretch.count('"') % 2 == 1
