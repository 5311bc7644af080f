"""The log-odds ratio with an informative Dirichlet prior ("Fightin' Words"), on sparse count matrices.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying
the Content of Political Conflict", Political Analysis 16(4). For a term ``w`` used ``y_a`` times in one
group (``n_a`` terms in all) and ``y_b`` times elsewhere (``n_b``), with prior pseudo-counts ``α_w``
(summing to ``α0``)::

    δ_w = log((y_a + α_w) / (n_a + α0 - y_a - α_w)) - log((y_b + α_w) / (n_b + α0 - y_b - α_w))
    σ²_w ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w)
    z_w = δ_w / σ_w

The prior is informative: ``α_w`` is proportional to how often ``w`` is used in the whole compared corpus
(plus one), scaled so that ``α0`` equals the mean size of the two sides, as scattertext's
``LogOddsRatioInformativeDirichletPrior`` does with ``scale_type="class-size"``. It shrinks the odds of
rare terms toward the corpus average, so a word seen twice cannot outrank a word seen two hundred times
more often than elsewhere. ``|z| > 1.96`` is the usual two-sided 5% threshold.

    z = log_odds_z(group_counts, total_counts)   # one row per group, against everything else
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

__all__ = ["Z_THRESHOLD", "log_odds_z", "log_odds_z_pair"]

#: Two-sided 5% threshold of a standard normal z-score.
Z_THRESHOLD = 1.96


def _prior(background: np.ndarray, size: float) -> np.ndarray:
    """Pseudo-counts proportional to ``background + 1``, summing to ``size`` (at least 1)."""
    smoothed = background.astype(np.float64) + 1.0
    return smoothed * (max(float(size), 1.0) / smoothed.sum())


def log_odds_z_pair(
    counts_a: np.ndarray, counts_b: np.ndarray, *, background: np.ndarray | None = None
) -> np.ndarray:
    """z-scores of every term for side A against side B (positive: typical of A).

    Args:
        counts_a: term counts of side A (1-D, one entry per term).
        counts_b: term counts of side B, same length.
        background: counts that set the prior's shape; default ``counts_a + counts_b``.

    Returns:
        The z-score of each term (float64, same length).
    """
    a = np.asarray(counts_a, dtype=np.float64).ravel()
    b = np.asarray(counts_b, dtype=np.float64).ravel()
    bg = a + b if background is None else np.asarray(background, dtype=np.float64).ravel()
    n_a, n_b = a.sum(), b.sum()
    alpha = _prior(bg, (n_a + n_b) / 2)
    alpha0 = alpha.sum()
    delta = np.log((a + alpha) / (n_a + alpha0 - a - alpha)) - np.log(
        (b + alpha) / (n_b + alpha0 - b - alpha)
    )
    return delta / np.sqrt(1.0 / (a + alpha) + 1.0 / (b + alpha))


def log_odds_z(group_counts: sparse.spmatrix | np.ndarray, total: np.ndarray) -> np.ndarray:
    """z-scores of every term for each group against all the other groups together.

    Args:
        group_counts: (groups x terms) counts; row ``g`` holds the terms of the articles in group ``g``
            (an article in several groups counts in each).
        total: (terms,) counts over all the compared articles, each article once; "elsewhere" for group
            ``g`` is ``total - group_counts[g]``.

    Returns:
        A dense (groups x terms) float64 array of z-scores.
    """
    rows = sparse.csr_matrix(group_counts, dtype=np.float64)
    total = np.asarray(total, dtype=np.float64).ravel()
    out = np.empty(rows.shape, dtype=np.float64)
    for g in range(rows.shape[0]):
        in_group = rows.getrow(g).toarray().ravel()
        out[g] = log_odds_z_pair(in_group, np.maximum(total - in_group, 0.0), background=total)
    return out
