"""One plan per report run: everything the command decides, checked once, handed to the notebook.

:func:`plan_report` validates the inputs, the engine, the scheduler, ``k``, ``freq``, ``random_state``, the
spaCy pipeline and the output before anything runs, and parses the inputs once into the parse cache (in the
chosen engine). The :class:`ReportPlan` it returns is passed to the report notebook as papermill parameters
(:meth:`ReportPlan.parameters`): the cache folder, the engine, the title, the file stem of the report's
downloads, a folder for this report's side files and the random state. The notebook opens that cache, never
finding or hashing the inputs again. Each run has a scratch folder of its own (``build/runs/<stem>-XXXX/``)
holding its executed notebook and side files, so two reports run at once never share a file.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.config import BUILD_DIR, FREQUENCIES, REPORTS_DIR, SEEDS_DIR
from analysis.corpus import as_path_list
from analysis.corpus.cache import CorpusCache
from analysis.engine import RUN_ENGINES, check_engine
from analysis.errors import ParameterError
from analysis.housekeeping import process_running, remove_stale_temporaries
from analysis.report.naming import corpus_title, page_counts, slugify
from analysis.report.sizes import ReportSizes
from analysis.wording import plural

__all__ = [
    "RUNS_DIR",
    "ReportPlan",
    "check_compare_by",
    "check_k",
    "check_options",
    "check_output",
    "default_sources",
    "describe",
    "finish_plan",
    "output_path",
]

#: Each report run's scratch folder (executed notebook, side files) is made under this folder.
RUNS_DIR = BUILD_DIR / "runs"
#: ``--random-state`` seeds NumPy's legacy generators too, which take 0 <= seed < 2**32.
RANDOM_STATE_RANGE = (0, 2**32 - 1)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


@dataclass(frozen=True)
class ReportPlan:
    """What one report run decided: passed to the notebook as parameters, used by the command to publish.

    Attributes:
        sources: the input files and folders as given (resolved to absolute paths for the kernel).
        output: the HTML file to write.
        title: the corpus name shown as the report's heading.
        file_stem: the stem of every download and side file (``<stem>-articles.csv``): the output's stem.
        engine: ``"pandas"`` or ``"dask"`` (``auto`` resolved).
        scheduler: the Dask scheduler address the kernel connects to (Dask engine), else None.
        cache: the parse cache of the inputs, built by the command in the chosen engine.
        k: number of clusters, or None to choose it from the data.
        random_state: seeds every random step.
        freq: period of the "Over time" section.
        nlp: an installed spaCy pipeline for the people sections, or None for the built-in rules.
        lenient: blocks that did not parse were skipped (listed in the cache).
        run_dir: this run's scratch folder; ``executed`` and ``files_dir`` are inside it.
        sizes: the sizes beyond which the report samples (passed when they differ from the defaults).
        compare_by: the column "Outlets compared" compares (checked against the corpus), or None.
        since: the earlier report's state file (``--since``, checked before the run), or None.
        provenance: what the report is made from and how (:func:`analysis.report.collect_provenance`).
        timings: the file the notebook appends its step times to (:mod:`analysis.timings`), or None.
    """

    sources: tuple[Path, ...]
    output: Path
    title: str
    file_stem: str
    engine: str
    scheduler: str | None
    cache: CorpusCache
    k: int | None
    random_state: int
    freq: str
    nlp: str | None
    lenient: bool
    run_dir: Path
    sizes: ReportSizes = field(default_factory=ReportSizes)
    compare_by: str | None = None
    since: str | None = None
    provenance: Mapping[str, Any] | None = None
    timings: str | None = None

    @property
    def executed(self) -> Path:
        """This run's executed notebook (kept when the run fails, for its traceback)."""
        return self.run_dir / "report.executed.ipynb"

    @property
    def state_file(self) -> Path:
        """Where the notebook saves this report's state (moved beside the report when it is written)."""
        return self.run_dir / "report.state.npz"

    @property
    def files_dir(self) -> Path:
        """Where the notebook writes this report's side files (moved next to the report when it is written)."""
        return self.run_dir / "files"

    def parameters(self) -> dict[str, Any]:
        """The papermill parameters of the report notebook (plain values only)."""
        return {
            "SEEDS": [str(p.resolve()) if isinstance(p, Path) else p for p in self.sources],
            "K": self.k,
            "RANDOM_STATE": self.random_state,
            "FREQ": self.freq,
            "ENGINE": self.engine,
            "SCHEDULER": self.scheduler,
            "LENIENT": self.lenient,
            "CACHE": str(self.cache.path),
            "TITLE": self.title,
            "FILE_STEM": self.file_stem,
            "FILES_DIR": str(self.files_dir),
            "SIZES": self.sizes.changed() or None,
            "PROVENANCE": dict(self.provenance) if self.provenance is not None else None,
            "SINCE": self.since,
            "STATE_FILE": str(self.state_file),
            "REPORT_NAME": self.output.name,
            **({"NLP": self.nlp} if self.nlp is not None else {}),
            **({"COMPARE_BY": self.compare_by} if self.compare_by is not None else {}),
            **({"TIMINGS": self.timings} if self.timings is not None else {}),
        }


