"""The report's method section: how the input was prepared and how the clusters were made, in plain words.

- :func:`method_notes_html`: outlet names merged, boilerplate left out (what was done to the input).
- :func:`method_html`: how the clusters were made, as sentences a reader needs no code names for
  (:func:`method_sentences` says what ``min_df`` or ``idf_power`` did to the articles), with the exact
  settings folded in a ``<details>`` (no script needed) for a technical reader who wants to reproduce the run.

    report.method_notes_html(corpus, slug=slug)
    report.method_html(model)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
from markupsafe import Markup

from analysis.corpus.boilerplate import BOILERPLATE_COLUMNS
from analysis.corpus.outlets import MERGE_COLUMNS
from analysis.report.html import HTMLBlock, note_html, table_html
from analysis.wording import plural

__all__ = ["method_html", "method_notes_html", "method_sentences"]


def method_notes_html(
    corpus: pd.DataFrame, *, texts: pd.DataFrame | None = None, slug: str = "report"
) -> HTMLBlock:
    """What was done to the input before counting: outlet spellings merged by site, boilerplate left out.

    Args:
        corpus: the report's corpus (``attrs["outlet_merges"]`` from :func:`analysis.load_corpus`).
        texts: the articles whose text was read (``attrs["boilerplate"]`` and ``attrs["boilerplate_note"]``
            from :func:`analysis.corpus.boilerplate.strip_boilerplate`); default ``corpus``.
        slug: prefix of the CSV download names.

    Returns:
        The HTML fragment ("" when nothing was merged or left out).
    """
    texts = corpus if texts is None else texts
    return HTMLBlock(_boilerplate(texts, slug) + _merges(corpus, slug))


def _boilerplate(texts: pd.DataFrame, slug: str) -> str:
    note = texts.attrs.get("boilerplate_note", "")
    if not note:
        return ""
    found = pd.DataFrame(texts.attrs.get("boilerplate", []), columns=BOILERPLATE_COLUMNS)
    shown = found.rename(
        columns={"paragraph": "paragraph left out", "articles": "articles with it"}
    )
    return note_html(note) + table_html(
        shown, numeric=["articles with it"], csv_name=f"{slug}-boilerplate.csv", max_rows=12
    )


def _merges(corpus: pd.DataFrame, slug: str) -> str:
    merges = pd.DataFrame(corpus.attrs.get("outlet_merges", []), columns=MERGE_COLUMNS)
    if merges.empty:
        return ""
    sentence = (
        f"Outlet names: {plural(len(merges), 'other spelling')} of an outlet's name "
        "on the same site (an outlet_domain field, else the article's link) were merged into the name most "
        "of its articles carry; names that only share a host are kept apart."
    )
    return note_html(sentence) + table_html(
        merges, numeric=["articles"], csv_name=f"{slug}-outlet-merges.csv", max_rows=30
    )


# --------------------------------------------------------------------------- how the clusters were made


def _words_read(settings: Mapping[str, Any]) -> str | None:
    text = settings.get("text_used")
    if not text:
        return None
    return f"Each article's {str(text).replace(' + ', ' and ')} were read."


def _vocabulary(settings: Mapping[str, Any]) -> str | None:
    parts = []
    stop = re.match(r"(\d+) words", str(settings.get("stop_words", "")))
    if stop:
        parts.append(
            f"{plural(int(stop.group(1)), 'common word')} (such as “the”, reporting verbs such as “said”, "
            "and newsroom boilerplate) were ignored"
        )
    phrases = settings.get("phrases_detected")
    if isinstance(phrases, int) and phrases:
        parts.append(f"{plural(phrases, 'frequent multiword phrase')} were kept as one term each")
    min_df = settings.get("min_df")
    if isinstance(min_df, int) and min_df > 1:
        parts.append(f"a word counts only when at least {min_df} articles use it")
    n_terms = settings.get("n_terms")
    if isinstance(n_terms, int):
        parts.append(f"{plural(n_terms, 'distinct term')} remain")
    if not parts:
        return None
    return parts[0][:1].upper() + parts[0][1:] + "".join(f"; {p}" for p in parts[1:]) + "."


def _weights(settings: Mapping[str, Any]) -> str | None:
    if "idf_power" not in settings and "sublinear_tf" not in settings:
        return None
    power = settings.get("idf_power")
    much = "much " if isinstance(power, int | float) and power > 1 else ""
    sentence = f"Words used by only a few articles weigh {much}more than words most articles use"
    if settings.get("sublinear_tf"):
        sentence += "; a word repeated in one article counts less than its number of uses"
    return sentence + "."


def _grouping(settings: Mapping[str, Any]) -> str | None:
    runs = settings.get("n_runs")
    if not isinstance(runs, int):
        return None
    space = str(settings.get("space", ""))
    reduced = "LSA" in space and "no LSA" not in space
    sentence = (
        f"The articles were grouped {runs} times from different random starts (KMeans"
        + (", on a summary of their words in fewer dimensions (LSA)" if reduced else "")
        + "), and the grouping the runs agree on was kept"
    )
    if settings.get("refinement"):
        sentence += ", then refined"
    return sentence + "."


def _k(settings: Mapping[str, Any]) -> str | None:
    if "k_chosen_from_data" not in settings:
        return None
    if settings["k_chosen_from_data"]:
        return (
            "The number of clusters was chosen from the data: each number tried was scored on how well the "
            "clusters separate and how often they come back with other random starts."
        )
    return (
        "The number of clusters was set by whoever made the report (--k), not chosen from the data."
    )


def method_sentences(settings: Mapping[str, Any]) -> list[str]:
    """What the settings of a topic model did, in plain sentences (settings it does not know are skipped).

    Args:
        settings: ``model.settings`` of a fitted :class:`analysis.topics.TopicModel`.

    Returns:
        The sentences, in the order the steps ran.
    """
    sentences = [step(settings) for step in (_words_read, _vocabulary, _weights, _grouping, _k)]
    seed = settings.get("random_state")
    if seed is not None:
        sentences.append(
            f"Every random step started from seed {seed}: the same articles and seed give the same report."
        )
    return [s for s in sentences if s]


def method_html(model) -> HTMLBlock:
    """The sentences of :func:`method_sentences`, then the exact settings folded in a ``<details>`` element.

    Args:
        model: the fitted topic model.

    Returns:
        The HTML fragment.
    """
    settings = dict(model.settings)
    table = pd.DataFrame({"setting": list(settings), "value": [str(v) for v in settings.values()]})
    items = Markup("").join(Markup("<li>{}</li>\n").format(s) for s in method_sentences(settings))
    html = Markup(
        "<p><strong>How the clusters were made, step by step.</strong></p>\n<ol>\n{}</ol>\n"
        '<details class="ar-details"><summary>The exact settings (to reproduce the run)</summary>\n'
        "{}\n</details>"
    ).format(items, Markup(str(table_html(table))))
    return HTMLBlock(str(html))
