"""Build the shareable HTML report: plan the run, execute the report notebook with papermill, publish.

:func:`build_report` checks every option and parses the inputs once (:mod:`analysis.publish.plan`), runs
``notebooks/04-report.ipynb`` with papermill on that plan (the cache folder, engine, title, file stem,
side-file folder and random state as parameters) in a scratch folder of its own, exports it offline
(:mod:`analysis.publish.export`) and replaces the previous report atomically: a failed run leaves it
untouched.

Every report saves its state beside it (``<name>.state.npz``, :mod:`analysis.report.state`) for a later
``since``. The report ends with its provenance (:mod:`analysis.report.provenance`); the time it names is
``SOURCE_DATE_EPOCH`` when that is set in the environment (seconds since 1970 UTC), else now.

    from analysis.publish import build_report
    build_report(["seeds"], k=None, random_state=0)   # -> reports/uk-defense.html
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from analysis.config import REPORT_NOTEBOOK
from analysis.engine import resolve_engine
from analysis.errors import AnalysisError, ParameterError, ReportError
from analysis.parallel import return_memory
from analysis.publish.export import export_executed, kept_message, write_atomic
from analysis.publish.kernel import ReportKernelManager
from analysis.publish.plan import (
    ReportPlan,
    check_options,
    check_output,
    default_sources,
    describe,
    finish_plan,
    output_path,
)
from analysis.publish.run import move_side_files, prepare_cache
from analysis.report.provenance import collect_provenance
from analysis.report.sizes import ReportSizes
from analysis.state import state_path
from analysis.terminal import printable
from analysis.timings import record_steps, recording, step_done

__all__ = ["KERNEL_THREADS", "build_report"]


def _say(message: str, progress: bool) -> None:
    if progress:
        print(printable(message), file=sys.stderr, flush=True)


def build_report(
    paths: Sequence[str | os.PathLike] | str | os.PathLike | None = None,
    *,
    output: str | os.PathLike | None = None,
    k: int | None = None,
    random_state: int = 0,
    freq: str = "M",
    show_code: bool = False,
    progress: bool = True,
    notebook: str | os.PathLike = REPORT_NOTEBOOK,
    nlp: str | None = None,
    engine: str = "pandas",
    scheduler: str | None = None,
    lenient: bool = False,
    sizes: ReportSizes | Mapping[str, int] | None = None,
    compare_by: str | None = None,
    since: str | os.PathLike | None = None,
    title: str | None = None,
    timings: str | os.PathLike | None = None,
) -> Path:
    """Execute the report notebook on tag pages or exports and write one self-contained HTML file.

    Args:
        paths: files or folders to analyse (one path or a list); default the project's ``seeds/``.
        output: the HTML file (or a folder) to write; default ``reports/<corpus-name>.html``.
        k: number of topics; None chooses it from the data.
        random_state: seeds every random step; the same input and seed give the same report.
        freq: period of "Over time": ``"D"``, ``"W"`` or ``"M"`` (day, week, month).
        show_code: keep the code cells (for technical readers).
        progress: print progress to stderr.
        notebook: the report notebook to execute.
        nlp: an installed trained spaCy pipeline for the people sections; None uses the built-in rules.
        engine: ``"pandas"``, ``"dask"`` (:mod:`analysis.dask`, on ``scheduler`` or a new LocalCluster) or
            ``"auto"`` (:func:`analysis.engine.resolve_engine`); anything else is a ParameterError.
        scheduler: address of a Dask scheduler (``engine="dask"``).
        lenient: skip blocks that do not parse, each listed in a warning and in the report.
        sizes: the sizes beyond which the report samples (:class:`analysis.report.data.ReportSizes`).
        compare_by: the column "Outlets compared" compares; None: ``outlet`` when there are two or more.
        since: an earlier report (or its ``.state.npz``): topics are aligned with its state, read and
            checked first, and "Since the last report" says what is new.
        title: the report's title; default from the tag pages' names.
        timings: a file the run appends its step times to (:mod:`analysis.timings`; benchmarks); they
            never enter the report.

    Returns:
        The path of the written report.

    Raises:
        CorpusError: an input cannot be read (raised before anything runs).
        ParameterError: an option is not usable (the message names the allowed values).
        ReportError: the notebook or the export failed; the previous report was left in place.
    """
    check_options(engine=engine, k=k, random_state=random_state, freq=freq, nlp=nlp)
    sizes = ReportSizes.of(sizes)
    if title is not None and not title.strip():
        raise ParameterError("--title is empty; give the report a name, or leave it out.")
    engine = resolve_engine(engine, default_sources(paths, engine="dask"), scheduler)
    sources = default_sources(paths, engine=engine)
    check_output(output_path(output, title or "report"), sources)  # before any work
    baseline = _baseline(since)
    options = {"k": k, "random_state": random_state, "freq": freq, "nlp": nlp, "lenient": lenient}
    shown = {
        "show_code": show_code,
        "compare_by": compare_by,
        "since": Path(since).name if since else None,
    }
    provenance = _provenance(sources, {**options, **shown}, engine=engine, baseline=baseline)
    planned = {"output": output, "sizes": sizes, "compare_by": compare_by, "title": title}
    planned |= {"since": baseline["path"] if baseline else None, "provenance": provenance}
    with recording(timings):
        plan, executed = _run(
            Path(notebook), sources, engine, scheduler, timings, progress, **planned, **options
        )
        record_steps(timings)  # the kernel's steps are its own; export is timed from here
        return _publish(plan, executed, show_code=show_code, progress=progress)


def _run(
    notebook: Path,
    sources: list,
    engine: str,
    scheduler: str | None,
    timings: str | os.PathLike | None,
    progress: bool,
    **options,
) -> tuple[ReportPlan, Path]:
    """Plan the run and execute the notebook on it, inside the engine's session (a Dask cluster is shut
    down before the export): the plan and the executed notebook."""
    with _engine_session(engine, scheduler, progress=progress) as address:
        plan = _plan(sources, progress=progress, engine=engine, scheduler=address, **options)
        plan = replace(plan, timings=str(timings) if timings else None)
        return plan, _execute(notebook, plan, progress=progress)


def _publish(plan: ReportPlan, executed: Path, *, show_code: bool, progress: bool) -> Path:
    """Export the executed notebook, replace the report atomically, move its state and side files beside it
    and remove the run's scratch folder."""
    _say("Exporting HTML ...", progress)
    html = export_executed(executed, plan.output, title=plan.title, show_code=show_code)
    write_atomic(plan.output, html)
    if plan.state_file.is_file():
        shutil.move(plan.state_file, state_path(plan.output))
        _say(
            f"Wrote {state_path(plan.output)} (what a later --since {plan.output.name} compares with)",
            progress,
        )
    for path in move_side_files(plan.files_dir, plan.output.parent):
        _say(f"Wrote {path} (linked from the report)", progress)
    shutil.rmtree(plan.run_dir, ignore_errors=True)
    _say(f"Wrote {plan.output} ({len(html) / 1024:.0f} KB)", progress)
    step_done("export")
    return plan.output


