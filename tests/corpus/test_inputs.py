"""What journalists export besides tag pages: feeds, saved pages, headline lists, gzip files, outlets.

The fixtures in ``tests/data/exports/`` were written for these tests (no real article is copied): an RSS 2.0
feed and an Atom feed with HTML content, CDATA, entities and odd dates; saved pages in three layouts
(an ``<article>`` page, ``<div>`` soup with JSON-LD, an AMP page) and an index page with no article; and
a headline list with Media Cloud's column names.
"""

from __future__ import annotations

import gzip
import json
import shutil
import socket
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus import DatesWarning, SkippedBlocksWarning
from analysis.corpus.outlets import merge_outlets, site_of

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"
UTC = "UTC"


def load_quietly(*paths, **options) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DatesWarning)
        return load_corpus(*paths, **options)


def row(frame: pd.DataFrame, i: int) -> dict:
    return {
        k: v
        for k, v in frame.iloc[i].to_dict().items()
        if not (v is None or (isinstance(v, float | type(pd.NaT)) and pd.isna(v)))
    }


# ------------------------------------------------------------------------------------------------ feeds
def test_rss_feed_items_with_cdata_entities_and_odd_dates():
    with pytest.warns(DatesWarning, match=r"'5 March 2025 at noon' \(.*ledger-rss\.xml:30\)"):
        df = load_corpus(EXPORTS / "ledger-rss.xml")
    assert len(df) == 3
    first = row(df, 0)
    assert first["title"] == "Dredging plan for Northport & Eastbay approved"
    assert first["body"] == (
        "The harbour authority approved the dredging plan on Monday – after a year of talks.\n\n"
        '"Ships will finally reach the inner quay," said Harbour Master Maria Okafor.\n\n'
        "Work starts in May."
    )  # content:encoded wins over the summary; <script> and <style> are dropped, never run
    assert first["tags"] == ["Harbour", "Northport"]
    assert first["tag_pages"] == [
        "Daily Ledger – Harbour & Ports"
    ]  # the feed's title, entities decoded
    assert first["source"] == "ledger-rss.xml:8"
    assert first["published"] == pd.Timestamp("2025-03-04 15:15", tz=UTC)  # EST read as UTC-5
    assert first["author"] == "Maria Lindqvist"
    assert first["url"] == "https://www.dailyledger.example/harbour/dredging-plan"
    assert first["outlet"] == "dailyledger.example"  # the feed's site
    second = row(df, 1)
    assert second["body"] == (
        "Container traffic at Northport fell 4% in February, the port's figures show.\n\n"
        "Bulk freight held steady."
    )  # escaped HTML in <description>
    assert second["published"] == pd.Timestamp("2025-03-05 07:00", tz=UTC)
    assert second["author"] == "Tom Berg"  # "desk@... (Tom Berg)"
    assert second["outlet"] == "Harbour Wire"  # the item's <source>
    third = row(df, 2)
    assert "published" not in third and third["tags"] == []  # the odd date is missing, and said


def test_atom_feed_html_and_xhtml_content():
    df = load_quietly(EXPORTS / "courier-atom.atom")
    assert list(df["title"]) == [
        "Signal fault halts Eastern Rail services",  # type="html" title: markup removed
        "Timetable change & new carriages",
    ]
    assert list(df["body"]) == [
        (
            "Trains between Eastfield and Northport stopped for three hours on Thursday after a signal "
            "fault.\n\nReplacement buses ran.\n\nFares will be refunded."
        ),
        "The May timetable adds twelve trains a day & new carriages.",
    ]
    assert list(df["tags"]) == [["Rail", "Commuters"], []]
    assert list(df["tag_pages"]) == [["Evening Courier: Rail"]] * 2
    assert list(df["published"]) == [
        pd.Timestamp("2025-03-06 12:30", tz=UTC),  # published, not updated
        pd.Timestamp("2025-03-07 12:00", tz=UTC),  # only updated
    ]
    assert df["author"].iloc[0] == "Helen Strand"
    assert list(df["source"]) == ["courier-atom.atom:8", "courier-atom.atom:19"]
    assert set(df["outlet"]) == {"eveningcourier.example"}


