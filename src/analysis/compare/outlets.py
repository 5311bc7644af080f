"""Outlets compared: size, topics, sources and attention over time of each outlet (or any column's values).

Every function takes the corpus and the name of the column to compare by (``outlet`` by default; any column
works, e.g. ``outlet_domain`` or ``bias``) and returns a plain table. Shares are normalised by the outlet's own
size, so a big outlet does not look interested in everything. Counts are per article (every copy of a
syndicated story counts for the outlet that ran it); :func:`story_spread` and :func:`copy_shares` read the
story groups of :func:`analysis.compare.story_groups`.

- :func:`compare_column`: the column a report compares by (``outlet`` when there are two or more outlets).
- :func:`outlet_sizes`: articles per outlet, the largest first, with the rest summed in one row.
- :func:`topic_shares`: each outlet's share of its articles in each topic cluster, and that share against
  the whole corpus's.
- :func:`attention_over_time`: per outlet and period, each cluster's share of the outlet's dated articles.
- :func:`outlet_sources`: per outlet, the people it quotes most and its share of quotes from unnamed sources.
- :func:`story_spread`, :func:`copy_shares`: the stories run by several outlets, and each outlet's share of
  articles that are copies of another outlet's text.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.compare.trends import FREQUENCIES, period_label, published_dates
from analysis.errors import ParameterError

__all__ = [
    "MAX_OUTLETS",
    "OUTLET_COLUMN",
    "attention_over_time",
    "compare_column",
    "copy_shares",
    "outlet_keys",
    "outlet_sizes",
    "outlet_sources",
    "story_spread",
    "topic_shares",
]

#: The column a report compares by when the corpus has two or more of its values.
OUTLET_COLUMN = "outlet"
#: Sections compare at most this many outlets, the largest (the others are counted in one row).
MAX_OUTLETS = 12


def compare_column(corpus: pd.DataFrame, by: str | None = None) -> str:
    """The column to compare by: ``by`` when given (checked), else ``outlet`` with two or more outlets,
    else ``tag_pages``.

    Raises:
        ParameterError: ``by`` is not a column of the corpus.
    """
    if by is not None:
        if by != "tag_pages" and by not in corpus.columns:
            usable = [c for c in corpus.columns if c not in {"body", "title", "id"}]
            raise ParameterError(
                f"cannot compare by {by!r}: the corpus has no such column; use one of {usable} "
                "(or tag_pages)."
            )
        return by
    if OUTLET_COLUMN in corpus.columns:
        keys = outlet_keys(corpus, OUTLET_COLUMN)
        if keys[keys != ""].nunique() >= 2:
            return OUTLET_COLUMN
    return "tag_pages"


def outlet_keys(corpus: pd.DataFrame, by: str) -> pd.Series:
    """Each article's value of ``by`` as a display string ("" when missing; lists joined with "; ")."""
    if by not in corpus.columns:
        raise ParameterError(f"The corpus has no column {by!r}.")

    def key(value: Any) -> str:
        if isinstance(value, list | tuple | np.ndarray):
            return "; ".join(str(v) for v in value)
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return ""
        return " ".join(str(value).split())

    values = corpus[by]
    if values.dtype == object:  # lists of strings (tag pages) joined at once, the rest by key()
        keys = [_joined_strings(v) for v in values.tolist()]
        return pd.Series(
            [key(v) if k is None else k for k, v in zip(keys, values.tolist(), strict=True)],
            index=values.index,
            dtype=object,
            name=by,
        )
    return values.map(key).astype(object).rename(by)


def _joined_strings(value: Any) -> str | None:
    """A list (or tuple) of strings joined with "; ", as ``outlet_keys`` writes it; None for anything else."""
    if type(value) is list or type(value) is tuple:
        try:
            return "; ".join(value)
        except TypeError:
            return None
    return None


def _ranked(keys: pd.Series) -> list[str]:
    """Outlets by decreasing size (ties: first seen), the empty key left out."""
    sizes = keys[keys != ""].value_counts(sort=False)
    first = {k: i for i, k in enumerate(dict.fromkeys(keys[keys != ""]))}
    return sorted(sizes.index, key=lambda k: (-sizes[k], first[k]))


