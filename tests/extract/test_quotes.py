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


def test_pronoun_with_two_fitting_people_names_nobody():
    body = (
        "Tom Jones met Bill Smith on Monday. Both men spoke at length.\n\n"
        "“We have agreed nothing yet,” he said."
    )
    said = _said(body)
    assert list(zip(said["speaker"], said["speaker_named"], strict=True)) == [("", False)]


def test_pronoun_after_said_x_goes_to_x_and_names_inside_quotes_are_not_referents():
    body = (
        "Putin is warning Trump, said Kirill Rogov, founder of the think tank Re:Russia. "
        "“Putin wants to show Donald Trump he is strong,” he said."
    )
    assert list(_said(body)["speaker"]) == ["Kirill Rogov"]


def test_role_inside_a_capitalised_run_and_title_abbreviations():
    said = _said(
        "“Enough is enough,” said Democratic Rep. Rhonda Fields. "
        "Homeland Security Secretary John Kelly spoke later. “We will not apologize,” Kelly said."
    )
    assert list(said["speaker"]) == ["Rhonda Fields", "John Kelly"]


def test_fragments_times_and_relative_clauses_are_not_speakers():
    said = _said(
        "“It was a long day,” the evening said. "
        "Lt. Gen. William Mayville, who is in charge of operations for the Pentagon’s Joint Staff, said "
        "the group was nearing “the execution phase of an attack in Europe or the homeland.”"
    )
    assert list(said["speaker"]) == ["", "William Mayville"]


def test_unnamed_sources_and_descriptions_built_on_a_name():
    said = _said(
        "“The plan is sound,” a spokesman for Unilever said. "
        "“We deny it,” a lawyer for Mr Pemberton said. "
        "“She is resting,” said Madonna's publicist Laura Stone."
    )
    assert list(zip(said["speaker"], said["speaker_named"], strict=True)) == [
        ("a spokesman for Unilever", False),
        ("a lawyer for Mr Pemberton", False),
        ("Laura Stone", True),
    ]


def test_scare_quotes_need_a_speaker_and_short_said_words_count():
    said = _said(
        "Macron and Starmer have led a “coalition of the willing” for months. "
        "The minister's spokeswoman said the claims were “nonsense”."
    )
    assert list(said["quote"]) == ["nonsense"]
    assert list(said["speaker"]) == ["The minister's spokeswoman"]


def test_bbc_style_quotation_reopened_mid_paragraph_and_single_quotes():
    body = (
        'Mr Hughes said the club was in a good place. "We have had a difficult month. '
        '"But the players know what to do," he said.\n\n'
        "‘I am not going anywhere,’ Hughes insists."
    )
    said = _said(body)
    assert list(said["speaker"]) == ["Hughes", "Hughes"]
    assert (
        said.iloc[0]["quote"].startswith("We have had")
        and "the players know" in said.iloc[0]["quote"]
    )


def test_a_heading_or_signature_line_names_the_excerpt_and_nothing_else_does():
    """Opinion round-ups: "The New York Times (Peter Baker):" above an excerpt, "Editorial Board, Wall Street
    Journal" under it, "“…” AP News" after it; a line with more than a name names nobody."""
    from analysis.extract import quotes

    body = (
        "Here is a sampling of reaction.\n\n"
        "The New York Times (Peter Baker):\n\n"
        "\u201cIt will be a significantly different kind of war than the last one.\u201d\n\n"
        "The Los Angeles Times: \u201cThe president is right about the shared interests.\u201d\n\n"
        "\u201cThe government has no place second-guessing such decisions at all.\u201d\n\n"
        "Editorial Board, Wall Street Journal\n\n"
        "\u201cTrump escalated his war on social media companies on Thursday.\u201d AP News\n\n"
        "Critics of the plan were many:\n\n"
        "\u201cThis is a bad plan for the country and for everyone.\u201d"
    )
    said = quotes(make_corpus([{"body": body}]))
    speakers = dict(zip(said["quote"].str[:12], said["speaker"], strict=True))
    assert speakers == {
        "It will be a": "Peter Baker",
        "The presiden": "Los Angeles Times",
        "The governme": "Wall Street Journal",
        "Trump escala": "AP News",
        "This is a ba": "",
    }


