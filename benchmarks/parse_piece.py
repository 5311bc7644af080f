"""Benchmark: the CPU of parsing one piece of a large JSON Lines file, step by step, in one process.

A large file is parsed one piece of ``CHUNK_BYTES`` (32 MB) at a time on each worker process; a piece's CPU
is what a 1,000,000-article report spends 80 times over in its parse. This reads one piece (from ``--offset``,
cut at line ends) and measures, ``--repeat`` times, the CPU seconds (``time.process_time``) of:

- parse: ``chunks.parse_chunk`` (bytes to text, JSON Lines records, article ids),
- sign: ``chunks.sign_articles`` (story signatures),
- keep: ``parsed.keep_chunk`` (the Arrow table and its Parquet file, written to a temporary folder),

and prints each step's minimum and median. Run it alone on a quiet machine, old and new code alternating
(``PYTHONPATH=OTHER_CHECKOUT/src``), and give the load average with the figures.

Run: ``.venv/bin/python benchmarks/parse_piece.py FILE.jsonl [--offset 0] [--repeat 5]``; with no file,
100,000 articles of real BBC sentences are written to a temporary folder first
(``analysis.datasets.write_bbc_sentences``, ``../shared/data/bbc/bbc.jsonl``).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
from pathlib import Path

from analysis.corpus.cache import chunks, store
from analysis.corpus.cache.parsed import keep_chunk

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "bbc" / "bbc.jsonl"


def piece(path: Path, offset: int) -> bytes:
    """The piece of ``path`` from the line starting at or after ``offset``, about CHUNK_BYTES, whole lines."""
    with path.open("rb") as fh:
        fh.seek(offset)
        data = fh.read(store.CHUNK_BYTES)
    if offset:
        data = data[data.find(b"\n") + 1 :]
    return data[: data.rfind(b"\n") + 1]


def measure(path: Path, data: bytes, repeat: int) -> dict[str, list[float]]:
    """CPU seconds of each step, one list per step (``repeat`` runs)."""
    steps: dict[str, list[float]] = {"parse": [], "sign": [], "keep": [], "total": []}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(repeat):
            gc.collect()
            c0 = time.process_time()
            articles, _ = chunks.parse_chunk(path, "f", "f", data, 0, lenient=False, skipped=[])
            c1 = time.process_time()
            chunks.sign_articles(articles)
            c2 = time.process_time()
            folder = Path(tmp) / str(run)
            folder.mkdir()
            keep_chunk(folder, 0, articles)
            c3 = time.process_time()
            for name, seconds in zip(steps, (c1 - c0, c2 - c1, c3 - c2, c3 - c0), strict=True):
                steps[name].append(seconds)
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "file", nargs="?", type=Path, help="a JSON Lines file (default: BBC sentences)"
    )
    parser.add_argument(
        "--offset", type=int, default=0, help="byte offset of the piece (default 0)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each step (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            from analysis.datasets import write_bbc_sentences

            path = write_bbc_sentences(Path(tmp) / "bbc-100000.jsonl", 100_000, source=BBC)
        data = piece(path, args.offset)
        steps = measure(path, data, args.repeat)
    print(
        f"piece of {path.name} at byte {args.offset:,}: {len(data):,} bytes, {args.repeat} runs (CPU s)"
    )
    for name, seconds in steps.items():
        print(f"  {name:6s} min {min(seconds):.3f}  median {statistics.median(seconds):.3f}")


if __name__ == "__main__":
    main()
