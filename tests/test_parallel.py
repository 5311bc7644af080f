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


def _scaled(n: int, *, table: dict[int, int], factor: int) -> tuple[int, int]:
    import os

    return table[n] * factor, os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_shared_arguments_reach_every_call_once_per_worker(workers, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the shared file is made (and removed) there
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    table = {n: n * n for n in range(8)}
    got = list(
        map_in_order(_scaled, range(8), workers=workers, shared={"table": table, "factor": 3})
    )
    assert [value for value, _ in got] == [3 * n * n for n in range(8)]
    assert len({pid for _, pid in got}) <= workers
    assert list(tmp_path.iterdir()) == []  # the shared file is gone once every result is in


def _pid_and(value: int) -> tuple[int, int]:
    import os

    return os.getpid(), value * 2


@pytest.mark.parametrize("workers", [1, 2])
def test_in_background_gives_the_value_of_the_call(workers):
    import functools
    import os

    from analysis.parallel import in_background

    result = in_background(functools.partial(_pid_and, 21), workers=workers)
    pid, value = result()
    assert value == 42
    assert (pid == os.getpid()) == (workers == 1)  # one worker: computed here, when asked


def _workers_seen() -> int:
    from analysis.parallel import worker_count

    return worker_count()


@pytest.mark.parametrize("workers", [1, 2])
def test_work_in_the_background_keeps_its_own_per_article_work_in_its_process(workers, monkeypatch):
    """A background task shares the cores with the caller: its own map_in_order runs in its process
    (worker_count() is 1 there), and the caller's setting is put back afterwards."""
    import functools

    from analysis.parallel import WORKERS_ENV, in_background, run_alone, worker_count

    monkeypatch.setenv(WORKERS_ENV, "2")
    assert run_alone(_workers_seen) == 1
    assert worker_count() == 2
    monkeypatch.delenv(WORKERS_ENV)
    assert run_alone(functools.partial(_workers_seen)) == 1
    assert WORKERS_ENV not in __import__("os").environ
    assert in_background(_workers_seen, workers=2)() == 1


def test_within_mapped_by_the_tasks_go_to_the_mapper_and_come_back_the_same():
    """``mapped_by`` (how the Dask engine gives per-article work to its cluster): map_in_order hands the
    items and shared arguments to the mapper instead of starting processes; one worker still stays here."""
    from analysis.parallel import mapped_by

    given = []

    def mapper(fn, items, shared):
        given.append((list(items), dict(shared)))
        return [fn(item, **shared) for item in items]

    table = {1: 10, 2: 20}
    with mapped_by(mapper):
        pairs = list(map_in_order(_scaled, [2, 1], workers=2, shared={"table": table, "factor": 3}))
        alone = list(map_in_order(_square_or_fail, [2, 4], workers=1))
    assert [value for value, _ in pairs] == [60, 30]
    assert given == [([2, 1], {"table": table, "factor": 3})]  # one call; workers=1 stayed here
    assert alone == [4, 16]
    assert list(map_in_order(_square_or_fail, [5, 1], workers=2)) == [25, 1]  # after the block: own
