"""What the report notebook needs to stay readable and bounded on an archive of any size.

- :func:`report_data`: the :class:`ReportData` the notebook works from (corpus, topic model, parse cache,
  skipped blocks, title, sizes), read from the parse cache the command built. Up to
  :attr:`ReportSizes.sample_size` articles this is ``load_corpus`` + ``fit_topics``; beyond, topics are
  fitted on a sample and every article assigned part by part on every core (or as Dask tasks).
- :func:`text_view`: the articles whose text the people, quotes and "what changed" sections read: all of
  them on a small corpus, a fixed random sample read back from the same cache on a large archive
  (:func:`analysis.report.texts.text_sample`). :func:`report_data` draws it once and can start reading
  it (people and quotations) while the topics are fitted (on a worker process, or as Dask tasks).
- :func:`map_view`: the articles the map draws: all of them up to :data:`MAP_POINTS`, else a fixed random
  sample, with a sentence that says which.
- :func:`articles_html`: every article listed (small corpora, as before), or, beyond
  :data:`FULL_TABLE_MAX` articles, the most representative articles of each cluster, with the full table
  written as a CSV file next to the report and linked.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup, escape

from analysis.compare import stories
from analysis.corpus import as_path_list
from analysis.corpus.boilerplate import strip_boilerplate
from analysis.corpus.cache import CorpusCache, cache_corpus, open_cache
from analysis.csvfile import write_csv
from analysis.engine import RUN_ENGINES, check_engine
from analysis.errors import CorpusError
from analysis.parallel import (
    in_background,
    map_in_order,
    mapped_by,
    return_memory,
    return_memory_at_once,
)
from analysis.report.html import HTMLBlock, table_html
from analysis.report.naming import corpus_title
from analysis.report.sizes import FULL_TABLE_MAX, MAP_POINTS, TEXT_SAMPLE, ReportSizes
from analysis.report.texts import TextSample, text_sample
from analysis.sampling import id_sample
from analysis.timings import step_done
from analysis.topics import TopicModel
from analysis.topics.extend import CARRIED_OVER, carried_over
from analysis.topics.sampled import fit_cached, fit_stories
from analysis.wording import plural

__all__ = [
    "FULL_TABLE_MAX",
    "MAP_POINTS",
    "ReportData",
    "ReportSizes",
    "articles_html",
    "map_table",
    "map_view",
    "report_data",
    "restricted",
    "text_view",
]

#: Representative articles listed per cluster on a large corpus.
REPRESENTATIVES = 5


@dataclass(frozen=True)
class ReportData:
    """What the report notebook works from, in one explicit object.

    Attributes:
        corpus: the corpus (pandas); on a large archive every article but no ``body`` column.
        model: its topic model.
        cache: the parse cache the corpus was read from (bodies of a sample are read back from it).
        skipped: blocks skipped in lenient mode, as a shared report names them (``file:line: reason``).
        title: the corpus name shown as the report's heading.
        sizes: the sizes beyond which the report samples.
        texts: the articles whose text the people, quotes and text sections read
            (:func:`analysis.report.texts.text_sample`).
        readings: waits for and returns ``read_texts(texts.corpus)`` (:func:`report_data`); None when no
            ``read_texts`` was given.
    """

    corpus: pd.DataFrame
    model: TopicModel
    cache: CorpusCache
    skipped: tuple[str, ...]
    title: str
    sizes: ReportSizes = field(default_factory=ReportSizes)
    texts: TextSample | None = None
    readings: Callable[[], Any] | None = None


def report_data(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    cache: str | os.PathLike[str] | None = None,
    k: int | None = None,
    random_state: int = 0,
    engine: str = "pandas",
    scheduler: str | None = None,
    title: str | None = None,
    progress: bool = False,
    lenient: bool = False,
    sizes: ReportSizes | Mapping[str, int] | None = None,
    baseline: TopicModel | None = None,
    read_texts: Callable[[pd.DataFrame], Any] | None = None,
) -> ReportData:
    """The report's corpus and topic model, read from the parse cache, with what the report says of them.

    Up to :data:`analysis.topics.sampled.SAMPLE_SIZE` articles this is ``load_corpus`` + ``fit_topics``;
    beyond, the corpus is read without its bodies and the clusters are fitted on a sample and every article
    assigned in chunks (or as Dask tasks).

    Args:
        paths: the report's files and folders (one path or a list).
        cache: the parse cache folder the command built (``python -m analysis report`` passes it); None
            parses ``paths`` into the cache (or finds it), as a plain ``jupyter nbconvert --execute`` does.
        k: number of clusters; None chooses it from the data.
        random_state: seeds every random step.
        engine: ``"pandas"`` or ``"dask"`` (clusters assigned as Dask tasks on ``scheduler``).
        scheduler: address of the Dask scheduler (``engine="dask"``); None starts a LocalCluster.
        title: the report's heading; None names the corpus after its tag page or input.
        progress: show progress bars.
        lenient: skip blocks of the inputs that do not parse (when the cache is built here).
        sizes: the sizes beyond which the report samples (:class:`ReportSizes`, or a dict of some of
            them); default :class:`ReportSizes`' defaults.
        baseline: the last report's model (``--since``): topics aligned with it (``align_topics``), or
            beyond the sample size carried over, not fitted (:mod:`analysis.topics.extend`).
        read_texts: a picklable function of the text sample's corpus (e.g. people and quotations), its
            result in :attr:`ReportData.readings`. From :attr:`ReportSizes.read_meanwhile_from` articles
            (read without bodies) it starts while the topics are fitted and assigned (a worker process on
            pandas, tasks on the cluster on Dask), else runs when asked for; the same result either way.

    Returns:
        The :class:`ReportData`.

    Raises:
        ParameterError: ``engine`` is not ``"pandas"`` or ``"dask"``.
        CorpusError: ``cache`` is not a parse cache, or an input cannot be read.
    """
    check_engine(engine, allowed=RUN_ENGINES)
    sizes = ReportSizes.of(sizes)
    sources = as_path_list(paths)
    client = _client(scheduler) if engine == "dask" else None
    found = _open_or_build(sources, cache, client=client, lenient=lenient)
    if found.n_articles > sizes.sample_size:
        return_memory_at_once()  # this process holds the archive through every section (issue 24)
    corpus, first = _corpus(found, sample_size=sizes.sample_size)
    texts = text_sample(corpus, found, max_articles=sizes.text_sample, random_state=random_state)
    # read meanwhile: on pandas on a worker process, on Dask as tasks on the cluster (_reading)
    meanwhile = texts.rows is not None and len(corpus) >= sizes.read_meanwhile_from
    readings = None if read_texts is None else _reading(read_texts, texts, meanwhile, client)
    fit = {"k": k, "random_state": random_state, "progress": progress, "baseline": baseline}
    model = _model(found, corpus, first, client, sample_size=sizes.sample_size, **fit)
    step_done("fit" if found.n_articles <= sizes.sample_size else "assignment")
    if model.ids is None and "id" in corpus.columns:  # fitted on a sample: every article's id
        model = replace(model, ids=corpus["id"].astype(str).to_numpy())
    if baseline is not None and not model.settings.get(CARRIED_OVER):
        from analysis.topics.align import align_topics

        model = align_topics(model, baseline)
    return ReportData(
        corpus=corpus,
        model=model,
        cache=found,
        skipped=tuple(_as_shared(found.skipped, sources)),
        title=title or corpus_title(corpus, sources),
        sizes=sizes,
        texts=texts,
        readings=readings,
    )


def _client(scheduler: str | None):
    """The Dask engine's client (the optional engine, imported only when chosen)."""
    from analysis.dask.client import get_client

    return get_client(scheduler, progress=False)


