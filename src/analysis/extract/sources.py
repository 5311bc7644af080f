"""Sources written as where the words were read or who relayed them, rather than as a speaker's clause.

"According to The Associated Press, “…”", "the Washington Post reported that ... “…”", "The St. Louis
Post-Dispatch reports:" over a quotation, and a reporting clause closing the sentence a quotation sits in
("Mr Blair has “the same passion” ..., he said"; "“…” of the media, said David Yepsen, ..."). Each gives the
span of the source's words and the cue, or None.
"""

from __future__ import annotations

import re
from itertools import dropwhile
from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.chunks import clause_chunks, span, told_passive
from analysis.extract.described import ISSUED_DOCUMENTS, WORD
from analysis.extract.sentences import MAX_ATTRIBUTION_CHARS, first_sentence_end

if TYPE_CHECKING:
    from analysis.extract.entities import Mention
    from analysis.extract.pipeline import FieldDoc

__all__ = [
    "MAX_SPEAKER_WORDS",
    "according_to",
    "by_agent",
    "cue_words",
    "issued_document",
    "line_label",
    "outlet",
    "quoted_as",
    "sentence_tail",
    "told_by",
    "what_they_call",
]

Found = tuple[tuple[int, int], str]

#: A speaker is named in at most this many words.
MAX_SPEAKER_WORDS = 12


def according_to(doc: FieldDoc, toks: list[int]) -> Found | None:
    """ "According to X": X's words; "“…,” was Holder's response": Holder's."""
    words = [doc.words[k].lower().rstrip(".,") for k in toks[:8]]
    poss = _possessive(words) if words[:1] in (["was"], ["came"]) else 0
    if poss and words[poss + 1 : poss + 2] and words[poss + 1] in cues.SPEECH_NOUNS:
        return span(doc, toks[1:poss]), words[poss + 1]  # the noun: its owner's words
    for pos, k in enumerate(toks[:-2]):
        if doc.words[k].lower() == "according" and doc.words[toks[pos + 1]].lower() == "to":
            chunks = clause_chunks(doc, toks[pos + 2 :])
            if chunks:
                return span(doc, chunks[0][:MAX_SPEAKER_WORDS]), "according to"
    return None


def _possessive(words: list[str]) -> int:
    """Index of the first possessive "'s" from the third word to the sixth (after "was" and a name's first
    word), 0 when there is none."""
    return next((i for i, w in enumerate(words[2:6], 2) if w in {"'s", "’s"}), 0)


def line_label(
    doc: FieldDoc, mentions: list[Mention], toks: list[int], open_at: int
) -> Found | None:
    """A line that opens with a person's name and title and a colon right before the quotation, the way
    match reports list reactions ("- Manchester City boss Kevin Keegan: “…”"): that person's words."""
    toks = list(dropwhile(lambda k: not doc.words[k][:1].isalnum(), toks))
    if not toks or doc.text[doc.idx[toks[-1]] : open_at].strip() != ":":
        return None  # (marks closing the quotation before, and a dash opening the line, left out)
    line = doc.text.rfind("\n", 0, doc.idx[toks[0]]) + 1
    if doc.text[line : doc.idx[toks[0]]].strip(" -–•*\t") or doc.idx[toks[0]] - line > 4:
        return None  # the words before the colon are the whole line
    named = [m for m in mentions if doc.idx[toks[0]] <= m.start and m.end == doc.end_char(toks[-2])]
    if len(toks) > 8 or not named or named[-1].type != "person":
        return None
    words = doc.text[doc.idx[toks[0]] : named[-1].start].split()
    if any(w[:1].islower() and w.lower() not in cues.ROLE_HEADS for w in words):
        return None  # "The report said:" has a verb; "Asked why, Smith:" no title
    return (named[-1].start, named[-1].end), "said"


def owned_answer(doc: FieldDoc, mentions: list[Mention], toks: list[int]) -> Found | None:
    """A sentence that is only a name's answer and a question mark or colon, right before the quotation
    ("Becerra’s response? “I think I just answered that.”"): that person's (or body's) words."""
    words = [doc.words[k] for k in toks]
    if len(words) < 4 or words[-1] not in {"?", ":"} or words[-3] not in {"'s", "’s"}:
        return None
    if words[-2].lower() not in _ANSWERS:
        return None
    named = [m for m in mentions if m.start == doc.idx[toks[0]] and m.end == doc.idx[toks[-3]]]
    if not named or named[0].type not in {"person", "organisation", "unknown"}:
        return None
    return (named[0].start, named[0].end), words[-2].lower()


#: Nouns of an answer owned by who gave it ("Becerra’s response?", "Trump's reply:").
_ANSWERS = frozenset({"response", "answer", "reply", "retort", "reaction", "verdict"})


