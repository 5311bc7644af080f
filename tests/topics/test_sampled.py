"""The sampled path (:mod:`analysis.topics.sampled`) gives the same topics in any row order (issue 18): its
sample is drawn by article id, not by row position."""

from __future__ import annotations

import json
import random

import numpy as np
import pandas as pd
import pytest

from analysis.corpus.cache import cache_corpus
from analysis.sampling import id_sample
from analysis.topics.sampled import fit_cached, sample_among


def test_id_sample_depends_on_the_ids_not_their_order() -> None:
    ids = np.array([f"article-{i}" for i in range(500)])
    picked = set(ids[id_sample(ids, 50, 0)])
    shuffled = np.random.default_rng(1).permutation(ids)
    rows = id_sample(shuffled, 50, 0)
    assert len(picked) == 50 and set(shuffled[rows]) == picked
    assert (np.diff(rows) > 0).all()  # sorted positions
    assert set(ids[id_sample(ids, 50, 1)]) != picked  # another random state, another sample
    assert id_sample(ids[:20], 50, 0).tolist() == list(range(20))
    among = np.arange(0, 500, 2)
    from_even = sample_among(500, 30, 0, among, ids=ids)
    assert set(from_even) <= set(among) and len(from_even) == 30


@pytest.mark.slow
def test_sampled_fit_is_the_same_in_any_row_order(bbc_path, tmp_path) -> None:
    rows = [json.loads(line) for line in bbc_path.read_text(encoding="utf-8").splitlines()]
    picked = random.Random(0).sample(rows, 500)
    tables = []
    for name, order in (("a", picked), ("b", random.Random(1).sample(picked, len(picked)))):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in order), encoding="utf-8")
        cache = cache_corpus(path, cache_dir=tmp_path / f"cache-{name}")
        model = fit_cached(cache, random_state=0, sample_size=250)
        ids = cache.read(["id"])["id"].to_numpy()
        assert model.n_articles == cache.n_articles > 250 and any(
            "random sample of 250" in n for n in model.notes
        )
        table = pd.DataFrame({"id": ids, "topic": model.numbers[model.labels]})
        tables.append((model.k, table.sort_values("id").reset_index(drop=True)))
    (k_a, a), (k_b, b) = tables
    assert k_a == k_b >= 2
    pd.testing.assert_frame_equal(a, b)


def test_sampled_fit_and_story_groups_are_the_same_on_one_worker_or_two(
    bbc_path, tmp_path, monkeypatch
) -> None:
    """A large archive's articles are assigned and signed part by part on worker processes (issue 24):
    the topics, fits, map positions and story groups are identical with one worker or two."""
    from analysis.compare.stories import signatures_in_chunks, story_groups_from_signatures
    from analysis.corpus.cache import store
    from analysis.parallel import WORKERS_ENV

    monkeypatch.setattr(store, "PART_ROWS", 150)
    rows = [json.loads(line) for line in bbc_path.read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "bbc.jsonl"
    picked = random.Random(2).sample(rows, 600) + random.Random(3).sample(rows, 20)  # 20 copies
    path.write_text("".join(json.dumps(r) + "\n" for r in picked), encoding="utf-8")
    cache = cache_corpus(path, cache_dir=tmp_path / "cache")
    assert len(cache.parts) >= 4
    results = {}
    for workers in ("1", "2"):
        monkeypatch.setenv(WORKERS_ENV, workers)
        model = fit_cached(cache, k=5, random_state=0, sample_size=300)
        signed = list(cache.map_parts(signatures_in_chunks, ["title", "body"]))
        results[workers] = (model, story_groups_from_signatures(signed))
    (one, groups_one), (two, groups_two) = results["1"], results["2"]
    assert np.array_equal(one.labels, two.labels) and np.array_equal(groups_one, groups_two)
    assert np.array_equal(one.fit, two.fit) and np.array_equal(one.positions, two.positions)
    assert len(np.unique(groups_one)) < cache.n_articles  # the copies were found
