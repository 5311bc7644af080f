"""How a report names its sources: page counts in first-seen order, file-name pages."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis.report.naming import file_pages, page_counts

_PAGES = st.lists(
    st.lists(st.sampled_from(["UK defense", "NATO", "a", "b"]), max_size=3), min_size=1
)


@given(pages=_PAGES)
def test_page_counts_count_each_article_once_per_page_in_first_seen_order(pages):
    expected: dict[str, int] = {}
    for row in pages:  # the plain way: row by row
        for page in dict.fromkeys(row):
            expected[page] = expected.get(page, 0) + 1
    got = page_counts(pd.DataFrame({"tag_pages": pd.Series(pages, dtype=object)}))
    assert list(got.items()) == list(expected.items())


def test_a_page_named_only_after_its_file_is_a_file_page():
    corpus = pd.DataFrame(
        {
            "tag_pages": [["export"], ["export"], ["UK defense"], ["UK defense", "export"]],
            "source": ["in/export.jsonl:1", "in/export.jsonl:2", "uk.txt:3", "in/export.jsonl:4"],
        }
    )
    assert file_pages(corpus) == {"export"}
    corpus.loc[1, "source"] = "other.csv:2"  # an article of the page from another file
    assert file_pages(corpus) == set()
