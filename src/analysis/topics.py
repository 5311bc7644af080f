"""Topic clusters an editor would recognise, with honest evidence of how strong each one is.

:func:`fit_topics` turns a corpus into ``k`` clusters: news-aware TF-IDF (:mod:`analysis.text`), LSA
(TruncatedSVD, then L2 normalisation) on corpora of 200 articles or more, k-means run several times with
different random states, the run that agrees best with the others kept (a consensus, so the result does
not hinge on one seed), then a few rounds of naive-Bayes refinement on the TF-IDF terms. Each cluster comes
with its size, a short label, its most distinctive terms (class-based TF-IDF: frequent in the cluster, rare
elsewhere), its most representative articles, its silhouette and its stability (how reliably it re-appears
across random states). With ``k=None`` the number of clusters is chosen from the data, and the score of
every candidate is kept. :func:`similarity_matrix` and :func:`most_similar` compare articles in the same
TF-IDF space.

    from analysis import load_corpus
    from analysis.topics import fit_topics
    model = fit_topics(load_corpus("seeds"), random_state=0)
    model.clusters[["size", "label", "strength"]]
"""

from __future__ import annotations

import functools
import math
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn import config_context
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import adjusted_rand_score, silhouette_samples
from sklearn.naive_bayes import MultinomialNB
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from analysis.errors import ParameterError
from analysis.text import DocumentTexts, TextVectors, vectorize

__all__ = ["TopicModel", "fit_topics", "most_similar", "similarity_matrix"]

#: Corpora at least this large are reduced with LSA (TruncatedSVD) before clustering.
LSA_MIN_ARTICLES = 200
#: Above this many articles: MiniBatchKMeans, and the SVD is fitted on a sample of this size.
LARGE_CORPUS = 10_000
#: Below this many articles k-means runs on one OpenMP thread (thread start-up dominates).
SINGLE_THREAD_BELOW = 1_000
#: Beyond ``LARGE_CORPUS`` articles, fit_topics(max_words="auto") reads the headline and this many words of
#: each body (the lead of a news story carries its topic).
LEAD_WORDS = 150
#: Silhouettes are computed on at most this many articles (a fixed random sample beyond).
SILHOUETTE_SAMPLE = 4000
#: When choosing k on a large corpus, candidates are compared on a sample of this size.
K_SELECTION_SAMPLE = 5000
#: Largest k tried when k is chosen from the data.
K_MAX = 12

_STRENGTH_RULE = (
    "solid: stability >= 0.8, silhouette >= 0.02 and at least 3 articles; "
    "weak: stability < 0.5, silhouette < 0 or a single article; moderate: anything else; "
    "single cluster: k = 1"
)


