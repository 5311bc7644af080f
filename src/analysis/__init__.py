"""analysis: load news tag-page dumps, find topic clusters, read editorial tags, and publish one HTML report.

The public API is re-exported here; notebooks import ``analysis`` and call these functions.

    from analysis import load_corpus, fit_topics, tag_frequency
    corpus = load_corpus("seeds")
    model = fit_topics(corpus, random_state=0)

Names are imported on first use (PEP 562), so ``python -m analysis articles`` does not pay for scikit-learn.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from analysis.errors import AnalysisError, CorpusError, ParameterError, ReportError, StateError

_LAZY = {
    "load_corpus": "analysis.corpus",
    "article_id": "analysis.corpus",
    "SkippedBlocksWarning": "analysis.corpus",
    "TagSummary": "analysis.tags",
    "characteristic_tags": "analysis.tags",
    "cooccurrence_matrix": "analysis.tags",
    "normalize_tag": "analysis.tags",
    "tag_cooccurrence": "analysis.tags",
    "tag_counts_per_article": "analysis.tags",
    "tag_frequency": "analysis.tags",
    "tag_summary": "analysis.tags",
    "tags_by_cluster": "analysis.tags",
    "tags_per_article": "analysis.tags",
    "top_tags": "analysis.tags",
    "TopicModel": "analysis.topics",
    "load_model": "analysis.topics.persist",
    "load_state": "analysis.report.state",
    "fit_topics": "analysis.topics",
    "most_similar": "analysis.topics",
    "similarity_matrix": "analysis.topics",
    "compare_groups": "analysis.compare",
    "count_terms": "analysis.compare",
    "multi_page_articles": "analysis.compare",
    "page_overlap": "analysis.compare",
    "pages_by_cluster": "analysis.compare",
    "rising_terms": "analysis.compare",
    "time_coverage": "analysis.compare",
    "trends": "analysis.compare",
    "story_groups": "analysis.compare",
    "DatesWarning": "analysis.corpus",
    "parse_dates": "analysis.corpus",
    "article_browser": "analysis.explore",
    "cluster_browser": "analysis.explore",
    "k_explorer": "analysis.explore",
    "kwic_browser": "analysis.explore",
    "tag_browser": "analysis.explore",
    "entities": "analysis.extract",
    "entity_summary": "analysis.extract",
    "quotes": "analysis.extract",
    "keyword_in_context": "analysis.text.kwic",
}
_MODULES = {"report", "plots", "compare", "explore"}

__all__ = [
    "AnalysisError",
    "CorpusError",
    "DatesWarning",
    "ParameterError",
    "ReportError",
    "SkippedBlocksWarning",
    "StateError",
    "TagSummary",
    "TopicModel",
    "article_browser",
    "article_id",
    "characteristic_tags",
    "cluster_browser",
    "compare",
    "compare_groups",
    "cooccurrence_matrix",
    "count_terms",
    "entities",
    "entity_summary",
    "explore",
    "fit_topics",
    "k_explorer",
    "keyword_in_context",
    "kwic_browser",
    "load_corpus",
    "load_model",
    "load_state",
    "most_similar",
    "multi_page_articles",
    "normalize_tag",
    "page_overlap",
    "pages_by_cluster",
    "parse_dates",
    "plots",
    "quotes",
    "report",
    "rising_terms",
    "similarity_matrix",
    "story_groups",
    "tag_browser",
    "tag_cooccurrence",
    "tag_counts_per_article",
    "tag_frequency",
    "tag_summary",
    "tags_by_cluster",
    "tags_per_article",
    "time_coverage",
    "top_tags",
    "trends",
]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name in _MODULES:
        value = importlib.import_module(f"analysis.{name}")
    else:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # for type checkers and IDEs
    from analysis import compare, explore, plots, report
    from analysis.compare import (
        compare_groups,
        count_terms,
        multi_page_articles,
        page_overlap,
        pages_by_cluster,
        rising_terms,
        time_coverage,
        trends,
    )
    from analysis.corpus import (
        DatesWarning,
        SkippedBlocksWarning,
        article_id,
        load_corpus,
        parse_dates,
    )
    from analysis.explore import (
        article_browser,
        cluster_browser,
        k_explorer,
        kwic_browser,
        tag_browser,
    )
    from analysis.extract import entities, entity_summary, quotes
    from analysis.report.state import load_state
    from analysis.tags import (
        TagSummary,
        characteristic_tags,
        cooccurrence_matrix,
        normalize_tag,
        tag_cooccurrence,
        tag_counts_per_article,
        tag_frequency,
        tag_summary,
        tags_by_cluster,
        tags_per_article,
        top_tags,
    )
    from analysis.text.kwic import keyword_in_context
    from analysis.topics import TopicModel, fit_topics, most_similar, similarity_matrix
    from analysis.topics.persist import load_model
