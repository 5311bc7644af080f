"""Explore a corpus in JupyterLab: browse clusters, tags and articles, and see what another k would give.

Each explorer is a function returning an ipywidgets box; the last expression of a notebook cell shows it.

    from analysis import fit_topics, load_corpus
    from analysis.explore import article_browser, cluster_browser, k_explorer, tag_browser
    corpus = load_corpus("seeds")
    model = fit_topics(corpus, random_state=0)
    cluster_browser(corpus, model)

What each pane shows is computed by plain functions in :mod:`analysis.explore.views` (tested without a
browser); the widgets only connect controls to them. The people, organisations and places an article names
and its quotes (from :mod:`analysis.extract`) plug into the article pane through ``sections=``
(:mod:`analysis.explore.sections`); :func:`kwic_browser` shows a word or phrase in context, and
:func:`every_article` lists every article in a sortable table.
"""

from __future__ import annotations

from analysis.explore.browsers import (
    Explorer,
    article_browser,
    cluster_browser,
    kwic_browser,
    tag_browser,
)
from analysis.explore.runs import baseline_view, runs_browser, topics_compared
from analysis.explore.sections import people_section, quotes_section
from analysis.explore.table import every_article
from analysis.explore.views import ArticleSection
from analysis.explore.what_if_k import KView, k_explorer

__all__ = [
    "ArticleSection",
    "Explorer",
    "KView",
    "article_browser",
    "baseline_view",
    "cluster_browser",
    "every_article",
    "k_explorer",
    "kwic_browser",
    "people_section",
    "quotes_section",
    "runs_browser",
    "tag_browser",
    "topics_compared",
]