@dataclass(frozen=True)
class TopicModel:
    """The result of :func:`fit_topics`.

    Attributes:
        labels: cluster of each corpus row (int array, aligned with the corpus), clusters numbered by
            decreasing size (ties: the cluster whose first article comes first).
        k: number of clusters.
        random_state: the random state the model was fitted with.
        n_articles: number of articles.
        clusters: one row per cluster (index 0..k-1) with ``size``, ``label``, ``terms``,
            ``representatives`` (row positions, most representative first), ``silhouette``, ``stability``
            and ``strength`` ("solid" | "moderate" | "weak" | "single cluster").
        positions: (n, 2) map coordinates; the axes have no units, only distances matter.
        silhouette: mean silhouette of all articles (NaN when k == 1).
        stability: mean pairwise adjusted Rand index of the clusterings over several random states (NaN when
            k == 1).
        k_scores: when k was chosen from the data, one row per candidate k (``k``, ``silhouette``,
            ``stability``, ``score``, ``chosen``); None when k was given.
        notes: plain-language caveats for a reader.
        settings: the vectoriser and model settings actually used.
        fit: per-article cosine similarity to its cluster's centre (1 = typical of the cluster).
    """

    labels: np.ndarray
    k: int
    random_state: int
    n_articles: int
    clusters: pd.DataFrame
    positions: np.ndarray
    silhouette: float
    stability: float
    k_scores: pd.DataFrame | None
    notes: list[str]
    settings: dict
    fit: np.ndarray = field(repr=False)

    def assignments(self, corpus: pd.DataFrame) -> pd.DataFrame:
        """One row per article: ``id``, ``title``, ``cluster``, ``label``, ``x``, ``y``, ``fit``.

        Args:
            corpus: the corpus the model was fitted on (same rows, same order).

        Returns:
            A new DataFrame with the corpus index.

        Raises:
            ParameterError: when the corpus does not have as many rows as the model.
        """
        if len(corpus) != self.n_articles:
            raise ParameterError(
                f"The model was fitted on {self.n_articles} articles but this corpus has {len(corpus)}; "
                "pass the same corpus that was given to fit_topics."
            )
        ids = corpus["id"] if "id" in corpus.columns else pd.Series(range(len(corpus)), index=corpus.index)
        titles = corpus["title"] if "title" in corpus.columns else pd.Series("", index=corpus.index)
        return pd.DataFrame(
            {
                "id": ids.to_numpy(),
                "title": titles.to_numpy(),
                "cluster": self.labels,
                "label": self.clusters["label"].to_numpy()[self.labels],
                "x": self.positions[:, 0],
                "y": self.positions[:, 1],
                "fit": self.fit,
            },
            index=corpus.index,
        )


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


def _embed(vectors: TextVectors, *, n_components: int, random_state: int) -> tuple[np.ndarray, dict]:
    """Rows to cluster: L2-normalised LSA coordinates, or the TF-IDF rows themselves on small corpora."""
    x = vectors.tfidf
    n, v = x.shape
    if n < LSA_MIN_ARTICLES or v <= n_components + 1:
        return x.toarray().astype(np.float64), {"space": "TF-IDF (no LSA: small corpus)"}
    svd = TruncatedSVD(
        n_components=n_components, n_iter=5 if n <= LARGE_CORPUS else 3, random_state=random_state
    )
    if n > LARGE_CORPUS:
        rows = np.sort(np.random.default_rng(random_state).choice(n, size=LARGE_CORPUS, replace=False))
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
        model = KMeans(n_clusters=k, n_init=n_init if len(z) <= 5000 else min(n_init, 3), random_state=seed)
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


def _silhouettes(z: np.ndarray, labels: np.ndarray, k: int, random_state: int) -> np.ndarray:
    """Silhouette per article (NaN outside the sample or when undefined)."""
    n = len(labels)
    out = np.full(n, np.nan)
    if k < 2 or n < 3:
        return out
    rows = np.arange(n)
    if n > SILHOUETTE_SAMPLE:
        rows = np.sort(np.random.default_rng(random_state).choice(n, SILHOUETTE_SAMPLE, replace=False))
    lab = labels[rows]
    if not 2 <= len(np.unique(lab)) <= len(rows) - 1:
        return out
    # Bounded memory for the pairwise distances: blocks of 64 MB, 16 MB on large corpora (whose peak memory
    # matters most; the figures differ only in the last digits of float32).
    with config_context(working_memory=64 if n <= LARGE_CORPUS else 16):
        out[rows] = silhouette_samples(z[rows], lab, metric="cosine")
    return out


