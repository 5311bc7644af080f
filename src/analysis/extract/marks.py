"""Where the quotations are: pair the quotation marks of a body into quoted stretches.

Marks are paired as a reader pairs them, including in the copy real exports carry: curly or straight double
marks, wire-style ````…''`` pairs, British single marks, a quotation that runs over paragraphs (each opening a
new paragraph with a quotation mark), a mark run into the sentence before it (``streets."I urge``). Two slips
of copy editing are read as what the writer meant instead of turning the text around them inside out:

- a closing mark that was left out before the reporting clause (``“The data show us opportunities,
  Secretary King said in a statement. “For example …”``): the quotation ends at the comma before the clause;
- a closing mark typed after a space (``"… in terms of politics, "Della Volpe said. "It hasn't …"``): a mark
  followed by nothing but a reporting clause closes the quotation.

Positions are character offsets into the body; a stretch is ``(open, close, runs_on)``, ``close`` one past
the closing mark (or past the comma where a closing mark was left out), ``runs_on`` when the quotation goes
on in the next paragraph.
"""

from __future__ import annotations

import bisect
import functools
import re

from analysis.extract import cues

__all__ = ["double_stretches", "in_double_marks", "inner_span", "single_stretches"]

_OPENERS = " \n\t\xa0([{—–-/"
_MARKS = re.compile(r"``|''|[“”\"]")
_CLOSING = frozenset({"”", '"', "''"})


@functools.cache
def _clauses() -> tuple[re.Pattern, re.Pattern]:
    """(a reporting clause that ends a stretch, one that fills the text between two marks)."""
    verbs = "|".join(sorted({v.rstrip(":") for v in cues.REPORTING_VERBS}, key=len, reverse=True))
    name = r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*"
    subject = rf"(?:{name}|he|she|they|we|I|(?:the|an?)\s+[a-z]+(?:\s+[a-z]+)?)"
    clause = rf"(?:{subject}\s+(?:{verbs})|(?:{verbs})\s+{subject})\b"
    ends = re.compile(rf"[,?!]\s+{clause}[^“”\"\n]{{0,150}}?[.,:]\s*$")
    fills = re.compile(rf"^\s*{clause}[^“”\"\n]{{0,150}}?[.,:]\s*$")
    return ends, fills


def double_stretches(text: str) -> list[tuple[int, int, bool]]:
    """The double-quoted stretches of ``text``, in order."""
    found: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    marks = list(_MARKS.finditer(text))
    for i, match in enumerate(marks):
        pos, mark = match.start(), match.group()
        if open_at is None:
            if _opening(text, pos, mark):
                open_at = pos
            continue
        if _slip_possible(text, open_at, pos, mark):
            following = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            cut = _lost_close(text, open_at, pos) if mark in {"“", "``", '"'} else None
            if cut is not None:  # "…, Secretary King said. “For": the first one ends at the comma
                found.append((open_at, cut, False))
                open_at = pos
                continue
            if mark != "``" and _closes_before_clause(text, pos, following):
                found.append((open_at, pos + 1, False))  # '… politics, "Della Volpe said.'
                open_at = None
                continue
        if mark == "``" or mark == "“" or (mark == '"' and _opens(text, pos)):
            brk = text.rfind("\n\n", open_at, pos)  # a new paragraph or sentence opens: it runs on
            first = text.find("\n\n", open_at, pos)
            runs_on = (
                first < 0 or not text[first:pos].strip()
            )  # not past a paragraph of other words
            found.append(
                (open_at, (first if not runs_on else brk) if brk > open_at else pos, runs_on)
            )
            open_at = pos
        elif mark in _CLOSING:
            found.append((open_at, pos + len(mark), False))
            open_at = None
    if open_at is not None:
        brk = text.find("\n\n", open_at)
        found.append((open_at, brk if brk > 0 else len(text), False))
    return found


#: A stretch in quotation marks of at most this many words can be a title or a nickname.
TITLE_WORDS = 5


