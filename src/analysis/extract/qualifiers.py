"""Names that qualify a noun ("the Clinton campaign", "two Trump construction projects", "a Clinton aide")
rather than name someone spoken of."""

from __future__ import annotations

import re

from analysis.extract.entities import Mention

__all__ = ["modifier"]


#: Words before a name used as a modifier ("the Clinton campaign", "two Trump construction projects").
_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those"}
    | {"two", "three", "four", "five", "several"}
)


def modifier(text: str, m: Mention) -> bool:
    """Is the name a modifier of the noun after it, not a person spoken of ("the Clinton campaign said",
    "on two Trump construction projects")?"""
    before = text[max(0, m.start - 20) : m.start].split()
    after = [re.sub(r"['’]s$", "", w) for w in text[m.end : m.end + 30].split()[:1]]
    # "the Obama administration's director": the noun is owned, the name still qualifies it
    if after and after[0].rstrip("'’,.;:").lower() in _OWNED_NOUNS:
        return True  # "backed up Trump officials' accusations", "a Clinton aide"
    return (
        bool(before and after)
        and before[-1].lower() in _DETERMINERS
        and after[0].isalpha()
        and after[0].islower()
    )


#: Nouns a name before them qualifies ("Trump officials", "the Obama administration", "Sanders
#: supporters"): the name is then no person spoken of.
_OWNED_NOUNS = frozenset(
    """
    administration administrations campaign campaigns official officials aide aides supporter supporters
    ally allies voter voters team era presidency organization organisation foundation family camp
    associates adviser advisers advisor advisors loyalist loyalists critic critics staff staffers
    spokesman spokeswoman spokesperson backers donors tower hotel
    """.split()  # noqa: SIM905 (word lists read best as text)
)
