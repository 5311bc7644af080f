"""Written forms of one name: an acronym beside its long form ("Ministry of Defence (MoD)") in an article,
and a person's name across a corpus ("Donald J. Trump" and "Donald Trump", "António Costa" and "Antonio
Costa" name one person each, under the form written most)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.extract.rules import Mention

__all__ = [
    "TitleBearers",
    "acronyms_in_article",
    "is_acronym",
    "is_generational",
    "is_name_suffix",
    "junior_comma",
    "name_key",
    "name_tokens",
    "same_person_forms",
    "title_bearers",
    "title_carriers",
]

#: Surname -> title -> the full names written with that title in the corpus, and how often.
TitleBearers = dict[str, dict[str, Counter]]


def same_person_forms(mentions: list[Mention]) -> None:
    """One name for each person written with and without middle initials, or with and without accents."""
    _middle_names(mentions)
    _fold_accents(mentions)


@functools.lru_cache(maxsize=1 << 16)
def name_tokens(name: str) -> tuple[str, ...]:
    """A name's words, a hyphen standing apart ("Alexandria Ocasio - Cortez")."""
    return tuple(name.replace("-", " - ").split())


def name_key(name: str) -> str:
    """A name as its words in lower case, the way a longer name's tails are keyed ("ocasio - cortez")."""
    return " ".join(name_tokens(name)).lower()


#: Last words that set a person apart from a namesake ("Donald Trump Jr."), never a plain surname; the
#: generational ones follow a surname ("Trump Jr."), the numerals may follow a first name ("Charles III").
_GENERATIONAL = frozenset({"jr", "jr.", "sr", "sr."})
_NAME_SUFFIXES = _GENERATIONAL | frozenset({"ii", "iii", "iv"})


def is_generational(word: str) -> bool:
    """Is the word "Jr." or "Sr." (with or without its full stop)?"""
    return word.lower() in _GENERATIONAL


def junior_comma(words: list[str] | tuple[str, ...], k: int) -> bool:
    """Is ``words[k]`` the comma of a generational suffix written after a name ("Donald Trump, Jr.")?"""
    return 0 <= k < len(words) - 1 and words[k] == "," and is_generational(words[k + 1])


def is_name_suffix(word: str) -> bool:
    """Is the word a generational suffix ("Jr.", "III") that sets a person apart from a namesake?"""
    return word.lower() in _NAME_SUFFIXES


_MIDDLE_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,3}$")


def _middle_names(mentions: list[Mention]) -> None:
    """A person written with and without middle initials ("Donald J. Trump", "James B. Comey") takes the
    form written most, when the corpus writes that first name and surname with one set of initials only
    ("George W. Bush" beside "George H.W. Bush" stays apart from both). A middle name may set a person
    apart ("John Quincy Adams") and is kept."""
    written = Counter(m.name for m in mentions if m.type == "person")
    variants: dict[str, set[str]] = defaultdict(set)
    for name in written:
        parts = name_tokens(name)
        if (
            len(parts) >= 3
            and all(_MIDDLE_INITIALS.match(p) for p in parts[1:-1])
            and parts[-1].lower() not in _NAME_SUFFIXES
        ):
            variants[f"{parts[0]} {parts[-1]}"].add(name)
    chosen = {}
    for short, longer in variants.items():
        if short in written and len(longer) == 1:
            (long,) = longer
            chosen[short] = chosen[long] = max((short, long), key=lambda n: (written[n], n))
    for m in mentions:
        if m.type == "person" and m.name in chosen:
            m.name = chosen[m.name]


def _fold_accents(mentions: list[Mention]) -> None:
    """ "António Costa" and "Antonio Costa" are one person: the form used most wins (first seen on a tie)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.type == "person":
            forms[_folded(m.name)][m.name] += 1
    chosen = {key: counts.most_common(1)[0][0] for key, counts in forms.items() if len(counts) > 1}
    for m in mentions:
        if m.type == "person" and _folded(m.name) in chosen:
            m.name = chosen[_folded(m.name)]


@functools.lru_cache(maxsize=1 << 16)
def _folded(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def acronyms_in_article(group: list[Mention]) -> None:
    """An acronym right after its long form ("Ministry of Defence (MoD)") or matching its initials."""
    orgs = [m for m in group if m.type == "organisation"]
    long_forms = [m for m in orgs if len(m.name.split()) >= 2]
    for m in orgs:
        if not is_acronym(m.name):
            continue
        spelled = next(
            (
                lf
                for lf in long_forms
                if m.bracketed and lf.field == m.field and 1 <= m.start - lf.end <= 2
            ),
            None,
        )
        if spelled is None:
            spelled = next((lf for lf in long_forms if _initials_match(m.name, lf.name)), None)
        if spelled is not None:
            m.name = spelled.name


def is_acronym(name: str) -> bool:
    """Is the name written as an acronym ("MoD", "U.N.", "NATO")?"""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and " " not in name and sum(c.isupper() for c in letters) >= 2


def _initials_match(acronym: str, long_form: str) -> bool:
    caps = [c for c in acronym if c.isupper()]
    initials = [w[0] for w in long_form.split() if w[:1].isupper()]
    return len(caps) >= 2 and caps == initials


def title_bearers(mentions: list[Mention]) -> TitleBearers:
    """Who carries which title across the corpus: "President Barack Obama" files Barack Obama under "Obama"
    and "president" (:func:`title_key`: "U.S. President" too)."""
    out: TitleBearers = defaultdict(lambda: defaultdict(Counter))
    for m in mentions:
        words = name_tokens(m.name)
        if m.type == "person" and m.role and len(words) >= 2:
            out[words[-1]][title_key(m.role)][m.name] += 1
    return out


def title_key(role: str) -> str:
    """A title's head: its last word before any "of", lower case, without full stops ("U.S. President" ->
    "president", "Secretary of State" -> "secretary")."""
    words = role.replace(".", " ").lower().split(" of ")[0].split()
    return words[-1] if words else ""


def title_carriers(m: Mention, target: str, bearers: TitleBearers) -> list[str]:
    """Who a titled surname ("President Obama") names instead of the article's one full name ("Michelle
    Obama"): the others of the surname written with that title in the corpus (Barack Obama), when none of
    them shares the article's person's first name; else nobody (the article's full name stands: "Gen.
    Kelly" beside "John F. Kelly" when the corpus writes "Gen. John Kelly"). One person written several
    ways ("Donald Trump", "Donald J. Trump") is one answer, the form written most; several people
    ("Franklin" and "Theodore Roosevelt") are several."""
    target_words = name_tokens(target)
    if not m.role or len(target_words) < 2:
        return []
    carriers = bearers.get(target_words[-1], {}).get(title_key(m.role), Counter())
    if not carriers or any(name_tokens(n)[0] == target_words[0] for n in carriers):
        return []
    if len({name_tokens(n)[0] for n in carriers}) == 1:
        return [max(carriers, key=lambda n: (carriers[n], n))]
    return sorted(carriers)
