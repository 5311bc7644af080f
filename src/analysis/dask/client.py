"""The Dask cluster a run uses: a client on an existing scheduler or a new LocalCluster, and its results.

- :func:`get_client`: a ``distributed.Client`` on an existing scheduler (``--scheduler`` /
  ``DASK_SCHEDULER_ADDRESS``) or on a new ``LocalCluster``; :func:`dask_session` holds one for a report run.
- :func:`gather`: results of futures in order, a lost cluster or worker turned into one :class:`DaskEngineError`.
- :func:`is_dask`: the one test for "is this a Dask collection" (by type, without importing Dask).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from analysis.errors import AnalysisError

__all__ = [
    "MAX_LOCAL_WORKERS",
    "DaskEngineError",
    "client_for",
    "current_address",
    "current_client",
    "dask_session",
    "gather",
    "get_client",
    "is_dask",
    "local_workers",
    "restart_session_workers",
]


def is_dask(obj: object) -> bool:
    """True for a Dask collection (checked by type, without importing Dask)."""
    return type(obj).__module__.split(".")[0] in {"dask", "dask_expr"}


class DaskEngineError(AnalysisError):
    """The Dask cluster failed (a worker died too often, the scheduler went away): one clear message."""


# --------------------------------------------------------------------------------------------- client
#: Most worker processes a new LocalCluster starts (one per core up to this; at least 2).
MAX_LOCAL_WORKERS = 8


#: Dask's setting of the environment its nannies give new worker processes.
SPAWN_ENVIRON = "distributed.nanny.pre-spawn-environ"
#: Left out of it for the workers of a LocalCluster started here: Dask's fixed 64 KB glibc trim threshold
#: makes every freed block go back to the system at once (and stops glibc raising its mmap threshold), and
#: the parse ran 30% slower for it (1.26 CPU-s per 32 MB block of archive_scale's BBC-sentence archive in a
#: Dask worker, 1.18 in a plain process given it, 0.90-0.94 without); the engine hands memory back after
#: each large step instead (analysis.parallel.return_memory on every worker, restart_session_workers).
UNSET_IN_WORKERS = ("MALLOC_TRIM_THRESHOLD_",)
#: Dask's settings for the workers of a LocalCluster started here. The statistical profiler (a stack sample
#: of the task's thread every 10 ms, for the dashboard's profile page) is off: it took the task's GIL, and
#: the report's per-article work is pure Python (benchmarks/archive_scale.py, 100,000 BBC-sentence
#: articles, Dask engine, two runs each: 102.2 and 104.1 CPU-s of the process tree with it, 100.1 and 99.2
#: without). Every server's event-loop "tick" (scheduler, nannies, workers: a wake-up every 20 ms that only
#: measures how late the loop is, for the "event loop unresponsive" warning) runs once a second: each wake-up
#: of a worker's loop takes the GIL from its task, and the cluster's loops cost 0.09 cores idle with 20 ms,
#: 0.055 with 1 s (60 s idle, 2 workers); at 1,000,000 articles the workers' loop threads used 19 CPU-s and
#: the scheduler and nannies 7.5 CPU-s over the sample fit and assignment. A scheduler given by address
#: keeps its own settings.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.tick.cycle": "5s",
}


def _worker_environ() -> dict[str, Any]:
    """Dask's environment for new worker processes, without :data:`UNSET_IN_WORKERS`."""
    import dask

    given = dict(dask.config.get(SPAWN_ENVIRON, default={}) or {})
    return {name: value for name, value in given.items() if name not in UNSET_IN_WORKERS}


def local_workers() -> int:
    """Worker processes of a new LocalCluster: one per core, at least 2 and at most MAX_LOCAL_WORKERS."""
    return max(2, min(os.cpu_count() or 2, MAX_LOCAL_WORKERS))


