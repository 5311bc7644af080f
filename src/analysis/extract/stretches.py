"""Which quoted stretches make one quotation: a quotation that runs on into the next paragraph, phrases quoted
side by side, a quotation cut by its reporting clause, and one that goes on from the quotation before."""

from __future__ import annotations

import re

from analysis.extract import cues
from analysis.extract.entities import Mention
from analysis.extract.readings import Quotation
from analysis.extract.sentences import CAPTION, MAX_ATTRIBUTION_CHARS, first_sentence_end

__all__ = [
    "GOING_ON",
    "adjacent_partials",
    "continues",
    "inside_quote",
    "joined_partials",
    "names_between",
    "new_speaker",
    "same_paragraph",
    "split_clause",
]


#: Mentions that name a speaker: people, bodies, and names the rules have not typed yet ("Pompeo told").
_NAMED = frozenset({"person", "organisation", "unknown"})


def new_speaker(text: str, previous: Quotation, quote: Quotation | None) -> bool:
    """Does the paragraph a quotation runs on into name a speaker of its own, not the one the quotation
    opened with ("Wolff says ... “one recent talk with the president. ¶ “Statements ...,” Mike Pompeo
    told"): each names a person or body, and not the same? Only a clause right after its words' comma: not
    '... there?" LTA chief executive, John Crowther, added:', which opens the next quotation."""
    if quote is None or quote.who is None or previous.who is None:
        return False
    if text[quote.parts[-1][1] - 1 : quote.parts[-1][1]] != "," or quote.who[0] < quote.end:
        return False
    names = [
        {
            m.text.split()[-1]
            for m in quote.context
            if a <= m.start and m.end <= b and m.type in _NAMED
        }
        for a, b in (quote.who, previous.who)
    ]
    return bool(names[0] and names[1]) and not names[0] & names[1]


#: Cues that go on with the speaker before when nobody is named with them ("And continued: “…”").
GOING_ON = (["continued"], ["continues"], ["added"], ["adds"], ["adding"])


def adjacent_partials(text: str, previous: Quotation, quote: Quotation) -> bool:
    """Do two phrases quoted inside one sentence follow each other with only a space between?"""
    gap = text[previous.end : quote.start]
    return (
        previous.kind == quote.kind == "partial"
        and gap in {" ", ""}
        and (quote.who is None or previous.cue in cues.SPEECH_NOUNS)
    )


def joined_partials(text: str, previous: Quotation, quote: Quotation) -> bool:
    """Two phrases quoted joined by "and"/"or", the first with no source of its own: the second's
    ("the government “wasted time” and “botched the rollout,” he said")?"""
    gap = text[previous.end : quote.start].strip(" ,")
    return (
        previous.kind == quote.kind == "partial"
        and previous.who is None
        and not previous.cue
        and quote.who is not None
        and gap in {"and", "or"}
    )


def inside_quote(quote: Quotation, pos: int) -> bool:
    return any(a <= pos < b for a, b in quote.parts)


def names_between(text: str, mentions: list[Mention], previous: Quotation, end: int) -> bool:
    """Does a sentence of the reporter's between two quotations name someone ("… the start." Martyn
    Williams was keen … "We've got")? Then the second is not simply the first going on. The first's own
    reporting clause after it ("Mr. Obama said in a news conference with Recep Tayyip Erdogan.") does not
    count."""
    start = previous.end
    stop = first_sentence_end(text, start, end)
    clause = text[start:stop].strip()
    if (
        clause[:1] in {",", "—", "–"}
        or clause[:1].islower()
        or cues.REPORTING_VERBS & set(clause.lower().split())
    ):
        start = stop  # ', cried Tatiana Anatolivna.', 'Collins told Jake Tapper.'
    return any(start <= m.start < end and m.type == "person" for m in mentions)


def same_paragraph(text: str, a: int, b: int) -> bool:
    """Is ``b`` near ``a`` in its paragraph: at most one attribution apart, or two when only the first
    quotation's own reporting sentence stands between ("“…,” said Dan Danner, the head of ..., which
    spearheaded .... “…”")?"""
    gap = text[a:b].lstrip(" ”’\"'")
    own_clause = (gap[:1] in {",", "—", "–"} or gap[:1].islower()) and not text[
        first_sentence_end(text, a, b) : b
    ].strip(" .")
    limit = 2 * MAX_ATTRIBUTION_CHARS if own_clause else MAX_ATTRIBUTION_CHARS
    return "\n\n" not in text[a:b] and b - a <= limit


_CLAUSE_BETWEEN = re.compile(r"^\s*[^\s.!?“”\"][^.!?“”\"\n]{0,80},\s*$")


def split_clause(text: str, previous: Quotation, quote: Quotation) -> bool:
    """Is ``quote`` the rest of ``previous``, cut by its reporting clause ending in a comma ("“A,” said
    Sella, “which ...”")?"""
    gap = text[previous.end : quote.start]
    return (
        bool(previous.cue)
        and not quote.cue
        and text[previous.parts[-1][1] - 1 : previous.parts[-1][1]] in {",", "—", "–"}
        and bool(_CLAUSE_BETWEEN.match(gap))
    )


def continues(text: str, previous: Quotation, quote: Quotation) -> bool:
    """Could ``quote`` go on ``previous`` (near it, and no picture's or video's caption between)?"""
    near = quote.kind == "full" and quote.start - previous.end <= 2 * MAX_ATTRIBUTION_CHARS
    return near and not CAPTION.search(text, previous.end, quote.start)
