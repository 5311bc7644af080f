"""The explorers driven headless: set a widget's value as a reader would, read what the panes then show.

Run on the committed seed and on a corpus of three tag pages (oil, grain, shipping) written here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import fit_topics
from analysis.errors import ParameterError
from analysis.explore import article_browser, cluster_browser, k_explorer, tag_browser, views
from analysis.tags import normalize_tag

_TOPICS = {
    "Oil": (
        [
            "crude",
            "barrel",
            "opec",
            "refinery",
            "pipeline",
            "brent",
            "output",
            "drilling",
            "petrol",
            "supply",
            "producers",
            "cartel",
        ],
        ["Energy", "Opec"],
    ),
    "Grain": (
        [
            "wheat",
            "harvest",
            "farmers",
            "corn",
            "maize",
            "flour",
            "crop",
            "drought",
            "silo",
            "bushel",
            "fertiliser",
            "planting",
        ],
        ["Agriculture", "Food prices"],
    ),
    "Shipping": (
        [
            "container",
            "port",
            "freight",
            "vessel",
            "tanker",
            "suez",
            "canal",
            "cargo",
            "insurers",
            "shipowners",
            "routes",
            "crews",
        ],
        ["Trade", "Red Sea"],
    ),
}
_COMMON = [
    "the",
    "said",
    "on",
    "in",
    "and",
    "of",
    "a",
    "to",
    "for",
    "with",
    "week",
    "market",
    "prices",
]


def _multi_page_rows() -> list[dict]:
    rng = np.random.default_rng(7)
    rows = []
    for page, (words, tags) in _TOPICS.items():
        for i in range(8):
            body = " ".join(rng.choice(words + _COMMON, size=60, p=None))
            rows.append(
                {
                    "id": f"{page.lower()}-{i}",
                    "title": f"{page} report {i}: {words[i]} and {words[i + 1]}",
                    "body": body,
                    "tags": [page, tags[i % 2], "Markets"],
                    "tag_pages": [page],
                }
            )
    return rows


@pytest.fixture(scope="module")
def pages() -> pd.DataFrame:
    """24 articles from three tag pages, with the loader's columns."""
    rows = [{**row, "source": f"pages.txt:{i + 1}"} for i, row in enumerate(_multi_page_rows())]
    return pd.DataFrame(rows, columns=["id", "title", "body", "tags", "tag_pages", "source"])


@pytest.fixture(scope="module")
def pages_model(pages):
    return fit_topics(pages, k=3, random_state=0)


@pytest.fixture(scope="module")
def seed_model(seed_corpus):
    return fit_topics(seed_corpus, random_state=0)


# ---------------------------------------------------------------------------------------- cluster browser


def test_cluster_browser_numbers_clusters_from_one(seed_corpus, seed_model) -> None:
    browser = cluster_browser(seed_corpus, seed_model)
    picker = browser.parts["cluster"]
    labels = [label for label, _ in picker.options]
    assert len(labels) == seed_model.k
    assert [label.split(":")[0] for label in labels] == [str(i + 1) for i in range(seed_model.k)]
    assert "Cluster 1: " in browser.parts["details"].value


def test_cluster_browser_shows_the_picked_cluster(seed_corpus, seed_model) -> None:
    browser = cluster_browser(seed_corpus, seed_model)
    last = seed_model.k - 1
    browser.parts["cluster"].value = last
    details = browser.parts["details"].value
    row = seed_model.clusters.loc[last]
    assert f"Cluster {last + 1}: " in details
    assert f"<b>{row['size']}</b> article" in details
    assert all(views._ENV.filters["e"](term) in details for term in row["terms"])
    assert "tentative" in details or row["strength"] in details  # 9 articles: never "solid"
    assert "solid" not in details
    members = {int(i) for i in np.flatnonzero(seed_model.labels == last)}
    listed = [value for _, value in browser.parts["headlines"].options]
    assert set(listed) == members
    # the list starts on the most typical article and shows it
    assert browser.parts["headlines"].value == listed[0]
    assert (
        views._ENV.filters["e"](seed_corpus["title"].iloc[listed[0]])
        in browser.parts["article"].value
    )


