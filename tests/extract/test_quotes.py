"""quotes(): direct quotations, their kind, cue and speaker, on written text and against the seed key."""

from __future__ import annotations

import json

import pandas as pd

from analysis.config import PROJECT_ROOT
from analysis.extract import quotes
from tests.conftest import make_corpus

KEY = PROJECT_ROOT / "tests" / "data" / "entity_key.json"


def _said(body: str) -> pd.DataFrame:
    return quotes(make_corpus([{"body": body}]))


def test_quote_after_with_inverted_verb_and_role():
    said = _said(
        "“Putin is the president of war,” said Nikolai Petrov, a senior analyst at a think tank."
    )
    assert list(said.columns) == [
        "article_id",
        "quote",
        "speaker",
        "speaker_named",
        "cue",
        "kind",
        "start",
        "end",
    ]
    row = said.iloc[0]
    assert (row.quote, row.speaker, row.speaker_named, row.cue, row.kind) == (
        "Putin is the president of war,",
        "Nikolai Petrov",
        True,
        "said",
        "full",
    )


def test_quote_split_around_the_reporting_clause_is_one_row():
    said = _said("“We will act,” Defense Secretary John Healey said. “We have no choice.”")
    assert len(said) == 1
    assert said.iloc[0]["quote"] == "We will act, … We have no choice."
    assert said.iloc[0]["speaker"] == "John Healey"


def test_straight_quotes_and_colon_before():
    said = _said(
        'Colin Asplin, Blackpool Hotel Association said: "We have tried very hard to make sure they come back."'
    )
    assert list(said["speaker"]) == ["Colin Asplin"]
    assert said.iloc[0]["kind"] == "full"


def test_pronoun_goes_to_the_person_set_up_as_subject():
    body = (
        "Former White House adviser Fiona Hill warned of a rupture. Mike Waltz said talks went well. "
        "She told a podcast that allies would be “rushing to get a nuclear weapon,” because of the war."
    )
    said = _said(body)
    assert list(said["speaker"]) == ["Fiona Hill"]
    assert said.iloc[0]["kind"] == "partial"


def test_role_description_goes_to_the_person_with_that_role():
    body = "U.K. Prime Minister Keir Starmer hosted the call. The U.K. prime minister said Ukraine was “the party of peace and always has been.”"
    assert list(_said(body)["speaker"]) == ["Keir Starmer"]


def test_unnamed_source_is_kept_as_written():
    said = _said("“It’s sobering to see the way they speak about Europe,” one EU diplomat said.")
    assert list(zip(said["speaker"], said["speaker_named"], strict=True)) == [
        ("one EU diplomat", False)
    ]


def test_cue_keeps_its_object():
    said = _said(
        "“It cannot be reliance,” Hegseth told reporters. “Our message is clear,” Shapps posted on X."
    )
    assert list(said["cue"]) == ["told reporters", "posted on X"]


def test_terms_and_titles_in_quotation_marks_are_not_speech():
    body = "Leaders backed a “coalition”, watched “The Lovely Bones” and discussed the “valley of death”."
    assert _said(body).empty


def test_quotation_running_over_paragraphs_is_one_row():
    body = '"The first paragraph of the statement goes on,\n\n"and the second one ends it," said Jane Smith.'
    said = _said(body)
    assert len(said) == 1
    assert said.iloc[0]["quote"].startswith("The first paragraph") and said.iloc[0][
        "quote"
    ].endswith("ends it,")


def test_seed_quote_recall_and_speakers_against_the_key(seed_corpus):
    key = json.loads(KEY.read_text(encoding="utf-8"))["seed"]
    said = quotes(seed_corpus)
    found = right = total = 0
    for article, entry in key.items():
        rows = said[said.article_id == article]
        for start, end, speaker in entry["quotes"]:
            total += 1
            hit = rows[(rows.start < end) & (rows.end > start)]
            found += not hit.empty
            right += not hit.empty and hit.iloc[0]["speaker"] == speaker
    assert found / total >= 0.9
    assert (
        right / total >= 0.6
    )  # exact-string match here; benchmarks/entity_quality.py also counts head nouns


def test_seed_most_quoted_speakers(seed_corpus):
    said = quotes(seed_corpus)
    top = said[said.speaker_named]["speaker"].value_counts()
    assert top.index[0] == "Keir Starmer"
    assert {"Maria Eagle", "Pete Hegseth", "Nikolai Petrov"} <= set(top.index[:6])
