"""Per-entity summary: how often a person, organisation or place is in the coverage, and with whom.

:func:`entity_summary` turns the mention table of :func:`analysis.extract.entities` into one row per
canonical entity: its type, the number of articles and mentions, the roles seen, the written forms, the
entities it shares most articles with, and, given a topic model fitted on the same corpus, the clusters
(numbered from 1) and editorial tags of the articles it appears in.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from analysis.corpus.base import check_corpus_columns
from analysis.errors import ParameterError
from analysis.extract.entities import MENTION_COLUMNS

__all__ = ["SUMMARY_COLUMNS", "entity_summary"]

SUMMARY_COLUMNS = ["name", "type", "articles", "mentions", "roles", "forms", "with"]
_TOP = 5


def entity_summary(
    corpus: pd.DataFrame, mentions: pd.DataFrame, model=None, *, top: int = _TOP
) -> pd.DataFrame:
    """One row per entity, most widely covered first.

    Args:
        corpus: the corpus the mentions come from (``id``; ``tags`` is used with a model).
        mentions: the output of :func:`analysis.extract.entities` for ``corpus``.
        model: a :class:`analysis.TopicModel` fitted on ``corpus``; adds ``clusters`` and ``tags``.
        top: how many co-occurring entities, clusters and tags to list.

    Returns:
        ``name``, ``type``, ``articles``, ``mentions``, ``roles`` (most frequent first), ``forms`` (as
        written), ``with`` (entities sharing most articles), and with a model ``clusters`` (numbered from
        1, by number of articles) and ``tags`` (most frequent first); list columns hold plain lists.

    Example:
        >>> mentions = entities(corpus)
        >>> entity_summary(corpus, mentions).head(10)
    """
    _check(corpus, mentions, model)
    if mentions.empty:
        columns = SUMMARY_COLUMNS + (["clusters", "tags"] if model is not None else [])
        return pd.DataFrame(columns=columns)
    keys = list(zip(mentions["name"], mentions["type"], strict=True))
    groups: dict[tuple[str, str], dict] = defaultdict(
        lambda: {"articles": set(), "mentions": 0, "roles": Counter(), "forms": Counter()}
    )
    for key, article, role, text in zip(
        keys, mentions["article_id"], mentions["role"], mentions["text"], strict=True
    ):
        entry = groups[key]
        entry["articles"].add(article)
        entry["mentions"] += 1
        if role:
            entry["roles"][role] += 1
        entry["forms"][text] += 1
    partners = _cooccurrence(groups)
    rows = [
        {
            "name": name,
            "type": kind,
            "articles": len(entry["articles"]),
            "mentions": entry["mentions"],
            "roles": [r for r, _ in entry["roles"].most_common()],
            "forms": [f for f, _ in entry["forms"].most_common()],
            "with": [other for other, _ in partners[(name, kind)].most_common(top)],
        }
        for (name, kind), entry in groups.items()
    ]
    frame = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    if model is not None:
        frame = _with_model(frame, groups, corpus, model, top)
    frame = frame.sort_values(["articles", "mentions", "name"], ascending=[False, False, True])
    return frame.reset_index(drop=True)


def _check(corpus, mentions, model) -> None:
    check_corpus_columns(corpus, ["id"])
    if not isinstance(mentions, pd.DataFrame) or set(MENTION_COLUMNS) - set(mentions.columns):
        raise ParameterError("mentions must be the DataFrame returned by entities(corpus)")
    if model is not None and len(getattr(model, "labels", ())) != len(corpus):
        raise ParameterError(
            "model was fitted on a different corpus (its labels do not match the corpus rows); "
            "pass the corpus the model was fitted on"
        )


def _cooccurrence(groups: dict) -> dict[tuple[str, str], Counter]:
    """For each entity, the other entities counted by the number of articles they share."""
    by_article: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, entry in groups.items():
        for article in sorted(entry["articles"]):
            by_article[article].append(key)
    partners: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for members in by_article.values():
        if len(members) > 200:  # a directory-like article would swamp the counts
            continue
        names = [other[0] for other in members]  # each key once per article
        for i, key in enumerate(members):  # every other member's name, in the members' order
            partners[key].update(names[:i])
            partners[key].update(names[i + 1 :])
    return partners


def _with_model(
    frame: pd.DataFrame, groups: dict, corpus: pd.DataFrame, model, top: int
) -> pd.DataFrame:
    cluster_of = dict(
        zip(corpus["id"].astype(str), (int(x) + 1 for x in model.labels), strict=True)
    )
    tags_of = dict(
        zip(
            corpus["id"].astype(str), corpus.get("tags", pd.Series([[]] * len(corpus))), strict=True
        )
    )
    clusters, tags = [], []
    for name, kind in zip(frame["name"], frame["type"], strict=True):
        articles = sorted(groups[(name, kind)]["articles"])
        clusters.append(
            [
                c
                for c, _ in Counter(
                    cluster_of[a] for a in articles if a in cluster_of
                ).most_common()
            ]
        )
        counted = Counter(t for a in articles for t in (tags_of.get(a) or []))
        tags.append([t for t, _ in counted.most_common(top)])
    return frame.assign(clusters=clusters, tags=tags)
