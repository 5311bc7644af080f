"""How far to trust clusters: silhouettes, strength badges, 2-D positions."""

from __future__ import annotations

import math

import numpy as np
from sklearn import config_context
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_samples

from analysis.sampling import sample_rows
from analysis.topics.model import (
    K_MAX,
    LARGE_CORPUS,
    MIXED_MIN_SHARE,
    MIXED_SILHOUETTE,
    SILHOUETTE_SAMPLE,
    SOLID_SILHOUETTE,
    SOLID_STABILITY,
)


def silhouettes(z: np.ndarray, labels: np.ndarray, k: int, random_state: int) -> np.ndarray:
    """Silhouette per article (NaN outside the sample or when undefined)."""
    n = len(labels)
    out = np.full(n, np.nan)
    if k < 2 or n < 3:
        return out
    rows = np.arange(n)
    if n > SILHOUETTE_SAMPLE:
        rows = sample_rows(n, SILHOUETTE_SAMPLE, random_state)
    lab = labels[rows]
    if not 2 <= len(np.unique(lab)) <= len(rows) - 1:
        return out
    # Bounded memory for the pairwise distances: blocks of 64 MB, 16 MB on large corpora (whose peak memory
    # matters most; the figures differ only in the last digits of float32).
    with config_context(working_memory=64 if n <= LARGE_CORPUS else 16):
        out[rows] = silhouette_samples(z[rows], lab, metric="cosine")
    return out


def map_positions(z: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """2-D map coordinates: the plane through the cluster centres (k >= 3), else the articles' PCA plane."""
    n = len(z)
    basis = np.vstack([z[labels == c].mean(axis=0) for c in range(k)]) if k >= 3 else z
    if (
        n == 1 or np.ptp(basis, axis=0).max() <= 1e-12
    ):  # one article, or all alike: nothing to spread
        return np.zeros((n, 2))
    m = min(2, len(basis) - 1, z.shape[1])
    pca = PCA(n_components=m, svd_solver="full").fit(basis)
    pos = pca.transform(z)
    if m < 2:
        pos = np.hstack([pos, np.zeros((n, 2 - m))])
    return np.asarray(pos, dtype=np.float64)


def strength_of(k: int, size: int, silhouette: float, stability: float) -> str:
    if k == 1:
        return "single cluster"
    if (
        size < 2
        or (not math.isnan(silhouette) and silhouette < 0)
        or (not math.isnan(stability) and stability < 0.5)
    ):
        return "weak"
    if (
        size >= 3
        and stability >= SOLID_STABILITY
        and not math.isnan(silhouette)
        and silhouette >= SOLID_SILHOUETTE
    ):
        return "solid"
    return "moderate"


def is_mixed(k: int, size: int, n_articles: int, silhouette: float) -> bool:
    """True for a cluster with no separation (mean silhouette below ``MIXED_SILHOUETTE``) that holds at
    least ``MIXED_MIN_SHARE`` of the articles: it is shown as "mixed: no clear topic"."""
    if k < 2 or math.isnan(silhouette):
        return False
    return silhouette < MIXED_SILHOUETTE and size >= MIXED_MIN_SHARE * n_articles


def n_distinct(z: np.ndarray) -> int:
    """Number of distinct article vectors (exact up to 5,000 articles; beyond, at least K_MAX + 1 assumed
    unless the first 5,000 are fewer)."""
    head = len(np.unique(np.round(z[:5000], 6), axis=0))
    return head if len(z) <= 5000 or head <= K_MAX else len(z)
