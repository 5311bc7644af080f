"""The BBC-sentence generator: real sentences of one category, quotations whole, the same bytes for a seed."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from analysis.datasets import generate_bbc_sentences, write_bbc_sentences
from analysis.datasets.bbc_sentences import SECOND_TAGS, split_sentences
from analysis.errors import CorpusError

N = 200
#: A quotation and its reporting verb in one sentence: '"...," said X.' or 'X said: "..."'.
ATTRIBUTED = re.compile(
    r'"[^"]{10,}"\s*(?:said|says|told|added)\b|\b(?:said|says|told|added)[^"]{0,40}"'
)


@pytest.fixture(scope="module")
def written(bbc_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("bbc-sentences") / "a.jsonl"
    return write_bbc_sentences(out, N, source=bbc_path, seed=3, chunk=64)


@pytest.fixture(scope="module")
def articles(written):
    return [json.loads(line) for line in written.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def bbc_rows(bbc_path):
    return [json.loads(line) for line in bbc_path.read_text(encoding="utf-8").splitlines()]


def test_same_seed_same_bytes_other_seed_other_bytes(bbc_path, written, tmp_path):
    again = write_bbc_sentences(tmp_path / "b.jsonl", N, source=bbc_path, seed=3, chunk=64)
    other = write_bbc_sentences(tmp_path / "c.jsonl", N, source=bbc_path, seed=4, chunk=64)
    assert again.read_bytes() == written.read_bytes()
    assert other.read_bytes() != written.read_bytes()


def test_in_memory_articles_are_the_written_lines(bbc_path, tmp_path):
    path = write_bbc_sentences(tmp_path / "one-chunk.jsonl", 50, source=bbc_path, seed=1)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert generate_bbc_sentences(50, source=bbc_path, seed=1) == lines


def test_fields_tags_and_distinct_titles(articles, bbc_rows):
    categories = {r["category"] for r in bbc_rows}
    titles = {r["title"] for r in bbc_rows}
    assert len(articles) == N
    assert len({a["id"] for a in articles}) == N
    assert len({a["title"] for a in articles}) == N
    for a in articles:
        assert set(a) == {"id", "title", "body", "tags", "topic", "published"}
        assert a["topic"] in categories
        first, second = a["tags"]
        assert first == a["topic"].title()
        assert second in SECOND_TAGS[a["topic"]]
        real, _, number = a["title"].rpartition(" (")
        assert real in titles and number.rstrip(")").isdigit()
    assert len({a["topic"] for a in articles}) == len(categories)


def test_bodies_are_runs_of_real_sentences_of_their_category(articles, bbc_rows):
    """Each paragraph is consecutive sentences of one BBC article of the article's own category."""
    texts = {}
    for r in bbc_rows:
        paragraphs = (" ".join(p.split()) for p in r["body"].split("\n\n") if p.strip())
        joined = " ".join(s for p in paragraphs for s in split_sentences(p))
        texts.setdefault(r["category"], []).append(joined)
    by_category = {c: "\n".join(t) for c, t in texts.items()}
    words = []
    for a in articles[:60]:
        paragraphs = a["body"].split("\n\n")
        assert len(paragraphs) >= 3
        assert all(p and p in by_category[a["topic"]] for p in paragraphs), a["id"]
        words.append(len(a["body"].split()))
    assert 250 <= min(words) and 350 <= sum(words) / len(words) <= 520


def test_quotations_keep_their_attribution(articles, bbc_rows):
    """At least as many generated articles carry a quotation with its reporting verb as real BBC articles do
    (0.735 of them): the generator moves whole sentences, never a quotation without its "said". (The share
    was once compared with a fixed 0.8, which seed 3 met or missed with a one-sentence change in how BBC text
    is split: 158 to 166 of 200 over seeds 3-6, either way.)"""
    quoted = [a for a in articles if ATTRIBUTED.search(a["body"])]
    real = sum(1 for r in bbc_rows if ATTRIBUTED.search(r["body"])) / len(bbc_rows)
    assert len(quoted) / N >= real


def test_a_quotation_is_never_cut_in_real_bbc_paragraphs(bbc_rows):
    """Only a paragraph's last sentence may hold an unclosed quotation (one that goes on in the next)."""
    for r in bbc_rows[::5]:
        for p in r["body"].split("\n\n"):
            sentences = split_sentences(" ".join(p.split()))
            assert all(s.count('"') % 2 == 0 for s in sentences[:-1]), (r["id"], p)


def test_split_keeps_a_quotation_with_its_speaker():
    text = (
        'Sales rose 2%. "We are pleased. It was a hard year," said Ms Jones. "Next year is better."'
    )
    assert split_sentences(text) == [
        "Sales rose 2%.",
        '"We are pleased. It was a hard year," said Ms Jones.',
        '"Next year is better."',
    ]
    assert split_sentences("Mr. Smith met U.S. officials. They agreed.") == [
        "Mr. Smith met U.S. officials.",
        "They agreed.",
    ]


def test_dates_spread_over_2025(articles):
    dates = pd.to_datetime([a["published"] for a in articles], utc=True, format="ISO8601")
    assert dates.min() >= pd.Timestamp("2025-01-01", tz="UTC")
    assert dates.max() < pd.Timestamp("2026-01-01", tz="UTC")
    assert dates.month.nunique() >= 10


def test_missing_source_names_the_file(tmp_path):
    missing = tmp_path / "nowhere" / "bbc.jsonl"
    with pytest.raises(CorpusError, match=re.escape(str(missing))):
        write_bbc_sentences(tmp_path / "out.jsonl", 10, source=missing)
    assert not (tmp_path / "out.jsonl").exists()
