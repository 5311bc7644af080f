"""Per-article work of a large archive on every core: one decision of how many, one way of spreading work.

The pandas engine assigns a large archive's articles to topics and signs its stories part by part (the
parts of the parse cache). Those parts are independent, so they are spread over worker processes with
joblib's loky backend (what scikit-learn uses), never a home-made pool. Results come back in the order of
the inputs and each part is computed exactly as on one core, so the answer is byte-identical whatever the
number of workers.

The number of workers is the number of cores this process may run on; the environment variable
``ANALYSIS_WORKERS`` sets it (``1``: everything in this process, as on a one-core machine).
"""

from __future__ import annotations

import contextlib
import contextvars
import ctypes
import functools
import gc
import os
import pickle
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from pathlib import Path
from typing import Any, TypeVar

from analysis.errors import ParameterError

__all__ = [
    "IDLE_SECONDS",
    "WORKERS_ENV",
    "in_background",
    "map_in_order",
    "mapped_by",
    "one_process",
    "return_memory",
    "return_memory_at_once",
    "run_alone",
    "worker_count",
]

#: The environment variable that sets the number of worker processes.
WORKERS_ENV = "ANALYSIS_WORKERS"

#: Seconds a worker process waits for more work before it exits (and frees its memory).
IDLE_SECONDS = 10
#: A worker hands memory back after a task that ran at least this long (:func:`return_memory`).
RETURN_AFTER_SECONDS = 1.0

T = TypeVar("T")
R = TypeVar("R")

# When a result raises (the first bad line of a file), the caller stops reading and joblib cancels the tasks
# still queued on purpose: its advice to "adjust the input task iterator" would follow the clear error to
# the user's terminal as noise.
warnings.filterwarnings(
    "ignore",
    message=r"\d+ tasks which were still being processed by the workers have been cancelled",
)

#: Where :func:`map_in_order` sends its tasks instead of starting worker processes, within
#: :func:`mapped_by` (the Dask engine's cluster, whose workers are already up and holding their memory).
_MAPPER: contextvars.ContextVar[Callable[..., list] | None] = contextvars.ContextVar(
    "analysis_mapper", default=None
)


def worker_count() -> int:
    """Worker processes for per-article work: ``ANALYSIS_WORKERS``, else the cores this process may use.

    Raises:
        ParameterError: ``ANALYSIS_WORKERS`` is not a whole number >= 1.
    """
    given = os.environ.get(WORKERS_ENV, "").strip()
    if given:
        if not given.isdigit() or int(given) < 1:
            raise ParameterError(
                f"{WORKERS_ENV}={given!r}: give a whole number of worker processes >= 1 "
                "(1 runs everything in one process), or unset it to use every core."
            )
        return int(given)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def map_in_order(
    fn: Callable[..., R],
    items: Iterable[T],
    *,
    workers: int | None = None,
    shared: Mapping[str, Any] | None = None,
) -> Iterator[R]:
    """``fn(item, **shared)`` of every item, yielded in the items' order, computed on ``workers`` processes.

    Args:
        fn: a picklable function (module level, or a :func:`functools.partial` of one).
        items: picklable inputs; each is one task. A generator is read as the workers need more work (two
            tasks ahead per worker), so the first tasks run while later ones are still being found.
        workers: processes; default :func:`worker_count`. With one worker or one item, everything runs in
            this process.
        shared: keyword arguments every call takes (e.g. a fitted model of several MB): pickled once into a
            temporary file and loaded once by each worker process, not sent again with every item.

    Yields:
        Each result as soon as it and every result before it is done (for progress bars).
    """
    n = worker_count() if workers is None else workers
    if isinstance(items, Sized):
        n = min(n, len(items))
    if n <= 1:
        yield from (fn(item, **(shared or {})) for item in items)
        return
    if (mapper := _MAPPER.get()) is not None:
        yield from mapper(fn, list(items), dict(shared or {}))
        return
    from joblib import Parallel, delayed

    if shared:
        with tempfile.TemporaryDirectory(prefix="analysis-shared-") as folder:
            path = Path(folder) / "shared.pickle"
            path.write_bytes(pickle.dumps(dict(shared), protocol=pickle.HIGHEST_PROTOCOL))
            yield from map_in_order(
                functools.partial(_with_shared, fn, str(path)), items, workers=n
            )
        return
    # Each worker computes with one BLAS/OpenMP thread: the workers already use every core. Idle workers
    # exit after IDLE_SECONDS, not loky's 5 minutes, so they do not hold their memory through the steps
    # that follow (the command's parse workers through the whole report run, the kernel's through charts).
    with Parallel(
        n_jobs=n,
        backend="loky",
        return_as="generator",
        inner_max_num_threads=1,
        idle_worker_timeout=IDLE_SECONDS,
    ) as run:
        yield from run(delayed(_returning_memory)(fn, item) for item in items)


