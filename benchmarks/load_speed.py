"""Benchmark: how fast and how lean ``analysis.load_corpus`` loads 100,000 articles, next to pandas.

Generates 100,000 news-like articles with ``analysis.datasets``, writes them as one tag-page text file and as
JSON Lines into a temporary folder, then measures, in the same run:

- ``load_corpus`` on the tag page (structure parsing, dedupe, ids),
- ``load_corpus`` on the JSONL,
- the plain way: ``pandas.read_json(path, lines=True)`` on the same JSONL (no ids, no dedupe, no
  validation, no tag pages),

each in its own fresh Python subprocess (so nothing is cached or shared between contenders). Figures:
wall time of the load call (``time.perf_counter``), articles per second, and peak resident memory of
that subprocess, read inside it at the end: ``VmHWM`` from ``/proc/self/status`` (Linux; falls back to
``resource.getrusage(RUSAGE_SELF).ru_maxrss`` elsewhere), in MiB, including the interpreter and imports;
the baseline after imports is printed too. (``ru_maxrss`` of a child is not used on Linux because it
keeps the peak of the parent the child was forked from, which holds the generated articles.) Then a linearity check:
``load_corpus`` at 25k, 50k and 100k articles (time per 1,000 articles should stay flat).

Run: ``.venv/bin/python benchmarks/load_speed.py [--n 100000] [--repeat 1]``
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.datasets import generate_articles, write_jsonl, write_tag_page

CHILD = r"""
import json, resource, sys, time
from pathlib import Path


def peak_kib():
    # VmHWM of this process image: on Linux, ru_maxrss of a child carries over the RSS of the parent it
    # was forked from (here the parent holds the generated articles), VmHWM is reset by exec.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


kind, path = sys.argv[1], sys.argv[2]
if kind == "pandas":
    import pandas as pd
    load = lambda p: pd.read_json(p, lines=True)
else:
    from analysis import load_corpus as load
base = peak_kib()
t0 = time.perf_counter()
df = load(path)
elapsed = time.perf_counter() - t0
peak = peak_kib()
print(json.dumps({"rows": len(df), "seconds": elapsed, "peak_kib": peak, "base_kib": base}))
"""


def measure(kind: str, path: Path) -> dict:
    """Run one load in a fresh subprocess and return its rows, seconds and peak memory (KiB)."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def best_of(kind: str, path: Path, repeat: int) -> dict:
    runs = [measure(kind, path) for _ in range(repeat)]
    return min(runs, key=lambda r: r["seconds"])


def row(label: str, r: dict, size_mb: float) -> str:
    rate = r["rows"] / r["seconds"]
    return (
        f"{label:<38} {r['rows']:>8,} rows {r['seconds']:>7.2f} s {rate:>9,.0f} articles/s "
        f"{size_mb / r['seconds']:>6.1f} MB/s  peak {r['peak_kib'] / 1024:>7.0f} MiB "
        f"(after imports {r['base_kib'] / 1024:.0f} MiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, default=100_000, help="articles to generate (default 100000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per contender, best kept (default 1)"
    )
    args = parser.parse_args()

    t0 = time.perf_counter()
    articles = generate_articles(args.n, seed=0)
    print(f"generated {len(articles):,} articles in {time.perf_counter() - t0:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sizes = sorted({args.n // 4, args.n // 2, args.n})
        pages, jsonls = {}, {}
        for n in sizes:
            pages[n] = write_tag_page(folder / f"page_{n}.txt", articles[:n], page="Generated")
            jsonls[n] = write_jsonl(folder / f"export_{n}.jsonl", articles[:n])
        n = args.n
        page_mb = pages[n].stat().st_size / 1e6
        jsonl_mb = jsonls[n].stat().st_size / 1e6
        print(
            f"tag page {page_mb:.0f} MB, JSONL {jsonl_mb:.0f} MB; peak memory = VmHWM (peak RSS) of a "
            "fresh subprocess per contender, read inside it\n"
        )

        print(f"== {n:,} articles")
        page_r = best_of("load_corpus", pages[n], args.repeat)
        jsonl_r = best_of("load_corpus", jsonls[n], args.repeat)
        pandas_r = best_of("pandas", jsonls[n], args.repeat)
        print(row("load_corpus(tag page .txt)", page_r, page_mb))
        print(row("load_corpus(.jsonl)", jsonl_r, jsonl_mb))
        print(row("pandas.read_json(.jsonl, lines=True)", pandas_r, jsonl_mb))
        print(
            f"load_corpus(.jsonl) / read_json: {jsonl_r['seconds'] / pandas_r['seconds']:.2f}x time, "
            f"{jsonl_r['peak_kib'] / pandas_r['peak_kib']:.2f}x peak memory"
        )

        print("\n== linearity: load_corpus time per 1,000 articles (flat = linear)")
        for label, files in (("tag page", pages), ("jsonl", jsonls)):
            for size in sizes:
                r = page_r if (size == n and label == "tag page") else None
                r = jsonl_r if (size == n and label == "jsonl") else r
                r = r or best_of("load_corpus", files[size], args.repeat)
                print(
                    f"{label:<9} {size:>8,} articles {r['seconds']:>7.2f} s "
                    f"{1000 * r['seconds'] / size:>6.3f} s/1k  peak {r['peak_kib'] / 1024:>6.0f} MiB"
                )


if __name__ == "__main__":
    main()
