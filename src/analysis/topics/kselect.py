"""Choosing the number of clusters from the data."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning
from threadpoolctl import threadpool_limits

from analysis.sampling import sample_rows
from analysis.topics.cluster import (
    cluster_ensemble,
    cluster_stability,
    co_association_consensus,
    mean_pairwise_ari,
)
from analysis.topics.levels import min_topic_size
from analysis.topics.model import K_SELECTION_SAMPLE, LSA_MIN_ARTICLES, SMALL_CORPUS_RUNS
from analysis.topics.quality import silhouettes

#: When the best k is the largest tried, this many more are tried (until the limit).
K_GROWTH = 6
#: The chosen k is the smallest whose score reaches this share of the best score.
K_TOLERANCE = 0.9
#: Every k up to this one is scored; above it, every K_STEP-th k (a coarse grid), and then the
#: neighbours of the best and of the chosen k, until both neighbours of each are scored (coarse to fine).
K_FINE_UP_TO = 8
K_STEP = 2
#: k-means++ starts per candidate run (BBC News: with 1 start, the five desks' k was noisy enough to lose
#: to 6; 3 starts cost half as much again for the same choices).
K_SELECTION_INIT = 2


def _score_ks(
    z: np.ndarray,
    candidates: list[int],
    seeds: list[int],
    *,
    random_state: int,
    progress: bool,
) -> pd.DataFrame:
    """Score each candidate k by stability under resampling and by silhouette.

    Below ``LSA_MIN_ARTICLES`` articles the stability is that of the ensemble's consensus instead
    (:func:`_consensus_score`).

    For each k, k-means is fitted on ``len(seeds)`` random 80% subsamples (each with its own random state)
    and every fit labels all articles; ``stability`` is the mean pairwise adjusted Rand index of those
    labelings (a k that splits the data arbitrarily changes from subsample to subsample), ``silhouette``
    the mean silhouette of the first labeling. ``score = stability * (silhouette relative to the best
    candidate's, floored at 0)``; the highest score wins, the smaller k on ties.
    """
    n = len(z)
    if n > K_SELECTION_SAMPLE:
        z = z[sample_rows(n, K_SELECTION_SAMPLE, random_state)]
        n = len(z)
    # k-means++ is about twice as quick in float64 as in float32 (which scikit-learn's distances upcast
    # chunk by chunk); the sample is small
    z = np.asarray(z, dtype=np.float64)
    m = max(2, round(0.8 * n))
    records = []
    it: Iterable[int] = candidates
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(candidates, desc="Choosing k", unit="k")
    # at most K_SELECTION_SAMPLE articles: one thread (OpenMP and BLAS) is quicker than several, much
    # quicker on a busy machine (20,000 generated articles: chart in 4.6 s against 33.5 s with two BLAS
    # threads, same chart, load average 9 on 2 cores)
    with threadpool_limits(limits=1):
        for k in it:
            if n < LSA_MIN_ARTICLES:
                records.append(_consensus_score(z, k, seeds, random_state=random_state))
                continue
            runs = []
            for seed in seeds:
                sub = sample_rows(n, m, seed)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ConvergenceWarning)
                    km = KMeans(
                        n_clusters=min(k, m - 1), n_init=K_SELECTION_INIT, random_state=seed
                    ).fit(z[sub])
                runs.append(km.predict(z).astype(np.int64))
            stability, _ = mean_pairwise_ari(runs)
            sil = silhouettes(z, runs[0], k, random_state)
            records.append(
                {
                    "k": k,
                    "silhouette": float(np.nanmean(sil)) if np.isfinite(sil).any() else np.nan,
                    "stability": stability if len(runs) > 1 else np.nan,
                    "smallest": int(np.bincount(runs[0], minlength=k).min()) / n,
                    "runs": runs,
                }
            )
    return pd.DataFrame(records)


def _consensus_score(z: np.ndarray, k: int, seeds: list[int], *, random_state: int) -> dict:
    """Stability and silhouette of k on a small corpus (no LSA): single k-means runs on raw TF-IDF rows
    hardly agree with each other at any k, so the stability is that of the ensemble's consensus (the
    consensus of half the runs against that of the other half, adjusted Rand index)."""
    more = [int(s) for s in np.random.SeedSequence(seeds).generate_state(SMALL_CORPUS_RUNS)]
    fit = cluster_ensemble(z, None, k, more, n_init=3, refine_rounds=0, progress=False, desc="")
    sil = silhouettes(z, fit.labels, k, random_state)
    return {
        "k": k,
        "silhouette": float(np.nanmean(sil)) if np.isfinite(sil).any() else np.nan,
        "stability": fit.stability,
        "smallest": int(np.bincount(fit.labels, minlength=k).min()) / len(z),
    }


def _pick(scores: pd.DataFrame, n: int) -> pd.DataFrame:
    """Add ``score`` and ``chosen`` columns to the candidates' silhouette and stability.

    A candidate whose smallest cluster (share of the articles, column ``smallest``) holds fewer than
    :func:`~analysis.topics.levels.min_topic_size` articles scores 0: a topic needs a few articles.
    """
    scores = scores.sort_values("k").reset_index(drop=True)
    sil = scores["silhouette"].fillna(0.0).clip(lower=0.0)
    top = sil.max()
    rel = sil / top if top > 0 else pd.Series(1.0, index=sil.index)
    big_enough = scores["smallest"] * n >= min(min_topic_size(n), n // 4) - 1e-9
    scores["score"] = scores["stability"].fillna(1.0) * rel * big_enough
    top_score = scores["score"].max()
    # The fewest clusters scoring within K_TOLERANCE of the best: close scores are within noise.
    best = scores.index[scores["score"] >= K_TOLERANCE * top_score][0]
    scores["chosen"] = scores.index == best
    return scores


@dataclass(frozen=True)
class KChoice:
    """The chosen k, every candidate's scores, a note when the choice sits at the range's edge, and the
    consensus of the chart's runs at the chosen k (the broad groups of :mod:`analysis.topics.levels`)."""

    k: int
    scores: pd.DataFrame
    note: str | None
    #: the broad groups: rows of the chart's sample, the consensus (co-association) of the chart's
    #: k-means runs at the chosen k on those rows, and each group's stability against those runs
    #: (None on small corpora)
    broad: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None


