"""Tests for analysis.report.outlets: "Outlets compared" and "Same story, several outlets", and
``--compare-by`` at the door."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

from analysis import fit_topics, story_groups
from analysis.compare.planted import edit_copy
from analysis.config import PROJECT_ROOT
from analysis.report.outlets import outlets_compared_html, stories_html

_WORDS = [
    "council",
    "budget",
    "schools",
    "roads",
    "housing",
    "region",
    "residents",
    "taxes",
    "services",
    "jobs",
    "river",
    "bridge",
    "hospital",
    "nurses",
    "doctors",
    "patients",
    "train",
    "station",
    "tickets",
    "fares",
    "match",
    "goal",
    "league",
    "season",
]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def _text(html: str) -> str:
    parser = _Text()
    parser.feed(str(html))
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


@pytest.fixture(scope="module")
def outlets_corpus() -> pd.DataFrame:
    """15 outlets (so the section keeps the 12 largest), dated over 6 months, one wire story run by 5."""
    rng = np.random.default_rng(1)
    rows = []
    for o in range(15):
        for i in range(40 - 2 * o):
            words = " ".join(rng.choice(_WORDS, size=80))
            rows.append(
                {
                    "id": f"{o}-{i}",
                    "title": f"Story {o}-{i}",
                    "body": f"{words} outletword{o}",
                    "outlet": f"Outlet {o:02d}",
                    "published": pd.Timestamp("2024-01-05", tz="UTC")
                    + pd.Timedelta(days=7 * (i % 26)),
                }
            )
    wire = " ".join(rng.choice(_WORDS, size=150)) + " ceasefire talks resumed in the capital"
    for o in range(5):
        title, body = edit_copy(
            "Ceasefire talks resume", wire, strength="medium", outlet=f"W{o}", rng=rng
        )
        rows.append(
            {
                "id": f"wire-{o}",
                "title": "Ceasefire talks resume" if o == 0 else title,
                "body": body,
                "outlet": f"Outlet {o:02d}",
                "published": pd.Timestamp("2024-03-01", tz="UTC") + pd.Timedelta(days=o),
            }
        )
    corpus = pd.DataFrame(rows)
    return corpus.assign(story_group=story_groups(corpus))


@pytest.fixture(scope="module")
def outlets_model(outlets_corpus):
    return fit_topics(outlets_corpus, k=3, random_state=0)


def test_outlets_section_compares_the_largest_and_counts_the_rest(outlets_corpus, outlets_model):
    html = outlets_compared_html(outlets_corpus, outlets_model, by="outlet", slug="t")
    text = _text(html)
    assert text.startswith("Outlets compared")
    assert (
        f"The {len(outlets_corpus):,} articles come from 15 outlets; the 12 with the most" in text
    )
    assert "3 other outlets" in text
    for heading in (
        "Articles per outlet",
        "Topics each outlet covers",
        "Words and phrases that set each outlet apart",
        "Attention over time in each outlet",
    ):
        assert heading in text
    assert "Outlet 12" not in text.split("Topics each outlet covers")[1]
    assert 'download="t-outlet-attention.csv"' in html and "<script" not in html


def test_outlets_section_is_absent_with_one_outlet_or_pages(outlets_corpus, outlets_model):
    text = _text(
        outlets_compared_html(outlets_corpus.assign(outlet="Solo"), outlets_model, by="outlet")
    )
    assert "is not shown" in text and "1 outlet" in text
    text = _text(outlets_compared_html(outlets_corpus, outlets_model, by="tag_pages"))
    assert "Outlets compared is not shown" in text


def test_stories_section_lists_the_wire_story_and_copies(outlets_corpus):
    text = _text(stories_html(outlets_corpus, by="outlet", slug="t"))
    assert "5 of the 395 articles are copies of 1 story run more than once" in text
    assert "Ceasefire talks resume" in text and "2024-03-01" in text and "2024-03-05" in text
    assert "Copies of another outlet's text" in text
    alone = outlets_corpus.assign(story_group=np.arange(len(outlets_corpus)))
    assert "is not shown" in _text(stories_html(alone, by="outlet"))


def test_report_refuses_an_unknown_compare_by_column_at_the_door(seed_file, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "report",
            str(seed_file),
            "--compare-by",
            "publisher",
            "-q",
            "-o",
            str(tmp_path / "x.html"),
        ],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert not (tmp_path / "x.html").exists()
    assert "--compare-by publisher" in result.stderr and "tag_pages" in result.stderr
    assert "Traceback" not in result.stderr
