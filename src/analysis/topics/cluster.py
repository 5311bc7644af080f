"""Embedding (TF-IDF, LSA), k-means runs, refinement, consensus and stability."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy import linalg, sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import adjusted_rand_score
from sklearn.naive_bayes import MultinomialNB
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from analysis.sampling import sample_rows
from analysis.text import TextVectors
from analysis.topics.model import (
    LARGE_CORPUS,
    LSA_MIN_ARTICLES,
    SINGLE_THREAD_BELOW,
)

# --------------------------------------------------------------------------------------------- helpers


def run_seeds(random_state: int, n: int) -> list[int]:
    return [int(s) for s in np.random.SeedSequence(random_state).generate_state(n)]


def embed(vectors: TextVectors, *, n_components: int, random_state: int) -> tuple[np.ndarray, dict]:
    """Rows to cluster: L2-normalised LSA coordinates, or the TF-IDF rows themselves on small corpora."""
    x = vectors.tfidf
    n, v = x.shape
    if n < LSA_MIN_ARTICLES or v <= n_components + 1:
        return x.toarray().astype(np.float64), {"space": "TF-IDF (no LSA: small corpus)"}
    svd = TruncatedSVD(
        n_components=n_components, n_iter=5 if n <= LARGE_CORPUS else 3, random_state=random_state
    )
    if n > LARGE_CORPUS:
        rows = sample_rows(n, LARGE_CORPUS, random_state)
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
            rows = sample_rows(len(z), LARGE_CORPUS, seed)
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


def canonical_labels(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters by decreasing size; ties by the position of their first article."""
    uniq, first, sizes = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(uniq)), key=lambda i: (-sizes[i], first[i]))
    mapping = np.empty(uniq.max() + 1, dtype=np.int64)
    mapping[uniq[order]] = np.arange(len(uniq))
    return mapping[labels]


def mean_pairwise_ari(runs: list[np.ndarray]) -> tuple[float, np.ndarray]:
    r = len(runs)
    a = np.eye(r)
    for i in range(r):
        for j in range(i + 1, r):
            a[i, j] = a[j, i] = adjusted_rand_score(runs[i], runs[j])
    if r < 2:
        return float("nan"), a
    return float(a[np.triu_indices(r, 1)].mean()), a


def cluster_stability(final: np.ndarray, runs: list[np.ndarray], k: int) -> np.ndarray:
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
class ClusterFit:
    labels: np.ndarray
    runs: list[np.ndarray]
    stability: float


def _ensemble(
    z: np.ndarray, k: int, seeds: list[int], *, progress: bool, desc: str
) -> list[np.ndarray]:
    """One cheap k-means run (a single k-means++ start) per seed: the members of the ensemble."""
    it: Iterable[int] = seeds
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(seeds, desc=desc, unit="run")
    return [_kmeans(z, k, seed, n_init=1) for seed in it]


def co_association_consensus(
    runs: list[np.ndarray], k: int, *, n_init: int, random_state: int
) -> np.ndarray:
    """The partition that the runs agree on: k-means on the spectral embedding of their co-association.

    The co-association matrix ``C = H H^T / R`` (``H``: one column per cluster of each of the ``R`` runs,
    1 where an article is in that cluster) says how often two articles were put together. Its leading
    ``k`` eigenvectors are the left singular vectors of ``H``, computed here from the small
    ``(R k) x (R k)`` matrix ``H^T H`` (linear in the number of articles, no ``n x n`` matrix). The rows of
    that embedding, L2-normalised, are clustered with k-means (``n_init`` starts). With enough runs the
    co-association, and so the consensus, hardly depends on the random state.
    """
    n = len(runs[0])
    cols = np.concatenate([run + i * k for i, run in enumerate(runs)])
    rows = np.tile(np.arange(n), len(runs))
    h = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(n, k * len(runs)))
    # U * sigma, the rows' spectral coordinates, from the smaller of H^T H and H H^T (only the top k).
    small = n < h.shape[1]
    gram = (h @ h.T).toarray() if small else (h.T @ h).toarray()
    m = len(gram)
    values, vectors = linalg.eigh(gram, subset_by_index=[max(m - k, 0), m - 1])
    if small:
        embedding = normalize(vectors * np.sqrt(np.clip(values, 0.0, None)))
    else:
        embedding = normalize(np.asarray(h @ vectors))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state)
        return model.fit_predict(embedding).astype(np.int64)


def cluster_ensemble(
    z: np.ndarray,
    tfidf: sparse.csr_matrix,
    k: int,
    seeds: list[int],
    *,
    n_init: int,
    refine_rounds: int,
    progress: bool,
    desc: str,
) -> ClusterFit:
    """Ensemble of cheap k-means runs, their co-association consensus, then naive-Bayes refinement.

    ``runs`` returned for the per-cluster stability are the consensus partitions of the two halves of
    the ensemble (runs 1, 3, 5 ... and runs 2, 4, 6 ...), and ``stability`` is their adjusted Rand index:
    how far the answer would change with other random states. With fewer than 10 runs, or beyond
    ``LARGE_CORPUS`` articles, they are the runs themselves and their mean pairwise adjusted Rand index.
    """
    runs = _ensemble(z, k, seeds, progress=progress, desc=desc)
    if k == 1:
        return ClusterFit(labels=runs[0], runs=runs[:1], stability=float("nan"))
    if len(z) > LARGE_CORPUS:
        n_init = min(n_init, 3)
    consensus = co_association_consensus(runs, k, n_init=n_init, random_state=seeds[0])
    labels = _refine(tfidf, consensus, k, rounds=refine_rounds)
    if len(runs) < 10 or len(z) > LARGE_CORPUS:  # too few runs to halve, or bounded time
        stability, _ = mean_pairwise_ari(runs)
        return ClusterFit(labels=labels, runs=runs, stability=stability)
    halves = [
        co_association_consensus(part, k, n_init=n_init, random_state=seeds[0])
        for part in (runs[0::2], runs[1::2])
    ]
    stability = float(adjusted_rand_score(*halves))
    return ClusterFit(labels=labels, runs=halves, stability=stability)


# ------------------------------------------------------------------------------------------ public API


def fixed_threads(func):
    """Run ``func`` with one BLAS thread, and one OpenMP thread on small corpora.

    BLAS: the number of threads changes how floating-point sums are split, so the last bits of the LSA
    coordinates and distances, and now and then a choice that rests on them: AllSides 2016 (1,084 articles)
    got 35 topics with two BLAS threads and 34 with one. With one thread always, a fit gives the same
    clusters on any machine, in a notebook as in the report (whose kernel also runs one BLAS thread).

    OpenMP: scikit-learn's k-means starts a parallel region per iteration; on a few hundred articles the
    thread start-up costs far more than the work (9 articles: 1.3 s with 2 threads, 0.3 s with 1). Results
    are the same either way.
    """

    @functools.wraps(func)
    def wrapper(corpus, *args, **kwargs):
        try:
            small = len(corpus) < SINGLE_THREAD_BELOW
        except TypeError:
            small = False  # not a corpus: let the function raise its own clear error
        with threadpool_limits(limits=1, user_api="blas"):
            if small:
                with threadpool_limits(limits=1, user_api="openmp"):
                    return func(corpus, *args, **kwargs)
            return func(corpus, *args, **kwargs)

    return wrapper
