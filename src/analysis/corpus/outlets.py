"""Who published each article: the ``outlet`` and ``url`` columns, and one name per outlet.

Exports name the outlet in many fields (``outlet``, ``publisher``, ``media_name`` in Media Cloud,
``source_name``, ``site_name``); feeds and saved pages carry a site name; a headline list may carry only a
link. :func:`outlet_fields` reads one record's outlet from the first of :data:`OUTLET_FIELDS` that is
filled, else the link's domain (``www.`` dropped), and its link from the first of :data:`URL_FIELDS`.

The same outlet is often written several ways ("Fox News", "Fox Online News", "Fox News (Online)"):
:func:`merge_outlets` gives every article of one site (an ``outlet_domain`` field, else the link's host) the
name most of them carry, when one name's words are the other's plus qualifiers ("Fox News", "Fox News
(Online)") or both name the site ("NBCNews.com" on ``nbcnews.com``), and lists each merge. Names that share
only a host (a portal republishing a wire service, a mislabelled article) stay apart.

    from analysis.corpus.outlets import merge_outlets
    merged = merge_outlets(corpus)   # merged.outlet: one name per article; merged.merges: what was renamed
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

__all__ = [
    "DOMAIN_FIELDS",
    "MERGE_COLUMNS",
    "OUTLET_FIELDS",
    "URL_FIELDS",
    "MergedOutlets",
    "merge_outlets",
    "outlet_fields",
    "site_of",
]

#: Fields naming the outlet, in order of preference.
OUTLET_FIELDS = ("outlet", "publisher", "media_name", "source_name", "site_name")
#: Fields holding the article's link, in order of preference.
URL_FIELDS = ("url", "link", "canonical_url", "article_url")
#: Fields holding the outlet's own site (preferred to the link's host when merging spellings).
DOMAIN_FIELDS = ("outlet_domain", "media_url", "domain")
#: The columns of a merge listing.
MERGE_COLUMNS = ["outlet", "written as", "articles", "site"]
# Words too common in outlet names to say two names are one outlet.
# Words that qualify an outlet's name rather than name it ("Fox News (Online)", "CNN - Editorial").
_QUALIFIERS = frozenset(
    {
        "the", "news", "online", "web", "com", "www", "net", "org", "co", "uk", "of", "and", "a",
        "opinion", "opinions", "editorial", "editorials", "board", "politics", "blog", "blogs",
    }
)  # fmt: skip
_LINK_AND_OUTLET_FIELDS = frozenset((*OUTLET_FIELDS, *URL_FIELDS, *DOMAIN_FIELDS))
_WORD = re.compile(r"[a-z0-9]+")
_HOST = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def site_of(url: Any) -> str:
    """The host of a link, lower case, without ``www.`` (``""`` when ``url`` is not a web link).

    Example:
        >>> site_of("https://www.FoxNews.com/politics/a-story")
        'foxnews.com'
    """
    text = _text(url)
    if not text:
        return ""
    if "://" not in text:
        text = "//" + text  # "www.foxnews.com" (an outlet_domain field) is a host, not a path
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    host = host.strip(".")
    return host.removeprefix("www.") if _HOST.match(host) else ""


def outlet_fields(record: dict[str, Any], *, site_name: str = "") -> dict[str, str]:
    """The ``outlet`` and ``url`` of one record, when it has them.

    Args:
        record: the record's fields as written in the export.
        site_name: the site's name from the feed or page the record came from (after the record's fields).

    Returns:
        ``{"outlet": ..., "url": ...}`` with the keys that could be filled: the outlet from the first filled
        field of :data:`OUTLET_FIELDS`, else ``site_name``, else the site of :data:`DOMAIN_FIELDS`, else the
        link's host; the url from the first
        filled field of :data:`URL_FIELDS`.
    """
    out: dict[str, str] = {}
    if not site_name and record.keys().isdisjoint(_LINK_AND_OUTLET_FIELDS):
        return out  # most exports name neither (one set lookup instead of twelve)
    url = _first_filled(record, URL_FIELDS, _text)
    name = (
        _first_filled(record, OUTLET_FIELDS, _text)
        or _text(site_name)
        or _first_filled(record, DOMAIN_FIELDS, site_of)
        or site_of(url)
    )
    if name:
        out["outlet"] = name
    if url:
        out["url"] = url
    return out


def _first_filled(record: dict[str, Any], fields: tuple[str, ...], read) -> str:
    """``read`` of the first of ``fields`` in the record that it reads as a non-empty string, else ``""``."""
    for field in fields:
        if field in record and (value := read(record[field])):
            return value
    return ""


def _words(name: str) -> set[str]:
    return set(_WORD.findall(name.lower())) - _QUALIFIERS


def _same_outlet(name: str, other: str, site: str) -> bool:
    """Two names seen on one site name one outlet: the words of one (beyond qualifiers such as "News",
    "Online", "Opinion") are all words of the other, or both, written without spaces, name the site
    ("NBCNews.com", "NBC News" on ``nbcnews.com``). "Washington Post" is not "Washington Times"."""
    words, others = _words(name), _words(other)
    if words and others and (words <= others or others <= words):
        return True
    label = site.split(".")[-2] if site.count(".") >= 1 else site
    squashed = ["".join(_WORD.findall(n.lower())) for n in (name, other)]
    return all(s and (s in label or label in s) for s in squashed)


@dataclass(frozen=True)
class MergedOutlets:
    """The merged ``outlet`` column and the merges made.

    Attributes:
        outlet: one name per article (``None`` where the article has no outlet), corpus index.
        merges: one row per spelling renamed: ``outlet`` (the name kept), ``written as``, ``articles``
            (how many carried that spelling), ``site``; sorted by outlet then spelling.
    """

    outlet: pd.Series
    merges: pd.DataFrame


def merge_outlets(corpus: pd.DataFrame) -> MergedOutlets:
    """One name per outlet: spellings seen on one site take the name most of its articles carry.

    The site of an article is its :data:`DOMAIN_FIELDS` value, else its ``url``'s host (``www.`` dropped).
    Among the names on one site, each name whose words (beyond qualifiers such as "News", "Online",
    "Opinion") are those of the most common one or include them ("Fox News", "Fox News (Online)"), or that
    like it names the site ("FoxNews", ``foxnews.com``), takes its spelling; ties go to the name seen
    first. Articles without a site keep their name; "Washington Post" on ``washingtontimes.com`` (a
    mislabelled article) stays "Washington Post".

    Args:
        corpus: a corpus with an ``outlet`` column (and ``url`` or a domain field); not modified.

    Returns:
        A :class:`MergedOutlets`; without an ``outlet`` column, an all-``None`` column and no merges.
    """
    if "outlet" not in corpus.columns:
        return MergedOutlets(
            pd.Series([None] * len(corpus), index=corpus.index, dtype=object),
            pd.DataFrame(columns=MERGE_COLUMNS),
        )
    names = [_text(v) or None for v in corpus["outlet"]]
    sites = _sites(corpus)
    seen: dict[str, Counter[str]] = {}
    for name, site in zip(names, sites, strict=True):
        if name and site:
            seen.setdefault(site, Counter())[name] += 1  # Counter keeps first-seen order for ties
    rename: dict[tuple[str, str], str] = {}
    rows = []
    for site, counts in seen.items():
        keep = counts.most_common(1)[0][0]
        for name, n in counts.items():
            if name != keep and _same_outlet(name, keep, site):
                rename[(site, name)] = keep
                rows.append({"outlet": keep, "written as": name, "articles": n, "site": site})
    merged = [
        rename.get((site, name), name) if name else None
        for name, site in zip(names, sites, strict=True)
    ]
    table = pd.DataFrame(rows, columns=MERGE_COLUMNS)
    table = table.sort_values(["outlet", "written as"], kind="stable").reset_index(drop=True)
    return MergedOutlets(pd.Series(merged, index=corpus.index, dtype=object, name="outlet"), table)


def _sites(corpus: pd.DataFrame) -> list[str]:
    """Each article's site: the first filled domain field, else the host of its ``url``."""
    columns = [corpus[c].tolist() for c in (*DOMAIN_FIELDS, "url") if c in corpus.columns]
    out = []
    for values in zip(*columns, strict=True) if columns else ((),) * len(corpus):
        out.append(next((s for s in map(site_of, values) if s), ""))
    return out
