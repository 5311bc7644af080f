"""Tag charts: frequency bars, tags per article, co-occurrence and tag x cluster heatmaps."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.errors import ParameterError
from analysis.plots.style import (
    BAR_COLOR,
    HEATMAP_CMAP,
    OTHER_COLOR,
    PAGE_TAG_COLOR,
    UNIVERSAL_COLOR,
    UPRIGHT_COLUMNS,
    bar_notes,
    empty_figure,
    integer_locator,
    new_figure,
    percent,
    shorten,
    text_color,
    thousands,
    wrap_label,
)
from analysis.tags import top_tags


def _n_articles(freq: pd.DataFrame) -> int | None:
    """Corpus (or page) size implied by a frequency table: articles / share of any row."""
    ok = freq[(freq["share"] > 0) & freq["share"].notna()] if "share" in freq else freq.iloc[0:0]
    if ok.empty:
        return None
    return round(float(ok["articles"].iloc[0]) / float(ok["share"].iloc[0]))


# -------------------------------------------------------------------------------------- tag frequency


_CHAR_IN = 0.062  # approximate width of one 9-pt character, in inches


def _frequency_notes(table: pd.DataFrame) -> list[str]:
    """The text written after each bar of the frequency chart."""
    notes = []
    for row in table.itertuples(index=False):
        if row.is_other:
            spread = (
                f"{row.min_articles:,}"
                if row.min_articles == row.max_articles
                else f"{row.min_articles:,}–{row.max_articles:,}"
            )
            noun = "article" if row.max_articles == 1 else "articles"
            notes.append(
                f"{row.n_tags} more tags, {spread} {noun} each ({row.articles:,} tag uses)"
            )
            continue
        text = f"{row.articles:,}"
        share = percent(row.share)
        if share:
            text += f" ({share})"
        flags = []
        if row.on_every_article:
            flags.append("on every article")
        if row.is_page_tag:
            flags.append("the page's own tag")
        if flags:
            text += " · " + ", ".join(flags)
        notes.append(text)
    return notes


def _frequency_color(row) -> str:
    if row.is_other:
        return OTHER_COLOR
    if row.on_every_article:
        return UNIVERSAL_COLOR
    if row.is_page_tag:
        return PAGE_TAG_COLOR
    return BAR_COLOR


def plot_tag_frequency(
    freq: pd.DataFrame, *, top: int | None = 20, title: str | None = None
) -> Figure:
    """Sorted horizontal bars: articles carrying each tag, largest on top, count and share on each bar.

    Beyond ``top`` tags, the rest are folded into one hatched ``other (N tags)`` bar whose length is the
    largest count among them, labelled with their range and total uses (a sum of article counts would
    not be a number of articles, and would dwarf the real bars). Tags carried by every article are drawn
    grey and the page's own tag orange, each with a legend entry and a note on the bar.

    Args:
        freq: output of :func:`analysis.tags.tag_frequency` (one page's rows if ``by_page``).
        top: number of tags drawn individually; ``None`` draws all.
        title: chart title; default "Tags by number of articles carrying them".

    Returns:
        The figure. Export the drawn table with ``analysis.tags.top_tags(freq, top=top).to_csv(...)``.
    """
    title = title or "Tags by number of articles carrying them"
    table = top_tags(freq, top=top)
    if table.empty:
        return empty_figure(title)
    n_articles = _n_articles(freq)
    labels = [shorten(t) for t in table["tag"]]
    notes = _frequency_notes(table)
    label_in = 0.075 * max(len(label) for label in labels) + 0.9
    note_in = max(_CHAR_IN * len(note) + 0.15 for note in notes)
    axis_in = 4.5
    height = max(2.6, 0.34 * len(table) + 1.9)
    # The notes are written after the bars, beyond the axis when a bar is long: the axis ends at the data
    # (a 100% bar fills it) and the figure is wider by the longest note.
    fig, ax = new_figure(label_in + axis_in + note_in + 0.4, height)
    ax.grid(axis="x", color="#E5E5E5")

    y = np.arange(len(table))
    lengths = np.where(table["is_other"], table["max_articles"], table["articles"]).astype(float)
    colors = [_frequency_color(row) for row in table.itertuples(index=False)]
    hatches = ["///" if other else "" for other in table["is_other"]]
    bars = ax.barh(y, lengths, color=colors, edgecolor="white", height=0.72)
    for bar, hatch in zip(bars, hatches, strict=True):
        if hatch:
            bar.set_hatch(hatch)
            bar.set_edgecolor("#808080")
    bar_notes(ax, y, lengths, notes)
    thousands(ax.xaxis)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.margins(y=0.01)
    suffix = f" (share of all {n_articles:,} articles)" if n_articles else ""
    ax.set_xlabel(f"Articles carrying the tag{suffix}")
    ax.set_ylabel("Tag")
    ax.xaxis.get_major_locator().set_params(integer=True)
    n_tags = int(table["n_tags"].sum())
    shown = len(table) - int(table["is_other"].sum())
    ax.set_title(f"{title}\n{shown} of {n_tags} tags shown", fontsize=11)

    _frequency_legend(fig, set(colors))
    return fig


_FREQUENCY_LEGEND = (
    (BAR_COLOR, "", "tag"),
    (PAGE_TAG_COLOR, "", "the page's own tag (its Tag - header)"),
    (UNIVERSAL_COLOR, "", "on every article (says nothing about any one)"),
    (OTHER_COLOR, "///", "remaining tags folded together"),
)


def _frequency_legend(fig: Figure, used: set[str]) -> None:
    """A legend below the bars for the kinds of bar drawn, when there is more than one kind."""
    handles = [
        Patch(facecolor=c, hatch=h, edgecolor="#808080" if h else c, label=lab)
        for c, h, lab in _FREQUENCY_LEGEND
        if c in used
    ]
    if len(handles) > 1:
        fig.legend(
            handles=handles,
            loc="outside lower center",
            ncols=min(2, len(handles)),
            fontsize=8.5,
            frameon=False,
        )


def plot_tags_per_article(dist: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Vertical bars: how many articles carry 0, 1, 2, ... distinct tags, with the count on each bar.

    Args:
        dist: output of :func:`analysis.tags.tags_per_article` (columns ``tags``, ``articles``).
        title: chart title; default "How many tags each article carries".

    Returns:
        The figure.
    """
    title = title or "How many tags each article carries"
    missing = {"tags", "articles"} - set(dist.columns)
    if missing:
        raise ParameterError(
            f"the table lacks column(s) {sorted(missing)}; pass the output of tags_per_article()."
        )
    if dist.empty:
        return empty_figure(title)
    n_total = int(dist["articles"].sum())
    fig, ax = new_figure(max(4.5, 0.55 * len(dist) + 2.5), 3.6)
    ax.grid(axis="y", color="#E5E5E5")
    x = dist["tags"].to_numpy()
    counts = dist["articles"].to_numpy()
    ax.bar(x, counts, color=BAR_COLOR, width=0.7)
    peak = max(int(counts.max()), 1)
    for xi, count in zip(x, counts, strict=True):
        share = count / n_total if n_total else 0.0
        text = f"{count}" if count == 0 else f"{count}\n({percent(share)})"
        ax.text(xi, count + peak * 0.02, text, ha="center", va="bottom", fontsize=9)
    ax.set_ylim(0, peak * 1.25)
    ax.set_xlim(min(x.min(), x.max() - 3) - 0.6, x.max() + 0.6)
    ax.set_xticks(x)
    ax.set_xlabel("Distinct tags on the article")
    ax.set_ylabel("Articles")
    ax.set_title(f"{title}\n{n_total:,} articles", fontsize=11)
    return fig


# ---------------------------------------------------------------------------------------- heatmaps


def _annotate_cells(
    ax: Axes, values: np.ndarray, image, *, skip_diagonal_colour: bool = False
) -> None:
    """Write each cell's count in a colour that reads on the cell."""
    cmap, norm = image.get_cmap(), image.norm
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            value = int(values[i, j])
            if skip_diagonal_colour and i == j:
                color, weight = "black", "bold"
            else:
                color = text_color(cmap(norm(value))) if value else "#B0B0B0"
                weight = "normal"
            ax.text(
                j,
                i,
                str(value),
                ha="center",
                va="center",
                fontsize=8.5,
                color=color,
                fontweight=weight,
            ).set_in_layout(False)  # inside its cell: the layout need not measure it


def _heatmap_size(
    n_rows: int, n_cols: int, *, row_label_chars: int, bottom_in: float, cell_w: float = 0.5
) -> tuple[float, float]:
    """Figure size for a heatmap: cells, row labels on the left, column labels below, colourbar."""
    width = n_cols * cell_w + 0.075 * row_label_chars + 2.4
    height = n_rows * 0.4 + bottom_in + 1.3
    return min(max(width, 4.5), 40.0), min(max(height, 3.0), 80.0)


def _slanted_labels_in(labels: Sequence[str]) -> float:
    """Height taken by column labels written at 45 degrees."""
    return 0.07 * max(len(label) for label in labels) * 0.72 + 0.35


def plot_cooccurrence(matrix: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Labelled heatmap of articles carrying both tags, with the count written in every cell.

    The diagonal (articles carrying the tag at all) is drawn grey with bold counts and kept out of the
    colour scale, so the pair counts are not washed out by it.

    Args:
        matrix: output of :func:`analysis.tags.cooccurrence_matrix` (square, same tags on both axes).
        title: chart title; default "Tags that appear together".

    Returns:
        The figure; the colourbar says "Articles carrying both tags".
    """
    title = title or "Tags that appear together"
    if matrix.shape[0] != matrix.shape[1]:
        raise ParameterError(
            f"the co-occurrence matrix must be square, got {matrix.shape[0]} x {matrix.shape[1]}; "
            "pass the output of cooccurrence_matrix()."
        )
    n = matrix.shape[0]
    if n == 0:
        return empty_figure(title)
    values = matrix.to_numpy(dtype=np.int64)
    labels = [shorten(t) for t in matrix.index]
    longest = max(len(label) for label in labels)
    fig, ax = new_figure(
        *_heatmap_size(n, n, row_label_chars=longest, bottom_in=_slanted_labels_in(labels))
    )
    ax.spines[:].set_visible(False)
    off = np.ma.masked_array(values, mask=np.eye(n, dtype=bool))
    vmax = max(int(off.max()) if off.count() else 0, 1)
    image = ax.imshow(off, cmap=HEATMAP_CMAP, vmin=0, vmax=vmax, aspect="auto")
    ax.imshow(
        np.ma.masked_array(np.ones_like(values), mask=~np.eye(n, dtype=bool)),
        cmap="Greys",
        vmin=0,
        vmax=4,
        aspect="auto",
    )
    _annotate_cells(ax, values, image, skip_diagonal_colour=True)
    ax.set_xticks(np.arange(n), labels, rotation=45, ha="right", rotation_mode="anchor")
    ax.set_yticks(np.arange(n), labels)
    return _finish_heatmap(
        fig,
        ax,
        image,
        colour_label="Articles carrying both tags",
        title=title,
        xlabel="Tag (grey diagonal: articles carrying the tag)",
    )


def plot_tags_by_cluster(
    crosstab: pd.DataFrame, *, title: str | None = None, max_rows: int | None = 40
) -> Figure:
    """Labelled heatmap of tags (rows) against topic clusters (columns), counts written in every cell.

    Args:
        crosstab: output of :func:`analysis.tags.tags_by_cluster`; columns are cluster names (labels
            that are not strings are shown as "Cluster <label>").
        title: chart title; default "Editorial tags across topic clusters".
        max_rows: draw at most this many tags (the table's first rows, i.e. the most used) and say so
            in the title; ``None`` draws all. To export exactly the drawn rows, build the table with
            ``tags_by_cluster(..., top=max_rows)``.

    Returns:
        The figure; the colourbar says "Articles in the cluster carrying the tag".
    """
    title = title or "Editorial tags across topic clusters"
    if max_rows is not None and (isinstance(max_rows, bool) or max_rows < 1):
        raise ParameterError(f"max_rows must be an integer >= 1 or None, got {max_rows!r}.")
    n_rows, n_cols = crosstab.shape
    if n_rows == 0 or n_cols == 0:
        return empty_figure(title)
    if max_rows is not None and n_rows > max_rows:
        title = f"{title}\nthe {max_rows} most used of {n_rows} tags"
        crosstab = crosstab.iloc[:max_rows]
        n_rows = max_rows
    values = crosstab.to_numpy(dtype=np.int64)
    row_labels = [shorten(t) for t in crosstab.index]
    names = [c if isinstance(c, str) else f"Cluster {c}" for c in crosstab.columns]
    longest_row = max(len(label) for label in row_labels)
    upright = n_cols <= UPRIGHT_COLUMNS
    if upright:  # wrapped names under each column
        col_labels = [wrap_label(shorten(name, 60), 16) for name in names]
        lines = [c.split("\n") for c in col_labels]
        cell_w = max(0.6, 0.075 * max(len(line) for c in lines for line in c) + 0.25)
        bottom_in = 0.19 * max(len(c) for c in lines) + 0.35
    else:  # many clusters: one slanted line each
        col_labels = [shorten(name, 30) for name in names]
        cell_w = 0.5
        bottom_in = _slanted_labels_in(col_labels)
    size = _heatmap_size(
        n_rows, n_cols, row_label_chars=longest_row, bottom_in=bottom_in, cell_w=cell_w
    )
    fig, ax = new_figure(*size)
    ax.spines[:].set_visible(False)
    image = ax.imshow(
        values, cmap=HEATMAP_CMAP, vmin=0, vmax=max(int(values.max()), 1), aspect="auto"
    )
    _annotate_cells(ax, values, image)
    ax.set_xticks(
        np.arange(n_cols),
        col_labels,
        rotation=0 if upright else 45,
        ha="center" if upright else "right",
        rotation_mode="anchor",
    )
    ax.set_yticks(np.arange(n_rows), row_labels)
    return _finish_heatmap(
        fig,
        ax,
        image,
        colour_label="Articles in the cluster carrying the tag",
        title=title,
        xlabel="Topic cluster",
    )


def _finish_heatmap(
    fig: Figure, ax, image, *, colour_label: str, title: str, xlabel: str
) -> Figure:
    """Colour bar with whole-number ticks, title and axis labels shared by the tag heatmaps."""
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, shrink=0.8)
    bar.set_label(colour_label)
    bar.locator = integer_locator()
    bar.update_ticks()
    ax.set_title(title, fontsize=11)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("Tag")
    return fig