def test_folder_of_feeds_and_gzip_feed(tmp_path):
    shutil.copy(EXPORTS / "ledger-rss.xml", tmp_path / "ledger.rss")
    (tmp_path / "courier.atom.gz").write_bytes(
        gzip.compress((EXPORTS / "courier-atom.atom").read_bytes())
    )
    df = load_quietly(tmp_path)
    assert len(df) == 5
    assert list(df["source"]) == [
        "courier.atom.gz:8", "courier.atom.gz:19", "ledger.rss:8", "ledger.rss:21", "ledger.rss:30",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"<rss><channel><item><title>Cut off",
            r"broken\.rss:\d+: is not a well-formed RSS/Atom feed",
        ),
        (
            b"<rss version='2.0'><channel><title>Empty</title></channel></rss>",
            r"broken\.rss: is a feed with no items",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", r"broken\.rss: is a binary file"),
    ],
    ids=["truncated", "no-items", "binary"],
)
def test_bad_feed_stops_naming_the_file_or_is_skipped_with_lenient(tmp_path, content, message):
    (tmp_path / "broken.rss").write_bytes(content)
    shutil.copy(EXPORTS / "courier-atom.atom", tmp_path / "good.atom")
    with pytest.raises(CorpusError, match=message):
        load_corpus(tmp_path / "broken.rss")
    with pytest.warns(SkippedBlocksWarning, match=message.split(":")[0]):
        df = load_corpus(tmp_path, lenient=True)
    assert len(df) == 2  # the good feed still loads


# ------------------------------------------------------------------------------------------ saved pages
PAGES = {
    "article-tag.html": {
        "title": "Harbour dredging approved after year of talks",
        "first": "The Northport harbour authority approved the dredging of the inner channel on Monday",
        "paragraphs": 3,
        "tags": ["Harbour", "Northport"],
        "published": pd.Timestamp("2025-03-04 10:15", tz=UTC),
        "author": "Maria Lindqvist",
        "outlet": "Daily Ledger",
        "url": "https://www.dailyledger.example/harbour/dredging-approved",
    },
    "div-soup.html": {
        "title": "Eastern Rail fares to rise in April",
        "first": "Eastern Rail Company will raise fares by three percent from the first of April",
        "paragraphs": 3,
        "tags": [],
        "published": pd.Timestamp("2025-03-07 21:45", tz=UTC),  # JSON-LD, -05:00
        "author": "Tobias Wren",
        "outlet": "Evening Courier",
        "url": None,
    },
    "amp.html": {
        "title": "Vaccine clinics extend opening hours",
        "first": "Vaccine clinics across the city will open until nine in the evening from next week",
        "paragraphs": 3,
        "tags": [],
        "published": pd.Timestamp("2025-03-08", tz=UTC),
        "author": "Felix Drummond",
        "outlet": "Metro Wire",
        "url": "https://metrowire.example/a/vaccine-clinics-hours",
    },
}


@pytest.mark.parametrize("name", list(PAGES))
def test_saved_page_main_text_and_metadata(name):
    expected = PAGES[name]
    df = load_corpus(EXPORTS / "pages" / name)
    got = row(df, 0)
    assert got["title"] == expected["title"]
    paragraphs = got["body"].split("\n\n")
    assert paragraphs[0].startswith(expected["first"])
    assert len(paragraphs) == expected["paragraphs"]  # no menu, byline, related box, ad or footer
    for boiler in ("Home", "Related", "Copyright", "Most read", "Sign up", "Privacy", "By Maria"):
        assert boiler not in got["body"]
    assert got["tags"] == expected["tags"]
    assert got["published"] == expected["published"]
    assert got["author"] == expected["author"]
    assert got["outlet"] == expected["outlet"]
    assert got.get("url") == expected["url"]
    assert got["source"] == name and got["tag_pages"] == ["saved pages"]


def test_page_with_no_article_is_named_or_skipped(tmp_path):
    with pytest.raises(CorpusError, match=r"index-no-article\.html: has no article text"):
        load_corpus(EXPORTS / "pages" / "index-no-article.html")
    with pytest.warns(SkippedBlocksWarning, match=r"index-no-article\.html: has no article text"):
        df = load_corpus(EXPORTS / "pages", lenient=True)
    assert sorted(df["source"]) == ["amp.html", "article-tag.html", "div-soup.html"]
    assert list(df["tag_pages"]) == [["saved pages"]] * 3


