"""Counting articles per group from shared membership lists (issue 24: a million articles' topics and tags
are counted per distinct list, not per article) gives what counting article by article gives."""

from __future__ import annotations

import random

import pandas as pd

from analysis import load_corpus
from analysis.compare import trends
from analysis.compare.groups import group_sizes, shared_lists
from analysis.datasets import generate_articles, write_jsonl


def _sizes_one_by_one(members: list[list]) -> dict:
    sizes: dict = {}
    for groups in members:
        for g in groups:
            sizes[g] = sizes.get(g, 0) + 1
    return sizes


def test_group_sizes_equal_counting_article_by_article_whatever_lists_are_shared():
    rng = random.Random(7)
    pool = [[], ["a"], ["b", "a"], ["c"], ["a", "c", "d"]]
    members = []
    for _ in range(500):
        groups = rng.choice(pool)
        members.append(groups if rng.random() < 0.5 else list(groups))  # shared or an equal copy
    sizes = group_sizes(members)
    assert sizes == _sizes_one_by_one(members)
    assert list(sizes) == list(_sizes_one_by_one(members))  # the same first-seen order
    codes, lists = shared_lists(members)
    assert all(members[i] is lists[c] for i, c in enumerate(codes))


def test_tag_trends_count_each_article_once_per_tag_and_period(tmp_path):
    path = tmp_path / "news.jsonl"
    write_jsonl(path, generate_articles(400, seed=3))
    corpus = load_corpus(path)
    table = trends(corpus, freq="M", by="tag", top=None)
    dated = corpus.assign(period=pd.to_datetime(corpus["published"], utc=True))
    dated = dated.dropna(subset=["period"])
    dated["period"] = dated["period"].dt.tz_localize(None).dt.to_period("M").dt.start_time
    expected = (
        dated[["period", "tags"]]
        .explode("tags")
        .dropna()
        .reset_index()
        .drop_duplicates()  # a tag twice on one article counts once
        .groupby(["period", "tags"])
        .size()
    )
    shown = table[table["articles"] > 0].set_index(["period", "group"])["articles"]
    assert shown.sum() == expected.sum()
    assert sorted(shown.tolist()) == sorted(expected.tolist())