def link_headline(doc: FieldDoc, mentions: list[Mention], close_at: int) -> Found | None:
    """The person a link's headline names right after its quotation and a colon ("(RELATED: ‘We’re Ready To
    Get Working’: Rand Paul Calls For ...)": Rand Paul), or None."""
    colon = re.compile(r"\s*:\s*").match(doc.text, close_at)
    named = [m for m in mentions if colon and m.start == colon.end() and m.type == "person"]
    return ((named[0].start, named[0].end), "said") if named else None


def outlet(doc: FieldDoc, mentions: list[Mention], toks: list[int]) -> Found | None:
    """A news organisation named right before "reported that"/"reports that" in the sentence, maybe with
    when between ("reported Wednesday that"), the quotation a few words after: its report's words ("the Los Angeles Times reported that “he's
    not against a minimum wage ...”")."""
    for k in toks[1:]:
        after = k + 1
        while after < k + 4 and doc.words[after : after + 1] and doc.words[after].lower() in _WHEN:
            after += 1
        if (
            doc.words[k].lower() in cues.OUTLET_VERBS
            and doc.words[after : after + 1] == ["that"]
            and _report_goes_on(doc.words[after + 1 : toks[-1] + 1])
        ):
            ends = doc.end_char(k - 1)
            owner = next((m for m in mentions if m.end == ends and m.type == "organisation"), None)
            return None if owner is None else ((owner.start, owner.end), doc.words[k])
    return None


def _report_goes_on(between: list[str]) -> bool:
    """Are the words between "reported that" and the quotation the report's own clause: at most twelve
    words, no relative clause about something else's words ("that Walsh “is expected to ...”", "that in his
    meeting with Lavrov and Kislyak, Trump “went off script”"; not "that the conservative Action Network is
    running a television ad ... that urges viewers to call Mr. Rubio to “...”": the ad's; not "that a
    spokesman for the Chinese Foreign Ministry declined to comment ..., and referred questions to “...”")?"""
    words = [w.lower() for w in between if any(c.isalpha() for c in w)]
    return len(words) <= 12 and not set(words) & {"that", "who", "which"}


#: Words saying when, between "reported" and "that" ("reported on Wednesday that", "reported last week that").
_WHEN = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday
    on last this earlier late week night morning afternoon evening yesterday today month
    """.split()  # noqa: SIM905 (word lists read best as text)
)


# "“…,” it quoted him as saying", "the Post reports Trump as saying": the one quoted, not the one quoting
_QUOTED_OBJECT = re.compile(
    r"[\s,]*(?:it|they|the\s+\w+|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})"
    r"\s+(?:quoted|quotes|reports?|reported)\s+"
    r"(him|her|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s+as\s+saying\b"
)
_QUOTED_AS = re.compile(
    r"[\s,]*((?:he|she|they|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}))\s+(?:was|is|were|has been|had been)"
    r"\s+quoted\b[^.]{0,60}?\bas\s+saying\b"
)


_WHAT_CALLED = re.compile(
    r"\bwhat\s+(he|she|[Tt]he\s+[A-Za-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})"
    r"\s+(?:has\s+|have\s+|had\s+|once\s+|repeatedly\s+|often\s+|now\s+)?"
    r"(calls?|called|describes?|described|terms?|termed|dubs?|dubbed|labels?|label(?:l)?ed)\s+"
    r"(?:as\s+)?(?:(?:a|an|the|his|her|its|their|this|that)\s+)?(?:[\w’'-]+\s+){0,3}$"
)


_ISSUED = re.compile(
    r"((?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w.'’-]+)\s+(?:also\s+|later\s+|then\s+)?"
    r"(?:released|issued|sent|posted|published|put\s+out|tweeted)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:" + "|".join(sorted(ISSUED_DOCUMENTS)) + r")\s+(?:that|which)\s+"
    r"(?:\w+ly\s+)?(said|says|read|reads|stated|states)\s*:?\s*$"
)


def issued_document(text: str, mentions: list[Mention], start: int, open_at: int) -> Found | None:
    """ "Melendez released a statement that said: “…”": the words of the one who issued it, a name."""
    found = _ISSUED.search(text, start, open_at)
    if found is None or not any(
        (m.start, m.end) == found.span(1) and m.type != "place" for m in mentions
    ):
        return None
    return found.span(1), found.group(2)


def what_they_call(text: str, open_at: int) -> Found | None:
    """ "ushering in what he calls a “political revolution”", "what the White House calls the
    organization’s “mismanagement”": the words of the one who calls it so (not "they", read elsewhere)."""
    found = _WHAT_CALLED.search(text, max(0, open_at - 120), open_at)
    return None if found is None else (found.span(1), found.group(2))


