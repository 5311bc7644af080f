"""What the report notebook needs to stay readable and bounded on an archive of any size.

- :func:`report_corpus`: the corpus and its topic model, read from the parse cache (the CLI built it, so
  the notebook does not parse again). Up to :data:`analysis.topics.sampled.SAMPLE_SIZE` articles this is
  ``load_corpus`` + ``fit_topics``, exactly as before; beyond, the corpus is read from the cache without
  its bodies and the clusters are fitted on a sample and every article assigned in chunks (or as Dask
  tasks). Publication dates come from the cache too, so "Over time" is drawn at any size.
- :func:`text_view`: the articles whose text the people, quotes and "what changed" sections read: all of
  them on a small corpus, a fixed random sample read back from the same cache on a large archive.
- :func:`map_view`: the articles the map draws: all of them up to :data:`MAP_POINTS`, else a fixed random
  sample, with a sentence that says which.
- :func:`articles_html`: every article listed (small corpora, as before), or, beyond
  :data:`FULL_TABLE_MAX` articles, the most representative articles of each cluster, with the full table
  written as a CSV file next to the report and linked.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
from markupsafe import Markup, escape

from analysis.compare.stories import representatives, story_groups, story_groups_from_batches
from analysis.config import BUILD_DIR, MAX_EXTRACT_CHARS, MAX_HEADLINE_CHARS
from analysis.corpus.boilerplate import strip_boilerplate
from analysis.corpus.cache import CorpusCache, cache_corpus, open_cache
from analysis.csvfile import write_csv
from analysis.engine import RUN_ENGINES, check_engine
from analysis.report.html import HTMLBlock, table_html
from analysis.topics.sampled import SAMPLE_SIZE, fit_cached, fit_stories, sample_rows
from analysis.wording import plural

__all__ = [
    "FULL_TABLE_MAX",
    "MAP_POINTS",
    "REPORT_FILES_DIR",
    "articles_html",
    "map_table",
    "map_view",
    "report_corpus",
    "text_view",
]

#: Up to this many articles the report lists every article; beyond, representatives and a CSV file.
FULL_TABLE_MAX = 2_000
#: The map draws at most this many articles (a fixed random sample beyond).
MAP_POINTS = 4_000
#: On an archive read without bodies, the people, quotes and page sections read this many articles' text.
TEXT_SAMPLE = 5_000
#: Representative articles listed per cluster on a large corpus.
REPRESENTATIVES = 5
#: Files the notebook writes for the report (moved next to the report when it is written).
REPORT_FILES_DIR = BUILD_DIR / "report-files"


def report_corpus(
    paths: Sequence[str | os.PathLike[str]],
    *,
    k: int | None = None,
    random_state: int = 0,
    engine: str = "pandas",
    scheduler: str | None = None,
    progress: bool = False,
    lenient: bool = False,
    baseline=None,
):
    """The report's corpus (pandas) and its topic model, from the parse cache.

    Args:
        paths: the files and folders of the report.
        k: number of clusters; None chooses it from the data.
        random_state: seeds every random step.
        engine: ``"pandas"`` or ``"dask"`` (clusters assigned as Dask tasks on ``scheduler``).
        scheduler: address of the Dask scheduler (``engine="dask"``); None starts a LocalCluster.
        progress: show progress bars.
        lenient: skip blocks of the inputs that do not parse (as the CLI's ``--lenient``); the corpus'
            ``attrs["skipped"]`` lists them (``file:line: reason``) so the report can say what was left out.
        baseline: the last report's topic model (``--since``): topics are aligned with it
            (:func:`analysis.topics.align.align_topics`).

    Returns:
        ``(corpus, model)``: on a large corpus the DataFrame has every article but no ``body`` column.
    """
    check_engine(engine, allowed=RUN_ENGINES)
    run = _dask_corpus if engine == "dask" else _pandas_corpus
    corpus, model, skipped = run(
        paths,
        k=k,
        random_state=random_state,
        scheduler=scheduler,
        progress=progress,
        lenient=lenient,
    )
    corpus.attrs["skipped"] = _as_shared(skipped, paths)
    if model.ids is None and "id" in corpus.columns:  # fitted on a sample: every article's id
        model = replace(model, ids=corpus["id"].astype(str).to_numpy())
    if baseline is not None:
        from analysis.topics.align import align_topics

        model = align_topics(model, baseline)
    return corpus, model


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
        shown.append(entry)
    return shown


def _from_cache(cache: CorpusCache, corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus marked with the cache it was read from (``attrs["cache"]``), so that :func:`text_view`
    reads bodies back from that very cache (the Dask engine's cache is keyed differently from the
    in-process one, and finding it again would hash every input again)."""
    corpus.attrs["cache"] = str(cache.path)
    if cache.date_notes and "published" in corpus.columns:
        corpus.attrs["date_notes"] = list(cache.date_notes)
    return corpus


def _pandas_corpus(paths, *, k, random_state, scheduler, progress, lenient):
    """(corpus, model, skipped blocks) in this process; ``scheduler`` is unused."""
    cache = cache_corpus(*paths, lenient=lenient)
    if cache.n_articles <= SAMPLE_SIZE:  # every article with its body: fit_topics as on any corpus
        # equal to load_corpus (tested), not parsed again; each outlet's boilerplate left out
        corpus = strip_boilerplate(_from_cache(cache, cache.read()))
        corpus, first = _with_stories(cache, corpus)
        model = fit_stories(
            corpus,
            corpus["story_group"].to_numpy(),
            first,
            k=k,
            random_state=random_state,
            progress=progress,
        )
        return corpus, model, cache.skipped
    corpus = _from_cache(cache, cache.read([c for c in cache.columns if c != "body"]))
    corpus, first = _with_stories(cache, corpus)
    among = np.flatnonzero(first) if not first.all() else None
    model = fit_cached(cache, k=k, random_state=random_state, progress=progress, among=among)
    return corpus, model, cache.skipped


def _with_stories(cache, corpus: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The corpus with its ``story_group`` column, the mask of each story's first copy (the one topics are
    fitted on), and ``attrs["story_note"]`` saying so. A corpus read with its bodies (boilerplate left out)
    is grouped as it is; a large archive's bodies are read from the cache a part at a time."""
    if "body" in corpus.columns:
        ids = story_groups(corpus).to_numpy()
    else:
        text = [c for c in ("title", "body") if c in cache.columns]
        ids = story_groups_from_batches(cache.iter_batches(text), cache.n_articles)
    attrs = dict(corpus.attrs)
    corpus = corpus.assign(story_group=ids)
    corpus.attrs.update(attrs)
    first = representatives(corpus, ids)
    n_stories = int(first.sum())
    if n_stories < len(corpus):
        corpus.attrs["story_note"] = (
            f"The {len(corpus):,} articles hold {n_stories:,} distinct stories: "
            f"{len(corpus) - n_stories:,} are copies of another article (syndicated, or re-run with small "
            "edits). Topic clusters and the words compared count each story once (clusters are found on "
            "its earliest copy; every copy then takes its cluster); counts of articles per outlet, tag, "
            "page and date count every copy."
        )
    return corpus, first


def _dask_corpus(paths, *, k, random_state, scheduler, progress, lenient):
    """(corpus, model, skipped blocks) with the clusters assigned as Dask tasks (story groups are found in
    this process, reading the cache a part at a time)."""
    from analysis.dask.client import get_client  # the optional engine, imported only when chosen
    from analysis.dask.engine import cache_corpus_dask, cache_frame, fit_topics_dask

    client = get_client(scheduler, progress=False)
    cache = cache_corpus_dask(*paths, lenient=lenient, client=client)
    # Small enough for one process (as fit_topics_dask decides too): the pandas engine's very fit.
    if cache.n_articles <= SAMPLE_SIZE:
        corpus = strip_boilerplate(_from_cache(cache, cache.read()))
        corpus, first = _with_stories(cache, corpus)
        model = fit_stories(
            corpus,
            corpus["story_group"].to_numpy(),
            first,
            k=k,
            random_state=random_state,
            progress=progress,
        )
        return corpus, model, cache.skipped
    ddf = cache_frame(cache)
    columns = [c for c in ddf.columns if c != "body"]
    corpus = _from_cache(cache, ddf[columns].compute().reset_index(drop=True))
    corpus, first = _with_stories(cache, corpus)
    among = np.flatnonzero(first) if not first.all() else None
    model = fit_topics_dask(ddf, k=k, random_state=random_state, progress=progress, among=among)
    return corpus, model, cache.skipped


def map_view(model, corpus: pd.DataFrame, *, max_points: int = MAP_POINTS, random_state: int = 0):
    """The articles the map draws: all, or a fixed random sample of ``max_points`` on a large corpus.

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
    rows = sample_rows(n, max_points, random_state)
    view = _restricted(model, rows)
    note = (
        f"The map draws a random sample of {max_points:,} of the {n:,} articles; cluster sizes elsewhere in "
        "this report count all articles."
    )
    return view, corpus.iloc[rows].reset_index(drop=True), note


def text_view(
    model,
    corpus: pd.DataFrame,
    paths: Sequence[str | os.PathLike[str]],
    *,
    max_articles: int = TEXT_SAMPLE,
    random_state: int = 0,
    lenient: bool = False,
):
    """The articles whose text the people, quotes and page-comparison sections read.

    A corpus read with its bodies is returned as it is. A large archive is read without bodies (see
    :func:`report_corpus`): then a fixed random sample of ``max_articles`` is read back from the parse cache
    with its bodies, so those sections stay bounded in time and memory, and a sentence says so.

    Returns:
        ``(model, corpus, note)``: the model and corpus restricted to the sampled rows (with ``body``), and
        the note for the reader ("" when every article is read).
    """
    if "body" in corpus.columns:
        text_corpus, note = long_texts_cut(corpus)
        return model, text_corpus, note
    n = len(corpus)
    rows = sample_rows(n, max_articles, random_state)
    found = open_cache(Path(corpus.attrs["cache"])) if "cache" in corpus.attrs else None
    cache = found or cache_corpus(*paths, lenient=lenient)
    bodies = cache.take(rows, ["body"])["body"].to_numpy()
    sample = strip_boilerplate(corpus.iloc[rows].reset_index(drop=True).assign(body=bodies))
    note = (
        f"This section reads a random sample of {len(rows):,} of the {n:,} articles (reading every "
        "article's text would not fit the report's time); counts here are of the sample."
    )
    sample, cut = long_texts_cut(sample)
    return _restricted(model, rows), sample, f"{note} {cut}".strip()


def long_texts_cut(
    corpus: pd.DataFrame,
    *,
    limit: int = MAX_EXTRACT_CHARS,
    headline_limit: int = MAX_HEADLINE_CHARS,
) -> tuple[pd.DataFrame, str]:
    """The corpus with bodies cut to ``limit`` and headlines to ``headline_limit`` characters, and a
    sentence counting the cuts.

    Extraction (spaCy) and the text sections read at most :data:`analysis.config.MAX_EXTRACT_CHARS` of a
    body; a "headline" longer than :data:`analysis.config.MAX_HEADLINE_CHARS` is cut too, since each
    quotation row repeats it. Saying how many articles were cut, with the first one's source, keeps the
    report honest.

    Returns:
        ``(corpus, note)``: a new frame (the same one when nothing is cut) and "" or the sentence.
    """
    limits = {"title": headline_limit, "body": limit}
    long = {
        column: corpus[column].fillna("").str.len() > cap
        for column, cap in limits.items()
        if column in corpus.columns
    }
    if not any(mask.any() for mask in long.values()):
        return corpus, ""
    out = corpus.assign(**{c: corpus[c].str.slice(0, limits[c]) for c in long})
    notes = []
    for column, what, cap in (("body", "a text", limit), ("title", "a headline", headline_limit)):
        mask = long.get(column)
        if mask is None or not mask.any():
            continue
        first = f" (the first: {corpus.loc[mask, 'source'].iloc[0]})" if "source" in corpus else ""
        notes.append(
            f"{int(mask.sum()):,} article(s) have {what} longer than {cap:,} characters{first}: the people, "
            f"quotes and text sections read their first {cap:,} characters only."
        )
    return out, " ".join(notes)


def _restricted(model, rows: np.ndarray):
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
    files_dir: str | os.PathLike[str] = REPORT_FILES_DIR,
):
    """The report's article list: every article (small corpora), or each cluster's best representatives.

    Args:
        table: :func:`analysis.report.tables.articles_table` of the corpus.
        corpus: the corpus (for the article ids of the full CSV).
        model: its topic model.
        slug: file-name stem of the report's downloads.
        full_table_max: up to this many articles every article is listed (the seed report).
        min_cluster_size: on a large corpus, clusters smaller than this are not listed.
        files_dir: where the full CSV is written (the build moves it next to the report).

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
