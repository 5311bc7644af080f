"""Phrases found in numbered tokens with numpy (analysis.text.phrases.numbered_phrase_spans): the same runs
as the step-by-step finder (phrase_spans), on any tokens and phrases, overlapping ones included."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text.phrases import numbered_phrase_spans, phrase_spans


def _step_by_step(codes: list[int], phrases: list[tuple[int, ...]], ranks: list[int]):
    rank = dict(zip(phrases, ranks, strict=True))
    index: dict[int, list[tuple[int, ...]]] = {}
    for p in sorted(phrases, key=lambda p: (-len(p), rank[p])):
        index.setdefault(p[0], []).append(p)
    return phrase_spans(codes, index, rank)


def _numbered(codes: list[int], phrases: list[tuple[int, ...]], ranks: list[int]):
    starts, spans, which = numbered_phrase_spans(np.array(codes, dtype=np.int32), phrases, ranks)
    assert [len(phrases[w]) for w in which] == spans.tolist()
    return [(int(i), phrases[w]) for i, w in zip(starts, which, strict=True)]


@settings(max_examples=300, deadline=None)
@given(
    codes=st.lists(st.integers(0, 6), max_size=80),
    phrases=st.lists(
        st.lists(st.integers(0, 6), min_size=2, max_size=5).map(tuple),
        min_size=1,
        max_size=12,
        unique=True,
    ),
    seed=st.randoms(use_true_random=False),
)
def test_numbered_phrase_spans_equal_the_step_by_step_finder(codes, phrases, seed) -> None:
    ranks = seed.sample(range(100), len(phrases))
    assert _numbered(codes, phrases, ranks) == _step_by_step(codes, phrases, ranks)


def test_a_stronger_phrase_at_the_last_word_wins() -> None:
    # "president donald trump": "donald trump" (rank 0) beats "president donald" (rank 1)
    codes = [9, 1, 2, 3, 9]
    phrases = [(2, 3), (1, 2)]
    assert _numbered(codes, phrases, [0, 1]) == [(2, (2, 3))]
    assert _numbered(codes, phrases, [1, 0]) == [(1, (1, 2))]


def test_too_many_phrase_words_for_one_integer_falls_back_to_the_step_by_step_finder() -> None:
    rng = np.random.default_rng(0)
    phrases = list({tuple(rng.integers(0, 50_000, 5).tolist()) for _ in range(3000)})
    phrases += [(1, 2), (2, 3, 4), (3, 4)]
    ranks = rng.permutation(len(phrases)).tolist()
    codes = rng.choice([1, 2, 3, 4, 7], 2000).tolist() + list(phrases[0]) + [3, 4]
    assert _numbered(codes, phrases, ranks) == _step_by_step(codes, phrases, ranks)
