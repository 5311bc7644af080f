"""Names run into a headline's other capitalised words: a headline (the title, or a heading line of the
body in title case, such as the headline a page repeats above its text) writes every word with a capital, so a person's
name there runs on into the words after it ("Pope Francis Shines Light On Migrant Suffering").

Such a "name" the article's running text never writes, with a word after its first that the running text
writes in lower case, is no name: it is cut back to its longest opening words that the running text writes
("Francis"), or left out when it opens with none. Left as it was, it would take the article's later "Francis"
with it as its short form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract.gazetteer import first_names
from analysis.extract.role_words import WEAK_TITLES
from analysis.extract.variants import name_tokens

if TYPE_CHECKING:
    from analysis.extract.rules import Mention

__all__ = ["heading_runs", "running_text"]

#: A word in lower case in running text: after white space and before white space or punctuation (not a
#: piece of a web address or handle: "www.peterson.org", "@jpeterson").
LOWER_WORD = re.compile(r"(?<=\s)[a-z][a-z'-]*(?=[\s,;:!?)\"\u201d\u2019]|\.(?:\s|$))")
#: Short words a headline may leave in lower case ("Cruz Takes Delegates in Wyoming").
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def is_heading_line(line: str) -> bool:
    """Is a body line a headline: four or more words, each word but a short one capitalised, with no full
    stop at its end?"""
    line = line.strip()
    words = _WORD.findall(line)
    return (
        len(words) >= 4
        and not line.endswith((".", "?", "!", ":", '"', "\u201d"))
        and all(w[:1].isupper() or w.lower() in _SMALL for w in words)
    )


def running_text(body: str) -> str:
    """The body without its heading lines (:func:`is_heading_line`), each replaced by a blank line, so that
    offsets of the lines kept stay put."""
    if not body:
        return body
    lines = body.split("\n")
    return "\n".join(" " * len(line) if is_heading_line(line) else line for line in lines)


def _in_heading(m: Mention, body: str) -> bool:
    if m.field == "title":
        return True
    if m.field != "body":
        return False
    lo = body.rfind("\n", 0, m.start) + 1
    hi = body.find("\n", m.start)
    return is_heading_line(body[lo : hi if hi >= 0 else len(body)])


def heading_runs(group: list[Mention], body: str) -> None:
    """Cut or leave out the people of one article's headlines whose name runs into the headline's words
    (see the module's docstring); ``group`` is the article's mentions, with ``name`` filled."""
    if not body:
        return
    running = running_text(body)
    lower = set(LOWER_WORD.findall(running))
    named = _running_names(group, running, lower)
    for m in group:
        words = name_tokens(m.name)
        if (
            m.type != "person"
            or len(words) < 2
            or m.name in running
            or not any(w.lower() in lower for w in words[1:])
            or not _in_heading(m, body)
        ):
            continue
        _cut(m, words, named)


def _running_names(group: list[Mention], running: str, lower: set[str]) -> set[str]:
    """The names of people the running text writes: a person's name of two or more words and its surname,
    a titled one-word name ("Pope Francis"), and the last two or more words of a capitalised run left
    untyped from a first name the running text never writes in lower case on ("Franklin Graham" of
    "Evangelist Franklin Graham", a title the rules do not know; not "Free Speech"). A word a
    rule typed a person with nothing else for it ("Start" opening a sentence) is none."""
    named: set[str] = set()
    for m in group:
        if m.field != "body" or running[m.start] == " " or m.type not in {"person", "unknown"}:
            continue
        words = name_tokens(m.name)
        firsts = first_names()
        named.update(
            " ".join(words[i:])
            for i in range(len(words) - 1)
            if words[i].lower() in firsts and words[i].lower() not in lower
        )
        if m.type == "person" and (len(words) > 1 or _titled(m.role)):
            named.update((m.name, words[-1]))
    return named


def _titled(role: str) -> bool:
    """Does the role vouch for a one-word name ("Pope Francis"; not "Head Start")?"""
    return bool(role) and role.lower().split()[-1] not in WEAK_TITLES


def _cut(m: Mention, words: tuple[str, ...], named: set[str]) -> None:
    """The mention cut to its longest opening words that are a person the running text names (without the
    role read before it: a headline's capitals make any word look a title), else left out."""
    for size in range(len(words) - 1, 0, -1):
        opening = " ".join(words[:size])
        if m.text.startswith(opening) and opening in named:
            m.text, m.name, m.end, m.role = opening, opening, m.start + len(opening), ""
            return
    m.type = "unknown"
