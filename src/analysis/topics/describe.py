"""What a fitted clustering says to a reader: the per-cluster table, caveats and the settings used."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.preprocessing import normalize

from analysis.config import SMALL_CORPUS
from analysis.text.tokens import clean_text
from analysis.topics.labels import ctfidf_terms, display_terms
from analysis.topics.model import (
    LARGE_CORPUS,
    MIXED_LABEL,
    STRENGTH_RULE,
    VARIED_LABEL,
)
from analysis.topics.options import FitOptions
from analysis.topics.quality import group_separated, is_mixed, strength_of
from analysis.wording import plural


def fit_scores(z: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Cosine similarity of each article to its cluster's centre (1 = typical of the cluster)."""
    centres = normalize(np.vstack([z[labels == c].mean(axis=0) for c in range(k)]))
    return np.einsum("ij,ij->i", normalize(z), centres[labels])


#: Terms in a cluster's label.
LABEL_TERMS = 3
#: A label's terms are spelled as in this many of the cluster's most typical articles.
LABEL_SAMPLE = 200


class CleanedTexts:
    """The articles' texts as labels read them (:func:`analysis.text.tokens.clean_text`), each cleaned once
    however many labels (topics and broad groups) read it."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._cleaned: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        if i not in self._cleaned:
            self._cleaned[i] = clean_text(self._texts[i])
        return self._cleaned[i]


def cluster_table(
    *,
    labels: np.ndarray,
    k: int,
    vectors_counts,
    terms: np.ndarray,
    texts: CleanedTexts,
    fit: np.ndarray,
    silhouettes: np.ndarray,
    stability: np.ndarray | None,
    n_terms: int,
    n_articles: int,
) -> pd.DataFrame:
    """One row per cluster: size, label, terms, representatives, silhouette, stability, strength, mixed.

    Labels are the cluster's three most distinctive terms, each in its most common spelling in the
    cluster's most typical articles, read after cleaning (so a dateline's ``BAGHDAD`` is never a label).
    A cluster without separation (:func:`analysis.topics.quality.is_mixed`) is labelled
    :data:`MIXED_LABEL`. ``strength`` is the badge shown everywhere (:func:`badge`).
    """
    cluster_terms = ctfidf_terms(vectors_counts, labels, k, terms, n_terms)
    rows = []
    for c in range(k):
        members = np.flatnonzero(labels == c)
        order = members[np.lexsort((members, -fit[members]))]
        csil = silhouettes[members]
        sil = float(np.nanmean(csil)) if np.isfinite(csil).any() else float("nan")
        stab = float(stability[c]) if stability is not None else float("nan")
        mixed = is_mixed(k, len(members), n_articles, sil)
        rows.append(
            {
                "size": len(members),
                "label": MIXED_LABEL if mixed else _label(cluster_terms[c], texts, order, c),
                "terms": cluster_terms[c],
                "representatives": [int(i) for i in order[:5]],
                "silhouette": sil,
                "stability": stab,
                "strength": badge(k, len(members), sil, stab, n_articles=n_articles, mixed=mixed),
                "mixed": mixed,
            }
        )
    return pd.DataFrame(rows, index=pd.RangeIndex(k, name="cluster"))


def _label(terms: list[str], texts: CleanedTexts, order: np.ndarray, c: int) -> str:
    """Up to three distinctive terms, none repeating another ("email" after "emails"), each in its most
    common spelling in the cluster's most typical articles (names stay capitalised)."""
    picked: list[str] = []
    for term in terms:
        if not any(_repeats(term, other) for other in picked):
            picked.append(term)
        if len(picked) == LABEL_TERMS:
            break
    sample = [texts[i] for i in order[:LABEL_SAMPLE]]
    label_terms = display_terms(picked, sample)
    return " · ".join(label_terms) if label_terms else f"cluster {c + 1}"


def _repeats(term: str, other: str) -> bool:
    """True when a word of one term starts with a word of the other ("Iranian" and "Iran")."""
    for a in term.split():
        for b in other.split():
            if len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a)):
                return True
    return False


def badge(
    k: int, size: int, silhouette: float, stability: float, *, n_articles: int, mixed: bool
) -> str:
    """The one strength badge of a topic (report, notebooks, explorers): "mixed" for a cluster without
    separation, never more than "tentative" on a corpus of fewer than ``SMALL_CORPUS`` articles, else
    :func:`analysis.topics.quality.strength_of`."""
    if mixed:
        return "mixed"
    strength = strength_of(k, size, silhouette, stability)
    if n_articles < SMALL_CORPUS and strength in {"solid", "moderate"}:
        return "tentative"
    return strength


