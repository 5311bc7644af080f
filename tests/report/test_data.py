"""The report at scale: sampled map with a note, representative article list with the full CSV beside it."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.report.data import articles_html, map_table, map_view, restricted, text_view
from analysis.report.people import people_html
from analysis.report.tables import articles_table
from analysis.topics import fit_topics


@pytest.fixture(scope="module")
def bbc_cache(bbc_path, tmp_path_factory):
    from analysis.corpus.cache import cache_corpus

    return cache_corpus(bbc_path, cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def bbc_pair(bbc_corpus, bbc_model):
    return bbc_corpus, bbc_model  # the session's BBC corpus and its k=5 model


def test_small_map_draws_every_article(bbc_pair):
    corpus, model = bbc_pair
    drawn, drawn_corpus, note = map_view(model, corpus, max_points=len(corpus))
    assert drawn is model and drawn_corpus is corpus
    assert note == f"All {len(corpus):,} articles are drawn."
    assert "title" in map_table(drawn, drawn_corpus, total=len(corpus)).columns


def test_large_map_draws_a_fixed_sample_and_says_so(bbc_pair):
    corpus, model = bbc_pair
    drawn, drawn_corpus, note = map_view(model, corpus, max_points=500, random_state=3)
    again, _, _ = map_view(model, corpus, max_points=500, random_state=3)
    assert drawn.n_articles == len(drawn_corpus) == 500
    assert (drawn.labels == again.labels).all()
    assert f"a random sample of 500 of the {len(corpus):,} articles" in note
    table = map_table(drawn, drawn_corpus, total=model.n_articles)
    assert list(table.columns) == ["id", "cluster", "x", "y"]
    assert set(table["id"]) <= set(corpus["id"])


def test_map_sample_is_drawn_by_article_id_not_row_order(bbc_pair):
    """The same articles in another row order draw the same sample (as the text sections' sample), and a
    corpus that grew by a few articles keeps nearly all of it: a weekly report does not redraw."""
    import numpy as np

    from analysis.topics.fit import in_row_order

    corpus, model = bbc_pair
    _, drawn, _ = map_view(model, corpus, max_points=500, random_state=3)
    perm = np.random.default_rng(0).permutation(len(corpus))
    moved = in_row_order(model, np.argsort(perm))  # the model of the shuffled rows
    _, shuffled, _ = map_view(
        moved, corpus.iloc[perm].reset_index(drop=True), max_points=500, random_state=3
    )
    assert set(shuffled["id"]) == set(drawn["id"])
    keep = np.arange(len(corpus) - 100)  # last week's corpus: 100 fewer articles
    _, before, _ = map_view(
        restricted(model, keep),
        corpus.iloc[keep].reset_index(drop=True),
        max_points=500,
        random_state=3,
    )
    assert len(set(before["id"]) & set(drawn["id"])) >= 450


def test_article_list_beyond_the_limit_links_the_full_csv(bbc_pair, tmp_path):
    corpus, model = bbc_pair
    table = articles_table(corpus, model)
    html = articles_html(table, corpus, model, slug="bbc", full_table_max=100, files_dir=tmp_path)
    full = pd.read_csv(tmp_path / "bbc-articles.csv", keep_default_na=False)
    assert len(full) == len(corpus)
    assert list(full.columns) == ["id", "headline", "cluster", "tags", "tag pages", "source"]
    assert list(full["id"]) == list(corpus["id"])
    assert 'href="bbc-articles.csv"' in html
    listed = sum(min(5, size) for size in model.clusters["size"] if size >= 10)
    assert html.count("<tr") - 1 == listed  # header row + the representatives
    top = model.clusters.loc[0, "representatives"][0]
    assert str(corpus.loc[top, "title"]).split("'")[0] in html


def test_small_article_list_keeps_every_article(tmp_path):
    corpus = load_corpus("seeds")
    model = fit_topics(corpus, k=2, random_state=0)
    html = articles_html(
        articles_table(corpus, model), corpus, model, slug="seed", files_dir=tmp_path
    )
    assert html.count("<tr") - 1 == len(corpus)
    assert not list(tmp_path.iterdir())  # nothing written beside the report: the table is embedded


def test_text_view_reads_every_body_when_the_corpus_has_them(bbc_pair, bbc_cache):
    corpus, model = bbc_pair
    assert text_view(model, corpus, bbc_cache) == (model, corpus, "")


def test_text_view_reads_a_sample_of_bodies_back_from_the_cache_and_says_so(bbc_pair, bbc_cache):
    corpus, model = bbc_pair
    without_bodies = corpus.drop(columns="body")  # how report_data reads a large archive
    view, sample, note = text_view(
        model, without_bodies, bbc_cache, max_articles=300, random_state=1
    )
    assert len(sample) == view.n_articles == len(view.labels) == 300
    by_id = corpus.set_index("id")
    assert list(sample["body"]) == list(by_id.loc[sample["id"], "body"])
    rows = [corpus.index[corpus["id"] == i][0] for i in sample["id"]]
    assert list(view.labels) == list(model.labels[rows])
    assert f"a random sample of 300 of the {len(corpus):,} articles" in note
    mentions = pd.DataFrame(
        {
            "article_id": [sample["id"].iloc[0]],
            "text": ["Blair"],
            "name": ["Tony Blair"],
            "type": ["person"],
            "role": [""],
            "field": ["body"],
            "start": [0],
            "end": [5],
            "sentence": [0],
        }
    )
    assert "a random sample of 300" in people_html(sample, mentions, view, note=note)


def test_text_view_reads_bodies_from_the_cache_the_corpus_came_from(
    bbc_pair, bbc_path, tmp_path, monkeypatch
):
    """The report's data holds the cache its corpus came from (the Dask engine's is keyed apart from the
    in-process one): text_view reads that cache and never hashes or parses the inputs again."""
    import analysis.report.data as data_module
    from analysis.corpus.cache import cache_corpus

    corpus, model = bbc_pair
    cache = cache_corpus(bbc_path, cache_dir=tmp_path / "elsewhere")
    without_bodies = cache.read([c for c in cache.columns if c != "body"])

    def parse_again(*paths, **options):
        raise AssertionError(
            "text_view parsed the inputs again instead of reading the corpus' cache"
        )

    monkeypatch.setattr(data_module, "cache_corpus", parse_again)
    _, sample, _ = text_view(model, without_bodies, cache, max_articles=200, random_state=2)
    by_id = corpus.set_index("id")
    assert list(sample["body"]) == list(by_id.loc[sample["id"], "body"])


def _bodies_and_pid(corpus: pd.DataFrame) -> tuple[list[str], int]:
    import os

    return list(corpus["body"]), os.getpid()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_report_data_reads_the_text_sample_meanwhile_as_text_view_draws_it(
    bbc_path, tmp_path, monkeypatch, workers
):
    """On an archive read without bodies (from read_meanwhile_from articles), report_data draws the text
    sample once and reads it (people and quotations in the report) on a worker while the topics are fitted: the same sample text_view draws,
    the same people and quotations as read here, from one core or two."""
    import functools
    import os

    from analysis.corpus.cache import cache_corpus
    from analysis.extract import people_and_quotes
    from analysis.parallel import WORKERS_ENV
    from analysis.report.data import report_data

    monkeypatch.setenv(WORKERS_ENV, workers)
    cache = cache_corpus(bbc_path, cache_dir=tmp_path / "cache")
    sizes = {"sample_size": 1000, "text_sample": 120, "read_meanwhile_from": 1000}
    options = {"cache": str(cache.path), "k": 4, "random_state": 3, "sizes": sizes}
    data = report_data([bbc_path], read_texts=_bodies_and_pid, **options)
    assert "body" not in data.corpus.columns
    bodies, pid = data.readings()
    assert (pid != os.getpid()) == (workers == "2")  # two cores: read on a worker process
    view, sample, note = text_view(data.model, data.corpus, cache, max_articles=120, random_state=3)
    assert bodies == list(sample["body"]) and len(sample) == 120
    drawn, drawn_sample, drawn_note = text_view(data.model, data.corpus, cache, texts=data.texts)
    pd.testing.assert_frame_equal(drawn_sample, sample)
    assert drawn_note == note and list(drawn.labels) == list(view.labels)
    smaller = {**options, "sizes": {**sizes, "read_meanwhile_from": len(data.corpus) + 1}}
    assert (
        report_data([bbc_path], read_texts=_bodies_and_pid, **smaller).readings()[1] == os.getpid()
    )
    read = functools.partial(people_and_quotes, progress=False)
    meanwhile = report_data([bbc_path], read_texts=read, **options).readings()
    here = read(sample)
    for found, expected in zip(meanwhile, here, strict=True):
        pd.testing.assert_frame_equal(found, expected)


def test_full_article_csv_is_spreadsheet_safe(tmp_path):
    """The side ``<name>-articles.csv`` goes through the project's one CSV writer: BOM, no formula cell."""
    import csv

    corpus = load_corpus("seeds")
    hostile = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"]
    corpus = corpus.assign(
        title=[hostile[i % 4] + " " + t for i, t in enumerate(corpus["title"])],
        tags=[[hostile[i % 4], *tags] for i, tags in enumerate(corpus["tags"])],
    )
    model = fit_topics(corpus, k=2, random_state=0)
    articles_html(
        articles_table(corpus, model),
        corpus,
        model,
        slug="=x",
        full_table_max=3,
        files_dir=tmp_path,
    )
    data = (tmp_path / "=x-articles.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(corpus) + 1
    assert not [c for row in rows for c in row if c[:1] in {"=", "+", "-", "@"}]
    assert rows[1][1] == "'" + corpus["title"].iloc[0] and rows[1][3].startswith("'" + hostile[0])
