"""Choosing the number of clusters from the data."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning

from analysis.topics.cluster import _mean_pairwise_ari
from analysis.topics.model import K_SELECTION_SAMPLE
from analysis.topics.quality import _silhouettes


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
        rows = np.sort(
            np.random.default_rng(random_state).choice(n, K_SELECTION_SAMPLE, replace=False)
        )
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
