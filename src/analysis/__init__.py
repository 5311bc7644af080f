"""analysis: load news tag-page dumps, find topic clusters, read editorial tags, and publish one HTML report.

The public API is re-exported here; notebooks import ``analysis`` and call these functions.

    from analysis import load_corpus, fit_topics, tag_frequency
    corpus = load_corpus("seeds")
    model = fit_topics(corpus, random_state=0)
"""

from __future__ import annotations

from analysis import report
from analysis.corpus import load_corpus
from analysis.errors import AnalysisError, CorpusError, ParameterError, ReportError
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
from analysis.topics import TopicModel, fit_topics, most_similar, similarity_matrix

__all__ = [
    "AnalysisError",
    "CorpusError",
    "ParameterError",
    "ReportError",
    "TagSummary",
    "TopicModel",
    "characteristic_tags",
    "cooccurrence_matrix",
    "fit_topics",
    "load_corpus",
    "most_similar",
    "normalize_tag",
    "report",
    "similarity_matrix",
    "tag_cooccurrence",
    "tag_counts_per_article",
    "tag_frequency",
    "tag_summary",
    "tags_by_cluster",
    "tags_per_article",
    "top_tags",
]