@contextmanager
def _engine_session(engine: str, scheduler: str | None, *, progress: bool) -> Iterator[str | None]:
    """The scheduler address of the run's Dask cluster (Dask engine), held open while the block runs."""
    if engine != "dask":
        yield None
        return
    from analysis.dask.client import current_address, dask_session  # imported only when chosen

    if scheduler is None and (address := current_address()) is not None:
        yield address  # this process' client (e.g. a notebook's or a test's): its cluster, left open
        return
    with dask_session(
        scheduler, progress=progress
    ) as address:  # a new LocalCluster unless given one
        yield address


def _provenance(sources: list, parameters: dict, *, engine: str, baseline: dict | None) -> dict:
    """What the report is made from and how (:func:`analysis.report.collect_provenance`), its time from
    ``SOURCE_DATE_EPOCH`` when set."""
    return collect_provenance(
        sources,
        parameters=parameters,
        engine=engine,
        baseline={k: v for k, v in baseline.items() if k != "path"} if baseline else None,
        source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
    )


def _baseline(since: str | os.PathLike | None) -> dict | None:
    """The earlier report's state, read and checked before anything runs (StateError names it otherwise)."""
    if not since:
        return None
    from analysis.report.state import load_state

    state = load_state(since)
    return {
        "path": str(state.path.resolve()),
        "report": Path(since).name
        if Path(since).suffix != ".npz"
        else state.report.get("report", ""),
        "state": state.path.name,
        "state_sha256": state.sha256,
        "made": state.report.get("made", "at an unknown time"),
        "articles": state.model.n_articles,
    }


