"""Rebuilding after adding one file: the parse cache kept per input file against parsing everything again.

An archive of ``--files`` JSON Lines files of ``--per-file`` generated articles each (``analysis.datasets``) is parsed
into a fresh parse cache (cold: every file parsed, as a plain re-run of ``load_corpus`` or a cache keyed by
all inputs together would); then one more file of ``--per-file`` articles is added and the cache is built
again (incremental: only the new file is parsed, the others are read back from their parsed copies). With
``--report`` the whole report is timed the same way: ``python -m analysis report`` cold, then with the new
file and ``--since`` the first report. The machine is shared: the load average is printed with each figure.

    .venv/bin/python benchmarks/rebuild_scale.py --files 5 --per-file 10000
    .venv/bin/python benchmarks/rebuild_scale.py --files 100 --per-file 10000 --report   # 1,000,000 articles
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.datasets import write_jsonl_chunked

ROOT = Path(__file__).resolve().parents[1]


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _cache(folder: Path, cache_dir: Path) -> float:
    from analysis.corpus.cache import cache_corpus

    start = time.perf_counter()
    cache = cache_corpus(folder, cache_dir=cache_dir)
    elapsed = time.perf_counter() - start
    print(f"    {cache.n_articles:,} articles", flush=True)
    return elapsed


def _report(folder: Path, out: Path, *extra: str) -> float:
    start = time.perf_counter()
    cmd = [
        sys.executable,
        "-m",
        "analysis",
        "report",
        str(folder),
        "-o",
        str(out),
        "-q",
        "--k",
        "20",
    ]
    subprocess.run([*cmd, *extra], check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5)
    parser.add_argument("--per-file", type=int, default=10_000)
    parser.add_argument("--report", action="store_true", help="also time the whole report (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive, cache_dir = Path(tmp) / "archive", Path(tmp) / "cache"
        archive.mkdir()
        for i in range(args.files):
            write_jsonl_chunked(archive / f"day-{i:04d}.jsonl", args.per_file, seed=i)
        n = args.files * args.per_file
        cold = _cache(archive, cache_dir)
        print(
            f"parse cache, cold ({n:,} articles in {args.files} files): {cold:.1f} s  [{_load()}]"
        )
        if args.report:
            first = _report(archive, Path(tmp) / "first.html")
            print(f"report, cold: {first:.1f} s  [{_load()}]")
        write_jsonl_chunked(archive / "day-new.jsonl", args.per_file, seed=10_000)
        again = _cache(archive, cache_dir)
        print(
            f"parse cache after adding 1 file of {args.per_file:,}: {again:.1f} s "
            f"({100 * again / cold:.0f}% of cold)  [{_load()}]"
        )
        if args.report:
            since = _report(
                archive, Path(tmp) / "second.html", "--since", str(Path(tmp) / "first.html")
            )
            print(
                f"report after adding 1 file, --since: {since:.1f} s ({100 * since / first:.0f}% of cold)"
            )


if __name__ == "__main__":
    main()
