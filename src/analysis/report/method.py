"""The report's notes on how the input was prepared: outlet names merged, boilerplate left out.

report.method_notes_html(corpus, slug=slug)
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus.boilerplate import BOILERPLATE_COLUMNS
from analysis.corpus.outlets import MERGE_COLUMNS
from analysis.report.html import HTMLBlock, note_html, table_html

__all__ = ["method_notes_html"]


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
        f"Outlet names: {len(merges):,} other spelling{'s' if len(merges) != 1 else ''} of an outlet's name "
        "on the same site (an outlet_domain field, else the article's link) were merged into the name most "
        "of its articles carry; names that only share a host are kept apart."
    )
    return note_html(sentence) + table_html(
        merges, numeric=["articles"], csv_name=f"{slug}-outlet-merges.csv", max_rows=30
    )
