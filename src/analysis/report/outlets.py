"""The report's "Outlets compared" and "Same story, several outlets" sections.

:func:`outlets_compared_html` compares the values of one column (``outlet`` by default, any column with
``--compare-by``): articles per outlet, each outlet's share of each topic, the words and phrases that set
each outlet apart, the people each quotes and its share of unnamed sources, and attention over time, one
small chart per outlet. :func:`stories_html` lists the stories run by several outlets (story groups from
:func:`analysis.compare.story_groups`) and each outlet's share of copies of another outlet's text. Both
compare the :data:`analysis.compare.outlets.MAX_OUTLETS` largest outlets and count the others in one row.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.compare import compare_groups, time_coverage
from analysis.compare.outlets import (
    MAX_OUTLETS,
    attention_over_time,
    copy_shares,
    outlet_keys,
    outlet_sizes,
    outlet_sources,
    story_spread,
    topic_shares,
)
from analysis.compare.stories import SHINGLE_WORDS, STORY_THRESHOLD
from analysis.plots.compare import plot_distinguishing_terms
from analysis.plots.outlets import plot_outlet_attention, plot_topic_shares
from analysis.report.compare import MIN_DATED, MIN_PERIODS
from analysis.report.html import HTMLBlock, figure_html, table_html
from analysis.report.sections import absent, block, section
from analysis.report.tables import cluster_names

__all__ = ["outlets_compared_html", "stories_html"]

_UNIT = {"D": "day", "W": "week", "M": "month"}


def _percent(share: float) -> str:
    return "" if pd.isna(share) else f"{100 * share:.1f}%"


def _noun(by: str) -> str:
    return by.replace("_", " ")


def _plural(by: str, n: int) -> str:
    return _noun(by) if n == 1 else f"{_noun(by)}s"


def outlets_compared_html(
    corpus: pd.DataFrame,
    model: Any,
    *,
    by: str,
    said: pd.DataFrame | None = None,
    texts: pd.DataFrame | None = None,
    freq: str = "M",
    slug: str = "report",
    top: int = 10,
    note: str = "",
) -> HTMLBlock:
    """The "Outlets compared" section, or one sentence saying why it is absent.

    Args:
        corpus: the corpus (every article; counts are exact per article).
        model: its fitted :class:`analysis.topics.TopicModel` (``labels`` aligned with ``corpus``).
        by: the column compared (from :func:`analysis.compare.compare_column`); ``"tag_pages"`` means the
            report compares pages instead, and this section says so.
        said: quotations of ``texts`` (:func:`analysis.extract.quotes`), for the sources table.
        texts: the articles whose words and quotations are read (default ``corpus``; a sample on a large
            archive, see ``note``).
        freq: period of the attention charts.
        slug: prefix of the CSV download names.
        top: distinguishing terms shown per outlet.
        note: a sentence for the reader when ``texts`` is a sample.

    Returns:
        The HTML fragment.
    """
    heading = "Outlets compared" if by == "outlet" else f"Compared by {_noun(by)}"
    if by == "tag_pages":
        return absent(
            "Outlets compared",
            "the articles have no outlet column with two or more outlets (the report compares tag "
            "pages instead; --compare-by COLUMN compares the values of any other column).",
        )
    sizes = outlet_sizes(corpus, by, top=MAX_OUTLETS)
    n_outlets = sizes.attrs["outlets"]
    if n_outlets < 2:
        return absent(
            heading,
            f"the {len(corpus):,} articles have {n_outlets} {_noun(by)}; comparing needs two or more.",
        )
    names = {c + 1: name for c, name in cluster_names(model).items()}
    texts = corpus if texts is None else texts
    blocks = [
        _sizes_block(sizes, by, slug),
        _topics_block(topic_shares(corpus, model.labels, by), names, by, slug),
        _terms_block(texts, by, top, slug),
    ]
    if said is not None:
        blocks.append(_sources_block(texts, said, by, slug, note))
    blocks.append(_attention_block(corpus, model, by, names, freq, slug))
    shown = min(n_outlets, MAX_OUTLETS)
    intro = [
        f"The {len(corpus):,} articles come from {n_outlets:,} {_plural(by, n_outlets)}"
        + (f"; the {shown} with the most articles are compared here" if n_outlets > shown else "")
        + ". Shares are of each outlet's own articles, so a large outlet does not look interested in "
        "everything; counts are per article (a syndicated story counts for every outlet that ran it)."
    ]
    notes = [corpus.attrs["story_note"]] if corpus.attrs.get("story_note") else []
    return section(heading, "outlets-compared", intro=intro, blocks=blocks, notes=notes)


def _sizes_block(sizes: pd.DataFrame, by: str, slug: str) -> dict[str, Any]:
    shown = sizes.assign(share=sizes["share"].map(_percent)).rename(
        columns={"outlet": _noun(by), "share": "share of all articles"}
    )
    return block(
        table_html(
            shown, numeric=["articles", "share of all articles"], csv_name=f"{slug}-outlets.csv"
        ),
        heading=f"Articles per {_noun(by)}",
    )


def _topics_block(
    shares: pd.DataFrame, names: dict[int, str], by: str, slug: str
) -> dict[str, Any]:
    return block(
        figure_html(
            plot_topic_shares(
                shares, names=names, title=f"Share of each {_noun(by)}'s articles in each topic"
            ),
            alt=f"Heatmap of the share of each {_noun(by)}'s articles in each topic cluster",
            caption="Read along a row: where the outlet's coverage goes. Compare a cell with the bottom row "
            "(all articles): ratio in the download is share / overall share (above 1: more than average).",
            table=shares,
            csv_name=f"{slug}-outlet-topics.csv",
        ),
        heading="Topics each outlet covers",
    )


def _terms_block(texts: pd.DataFrame, by: str, top: int, slug: str) -> dict[str, Any]:
    keys = outlet_keys(texts, by)
    ranked = keys[keys != ""].value_counts().index[:MAX_OUTLETS]
    kept = texts[keys.isin(ranked).to_numpy()]
    once = kept
    if "story_group" in kept.columns:  # each story counts once per outlet
        once = kept.loc[
            ~pd.DataFrame({"g": kept["story_group"], "o": keys[keys.isin(ranked)]})
            .duplicated()
            .to_numpy()
        ]
    if outlet_keys(once, by).nunique() < 2:
        return block(
            "",
            heading="Words and phrases that set each outlet apart",
            text="Not shown: the articles read have fewer than two outlets.",
        )
    terms = compare_groups(once.assign(**{by: outlet_keys(once, by)}), by=by, top=top)
    text = (
        "Each outlet against the other compared outlets, scored like the page comparison (log-odds ratio "
        "with an informative Dirichlet prior). A copy of a story counts once per outlet."
    )
    return block(
        figure_html(
            plot_distinguishing_terms(
                terms, top=top, title=f"Words and phrases that set each {_noun(by)} apart"
            ),
            alt=f"Bar charts of the words and phrases most typical of each {_noun(by)}",
            caption="Longer bar: more typical of the outlet than of the others. Beyond the dashed line "
            "(z = 1.96) the difference is larger than chance would give (5% level).",
            table=terms,
            csv_name=f"{slug}-outlet-terms.csv",
        ),
        heading="Words and phrases that set each outlet apart",
        text=text,
    )


def _sources_block(
    texts: pd.DataFrame, said: pd.DataFrame, by: str, slug: str, note: str
) -> dict[str, Any]:
    sources = outlet_sources(texts, said, by)
    shown = sources.assign(unnamed_share=sources["unnamed_share"].map(_percent)).rename(
        columns={
            "outlet": _noun(by),
            "unnamed": "from unnamed sources",
            "unnamed_share": "unnamed share",
            "most_quoted": "most quoted (quotations)",
        }
    )
    sample = f" {note.replace('This section reads', 'They come from')}" if note else ""
    return block(
        table_html(
            shown,
            numeric=["articles", "quotations", "named", "from unnamed sources", "unnamed share"],
            csv_name=f"{slug}-outlet-sources.csv",
        ),
        heading="Who each outlet quotes",
        text="Direct quotations per outlet; unnamed share is the share of attributed quotations whose "
        f'source is described but not named ("an official said"). Few quotations make shares jumpy.{sample}',
    )


def _attention_block(
    corpus: pd.DataFrame, model: Any, by: str, names: dict[int, str], freq: str, slug: str
) -> dict[str, Any]:
    heading = "Attention over time in each outlet"
    coverage = time_coverage(corpus, freq=freq)
    if coverage.dated < MIN_DATED or coverage.periods < MIN_PERIODS:
        return block(
            "",
            heading=heading,
            text=f"Not shown: {coverage.dated:,} dated articles over {coverage.periods} periods; this needs "
            f"at least {MIN_DATED} over {MIN_PERIODS}.",
        )
    table = attention_over_time(corpus, model.labels, by, freq=freq)
    return block(
        figure_html(
            plot_outlet_attention(table, names=names),
            alt=f"Small multiples, one per {_noun(by)}: its dated articles per {_UNIT[freq]} and each "
            "large topic's share of them",
            caption=f"Each panel is one outlet: bars count its dated articles per {_UNIT[freq]} (the number "
            "is written on each bar), lines give each of the largest topics' share of them. A share of a "
            "period with few articles swings widely.",
            table=table,
            csv_name=f"{slug}-outlet-attention.csv",
        ),
        heading=heading,
    )


def stories_html(corpus: pd.DataFrame, *, by: str | None = None, slug: str = "report") -> HTMLBlock:
    """The "Same story, several outlets" section: the most widely run stories and each outlet's copies.

    Args:
        corpus: the corpus with its ``story_group`` column.
        by: the outlet column (None or ``"tag_pages"``: stories are listed without outlets).
        slug: prefix of the CSV download names.

    Returns:
        The HTML fragment (one sentence when no story has two copies).
    """
    heading = "Same story, several outlets"
    if "story_group" not in corpus.columns:
        return absent(heading, "story groups were not computed for these articles.")
    spread = story_spread(corpus, by=by or "outlet")
    if spread.empty:
        return absent(
            heading,
            f"no two of the {len(corpus):,} articles are copies of one story (same text with small edits).",
        )
    in_groups = int(spread["copies"].sum())
    intro = [
        (
            f"{in_groups:,} of the {len(corpus):,} articles are copies of {len(spread):,} "
            f"{'story' if len(spread) == 1 else 'stories'} run more "
            "than once (syndicated or re-run with a new headline, a byline, a trimmed or added paragraph or a "
            f"few words changed; found with MinHash on {SHINGLE_WORDS}-word shingles, estimated Jaccard "
            f"similarity at least {STORY_THRESHOLD})."
        )
    ]
    shown = spread.assign(first=spread["first"].map(_day), last=spread["last"].map(_day)).rename(
        columns={"headline": "headline of the earliest copy", "outlet_names": "run by"}
    )
    blocks = [
        block(
            table_html(
                shown.drop(columns=["story_group"]),
                numeric=["copies", "outlets"],
                csv_name=f"{slug}-stories.csv",
                max_rows=15,
            ),
            heading="The most widely run stories",
        )
    ]
    if by and by != "tag_pages" and by in corpus.columns:
        shares = copy_shares(corpus, by=by)
        blocks.append(
            block(
                table_html(
                    shares.assign(share=shares["share"].map(_percent)).rename(
                        columns={
                            "outlet": _noun(by),
                            "copies_of_others": "copies of another outlet's text",
                            "share": "share of its articles",
                            "copied_by_others": "its articles run later by others",
                        }
                    ),
                    numeric=[
                        "articles",
                        "copies of another outlet's text",
                        "share of its articles",
                        "its articles run later by others",
                    ],
                    csv_name=f"{slug}-outlet-copies.csv",
                ),
                heading="Copies of another outlet's text",
                text="An article is a copy of another outlet's text when the earliest copy of its story "
                "(by publication date, then order in the input) was run by another outlet.",
            )
        )
    notes = [corpus.attrs["story_note"]] if corpus.attrs.get("story_note") else []
    return section(heading, "same-story", intro=intro, blocks=blocks, notes=notes)


def _day(value: Any) -> str:
    return "" if pd.isna(value) else f"{value:%Y-%m-%d}"
