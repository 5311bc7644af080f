"""The tables readers see, built once so the notebooks, the report and its CSV downloads use the same columns.

Clusters are numbered from 1 and named ``"1: label"`` as in the charts; column names are plain words
("headline", "articles with both"), not code names.

    from analysis.report.tables import articles_table, clusters_table, tag_pairs_table
    articles_table(corpus, model)      # the report's "All articles" table and its CSV
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "ARTICLE_COLUMNS",
    "CLUSTER_COLUMNS",
    "PAIR_COLUMNS",
    "articles_table",
    "cluster_names",
    "clusters_table",
    "headlines",
    "tag_pairs_table",
    "with_headlines",
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


def articles_table(corpus: pd.DataFrame, model, *, join: str | None = None) -> pd.DataFrame:
    """One row per article: ``headline``, ``cluster`` ("1: label"), ``tags``, ``tag pages``, ``words``, ``source``.

    Args:
        corpus: the corpus the model was fitted on.
        model: the fitted topic model.
        join: when given, tags and tag pages are written as text joined by it (``", "``) instead of lists.

    Returns:
        A new DataFrame with the corpus index.
    """
    names = cluster_names(model)

    def shown(values: pd.Series) -> pd.Series:
        return values if join is None else values.map(lambda items: join.join(map(str, items)))

    return pd.DataFrame(
        {
            "headline": corpus["title"],
            "cluster": [names[int(c)] for c in model.labels],
            "tags": shown(corpus["tags"]),
            "tag pages": shown(corpus["tag_pages"]),
            # A large archive is read without its bodies (analysis.report.data): no word counts then.
            "words": corpus["body"].str.split().str.len() if "body" in corpus.columns else None,
            "source": corpus["source"],
        },
        columns=ARTICLE_COLUMNS,
    )


def headlines(corpus: pd.DataFrame) -> dict[str, str]:
    """Each article's id to the name a reader knows it by: its headline, or without one where it was read
    (``"(no headline, file.jsonl:12)"``), never a 16-character id."""
    titles = corpus["title"] if "title" in corpus.columns else pd.Series([""] * len(corpus))
    sources = corpus["source"] if "source" in corpus.columns else pd.Series([""] * len(corpus))
    return {
        str(i): (str(t).strip() if isinstance(t, str) and t.strip() else f"(no headline, {s})")
        for i, t, s in zip(corpus["id"], titles, sources, strict=True)
    }


def with_headlines(
    table: pd.DataFrame, corpus: pd.DataFrame, *, column: str = "article_id"
) -> pd.DataFrame:
    """A copy of a table with one row per article mention (keyword in context, quotations, mentions) with a
    ``headline`` column after its ``article_id``, so a reader sees which article each row comes from.

    Args:
        table: a table whose ``column`` holds article ids (:func:`analysis.text.kwic.keyword_in_context`,
            the quotations of :func:`analysis.extract.people_and_quotes`, ...).
        corpus: the corpus the ids come from.
        column: the id column.

    Returns:
        The new table (``table`` is not changed).
    """
    out = table.copy()
    names = headlines(corpus)
    at = list(out.columns).index(column) + 1 if column in out.columns else 0
    out.insert(
        at, "headline", out[column].astype(str).map(names) if len(out) else pd.Series(dtype=str)
    )
    return out


def clusters_table(model) -> pd.DataFrame:
    """One row per cluster, numbered from 1: label, articles, strength badge, stability, silhouette, terms.

    The strength is the model's one badge (``model.clusters["strength"]``: "tentative" on a small corpus,
    "mixed" for a cluster with no clear topic), the same in the report, notebooks and explorers.

    Args:
        model: the fitted topic model.

    Returns:
        A new DataFrame with columns :data:`CLUSTER_COLUMNS`.
    """
    clusters = model.clusters
    strength = clusters["strength"].astype(str)
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
