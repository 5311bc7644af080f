"""Cluster labels and terms by class-based TF-IDF."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from scipy import sparse


def ctfidf_terms(
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


def display_term(term: str, texts: Iterable[str]) -> str:
    """The most common spelling of a term in some texts ("poland" -> "Poland"), for labels.

    All-caps forms of words longer than 4 letters ("BAGHDAD" from a dateline or a headline in capitals)
    are used only when the term is never written otherwise; acronyms ("NATO", "U.S.") are kept.
    """
    if " " in term:
        pattern = re.compile(
            r"\b" + r"\s+".join(map(re.escape, term.split())) + r"\b", re.IGNORECASE
        )
    else:
        pattern = re.compile(r"(?<![\w'’-])" + re.escape(term) + r"(?![\w-])", re.IGNORECASE)
    seen: dict[str, int] = {}
    for text in texts:
        for form in pattern.findall(text):
            form = " ".join(form.split())
            seen[form] = seen.get(form, 0) + 1
    if not seen:
        return term.upper() if term.endswith(".") else term
    # An all-caps form of a long word (a dateline, a shouted headline) only when there is no other.
    quiet = {f: c for f, c in seen.items() if not (f.isupper() and len(f) > 4)}
    return min((quiet or seen).items(), key=lambda kv: (-kv[1], kv[0]))[0]
