"""Charts of topic clusters: the article map, why this k, and how strong each cluster is.

Each function takes a fitted :class:`analysis.topics.TopicModel` (and the corpus where needed) and returns a
matplotlib :class:`~matplotlib.figure.Figure`; none saves or shows anything. Colours come from a
qualitative palette (Okabe-Ito, designed to stay distinguishable for colour-blind readers, extended with
Tableau's 20 colours), so up to ~20 clusters keep distinct colours. Each chart's data table is available
from the model (``model.assignments(corpus)``, ``model.k_scores``, ``model.clusters``) for CSV export.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from analysis.plots.style import PlainTextFigure, bar_notes, shorten
from analysis.wording import plural

if TYPE_CHECKING:
    from analysis.topics import TopicModel

__all__ = [
    "cluster_colors",
    "place_labels",
    "plot_cluster_quality",
    "plot_k_selection",
    "plot_topic_map",
]

# Okabe & Ito (2008) colour-blind-safe palette (black left out: it reads as "no cluster").
_OKABE_ITO = [
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
]
_STRENGTH_COLORS = {
    "solid": "#009E73",
    "moderate": "#E69F00",
    "tentative": "#F0E442",
    "weak": "#D55E00",
    "mixed": "#CC79A7",
    "single cluster": "#999999",
}


#: The map's edge: the 1st-99th percentile range of each axis widened by this share on each side ...
MAP_MARGIN = 0.15
#: ... used when outliers would stretch an axis to more than this many times that range.
MAP_STRETCH = 1.5


def cluster_colors(k: int) -> list[str]:
    """``k`` distinguishable colours: Okabe-Ito first, then tableau-20 hues, farthest from those taken first.

    The ninth cluster gets tableau's brown, not its blue (which is next to Okabe-Ito's blue): each next
    colour is the one whose nearest colour already taken is farthest away (in RGB).

    Args:
        k: number of clusters.

    Returns:
        A list of ``k`` hex colour strings (repeats only beyond 28 clusters).
    """
    palette = _OKABE_ITO + _farthest_first(
        [mpl.colors.to_hex(c) for c in mpl.colormaps["tab20"].colors], taken=_OKABE_ITO
    )
    return [palette[i % len(palette)] for i in range(k)]


def _farthest_first(candidates: list[str], *, taken: list[str]) -> list[str]:
    """``candidates`` (not already in ``taken``) ordered so each is as far as possible from those before it."""
    chosen = [np.array(mpl.colors.to_rgb(c)) for c in taken]
    rest = [c for c in candidates if c.upper() not in {t.upper() for t in taken}]
    order = []
    while rest:
        best = max(
            rest,
            key=lambda c: min(np.linalg.norm(np.array(mpl.colors.to_rgb(c)) - t) for t in chosen),
        )
        order.append(best)
        chosen.append(np.array(mpl.colors.to_rgb(best)))
        rest.remove(best)
    return order


def plot_topic_map(
    model: TopicModel,
    corpus: pd.DataFrame | None = None,
    *,
    title: str | None = None,
    annotate: bool | None = None,
    figsize: tuple[float, float] = (9.0, 6.5),
) -> Figure:
    """Scatter of the articles on the topic map, coloured by cluster, with a legend of cluster labels.

    Args:
        model: a fitted topic model.
        corpus: the corpus it was fitted on; when given and small, points are annotated with headlines.
        title: chart title; a descriptive default is used.
        annotate: write shortened headlines beside the points (default: when there are 30 articles or
            fewer and a corpus is given).
        figsize: figure size in inches.

    Returns:
        The figure.
    """
    fig = PlainTextFigure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    colors = cluster_colors(model.k)
    pos, clipped = (
        clip_outliers(model.positions) if model.n_articles > 30 else (model.positions, None)
    )
    # Large corpora: small, translucent points so that dense areas stay readable.
    size = 40 if model.n_articles <= 200 else (12 if model.n_articles <= 5000 else 3)
    alpha = 0.9 if model.n_articles <= 200 else 0.5
    for c in range(model.k):
        members = model.labels == c
        inside = members if clipped is None else members & ~clipped
        ax.scatter(
            pos[inside, 0],
            pos[inside, 1],
            s=size,
            color=colors[c],
            alpha=alpha,
            edgecolors="white" if model.n_articles <= 200 else "none",
            linewidths=0.5,
            label=f"{model.numbers[c]}: {shorten(model.clusters.at[c, 'label'])} ({model.clusters.at[c, 'size']:,})",
        )
        if clipped is not None and (members & clipped).any():
            ax.scatter(*pos[members & clipped].T, s=max(size, 12), color=colors[c], marker="x")
    if annotate is None:
        annotate = corpus is not None and model.n_articles <= 30
    ax.set_title(title or f"Topic map: {model.n_articles:,} articles in {model.k} clusters")
    xlabel = "map position (no units: nearby articles use similar words)"
    if clipped is not None and clipped.any():
        m = int(clipped.sum())
        xlabel += (
            f"\n{m:,} outlying article{'s' if m != 1 else ''} drawn at the map's edge (x) so that "
            f"{'they do' if m != 1 else 'it does'} not squeeze the rest into a corner"
        )
    ax.set_xlabel(xlabel)
    ax.set_ylabel("map position (no units)")
    ax.set_xticks([])
    ax.set_yticks([])
    _map_legend(fig, ax, model.k, figsize=figsize, size=size)
    if model.n_articles > 30:
        _number_clusters(fig, ax, model)
    if annotate and corpus is not None and "title" in corpus.columns:
        left_off = place_labels(fig, ax, pos, [shorten(t, 45) for t in corpus["title"].astype(str)])
        if left_off:
            ax.set_xlabel(
                f"{ax.get_xlabel()}\n{plural(left_off, 'headline')} not written where "
                f"{plural(left_off, 'it', number=False)} would overlap others",
                fontsize=ax.xaxis.label.get_fontsize(),
            )
    return fig


def _map_legend(fig: Figure, ax, k: int, *, figsize: tuple[float, float], size: float) -> None:
    """The map's legend of clusters: beside the map, or below it (the figure made taller) for many."""
    many = k > 12  # a legend of many clusters goes below the map, so the map keeps its width
    if many:
        fig.set_size_inches(figsize[0], figsize[1] + 0.17 * math.ceil(k / 2) + 0.4)
    ax.legend(
        title="cluster: top terms (articles)",
        loc="upper center" if many else "upper left",
        bbox_to_anchor=(0.5, -0.06) if many else (1.01, 1.0),
        fontsize=8,
        title_fontsize=8,
        frameon=False,
        ncols=2 if many else 1,
        markerscale=max(1.0, 24 / size),  # tiny points on a large map still get a visible key
    )


