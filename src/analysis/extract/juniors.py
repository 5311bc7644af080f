"""Names with a generational suffix ("Donald Trump Jr.", "Eric H. Holder Jr.") and the surname written alone:
whether "Holder" is the suffixed name, or whether the article (or the corpus's titles) leaves the surname to
someone else, such as the namesake father the suffix implies ("President Donald Trump")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract.variants import TitleBearers, is_generational
from analysis.extract.variants import name_tokens as _tokens

if TYPE_CHECKING:
    from analysis.extract.rules import Mention

__all__ = ["claimed_surnames", "family_name", "implied_fathers"]


def family_name(name: str, claimed: set[str]) -> str:
    """The surname a name's surname alone stands for: its last word, or for "Martin Luther King Jr." the
    word before the suffix when no one else claims it (:func:`claimed_surnames`)."""
    words = _tokens(name)
    junior = len(words) >= 3 and is_generational(words[-1]) and words[-2] not in claimed
    return words[-2] if junior else words[-1]


#: Words that bring a namesake father into an article ("his father", "the elder Bush", "Sr.").
_FAMILY_WORDS = re.compile(r"\b(?:father|dad|elder|eldest|namesake|Sr\.)\b")


def claimed_surnames(group: list[Mention], body: str, titled: TitleBearers) -> set[str]:
    """Surnames a suffixed name ("Donald Trump Jr.") leaves to others: the surname of anyone named without a
    suffix, of a surname written alone with a title ("President Trump") or with the suffix alone ("Trump
    Jr.", apart from "Trump"), of a namesake the corpus writes with a title the suffixed name never has
    ("President Donald Trump"), and every surname when the article speaks of a father (then "Trump" alone
    may be either)."""
    if _FAMILY_WORDS.search(body):
        return {w for m in group for w in _tokens(m.name)}
    claimed = {m.name for m in group if m.role and len(_tokens(m.name)) == 1}
    for m in group:
        words, written = _tokens(m.name), _tokens(m.text)
        if len(written) == 2 and is_generational(written[-1]):  # "Trump Jr." apart from "Trump"
            claimed.add(written[0])
        if m.type == "person" and len(words) >= 2 and not is_generational(words[-1]):
            claimed.add(words[-1])
        elif m.type == "person" and len(words) >= 3 and _titled_namesake(words, titled):
            claimed.add(words[-2])
    return claimed


def implied_fathers(named: list[str], claimed: set[str]) -> list[str]:
    """The namesakes a suffixed name implies ("Donald Trump" for "Donald Trump Jr."), when its surname alone is
    not its own and another person of the article bears that surname: one more person "Trump" may be."""
    out = []
    for name in named:
        words = _tokens(name)
        father = " ".join(words[:-1])
        if (
            len(words) >= 3
            and family_name(name, claimed) == words[-1]
            and is_generational(words[-1])
        ):
            others = [n for n in named if n not in {name, father} and _tokens(n)[-1] == words[-2]]
            out += [father] if others and father not in named else []
    return out


def _titled_namesake(words: tuple[str, ...], titled: TitleBearers) -> bool:
    """Does the corpus write someone of this suffixed name's first name and surname, without the suffix,
    with a title this suffixed name never carries ("President Donald Trump"; not "Attorney General Eric
    Holder" when "Attorney General Eric H. Holder Jr." is written too)?"""
    own = {title for title, names in titled.get(words[-1], {}).items() if " ".join(words) in names}
    return any(
        title not in own and any(_tokens(n)[0] == words[0] for n in names)
        for title, names in titled.get(words[-2], {}).items()
    )
