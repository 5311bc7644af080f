"""Clauses about a speaker inside a reporting clause: relative clauses and appositions set off by commas.

A relative clause closed by a comma before the reporting verb ("A State Department official, who has seen
the assessment of the murder of Jamal Khashoggi, has said") is about the subject and names no speaker; one
that runs into the verb ("…, which he described as") holds the verb and its own subject. A reporting verb
inside a closed relative clause ("the incident, which Mr. Biden had said he did not recall, as “…”") is not
the quotation's. A name followed by an apposition closed by a comma right before the verb
("Representative Mike Rogers, the Michigan Republican who is chairman of the House Intelligence Committee,
said") is the verb's subject whatever relative clause the apposition holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.extract import cues

if TYPE_CHECKING:
    from analysis.extract.pipeline import FieldDoc

__all__ = ["RELATIVE", "apposition_head", "closed_relative", "nearest_not_relative"]

#: Words opening a relative clause.
RELATIVE = frozenset({"who", "which", "whose", "whom", "that", "where", "when"})


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
