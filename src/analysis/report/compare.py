"""Report sections that compare coverage: "Pages compared" and "Over time".

Each renderer returns the whole section (heading, a sentence of intent, charts with their CSV downloads,
tables) when the corpus can answer the question, and otherwise one sentence saying why the section is
absent: "Pages compared" needs articles from two or more tag pages; "Over time" needs at least
:data:`MIN_DATED` dated articles spanning at least :data:`MIN_PERIODS` periods. Everything from the articles
goes through autoescaped Jinja2 (:mod:`analysis.report.html`).

    report.pages_compared_html(corpus, model, slug=slug)
    report.over_time_html(corpus, model, freq="M", slug=slug)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.compare import (
    PageRows,
    compare_groups,
    multi_page_articles,
    page_overlap,
    pages_by_cluster,
    rising_terms,
    time_coverage,
    trends,
)
from analysis.compare.trends import (
    FREQUENCIES,
    RISING_MIN_ARTICLES,
    period_label,
    published_dates,
)
from analysis.plots.compare import plot_distinguishing_terms, plot_page_overlap, plot_trends
from analysis.report.html import HTMLBlock, figure_html, table_html
from analysis.report.naming import page_counts
from analysis.report.sections import absent, block, section
from analysis.report.tables import cluster_names
from analysis.wording import plural

__all__ = ["MIN_DATED", "MIN_PERIODS", "over_time_html", "pages_compared_html"]

#: "Pages compared" compares at most this many pages, the largest (a folder of files can make thousands).
MAX_PAGES_COMPARED = 12
#: "Over time" needs at least this many dated articles ...
MIN_DATED = 20
#: ... spanning at least this many periods.
MIN_PERIODS = 3


# ------------------------------------------------------------------------------------ pages compared


def pages_compared_html(
    corpus: pd.DataFrame,
    model: Any = None,
    *,
    slug: str = "report",
    top: int = 10,
    texts: pd.DataFrame | None = None,
    note: str = "",
) -> HTMLBlock:
    """The "Pages compared" section, or one sentence saying why it is absent (fewer than two pages).

    Args:
        corpus: the corpus.
        model: the fitted :class:`analysis.topics.TopicModel` (adds the pages x clusters table).
        slug: prefix of the CSV download names.
        top: distinguishing terms shown per page.
        texts: the articles whose words are compared (default ``corpus``; on a large archive a sample with
            bodies, see :func:`analysis.report.data.text_view`); overlap counts always use ``corpus``.
        note: a sentence for the reader when ``texts`` is a sample.

    Returns:
        The HTML fragment.
    """
    heading = "Pages compared"
    pages = page_counts(corpus)
    if len(pages) < 2:
        only = next(iter(pages), "")
        return absent(
            heading,
            f"all {len(corpus):,} articles come from one tag page ({only}); comparing needs two or more.",
        )
    compared, texts, limit = _largest_pages(corpus, corpus if texts is None else texts, pages)
    terms = compare_groups(texts, by="tag_pages", top=top)
    rows = PageRows.of(corpus)  # each article's pages, worked out once for the tables below
    blocks = [
        _terms_block(terms, top, slug),
        _overlap_block(page_overlap(compared, rows=rows if compared is corpus else None), slug),
        _multi_page_block(corpus, rows, slug),
    ]
    if model is not None:
        blocks.append(_clusters_block(corpus, model, set(page_counts(compared)), rows, slug))
    intro = [
        (
            f"The {len(corpus):,} articles come from {len(pages)} tag pages. For each page, the words and phrases "
            "it uses more than the other pages, scored with the log-odds ratio with an informative Dirichlet "
            "prior (Monroe, Colaresi & Quinn 2008), which does not let rare words win on chance."
        )
    ]
    notes = [limit] if limit else []
    notes += [note.replace("This section reads", "The words compared come from")] if note else []
    notes += _sampling_notes(terms.attrs.get("settings", {}))
    return section(heading, "pages-compared", intro=intro, blocks=blocks, notes=notes)


def _terms_block(terms: pd.DataFrame, top: int, slug: str) -> dict[str, Any]:
    return block(
        figure_html(
            plot_distinguishing_terms(
                terms, top=top, title="Words and phrases that set each page apart"
            ),
            alt="Bar charts of the words and phrases most typical of each tag page compared with the others",
            caption="Longer bar: more typical of the page than of the other pages. Beyond the dashed line "
            "(z = 1.96) the difference is larger than chance would give (5% level).",
            table=terms,
            csv_name=f"{slug}-page-terms.csv",
        ),
        heading="What each page is about, compared with the others",
    )


def _overlap_block(overlap: pd.DataFrame, slug: str) -> dict[str, Any]:
    pairs = overlap[overlap["page_a"] != overlap["page_b"]]
    caption = "Each cell counts the articles found on both pages"
    if pairs["tag_jaccard"].notna().any():
        caption += (
            "; J is the share of tags the two pages have in common (0: none, 1: the same tags)"
        )
    caption += "." if pairs["shared_articles"].any() else ". No two pages share an article."
    return block(
        figure_html(
            plot_page_overlap(overlap),
            alt="Heatmap of the number of articles each pair of tag pages shares",
            caption=caption,
            table=overlap,
            csv_name=f"{slug}-page-overlap.csv",
        ),
        heading="How the pages overlap",
    )


def _clusters_block(
    corpus: pd.DataFrame, model: Any, shown: set[str], rows: PageRows, slug: str
) -> dict[str, Any]:
    """Articles of each compared page in each topic cluster."""
    by_cluster = pages_by_cluster(corpus, model, rows=rows)
    names = {int(model.numbers[i]): name for i, name in cluster_names(model).items()}
    # One row per cluster, named as everywhere in the report ("3: profit · sales"), one column per page:
    # at most MAX_PAGES_COMPARED columns, however many clusters there are.
    crosstab = by_cluster[by_cluster.index.isin(shown)].T
    crosstab = crosstab.set_axis([names[int(c)] for c in crosstab.index], axis=0)
    crosstab = crosstab.rename_axis(index="cluster", columns=None).reset_index()
    return block(
        table_html(
            crosstab,
            numeric=[c for c in crosstab.columns if c != "cluster"],
            csv_name=f"{slug}-pages-by-cluster.csv",
        ),
        heading="Pages against topic clusters",
        text="Articles of each topic cluster on each page (an article on two pages counts on both).",
    )


def _sampling_notes(settings: dict[str, Any]) -> list[str]:
    """A sentence when the terms were counted on a sample or on the lead only."""
    if settings.get("sample", "every article") != "every article" or settings.get(
        "text_used", ""
    ).endswith("of the body"):
        sentence = (
            f"To stay quick on a large collection, terms were counted on {settings.get('sample')}, "
            f"reading the {settings.get('text_used')} (news puts the topic in the lead)."
        )
        return [sentence]
    return []


def _largest_pages(
    corpus: pd.DataFrame, texts: pd.DataFrame, pages: dict[str, int]
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """``corpus`` and ``texts`` seen on the :data:`MAX_PAGES_COMPARED` largest pages only (each article's
    other pages dropped, articles on none of them left out), and a sentence saying so; unchanged, with
    "", when there are that few pages."""
    if len(pages) <= MAX_PAGES_COMPARED:
        return corpus, texts, ""
    ranked = sorted(pages, key=lambda page: -pages[page])  # stable: ties keep first-seen order
    keep = set(ranked[:MAX_PAGES_COMPARED])

    def only(frame: pd.DataFrame) -> pd.DataFrame:
        kept = frame["tag_pages"].map(lambda listed: [p for p in listed if p in keep])
        return frame.assign(tag_pages=kept)[kept.map(bool).to_numpy()].reset_index(drop=True)

    others = sum(n for page, n in pages.items() if page not in keep)
    note = (
        f"There are {len(pages):,} tag pages: the {MAX_PAGES_COMPARED} with the most articles are compared "
        f"here; the other {len(pages) - MAX_PAGES_COMPARED:,} pages ({others:,} article listings) are left "
        "out of this section, and counted everywhere else."
    )
    return only(corpus), only(texts), note


def _multi_page_block(corpus: pd.DataFrame, rows: PageRows, slug: str) -> dict[str, Any]:
    multi = multi_page_articles(corpus, rows=rows)
    table = multi[["title", "n_pages", "pages"]].rename(
        columns={"title": "headline", "n_pages": "pages (count)", "pages": "found on"}
    )
    html = table_html(
        table,
        numeric=["pages (count)"],
        csv_name=f"{slug}-multi-page-articles.csv",
        max_rows=15,
        empty="No article was found on more than one page.",
    )
    return block(html, heading="Articles found on several pages")


# ------------------------------------------------------------------------------------------ over time


def _why_no_time(corpus: pd.DataFrame, freq: str) -> str | None:
    coverage = time_coverage(corpus, freq=freq)
    if coverage.dated == 0:
        return (
            f"none of the {len(corpus):,} articles has a publication date (JSON Lines or CSV exports with a "
            "date field, or tag pages with a date line under each headline, have one)."
        )
    if coverage.dated < MIN_DATED:
        return (
            f"only {coverage.dated:,} of the {plural(len(corpus), 'article')} "
            f"{plural(coverage.dated, 'is', number=False)} dated; trends need at least {MIN_DATED}."
        )
    if coverage.periods < MIN_PERIODS:
        return (
            f"the {coverage.dated:,} dated articles span {plural(coverage.periods, FREQUENCIES[freq])}; "
            f"trends need at least {MIN_PERIODS} (try a shorter period: --freq W or D)."
        )
    return None


def over_time_html(
    corpus: pd.DataFrame,
    model: Any = None,
    *,
    freq: str = "M",
    slug: str = "report",
    texts: pd.DataFrame | None = None,
    note: str = "",
) -> HTMLBlock:
    """The "Over time" section, or one sentence saying why it is absent (too few dated articles/periods).

    Args:
        corpus: the corpus (dates in its ``published`` column).
        model: the fitted :class:`analysis.topics.TopicModel` (clusters over time); without it, pages.
        freq: ``"D"``, ``"W"`` or ``"M"``.
        slug: prefix of the CSV download names.
        texts: the articles whose words "What changed" compares (default ``corpus``; on a large archive
            read without bodies, a dated sample with bodies, see :func:`analysis.report.data.text_view`;
            without either that block says the text was not read). Counts over time always use ``corpus``.
        note: a sentence for the reader when ``texts`` is a sample.

    Returns:
        The HTML fragment.
    """
    heading = "Over time"
    reason = _why_no_time(corpus, freq)
    if reason is not None:
        return absent(heading, reason)
    unit = FREQUENCIES[freq]
    by = "cluster" if model is not None else "page"
    groups = trends(corpus, freq=freq, by=by, model=model, top=None)
    tags = trends(corpus, freq=freq, by="tag", top=8)
    name = _cluster_namer(model)
    blocks = [
        block(
            figure_html(
                plot_trends(
                    groups,
                    title=f"{'Topic clusters' if model is not None else 'Pages'} per {unit}",
                    name=name,
                ),
                alt=f"Bar chart of dated articles per {unit} above a line chart of each group's share",
                caption=f"Top: dated articles per {unit} (a short bar is less coverage, not a trend). "
                "Bottom: each group's share of them; ringed points are spikes.",
                table=groups,
                csv_name=f"{slug}-{by}-over-time.csv",
            ),
            heading=f"{'Clusters' if model is not None else 'Pages'} over time",
        ),
        _tags_block(tags, unit, slug),
        _spikes_block(groups, tags, slug, name),
        _rising_block(corpus if texts is None else texts, groups, freq, slug, note),
    ]
    coverage = time_coverage(corpus, freq=freq)
    intro = [
        (
            f"{coverage.dated:,} of the {len(corpus):,} articles are dated, from "
            f"{period_label(coverage.first, 'D')} to {period_label(coverage.last, 'D')} "
            f"({plural(coverage.periods, FREQUENCIES[freq])}, times in UTC)."
        )
    ]
    notes = list(corpus.attrs.get("date_notes", []))
    return section(heading, "over-time", intro=intro, blocks=blocks, notes=notes)


def _tags_block(tags: pd.DataFrame, unit: str, slug: str) -> dict[str, Any]:
    heading = "Top tags over time"
    if tags.empty:
        return block("", heading=heading, text="Not shown: no dated article carries a tag.")
    return block(
        figure_html(
            plot_trends(tags, title=f"Most-used tags per {unit}"),
            alt=f"Line chart of the share of articles carrying each of the most-used tags per {unit}",
            caption="An article with several tags counts for each, so shares need not add up to 100%.",
            table=tags,
            csv_name=f"{slug}-tags-over-time.csv",
        ),
        heading=heading,
    )


def _cluster_namer(model: Any):
    """Clusters (numbered from 1 in trend tables) named as in the cards: "3: profit · sales"."""
    names = cluster_names(model) if model is not None else {}

    def name(group: Any) -> str:
        if isinstance(group, int | np.integer) and int(group) - 1 in names:
            return names[int(group) - 1]
        return str(group)

    return name


def _spikes_block(groups: pd.DataFrame, tags: pd.DataFrame, slug: str, name) -> dict[str, Any]:
    found = [table[table["spike"]] for table in (groups, tags) if len(table)]
    spikes = pd.concat(
        found, ignore_index=True
    )  # never an empty table: its dtypes would turn ints to floats
    table = spikes[["label", "group", "articles", "period_articles", "headline"]].rename(
        columns={
            "label": "period",
            "articles": "articles in group",
            "period_articles": "articles in period",
            "headline": "most representative headline",
        }
    )
    table = table.assign(group=table["group"].map(name))
    html = table_html(
        table,
        numeric=["articles in group", "articles in period"],
        csv_name=f"{slug}-spikes.csv",
        empty="No spike: no group had a period with at least twice its usual number of articles.",
    )
    return block(html, heading="Spikes")


def _rising_block(
    texts: pd.DataFrame, groups: pd.DataFrame, freq: str, slug: str, note: str = ""
) -> dict[str, Any]:
    totals = groups.groupby("period", sort=True).agg(
        n=("period_articles", "first"), label=("label", "first")
    )
    totals = totals[totals["n"] > 0]
    (start_a, label_a), (start_b, label_b) = totals["label"].iloc[-2:].items()
    heading = f"What changed in the last {FREQUENCIES[freq]}"
    if "body" not in texts.columns:
        return block(
            "",
            heading=heading,
            text=f"Not shown: the words used more in {label_b} than in {label_a} need the articles' text, "
            "which the report does not read on a collection this large.",
        )
    if not all(_dated_in(texts, pd.Period(start, freq=freq)) for start in (start_a, start_b)):
        return block(
            "",
            heading=heading,
            text=f"Not shown: the articles whose text was read have none dated in {label_a} or {label_b}.",
        )
    table = rising_terms(
        texts, pd.Period(start_a, freq=freq), pd.Period(start_b, freq=freq), top=15
    )
    a_col, b_col = f"articles in {label_a}", f"articles in {label_b}"
    shown = table[["term", "articles_a", "articles_b", "z"]].rename(
        columns={"articles_a": a_col, "articles_b": b_col}
    )
    html = table_html(
        shown,
        numeric=[a_col, b_col, "z"],
        csv_name=f"{slug}-rising-terms.csv",
        empty="No word is found in markedly more articles in the last period.",
    )
    sample = f" {note.replace('This section reads', 'They come from')}" if note else ""
    n_a, n_b = table.attrs["period_articles_a"], table.attrs["period_articles_b"]
    return block(
        html,
        heading=heading,
        text=f"Words and phrases found in more of the articles of {label_b} ({plural(n_b, 'article')}) "
        f"than of {label_a} ({plural(n_a, 'article')}). Each article counts once however often it uses "
        f"a word, and a word must be in at least {RISING_MIN_ARTICLES} articles of {label_b}; z scores "
        f"the difference like the page comparison (above 1.96: beyond chance).{sample}",
    )


def _dated_in(texts: pd.DataFrame, period: pd.Period) -> bool:
    """True when some article of ``texts`` is dated within ``period`` (UTC)."""
    if "published" not in texts.columns:
        return False
    dates = published_dates(texts).dt.tz_localize(None)
    return bool(((dates >= period.start_time) & (dates <= period.end_time)).any())