def check_options(
    *,
    engine: str,
    k: int | None,
    random_state: int,
    freq: str,
    nlp: str | None,
) -> None:
    """The options that need no data, checked before anything runs (each error names the allowed values)."""
    check_engine(engine)
    if freq not in FREQUENCIES:
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
    if nlp is not None:
        from analysis.extract.pipeline import (
            load_pipeline,  # spaCy: imported only when a pipeline is named
        )

        load_pipeline(nlp)  # a pipeline that is not installed fails here, before anything runs


def output_path(output: str | os.PathLike[str] | None, title: str) -> Path:
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


def check_k(k: int | None, n_articles: int) -> None:
    """``k`` fits the corpus: 1 <= k < articles (any k on a one-article corpus is 1)."""
    if k is not None and n_articles > 1 and k >= n_articles:
        raise ParameterError(
            f"--k {k} does not fit {n_articles:,} articles: use 1 <= k < {n_articles:,}, "
            "or leave it out to choose k from the data."
        )


def check_compare_by(compare_by: str | None, cache: CorpusCache) -> None:
    """``compare_by`` names a column of the corpus (or ``tag_pages``), else the usable columns are listed."""
    if compare_by is not None and compare_by != "tag_pages" and compare_by not in cache.columns:
        usable = [c for c in cache.columns if c not in {"id", "title", "body"}]
        raise ParameterError(
            f"--compare-by {compare_by}: the articles have no column {compare_by!r}; use one of "
            f"{', '.join(usable)} (or tag_pages)."
        )


def finish_plan(
    sources: Sequence[Path],
    cache: CorpusCache,
    *,
    output: str | os.PathLike[str] | None,
    engine: str,
    scheduler: str | None,
    k: int | None,
    random_state: int,
    freq: str,
    nlp: str | None,
    lenient: bool,
    sizes: ReportSizes | None = None,
    compare_by: str | None = None,
    title: str | None = None,
    since: str | None = None,
    provenance: Mapping[str, Any] | None = None,
) -> ReportPlan:
    """The plan, once the inputs are parsed into ``cache``: title, output, ``k`` against the corpus, run folder."""
    check_engine(engine, allowed=RUN_ENGINES)
    pages = cache.read(["tag_pages"])
    title = title.strip() if title is not None else corpus_title(pages, list(sources))
    check_k(k, len(pages))
    check_compare_by(compare_by, cache)
    out = check_output(output_path(output, title), sources)
    return ReportPlan(
        sources=tuple(sources),
        output=out,
        title=title,
        file_stem=out.stem,
        engine=engine,
        scheduler=scheduler,
        cache=cache,
        k=k,
        random_state=random_state,
        freq=freq,
        nlp=nlp,
        lenient=lenient,
        run_dir=new_run_dir(out.stem),
        sizes=ReportSizes.of(sizes),
        compare_by=compare_by,
        since=since,
        provenance=provenance,
    )


def new_run_dir(stem: str) -> Path:
    """A new scratch folder ``build/runs/<stem>-<pid>-XXXX/`` for one run; folders of runs whose process is
    gone (killed, or crashed before cleaning up) are removed first, so ``build/runs`` never grows."""
    RUNS_DIR.mkdir(parents=True, exist_ok=True)
    for old in RUNS_DIR.iterdir():
        pid = old.name.rsplit("-", 2)[-2] if old.name.count("-") >= 2 else ""
        if pid.isdigit() and not process_running(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{stem}-{os.getpid()}-", dir=RUNS_DIR))


def describe(cache: CorpusCache, title: str) -> str:
    """``Loaded 9 articles from 1 tag page: 'UK defense'`` for the command's progress line."""
    pages = cache.read(["tag_pages"])
    return (
        f"Loaded {plural(len(pages), 'article')} from {plural(len(page_counts(pages)), 'tag page')}: "
        f"{title!r}"
    )


def default_sources(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] | None,
    *,
    engine: str = "pandas",
) -> list:
    """The report's inputs as paths: those given (one path or a list), or the project's ``seeds/``; URLs are
    kept as written (``Path`` would make ``s3://b/x`` into ``s3:/b/x``) and read by the Dask engine only."""
    given = as_path_list(paths) if paths else []
    out = []
    for raw in given or [SEEDS_DIR]:
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