def outlet_sizes(
    corpus: pd.DataFrame, by: str = OUTLET_COLUMN, *, top: int = MAX_OUTLETS
) -> pd.DataFrame:
    """Articles per outlet: the ``top`` largest, then one row for all the others, then one for no outlet.

    Returns:
        ``outlet``, ``articles``, ``share`` (of all articles, 0-1); ``attrs["outlets"]`` is the number of
        distinct outlets.
    """
    keys = outlet_keys(corpus, by)
    ranked = _ranked(keys)
    counts = keys.value_counts()
    rows = [(o, int(counts[o])) for o in ranked[:top]]
    if len(ranked) > top:
        rest = int(sum(counts[o] for o in ranked[top:]))
        rows.append((f"{len(ranked) - top:,} other {_plural(by, len(ranked) - top)}", rest))
    missing = int((keys == "").sum())
    if missing:
        rows.append((f"(no {by})", missing))
    table = pd.DataFrame(rows, columns=["outlet", "articles"])
    table["share"] = table["articles"] / max(len(corpus), 1)
    table.attrs["outlets"] = len(ranked)
    return table


def _plural(by: str, n: int) -> str:
    word = by.replace("_", " ")
    return word if n == 1 else f"{word}s"


def topic_shares(
    corpus: pd.DataFrame,
    labels: np.ndarray,
    by: str = OUTLET_COLUMN,
    *,
    top: int = MAX_OUTLETS,
) -> pd.DataFrame:
    """Each outlet's share of its own articles in each topic cluster.

    Args:
        corpus: the corpus.
        labels: the cluster (0-based) of each article, e.g. ``model.labels``.
        by: the column of outlets.
        top: the outlets compared (the largest).

    Returns:
        One row per (outlet, cluster), outlets by decreasing size, clusters numbered from 1: ``outlet``,
        ``cluster``, ``articles``, ``outlet_articles``, ``share`` (articles / outlet_articles),
        ``corpus_share`` (the cluster's share of all articles) and ``ratio`` (share / corpus_share: above 1,
        the outlet gives the topic more of its coverage than the corpus as a whole does).
    """
    labels = np.asarray(labels)
    if len(labels) != len(corpus):
        raise ParameterError(
            f"labels has {len(labels)} entries but the corpus has {len(corpus)} articles."
        )
    keys = outlet_keys(corpus, by).to_numpy()
    outlets = _ranked(pd.Series(keys))[:top]
    k = int(labels.max()) + 1 if len(labels) else 0
    overall = np.bincount(labels, minlength=k) / max(len(labels), 1)
    rows = []
    for outlet in outlets:
        mine = labels[keys == outlet]
        counts = np.bincount(mine, minlength=k)
        for c in range(k):
            share = counts[c] / len(mine)
            ratio = share / overall[c] if overall[c] else np.nan
            rows.append((outlet, c + 1, int(counts[c]), len(mine), share, overall[c], ratio))
    return pd.DataFrame(
        rows,
        columns=[
            "outlet",
            "cluster",
            "articles",
            "outlet_articles",
            "share",
            "corpus_share",
            "ratio",
        ],
    )


def attention_over_time(
    corpus: pd.DataFrame,
    labels: np.ndarray,
    by: str = OUTLET_COLUMN,
    *,
    freq: str = "M",
    top: int = MAX_OUTLETS,
    clusters: int | None = 4,
) -> pd.DataFrame:
    """Per outlet and period, each topic cluster's share of the outlet's dated articles.

    Args:
        corpus: a corpus with ``published``.
        labels: the cluster (0-based) of each article.
        by: the column of outlets.
        freq: ``"D"``, ``"W"`` or ``"M"``.
        top: the outlets shown (the largest).
        clusters: the clusters followed (the largest over the whole corpus); None follows all.

    Returns:
        One row per (outlet, period, cluster) over every period from the first to the last dated article:
        ``outlet``, ``period``, ``label``, ``cluster`` (from 1), ``articles``, ``outlet_articles`` (the
        outlet's dated articles in the period) and ``share`` (NaN when the outlet has none that period).
        ``attrs["undated"]`` counts the articles left out for want of a date.
    """
    if freq not in FREQUENCIES:
        raise ParameterError(f"freq must be 'D', 'W' or 'M', got {freq!r}.")
    labels = np.asarray(labels)
    dates = published_dates(corpus)
    dated = dates.notna().to_numpy()
    if not dated.any():
        raise ParameterError("No article has a publication date; attention over time needs dates.")
    starts = dates.dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period(freq).dt.start_time
    grid = pd.period_range(starts[dated].min(), starts[dated].max(), freq=freq).start_time
    slot = grid.get_indexer(pd.DatetimeIndex(starts[dated]))
    keys = outlet_keys(corpus, by).to_numpy()[dated]
    kept = labels[dated]
    followed = np.argsort(-np.bincount(labels, minlength=int(labels.max()) + 1), kind="stable")
    followed = np.sort(followed if clusters is None else followed[:clusters])
    frames = []
    for outlet in _ranked(pd.Series(keys))[:top]:
        mine = keys == outlet
        totals = np.bincount(slot[mine], minlength=len(grid))
        for c in followed:
            counts = np.bincount(slot[mine & (kept == c)], minlength=len(grid))
            with np.errstate(invalid="ignore", divide="ignore"):
                share = np.where(totals > 0, counts / np.maximum(totals, 1), np.nan)
            frames.append(
                pd.DataFrame(
                    {
                        "outlet": outlet,
                        "period": grid,
                        "label": [period_label(p, freq) for p in grid],
                        "cluster": int(c) + 1,
                        "articles": counts.astype(np.int64),
                        "outlet_articles": totals.astype(np.int64),
                        "share": share,
                    }
                )
            )
    table = pd.concat(frames, ignore_index=True)
    table.attrs["undated"] = int((~dated).sum())
    return table