#: Where a point's label may go, tried in turn: (dx, dy) in points, horizontal and vertical alignment.
_LABEL_SPOTS = (
    (5, 2, "left", "bottom"),
    (5, -2, "left", "top"),
    (-5, 2, "right", "bottom"),
    (-5, -2, "right", "top"),
    (0, 6, "center", "bottom"),
    (0, -6, "center", "top"),
    *(
        (dx, dy, ha, va)
        for dy in (9, 16)
        for dx, ha in ((3, "left"), (-3, "right"))
        for va in ("bottom",)
    ),
    *((dx, -dy, ha, "top") for dy in (9, 16) for dx, ha in ((3, "left"), (-3, "right"))),
)


def place_labels(
    fig: Figure, ax, points: np.ndarray, labels: list[str], *, fontsize: float = 7
) -> int:
    """Write each point's label beside it where it overlaps no other label and stays inside the axes.

    Each label tries the spots of :data:`_LABEL_SPOTS` in turn, then a shorter form of itself; a label with
    no free spot is left off (the chart's table still lists it). Deterministic: points in the given order.

    Args:
        fig: the figure (drawn once here, off-screen, to measure text).
        ax: the axes holding the points.
        points: (n, 2) data coordinates.
        labels: one label per point.
        fontsize: label size.

    Returns:
        How many labels were left off.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()  # settles the constrained layout, so positions measured now are final
    renderer = canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    # Obstacles: what is already written on the map (cluster numbers) and every point (as a small box).
    placed: list = [t.get_window_extent(renderer) for t in ax.texts]
    radius = 3.5 * fig.dpi / 72
    for x, y in ax.transData.transform(np.asarray(points, dtype=float)):
        placed.append(Bbox.from_extents(x - radius, y - radius, x + radius, y + radius))
    left_off = 0
    for (x, y), label in zip(points, labels, strict=True):
        text = ax.annotate(
            label, (x, y), xytext=(0, 0), textcoords="offset points", fontsize=fontsize
        )
        if not _free_spot(text, [label, shorten(label, 22)], frame, placed, renderer):
            text.remove()
            left_off += 1
    return left_off


def _free_spot(text, forms: list[str], frame, placed: list, renderer) -> bool:
    """Move ``text`` to the first spot where it fits; record its box in ``placed``. False: none fits."""
    for form in dict.fromkeys(forms):
        text.set_text(form)
        for dx, dy, ha, va in _LABEL_SPOTS:
            text.set_position((dx, dy))
            text.set_horizontalalignment(ha)
            text.set_verticalalignment(va)
            box = text.get_window_extent(renderer).expanded(1.04, 1.1)
            inside = (
                frame.x0 <= box.x0
                and box.x1 <= frame.x1
                and frame.y0 <= box.y0
                and box.y1 <= frame.y1
            )
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                return True
    return False


def clip_outliers(pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Map positions with outliers pulled to the edge, and which were moved.

    The edge is the 1st to 99th percentile of each axis widened by MAP_MARGIN of that range; nothing is
    moved unless the outliers would stretch an axis beyond MAP_STRETCH times that edge's range.
    """
    lo, hi = np.quantile(pos, [0.01, 0.99], axis=0)
    span = np.maximum(hi - lo, 1e-12)
    lo, hi = lo - MAP_MARGIN * span, hi + MAP_MARGIN * span
    full = np.ptp(pos, axis=0)
    if not (full > MAP_STRETCH * (hi - lo)).any():
        return pos, np.zeros(len(pos), dtype=bool)
    shown = np.clip(pos, lo, hi)
    return shown, (shown != pos).any(axis=1)


