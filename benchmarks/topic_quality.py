"""Topic quality on real labelled news: BBC News (2,225 articles, 5 editor categories).

Prints, in one run on the same data, NMI and ARI against the editors' categories for
- ours: ``analysis.topics.fit_topics(k=5)`` at random_state 0..4, and ``fit_topics(k=None)`` (chosen k);
- plain: the scikit-learn recipe ``TfidfVectorizer(max_df=0.5, min_df=5, stop_words="english")`` +
  ``KMeans(5)`` (default ``n_init``), at the same random states;
plus the wall time of each fit. Floors from issue 3: NMI >= 0.90 for every random state with k=5; with
k=None a chosen k in 4..8 and NMI >= 0.80.

    .venv/bin/python benchmarks/topic_quality.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

sys.path.insert(0, str(Path(__file__).parent))

from analysis.config import SHARED_DIR
from analysis.topics import fit_topics

BBC = SHARED_DIR / "data" / "bbc" / "bbc.jsonl"


def main() -> None:
    if not BBC.is_file():
        raise SystemExit(
            f"BBC News data not found at {BBC} (../shared/data/bbc beside the checkout)"
        )
    df = pd.read_json(BBC, lines=True)
    truth = df["category"]
    print(f"BBC News: {len(df)} articles, {truth.nunique()} categories ({BBC})")
    print(
        f"{'random_state':>12}  {'ours NMI':>8} {'ours ARI':>8} {'time':>6}   {'plain NMI':>9} {'plain ARI':>9} {'time':>6}"
    )
    ours_nmi, plain_nmi = [], []
    x_plain = None
    for rs in range(5):
        t0 = time.perf_counter()
        model = fit_topics(df, k=5, random_state=rs)
        t1 = time.perf_counter()
        if x_plain is None:
            vec = TfidfVectorizer(max_df=0.5, min_df=5, stop_words="english")
            x_plain = vec.fit_transform(df["body"])
        plain = KMeans(5, random_state=rs).fit_predict(x_plain)
        t2 = time.perf_counter()
        a, b = (
            normalized_mutual_info_score(truth, model.labels),
            normalized_mutual_info_score(truth, plain),
        )
        ours_nmi.append(a)
        plain_nmi.append(b)
        print(
            f"{rs:>12}  {a:8.3f} {adjusted_rand_score(truth, model.labels):8.3f} {t1 - t0:5.1f}s   "
            f"{b:9.3f} {adjusted_rand_score(truth, plain):9.3f} {t2 - t1:5.1f}s",
            flush=True,
        )
    print(
        f"{'min..max':>12}  {min(ours_nmi):.3f}..{max(ours_nmi):.3f}{'':12}{min(plain_nmi):.3f}..{max(plain_nmi):.3f}"
    )
    print(
        f"floor k=5: NMI >= 0.90 at every random_state: {'PASS' if min(ours_nmi) >= 0.90 else 'FAIL'}"
    )
    print("\nk chosen from the data (k=None, random_state=0):")
    t0 = time.perf_counter()
    model = fit_topics(df, random_state=0)
    elapsed = time.perf_counter() - t0
    nmi = normalized_mutual_info_score(truth, model.labels)
    print(model.k_scores.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print(
        f"chosen k = {model.k}, NMI {nmi:.3f}, ARI {adjusted_rand_score(truth, model.labels):.3f}, "
        f"{elapsed:.1f}s; floor (4 <= k <= 8 and NMI >= 0.80): "
        f"{'PASS' if 4 <= model.k <= 8 and nmi >= 0.80 else 'FAIL'}"
    )
    print("\nclusters (k=None):")
    print(model.clusters[["size", "label", "silhouette", "stability", "strength"]].to_string())


if __name__ == "__main__":
    main()
