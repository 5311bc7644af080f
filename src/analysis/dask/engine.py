"""The Dask engine: parse, count tags and cluster a corpus as Dask tasks on a ``distributed`` cluster.

- :func:`load_corpus_dask`: files, folders, globs or fsspec URLs parsed partition-wise (one task per
  file, or per ~32 MB of whole lines of a large JSON Lines file) into a Parquet cache, read back as a
  ``dask.dataframe.DataFrame`` with the columns :func:`analysis.corpus.load_corpus` gives. The same article
  seen in two partitions is merged as ``load_corpus`` merges it.
- :func:`fit_topics_dask`: clusters fitted on a sample (gathered from the partitions), every article then
  assigned as one task per partition; labels come in the row order of the Dask DataFrame.
- :func:`parts_mapper`: a parse cache's parts computed as Dask tasks, for the core's functions that map
  over parts (the report's fit: :func:`analysis.topics.sampled.fit_cached`, the sample read as on pandas).
- :func:`parsed_tags`: the tags encoded partition by partition as Dask tasks, joined into the
  :class:`analysis.tags.ParsedTags` that ``tag_frequency``, ``tag_cooccurrence`` and the other tag tables
  accept in place of a corpus (they count exactly as on pandas: only integer codes and the distinct
  spellings travel back).

The core (corpus, text, topics, tags) never imports this package; it calls their public functions.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.compare.stories import (
    part_signatures,
    signatures_in_chunks,
    story_groups_from_signatures,
)
from analysis.corpus.boilerplate import find_boilerplate, strip_boilerplate
from analysis.corpus.cache import CACHE_DIR, CorpusCache
from analysis.corpus.cache.store import apply_to_part, read_part_frame
from analysis.corpus.files import collect_files
from analysis.dask.build import build_cache_dask
from analysis.dask.client import current_client, gather
from analysis.errors import CorpusError
from analysis.parallel import return_memory
from analysis.tags import ParsedTags
from analysis.tags.parse import check_corpus, encode_corpus, join_encoded, resolve_tags
from analysis.timings import step_done
from analysis.topics import fit_topics
from analysis.topics.assigner import assign_stripped, train_assigner
from analysis.topics.sampled import LEAD_WORDS, SAMPLE_SIZE, assemble_model, sample_among

__all__ = [
    "cache_corpus_dask",
    "cache_frame",
    "cached_story_groups_dask",
    "encoded_tags",
    "fit_topics_dask",
    "load_corpus_dask",
    "parsed_tags",
    "parts_mapper",
    "story_groups_dask",
    "task_mapper",
]


# ---------------------------------------------------------------------------------------------- loading
def _expand(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[str, str, str]]:
    """(file, source name, name as given) of paths, folders, globs and fsspec URLs (expanded with fsspec)."""
    out: list[tuple[str, str, str]] = []
    local: list[str | os.PathLike[str]] = []
    for raw in paths:
        text = os.fspath(raw)
        if "://" in text:
            import fsspec

            found = [f.full_name for f in fsspec.open_files(text)]
            if not found:
                raise CorpusError(f"{text}: no files match this URL")
            out.extend((url, url.rstrip("/").rsplit("/", 1)[-1], url) for url in found)
        else:
            local.append(raw)  # files, folders and glob patterns: the loader's own collect_files
    if local:
        out.extend((p.as_posix(), d, g) for p, (d, g) in collect_files(local).items())
    return sorted(dict.fromkeys(out))


def cache_corpus_dask(
    *paths: str | os.PathLike[str],
    lenient: bool = False,
    cache_dir: str | os.PathLike[str] | None = None,
    client=None,
    progress: bool = False,
) -> CorpusCache:
    """Parse files, folders, globs or fsspec URLs as Dask tasks into the Parquet cache (or find it).

    Args:
        *paths: files, folders, glob patterns or fsspec URLs (``s3://bucket/news/*.jsonl`` with s3fs
            installed).
        lenient: skip blocks that do not parse (listed in one SkippedBlocksWarning).
        cache_dir: where the Parquet cache is written; it must be reachable by the workers (a shared
            folder on a multi-machine cluster). Default ``build/corpus-cache``.
        client: a ``distributed.Client``; default the current one, or a new LocalCluster.
        progress: show a bar on stderr as the blocks are parsed.

    Returns:
        The :class:`~analysis.corpus.cache.CorpusCache`.

    Raises:
        CorpusError: as :func:`analysis.corpus.load_corpus`, naming the first bad file and line.
    """
    if not paths:
        raise CorpusError("load_corpus() needs at least one file or folder (.txt, .jsonl or .csv)")
    client = client or current_client()
    root = Path(cache_dir) if cache_dir is not None else CACHE_DIR
    return build_cache_dask(_expand(paths), root, lenient=lenient, client=client, progress=progress)


def load_corpus_dask(
    *paths: str | os.PathLike[str],
    lenient: bool = False,
    cache_dir: str | os.PathLike[str] | None = None,
    client=None,
):
    """Load a corpus as a Dask DataFrame: parsed partition-wise on the cluster (:func:`cache_corpus_dask`).

    Returns:
        A ``dask.dataframe.DataFrame`` with the columns ``load_corpus`` gives, one partition per Parquet
        part, index = row position.
    """
    return cache_frame(
        cache_corpus_dask(*paths, lenient=lenient, cache_dir=cache_dir, client=client)
    )


def cache_frame(cache: CorpusCache, columns: Sequence[str] | None = None):
    """A cached corpus as a Dask DataFrame (one partition per part; lists as Python lists)."""
    import dask
    import dask.dataframe as dd

    wanted = list(cache.columns if columns is None else columns)
    starts = np.concatenate([[0], np.cumsum([rows for _, rows in cache.parts])[:-1]]).tolist()
    meta = read_part_frame(cache.part_paths()[0], wanted, cache.extras, 0).iloc[:0]
    with dask.config.set(
        {"dataframe.convert-string": False}
    ):  # keep pandas' own str dtype, as load_corpus
        return dd.from_map(
            _read_part_at,
            [str(p) for p in cache.part_paths()],
            starts,
            args=(cache.extras, wanted),
            meta=meta,
            enforce_metadata=False,
            label="read-corpus",
        )


def _read_part_at(
    path: str, start: int, extras: Sequence[str], every: list[str], columns: list[str] | None = None
) -> pd.DataFrame:
    """One part; Dask passes ``columns`` when only some are needed (column projection)."""
    return read_part_frame(path, list(columns) if columns is not None else every, extras, start)


# --------------------------------------------------------------------------------------- partitions
def _lengths(ddf) -> list[int]:
    """Rows of each partition, counted on the first column alone (the text is not read)."""
    import dask

    counts = [dask.delayed(len)(part) for part in ddf[[ddf.columns[0]]].to_delayed()]
    return [int(n) for n in gather(current_client().compute(counts), "counting the articles")]


def _take(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    return frame.iloc[positions]


def _sample(text: list, lengths: list[int], rows: np.ndarray) -> pd.DataFrame:
    """The rows at sorted positions ``rows``: each partition is read, cut down on its worker and dropped."""
    import dask

    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    picks = []
    for part, start, length in zip(text, starts, lengths, strict=True):
        local = rows[(rows >= start) & (rows < start + length)] - start
        if len(local):
            picks.append(dask.delayed(_take)(part, local))
    return pd.concat(
        gather(current_client().compute(picks), "gathering the sample"), ignore_index=True
    )


def fit_topics_dask(
    ddf, *, k: int | None = None, random_state: int = 0, progress: bool = False, **options: Any
):
    """:func:`analysis.topics.fit_topics` on a Dask DataFrame: fit on a sample, assign every article on the cluster.

    The articles' text is never held on the cluster as a whole: the sample is cut out of each partition
    as it is read, and each partition is read again, assigned and dropped, so a worker holds about one
    partition at a time.

    Args:
        ddf: a Dask DataFrame with ``title`` and ``body`` (from ``load_corpus(..., engine="dask")``).
        k: number of clusters; None chooses k on the sample.
        random_state: seeds the sample and the fit.
        progress: show progress.
        **options: ``sample_size`` (default :data:`analysis.topics.sampled.SAMPLE_SIZE`), ``among``
            (sorted positions the sample is drawn from, e.g. one copy of each story), and options of
            ``fit_topics``.

    Returns:
        A :class:`analysis.topics.TopicModel`; ``labels[i]`` is the cluster of the i-th row of ``ddf`` as
        computed (partitions in order). Up to ``sample_size`` articles this is exactly ``fit_topics`` of
        the computed frame; beyond, the same as :func:`analysis.topics.sampled.fit_sampled` on pandas.
    """
    import dask

    client = current_client()
    group = next((c for c in ("outlet", "tag_pages") if c in ddf.columns), None)
    text = ddf[["title", "body", *([group] if group else [])]].to_delayed()
    lengths = _lengths(ddf)
    n = int(sum(lengths))
    sample_size = int(options.pop("sample_size", SAMPLE_SIZE))
    among = options.pop("among", None)
    if n <= sample_size:  # small enough for one process: exactly what fit_topics gives on pandas
        parts = gather(client.compute(text), "gathering the articles")
        frame = pd.concat(parts, ignore_index=True)
        return fit_topics(frame, k=k, random_state=random_state, progress=progress, **options)
    # drawn by article id when there are ids, as the pandas path does: the same articles in any order
    ids = ddf["id"].compute().to_numpy() if "id" in ddf.columns else None
    rows = sample_among(n, sample_size, random_state, among, ids=ids)
    sample = _sample(text, lengths, rows)
    if ids is not None:
        sample = sample.iloc[np.argsort(ids[rows], kind="stable")]
    # Each outlet's boilerplate, found on the sample and left out of every article, as on pandas
    # (analysis.topics.sampled.fit_cached).
    found = find_boilerplate(sample) if group else None
    sample = strip_boilerplate(sample, found) if found is not None else sample
    sampled = fit_topics(
        sample, k=k, random_state=random_state, progress=progress, max_words=LEAD_WORDS, **options
    )
    assigner = train_assigner(sample, sampled.labels)
    del sample
    step_done("sample fit")  # benchmarks' step times (analysis.timings); nothing unless recording
    shared = client.scatter(assigner, broadcast=True)
    assigned = client.compute([dask.delayed(assign_stripped)(part, shared, found) for part in text])
    results = gather(assigned, "assigning articles to clusters", progress=progress)
    # the workers stay up through the report: they give back what they used
    client.run(return_memory)
    frame = pd.concat(results, ignore_index=True)
    eligible = None if among is None else np.isin(np.arange(n), among)
    return assemble_model(sampled, frame, n_sample=len(rows), eligible=eligible)


def parts_mapper(cache: CorpusCache, *, progress: bool = False) -> Callable[..., list]:
    """``map_parts(fn, columns, shared=...)`` over ``cache``'s parts as Dask tasks, the one argument of
    :func:`analysis.topics.sampled.fit_cached` an engine gives (the sample, the fit and the assigner are
    the pandas engine's own, so both engines give the same model).

    Each task reads its part on a worker and computes ``fn(part, **shared)``; ``shared`` (e.g. the fitted
    assigner) is scattered to every worker once. The results come back in part order, and the workers
    then give back what they used (they stay up through the report).
    """

    def map_parts(
        fn: Callable[..., Any], columns: Sequence[str], *, shared: dict[str, Any] | None = None
    ) -> list:
        read = functools.partial(apply_to_part, fn, list(columns), tuple(cache.extras))
        what = "assigning articles to clusters"
        return _run_tasks(read, list(cache.part_tasks()), shared or {}, what, progress=progress)

    return map_parts


def task_mapper(what: str = "reading the articles", *, beside: bool = False) -> Callable[..., list]:
    """``mapper(fn, items, shared)``: ``fn(item, **shared)`` of every item as Dask tasks on the current
    cluster, the results in order; what :func:`analysis.parallel.mapped_by` takes, so that per-article work
    (people and quotations of the text sample) runs on the workers already up rather than on processes
    started beside them.

    ``beside``: this process works meanwhile (it fits the topics), so only as many tasks run at a time as
    the cluster has workers less one (:func:`_in_turn`): on two cores, one worker and this process, not
    three processes.
    """
    return functools.partial(_run_tasks, what=what, beside=beside)


def _in_turn(client, fn: Callable[..., Any], items: list, scattered: dict, window: int) -> list:
    """Futures of ``fn(item, **scattered)`` for every item, at most ``window`` of them running at a time:
    the next is submitted as one finishes (any worker may take it: a lost worker's task runs on another).
    Returns once every task has finished, its result still on the cluster."""
    from distributed import as_completed

    futures: list = []
    running = as_completed()
    for item in items:
        if len(futures) >= window:
            next(running)
        futures.append(client.submit(fn, item, pure=False, **scattered))
        running.add(futures[-1])
    for _ in running:
        pass
    return futures


def _run_tasks(
    fn: Callable[..., Any],
    items: list,
    shared: dict[str, Any],
    what: str,
    *,
    progress: bool = False,
    beside: bool = False,
) -> list:
    """``fn(item, **shared)`` of every item as a task, ``shared`` scattered to every worker once; the results
    in order. The tasks and the scattered values are released before the workers give back what they
    used (they stay up through the report). ``beside``: one task fewer at a time than there are workers."""
    client = current_client()
    scattered = {name: client.scatter(value, broadcast=True) for name, value in shared.items()}
    if beside:  # all workers but one at a time
        window = max(1, len(client.scheduler_info()["workers"]) - 1)
        futures = _in_turn(client, fn, items, scattered, window)
    else:
        futures = [client.submit(fn, item, pure=False, **scattered) for item in items]
    try:
        return gather(futures, what, progress=progress)
    finally:
        client.cancel([*futures, *scattered.values()])
        del futures, scattered
        client.run(return_memory)


def cached_story_groups_dask(cache: CorpusCache, *, progress: bool = False) -> np.ndarray:
    """Story groups of a cached corpus on the cluster: each part's signatures (kept while parsing, else
    signed from its text: :func:`analysis.compare.stories.part_signatures`) read on a worker, the copies
    joined here. The same group ids as on pandas, in the same order."""
    import dask

    sign = [dask.delayed(part_signatures)(tuple(cache.extras), task) for task in cache.part_tasks()]
    client = current_client()
    parts = gather(client.compute(sign), "grouping copies of one story", progress=progress)
    client.run(return_memory)
    return story_groups_from_signatures(parts)


def story_groups_dask(ddf, *, random_state: int = 1, progress: bool = False) -> np.ndarray:
    """:func:`analysis.compare.stories.story_groups_from_batches` on a Dask DataFrame: each partition's
    MinHash signatures are computed on its worker (only the 64 values per article travel back), then the
    copies are joined here. The same group ids as on pandas, in the same order."""
    import dask

    text = ddf[[c for c in ("title", "body") if c in ddf.columns]].to_delayed()
    signed = [dask.delayed(signatures_in_chunks)(part, random_state=random_state) for part in text]
    client = current_client()
    parts = gather(client.compute(signed), "grouping copies of one story", progress=progress)
    client.run(return_memory)  # as after assigning: the workers give back what signing used
    return story_groups_from_signatures(parts)


# -------------------------------------------------------------------------------------------- tags
def encoded_tags(ddf):
    """The ``tags`` and ``tag_pages`` of a Dask DataFrame, encoded as Dask tasks (one per partition).

    Each task turns its partition's tag lists into integer codes and the distinct spellings
    (:func:`analysis.tags.parse.encode_corpus`); only those travel back, and they are joined in partition
    order (:func:`analysis.tags.parse.join_encoded`), exactly as the whole corpus encodes them.
    """
    import dask

    wanted = [c for c in ("tags", "tag_pages", "source") if c in ddf.columns]
    if "tags" not in wanted:
        check_corpus(ddf._meta)  # the same clear error as on pandas
    parts = [dask.delayed(encode_corpus)(part) for part in ddf[wanted].to_delayed()]
    return join_encoded(gather(current_client().compute(parts), "counting the tags"))


def parsed_tags(ddf) -> ParsedTags:
    """The tags of a Dask DataFrame, parsed as Dask tasks, for any tag table in place of the corpus.

    ``tag_frequency(parsed_tags(ddf))`` equals ``tag_frequency(ddf.compute())``; so do
    ``tag_cooccurrence``, ``cooccurrence_matrix`` and the other tag tables that take a corpus.
    """
    return resolve_tags(encoded_tags(ddf))