@contextlib.contextmanager
def mapped_by(mapper: Callable[..., list]) -> Iterator[None]:
    """Within: :func:`map_in_order` gives its tasks to ``mapper(fn, items, shared)`` (the results as a list,
    in the items' order) instead of starting worker processes of its own; the results are the same.

    The Dask engine passes its cluster's (:func:`analysis.dask.engine.task_mapper`): a second set of
    processes beside workers that are already up would only add their memory.
    """
    token = _MAPPER.set(mapper)
    try:
        yield
    finally:
        _MAPPER.reset(token)


def in_background(fn: Callable[[], R], *, workers: int | None = None) -> Callable[[], R]:
    """Start ``fn()`` on a worker process now, while this process does something else; returns a function
    that waits for its result (the same value as ``fn()``).

    Args:
        fn: a picklable function of no argument (a :func:`functools.partial` of a module-level one).
        workers: processes; default :func:`worker_count`. With one, nothing starts now: ``fn`` is returned,
            and runs in this process when its result is asked for.

    ``fn``'s own per-article work stays in its worker process (:func:`run_alone`).

    Example:
        >>> counted = in_background(functools.partial(count_terms, texts))
        >>> fitted = fit(other)  # meanwhile, on this process
        >>> counts = counted()
    """
    n = worker_count() if workers is None else workers
    if n <= 1:
        return fn
    from joblib import Parallel, delayed

    # the same pool settings as map_in_order, so that its next call finds these workers ready
    results = Parallel(
        n_jobs=n,
        backend="loky",
        return_as="generator",
        inner_max_num_threads=1,
        idle_worker_timeout=IDLE_SECONDS,
    )(
        [delayed(_returning_memory)(run_alone, fn)]
    )  # dispatched at once, run while this process goes on
    return functools.partial(_first, results)


def run_alone(fn: Callable[[], R]) -> R:
    """``fn()`` with its own per-article work in this process (:func:`one_process`): how work started in the
    background runs (:func:`in_background`), beside the other work on the cores, where a pool of its own
    would only compete with them. The result is the same (the
    per-article work gives the same results on any number of workers)."""
    with one_process():
        return fn()


@contextlib.contextmanager
def one_process() -> Iterator[None]:
    """Within: :func:`worker_count` is 1 in this process (``ANALYSIS_WORKERS`` set, then put back)."""
    before = os.environ.get(WORKERS_ENV)
    os.environ[WORKERS_ENV] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(WORKERS_ENV, None)
        else:
            os.environ[WORKERS_ENV] = before


def _first(results: Iterator[R]) -> R:
    """The one result of :func:`in_background`'s run (waiting for it), the run then closed."""
    (value,) = list(results)
    return value


def _with_shared(fn: Callable[..., R], path: str, item: T) -> R:
    """``fn(item, **shared)`` on a worker, ``shared`` read from ``path`` (:func:`map_in_order`)."""
    return fn(item, **_shared_from(path))


@functools.lru_cache(maxsize=1)
def _shared_from(path: str) -> dict[str, Any]:
    """The keyword arguments pickled at ``path``, read once per worker process (the last one kept)."""
    return pickle.loads(Path(path).read_bytes())  # written by this package's parent process


def _returning_memory(fn: Callable[[T], R], item: T) -> R:
    """``fn(item)`` on a worker, then, after a long task, the memory it freed handed back to the system, so
    that a worker between tasks (or idle before it exits) holds little more than its imports. A short task
    used little, and collecting after each of many would cost more than the tasks."""
    started = time.monotonic()
    try:
        return fn(item)
    finally:
        if time.monotonic() - started >= RETURN_AFTER_SECONDS:
            return_memory()


def return_memory() -> None:
    """Collect garbage and hand freed memory back to the system (Arrow's pool, then glibc's heap with
    ``malloc_trim``): what a long-lived process (a worker, the command after parsing) does after a large step."""
    gc.collect()
    arrow = sys.modules.get("pyarrow")  # Arrow keeps its own pool (read Parquet parts live there)
    if arrow is not None:
        arrow.default_memory_pool().release_unused()
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


#: glibc's mallopt option for the heap's trim threshold, and the threshold this process is given by
#: :func:`return_memory_at_once` (Dask's own choice for its workers: 64 KB).
_M_TRIM_THRESHOLD = -1
TRIM_THRESHOLD_BYTES = 65_536


def return_memory_at_once() -> None:
    """From now on this process hands freed memory back to the system at once (glibc's trim threshold set
    to :data:`TRIM_THRESHOLD_BYTES`, in this process only: worker processes it starts keep glibc's default).

    For the report's kernel at archive scale: it holds the corpus while each section allocates and frees
    its own tables, and the whole run must stay within its memory bound; the freed memory is not kept for
    the next section. Worker processes keep the default because the per-article work runs about 30% slower
    with it (:mod:`analysis.dask.client`). Nothing happens where glibc is not the allocator.
    """
    libc = _libc()
    if libc is not None and hasattr(libc, "mallopt"):
        libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)


@functools.cache
def _libc():
    try:
        return ctypes.CDLL("libc.so.6")  # glibc: malloc_trim gives freed heap pages back
    except OSError:
        return None
