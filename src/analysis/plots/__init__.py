"""Charts for the notebooks and the report: tag, topic-cluster and comparison charts in the house style.

Every function returns a matplotlib :class:`~matplotlib.figure.Figure` and never saves or shows it; the
caller decides (a notebook displays it, the report embeds it). Each chart's table can be exported as CSV.
"""

from __future__ import annotations

from analysis.plots.compare import plot_distinguishing_terms, plot_page_overlap, plot_trends
from analysis.plots.people import plot_entities, plot_speakers
from analysis.plots.style import (
    BAR_COLOR,
    HEATMAP_CMAP,
    OTHER_COLOR,
    PAGE_TAG_COLOR,
    UNIVERSAL_COLOR,
    empty_figure,
    new_figure,
    shorten,
    style_axes,
)
from analysis.plots.tags import (
    plot_cooccurrence,
    plot_tag_frequency,
    plot_tags_by_cluster,
    plot_tags_per_article,
)
from analysis.plots.topics import (
    cluster_colors,
    plot_cluster_quality,
    plot_k_selection,
    plot_topic_map,
)

__all__ = [
    "BAR_COLOR",
    "HEATMAP_CMAP",
    "OTHER_COLOR",
    "PAGE_TAG_COLOR",
    "UNIVERSAL_COLOR",
    "cluster_colors",
    "empty_figure",
    "new_figure",
    "plot_cluster_quality",
    "plot_cooccurrence",
    "plot_distinguishing_terms",
    "plot_entities",
    "plot_k_selection",
    "plot_page_overlap",
    "plot_speakers",
    "plot_tag_frequency",
    "plot_tags_by_cluster",
    "plot_tags_per_article",
    "plot_topic_map",
    "plot_trends",
    "shorten",
    "style_axes",
]
