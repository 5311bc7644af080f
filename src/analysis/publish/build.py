"""Build the shareable HTML report: execute the report notebook with papermill, export it offline, write atomically.

:func:`build_report` executes the notebook on any tag pages or exports, exports it with nbconvert through the
``analysis_report`` template (JupyterLab's markup with a head of its own: no CDN script, only the CSS the
report uses, a Content-Security-Policy that forbids scripts and network requests), checks that nothing in the
page would reach a server, and replaces the previous report atomically: a failed run leaves it untouched.

    from analysis.publish import build_report
    build_report(["seeds"], k=None, random_state=0)   # -> reports/uk-defense.html
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path, PureWindowsPath

from analysis.config import BUILD_DIR, REPORT_NOTEBOOK, REPORTS_DIR, SEEDS_DIR
from analysis.engine import RUN_ENGINES, check_engine
from analysis.errors import AnalysisError, ParameterError, ReportError
from analysis.housekeeping import remove_stale_temporaries
from analysis.publish.offline import check_offline
from analysis.publish.run import clear_report_files, move_report_files, prepare_cache
from analysis.report.html import corpus_title, page_counts, slugify
from analysis.report.nbconvert_config import configure
from analysis.report.provenance import collect_provenance
from analysis.terminal import printable
from analysis.wording import plural

#: Output types a report shows; anything else (widget views, JavaScript, ...) is dropped before export.
_STATIC_OUTPUTS = frozenset({"text/html", "text/plain", "image/png", "image/svg+xml"})


def static_outputs(notebook) -> int:
    """Keep only static outputs: drop any output that is a live widget (a progress bar, an explorer) and
    any output type other than HTML, text and images (JavaScript); returns how many were dropped."""
    dropped = 0
    for cell in notebook.cells:
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is not None:
                if "application/vnd.jupyter.widget-view+json" in data:
                    dropped += 1
                    continue
                for mime in [m for m in data if m not in _STATIC_OUTPUTS]:
                    del data[mime]
                if not data:
                    dropped += 1
                    continue
            kept.append(output)
        if "outputs" in cell:
            cell["outputs"] = kept
    return dropped


def export_html(notebook, *, title: str, show_code: bool = False) -> str:
    """Export an executed notebook to one self-contained, offline HTML page (no code unless ``show_code``).

    The exporter takes the project's nbconvert settings (:func:`analysis.report.nbconvert_config.configure`),
    the same ones a plain ``jupyter nbconvert`` in the project's environment uses.
    """
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    configure(config)
    config.HTMLExporter.exclude_input = not show_code
    if show_code:  # technical readers get every cell's code, those tagged hide-input included
        config.TagRemovePreprocessor.remove_input_tags = set()
    exporter = HTMLExporter(config=config)
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return body


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder and an atomic rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _say(message: str, progress: bool) -> None:
    if progress:
        print(printable(message), file=sys.stderr, flush=True)


def _pop_stderr(notebook) -> list[str]:
    """Remove stderr streams (warnings) from the outputs so readers do not see them; return their text."""
    texts = []
    for cell in notebook.cells:
        if cell.get("cell_type") != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                texts.append(output.get("text", ""))
            else:
                kept.append(output)
        cell["outputs"] = kept
    return texts


def build_report(
    paths: Sequence[str | os.PathLike] | None = None,
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
    compare_by: str | None = None,
    since: str | os.PathLike | None = None,
    title: str | None = None,
) -> Path:
    """Execute the report notebook on tag pages or exports and write one self-contained HTML file.

    Args:
        paths: files or folders to analyse; default the project's ``seeds/``.
        output: the HTML file to write, or a folder (an existing one, or a path ending in ``/``) to write
            ``<corpus-name>.html`` in; default ``reports/<corpus-name>.html``.
        k: number of topic clusters; None chooses it from the data.
        random_state: seed for every random step; the same input and seed give the same report.
        freq: period of the "Over time" section: ``"D"`` (day), ``"W"`` (week) or ``"M"`` (month).
        show_code: keep the code cells (for technical readers).
        progress: print progress to stderr.
        notebook: the report notebook to execute.
        nlp: name of an installed trained spaCy pipeline (e.g. ``"en_core_web_sm"``) for the people sections;
            None uses the built-in rules.
        engine: ``"pandas"`` (this process, bounded memory) or ``"dask"`` (tasks on the Dask cluster at
            ``scheduler``, or the current client's, or a new LocalCluster); see :mod:`analysis.dask`.
        scheduler: address of a Dask scheduler (``engine="dask"``).
        lenient: skip blocks of the inputs that do not parse instead of stopping at the first; each is
            listed in a warning, and the report says how many were left out and where.
        compare_by: the column the "Outlets compared" section compares (e.g. ``"outlet_domain"``); None
            compares ``outlet`` when the articles have two or more outlets, else tag pages as before.

        since: an earlier report (or its ``.state.npz``): its saved state, found beside it, is read first
            (a missing, damaged or foreign state stops here, nothing written); topics are aligned with its
            topics and a "Since the last report" section says what is new.

    Every report saves its state beside it (``<name>.state.npz``, :mod:`analysis.report.state`) for a later
    ``since``. The report ends with its provenance (:mod:`analysis.report.provenance`); the time it names is
    ``SOURCE_DATE_EPOCH`` when that is set in the environment (seconds since 1970 UTC), else now.
        title: the report's title (its heading, the browser tab, the default file name); default from
            the tag pages' names (:func:`analysis.report.html.corpus_title`).

    Returns:
        The path of the written report.

    Raises:
        CorpusError: an input cannot be read (raised before anything runs).
        ParameterError: ``k``, ``freq``, ``output`` or ``nlp`` is not usable.
        ReportError: the notebook or the export failed; the previous report was left in place.
    """
    check_engine(engine, allowed=RUN_ENGINES)
    check_options(freq=freq, k=k, random_state=random_state)
    if nlp is not None:
        from analysis.extract.pipeline import load_pipeline

        load_pipeline(nlp)  # a pipeline that is not installed fails here, before anything runs
    sources = _sources(paths or [SEEDS_DIR], engine=engine)
    if title is not None and not title.strip():
        raise ParameterError("--title is empty; give the report a name, or leave it out.")
    check_output(_output_path(output, title or "report"), sources)  # before any work
    found = _check_inputs(
        sources,
        k,
        progress,
        engine=engine,
        scheduler=scheduler,
        lenient=lenient,
        compare_by=compare_by,
    )
    title = title.strip() if title is not None else found
    out = check_output(_output_path(output, title), sources)
    baseline = _baseline(since)
    clear_report_files()
    (BUILD_DIR / f"{out.stem}.state.npz").unlink(missing_ok=True)
    provenance = collect_provenance(
        sources,
        parameters={
            "k": k,
            "random_state": random_state,
            "freq": freq,
            "nlp": nlp,
            "lenient": lenient,
            "show_code": show_code,
            "compare_by": compare_by,
            "since": Path(since).name if since else None,
        },
        engine=engine,
        baseline={k: v for k, v in baseline.items() if k != "path"} if baseline else None,
        source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
    )
    engine_parameters = {
        "ENGINE": engine,
        "SCHEDULER": scheduler,
        "LENIENT": lenient,
        "PROVENANCE": provenance,
        "SINCE": baseline["path"] if baseline else None,
        "STATE_FILE": str(BUILD_DIR / f"{out.stem}.state.npz"),
        "REPORT_NAME": out.name,
    }
    if compare_by is not None:
        engine_parameters["COMPARE_BY"] = compare_by
    executed = _execute(
        Path(notebook),
        sources,
        out,
        k=k,
        random_state=random_state,
        freq=freq,
        progress=progress,
        extra={
            **engine_parameters,
            "TITLE": title,
            **({"NLP": nlp} if nlp is not None else {}),
        },
    )
    _say("Exporting HTML ...", progress)
    html = _export(executed, out, title=title, show_code=show_code)
    write_atomic(out, html)
    saved = BUILD_DIR / f"{out.stem}.state.npz"
    if saved.is_file():
        from analysis.report.state import state_path

        shutil.move(saved, state_path(out))
        _say(f"Wrote {state_path(out)} (what a later --since {out.name} compares with)", progress)
    for path in move_report_files(out):
        _say(f"Wrote {path} (linked from the report)", progress)
    _say(f"Wrote {out} ({len(html) / 1024:.0f} KB)", progress)
    return out


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


def _check_inputs(
    sources: list[Path],
    k: int | None,
    progress: bool,
    *,
    engine: str,
    scheduler: str | None,
    lenient: bool = False,
    compare_by: str | None = None,
) -> str:
    """Parse the inputs once into the Parquet cache that the notebook reads (failing fast with a clean
    error); only the tag pages are read back here. Returns the corpus title."""
    _say(f"Loading {', '.join(str(p) for p in sources)} ...", progress)
    cache = prepare_cache(
        sources, engine=engine, scheduler=scheduler, progress=progress, lenient=lenient
    )
    if compare_by is not None and compare_by != "tag_pages" and compare_by not in cache.columns:
        usable = [c for c in cache.columns if c not in {"id", "title", "body"}]
        raise ParameterError(
            f"--compare-by {compare_by}: the articles have no column {compare_by!r}; use one of "
            f"{', '.join(usable)} (or tag_pages)."
        )
    corpus = cache.read(["tag_pages"])
    title = corpus_title(corpus, sources)
    _say(
        f"Loaded {plural(len(corpus), 'article')} from {plural(len(page_counts(corpus)), 'tag page')}: "
        f"{title!r}",
        progress,
    )
    if k is not None and len(corpus) > 1 and k >= len(corpus):
        raise ParameterError(
            f"--k {k} does not fit {len(corpus):,} articles: use 1 <= k < {len(corpus):,}, "
            "or leave it out to choose k from the data."
        )
    return title


def _output_path(output: str | os.PathLike | None, title: str) -> Path:
    """The report's file: ``output``; in the folder ``output`` (existing, or written with a trailing
    ``/``) or by default in ``reports/``, ``<slug of the title>.html``."""
    name = f"{slugify(title)}.html"
    if not output:
        return REPORTS_DIR / name
    given = os.fspath(output)
    out = Path(given)
    if out.is_dir() or given.endswith(("/", os.sep)):
        if out.exists() and not out.is_dir():
            raise ParameterError(f"output {given} is a file, not a folder; drop the trailing /")
        return out / name
    if out.suffix.lower() not in {".html", ".htm"}:
        raise ParameterError(
            f"output {out} should end in .html (or name a folder, with a trailing /, to write {name} in)"
        )
    return out


#: ``--random-state`` seeds NumPy's legacy generators too, which take 0 <= seed < 2**32.
RANDOM_STATE_RANGE = (0, 2**32 - 1)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def check_options(*, freq: str, k: int | None, random_state: int) -> None:
    """Every option that can be checked without the data, checked before any work (ParameterError)."""
    if freq not in {"D", "W", "M"}:
        raise ParameterError(f"freq must be 'D', 'W' or 'M' (day, week, month), got {freq!r}.")
    low, high = RANDOM_STATE_RANGE
    if (
        isinstance(random_state, bool)
        or not isinstance(random_state, int)
        or not low <= random_state <= high
    ):
        raise ParameterError(
            f"--random-state must be a whole number from {low} to {high:,}, got {random_state!r}."
        )
    if k is not None and (isinstance(k, bool) or not isinstance(k, int) or k < 1):
        raise ParameterError(
            f"--k must be a whole number of at least 1, got {k!r}; or leave it out to choose k from the data."
        )


def _sources(paths: Sequence[str | os.PathLike], *, engine: str) -> list:
    """The inputs as paths, URLs kept as written (``Path`` would make ``s3://b/x`` into ``s3:/b/x``)."""
    out = []
    for raw in paths:
        text = os.fspath(raw)
        if _URL.match(text):
            if engine != "dask":
                raise ParameterError(
                    f"{text}: is a URL; the pandas engine reads local files and folders only: download "
                    "it first, or use --engine dask, which reads fsspec URLs"
                )
            out.append(text)
        else:
            out.append(Path(text))
    return out


def check_output(out: Path, sources: Sequence) -> Path:
    """Check, before any work, that the report can be written at ``out`` without touching the inputs.

    The folder is created when missing and a probe file is written and removed in it, so a read-only
    folder, ``/sys`` or a path under a file fails at once, not after the whole run.

    Returns:
        ``out``.

    Raises:
        ParameterError: ``out`` does not end in ``.html``, is a folder, is one of the inputs, lies inside an
            input folder (the next run would read it and its side files as input), or cannot be written.
    """
    if out.suffix.lower() not in {".html", ".htm"}:
        raise ParameterError(f"output {out} should end in .html")
    if out.is_dir():
        raise ParameterError(f"output {out} is a folder; give a file name ending in .html")
    target = out.resolve()
    for source in (s for s in sources if isinstance(s, Path)):
        given = source.resolve()
        if given == target:
            raise ParameterError(
                f"output {out} is one of the inputs; writing the report would replace it: give another "
                "file name"
            )
        if given.is_dir() and target.is_relative_to(given):
            raise ParameterError(
                f"output {out} is inside the input folder {source}: the next run would read the report "
                "and its side files (CSV) as input; write it elsewhere (e.g. reports/)"
            )
    _probe_folder(out)
    return out


def _probe_folder(out: Path) -> None:
    """Create ``out``'s folder when missing, then write and remove a probe file in it."""
    folder = out.parent
    blocker = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise ParameterError(f"output {out} cannot be written: {blocker} is a file, not a folder")
    probe = folder / f".{out.name}.{os.getpid()}.probe"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(folder, prefix=f".{out.name}.")  # left by a run that was killed
        probe.write_bytes(b"")
    except OSError as exc:
        raise ParameterError(
            f"output {out} cannot be written ({exc.strerror or exc}); choose a folder you can write to"
        ) from None
    finally:
        with suppress(OSError):
            probe.unlink(missing_ok=True)


def _execute(
    notebook: Path,
    sources: list[Path],
    out: Path,
    *,
    k: int | None,
    random_state: int,
    freq: str,
    progress: bool,
    extra: dict | None = None,
) -> Path:
    """Run the report notebook with papermill into ``build/``; a failing cell becomes a ReportError."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from analysis.publish.kernel import QuietShutdownKernelManager

    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    executed = BUILD_DIR / f"{out.stem}.executed.ipynb"
    parameters = {
        "SEEDS": [str(p.resolve()) if isinstance(p, Path) else p for p in sources],
        "K": k,
        "RANDOM_STATE": random_state,
        "FREQ": freq,
        **(extra or {}),
    }
    _say(
        f"Executing {notebook.name} (k={'auto' if k is None else k}, random_state={random_state}) ...",
        progress,
    )
    try:
        with warnings.catch_warnings(), _kernel_threads():
            warnings.simplefilter(
                "ignore"
            )  # papermill/jupyter_client chatter; the notebook's own go to stderr
            papermill.execute_notebook(
                str(notebook),
                str(executed),
                parameters=parameters,
                cwd=str(notebook.parent),
                progress_bar=progress,
                request_save_on_cell_execute=False,  # one write at the end, not one per cell
                kernel_name="python3",
                # Shut the kernel down without SIGINT first (a stray "KeyboardInterrupt caught in kernel").
                kernel_manager_class=QuietShutdownKernelManager,
                # The kernel's own log (e.g. ipykernel's TCP notice) is not the reader's concern.
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
            )
    except PapermillExecutionError as exc:
        where = f"cell {exc.cell_index}" if exc.cell_index is not None else "a cell"
        raise ReportError(
            f"the report notebook stopped at {where} with {exc.ename}: {exc.evalue}\n"
            f"The executed notebook, with the full traceback, is at {executed}.\n"
            f"{_kept(out)}"
        ) from None
    except AnalysisError:
        raise
    except Exception as exc:  # noqa: BLE001 (kernel died, notebook missing...: say so, no deep traceback)
        raise ReportError(
            f"could not execute {notebook}: {type(exc).__name__}: {exc}\n{_kept(out)}"
        ) from None
    return executed


#: Thread counts the report kernel starts with. One BLAS thread makes floating-point sums (silhouette, map
#: positions) come out the same on any machine and on either engine, so the same input gives the same report
#: bytes. OpenMP (scikit-learn's k-means, and Arrow's thread pool, which reads this variable) gets every core,
#: the same on both engines (a LocalCluster's nannies set it to 1 in the command's environment, which made
#: Parquet reads in the kernel single-threaded and Dask reports differ from pandas in the last bits).
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


def _export(executed: Path, out: Path, *, title: str, show_code: bool) -> str:
    """The executed notebook as checked offline HTML (stable cell ids, warnings moved to the terminal)."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    for index, cell in enumerate(nb.cells):
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = (
                f"injected-parameters-{index}"  # papermill gives it a random id; reports must not vary
            )
            cell["source"] = without_local_paths(cell["source"])  # shown with --show-code
    for text in _pop_stderr(nb):
        _say(f"warning from the notebook (not shown in the report): {text.strip()}", True)
    static_outputs(nb)
    try:
        html = export_html(nb, title=f"{title}: coverage report", show_code=show_code)
        check_offline(html)
    except ReportError as exc:
        raise ReportError(f"{exc}\n{_kept(out)}") from None
    except Exception as exc:  # noqa: BLE001 (any exporter failure becomes a clear message)
        raise ReportError(
            f"could not export the report to HTML: {type(exc).__name__}: {exc}\n{_kept(out)}"
        ) from None
    return html


_QUOTED_PATH = re.compile(r"""(["'])((?:/|[A-Za-z]:[\\/])[^"'\n]*)\1""")


def without_local_paths(code: str) -> str:
    """Code with every quoted absolute path cut to its last part (``'/home/me/data/seeds'`` -> ``'seeds'``),
    so a report never shows the folders of the machine it was built on."""
    return _QUOTED_PATH.sub(lambda m: m[1] + PureWindowsPath(m[2]).name + m[1], code)


def _kept(out: Path) -> str:
    if out.exists():
        return f"The previous report at {out} was left unchanged."
    return f"No report was written to {out}."
