"""Coverage over time: articles per period and group, spikes, and the terms that rose between two periods.

:func:`trends` counts the dated articles of each cluster, tag or page per day, week or month, next to the
number of dated articles in the period (so a dip in one group can be read against a dip in coverage), and
marks spikes with the period's most representative headline. :func:`rising_terms` compares two periods
with the same log-odds scoring as :func:`analysis.compare.compare_groups`. Both need a ``published``
column of timezone-aware UTC timestamps (:func:`analysis.load_corpus` reads one from JSONL/CSV date
fields and tag-page date lines); undated articles are left out and counted in ``attrs["undated"]``.

    table = trends(corpus, freq="M", by="cluster", model=model)
    rising_terms(corpus, "2025-08", "2025-09").head()
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from analysis.compare.groups import (
    count_terms,
    group_sizes,
    memberships,
    shared_lists,
    top_terms,
)
from analysis.compare.logodds import log_odds_z_pair
from analysis.config import FREQUENCIES
from analysis.corpus.dates import parse_dates
from analysis.errors import ParameterError
from analysis.text import tokenize

__all__ = [
    "FREQUENCIES",
    "RISING_MIN_ARTICLES",
    "TREND_COLUMNS",
    "TimeCoverage",
    "period_label",
    "published_dates",
    "rising_terms",
    "time_coverage",
    "trends",
]

#: The columns of :func:`trends`.
TREND_COLUMNS = [
    "period",
    "label",
    "group",
    "articles",
    "period_articles",
    "share",
    "spike",
    "headline",
]
#: A spike: at least this many articles and at least SPIKE_RATIO x the group's median period ...
SPIKE_MIN_ARTICLES = 5
SPIKE_RATIO = 2.0
#: ... and at least SPIKE_Z Poisson standard deviations above it.
SPIKE_Z = 3.0
_BY = {"cluster", "tag", "page", "all"}
#: Month names as readers write them (``strftime("%B")`` would follow the machine's locale).
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
#: A term rises only when at least this many articles of the later period use it: one article that
#: repeats a name 28 times is an anecdote, not a change in coverage.
RISING_MIN_ARTICLES = 2


def _check_freq(freq: str) -> str:
    if freq not in FREQUENCIES:
        raise ParameterError(
            f"freq must be one of 'D', 'W' or 'M' (day, week, month), got {freq!r}."
        )
    return freq


def published_dates(corpus: pd.DataFrame) -> pd.Series:
    """The ``published`` column as ``datetime64[ns, UTC]`` (strings are read with the date parser).

    Raises:
        ParameterError: when the corpus has no ``published`` column.
    """
    if "published" not in corpus.columns:
        raise ParameterError(
            "The corpus has no 'published' column: load JSONL/CSV exports with a date field (date, "
            "published, published_at, pubdate, datetime or time) or tag pages with a date line."
        )
    column = corpus["published"]
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        return column.dt.tz_convert("UTC")
    if pd.api.types.is_datetime64_any_dtype(column):
        return column.dt.tz_localize("UTC")
    values = parse_dates(column.tolist()).values
    values.index = corpus.index
    return values


def _periods(dates: pd.Series, freq: str) -> pd.Series:
    """Start of each date's period (tz-naive UTC, NaT kept)."""
    naive = dates.dt.tz_convert("UTC").dt.tz_localize(None)
    return naive.dt.to_period(freq).dt.start_time


def period_label(start: pd.Timestamp, freq: str) -> str:
    """Reader-facing name of a period: ``September 2025`` (month), ``week of 8 September 2025`` (week),
    ``14 September 2025`` (day); English month names whatever the machine's locale."""
    month = _MONTHS[start.month - 1]
    if freq == "M":
        return f"{month} {start.year}"
    day = f"{start.day} {month} {start.year}"
    return f"week of {day}" if freq == "W" else day


@dataclass(frozen=True)
class TimeCoverage:
    """How much of a corpus is dated, and over how many periods.

    Attributes:
        dated: articles with a publication date.
        undated: articles without one.
        periods: periods from the first to the last dated article (empty periods in between count).
        first: the earliest date (None when nothing is dated).
        last: the latest date.
        freq: the period length (``"D"``, ``"W"`` or ``"M"``).
    """

    dated: int
    undated: int
    periods: int
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    freq: str