def in_double_marks(text: str, pos: int) -> bool:
    """Is character ``pos`` inside double quotation marks of a few words (:data:`TITLE_WORDS`): a nickname or
    a title the quotation rules do not read as a quotation (``as “the Ronald and the Donald,”``, ``“Ready for
    Hillary”``), not a question put to someone (``“Is President Donald Trump a racist?”``)."""
    opens, closes = _stretch_bounds(text)
    k = bisect.bisect_right(opens, pos) - 1
    return k >= 0 and pos < closes[k] and len(text[opens[k] : closes[k]].split()) <= TITLE_WORDS


@functools.lru_cache(maxsize=16)
def _stretch_bounds(text: str) -> tuple[list[int], list[int]]:
    stretches = double_stretches(text)
    return [a for a, _, _ in stretches], [b for _, b, _ in stretches]


def inner_span(text: str, open_at: int, close_at: int) -> tuple[int, int]:
    """The quoted words of a stretch, its quotation marks left out."""
    start = open_at + (2 if text.startswith("``", open_at) else 1)
    if text[close_at - 2 : close_at] == "''":
        return start, close_at - 2
    end = close_at - 1 if text[close_at - 1 : close_at] in "”\"’'" else close_at
    while (
        end > start and text[end - 1] in " \u00a0\u2009\u202f" and text[end - 2 : end - 1] in "’'"
    ):
        end -= (
            1  # "get in line,’ ”": the space between nested closing marks is no part of the words
        )
    return start, end


def _opening(text: str, pos: int, mark: str) -> bool:
    """Does a mark open a quotation when none is open?"""
    if mark in {"“", "``"}:
        return True
    return mark == '"' and (pos == 0 or text[pos - 1] in _OPENERS or _run_in(text, pos))


def _slip_possible(text: str, open_at: int, pos: int, mark: str) -> bool:
    """A mark within the open quotation's paragraph that either opens again or stands after a space: the
    places where a closing mark may have been left out or typed after a space."""
    return (
        mark != "''"
        and "\n\n" not in text[open_at:pos]
        and (mark in {"“", "``"} or text[pos - 1 : pos] == " ")
    )


def _lost_close(text: str, open_at: int, pos: int) -> int | None:
    """Where the open quotation ends when its closing mark was left out before a reporting clause: one past
    the comma before the clause, else None."""
    found = _clauses()[0].search(text, open_at + 1, pos)
    return found.start() + 1 if found else None


def _closes_before_clause(text: str, pos: int, following: int) -> bool:
    """Is the mark at ``pos`` followed by nothing but a reporting clause up to the next mark?"""
    return bool(_clauses()[1].match(text[pos + 1 : following]))


def _run_in(text: str, pos: int) -> bool:
    """A straight mark run into the sentence before it (``streets."I urge``, paragraphs lost in copying)."""
    return pos > 0 and text[pos - 1] in ".!?:" and text[pos + 1 : pos + 2].isupper()


def _opens(text: str, pos: int) -> bool:
    """Does the straight mark at ``pos`` open a quotation although one is open (BBC style: ``"A. "B,"
    she said``, or a new paragraph)?"""
    if text[pos - 2 : pos] == "\n\n":
        return True
    return (
        pos > 1
        and text[pos - 1] == " "
        and text[pos - 2] in ".!?,:;"
        and text[pos + 1 : pos + 2].isalnum()
        and text[pos + 1 : pos + 2].isupper()
    )


_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))([‘'])(?=[A-Za-z0-9])")
_SINGLE_CLOSE = {
    "‘": re.compile(r"(?<=[^\s])’(?![A-Za-z])"),
    "'": re.compile(r"(?<=[^\s])'(?![A-Za-z])"),
}


def single_stretches(text: str, taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """British single quotation marks (‘…’ or '…') outside double-quoted stretches, within a paragraph."""
    found: list[tuple[int, int, bool]] = []
    for match in _SINGLE.finditer(text):
        pos = match.start(1)
        if any(a <= pos < b for a, b, _ in taken) or (found and pos < found[-1][1]):
            continue
        end = text.find("\n\n", pos)
        close = _SINGLE_CLOSE[match.group(1)].search(text, pos + 1, end if end > 0 else len(text))
        if close is None:
            continue
        inner = text[pos + 1 : close.start()]
        if len(inner.split()) >= 2 and not any(a <= close.start() < b for a, b, _ in taken):
            found.append((pos, close.end(), False))
    return found
