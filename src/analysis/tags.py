"""Tag analytics: what editors tag, which tags travel together, and how tags line up with topic clusters.

Editorial tags are the one piece of human judgement in a corpus, so they are counted carefully. Tags are
counted by a normalised key (:func:`normalize_tag`: Unicode NFC, surrounding and repeated inner spaces
removed, case folded), so ``"Defense"`` and ``"defense "`` are one tag, while ``"UK defense"`` and
``"Defense"`` stay two. Each tag is shown with the spelling editors used most often. An article that
carries the same tag twice (in two spellings) counts once. Two kinds of tag are flagged rather than left to
dominate every table and chart: the *page tag* (the tag that names the ``Tag - <page>`` page the article
was collected from) and the *universal tag* (carried by every article, so it says nothing about any
article in particular).

Every function takes a corpus DataFrame (the :func:`analysis.load_corpus` contract: a ``tags`` column of
lists of strings and, optionally, a ``tag_pages`` column of lists of page names) and returns a new
DataFrame; the argument is never modified.

Example:
    >>> freq = tag_frequency(corpus)
    >>> pairs = tag_cooccurrence(corpus, min_count=2)
    >>> top = characteristic_tags(corpus, labels, n=5)
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.errors import ParameterError

__all__ = [
    "CHARACTERISTIC_COLUMNS",
    "FREQUENCY_COLUMNS",
    "NO_PAGE",
    "PAIR_COLUMNS",
    "TagSummary",
    "characteristic_tags",
    "cooccurrence_matrix",
    "normalize_tag",
    "tag_cooccurrence",
    "tag_counts_per_article",
    "tag_frequency",
    "tag_summary",
    "tags_by_cluster",
    "tags_per_article",
    "top_tags",
]

#: Page name used by ``tag_frequency(by_page=True)`` for articles that came from no tag page (JSONL/CSV).
NO_PAGE = "(no tag page)"

FREQUENCY_COLUMNS = ["tag", "key", "articles", "share", "is_page_tag", "on_every_article"]
PAIR_COLUMNS = [
    "tag_a",
    "tag_b",
    "key_a",
    "key_b",
    "count",
    "count_a",
    "count_b",
    "expected",
    "lift",
    "pmi",
    "npmi",
]
_FREQUENCY_DTYPES = {
    "articles": "int64",
    "share": "float64",
    "is_page_tag": "bool",
    "on_every_article": "bool",
}
_TEXT_COLUMNS = ("page", "tag", "key", "tag_a", "tag_b", "key_a", "key_b", "cluster_name")
CHARACTERISTIC_COLUMNS = [
    "cluster",
    "cluster_name",
    "tag",
    "key",
    "count",
    "cluster_size",
    "share_in_cluster",
    "share_overall",
    "lift",
    "score",
]


def normalize_tag(tag: str) -> str:
    """Return the counting key of a tag: NFC, surrounding spaces stripped, inner spaces collapsed, casefolded.

    Args:
        tag: a tag as an editor wrote it.

    Returns:
        The key under which the tag is counted; ``""`` for a blank tag.

    Example:
        >>> normalize_tag("  Defense ") == normalize_tag("defense")
        True
        >>> normalize_tag("UK  defense")
        'uk defense'
    """
    return " ".join(unicodedata.normalize("NFC", str(tag)).split()).casefold()


def _clean_spelling(tag: str) -> str:
    """The display form of one spelling: NFC and tidy spaces, case kept."""
    return " ".join(unicodedata.normalize("NFC", str(tag)).split())


# --------------------------------------------------------------------------------------------- internals


@dataclass(frozen=True)
class _Tags:
    """The corpus's tags, parsed once: one entry per (article, distinct key), plus its tag pages."""

    n_articles: int
    keys: list[str]  # distinct tag keys, first-seen order
    display: dict[str, str]  # key -> most common spelling (ties: first seen)
    article: np.ndarray  # article position of each (article, key) entry
    key_index: np.ndarray  # index into ``keys`` of each entry
    page_keys: list[str]  # distinct page keys, first-seen order
    page_names: list[str]  # display name of each page (first spelling seen)
    page_article: np.ndarray  # article position of each (article, page) entry
    page_index: np.ndarray  # index into ``page_keys`` of each entry

    def counts(self) -> np.ndarray:
        """Articles carrying each key (aligned with ``keys``)."""
        return np.bincount(self.key_index, minlength=len(self.keys)).astype(np.int64)

    def matrix(self) -> sparse.csr_matrix:
        """Binary article x key matrix."""
        data = np.ones(len(self.article), dtype=np.int64)
        return sparse.csr_matrix(
            (data, (self.article, self.key_index)), shape=(self.n_articles, len(self.keys))
        )

    def is_page_tag(self) -> np.ndarray:
        """Whether each key names a tag page that one of the articles carrying it came from."""
        flags = np.zeros(len(self.keys), dtype=bool)
        key_pos = {key: i for i, key in enumerate(self.keys)}
        as_tag = np.array([key_pos.get(key, -1) for key in self.page_keys], dtype=np.int64)
        if not len(as_tag) or not len(self.article):
            return flags
        tag_of_page = as_tag[self.page_index]
        named = tag_of_page >= 0
        width = len(self.keys)
        page_pairs = self.page_article[named] * width + tag_of_page[named]
        hits = np.isin(self.article * width + self.key_index, page_pairs)
        flags[np.unique(self.key_index[hits])] = True
        return flags