def get_client(
    scheduler: str | None = None, *, n_workers: int | None = None, progress: bool = True
):
    """A ``distributed.Client``: on ``scheduler`` (or ``DASK_SCHEDULER_ADDRESS``), else on a new LocalCluster.

    Args:
        scheduler: address such as ``tcp://10.0.0.5:8786``; None uses ``DASK_SCHEDULER_ADDRESS`` when set.
        n_workers: worker processes of a new LocalCluster (one thread each); default
            :func:`local_workers` (one per core, 2 to 8).
        progress: print the dashboard link to stderr.

    Returns:
        The client (also the default Dask scheduler from now on).

    Raises:
        DaskEngineError: the scheduler cannot be reached.
    """
    import dask
    from distributed import Client, LocalCluster

    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    n_workers = n_workers or local_workers()
    try:
        if address:
            client = Client(address, timeout="20s")
        else:
            with dask.config.set({SPAWN_ENVIRON: _worker_environ(), **LOCAL_WORKER_CONFIG}):
                cluster = LocalCluster(
                    n_workers=n_workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",
                )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise DaskEngineError(
            f"cannot reach the Dask scheduler at {address}: {exc}; check the address (tcp://HOST:8786) "
            "and that the scheduler is running"
        ) from None
    if progress:
        import sys

        where = (
            f"scheduler {address}"
            if address
            else f"a local cluster of {n_workers} worker processes"
        )
        print(f"Dask: {where}; dashboard {client.dashboard_link}", file=sys.stderr, flush=True)
    return client


@contextmanager
def client_for(scheduler: str | None) -> Iterator[Any]:
    """The current client when it is connected to ``scheduler`` (or when no scheduler is named), else a new
    client on ``scheduler`` that is closed when the block ends (no client is left behind to complain when
    the cluster it points at is shut down)."""
    from distributed import get_client as current

    try:
        client = current()
    except ValueError:
        client = None
    if client is not None and (not scheduler or client.scheduler.address == scheduler):
        yield client
        return
    if not scheduler:
        yield current_client()
        return
    own = get_client(scheduler, progress=False)
    try:
        yield own
    finally:
        own.close()


def current_address() -> str | None:
    """The scheduler address of this process' current client, or None when there is none."""
    from distributed import get_client as current

    try:
        return current().scheduler.address
    except ValueError:
        return None


def current_client():
    from distributed import get_client as current

    try:
        return current()
    except ValueError:
        return get_client(progress=False)


def gather(futures: list, what: str, *, progress: bool = False) -> list:
    """Results of futures in order; a lost cluster or worker becomes one DaskEngineError.

    With ``progress``, a bar on stderr counts the tasks as they finish (``what`` names it).
    """
    from distributed import wait
    from distributed.comm import CommClosedError
    from distributed.scheduler import KilledWorker

    try:
        if progress:
            _show_progress(futures, what)
        wait(futures)
        return current_client().gather(futures)
    except (KilledWorker, CommClosedError, OSError, TimeoutError, asyncio.CancelledError) as exc:
        raise DaskEngineError(
            f"the Dask cluster failed while {what}: {type(exc).__name__}: {exc}. Workers may have run out "
            "of memory or been stopped; nothing was written. Re-run, or give the workers more memory."
        ) from None


def _show_progress(futures: list, what: str) -> None:
    """A tqdm bar over the futures, advanced as each finishes (failed ones too: gather reports those)."""
    from distributed import as_completed
    from tqdm.auto import tqdm

    with tqdm(total=len(futures), desc=what[:1].upper() + what[1:], unit="task") as bar:
        for _ in as_completed(futures):
            bar.update(1)


#: Scheduler metadata marking a LocalCluster that :func:`dask_session` started for one run (nothing else
#: uses it, so its workers may be restarted when the run is done with them: :func:`restart_session_workers`).
SESSION_CLUSTER = "analysis-session-cluster"


def restart_session_workers(client) -> bool:
    """Restart the workers of a cluster :func:`dask_session` started for this run, without waiting: fresh
    processes in place of ones holding what their tasks imported and allocated (about 0.45 GB each at
    1,000,000 articles) through the rest of the run. Any other cluster (a scheduler given with
    ``--scheduler``, or one a notebook started) is left alone. Returns whether the workers were restarted
    (False also when the restart timed out: then the caller hands memory back as on any cluster)."""
    if not client.get_metadata(SESSION_CLUSTER, default=False):
        return False
    try:
        client.restart(wait_for_workers=False)
    except (TimeoutError, OSError):  # housekeeping only: the run goes on with the workers it has
        return False
    finally:
        client.set_metadata(SESSION_CLUSTER, True)  # a restart clears the scheduler's metadata
    return True


@contextmanager
def dask_session(scheduler: str | None = None, *, progress: bool = True) -> Iterator[str]:
    """A Dask client while the block runs; yields the scheduler address (a new LocalCluster's by default)."""
    client = get_client(scheduler, progress=progress)
    if client.cluster is not None:  # a LocalCluster started for this block alone
        client.set_metadata(SESSION_CLUSTER, True)
    try:
        yield client.scheduler.address
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()
