"""Per-article work on worker processes: results in order, errors raised (each task ends by handing
memory back, analysis.parallel.return_memory)."""

from __future__ import annotations

import pytest

from analysis.parallel import map_in_order


def _square_or_fail(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n * n


def test_results_come_back_in_order_from_two_workers():
    assert list(map_in_order(_square_or_fail, [5, 1, 4, 2], workers=2)) == [25, 1, 16, 4]


def test_an_error_in_a_task_reaches_the_caller():
    with pytest.raises(ValueError, match="three"):
        list(map_in_order(_square_or_fail, [1, 2, 3, 4], workers=2))


def test_a_generator_of_items_is_read_as_the_workers_need_it():
    found = (
        n for n in [5, 1, 4, 2, 6]
    )  # e.g. a large file's pieces, found while the first are parsed
    assert list(map_in_order(_square_or_fail, found, workers=2)) == [25, 1, 16, 4, 36]
    assert list(map_in_order(_square_or_fail, iter([2]), workers=1)) == [4]
