"""Compare groups of articles: the terms that set each tag page (or cluster, or any column) apart.

:func:`compare_groups` scores every term of every group against all the other groups with the log-odds
ratio with an informative Dirichlet prior (:mod:`analysis.compare.logodds`), on term counts from the
project's news tokenizer with its detected phrases (:func:`analysis.text.vectorize`). Each article's groups
come from :func:`memberships`; how pages overlap is :mod:`analysis.compare.pages`.

    table = compare_groups(corpus, by="tag_pages")
    table[table["group"] == "Sport"].head()    # the terms most typical of the Sport page
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.compare.logodds import log_odds_z_pair
from analysis.config import LEAD_WORDS, lead_words
from analysis.errors import ParameterError
from analysis.tags import normalize_tag
from analysis.text import DocumentTexts, vectorize

__all__ = [
    "GROUP_COLUMNS",
    "LEAD_WORDS",
    "check_model",
    "cluster_members",
    "compare_groups",
    "count_terms",
    "group_sizes",
    "list_codes",
    "memberships",
    "shared_lists",
]

#: The columns of :func:`compare_groups`.
GROUP_COLUMNS = ["group", "term", "z", "count_in_group", "count_elsewhere", "articles_in_group"]
#: Beyond this many articles, ``max_articles="auto"`` counts a sample of this many, stratified by group.
SAMPLE_ARTICLES = 30_000


@dataclass(frozen=True)
class TermCounts:
    """Term counts of some articles (from the news tokenizer, phrases kept whole).

    Attributes:
        counts: sparse (articles x terms) raw counts, CSR.
        terms: the term of each column.
        settings: the tokenizer settings used (from :func:`analysis.text.vectorize`) and the text used.
    """

    counts: sparse.csr_matrix
    terms: np.ndarray
    settings: dict


def _resolve_max_words(max_words: int | Literal["auto"] | None, n: int) -> int | None:
    if max_words == "auto":
        return lead_words(n)
    if max_words is not None and (
        isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1
    ):
        raise ParameterError(
            f"max_words must be a whole number >= 1, None or 'auto', got {max_words!r}."
        )
    return max_words


def count_terms(
    corpus: pd.DataFrame,
    *,
    max_words: int | Literal["auto"] | None = "auto",
    min_df: int | None = None,
) -> TermCounts:
    """Count the news-tokenizer terms (and detected phrases) of each article's headline and body.

    Args:
        corpus: a corpus with ``body`` and, optionally, ``title``.
        max_words: count only the first ``max_words`` words of each body; ``"auto"`` does so (150 words,
            the lead of an inverted-pyramid story) beyond 20,000 articles (:func:`analysis.config.lead_words`),
            None always reads whole bodies.
        min_df: drop terms found in fewer articles; default adapts to the corpus size.

    Returns:
        A :class:`TermCounts`.

    Raises:
        ParameterError: for an empty corpus, a corpus without ``body``, or no usable term.
    """
    used = _resolve_max_words(max_words, len(corpus))
    texts = DocumentTexts(corpus, max_words=used)
    vectors = vectorize(texts, min_df=min_df, max_df=1.0)
    settings = dict(vectors.settings)
    settings["text_used"] = (
        "headline + whole body" if used is None else f"headline + first {used} words of the body"
    )
    return TermCounts(vectors.counts.tocsr(), vectors.terms, settings)


# ------------------------------------------------------------------------------------------ groups


def cluster_members(corpus: pd.DataFrame, model: Any) -> list[list[Hashable]]:
    """Each article's topic number for readers (one group per article), the model checked against the corpus."""
    labels = check_model(corpus, model)
    numbers = model.numbers if hasattr(model, "numbers") else np.arange(1, labels.max() + 2)
    # each topic's number for readers, one list per topic that its articles share (a million articles: no
    # million lists for the garbage collector to walk)
    shared = [[number] for number in np.asarray(numbers).tolist()]
    return list(map(shared.__getitem__, labels.tolist()))


def check_model(corpus: pd.DataFrame, model: Any) -> np.ndarray:
    """The model's labels, once checked to be those of ``corpus``'s articles (ParameterError if not)."""
    if model is None:
        raise ParameterError(
            "by='cluster' needs the fitted model: pass model=fit_topics(corpus, ...)."
        )
    labels = np.asarray(model.labels)
    if len(labels) != len(corpus):
        raise ParameterError(
            f"The model was fitted on {len(labels)} articles but this corpus has {len(corpus)}; "
            "pass the corpus that was given to fit_topics."
        )
    return labels


