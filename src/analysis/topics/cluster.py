"""Embedding (TF-IDF, LSA), k-means runs, refinement, consensus and stability."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import adjusted_rand_score
from sklearn.naive_bayes import MultinomialNB
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from analysis.errors import ParameterError
from analysis.text import TextVectors
from analysis.topics.model import LARGE_CORPUS, LSA_MIN_ARTICLES, SINGLE_THREAD_BELOW

# --------------------------------------------------------------------------------------------- helpers


def _check_corpus(corpus: pd.DataFrame) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise ParameterError(
            f"Expected a corpus DataFrame (from analysis.load_corpus), got {type(corpus).__name__}."
        )
    if len(corpus) == 0:
        raise ParameterError("The corpus is empty: there are no articles to cluster.")
    if "body" not in corpus.columns:
        raise ParameterError(
            f"The corpus has no 'body' column (columns: {list(corpus.columns)}); "
            "load it with analysis.load_corpus."
        )


def _check_k(k: object, n: int) -> None:
    if k is None:
        return
    if isinstance(k, bool) or not isinstance(k, int | np.integer):
        raise ParameterError(f"k must be a whole number or None, got {k!r} ({type(k).__name__}).")
    valid = "k = 1" if n <= 2 else f"1 <= k <= {n - 1}"
    if k < 1 or (n > 1 and k >= n):
        raise ParameterError(
            f"k={k} is out of range for {n} article(s): valid values are {valid} "
            "(fewer clusters than articles), or k=None to choose k from the data."
        )


def _seeds(random_state: int, n: int) -> list[int]:
    return [int(s) for s in np.random.SeedSequence(random_state).generate_state(n)]


def _embed(
    vectors: TextVectors, *, n_components: int, random_state: int
) -> tuple[np.ndarray, dict]:
    """Rows to cluster: L2-normalised LSA coordinates, or the TF-IDF rows themselves on small corpora."""
    x = vectors.tfidf
    n, v = x.shape
    if n < LSA_MIN_ARTICLES or v <= n_components + 1:
        return x.toarray().astype(np.float64), {"space": "TF-IDF (no LSA: small corpus)"}
    svd = TruncatedSVD(
        n_components=n_components, n_iter=5 if n <= LARGE_CORPUS else 3, random_state=random_state
    )
    if n > LARGE_CORPUS:
        rows = np.sort(
            np.random.default_rng(random_state).choice(n, size=LARGE_CORPUS, replace=False)
        )
        svd.fit(x[rows])
        z = svd.transform(x)
    else:
        z = svd.fit_transform(x)
    z = normalize(z.astype(np.float32))
    info = {
        "space": f"LSA: TruncatedSVD({n_components} components) + L2 normalisation",
        "lsa_explained_variance": round(float(svd.explained_variance_ratio_.sum()), 4),
    }
    if n > LARGE_CORPUS:
        info["lsa_fitted_on"] = f"a random sample of {LARGE_CORPUS} articles"
    return z, info


def _kmeans(z: np.ndarray, k: int, seed: int, *, n_init: int) -> np.ndarray:
    """Labels of all rows from one k-means run.

    Up to ``LARGE_CORPUS`` articles: KMeans (k-means++, ``n_init`` starts, 3 beyond 5,000 articles).
    Beyond: KMeans (one k-means++ start) fitted on a random sample of ``LARGE_CORPUS`` articles drawn with
    the run's own seed, then every article is assigned to its nearest centre (bounded time and memory).
    """
    if k == 1:
        return np.zeros(len(z), dtype=np.int64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        if len(z) > LARGE_CORPUS:
            rows = np.sort(np.random.default_rng(seed).choice(len(z), LARGE_CORPUS, replace=False))
            model = KMeans(n_clusters=k, n_init=1, random_state=seed).fit(z[rows])
            return model.predict(z).astype(np.int64)
        model = KMeans(
            n_clusters=k, n_init=n_init if len(z) <= 5000 else min(n_init, 3), random_state=seed
        )
        return model.fit_predict(z).astype(np.int64)


def _refine(x: sparse.csr_matrix, labels: np.ndarray, k: int, *, rounds: int) -> np.ndarray:
    """A few rounds of hard naive-Bayes EM on the TF-IDF rows, starting from the k-means clusters."""
    if k == 1 or rounds == 0:
        return labels
    for _ in range(rounds):
        present = np.unique(labels)
        if len(present) < 2:
            break
        nb = MultinomialNB(alpha=0.1).fit(x, labels)
        new = nb.predict(x)
        if len(np.unique(new)) < len(present) or np.array_equal(new, labels):
            break
        labels = new.astype(np.int64)
    return labels


def _canonical(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters by decreasing size; ties by the position of their first article."""
    uniq, first, sizes = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(uniq)), key=lambda i: (-sizes[i], first[i]))
    mapping = np.empty(uniq.max() + 1, dtype=np.int64)
    mapping[uniq[order]] = np.arange(len(uniq))
    return mapping[labels]


