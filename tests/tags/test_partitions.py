"""Tags encoded partition by partition (as the Dask engine's tasks do) and joined give what the whole
corpus gives: keys and spellings renumbered in first-seen order, rows shifted."""

from __future__ import annotations

import itertools
from dataclasses import asdict

import numpy as np
import pandas as pd
import pytest

from analysis.tags import tag_cooccurrence, tag_frequency
from analysis.tags.parse import encode_corpus, join_encoded, parse_tags, resolve_tags


@pytest.fixture
def mixed(seed_corpus) -> pd.DataFrame:
    """The seed plus articles whose spellings of one tag differ by partition, one with no tags, one from
    another page: the most used spelling over all partitions must win, ties to the first seen."""
    extra = pd.DataFrame(
        {
            "id": ["x1", "x2", "x3", "x4", "x5"],
            "title": ["a", "b", "c", "d", "e"],
            "body": ["a", "b", "c", "d", "e"],
            "tags": [["navy", "Drones"], [], ["NAVY", "drones "], ["NAVY", "Budget"], ["navy"]],
            "tag_pages": [["UK defense"], ["UK defense"], ["Navy news"], ["Navy news"], []],
            "source": ["x"] * 5,
        }
    )
    return pd.concat([seed_corpus, extra], ignore_index=True)


def _equal(a, b) -> None:
    for (name, x), y in zip(asdict(a).items(), asdict(b).values(), strict=True):
        if isinstance(x, np.ndarray):
            np.testing.assert_array_equal(x, y, err_msg=name)
        else:
            assert x == y, name


@pytest.mark.parametrize("cuts", [[], [1], [5, 5, 9], [3, 9, 10, 12], list(range(1, 14))])
def test_joined_partitions_equal_the_whole_corpus(mixed, cuts):
    bounds = [0, *cuts, len(mixed)]
    parts = [mixed.iloc[a:b] for a, b in itertools.pairwise(bounds)]
    joined = resolve_tags(join_encoded([encode_corpus(p) for p in parts]))
    _equal(joined, parse_tags(mixed))


def test_spelling_chosen_over_all_partitions(mixed):
    """'navy' and 'NAVY' are used twice each, in different partitions: the tie goes to the spelling seen
    first over the whole corpus, as on pandas; the same for 'Drones' / 'drones '."""
    parts = [mixed.iloc[:10], mixed.iloc[10:12], mixed.iloc[12:]]
    tags = resolve_tags(join_encoded([encode_corpus(p) for p in parts]))
    assert tags.display["navy"] == "navy" and tags.display["drones"] == "Drones"
    assert tags.page_names == ["UK defense", "Navy news"]


def test_tag_tables_of_joined_partitions(mixed, monkeypatch):
    """tag_frequency and tag_cooccurrence see the same table whichever way it was built."""
    whole_freq, whole_pairs = tag_frequency(mixed), tag_cooccurrence(mixed)
    from analysis.tags import parse

    parts = [mixed.iloc[:4], mixed.iloc[4:11], mixed.iloc[11:]]
    monkeypatch.setattr(
        parse, "encode_corpus", lambda corpus: join_encoded([encode_corpus(p) for p in parts])
    )
    pd.testing.assert_frame_equal(tag_frequency(mixed), whole_freq)
    pd.testing.assert_frame_equal(tag_cooccurrence(mixed), whole_pairs)
