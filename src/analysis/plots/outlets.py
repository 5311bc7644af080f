"""Charts that compare outlets: the topics each covers and its attention to them over time.

- :func:`plot_topic_shares`: an outlet x cluster heatmap of the share of each outlet's articles in each
  cluster (each row sums to 100%), so outlets of any size read on one scale.
- :func:`plot_outlet_attention`: one small chart per outlet: its dated articles per period (bars, with the
  counts written on them) above each followed cluster's share of them (lines).

Each function takes the table of :mod:`analysis.compare.outlets` it draws and returns a Figure.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.errors import ParameterError
from analysis.plots.style import HEATMAP_CMAP, empty_figure, shorten, style_axes, text_color
from analysis.plots.topics import cluster_colors

__all__ = ["plot_outlet_attention", "plot_topic_shares"]

#: At most this many outlet panels or rows in one chart.
MAX_OUTLETS_DRAWN = 24


def _check(table: pd.DataFrame, columns: list[str], made_by: str) -> list[str]:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(f"The table has no column(s) {missing}; pass the output of {made_by}.")
    outlets = list(dict.fromkeys(table["outlet"]))
    if len(outlets) > MAX_OUTLETS_DRAWN:
        raise ParameterError(
            f"{len(outlets):,} outlets are too many for one chart (at most {MAX_OUTLETS_DRAWN}); "
            "pass top=12 when making the table."
        )
    return outlets


def plot_topic_shares(
    table: pd.DataFrame, *, names: dict[int, str] | None = None, title: str | None = None
) -> Figure:
    """Each outlet's share of its articles in each topic cluster, as a heatmap.

    Args:
        table: the output of :func:`analysis.compare.topic_shares`.
        names: a short name for each cluster number (default "Cluster N").
        title: the chart title.

    Returns:
        Rows: outlets (with their number of articles); columns: clusters; cells: the share of the outlet's
        articles in the cluster (%); the bottom row is the whole corpus.
    """
    outlets = _check(
        table, ["outlet", "cluster", "share", "outlet_articles"], "analysis.compare.topic_shares"
    )
    heading = title or "Share of each outlet's articles in each topic"
    if not outlets:
        return empty_figure(heading, "No outlets to compare")
    grid = table.pivot(index="outlet", columns="cluster", values="share").loc[outlets]
    overall = table.drop_duplicates("cluster").set_index("cluster")["corpus_share"]
    values = np.vstack([grid.to_numpy(dtype=float), overall.loc[grid.columns].to_numpy()]) * 100
    sizes = table.drop_duplicates("outlet").set_index("outlet")["outlet_articles"]
    rows = [f"{shorten(o, 28)} ({sizes[o]:,})" for o in outlets] + ["All articles"]
    columns = [shorten((names or {}).get(c, f"Cluster {c}"), 22) for c in grid.columns]
    fig = Figure(
        figsize=(max(6.5, 1.0 * len(columns) + 3.2), 0.42 * len(rows) + 2.2),
        layout="constrained",
        dpi=100,
    )
    ax = fig.add_subplot()
    image = ax.imshow(values, cmap=HEATMAP_CMAP, vmin=0, vmax=max(1.0, float(np.nanmax(values))))
    cmap, norm = image.get_cmap(), image.norm
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            ax.text(
                j,
                i,
                f"{values[i, j]:.0f}%",
                ha="center",
                va="center",
                fontsize=8.5,
                color=text_color(cmap(norm(values[i, j]))),
                fontweight="bold" if i == len(rows) - 1 else "normal",
            )
    ax.axhline(len(rows) - 1.5, color="white", linewidth=3)
    ax.set_xticks(range(len(columns)), columns, rotation=30, ha="right", fontsize=8.5)
    ax.set_yticks(range(len(rows)), rows, fontsize=8.5)
    ax.tick_params(length=0)
    ax.set_title(
        f"{heading}\n(each row adds up to 100%; in brackets: the outlet's articles)", fontsize=10
    )
    return fig


def plot_outlet_attention(
    table: pd.DataFrame, *, names: dict[int, str] | None = None, title: str | None = None
) -> Figure:
    """Attention over time, one small chart per outlet.

    Args:
        table: the output of :func:`analysis.compare.attention_over_time`.
        names: a short name for each cluster number (default "Cluster N").
        title: the chart title.

    Returns:
        For each outlet, a strip of bars (its dated articles per period, with the count written on each bar
        up to 24 periods) above lines of each followed cluster's share of those articles (%). Colours are
        the clusters' colours elsewhere in the report.
    """
    outlets = _check(
        table,
        ["outlet", "period", "label", "cluster", "articles", "outlet_articles", "share"],
        "analysis.compare.attention_over_time",
    )
    heading = title or "Attention over time in each outlet"
    if table.empty:
        return empty_figure(heading, "No dated articles")
    periods = list(dict.fromkeys(table["period"]))
    labels = list(dict.fromkeys(table["label"]))
    followed = sorted(set(table["cluster"]))
    colors = cluster_colors(max(followed))
    ncols = min(3, len(outlets))
    nrows = math.ceil(len(outlets) / ncols)
    fig = Figure(figsize=(4.6 * ncols, 3.3 * nrows + 0.9), layout="constrained", dpi=100)
    panels = np.atleast_1d(fig.subfigures(nrows, ncols, squeeze=False)).ravel()
    x = np.arange(len(periods))
    step = max(1, math.ceil(len(periods) / 6))
    for panel, outlet in zip(panels, outlets, strict=False):
        rows = table[table["outlet"] == outlet]
        top, bottom = panel.subplots(2, 1, sharex=True, height_ratios=[1, 2.2])
        totals = rows.drop_duplicates("period").set_index("period")["outlet_articles"].loc[periods]
        _count_bars(top, x, totals.to_numpy())
        top.set_title(shorten(outlet, 34), fontsize=9.5)
        for c in followed:
            share = rows[rows["cluster"] == c].set_index("period")["share"].loc[periods]
            bottom.plot(
                x,
                share.to_numpy(dtype=float) * 100,
                marker="o",
                markersize=2.5,
                linewidth=1.4,
                color=colors[c - 1],
                label=shorten((names or {}).get(c, f"Cluster {c}"), 26),
            )
        style_axes(bottom)
        bottom.set_ylim(0, 100)
        bottom.set_ylabel("% of its articles", fontsize=8)
        bottom.set_xticks(
            x[::step],
            [labels[i] for i in range(0, len(labels), step)],
            rotation=30,
            ha="right",
            fontsize=7.5,
        )
        bottom.tick_params(axis="y", labelsize=7.5)
    for panel in panels[len(outlets) :]:
        panel.set_facecolor("none")
    handles, legend = panels[0].axes[1].get_legend_handles_labels()
    fig.legend(
        handles,
        legend,
        loc="outside lower center",
        ncols=min(4, len(legend)),
        fontsize=8.5,
        frameon=False,
    )
    fig.suptitle(
        f"{heading}\n(bars: the outlet's dated articles per period; lines: each topic's share "
        "of them)",
        fontsize=11,
    )
    return fig


def _count_bars(ax, x: np.ndarray, totals: np.ndarray) -> None:
    style_axes(ax)
    bars = ax.bar(x, totals, color="#BBBBBB", width=0.8)
    if len(x) <= 24:
        ax.bar_label(
            bars, labels=[f"{int(t):,}" if t else "" for t in totals], fontsize=6.5, padding=1
        )
    ax.set_ylim(0, max(1, int(totals.max())) * 1.35)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