def _mean_pairwise_ari(runs: list[np.ndarray]) -> tuple[float, np.ndarray]:
    r = len(runs)
    a = np.eye(r)
    for i in range(r):
        for j in range(i + 1, r):
            a[i, j] = a[j, i] = adjusted_rand_score(runs[i], runs[j])
    if r < 2:
        return float("nan"), a
    return float(a[np.triu_indices(r, 1)].mean()), a


def _cluster_stability(final: np.ndarray, runs: list[np.ndarray], k: int) -> np.ndarray:
    """Per final cluster: best-match Jaccard with the clusters of each run, averaged over runs."""
    out = np.zeros(k)
    for run in runs:
        m = int(run.max()) + 1
        table = np.bincount(final * m + run, minlength=k * m).reshape(k, m).astype(float)
        size_f = table.sum(axis=1, keepdims=True)
        size_r = table.sum(axis=0, keepdims=True)
        jac = table / np.maximum(size_f + size_r - table, 1)
        out += jac.max(axis=1)
    return out / max(len(runs), 1)


@dataclass
class _Fit:
    labels: np.ndarray
    runs: list[np.ndarray]
    stability: float


def _cluster(
    z: np.ndarray,
    tfidf: sparse.csr_matrix,
    k: int,
    seeds: list[int],
    *,
    n_init: int,
    refine_rounds: int,
    progress: bool,
    desc: str,
) -> _Fit:
    runs = []
    it: Iterable[int] = seeds
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(seeds, desc=desc, unit="run")
    for seed in it:
        runs.append(_kmeans(z, k, seed, n_init=n_init))
    stability, ari = _mean_pairwise_ari(runs)
    # Consensus: the run that agrees best with all the others (first one on ties), then refined.
    best = int(np.argmax(ari.mean(axis=1))) if len(runs) > 1 else 0
    labels = _refine(tfidf, runs[best], k, rounds=refine_rounds)
    return _Fit(labels=labels, runs=runs, stability=stability)


# ------------------------------------------------------------------------------------------ public API


def _few_threads_on_small_corpora(func):
    """Run ``func`` with one OpenMP thread on small corpora.

    scikit-learn's k-means starts an OpenMP parallel region per iteration; on a few hundred articles the
    thread start-up costs far more than the work (9 articles: 1.3 s with 2 threads, 0.3 s with 1). Results
    are the same either way.
    """

    @functools.wraps(func)
    def wrapper(corpus, *args, **kwargs):
        try:
            small = len(corpus) < SINGLE_THREAD_BELOW
        except TypeError:
            small = False  # not a corpus: let the function raise its own clear error
        if small:
            with threadpool_limits(limits=1, user_api="openmp"):
                return func(corpus, *args, **kwargs)
        return func(corpus, *args, **kwargs)

    return wrapper
