"""A canonical row order, so that the same articles in any order give the same topics.

Every stochastic step of :func:`analysis.topics.fit_topics` runs on the rows sorted by article ``id``
(content-derived by the loader), ties and missing ids broken by a hash of the headline and body; the
results are then put back in the caller's row order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.corpus import article_id


def canonical_order(corpus: pd.DataFrame) -> np.ndarray:
    """Row positions of ``corpus`` sorted by ``id``, then by a hash of the headline and body.

    Args:
        corpus: a corpus DataFrame (``title`` and ``body``; ``id`` when present).

    Returns:
        A permutation of ``range(len(corpus))``: ``corpus.iloc[order]`` is the same for any row order of
        the same articles (rows identical in id, headline and body are interchangeable).
    """
    n = len(corpus)
    ids = (
        corpus["id"].astype(str).to_numpy()
        if "id" in corpus.columns
        else np.full(n, "", dtype=object)
    )
    if "id" in corpus.columns and pd.Series(ids).is_unique:
        return np.argsort(ids, kind="stable")
    titles = corpus["title"].astype(str) if "title" in corpus.columns else pd.Series([""] * n)
    bodies = corpus["body"].fillna("").astype(str)
    content = np.asarray(
        [article_id(t, b) for t, b in zip(titles, bodies, strict=True)], dtype=object
    )
    keys = pd.DataFrame({"id": ids, "content": content})
    return keys.sort_values(["id", "content"], kind="stable").index.to_numpy()
