"""Topic quality on real labelled news: BBC News through ``load_corpus`` (2,125 unique articles, 5 categories).

Prints, in one run on the same data, NMI against the editors' categories at random_state 0..9 for
- ours: ``analysis.topics.fit_topics(k=5, random_state=rs)``;
- plain: the tuned scikit-learn recipe a user could write in ten lines: ``TfidfVectorizer(sublinear_tf=True,
  ngram_range=(1, 2), min_df=2, stop_words="english")`` + ``TruncatedSVD(100, random_state=rs)`` +
  ``normalize`` + ``KMeans(5, n_init=10, random_state=rs)``, on the same text (headline + body);
on each variant of the corpus, then each method's mean and spread (max - min NMI), and ``k=None`` on whole
articles. Variants (``--variants``; default ``whole,short``):
- ``whole``: whole articles;
- ``short``: headline + first sentence (the body up to the first ``.``, ``!`` or ``?`` followed by
  whitespace);
- ``headline``: headline only;
- ``half-a`` / ``half-b``: two random halves of the whole articles (fixed split, seed 0).

Checks (issue 9): whole NMI >= 0.90 at every random_state, spread <= 0.03; short NMI >= 0.55 at every
random_state, spread <= 0.05, ours' mean above plain's. Then k unset, topics at two levels on BBC, an
uneven BBC mix and AllSides (issue 18; see ``topic_levels.py``).

    .venv/bin/python benchmarks/topic_quality.py                       # whole + short, 10 seeds (slow)
    .venv/bin/python benchmarks/topic_quality.py --variants headline,half-a --seeds 3 --no-k-none
    .venv/bin/python benchmarks/topic_quality.py --levels-only --shuffles 1 --no-whole-slice
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score
from sklearn.preprocessing import normalize

sys.path.insert(0, str(Path(__file__).parent))

import topic_levels

from analysis.config import SHARED_DIR
from analysis.corpus import load_corpus
from analysis.topics import fit_topics

BBC = SHARED_DIR / "data" / "bbc" / "bbc.jsonl"
FIRST_SENTENCE = re.compile(r"^(.*?[.!?])(?=\s)", re.DOTALL)
CHECKS = {"whole": (0.90, 0.03), "short": (0.55, 0.05)}


def first_sentence(body: str) -> str:
    """The body up to its first ``.``, ``!`` or ``?`` followed by whitespace (the whole body if none)."""
    match = FIRST_SENTENCE.match(body)
    return match.group(1) if match else body


def variants(corpus: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The corpus variants, each a new DataFrame with the loader's columns and ``category``."""
    short = corpus.assign(body=corpus["body"].map(first_sentence))
    order = np.random.default_rng(0).permutation(len(corpus))
    half = len(corpus) // 2
    return {
        "whole": corpus,
        "short": short,
        "headline": corpus.assign(body=""),
        "half-a": corpus.iloc[np.sort(order[:half])].reset_index(drop=True),
        "half-b": corpus.iloc[np.sort(order[half:])].reset_index(drop=True),
    }


def plain_labels(corpus: pd.DataFrame, k: int, random_state: int) -> np.ndarray:
    """The plain tuned recipe: TF-IDF (sublinear, 1-2 grams, min_df 2) + LSA(100) + KMeans(n_init=10)."""
    text = (corpus["title"] + "\n\n" + corpus["body"]).tolist()
    x = TfidfVectorizer(
        sublinear_tf=True, ngram_range=(1, 2), min_df=2, stop_words="english"
    ).fit_transform(text)
    z = normalize(TruncatedSVD(100, random_state=random_state).fit_transform(x))
    return KMeans(k, n_init=10, random_state=random_state).fit_predict(z)


def run_variant(name: str, corpus: pd.DataFrame, seeds: int) -> dict[str, list[float]]:
    truth = corpus["category"]
    words = (corpus["title"] + " " + corpus["body"]).str.split().str.len().mean()
    print(f"\n== {name}: {len(corpus)} articles, {words:.0f} words per article on average")
    print(f"{'random_state':>12}  {'ours NMI':>8} {'time':>6}   {'plain NMI':>9} {'time':>6}")
    nmi: dict[str, list[float]] = {"ours": [], "plain": []}
    for rs in range(seeds):
        t0 = time.perf_counter()
        ours = fit_topics(corpus, k=5, random_state=rs).labels
        t1 = time.perf_counter()
        plain = plain_labels(corpus, 5, rs)
        t2 = time.perf_counter()
        nmi["ours"].append(normalized_mutual_info_score(truth, ours))
        nmi["plain"].append(normalized_mutual_info_score(truth, plain))
        print(
            f"{rs:>12}  {nmi['ours'][-1]:8.3f} {t1 - t0:5.1f}s   {nmi['plain'][-1]:9.3f} {t2 - t1:5.1f}s",
            flush=True,
        )
    for method, values in nmi.items():
        print(
            f"{method:>12}: mean {np.mean(values):.3f}, min {min(values):.3f}, max {max(values):.3f}, "
            f"spread {max(values) - min(values):.3f}"
        )
    if name in CHECKS:
        floor, spread = CHECKS[name]
        ours = nmi["ours"]
        checks = {
            f"NMI >= {floor} at every random_state": min(ours) >= floor,
            f"spread <= {spread}": max(ours) - min(ours) <= spread,
        }
        if name == "short":
            checks["ours' mean above plain's"] = np.mean(ours) > np.mean(nmi["plain"])
        for what, ok in checks.items():
            print(f"check {name}: {what}: {'PASS' if ok else 'FAIL'}")
    return nmi


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="whole,short")
    parser.add_argument("--seeds", type=int, default=10, help="random states 0..N-1 (default 10)")
    parser.add_argument(
        "--no-k-none", action="store_true", help="skip the k=None (two levels) part"
    )
    parser.add_argument(
        "--levels-only", action="store_true", help="only the k=None (two levels) part"
    )
    parser.add_argument(
        "--shuffles", type=int, default=5, help="row orders tried per corpus (default 5)"
    )
    parser.add_argument("--no-whole-slice", action="store_true", help="skip AllSides' whole slice")
    args = parser.parse_args()
    if not BBC.is_file():
        raise SystemExit(
            f"BBC News data not found at {BBC} (../shared/data/bbc beside the checkout)"
        )
    corpus = load_corpus(BBC)
    print(f"BBC News through load_corpus: {len(corpus)} unique articles ({BBC})")
    built = variants(corpus)
    for name in [] if args.levels_only else args.variants.split(","):
        run_variant(name, built[name], args.seeds)
    if not args.no_k_none:
        topic_levels.run(
            corpus, plain_labels, shuffles=args.shuffles, whole_slice=not args.no_whole_slice
        )


if __name__ == "__main__":
    main()