def outlet_sources(
    corpus: pd.DataFrame,
    said: pd.DataFrame,
    by: str = OUTLET_COLUMN,
    *,
    top: int = MAX_OUTLETS,
    speakers: int = 3,
) -> pd.DataFrame:
    """Per outlet, its quotations, the share from unnamed sources, and the people it quotes most.

    Args:
        corpus: the corpus the quotations come from (``id`` and the ``by`` column).
        said: :func:`analysis.extract.quotes` of that corpus.
        by: the column of outlets.
        top: the outlets listed (the largest by articles).
        speakers: named speakers listed per outlet.

    Returns:
        One row per outlet: ``outlet``, ``articles``, ``quotations``, ``named`` (quotations from named
        people or organisations), ``unnamed`` (from sources described but not named, "an official"),
        ``unnamed_share`` (unnamed / (named + unnamed); NaN without either) and ``most_quoted`` ("Name (n);
        ..."), with ``speakers`` names.
    """
    keys = outlet_keys(corpus, by)
    outlet_of = dict(zip(corpus["id"].astype(str), keys, strict=True))
    quoted = said.assign(outlet=said["article_id"].astype(str).map(outlet_of))
    rows = []
    for outlet in _ranked(keys)[:top]:
        mine = quoted[quoted["outlet"] == outlet]
        named = mine[mine["speaker_named"]]
        unnamed = int(((~mine["speaker_named"]) & (mine["speaker"] != "")).sum())
        ranked = named["speaker"].value_counts(sort=False)
        first = {s: i for i, s in enumerate(dict.fromkeys(named["speaker"]))}
        best = sorted(ranked.index, key=lambda s: (-ranked[s], first[s]))[:speakers]
        attributed = len(named) + unnamed
        rows.append(
            (
                outlet,
                int((keys == outlet).sum()),
                len(mine),
                len(named),
                unnamed,
                unnamed / attributed if attributed else np.nan,
                "; ".join(f"{s} ({ranked[s]})" for s in best),
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "outlet",
            "articles",
            "quotations",
            "named",
            "unnamed",
            "unnamed_share",
            "most_quoted",
        ],
    )


# ----------------------------------------------------------------------------------- story groups


def _groups(corpus: pd.DataFrame, groups: pd.Series | np.ndarray | None) -> np.ndarray:
    if groups is None:
        if "story_group" not in corpus.columns:
            raise ParameterError(
                "The corpus has no 'story_group' column: pass groups=analysis.story_groups(corpus)."
            )
        groups = corpus["story_group"]
    ids = np.asarray(groups)
    if len(ids) != len(corpus):
        raise ParameterError(f"groups has {len(ids)} entries but the corpus has {len(corpus)}.")
    return ids


def _first_copies(corpus: pd.DataFrame, ids: np.ndarray) -> np.ndarray:
    """Position of each article's group's earliest copy (undated last; ties: corpus order)."""
    from analysis.compare.stories import representatives

    first = np.flatnonzero(representatives(corpus, ids))
    where = pd.Series(first, index=ids[first])
    return where.loc[ids].to_numpy()