def _corpus(found, *, sample_size: int) -> tuple[pd.DataFrame, np.ndarray]:
    """The corpus with its story groups, and the mask of each story's first copy: every article with its
    body (each outlet's boilerplate left out) up to ``sample_size`` articles, else bodies left out (read a
    part at a time where needed), stories grouped from the signatures kept in the parts."""
    if found.n_articles <= sample_size:
        # equal to load_corpus (tested), not parsed again; each outlet's boilerplate left out
        return _with_stories(found, strip_boilerplate(_dated(found, found.read())))
    return _with_stories(
        found, _dated(found, found.read([c for c in found.columns if c != "body"]))
    )


def _reading(read_texts, texts: TextSample, meanwhile: bool, client) -> Callable[[], Any]:
    """``read_texts(texts.corpus)``: started now (``meanwhile``), else run when its result is asked for.

    On pandas it starts on a worker process; on Dask its per-article work runs as tasks on the cluster's
    workers, submitted from a thread of this process while the topics are fitted on it (the cluster is
    otherwise idle then), and a cluster started for this run has its workers restarted once the result is
    asked for, after the assignment (what they held would stay through the charts: issue 24's memory
    bound). The same result either way."""
    read = functools.partial(read_texts, texts.corpus)
    if client is None:
        return in_background(read) if meanwhile else read
    on_cluster = functools.partial(_on_cluster, read, beside=meanwhile)
    return functools.partial(
        _then_restart, _on_a_thread(on_cluster) if meanwhile else on_cluster, client
    )


