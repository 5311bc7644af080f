"""Article ids looked up between two runs (new, kept, gone): object-dtype indexes, first rows on each side."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.ids import common_rows, id_index, rows_in


def test_rows_and_common_rows_are_the_first_rows_of_each_id_on_each_side():
    rng = np.random.default_rng(0)
    for _ in range(30):
        before = np.array([f"x{i}" for i in rng.integers(0, 300, 400)], dtype=object)
        now = np.array([f"x{i}" for i in rng.integers(100, 450, 500)], dtype=object)
        first_before = pd.Series(np.arange(len(before)), index=before)
        first_before = first_before[~first_before.index.duplicated()]
        expected = first_before.reindex(now).fillna(-1).astype(int).to_numpy()
        assert (rows_in(before, now) == expected).all()
        first_now = pd.Series(np.arange(len(now)), index=now)
        first_now = first_now[~first_now.index.duplicated()]
        common = first_now.index.intersection(first_before.index, sort=False)
        b, a = common_rows(before, now)
        assert list(b) == list(first_before[common]) and list(a) == list(first_now[common])


def test_ids_are_compared_as_text_in_an_object_index():
    index = id_index(pd.Series([1, "1", 2.5, "x"]))
    assert index.dtype == object and index.tolist() == ["1", "1", "2.5", "x"]
    assert rows_in(["1", "2.5"], [1, 2.5, 3]).tolist() == [0, 1, -1]
    assert id_index(None).tolist() == []