def _page_key(page: str) -> str:
    return normalize_tag(page)


def _column_values(corpus: pd.DataFrame, column: str) -> list[list[Hashable]]:
    """Each article's distinct non-blank values of ``column`` (a list column, or one value per article).

    A large archive repeats a few values (the same tag pages, the same outlet) over a million rows: each
    distinct value is cleaned once and its list shared by the rows that hold it (never mutate them).
    """
    if column not in corpus.columns:
        raise ParameterError(
            f"The corpus has no column {column!r} (columns: {list(corpus.columns)}); "
            "use by='tag_pages', by='cluster' (with model=...) or one of the columns."
        )
    series = corpus[column]
    if pd.api.types.infer_dtype(series, skipna=True) == "string":  # one text per article: by code
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        by_code = [_cleaned([u]) for u in uniques.tolist()] + [[]]  # code -1 (missing): none
        return [by_code[c] for c in codes.tolist()]
    listed = list_codes(series)
    if listed is not None:  # lists of strings (tags, tag pages): each distinct list cleaned once
        codes, distinct = listed
        by_code = [_cleaned(list(d)) for d in distinct]
        return [by_code[c] for c in codes.tolist()]
    out: list[list[Hashable]] = []
    seen: dict[Hashable, list[Hashable]] = {}
    for value in series.tolist():
        listed = isinstance(value, list | tuple | set | np.ndarray)
        try:  # keyed by types too: 1, 1.0 and True are equal as keys but not as values
            key = (type(value), *map(type, value), *value) if listed else (type(value), value)
            cleaned = seen.get(key)
        except TypeError:  # an unhashable value: cleaned on its own
            key, cleaned = None, None
        if cleaned is None:
            cleaned = _cleaned(list(value) if listed else [value])
            if key is not None and (listed or cleaned):  # blank scalars (NaN) are not kept apart
                seen[key] = cleaned
        out.append(cleaned)
    return out


def list_codes(series: pd.Series) -> tuple[np.ndarray, list[tuple[str, ...]]] | None:
    """Each row's list as a code into the distinct lists (first seen first), when every row holds a list or
    tuple of strings; None otherwise (then read row by row: 1, 1.0 and True are equal as keys but not as
    values, so other lists are not merged by equality)."""
    values = series.tolist()
    if not {type(v) for v in values} <= {list, tuple}:
        return None
    try:
        codes, distinct = pd.factorize(pd.Series([tuple(v) for v in values], dtype=object))
    except TypeError:  # an unhashable item
        return None
    distinct = list(distinct)
    if any(type(item) is not str for d in distinct for item in d):
        return None
    return codes.astype(np.int64), distinct


def _cleaned(items: list[Any]) -> list[Hashable]:
    """The distinct items, first-seen order, without None, NaN and empty strings."""
    kept = [
        v for v in items if v is not None and not (isinstance(v, float) and np.isnan(v)) and v != ""
    ]
    return list(dict.fromkeys(kept))


def _pages(corpus: pd.DataFrame) -> tuple[list[list[str]], dict[str, str]]:
    """Each article's page keys, and the display name of each key (first spelling seen); rows with the
    same pages share one list (never mutate them)."""
    names: dict[str, str] = {}
    out: list[list[str]] = []
    keyed: dict[int, list[str]] = {}  # by the id of a shared list from _column_values
    for value in _column_values(corpus, "tag_pages"):
        keys = keyed.get(id(value))
        if keys is None:
            keys = []
            for page in value:
                key = _page_key(str(page))
                if key:
                    names.setdefault(key, " ".join(str(page).split()))
                    keys.append(key)
            keys = list(dict.fromkeys(keys))
            keyed[id(value)] = keys
        out.append(keys)
    return out, names


def memberships(
    corpus: pd.DataFrame, by: str, model: Any
) -> tuple[list[list[Hashable]], list[Hashable], dict[Hashable, Any]]:
    """(groups of each article, groups in display order, display name of each group)."""
    if by == "cluster":
        members = cluster_members(corpus, model)
        names: dict[Hashable, Any] = {}
    elif by == "tag_pages":
        members, page_names = _pages(corpus)
        names = dict(page_names)
    else:
        members = _column_values(corpus, by)
        names = {}
    sizes = group_sizes(members)
    if by == "cluster":
        order = sorted(sizes)
    else:
        first = {g: i for i, g in enumerate(sizes)}
        order = sorted(sizes, key=lambda g: (-sizes[g], first[g]))
    return members, order, {g: names.get(g, g) for g in order}


