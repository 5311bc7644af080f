"""The tables readers see, built once so the notebooks, the report and its CSV downloads use the same columns.

Clusters are numbered from 1 and named ``"1: label"`` as in the charts; column names are plain words
("headline", "articles with both"), not code names.

    from analysis.report.tables import articles_table, clusters_table, tag_pairs_table
    articles_table(corpus, model)      # the report's "All articles" table and its CSV
"""

from __future__ import annotations

import pandas as pd

from analysis.config import SMALL_CORPUS

__all__ = [
    "ARTICLE_COLUMNS",
    "CLUSTER_COLUMNS",
    "PAIR_COLUMNS",
    "articles_table",
    "cluster_names",
    "clusters_table",
    "tag_pairs_table",
]

ARTICLE_COLUMNS = ["headline", "cluster", "tags", "tag pages", "words", "source"]
CLUSTER_COLUMNS = [
    "cluster",
    "label",
    "articles",
    "strength",
    "stability",
    "silhouette",
    "distinctive terms",
]
PAIR_COLUMNS = ["tag", "with tag", "articles with both", "lift (1 = chance)"]


def cluster_names(model) -> dict[int, str]:
    """``{0: "1: nato · drones", ...}``: each cluster index to its reader-facing name, numbered from 1."""
    numbers = model.numbers
    return {int(i): f"{numbers[int(i)]}: {label}" for i, label in model.clusters["label"].items()}


def articles_table(corpus: pd.DataFrame, model) -> pd.DataFrame:
    """One row per article: ``headline``, ``cluster`` ("1: label"), ``tags``, ``tag pages``, ``words``, ``source``.

    Args:
        corpus: the corpus the model was fitted on.
        model: the fitted topic model.

    Returns:
        A new DataFrame with the corpus index.
    """
    names = cluster_names(model)
    return pd.DataFrame(
        {
            "headline": corpus["title"],
            "cluster": [names[int(c)] for c in model.labels],
            "tags": corpus["tags"],
            "tag pages": corpus["tag_pages"],
            # A large archive is read without its bodies (analysis.report.data): no word counts then.
            "words": corpus["body"].str.split().str.len() if "body" in corpus.columns else None,
            "source": corpus["source"],
        },
        columns=ARTICLE_COLUMNS,
    )


def clusters_table(model) -> pd.DataFrame:
    """One row per cluster, numbered from 1: label, articles, strength badge, stability, silhouette, terms.

    The strength is the report's badge: on a corpus of fewer than ``SMALL_CORPUS`` articles a cluster is
    never more than "tentative", whatever its scores.

    Args:
        model: the fitted topic model.

    Returns:
        A new DataFrame with columns :data:`CLUSTER_COLUMNS`.
    """
    clusters = model.clusters
    strength = clusters["strength"].astype(str)
    if model.n_articles < SMALL_CORPUS:
        strength = strength.where(~strength.isin(["solid", "moderate"]), "tentative")
    return pd.DataFrame(
        {
            "cluster": model.numbers,
            "label": clusters["label"].to_numpy(),
            "articles": clusters["size"].to_numpy(),
            "strength": strength.to_numpy(),
            "stability": clusters["stability"].to_numpy(),
            "silhouette": clusters["silhouette"].to_numpy(),
            "distinctive terms": [", ".join(terms) for terms in clusters["terms"]],
        },
        columns=CLUSTER_COLUMNS,
    )


def tag_pairs_table(pairs: pd.DataFrame) -> pd.DataFrame:
    """:func:`analysis.tags.tag_cooccurrence` output with the report's columns: tag, with tag, count, lift."""
    return pairs[["tag_a", "tag_b", "count", "lift"]].set_axis(PAIR_COLUMNS, axis=1)
