"""Wire copy through fit_topics: credits and datelines never reach cluster terms or labels."""

from __future__ import annotations

import re

import pandas as pd

from analysis.topics import fit_topics

DESKS = {
    "world": (
        ["BAGHDAD (Reuters) - ", "BAGHDAD, Iraq (AP) -- ", "AP - ", "BASRA (AFP) - "],
        "Iraqi insurgents attacked a convoy near Baghdad as Iraqi troops and insurgents clashed",
    ),
    "business": (
        ["NEW YORK (Reuters) - ", "Reuters - ", "WASHINGTON (AP) -- ", "LONDON (AFP) - "],
        "Shares of the oil company rose after quarterly profit beat forecasts as crude prices climbed",
    ),
    "sport": (
        [
            "LONDON (Reuters) - ",
            "AP - ",
            "MADRID (AFP) - ",
            "By John Smith, Associated Press Writer\n",
        ],
        "The striker scored twice as the champions won the league match and the coach praised the defence",
    ),
}


def _wire_corpus() -> pd.DataFrame:
    rows = []
    for desk, (credits, story) in DESKS.items():
        words = story.split()
        for i in range(8):
            body = credits[i % len(credits)] + " ".join(words[i % 3 :] + words[: i % 3]) + "."
            title = " ".join(words[1 + i % 4 : 5 + i % 4]).capitalize() + (" (AP)" if i % 2 else "")
            rows.append({"id": f"{desk}-{i}", "title": title, "body": body, "desk": desk})
    return pd.DataFrame(rows).assign(tags=[[] for _ in rows], source="test")


def test_wire_credits_and_datelines_never_label_a_cluster() -> None:
    corpus = _wire_corpus()
    model = fit_topics(corpus, k=3, random_state=0)
    credit_terms = {"ap", "afp", "reuters", "associated press", "writer"}
    for terms in model.clusters["terms"]:
        assert not set(terms) & credit_terms, terms
    for label in model.clusters["label"]:
        for word in re.findall(r"[A-Za-z][A-Za-z.'-]*", label):
            assert not (word.isupper() and len(word) > 4), label  # no all-caps dateline word
        assert "AP" not in label.split() and "Reuters" not in label
    by_desk = pd.crosstab(corpus["desk"], model.labels)
    assert (by_desk.max(axis=1) == 8).all()  # each desk is one cluster
