"""Compare coverage: across tag pages, across clusters, and over time.

- :func:`compare_groups`: the words and phrases that set each page, cluster or column value apart
  (log-odds ratio with an informative Dirichlet prior, :mod:`analysis.compare.logodds`).
- :func:`page_overlap`, :func:`multi_page_articles`, :func:`pages_by_cluster`: how pages overlap.
- :func:`trends`, :func:`rising_terms`, :func:`time_coverage`: coverage per day, week or month.
- :func:`compare_column`, :func:`outlet_sizes`, :func:`topic_shares`, :func:`attention_over_time`,
  :func:`outlet_sources`, :func:`story_spread`, :func:`copy_shares`: outlets (or any column) compared.
- :func:`story_groups`: syndicated and near-identical copies of one story (MinHash + LSH, ``datasketch``).
- :func:`parse_dates`: publication dates in mixed formats -> UTC (:mod:`analysis.corpus.dates`).
"""

from analysis.compare.groups import TermCounts, compare_groups, count_terms
from analysis.compare.logodds import Z_THRESHOLD, log_odds_z, log_odds_z_pair
from analysis.compare.outlets import (
    attention_over_time,
    compare_column,
    copy_shares,
    outlet_sizes,
    outlet_sources,
    story_spread,
    topic_shares,
)
from analysis.compare.pages import PageRows, multi_page_articles, page_overlap, pages_by_cluster
from analysis.compare.stories import STORY_THRESHOLD, representatives, story_groups
from analysis.compare.trends import (
    TimeCoverage,
    published_dates,
    representative_headline,
    rising_terms,
    time_coverage,
    trends,
)
from analysis.corpus.dates import DateColumn, parse_date, parse_dates

__all__ = [
    "STORY_THRESHOLD",
    "Z_THRESHOLD",
    "DateColumn",
    "PageRows",
    "TermCounts",
    "TimeCoverage",
    "attention_over_time",
    "compare_column",
    "compare_groups",
    "copy_shares",
    "count_terms",
    "log_odds_z",
    "log_odds_z_pair",
    "multi_page_articles",
    "outlet_sizes",
    "outlet_sources",
    "page_overlap",
    "pages_by_cluster",
    "parse_date",
    "parse_dates",
    "published_dates",
    "representative_headline",
    "representatives",
    "rising_terms",
    "story_groups",
    "story_spread",
    "time_coverage",
    "topic_shares",
    "trends",
]