def test_a_statement_from_a_body_is_the_body_speaking():
    from analysis.extract import quotes

    body = (
        "Chelsea have sacked their striker. A statement from Chelsea explaining the decision said: "
        '"We want to make clear that the club has a zero tolerance policy towards drugs."'
    )
    said = quotes(make_corpus([{"body": body}]))
    assert said["speaker"].tolist() == ["Chelsea"]


def test_many_articles_are_read_on_worker_processes_with_the_same_answer(bbc_corpus, monkeypatch):
    """From PARALLEL_FROM articles up, each article is read on a worker process and names are made
    canonical over all of them afterwards: the same people and quotations, row for row, as on one core
    (the threshold is lowered here so that 300 BBC articles take that path)."""
    import importlib

    from analysis.extract import people_and_quotes
    from analysis.parallel import WORKERS_ENV

    module = importlib.import_module("analysis.extract.quotes")
    monkeypatch.setattr(module, "PARALLEL_FROM", 100)
    corpus = bbc_corpus.iloc[::7].reset_index(drop=True)  # 304 articles from every desk
    found = {}
    for workers in ("1", "2"):
        monkeypatch.setenv(WORKERS_ENV, workers)
        found[workers] = people_and_quotes(corpus, progress=False)
    mentions, said = found["2"]
    assert len(said) > 300 and said["speaker_named"].sum() > 100
    pd.testing.assert_frame_equal(mentions, found["1"][0])
    pd.testing.assert_frame_equal(said, found["1"][1])


def test_a_video_caption_names_who_speaks_in_it():
    """BBC pages as crawled: "Media caption Theresa May: “…”" quotes the person the caption names; a caption
    that is not a name names nobody."""
    body = (
        "The prime minister defended her time in office.\n\n"
        "Media playback is unsupported on your device Media caption Theresa May: "
        "\u201cYou can judge me by my record\u201d\n\n"
        "Media playback is unsupported on your device Media caption What happens next: "
        "\u201cA very long week\u201d\n\n"
        "She spoke in Leeds."
    )
    said = _said(body)
    assert list(zip(said["speaker"], said["speaker_named"], said["cue"], strict=True)) == [
        ("Theresa May", True, "said"),
        ("", False, ""),
    ]
    body = (
        "Michel Barnier warned of a no-deal Brexit on Friday.\n\n"
        "Media playback is unsupported on your device Media caption Barnier: "
        "\u201cNo-deal Brexit has become more likely\u201d\n\n"
        "Mrs May's plan has been rejected three times."
    )
    said = _said(body)  # a surname alone, not yet typed when the caption is read
    assert list(zip(said["speaker"], said["speaker_named"], strict=True)) == [
        ("Michel Barnier", True)
    ]


def test_a_transcript_label_names_its_speaker_by_surname():
    """ "Sanders: “…”" in a debate digest names the surname's bearer; a section label in capitals or of two
    words no rule typed ("ANALYSIS/OPINION:", "Minority View:") names nobody."""
    body = (
        "Bernie Sanderson and Jay Insley debated on Tuesday night.\n\n"
        "Sanderson: \u201cYou have got three people who own more wealth than the bottom half.\u201d\n\n"
        "ANALYSIS/OPINION:\n\n"
        "\u201cThese are the times that try men\u2019s souls.\u201d\n\n"
        "Minority View: \u201cThe U.S. went back on its promises.\u201d"
    )
    said = _said(body)
    assert list(zip(said["speaker"], said["speaker_named"], strict=True)) == [
        ("Bernie Sanderson", True),
        ("", False),
        ("", False),
    ]
