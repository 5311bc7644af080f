"""Tests for analysis.corpus: the seed, every tag-page variation, JSONL/CSV, duplicates and every error.

Every input is written inside the test (``tmp_path``) except the committed seed and the shared BBC data.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus import CORPUS_COLUMNS, SkippedBlocksWarning, article_id

# Realistic body paragraphs (long, sentence-like) and a few short ones.
P1 = (
    "LONDON — The defence secretary said on Monday that the armed forces would receive new funding "
    "for drones and air defence. Officials declined to give figures, but the Treasury confirmed that "
    "talks were under way. “We are ready to act,” she told reporters."
)
P2 = (
    "The announcement follows weeks of pressure from NATO allies, who want Britain to spend more on "
    "defense. Critics said the plan lacked detail and came too late for the industry."
)
P3 = (
    "Opposition leaders called for a vote in parliament. The government said it would publish the "
    "details of the review in the autumn, after consulting the U.S. and European partners."
)
CURLY_TITLE = "Why Putin won’t end his war against the West"


def write(
    tmp_path: Path, name: str, text: str, encoding: str = "utf-8", newline: str = "\n"
) -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def page(
    *articles: tuple[str, list[str], list[str]], header: str | None = "Tag - UK defense"
) -> str:
    """A tag page: header, then each article as headline / paragraph lines / tag lines."""
    lines = [header, ""] if header else []
    for title, paragraphs, tags in articles:
        lines += [title, *paragraphs, *tags]
    return "\n".join(lines) + "\n"


def rows(df: pd.DataFrame) -> list[tuple[str, list[str], list[str]]]:
    return [(r.title, r.body.split("\n\n"), list(r.tags)) for r in df.itertuples()]


def assert_well_formed(df: pd.DataFrame) -> None:
    assert list(df.columns[: len(CORPUS_COLUMNS)]) == list(CORPUS_COLUMNS)
    assert isinstance(df.index, pd.RangeIndex) and df.index.start == 0
    assert df["id"].is_unique
    for r in df.itertuples():
        assert re.fullmatch(r"[0-9a-f]{16}", r.id)
        assert isinstance(r.title, str) and isinstance(r.body, str) and r.body.strip()
        assert isinstance(r.tags, list) and all(isinstance(t, str) and t for t in r.tags)
        assert (
            isinstance(r.tag_pages, list)
            and r.tag_pages
            and all(isinstance(p, str) for p in r.tag_pages)
        )
        assert re.fullmatch(r".+:\d+", r.source)


# --------------------------------------------------------------------------------------------------
# The committed seed
# --------------------------------------------------------------------------------------------------


def test_seed_loads_as_nine_articles(seed_corpus: pd.DataFrame) -> None:
    assert list(seed_corpus.columns) == list(CORPUS_COLUMNS)
    assert len(seed_corpus) == 9
    assert sum(len(tags) for tags in seed_corpus["tags"]) == 45
    assert len({t for tags in seed_corpus["tags"] for t in tags}) == 26
    assert all(pages == ["UK defense"] for pages in seed_corpus["tag_pages"])
    assert_well_formed(seed_corpus)


def test_seed_headlines_and_tags_exact(seed_corpus: pd.DataFrame, seed_file: Path) -> None:
    titles = list(seed_corpus["title"])
    assert titles[0] == CURLY_TITLE
    assert "The EU is doing exactly what Trump wants. He still doesn’t care." in titles
    assert titles[-1] == "Britain and France step in to heal Trump-Zelenskyy rift"
    first = seed_corpus.iloc[0]
    assert first["tags"] == ["Politics", "Borders", "Conflict", "Defense", "Media"]
    assert first["source"].endswith("000_540ffb8b86120463.txt:3")
    assert first["body"].startswith("When Vladimir Putin sent at least 19 drones into Poland")
    # Every non-blank line of the seed ends up somewhere: header, headline, body or tag.
    lines = [ln for ln in seed_file.read_text(encoding="utf-8").splitlines() if ln.strip()]
    used = 1 + len(seed_corpus) * 2 + sum(len(t) for t in seed_corpus["tags"])
    assert used == len(lines)


def test_seed_file_and_folder_give_same_rows(seed_file: Path) -> None:
    assert load_corpus(seed_file).equals(load_corpus(seed_file.parent))


# --------------------------------------------------------------------------------------------------
# Tag-page variations
# --------------------------------------------------------------------------------------------------

BASIC = page(
    (CURLY_TITLE, [P1], ["Politics", "Defense"]),
    ("Navy orders new frigates as budget grows", [P2], ["Defense budgets", "U.S. foreign policy"]),
)
BASIC_ROWS = [
    (CURLY_TITLE, [P1], ["Politics", "Defense"]),
    ("Navy orders new frigates as budget grows", [P2], ["Defense budgets", "U.S. foreign policy"]),
]


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [
        ("utf-8", "\n"),
        ("utf-8", "\r\n"),
        ("utf-8", "\r"),
        ("utf-8-sig", "\n"),
        ("utf-8-sig", "\r\n"),
        ("utf-16", "\n"),  # with BOM (little-endian on this machine)
        ("utf-16", "\r\n"),
    ],
    ids=["lf", "crlf", "cr", "bom", "bom-crlf", "utf16-bom", "utf16-bom-crlf"],
)
def test_encodings_and_line_ends(tmp_path: Path, encoding: str, newline: str) -> None:
    df = load_corpus(write(tmp_path, "dump.txt", BASIC, encoding, newline))
    assert rows(df) == BASIC_ROWS
    assert all(pages == ["UK defense"] for pages in df["tag_pages"])


def test_utf16_big_endian_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "be.txt"
    path.write_bytes(b"\xfe\xff" + BASIC.encode("utf-16-be"))
    assert rows(load_corpus(path)) == BASIC_ROWS


def test_utf16_without_bom_and_stray_control_characters(tmp_path: Path) -> None:
    no_bom = tmp_path / "le.txt"
    no_bom.write_bytes(BASIC.encode("utf-16-le"))
    assert rows(load_corpus(no_bom)) == BASIC_ROWS
    ctrl_z = tmp_path / "dos.txt"  # DOS tools end files with Ctrl-Z; a stray DEL too
    ctrl_z.write_bytes(BASIC.replace("Politics", "Politics\x7f").encode() + b"\x1a")
    assert rows(load_corpus(ctrl_z)) == BASIC_ROWS


def test_windows_1252_curly_quotes_dashes_accents(tmp_path: Path) -> None:
    title = "Macron’s “défense” plan — Zürich talks – café"
    body = (
        "The minister’s aide said “no comment” — then left. Señor Núñez agreed – naïvely, perhaps."
    )
    text = page((title, [body, P2], ["Défense", "Europe"]))
    path = write(tmp_path, "cp1252.txt", text, encoding="cp1252")
    assert (
        b"\x92" in path.read_bytes() and b"\x93" in path.read_bytes()
    )  # really Windows-1252 bytes
    df = load_corpus(path)
    assert rows(df) == [(title, [body, P2], ["Défense", "Europe"])]


def test_extra_blank_lines_and_trailing_spaces(tmp_path: Path) -> None:
    text = (
        "\n\n  Tag - UK defense   \n\n\n"
        f"{CURLY_TITLE}   \n\n{P1}  \t\n\n\nPolitics  \n\nDefense\n\n\n\n"
        f"Navy orders new frigates as budget grows \n\n\n{P2}\n\nDefense budgets\n  U.S. foreign policy  \n\n\n"
    )
    assert rows(load_corpus(write(tmp_path, "blanks.txt", text))) == BASIC_ROWS


def test_articles_with_no_tags(tmp_path: Path) -> None:
    text = page(
        ("Minister resigns over expenses row", [P1], []),
        ("Navy orders new frigates as budget grows", [P2], []),
        ("Third story has tags only here", [P3], ["Defense"]),
    )
    df = load_corpus(write(tmp_path, "notags.txt", text))
    assert [t for _, _, t in rows(df)] == [[], [], ["Defense"]]
    assert list(df["title"]) == [
        "Minister resigns over expenses row",
        "Navy orders new frigates as budget grows",
        "Third story has tags only here",
    ]


def test_two_sentence_briefs_are_bodies(tmp_path: Path) -> None:
    brief = "The minister resigned on Tuesday. Downing Street confirmed it."
    text = page(
        ("Minister resigns over expenses row", [brief], []),
        ("Navy orders new frigates", [P2], ["Defense"]),
        (
            "Army chief steps down",
            ["The general quit on Friday. No reason was given."],
            ["Military"],
        ),
    )
    assert rows(load_corpus(write(tmp_path, "briefs.txt", text))) == [
        ("Minister resigns over expenses row", [brief], []),
        ("Navy orders new frigates", [P2], ["Defense"]),
        (
            "Army chief steps down",
            ["The general quit on Friday. No reason was given."],
            ["Military"],
        ),
    ]


@pytest.mark.parametrize(
    "separator", ["\n", "\n\n", "\n\n\n"], ids=["no-blank", "blank", "two-blanks"]
)
def test_paragraphs_are_kept_with_or_without_blank_lines(tmp_path: Path, separator: str) -> None:
    short = "He declined to comment."  # a 4-word paragraph ending with a period is body, not a tag
    body = separator.join([P1, short, P2, P3])
    text = f"Tag - UK defense\n\n{CURLY_TITLE}\n{body}\nDefense\nSecurity\n"
    df = load_corpus(write(tmp_path, "paras.txt", text))
    assert rows(df) == [(CURLY_TITLE, [P1, short, P2, P3], ["Defense", "Security"])]
    assert df["body"].iloc[0] == f"{P1}\n\n{short}\n\n{P2}\n\n{P3}"


def test_all_caps_subhead_stays_in_body(tmp_path: Path) -> None:
    text = page((CURLY_TITLE, [P1, "MILITARIES TO GAME OUT DETAILS", P2], ["Defense"]))
    assert rows(load_corpus(write(tmp_path, "subhead.txt", text))) == [
        (CURLY_TITLE, [P1, "MILITARIES TO GAME OUT DETAILS", P2], ["Defense"])
    ]


def test_file_without_header_uses_file_stem(tmp_path: Path) -> None:
    df = load_corpus(write(tmp_path, "europe-security.txt", page(*BASIC_ROWS, header=None)))
    assert rows(df) == BASIC_ROWS
    assert all(pages == ["europe-security"] for pages in df["tag_pages"])


@pytest.mark.parametrize(
    "header", ["Tag - UK defense", "Tag – UK defense", "Tag —  UK defense ", "Tag-UK defense"]
)
def test_header_dash_and_spacing_variants(tmp_path: Path, header: str) -> None:
    df = load_corpus(write(tmp_path, "h.txt", page(*BASIC_ROWS, header=header)))
    assert all(pages == ["UK defense"] for pages in df["tag_pages"])
    assert rows(df) == BASIC_ROWS


def test_several_headers_in_one_file(tmp_path: Path) -> None:
    text = page(BASIC_ROWS[0]) + page(BASIC_ROWS[1], header="Tag - Europe")
    df = load_corpus(write(tmp_path, "two.txt", text))
    assert list(df["tag_pages"]) == [["UK defense"], ["Europe"]]


def test_browser_copy_with_byline_date_and_blank_lines_everywhere(tmp_path: Path) -> None:
    short = "He declined to comment further."
    text = (
        f"Tag – UK defense\n\n{CURLY_TITLE}\n\nBy Jane Doe\n\nSeptember 15, 2025 4:00 am CET\n\n"
        f"{P1}\n\n{short}\n\nPolitics\n\nDefense\n\n"
        f"Is Britain ready for a drone war?\n\n{P2}\n\nDefense\nU.S. foreign policy\n\n"
        "Minister quits\n\nThe minister resigned on Tuesday. Downing Street confirmed it.\n"
    )
    assert rows(load_corpus(write(tmp_path, "copy.txt", text))) == [
        (
            CURLY_TITLE,
            ["By Jane Doe", "September 15, 2025 4:00 am CET", P1, short],
            ["Politics", "Defense"],
        ),
        ("Is Britain ready for a drone war?", [P2], ["Defense", "U.S. foreign policy"]),
        ("Minister quits", ["The minister resigned on Tuesday. Downing Street confirmed it."], []),
    ]


def test_three_word_line_after_body_is_a_tag(tmp_path: Path) -> None:
    text = page(
        (
            "Navy orders new frigates",
            [P2],
            ["EU-US military ties", "War in Ukraine", "Donald Trump"],
        ),
        ("Minister resigns", [P1], ["UK"]),
    )
    df = load_corpus(write(tmp_path, "tags.txt", text))
    assert rows(df) == [
        (
            "Navy orders new frigates",
            [P2],
            ["EU-US military ties", "War in Ukraine", "Donald Trump"],
        ),
        ("Minister resigns", [P1], ["UK"]),
    ]


def test_short_untagged_articles_back_to_back(tmp_path: Path) -> None:
    text = page(
        ("Minister resigns over expenses row", ["The minister resigned on Tuesday."], []),
        ("Army chief steps down", ["The general quit on Friday."], []),
        ("Is NATO ready for a long war?", [P1], ["NATO"]),
        (
            "The EU is doing exactly what Trump wants. He still doesn’t care.",
            [P2],
            ["Donald Trump"],
        ),
    )
    assert [t for t, _, _ in rows(load_corpus(write(tmp_path, "short.txt", text)))] == [
        "Minister resigns over expenses row",
        "Army chief steps down",
        "Is NATO ready for a long war?",
        "The EU is doing exactly what Trump wants. He still doesn’t care.",
    ]


def test_question_headline_after_untagged_body(tmp_path: Path) -> None:
    text = page(("First headline of the day", [P1], []), ("Is NATO ready for war?", [P2], ["NATO"]))
    assert [t for t, _, _ in rows(load_corpus(write(tmp_path, "q.txt", text)))] == [
        "First headline of the day",
        "Is NATO ready for war?",
    ]


@pytest.mark.xfail(strict=True, reason="known limitation: nothing marks the article boundary")
def test_known_limitation_sentence_headline_after_untagged_article(tmp_path: Path) -> None:
    # An article without tags followed by a headline written as full sentences ("...wants. He still
    # doesn't care.") reads exactly like one more short paragraph; the loader keeps it in the body.
    text = page(
        ("First headline of the day", [P1], []),
        (
            "The EU is doing exactly what Trump wants. He still doesn’t care.",
            [P2],
            ["Donald Trump"],
        ),
    )
    assert len(load_corpus(write(tmp_path, "ambiguous.txt", text))) == 2


def test_abbreviation_tags_are_not_sentences(tmp_path: Path) -> None:
    text = page(("Navy orders new frigates", [P2], ["U.S.", "U.K. politics", "Washington D.C."]))
    assert rows(load_corpus(write(tmp_path, "abbr.txt", text)))[0][2] == [
        "U.S.",
        "U.K. politics",
        "Washington D.C.",
    ]


# --------------------------------------------------------------------------------------------------
# JSONL and CSV
# --------------------------------------------------------------------------------------------------


def test_jsonl_fields_tags_and_extras(tmp_path: Path) -> None:
    lines = [
        {
            "title": "A",
            "body": P1,
            "tags": ["Defense", "NATO"],
            "category": "politics",
            "date": "2025-03-01",
        },
        {"title": "", "text": P2, "tags": "Defense; Europe ;", "url": "https://example.org/b"},
        {"body": P3},
    ]
    path = write(
        tmp_path,
        "export.jsonl",
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n",
    )
    df = load_corpus(path)
    assert_well_formed(df)
    assert list(df.columns) == [*CORPUS_COLUMNS, "published", "category", "date", "url", "outlet"]
    assert list(df["title"]) == ["A", "", ""]
    assert list(df["body"]) == [P1, P2, P3]
    assert list(df["tags"]) == [["Defense", "NATO"], ["Defense", "Europe"], []]
    assert list(df["tag_pages"]) == [["export"]] * 3
    assert list(df["source"]) == [f"{path.name}:1", f"{path.name}:2", f"{path.name}:3"]
    assert df["category"].iloc[0] == "politics" and pd.isna(df["category"].iloc[1])
    assert df["url"].iloc[1] == "https://example.org/b"
    assert list(df["outlet"]) == [None, "example.org", None]  # a link names its site


def test_jsonl_id_and_source_fields_are_kept_as_record_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "e.jsonl",
        json.dumps({"id": "business/001", "source": "BBC", "title": "T", "body": P1}),
    )
    df = load_corpus(path)
    assert df["record_id"].iloc[0] == "business/001" and df["record_source"].iloc[0] == "BBC"
    assert df["id"].iloc[0] == article_id("T", P1)


def test_csv_with_text_column_and_semicolon_tags(tmp_path: Path) -> None:
    df_in = pd.DataFrame(
        {
            "title": ["A", ""],
            "text": [P1, P2 + "\n\n" + P3],
            "tags": ["Defense;NATO", ""],
            "category": ["x", "y"],
        }
    )
    path = tmp_path / "export.csv"
    df_in.to_csv(path, index=False)
    df = load_corpus(path)
    assert list(df.columns) == [*CORPUS_COLUMNS, "category"]
    assert list(df["body"]) == [P1, P2 + "\n\n" + P3]
    assert list(df["tags"]) == [["Defense", "NATO"], []]
    assert list(df["source"].str.rsplit(":", n=1).str[1]) == ["2", "3"]


def test_bbc_jsonl_loads(bbc_path: Path) -> None:
    df = load_corpus(bbc_path)
    assert_well_formed(df)
    # 2,225 records; 98 are exact duplicates (same title + body) of another record (see its README) and
    # 2 more differ from another record only by a paragraph break (sport/182, sport/438): same article.
    assert len(df) == 2225 - 98 - 2
    assert df["record_id"].is_unique
    assert set(df["category"]) == {"business", "entertainment", "politics", "sport", "tech"}
    assert df["record_id"].iloc[0] == "business/001"


# --------------------------------------------------------------------------------------------------
# Duplicates, order and stability
# --------------------------------------------------------------------------------------------------


def test_same_article_on_several_pages_is_one_row(tmp_path: Path) -> None:
    a = write(
        tmp_path,
        "a.txt",
        page((CURLY_TITLE, [P1], ["Politics", "Defense"]), header="Tag - UK defense"),
    )
    b = write(
        tmp_path,
        "b.txt",
        page(
            ("Other story", [P2], ["Europe"]),
            (CURLY_TITLE, [P1], ["Defense", "Russia"]),
            header="Tag - Europe",
        ),
    )
    df = load_corpus(a, b)
    assert len(df) == 2
    first = df.iloc[0]
    assert first["title"] == CURLY_TITLE
    assert first["tags"] == ["Politics", "Defense", "Russia"]
    assert first["tag_pages"] == ["UK defense", "Europe"]
    assert first["source"].endswith("a.txt:3")


def test_duplicates_with_different_whitespace_and_format_merge(tmp_path: Path) -> None:
    txt = write(tmp_path, "a.txt", page((CURLY_TITLE, [P1, P2], ["Defense"])))
    jsonl = write(
        tmp_path,
        "b.jsonl",
        json.dumps({"title": CURLY_TITLE, "body": P1 + "\n" + P2 + "  ", "tags": ["War"]}),
    )
    df = load_corpus(txt, jsonl)
    assert len(df) == 1
    assert df["tags"].iloc[0] == ["Defense", "War"]
    assert df["tag_pages"].iloc[0] == ["UK defense", "b"]


def test_order_and_repetition_do_not_change_result(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", BASIC)
    b = write(tmp_path, "b.jsonl", json.dumps({"title": "J", "body": P3, "tags": ["X"]}))
    c = write(tmp_path, "c.txt", page((CURLY_TITLE, [P1], ["Russia"]), header="Tag - Russia"))
    first = load_corpus(a, b, c)
    assert first.equals(load_corpus(c, b, a))
    assert first.equals(load_corpus(b, c, a, a, tmp_path))
    assert first.equals(load_corpus(tmp_path))
    assert list(first["id"]) == list(load_corpus(a, b, c)["id"])


def test_ids_do_not_depend_on_path_or_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = write(tmp_path, "one.txt", BASIC)
    (tmp_path / "sub").mkdir()
    two = write(tmp_path / "sub", "renamed.txt", BASIC.replace("Tag - UK defense", "Tag - Other"))
    ids = list(load_corpus(one)["id"])
    assert list(load_corpus(two)["id"]) == ids
    monkeypatch.chdir(tmp_path)
    df = load_corpus("one.txt")
    assert list(df["id"]) == ids
    assert df["source"].iloc[0] == "one.txt:3"
    assert ids == [article_id(t, "\n\n".join(p)) for t, p, _ in BASIC_ROWS]


def test_folder_search_is_recursive_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "nested" / "deeper").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    write(tmp_path / "nested" / "deeper", "x.txt", BASIC)
    write(tmp_path / ".cache", "junk.txt", "\x00\x01binary")
    write(tmp_path, "notes.md", "not loaded from a folder")
    assert rows(load_corpus(tmp_path)) == BASIC_ROWS


def test_input_dataframe_not_needed_and_result_is_fresh(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", BASIC)
    df1 = load_corpus(path)
    df1.at[0, "tags"].append("mutated")
    assert load_corpus(path)["tags"].iloc[0] == ["Politics", "Defense"]


# --------------------------------------------------------------------------------------------------
# Errors: each names the file, the line where one applies, and what was expected
# --------------------------------------------------------------------------------------------------


def raises(match: str):
    return pytest.raises(CorpusError, match=match)


def test_error_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", "")
    with raises(r"empty\.txt: is empty; expected articles"):
        load_corpus(path)


def test_error_whitespace_only_file_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.txt", "  \r\n\r\n", encoding="utf-8-sig")
    with raises(r"blank\.txt: is empty"):
        load_corpus(path)


def test_error_header_with_no_articles(tmp_path: Path) -> None:
    path = write(tmp_path, "hdr.txt", "Tag - UK defense\n\n\n")
    with raises(r"hdr\.txt:1: header 'Tag - UK defense' is followed by no articles"):
        load_corpus(path)


def test_error_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with raises(r"image\.txt: is a binary file"):
        load_corpus(path)


def test_error_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "weird.txt"
    path.write_bytes(b"Headline \x81\x8d\x8f here\n" + P1.encode("ascii", "replace"))
    with raises(
        r"weird\.txt:1: is a binary file or in an unknown encoding \(byte 0x81 at byte 9 is neither "
        r"UTF-8 nor Windows-1252\); re-save the file as UTF-8"
    ):
        load_corpus(path)


def test_a_stray_byte_in_a_utf8_file_is_named_at_its_line(tmp_path: Path) -> None:
    """One Windows-1252 byte in a UTF-8 file: the line is named, the file is never read as Windows-1252."""
    good = "Europe’s “defence” plan\n" + P1 + "\nDefense\n"
    data = (good * 3).encode("utf-8")
    stray = data.index(b"Europe", len(good.encode("utf-8")) * 2) + 6  # the third copy's "Europe’s"
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:stray] + b"\x92" + data[stray + 3 :])
    line = data[:stray].count(b"\n") + 1
    assert line == 7
    with raises(rf"stray\.txt:{line}: is not valid UTF-8 \(byte 0x92 at byte {stray:,}\) although"):
        load_corpus(path)
    skipped = pytest.warns(SkippedBlocksWarning, match=rf"stray\.txt:{line}: is not valid UTF-8")
    with skipped, raises("no articles found"):
        load_corpus(path, lenient=True)


def test_error_tags_before_any_headline(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "orphan.txt",
        "Tag - UK defense\n\nDefense\nSecurity\n" + page(BASIC_ROWS[0], header=None),
    )
    with raises(r"orphan\.txt:3: tag 'Defense' comes before any headline"):
        load_corpus(path)


def test_error_headline_with_no_body(tmp_path: Path) -> None:
    path = write(tmp_path, "nobody.txt", BASIC + "A final headline with nothing after it\n")
    with raises(r"nobody\.txt:11: headline 'A final headline with nothing after it' has no body"):
        load_corpus(path)


def test_error_folder_with_no_articles(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    write(tmp_path / "docs", "readme.md", "# nothing to load")
    with raises(r"docs: folder has no articles"):
        load_corpus(tmp_path / "docs")


def test_error_missing_path(tmp_path: Path) -> None:
    with raises(r"nope\.txt: no such file or folder"):
        load_corpus(tmp_path / "nope.txt")


def test_error_no_paths() -> None:
    with raises(r"at least one file or folder"):
        load_corpus()
    with raises(r"an empty path was given"):
        load_corpus("")
    with raises(r"42 is not a path"):
        load_corpus(42)  # type: ignore[arg-type]


def test_error_json_line_that_does_not_parse(tmp_path: Path) -> None:
    good = json.dumps({"title": "A", "body": P1})
    path = write(tmp_path, "bad.jsonl", f'{good}\n\n{{"title": "B", "body": \n{good}\n')
    with raises(r"bad\.jsonl:3: is not valid JSON .*expected one JSON object per line"):
        load_corpus(path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2]", r"is a JSON list; expected one JSON object per line"),
        ('{"tags": ["A"]}', r"has no 'body', 'text' or 'title' field \(fields: tags\)"),
        ('{"title": " "}', r"has no 'body' or 'text' field and an empty 'title'"),
        ('{"title": "A", "body": "   "}', r"empty 'body'"),
        ('{"title": 3, "body": "Text."}', r"'title' must be a string"),
        ('{"body": "Text.", "tags": 5}', r"'tags' must be a list of strings"),
    ],
)
def test_error_jsonl_bad_records(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path, "r.jsonl", json.dumps({"body": P1}) + "\n" + line + "\n")
    with raises(r"r\.jsonl:2: " + message):
        load_corpus(path)


def test_error_csv_with_no_body_or_title_column(tmp_path: Path) -> None:
    path = write(tmp_path, "nobody.csv", "headline,tags\nA,Defense\n")
    with raises(
        r"nobody\.csv:1: has no 'body', 'text' or 'title' column \(columns found: 'headline', 'tags'\)"
    ):
        load_corpus(path)


def test_error_csv_row_with_empty_body_or_wrong_field_count(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty_body.csv", f'title,body\nA,"{P1}"\nB,\n')
    with raises(r"empty_body\.csv:3: empty 'body'"):
        load_corpus(empty)
    ragged = write(tmp_path, "ragged.csv", f'title,body\nA,"{P1}",extra\n')
    with raises(r"ragged\.csv:2: row has 3 fields, the header has 2"):
        load_corpus(ragged)


def test_csv_multiline_cell_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "ml.csv", f'title,body\nA,"{P1}\n\n{P2}"\nB,"{P3}"\n')
    df = load_corpus(path)
    assert list(df["body"]) == [f"{P1}\n\n{P2}", P3]
    assert [s.rsplit(":", 1)[1] for s in df["source"]] == ["2", "5"]


# --------------------------------------------------------------------------------------------------
# Lenient mode
# --------------------------------------------------------------------------------------------------


def test_lenient_skips_and_lists_every_bad_block(tmp_path: Path) -> None:
    txt = write(
        tmp_path,
        "a.txt",
        "Tag - UK defense\nDefense\n"
        + page(*BASIC_ROWS, header=None)
        + "A final headline with nothing after it\n",
    )
    jsonl = write(tmp_path, "b.jsonl", json.dumps({"title": "J", "body": P3}) + "\nnot json\n")
    empty = write(tmp_path, "c.txt", "")
    with pytest.warns(SkippedBlocksWarning) as record:
        df = load_corpus(txt, jsonl, empty, lenient=True)
    assert len(record) == 1
    message = str(record[0].message)
    assert "skipped 4 blocks" in message
    for where in (
        "a.txt:2: tag 'Defense'",
        "a.txt:11: headline",
        "b.jsonl:2: is not valid JSON",
        "c.txt: is empty",
    ):
        assert where in message
    assert [t for t, _, _ in rows(df)] == [t for t, _, _ in BASIC_ROWS] + ["J"]


def test_lenient_without_problems_warns_nothing(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert rows(load_corpus(write(tmp_path, "a.txt", BASIC), lenient=True)) == BASIC_ROWS


def test_lenient_still_raises_when_nothing_loads(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.jsonl", "nope\n")
    with pytest.warns(SkippedBlocksWarning), raises(r"no articles found in .*bad\.jsonl"):
        load_corpus(path, lenient=True)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="permission bits are not enforced")
def test_error_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", BASIC)
    path.chmod(0)
    try:
        with raises(r"locked\.txt: cannot be read"):
            load_corpus(path)
    finally:
        path.chmod(0o644)


# --------------------------------------------------------------------------------------------------
# Parsing quality on real text laid out as tag pages
# --------------------------------------------------------------------------------------------------


def test_seed_with_one_paragraph_per_line_parses_back(
    seed_corpus: pd.DataFrame, tmp_path: Path
) -> None:
    # The seed's bodies mark paragraphs with a no-break space + space; put each paragraph on its own line.
    lines = ["Tag - UK defense", ""]
    expected = []
    for r in seed_corpus.itertuples():
        paragraphs = [p.strip() for p in re.split(r"(?<=[.?!”’\"])\s{2,}", r.body) if p.strip()]
        lines += [r.title, *paragraphs, *r.tags]
        expected.append((r.title, paragraphs, list(r.tags)))
    assert sum(len(p) for _, p, _ in expected) > 40
    assert rows(load_corpus(write(tmp_path, "paragraphs.txt", "\n".join(lines)))) == expected


def test_bbc_rendered_as_a_tag_page_parses_back(bbc_path: Path, tmp_path: Path) -> None:
    """2,125 real BBC articles, one paragraph per line, 0-4 tag lines each: >= 90% come back exact (96.5% seen)."""
    records = load_corpus(bbc_path)
    extra = ["Economy", "Europe", "U.S. foreign policy", "EU-US trade ties", "Donald Trump", "UK"]
    lines = ["Tag - BBC", ""]
    expected = []
    for i, r in enumerate(records.itertuples()):
        tags = [r.category.capitalize(), *extra[i % 5 : i % 5 + 2]][: i % 5]
        paragraphs = [p.strip() for p in r.body.split("\n") if p.strip()]  # list items: 1 per line
        lines += [r.title, *paragraphs, *tags]
        expected.append((r.title, tuple(paragraphs), tuple(tags)))
    path = write(tmp_path, "bbc.txt", "\n".join(lines))
    with pytest.warns(SkippedBlocksWarning) as record:
        parsed = load_corpus(path, lenient=True)
    got = {
        (t, tuple(b.split("\n\n")), tuple(tg))
        for t, b, tg in zip(parsed["title"], parsed["body"], parsed["tags"], strict=True)
    }
    exact = sum(item in got for item in expected)
    assert exact / len(expected) >= 0.90, f"{exact} of {len(expected)} articles parsed exactly"
    assert str(record[0].message).count("\n") <= 20  # few blocks skipped, each listed


def test_jsonl_fast_and_escaped_records_load_alike(tmp_path: Path) -> None:
    """A record of printable ASCII and the same record written with JSON escapes give the same row."""
    record = {
        "title": "  Spaced  title ",
        "body": " Body  with  double spaces. ",
        "tags": [" a ", "b"],
    }
    plain = write(tmp_path, "plain.jsonl", json.dumps(record) + "\n")
    escaped_text = json.dumps(record).replace("Body", "\\u0042ody").replace("title", "titl\\u0065")
    escaped = write(tmp_path, "escaped.jsonl", escaped_text + "\n")
    a, b = load_corpus(plain), load_corpus(escaped)
    assert (
        a["id"].iloc[0]
        == b["id"].iloc[0]
        == article_id("Spaced  title", "Body  with  double spaces.")
    )
    assert (a["title"].iloc[0], a["body"].iloc[0], a["tags"].iloc[0]) == (
        b["title"].iloc[0],
        b["body"].iloc[0],
        b["tags"].iloc[0],
    )
    assert a["body"].iloc[0] == "Body  with  double spaces."
    withid = write(tmp_path, "withid.jsonl", json.dumps({**record, "id": a["id"].iloc[0]}) + "\n")
    assert (
        "record_id" not in load_corpus(withid).columns
    )  # our own id is recognised on the fast path


def test_jsonl_escaped_combining_mark_is_composed_like_a_raw_one(tmp_path: Path) -> None:
    """An accent written as a \\u escape after its letter is composed (NFC) as the same accent written raw
    is, in the text and in the id; a raw non-ASCII line without such escapes is taken as it is (NFC)."""
    raw = {"title": "Caf\u00e9 \u2014 “news”", "body": "Na\u00efve\nsecond line £5.", "tags": ["é"]}
    escaped_text = json.dumps(raw, ensure_ascii=False).replace("\u00e9", "e\\u0301")
    assert "\\u0301" in escaped_text
    a = load_corpus(write(tmp_path, "raw.jsonl", json.dumps(raw, ensure_ascii=False) + "\n"))
    b = load_corpus(write(tmp_path, "escaped.jsonl", escaped_text + "\n"))
    assert a["title"].iloc[0] == b["title"].iloc[0] == "Caf\u00e9 \u2014 “news”"
    assert a["tags"].iloc[0] == b["tags"].iloc[0] == ["\u00e9"]
    assert a["id"].iloc[0] == b["id"].iloc[0] == article_id(raw["title"], raw["body"])


@pytest.mark.parametrize("control", ["\x01", "\x0b", "\x1f", "\x7f"])
def test_jsonl_large_ascii_file_with_control_character(tmp_path: Path, control: str) -> None:
    """The raw-byte control check of large files still finds an escaped-free stray control character."""
    lines = [
        json.dumps({"title": f"T{i}", "body": f"Body number {i} " + "word " * 50})
        for i in range(400)
    ]
    text = "\n".join(lines) + "\n"
    text = text[:1000] + control + text[1000:]
    df = load_corpus(write(tmp_path, "big.jsonl", text))
    assert len(df) == 400
    assert not df["body"].str.contains(control).any()


@pytest.mark.parametrize("control", ["\x01", "\x1f", "\x7f", "\x85", "\x9f", "\ufeff", "\uffff"])
def test_jsonl_large_utf8_file_with_control_character(tmp_path: Path, control: str) -> None:
    """The byte-level control check of large UTF-8 (non-ASCII) text finds C1 controls and U+FEFF/FFFE/FFFF
    too, whatever bytes sit around them (a literal control in a JSON string is refused; in a field name too:
    put it in the raw text between records, where the line reader sees it)."""
    lines = [
        json.dumps(
            {"title": f"T{i} £ “é”", "body": f"Body number {i} – " + "wörd " * 50},
            ensure_ascii=False,
        )
        for i in range(400)
    ]
    text = "\n".join(lines) + "\n"
    at = text.index("wörd", 5000)
    text = text[:at] + control + text[at:]
    df = load_corpus(write(tmp_path, "big.jsonl", text))
    assert len(df) == 400
    assert not df["body"].str.contains(control).any()


def test_utf8_control_check_agrees_with_the_pattern() -> None:
    """_may_have_controls says True whenever CONTROL_CHARS finds a character in large UTF-8 text."""
    import random

    from analysis.corpus.base import CONTROL_CHARS
    from analysis.corpus.decode import _may_have_controls

    rng = random.Random(0)
    alphabet = "ab \n£é–“\u00a0\u00bf\u00c0\u07ff\u0800\ufefe\ufffd\U0001f600\x01\x7f\x80\x9f\ufeff\ufffe\uffff"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))) + "x" * 70_000
        text = (
            "".join(rng.sample(text[:6], len(text[:6]))) + text[6:]
            if rng.random() < 0.5
            else text[::-1]
        )
        if CONTROL_CHARS.search(text):
            assert _may_have_controls(text, text.encode("utf-8"), utf8=True), repr(
                text[:8] + text[-8:]
            )
        else:
            assert not _may_have_controls(text, text.encode("utf-8"), utf8=True)


def test_sources_do_not_depend_on_cwd_or_local_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "pages" / "sub"
    folder.mkdir(parents=True)
    (folder / "one.txt").write_text(
        f"Tag - Page\n\nHeadline here for the test\n{P1}\nDefense\n", encoding="utf-8"
    )
    from_folder = load_corpus(tmp_path / "pages")["source"].tolist()
    monkeypatch.chdir(folder)
    assert load_corpus(tmp_path / "pages")["source"].tolist() == from_folder == ["sub/one.txt:3"]
    assert load_corpus("one.txt")["source"].tolist() == ["one.txt:3"]
    assert load_corpus(folder / "one.txt")["source"].tolist() == ["one.txt:3"]


def test_csv_loading_leaves_the_process_csv_limit_alone(tmp_path: Path) -> None:
    import csv

    before = csv.field_size_limit()
    path = tmp_path / "export.csv"
    path.write_text("title,body\nHeadline," + "x" * (before + 10) + "\n", encoding="utf-8")
    assert len(load_corpus(path)["body"].iloc[0]) == before + 10
    assert csv.field_size_limit() == before


def test_glob_patterns_read_the_files_they_match(tmp_path: Path) -> None:
    """``archive/2025-*.jsonl``: a pattern is expanded to its files (for load_corpus, the cache, the CLI and
    both engines); a pattern matching nothing is a clear error; an existing name with ``[`` is read as is."""
    for name, title in (("2025-01.jsonl", "January"), ("2025-02.jsonl", "February")):
        record = {"title": title, "body": f"{title} story.", "tags": ["Navy"]}
        (tmp_path / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "2024-12.jsonl").write_text(
        json.dumps({"title": "December", "body": "December story.", "tags": []}) + "\n",
        encoding="utf-8",
    )
    got = load_corpus(str(tmp_path / "2025-*.jsonl"))
    assert list(got["title"]) == ["January", "February"]
    assert list(got["source"]) == ["2025-01.jsonl:1", "2025-02.jsonl:1"]
    everything = load_corpus(str(tmp_path / "**" / "*.jsonl"))
    assert sorted(everything["title"]) == ["December", "February", "January"]
    with pytest.raises(CorpusError, match=r"2030-\*\.jsonl: no files match this pattern"):
        load_corpus(str(tmp_path / "2030-*.jsonl"))
    odd = tmp_path / "[draft].jsonl"
    odd.write_text(json.dumps({"title": "Draft", "body": "Draft story."}) + "\n", encoding="utf-8")
    assert list(load_corpus(str(odd))["title"]) == ["Draft"]


def test_paths_given_as_one_list_or_one_by_one_load_the_same(
    tmp_path: Path, seed_file: Path
) -> None:
    other = tmp_path / "more.jsonl"
    other.write_text('{"title": "One more", "body": "A body of text."}\n', encoding="utf-8")
    one_by_one = load_corpus(seed_file, other)
    pd.testing.assert_frame_equal(load_corpus([seed_file, other]), one_by_one)
    pd.testing.assert_frame_equal(load_corpus((str(seed_file), str(other))), one_by_one)
    pd.testing.assert_frame_equal(load_corpus([seed_file]), load_corpus(seed_file))
    with pytest.raises(CorpusError, match="at least one"):
        load_corpus([])