def _plan(sources: list, *, progress: bool, **options) -> ReportPlan:
    """Parse the inputs once into the parse cache the notebook reads (failing fast with a clean error),
    then the rest of the plan: title, output, ``k`` against the corpus, this run's folder."""
    _say(f"Loading {', '.join(str(p) for p in sources)} ...", progress)
    step_done("engine start")
    cache = prepare_cache(
        sources,
        engine=options["engine"],
        scheduler=options["scheduler"],
        progress=progress,
        lenient=options["lenient"],
    )
    return_memory()  # from here this process waits for the kernel: it gives back what parsing used
    step_done("parse")
    plan = finish_plan(sources, cache, **options)
    _say(describe(cache, plan.title), progress)
    return plan


def _execute(notebook: Path, plan: ReportPlan, *, progress: bool) -> Path:
    """Run the report notebook with papermill on the plan, into this run's folder; a failing cell becomes a
    ReportError naming the executed notebook (kept for its traceback)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    plan.files_dir.mkdir(parents=True, exist_ok=True)
    k = "auto" if plan.k is None else plan.k
    _say(f"Executing {notebook.name} (k={k}, random_state={plan.random_state}) ...", progress)
    try:
        with warnings.catch_warnings(), _kernel_threads():
            warnings.simplefilter(
                "ignore"
            )  # papermill/jupyter_client chatter; the notebook's own go to stderr
            papermill.execute_notebook(
                str(notebook),
                str(plan.executed),
                parameters=plan.parameters(),
                cwd=str(notebook.parent),
                progress_bar=progress,
                request_save_on_cell_execute=False,  # one write at the end, not one per cell
                kernel_name="python3",
                # Shut the kernel down without SIGINT first (a stray "KeyboardInterrupt caught in kernel"),
                # and at once: every cell has run and its output is in; a shutdown request then races
                # ipykernel's own teardown (a stray "ZMQStream callback ... non-socket" traceback, about 1
                # run in 100).
                kernel_manager_class=ReportKernelManager,
                shutdown_kernel="immediate",
                # The kernel's own log (e.g. ipykernel's TCP notice) is not the reader's concern.
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
            )
    except PapermillExecutionError as exc:
        where = f"cell {exc.cell_index}" if exc.cell_index is not None else "a cell"
        raise ReportError(
            f"the report notebook stopped at {where} with {exc.ename}: {exc.evalue}\n"
            f"The executed notebook, with the full traceback, is at {plan.executed}.\n"
            f"{kept_message(plan.output)}"
        ) from None
    except AnalysisError:
        raise
    except Exception as exc:  # noqa: BLE001 (kernel died, notebook missing...: say so, no deep traceback)
        raise ReportError(
            f"could not execute {notebook}: {type(exc).__name__}: {exc}\n{kept_message(plan.output)}"
        ) from None
    return plan.executed


#: Thread counts the report kernel starts with. One BLAS thread makes floating-point sums (silhouette, map
#: positions) come out the same on any machine and on either engine, so the same input gives the same report
#: bytes. OpenMP (scikit-learn's k-means, and Arrow's thread pool, which reads this variable) gets every core,
#: the same on both engines (a LocalCluster's nannies set it to 1 in the command's environment, which made
#: Parquet reads in the kernel single-threaded). Its count changes no byte of the report (checked with 1, 2
#: and 4 threads on 400 and 12,000 generated articles and AllSides 2016); BLAS's does, hence the one thread.
KERNEL_THREADS = {
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OMP_NUM_THREADS": str(os.cpu_count() or 1),
}


@contextmanager
def _kernel_threads() -> Iterator[None]:
    """Set :data:`KERNEL_THREADS` in the environment the kernel inherits while it runs, then restore it."""
    saved = {name: os.environ.get(name) for name in KERNEL_THREADS}
    os.environ.update(KERNEL_THREADS)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