def group_sizes(members: list[list[Hashable]]) -> dict[Hashable, int]:
    """How many articles are in each group, groups in first-seen order; each distinct list object is read
    once (articles of one topic, or of one set of tags, share their list)."""
    codes, lists = shared_lists(members)
    times = np.bincount(codes, minlength=len(lists)).tolist()
    sizes: dict[Hashable, int] = {}
    for groups, n in zip(lists, times, strict=True):
        for g in groups:
            sizes[g] = sizes.get(g, 0) + n
    return sizes


def shared_lists(members: list[list[Hashable]]) -> tuple[np.ndarray, list[list[Hashable]]]:
    """Each article's list as a code into the distinct list objects (by identity, first seen first)."""
    ids = np.fromiter(map(id, members), dtype=np.int64, count=len(members))
    codes = pd.factorize(ids)[0].astype(np.int64)
    firsts = np.unique(codes, return_index=True)[1]
    return codes, [members[i] for i in firsts]


def _indicator(members: list[list[Hashable]], order: list[Hashable]) -> sparse.csr_matrix:
    """Sparse (groups x articles) 0/1 matrix of group membership."""
    position = {g: i for i, g in enumerate(order)}
    rows, cols = [], []
    for article, groups in enumerate(members):
        for g in groups:
            rows.append(position[g])
            cols.append(article)
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(order), len(members)))


def top_terms(z: np.ndarray, top: int | None) -> np.ndarray:
    """Columns of the ``top`` highest positive z-scores, highest first (ties: column order)."""
    positive = np.flatnonzero(z > 0)
    if top is not None and len(positive) > top:
        part = np.argpartition(-z[positive], top - 1)[:top]
        positive = positive[part]
    return positive[np.lexsort((positive, -z[positive]))]


def _counted(corpus, members, order, counts, max_words, max_articles, random_state):
    """(members, term counts, sample note or None): the given counts checked against the corpus, or the
    counts of the corpus (of a sample with an equal quota per group, when ``max_articles`` asks for one)."""
    if counts is not None:
        if counts.counts.shape[0] != len(corpus):
            raise ParameterError(
                f"counts has {counts.counts.shape[0]} rows but the corpus has {len(corpus)} articles; "
                "pass count_terms(corpus) of this corpus."
            )
        return members, counts, None
    sample_note = None
    rows = _sample(members, order, _resolve_max_articles(max_articles, len(corpus)), random_state)
    if rows is not None:
        sample_note = (
            f"{len(rows):,} of {len(corpus):,} articles, sampled with an equal quota per group "
            f"(random_state={random_state})"
        )
        corpus = corpus.iloc[rows]
        members = [members[i] for i in rows]
    return members, count_terms(corpus, max_words=max_words), sample_note


