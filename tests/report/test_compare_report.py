"""Tests for analysis.report.compare: the "Pages compared" and "Over time" sections, or why they are absent."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from analysis import compare_groups, load_corpus
from analysis.report.compare import over_time_html, pages_compared_html


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.parts.append(data)


def _read(html: str) -> tuple[str, list[tuple[str, dict]]]:
    parser = _Text()
    parser.feed(str(html))
    return re.sub(r"\s+", " ", " ".join(parser.parts)), parser.tags


def test_seed_shows_neither_section_and_says_why(seed_corpus):
    pages, _ = _read(pages_compared_html(seed_corpus, slug="seed"))
    assert pages.strip() == (
        "Pages compared is not shown: all 9 articles come from one tag page (UK defense); "
        "comparing needs two or more."
    )
    time, _ = _read(over_time_html(seed_corpus, slug="seed"))
    assert time.strip().startswith(
        "Over time is not shown: none of the 9 articles has a publication date"
    )


HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def dated_pages(tmp_path_factory):
    """Two pages (one with a hostile name), 4 months of dated articles, one story on both pages."""
    rng = np.random.default_rng(3)
    words = [
        "council",
        "budget",
        "minister",
        "policy",
        "report",
        "debate",
        "region",
        "market",
        "office",
        "growth",
        "plan",
    ]
    records = []
    for i in range(48):
        page = "Defence" if i % 2 else HOSTILE
        planted = ["submarine", "frigate"] if page == "Defence" else ["vaccine", "hospital"]
        body = " ".join(list(rng.permutation(words * 2)) + planted * 2) + "."
        records.append(
            {
                "title": f"Story {i} about {planted[0]}",
                "body": body,
                "tags": [planted[0].capitalize()],
                "tag_pages": [page, "Defence"] if i == 0 else [page],
                "date": f"2025-{6 + i % 4:02d}-{1 + i % 27:02d}T12:00:00Z",
            }
        )
    path = tmp_path_factory.mktemp("dated") / "dated.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return load_corpus(path)


def test_pages_compared_section_on_two_pages(dated_pages):
    html = str(pages_compared_html(dated_pages, slug="t"))
    text, tags = _read(html)
    assert ("h2", {"id": "pages-compared"}) in tags
    assert "<script>" not in html and "&lt;script&gt;" in html  # a page name is text, never markup
    assert "The 48 articles come from 2 tag pages." in text
    downloads = [a["download"] for t, a in tags if t == "a"]
    assert downloads == ["t-page-terms.csv", "t-page-overlap.csv", "t-multi-page-articles.csv"]
    assert "Story 0 about vaccine" in text  # the one article on both pages


def test_pages_against_clusters_names_each_cluster(dated_pages):
    from analysis import fit_topics

    model = fit_topics(dated_pages, k=2, random_state=0)
    html = str(pages_compared_html(dated_pages, model, slug="t"))
    table = html[html.index("Pages against topic clusters") :]
    head = table[table.index("<thead>") : table.index("</thead>")]
    headers, _ = _read(head)
    assert headers.split()[0] == "cluster" and "Defence" in headers and "cluster 1" not in headers
    text, _ = _read(table[table.index("</thead>") :])
    for i, label in model.clusters["label"].items():
        assert f"{i + 1}: {label}" in text  # each cluster by its number and label, as in the cards


def test_over_time_section_on_four_dated_months(dated_pages):
    html = str(over_time_html(dated_pages, freq="M", slug="t"))
    text, tags = _read(html)
    assert ("h2", {"id": "over-time"}) in tags
    assert "48 of the 48 articles are dated" in text and "(4 months, times in UTC)" in text
    assert "What changed in the last month" in text
    assert len([t for t, _ in tags if t == "img"]) == 2
    few, _ = _read(over_time_html(dated_pages.head(12), freq="M"))
    assert "only 12 of the 12 articles are dated; trends need at least 20" in few
    short, _ = _read(over_time_html(dated_pages[dated_pages["published"].dt.month < 8], freq="M"))
    assert "span 2 months; trends need at least 3" in short


def test_over_time_on_a_corpus_read_without_bodies(dated_pages):
    """A large archive is read without bodies: trends are drawn, the words that changed say why not,
    or come from the sample of texts passed, which the section then names."""
    bodiless = dated_pages.drop(columns="body")
    text, tags = _read(over_time_html(bodiless, freq="M", slug="t"))
    assert ("h2", {"id": "over-time"}) in tags and "48 of the 48 articles are dated" in text
    assert len([t for t, _ in tags if t == "img"]) == 2
    assert (
        "Not shown: the words used more in September 2025 than in August 2025 need the articles'"
        in text
    )
    assert "t-rising-terms.csv" not in [a.get("download") for _, a in tags]
    note = "This section reads a random sample of 32 of the 48 articles."
    sample = dated_pages[dated_pages.index % 3 > 0]
    text, tags = _read(over_time_html(bodiless, freq="M", slug="t", texts=sample, note=note))
    assert "Not shown" not in text and "They come from a random sample of 32 of the 48" in text
    assert (
        "September 2025 (8 articles) than of August 2025 (8 articles)" in text
    )  # counted on the sample
    assert "t-rising-terms.csv" in [a.get("download") for _, a in tags]
    undated_sample = sample[sample["published"].dt.month < 9]
    text, _ = _read(over_time_html(bodiless, freq="M", texts=undated_sample))
    assert "have none dated in August 2025 or September 2025" in text


# -------------------------------------------------------------------------- BBC categories as tag pages

_EXPECTED = {
    "Sport": {
        "match",
        "game",
        "win",
        "season",
        "cup",
        "coach",
        "champion",
        "players",
        "team",
        "injury",
        "olympic",
        "club",
        "play",
        "chelsea",
        "rugby",
        "england",
        "wales",
        "race",
        "final",
        "squad",
    },
    "Business": {
        "growth",
        "economy",
        "sales",
        "profits",
        "company",
        "shares",
        "market",
        "bank",
        "firm",
        "prices",
        "oil",
        "economic",
        "profit",
        "dollar",
        "investors",
        "rate",
        "deal",
        "business",
    },
    "Tech": {
        "software",
        "users",
        "microsoft",
        "computer",
        "technology",
        "mobile",
        "net",
        "digital",
        "internet",
        "phone",
        "broadband",
        "online",
        "games",
        "data",
        "network",
        "people",
        "use",
    },
}


@pytest.fixture(scope="module")
def bbc_pages(bbc_path: Path, tmp_path_factory) -> Path:
    """60 articles of each of three BBC categories written as tag pages (one file per category)."""
    folder = tmp_path_factory.mktemp("bbc-pages")
    rows = [json.loads(line) for line in bbc_path.read_text(encoding="utf-8").splitlines()]
    for page in _EXPECTED:
        articles = [r for r in rows if r["category"] == page.lower()][:60]
        lines = [f"Tag - {page}", ""]
        for r in articles:
            lines += [r["title"], *[p.strip() for p in r["body"].split("\n") if p.strip()], page]
        (folder / f"{page.lower()}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_bbc_pages_compared_with_terms_that_make_sense(bbc_pages):
    corpus = load_corpus(bbc_pages)
    assert sorted({p for pages in corpus["tag_pages"] for p in pages}) == sorted(_EXPECTED)
    terms = compare_groups(corpus, by="tag_pages", top=10)
    for page, vocabulary in _EXPECTED.items():
        top = terms.loc[terms["group"] == page, "term"].tolist()
        assert len(set(top) & vocabulary) >= 4, (page, top)
        assert (terms.loc[terms["group"] == page, "z"] > 1.96).all()
    text, tags = _read(pages_compared_html(corpus, slug="bbc"))
    assert ("h2", {"id": "pages-compared"}) in tags
    assert "come from 3 tag pages" in text


def test_many_pages_compare_the_largest_and_say_so(dated_pages):
    """A folder of a thousand files is a thousand pages: the section compares the largest few (it once drew
    a chart too large to encode), names how many were left out, and the summary lists the largest pages."""
    from analysis.report import summary_html
    from analysis.report.compare import MAX_PAGES_COMPARED, _largest_pages
    from analysis.report.naming import page_counts
    from analysis.tags import tag_frequency
    from analysis.topics import fit_topics

    n_pages = MAX_PAGES_COMPARED + 8
    sizes = np.arange(len(dated_pages)) % n_pages
    pages = dated_pages.assign(tag_pages=[[f"page {s:02d}"] for s in sizes])
    pages.loc[0, "tag_pages"] = [
        "page 00",
        "page 19",
    ]  # one article on two pages, one of them small
    html = str(pages_compared_html(pages, slug="t"))
    text, _ = _read(html)
    left = n_pages - MAX_PAGES_COMPARED
    assert f"There are {n_pages} tag pages: the {MAX_PAGES_COMPARED} with the most articles" in text
    assert f"the other {left} pages" in text
    assert "page 19" in text  # the multi-page table names the article on two pages
    compared, _, _ = _largest_pages(pages, pages, page_counts(pages))
    # 48 articles on 20 pages: pages 0-7 and 19 hold 3, the rest 2 (ties go to the page seen first)
    largest = {f"page {s:02d}" for s in [*range(8), 19, 8, 9, 10]}
    assert set(page_counts(compared)) == largest
    assert compared["tag_pages"].map(len).sum() == sum(page_counts(pages)[p] for p in largest)
    model = fit_topics(pages, k=2, random_state=0)
    summary, _ = _read(
        summary_html(pages, model, tag_frequency(pages), title="t", colors=["#000", "#111"])
    )
    assert f"{n_pages} tag pages" in summary and f"and {n_pages - 12} other tag pages" in summary
