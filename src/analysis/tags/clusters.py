"""Tags and topic clusters: the tag x cluster table and each cluster's characteristic tags."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.errors import ParameterError
from analysis.tags.cooccurrence import kept_keys
from analysis.tags.parse import ParsedTags, check_positive_int, empty_frame, parse_tags, row_where

CHARACTERISTIC_COLUMNS = [
    "cluster",
    "cluster_name",
    "tag",
    "key",
    "count",
    "cluster_size",
    "share_in_cluster",
    "share_overall",
    "lift",
    "score",
]


# ---------------------------------------------------------------------------------- tags and clusters


def _check_labels(corpus: pd.DataFrame, labels: Any) -> np.ndarray:
    values = np.asarray(labels)
    if values.ndim != 1 or len(values) != len(corpus):
        raise ParameterError(
            f"labels has {values.size if values.ndim else 1} value(s) but the corpus has {len(corpus)} "
            "articles; pass one cluster label per article, in corpus order."
        )
    if len(values) and pd.isna(values).any():
        first = int(np.flatnonzero(pd.isna(values))[0])
        raise ParameterError(
            f"labels has a missing value at position {first} ({row_where(corpus, first)}); give every "
            "article a cluster label (use -1 for 'no cluster' if needed)."
        )
    return values


def _cluster_name(label: Any, cluster_names: Mapping[Any, str] | None) -> str:
    if cluster_names is not None and label in cluster_names:
        return str(cluster_names[label])
    return f"Cluster {label}"


_CHARACTERISTIC_DTYPES = {
    "count": "int64",
    "cluster_size": "int64",
    "share_in_cluster": "float64",
    "share_overall": "float64",
    "lift": "float64",
    "score": "float64",
}


def _tag_counts_by_cluster(
    parsed: ParsedTags, kept: np.ndarray, cluster_pos: np.ndarray, n_clusters: int
) -> np.ndarray:
    """Clusters x kept tags: how many articles of each cluster carry each tag (``cluster_pos`` per article)."""
    membership = sparse.csr_matrix(
        (np.ones(len(cluster_pos), dtype=np.int64), (np.arange(len(cluster_pos)), cluster_pos)),
        shape=(len(cluster_pos), n_clusters),
    )
    return np.asarray((membership.T @ parsed.matrix()[:, kept]).todense(), dtype=np.int64)


def tags_by_cluster(
    corpus: pd.DataFrame,
    labels: Sequence[int] | np.ndarray | pd.Series,
    *,
    cluster_names: Mapping[int, str] | None = None,
    top: int | None = None,
    include_universal: bool = False,
) -> pd.DataFrame:
    """Cross-tabulate tags against topic clusters: articles of each cluster carrying each tag.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.
        labels: one cluster label per article, in corpus order (positions, not index labels).
        cluster_names: optional names for the columns, e.g. ``{0: "NATO, drones", 1: "EU budget"}``;
            labels without a name are shown as ``"Cluster <label>"``. Without it the columns are the
            labels themselves.
        top: keep only the ``top`` most used tags (rows); ``None`` keeps all.
        include_universal: keep tags carried by every article (excluded by default: such a row only
            repeats the cluster sizes).

    Returns:
        Integer counts, rows = tags (display spelling, index named ``tag``, most used first, ties by
        key), columns = clusters in sorted label order (named ``cluster``). Clusters with no tagged
        article still get a column of zeros. No tags: zero rows, one column per cluster.
    """
    check_positive_int("top", top, allow_none=True)
    parsed = parse_tags(corpus)
    values = _check_labels(corpus, labels)
    clusters, cluster_pos = np.unique(values, return_inverse=True) if len(values) else ([], [])
    counts = parsed.counts()
    kept = kept_keys(parsed, counts, include_universal)
    if top is not None:
        kept = kept[:top]
    if cluster_names is None:
        columns = pd.Index(list(clusters), name="cluster")
    else:
        columns = pd.Index([_cluster_name(c, cluster_names) for c in clusters], name="cluster")
    rows = pd.Index([parsed.display[parsed.keys[k]] for k in kept], name="tag", dtype="str")
    if len(kept) == 0 or len(clusters) == 0:
        return pd.DataFrame(
            np.zeros((len(rows), len(columns)), dtype=np.int64), index=rows, columns=columns
        )
    table = _tag_counts_by_cluster(parsed, kept, np.asarray(cluster_pos), len(clusters)).T
    return pd.DataFrame(table, index=rows, columns=columns)


def characteristic_tags(
    corpus: pd.DataFrame,
    labels: Sequence[int] | np.ndarray | pd.Series,
    *,
    n: int = 5,
    min_count: int = 2,
    cluster_names: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """The tags most characteristic of each cluster: over-represented, and on enough of its articles.

    For a cluster of ``cluster_size`` articles, a tag on ``count`` of them and on ``share_overall`` of
    all articles: ``share_in_cluster = count / cluster_size``, ``lift = share_in_cluster /
    share_overall``. Raw lift over-reads small counts (one article in a small cluster carrying a rare tag
    gives a huge lift), so two guards apply: a tag must be on at least ``min_count`` articles of the
    cluster (default 2; a cluster smaller than that has no characteristic tags), and tags are ranked by
    the smoothed lift ``score = (count + 1) / (expected + 1)`` with ``expected = cluster_size *
    share_overall``, which pulls thin evidence towards 1. Only over-represented tags (``lift > 1``) are
    kept, and tags carried by every article are never listed (their lift is always 1).

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.
        labels: one cluster label per article, in corpus order.
        n: at most this many tags per cluster.
        min_count: least number of the cluster's articles that must carry a tag.
        cluster_names: optional display names for ``cluster_name``; default ``"Cluster <label>"``.

    Returns:
        Columns ``cluster`` (label), ``cluster_name``, ``tag``, ``key``, ``count`` (articles of the
        cluster carrying the tag), ``cluster_size``, ``share_in_cluster``, ``share_overall``, ``lift``
        and ``score``; sorted by cluster label, then score (descending), count (descending), key.
    """
    check_positive_int("n", n)
    check_positive_int("min_count", min_count)
    parsed = parse_tags(corpus)
    values = _check_labels(corpus, labels)
    dtypes = _CHARACTERISTIC_DTYPES
    counts = parsed.counts()
    kept = kept_keys(parsed, counts, include_universal=False)
    if len(kept) == 0 or len(values) == 0:
        return empty_frame(CHARACTERISTIC_COLUMNS, dtypes)
    clusters, cluster_pos = np.unique(values, return_inverse=True)
    sizes = np.bincount(cluster_pos, minlength=len(clusters)).astype(np.int64)
    table = _tag_counts_by_cluster(parsed, kept, cluster_pos, len(clusters))
    share_overall = counts[kept] / parsed.n_articles
    rows = []
    for c, label in enumerate(clusters):
        size = int(sizes[c])
        in_cluster = table[c]
        expected = size * share_overall
        lift = (in_cluster / size) / share_overall
        score = (in_cluster + 1) / (expected + 1)
        ok = np.flatnonzero((in_cluster >= min_count) & (lift > 1))
        ranked = sorted(
            ok.tolist(), key=lambda t: (-score[t], -in_cluster[t], parsed.keys[kept[t]])
        )
        for t in ranked[:n]:
            key = parsed.keys[kept[t]]
            rows.append(
                {
                    "cluster": label.item() if hasattr(label, "item") else label,
                    "cluster_name": _cluster_name(
                        label.item() if hasattr(label, "item") else label, cluster_names
                    ),
                    "tag": parsed.display[key],
                    "key": key,
                    "count": int(in_cluster[t]),
                    "cluster_size": size,
                    "share_in_cluster": in_cluster[t] / size,
                    "share_overall": float(share_overall[t]),
                    "lift": float(lift[t]),
                    "score": float(score[t]),
                }
            )
    if not rows:
        return empty_frame(CHARACTERISTIC_COLUMNS, dtypes)
    return pd.DataFrame(rows, columns=CHARACTERISTIC_COLUMNS).astype(dtypes)
