"""Report sections "Who is in the coverage" and "Who said what": content, CSV downloads, hostile text, absence."""

from __future__ import annotations

import base64
import io
import re

import pandas as pd
import pytest

from analysis import report
from analysis.extract import entities, people_and_quotes, quotes
from analysis.plots import cluster_colors
from analysis.report.people import tied_to_clusters
from analysis.topics import fit_topics
from tests.conftest import make_corpus


@pytest.fixture(scope="module")
def seed_sections(seed_corpus, seed_model):
    model = seed_model
    mentions, said = people_and_quotes(seed_corpus)
    return model, mentions, said


def _downloads(html: str) -> dict[str, pd.DataFrame]:
    found = re.findall(
        r'download="([^"]+)" href="data:text/csv;charset=utf-8;base64,([^"]+)"', html
    )
    return {
        name: pd.read_csv(io.BytesIO(base64.b64decode(data)), keep_default_na=False)
        for name, data in found
    }


def test_who_is_in_the_coverage_on_the_seed(seed_corpus, seed_sections):
    model, mentions, _ = seed_sections
    html = report.people_html(seed_corpus, mentions, model, slug="uk")
    assert '<h2 id="who-is-in-the-coverage">Who is in the coverage</h2>' in html
    tables = _downloads(html)
    assert {
        "uk-people.csv",
        "uk-organisations.csv",
        "uk-places.csv",
        "uk-names-by-cluster.csv",
    } <= set(tables)
    people = tables["uk-people.csv"]
    assert people.iloc[0]["name"] == "Donald Trump"
    assert people["articles"].is_monotonic_decreasing
    assert len(tables["uk-names-by-cluster.csv"]) == model.k


def test_who_said_what_on_the_seed(seed_corpus, seed_sections):
    model, mentions, said = seed_sections
    html = report.quotes_html(seed_corpus, said, mentions, model, slug="uk")
    assert '<h2 id="who-said-what">Who said what</h2>' in html
    tables = _downloads(html)
    speakers = tables["uk-speakers.csv"]
    assert speakers.iloc[0]["speaker"] == "Keir Starmer"
    assert {"Maria Eagle", "Pete Hegseth", "Nikolai Petrov"} <= set(speakers["speaker"].head(6))
    assert len(tables["uk-quotations.csv"]) == len(said)
    assert "Keir Starmer: " in html  # his quotations block
    assert "unnamed sources" in html


def test_cluster_cards_list_main_people(seed_corpus, seed_sections):
    model, mentions, _ = seed_sections
    people = report.main_people(seed_corpus, mentions, model)
    html = report.clusters_html(seed_corpus, model, colors=cluster_colors(model.k), people=people)
    assert html.count("Main people:") == len(people) >= 1
    assert "Donald Trump (" in html


def test_hostile_text_stays_text():
    body = (
        "<script>alert(1)</script> Prime Minister Jane <b>Smith</b> met Defense Secretary John Doe in Paris. "
        "“<img src=x onerror=alert(2)> we will act now,” said John Doe."
    )
    corpus = make_corpus([{"title": "<script>alert(3)</script>", "body": body}])
    model = fit_topics(make_corpus([{"body": body}]), k=1, random_state=0)
    mentions = entities(corpus)
    said = quotes(corpus)
    html = report.people_html(corpus, mentions, model) + report.quotes_html(
        corpus, said, mentions, model
    )
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "John Doe" in html


def test_sections_say_why_they_are_absent():
    corpus = make_corpus([{"title": "quiet day", "body": "nothing happened here at all today."}])
    assert "Who is in the coverage</strong> is not shown" in report.people_html(
        corpus, entities(corpus)
    )
    assert "Who said what</strong> is not shown" in report.quotes_html(corpus, quotes(corpus))


def test_report_with_a_pipeline_that_is_not_installed_fails_before_running(tmp_path):
    from analysis.errors import ParameterError
    from analysis.publish import build_report

    with pytest.raises(ParameterError, match="not installed"):
        build_report(output=tmp_path / "r.html", nlp="xx_no_such_pipeline", progress=False)
    assert not list(tmp_path.iterdir())


def _articles(*pairs: tuple[str, str]) -> pd.DataFrame:
    """A corpus of one article per (headline, body)."""
    return make_corpus([{"title": title, "body": body} for title, body in pairs])


