"""Last run's topics next to this run's: browse a saved report state beside the current model.

:func:`topics_compared` is the table (each topic number with its label and size in both runs and whether it
persists, is new or faded); :func:`baseline_view` is the last run's model seen on the articles the current
corpus still has (so the usual browsers can show it); :func:`runs_browser` puts both cluster browsers side by
side under the table.

    from analysis import fit_topics, load_corpus, load_state
    state = load_state("reports/uk-defense.html")
    model = fit_topics(corpus, random_state=0, baseline=state.model)
    runs_browser(corpus, model, state.model)
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets
import numpy as np
import pandas as pd

from analysis.errors import ParameterError
from analysis.explore.browsers import Explorer, cluster_browser

__all__ = ["baseline_view", "runs_browser", "topics_compared"]


def topics_compared(model, baseline) -> pd.DataFrame:
    """One row per topic number of either run: label and articles then and now, and its status
    ("persists", "new", "re-drawn" from articles the last run had, or "faded").

    Args:
        model: this run's model, aligned with ``baseline`` (``fit_topics(..., baseline=baseline)``).
        baseline: last run's model (``analysis.load_model`` or ``load_state(...).model``).
    """
    then = pd.DataFrame(
        {
            "number": baseline.numbers,
            "label then": baseline.clusters["label"].to_numpy(),
            "articles then": baseline.clusters["size"].to_numpy(),
        }
    )
    now = pd.DataFrame(
        {
            "number": model.numbers,
            "label now": model.clusters["label"].to_numpy(),
            "articles now": model.clusters["size"].to_numpy(),
            "new": model.clusters["new"].to_numpy() if "new" in model.clusters else False,
            "redrawn": (
                model.clusters["redrawn"].to_numpy() if "redrawn" in model.clusters else False
            ),
        }
    )
    table = then.merge(now, on="number", how="outer").sort_values("number", kind="stable")
    faded = dict(zip(model.faded.get("number", []), model.faded.get("status", []), strict=True))
    table["status"] = np.where(
        table["articles now"].isna(),
        table["number"].map(faded).fillna("faded"),
        np.where(
            table["new"].fillna(False).astype(bool),
            "new",
            np.where(table["redrawn"].fillna(False).astype(bool), "re-drawn", "persists"),
        ),
    )
    for column in ("articles then", "articles now"):
        table[column] = table[column].fillna(0).astype(int)
    return table.drop(columns=["new", "redrawn"]).fillna("").reset_index(drop=True)


def baseline_view(corpus: pd.DataFrame, baseline) -> tuple[pd.DataFrame, object]:
    """Last run's topics on the articles of ``corpus`` it also had (matched by ``id``).

    Returns:
        ``(corpus, model)``: those rows of the corpus and the baseline model restricted to them (topics and
        labels as last run; representatives re-picked among the rows shown).

    Raises:
        ParameterError: the baseline has no article ids, or shares no article with the corpus.
    """
    if baseline.ids is None or "id" not in corpus.columns:
        raise ParameterError(
            "The saved state has no article ids (or the corpus no id column) to match."
        )
    row_of = {str(i): r for r, i in enumerate(baseline.ids)}
    keep = [p for p, i in enumerate(corpus["id"].astype(str)) if i in row_of]
    if not keep:
        raise ParameterError(
            "None of this corpus' articles were in the last run: nothing to browse."
        )
    rows = np.array([row_of[str(corpus["id"].iloc[p])] for p in keep], dtype=np.int64)
    labels, fit = baseline.labels[rows], baseline.fit[rows]
    clusters = baseline.clusters.copy()
    clusters["size"] = np.bincount(labels, minlength=baseline.k)
    clusters["representatives"] = [
        [
            int(i)
            for i in np.flatnonzero(labels == c)[np.argsort(-fit[labels == c], kind="stable")][:5]
        ]
        for c in range(baseline.k)
    ]
    view = replace(
        baseline,
        labels=labels,
        fit=fit,
        positions=baseline.positions[rows],
        n_articles=len(rows),
        clusters=clusters,
        ids=baseline.ids[rows],
    )
    return corpus.iloc[keep].reset_index(drop=True), view


def runs_browser(corpus: pd.DataFrame, model, baseline, *, sections=()) -> Explorer:
    """The topics table, then last run's cluster browser beside this run's.

    Returns:
        An :class:`Explorer` with parts ``table`` (HTML), ``then`` and ``now`` (cluster browsers).
    """
    from analysis.report.html import table_html

    then_corpus, then_model = baseline_view(corpus, baseline)
    table = widgets.HTML(str(table_html(topics_compared(model, baseline))))
    then = cluster_browser(then_corpus, then_model, sections=sections)
    now = cluster_browser(corpus, model, sections=sections)
    columns = widgets.HBox(
        [
            widgets.VBox(
                [widgets.HTML("<b>Last run</b>"), then], layout=widgets.Layout(width="50%")
            ),
            widgets.VBox(
                [widgets.HTML("<b>This run</b>"), now], layout=widgets.Layout(width="50%")
            ),
        ]
    )
    return Explorer({"table": table, "then": then, "now": now}, [table, columns])