def quoted_as(text: str, start: int, end: int) -> Found | None:
    """The one quoted in the clause right after a quotation ("“…,” she was quoted as saying")."""
    found = _QUOTED_AS.match(text, start, end) or _QUOTED_OBJECT.match(text, start, end)
    return None if found is None else (found.span(1), "quoted")


_TAIL = re.compile(r",\s+((?:he|she|they|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,5}))\s+([a-z]+)\b")
_TAIL_INVERTED = re.compile(
    r",\s+(said|says|added|adds|wrote|writes|noted|argued|explained)\s+"
    r"((?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w.'’-]+"
    r"(?:\s+[A-Z][\w.'’-]+){0,4})(?=\s*[,.]|\s+(?:on|in|at)\b)"
)
#: Words that may follow the reporting verb at a sentence's end: where or when it was said.
_SETTING_AFTER = frozenset(
    """
    on in at to during after before while when last this earlier later yesterday today recently
    monday tuesday wednesday thursday friday saturday sunday
    """.split()  # noqa: SIM905 (word lists read best as text)
)


def sentence_tail(doc: FieldDoc, close_at: int) -> Found | None:
    """ "Mr Blair has “the same passion” as when Labour won in 1997, he said.": a partial quotation whose
    sentence ends with its reporting clause, or with where or when it was said after it ("..., Mr. Kudlow
    said on “Fox News Sunday.”")."""
    text = doc.text
    end = first_sentence_end(text, close_at, min(len(text), close_at + MAX_ATTRIBUTION_CHARS))
    stretch = text[close_at : end + 1]
    ended = text[:close_at].rstrip("”\"’'")[-1:] in ".!?"  # a sentence of its own ended in it
    inverted = None if ended else _TAIL_INVERTED.search(stretch)
    if inverted and "\n\n" not in stretch and not set(stretch[: inverted.end()]) & set('“”"'):
        who = (close_at + inverted.start(2), close_at + inverted.end(2))
        return who, inverted.group(1)  # "“…” of the media, said David Yepsen, ..."
    match = _TAIL.search(stretch)
    if "\n\n" in stretch or match is None or any(m in stretch[: match.end()] for m in '“”"'):
        return None
    after = WORD.findall(stretch[match.end() :].lower())
    if match.group(2).lower() not in cues.REPORTING_VERBS or (
        after and after[0] not in _SETTING_AFTER
    ):
        return None
    return (close_at + match.start(1), close_at + match.end(1)), match.group(2)


_BY = re.compile(r"\s+by\s+(?:[Tt]he\s+)?")


def by_agent(doc: FieldDoc, mentions: list[Mention], close_at: int) -> tuple[int, int] | None:
    """The person or body named right after a quotation that a passive verb introduced, as its agent ("was
    dubbed “the most important media reporter in America” by The New Republic"): its span, else None."""
    found = _BY.match(doc.text, close_at)
    if found is None:
        return None
    named = [
        m
        for m in mentions
        if m.start == found.end()
        and m.type in {"person", "organisation", "unknown"}
        and doc.text[m.end : m.end + 2] not in {"'s", "’s"}
    ]
    return (named[0].start, named[0].end) if named else None


#: Relative pronouns: a "told" after one is a relative clause's, not what the quotation is.
_RELATIVES = frozenset({"who", "which", "that"})


def told_by(
    doc: FieldDoc, mentions: list[Mention], verb: int, quote_at: int | None = None
) -> tuple[tuple[int, int] | None, str] | None:
    """For a passive "told" or "asked" (:func:`told_passive`) after a quotation ("“…,” Fox News is told"),
    or before the quotation opening at ``quote_at`` in its own clause (:func:`_asks_it`), who said the
    words: the agent right after the verb, else no one named; and the verb, as the cue. None otherwise."""
    before = quote_at is not None
    if not told_passive(doc, verb, reduced=before) or (
        before and not _asks_it(doc, verb, quote_at)
    ):
        return None
    return by_agent(doc, mentions, doc.end_char(verb)), doc.words[verb]


def _asks_it(doc: FieldDoc, verb: int, quote_at: int) -> bool:
    """Is the quotation the words of the "told"/"asked" before it: no comma between ("asked by Karl to
    describe the “…”", not "asked by HuffPo about a run, but did denounce “…”") and no relative pronoun
    just before the verb ("students who were told there would be no fees “have been given the opposite”")?"""
    near = {w.lower() for w in doc.words[max(verb - 3, 0) : verb]}
    return "," not in doc.text[doc.end_char(verb) : quote_at] and not near & _RELATIVES


#: Reporting verbs whose object the cue keeps ("told POLITICO", "wrote on X").
_OBJECT_VERBS = frozenset("told tells tell telling asked asks wrote writes posted posts".split())  # noqa: SIM905


def cue_words(doc: FieldDoc, verb: int, limit: int) -> str:
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
