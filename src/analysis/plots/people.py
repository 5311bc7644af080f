"""Charts of who is in the coverage: most-named entities and most-quoted speakers, as sorted bars.

Both functions return a matplotlib :class:`~matplotlib.figure.Figure` and never save or show it. The table a
chart draws is the input's first rows, so its CSV is ``summary.head(top).to_csv(...)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis.plots.style import (
    BAR_COLOR,
    OTHER_COLOR,
    bar_notes,
    empty_figure,
    new_figure,
    shorten,
    style_axes,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_entities", "plot_speakers"]

_TYPE_NAMES = {"person": "people", "organisation": "organisations", "place": "places"}


def _bars(
    labels: list[str], values: list[int], colors: list[str], *, title: str, xlabel: str, ylabel: str
):
    height = max(2.4, 0.32 * len(labels) + 1.6)
    label_in = 0.075 * max(len(label) for label in labels) + 0.8
    fig, ax = new_figure(label_in + 5.4, height)
    style_axes(ax)
    ax.grid(axis="x", color="#E5E5E5")
    y = np.arange(len(labels))
    ax.barh(y, values, color=colors, edgecolor="white", height=0.72)
    bar_notes(ax, y, values, [f"{value:,}" for value in values])
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=11)
    return fig


def plot_entities(summary: pd.DataFrame, *, kind: str = "person", top: int = 15) -> Figure:
    """Horizontal bars: the ``top`` entities of one type by the number of articles naming them.

    Args:
        summary: output of :func:`analysis.extract.entity_summary`.
        kind: ``"person"``, ``"organisation"`` or ``"place"``.
        top: how many to draw.

    Returns:
        The figure.
    """
    plural = _TYPE_NAMES.get(kind, kind)
    title = f"Most-named {plural}"
    rows = summary[summary["type"] == kind].head(top)
    if rows.empty:
        return empty_figure(title, f"No {plural} found")
    labels = [shorten(n) for n in rows["name"]]
    return _bars(
        labels,
        [int(v) for v in rows["articles"]],
        [BAR_COLOR] * len(rows),
        title=f"{title}\n{len(rows)} of {int((summary['type'] == kind).sum())} shown",
        xlabel="Articles naming them",
        ylabel=kind.capitalize(),
    )


def plot_speakers(said: pd.DataFrame, *, top: int = 15) -> Figure:
    """Horizontal bars: speakers by number of quotations; unnamed sources in grey.

    Args:
        said: output of :func:`analysis.extract.quotes`.
        top: how many speakers to draw.

    Returns:
        The figure.
    """
    title = "Most-quoted speakers"
    known = said[said["speaker"] != ""]
    if known.empty:
        return empty_figure(title, "No attributed quotations found")
    counts = (
        known.groupby(["speaker", "speaker_named"])
        .size()
        .reset_index(name="quotations")
        .sort_values(["quotations", "speaker"], ascending=[False, True])
        .head(top)
    )
    colors = [BAR_COLOR if named else OTHER_COLOR for named in counts["speaker_named"]]
    fig = _bars(
        [shorten(s) for s in counts["speaker"]],
        [int(v) for v in counts["quotations"]],
        colors,
        title=f"{title}\nblue: named; grey: unnamed source as described in the text",
        xlabel="Quotations attributed",
        ylabel="Speaker",
    )
    return fig
