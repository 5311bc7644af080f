"""Speed and memory of topic clustering: ``load_corpus`` + ``fit_topics(k=20)`` against the plain recipe.

The plain recipe is ``pandas.read_json(lines=True)`` + ``TfidfVectorizer(max_df=0.5, min_df=5,
stop_words="english")`` + ``KMeans(20, n_init=5)``. Both run on the same generated news-like articles
(``newsgen.generate_articles``, ~2.6 KB bodies, 20 hidden topics) written to JSONL, in the same run, each
contender in its own subprocess so that peak memory is separate: the child reports its wall time (from
the start of loading to the end of clustering, imports excluded) and its peak resident set size
(``resource.getrusage(RUSAGE_SELF).ru_maxrss`` at exit, which includes the Python interpreter and imported
libraries; our tokenising workers are forked children, so the parent also adds
``getrusage(RUSAGE_CHILDREN).ru_maxrss``, the largest worker, and reports the sum). The articles are
generated and written by a separate subprocess so that this parent stays small (``ru_maxrss`` survives
``exec``). NMI against the hidden topics (the JSONL ``topic`` field) is printed as a sanity check.

    .venv/bin/python benchmarks/topic_speed.py              # 20,000 and 100,000 articles (~10 minutes)
    .venv/bin/python benchmarks/topic_speed.py --sizes 20000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def _run_ours(path: Path, k: int) -> dict:
    from analysis import load_corpus
    from analysis.topics import fit_topics

    start = time.perf_counter()
    corpus = load_corpus(path)
    loaded = time.perf_counter()
    model = fit_topics(corpus, k=k, random_state=0)
    end = time.perf_counter()
    return {"wall": end - start, "load": loaded - start, "labels": model.labels, "topic": corpus["topic"]}


def _run_plain(path: Path, k: int) -> dict:
    import pandas as pd
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    start = time.perf_counter()
    df = pd.read_json(path, lines=True)
    loaded = time.perf_counter()
    x = TfidfVectorizer(max_df=0.5, min_df=5, stop_words="english").fit_transform(df["body"])
    labels = KMeans(k, n_init=5, random_state=0).fit_predict(x)
    end = time.perf_counter()
    return {"wall": end - start, "load": loaded - start, "labels": labels, "topic": df["topic"]}


def _child(which: str, path: Path, k: int) -> None:
    result = (_run_ours if which == "ours" else _run_plain)(path, k)
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux: KiB
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    from sklearn.metrics import normalized_mutual_info_score

    nmi = normalized_mutual_info_score(result.pop("topic"), result.pop("labels"))
    result.update(
        {"nmi": nmi, "peak_rss_mb": (self_kb + children_kb) / 1024, "self_mb": self_kb / 1024,
         "workers_mb": children_kb / 1024}
    )
    print("RESULT " + json.dumps(result))


def _generate(n: int, path: Path) -> None:
    from newsgen import generate_articles, write_jsonl

    write_jsonl(path, generate_articles(n, seed=0))


def _contender(which: str, path: Path, k: int) -> dict:
    cmd = [sys.executable, __file__, "--child", which, "--path", str(path), "--k", str(k)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{which} failed:\n{proc.stderr[-3000:]}")
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    result = json.loads(line[len("RESULT ") :])
    result["process_wall"] = elapsed
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--child", choices=["ours", "plain"])
    parser.add_argument("--path", type=Path)
    parser.add_argument("--generate", type=int)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.path, args.k)
        return
    if args.generate:
        _generate(args.generate, args.path)
        return

    print(f"topic_speed: load + cluster (k={args.k}), each contender in its own subprocess, same run")
    print("peak memory = the child's getrusage(RUSAGE_SELF).ru_maxrss + its largest worker's (RUSAGE_CHILDREN)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"news_{n}.jsonl"
            cmd = [sys.executable, __file__, "--generate", str(n), "--path", str(path)]
            subprocess.run(cmd, check=True)
            size_mb = path.stat().st_size / 1e6
            print(f"\n{n:,} articles ({size_mb:.0f} MB JSONL)", flush=True)
            rows = {}
            for which in ("plain", "ours"):
                res = _contender(which, path, args.k)
                rows[which] = res
                print(
                    f"  {which:5s}  wall {res['wall']:7.1f} s (load {res['load']:5.1f} s; process incl. "
                    f"imports {res['process_wall']:6.1f} s)  peak RSS {res['peak_rss_mb']:7.0f} MB "
                    f"(main {res['self_mb']:.0f} + workers {res['workers_mb']:.0f})  "
                    f"NMI vs hidden topics {res['nmi']:.3f}",
                    flush=True,
                )
            ours, plain = rows["ours"], rows["plain"]
            print(
                f"  ours/plain: wall {ours['wall'] / plain['wall']:.2f}x (target <= 0.50), "
                f"peak memory {ours['peak_rss_mb'] / plain['peak_rss_mb']:.2f}x (target <= 1.00)",
                flush=True,
            )


if __name__ == "__main__":
    main()
