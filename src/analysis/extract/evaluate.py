"""Scores against a hand-made key: quotations found, speakers right / wrong / unclear, organisations F1.

The held-out key (``tests/data/heldout_key.json``) holds, per article, each direct quotation as character
offsets into the body with its speaker and the speaker's kind (``named``: a person or body named in the
text, a pronoun's or description's named referent; ``unnamed``: a description such as "a Democratic
committee aide"; ``?``: the text does not say who), and the organisations mentioned (each a list of its
written forms, canonical first). Article text is never stored: the key is read against the shared data.

- A key quotation is *found* when a returned quotation overlaps it.
- Among found quotations whose key speaker is ``named``: *right* when our speaker is named and is the same
  (same words, or one is the other's last words: "Trump" / "Donald Trump"; or another form of the same
  organisation); *wrong* when our speaker is named and not the same; otherwise *unclear* (no speaker or an
  unnamed description), which costs nothing but coverage.
- *Names given*: every found quotation to which we give a named speaker; a name given to an ``unnamed`` or
  ``?`` quotation is wrong too (the text names nobody).
- Organisations: per article, the set of organisations we list (canonical names) against the key's; one of
  ours counts as right when its name or any of its written forms is a form of a key organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["QuoteScore", "organisation_scores", "quote_scores", "same_speaker"]

_PUNCT = re.compile(r"[^\w\s&-]")
_LEAD = re.compile(r"^(?:the|a|an)\s+")


def _norm(text: str) -> str:
    text = text.replace("’", "'").lower().strip()
    text = re.sub(r"'s$", "", text)
    text = _PUNCT.sub("", text)
    return _LEAD.sub("", " ".join(text.split()))


def same_speaker(ours: str, gold: str, *, aliases: Iterable[Iterable[str]] = ()) -> bool:
    """Is ``ours`` the speaker ``gold``: same words, one the other's last words, or forms of one organisation?"""
    a, b = _norm(ours), _norm(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    for forms in aliases:
        normed = {_norm(f) for f in forms}
        if a in normed and b in normed:
            return True
    short, long = sorted((a.split(), b.split()), key=len)
    if len(short) == 1 or (
        _without_suffix(short) != short and short[-1:] == long[-1:]
    ):  # "Biden" / "Joseph R. Biden Jr."; "Donald Trump Jr." / "Donald J. Trump Jr."
        short, long = _without_suffix(short), _without_suffix(long)
    if long[-len(short) :] == short and len(short[-1]) > 2:
        return True
    # first and last names alike, middle names and initials aside ("Donald Trump" / "Donald John Trump");
    # a suffix on one name only is another person ("Donald Trump" / "Donald Trump Jr.")
    return (
        len(short) == 2
        and len(_without_suffix(long)) == len(long)
        and short[-1] == long[-1]
        and _GIVEN.get(short[0], short[0]) == _GIVEN.get(long[0], long[0])
    )


#: Generational suffixes, not part of whom a name names ("Joseph R. Biden Jr.").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Short forms of given names news uses for the same person ("Bill Clinton" / "William Jefferson Clinton").
_GIVEN = {
    "joe": "joseph",
    "bill": "william",
    "bob": "robert",
    "mike": "michael",
    "jim": "james",
    "tom": "thomas",
    "dick": "richard",
    "chuck": "charles",
    "ted": "edward",
    "tony": "anthony",
    "dan": "daniel",
    "ben": "benjamin",
    "nick": "nicholas",
    "steve": "steven",
    "chris": "christopher",
    "matt": "matthew",
    "liz": "elizabeth",
    "kate": "katherine",
}


def _without_suffix(words: list[str]) -> list[str]:
    return words[:-1] if len(words) > 1 and words[-1] in _SUFFIXES else words


@dataclass
class QuoteScore:
    """Counts over one or more keyed articles."""

    quotations: int = 0
    found: int = 0
    named: int = 0  # found, key speaker named
    right: int = 0
    wrong: int = 0
    names_given: int = 0
    names_wrong: int = 0
    returned: int = 0
    matched: int = 0  # returned quotations overlapping a key quotation
    misses: list[str] = field(default_factory=list)

    def __add__(self, other: QuoteScore) -> QuoteScore:
        keys = [k for k in self.__dataclass_fields__ if k != "misses"]
        out = QuoteScore(**{k: getattr(self, k) + getattr(other, k) for k in keys})
        out.misses = self.misses + other.misses
        return out

    def summary(self) -> dict[str, float | int]:
        """The figures the issue's checks read (shares rounded to three places)."""

        def share(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "key quotations": self.quotations,
            "found": share(self.found, self.quotations),
            "precision": share(self.matched, self.returned),
            "named in key": self.named,
            "right": share(self.right, self.named),
            "wrong": share(self.wrong, self.named),
            "unclear": share(self.named - self.right - self.wrong, self.named),
            "names given": self.names_given,
            "wrong of names given": share(self.names_wrong, self.names_given),
        }


def quote_scores(
    article_id: str,
    quotes: list[list],
    said: pd.DataFrame,
    *,
    aliases: Iterable[Iterable[str]] = (),
) -> QuoteScore:
    """Score ``said`` (the :func:`analysis.extract.quotes` rows of one article) against its key quotations.

    Args:
        article_id: the article's id (``said.article_id``), used in the listed misses.
        quotes: the key's ``[start, end, speaker, kind]`` rows for the article.
        said: our quotation rows for the article.
        aliases: the article's organisations (lists of forms) so that "DOJ" matches "Justice Department".
    """
    out = QuoteScore(quotations=len(quotes), returned=len(said))
    used: set[int] = set()
    starts, ends = said["start"].to_numpy(), said["end"].to_numpy()
    for start, end, speaker, kind in quotes:
        hits = [i for i in range(len(said)) if starts[i] < end and ends[i] > start]
        if not hits:
            out.misses.append(f"missed {article_id} {start}-{end} ({speaker})")
            continue
        out.found += 1
        used.update(hits)
        row = said.iloc[hits[0]]
        ours, named = str(row["speaker"]), bool(row["speaker_named"])
        same = named and same_speaker(ours, speaker, aliases=aliases)
        if named:
            out.names_given += 1
            if kind != "named" or not same:
                out.names_wrong += 1
                out.misses.append(f"wrong  {article_id} {start}: ours {ours!r} key {speaker!r}")
        if kind == "named":
            out.named += 1
            out.right += same
            out.wrong += named and not same
            if not named:
                out.misses.append(f"unclear {article_id} {start}: ours {ours!r} key {speaker!r}")
    out.matched = len(used)
    return out


def organisation_scores(
    organisations: list[list[str]], mentions: pd.DataFrame
) -> tuple[int, int, int, int, list[str]]:
    """``(key, key_found, ours, ours_right, notes)`` for one article: the key's organisations and how many of
    them we list; ours (distinct canonical names) and how many of them are in the key; ``notes`` names the
    missed and the extra ones.

    Args:
        organisations: the key's organisations of the article, each a list of its written forms.
        mentions: our :func:`analysis.extract.entities` rows of that article (title and body).
    """
    orgs = mentions[mentions["type"] == "organisation"]
    ours: dict[str, set[str]] = {}
    for name, text in zip(orgs["name"], orgs["text"], strict=True):
        ours.setdefault(name, {_norm(name)}).add(_norm(text))
    key_forms = [{_norm(f) for f in forms} for forms in organisations]
    found = [any(forms & written for written in ours.values()) for forms in key_forms]
    extra = [name for name, written in ours.items() if not any(written & f for f in key_forms)]
    notes = [
        f"org missed {forms[0]}" for forms, hit in zip(organisations, found, strict=True) if not hit
    ]
    notes += [f"org extra {name}" for name in extra]
    return len(organisations), sum(found), len(ours), len(ours) - len(extra), notes