def test_cluster_browser_opens_a_clicked_headline(pages, pages_model) -> None:
    browser = cluster_browser(pages, pages_model)
    browser.parts["cluster"].value = 1
    headlines = browser.parts["headlines"]
    pos = headlines.options[-1][1]
    headlines.value = pos
    article = browser.parts["article"].value
    assert pages["title"].iloc[pos] in article
    assert f"Cluster 2: {pages_model.clusters.at[1, 'label']}" in article
    assert pages["body"].iloc[pos].split()[0] in article


def test_cluster_browser_lists_characteristic_tags(pages, pages_model) -> None:
    browser = cluster_browser(pages, pages_model)
    for cluster in range(pages_model.k):
        browser.parts["cluster"].value = cluster
        pos = int(np.flatnonzero(pages_model.labels == cluster)[0])
        page = pages["tag_pages"].iloc[pos][0]
        assert (
            f"{page} (8 of 8)" in browser.parts["details"].value
        )  # the three pages come apart cleanly


def test_cluster_browser_rejects_another_corpus(seed_corpus, pages_model) -> None:
    with pytest.raises(ParameterError, match="fitted on 24 articles"):
        cluster_browser(seed_corpus, pages_model)


# -------------------------------------------------------------------------------------------- tag browser


def test_tag_browser_shows_articles_companions_and_clusters(pages, pages_model) -> None:
    browser = tag_browser(pages, pages_model)
    browser.parts["tag"].value = normalize_tag("Opec")
    details = browser.parts["details"].value
    assert "Tag: Opec" in details
    assert "On <b>4</b> of 24 articles" in details
    assert "Oil: 4 · lift" in details  # travels with its page's tag
    assert "Grain" not in details
    oil_cluster = int(pages_model.labels[pages["id"].tolist().index("oil-1")])
    assert f"{views.cluster_name(pages_model, oil_cluster)}: 4 of 8" in details
    listed = [value for _, value in browser.parts["headlines"].options]
    assert listed == [i for i, tags in enumerate(pages["tags"]) if "Opec" in tags]
    assert "Opec" in browser.parts["article"].value


def test_tag_browser_without_a_model_omits_clusters(seed_corpus) -> None:
    browser = tag_browser(seed_corpus)
    assert "Falls in clusters" not in browser.parts["details"].value
    options = browser.parts["tag"].options
    assert options[0][0].startswith("Defense (9 articles)")
    browser.parts["tag"].value = options[1][1]
    assert len(browser.parts["headlines"].options) == int(options[1][0].split("(")[1].split()[0])


def test_tag_browser_needs_tags(corpus_factory) -> None:
    corpus = corpus_factory([{"title": "A", "body": "one"}, {"title": "B", "body": "two"}])
    with pytest.raises(ParameterError, match="carries a tag"):
        tag_browser(corpus)


# ---------------------------------------------------------------------------------------- article browser


def test_article_browser_searches_headlines(pages) -> None:
    browser = article_browser(pages)
    assert browser.parts["count"].value.startswith("24 of 24")
    browser.parts["search"].value = "WHEAT"
    listed = [value for _, value in browser.parts["headlines"].options]
    assert listed == [i for i, t in enumerate(pages["title"]) if "wheat" in t.lower()]
    assert browser.parts["count"].value.startswith(f"{len(listed)} of 24")
    browser.parts["search"].value = "no such words"
    assert browser.parts["headlines"].options == ()
    assert browser.parts["article"].value == ""


def test_article_browser_opens_an_article_and_its_neighbours(pages) -> None:
    from analysis.topics import most_similar

    browser = article_browser(pages, n_neighbours=3)
    pos = pages["id"].tolist().index("shipping-2")
    browser.parts["headlines"].value = pos
    assert pages["title"].iloc[pos] in browser.parts["article"].value
    near = most_similar(pages, pos, n=3)
    neighbours = browser.parts["neighbours"]
    assert [value for _, value in neighbours.options] == near.index.tolist()
    assert all(pages["tag_pages"].iloc[i] == ["Shipping"] for _, i in neighbours.options)
    assert neighbours.options[0][0] == f"{near['similarity'].iloc[0]:.2f} · {near['title'].iloc[0]}"
    # picking a neighbour opens it and lists its own neighbours
    target = neighbours.options[0][1]
    neighbours.value = target
    assert pages["title"].iloc[target] in browser.parts["article"].value
    assert [value for _, value in neighbours.options] == most_similar(
        pages, target, n=3
    ).index.tolist()