def choose_k(
    z: np.ndarray,
    low: int,
    high: int,
    limit: int,
    seeds: list[int],
    *,
    random_state: int,
    progress: bool,
) -> KChoice:
    """Choose k in ``low..high``; while the best k is the largest tried, try more, up to ``limit``.

    The candidates are scored coarse to fine (:func:`candidate_grid`): every k up to
    :data:`K_FINE_UP_TO`, every :data:`K_STEP`-th k above, then the neighbours of the best-scoring and
    of the chosen k until both of their neighbours are scored. The range grows by :data:`K_GROWTH` at
    a time (a best k at the top of the range means the data may hold more clusters than were tried).
    When the best k is still the smallest or the largest tried, the note says so and why the range
    could not grow further.
    """
    n = len(z)
    first_high = high
    scores = _score_ks(
        z, candidate_grid(low, high), seeds, random_state=random_state, progress=progress
    )
    while True:
        picked = _pick(scores, n)
        best = int(picked.loc[picked["chosen"], "k"].iloc[0])
        if best == high and high < limit:
            more = candidate_grid(high + 1, min(limit, high + K_GROWTH))
            high = more[-1]
        else:
            top = int(picked.loc[picked["score"].idxmax(), "k"])
            tried = set(picked["k"].tolist())
            more = sorted(
                ({c + d for c in (best, top) for d in (-1, 1)} & set(range(low, high + 1))) - tried
            )
            if not more:
                break
        extra = _score_ks(z, more, seeds, random_state=random_state, progress=progress)
        scores = pd.concat([scores, extra], ignore_index=True)
    broad = None
    if "runs" in picked and best > 1:
        runs = picked.loc[picked["chosen"], "runs"].iloc[0]
        rows = sample_rows(n, K_SELECTION_SAMPLE, random_state) if n > K_SELECTION_SAMPLE else None
        consensus = co_association_consensus(runs, best, n_init=3, random_state=seeds[0])
        stability = cluster_stability(consensus, runs, best)
        broad = (np.arange(n) if rows is None else rows, consensus, stability)
    return KChoice(
        k=best,
        scores=picked.drop(columns="runs", errors="ignore"),
        note=_edge_note(best, low, first_high, high, limit),
        broad=broad,
    )


def candidate_grid(low: int, high: int) -> list[int]:
    """The coarse grid of k in ``low..high``: every k up to :data:`K_FINE_UP_TO`, every
    :data:`K_STEP`-th above it, and ``high`` itself."""
    ks = [k for k in range(low, high + 1) if k <= K_FINE_UP_TO or (k - K_FINE_UP_TO) % K_STEP == 0]
    return ks if ks and ks[-1] == high else [*ks, high]


def _edge_note(best: int, low: int, first_high: int, high: int, limit: int) -> str | None:
    grown = (
        f" The numbers of clusters tried were widened from {low}-{first_high} to {low}-{high} because "
        "the best was the largest tried."
        if high > first_high
        else ""
    )
    if best == high:
        return (
            f"The best split is into {best} clusters, the largest number of clusters tried ({low} to "
            f"{high}), so the data may hold "
            f"more topics than that.{grown} The range cannot grow further: at most {limit} clusters "
            "are tried for a corpus of this size (half the articles, or the number of articles with "
            "different terms, or k_range; from 200 articles on, at most 12 broad groups, whose "
            "topics are found inside them). Pass k=... to ask for more clusters."
        )
    if best == low and low > 2:
        return (
            f"The best split is into {best} clusters, the fewest tried ({low} to {high}); fewer were not "
            f"tried because k_range starts at {low}.{grown}"
        )
    if best == low:
        return (
            f"The best split is into {best} clusters, the fewest there can be (from {low} to {high} were "
            "tried): the articles may form no clear groups beyond two broad ones." + grown
        )
    return grown.strip() or None
