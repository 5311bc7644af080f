"""Silhouettes from cluster sums agree with scikit-learn's pairwise ones."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.metrics import silhouette_samples

from analysis.topics.quality import cosine_silhouette_samples, silhouettes


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_cosine_silhouettes_match_scikit_learn(dtype) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 20)).astype(dtype)
    x[:3] = 0.0  # empty articles
    x[10] = x[11]  # a duplicate
    labels = rng.integers(0, 4, size=300)
    labels[5] = 4  # a cluster of one article
    expected = silhouette_samples(x, labels, metric="cosine")
    got = cosine_silhouette_samples(x, labels)
    assert np.abs(got - expected).max() < (1e-5 if dtype == np.float32 else 1e-12)
    assert got[5] == 0.0


def test_cosine_silhouettes_of_sparse_rows() -> None:
    x = sparse.random(120, 300, density=0.05, random_state=1, format="csr")
    labels = np.random.default_rng(1).integers(0, 3, size=120)
    expected = silhouette_samples(x, labels, metric="cosine")
    assert np.abs(cosine_silhouette_samples(x, labels) - expected).max() < 1e-12


def test_silhouettes_of_separated_clusters_are_high_and_nan_when_undefined() -> None:
    rng = np.random.default_rng(2)
    centres = np.eye(3, 10)
    z = np.repeat(centres, 50, axis=0) + 0.05 * rng.normal(size=(150, 10))
    labels = np.repeat(np.arange(3), 50)
    assert np.nanmean(silhouettes(z, labels, 3, 0)) > 0.8
    assert np.isnan(silhouettes(z, np.zeros(150, dtype=np.int64), 1, 0)).all()