def compare_groups(
    corpus: pd.DataFrame,
    by: str = "tag_pages",
    *,
    model: Any = None,
    top: int | None = 20,
    max_words: int | Literal["auto"] | None = "auto",
    max_articles: int | Literal["auto"] | None = "auto",
    random_state: int = 0,
    counts: TermCounts | None = None,
) -> pd.DataFrame:
    """The words and phrases that most distinguish each group of articles from the other groups.

    Every term is scored for each group against all the other groups together with the log-odds ratio
    with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). ``z`` above
    1.96 means the term is used more in the group than elsewhere beyond what chance would give (two-sided
    5%). An article in several groups (a story on two tag pages) counts in each; "elsewhere" is the other
    articles that have a group.

    Args:
        corpus: a corpus from :func:`analysis.load_corpus`.
        by: ``"tag_pages"`` (the pages the articles were found on), ``"cluster"`` (topic clusters of
            ``model``, numbered from 1) or the name of any column (list values count in each group).
        model: the :class:`analysis.topics.TopicModel` fitted on ``corpus`` (needed for ``by="cluster"``).
        top: keep the ``top`` highest-scoring terms of each group (only terms with ``z > 0``); None keeps
            every term used more in the group than elsewhere.
        max_words: body words counted per article (see :func:`count_terms`).
        max_articles: count at most this many articles: a random sample with an equal quota per group
            (every article of a group smaller than its quota is kept), so small groups keep their articles;
            ``"auto"`` samples 30,000 articles beyond 30,000, None counts every article. Counts and
            ``articles_in_group`` then describe the sample; ``attrs["settings"]["sample"]`` says so.
        random_state: seed of that sample (the same seed gives the same table).
        counts: term counts of ``corpus`` from :func:`count_terms`, to reuse them (no sampling then).

    Returns:
        One row per (group, term), groups in order (pages and column values by decreasing size, clusters
        by number), terms by decreasing ``z``: ``group``, ``term``, ``z``, ``count_in_group``,
        ``count_elsewhere`` (uses of the term in the other grouped articles) and ``articles_in_group``.
        ``attrs["settings"]`` records the tokenizer settings and the text used.

    Raises:
        ParameterError: fewer than two groups, an unknown column, ``by="cluster"`` without a model, or
            ``counts`` that do not belong to the corpus.

    Example:
        >>> table = compare_groups(corpus, by="tag_pages", top=10)  # doctest: +SKIP
    """
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ParameterError(f"top must be a whole number >= 1 or None, got {top!r}.")
    members, order, names = memberships(corpus, by, model)
    if len(order) < 2:
        found = f"only {names[order[0]]!r}" if order else "none"
        raise ParameterError(
            f"compare_groups(by={by!r}) needs at least two groups to compare; the corpus has {found}."
        )
    members, counts, sample_note = _counted(
        corpus, members, order, counts, max_words, max_articles, random_state
    )
    indicator = _indicator(members, order)
    grouped = np.asarray(indicator.sum(axis=0)).ravel() > 0
    per_group = (indicator @ counts.counts).tocsr()
    total = np.asarray(counts.counts[grouped].sum(axis=0), dtype=np.float64).ravel()
    sizes = np.asarray(indicator.sum(axis=1)).ravel().astype(np.int64)
    frames = [
        _group_rows(
            names[g], per_group.getrow(i).toarray().ravel(), total, counts.terms, int(sizes[i]), top
        )
        for i, g in enumerate(order)
    ]
    table = pd.concat(frames, ignore_index=True)
    table.attrs["settings"] = dict(counts.settings, by=by, sample=sample_note or "every article")
    return table


def _resolve_max_articles(max_articles: int | Literal["auto"] | None, n: int) -> int | None:
    if max_articles == "auto":
        return SAMPLE_ARTICLES
    if max_articles is not None and (
        isinstance(max_articles, bool) or not isinstance(max_articles, int) or max_articles < 2
    ):
        raise ParameterError(
            f"max_articles must be a whole number >= 2, None or 'auto', got {max_articles!r}."
        )
    return max_articles


def _sample(
    members: list[list[Hashable]], order: list[Hashable], limit: int | None, random_state: int
) -> np.ndarray | None:
    """Row positions of at most about ``limit`` grouped articles, an equal quota per group; None: all."""
    grouped = sum(1 for m in members if m)
    if limit is None or grouped <= limit:
        return None
    rng = np.random.default_rng(random_state)
    quota = max(1, limit // len(order))
    by_group: dict[Hashable, list[int]] = {g: [] for g in order}
    for row, groups in enumerate(members):
        for g in groups:
            by_group[g].append(row)
    chosen: set[int] = set()
    for g in order:
        rows = np.asarray(by_group[g], dtype=np.int64)
        if len(rows) > quota:
            rows = rng.choice(rows, size=quota, replace=False)
        chosen.update(rows.tolist())
    return np.sort(np.fromiter(chosen, dtype=np.int64, count=len(chosen)))


def _group_rows(
    name: Any,
    in_group: np.ndarray,
    total: np.ndarray,
    terms: np.ndarray,
    size: int,
    top: int | None,
) -> pd.DataFrame:
    elsewhere = np.maximum(total - in_group, 0.0)
    z = log_odds_z_pair(in_group, elsewhere, background=total)
    cols = top_terms(z, top)
    return pd.DataFrame(
        {
            "group": pd.Series([name] * len(cols), dtype=object),
            "term": terms[cols].astype(str),
            "z": z[cols],
            "count_in_group": in_group[cols].astype(np.int64),
            "count_elsewhere": elsewhere[cols].astype(np.int64),
            "articles_in_group": np.full(len(cols), size, dtype=np.int64),
        }
    )
