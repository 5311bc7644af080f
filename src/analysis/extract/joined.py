"""A name that opens a clause of its own right before the reporting verb: after "and"/"but" ("... and Benitez
said:") or "that" ("reports that Obama told associates"), the clause's own subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.chunks import maybe_person
from analysis.extract.qualifiers import modifier

if TYPE_CHECKING:
    from analysis.extract.entities import Mention
    from analysis.extract.pipeline import FieldDoc

__all__ = ["joined_name", "said_after", "two_named"]


def said_after(text: str, m: Mention) -> bool:
    """Is the name followed by a reporting verb in the past ("reports that Obama told", "that Parnas had
    claimed", "that DeMint once told"): its subject, not a modifier after "that" ("that Trump tweet")?"""
    after = text[m.end : m.end + 40].split()[:3]
    while after[:-1] and after[0].lower() in _BEFORE_PAST:
        after = after[1:]
    return bool(after) and _past_reporting(after[0])


#: Words between a subject and its verb in the past ("had claimed", "once told", "later said").
_BEFORE_PAST = frozenset(
    [
        "had",
        "has",
        "have",
        "once",
        "also",
        "later",
        "then",
        "reportedly",
        "allegedly",
        "previously",
        "repeatedly",
        "publicly",
        "privately",
        "recently",
        "first",
    ]
)


def _past_reporting(word: str) -> bool:
    """A reporting verb in the past ("told", "warned"), which no name modifies as a noun ("Trump tweets")."""
    return word in cues.REPORTING_VERBS and (
        word.endswith("ed") or word in {"said", "told", "wrote"}
    )


def joined_name(doc: FieldDoc, mentions: list[Mention], verb: int) -> tuple[int, int] | None:
    """A name right before the reporting verb that opens a clause of its own after "and"/"but" ("The
    Reds beat Olympiakos with a late Steven Gerrard strike and Benitez said:") or "that" ("responded to
    reports that Obama told associates ... “…”": Obama, the clause's own subject)."""
    ends = doc.end_char(verb - 1) if verb else -1
    for m in mentions:
        words = doc.text[max(0, m.start - 40) : m.start].split()[-1:]
        if not words or not ends - 40 < m.end <= ends:
            continue
        if (
            words[0].lower() in {"and", "but"}
            and m.end == ends
            and maybe_person(m, doc)
            and not modifier(doc.text, m)
            and not _name_goes_on(doc.text, mentions, m)
        ):
            return m.start, m.end
        between = doc.text[m.end : doc.idx[verb]].split()
        if words[0] == "that" and maybe_person(m) and said_after(doc.text, m) and len(between) <= 2:
            return m.start, m.end  # not "that Trump tweet", "that Clinton claims"
    return None


def _name_goes_on(text: str, mentions: list[Mention], m: Mention) -> bool:
    """Is the name after "and" the rest of an organisation's ("James Lewis of the Center for Strategic and
    International Studies said": not a clause of "International Studies")?"""
    return any(
        o.type == "organisation" and text[o.end : m.start] in {" and ", " & "} for o in mentions
    )


def two_named(doc: FieldDoc, mentions: list[Mention], chunks: list[list[int]]) -> bool:
    """Do the chunks after an inverted reporting verb name two ("writes Anita Dunn, a former ... director,
    and Kate Bedingfield, ..."): a first chunk ending in a name and one of the next three opening with a
    capitalised person's name after ", and"? Not "said Mr. Pence in an appearance with ..., Tom Price, and
    House Speaker Paul D. Ryan", nor "..., and an acquaintance of Mr. Akin's"."""
    if not chunks or not any(
        m.end == doc.end_char(chunks[0][-1]) and m.type != "place" for m in mentions
    ):
        return False
    for chunk in chunks[1:4]:
        a, b = doc.idx[chunk[0]], doc.end_char(chunk[-1])
        opens = doc.text[:a].endswith(", and ") and doc.words[chunk[0]][:1].isupper()
        if opens and any(a <= m.start and m.end <= b and m.type == "person" for m in mentions):
            return True
    return False
