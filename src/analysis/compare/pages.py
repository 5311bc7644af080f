"""How tag pages overlap: the articles two pages share and how alike their tags are, the articles found on
several pages, and pages against topic clusters.

Each article's pages are worked out once (:class:`PageRows`, from
:func:`analysis.compare.groups.memberships`): the distinct lists of pages and each article's code into them.
A large archive repeats a few lists over a million articles, so the tables below count codes with NumPy
rather than looping over articles, and the report works the pages out once for all of them.

    rows = PageRows.of(corpus)
    page_overlap(corpus, rows=rows)
    multi_page_articles(corpus, rows=rows)
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.compare.groups import check_model, list_codes, memberships, shared_lists
from analysis.tags import normalize_tag

__all__ = ["PageRows", "multi_page_articles", "page_overlap", "pages_by_cluster"]


@dataclass(frozen=True)
class PageRows:
    """Each article's tag pages, as codes into the distinct lists of pages.

    Attributes:
        codes: per article, the index of its list in ``lists``.
        lists: the distinct lists of page keys (compared case- and space-insensitively), first seen first.
        order: the page keys by decreasing number of articles (ties: first seen).
        names: the display name of each key (its first spelling seen).
    """

    codes: np.ndarray
    lists: list[list[Hashable]]
    order: list[Hashable]
    names: dict[Hashable, Any]

    @classmethod
    def of(cls, corpus: pd.DataFrame) -> PageRows:
        """The pages of ``corpus`` (a corpus with ``tag_pages``)."""
        members, order, names = memberships(corpus, "tag_pages", None)
        # rows with the same pages share one list object (memberships): its identity is the list's code
        return cls(*shared_lists(members), order, names)

    def articles_per_list(self) -> np.ndarray:
        return np.bincount(self.codes, minlength=len(self.lists))

    def positions(self) -> list[list[int]]:
        """Each list's pages as positions in ``order``."""
        position = {g: i for i, g in enumerate(self.order)}
        return [[position[g] for g in pages] for pages in self.lists]


def page_overlap(corpus: pd.DataFrame, *, rows: PageRows | None = None) -> pd.DataFrame:
    """How pages overlap: the articles each pair of pages shares and how alike their tag sets are.

    Args:
        corpus: a corpus with ``tag_pages`` (and ``tags`` for the Jaccard index).
        rows: ``PageRows.of(corpus)`` when already worked out.

    Returns:
        One row per ordered pair of pages (the diagonal included, so the table pivots into a square):
        ``page_a``, ``page_b``, ``articles_a``, ``articles_b`` (articles on each page), ``shared_articles``
        (articles on both; on the diagonal, the page's own size) and ``tag_jaccard`` (distinct tags used on
        both pages / distinct tags used on either; 1 on the diagonal, NaN when neither page has tags).
        Pages are in order of decreasing size (ties: first seen), compared case- and space-insensitively.
    """
    rows = rows if rows is not None else PageRows.of(corpus)
    order, names = rows.order, rows.names
    shared = np.zeros((len(order), len(order)), dtype=np.int64)
    for at, n in zip(rows.positions(), rows.articles_per_list().tolist(), strict=True):
        shared[np.ix_(at, at)] += n
    tag_sets = _page_tag_sets(corpus, rows)
    out = []
    for i, a in enumerate(order):
        for j, b in enumerate(order):
            union = len(tag_sets[i] | tag_sets[j])
            jaccard = len(tag_sets[i] & tag_sets[j]) / union if union else float("nan")
            out.append((names[a], names[b], shared[i, i], shared[j, j], shared[i, j], jaccard))
    return pd.DataFrame(
        out,
        columns=["page_a", "page_b", "articles_a", "articles_b", "shared_articles", "tag_jaccard"],
    ).astype({"articles_a": "int64", "articles_b": "int64", "shared_articles": "int64"})