def time_coverage(corpus: pd.DataFrame, *, freq: str = "M") -> TimeCoverage:
    """Count the dated articles and the periods they span (0 of each when there is no ``published``)."""
    _check_freq(freq)
    if "published" not in corpus.columns:
        return TimeCoverage(0, len(corpus), 0, None, None, freq)
    dates = published_dates(corpus)
    dated = dates.dropna()
    if dated.empty:
        return TimeCoverage(0, len(corpus), 0, None, None, freq)
    starts = _periods(dated, freq)
    n_periods = len(pd.period_range(starts.min(), starts.max(), freq=freq))
    return TimeCoverage(
        len(dated), len(corpus) - len(dated), n_periods, dated.min(), dated.max(), freq
    )


def _trend_groups(
    corpus: pd.DataFrame, by: str, model: Any
) -> tuple[list[list[Any]], list[Any], dict]:
    if by not in _BY:
        raise ParameterError(f"by must be 'cluster', 'tag', 'page' or 'all', got {by!r}.")
    if by == "all":
        return [["All articles"]] * len(corpus), ["All articles"], {"All articles": "All articles"}
    if by == "tag":
        if "tags" not in corpus.columns:
            raise ParameterError(
                "by='tag' needs a 'tags' column; load the corpus with analysis.load_corpus."
            )
        from analysis.tags import normalize_tag

        members: list[list[Any]] = []
        names: dict[Any, Any] = {}
        # each written tag normalised once (a tag recurs on many articles), and each distinct list of tags
        # read once (a million articles carry a few thousand); its articles share one list of keys
        key_of: dict[str, str] = {}
        keys_of: dict[tuple, list[Any]] = {}
        for value in corpus["tags"].tolist():
            written_tags = (
                tuple(map(str, value)) if isinstance(value, list | tuple | np.ndarray) else ()
            )
            keys = keys_of.get(written_tags)
            if keys is None:
                keys = []
                for written in written_tags:
                    key = key_of.get(written)
                    if key is None:
                        key = key_of[written] = normalize_tag(written)
                        if key:
                            names.setdefault(key, " ".join(written.split()))
                    if key:
                        keys.append(key)
                keys = keys_of[written_tags] = list(dict.fromkeys(keys))
            members.append(keys)
        sizes = group_sizes(members)
        first = {g: i for i, g in enumerate(sizes)}
        order = sorted(sizes, key=lambda g: (-sizes[g], first[g]))
        return members, order, names
    return memberships(corpus, "cluster" if by == "cluster" else "tag_pages", model)


def trends(
    corpus: pd.DataFrame,
    *,
    freq: Literal["W", "M", "D"] = "M",
    by: Literal["cluster", "tag", "page", "all"] = "cluster",
    model: Any = None,
    top: int | None = 10,
) -> pd.DataFrame:
    """Dated articles per period and group, with spikes marked by their most representative headline.

    Args:
        corpus: a corpus with a ``published`` column.
        freq: ``"D"`` (day), ``"W"`` (week, Monday to Sunday) or ``"M"`` (month).
        by: ``"cluster"`` (topic clusters of ``model``, numbered from 1), ``"tag"``, ``"page"`` or
            ``"all"`` (one group).
        model: the :class:`analysis.topics.TopicModel` fitted on ``corpus`` (for ``by="cluster"``).
        top: keep the ``top`` groups with the most dated articles; None keeps all.

    Returns:
        One row per (period, group) for every period from the first to the last dated article (empty
        ones included, with 0): ``period`` (start, tz-naive UTC), ``label`` (e.g. ``2025-09``), ``group``,
        ``articles``, ``period_articles`` (all dated articles of the period, any group), ``share``
        (articles / period_articles, NaN for an empty period), ``spike`` (the group's count is at least
        5, at least twice its median per period and 3 Poisson standard deviations above it) and
        ``headline`` (for a spike, the headline sharing the most words with the spike's other
        headlines; else ""). ``attrs["undated"]`` counts the articles left out for want of a date.

    Raises:
        ParameterError: no ``published`` column, no dated article, bad ``freq``/``by``/``top``, or
            ``by="cluster"`` without a model.
    """
    _check_freq(freq)
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ParameterError(f"top must be a whole number >= 1 or None, got {top!r}.")
    dates = published_dates(corpus)
    members, order, names = _trend_groups(corpus, by, model)
    dated = dates.notna().to_numpy()
    if not dated.any():
        raise ParameterError(
            f"None of the {len(corpus)} articles has a publication date; trends need a 'published' column."
        )
    starts = _periods(dates, freq).to_numpy()
    grid = pd.period_range(
        pd.Timestamp(starts[dated].min()), pd.Timestamp(starts[dated].max()), freq=freq
    )
    period_index = pd.DatetimeIndex(grid.start_time)
    table = _count_grid(members, order, starts, dated, period_index, top)
    table = table.assign(group=table["group"].map(lambda g: names.get(g, g)))
    table.insert(1, "label", [period_label(p, freq) for p in table["period"]])
    table = _mark_spikes(table, corpus, members, order, starts, names)
    table.attrs["undated"] = int((~dated).sum())
    return table[TREND_COLUMNS]


