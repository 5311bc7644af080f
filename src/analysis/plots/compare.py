"""Charts that compare coverage: terms that set pages apart, how pages overlap, and coverage over time.

Each function takes the table it draws (the output of a function in :mod:`analysis.compare`) and returns
a matplotlib :class:`~matplotlib.figure.Figure`; nothing is saved or shown. The drawn table is the one
passed in, so it can be exported with ``.to_csv`` as it is.

- :func:`plot_distinguishing_terms`: two groups as a two-sided bar chart (one page to the left, the other
  to the right), more groups as small multiples, one panel per group.
- :func:`plot_page_overlap`: a page x page heatmap of shared articles (page sizes on the diagonal) with the
  Jaccard index of their tag sets in each cell.
- :func:`plot_trends`: the dated articles per period as bars (so a dip in coverage is not read as a
  trend) above each group's share of the period's articles, spikes marked.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.errors import ParameterError
from analysis.plots.style import (
    BAR_COLOR,
    DIAGONAL_COLOR,
    HEATMAP_CMAP,
    PAGE_TAG_COLOR,
    PlainTextFigure,
    empty_figure,
    integer_locator,
    shorten,
    style_axes,
    text_color,
    thousands,
)
from analysis.plots.topics import cluster_colors

__all__ = ["plot_distinguishing_terms", "plot_page_overlap", "plot_trends"]

_Z_LABEL = "z-score (log-odds ratio, informative prior)"
_Z_THRESHOLD = 1.96


def _group_name(group: Hashable) -> str:
    """Clusters (whole numbers, from 1) read as "Cluster 3"; pages and tags as themselves."""
    if isinstance(group, int | np.integer):
        return f"Cluster {int(group)}"
    return str(group)


def _check_columns(table: pd.DataFrame, columns: list[str], made_by: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(
            f"The table has no column(s) {missing} (columns: {list(table.columns)}); pass the output of "
            f"{made_by}."
        )


def _threshold_line(ax, sign: float = 1.0) -> None:
    ax.axvline(sign * _Z_THRESHOLD, color="#777777", linestyle="--", linewidth=0.8, zorder=0)


#: A chart of one panel or row per group stays readable (and encodable) up to this many groups.
MAX_GROUPS_DRAWN = 40
#: "Over time" draws at most this many lines (the groups with the most dated articles).
MAX_SERIES = 8


def _check_drawable(n: int, what: str, how: str) -> None:
    """A clear error, rather than an image too large to encode, when asked to draw too many groups."""
    if n > MAX_GROUPS_DRAWN:
        raise ParameterError(
            f"{n:,} {what} are too many to draw in one chart (at most {MAX_GROUPS_DRAWN}); draw the largest "
            f"few, e.g. {how}. The report compares the 12 largest pages."
        )


def plot_distinguishing_terms(
    table: pd.DataFrame, *, top: int = 10, title: str | None = None
) -> Figure:
    """The terms that most set each group apart (from :func:`analysis.compare.compare_groups`).

    Args:
        table: the output of ``compare_groups``.
        top: terms per group.
        title: the chart title (default names what is compared).

    Returns:
        For two groups, one chart with the first group's terms as bars to the left and the second's to the
        right; for more, one small panel per group (three per row). Bar length is the z-score; the dashed
        line marks z = 1.96 (terms beyond it are used more than chance would give, at the 5% level).
    """
    _check_columns(table, ["group", "term", "z"], "analysis.compare.compare_groups")
    groups = list(dict.fromkeys(table["group"]))
    _check_drawable(len(groups), "groups", "table[table['group'].isin([...])]")
    heading = title or "Words and phrases that set each group apart"
    if not groups:
        return empty_figure(heading, "No terms to show")
    tops = {g: table[table["group"] == g].nlargest(top, "z") for g in groups}
    if len(groups) == 2:
        return _two_sided(tops, groups, heading, top)
    return _small_multiples(tops, groups, heading, top)


def _two_sided(tops: dict, groups: list, title: str, top: int) -> Figure:
    fig = PlainTextFigure(figsize=(10.0, 1.5 + 0.32 * top), layout="constrained", dpi=100)
    axes = fig.subplots(1, 2, sharey=True)
    highest = [float(t["z"].max()) for t in tops.values() if len(t)]
    limit = max([*highest, _Z_THRESHOLD]) * 1.08
    for side, (ax, group, color) in enumerate(
        zip(axes, groups, (BAR_COLOR, PAGE_TAG_COLOR), strict=True)
    ):
        style_axes(ax)
        rows = tops[group]
        ax.barh(np.arange(len(rows)), rows["z"], color=color, height=0.7)
        for y, (term, z) in enumerate(zip(rows["term"], rows["z"], strict=True)):
            ax.text(
                z + limit * 0.02,
                y,
                shorten(term, 30),
                va="center",
                fontsize=9,
                ha="right" if side == 0 else "left",
            )
        ax.set_xlim(0, limit * 1.5)
        _threshold_line(ax)
        ax.set_title(f"More on {shorten(_group_name(group), 40)}", fontsize=10, color=color)
        ax.set_xlabel(_Z_LABEL, fontsize=9)
    axes[0].invert_xaxis()  # the first group's bars grow to the left
    axes[0].set_yticks(range(top), [f"#{i + 1}" for i in range(top)])
    axes[0].set_ylim(top - 0.5, -0.5)
    axes[0].set_ylabel("Rank")
    axes[1].tick_params(labelleft=False)
    fig.suptitle(f"{title}\n(dashed line: z = 1.96, the 5% significance level)", fontsize=11)
    return fig


def _small_multiples(tops: dict, groups: list, title: str, top: int) -> Figure:
    ncols = min(3, len(groups))
    nrows = math.ceil(len(groups) / ncols)
    fig = PlainTextFigure(
        figsize=(4.2 * ncols, (0.9 + 0.28 * top) * nrows + 0.6), layout="constrained", dpi=100
    )
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
    colors = cluster_colors(len(groups))
    for ax, group, color in zip(axes, groups, colors, strict=False):
        style_axes(ax)
        rows = tops[group]
        y = np.arange(len(rows))
        ax.barh(y, rows["z"], color=color, height=0.7)
        ax.set_yticks(y)
        ax.set_yticklabels([shorten(t, 24) for t in rows["term"]], fontsize=8.5)
        ax.set_ylim(top - 0.5, -0.5)
        _threshold_line(ax)
        ax.set_title(shorten(_group_name(group), 38), fontsize=10)
        ax.set_xlabel("z-score", fontsize=8.5)
    for ax in axes[len(groups) :]:
        ax.set_axis_off()
    fig.suptitle(f"{title}\n(bar: {_Z_LABEL}; dashed line: z = 1.96)", fontsize=11)
    return fig


def plot_page_overlap(overlap: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Articles shared by each pair of pages, with the Jaccard index of their tag sets.

    Args:
        overlap: the output of :func:`analysis.compare.page_overlap`.
        title: the chart title.

    Returns:
        A heatmap: cell = articles on both pages (diagonal, in bold: articles on the page), and below the
        count the share of tags the two pages have in common (Jaccard, 0-1).
    """
    _check_columns(
        overlap,
        ["page_a", "page_b", "shared_articles", "tag_jaccard"],
        "analysis.compare.page_overlap",
    )
    heading = title or "Articles that appear on two pages"
    pages = list(dict.fromkeys(overlap["page_a"]))
    _check_drawable(
        len(pages), "pages", "overlap[overlap['page_a'].isin(keep) & overlap['page_b'].isin(keep)]"
    )
    if len(pages) < 2:
        return empty_figure(heading, "Only one page: no overlap to show" if pages else "No pages")
    shared = overlap.pivot(index="page_a", columns="page_b", values="shared_articles").loc[
        pages, pages
    ]
    jaccard = overlap.pivot(index="page_a", columns="page_b", values="tag_jaccard").loc[
        pages, pages
    ]
    values = shared.to_numpy()
    off = values.astype(float).copy()
    np.fill_diagonal(off, np.nan)
    n = len(pages)
    longest = max(len(shorten(p, 30)) for p in pages)
    fig = PlainTextFigure(
        figsize=(
            max(6.4, 1.0 * n + 0.08 * longest + 2.4),
            max(3.2, 0.8 * n + 0.07 * longest + 1.4),
        ),
        layout="constrained",
        dpi=100,
    )
    ax = fig.add_subplot()
    # The colours span the counts off the diagonal (the diagonal, each page's own count, is grey), so the
    # colour bar runs from the smallest to the largest shared count in whole numbers; when every pair
    # shares as many articles (often none), one colour says nothing and there is no colour bar.
    low, high = int(np.nanmin(off)), int(np.nanmax(off))
    cmap = mpl.colormaps[HEATMAP_CMAP].with_extremes(bad=DIAGONAL_COLOR)
    image = ax.imshow(
        np.ma.masked_invalid(off), cmap=cmap, vmin=low, vmax=high if high > low else low + 1
    )
    _overlap_cells(ax, image, values, jaccard.to_numpy(dtype=float))
    labels = [shorten(p, 30) for p in pages]
    ax.set_xticks(range(n), labels, rotation=30, ha="right")
    ax.set_yticks(range(n), labels)
    ax.tick_params(length=0)
    if high > low:
        bar = fig.colorbar(image, ax=ax, shrink=0.8)
        bar.set_label("Articles on both pages")
        bar.locator = integer_locator()
        bar.update_ticks()
    has_jaccard = bool(np.isfinite(jaccard.to_numpy(dtype=float)[~np.eye(n, dtype=bool)]).any())
    note = ";\nJ: Jaccard index of the two pages' tag sets" if has_jaccard else ""
    ax.set_title(f"{heading}\n(grey diagonal, bold: articles on the page{note})", fontsize=10)
    ax.set_xlabel("Page")
    ax.set_ylabel("Page")
    return fig


