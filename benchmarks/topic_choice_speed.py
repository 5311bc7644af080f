"""What choosing the topics costs: ``k=None`` against ``k=N`` at 20,000 articles and at 1,000,000.

On generated news-like articles (``analysis.datasets.generate_articles``, 20 hidden topics), in one process and the
same run, wall and CPU time (this process's, all threads) with the load average before and after:

- up to ``analysis.topics.sampled.SAMPLE_SIZE`` (20,000) articles (default ``--n 20000``):
  ``fit_topics(k=None)`` (broad groups chosen by the k chart, topics from one fine ensemble merged where
  unstable: ``analysis.topics.levels.merge_topics``), the k chart and the merging alone, ``fit_topics(k=N)`` at the number of topics it found (no choice at all), and the
  plain recipe (TF-IDF + LSA(100) + KMeans(N, n_init=10));
- beyond (``--n 1000000``): the sampled path (``analysis.topics.sampled.fit_sampled``: topics fitted on a
  20,000-article sample, then every article assigned by a naive-Bayes classifier) with k unset and with
  k given; the k chart then runs on the sample, so its cost does not grow with the corpus.

Issue 18's target: the choice adds at most 30% to ``fit_topics`` at 20,000 articles and stays bounded at
1,000,000. On a shared machine wall times swing with the load; the CPU times are steadier.

    .venv/bin/python benchmarks/topic_choice_speed.py                  # 20,000 articles
    .venv/bin/python benchmarks/topic_choice_speed.py --n 1000000      # the sampled path (slow)

Beyond 20,000 the generated articles are held in memory whole: 1,000,000 of them took over 22 GB and
were killed by the OOM killer on a 23 GB machine; there, use a smaller ``--n`` (e.g. 200000).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score
from sklearn.preprocessing import normalize

from analysis.datasets import generate_articles
from analysis.topics import fit as fit_module
from analysis.topics import fit_topics
from analysis.topics.sampled import SAMPLE_SIZE, fit_sampled

CHUNK = 50_000


class Clock:
    """Wall and CPU seconds of a block, and the time spent in wrapped functions of ``fit_module``."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}

    def wrap(self, name: str) -> Callable[[], None]:
        original = getattr(fit_module, name)

        def timed(*a, **kw):
            t = time.perf_counter()
            try:
                return original(*a, **kw)
            finally:
                self.spent[name] = self.spent.get(name, 0.0) + time.perf_counter() - t

        setattr(fit_module, name, timed)
        return lambda: setattr(fit_module, name, original)

    @staticmethod
    def run(func, *args, **kwargs):
        t0, c0 = time.perf_counter(), time.process_time()
        out = func(*args, **kwargs)
        return out, time.perf_counter() - t0, time.process_time() - c0


def corpus_of(n: int) -> pd.DataFrame:
    corpus = pd.DataFrame(generate_articles(n, seed=0))
    return corpus.assign(id=[f"a{i:07d}" for i in range(len(corpus))])


def small(n: int) -> None:
    corpus = corpus_of(n)
    clock = Clock()
    restore = [clock.wrap("merge_topics"), clock.wrap("choose_k")]
    try:
        chosen, t_none, c_none = clock.run(fit_topics, corpus, random_state=0)
    finally:
        for undo in restore:
            undo()
    fixed, t_fixed, c_fixed = clock.run(fit_topics, corpus, k=chosen.k, random_state=0)
    t0 = time.perf_counter()
    text = (corpus["title"] + "\n\n" + corpus["body"]).tolist()
    x = TfidfVectorizer(max_df=0.5, min_df=5, stop_words="english").fit_transform(text)
    z = normalize(TruncatedSVD(100, random_state=0).fit_transform(x))
    plain = KMeans(chosen.k, n_init=10, random_state=0).fit_predict(z)
    t_plain = time.perf_counter() - t0
    truth = corpus["topic"]
    chart, split = clock.spent.get("choose_k", 0.0), clock.spent.get("merge_topics", 0.0)
    print(f"topic_choice_speed: {n:,} generated articles, 20 hidden topics, random_state=0")
    groups = f"{len(chosen.group_table)} broad groups, "
    _print_fits(truth, chosen, fixed, (t_none, c_none), (t_fixed, c_fixed), chart, split, groups)
    print(
        f"  plain TF-IDF + LSA + KMeans(k={chosen.k}): {t_plain:.1f} s  "
        f"NMI {normalized_mutual_info_score(truth, plain):.3f}"
    )
    print(
        f"  the choice adds {t_none / t_fixed - 1:+.0%} wall, {c_none / c_fixed - 1:+.0%} CPU to "
        f"fit_topics (target <= +30%); the k chart alone {chart / t_fixed:+.0%}, "
        f"the merging alone {split / t_fixed:+.0%} (wall)"
    )


def _print_fits(
    truth, chosen, fixed, none, given, chart: float, split: float, groups: str = ""
) -> None:
    """The fit with k chosen (its k chart and split step apart) and the fit with that k given."""
    print(
        f"  k=None: {none[0]:7.1f} s wall {none[1]:7.1f} s CPU -> {groups}{chosen.k} topics, "
        f"NMI {normalized_mutual_info_score(truth, chosen.labels):.3f}"
    )
    print(
        f"          of which the k chart {chart:.1f} s, merging the fine clusters into topics {split:.1f} s"
    )
    print(
        f"  k={chosen.k}:  {given[0]:7.1f} s wall {given[1]:7.1f} s CPU (no choice)  "
        f"NMI {normalized_mutual_info_score(truth, fixed.labels):.3f}"
    )


def large(n: int) -> None:
    corpus = corpus_of(n)

    def fit(k: int | None):
        return fit_sampled(
            lambda rows: corpus.iloc[rows],
            lambda assigner: (
                assigner.assign(corpus.iloc[i : i + CHUNK]) for i in range(0, n, CHUNK)
            ),
            n,
            k=k,
            random_state=0,
            ids=corpus["id"].to_numpy(),
        )

    clock = Clock()
    restore = [clock.wrap("merge_topics"), clock.wrap("choose_k")]
    try:
        chosen, t_none, c_none = clock.run(fit, None)
    finally:
        for undo in restore:
            undo()
    fixed, t_fixed, c_fixed = clock.run(fit, chosen.k)
    truth = corpus["topic"]
    chart, split = clock.spent.get("choose_k", 0.0), clock.spent.get("merge_topics", 0.0)
    print(
        f"topic_choice_speed: {n:,} generated articles, 20 hidden topics, random_state=0, sampled "
        f"path (fitted on {SAMPLE_SIZE:,} of them, every article assigned)"
    )
    _print_fits(truth, chosen, fixed, (t_none, c_none), (t_fixed, c_fixed), chart, split)
    print(
        f"  the choice adds {t_none - t_fixed:+.1f} s wall ({t_none / t_fixed - 1:+.0%}), "
        f"{c_none - c_fixed:+.1f} s CPU ({c_none / c_fixed - 1:+.0%}): the choice runs on the sample, "
        "so this stays what it costs at 20,000 articles"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before")
    (small if args.n <= SAMPLE_SIZE else large)(args.n)
    print(f"load average {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    main()