def test_article_text_never_runs_as_markup(corpus_factory) -> None:
    corpus = corpus_factory(
        [
            {
                "title": "<script>alert(1)</script> headline",
                "body": "Body <b>bold</b>",
                "tags": ["<i>x</i>"],
            },
            {"title": "Second", "body": "other words"},
        ]
    )
    browser = article_browser(corpus)
    browser.parts["headlines"].value = 0
    html = browser.parts["article"].value
    assert "<script" not in html and "<b>bold" not in html and "<i>x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; headline" in html


def test_article_sections_hook(seed_corpus, seed_model) -> None:
    def people(row: pd.Series):
        return ("People", [f"<{row['title'][:10]}>"])

    browser = cluster_browser(seed_corpus, seed_model, sections=[people, lambda row: None])
    html = browser.parts["article"].value
    pos = browser.parts["headlines"].value
    assert "<b>People</b>" in html
    assert f"&lt;{views._ENV.filters['e'](seed_corpus['title'].iloc[pos][:10])}&gt;" in html


# -------------------------------------------------------------------------------------------- what if k


def test_k_slider_refits_redraws_and_caches(pages, monkeypatch) -> None:
    import analysis.topics

    chosen = fit_topics(pages, random_state=0)
    calls: list[int | None] = []
    real_fit = analysis.topics.fit_topics

    def counting_fit(corpus, **kwargs):
        calls.append(kwargs.get("k"))
        return real_fit(corpus, **kwargs)

    monkeypatch.setattr(analysis.topics, "fit_topics", counting_fit)
    explorer = k_explorer(pages, chosen, random_state=0)
    slider = explorer.parts["k"]
    assert slider.value == chosen.k
    assert calls == []  # the chosen model is reused, not refitted
    first_map = bytes(explorer.parts["map"].value)
    assert first_map.startswith(b"\x89PNG")
    assert (
        f"<b>k = {chosen.k}</b> (the number chosen from the data)"
        in explorer.parts["summary"].value
    )

    other = 2 if chosen.k != 2 else 4
    slider.value = other
    assert calls == [other]
    assert f"<b>k = {other}</b>:" in explorer.parts["summary"].value
    assert (
        f"{other}: " in explorer.parts["summary"].value
        and f"{other + 1}: " not in explorer.parts["summary"].value
    )
    assert bytes(explorer.parts["map"].value) != first_map
    assert explorer.cache[other].model.k == other

    slider.value = chosen.k
    slider.value = other
    assert calls == [other]  # both cached
    assert bytes(explorer.parts["map"].value) == explorer.cache[other].map_png


def test_k_slider_is_deterministic(seed_corpus, seed_model) -> None:
    a = k_explorer(seed_corpus, seed_model, random_state=0)
    b = k_explorer(seed_corpus, seed_model, random_state=0)
    a.parts["k"].value = b.parts["k"].value = 2 if seed_model.k != 2 else 3
    assert a.parts["summary"].value == b.parts["summary"].value
    assert np.array_equal(
        a.cache[a.parts["k"].value].model.labels, b.cache[b.parts["k"].value].model.labels
    )


def test_k_slider_counts_in_plain_words(seed_corpus, seed_model) -> None:
    """At k = 3 the seed has a one-article cluster: it reads "1 article", never "1 articles"."""
    explorer = k_explorer(seed_corpus, seed_model, random_state=0)
    explorer.parts["k"].value = 3 if seed_model.k != 3 else 4
    model = explorer.cache[explorer.parts["k"].value].model
    summary = explorer.parts["summary"].value
    assert (model.clusters["size"] == 1).any()
    assert ": 1 article," in summary and " 1 articles" not in summary
    assert explorer.parts["map"].layout.max_width == "none"  # drawn size, panned on a narrow pane