def _ctfidf_terms(
    counts: sparse.csr_matrix, labels: np.ndarray, k: int, terms: np.ndarray, n_terms: int
) -> list[list[str]]:
    """Most distinctive terms per cluster: class-based TF-IDF weighted by how much more often the term
    occurs in the cluster than in the rest of the corpus.

    ``score = tf_c * log(1 + A / f) * log(p_c / p_rest)`` where ``tf_c`` is the term's share of the
    cluster's words, ``A`` the average number of words per cluster, ``f`` the term's total count (BERTopic's
    c-TF-IDF), and ``p_c / p_rest`` the ratio of its (smoothed) share of words inside and outside the cluster;
    terms not over-represented in the cluster score zero. With one cluster, plain c-TF-IDF.
    """
    onehot = sparse.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(k, len(labels))
    )
    class_counts = np.asarray((onehot @ counts).todense(), dtype=np.float64)
    present = counts.copy()
    present.data = np.ones_like(present.data)
    class_df = np.asarray((onehot @ present).todense())
    sizes = np.bincount(labels, minlength=k)
    words = class_counts.sum(axis=1, keepdims=True)
    total = class_counts.sum(axis=0)
    tf = class_counts / np.maximum(words, 1)
    idf = np.log1p((class_counts.sum() / k) / np.maximum(total, 1))
    score = tf * idf
    if k > 1:
        v = class_counts.shape[1]
        rest = (total[None, :] - class_counts + 0.5) / (words.sum() - words + 0.5 * v)
        inside = (class_counts + 0.5) / (words + 0.5 * v)
        score = score * np.clip(np.log(inside / rest), 0.0, None)
    out = []
    for c in range(k):
        # A cluster of 4+ articles is described by terms from at least two of its articles.
        ok = (class_df[c] >= (2 if sizes[c] >= 4 else 1)) & (score[c] > 0)
        s = np.where(ok, score[c], -np.inf)
        order = np.lexsort((terms, -s))
        out.append([str(terms[i]) for i in order[:n_terms] if np.isfinite(s[i])])
    return out


