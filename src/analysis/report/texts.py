"""The articles whose text the report's people, quotes and text sections read (:func:`text_sample`):
every article of a small corpus, a fixed random sample of a large archive read back from its parse cache,
long texts cut (:func:`long_texts_cut`). :func:`analysis.report.data.report_data` draws it once."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.config import MAX_EXTRACT_CHARS, MAX_HEADLINE_CHARS
from analysis.corpus.boilerplate import strip_boilerplate
from analysis.corpus.cache import CorpusCache
from analysis.report.sizes import TEXT_SAMPLE
from analysis.sampling import id_sample

__all__ = ["TextSample", "long_texts_cut", "text_sample"]


@dataclass(frozen=True)
class TextSample:
    """The articles whose text the people, quotes and text sections read (:func:`text_sample`).

    Attributes:
        rows: their rows in the corpus, or None: every article.
        corpus: those articles with their bodies (long texts cut).
        note: the sentence for the reader ("" when every article is read).
    """

    rows: np.ndarray | None
    corpus: pd.DataFrame
    note: str


def text_sample(
    corpus: pd.DataFrame,
    cache: CorpusCache,
    *,
    max_articles: int = TEXT_SAMPLE,
    random_state: int = 0,
) -> TextSample:
    """The articles whose text the people, quotes and page-comparison sections read.

    A corpus read with its bodies is read whole. A large archive is read without bodies (see
    :func:`report_data`): then a fixed random sample of ``max_articles`` is read back from ``cache``, the
    parse cache the corpus came from (:attr:`ReportData.cache`), with its bodies, so those sections stay
    bounded in time and memory, and a sentence says so. The inputs are never found or parsed again. The
    sample is drawn by article id (:func:`analysis.sampling.id_sample`): the same articles in any row order,
    and nearly the same articles when the archive grows, so a weekly report's people and quotations do not
    change with the draw, and the readings kept from last week serve again
    (:mod:`analysis.extract.readings`). Long texts are cut (:func:`long_texts_cut`).
    """
    if "body" in corpus.columns:
        text_corpus, note = long_texts_cut(corpus)
        return TextSample(None, text_corpus, note)
    n = len(corpus)
    rows = id_sample(corpus["id"].to_numpy(), max_articles, random_state)
    bodies = cache.take(rows, ["body"])["body"].to_numpy()
    sample = strip_boilerplate(corpus.iloc[rows].reset_index(drop=True).assign(body=bodies))
    note = (
        f"This section reads a random sample of {len(rows):,} of the {n:,} articles (reading every "
        "article's text would not fit the report's time); counts here are of the sample."
    )
    sample, cut = long_texts_cut(sample)
    return TextSample(rows, sample, f"{note} {cut}".strip())


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