def test_k_slider_needs_three_articles(corpus_factory) -> None:
    with pytest.raises(ParameterError, match="at least 3 articles"):
        k_explorer(corpus_factory([{"body": "a b"}, {"body": "c d"}]))


def test_k_slider_starts_at_a_given_k(pages, monkeypatch) -> None:
    import analysis.topics

    given = fit_topics(pages, k=4, random_state=0)
    calls: list[int | None] = []
    real_fit = analysis.topics.fit_topics
    monkeypatch.setattr(
        analysis.topics,
        "fit_topics",
        lambda c, **kw: calls.append(kw.get("k")) or real_fit(c, **kw),
    )
    explorer = k_explorer(pages, given, random_state=0)
    assert explorer.parts["k"].value == 4
    assert calls == [None]  # only the model with k chosen from the data, for the k chart
    assert explorer.cache[4].model is given
    assert "<b>k = 4</b>" in explorer.parts["summary"].value


# ------------------------------------------------------------------------ people, quotes, keyword in context


@pytest.fixture(scope="module")
def seed_people_and_quotes(seed_corpus):
    from analysis.extract import people_and_quotes

    return people_and_quotes(seed_corpus)


def test_people_and_quotes_in_the_article_pane(
    seed_corpus, seed_model, seed_people_and_quotes
) -> None:
    from analysis.explore import people_section, quotes_section

    mentions, said = seed_people_and_quotes
    browser = article_browser(
        seed_corpus, seed_model, sections=[people_section(mentions), quotes_section(said)]
    )
    article_id = said["article_id"].iloc[0]
    pos = seed_corpus["id"].tolist().index(article_id)
    browser.parts["headlines"].value = pos
    html = browser.parts["article"].value
    mine = said.loc[said["article_id"] == article_id].sort_values("start")
    assert f"<b>Quotes ({len(mine)})" in html
    first = mine.iloc[0]
    assert views._ENV.filters["e"](f"“{first['quote']}” — {first['speaker']}") in html
    people = mentions.loc[(mentions["article_id"] == article_id) & (mentions["type"] == "person")]
    top = people["name"].value_counts().index[0]
    assert "<b>Named in this article (mentions)</b>" in html
    assert views._ENV.filters["e"](top) in html


def test_kwic_browser_shows_a_term_in_context(seed_corpus, seed_model) -> None:
    from analysis.explore import kwic_browser
    from analysis.text.kwic import keyword_in_context

    browser = kwic_browser(seed_corpus, seed_model, window=30)
    assert "Type a word" in browser.parts["lines"].value
    browser.parts["term"].value = "NATO"
    html = browser.parts["lines"].value
    hits = keyword_in_context(seed_corpus, "NATO", window=30, model=seed_model)
    assert len(hits) > 0
    n_articles = hits["article_id"].nunique()
    assert f"“NATO”: used {len(hits)} times in {n_articles} articles" in html
    assert "(s)" not in html and html.count("<tr>") == min(len(hits), 100) + 1  # one line per use
    assert html.count("<b>NATO</b>") == min(len(hits), 100)
    assert ">cluster</th>" in html
    first_row = html[html.index("<tbody>") :].split("</tr>")[0]
    assert first_row.index("<b>NATO</b>") < first_row.index("title=")  # the term, then the headline
    browser.parts["term"].value = "<b>no such phrase</b>"
    assert "used 0 times in 0 articles" in browser.parts["lines"].value
    browser.parts["term"].value = "Nikolai Petrov"
    assert "used 1 time in 1 article" in browser.parts["lines"].value
    assert "<b>no such" not in browser.parts["lines"].value


def test_article_browser_neighbours_beyond_the_matrix_size(pages, monkeypatch) -> None:
    """Past MATRIX_MAX articles the neighbours come from most_similar, one article at a time: same answer."""
    from analysis.explore import browsers
    from analysis.topics import most_similar

    monkeypatch.setattr(browsers, "MATRIX_MAX", 5)
    browser = article_browser(pages, n_neighbours=4)
    pos = pages["id"].tolist().index("grain-3")
    browser.parts["headlines"].value = pos
    near = most_similar(pages, pos, n=4)
    assert [value for _, value in browser.parts["neighbours"].options] == near.index.tolist()