#: Cluster numbers on the map keep at least this many points apart across or up (a two-digit number's circle
#: is about 14 points wide); a number that would cover another is moved out on rings of this step, with a
#: thin line back to its cluster's middle.
NUMBER_GAP = 16.0
#: Rings tried around a number's middle before it takes the least crowded spot.
NUMBER_RINGS = 6
_NUMBER_DIRECTIONS = [(np.cos(a), np.sin(a)) for a in np.linspace(0, 2 * np.pi, 12, endpoint=False)]


def _number_spots(middles: np.ndarray, box: tuple[float, float]) -> list[tuple[float, float]]:
    """Offsets (points) for each cluster's number from its middle (points in the axes, given in order of
    size), so that no two numbers are closer than NUMBER_GAP and each stays inside the ``box`` (width,
    height in points); a number with no free spot takes the least crowded one."""
    placed: list[np.ndarray] = []
    offsets = []
    spots = [np.zeros(2)] + [
        r * NUMBER_GAP * np.array(d) for r in range(1, NUMBER_RINGS + 1) for d in _NUMBER_DIRECTIONS
    ]
    for middle in middles:
        best, room = spots[0], -1.0
        for spot in spots:
            at = middle + spot
            if not (8 <= at[0] <= box[0] - 8 and 8 <= at[1] <= box[1] - 8):
                continue
            gap = min((np.abs(at - other).max() for other in placed), default=np.inf)
            if gap >= NUMBER_GAP:
                best = spot
                break
            if gap > room:  # no free spot yet: the least crowded so far
                best, room = spot, gap
        placed.append(middle + best)
        offsets.append((float(best[0]), float(best[1])))
    return offsets