def _page_tag_sets(corpus: pd.DataFrame, rows: PageRows) -> list[set[str]]:
    """The normalised tags used on each page (in ``rows.order``): each distinct pair of (list of pages,
    list of tags) read once when the tags are lists of strings, else each article's tags on their own."""
    tag_sets: list[set[str]] = [set() for _ in rows.order]
    if "tags" not in corpus.columns or not len(corpus):
        return tag_sets
    positions = rows.positions()
    listed = list_codes(corpus["tags"])
    if listed is None:  # not lists of strings (numbers, blanks): article by article
        for code, value in zip(rows.codes.tolist(), corpus["tags"].tolist(), strict=True):
            keys = _tag_keys(value)
            for at in positions[code]:
                tag_sets[at] |= keys
        return tag_sets
    tag_codes, distinct = listed
    width = max(len(distinct), 1)
    for pair in np.unique(rows.codes * width + tag_codes).tolist():
        code, tag_code = divmod(pair, width)
        keys = _tag_keys(distinct[tag_code])
        for at in positions[code]:
            tag_sets[at] |= keys
    return tag_sets


def _tag_keys(value: Any) -> frozenset[str]:
    """The normalised keys of an article's tags (none unless they are a list)."""
    if not isinstance(value, list | tuple | np.ndarray):
        return frozenset()
    return frozenset(k for k in (normalize_tag(str(t)) for t in value) if k)


def multi_page_articles(corpus: pd.DataFrame, *, rows: PageRows | None = None) -> pd.DataFrame:
    """The articles found on more than one tag page.

    Args:
        corpus: a corpus with ``tag_pages``.
        rows: ``PageRows.of(corpus)`` when already worked out.

    Returns:
        ``id``, ``title``, ``n_pages`` and ``pages`` (the page names joined with ``"; "``), most pages
        first (ties: corpus order), with the corpus index.
    """
    rows = rows if rows is not None else PageRows.of(corpus)
    lengths = np.array([len(pages) for pages in rows.lists], dtype=np.int64)
    n_pages = lengths[rows.codes] if len(rows.codes) else np.zeros(0, dtype=np.int64)
    keep = np.flatnonzero(n_pages > 1)
    keep = keep[np.argsort(-n_pages[keep], kind="stable")]
    ids = corpus["id"].to_numpy() if "id" in corpus.columns else np.arange(len(corpus))
    titles = corpus["title"].to_numpy() if "title" in corpus.columns else np.full(len(corpus), "")
    joined = ["; ".join(str(rows.names[p]) for p in pages) for pages in rows.lists]
    return pd.DataFrame(
        {
            "id": ids[keep],
            "title": titles[keep],
            "n_pages": n_pages[keep],
            "pages": [joined[c] for c in rows.codes[keep].tolist()],
        },
        index=corpus.index[keep],
    )


def pages_by_cluster(
    corpus: pd.DataFrame, model: Any, *, rows: PageRows | None = None
) -> pd.DataFrame:
    """Articles of each tag page in each topic cluster.

    Args:
        corpus: a corpus with ``tag_pages``.
        model: the :class:`analysis.topics.TopicModel` fitted on ``corpus``.
        rows: ``PageRows.of(corpus)`` when already worked out.

    Returns:
        A table with one row per page (index ``page``, by decreasing size) and one column per cluster
        (its number for readers, ``model.numbers``: 1..k unless aligned with a baseline; column index
        named ``cluster``), holding article counts; an article on two pages counts on each.
    """
    labels = check_model(corpus, model).astype(np.int64)
    rows = rows if rows is not None else PageRows.of(corpus)
    k = int(getattr(model, "k", labels.max() + 1 if len(labels) else 0))
    # a model aligned with a baseline keeps its numbers: they need not be 1..k; cluster i is column i
    numbers = [int(n) for n in getattr(model, "numbers", range(1, k + 1))]
    width = len(numbers)
    counts = np.bincount(rows.codes * width + labels, minlength=len(rows.lists) * width).reshape(
        len(rows.lists), width
    )
    table = np.zeros((len(rows.order), width), dtype=np.int64)
    for at, row in zip(rows.positions(), counts, strict=True):
        table[at] += row
    return pd.DataFrame(
        table,
        index=pd.Index([rows.names[g] for g in rows.order], name="page"),
        columns=pd.Index(numbers, name="cluster"),
    )
