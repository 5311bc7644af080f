"""Names run into a headline's other capitalised words: a headline (the title, or a title-case line of the
body, such as the headline a page repeats above its text) writes every word with a capital, so a person's
name there runs on into the words after it ("Pope Francis Shines Light On Migrant Suffering").

Such a "name" the article's running text never writes, with a word after its first that the running text
writes in lower case, is no name: it is cut back to its longest opening words that are a person the running
text names ("Francis"), or left out when it opens with none. Left as it was, it would take the article's
later "Francis" with it as its short form.
"""

# ruff: noqa: SIM905 (a word list reads best as text)
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract.gazetteer import first_names
from analysis.extract.role_words import WEAK_TITLES
from analysis.extract.variants import name_tokens

if TYPE_CHECKING:
    from analysis.extract.rules import Mention

__all__ = ["LOWER_WORD", "heading_runs", "is_heading_line", "running_text"]

#: A word in lower case in running text: after white space and before white space or punctuation (not a
#: piece of a web address or handle: "www.peterson.org", "@jpeterson").
LOWER_WORD = re.compile(r"(?<=\s)[a-z][a-z'-]*(?=[\s,;:!?)\"\u201d\u2019]|\.(?:\s|$))")
#: Short words a headline may leave in lower case ("Cruz Takes Delegates in Wyoming").
_SMALL = frozenset(
    "a an and as at but by for from in into nor of on or the to up via vs with".split()
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
    """The body with its heading lines (:func:`is_heading_line`) blanked out by spaces, so that the offsets
    of the lines kept stay put and a mention in a heading line starts on a space."""
    if not body:
        return body
    lines = body.split("\n")
    return "\n".join(" " * len(line) if is_heading_line(line) else line for line in lines)


def _in_heading(m: Mention, running: str) -> bool:
    """Is the mention in a headline: the title, or a heading line blanked out of the running text?"""
    return m.field == "title" or (m.field == "body" and running[m.start] == " ")


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
            or not _in_heading(m, running)
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
    firsts = first_names()
    for m in group:
        if m.field != "body" or _in_heading(m, running) or m.type not in {"person", "unknown"}:
            continue
        words = name_tokens(m.name)
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
