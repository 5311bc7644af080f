"""Sources named around a quoted excerpt rather than in a reporting clause: a heading line ending in a colon
("The New York Times (Peter Baker):", "The Los Angeles Times: “…”") or a signature line under it ("“…”
AP News", "Editorial Board, Wall Street Journal"), as opinion round-ups and wire digests print them.

A line counts only when it holds nothing but the name of one person or body and a few words that describe a
byline ("the", "editorial board"); a person named in it (the columnist) wins over the newspaper. Anything
else names nobody, so the excerpt stays "speaker unclear". A video's caption naming a speaker ("Media caption
Theresa May:") counts the same way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract.sentences import CAPTION

if TYPE_CHECKING:
    from analysis.extract.entities import Mention
    from analysis.extract.pipeline import FieldDoc

__all__ = ["caption_source", "heading_source", "signature_source"]

#: Words a byline may hold besides the name.
_BYLINE_WORDS = frozenset(
    ["the", "editorial", "board", "editors", "editor", "of", "by", "columnist", "opinion", "and"]
)
_MAX_LINE_WORDS = 10
_WORD = re.compile(r"[\w'’.-]+")
_MARKS = "“\"‘'"


def _source_in(
    doc: FieldDoc, mentions: list[Mention], start: int, end: int, *, untyped: str = ""
) -> tuple[int, int] | None:
    """The span of the one person (else the one body) that the line ``start:end`` consists of. A name no
    rule has typed yet counts too with ``untyped="any"`` (a caption: "Media caption Barnier:", "Media
    caption Jacinda Ardern:"), or with ``untyped="surname"`` when it is one word not in capitals (a
    transcript's "Trump:", not "ANALYSIS/OPINION:" or "Minority View:")."""
    inside = [
        m
        for m in mentions
        if m.field == doc.field
        and start <= m.start
        and m.end <= end
        and _named(m, untyped)
        and not set(_WORD.findall(m.text.lower())) <= _BYLINE_WORDS  # "Editorial Board"
    ]
    if not inside:
        return None
    person = next((m for m in inside if m.type == "person"), None)
    comma = doc.text.find(",", person.end, end) if person else -1
    signed = _signed(doc.text[start:end])
    if signed:  # past the dash ("-" is a word's character)
        line = doc.text[start:end]
        start += len(line) - len(line.lstrip(" ”\"’'")) + 1
    leads = person is not None and not doc.text[start : person.start].strip(" ”\"’'")
    if (signed or leads) and comma > 0 and len(_WORD.findall(doc.text[comma:end])) <= 4:
        end = comma  # "— Bruno Jeanbart, OpinionWay", "Kevin Drum, Mother Jones": a person, then where
        inside = [m for m in inside if m.end <= end]  # they work
    if signed and person is not None and _title_words(doc.text[start : person.start]):
        start = person.start  # "— U.S. Rep. John Ratcliffe": the title written before the name
        inside = [m for m in inside if m.start >= start]
    rest = doc.text[start:end]
    for m in sorted(inside, key=lambda m: -m.start):
        rest = rest[: m.start - start] + " " + rest[m.end - start :]
    words = _WORD.findall(rest.lower())
    if any(w not in _BYLINE_WORDS for w in words) or len(_WORD.findall(doc.text[start:end])) > (
        _MAX_LINE_WORDS
    ):
        return None
    people = [m for m in inside if m.type == "person"]
    pick = people if people else inside
    if len({m.text for m in pick}) != 1:
        return None
    return pick[0].start, pick[0].end


#: The stops of initials and short titles inside a name ("E.J. Dionne Jr.", "Rep. David Cicilline").
_INITIALS_STOPS = re.compile(r"\b(?:[A-Z]|Jr|Sr|Dr|Mr|Ms|Mrs|Rep|Sen|Gov)\.")


def _signed(line: str) -> bool:
    """Does the line (what follows a quotation's closing mark) open with a dash: a signature?"""
    return line.lstrip(" ”\"’'").startswith(("—", "–", "-"))


def _title_words(lead: str) -> bool:
    """Is the text between a signature's dash and its name a title ("U.S. Rep.", "Former FEC Associate
    General Counsel", "Secretary of State"): capitalised words and "of"/"the"/"for", at most six?"""
    words = _WORD.findall(lead)
    return len(words) <= 6 and all(w[:1].isupper() or w in {"of", "the", "for"} for w in words)


def _named(m: Mention, untyped: str) -> bool:
    if m.type in {"person", "organisation"}:
        return True
    if m.type != "unknown" or not untyped:
        return False
    return untyped == "any" or (" " not in m.text.strip() and not m.text.isupper())


def heading_source(doc: FieldDoc, mentions: list[Mention], open_at: int) -> tuple[int, int] | None:
    """``The Los Angeles Times: “…”`` or a line ``The New York Times (Peter Baker):`` right above the
    paragraph the quotation opens."""
    text = doc.text
    line_start = text.rfind("\n", 0, open_at) + 1
    before = text[line_start:open_at]
    if not before.strip():  # the quotation opens its paragraph: the line above
        above = text[:line_start].rstrip()
        if not above.endswith(":"):
            return None
        start = above.rfind("\n") + 1
        return _source_in(doc, mentions, start, len(above) - 1, untyped="surname")
    return _label_source(doc, mentions, line_start, open_at, untyped="surname")


def caption_source(doc: FieldDoc, mentions: list[Mention], open_at: int) -> tuple[int, int] | None:
    """``Media playback is unsupported on your device Media caption Theresa May: “…”``: a video's or
    picture's caption naming who speaks in it (BBC pages as crawled)."""
    text = doc.text
    captions = list(CAPTION.finditer(text, text.rfind("\n", 0, open_at) + 1, open_at))
    if not captions:
        return None
    return _label_source(doc, mentions, captions[-1].end(), open_at, untyped="any")


def _label_source(
    doc: FieldDoc, mentions: list[Mention], start: int, open_at: int, *, untyped: str
) -> tuple[int, int] | None:
    """The source named by a label ``start:open_at`` that ends in a colon and holds no sentence ("Trump:",
    "Media caption Theresa May:")."""
    label = doc.text[start:open_at]
    if not label.rstrip().endswith(":") or any(c in label for c in _MARKS + ".!?"):
        return None
    return _source_in(doc, mentions, start, start + len(label.rstrip()) - 1, untyped=untyped)


def signature_source(doc: FieldDoc, mentions: list[Mention], end: int) -> tuple[int, int] | None:
    """``“…” AP News`` (the rest of the quotation's paragraph) or ``Editorial Board, Wall Street Journal``
    (the first paragraph under it that is not another quotation, the excerpts between unattributed); never a
    photo credit ("Tami Chappell/Reuters")."""
    text = doc.text
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    rest = text[end:stop]
    if rest.strip():
        signed = _signed(rest)  # "“…” — U.S. Rep. John Ratcliffe, R-Texas", "“…” - Theresa May"
        probe = (
            rest if signed else _INITIALS_STOPS.sub("", rest)
        )  # "E.J. Dionne Jr., Washington Post"
        if any(c in probe for c in _MARKS + ("!?:/" if signed else ".!?:/")):  # nor a photo credit:
            return None  # "AP Photo/Evan Vucci"
        return _source_in(doc, mentions, end, stop)
    pos = stop
    for _ in range(4):
        while pos < len(text) and text[pos] in " \n\t":
            pos += 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end].strip()
        if not line:
            return None
        if line[0] not in _MARKS:
            probe = _INITIALS_STOPS.sub("", line)  # "David A. Graham, The Atlantic"
            if any(
                c in probe for c in _MARKS + ".!?:;/"
            ):  # "Tami Chappell/Reuters": a photo credit
                return None
            return _source_in(doc, mentions, pos, pos + len(line))
        if line[-1] not in "”\"’'…":
            return None  # "“A,” she said.": that paragraph names its own speaker
        pos = line_end
    return None