def _where(corpus: pd.DataFrame, pos: int) -> str:
    """'row 3 (source page.txt:12)' for error messages."""
    if "source" in corpus.columns:
        return f"row {pos} (source {corpus['source'].iloc[pos]})"
    return f"row {pos}"


def _as_str_list(value: Any, *, column: str, corpus: pd.DataFrame, pos: int) -> list[str]:
    """A cell of ``tags``/``tag_pages`` as a list of strings; missing values are dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        raise ParameterError(
            f"{_where(corpus, pos)}: column '{column}' holds the string {value[:60]!r}, expected a list "
            f"of strings. Split it into a list first (e.g. corpus.assign({column}=corpus['{column}']"
            ".str.split(';'))) or load the data with analysis.load_corpus."
        )
    if isinstance(value, float) and math.isnan(value):
        return []
    if not isinstance(value, Iterable) or isinstance(value, (bytes, Mapping)):
        raise ParameterError(
            f"{_where(corpus, pos)}: column '{column}' holds {type(value).__name__} {value!r}, expected a "
            "list of strings. Load the data with analysis.load_corpus or fix that row."
        )
    out = []
    for item in value:
        if item is None or (isinstance(item, float) and math.isnan(item)):
            continue
        if not isinstance(item, (str, int, np.integer)):
            raise ParameterError(
                f"{_where(corpus, pos)}: column '{column}' contains {type(item).__name__} {item!r}, "
                "expected strings. Fix that row or load the data with analysis.load_corpus."
            )
        out.append(str(item))
    return out


def _flatten(corpus: pd.DataFrame, column: str) -> tuple[np.ndarray, list[str]]:
    """All items of a list column: (article position of each item, the items), in corpus order."""
    values = corpus[column].tolist()
    if {type(v) for v in values} <= {list}:  # the loader's shape: checked in bulk, not per item
        flat = list(chain.from_iterable(values))
        if {type(item) for item in flat} <= {str}:
            lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
            return np.repeat(np.arange(len(values), dtype=np.int64), lengths), flat
    cleaned = [
        _as_str_list(value, column=column, corpus=corpus, pos=pos)
        for pos, value in enumerate(values)
    ]
    lengths = np.fromiter(map(len, cleaned), dtype=np.int64, count=len(cleaned))
    flat = list(chain.from_iterable(cleaned))
    return np.repeat(np.arange(len(cleaned), dtype=np.int64), lengths), flat


def _encode(
    positions: np.ndarray, items: list[str]
) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray, list[str]]:
    """Normalise items, drop blanks and repeats within an article (first kept).

    Returns:
        (article positions, key codes, keys in first-seen order, spelling codes, spellings), one
        entry per (article, distinct key), in corpus order.
    """
    codes, uniques = pd.factorize(pd.Series(items, dtype=object), sort=False)
    keys: list[str] = []
    key_pos: dict[str, int] = {}
    spellings: list[str] = []
    spelling_pos: dict[str, int] = {}
    key_of_unique = np.empty(len(uniques), dtype=np.int64)
    spelling_of_unique = np.empty(len(uniques), dtype=np.int64)
    for u, raw in enumerate(uniques):
        key = normalize_tag(raw)
        if not key:
            key_of_unique[u] = spelling_of_unique[u] = -1
            continue
        if key not in key_pos:
            key_pos[key] = len(keys)
            keys.append(key)
        spelling = _clean_spelling(raw)
        if spelling not in spelling_pos:
            spelling_pos[spelling] = len(spellings)
            spellings.append(spelling)
        key_of_unique[u] = key_pos[key]
        spelling_of_unique[u] = spelling_pos[spelling]
    key_code = key_of_unique[codes] if len(codes) else np.zeros(0, dtype=np.int64)
    spelling_code = spelling_of_unique[codes] if len(codes) else np.zeros(0, dtype=np.int64)
    keep = key_code >= 0
    positions, key_code, spelling_code = positions[keep], key_code[keep], spelling_code[keep]
    # One entry per (article, key): the first spelling an article used.
    _, first = np.unique(positions * max(len(keys), 1) + key_code, return_index=True)
    first = np.sort(first)
    return positions[first], key_code[first], keys, spelling_code[first], spellings


def _parse(corpus: pd.DataFrame) -> _Tags:
    """Read the ``tags`` and ``tag_pages`` columns once into a compact table (the corpus is not touched)."""
    if not isinstance(corpus, pd.DataFrame):
        raise ParameterError(
            f"expected a corpus DataFrame (from analysis.load_corpus), got {type(corpus).__name__}."
        )
    if "tags" not in corpus.columns:
        raise ParameterError(
            "the corpus has no 'tags' column (columns: "
            f"{', '.join(map(str, corpus.columns)) or 'none'}). Load it with analysis.load_corpus, or "
            "add a 'tags' column of lists (an empty list for articles without tags)."
        )
    article, key_index, keys, spelling, spellings = _encode(*_flatten(corpus, "tags"))
    display: dict[str, str] = {}
    if len(article):
        # Most used spelling of each key; ties go to the spelling seen first.
        uses = pd.DataFrame(
            {"key": key_index, "spelling": spelling, "order": np.arange(len(article))}
        )
        best = (
            uses.groupby(["key", "spelling"], sort=False)
            .agg(n=("order", "size"), first=("order", "min"))
            .reset_index()
            .sort_values(["key", "n", "first"], ascending=[True, False, True], kind="stable")
            .drop_duplicates("key")
        )
        display = {
            keys[k]: spellings[s] for k, s in zip(best["key"], best["spelling"], strict=True)
        }
    if "tag_pages" in corpus.columns:
        page_article, page_index, page_keys, page_spelling, page_spellings = _encode(
            *_flatten(corpus, "tag_pages")
        )
        first_name: dict[int, str] = {}
        for k, s in zip(page_index.tolist(), page_spelling.tolist(), strict=True):
            first_name.setdefault(k, page_spellings[s])
        page_names = [first_name[k] for k in range(len(page_keys))]
    else:
        page_article = page_index = np.zeros(0, dtype=np.int64)
        page_keys, page_names = [], []
    return _Tags(
        n_articles=len(corpus),
        keys=keys,
        display=display,
        article=article,
        key_index=key_index,
        page_keys=page_keys,
        page_names=page_names,
        page_article=page_article,
        page_index=page_index,
    )


def _order(keys: Sequence[str], counts: np.ndarray) -> np.ndarray:
    """Indices sorting keys by count desc, then key (deterministic)."""
    return np.asarray(
        sorted(range(len(keys)), key=lambda i: (-int(counts[i]), keys[i])), dtype=np.int64
    )


def _check_positive_int(
    name: str, value: Any, *, minimum: int = 1, allow_none: bool = False
) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ParameterError(
            f"{name} must be an integer >= {minimum}{' or None' if allow_none else ''}, got {value!r}."
        )


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
    parsed = _parse(corpus)
    counts = parsed.counts()
    order = _order(parsed.keys, counts)
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
    parsed = _parse(corpus)
    if not parsed.keys:
        columns = ["page", *FREQUENCY_COLUMNS] if by_page else FREQUENCY_COLUMNS
        return _empty(columns, _FREQUENCY_DTYPES)
    if not by_page:
        counts = parsed.counts()
        order = _order(parsed.keys, counts)
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


def _frequency_by_page(parsed: _Tags) -> pd.DataFrame:
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
        return _empty(columns, _FREQUENCY_DTYPES)
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


def _empty(columns: list[str], dtypes: Mapping[str, str] | None = None) -> pd.DataFrame:
    """An empty frame with the given columns (text columns as str, others object unless given)."""
    dtypes = dict(dtypes or {})
    for column in _TEXT_COLUMNS:
        dtypes.setdefault(column, "str")
    return pd.DataFrame({c: pd.Series([], dtype=dtypes.get(c, "object")) for c in columns})


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
    _check_positive_int("top", top, allow_none=True)
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
    parsed = _parse(corpus)
    counts = np.bincount(parsed.article, minlength=parsed.n_articles).astype(np.int64)
    return pd.Series(counts, index=corpus.index.copy(), name="n_tags")


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
        return _empty(
            ["tags", "articles", "share"],
            {"tags": "int64", "articles": "int64", "share": "float64"},
        )
    lo, hi = int(per_article.min()), int(per_article.max())
    values = np.arange(lo, hi + 1, dtype=np.int64)
    counts = np.bincount(per_article - lo, minlength=hi - lo + 1).astype(np.int64)
    return pd.DataFrame({"tags": values, "articles": counts, "share": counts / per_article.size})


# --------------------------------------------------------------------------------------- co-occurrence


def _kept_keys(parsed: _Tags, counts: np.ndarray, include_universal: bool) -> np.ndarray:
    """Key indices in frequency order, without universal tags unless asked."""
    order = _order(parsed.keys, counts)
    if include_universal:
        return order
    return order[counts[order] < parsed.n_articles]


def tag_cooccurrence(
    corpus: pd.DataFrame, *, min_count: int = 1, include_universal: bool = False
) -> pd.DataFrame:
    """Count the articles carrying each pair of tags, with lift and PMI beside the counts.

    With N articles, a pair seen on ``count`` articles whose tags are on ``count_a`` and ``count_b``
    articles: ``expected = count_a * count_b / N`` (articles expected to carry both if the tags were
    independent), ``lift = count / expected``, ``pmi = log2(lift)`` and ``npmi = pmi / -log2(count / N)``
    (normalised PMI in [-1, 1]; 1 when both tags are on every article). Lift and PMI are unstable for rare
    pairs - a pair seen once between two tags seen once has a huge lift - so always read them with
    ``count`` and use ``min_count`` to drop thin evidence.

    A tag carried by every article is excluded by default: its lift with any tag is exactly 1 (it tells
    nothing about which tags travel together) and it would pair with everything.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.
        min_count: keep pairs seen on at least this many articles (pairs never seen are not listed).
        include_universal: keep tags carried by every article.

    Returns:
        One row per unordered pair with columns ``tag_a``, ``tag_b`` (display spellings; ``tag_a`` is the
        more frequent tag, ties by key), ``key_a``, ``key_b``, ``count``, ``count_a``, ``count_b``,
        ``expected``, ``lift``, ``pmi``, ``npmi``; sorted by count (descending), then lift (descending),
        then the keys. Empty frame with these columns when no pair qualifies.

    Example:
        >>> pairs = tag_cooccurrence(seed, include_universal=True)
        >>> pairs.loc[0, ["tag_a", "tag_b", "count", "lift"]].tolist()
        ['Defense', 'Military', np.int64(4), np.float64(1.0)]
    """
    _check_positive_int("min_count", min_count)
    parsed = _parse(corpus)
    counts = parsed.counts()
    kept = _kept_keys(parsed, counts, include_universal)
    dtypes = {
        "count": "int64",
        "count_a": "int64",
        "count_b": "int64",
        "expected": "float64",
        "lift": "float64",
        "pmi": "float64",
        "npmi": "float64",
    }
    if len(kept) < 2:
        return _empty(PAIR_COLUMNS, dtypes)
    x = parsed.matrix()[
        :, kept
    ]  # columns in frequency order, so i < j means i is the more frequent
    co = sparse.triu((x.T @ x).tocsr(), k=1).tocoo()
    mask = co.data >= min_count
    i, j, both = co.row[mask], co.col[mask], co.data[mask].astype(np.int64)
    if both.size == 0:
        return _empty(PAIR_COLUMNS, dtypes)
    n = parsed.n_articles
    ka, kb = kept[i], kept[j]
    ca, cb = counts[ka], counts[kb]
    expected = ca * cb / n
    lift = both / expected
    pmi = np.log2(lift)
    p_both = both / n
    with np.errstate(divide="ignore", invalid="ignore"):
        npmi = np.where(p_both < 1.0, pmi / -np.log2(p_both), 1.0)
    out = pd.DataFrame(
        {
            "tag_a": [parsed.display[parsed.keys[k]] for k in ka],
            "tag_b": [parsed.display[parsed.keys[k]] for k in kb],
            "key_a": [parsed.keys[k] for k in ka],
            "key_b": [parsed.keys[k] for k in kb],
            "count": both,
            "count_a": ca,
            "count_b": cb,
            "expected": expected,
            "lift": lift,
            "pmi": pmi,
            "npmi": npmi,
        }
    )
    out = out.assign(_c=-out["count"], _l=-out["lift"])
    out = out.sort_values(["_c", "_l", "key_a", "key_b"], kind="stable")
    return out[PAIR_COLUMNS].reset_index(drop=True).astype(dtypes)


def cooccurrence_matrix(
    corpus: pd.DataFrame, *, top: int = 15, include_universal: bool = False
) -> pd.DataFrame:
    """Square table of articles carrying both tags, for the ``top`` most used tags.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.
        top: number of tags (the most used, ties by key).
        include_universal: keep tags carried by every article (excluded by default: such a tag's row
            just repeats every other tag's count).

    Returns:
        A DataFrame indexed and columned by tag display spelling (both axes named ``tag``, same order:
        most used first); cell (a, b) = articles carrying both a and b; the diagonal = articles carrying
        the tag. Empty (0 x 0) when there is no tag to show.
    """
    _check_positive_int("top", top)
    parsed = _parse(corpus)
    counts = parsed.counts()
    kept = _kept_keys(parsed, counts, include_universal)[:top]
    labels = pd.Index([parsed.display[parsed.keys[k]] for k in kept], name="tag", dtype="str")
    if len(kept) == 0:
        return pd.DataFrame(np.zeros((0, 0), dtype=np.int64), index=labels, columns=labels.copy())
    x = parsed.matrix()[:, kept]
    co = np.asarray((x.T @ x).todense(), dtype=np.int64)
    return pd.DataFrame(co, index=labels, columns=labels.copy())


# ---------------------------------------------------------------------------------- tags and clusters


def _check_labels(corpus: pd.DataFrame, labels: Any) -> np.ndarray:
    values = np.asarray(labels)
    if values.ndim != 1 or len(values) != len(corpus):
        raise ParameterError(
            f"labels has {values.size if values.ndim else 1} value(s) but the corpus has {len(corpus)} "
            "articles; pass one cluster label per article, in corpus order."
        )
    if len(values) and pd.isna(values).any():
        first = int(np.flatnonzero(pd.isna(values))[0])
        raise ParameterError(
            f"labels has a missing value at position {first} ({_where(corpus, first)}); give every "
            "article a cluster label (use -1 for 'no cluster' if needed)."
        )
    return values


def _cluster_name(label: Any, cluster_names: Mapping[Any, str] | None) -> str:
    if cluster_names is not None and label in cluster_names:
        return str(cluster_names[label])
    return f"Cluster {label}"


def tags_by_cluster(
    corpus: pd.DataFrame,
    labels: Sequence[int] | np.ndarray | pd.Series,
    *,
    cluster_names: Mapping[int, str] | None = None,
    top: int | None = None,
    include_universal: bool = False,
) -> pd.DataFrame:
    """Cross-tabulate tags against topic clusters: articles of each cluster carrying each tag.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.
        labels: one cluster label per article, in corpus order (positions, not index labels).
        cluster_names: optional names for the columns, e.g. ``{0: "NATO, drones", 1: "EU budget"}``;
            labels without a name are shown as ``"Cluster <label>"``. Without it the columns are the
            labels themselves.
        top: keep only the ``top`` most used tags (rows); ``None`` keeps all.
        include_universal: keep tags carried by every article (excluded by default: such a row only
            repeats the cluster sizes).

    Returns:
        Integer counts, rows = tags (display spelling, index named ``tag``, most used first, ties by
        key), columns = clusters in sorted label order (named ``cluster``). Clusters with no tagged
        article still get a column of zeros. No tags: zero rows, one column per cluster.
    """
    _check_positive_int("top", top, allow_none=True)
    parsed = _parse(corpus)
    values = _check_labels(corpus, labels)
    clusters, cluster_pos = np.unique(values, return_inverse=True) if len(values) else ([], [])
    counts = parsed.counts()
    kept = _kept_keys(parsed, counts, include_universal)
    if top is not None:
        kept = kept[:top]
    if cluster_names is None:
        columns = pd.Index(list(clusters), name="cluster")
    else:
        columns = pd.Index([_cluster_name(c, cluster_names) for c in clusters], name="cluster")
    rows = pd.Index([parsed.display[parsed.keys[k]] for k in kept], name="tag", dtype="str")
    if len(kept) == 0 or len(clusters) == 0:
        return pd.DataFrame(
            np.zeros((len(rows), len(columns)), dtype=np.int64), index=rows, columns=columns
        )
    x = parsed.matrix()[:, kept]
    membership = sparse.csr_matrix(
        (np.ones(len(values), dtype=np.int64), (np.arange(len(values)), np.asarray(cluster_pos))),
        shape=(len(values), len(clusters)),
    )
    table = np.asarray((x.T @ membership).todense(), dtype=np.int64)
    return pd.DataFrame(table, index=rows, columns=columns)


def characteristic_tags(
    corpus: pd.DataFrame,
    labels: Sequence[int] | np.ndarray | pd.Series,
    *,
    n: int = 5,
    min_count: int = 2,
    cluster_names: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """The tags most characteristic of each cluster: over-represented, and on enough of its articles.

    For a cluster of ``cluster_size`` articles, a tag on ``count`` of them and on ``share_overall`` of
    all articles: ``share_in_cluster = count / cluster_size``, ``lift = share_in_cluster /
    share_overall``. Raw lift over-reads small counts (one article in a small cluster carrying a rare tag
    gives a huge lift), so two guards apply: a tag must be on at least ``min_count`` articles of the
    cluster (default 2; a cluster smaller than that has no characteristic tags), and tags are ranked by
    the smoothed lift ``score = (count + 1) / (expected + 1)`` with ``expected = cluster_size *
    share_overall``, which pulls thin evidence towards 1. Only over-represented tags (``lift > 1``) are
    kept, and tags carried by every article are never listed (their lift is always 1).

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.
        labels: one cluster label per article, in corpus order.
        n: at most this many tags per cluster.
        min_count: least number of the cluster's articles that must carry a tag.
        cluster_names: optional display names for ``cluster_name``; default ``"Cluster <label>"``.

    Returns:
        Columns ``cluster`` (label), ``cluster_name``, ``tag``, ``key``, ``count`` (articles of the
        cluster carrying the tag), ``cluster_size``, ``share_in_cluster``, ``share_overall``, ``lift``
        and ``score``; sorted by cluster label, then score (descending), count (descending), key.
    """
    _check_positive_int("n", n)
    _check_positive_int("min_count", min_count)
    parsed = _parse(corpus)
    values = _check_labels(corpus, labels)
    dtypes = {
        "count": "int64",
        "cluster_size": "int64",
        "share_in_cluster": "float64",
        "share_overall": "float64",
        "lift": "float64",
        "score": "float64",
    }
    counts = parsed.counts()
    kept = _kept_keys(parsed, counts, include_universal=False)
    if len(kept) == 0 or len(values) == 0:
        return _empty(CHARACTERISTIC_COLUMNS, dtypes)
    clusters, cluster_pos = np.unique(values, return_inverse=True)
    sizes = np.bincount(cluster_pos, minlength=len(clusters)).astype(np.int64)
    x = parsed.matrix()[:, kept]
    membership = sparse.csr_matrix(
        (np.ones(len(values), dtype=np.int64), (np.arange(len(values)), cluster_pos)),
        shape=(len(values), len(clusters)),
    )
    table = np.asarray((membership.T @ x).todense(), dtype=np.int64)  # clusters x kept tags
    share_overall = counts[kept] / parsed.n_articles
    rows = []
    for c, label in enumerate(clusters):
        size = int(sizes[c])
        in_cluster = table[c]
        expected = size * share_overall
        lift = (in_cluster / size) / share_overall
        score = (in_cluster + 1) / (expected + 1)
        ok = np.flatnonzero((in_cluster >= min_count) & (lift > 1))
        ranked = sorted(
            ok.tolist(), key=lambda t: (-score[t], -in_cluster[t], parsed.keys[kept[t]])
        )
        for t in ranked[:n]:
            key = parsed.keys[kept[t]]
            rows.append(
                {
                    "cluster": label.item() if hasattr(label, "item") else label,
                    "cluster_name": _cluster_name(
                        label.item() if hasattr(label, "item") else label, cluster_names
                    ),
                    "tag": parsed.display[key],
                    "key": key,
                    "count": int(in_cluster[t]),
                    "cluster_size": size,
                    "share_in_cluster": in_cluster[t] / size,
                    "share_overall": float(share_overall[t]),
                    "lift": float(lift[t]),
                    "score": float(score[t]),
                }
            )
    if not rows:
        return _empty(CHARACTERISTIC_COLUMNS, dtypes)
    return pd.DataFrame(rows, columns=CHARACTERISTIC_COLUMNS).astype(dtypes)
