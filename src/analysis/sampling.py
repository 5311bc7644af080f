"""The seeded row sampler, in one place: which rows a fixed random sample of a corpus (or a matrix) takes.

Every step that works on a sample (the SVD and k-means of a large corpus, the k choice, silhouettes, the
sampled topic fit, the report's map and text views) draws it here, so one ``random_state`` gives the same
rows everywhere.
"""

from __future__ import annotations

import numpy as np

__all__ = ["sample_rows"]


def sample_rows(n: int, size: int, random_state: int) -> np.ndarray:
    """Sorted positions of a fixed random sample of ``size`` of ``n`` rows (all rows when ``n <= size``).

    Args:
        n: number of rows.
        size: rows in the sample.
        random_state: seeds the sample (``numpy.random.default_rng``).

    Returns:
        An int64 array of sorted row positions.

    Example:
        >>> sample_rows(5, 10, 0).tolist()
        [0, 1, 2, 3, 4]
    """
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(random_state).choice(n, size=size, replace=False))