def _count_grid(
    members: list[list[Any]],
    order: list[Any],
    starts: np.ndarray,
    dated: np.ndarray,
    periods: pd.DatetimeIndex,
    top: int | None,
) -> pd.DataFrame:
    """Articles per (period, group) over the full grid, plus the period totals."""
    slot = periods.get_indexer(pd.DatetimeIndex(starts[dated]))
    position = {g: i for i, g in enumerate(order)}
    slot_of = np.full(len(members), -1, dtype=np.int64)
    slot_of[np.flatnonzero(dated)] = slot
    # articles per (period, distinct list of groups), then each list's count given to its groups
    codes, lists = shared_lists(members)
    counted = slot_of >= 0
    per_list = np.bincount(
        codes[counted] * len(periods) + slot_of[counted], minlength=len(lists) * len(periods)
    ).reshape(len(lists), len(periods))
    cells = np.zeros((len(periods), len(order)), dtype=np.int64)
    for row, groups in zip(per_list, lists, strict=True):
        for g in groups:
            cells[:, position[g]] += row
    totals = np.bincount(slot, minlength=len(periods)).astype(np.int64)
    keep = np.argsort(-cells.sum(axis=0), kind="stable")
    if top is not None:
        keep = np.sort(keep[:top])  # the groups' own order (clusters by number, others by size)
    kept = [order[i] for i in keep]
    frame = pd.DataFrame(
        {
            "period": np.repeat(periods.to_numpy(), len(kept)),
            "group": kept * len(periods),
            "articles": cells[:, keep].ravel(),
            "period_articles": np.repeat(totals, len(kept)),
        }
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        share = frame["articles"].to_numpy() / frame["period_articles"].to_numpy()
    return frame.assign(share=np.where(frame["period_articles"] > 0, share, np.nan))


def _mark_spikes(
    table: pd.DataFrame,
    corpus: pd.DataFrame,
    members: list[list[Any]],
    order: list[Any],
    starts: np.ndarray,
    names: dict,
) -> pd.DataFrame:
    median = (
        table.groupby("group", sort=False)["articles"].transform("median").to_numpy(dtype=float)
    )
    counts = table["articles"].to_numpy(dtype=float)
    spike = (
        (counts >= SPIKE_MIN_ARTICLES)
        & (counts >= SPIKE_RATIO * median)
        & (counts - median >= SPIKE_Z * np.sqrt(np.maximum(median, 1.0)))
    )
    headlines = [""] * len(table)
    titles = corpus["title"].to_numpy() if "title" in corpus.columns else np.full(len(corpus), "")
    name_of = {g: names.get(g, g) for g in order}
    for row in np.flatnonzero(spike):
        period, group = table["period"].iat[row], table["group"].iat[row]
        picked = [
            i
            for i in np.flatnonzero(starts == np.datetime64(period))
            if any(name_of[g] == group for g in members[i])
        ]
        headlines[row] = representative_headline([str(titles[i] or "") for i in picked])
    return table.assign(spike=spike, headline=headlines)


def representative_headline(headlines: list[str]) -> str:
    """The headline sharing the most words with the other headlines (ties: the first), "" for none."""
    if not headlines:
        return ""
    token_sets = [set(tokenize(h)) for h in headlines]
    frequency = Counter(t for tokens in token_sets for t in tokens)
    scores = [sum(frequency[t] - 1 for t in tokens) for tokens in token_sets]
    return headlines[int(np.argmax(scores))]


# ------------------------------------------------------------------------------------ rising terms


def _period_bounds(period: Any) -> tuple[pd.Timestamp, pd.Timestamp]:
    """[start, end) in UTC of ``"2025-09"``, ``"2025-09-14"``, a ``pd.Period`` or a ``(start, end)`` pair."""
    try:
        if isinstance(period, tuple) and len(period) == 2:
            start, end = (pd.Timestamp(p) for p in period)
        else:
            as_period = period if isinstance(period, pd.Period) else pd.Period(str(period))
            start, end = as_period.start_time, as_period.end_time + pd.Timedelta(1, "ns")
    except (ValueError, TypeError) as exc:
        raise ParameterError(
            f"Cannot read the period {period!r} ({exc}); pass e.g. '2025-09' (a month), '2025-09-14' "
            "(a day), a pandas Period or a (start, end) pair of dates."
        ) from None
    start = start.tz_localize("UTC") if start.tzinfo is None else start.tz_convert("UTC")
    end = end.tz_localize("UTC") if end.tzinfo is None else end.tz_convert("UTC")
    return start, end


def rising_terms(
    corpus: pd.DataFrame,
    period_a: Any,
    period_b: Any,
    *,
    top: int | None = 20,
    max_words: int | Literal["auto"] | None = "auto",
    min_articles: int = RISING_MIN_ARTICLES,
) -> pd.DataFrame:
    """The words and phrases found in more articles in period B than in period A.

    Each term is counted once per article that uses it, so a word repeated by one article cannot rise on
    its own; the numbers of articles are compared with the log-odds ratio with an informative prior (as
    :func:`analysis.compare.compare_groups` compares uses).

    Args:
        corpus: a corpus with a ``published`` column.
        period_a: the earlier (reference) period: ``"2025-08"``, ``"2025-08-31"``, a ``pandas.Period`` or
            a ``(start, end)`` pair (end excluded); dates without a zone are UTC.
        period_b: the period to compare with it.
        top: keep the ``top`` terms with the highest ``z`` (only ``z > 0``); None keeps all.
        max_words: body words counted per article (see :func:`analysis.compare.count_terms`).
        min_articles: a term must be used by at least this many articles of period B.

    Returns:
        ``term``, ``z`` (positive: in more articles in B), ``articles_a``, ``articles_b`` (articles of each
        period using the term), ``uses_a``, ``uses_b`` (times used), by decreasing ``z``; ``attrs`` holds
        ``period_articles_a`` and ``period_articles_b``, the dated articles of each period.

    Raises:
        ParameterError: no ``published`` column, an unreadable period, or a period without articles.
    """
    dates = published_dates(corpus).dt.tz_localize(None).to_numpy()
    masks = []
    for name, period in (("period_a", period_a), ("period_b", period_b)):
        start, end = _period_bounds(period)
        lo, hi = start.tz_localize(None).to_datetime64(), end.tz_localize(None).to_datetime64()
        mask = (dates >= lo) & (dates < hi)
        if not mask.any():
            raise ParameterError(
                f"No dated article falls in {name} = {period!r}; pick a period with articles."
            )
        masks.append(mask)
    either = masks[0] | masks[1]
    counts = count_terms(corpus.iloc[np.flatnonzero(either)], max_words=max_words, min_df=1)
    in_a, in_b = masks[0][either], masks[1][either]
    used = counts.counts.astype(bool).astype(np.float64)
    articles_a = np.asarray(used[in_a].sum(axis=0)).ravel()
    articles_b = np.asarray(used[in_b].sum(axis=0)).ravel()
    z = log_odds_z_pair(articles_b, articles_a)
    z[articles_b < min_articles] = -np.inf  # never listed, however high its score
    cols = top_terms(z, top)
    table = pd.DataFrame(
        {
            "term": counts.terms[cols].astype(str),
            "z": z[cols],
            "articles_a": articles_a[cols].astype(np.int64),
            "articles_b": articles_b[cols].astype(np.int64),
            "uses_a": np.asarray(counts.counts[in_a].sum(axis=0)).ravel()[cols].astype(np.int64),
            "uses_b": np.asarray(counts.counts[in_b].sum(axis=0)).ravel()[cols].astype(np.int64),
        }
    )
    table.attrs.update(period_articles_a=int(masks[0].sum()), period_articles_b=int(masks[1].sum()))
    return table