def _display(term: str, texts: Iterable[str]) -> str:
    """The most common spelling of a term in some texts ("poland" -> "Poland"), for labels."""
    if " " in term:
        pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, term.split())) + r"\b", re.IGNORECASE)
    else:
        pattern = re.compile(r"(?<![\w'’-])" + re.escape(term) + r"(?![\w-])", re.IGNORECASE)
    seen: dict[str, int] = {}
    for text in texts:
        for form in pattern.findall(text):
            form = " ".join(form.split())
            seen[form] = seen.get(form, 0) + 1
    if not seen:
        return term.upper() if term.endswith(".") else term
    return min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _positions(z: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """2-D map coordinates: the plane through the cluster centres (k >= 3), else the articles' PCA plane."""
    n = len(z)
    basis = np.vstack([z[labels == c].mean(axis=0) for c in range(k)]) if k >= 3 else z
    if n == 1 or np.ptp(basis, axis=0).max() <= 1e-12:  # one article, or all alike: nothing to spread
        return np.zeros((n, 2))
    m = min(2, len(basis) - 1, z.shape[1])
    pca = PCA(n_components=m, svd_solver="full").fit(basis)
    pos = pca.transform(z)
    if m < 2:
        pos = np.hstack([pos, np.zeros((n, 2 - m))])
    return np.asarray(pos, dtype=np.float64)


def _strength(k: int, size: int, silhouette: float, stability: float) -> str:
    if k == 1:
        return "single cluster"
    if size < 2 or (not math.isnan(silhouette) and silhouette < 0) or (
        not math.isnan(stability) and stability < 0.5
    ):
        return "weak"
    if size >= 3 and stability >= 0.8 and not math.isnan(silhouette) and silhouette >= 0.02:
        return "solid"
    return "moderate"


def _n_distinct(z: np.ndarray) -> int:
    """Number of distinct article vectors (exact up to 5,000 articles; beyond, at least K_MAX + 1 assumed
    unless the first 5,000 are fewer)."""
    head = len(np.unique(np.round(z[:5000], 6), axis=0))
    return head if len(z) <= 5000 or head <= K_MAX else len(z)


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


def _choose_k(
    z: np.ndarray,
    candidates: list[int],
    seeds: list[int],
    *,
    random_state: int,
    progress: bool,
) -> pd.DataFrame:
    """Score each candidate k by stability under resampling and by silhouette.

    For each k, k-means is fitted on ``len(seeds)`` random 80% subsamples (each with its own random state)
    and every fit labels all articles; ``stability`` is the mean pairwise adjusted Rand index of those
    labelings (a k that splits the data arbitrarily changes from subsample to subsample), ``silhouette``
    the mean silhouette of the first labeling. ``score = stability * (silhouette relative to the best
    candidate's, floored at 0)``; the highest score wins, the smaller k on ties.
    """
    n = len(z)
    if n > K_SELECTION_SAMPLE:
        rows = np.sort(np.random.default_rng(random_state).choice(n, K_SELECTION_SAMPLE, replace=False))
        z = z[rows]
        n = len(z)
    m = max(2, round(0.8 * n))
    records = []
    it: Iterable[int] = candidates
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(candidates, desc="Choosing k", unit="k")
    for k in it:
        runs = []
        for seed in seeds:
            sub = np.sort(np.random.default_rng(seed).choice(n, size=m, replace=False))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                km = KMeans(n_clusters=min(k, m - 1), n_init=3, random_state=seed).fit(z[sub])
            runs.append(km.predict(z).astype(np.int64))
        stability, _ = _mean_pairwise_ari(runs)
        sil = _silhouettes(z, runs[0], k, random_state)
        records.append(
            {
                "k": k,
                "silhouette": float(np.nanmean(sil)) if np.isfinite(sil).any() else np.nan,
                "stability": stability if len(runs) > 1 else np.nan,
            }
        )
    scores = pd.DataFrame(records)
    sil = scores["silhouette"].fillna(0.0).clip(lower=0.0)
    top = sil.max()
    rel = sil / top if top > 0 else pd.Series(1.0, index=sil.index)
    scores["score"] = scores["stability"].fillna(1.0) * rel
    best = scores.sort_values(["score", "k"], ascending=[False, True]).index[0]
    scores["chosen"] = scores.index == best
    return scores


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


@_few_threads_on_small_corpora
def fit_topics(
    corpus: pd.DataFrame,
    *,
    k: int | None = None,
    random_state: int = 0,
    progress: bool = False,
    n_runs: int = 5,
    n_init: int = 10,
    n_components: int = 100,
    refine_rounds: int = 10,
    k_range: tuple[int, int] | None = None,
    n_terms: int = 10,
    title_weight: int = 3,
    min_df: float | None = None,
    max_df: float | None = None,
    max_features: int | None = 50_000,
    extra_stop_words: Iterable[str] = (),
    detect_phrases: bool = True,
    max_words: int | Literal["auto"] | None = "auto",
) -> TopicModel:
    """Cluster a corpus into topics an editor would recognise, with evidence of each cluster's strength.

    Args:
        corpus: a corpus DataFrame (``analysis.load_corpus``); ``title`` and ``body`` are used.
        k: number of clusters, 1 <= k < number of articles; None chooses k from the data (silhouette and
            stability over ``k_range``; the scores are kept in ``k_scores``).
        random_state: seeds every random step; the same corpus and random_state give identical results.
        progress: show tqdm progress bars for the long steps.
        n_runs: clusterings with different random states; the one agreeing best with the others is kept
            and their agreement is the stability evidence.
        n_init: k-means initialisations per run (the best inertia is kept).
        n_components: LSA dimensions (corpora of 200 articles or more).
        refine_rounds: at most this many rounds of naive-Bayes refinement of the k-means clusters (0: none).
        k_range: smallest and largest k tried when ``k=None``; default 2 to min(12, articles // 2).
        n_terms: distinctive terms kept per cluster.
        title_weight: the headline counts this many times in an article's terms (headlines name the topic).
        min_df, max_df, max_features, extra_stop_words, detect_phrases: vectoriser options, see
            :func:`analysis.text.vectorize` (defaults adapt to the corpus size).
        max_words: vectorise each article's headline plus only the first ``max_words`` words of its body;
            None uses the whole body; ``"auto"`` (default) uses the whole body up to 10,000 articles and the
            first :data:`LEAD_WORDS` words beyond. News is written as an inverted pyramid (the lead carries
            the topic), so on a large corpus this saves most of the tokenising time; a note says so.

    Returns:
        A :class:`TopicModel`.

    Raises:
        ParameterError: for an empty corpus, a corpus without usable terms, or an invalid ``k``.

    Example:
        >>> model = fit_topics(corpus, k=3, random_state=0)  # doctest: +SKIP
        >>> model.clusters[["size", "label", "strength"]]  # doctest: +SKIP
    """
    _check_corpus(corpus)
    n = len(corpus)
    _check_k(k, n)
    if n_runs < 1 or n_init < 1 or n_components < 2 or n_terms < 1 or refine_rounds < 0 or title_weight < 1:
        raise ParameterError(
            "n_runs, n_init, n_terms and title_weight must be >= 1, n_components >= 2 and refine_rounds >= 0 "
            f"(got n_runs={n_runs}, n_init={n_init}, n_components={n_components}, n_terms={n_terms}, "
            f"refine_rounds={refine_rounds}, title_weight={title_weight})."
        )
    if max_words == "auto":
        max_words = LEAD_WORDS if n > LARGE_CORPUS else None
    elif max_words is not None and (isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1):
        raise ParameterError(f"max_words must be a whole number >= 1, None or 'auto', got {max_words!r}.")
    texts = DocumentTexts(corpus, max_words=max_words)
    weighted = DocumentTexts(corpus, title_weight=title_weight, max_words=max_words)
    vectors = vectorize(
        weighted,
        min_df=min_df,
        max_df=max_df,
        max_features=max_features,
        extra_stop_words=extra_stop_words,
        detect_phrases=detect_phrases,
        phrase_texts=texts,
        progress=progress,
    )
    z, space = _embed(vectors, n_components=n_components, random_state=random_state)
    counts = vectors.counts
    empty = np.flatnonzero(np.asarray(counts.sum(axis=1)).ravel() == 0)
    distinct = _n_distinct(z)
    notes: list[str] = []
    if max_words is not None:
        notes.append(
            f"Only each article's headline and the first {max_words} words of its body were used to group "
            "the articles (news puts the topic in the opening paragraphs); this keeps a corpus this large "
            "quick to cluster. Pass max_words=None to use whole articles."
        )
    seeds = _seeds(random_state, n_runs)

    k_scores = None
    if k is None:
        lo, hi = k_range if k_range is not None else (2, min(K_MAX, n // 2))
        if k_range is not None and (lo < 1 or hi < lo):
            raise ParameterError(f"k_range must be (low, high) with 1 <= low <= high, got {k_range}.")
        hi = min(hi, n - 1, distinct)
        candidates = list(range(max(lo, 2), hi + 1))
        if not candidates:
            chosen_k = 1
            if n == 1:
                notes.append("Only 1 article: there is nothing to group, so it forms one cluster.")
            elif distinct < 2:
                notes.append(f"The {n} articles have the same terms: they form one cluster.")
            else:
                notes.append(
                    f"With {n} articles the tool does not split them: one cluster. "
                    "Clusters need at least 4 articles to be compared."
                )
        else:
            k_scores = _choose_k(z, candidates, seeds, random_state=random_state, progress=progress)
            chosen_k = int(k_scores.loc[k_scores["chosen"], "k"].iloc[0])
    else:
        chosen_k = int(k)
        if chosen_k > distinct:
            raise ParameterError(
                f"k={chosen_k} is larger than the number of articles with different terms ({distinct}); "
                f"use k <= {distinct} or k=None."
            )
        if chosen_k == 1 and n > 1:
            notes.append("k=1 was asked for: all articles form one cluster, nothing is compared.")

    fit = _cluster(
        z, vectors.tfidf, chosen_k, seeds, n_init=n_init, refine_rounds=refine_rounds, progress=progress,
        desc=f"Clustering (k={chosen_k})",
    )
    labels = _canonical(fit.labels)
    k_final = int(labels.max()) + 1
    if k_final < chosen_k:
        notes.append(
            f"{chosen_k} clusters were asked for but only {k_final} are distinct after refinement."
        )
    runs = [_canonical(r) for r in fit.runs]
    stability = fit.stability if k_final > 1 else float("nan")
    per_stab = _cluster_stability(labels, runs, k_final) if k_final > 1 and len(runs) > 1 else None
    sil = _silhouettes(z, labels, k_final, random_state)

    centres = np.vstack([z[labels == c].mean(axis=0) for c in range(k_final)])
    centres = normalize(centres)
    zn = normalize(z)
    fit_score = np.einsum("ij,ij->i", zn, centres[labels])
    terms = _ctfidf_terms(counts, labels, k_final, vectors.terms, n_terms)

    rows = []
    for c in range(k_final):
        members = np.flatnonzero(labels == c)
        order = members[np.lexsort((members, -fit_score[members]))]
        reps = [int(i) for i in order[:5]]
        csil = sil[members]
        csil_mean = float(np.nanmean(csil)) if np.isfinite(csil).any() else float("nan")
        cstab = float(per_stab[c]) if per_stab is not None else float("nan")
        sample_texts = [texts[i] for i in order[:20]]
        label_terms = [_display(t, sample_texts) for t in terms[c][:3]]
        rows.append(
            {
                "size": len(members),
                "label": " · ".join(label_terms) if label_terms else f"cluster {c + 1}",
                "terms": terms[c],
                "representatives": reps,
                "silhouette": csil_mean,
                "stability": cstab,
                "strength": _strength(k_final, len(members), csil_mean, cstab),
            }
        )
    clusters = pd.DataFrame(rows, index=pd.RangeIndex(k_final, name="cluster"))
    overall_sil = float(np.nanmean(sil)) if np.isfinite(sil).any() else float("nan")

    if n < 30:
        what = "1 article" if n == 1 else f"{n} articles"
        notes.insert(0, f"Only {what}: treat these clusters as tentative groupings, not findings.")
    if len(empty):
        notes.append(
            f"{len(empty)} article(s) have no usable words after removing stop words and rare terms "
            "(e.g. an empty body); they were put in a cluster without evidence."
        )
    if k_final > 1:
        for c in clusters.index[clusters["strength"] == "weak"]:
            row = clusters.loc[c]
            why = []
            if row["size"] < 2:
                why.append("it holds a single article")
            if not math.isnan(row["silhouette"]) and row["silhouette"] < 0:
                why.append("its articles are on average closer to another cluster")
            if not math.isnan(row["stability"]) and row["stability"] < 0.5:
                why.append(f"it re-appears poorly across random states (stability {row['stability']:.2f})")
            notes.append(f"Cluster {c + 1} ({row['label']}) is weak: {'; '.join(why)}.")
        if not math.isnan(stability) and stability < 0.5:
            notes.append(
                f"The clustering as a whole is unstable (agreement across random states {stability:.2f} "
                "on a 0-1 scale): the grouping is one of several equally plausible ones."
            )
    settings = {
        **vectors.settings,
        **space,
        "algorithm": (f"KMeans (1 start) per run on a random sample of {LARGE_CORPUS} articles, "
                      "every article then assigned to its nearest centre" if n > LARGE_CORPUS
                      else f"KMeans (k-means++, n_init={n_init})"),
        "n_runs": n_runs,
        "consensus": "the run with the highest mean adjusted Rand index to the other runs",
        "refinement": (
            f"multinomial naive Bayes EM on TF-IDF, up to {refine_rounds} rounds, from the consensus run"
        ),
        "title_weight": title_weight,
        "max_words": max_words,
        "text_used": ("headline + whole body" if max_words is None
                      else f"headline + first {max_words} words of the body"),
        "cluster_terms": "class-based TF-IDF (c-TF-IDF)",
        "strength_rule": _STRENGTH_RULE,
        "k_chosen_from_data": k is None,
        "random_state": random_state,
    }
    return TopicModel(
        labels=labels,
        k=k_final,
        random_state=random_state,
        n_articles=n,
        clusters=clusters,
        positions=_positions(z, labels, k_final),
        silhouette=overall_sil,
        stability=stability,
        k_scores=k_scores,
        notes=notes,
        settings=settings,
        fit=fit_score,
    )


def _vectors_for(corpus: pd.DataFrame, options: dict) -> TextVectors:
    _check_corpus(corpus)
    return vectorize(DocumentTexts(corpus), **options)


def similarity_matrix(corpus: pd.DataFrame, **options: object) -> np.ndarray:
    """Article-to-article cosine similarity in the news-aware TF-IDF space.

    Args:
        corpus: a corpus DataFrame.
        **options: vectoriser options (see :func:`analysis.text.vectorize`).

    Returns:
        An (n, n) float array, symmetric, diagonal 1.

    Raises:
        ParameterError: for an empty corpus, or more than 20,000 articles (use :func:`most_similar`).
    """
    _check_corpus(corpus)
    if len(corpus) > LARGE_CORPUS:
        raise ParameterError(
            f"A {len(corpus)} x {len(corpus)} similarity matrix would not fit in memory; "
            "use most_similar(corpus, article) for one article at a time."
        )
    x = _vectors_for(corpus, options).tfidf.astype(np.float64)
    sim = np.asarray((x @ x.T).todense())
    np.clip(sim, 0.0, 1.0, out=sim)
    np.fill_diagonal(sim, 1.0)
    return sim


def most_similar(corpus: pd.DataFrame, article: int | str, *, n: int = 5, **options: object) -> pd.DataFrame:
    """The articles most similar to one article (cosine similarity of news-aware TF-IDF).

    Args:
        corpus: a corpus DataFrame.
        article: the row position (int) or the ``id`` (str) of the article.
        n: how many to return.
        **options: vectoriser options (see :func:`analysis.text.vectorize`).

    Returns:
        Up to ``n`` rows, most similar first (ties: corpus order), the article itself excluded, with
        columns ``id``, ``title``, ``similarity``; the index is the row position in the corpus.

    Raises:
        ParameterError: for an unknown article or n < 1.
    """
    _check_corpus(corpus)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ParameterError(f"n must be a whole number >= 1, got {n!r}.")
    if isinstance(article, str):
        if "id" not in corpus.columns:
            raise ParameterError("The corpus has no 'id' column; pass the article's row position instead.")
        hits = np.flatnonzero(corpus["id"].to_numpy() == article)
        if len(hits) == 0:
            raise ParameterError(f"No article has id {article!r}; use an id from corpus['id'].")
        pos = int(hits[0])
    elif isinstance(article, int | np.integer) and not isinstance(article, bool):
        pos = int(article)
        if not 0 <= pos < len(corpus):
            raise ParameterError(
                f"Article position {pos} is out of range: the corpus has rows 0 to {len(corpus) - 1}."
            )
    else:
        raise ParameterError(f"article must be a row position (int) or an id (str), got {article!r}.")
    x = _vectors_for(corpus, options).tfidf.astype(np.float64)
    sims = np.asarray((x @ x[pos].T).todense()).ravel()
    others = np.delete(np.arange(len(corpus)), pos)
    order = others[np.lexsort((others, -sims[others]))][:n]
    ids = corpus["id"].to_numpy() if "id" in corpus.columns else np.arange(len(corpus)).astype(str)
    titles = corpus["title"].to_numpy() if "title" in corpus.columns else np.full(len(corpus), "")
    return pd.DataFrame(
        {"id": ids[order], "title": titles[order], "similarity": np.clip(sims[order], 0.0, 1.0)},
        index=pd.Index(order, name="row"),
    )