def test_reading_pages_and_feeds_makes_no_network_request(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    df = load_quietly(EXPORTS / "pages" / "amp.html", EXPORTS / "ledger-rss.xml")
    assert len(df) == 4


# ------------------------------------------------------------------------------ headline lists, gzip
def test_media_cloud_headline_list_loads_with_empty_bodies():
    df = load_corpus(EXPORTS / "mediacloud-headlines.csv")
    assert list(df["title"]) == [
        "Dredging plan for Northport approved",
        "Northport dredging: what it means for ships, crews and cargo",
        "Dredging plan for Northport approved",  # the same headline from another outlet: its own row
        "Ledger readers back harbour plan",
    ]
    assert list(df["body"]) == [""] * 4
    assert list(df["published"]) == [
        pd.Timestamp("2025-03-04 10:15", tz=UTC),
        pd.Timestamp("2025-03-04 11:00", tz=UTC),
        pd.Timestamp("2025-03-05 07:45:12", tz=UTC),
        pd.Timestamp("2025-03-05 09:30", tz=UTC),
    ]
    assert list(df["outlet"]) == ["Daily Ledger", "Evening Courier", "Metro Wire", "Daily Ledger"]
    assert df.attrs["outlet_merges"] == [
        {"outlet": "Daily Ledger", "written as": "The Daily Ledger (Opinion)", "articles": 1,
         "site": "dailyledger.example"},
    ]  # fmt: skip
    assert df["url"].iloc[2] == "https://metrowire.example/a/77"
    assert (
        df["media_name"].iloc[3] == "The Daily Ledger (Opinion)"
    )  # the export's own field is kept


def test_headline_only_jsonl_and_a_row_without_headline(tmp_path):
    path = tmp_path / "gdelt.jsonl"
    lines = [
        {"title": "Ports strike ends", "url": "https://a.example/1"},
        {"title": "  ", "url": "x"},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with pytest.raises(
        CorpusError, match=r"gdelt\.jsonl:2: has no 'body' or 'text' field and an empty 'title'"
    ):
        load_corpus(path)
    with pytest.warns(SkippedBlocksWarning):
        df = load_corpus(path, lenient=True)
    assert list(df["title"]) == ["Ports strike ends"] and list(df["body"]) == [""]
    assert list(df["outlet"]) == ["a.example"]


@pytest.mark.parametrize("name", ["export.jsonl", "export.csv", "export.txt"])
def test_gzip_loads_as_the_plain_file(tmp_path, seed_file, name):
    if name == "export.txt":
        plain = seed_file.read_bytes()
    elif name == "export.jsonl":
        plain = b'{"title": "A", "body": "Ships sail.", "tags": ["Navy"]}\n{"title": "B", "body": "Trains run."}\n'
    else:
        plain = (
            b'title,body,publisher\nA,Ships sail.,Daily Ledger\nB,"Trains, late, run.",Metro Wire\n'
        )
    (tmp_path / "plain").mkdir()
    (tmp_path / "packed").mkdir()
    (tmp_path / "plain" / name).write_bytes(plain)
    (tmp_path / "packed" / f"{name}.gz").write_bytes(gzip.compress(plain))
    expected = load_corpus(tmp_path / "plain" / name)
    got = load_corpus(tmp_path / "packed" / f"{name}.gz")
    assert list(got["source"]) == [s.replace(name, f"{name}.gz") for s in expected["source"]]
    pd.testing.assert_frame_equal(got.drop(columns="source"), expected.drop(columns="source"))
    pd.testing.assert_frame_equal(
        load_corpus(tmp_path / "packed").drop(columns="source"), expected.drop(columns="source")
    )


def test_damaged_gzip_is_named(tmp_path):
    data = gzip.compress(b'{"title": "A", "body": "Ships sail."}\n' * 200)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    with pytest.raises(CorpusError, match=r"cut\.jsonl\.gz: is a damaged or truncated gzip file"):
        load_corpus(tmp_path / "cut.jsonl.gz")


# ---------------------------------------------------------------------------------------------- outlets
def test_outlet_from_the_first_named_field_else_the_link(tmp_path):
    records = [
        {"body": "One.", "outlet": "Ledger", "publisher": "Ignored"},
        {"body": "Two.", "publisher": "Courier"},
        {"body": "Three.", "source_name": "Wire"},
        {"body": "Four.", "site_name": "Metro"},
        {"body": "Five.", "link": "https://www.Example.org/x"},
        {"body": "Six."},
    ]
    path = tmp_path / "o.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    df = load_corpus(path)
    assert list(df["outlet"].fillna("-")) == [
        "Ledger",
        "Courier",
        "Wire",
        "Metro",
        "example.org",
        "-",
    ]
    assert df["url"].iloc[4] == "https://www.Example.org/x"


def test_spellings_of_one_outlet_are_merged_by_site_and_listed():
    corpus = pd.DataFrame(
        {
            "outlet": ["Fox Online News", "Fox News", "Fox News (Online)", "Fox News", "Yahoo News",
                       "Reuters", "Yahoo News", "CNN (Web News)", "CNN", "CNN", "Washington Times",
                       "Washington Post", "NBCNews.com", "NBC News (Online)"],
            "outlet_domain": ["www.foxnews.com"] * 4 + ["news.yahoo.com"] * 3 + ["www.cnn.com"] * 3
            + ["www.washingtontimes.com"] * 2 + ["www.nbcnews.com"] * 2,
        }
    )  # fmt: skip
    merged = merge_outlets(corpus)
    fox, yahoo, cnn = ["Fox News"] * 4, ["Yahoo News", "Reuters", "Yahoo News"], ["CNN"] * 3
    others = ["Washington Times", "Washington Post", "NBCNews.com", "NBCNews.com"]
    assert list(merged.outlet) == fox + yahoo + cnn + others
    assert merged.merges.to_dict("records") == [
        {"outlet": "CNN", "written as": "CNN (Web News)", "articles": 1, "site": "cnn.com"},
        {"outlet": "Fox News", "written as": "Fox News (Online)", "articles": 1, "site": "foxnews.com"},
        {"outlet": "Fox News", "written as": "Fox Online News", "articles": 1, "site": "foxnews.com"},
        {"outlet": "NBCNews.com", "written as": "NBC News (Online)", "articles": 1, "site": "nbcnews.com"},
    ]  # fmt: skip
    # Reuters on a portal's site and a mislabelled "Washington Post" are other outlets: not merged
    assert corpus["outlet"].iloc[0] == "Fox Online News"  # not modified


def test_site_of():
    assert site_of("https://www.FoxNews.com/politics/x") == "foxnews.com"
    assert site_of("www.cnn.com") == "cnn.com"
    assert site_of("not a link") == ""
    assert site_of(None) == ""


BAD_INPUTS = {
    "broken.rss": b"<rss><channel><item><title>Cut off",
    "index.html": (EXPORTS / "pages" / "index-no-article.html").read_bytes(),
    "image.rss": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_cli_bad_feed_or_page_exits_2_naming_the_file_or_lists_it_with_lenient(tmp_path, name):
    import subprocess
    import sys

    (tmp_path / name).write_bytes(BAD_INPUTS[name])
    shutil.copy(EXPORTS / "courier-atom.atom", tmp_path / "good.atom")
    run = [sys.executable, "-m", "analysis", "articles"]
    strict = subprocess.run(
        [*run, str(tmp_path / name)], capture_output=True, text=True, check=False
    )
    assert strict.returncode == 2 and "Traceback" not in strict.stderr
    assert f"{tmp_path / name}:" in strict.stderr  # the file named, then what is wrong
    lenient = subprocess.run(
        [*run, str(tmp_path), "--lenient"], capture_output=True, text=True, check=False
    )
    assert lenient.returncode == 0, lenient.stderr
    assert name in lenient.stderr and "skipped 1 block" in lenient.stderr
    assert len(lenient.stdout.splitlines()) == 2  # the good feed's two items


def test_the_same_text_from_two_outlets_is_two_articles_one_story(tmp_path):
    """Wire copy run word for word by two outlets stays two rows (outlet counts exact per article) and the
    two share one story group; the same text twice from one outlet is still one article."""
    import json

    from analysis.compare.stories import story_groups

    body = "The ministry said on Monday that the frigate order would be signed next week. " * 3
    rows = [
        {"title": "Frigate order to be signed", "body": body, "publisher": "Ledger"},
        {"title": "Frigate order to be signed", "body": body, "publisher": "Courier"},
        {"title": "Frigate order to be signed", "body": body, "publisher": "Courier"},
        {
            "title": "Other news",
            "body": "Rain fell on the coast all day long.",
            "publisher": "Ledger",
        },
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert len(corpus) == 3
    assert corpus["outlet"].value_counts().to_dict() == {"Ledger": 2, "Courier": 1}
    assert corpus["id"].is_unique
    groups = story_groups(corpus)
    copies = corpus["title"] == "Frigate order to be signed"
    assert groups[copies].nunique() == 1 and groups[~copies].iloc[0] != groups[copies].iloc[0]


@pytest.mark.parametrize(
    "field", ["outlet", "publisher", "media_name", "source_name", "site_name", "url", "link",
              "canonical_url", "article_url", "outlet_domain", "media_url", "domain"]
)  # fmt: skip
def test_every_outlet_or_link_field_is_read_and_a_record_without_them_gives_nothing(field):
    from analysis.corpus.outlets import outlet_fields

    found = outlet_fields({"title": "T", field: "https://www.example.org/x"})
    assert found.get("outlet") in {"https://www.example.org/x", "example.org"}
    assert outlet_fields({"title": "T", "body": "B"}) == {}
    assert outlet_fields({"title": "T"}, site_name="Metro") == {"outlet": "Metro"}
