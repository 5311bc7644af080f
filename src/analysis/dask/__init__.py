"""The optional Dask engine, at the edge: parse, count tags and cluster a corpus as Dask tasks.

Nothing in the core (corpus, text, topics, tags, extract, compare) imports this package; it calls their
public functions, as ``dask-ml`` wraps scikit-learn. It is imported only when the Dask engine is chosen
(:mod:`analysis.engine`), so the pandas path never pays for Dask.

- :mod:`analysis.dask.client`: the cluster a run uses (:func:`get_client`, :func:`dask_session`) and
  :func:`gather`, which turns a lost worker or scheduler into one clear :class:`DaskEngineError`.
- :mod:`analysis.dask.build`: the parse cache built as Dask tasks (one per file or ~32 MB of JSON Lines).
- :mod:`analysis.dask.engine`: :func:`load_corpus_dask`, :func:`fit_topics_dask` (fit on a sample, assign
  every partition as a task), :func:`parts_mapper` (a parse cache's parts as tasks, for
  :func:`analysis.topics.sampled.fit_cached`: the report's fit) and :func:`parsed_tags` (tags encoded per
  partition, for any tag table).
"""

from __future__ import annotations

from analysis.dask.client import DaskEngineError, dask_session, get_client, is_dask
from analysis.dask.engine import (
    cache_corpus_dask,
    cache_frame,
    fit_topics_dask,
    load_corpus_dask,
    parsed_tags,
    parts_mapper,
    story_groups_dask,
)

__all__ = [
    "DaskEngineError",
    "cache_corpus_dask",
    "cache_frame",
    "dask_session",
    "fit_topics_dask",
    "get_client",
    "is_dask",
    "load_corpus_dask",
    "parsed_tags",
    "parts_mapper",
    "story_groups_dask",
]
