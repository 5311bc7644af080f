"""What a corpus cannot show, one sentence each, decided once for the whole report.

Real exports differ in shape: tags or none, dates or none, one tag page or many, bodies or headlines only,
an outlet or none. :func:`report_limits` looks at the corpus once and says, in one plain sentence per
missing part, what the report cannot show and why; the summary lists them, and the sections that would be
empty show the sentence instead of an empty chart. Dates and tag pages are said by their own sections
("Over time", "Pages compared"), which know the finer reasons (too few dated articles, one period).

    limits = report_limits(corpus)
    limits.tags        # "" when articles carry tags, else why the tag sections are empty
    limits.tag_sections  # the short sentence those sections show instead
    limits.lines()     # every sentence, for the summary
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["ReportLimits", "has_outlets", "headlines_only", "report_limits"]


@dataclass(frozen=True)
class ReportLimits:
    """One sentence per part of the report the corpus cannot fill ("" when it can).

    Attributes:
        tags: no article carries an editorial tag: the tag charts and tables are empty.
        tag_sections: the short sentence each tag section shows instead of its empty chart.
        headlines: the articles have headlines only: clusters, people and quotes rest on a few words.
        outlets: no article names its outlet or links to its site: nothing can be compared by outlet.
    """

    tags: str = ""
    tag_sections: str = ""
    headlines: str = ""
    outlets: str = ""

    def lines(self) -> list[str]:
        """The sentences that apply, in reading order."""
        return [line for line in (self.headlines, self.tags, self.outlets) if line]


def headlines_only(corpus: pd.DataFrame) -> bool:
    """True when the corpus has a ``body`` column and every body is empty (a headline list)."""
    if "body" not in corpus.columns or not len(corpus):
        return False
    return not corpus["body"].fillna("").astype(str).str.strip().astype(bool).any()


def has_outlets(corpus: pd.DataFrame) -> bool:
    """True when some article names its outlet (the ``outlet`` column, from the export or a link)."""
    return "outlet" in corpus.columns and bool(corpus["outlet"].notna().any())


def report_limits(corpus: pd.DataFrame) -> ReportLimits:
    """What the report cannot show for ``corpus``, and why, one sentence each.

    Args:
        corpus: the report's corpus (on a large archive read without bodies, headlines are not judged).

    Returns:
        The :class:`ReportLimits`.
    """
    n = len(corpus)
    tags = tag_sections = ""
    if not int(corpus["tags"].map(len).sum()):
        tag_sections = f"Not shown: none of the {n:,} articles carries an editorial tag."
        tags = (
            f"No tags: none of the {n:,} articles carries an editorial tag (the export has no 'tags' "
            "field, or the pages no tag lines), so the tag charts and tables are left out."
        )
    headlines = ""
    if headlines_only(corpus):
        headlines = (
            f"Headlines only: the {n:,} articles have no body text, so the clusters rest on the few words "
            "of each headline, which carry little signal, and people and quotes are rarely found; counts, "
            "dates, tags and outlets still hold."
        )
    outlets = ""
    if not has_outlets(corpus):
        outlets = (
            "No outlets: no article names its outlet (outlet, publisher, media_name, source_name or "
            "site_name) or links to its site (url), so nothing is compared by outlet."
        )
    return ReportLimits(tags=tags, tag_sections=tag_sections, headlines=headlines, outlets=outlets)
