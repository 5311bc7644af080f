""" "What if k": a slider that refits the topic clusters for another number of clusters and redraws the map.

The model chosen from the data (``k=None``) gives the slider's start and the k chart (silhouette and
stability for every k tried); moving the slider refits with that ``k`` and the same ``random_state``, redraws
the map, marks the k on the chart and lists the clusters. Each k is fitted once and cached, so moving back
is instant.

    from analysis.explore import k_explorer
    k_explorer(corpus, random_state=0)
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
from jinja2 import Environment

from analysis.errors import ParameterError
from analysis.explore import views
from analysis.explore.browsers import Explorer
from analysis.plots.style import figure_png
from analysis.wording import plural

__all__ = ["KView", "k_explorer", "k_view"]

_ENV = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
_ENV.filters["plural"] = plural
_SUMMARY = _ENV.from_string(
    """<div style="line-height: 1.5"><p><b>k = {{ k }}</b>{% if chosen %} (the number chosen from the data){% endif %}:
{%- if silhouette %} separation (silhouette) {{ silhouette }},{% endif %}
{%- if stability %} stability {{ stability }}{% endif %}</p>
<ul>{% for c in clusters %}<li>{{ c.name }}: {{ c.size | plural("article") }}, {{ c.badge }}</li>{% endfor %}</ul>
{% for note in notes %}<p><small>{{ note }}</small></p>{% endfor %}</div>"""
)


@dataclass(frozen=True)
class KView:
    """What the slider shows for one k: the fitted model, the two charts as PNG and a summary."""

    model: object
    map_png: bytes
    chart_png: bytes
    summary_html: str


def _summary(model, chosen_k: int) -> str:
    return _SUMMARY.render(
        k=model.k,
        chosen=model.k == chosen_k,
        silhouette=None if pd.isna(model.silhouette) else f"{model.silhouette:.2f}",
        stability=None if pd.isna(model.stability) else f"{model.stability:.2f}",
        clusters=[
            {
                "name": views.cluster_name(model, c),
                "size": int(r.size),
                "badge": views.cluster_badge(model, r.strength),
            }
            for c, r in zip(model.clusters.index, model.clusters.itertuples(), strict=True)
        ],
        notes=list(dict.fromkeys(model.notes)),
    )


def _k_chart(chosen, k: int):
    """The k chart of the model chosen from the data, with the slider's k marked when it differs."""
    from analysis.plots.topics import plot_k_selection

    fig = plot_k_selection(chosen)
    scores = chosen.k_scores
    if scores is not None and not scores.empty and k != chosen.k:
        ax = fig.axes[0]
        ax.axvline(k, color="#D55E00", linestyle="--", linewidth=1.5)
        # named under the axis, not beside the line, where it ran over the chosen k's label and points
        ax.set_xlabel(f"{ax.get_xlabel()}; orange dashed line: k = {k}, shown above")
        if k < scores["k"].min() or k > scores["k"].max():
            ax.set_xlim(min(k, scores["k"].min()) - 0.5, max(k, scores["k"].max()) + 0.5)
    return fig


def _picture() -> widgets.Image:
    """A chart at the size it was drawn (JupyterLab shrinks an image to the pane: on a phone its words
    became a few pixels high)."""
    return widgets.Image(format="png", layout=widgets.Layout(max_width="none", flex="none"))


def _panned(picture: widgets.Image) -> widgets.Box:
    """A frame as wide as the pane in which a wider chart is panned sideways."""
    return widgets.Box([picture], layout=widgets.Layout(width="100%", overflow="auto hidden"))


