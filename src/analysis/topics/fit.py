"""Fit topic clusters: TF-IDF, LSA, an ensemble of k-means runs and their consensus, with labels,
trust evidence and notes for readers.

Steps of :func:`fit_topics`: news-aware TF-IDF (idf squared, see :data:`IDF_POWER`); LSA from 200 articles
up; ``n_runs`` cheap k-means runs; their consensus (the partition they agree on, from how often each pair
of articles was put together); a few rounds of naive-Bayes refinement; then labels, representative
articles, silhouettes, stability and plain-language notes.

    from analysis import load_corpus
    from analysis.topics import fit_topics
    model = fit_topics(load_corpus("seeds"), random_state=0)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
import pandas as pd

from analysis.errors import ParameterError
from analysis.text import DocumentTexts, TextVectors, vectorize
from analysis.topics import describe
from analysis.topics.align import align_topics
from analysis.topics.cluster import (
    canonical_labels,
    cluster_ensemble,
    cluster_stability,
    embed,
    fixed_threads,
    run_seeds,
)
from analysis.topics.kselect import choose_k
from analysis.topics.levels import (
    broad_groups,
    broad_is_boundary,
    broad_of_rows,
    fine_topic_count,
    group_topics,
    merge_topics,
    min_topic_size,
    nest_topics,
)
from analysis.topics.model import K_MAX, K_SELECTION_RUNS, LSA_MIN_ARTICLES, TopicModel
from analysis.topics.options import CLUSTER_MIN_DF, FitOptions, resolve_options
from analysis.topics.order import canonical_order
from analysis.topics.quality import map_positions, n_distinct, silhouettes
from analysis.topics.seed import seeded_topics
from analysis.topics.space import topic_space

#: Clustering weighs each term by its idf squared: with a handful of words per article (headline and a
#: sentence), words shared by chance are mostly common ones; squaring the idf lets the rarer, topical
#: words decide which articles belong together (on long articles it changes little).
IDF_POWER = 2.0


@fixed_threads
def fit_topics(
    corpus: pd.DataFrame,
    *,
    k: int | None = None,
    random_state: int = 0,
    progress: bool = False,
    n_runs: int | None = None,
    n_init: int = 10,
    n_components: int = 100,
    refine_rounds: int = 10,
    k_range: tuple[int, int] | None = None,
    n_terms: int = 10,
    title_weight: int | Literal["auto"] = "auto",
    min_df: float | None = None,
    max_df: float | None = None,
    max_features: int | None = 50_000,
    extra_stop_words: Iterable[str] = (),
    detect_phrases: bool = True,
    max_words: int | Literal["auto"] | None = "auto",
    baseline: TopicModel | None = None,
    align: bool = True,
) -> TopicModel:
    """Cluster a corpus into topics an editor would recognise, with evidence of each cluster's strength.

    The steps are in the module's docstring. The rows are first put in a canonical order (by ``id``, :func:`analysis.topics.order.canonical_order`),
    so the same articles in any row order give the same topics, labels and numbering; the results come
    back in the caller's row order.

    Args:
        corpus: a corpus DataFrame (``analysis.load_corpus``); ``title`` and ``body`` are used.
        k: number of topics, 1 <= k < number of articles: exactly k topics, grouped into broad groups by
            merging their centres. None chooses from the data: the broad groups at the k the k chart
            prefers (silhouette and stability over ``k_range``, widened while the best k is the largest
            tried, up to K_MAX from 200 articles on; the scores are kept in ``k_scores``), and the topics
            one fine ensemble's clusters merged where they are not stable or too small
            (:mod:`analysis.topics.levels`); ``model.groups`` maps each topic to its broad group. A topic without separation is marked mixed ("mixed: no clear topic").
        random_state: seeds every random step; the same corpus and random_state give identical results.
        progress: show tqdm progress bars for the long steps.
        n_runs, n_init, n_components, refine_rounds, k_range, n_terms, title_weight, min_df, max_words:
            the clustering options, each described in :class:`analysis.topics.options.FitOptions`
            (``None`` and ``"auto"`` adapt to the corpus size).
        max_df, max_features, extra_stop_words, detect_phrases: vectoriser options, see
            :func:`analysis.text.vectorize` (defaults adapt to the corpus size).
        baseline: an earlier model (:func:`analysis.load_model`): with k None its topics are seeded into
            the fit (:mod:`analysis.topics.seed`); then aligned with it (:func:`align_topics`).
        align: False: a baseline's topics seeded, numbered 1..k, not aligned (the caller aligns them).

    Returns:
        A :class:`TopicModel`.

    Raises:
        ParameterError: for an empty corpus, a corpus without usable terms, or an invalid option.
    """
    opts = resolve_options(
        corpus,
        k,
        n_runs=n_runs,
        n_init=n_init,
        n_components=n_components,
        refine_rounds=refine_rounds,
        n_terms=n_terms,
        title_weight=title_weight,
        max_words=max_words,
        min_df=min_df,
        k_range=k_range,
    )
    order = canonical_order(corpus)
    ordered = corpus.iloc[order].reset_index(drop=True)
    texts, vectors = _vectors(
        ordered,
        opts,
        max_df=max_df,
        max_features=max_features,
        extra_stop_words=extra_stop_words,
        detect_phrases=detect_phrases,
        progress=progress,
    )
    model = _clustered(vectors, texts, opts, k, random_state, progress, baseline, ordered.get("id"))
    model = in_row_order(_with_space(model, ordered, vectors, opts), order)
    return align_topics(model, baseline) if baseline is not None and align else model


def _clustered(
    vectors: TextVectors,
    texts: Sequence[str],
    opts: FitOptions,
    k: int | None,
    random_state: int,
    progress: bool,
    baseline: TopicModel | None,
    ids: pd.Series | None,
) -> TopicModel:
    """The model of vectorised articles: LSA, the number of clusters, the ensemble and its description;
    with a baseline and k None, the baseline's topics carried into it (:func:`seeded_topics`, by ``ids``)."""
    z, space = embed(vectors, n_components=opts.n_components, random_state=random_state)
    chosen_k, k_scores, notes, broad = _number_of_clusters(
        z, k, opts, random_state, progress=progress
    )
    topics = _topics(
        z,
        vectors,
        chosen_k,
        opts,
        broad=broad,
        k_given=k is not None,
        random_state=random_state,
        progress=progress,
    )
    seeded = None
    if baseline is not None and k is None and ids is not None:
        fresh = (topics.labels, topics.groups, topics.stability)
        known = ids.astype(str).to_numpy()
        seeded = seeded_topics(z, known, fresh, baseline, min_size=min_topic_size(len(z)))
    if seeded is not None:
        topics = _Topics(seeded.labels, seeded.k, seeded.groups, seeded.stability, topics.splits)
        notes.append(seeded.note)
    elif topics.k < chosen_k:
        notes.append(
            f"{chosen_k} clusters were asked for but only {topics.k} are distinct."
            if k is not None
            else f"k = {chosen_k} scored best, but a cluster then held too few articles to be a "
            f"topic (fewer than {min(min_topic_size(len(z)), len(z) // 4)}): {topics.k} are shown."
        )
    return _model(
        z,
        topics,
        vectors,
        texts,
        opts,
        k_scores=k_scores,
        notes=notes,
        space=space,
        k_from_data=k is None,
        random_state=random_state,
    )