def overall_stability(clusters: pd.DataFrame) -> float:
    """The one stability figure of a clustering: its topics' stabilities weighted by their sizes."""
    stab = clusters["stability"].to_numpy(dtype=float)
    ok = np.isfinite(stab)
    if len(clusters) < 2 or not ok.any():
        return float("nan")
    sizes = clusters["size"].to_numpy(dtype=float)
    return float(np.average(stab[ok], weights=sizes[ok]))


def group_table(
    group_rows: np.ndarray,
    *,
    topic_groups: np.ndarray,
    vectors_counts,
    terms: np.ndarray,
    texts: CleanedTexts,
    fit: np.ndarray,
    separation: np.ndarray,
    n_terms: int,
) -> pd.DataFrame:
    """One row per broad group: size, label, terms, representatives and its topics (0-based).

    ``separation`` is each article's silhouette among the broad groups (NaN with one group). A group of
    two or more topics that is not set apart (:func:`analysis.topics.quality.group_separated`) is
    labelled :data:`VARIED_LABEL`: its most distinctive terms would be those of its largest topic. Its
    terms are kept.
    """
    g = int(group_rows.max()) + 1
    group_terms = ctfidf_terms(vectors_counts, group_rows, g, terms, n_terms)
    rows = []
    for c in range(g):
        members = np.flatnonzero(group_rows == c)
        order = members[np.lexsort((members, -fit[members]))]
        topics = [int(t) for t in np.flatnonzero(topic_groups == c)]
        varied = len(topics) > 1 and group_separated(separation[members]) is False
        rows.append(
            {
                "size": len(members),
                "label": VARIED_LABEL if varied else _label(group_terms[c], texts, order, c),
                "terms": group_terms[c],
                "representatives": [int(i) for i in order[:5]],
                "topics": topics,
            }
        )
    return pd.DataFrame(rows, index=pd.RangeIndex(g, name="group"))


def caveats(
    *, n: int, n_empty: int, clusters: pd.DataFrame, stability: float, notes: list[str]
) -> list[str]:
    """Plain-language caveats: tiny corpus, articles without words, weak clusters, instability."""
    out = list(notes)
    if n < SMALL_CORPUS:
        what = "1 article" if n == 1 else f"{n} articles"
        out.insert(0, f"Only {what}: treat these clusters as tentative groupings, not findings.")
    if n_empty:
        out.append(
            f"{plural(n_empty, 'article')} {plural(n_empty, 'has', number=False)} no usable words after removing "
            "stop words and rare terms "
            "(e.g. an empty body); they were put in a cluster without evidence."
        )
    if len(clusters) < 2:
        return out
    for c in clusters.index[clusters["strength"] == "weak"]:
        out.append(
            f"Cluster {c + 1} ({clusters.loc[c, 'label']}) is weak: {_why_weak(clusters.loc[c])}."
        )
    if not math.isnan(stability) and stability < 0.5:
        out.append(
            f"The clustering as a whole is unstable (agreement across random states {stability:.2f} "
            "on a 0-1 scale): the grouping is one of several equally plausible ones."
        )
    return out


def _why_weak(row: pd.Series) -> str:
    why = []
    if row["size"] < 2:
        why.append("it holds a single article")
    if not math.isnan(row["silhouette"]) and row["silhouette"] < 0:
        why.append("its articles are on average closer to another cluster")
    if not math.isnan(row["stability"]) and row["stability"] < 0.5:
        why.append(f"it re-appears poorly across random states (stability {row['stability']:.2f})")
    return "; ".join(why)


def settings(
    *,
    opts: FitOptions,
    vector_settings: dict,
    space: dict,
    n: int,
    k_from_data: bool,
    random_state: int,
) -> dict:
    """The vectoriser and model settings actually used, for a methods note."""
    sample = n > LARGE_CORPUS
    return {
        **vector_settings,
        **space,
        "algorithm": (
            f"KMeans (1 k-means++ start) per run on a random sample of {LARGE_CORPUS} articles, "
            "every article then assigned to its nearest centre"
            if sample
            else "KMeans (1 k-means++ start) per run"
        ),
        "n_runs": opts.n_runs,
        "consensus": (
            "co-association of the runs (how often two articles were put together), its spectral "
            f"embedding clustered with KMeans (n_init={opts.n_init})"
        ),
        "refinement": (
            f"multinomial naive Bayes EM on TF-IDF, up to {opts.refine_rounds} rounds, from the consensus"
        ),
        "title_weight": opts.title_weight,
        "max_words": opts.max_words,
        "text_used": (
            "headline + whole body"
            if opts.max_words is None
            else f"headline + first {opts.max_words} words of the body"
        ),
        "cluster_terms": "class-based TF-IDF (c-TF-IDF)",
        "strength_rule": STRENGTH_RULE,
        "k_chosen_from_data": k_from_data,
        "random_state": random_state,
    }