def story_spread(
    corpus: pd.DataFrame,
    groups: pd.Series | np.ndarray | None = None,
    by: str = OUTLET_COLUMN,
) -> pd.DataFrame:
    """The stories with two or more copies, the most widely run first.

    Args:
        corpus: the corpus (``title``, optionally ``published`` and the ``by`` column).
        groups: the story group of each article (default: the corpus's ``story_group`` column).
        by: the column of outlets (absent: every copy counts as one unnamed outlet).

    Returns:
        ``story_group``, ``headline`` (of the earliest copy), ``copies``, ``outlets`` (distinct),
        ``outlet_names`` (by number of copies), ``first`` and ``last`` (publication dates; NaT undated),
        sorted by outlets, then copies (both decreasing), then first date.
    """
    ids = _groups(corpus, groups)
    sizes = pd.Series(ids).value_counts()
    shared = sizes.index[sizes > 1]
    if not len(shared):
        return pd.DataFrame(
            columns=[
                "story_group",
                "headline",
                "copies",
                "outlets",
                "outlet_names",
                "first",
                "last",
            ]
        )
    keys = outlet_keys(corpus, by).to_numpy() if by in corpus.columns else np.full(len(corpus), "")
    dates = (
        published_dates(corpus).reset_index(drop=True)
        if "published" in corpus.columns
        else pd.Series(pd.NaT, index=range(len(corpus)), dtype="datetime64[ns, UTC]")
    )
    first = _first_copies(corpus, ids)
    titles = corpus["title"].astype(str).to_numpy() if "title" in corpus.columns else None
    rows = np.flatnonzero(np.isin(ids, shared.to_numpy()))
    frame = pd.DataFrame(
        {"g": ids[rows], "outlet": keys[rows], "when": dates.iloc[rows].reset_index(drop=True)}
    )
    by_group = frame.groupby("g", sort=False)
    table = pd.DataFrame(
        {
            "copies": by_group.size(),
            "first": by_group["when"].min(),
            "last": by_group["when"].max(),
        }
    )
    named = frame[frame["outlet"] != ""]
    per_outlet = named.groupby(["g", "outlet"], sort=False).size().reset_index(name="n")
    per_outlet = per_outlet.sort_values(["g", "n"], ascending=[True, False], kind="stable")
    table["outlets"] = per_outlet.groupby("g").size().reindex(table.index, fill_value=0)
    table["outlet_names"] = (
        per_outlet.groupby("g")["outlet"].agg(_names).reindex(table.index, fill_value="")
    )
    group_first = pd.Series(first[rows], index=ids[rows]).groupby(level=0).first()
    table["headline"] = [titles[group_first[g]] for g in table.index] if titles is not None else ""
    table = table.rename_axis("story_group").reset_index()
    table["story_group"] = table["story_group"].astype(np.int64)
    columns = ["story_group", "headline", "copies", "outlets", "outlet_names", "first", "last"]
    return (
        table[columns]
        .sort_values(
            ["outlets", "copies", "first", "story_group"], ascending=[False, False, True, True]
        )
        .reset_index(drop=True)
    )


def _names(outlets: pd.Series, shown: int = 8) -> str:
    names = list(outlets)
    more = f"; +{len(names) - shown} more" if len(names) > shown else ""
    return "; ".join(names[:shown]) + more


def copy_shares(
    corpus: pd.DataFrame,
    groups: pd.Series | np.ndarray | None = None,
    by: str = OUTLET_COLUMN,
    *,
    top: int = MAX_OUTLETS,
) -> pd.DataFrame:
    """Each outlet's share of articles that are copies of another outlet's text.

    An article is a copy of another outlet's text when its story group's earliest copy (see
    :func:`analysis.compare.representatives`) was run by another outlet.

    Returns:
        One row per outlet (the largest ``top``): ``outlet``, ``articles``, ``copies_of_others``, ``share``
        (copies_of_others / articles), ``copied_by_others`` (its articles whose text another outlet ran
        later).
    """
    ids = _groups(corpus, groups)
    keys = outlet_keys(corpus, by).to_numpy()
    first = _first_copies(corpus, ids)
    from_other = keys[first] != keys
    origin = keys[first]
    copied = pd.Series(from_other).groupby(ids).transform("any").to_numpy()
    rows = []
    for outlet in _ranked(pd.Series(keys))[:top]:
        mine = keys == outlet
        n_copies = int((mine & from_other).sum())
        originals = int((mine & copied & (origin == outlet)).sum())
        rows.append((outlet, int(mine.sum()), n_copies, n_copies / int(mine.sum()), originals))
    return pd.DataFrame(
        rows, columns=["outlet", "articles", "copies_of_others", "share", "copied_by_others"]
    )
