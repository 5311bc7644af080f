"""Whole-report cost on large archives: ``python -m analysis report`` at 100,000 and 1,000,000 articles.

For each size and generator, an archive is written once as JSON Lines:

- ``news`` (``analysis.datasets.write_jsonl_chunked``): the project's own generator, ~2.6 KB bodies of
  made-up words, 20 hidden topics, 2-5 tags each;
- ``bbc`` (``analysis.datasets.write_bbc_sentences``): real BBC sentences recombined within a category
  (``../shared/data/bbc/bbc.jsonl``, read at run time; ``--bbc PATH`` elsewhere), quotations with their
  attribution, ~2.6 KB bodies, 2 tags each. Without that file the benchmark says so and uses ``news`` only.

Then each contender runs as its own process tree:

- ``pandas``: ``python -m analysis report FILE --engine pandas --k 20`` (its per-article work on one worker
  process per core; ``--workers 1 2`` runs it once per count, as ``ANALYSIS_WORKERS``)
- ``dask``: ``python -m analysis report FILE --engine dask --k 20`` (a LocalCluster of 2 worker processes)
- ``plain`` (100,000 only, for reference): the plain pandas + scikit-learn pipeline a user would write:
  ``pandas.read_json(lines=True)``, ``TfidfVectorizer(max_df=0.5, min_df=5, stop_words="english")``,
  ``KMeans(20, n_init=1)``, tag counts with ``explode().value_counts()``, no report.

With ``--since``, each size is also rebuilt as a weekly run would be: the archive (a folder holding the
``n`` articles) is reported cold, then one file of :data:`ADDED` more articles (drawn from the same
generator, so the same vocabulary and topics) is added and the report is built again with ``--since`` the
cold one; both wall times are printed with the rebuild's share of the cold run (pandas engine, k=20).

Each report run is given a steps file (environment variable ``ANALYSIS_TIMINGS``, :mod:`analysis.timings`),
and its breakdown is printed under its row, each step with its time, the CPU seconds of the process tree and
its peak PSS while it ran: engine start, parse (the parse cache), corpus (reading the corpus from the cache), stories (grouping
copies of a story: syndication, from the signatures the parse kept, on either engine), sample fit (fit on the sample, train the assigner) and assignment (every
article), or fit (every article, up to the sample size), tag counts, people and quotes, charts (every
section), export (HTML), and the rest of the wall time (starting Python and the kernel, planning). The steps
never enter the report.

After the runs of one archive, each report is compared with the first: the same bytes but for the
provenance block (which names the engine) and the output's file name.

Wall time is measured by this parent from start to exit; CPU time is the user + system time of the whole
process tree (every process waited for; per step, sampled from ``/proc/<pid>/stat`` with the memory), the
figure to compare when another user's jobs share the cores. Peak memory is the peak over time of the
proportional set size (PSS, ``/proc/<pid>/smaps_rollup``) summed over the whole process tree (the CLI, the
notebook kernel, Dask's scheduler and workers), sampled every 0.5 s. The parse cache, the kept readings of
the people and quotes step and the kept digests of input files are cleared before each report run
(``--keep-cache`` to keep them), so every run hashes, parses and reads its input; a rebuild (``--since``) keeps what the cold run left, as a weekly rebuild
does. Cost per 1,000 articles is wall
time / (articles / 1,000). The machine is shared: note the load average printed with each figure.

    .venv/bin/python benchmarks/archive_scale.py                          # all sizes, generators, engines
    .venv/bin/python benchmarks/archive_scale.py --sizes 100000 --engines pandas --generator bbc
    .venv/bin/python benchmarks/archive_scale.py --data-dir /tmp/archives  # keep the generated files
    .venv/bin/python benchmarks/archive_scale.py --sizes 50000 --engines --no-plain --since
    .venv/bin/python benchmarks/archive_scale.py --sizes 1000000 --generator bbc --workers 2 1  # one core or two
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.parallel import WORKERS_ENV
from analysis.timings import TIMINGS_ENV, read_steps

ROOT = Path(__file__).resolve().parents[1]
#: The BBC News corpus the ``bbc`` generator recombines (read at run time, never copied).
BBC = ROOT.parent / "shared" / "data" / "bbc" / "bbc.jsonl"

_PLAIN = """
import sys
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
df = pd.read_json(sys.argv[1], lines=True)
x = TfidfVectorizer(max_df=0.5, min_df=5, stop_words="english").fit_transform(df["title"] + "\\n\\n" + df["body"])
labels = KMeans(20, n_init=1, random_state=0).fit_predict(x)
counts = df["tags"].explode().value_counts()
print(len(df), len(counts), len(set(labels)))
"""


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return out


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) the process has used so far, its own only; None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime (fields 14 and 15 of stat)


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(
    cmd: list[str], *, cwd: Path = ROOT, env: dict | None = None, steps: Path | None = None
) -> dict:
    """Run ``cmd``; wall time, peak PSS of its process tree (MB), exit status and the tail of its stderr,
    and ``cpu``: the CPU seconds (user + system) of the whole tree, every process of it that was waited for
    (the command, the kernel, the worker processes): a figure another user's load on the cores moves far
    less than the wall time.

    With ``steps`` (the run's steps file, :mod:`analysis.timings`) also ``step_peaks_mb``: the peak PSS
    while each step ran, by the step's position (a step is running until its line is written), and
    ``step_cpu``: the CPU seconds the tree's processes used while it ran, from each process's own CPU time
    at every sample (a process that exits loses what it used in its last half second).
    """
    _adopt_orphans()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    step_peaks: dict[int, int] = {}
    step_cpu: dict[int, float] = {}
    seen: dict[int, float] = {}  # CPU seconds of every process of the tree, as last sampled
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err, text=True
        )
        peak = 0
        while proc.poll() is None:
            tree = _tree(proc.pid)
            now = sum(_pss_kb(p) for p in tree)
            peak = max(peak, now)
            used = 0.0
            for p in tree:
                cpu = _cpu_s(p)
                if cpu is not None:
                    used += cpu - seen.get(p, 0.0)
                    seen[p] = cpu
            if steps is not None:
                at = len(read_steps(steps))
                step_peaks[at] = max(step_peaks.get(at, 0), now)
                step_cpu[at] = step_cpu.get(at, 0.0) + used
            time.sleep(0.5)
        wall = time.perf_counter() - start
        _reap_orphans()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        err.seek(0)
        tail = err.read()[-1500:]
    return {
        "wall": wall,
        "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        "peak_mb": peak / 1024,
        "rc": proc.returncode,
        "stderr": tail,
        "step_peaks_mb": {at: kb / 1024 for at, kb in step_peaks.items()},
        "step_cpu": step_cpu,
    }


def _adopt_orphans() -> None:
    """Make this process the reaper of its tree's orphans (Linux ``PR_SET_CHILD_SUBREAPER``): a worker
    whose parent exits without waiting for it comes here, so that its CPU time is counted too."""
    try:
        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the orphans' time is not counted
        pass


def _reap_orphans(seconds: float = 15.0) -> None:
    """Wait (at most ``seconds``) for the orphans of the run just measured to exit, each waited for."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:  # none left
            return
        if pid == 0:
            if time.monotonic() > deadline:
                return
            time.sleep(0.2)


def _report_cmd(path: Path, engine: str, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "analysis",
        "report",
        str(path),
        "--engine",
        engine,
        "--k",
        "20",
        "--random-state",
        "0",
        "-o",
        str(out),
        "-q",
    ]


#: Articles in the file added before the rebuild (``--since``).
ADDED = 10_000


def _split_archive(data_dir: Path, n: int, generator: str, write) -> tuple[Path, Path]:
    """A folder holding ``n`` generated articles and, kept apart, a file of ADDED more from the same
    generator (the last ADDED of ``n + ADDED``): the archive, and the file added before the rebuild."""
    folder = data_dir / f"archive-{generator}-{n}"
    added = data_dir / f"added-{generator}-{n}.jsonl"
    if folder.is_dir() and added.is_file():
        return folder, added
    whole = data_dir / f"{generator}-{n + ADDED}.jsonl"
    if not whole.exists():
        write(whole, n + ADDED)
    folder.mkdir(parents=True, exist_ok=True)
    with whole.open("rb") as src, (folder / "archive.jsonl").open("wb") as a, added.open("wb") as b:
        for i, line in enumerate(src):
            (a if i < n else b).write(line)
    whole.unlink()
    return folder, added


def _clear_caches() -> None:
    """A cold run: no parse cache, no parsed copies, no kept readings (``build/readings``) and no kept
    digests of input files (``build/digests.json``)."""
    for name in ("corpus-cache", "readings"):
        shutil.rmtree(ROOT / "build" / name, ignore_errors=True)
    (ROOT / "build" / "digests.json").unlink(missing_ok=True)


def _rebuild(n: int, data_dir: Path, generator: str, write) -> None:
    """Cold report of the archive, then the report after adding one file, ``--since`` the cold one."""
    folder, added = _split_archive(data_dir, n, generator, write)
    inside = folder / "added.jsonl"
    if inside.exists():
        inside.replace(added)
    _clear_caches()
    first = data_dir / f"cold-{generator}-{n}.html"
    second = data_dir / f"since-{generator}-{n}.html"
    runs = {}
    for label, out, extra in (("cold", first, []), ("--since", second, ["--since", str(first)])):
        steps = data_dir / f"steps-{generator}-{n}-{label.strip('-')}.jsonl"
        steps.unlink(missing_ok=True)
        if extra:
            added.replace(inside)
        try:
            runs[label] = measure(
                [*_report_cmd(folder, "pandas", out), *extra],
                env={**os.environ, TIMINGS_ENV: str(steps)},
                steps=steps,
            )
        finally:
            if extra:
                inside.replace(added)
        print(_row(label, n + (ADDED if extra else 0), runs[label], out), flush=True)
        if runs[label]["rc"] != 0:
            print("    " + runs[label]["stderr"].strip().replace("\n", "\n    "), flush=True)
        print(_breakdown(read_steps(steps), runs[label]))
    cold, since = runs["cold"], runs["--since"]
    print(
        f"  rebuild after adding {ADDED:,} articles, with --since: {since['wall']:.1f} s = "
        f"{100 * since['wall'] / cold['wall']:.0f}% of the cold run ({cold['wall']:.1f} s)",
        flush=True,
    )


def _row(name: str, n: int, res: dict, out: Path | None = None) -> str:
    per_k = res["wall"] / (n / 1000)
    size = f"  HTML {out.stat().st_size / 1e6:.2f} MB" if out is not None and out.exists() else ""
    status = "ok" if res["rc"] == 0 else f"FAILED (exit {res['rc']})"
    load = os.getloadavg()[0]
    return (
        f"  {name:7s} {n:>9,}  wall {res['wall']:7.1f} s  CPU {res['cpu']:6.1f} s  peak PSS {res['peak_mb'] / 1024:6.2f} GB  "
        f"{per_k:6.3f} s per 1,000{size}  load avg {load:.1f}  {status}"
    )


def _writers(names: list[str], bbc: Path) -> dict:
    """The generators measured, by name: ``news`` (the project's own) and ``bbc`` (real BBC sentences
    recombined within a category), each as ``write(path, n)``; ``bbc`` left out, saying so, without its data."""
    from analysis.datasets import write_bbc_sentences, write_jsonl_chunked

    writers = {
        "news": write_jsonl_chunked,
        "bbc": lambda path, n: write_bbc_sentences(path, n, source=bbc),
    }
    if "bbc" in names and not bbc.is_file():
        print(
            f"BBC-sentence generator skipped: {bbc} not found (../shared/data/bbc is not beside this "
            "checkout; pass --bbc PATH). Measuring on the news generator only.",
            flush=True,
        )
        names = [g for g in names if g != "bbc"] or ["news"]
    return {g: writers[g] for g in names}


def _archive(data_dir: Path, generator: str, write, n: int) -> Path:
    """The generated archive of ``n`` articles (written once, kept in ``data_dir``)."""
    path = data_dir / f"{generator}-{n}.jsonl"
    if not path.exists():
        start = time.perf_counter()
        write(path, n)
        print(f"  (generated in {time.perf_counter() - start:.0f} s)", flush=True)
    return path


def _measure_size(n: int, generator: str, path: Path, data_dir: Path, args) -> None:
    """The plain reference (100,000 and below) and a report run on each engine, on one archive."""
    print(
        f"\n{n:,} articles, {generator} generator ({path.stat().st_size / 1e9:.2f} GB JSONL)",
        flush=True,
    )
    if n <= 100_000 and not args.no_plain:
        res = measure([sys.executable, "-c", _PLAIN, str(path)])
        print(_row("plain", n, res), flush=True)
    made: dict[str, Path] = {}
    for engine, workers in _runs(args):
        if not args.keep_cache:
            _clear_caches()
        name = engine if workers is None else f"{engine}/{workers}w"
        label = name.replace("/", "-")
        out = data_dir / f"report-{generator}-{n}-{label}.html"
        out.unlink(missing_ok=True)
        steps = data_dir / f"steps-{generator}-{n}-{label}.jsonl"
        steps.unlink(missing_ok=True)
        env = {**os.environ, TIMINGS_ENV: str(steps)}
        if workers is not None:
            env[WORKERS_ENV] = str(workers)
        res = measure(_report_cmd(path, engine, out), env=env, steps=steps)
        print(_row(name, n, res, out), flush=True)
        if res["rc"] != 0:
            print("    " + res["stderr"].strip().replace("\n", "\n    "), flush=True)
        print(_breakdown(read_steps(steps), res), flush=True)
        if res["rc"] == 0:
            made[name] = out
    _compare_reports(made)


def _runs(args) -> list[tuple[str, int | None]]:
    """(engine, worker processes) of each report run: the pandas engine once per ``--workers`` count."""
    return [
        (engine, workers)
        for engine in args.engines
        for workers in (args.workers if engine == "pandas" else [None])
    ]


def _compare_reports(made: dict[str, Path]) -> None:
    """Whether every report is the same bytes as the first, but for the provenance (which names the engine)
    and the output's own file name (side files are named after it)."""
    if len(made) < 2:
        return
    (first, path), *rest = made.items()
    body = _comparable(path)
    for name, other in rest:
        same = _comparable(other) == body
        print(
            f"    {name} report: {'the same bytes as' if same else 'DIFFERS from'} {first}'s",
            flush=True,
        )


def _comparable(path: Path) -> bytes:
    page = path.read_bytes().replace(path.stem.encode(), b"REPORT")
    return page.split(b'id="provenance"')[0]


def _breakdown(steps: list[tuple[str, float]], res: dict) -> str:
    """The run's steps (:mod:`analysis.timings`), each with its share of the wall time, the CPU seconds of
    the process tree and its peak PSS while it ran, and the rest (after the last step: the export's end)."""
    wall = res["wall"]
    rest = wall - sum(seconds for _, seconds in steps)
    rows = [*steps, ("other (Python and kernel start, planning)", rest)]
    peaks, cpu = res.get("step_peaks_mb", {}), res.get("step_cpu", {})
    lines = []
    for at, (name, seconds) in enumerate(rows):
        used = f"  CPU {cpu[at]:6.1f} s" if at in cpu else " " * 14
        memory = f"  peak {peaks[at] / 1024:5.2f} GB" if at in peaks else ""
        lines.append(
            f"      {name:42s} {seconds:7.1f} s  {100 * seconds / wall:3.0f}%{used}{memory}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument(
        "--engines", nargs="*", default=["pandas", "dask"], choices=["pandas", "dask"]
    )
    parser.add_argument(
        "--generator",
        nargs="+",
        default=["news", "bbc"],
        choices=["news", "bbc"],
        help="generated archives to measure on (default both)",
    )
    parser.add_argument(
        "--bbc", type=Path, default=BBC, help=f"the BBC News corpus (default {BBC})"
    )
    parser.add_argument(
        "--no-plain", action="store_true", help="skip the plain pandas + scikit-learn run"
    )
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[None],
        help=f"run the pandas engine once per count of worker processes ({WORKERS_ENV}); default: every core",
    )
    parser.add_argument(
        "--data-dir", type=Path, help="where generated archives are kept (default: a temp dir)"
    )
    parser.add_argument(
        "--keep-cache",
        action="store_true",
        help="do not clear the parse cache and kept readings between runs",
    )
    parser.add_argument(
        "--since",
        action="store_true",
        help=f"also time a rebuild after adding one file of {ADDED:,} articles, with --since",
    )
    args = parser.parse_args()
    writers = _writers(args.generator, args.bbc)
    tmp = tempfile.TemporaryDirectory()
    data_dir = args.data_dir or Path(tmp.name)
    data_dir.mkdir(parents=True, exist_ok=True)
    print(
        "archive_scale: python -m analysis report (k=20), wall time, CPU time and peak PSS of the whole process tree"
    )
    print(f"machine: {os.cpu_count()} cores, load average now {os.getloadavg()[0]:.1f}")
    for n in args.sizes:
        for generator, write in writers.items():
            if args.since:
                print(f"\n{n:,} articles ({generator}), then {ADDED:,} added (--since)", flush=True)
                _rebuild(n, data_dir, generator, write)
            if not args.engines and args.no_plain:
                continue
            path = _archive(data_dir, generator, write, n)
            _measure_size(n, generator, path, data_dir, args)
    tmp.cleanup()


if __name__ == "__main__":
    main()
