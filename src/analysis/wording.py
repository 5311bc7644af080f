"""Words for readers: counts with the right plural and lists written as a sentence, in one place.

Every count a person reads (the report, the explorers, the command line) goes through :func:`plural`, so
"1 article" and "2 articles" are never written "1 articles" or "article(s)"; :func:`join_words` writes
"Business, Politics and Technology". Both are Jinja2 filters of the report and explorer templates too.

    plural(1, "article")              # '1 article'
    plural(12_500, "article")         # '12,500 articles'
    plural(2, "story", "stories")     # '2 stories'
    plural(3, "tag page", number=False)   # 'tag pages'
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["join_words", "plural"]

#: Nouns whose plural is not the noun + "s" (the last word is matched: "tag page" -> "tag pages").
_IRREGULAR = {
    "was": "were",
    "is": "are",
    "has": "have",
    "match": "matches",
    "quote": "quotes",
    "story": "stories",
    "entity": "entities",
    "person": "people",
    "this": "these",
    "it": "they",
}


def _plural_form(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    lower = last.lower()
    if lower in _IRREGULAR:
        form = _IRREGULAR[lower]
    elif lower.endswith(("s", "x", "ch", "sh")):
        form = last + "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        form = last[:-1] + "ies"
    else:
        form = last + "s"
    if last.isupper() and len(last) > 1:
        form = form.upper()
    elif last[:1].isupper():
        form = form[:1].upper() + form[1:]
    return f"{head} {form}" if head else form


def plural(n: float, noun: str, plural_form: str | None = None, *, number: bool = True) -> str:
    """``n`` and ``noun`` in the right number: "1 article", "0 articles", "2,000 articles".

    Args:
        n: the count (written with thousands separators; a float that is a whole number as an integer).
        noun: the singular noun or noun phrase ("article", "tag page").
        plural_form: the plural when it is not regular (default: the last word + "s", "es" or "ies").
        number: False writes only the noun in the right number ("articles").

    Returns:
        The phrase.
    """
    count = int(n) if float(n).is_integer() else n
    word = noun if count == 1 else (plural_form or _plural_form(noun))
    if not number:
        return word
    shown = f"{count:,}" if isinstance(count, int) else f"{count:,.1f}"
    return f"{shown} {word}"


def join_words(items: Sequence[str], *, conjunction: str = "and") -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``; one item as it is; nothing -> ``""``."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
