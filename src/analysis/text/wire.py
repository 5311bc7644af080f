"""Wire copy and web markup: agency credits, bylines, HTML entities and tags, escaped line breaks.

Wire stories and RSS exports carry text that says who sent the story, not what it is about, and
markup left over from the web page or a broken export:

- agency credits and datelines: ``BAGHDAD (Reuters) - ``, ``WASHINGTON (AP) -- ``, ``AP - ``,
  ``Reuters - ``, ``(AFP)``;
- bylines: ``By Jane Doe, Associated Press Writer``, ``By JANE DOE``;
- HTML entities and escaped tags: ``&amp;``, ``&lt;b&gt;``, ``&#39;``, and the `` #39;`` / `` #36;``
  left when a broken export dropped the ``&`` of ``&#39;``;
- backslash line breaks (``first line.\\Second line``, a literal ``\\n``).

:func:`strip_markup` and :func:`strip_wire_credits` remove them; :func:`analysis.text.clean_text`
calls both before anything else, so the tokenizer, phrase detection and cluster labels never see them.
"""

from __future__ import annotations

import html
import re

__all__ = ["WIRE_AGENCIES", "strip_markup", "strip_wire_credits"]

#: Agency names recognised in credits (``(AP)``, ``Reuters - ``), as written in wire copy.
WIRE_AGENCIES: tuple[str, ...] = (
    "AP",
    "AFP",
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "Agence France Presse",
    "dpa",
    "UPI",
    "PA",
    "Bloomberg",
    "Xinhua",
    "CP",
    "Canadian Press",
    "SPACE.com",
    "Forbes.com",
    "Sports Network",
    "TechWeb",
    "Ziff Davis",
    "PC World",
    "Newsfactor",
    "NewsFactor",
)
_AGENCY = "|".join(re.escape(a) for a in sorted(WIRE_AGENCIES, key=len, reverse=True))
_DASH = r"(?:--?|[—–])"

# "(AP)", "(AFP)", "(Reuters)" anywhere; with what follows when it is "AP - " again (AG-News style
# "Title (AP) AP - Body"). The pattern starts with a literal "(" so that searching it is fast.
_PAREN_CREDIT = re.compile(rf"\((?:{_AGENCY})\)(?:[ \t]+(?:{_AGENCY})[ \t]+{_DASH}[ \t]+)?")
# "AP - ", "Reuters -- ", "AFP — " at the start of a line.
_LEADING_CREDIT = rf"[ \t]*(?:{_AGENCY})[ \t]+{_DASH}[ \t]+"
# "By Jane Doe, Associated Press Writer" / "By JANE DOE" / "By Jane Doe and John Roe" on its own line
# or before a dateline on the same line.
_BYLINE = (
    r"[ \t]*By[ \t]+[A-Z][A-Za-z.'\-]+(?:[ \t]+(?:and[ \t]+)?[A-Z][A-Za-z.'\-]+){0,5}"
    rf"(?:,[ \t]*(?:(?:{_AGENCY})[ \t]+)?(?:[A-Z][a-z]+[ \t]+){{0,2}}(?:Writer|Correspondent|Reporter|Editor))?"
    r"(?:[ \t]*\n|[ \t]+(?=[A-Z][A-Z'.\-]{2,}[ ,(]))"
)
# Each line-start form twice: anchored at the start of the text, and after a line break (a literal
# first character keeps the search fast on long texts).
_AT_START = re.compile(rf"\A(?:{_LEADING_CREDIT}|{_BYLINE})")
_AFTER_BREAK = re.compile(rf"\n(?:{_LEADING_CREDIT}|{_BYLINE})")
# " #39;" and " #36;": "&#39;" / "&#36;" whose "&" was turned into a space by a broken export.
_BROKEN_ENTITY = re.compile(r" ?#(\d{2,4});")
# An HTML tag: "<b>", "</p>", "<br/>", '<a href="...">' (a letter, "/" or "!" right after "<").
_TAG = re.compile(r"<[A-Za-z/!][^<>\n]{0,300}>")
# A backslash used as a line break: "end.\Next", a literal "\n" before a capital, space or the end.
_BACKSLASH = re.compile(r"\\[nr](?![a-z])|\\")


def _entity(match: re.Match[str]) -> str:
    code = int(match.group(1))
    if code < 32 or 127 <= code < 160 or code > 0x10FFFF:
        return match.group(0)
    return chr(code)


def strip_markup(text: str) -> str:
    """Decode HTML entities (also the broken `` #39;`` form), drop HTML tags and backslash line breaks.

    Args:
        text: text that may hold markup.

    Returns:
        The text with ``&amp;`` -> ``&``, ``&lt;b&gt;bold&lt;/b&gt;`` -> ``bold``, ``Bush #39;s`` ->
        ``Bush's``, `` #36;5`` -> ``$5``, tags removed and each backslash line break replaced by a space.

    Example:
        >>> strip_markup("Bush #39;s &lt;b&gt;plan&lt;/b&gt; costs  #36;5bn\\\\Analysts doubt it")
        "Bush's plan costs $5bn Analysts doubt it"
    """
    if "&" in text:
        text = html.unescape(text)
    if "#" in text:
        text = _BROKEN_ENTITY.sub(_entity, text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "\\" in text:
        text = _BACKSLASH.sub(" ", text)
    return text


def strip_wire_credits(text: str) -> str:
    """Remove agency credits (``(AP)``, ``Reuters - ``) and bylines (``By Jane Doe, AP Writer``).

    Datelines before a credit (``BAGHDAD (Reuters) - ``) are removed by :func:`analysis.text.clean_text`
    together with the other datelines; this function removes the credit forms that have no dateline.

    Args:
        text: one article's text.

    Returns:
        The text without the credits, case preserved.

    Example:
        >>> strip_wire_credits("Oil rises (Reuters) Reuters - Oil prices rose on Monday.")
        'Oil rises Oil prices rose on Monday.'
    """
    if "(" in text:
        text = _PAREN_CREDIT.sub(" ", text)
    text = _AT_START.sub("", text, count=1)
    if "\n" in text:
        text = _AFTER_BREAK.sub("\n", text)
    return text