# ------------------------------------------------------------------------------- what a reader meets


def test_a_tag_on_every_article_travels_with_every_other_tag(seed_corpus) -> None:
    """The seed's "Defense" is on all 9 articles: the pane must not say that no tag shares an article with it."""
    browser = tag_browser(seed_corpus)
    browser.parts["tag"].value = normalize_tag("Defense")
    details = browser.parts["details"].value
    assert "On <b>9</b> of 9 articles" in details and "on every article" in details
    assert "No other tag shares" not in details
    assert "Travels with</b> every other tag" in details
    assert "Military: 4 articles" in details  # the other tags, with their articles
    browser.parts["tag"].value = normalize_tag(
        "War in Ukraine"
    )  # a rare tag: Defense is also on it
    details = browser.parts["details"].value
    assert "Also Defense, on every article" in details


def test_counts_are_written_with_the_right_plural(seed_corpus, seed_model) -> None:
    options = [label for label, _ in tag_browser(seed_corpus).parts["tag"].options]
    assert any(label.endswith("(1 article)") for label in options)
    assert not any("(1 articles)" in label for label in options)
    pane = views.article_html(seed_corpus, 0, model=seed_model)
    assert "Tag page: UK defense" in pane and "(s)" not in pane
    assert not any("(1 articles)" in label for label, _ in views.cluster_options(seed_model))


def test_the_article_pane_is_framed_and_shows_the_whole_article(seed_corpus, seed_model) -> None:
    from markupsafe import escape

    for browser in (cluster_browser(seed_corpus, seed_model), article_browser(seed_corpus)):
        layout = browser.parts["article"].layout
        assert layout.border and layout.max_height is None and layout.overflow is None
    longest = int(seed_corpus["body"].str.len().idxmax())
    browser.parts["headlines"].value = longest
    last = seed_corpus["body"].iloc[longest].split("\n\n")[-1].strip()
    assert str(escape(last[-30:])) in browser.parts["article"].value  # to its last words


def test_the_list_highlights_the_neighbour_followed(pages) -> None:
    browser = article_browser(pages, n_neighbours=3)
    headlines, neighbours = browser.parts["headlines"], browser.parts["neighbours"]
    headlines.value = pages["id"].tolist().index("oil-2")
    target = neighbours.options[0][1]
    neighbours.value = target
    assert headlines.value == target  # the list follows the article shown
    assert pages["title"].iloc[target] in browser.parts["article"].value
    browser.parts["search"].value = "report 1:"  # lists oil-1, grain-1 and shipping-1 only
    headlines.value = pages["id"].tolist().index("grain-1")
    listed = {i for _, i in headlines.options}
    outside = next(i for _, i in neighbours.options if i not in listed)
    neighbours.value = outside
    # the search is cleared so the list shows (and highlights) the article followed, not the previous one
    assert browser.parts["search"].value == ""
    assert len(headlines.options) == len(pages)
    assert headlines.value == outside
    assert browser.parts["count"].value.startswith(f"{len(pages)} of {len(pages)} headlines")
    assert pages["title"].iloc[outside] in browser.parts["article"].value


def test_every_article_table_reads_as_text(seed_corpus, seed_model) -> None:
    import json
    import re

    from analysis.explore import every_article

    shown = every_article(seed_corpus, seed_model)
    assert shown.table["tags"].iloc[0] == ", ".join(
        seed_corpus["tags"].iloc[0]
    )  # not "['Politics', ...]"
    assert not shown.table["tags"].str.contains(r"[\[\]']").any()
    html = shown._repr_html_()
    defs = json.loads(re.search(r'"columnDefs": (\[.*?\}\])', html).group(1))
    words = list(shown.table.columns).index("words")
    assert defs == [
        {"className": "dt-right", "targets": [words]},  # numbers right
        {
            "className": "dt-left",
            "targets": "_all",
        },  # every text column left (JupyterLab right-aligns)
    ]
    assert "cdn" not in html.lower()
