"""The reader tables: the same columns in the notebooks, the report and its CSV downloads; clusters from 1."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis import tag_cooccurrence
from analysis.config import NOTEBOOKS_DIR
from analysis.report.tables import (
    ARTICLE_COLUMNS,
    CLUSTER_COLUMNS,
    PAIR_COLUMNS,
    articles_table,
    cluster_names,
    clusters_table,
    tag_pairs_table,
)


def test_articles_table(seed_corpus, seed_model) -> None:
    table = articles_table(seed_corpus, seed_model)
    assert list(table.columns) == ARTICLE_COLUMNS
    assert list(table["headline"]) == list(seed_corpus["title"])
    numbers = {int(name.split(":")[0]) for name in table["cluster"]}
    assert numbers == set(range(1, seed_model.k + 1))
    first = seed_model.labels[0]
    assert table["cluster"].iloc[0] == f"{first + 1}: {seed_model.clusters.at[first, 'label']}"
    assert table["words"].iloc[0] == len(seed_corpus["body"].iloc[0].split())


def test_clusters_table_numbers_from_one_and_badges_small_corpora(seed_model) -> None:
    table = clusters_table(seed_model)
    assert list(table.columns) == CLUSTER_COLUMNS
    assert list(table["cluster"]) == list(range(1, seed_model.k + 1))
    assert list(table["articles"]) == list(seed_model.clusters["size"])
    assert not set(table["strength"]) & {"solid", "moderate"}  # 9 articles: tentative at best
    assert cluster_names(seed_model) == {
        i: f"{i + 1}: {lbl}" for i, lbl in seed_model.clusters["label"].items()
    }


def test_tag_pairs_table(seed_corpus) -> None:
    pairs = tag_cooccurrence(seed_corpus)
    table = tag_pairs_table(pairs)
    assert list(table.columns) == PAIR_COLUMNS
    assert list(table["articles with both"]) == list(pairs["count"])
    assert "tag_a" in pairs.columns  # the argument is not renamed in place


def _sources(name: str) -> str:
    nb = json.loads((NOTEBOOKS_DIR / name).read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def test_notebooks_and_report_build_their_tables_from_one_place() -> None:
    report = _sources("04-report.ipynb")
    assert "articles_table(corpus, model)" in report and "tag_pairs_table(pairs)" in report
    assert "every_article(corpus, model)" in _sources("00-explore.ipynb")  # articles_table, as text
    from analysis.explore import table

    assert "articles_table(corpus, model, join=" in Path(table.__file__).read_text(encoding="utf-8")
    assert "tag_pairs_table(" in _sources("03-tag-analysis.ipynb")
    assert "clusters_table(model)" in _sources("02-topic-clusters.ipynb")


def test_interactive_tables_stay_out_of_the_report() -> None:
    """itables ships its JavaScript in the notebook: fine in JupyterLab, never in the script-free report."""
    assert "itables" not in _sources("04-report.ipynb")
    for path in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")):
        source = _sources(path.name)
        if "init_notebook_mode" in source:
            assert "connected=False" in source, f"{path.name}: itables must run offline (no CDN)"


def test_csv_downloads_write_floats_with_fixed_precision():
    """The same number computed with a different last bit (another machine, another BLAS) is written the
    same: floats keep 6 significant digits, in float columns and in mixed ones; NaN stays empty."""
    import numpy as np

    from analysis.csvfile import csv_text

    here = pd.DataFrame(
        {"k": [2, 3], "silhouette": [0.032674211905937, np.nan], "mixed": [1.0, "x"]}
    )
    there = here.assign(silhouette=[0.03267421190593703, np.nan])
    assert csv_text(here) == csv_text(there)
    assert csv_text(here) == "\ufeffk,silhouette,mixed\r\n2,0.0326742,1.0\r\n3,,x\r\n"
    listed = pd.DataFrame({"tags": [["a", "b"], []], "lift": [np.float32(1 / 3), 2.0]})
    assert csv_text(listed) == "\ufefftags,lift\r\na; b,0.333333\r\n,2.0\r\n"