def _overlap_cells(ax, image, values: np.ndarray, jaccard: np.ndarray) -> None:
    """Each cell's count (bold on the diagonal) and, off the diagonal, the pages' tag Jaccard below it."""
    cmap, norm = image.get_cmap(), image.norm
    n = len(values)
    lift = 0.12 if np.isfinite(jaccard[~np.eye(n, dtype=bool)]).any() else 0.0  # room for J below
    for i in range(n):
        for j in range(n):
            colour = "black" if i == j else text_color(cmap(norm(values[i, j])))
            weight = "bold" if i == j else "normal"
            ax.text(
                j,
                i - lift,
                f"{int(values[i, j]):,}",
                ha="center",
                va="center",
                fontsize=10,
                color=colour,
                fontweight=weight,
            )
            if i != j and not np.isnan(jaccard[i, j]):
                ax.text(
                    j,
                    i + 0.22,
                    f"tags J={jaccard[i, j]:.2f}",
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    color=colour,
                )


def plot_trends(
    table: pd.DataFrame,
    *,
    title: str | None = None,
    name: Callable[[Hashable], str] | None = None,
) -> Figure:
    """Coverage over time: articles per period (bars) above each group's share of them (lines).

    Args:
        table: the output of :func:`analysis.compare.trends` (by cluster, tag or page).
        title: the chart title.
        name: how to name a group in the legend (default: "Cluster 3" for cluster numbers, else as is).

    Returns:
        Two panels sharing the time axis: the number of dated articles in each period, with its count
        written on the bar, so a dip in coverage is not mistaken for a trend; and, below, each group's share
        of the period's articles (%), with spikes ringed. Empty periods show no share. At most
        :data:`MAX_SERIES` lines are drawn (the groups with the most dated articles; the title says so).
    """
    _check_columns(
        table,
        ["period", "label", "group", "articles", "period_articles", "share", "spike"],
        "analysis.compare.trends",
    )
    heading = title or "Coverage over time"
    if table.empty:
        return empty_figure(heading, "No dated articles")
    name = name or _group_name
    periods = list(dict.fromkeys(table["period"]))
    labels = list(dict.fromkeys(table["label"]))
    groups = list(dict.fromkeys(table["group"]))
    if len(groups) > MAX_SERIES:  # more lines than a reader can follow: the largest groups only
        totals_by_group = table.groupby("group", sort=False)["articles"].sum()
        largest = set(
            totals_by_group.sort_values(ascending=False, kind="stable").index[:MAX_SERIES]
        )
        heading += f" (the {MAX_SERIES} largest of {len(groups)} shown; all are in the table)"
        groups = [g for g in groups if g in largest]
    totals = table.drop_duplicates("period").set_index("period")["period_articles"].loc[periods]
    width = min(max(7.0, 0.45 * len(periods) + 3.0), 18.0)
    fig = PlainTextFigure(figsize=(width, 6.4), layout="constrained", dpi=100)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 2.6])
    x = np.arange(len(periods))
    _volume_bars(top, x, totals.to_numpy())
    colors = cluster_colors(len(groups))
    for group, color in zip(groups, colors, strict=True):
        rows = table[table["group"] == group].set_index("period").loc[periods]
        share = rows["share"].to_numpy(dtype=float) * 100
        bottom.plot(
            x,
            share,
            marker="o",
            markersize=3,
            linewidth=1.6,
            color=color,
            label=shorten(name(group), 32),
        )
        spikes = rows["spike"].to_numpy(dtype=bool)
        bottom.scatter(
            x[spikes], share[spikes], s=110, facecolors="none", edgecolors=color, linewidths=1.6
        )
    style_axes(bottom)
    bottom.set_ylabel("Share of the period's articles (%)")
    bottom.set_ylim(bottom=0)
    bottom.grid(axis="y", color="#EEEEEE")
    step = max(1, math.ceil(len(periods) / 16))
    bottom.set_xticks(
        x[::step], [labels[i] for i in range(0, len(labels), step)], rotation=30, ha="right"
    )
    bottom.set_xlabel("Period")
    bottom.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8.5,
        frameon=False,
        title="Ringed: spike",
        title_fontsize=8,
    )
    top.set_title(heading, fontsize=11)
    return fig


def _volume_bars(ax, x: np.ndarray, totals: np.ndarray) -> None:
    style_axes(ax)
    bars = ax.bar(x, totals, color="#BBBBBB", width=0.8)
    if len(x) <= 40:
        ax.bar_label(bars, labels=[f"{int(t):,}" for t in totals], fontsize=7.5, padding=1)
    ax.set_ylabel("Dated articles")
    thousands(ax.yaxis)
    ax.set_ylim(0, max(1, int(totals.max())) * 1.25)
