"""Which tags travel together: pair counts, lift, PMI and NPMI, and the co-occurrence matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.tags.parse import (
    ParsedTags,
    check_positive_int,
    empty_frame,
    order_by_count,
    parse_tags,
)

PAIR_COLUMNS = [
    "tag_a",
    "tag_b",
    "key_a",
    "key_b",
    "count",
    "count_a",
    "count_b",
    "expected",
    "lift",
    "pmi",
    "npmi",
]


# --------------------------------------------------------------------------------------- co-occurrence


_PAIR_DTYPES = {
    "count": "int64",
    "count_a": "int64",
    "count_b": "int64",
    "expected": "float64",
    "lift": "float64",
    "pmi": "float64",
    "npmi": "float64",
}


def kept_keys(parsed: ParsedTags, counts: np.ndarray, include_universal: bool) -> np.ndarray:
    """Key indices in frequency order, without universal tags unless asked."""
    order = order_by_count(parsed.keys, counts)
    if include_universal:
        return order
    return order[counts[order] < parsed.n_articles]


def tag_cooccurrence(
    corpus: pd.DataFrame, *, min_count: int = 1, include_universal: bool = False
) -> pd.DataFrame:
    """Count the articles carrying each pair of tags, with lift and PMI beside the counts.

    With N articles, a pair seen on ``count`` articles whose tags are on ``count_a`` and ``count_b``
    articles: ``expected = count_a * count_b / N`` (articles expected to carry both if the tags were
    independent), ``lift = count / expected``, ``pmi = log2(lift)`` and ``npmi = pmi / -log2(count / N)``
    (normalised PMI in [-1, 1]; 1 when both tags are on every article). Lift and PMI are unstable for rare
    pairs - a pair seen once between two tags seen once has a huge lift - so always read them with
    ``count`` and use ``min_count`` to drop thin evidence.

    A tag carried by every article is excluded by default: its lift with any tag is exactly 1 (it tells
    nothing about which tags travel together) and it would pair with everything.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.
        min_count: keep pairs seen on at least this many articles (pairs never seen are not listed).
        include_universal: keep tags carried by every article.

    Returns:
        One row per unordered pair with columns ``tag_a``, ``tag_b`` (display spellings; ``tag_a`` is the
        more frequent tag, ties by key), ``key_a``, ``key_b``, ``count``, ``count_a``, ``count_b``,
        ``expected``, ``lift``, ``pmi``, ``npmi``; sorted by count (descending), then lift (descending),
        then the keys. Empty frame with these columns when no pair qualifies.

    Example:
        >>> pairs = tag_cooccurrence(seed, include_universal=True)
        >>> pairs.loc[0, ["tag_a", "tag_b", "count", "lift"]].tolist()
        ['Defense', 'Military', np.int64(4), np.float64(1.0)]
    """
    check_positive_int("min_count", min_count)
    parsed = parse_tags(corpus)
    counts = parsed.counts()
    kept = kept_keys(parsed, counts, include_universal)
    dtypes = _PAIR_DTYPES
    if len(kept) < 2:
        return empty_frame(PAIR_COLUMNS, dtypes)
    # Columns in frequency order, so i < j means i is the more frequent.
    x = parsed.matrix()[:, kept]
    co = sparse.triu((x.T @ x).tocsr(), k=1).tocoo()
    mask = co.data >= min_count
    i, j, both = co.row[mask], co.col[mask], co.data[mask].astype(np.int64)
    if both.size == 0:
        return empty_frame(PAIR_COLUMNS, dtypes)
    n = parsed.n_articles
    ka, kb = kept[i], kept[j]
    ca, cb = counts[ka], counts[kb]
    expected = ca * cb / n
    lift = both / expected
    pmi = np.log2(lift)
    p_both = both / n
    with np.errstate(divide="ignore", invalid="ignore"):
        npmi = np.where(p_both < 1.0, pmi / -np.log2(p_both), 1.0)
    out = pd.DataFrame(
        {
            "tag_a": [parsed.display[parsed.keys[k]] for k in ka],
            "tag_b": [parsed.display[parsed.keys[k]] for k in kb],
            "key_a": [parsed.keys[k] for k in ka],
            "key_b": [parsed.keys[k] for k in kb],
            "count": both,
            "count_a": ca,
            "count_b": cb,
            "expected": expected,
            "lift": lift,
            "pmi": pmi,
            "npmi": npmi,
        }
    )
    out = out.assign(_c=-out["count"], _l=-out["lift"])
    out = out.sort_values(["_c", "_l", "key_a", "key_b"], kind="stable")
    return out[PAIR_COLUMNS].reset_index(drop=True).astype(dtypes)


def cooccurrence_matrix(
    corpus: pd.DataFrame, *, top: int = 15, include_universal: bool = False
) -> pd.DataFrame:
    """Square table of articles carrying both tags, for the ``top`` most used tags.

    Args:
        corpus: a corpus DataFrame with a ``tags`` column of lists.
        top: number of tags (the most used, ties by key).
        include_universal: keep tags carried by every article (excluded by default: such a tag's row
            just repeats every other tag's count).

    Returns:
        A DataFrame indexed and columned by tag display spelling (both axes named ``tag``, same order:
        most used first); cell (a, b) = articles carrying both a and b; the diagonal = articles carrying
        the tag. Empty (0 x 0) when there is no tag to show.
    """
    check_positive_int("top", top)
    parsed = parse_tags(corpus)
    counts = parsed.counts()
    kept = kept_keys(parsed, counts, include_universal)[:top]
    labels = pd.Index([parsed.display[parsed.keys[k]] for k in kept], name="tag", dtype="str")
    if len(kept) == 0:
        return pd.DataFrame(np.zeros((0, 0), dtype=np.int64), index=labels, columns=labels.copy())
    x = parsed.matrix()[:, kept]
    co = np.asarray((x.T @ x).todense(), dtype=np.int64)
    return pd.DataFrame(co, index=labels, columns=labels.copy())
