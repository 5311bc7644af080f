"""Topic clusters of a large archive in bounded time and memory: fit on a sample, assign every article.

:func:`fit_sampled` fits :func:`analysis.topics.fit_topics` on a random sample of the articles (k chosen
there when not given), trains an :class:`~analysis.topics.assigner.Assigner` on that sample (news-aware term counts with the
sample's vocabulary, TF-IDF, and a multinomial naive-Bayes classifier of the sample's clusters: the same
rule ``fit_topics`` refines its clusters with), then assigns every article chunk by chunk. Only the
per-article results (cluster, fit, map position) grow with the corpus; the text is read a chunk at a time.
Cluster sizes and representatives are exact over all articles; labels, terms, silhouette and stability
come from the sample and the model's notes say so.

The same :class:`Assigner` runs on pandas chunks (:func:`fit_sampled`) and on Dask partitions
(:mod:`analysis.dask.engine`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import replace

import numpy as np
import pandas as pd

from analysis.config import LEAD_WORDS, SAMPLE_SIZE
from analysis.errors import ParameterError
from analysis.parallel import in_background, return_memory
from analysis.sampling import id_sample, sample_rows
from analysis.timings import step_done
from analysis.topics.assigner import (
    Assigner,
    SampleCounts,
    assign_stripped,
    count_sample,
    train_assigner,
)

__all__ = [
    "LEAD_WORDS",
    "SAMPLE_SIZE",
    "Assigner",
    "SampleCounts",
    "assemble_model",
    "assign_stripped",
    "count_sample",
    "fit_cached",
    "fit_sampled",
    "fit_stories",
    "id_sample",
    "sample_among",
    "sample_rows",
    "train_assigner",
]


# ------------------------------------------------------------------------------------------- the model
def fit_sampled(
    read_sample: Callable[[np.ndarray], pd.DataFrame],
    assign_all: Callable[[Assigner], Iterable[pd.DataFrame]],
    n_articles: int,
    *,
    k: int | None = None,
    random_state: int = 0,
    sample_size: int = SAMPLE_SIZE,
    progress: bool = False,
    among: np.ndarray | None = None,
    ids: np.ndarray | None = None,
):
    """Fit topics on a random sample and assign every article chunk by chunk (bounded memory).

    Args:
        read_sample: rows at the given sorted positions, as a pandas DataFrame (``title``, ``body``).
        assign_all: given the trained :class:`Assigner`, the assignment of every article, as consecutive
            frames in corpus order (e.g. :meth:`Assigner.assign` of each chunk of the corpus).
        n_articles: number of articles.
        k: number of clusters; None chooses k on the sample.
        random_state: seeds the sample and the fit.
        sample_size: articles in the sample.
        progress: show progress bars.
        among: sorted positions the sample is drawn from (e.g. one copy of each story, so that a story
            run fifty times weighs once); default every article.
        ids: the article id of each of the ``n_articles`` rows: the sample is then drawn by id
            (:func:`id_sample`) and fitted in id order, so the same articles in any row order give the
            same topics; default: by row position.

    Returns:
        An :class:`analysis.topics.TopicModel` over all ``n_articles`` (labels, fit and positions of every
        article; clusters renumbered by decreasing size over all articles).
    """
    from analysis.topics import fit_topics

    rows = sample_among(n_articles, sample_size, random_state, among, ids=ids)
    sample = read_sample(rows)
    if ids is not None:  # the sample in id order: the assigner's phrases do not depend on row order
        sample = sample.iloc[np.argsort(np.asarray(ids)[rows], kind="stable")]
    # the sample's term counts for the assigner need no clusters: counted on a worker meanwhile
    text = sample[[c for c in ("title", "body") if c in sample.columns]]
    counted = in_background(functools.partial(count_sample, text, max_words=LEAD_WORDS))
    sampled = fit_topics(
        sample, k=k, random_state=random_state, progress=progress, max_words=LEAD_WORDS
    )
    assigner = train_assigner(sample, sampled.labels, counted=counted())
    del sample, text, counted
    return_memory()  # what the fit used, given back before every article is assigned (peak memory)
    step_done("sample fit")  # benchmarks' step times (analysis.timings); nothing unless recording
    parts = list(_bar(assign_all(assigner), n_articles, progress))
    assigned = pd.concat(parts, ignore_index=True) if parts else None
    if assigned is None or len(assigned) != n_articles:
        raise ParameterError(
            f"expected {n_articles} articles from the chunks, got {0 if assigned is None else len(assigned)}"
        )
    eligible = None if among is None else np.isin(np.arange(n_articles), among)
    return assemble_model(sampled, assigned, n_sample=len(rows), eligible=eligible)


def sample_among(
    n: int,
    size: int,
    random_state: int,
    among: np.ndarray | None = None,
    *,
    ids: np.ndarray | None = None,
) -> np.ndarray:
    """:func:`sample_rows` of ``n`` rows, or of the sorted positions ``among`` when given.

    With ``ids`` (the article id of each of the ``n`` rows), the sample is the ``size`` articles whose
    ids hash lowest with ``random_state`` (:func:`id_sample`): the same articles in any row order.
    """
    pool = np.arange(n) if among is None else np.asarray(among, dtype=np.int64)
    if ids is not None:
        return pool[id_sample(np.asarray(ids)[pool], size, random_state)]
    if among is None:
        return sample_rows(n, size, random_state)
    return pool[sample_rows(len(pool), size, random_state)]


def fit_cached(
    cache,
    *,
    k: int | None = None,
    random_state: int = 0,
    sample_size: int = SAMPLE_SIZE,
    progress: bool = False,
    among: np.ndarray | None = None,
    map_parts: Callable[..., Iterable[pd.DataFrame]] | None = None,
):
    """:func:`fit_sampled` on a parse cache (:class:`analysis.corpus.cache.CorpusCache`): the sample and
    the chunks are read from its Parquet parts, headline and body (and outlet or tag pages, to leave out
    the boilerplate found on the sample: :mod:`analysis.corpus.boilerplate`). The sample is drawn by
    article id (:func:`id_sample`), so the same articles in any row order give the same topics.

    ``map_parts(fn, columns, shared=...)`` computes ``fn`` of each part, in order: by default the cache's
    own :meth:`~analysis.corpus.cache.CorpusCache.map_parts` (this machine's cores); an engine passes its
    own (the Dask engine: each part as a task on the cluster, :func:`analysis.dask.engine.parts_mapper`).
    """
    from analysis.corpus.boilerplate import find_boilerplate, strip_boilerplate

    group = "outlet" if "outlet" in cache.columns else "tag_pages"
    text = ["title", "body", group]
    found = []

    def read_sample(rows: np.ndarray) -> pd.DataFrame:
        sample = cache.take(rows, text)
        found.append(find_boilerplate(sample))
        return strip_boilerplate(sample, found[0])

    def assign_all(assigner: Assigner) -> Iterable[pd.DataFrame]:  # each part on a worker process
        # the assigner (several MB) goes to each worker process once, not with each of the parts
        mapper = cache.map_parts if map_parts is None else map_parts
        return mapper(assign_stripped, text, shared={"assigner": assigner, "boilerplate": found[0]})

    ids = cache.read(["id"])["id"].to_numpy() if "id" in cache.columns else None
    return fit_sampled(
        read_sample,
        assign_all,
        cache.n_articles,
        k=k,
        random_state=random_state,
        sample_size=sample_size,
        progress=progress,
        among=among,
        ids=ids,
    )


def _bar(chunks: Iterable[pd.DataFrame], total: int, progress: bool) -> Iterable[pd.DataFrame]:
    if not progress:
        yield from chunks
        return
    from tqdm.auto import tqdm

    with tqdm(
        total=total, desc="Assigning articles to clusters", unit="article"
    ) as bar:  # as each is done
        for chunk in chunks:
            yield chunk
            bar.update(len(chunk))


def assemble_model(
    sampled,
    assigned: pd.DataFrame,
    *,
    n_sample: int,
    eligible: np.ndarray | None = None,
    note: str | None = None,
):
    """The :class:`~analysis.topics.TopicModel` of all articles from the sample's model and every assignment.

    Args:
        sampled: the model fitted on the sample.
        assigned: ``cluster``, ``fit``, ``x``, ``y`` of every article, in corpus order.
        n_sample: size of the sample.
        eligible: articles that may be listed as a cluster's representatives (e.g. one copy per story);
            default all.
        note: the sentence saying how the clusters were found (default: on a random sample, assigned by
            naive Bayes).
    """
    k = sampled.k
    raw = assigned["cluster"].to_numpy(dtype=np.int64)
    sizes = np.bincount(raw, minlength=k)
    order = sorted(
        range(k), key=lambda c: (-sizes[c], c)
    )  # clusters by decreasing size over all articles
    mapping = np.empty(k, dtype=np.int64)
    mapping[order] = np.arange(k)
    labels = mapping[raw]
    fit = assigned["fit"].to_numpy(dtype=np.float64)
    clusters = sampled.clusters.iloc[order].reset_index(drop=True)
    clusters.index.name = "cluster"
    clusters["size"] = sizes[order]
    clusters["representatives"] = [_top(labels, fit, c, eligible) for c in range(k)]
    clusters["number"] = np.arange(1, k + 1)
    group_table = _regroup(sampled.group_table, clusters, labels, fit)
    n = len(labels)
    note = note or (
        f"The clusters were found on a random sample of {n_sample:,} of the {n:,} articles (labels, terms, "
        "silhouette and stability come from that sample); every article was then assigned to a cluster by a "
        "naive-Bayes classifier trained on the sample's clusters. Cluster sizes count all articles."
    )
    settings = {
        **sampled.settings,
        "fitted_on": f"a random sample of {n_sample:,} articles (random_state={sampled.random_state})",
        "assignment": "multinomial naive Bayes on TF-IDF (sample vocabulary), in chunks",
    }
    return replace(
        sampled,
        labels=labels,
        n_articles=n,
        clusters=clusters,
        positions=assigned[["x", "y"]].to_numpy(dtype=np.float64),
        notes=[*sampled.notes, note] if n > n_sample else list(sampled.notes),
        settings=settings,
        fit=fit,
        ids=None,  # the sample's; the caller knows every article's id
        space=sampled.space.reordered(np.asarray(order)) if sampled.space is not None else None,
        group_table=group_table,
    )


def _regroup(
    table: pd.DataFrame, clusters: pd.DataFrame, labels: np.ndarray, fit: np.ndarray
) -> pd.DataFrame:
    """The broad groups over all articles: sizes, topics (renumbered) and representatives recounted."""
    if "group" not in clusters.columns or len(table) == 0:
        return table
    topic_groups = clusters["group"].to_numpy(dtype=np.int64)
    rows = topic_groups[labels]
    return table.assign(
        size=np.bincount(rows, minlength=len(table)),
        topics=[[int(t) for t in np.flatnonzero(topic_groups == g)] for g in range(len(table))],
        representatives=[_top(rows, fit, g, None) for g in range(len(table))],
    )


def _top(
    labels: np.ndarray, fit: np.ndarray, cluster: int, eligible: np.ndarray | None, n: int = 5
) -> list[int]:
    members = np.flatnonzero((labels == cluster) & (True if eligible is None else eligible))
    best = members[np.lexsort((members, -fit[members]))][:n]
    return [int(i) for i in best]


def fit_stories(
    corpus: pd.DataFrame,
    groups: np.ndarray,
    first: np.ndarray,
    *,
    k: int | None = None,
    random_state: int = 0,
    progress: bool = False,
    baseline=None,
):
    """:func:`analysis.topics.fit_topics` on one copy of each story; every copy takes its story's cluster.

    A story run fifty times (syndicated, or re-run with small edits) then weighs once in the clusters, as
    one article would, while cluster sizes still count every article.

    Args:
        corpus: the corpus (``title``, ``body``).
        groups: the story group of each article (:func:`analysis.compare.story_groups`).
        first: boolean mask of each group's copy the clusters are fitted on
            (:func:`analysis.compare.representatives`).
        k: number of clusters; None chooses it from the data.
        random_state: seeds the fit.
        progress: show progress bars.
        baseline: last report's model: its topics seeded into the fit (``fit_topics(..., baseline=...,
            align=False)``); the caller aligns the model with it (:func:`analysis.topics.align_topics`).

    Returns:
        An :class:`analysis.topics.TopicModel` over every article of ``corpus``; exactly ``fit_topics``
        when no story has two copies.
    """
    from analysis.topics import fit_topics

    rows = np.flatnonzero(first)
    options = {"k": k, "random_state": random_state, "progress": progress}
    if baseline is not None:
        options.update(baseline=baseline, align=False)
    if len(rows) == len(corpus):
        return fit_topics(corpus, **options)
    sampled = fit_topics(corpus.iloc[rows].reset_index(drop=True), **options)
    ids = np.asarray(groups)
    story = pd.Series(np.arange(len(rows)), index=ids[rows]).loc[ids].to_numpy()
    assigned = pd.DataFrame(
        {
            "cluster": sampled.labels[story],
            "fit": sampled.fit[story],
            "x": sampled.positions[story, 0],
            "y": sampled.positions[story, 1],
        }
    )
    note = (
        f"The clusters were found on one copy of each story ({len(rows):,} stories among {len(corpus):,} "
        "articles), so a story run many times weighs once; each copy then takes its story's cluster. "
        "Cluster sizes count all articles."
    )
    model = assemble_model(sampled, assigned, n_sample=len(rows), eligible=first, note=note)
    settings = {
        **model.settings,
        "fitted_on": f"one copy of each of {len(rows):,} stories",
        "assignment": "each copy takes its story's cluster",
    }
    return replace(model, settings=settings)
