"""Fit topic clusters: TF-IDF (+ LSA) and k-means, with labels, trust evidence and notes for readers.

from analysis import load_corpus
from analysis.topics import fit_topics
model = fit_topics(load_corpus("seeds"), random_state=0)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd
from sklearn.preprocessing import normalize

from analysis.config import SMALL_CORPUS
from analysis.errors import ParameterError
from analysis.text import DocumentTexts, vectorize
from analysis.topics.cluster import (
    _canonical,
    _check_corpus,
    _check_k,
    _cluster,
    _cluster_stability,
    _embed,
    _few_threads_on_small_corpora,
    _seeds,
)
from analysis.topics.kselect import _choose_k
from analysis.topics.labels import _ctfidf_terms, _display
from analysis.topics.model import _STRENGTH_RULE, K_MAX, LARGE_CORPUS, LEAD_WORDS, TopicModel
from analysis.topics.quality import _n_distinct, _positions, _silhouettes, _strength


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
    if (
        n_runs < 1
        or n_init < 1
        or n_components < 2
        or n_terms < 1
        or refine_rounds < 0
        or title_weight < 1
    ):
        raise ParameterError(
            "n_runs, n_init, n_terms and title_weight must be >= 1, n_components >= 2 and refine_rounds >= 0 "
            f"(got n_runs={n_runs}, n_init={n_init}, n_components={n_components}, n_terms={n_terms}, "
            f"refine_rounds={refine_rounds}, title_weight={title_weight})."
        )
    if max_words == "auto":
        max_words = LEAD_WORDS if n > LARGE_CORPUS else None
    elif max_words is not None and (
        isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1
    ):
        raise ParameterError(
            f"max_words must be a whole number >= 1, None or 'auto', got {max_words!r}."
        )
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
            raise ParameterError(
                f"k_range must be (low, high) with 1 <= low <= high, got {k_range}."
            )
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
        z,
        vectors.tfidf,
        chosen_k,
        seeds,
        n_init=n_init,
        refine_rounds=refine_rounds,
        progress=progress,
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

    if n < SMALL_CORPUS:
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
                why.append(
                    f"it re-appears poorly across random states (stability {row['stability']:.2f})"
                )
            notes.append(f"Cluster {c + 1} ({row['label']}) is weak: {'; '.join(why)}.")
        if not math.isnan(stability) and stability < 0.5:
            notes.append(
                f"The clustering as a whole is unstable (agreement across random states {stability:.2f} "
                "on a 0-1 scale): the grouping is one of several equally plausible ones."
            )
    settings = {
        **vectors.settings,
        **space,
        "algorithm": (
            f"KMeans (1 start) per run on a random sample of {LARGE_CORPUS} articles, "
            "every article then assigned to its nearest centre"
            if n > LARGE_CORPUS
            else f"KMeans (k-means++, n_init={n_init})"
        ),
        "n_runs": n_runs,
        "consensus": "the run with the highest mean adjusted Rand index to the other runs",
        "refinement": (
            f"multinomial naive Bayes EM on TF-IDF, up to {refine_rounds} rounds, from the consensus run"
        ),
        "title_weight": title_weight,
        "max_words": max_words,
        "text_used": (
            "headline + whole body"
            if max_words is None
            else f"headline + first {max_words} words of the body"
        ),
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