def k_view(corpus: pd.DataFrame, chosen, k: int, *, random_state: int, fitted=None) -> KView:
    """Fit ``k`` clusters (or reuse ``chosen`` or ``fitted`` when it has that k) and draw the map and k chart.

    Args:
        corpus: the corpus.
        chosen: the model fitted with ``k=None`` (its k scores make the k chart).
        k: the number of clusters to show.
        random_state: the seed for the refit (use the one ``chosen`` was fitted with).
        fitted: a model already fitted with this k, reused instead of refitting.

    Returns:
        A :class:`KView`.
    """
    from analysis.plots.topics import plot_topic_map
    from analysis.topics import fit_topics

    if fitted is not None and fitted.k == k:
        model = fitted
    elif k == chosen.k:
        model = chosen
    else:
        model = fit_topics(corpus, k=k, random_state=random_state)
    return KView(
        model=model,
        map_png=figure_png(plot_topic_map(model, corpus), dpi=96, colors=None),
        chart_png=figure_png(_k_chart(chosen, k), dpi=96, colors=None),
        summary_html=_summary(model, chosen.k),
    )


def k_explorer(
    corpus: pd.DataFrame,
    model=None,
    *,
    random_state: int = 0,
    k_max: int | None = None,
) -> Explorer:
    """A slider over k that refits and redraws the topic map and the k chart, each k fitted once.

    The slider starts at ``model.k``. The k chart needs the scores of every k tried, so when ``model`` was
    fitted with a given k (or is None), the model with k chosen from the data is fitted here too.

    Args:
        corpus: the corpus.
        model: a topic model fitted on this corpus with ``random_state`` (fitted here when None).
        random_state: the seed for every fit (same input and seed, same pictures).
        k_max: the slider's largest k (default: the largest k tried when choosing, at least 12, and
            fewer than the number of articles).

    Returns:
        An :class:`Explorer` with parts ``k`` (integer slider), ``status`` (HTML), ``summary`` (HTML: the
        clusters for this k), ``map`` and ``chart`` (PNG images); ``explorer.cache`` maps each k shown so
        far to its :class:`KView`.

    Raises:
        ParameterError: for fewer than 3 articles (no choice of k to explore).
    """
    from analysis.topics import fit_topics
    from analysis.topics.model import K_MAX

    if not isinstance(corpus, pd.DataFrame) or len(corpus) < 3:
        raise ParameterError(
            "Exploring k needs a corpus of at least 3 articles (k from 1 to articles - 1)."
        )
    if model is not None and model.n_articles != len(corpus):
        raise ParameterError(
            f"The model was fitted on {model.n_articles} articles but this corpus has {len(corpus)}; "
            "pass the corpus that was given to fit_topics."
        )
    chosen = model if model is not None and model.k_scores is not None else None
    if chosen is None:
        chosen = fit_topics(corpus, random_state=random_state)
    start = model.k if model is not None else chosen.k
    tried = chosen.k_scores["k"].max() if chosen.k_scores is not None else chosen.k
    top = min(len(corpus) - 1, k_max if k_max is not None else max(K_MAX, int(tried), start))
    slider = widgets.IntSlider(
        value=min(start, top), min=1, max=top, description="k", continuous_update=False
    )
    status = widgets.HTML()
    summary = widgets.HTML()
    topic_map, chart = _picture(), _picture()
    cache: dict[int, KView] = {}
    if (
        model is not None and model is not chosen
    ):  # a model fitted with a given k: no need to refit it
        cache[model.k] = k_view(corpus, chosen, model.k, random_state=random_state, fitted=model)

    def show(change: dict) -> None:
        k = int(change["new"])
        if k not in cache:
            status.value = f"<i>Fitting k = {k} ...</i>"
            cache[k] = k_view(corpus, chosen, k, random_state=random_state)
        view = cache[k]
        status.value = f"Showing k = {k} (random_state = {random_state}); each k is fitted once."
        summary.value = view.summary_html
        topic_map.value = view.map_png
        chart.value = view.chart_png

    slider.observe(show, names="value")
    show({"new": slider.value})
    parts = {"k": slider, "status": status, "summary": summary, "map": topic_map, "chart": chart}
    explorer = Explorer(parts, [slider, status, summary, _panned(topic_map), _panned(chart)])
    explorer.cache = cache
    return explorer
