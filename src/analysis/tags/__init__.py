"""Tag analytics: what editors tag, which tags travel together, and how tags line up with topic clusters.

Editorial tags are the one piece of human judgement in a corpus, so they are counted carefully. Tags are
counted by a normalised key (:func:`normalize_tag`: Unicode NFC, surrounding and repeated inner spaces
removed, case folded), so ``"Defense"`` and ``"defense "`` are one tag, while ``"UK defense"`` and
``"Defense"`` stay two. Each tag is shown with the spelling editors used most often. An article that
carries the same tag twice (in two spellings) counts once. Two kinds of tag are flagged rather than left to
dominate every table and chart: the *page tag* (the tag that names the ``Tag - <page>`` page the article
was collected from) and the *universal tag* (carried by every article, so it says nothing about any
article in particular).

Every function takes a corpus DataFrame (the :func:`analysis.load_corpus` contract: a ``tags`` column of
lists of strings and, optionally, a ``tag_pages`` column of lists of page names) and returns a new
DataFrame; the argument is never modified.

Example:
    >>> freq = tag_frequency(corpus)
    >>> pairs = tag_cooccurrence(corpus, min_count=2)
    >>> top = characteristic_tags(corpus, labels, n=5)
"""

from __future__ import annotations

from analysis.tags.clusters import CHARACTERISTIC_COLUMNS, characteristic_tags, tags_by_cluster
from analysis.tags.cooccurrence import PAIR_COLUMNS, cooccurrence_matrix, tag_cooccurrence
from analysis.tags.frequency import (
    FREQUENCY_COLUMNS,
    TagSummary,
    tag_counts_per_article,
    tag_frequency,
    tag_summary,
    tags_per_article,
    top_tags,
)
from analysis.tags.parse import NO_PAGE, ParsedTags, normalize_tag, parse_tags

__all__ = [
    "CHARACTERISTIC_COLUMNS",
    "FREQUENCY_COLUMNS",
    "NO_PAGE",
    "PAIR_COLUMNS",
    "ParsedTags",
    "TagSummary",
    "characteristic_tags",
    "cooccurrence_matrix",
    "normalize_tag",
    "parse_tags",
    "tag_cooccurrence",
    "tag_counts_per_article",
    "tag_frequency",
    "tag_summary",
    "tags_by_cluster",
    "tags_per_article",
    "top_tags",
]
