"""Clauses about a speaker inside a reporting clause: relative clauses and appositions set off by commas.

A relative clause closed by a comma before the reporting verb ("A State Department official, who has seen
the assessment of the murder of Jamal Khashoggi, has said") is about the subject and names no speaker; one
that runs into the verb ("…, which he described as") holds the verb and its own subject. A reporting verb
inside a closed relative clause ("the incident, which Mr. Biden had said he did not recall, as “…”") is not
the quotation's. A name followed by an apposition closed by a comma right before the verb
("Representative Mike Rogers, the Michigan Republican who is chairman of the House Intelligence Committee,
said") is the verb's subject whatever relative clause the apposition holds. A reporting verb after "and" or
"but" ("But Dunne is keen to put that behind him and said:") is the sentence subject's when nothing but its own
predicate lies between (no relative or subordinate clause, no scene set before the subject). A pronoun
after the sentence's opening person and another person acting in the same sentence ("Trump corrected his
chief of staff John Kelly after he said") may be either.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from analysis.extract import cues

if TYPE_CHECKING:
    from analysis.extract.entities import Mention
    from analysis.extract.pipeline import FieldDoc

__all__ = [
    "OTHER_CLAUSE",
    "RELATIVE",
    "after_reported_that",
    "apposition_head",
    "before_setting",
    "closed_relative",
    "function_word",
    "in_closed_brackets",
    "joins_subject",
    "name_and_verb",
    "named_after",
    "nearest_not_relative",
    "object_before",
    "possessor",
    "quoted_one",
    "relative_antecedent",
    "relative_of_thing",
    "subject_after",
]

#: Words opening a relative clause.
RELATIVE = frozenset({"who", "which", "whose", "whom", "that", "where", "when"})
#: Words showing that a verb after a quotation belongs to another clause ("(VSL) that the agency uses ... says").
OTHER_CLAUSE = frozenset({"that", "which", "when", "if", "because"})


def function_word(word: str, words: frozenset[str] | set[str]) -> bool:
    """Is ``word`` one of ``words`` (lower case) and not an acronym in capitals ("WHO chief Tedros")?"""
    return word.lower() in words and not word.isupper()


def after_reported_that(doc: FieldDoc, mentions: list[Mention], before: list[int]) -> list[int]:
    """The words after a reporting verb's "that" ("Baker points out that Trump, on the trail, called"):
    the clause of the verb that follows, when they open with a name and hold no verb of their own; else
    all of them ("said that Hamas must go, and urged"; "declared that Trump would lose, told reporters")."""
    for i in range(len(before) - 2, 0, -1):
        k = before[i]
        if doc.words[k] == "that" and (
            doc.words[k - 1].lower() in cues.REPORTING_VERBS or doc.words[k - 1] == "out"
        ):
            rest = before[i + 1 :]
            joined = any(doc.words[j].lower() in _NOT_A_BARE_SUBJECT for j in rest)
            named = any(m.start == doc.idx[rest[0]] for m in mentions)  # "that Trump, ..., called"
            return rest if named and not joined else before
    return before


#: Words after "that" showing it has a verb of its own or joins back to the reporting one.
_NOT_A_BARE_SUBJECT = (
    cues.AUXILIARIES | cues.REPORTING_VERBS | {"and", "but", "could", "can", "may", "might"}
)


def closed_relative(doc: FieldDoc, verb: int, open_at: int) -> bool:
    """Is the verb inside a relative clause closed by a comma before the quotation ("the incident, which
    Mr. Biden had said he did not recall, as “disqualifying”")?"""
    k = verb
    while k > 0 and doc.words[k - 1] not in cues.CLAUSE_BREAKS:
        k -= 1
    opens_relative = doc.words[k].lower() in RELATIVE and k > 0 and doc.words[k - 1] == ","
    return opens_relative and "," in doc.text[doc.idx[verb] : open_at]


def nearest_not_relative(doc: FieldDoc, chunks: list[list[int]], nearest: int) -> list[int]:
    """The chunk at ``nearest``, or the next one away from the verb when that is a relative clause closed by
    a comma before the verb: a clause on the speaker names no speaker ("A State Department official, who has
    seen the assessment of the murder of Jamal Khashoggi, has said"). One that runs into the verb has it
    ("..., which he described as")."""
    order = list(reversed(chunks)) if nearest < 0 else chunks[nearest:]
    return next((c for c in order if not _closed_relative_chunk(doc, c)), chunks[nearest])


def _closed_relative_chunk(doc: FieldDoc, chunk: list[int]) -> bool:
    end = doc.end_char(chunk[-1])
    return doc.words[chunk[0]].lower() in RELATIVE and doc.text[end : end + 3].lstrip()[:1] == ","


def apposition_head(doc: FieldDoc, lead: list[int]) -> list[int]:
    """The words before the first comma of ``lead`` (the tokens before a reporting verb) when the rest is an
    apposition closed by a comma right before the verb ("Representative Mike Rogers, the Michigan
    Republican who is chairman of the House Intelligence Committee, said"), else []."""
    words = [doc.words[k] for k in lead]
    if len(lead) < 3 or words[-1] != "," or "," not in words[:-1]:
        return []
    return lead[: words.index(",")]


#: Words opening a sentence with its time or place rather than its subject.
_SCENE_SETTERS = frozenset(
    "during in at after before following when while on for with as since despite amid".split()  # noqa: SIM905
)
#: Subjects this rule leaves to others: the writer ("I"), a body or group read from context ("it", "they").
_NOT_THE_SPEAKER = frozenset({"i", "we", "you", "it", "they"})
#: Openings that name no one ("A few days later, ...").
_INDEFINITE = frozenset({"a", "an", "one", "some", "many", "several", "most", "all", "no", "each"})
#: Words opening a clause with a subject of its own.
_SUBORDINATE = frozenset(
    "who whom whose which when while because although though if until whereas".split()  # noqa: SIM905
)


def joins_subject(doc: FieldDoc, before: list[int], subject: list[int]) -> bool:
    """Is a verb after "and"/"but" at the end of ``before`` (the sentence's tokens) joined to ``subject``, the
    phrase opening the sentence? It must open with its subject ("During a debate, Boris Johnson ..." does
    not), be one named subject (not "Tories and Lib Dems", "I", "it", "A day later, Scaramucci"), and no
    clause with a subject of its own may lie between ("Stephen Mull, who recommended ..., but said"; "Capra
    was the butt of a gaffe when the host ... declared"; "Schaper reported that Chao ..., but acknowledged").
    """
    words = [doc.words[k].lower() for k in subject]
    spoken = [k for k in before if doc.words[k].strip()]
    after = [k for k in spoken if k > subject[-1]][:1]
    if (
        words[0] in _SCENE_SETTERS | _INDEFINITE
        or set(words) & _NOT_THE_SPEAKER
        or "," in doc.text[doc.idx[subject[0]] : doc.idx[subject[-1]]]
        or (after and doc.words[after[0]].lower() in {"and", "or", "&"})
    ):
        return False
    for prior, k in pairwise([None, *spoken]):
        word = doc.words[k].lower()
        if k > subject[-1] and word in _SUBORDINATE:
            return False
        if (
            word == "that"
            and prior is not None
            and doc.words[prior].lower() in cues.REPORTING_VERBS
        ):
            return False
    return True


def object_before(body: str, mentions: list[Mention], limit: int, sentence: int) -> bool:
    """Is another person named between the person opening the sentence of ``mentions`` and ``limit``, a
    pronoun in that same sentence (number ``sentence``: "X corrected Y after he said", "X reminds Y that
    he called")? A possessive or a name after "of" ("Trump's promised actions", "the trial of Bill
    Clinton") acts in nothing there and does not count."""
    if not mentions or mentions[-1].sentence != sentence:
        return False
    lead = next((m for m in mentions if m.lead and m.type == "person"), None)
    return lead is not None and any(
        m.type == "person"
        and m.name != lead.name
        and lead.end <= m.start
        and m.end <= limit
        and body[m.end : m.end + 1] not in ("'", "\u2019")
        and not body.endswith("of ", 0, m.start)
        for m in mentions
    )


#: Words after "said X" that open where or when X spoke ("on ABC's program", "in an interview").
_SETTING = frozenset({"in", "on", "at", "to", "during", "after", "before", "while", "when"})


def before_setting(doc: FieldDoc, who: list[int]) -> list[int]:
    """The speaker's tokens after "said", up to where or when they spoke: a setting word right after a
    capitalised word ends the name ("said McMaster on ABC's “This Week”" is McMaster, not ABC; "one GOP
    operative with close ties to the White House" stays whole), and a last "in"/"on"/"at"/"to" goes."""
    cut = next(
        (
            i
            for i, k in enumerate(who)
            if i and doc.words[k].lower() in _SETTING and doc.words[k - 1][:1].isupper()
        ),
        None,
    )
    who = who[:cut]
    while len(who) > 1 and doc.words[who[-1]].lower() in {"in", "on", "at", "to"}:
        who = who[:-1]
    return who


# "Cuomo's (D) statement that", "Cruz's reference to", "Trump's message:": whose words the quotation is (not
# "called Trump's remarks “…”": there the quotation is what the subject called them)
_POSSESSED_SPEECH = re.compile(
    r"['’]s?\s+(?:\([A-Z][\w.-]*\)\s+)?(?:[a-z]+\s+)?("
    + "|".join(sorted(cues.SPEECH_NOUNS, key=len, reverse=True))
    + r")(?:\s+(?:that|to|of|about|on)|:|,)\s*$"
)

#: The same with the statement's clause before the quotation ("echoed Mr. Hawley’s comments that the governor
#: had “done the right thing.”").
_POSSESSED_CLAUSE = re.compile(
    r"['’]s?\s+(?:[a-z]+\s+)?(comments|comment|remarks|remark|statement|claims|claim|assertion|promise|pledge"
    r"|vow|warning|argument)\s+that\s+[^.;:!?“”\"‘’,()]{1,100}$"
)  # not "said after Cruz's speech that it was “doubtful”": an event, and whose "that" is the verb's


def possessor(
    doc: FieldDoc, mentions: list[Mention], open_at: int
) -> tuple[tuple[int, int], str] | None:
    """The person or body whose statement the quotation is, written right before it as a possessive."""
    text = doc.text[max(0, open_at - 160) : open_at]
    found = _POSSESSED_SPEECH.search(text[-60:]) or _POSSESSED_CLAUSE.search(text)
    if not found or any(
        w in cues.REPORTING_VERBS for w in found.string[found.end(1) :].lower().split()
    ):
        return None  # not "Trump's claim that Mexico would pay, which Pelosi called “…”"
    ends = open_at - len(found.string) + found.start()
    owner = next(
        (m for m in mentions if m.end == ends and m.type in {"person", "organisation", "unknown"}),
        None,
    )
    if owner is None:
        return None
    return (owner.start, owner.end), found.group(1)


#: Words between a relative "who" and its verb ("Trump, who now demands that").
_BEFORE_VERB = cues.AUXILIARIES | {"now", "also", "then", "often", "still", "just"}


def relative_antecedent(
    doc: FieldDoc, mentions: list[Mention], verb: int
) -> tuple[int, int] | None:
    """The person a relative clause opening right before the reporting verb is about: "Trump, who now
    demands that “…”", "Pelosi, who tweeted that “…”"; not a name after a preposition ("an aide to
    Pelosi, who said", where "who" may be the aide)."""
    k = verb - 1
    while k >= 0 and (not doc.words[k].strip() or doc.words[k].lower() in _BEFORE_VERB):
        k -= 1
    if k < 2 or doc.words[k].lower() != "who" or doc.words[k - 1] != ",":
        return None
    ends = doc.end_char(k - 2)
    for m in mentions:
        if m.end == ends and m.type == "person":
            before = doc.text[max(0, m.start - 12) : m.start].split()
            if before and before[-1].lower() in {"of", "to", "for", "with", "by", "at", "from"}:
                return None
            return m.start, m.end
    return None


def relative_of_thing(doc: FieldDoc, mentions: list[Mention], verb: int) -> bool:
    """Is the reporting verb's subject "that"/"which" standing for no person ("an email from the individual
    that reportedly said:", "a statement which read")? Then the words are the thing's; nobody is named."""
    k = verb - 1
    while k >= 0 and (
        not doc.words[k].strip()
        or doc.words[k].lower() in _BEFORE_VERB
        or doc.words[k].lower().endswith("ly")
    ):
        k -= 1
    if k < 1 or doc.words[k] not in {"that", "which"}:
        return False
    j = k - 1
    while j >= 0 and (not doc.words[j].strip() or doc.words[j] in {",", "-", "—", "–"}):
        j -= 1
    if j < 0 or doc.words[j].lower() in cues.REPORTING_VERBS:
        return False  # "said that" opens the clause of what was said
    ends = doc.end_char(j)
    return not any(
        m.end == ends and m.type != "place" for m in mentions
    )  # "Breitbart, which has called"


def in_closed_brackets(text: str, at: int, limit: int) -> bool:
    """Is position ``at`` inside brackets that close before ``limit`` ("(as Reagan put it) and a “…”")?"""
    opened = text.rfind("(", 0, at)
    return opened > text.rfind(")", 0, at) and 0 <= text.find(")", at, limit)


#: Verbs of a report quoting someone ("Interfax quoted Grachev as saying"); the one quoted is the speaker.
_QUOTING = frozenset({"quoted", "quotes", "quoting", "cited", "cites", "citing"})


def quoted_one(doc: FieldDoc, verb: int) -> list[int] | None:
    """The words naming whom a report quotes, for a reporting verb after "as" ("The New York Times quotes
    the CTU's Lewis as saying", "Interfax quoted him as saying:"); None when the verb is no such one."""
    if verb < 3 or doc.words[verb - 1].lower() != "as":
        return None
    k = verb - 2
    while k > 0 and verb - k <= 10 and doc.words[k].lower() not in _QUOTING:
        if doc.words[k] in cues.CLAUSE_BREAKS or doc.words[k] in {".", "!", "?"}:
            return None
        k -= 1
    if (
        doc.words[k].lower() not in _QUOTING
        or k + 1 >= verb - 1
        or doc.words[k - 1] in cues.PASSIVE_AUXILIARIES
    ):
        return None  # "Dixon was quoted by The Australian as saying": the subject, read as before
    return [j for j in range(k + 1, verb - 1) if doc.words[j].strip()]


#: Words that open a clause of its own after a reporting verb's quotation ("..., and Ms. Warren dismissing").
_CLAUSE_JOINS = frozenset({"and", "while", "but", "whereas"})


def subject_after(
    doc: FieldDoc, mentions: list[Mention], verb: int, open_at: int
) -> tuple[tuple[int, int], str] | None:
    """A person who opens a clause of their own between the reporting verb and a partial quotation, as
    the subject of a verb in "-ing" or the past ("Mr. Sanders saying that “…” and Ms. Warren dismissing
    more modest policies as “…”"): that person and their verb, not the reporting verb's subject."""
    start = doc.end_char(verb)
    for m in mentions:
        if m.type != "person" or not start < m.start < open_at:
            continue
        before = doc.text[start : m.start].split()
        while before and before[-1][:1].isupper():
            before.pop()  # a title or honorific before the name ("and Ms. Warren")
        after = doc.text[m.end : open_at].split()
        if (
            before
            and before[-1].lower() in _CLAUSE_JOINS
            and after
            and after[0].islower()
            and after[0].endswith(("ing", "ed"))
        ):
            return (m.start, m.end), after[0].strip(",")
    return None


#: A sentence of a name and an after-quotation verb alone ("Maher acknowledged."): up to four capitalised
#: words, the verb, the sentence's end (not "De Blasio added, “…”": the next quotation's clause).
_NAME_AND_VERB = re.compile(r"\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+([a-z]+)\.")


def name_and_verb(text: str, mentions: list[Mention], close_at: int) -> bool:
    """Is the sentence after a quotation that ended with its own full stop only a person's name and a
    reporting verb (“…pain.” Maher acknowledged.)? The quotation is then that person's."""
    found = _NAME_AND_VERB.match(text, close_at)
    if found is None or found.group(2) not in cues.AFTER_QUOTE_VERBS:
        return False
    a, b = found.span(1)
    return any(m.start == a and m.end == b for m in _people(mentions))


def _people(mentions: list[Mention]) -> list[Mention]:
    """The mentions naming a person: people's names, and words no rule typed that are the surname of a
    person named here ("Maher")."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "person"}
    return [m for m in mentions if m.type == "person" or m.text in surnames]


def named_after(doc: FieldDoc, mentions: list[Mention], verb: int) -> tuple[int, int] | None:
    """The person named right after a reporting verb that nothing but an adverb or a clause's start
    stands before, and a comma closes ("Nonetheless, said Sava, “…”"): the verb's subject."""
    paragraph = doc.text.rfind("\n", 0, doc.idx[verb]) + 1
    opening = doc.text[paragraph : doc.idx[verb]]
    # not "asked Mr. Comey," (an object), nor "“A,” said Sella, “B”" (one quotation)
    if doc.words[verb].lower() not in _INVERTED or _quoting(opening):
        return None
    at = doc.end_char(verb)
    for m in _people(mentions):
        titled = at < m.start < at + 40 and _TITLES.fullmatch(doc.text[at : m.start])  # "said Dr."
        if titled and doc.text[m.end : m.end + 1] == ",":
            return m.start, m.end
    return None


def _quoting(opening: str) -> bool:
    """Does the paragraph so far end a quotation or leave one open ("“A,” said", "“A, said Trump, “B”")?"""
    unclosed = opening.count("“") > opening.count("”") or opening.count('"') % 2 == 1
    return unclosed or opening.rstrip()[-1:] in {"”", '"'}


#: Reporting verbs written before their subject ("Further, said Goodwin,"); "asked X", "told X" take objects.
_INVERTED = frozenset(
    [
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "writes",
        "explained",
        "explains",
        "noted",
        "notes",
        "argued",
        "argues",
        "concluded",
    ]
)
#: Between a reporting verb and the name after it: a space and up to three title words ("said Dr. ").
_TITLES = re.compile(r" (?:[A-Z][\w.]*\s+){0,3}")


#: A that-clause's quotation closed with a comma, then "and" or "but", a new subject's determiner and two more
#: words (not "that “Radical left Democrats” and the “LameStream Media” want": one clause's two subjects).
_NEW_SUBJECT = re.compile(
    r"\bthat\s+[“\"][^”\"]*(?:,[”\"]|[”\"],)\s+(?:and|but|while)\s+(?:the|a|an|his|her|its|their)\s+\S+\s+\S+"
)


def new_subject(doc: FieldDoc, verb: int, open_at: int) -> bool:
    """Does a clause with a subject of its own stand between the reporting verb and the quotation at
    ``open_at`` ("Trump said in his speech Friday that “…,” and the policy blueprint released by the White
    House pushes for “…”")? The verb's that-clause closed with the quotation before; this one is the new
    subject's, which the verb does not say (not "called it “a” and the deal “b”": no that-clause)."""
    start = doc.idx[verb]
    found = _NEW_SUBJECT.search(doc.text, start, open_at)
    return found is not None and found.start() - start < 60
