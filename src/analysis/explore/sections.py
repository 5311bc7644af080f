"""Extra sections for the article pane: the people, organisations and places an article names, and its quotes.

Each function takes a table computed once for the whole corpus by :mod:`analysis.extract` and returns an
:data:`analysis.explore.views.ArticleSection` for the explorers' ``sections=`` option:

    from analysis.extract import people_and_quotes
    mentions, said = people_and_quotes(corpus)
    cluster_browser(corpus, model, sections=[people_section(mentions), quotes_section(said)])
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.explore.views import ArticleSection

__all__ = ["people_section", "quotes_section"]

_TYPES = {"person": "people", "organisation": "organisations", "place": "places"}


def _by_article(table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {str(key): group for key, group in table.groupby("article_id", sort=False)}


def people_section(mentions: pd.DataFrame, *, top: int = 8) -> ArticleSection:
    """A section listing who and what an article names, most mentioned first, by kind.

    Args:
        mentions: :func:`analysis.extract.entities` of the corpus (``article_id``, ``name``, ``type``).
        top: at most this many names of each kind.

    Returns:
        A section hook: ``("Named in this article", ["people: Vladimir Putin (4), ...", ...])``.
    """
    groups = _by_article(mentions)

    def section(row: pd.Series) -> tuple[str, Sequence[str]] | None:
        found = groups.get(str(row.get("id", "")))
        if found is None or found.empty:
            return None
        lines = []
        for kind, plural in _TYPES.items():
            counts = found.loc[found["type"] == kind, "name"].value_counts(sort=False)
            if counts.empty:
                continue
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
            lines.append(f"{plural}: " + ", ".join(f"{name} ({n})" for name, n in ranked))
        return ("Named in this article (mentions)", lines) if lines else None

    return section


def quotes_section(said: pd.DataFrame, *, top: int = 6) -> ArticleSection:
    """A section listing an article's direct quotations with their speakers, in reading order.

    Args:
        said: :func:`analysis.extract.quotes` of the corpus (``article_id``, ``quote``, ``speaker``, ``start``).
        top: at most this many quotations.

    Returns:
        A section hook: ``("Quotes", ["“...” — Nikolai Petrov", ...])``.
    """
    groups = _by_article(said)

    def section(row: pd.Series) -> tuple[str, Sequence[str]] | None:
        found = groups.get(str(row.get("id", "")))
        if found is None or found.empty:
            return None
        found = found.sort_values("start")
        lines = [
            f"“{q.quote}” — {q.speaker or 'unnamed speaker'}" for q in found.head(top).itertuples()
        ]
        more = len(found) - len(lines)
        heading = f"Quotes ({len(found)})" + (f", first {len(lines)}" if more > 0 else "")
        return heading, lines

    return section
