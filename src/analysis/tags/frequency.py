"""How often each tag is used, per page, and how many tags articles carry."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.errors import ParameterError
from analysis.tags.parse import (
    NO_PAGE,
    ParsedTags,
    check_positive_int,
    empty_frame,
    normalize_tag,
    order_by_count,
    parse_tags,
)

FREQUENCY_COLUMNS = ["tag", "key", "articles", "share", "is_page_tag", "on_every_article"]
_FREQUENCY_DTYPES = {
    "articles": "int64",
    "share": "float64",
    "is_page_tag": "bool",
    "on_every_article": "bool",
}


# ------------------------------------------------------------------------------------------- frequency


@dataclass(frozen=True)
class TagSummary:
    """Headline figures about a corpus's tags.

    Attributes:
        n_articles: articles in the corpus.
        n_tagged: articles with at least one tag.
        n_tags: tag assignments (an article carrying a tag counts once, whatever the spelling).
        n_distinct: distinct tags after normalisation.
        page_tags: display spellings of tags that name the page their article was collected from.
        universal_tags: display spellings of tags carried by every article.
    """

    n_articles: int
    n_tagged: int
    n_tags: int
    n_distinct: int
    page_tags: tuple[str, ...]
    universal_tags: tuple[str, ...]


def tag_summary(corpus: pd.DataFrame) -> TagSummary:
    """Count articles, tag assignments and distinct tags, and name the page and universal tags.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.

    Returns:
        A :class:`TagSummary`; on the seed: 9 articles, 45 tags, 26 distinct, universal tag ``Defense``.
    """
    parsed = parse_tags(corpus)
    counts = parsed.counts()
    order = order_by_count(parsed.keys, counts)
    page_flags = parsed.is_page_tag()
    n = parsed.n_articles
    return TagSummary(
        n_articles=n,
        n_tagged=len(np.unique(parsed.article)),
        n_tags=len(parsed.article),
        n_distinct=len(parsed.keys),
        page_tags=tuple(parsed.display[parsed.keys[i]] for i in order if page_flags[i]),
        universal_tags=tuple(parsed.display[parsed.keys[i]] for i in order if n and counts[i] == n),
    )


def tag_frequency(corpus: pd.DataFrame, *, by_page: bool = False) -> pd.DataFrame:
    """Count the articles carrying each tag, overall or per tag page.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists (and optionally ``tag_pages``).
        by_page: count within each tag page an article was collected from (an article listed under two
            pages counts in both; articles from no page are grouped under :data:`NO_PAGE`).

    Returns:
        One row per distinct tag (per page and tag when ``by_page``) with columns ``tag`` (the spelling
        editors used most often; ties go to the first seen), ``key`` (:func:`normalize_tag`),
        ``articles`` (articles carrying it), ``share`` (articles / articles in the corpus, or in the page
        when ``by_page``), ``is_page_tag`` (the tag names a tag page that an article carrying it was
        collected from, i.e. it is the page's own tag), ``on_every_article`` (carried by every article of
        the corpus, or of the page when ``by_page``), and ``page`` first when ``by_page``. Sorted by
        articles (descending), then tag key; by page first when ``by_page``. A corpus without tags gives
        an empty frame with these columns.

    Example:
        >>> tag_frequency(seed).head(2)[["tag", "articles", "on_every_article"]]
                tag  articles  on_every_article
        0   Defense         9              True
        1  Military         4             False
    """
    parsed = parse_tags(corpus)
    if not parsed.keys:
        columns = ["page", *FREQUENCY_COLUMNS] if by_page else FREQUENCY_COLUMNS
        return empty_frame(columns, _FREQUENCY_DTYPES)
    if not by_page:
        counts = parsed.counts()
        order = order_by_count(parsed.keys, counts)
        n = parsed.n_articles
        page_flags = parsed.is_page_tag()
        return pd.DataFrame(
            {
                "tag": [parsed.display[parsed.keys[i]] for i in order],
                "key": [parsed.keys[i] for i in order],
                "articles": counts[order].astype(np.int64),
                "share": (counts[order] / n) if n else np.zeros(0),
                "is_page_tag": page_flags[order].astype(bool),
                "on_every_article": (counts[order] == n).astype(bool),
            },
            columns=FREQUENCY_COLUMNS,
        )
    return _frequency_by_page(parsed)


def _frequency_by_page(parsed: ParsedTags) -> pd.DataFrame:
    columns = ["page", *FREQUENCY_COLUMNS]
    page_keys, page_names = list(parsed.page_keys), list(parsed.page_names)
    page_article, page_index = parsed.page_article, parsed.page_index
    has_page = np.zeros(parsed.n_articles, dtype=bool)
    has_page[page_article] = True
    orphans = np.flatnonzero(~has_page)
    if len(orphans):  # articles from no tag page are counted under NO_PAGE
        no_page = normalize_tag(NO_PAGE)
        if no_page not in page_keys:
            page_keys.append(no_page)
            page_names.append(NO_PAGE)
        page_article = np.concatenate([page_article, orphans])
        page_index = np.concatenate(
            [page_index, np.full(len(orphans), page_keys.index(no_page), dtype=np.int64)]
        )
    articles_in_page = np.bincount(page_index, minlength=len(page_keys))
    pairs = (
        pd.DataFrame({"a": parsed.article, "k": parsed.key_index})
        .merge(pd.DataFrame({"a": page_article, "p": page_index}), on="a")
        .groupby(["p", "k"])
        .size()
        .reset_index(name="articles")
    )
    if pairs.empty:
        return empty_frame(columns, _FREQUENCY_DTYPES)
    p, k = pairs["p"].to_numpy(), pairs["k"].to_numpy()
    count = pairs["articles"].to_numpy().astype(np.int64)
    total = articles_in_page[p]
    keys = [parsed.keys[i] for i in k]
    out = pd.DataFrame(
        {
            "page": [page_names[i] for i in p],
            "tag": [parsed.display[key] for key in keys],
            "key": keys,
            "articles": count,
            "share": count / total,
            "is_page_tag": [key == page_keys[i] for key, i in zip(keys, p, strict=True)],
            "on_every_article": count == total,
            "_page_key": [page_keys[i] for i in p],
            "_neg": -count,
        }
    )
    out = out.sort_values(["_page_key", "_neg", "key"], kind="stable")
    return out[columns].reset_index(drop=True)


def top_tags(freq: pd.DataFrame, *, top: int | None = 20) -> pd.DataFrame:
    """The rows a frequency chart draws: the ``top`` most used tags, then one ``other (N tags)`` row.

    This is the table behind :func:`analysis.plots.plot_tag_frequency`, so the chart's data can be
    exported exactly as drawn with ``top_tags(freq, top=20).to_csv(...)``.

    Args:
        freq: the output of :func:`tag_frequency` (one page's rows when it was computed ``by_page``).
        top: how many tags to keep; the rest are folded into one row. ``None`` keeps all.

    Returns:
        The first ``top`` rows of ``freq`` (columns ``tag``, ``articles``, ``share``, ``is_page_tag``,
        ``on_every_article``) plus ``is_other`` (False), ``n_tags`` (1), ``min_articles`` and
        ``max_articles`` (both = ``articles``); when tags remain, one more row with ``tag`` =
        ``"other (N tags)"``, ``is_other`` True, ``n_tags`` N, ``articles`` = the sum of their article
        counts (tag uses, not distinct articles), ``min_articles``/``max_articles`` the range of their
        counts, and ``share`` NaN (a sum of shares would not be a share of articles).
    """
    check_positive_int("top", top, allow_none=True)
    missing = {"tag", "articles", "share"} - set(freq.columns)
    if missing:
        raise ParameterError(
            f"the frequency table lacks column(s) {sorted(missing)}; pass the output of tag_frequency()."
        )
    if "page" in freq.columns and freq["page"].nunique() > 1:
        raise ParameterError(
            f"the frequency table covers {freq['page'].nunique()} pages; chart one page at a time, e.g. "
            "freq[freq['page'] == 'UK defense']."
        )
    cols = ["tag", "articles", "share", "is_page_tag", "on_every_article"]
    base = freq.assign(
        is_page_tag=freq.get("is_page_tag", False),
        on_every_article=freq.get("on_every_article", False),
    )
    base = base.assign(_neg=-base["articles"]).sort_values("_neg", kind="stable")[cols]
    head = base if top is None else base.head(top)
    rest = base.iloc[len(head) :]
    head = head.assign(
        is_other=False,
        n_tags=1,
        min_articles=head["articles"],
        max_articles=head["articles"],
    )
    if len(rest):
        other = pd.DataFrame(
            {
                "tag": [f"other ({len(rest)} tags)"],
                "articles": [int(rest["articles"].sum())],
                "share": [np.nan],
                "is_page_tag": [bool(rest["is_page_tag"].any())],
                "on_every_article": [False],
                "is_other": [True],
                "n_tags": [len(rest)],
                "min_articles": [int(rest["articles"].min())],
                "max_articles": [int(rest["articles"].max())],
            }
        )
        head = pd.concat([head, other], ignore_index=True)
    return head.reset_index(drop=True).astype(
        {
            "articles": "int64",
            "n_tags": "int64",
            "min_articles": "int64",
            "max_articles": "int64",
            "share": "float64",
            "is_page_tag": "bool",
            "on_every_article": "bool",
            "is_other": "bool",
        }
    )


def tag_counts_per_article(corpus: pd.DataFrame) -> pd.Series:
    """Number of distinct tags (after normalisation) on each article.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.

    Returns:
        An int Series named ``n_tags`` with the corpus's index.
    """
    parsed = parse_tags(corpus)
    counts = np.bincount(parsed.article, minlength=parsed.n_articles).astype(np.int64)
    index = corpus.index.copy() if isinstance(corpus, pd.DataFrame) else pd.RangeIndex(len(parsed))
    return pd.Series(counts, index=index, name="n_tags")


def tags_per_article(corpus: pd.DataFrame) -> pd.DataFrame:
    """Distribution of the number of tags per article.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.

    Returns:
        Columns ``tags`` (number of distinct tags on an article), ``articles`` (how many articles carry
        that many) and ``share`` (of all articles), one row for every value from the smallest to the
        largest observed (values in between with no article get 0). Empty corpus: empty frame.
    """
    per_article = tag_counts_per_article(corpus).to_numpy()
    if per_article.size == 0:
        return empty_frame(
            ["tags", "articles", "share"],
            {"tags": "int64", "articles": "int64", "share": "float64"},
        )
    lo, hi = int(per_article.min()), int(per_article.max())
    values = np.arange(lo, hi + 1, dtype=np.int64)
    counts = np.bincount(per_article - lo, minlength=hi - lo + 1).astype(np.int64)
    return pd.DataFrame({"tags": values, "articles": counts, "share": counts / per_article.size})