def _on_cluster(read: Callable[[], Any], *, beside: bool = False) -> Any:
    """``read()`` with its per-article work given to the Dask cluster's workers (the optional engine);
    ``beside``: this process fits the topics meanwhile, so one worker is left out (as on pandas, where one
    worker process reads while this one fits)."""
    from analysis.dask.engine import task_mapper

    with mapped_by(task_mapper(beside=beside)):
        return read()


def _on_a_thread(fn: Callable[[], Any]) -> Callable[[], Any]:
    """Start ``fn()`` on a thread now; returns a function that waits for its result (raised as ``fn``'s)."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readings")
    future = pool.submit(fn)
    pool.shutdown(wait=False)
    return future.result


def _then_restart(result: Callable[[], Any], client) -> Any:
    """``result()``, the cluster's last work in a report; then a cluster started for this run has its
    workers restarted (the readings' tasks have already handed their memory back)."""
    from analysis.dask.client import restart_session_workers

    try:
        return result()
    finally:
        restart_session_workers(client)


def _model(found, corpus, first, client, *, k, random_state, progress, sample_size, baseline):
    """The corpus' topic model: up to ``sample_size`` articles fitted on one copy per story, else a
    baseline's topics carried over, or a fit on a sample of first copies and every article assigned (or
    Dask tasks)."""
    if found.n_articles <= sample_size:
        options = {"k": k, "random_state": random_state, "progress": progress, "baseline": baseline}
        return fit_stories(corpus, corpus["story_group"].to_numpy(), first, **options)
    # The sample read and fitted here: the same on both engines. The Dask engine assigns every article as
    # tasks on its cluster (analysis.dask.engine.parts_mapper), pandas on this machine's cores.
    if (carried := carried_over(baseline, corpus["id"], found)) is not None:
        return carried
    among = np.flatnonzero(first) if not first.all() else None
    mapper = None
    if client is not None:
        from analysis.dask.engine import parts_mapper  # the optional engine, when chosen

        mapper = parts_mapper(found, progress=progress)
    return fit_cached(
        found,
        k=k,
        random_state=random_state,
        progress=progress,
        among=among,
        sample_size=sample_size,
        map_parts=mapper,
    )


def _open_or_build(sources, cache, *, client, lenient: bool) -> CorpusCache:
    """The cache the command built (``cache``), or the inputs parsed into the cache here."""
    if cache is not None:
        found = open_cache(Path(cache))
        if found is None:
            raise CorpusError(
                f"{cache}: no parse cache there (it was removed, or written by another version); "
                "run the report again with python -m analysis report"
            )
        return found
    if client is not None:
        from analysis.dask.engine import cache_corpus_dask

        return cache_corpus_dask(*sources, lenient=lenient, client=client)
    return cache_corpus(*sources, lenient=lenient)


def _dated(cache: CorpusCache, corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus with the cache's date notes, as ``load_corpus`` gives them (``attrs["date_notes"]``)."""
    if cache.date_notes and "published" in corpus.columns:
        corpus.attrs["date_notes"] = list(cache.date_notes)
    return corpus


def _as_shared(skipped: Sequence[str], paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    """Skipped blocks as a shared report names them: ``file:line: reason`` with the file's path inside the
    folder given (or its name), as the ``source`` column does, never the folders of this machine."""
    shown = []
    for entry in skipped:
        for raw in paths:
            given = os.fspath(raw)
            if Path(given).is_dir() and entry.startswith(given.rstrip("/") + "/"):
                entry = entry[len(given.rstrip("/")) + 1 :]
                break
            if entry.startswith(given + ":"):
                entry = Path(given).name + entry[len(given) :]
                break
        shown.append(_ABSOLUTE_PATH.sub(lambda m: m[1], entry))  # e.g. where a bad link leads
    return shown


#: An absolute path inside a message; the report keeps its last part only.
_ABSOLUTE_PATH = re.compile(r"(?<![\w.~])(?:/[^\s/,;:()]+)+/([^\s/,;:()]+)")


def _with_stories(cache, corpus: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The corpus with its ``story_group`` column, the mask of each story's first copy (the one topics are
    fitted on), and ``attrs["story_note"]`` saying so. A corpus read with its bodies (boilerplate left out)
    is grouped as it is; a large archive's bodies are read from the cache a part at a time."""
    step_done("corpus")
    if "body" in corpus.columns:
        ids = stories.story_groups(corpus).to_numpy()
    else:
        # each part's signatures kept while parsing, read here; a part signed from its text on a worker
        tasks, extras = cache.part_tasks(), tuple(cache.extras)
        kept = [stories.kept_part_signatures(extras, task) for task in tasks]
        unsigned = [task for task, found in zip(tasks, kept, strict=True) if found is None]
        signing = iter(
            list(map_in_order(functools.partial(stories.part_signatures, extras), unsigned))
        )
        signed = [next(signing) if found is None else found for found in kept]
        del kept
        ids = stories.story_groups_from_signatures(signed)
        del signed
        return_memory()  # the signatures and the grouping's graph, given back before the topic fit
    attrs, corpus = dict(corpus.attrs), corpus.assign(story_group=ids)
    corpus.attrs.update(attrs)
    first = stories.representatives(corpus, ids)
    n_stories = int(first.sum())
    if n_stories < len(corpus):
        corpus.attrs["story_note"] = (
            f"The {len(corpus):,} articles hold {n_stories:,} distinct stories: "
            f"{len(corpus) - n_stories:,} are copies of another article (syndicated, or re-run with small "
            "edits). Topic clusters and the words compared count each story once (clusters are found on "
            "its earliest copy; every copy then takes its cluster); counts of articles per outlet, tag, "
            "page and date count every copy."
        )
    step_done("stories")
    return corpus, first


def map_view(model, corpus: pd.DataFrame, *, max_points: int = MAP_POINTS, random_state: int = 0):
    """The articles the map draws: all, or a fixed random sample of ``max_points`` on a large corpus, drawn
    by article id (:func:`analysis.sampling.id_sample`: the same articles in any row order).

    Args:
        model: the topic model of ``corpus``.
        corpus: the corpus.
        max_points: most articles drawn.
        random_state: seeds the sample.

    Returns:
        ``(model, corpus, note)``: the model and corpus restricted to the drawn rows, and a sentence for
        the caption saying what is drawn.
    """
    n = model.n_articles
    if n <= max_points:
        return model, corpus, f"All {n:,} articles are drawn."
    rows = id_sample(corpus["id"].to_numpy(), max_points, random_state)
    view = restricted(model, rows)
    note = (
        f"The map draws a random sample of {max_points:,} of the {n:,} articles; cluster sizes elsewhere in "
        "this report count all articles."
    )
    return view, corpus.iloc[rows].reset_index(drop=True), note


def text_view(
    model,
    corpus: pd.DataFrame,
    cache: CorpusCache,
    *,
    max_articles: int = TEXT_SAMPLE,
    random_state: int = 0,
    texts: TextSample | None = None,
):
    """The articles whose text the people, quotes and page-comparison sections read
    (:func:`analysis.report.texts.text_sample`),
    with the model seen on them.

    ``texts``: the sample already drawn (:attr:`ReportData.texts`, drawn with the same ``max_articles`` and
    ``random_state``), else drawn here.

    Returns:
        ``(model, corpus, note)``: the model and corpus restricted to the sampled rows (with ``body``), and
        the note for the reader ("" when every article is read).
    """
    if texts is None:
        texts = text_sample(corpus, cache, max_articles=max_articles, random_state=random_state)
    view = model if texts.rows is None else restricted(model, texts.rows)
    return view, texts.corpus, texts.note


def restricted(model, rows: np.ndarray):
    """The topic model seen on the articles at ``rows`` only (clusters, terms and sizes unchanged)."""
    return replace(
        model,
        labels=model.labels[rows],
        positions=model.positions[rows],
        fit=model.fit[rows],
        n_articles=len(rows),
    )


def map_table(model, corpus: pd.DataFrame, *, total: int) -> pd.DataFrame:
    """The table behind the map: every column of ``model.assignments`` when every article is drawn; when
    the map draws a sample of ``total`` articles, only ``id``, ``cluster`` and rounded ``x``/``y`` (the
    headline and cluster of every article are in the full article CSV), so that the report stays small."""
    table = model.assignments(corpus)
    if model.n_articles >= total:
        return table
    return table[["id", "cluster", "x", "y"]].round({"x": 3, "y": 3})


def articles_html(
    table: pd.DataFrame,
    corpus: pd.DataFrame,
    model,
    *,
    slug: str,
    full_table_max: int = FULL_TABLE_MAX,
    min_cluster_size: int = 10,
    files_dir: str | os.PathLike[str],
):
    """The report's article list: every article (small corpora), or each cluster's best representatives.

    Args:
        table: :func:`analysis.report.tables.articles_table` of the corpus.
        corpus: the corpus (for the article ids of the full CSV).
        model: its topic model.
        slug: file-name stem of the report's downloads.
        full_table_max: up to this many articles every article is listed (the seed report).
        min_cluster_size: on a large corpus, clusters smaller than this are not listed.
        files_dir: where the full CSV is written: this report's side-file folder (the build moves its files
            next to the report).

    Returns:
        The HTML fragment.
    """
    if len(table) <= full_table_max:
        return table_html(table, numeric=["words"], csv_name=f"{slug}-articles.csv")
    name = f"{slug}-articles.csv"
    folder = Path(files_dir)
    folder.mkdir(parents=True, exist_ok=True)
    full = table.drop(columns="words")
    full.insert(0, "id", corpus["id"].to_numpy())
    write_csv(full, folder / name)
    rows = [
        r
        for c in model.clusters.index
        if model.clusters.loc[c, "size"] >= min_cluster_size
        for r in model.clusters.loc[c, "representatives"][:REPRESENTATIVES]
    ]
    shown = table.iloc[rows].drop(columns="words")
    small = int((model.clusters["size"] < min_cluster_size).sum())
    intro = Markup(
        "<p>{n} articles: too many to list here. Below are the {r} most representative articles of each "
        "cluster of at least {m} articles{skipped}. The full table (id, headline, cluster, tags, tag pages, "
        'source) is in <a href="{href}" download>{href}</a>, next to this report.</p>'
    ).format(
        n=f"{len(table):,}",
        r=REPRESENTATIVES,
        m=min_cluster_size,
        skipped=f" ({plural(small, 'smaller cluster')} left out)" if small else "",
        href=escape(name),
    )
    return HTMLBlock(str(intro) + str(table_html(shown)))