def _with_space(
    model: TopicModel, corpus: pd.DataFrame, vectors: TextVectors, opts: FitOptions
) -> TopicModel:
    """The model with its articles' ids, its term space (to place new articles) and its topic numbers."""
    ids = corpus["id"].astype(str).to_numpy() if "id" in corpus.columns else None
    topics = topic_space(
        vectors, model.labels, model.k, title_weight=opts.title_weight, max_words=opts.max_words
    )
    clusters = model.clusters.assign(number=np.arange(1, model.k + 1), new=False)
    return replace(model, ids=ids, space=topics, clusters=clusters)


@dataclass(frozen=True)
class _Topics:
    """Topics numbered for readers (by size, ties: smallest id), their groups and stabilities."""

    labels: np.ndarray
    k: int
    groups: np.ndarray
    stability: np.ndarray | None
    splits: list[dict]


def _topics(
    z: np.ndarray,
    vectors: TextVectors,
    chosen_k: int,
    opts: FitOptions,
    *,
    broad: tuple[np.ndarray, np.ndarray, np.ndarray] | None,
    k_given: bool,
    random_state: int,
    progress: bool,
) -> _Topics:
    """The topics: the ensemble's clusters at ``chosen_k`` when k was given, when the k chart found a
    single cluster or below ``LSA_MIN_ARTICLES`` articles (grouped by merging their centres); else the
    clusters of one fine ensemble (:func:`fine_topic_count`) merged where they are not stable, each in
    the broad group of the k chart (``broad``) holding most of its articles; when every broad group is
    solid the topics are made to nest in them (:mod:`analysis.topics.levels`)."""
    n = len(z)
    smallest = 0 if k_given else min(min_topic_size(n), n // 4)
    if k_given or chosen_k == 1 or n < LSA_MIN_ARTICLES or broad is None:
        labels, stability, _ = _fit_at(
            z,
            vectors,
            chosen_k,
            opts,
            smallest=smallest,
            random_state=random_state,
            progress=progress,
        )
        g = int(labels.max()) + 1
        if k_given or g == 1:
            groups = group_topics(z, labels, g, random_state=random_state)
        else:  # a small corpus: each of the k chart's clusters is a topic and its own group
            groups = np.arange(g, dtype=np.int64)
        return _Topics(labels=labels, k=g, groups=groups, stability=stability, splits=[])
    # one ensemble: clusters too small to be topics are merged like unstable ones
    fine, _, runs = _fit_at(
        z,
        vectors,
        fine_topic_count(n),
        opts,
        smallest=0,
        random_state=random_state,
        progress=progress,
    )
    merged = merge_topics(fine, runs, smallest)
    k = int(merged.labels.max()) + 1
    article_broad = broad_of_rows(z, broad)
    if broad_is_boundary(z, article_broad, broad[2], random_state=random_state):
        merged, groups = nest_topics(z, merged, article_broad)
        k = len(groups)
    else:
        groups = broad_groups(merged.labels, k, article_broad)
    return _Topics(
        labels=merged.labels, k=k, groups=groups, stability=merged.stability, splits=merged.merges
    )


def _fit_at(
    z: np.ndarray,
    vectors: TextVectors,
    k: int,
    opts: FitOptions,
    *,
    smallest: int,
    random_state: int,
    progress: bool,
) -> tuple[np.ndarray, np.ndarray | None, list[np.ndarray]]:
    """Clusters of the ensemble at ``k`` (numbered by size) and each one's stability; k is lowered while
    a cluster would hold fewer than ``smallest`` articles (a topic needs a few articles); also the
    ensemble's runs (canonically numbered) that the stability compares with."""
    while True:
        fit = cluster_ensemble(
            z,
            vectors.tfidf,
            k,
            run_seeds(random_state, opts.n_runs),
            n_init=opts.n_init,
            refine_rounds=opts.refine_rounds,
            progress=progress,
            desc=f"Clustering (k={k})",
        )
        labels = canonical_labels(fit.labels)
        kk = int(labels.max()) + 1
        if kk <= 2 or np.bincount(labels).min() >= smallest:
            break
        k -= 1
    runs = [canonical_labels(r) for r in fit.runs]
    stability = cluster_stability(labels, runs, kk) if kk > 1 and len(runs) > 1 else None
    return labels, stability, runs


def _model(
    z: np.ndarray,
    topics: _Topics,
    vectors: TextVectors,
    texts: Sequence[str],
    opts: FitOptions,
    *,
    k_scores: pd.DataFrame | None,
    notes: list[str],
    space: dict,
    k_from_data: bool,
    random_state: int,
) -> TopicModel:
    """The fitted model: topics numbered by size, their table and groups, trust evidence, notes."""
    labels, k = topics.labels, topics.k
    sil = silhouettes(z, labels, k, random_state)
    fit_score = describe.fit_scores(z, labels, k)
    cleaned = describe.CleanedTexts(texts)
    clusters = describe.cluster_table(
        labels=labels,
        k=k,
        vectors_counts=vectors.counts,
        terms=vectors.terms,
        texts=cleaned,
        fit=fit_score,
        silhouettes=sil,
        stability=topics.stability,
        n_terms=opts.n_terms,
        n_articles=len(z),
    )
    group_rows = canonical_labels(topics.groups[labels])
    n, n_empty = len(z), int((np.asarray(vectors.counts.sum(axis=1)).ravel() == 0).sum())
    stability = describe.overall_stability(clusters)
    return TopicModel(
        labels=labels,
        k=k,
        random_state=random_state,
        n_articles=n,
        clusters=clusters.assign(group=_group_of_topic(labels, group_rows, k)),
        positions=map_positions(z, labels, k),
        silhouette=float(np.nanmean(sil)) if np.isfinite(sil).any() else float("nan"),
        stability=stability,
        k_scores=k_scores,
        notes=describe.caveats(
            n=n, n_empty=n_empty, clusters=clusters, stability=stability, notes=notes
        ),
        settings=describe.settings(
            opts=opts,
            vector_settings=vectors.settings,
            space=space,
            n=n,
            k_from_data=k_from_data,
            random_state=random_state,
        ),
        fit=fit_score,
        group_table=describe.group_table(
            group_rows,
            topic_groups=_group_of_topic(labels, group_rows, k),
            vectors_counts=vectors.counts,
            terms=vectors.terms,
            texts=cleaned,
            fit=fit_score,
            separation=silhouettes(z, group_rows, int(group_rows.max()) + 1, random_state),
            n_terms=opts.n_terms,
        ),
        splits=topics.splits,
    )


def _group_of_topic(labels: np.ndarray, group_rows: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros(k, dtype=np.int64)
    out[labels] = group_rows
    return out


def in_row_order(model: TopicModel, order: np.ndarray) -> TopicModel:
    """The model of rows ``order`` (canonical order) put back in the caller's row order."""
    labels = np.empty_like(model.labels)
    labels[order] = model.labels
    positions = np.empty_like(model.positions)
    positions[order] = model.positions
    fit = np.empty_like(model.fit)
    fit[order] = model.fit
    ids = None
    if model.ids is not None:
        ids = np.empty_like(model.ids)
        ids[order] = model.ids
    reps = [[int(order[i]) for i in row] for row in model.clusters["representatives"]]
    group_reps = [[int(order[i]) for i in row] for row in model.group_table["representatives"]]
    return replace(
        model,
        labels=labels,
        positions=positions,
        fit=fit,
        ids=ids,
        clusters=model.clusters.assign(representatives=reps),
        group_table=model.group_table.assign(representatives=group_reps),
    )


def _vectors(
    corpus: pd.DataFrame, opts: FitOptions, *, progress: bool, **vectorizer_options: object
) -> tuple[Sequence[str], TextVectors]:
    """The articles' texts (for labels) and their TF-IDF vectors (headline weighted, idf squared)."""
    texts = DocumentTexts(corpus, max_words=opts.max_words)
    weighted = DocumentTexts(corpus, title_weight=opts.title_weight, max_words=opts.max_words)
    options = dict(phrase_texts=texts, idf_power=IDF_POWER, progress=progress, **vectorizer_options)
    try:
        vectors = vectorize(weighted, min_df=opts.min_df, **options)
    except ParameterError:
        if opts.min_df != CLUSTER_MIN_DF or opts.min_df_given:
            raise
        vectors = vectorize(weighted, min_df=1, **options)  # no term is shared: say so below
    return texts, vectors


def _number_of_clusters(
    z: np.ndarray, k: int | None, opts: FitOptions, random_state: int, *, progress: bool
) -> tuple[int, pd.DataFrame | None, list[str], np.ndarray | None]:
    """The k to fit, the k-selection scores (None when k was given), notes about the choice and the k
    chart's broad groups at that k (:class:`KChoice` ``broad``; None when k was given or on small
    corpora)."""
    n = len(z)
    distinct = n_distinct(z)
    notes: list[str] = []
    if opts.max_words is not None:
        notes.append(
            f"Only each article's headline and the first {opts.max_words} words of its body were used "
            "to group the articles (news puts the topic in the opening paragraphs); this keeps a corpus "
            "this large quick to cluster. Pass max_words=None to use whole articles."
        )
    if k is not None:
        if k > distinct:
            raise ParameterError(
                f"k={k} is larger than the number of articles with different terms ({distinct}); "
                f"use k <= {distinct} or k=None."
            )
        if k == 1 and n > 1:
            notes.append("k=1 was asked for: all articles form one cluster, nothing is compared.")
        return int(k), None, notes, None
    low, high = opts.k_range if opts.k_range is not None else (2, min(K_MAX, n // 2))
    limit = min(n // 2, n - 1, distinct) if opts.k_range is None else min(high, n - 1, distinct)
    low, high = max(low, 2), min(high, n - 1, distinct)
    if opts.k_range is None and n >= LSA_MIN_ARTICLES:
        # the chart chooses the broad groups only (the fine ensemble finds the topics): no growth
        # beyond K_MAX (on 20,000 generated articles growing took ~40% of the chart's time)
        limit = min(limit, high)
    if high < low:
        notes.append(_one_cluster_note(n, distinct))
        return 1, None, notes, None
    choice = choose_k(
        z,
        low,
        high,
        limit,
        run_seeds(random_state, K_SELECTION_RUNS),
        random_state=random_state,
        progress=progress,
    )
    if choice.note:
        notes.append(choice.note)
    return choice.k, choice.scores, notes, choice.broad


def _one_cluster_note(n: int, distinct: int) -> str:
    if n == 1:
        return "Only 1 article: there is nothing to group, so it forms one cluster."
    if distinct < 2:
        return f"The {n} articles have the same terms: they form one cluster."
    return (
        f"With {n} articles the tool does not split them: one cluster. "
        "Clusters need at least 4 articles to be compared."
    )