def _number_clusters(fig: Figure, ax, model: TopicModel) -> None:
    """Write each cluster's number at the middle of its points, so the colours need not be told apart;
    numbers that would cover each other are moved apart (largest cluster first), each with a line back.
    Called once the rest of the map is drawn: positions are measured on the settled layout."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    clusters = [c for c in range(model.k) if (model.labels == c).any()]
    if not clusters:
        return
    middles = np.array([np.median(model.positions[model.labels == c], axis=0) for c in clusters])
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    frame = ax.get_window_extent(canvas.get_renderer())
    points = 72 / fig.dpi  # display pixels to points
    in_points = (ax.transData.transform(middles) - (frame.x0, frame.y0)) * points
    spots = _number_spots(in_points, (frame.width * points, frame.height * points))
    for c, middle, (dx, dy) in zip(clusters, middles, spots, strict=True):
        moved = (dx, dy) != (0.0, 0.0)
        ax.annotate(
            str(model.numbers[c]),
            tuple(middle),
            xytext=(dx, dy),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=8,
            fontweight="bold",
            bbox={
                "boxstyle": "circle,pad=0.2",
                "fc": "white",
                "ec": "#555555",
                "lw": 0.6,
                "alpha": 0.8,
            },
            arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.6} if moved else None,
        )


def plot_k_selection(model: TopicModel, *, figsize: tuple[float, float] = (8.0, 5.0)) -> Figure:
    """Silhouette and stability for each candidate number of clusters, the chosen k marked.

    When k was given rather than chosen, the figure says so instead of plotting scores.

    Args:
        model: a fitted topic model.
        figsize: figure size in inches.

    Returns:
        The figure.
    """
    fig = PlainTextFigure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    scores = model.k_scores
    if scores is None or scores.empty:
        ax.set_axis_off()
        if model.k == 1 and model.n_articles < 4:
            text = f"k = 1: with {plural(model.n_articles, 'article')} the articles are not split."
        else:
            text = f"k = {model.k} was set by hand, so no other number of clusters was compared."
        ax.text(0.5, 0.5, text, ha="center", va="center", wrap=True, fontsize=11)
        ax.set_title("How many clusters? (not chosen from the data)")
        fig.set_size_inches(figsize[0], 1.3)  # one sentence: no empty chart area
        return fig
    ks = scores["k"].to_numpy()
    # One shared scale: a second axis autoscaled to tiny silhouettes would make 0.02 look like 1.
    ax.plot(
        ks,
        scores["stability"],
        marker="o",
        color="#0072B2",
        label="stability: same groups on re-runs (0 = chance, 1 = identical)",
    )
    ax.plot(
        ks,
        scores["silhouette"],
        marker="s",
        color="#E69F00",
        label="separation: silhouette (0 = overlapping, 1 = well apart)",
    )
    ax.plot(
        ks,
        scores["score"],
        marker="D",
        linestyle="--",
        color="#333333",
        label="score used to choose (stability x relative separation)",
    )
    values = scores[["stability", "silhouette", "score"]].to_numpy(dtype=float)
    low = min(0.0, float(np.nanmin(values, initial=0.0)))
    ax.set_ylim(low - 0.05, 1.12)
    ax.set_xticks(ks.tolist())
    ax.set_xlabel("number of clusters tried (k)")
    ax.set_ylabel("score (higher is better)")
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    chosen = int(scores.loc[scores["chosen"], "k"].iloc[0])
    edge = ""
    if chosen == ks.max():
        edge = " (the largest tried: there may be more topics)"
    elif chosen == ks.min():
        edge = " (the smallest tried)"
    if model.k != chosen:
        edge += f"; {model.k} topics shown"
    ax.axvline(chosen, color="#555555", linestyle=":", linewidth=1.5)
    at_right = chosen == ks.max() and len(ks) > 1
    ax.text(
        chosen,
        1.1,
        f"chosen: k = {chosen}{edge} " if at_right else f" chosen: k = {chosen}{edge}",
        fontsize=9,
        va="top",
        ha="right" if at_right else "left",
        color="#333333",
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=8.5, frameon=False)
    what = "broad groups" if model.k != chosen else "clusters"
    ax.set_title(f"Why this number of {what}: each k tried, scored on stability and separation")
    return fig


def plot_cluster_quality(
    model: TopicModel, *, figsize: tuple[float, float] | None = None
) -> Figure:
    """Horizontal bars of cluster sizes, coloured by strength, with stability and silhouette written on.

    Args:
        model: a fitted topic model.
        figsize: figure size in inches (default grows with k).

    Returns:
        The figure.
    """
    clusters = model.clusters
    height = max(2.5, 0.45 * model.k + 1.5)
    fig = PlainTextFigure(figsize=figsize or (9.0, height), layout="constrained")
    ax = fig.add_subplot()
    y = np.arange(model.k)[::-1]
    colors = [_STRENGTH_COLORS.get(s, "#999999") for s in clusters["strength"]]
    ax.barh(y, clusters["size"].to_numpy(), color=colors)
    ax.set_yticks(
        y,
        [
            f"{n}: {shorten(lbl, 35)}"
            for n, lbl in zip(model.numbers, clusters["label"], strict=True)
        ],
    )
    notes = []
    for _, row in clusters.iterrows():
        stab = "n/a" if math.isnan(row["stability"]) else f"{row['stability']:.2f}"
        sil = "n/a" if math.isnan(row["silhouette"]) else f"{row['silhouette']:.2f}"
        notes.append(f"{row['strength']} · stability {stab} · silhouette {sil}")
    bar_notes(ax, y, clusters["size"].to_numpy(), notes, fontsize=8)
    ax.set_xlabel("articles in the cluster")
    ax.set_title("How strong is each cluster? Size, and whether it re-appears across re-runs")
    present = [s for s in _STRENGTH_COLORS if s in set(clusters["strength"])]
    ax.legend(
        handles=[Line2D([], [], color=_STRENGTH_COLORS[s], linewidth=8) for s in present],
        labels=present,
        title="strength",
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncols=max(1, len(present)),
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    return fig
