"""Boilerplate: each outlet's promo and link box, appended to every article, are found and left out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.corpus.boilerplate import (
    ANY_OUTLET,
    MIN_ARTICLES,
    find_boilerplate,
    strip_boilerplate,
)
from analysis.datasets import OUTLETS, boilerplate_of, make_export
from analysis.extract import people_and_quotes
from analysis.topics import fit_topics

# Who and what the outlets' furniture names: never a person, organisation or quote of the coverage.
FURNITURE_NAMES = {
    "Gregor Vance",
    "Ines Marlow",
    "Tobias Wren",
    "Felix Drummond",
    "Courier Travel Club",
}
FURNITURE_QUOTE = "Read more, pay less"


def corpus_of(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(records)
    return frame.assign(
        id=[f"a{i:03d}" for i in range(len(frame))],
        tags=[[] for _ in range(len(frame))],
        tag_pages=[["export"] for _ in range(len(frame))],
        outlet=frame["publisher"],
    )


@pytest.fixture(scope="module")
def with_furniture() -> pd.DataFrame:
    return corpus_of(make_export(27, boilerplate=True))


@pytest.fixture(scope="module")
def without_furniture() -> pd.DataFrame:
    return corpus_of(make_export(27, boilerplate=False))


def test_each_outlets_promo_and_link_box_are_found_and_nothing_else(with_furniture):
    found = find_boilerplate(with_furniture)
    expected = {(o["name"], p) for o in OUTLETS for p in boilerplate_of(o)}
    assert (
        set(zip(found.paragraphs["outlet"], found.paragraphs["paragraph"], strict=True)) == expected
    )
    assert list(found.paragraphs["articles"]) == [9] * 6
    assert (found.removed, found.articles) == (54, 27)
    assert "6 paragraphs" in found.note() and "54 occurrences in 27 articles" in found.note()


def test_stripping_gives_back_the_articles_as_written(with_furniture, without_furniture):
    stripped = strip_boilerplate(with_furniture)
    assert list(stripped["body"]) == list(without_furniture["body"])
    assert list(with_furniture["body"]) != list(without_furniture["body"])  # not modified
    assert len(stripped.attrs["boilerplate"]) == 6


def test_no_person_organisation_or_quote_comes_from_the_furniture(with_furniture):
    mentions, said = people_and_quotes(with_furniture, progress=False)
    assert FURNITURE_NAMES & set(mentions["name"])  # the test can fail: unstripped, they are found
    assert said["quote"].str.contains(FURNITURE_QUOTE).any()
    mentions, said = people_and_quotes(strip_boilerplate(with_furniture), progress=False)
    assert not FURNITURE_NAMES & set(mentions["name"])
    assert not said["quote"].str.contains(FURNITURE_QUOTE).any()
    names = set(mentions["name"])
    assert all(any(who in name for name in names) for who in ("Okafor", "Reyes", "Strand"))


def test_topics_do_not_change_when_the_furniture_is_removed(with_furniture, without_furniture):
    stripped = fit_topics(strip_boilerplate(with_furniture), k=3, random_state=0)
    clean = fit_topics(without_furniture, k=3, random_state=0)
    np.testing.assert_array_equal(stripped.labels, clean.labels)
    assert list(stripped.clusters["terms"]) == list(clean.clusters["terms"])
    terms = " ".join(" ".join(t) for t in stripped.clusters["terms"]).lower()
    assert not {"ledger", "courier", "newsletters", "subscribe"} & set(terms.split())


def test_a_paragraph_repeated_in_a_few_articles_is_not_boilerplate():
    records = make_export(30, boilerplate=False)
    for record in records[: MIN_ARTICLES - 1]:
        record["body"] += '\n\n"We will not back down," said Helen Strand.'
    found = find_boilerplate(corpus_of(records))
    assert found.paragraphs.empty and found.removed == 0 and found.note() == ""


def test_without_outlets_boilerplate_is_counted_per_tag_page(with_furniture):
    pages = with_furniture.drop(columns="outlet").assign(
        tag_pages=[[r] for r in with_furniture["publisher"]]
    )
    assert len(find_boilerplate(pages).paragraphs) == 6


def test_furniture_of_three_outlets_is_left_out_everywhere():
    records = make_export(27, boilerplate=False)
    for record in records:
        record["body"] += "\n\nAdvertisement"  # every article of the three outlets
    small = [
        {
            "title": f"Tiny {i}",
            "body": f"Ferry fares rise {i}.\n\nAdvertisement",
            "publisher": "Tiny Times",
        }
        for i in range(2)
    ]  # an outlet with too few articles to tell on its own
    found = find_boilerplate(corpus_of(records + small))
    assert found.paragraphs.to_dict("records")[-1] == {
        "outlet": ANY_OUTLET,
        "paragraph": "Advertisement",
        "articles": 2,
    }
    assert (found.removed, found.articles) == (29, 29)
    assert "(1) are left out of every outlet's articles" in found.note()
    stripped = strip_boilerplate(corpus_of(records + small), found)
    assert not stripped["body"].str.contains("Advertisement").any()
    assert list(stripped["body"].iloc[-2:]) == ["Ferry fares rise 0.", "Ferry fares rise 1."]


def test_a_slideshow_glued_to_a_paragraph_is_left_out_and_the_story_kept() -> None:
    body = (
        '"So, lads, we are done," he said. Photos: The rally in Ohio Hide Caption 1 of 2 '
        "Photos: The rally in Ohio Hide Caption 2 of 2\n\nThe count resumes on Monday."
    )
    out = strip_boilerplate(pd.DataFrame({"body": [body, "Nothing to see here."]}))
    assert out["body"].tolist() == [
        '"So, lads, we are done," he said.\n\nThe count resumes on Monday.',
        "Nothing to see here.",
    ]
    assert "left out of 1 article." in out.attrs["boilerplate_note"]


def test_real_slideshows_in_allsides_leave_no_caption_counter_and_keep_the_story() -> None:
    from analysis.config import SHARED_DIR

    path = SHARED_DIR / "data" / "allsides" / "allsides-dev.jsonl.gz"
    if not path.is_file():
        pytest.skip(
            f"AllSides data not found at {path} (../shared/data/allsides is not beside this checkout)"
        )
    import gzip
    import json

    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if "Hide Caption" in (r.get("body") or "")]
    assert len(rows) >= 100  # CNN's slideshows, flattened into the text
    corpus = pd.DataFrame(rows)[["id", "title", "body"]]
    out = strip_boilerplate(corpus)
    assert not out["body"].str.contains("Hide Caption").any()
    assert out["body"].str.strip().astype(bool).all()  # no article is emptied
    # the story around the slideshows stays: each article's opening paragraph, when it is no caption
    leads = [
        (i, body.split("\n\n")[0])
        for i, body in enumerate(corpus["body"])
        if "Hide Caption" not in body.split("\n\n")[0] and "Photos" not in body.split("\n\n")[0]
    ]
    assert len(leads) >= 50
    assert all(lead in out["body"].iloc[i] for i, lead in leads)


@pytest.mark.parametrize(
    ("paragraph", "left"),
    [
        ("Update 2110 BST (1610 EST)", ""),
        ("Update: 1649 BST", ""),
        ("Update 9:45PM EDT", ""),
        ("UPDATE at 3:15 ET: The count resumed.", "The count resumed."),
        ("Update at 11 a.m. ET. Stock Market Rises:", "Stock Market Rises:"),
        ("Updates to the software arrive on Monday.", "Updates to the software arrive on Monday."),
        ("An update at 10 came late.", "An update at 10 came late."),
    ],
)
def test_a_live_blogs_time_stamp_is_left_out_and_its_entry_kept(paragraph, left) -> None:
    body = f"The blog opens.\n\n{paragraph}\n\nIt closes."
    out = strip_boilerplate(pd.DataFrame({"body": [body]}))
    assert out["body"][0] == "\n\n".join(p for p in ("The blog opens.", left, "It closes.") if p)
