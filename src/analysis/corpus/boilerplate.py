"""Boilerplate: paragraphs an outlet repeats verbatim across many of its articles, found and left out.

Crawled and exported articles carry an outlet's furniture inside their text: newsletter promos ("Sign up for
Daily Newsletters"), ad markers ("Advertisement", "Story Continued Below"), "Related:" link lists, bylines,
copyright lines. They are not the story, yet they would become topic terms, "people" and "quotes". One
general rule finds them, whatever the outlet: a paragraph (whitespace-normalised, otherwise verbatim) that
appears in at least :data:`MIN_ARTICLES` articles of one outlet, and in at least :data:`MIN_SHARE` of them,
is boilerplate of that outlet. Articles are grouped by ``outlet`` (else by their first tag page: a tag
page is one site's page), so a wire story quoted by several outlets is never taken for furniture. A paragraph
found to be boilerplate of at least :data:`MIN_OUTLETS` outlets ("Advertisement") is furniture anywhere, and
is left out of every outlet's articles, also of outlets with too few articles to tell.

A web page's slideshow, flattened into the text by the crawl, is furniture too, though never verbatim: each
picture's caption followed by the viewer's counter ("Photos: The candidates Hide Caption 3 of 12"). Repeated
once per picture, its words would outweigh the story's and make a topic of their own ("Photos · Hide
Caption"); every caption-and-counter is left out (:data:`SLIDESHOW`), the story text around it kept. So is a
live blog's time stamp opening a paragraph ("Update 2110 BST (1610 EST)", "UPDATE at 3:15 ET:";
:data:`LIVE_STAMP`), which would otherwise make "Update" a topic term of every live blog.

    from analysis.corpus.boilerplate import strip_boilerplate
    clean = strip_boilerplate(corpus)     # bodies without their outlet's repeated paragraphs
    clean.attrs["boilerplate"]            # what was left out: outlet, paragraph, articles
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

__all__ = [
    "ANY_OUTLET",
    "BOILERPLATE_COLUMNS",
    "LIVE_STAMP",
    "MIN_ARTICLES",
    "MIN_OUTLETS",
    "MIN_SHARE",
    "SLIDESHOW",
    "Boilerplate",
    "find_boilerplate",
    "strip_boilerplate",
]

#: A paragraph is boilerplate of an outlet when at least this many of its articles carry it ...
MIN_ARTICLES = 5
#: ... and at least this share of them (so a quote repeated in a few follow-ups of a large outlet stays).
MIN_SHARE = 0.02
#: A paragraph that is boilerplate of this many outlets is left out of every outlet's articles.
MIN_OUTLETS = 3
#: The ``outlet`` of a paragraph left out of every outlet's articles.
ANY_OUTLET = "(any outlet)"
#: A slideshow's picture: its caption ("Photos: ...", at most 400 characters, never across another caption)
#: and the viewer's counter ("Hide Caption 3 of 12"), or a counter alone.
SLIDESHOW = re.compile(
    r"Photos?:(?:(?!Photos?:)[^\n]){0,400}?Hide Caption \d+ of \d+|Hide Caption \d+ of \d+"
)
#: A live blog's time stamp at the start of a paragraph: "Update 2110 BST (1610 EST)", "Update: 1649 BST",
#: "Update 9:45PM EDT", "UPDATE at 3:15 ET:", "Update at 11 a.m. ET." (the entry's own words after it kept).
LIVE_STAMP = re.compile(
    r"^[ \t]*(?:UPDATE|Update)(?: at)?:? \d{1,2}(?:[:.]?\d{2})?(?:[ \t]*(?:[ap]\.m\.|[AP]M))?"
    r"(?: [A-Z]{2,4})?(?: \(\d{1,4}(?::\d{2})? ?[A-Z]{2,4}\))?[.:]?",
    re.MULTILINE,
)


def _may_hold_furniture(body: str) -> bool:
    """False for a body that holds neither (most bodies): none of the literal words either starts with
    (``in`` runs a fast substring search; a regex of the three words is 5x slower)."""
    return "Hide Caption" in body or "UPDATE" in body or "Update" in body


#: The text dtype of a column read from the parse cache (Arrow strings, missing values as NaN): the one a
#: column of bodies is given again when they are replaced.
_TEXT = pd.StringDtype(storage="pyarrow", na_value=float("nan"))

#: The columns of :attr:`Boilerplate.paragraphs`.
BOILERPLATE_COLUMNS = ["outlet", "paragraph", "articles"]


@dataclass(frozen=True)
class Boilerplate:
    """The boilerplate paragraphs found, by outlet.

    Attributes:
        paragraphs: one row per (outlet, paragraph): ``outlet``, ``paragraph`` (whitespace-normalised),
            ``articles`` (how many of the outlet's articles carry it); most frequent first.
        removed: paragraphs left out of the bodies in all (one per article and paragraph).
        articles: articles that lost at least one paragraph.
    """

    paragraphs: pd.DataFrame
    removed: int
    articles: int

    def note(self) -> str:
        """One sentence for a methods note ("" when nothing was found)."""
        if self.paragraphs.empty:
            return ""
        n = int((self.paragraphs["outlet"] != ANY_OUTLET).sum())
        shared = len(self.paragraphs) - n
        anywhere = (
            f"; those that are boilerplate of {MIN_OUTLETS} or more outlets ({shared:,}) are left out of "
            "every outlet's articles"
            if shared
            else ""
        )
        return (
            f"Boilerplate: {n:,} paragraph{'s' if n != 1 else ''} that an outlet repeats verbatim in at least "
            f"{MIN_ARTICLES} of its articles and {MIN_SHARE:.0%} of them (promos, ad markers, link boxes, "
            f"copyright lines) {'were' if n != 1 else 'was'} left out of topics, people and quotes{anywhere}: "
            f"{self.removed:,} occurrence{'s' if self.removed != 1 else ''} in {self.articles:,} "
            f"article{'s' if self.articles != 1 else ''}."
        )


def _paragraphs(body: object) -> list[str]:
    if not isinstance(body, str) or not body:
        return []
    return [" ".join(p.split()) for p in body.split("\n\n")]


def _groups(corpus: pd.DataFrame) -> list[str]:
    """Each article's outlet, else its first tag page, else one group for all."""
    outlets = corpus["outlet"].tolist() if "outlet" in corpus.columns else [None] * len(corpus)
    pages = corpus["tag_pages"].tolist() if "tag_pages" in corpus.columns else [[]] * len(corpus)
    out = []
    for outlet, page in zip(outlets, pages, strict=True):
        if isinstance(outlet, str) and outlet:
            out.append(outlet)
        else:
            out.append(page[0] if isinstance(page, list) and page else "")
    return out


def find_boilerplate(corpus: pd.DataFrame) -> Boilerplate:
    """The paragraphs each outlet repeats verbatim in many of its articles (see the module docstring).

    Args:
        corpus: a corpus with ``body`` (and ``outlet`` or ``tag_pages`` to group by); not modified.

    Returns:
        The :class:`Boilerplate` found; ``removed`` and ``articles`` count what stripping it removes.
    """
    groups = _groups(corpus)
    sizes = Counter(groups)
    counts: dict[str, Counter[str]] = {}
    for group, body in zip(groups, corpus["body"], strict=True):
        counts.setdefault(group, Counter()).update(set(_paragraphs(body)))
    rows = []
    for group, seen in counts.items():
        floor = max(MIN_ARTICLES, math.ceil(MIN_SHARE * sizes[group]))
        rows.extend(
            {"outlet": group, "paragraph": p, "articles": n}
            for p, n in seen.items()
            if n >= floor and p
        )
    rows.extend(_shared_rows(rows, groups, corpus["body"]))
    table = pd.DataFrame(rows, columns=BOILERPLATE_COLUMNS)
    table = table.sort_values(
        ["articles", "outlet", "paragraph"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)
    drop = _dropped(table)
    removed = affected = 0
    for group, body in zip(groups, corpus["body"], strict=True):
        hits = sum(drop(group, p) for p in _paragraphs(body))
        removed += hits
        affected += bool(hits)
    return Boilerplate(table, removed, affected)


def _shared_rows(rows: list[dict], groups: list[str], bodies: pd.Series) -> list[dict]:
    """:data:`ANY_OUTLET` rows: paragraphs that are boilerplate of at least :data:`MIN_OUTLETS` outlets,
    counted in the articles of the other outlets (those that carry them)."""
    outlets = Counter(row["paragraph"] for row in rows)
    shared = {p for p, n in outlets.items() if n >= MIN_OUTLETS}
    if not shared:
        return []
    own = {(row["outlet"], row["paragraph"]) for row in rows}
    elsewhere: Counter[str] = Counter()
    for group, body in zip(groups, bodies, strict=True):
        elsewhere.update(p for p in set(_paragraphs(body)) & shared if (group, p) not in own)
    return [{"outlet": ANY_OUTLET, "paragraph": p, "articles": n} for p, n in elsewhere.items()]


def _without_furniture(paragraph: str) -> str:
    """``paragraph`` without slideshow captions and a live-blog time stamp (whitespace normalised when
    anything is removed; "" when nothing is left)."""
    if not (SLIDESHOW.search(paragraph) or LIVE_STAMP.match(paragraph)):
        return paragraph
    return " ".join(LIVE_STAMP.sub(" ", SLIDESHOW.sub(" ", paragraph), count=1).split())


def _dropped(table: pd.DataFrame):
    """``drop(outlet, paragraph) -> bool`` for the boilerplate in ``table``."""
    pairs = set(zip(table["outlet"], table["paragraph"], strict=True))
    anywhere = {p for outlet, p in pairs if outlet == ANY_OUTLET}
    return lambda group, paragraph: paragraph in anywhere or (group, paragraph) in pairs


def strip_boilerplate(corpus: pd.DataFrame, found: Boilerplate | None = None) -> pd.DataFrame:
    """``corpus`` with each outlet's boilerplate paragraphs, slideshow captions and live-blog time stamps
    left out of ``body``.

    Args:
        corpus: a corpus with ``body``; not modified.
        found: the boilerplate to remove (default: :func:`find_boilerplate` of ``corpus``).

    Returns:
        A new DataFrame; ``attrs["boilerplate"]`` holds :attr:`Boilerplate.paragraphs` as records and
        ``attrs["boilerplate_note"]`` the sentence of :meth:`Boilerplate.note`.
    """
    found = find_boilerplate(corpus) if found is None else found
    out = corpus.copy()
    drop = _dropped(found.paragraphs) if not found.paragraphs.empty else None
    bodies: list = []
    furnished, changed = 0, False  # furnished: articles that lost a slideshow or a time stamp
    groups = _groups(corpus) if drop is not None else [""] * len(corpus)  # groups: only to drop by
    for group, body in zip(groups, corpus["body"], strict=True):
        if not isinstance(body, str) or not body:
            bodies.append(body)
            continue
        if drop is None and not _may_hold_furniture(body):
            bodies.append(body)  # nothing to leave out: split and joined again it would be the same
            continue
        changed = True
        kept = body.split("\n\n")
        if drop is not None:
            kept = [p for p in kept if not drop(group, " ".join(p.split()))]
        if _may_hold_furniture(body):
            shown = [_without_furniture(p) for p in kept]
            furnished += shown != kept
            kept = [p for p in shown if p]
        bodies.append("\n\n".join(kept))
    if changed or corpus["body"].dtype != _TEXT:  # else the column as it came (an archive's part)
        out["body"] = bodies
    note = found.note()
    if furnished:
        plural = "s" if furnished != 1 else ""
        note += (
            f"{' ' if note else ''}Slideshow captions with their counters "
            '("Photos: ... Hide Caption 3 of 12") and live-blog time stamps ("Update 2110 BST") '
            f"were left out of {furnished:,} article{plural}."
        )
    out.attrs = {
        **corpus.attrs,
        "boilerplate": found.paragraphs.to_dict("records"),
        "boilerplate_note": note,
    }
    return out
