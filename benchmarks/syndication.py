"""Story grouping on planted syndication: BBC articles copied with edits over fake outlets.

Takes the BBC News corpus (``../shared/data/bbc/bbc.jsonl``, 2,225 articles, 2,125 after exact duplicates
are dropped), copies 300 of its articles 1-4 times each with the edits of
:data:`analysis.compare.planted.STRENGTHS` (light: new headline + byline; medium: + dateline, a paragraph
trimmed, 1% of the words changed; heavy: + a paragraph added, two trimmed, 3% of the words changed), spreads
the copies over 8 fake outlets, and runs :func:`analysis.story_groups` at the default threshold.

Truth: a copy is the same story as its original; two BBC originals are the same story when the exact
Jaccard similarity of their whole 4-word shingle sets is at least 0.5 (the BBC set has a few dozen such
re-published versions). Printed:

- recall: the share of true same-story pairs put in one group (and the share of copies grouped with their
  original, per strength);
- precision: the share of pairs put in one group that are truly the same story;
- distinct BBC articles of the same category joined (pairs of originals with an exact Jaccard under 0.3);
- time of ``story_groups`` next to the plain way (exact Jaccard of every pair with scikit-learn).

With ``--scale N`` it measures instead what story grouping adds to ``python -m analysis report`` on N
generated articles (``analysis.datasets``, as ``archive_scale.py``): the whole report's wall time and peak memory
(which include the grouping), then the grouping alone on the report's parse cache (bodies read a part at a
time, as the report does), and the share it adds: grouping / (report - grouping).

    .venv/bin/python benchmarks/syndication.py [--threshold 0.35] [--stories 300] [--seed 0]
    .venv/bin/python benchmarks/syndication.py --scale 100000 [--data-dir /tmp/archives]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import CountVectorizer

from analysis import load_corpus
from analysis.compare.planted import STRENGTHS, syndicate
from analysis.compare.stories import SHINGLE_WORDS, STORY_THRESHOLD, story_groups

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "bbc" / "bbc.jsonl"
sys.path.insert(0, str(Path(__file__).parent))
SAME = 0.5  # exact Jaccard at which two BBC originals are the same story
DISTINCT = 0.3  # below this they are distinct articles


def _shingles(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]


def exact_jaccard(bodies: list[str]) -> sparse.csr_matrix:
    """Exact Jaccard of every pair of texts' shingle sets (sparse: pairs sharing a shingle)."""
    x = CountVectorizer(analyzer=_shingles, binary=True).fit_transform(bodies).astype(np.float32)
    inter = (x @ x.T).tocoo()
    sizes = np.asarray(x.sum(axis=1)).ravel()
    union = sizes[inter.row] + sizes[inter.col] - inter.data
    return sparse.csr_matrix(
        (inter.data / np.maximum(union, 1), (inter.row, inter.col)), shape=inter.shape
    )


