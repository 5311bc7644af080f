"""What choosing the topics costs: ``fit_topics(k=None)`` against ``fit_topics(k=N)`` at 20,000 articles.

On generated news-like articles (``analysis.datasets.generate_articles``, 20 hidden topics), in one process and the
same run: ``fit_topics(k=None)`` (broad groups chosen by the k chart, then split into topics), the time of
the split step alone, ``fit_topics(k=N)`` at the number of topics it found (no choice at all), and the
plain recipe (TF-IDF + LSA(100) + KMeans(N, n_init=10)). Issue 18's target: the choice adds at most 30%.

Bounded at 1,000,000 articles (argued, not run here): beyond ``analysis.topics.sampled.SAMPLE_SIZE``
(20,000) articles the topics are fitted on a sample of that size and every article is then assigned by a
naive-Bayes classifier, so the choice costs what it costs at 20,000 articles; inside ``fit_topics`` the
k chart scores candidates on ``K_SELECTION_SAMPLE`` articles and each split on ``SPLIT_SAMPLE`` articles of
its group, with at most ``TOPIC_MAX`` topics, whatever the corpus size.

    .venv/bin/python benchmarks/topic_choice_speed.py            # 20,000 articles
    .venv/bin/python benchmarks/topic_choice_speed.py --n 5000
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score
from sklearn.preprocessing import normalize

from analysis.datasets import generate_articles
from analysis.topics import fit as fit_module
from analysis.topics import fit_topics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    args = parser.parse_args()
    corpus = pd.DataFrame(generate_articles(args.n, seed=0))
    corpus["id"] = [f"a{i:07d}" for i in range(len(corpus))]
    split_time = []
    original = fit_module.split_groups

    def timed(*a, **kw):
        t = time.perf_counter()
        out = original(*a, **kw)
        split_time.append(time.perf_counter() - t)
        return out

    fit_module.split_groups = timed
    try:
        t0 = time.perf_counter()
        chosen = fit_topics(corpus, random_state=0)
        t_none = time.perf_counter() - t0
    finally:
        fit_module.split_groups = original
    t0 = time.perf_counter()
    fixed = fit_topics(corpus, k=chosen.k, random_state=0)
    t_fixed = time.perf_counter() - t0
    t0 = time.perf_counter()
    text = (corpus["title"] + "\n\n" + corpus["body"]).tolist()
    x = TfidfVectorizer(max_df=0.5, min_df=5, stop_words="english").fit_transform(text)
    z = normalize(TruncatedSVD(100, random_state=0).fit_transform(x))
    plain = KMeans(chosen.k, n_init=10, random_state=0).fit_predict(z)
    t_plain = time.perf_counter() - t0
    truth = corpus["topic"]
    print(f"topic_choice_speed: {args.n:,} generated articles, 20 hidden topics, random_state=0")
    print(
        f"  k=None: {t_none:7.1f} s  -> {len(chosen.group_table)} broad groups, {chosen.k} topics, "
        f"NMI {normalized_mutual_info_score(truth, chosen.labels):.3f}"
    )
    print(f"          of which splitting the groups into topics: {sum(split_time):.1f} s")
    print(
        f"  k={chosen.k}:  {t_fixed:7.1f} s  (no choice)  "
        f"NMI {normalized_mutual_info_score(truth, fixed.labels):.3f}"
    )
    print(
        f"  plain TF-IDF + LSA + KMeans(k={chosen.k}): {t_plain:.1f} s  "
        f"NMI {normalized_mutual_info_score(truth, plain):.3f}"
    )
    print(
        f"  the choice adds {t_none / t_fixed - 1:+.0%} to fit_topics (target <= +30%); "
        f"the split step alone {sum(split_time) / t_fixed:+.0%}"
    )


if __name__ == "__main__":
    main()