def test_a_speakers_clearest_quotations_come_first():
    corpus = _articles(
        ("Budget row", "Chancellor Rachel Reeves called the plan “a reckless gamble” on Monday."),
        ("Budget vote", "“We will not borrow to pay for day-to-day spending,” Rachel Reeves said."),
    )
    said = quotes(corpus)
    assert list(said["kind"]) == ["partial", "full"]  # article order puts the partial one first
    html = report.quotes_html(corpus, said, entities(corpus), per_speaker=4)
    block = html[html.index("Rachel Reeves: 2 quotations") :]
    assert block.index("We will not borrow") < block.index("a reckless gamble")


def test_quotations_whose_clause_writes_the_name_come_before_a_pronouns():
    """ "…," Rachel Reeves said is shown before "…," she said: a resolved pronoun is the weaker evidence."""
    corpus = _articles(
        (
            "Budget speech",
            (
                "Rachel Reeves spoke in Leeds on Monday. "
                "“We will get the economy growing again across the whole country,” she said."
            ),
        ),
        (
            "Budget vote",
            "“Growth is the mission of this government and of this budget,” Rachel Reeves said.",
        ),
    )
    said = quotes(corpus)
    assert list(said["speaker"]) == ["Rachel Reeves", "Rachel Reeves"]
    html = report.quotes_html(corpus, said, entities(corpus), per_speaker=4)
    block = html[html.index("Rachel Reeves: 2 quotations") :]
    assert block.index("Growth is the mission") < block.index("We will get the economy")


def test_a_speakers_block_counts_what_the_ranking_counts():
    """A quotation kept under a name but not clearly attributed (speaker_named False) is neither in the
    ranking nor under that speaker's heading: the two numbers a reader compares agree."""
    corpus = _articles(
        ("Budget vote", "“We will not borrow to pay for day-to-day spending,” Rachel Reeves said."),
        ("Budget row", "“Growth is the mission of this government,” Rachel Reeves said on Monday."),
    )
    said = quotes(corpus)
    assert list(said["speaker"]) == ["Rachel Reeves", "Rachel Reeves"]
    said.loc[1, "speaker_named"] = False  # as a weakly attributed partial quotation can be
    html = report.quotes_html(corpus, said, entities(corpus), per_speaker=4)
    assert "Rachel Reeves: 1 quotation" in html and "Rachel Reeves: 2 quotations" not in html


def test_people_of_a_cluster_are_those_tied_to_it_not_those_named_everywhere():
    counted = pd.DataFrame(
        {
            "cluster": [0, 0, 0, 1, 1, 1],
            "name": [
                "Donald Trump",
                "Kelly Ayotte",
                "Pat Toomey",
                "Donald Trump",
                "Ted Cruz",
                "Pat Toomey",
            ],
            "articles": [16, 9, 1, 40, 30, 1],
        }
    )
    ranked = tied_to_clusters(counted, ["name"])
    first = ranked.groupby("cluster")["name"].apply(list).to_dict()
    # Ayotte: 9 of her 9 articles here; Trump: 16 of his 56; Toomey: one article here, so last
    assert first[0] == ["Kelly Ayotte", "Donald Trump", "Pat Toomey"]
    assert first[1] == ["Ted Cruz", "Donald Trump", "Pat Toomey"]


def test_speakers_table_gives_each_speaker_its_most_frequent_cue_first_sorted_on_a_tie():
    from analysis.report.people import _speakers_table

    said = pd.DataFrame(
        {
            "speaker": ["Ann Lee"] * 5 + ["a spokesman"] * 3 + ["Bo Ray"] * 2,
            "speaker_named": [True] * 5 + [False] * 3 + [True] * 2,
            "article_id": ["a1", "a1", "a2", "a3", "a3", "b1", "b1", "b2", "c1", "c2"],
            "cue": ["told", "said", "said", "told", "", "added", "said", "", "", ""],
        }
    )
    table = _speakers_table(said)
    assert table.to_dict("records") == [
        {"speaker": "Ann Lee", "named": "yes", "quotations": 5, "articles": 3, "usual cue": "said"},
        {"speaker": "Bo Ray", "named": "yes", "quotations": 2, "articles": 2, "usual cue": ""},
        {
            "speaker": "a spokesman",
            "named": "no",
            "quotations": 2,
            "articles": 1,
            "usual cue": "added",
        },
        {"speaker": "a spokesman", "named": "no", "quotations": 1, "articles": 1, "usual cue": ""},
    ]