def _pairs(labels: np.ndarray) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for rows in pd.Series(np.arange(len(labels))).groupby(labels).groups.values():
        out.update(combinations(sorted(rows), 2))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=STORY_THRESHOLD)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument(
        "--seed",
        type=int,
        default=0,
        help="seed of the planted copies (the default was tuned on 0)",
    )
    parser.add_argument(
        "--scale", type=int, help="measure the cost inside a report of this many articles"
    )
    parser.add_argument(
        "--data-dir", type=Path, help="where the generated archive is kept (--scale)"
    )
    args = parser.parse_args()
    if args.scale:
        scale(args.scale, args.data_dir)
        return
    if not BBC.exists():
        raise SystemExit(f"skipped: {BBC} is absent")
    bbc = load_corpus(BBC)
    corpus = syndicate(bbc, n_stories=args.stories, random_state=args.seed)
    n_orig = len(bbc)
    start = time.perf_counter()
    groups = story_groups(corpus, threshold=args.threshold).to_numpy()
    ours = time.perf_counter() - start
    start = time.perf_counter()
    jaccard = exact_jaccard(corpus["body"].tolist())
    plain = time.perf_counter() - start
    # Truth: copies with their original, and originals that are re-published versions of each other.
    orig_j = jaccard[:n_orig, :n_orig].tocoo()
    natural = (orig_j.row < orig_j.col) & (orig_j.data >= SAME)
    story_of = pd.Series(np.arange(n_orig), index=bbc["id"].to_numpy())
    copy_rows = np.arange(n_orig, len(corpus))
    rows = np.r_[orig_j.row[natural], copy_rows]
    cols = np.r_[orig_j.col[natural], story_of[corpus["true_story"].iloc[n_orig:]].to_numpy()]
    graph = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(corpus),) * 2)
    truth = connected_components(graph, directed=False)[1]
    true_pairs, found_pairs = _pairs(truth), _pairs(groups)
    hits = len(true_pairs & found_pairs)
    print(
        f"corpus: {n_orig:,} BBC articles + {len(copy_rows):,} copies of {args.stories} of them over 8 outlets"
    )
    print(
        f"BBC originals that are re-published versions of each other (exact Jaccard >= {SAME}): {int(natural.sum())} pairs"
    )
    print(
        f"threshold {args.threshold}: {len(found_pairs):,} pairs joined, {len(true_pairs):,} true pairs"
    )
    print(f"  recall (true pairs joined):        {hits / len(true_pairs):.4f}")
    print(f"  precision (joined pairs correct):  {hits / max(len(found_pairs), 1):.4f}")
    home = story_of[corpus["true_story"].iloc[n_orig:]].to_numpy()
    found = groups[copy_rows] == groups[home]
    for strength in STRENGTHS:
        mask = (corpus["strength"].iloc[n_orig:] == strength).to_numpy()
        print(
            f"  copies grouped with their original, {strength:6}: {found[mask].mean():.4f} of {int(mask.sum())}"
        )
    wrong = [(i, j) for i, j in found_pairs - true_pairs if i < n_orig and j < n_orig]
    distinct = [(i, j) for i, j in wrong if jaccard[i, j] < DISTINCT]
    same_category = [
        (i, j) for i, j in distinct if bbc["category"].iat[i] == bbc["category"].iat[j]
    ]
    print(
        f"  distinct BBC articles joined (exact Jaccard < {DISTINCT}): {len(distinct)} pairs, "
        f"{len(same_category)} of the same category"
    )
    print(
        f"time: story_groups {ours:.2f} s for {len(corpus):,} articles; "
        f"plain exact Jaccard of all pairs (scikit-learn, no grouping) {plain:.2f} s"
    )


_GROUPING = """
import sys, time, resource
from analysis.corpus.cache import cache_corpus
from analysis.compare.stories import story_groups_from_batches
cache = cache_corpus(sys.argv[1])
start, cpu = time.perf_counter(), time.process_time()
ids = story_groups_from_batches(cache.iter_batches(["title", "body"]), cache.n_articles)
print(time.perf_counter() - start, len(set(ids.tolist())), time.process_time() - cpu)
"""


def scale(n: int, data_dir: Path | None) -> None:
    """Story grouping's share of a whole report's time at ``n`` generated articles (pandas engine)."""
    from archive_scale import _report_cmd, _row, measure

    from analysis.compare.stories import NUM_PERM
    from analysis.datasets import write_jsonl_chunked

    tmp = tempfile.TemporaryDirectory()
    folder = data_dir or Path(tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"news-{n}.jsonl"
    if not path.exists():
        write_jsonl_chunked(path, n)
    shutil.rmtree(ROOT / "build" / "corpus-cache", ignore_errors=True)
    out = folder / f"report-{n}.html"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = measure(_report_cmd(path, "pandas", out))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    report_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(f"report with story groups ({n:,} articles, k=20):")
    print(_row("pandas", n, report, out), f" CPU {report_cpu:.1f} s (process tree)", flush=True)
    grouping = measure([sys.executable, "-c", _GROUPING, str(path)])
    took = subprocess.run(
        [sys.executable, "-c", _GROUPING, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    seconds = float(took[0])
    print(
        f"story grouping alone (reading bodies from the parse cache): {seconds:.1f} s wall, "
        f"{float(took[2]):.1f} s CPU, {int(took[1]):,} groups; its process peaked at "
        f"{grouping['peak_mb']:.0f} MB (cache reading included); load average {os.getloadavg()[0]:.1f}"
    )
    cpu = float(took[2])
    print(
        f"share it adds to the report, wall: {seconds:.1f} / ({report['wall']:.1f} - {seconds:.1f}) = "
        f"{seconds / (report['wall'] - seconds):.1%}; CPU: {cpu:.1f} / ({report_cpu:.1f} - {cpu:.1f}) = "
        f"{cpu / (report_cpu - cpu):.1%}"
    )
    print(
        f"state held at 1,000,000 articles: signatures {NUM_PERM} x 4 bytes = "
        f"{1_000_000 * NUM_PERM * 4 / 1e6:.0f} MB (+ one band's keys, 8 MB)"
    )
    tmp.cleanup()


if __name__ == "__main__":
    main()
