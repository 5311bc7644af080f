"""JSON Lines records (analysis.corpus.records): the shortcuts taken for the usual article give what the full
checks give, on the shapes around them."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from analysis.config import MAX_JSON_DEPTH
from analysis.corpus.base import BlockError, article_id
from analysis.corpus.records import _decoded, json_depth, parse_jsonl


def _parse(*records: object) -> list:
    text = "\n".join(json.dumps(r) if not isinstance(r, str) else r for r in records) + "\n"
    return parse_jsonl(text, Path("x.jsonl"), "x.jsonl", lenient=False, skipped=[])


def _nested(depth: int, leaf: object = "x") -> object:
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 == 0 else {"k": value}
    return value


SHAPES = [
    {"tags": ["a", "b"], "n": 3, "none": None},
    {"tags": []},
    {"meta": {}},
    {"meta": {"a": 1}},
    {"other": [[]]},
    {"other": ["a", {"b": 1}]},
    {"other": ["a", ["b"]]},
    *({"deep": _nested(depth)} for depth in range(1, MAX_JSON_DEPTH + 3)),
]


@pytest.mark.parametrize("extra", SHAPES)
def test_depth_limit_is_the_measured_depth_on_every_shape(extra):
    record = {"title": "T", "body": "Some body text.", **extra}
    too_deep = json_depth(record) > MAX_JSON_DEPTH
    value, flat = _decoded(json.dumps(record))
    assert value == record
    if flat:
        assert json_depth(record) <= 2
    if too_deep:
        with pytest.raises(BlockError, match="levels deep"):
            _parse(record)
    else:
        assert len(_parse(record)) == 1


def test_an_ascii_line_with_an_escaped_combining_mark_is_composed():
    """On a line of ASCII only (every non-ASCII character a \\u escape) a decomposed accent is composed in the
    text and the id, as the same accent written raw is."""
    raw = {"title": "Caf\u00e9 \u2014 news", "body": "Na\u00efve\n\nsecond  line \u00a35."}
    decomposed = {k: unicodedata.normalize("NFD", v) for k, v in raw.items()}
    line = json.dumps(decomposed)
    assert line.isascii() and "\\u0301" in line
    (art,) = _parse(line)
    (want,) = _parse(json.dumps(raw, ensure_ascii=False))
    assert (art.title, art.body, art.key) == (want.title, want.body, want.key)
    assert art.key == article_id(raw["title"], raw["body"])


@pytest.mark.parametrize(
    ("fields", "taken"),
    [
        ({"date": "2024-01-02", "published": "2024-03-04"}, "2024-03-04"),
        ({"time": "10:00", "date": "2024-01-02"}, "2024-01-02"),
        ({"seendate": "20240102T000000Z"}, "20240102T000000Z"),
        ({}, None),
    ],
)
def test_the_first_date_field_in_order_is_taken(fields, taken):
    (art,) = _parse({"title": "T", "body": "B.", **fields})
    assert art.date == taken
    assert "published" not in art.extras


def _typed(value: object) -> object:
    """A value with every type spelled out (1, 1.0 and True are told apart, and so are 0.0 and -0.0)."""
    if isinstance(value, dict):
        return ("object", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, repr(value))


LINES = [
    '{"title": "T", "body": "B", "tags": ["a", "b"], "n": 3, "ok": true, "none": null}',
    '{"title": "T", "body": "B", "n": 123456789012345678901234567890}',  # beyond 64 bits: an int
    '{"title": "T", "body": "B", "n": -9223372036854775809, "m": 18446744073709551616}',
    '{"title": "T", "body": "B", "tags": [98765432109876543210]}',
    '{"title": "T", "body": "B", "score": 0.1, "big": 1e400, "z": -0.0}',
    '{"title": "T", "body": "B", "x": NaN, "y": -Infinity}',  # json reads these, orjson does not
    '{"title": "T", "body": "B", "title": "again", "body": "twice"}',
    '{"title": "\\ud83d\\ude00 \\u00e9\\u0301", "body": "tab\\there \\/ \\" \\\\"}',
    '{"title": "lone \\ud800 surrogate", "body": "B"}',
    '{"title": "T", "body": "B", "meta": {"a": [1, {"b": 2}]}}',
    '{"title": "caf\u00e9", "body": "B\\n\\nC", "tags": []}',
    '["a list"]',
    '"a string"',
    "42",
    "null",
]


@pytest.mark.parametrize("line", LINES)
def test_a_line_is_read_as_json_reads_it(line):
    value, flat = _decoded(line)
    assert _typed(value) == _typed(json.loads(line))
    if flat:
        assert isinstance(value, dict) and json_depth(value) <= 2


BAD_LINES = [
    '{"title": "T", "body": "B"',
    '{"title": "T" "body": "B"}',
    '{"title": "T", "body": "B",}',
    "{'title': 'T'}",
    '{"title": "T", "body": "B"} trailing',
    '{"title": "T", "body": "raw\tcontrol"}',
    '{"title": "T", "body": "B", "n": 01}',
    '{"title": "T", "body": "\\x41"}',
    "[" * 3000 + "]" * 3000,
]


@pytest.mark.parametrize("line", BAD_LINES)
def test_a_bad_line_gives_json_s_own_error(line):
    try:
        json.loads(line)
    except json.JSONDecodeError as exc:
        want = exc.msg
    except RecursionError:
        want = "nested too deeply"
    else:
        pytest.fail("json read a bad line")
    with pytest.raises(BlockError) as caught:
        _parse(line)
    assert caught.value.message.startswith(f"is not valid JSON ({want})")
    assert caught.value.line == 1


def test_every_id_is_the_article_id_of_its_text_on_bbc_articles(bbc_path):
    """Ids hashed in bulk (texts printable but for line breaks) and one at a time (the rest) on real text,
    with the wire-copy and own-id rules: an outlet tells copies apart, a record id equal to ours is dropped."""
    lines = bbc_path.read_text(encoding="utf-8").splitlines()[:400]
    records = [json.loads(line) for line in lines]
    for i, record in enumerate(records):
        if i % 3 == 1:
            record["outlet"] = "Wire Service"
        if i % 5 == 2:
            record["body"] = record["body"] + "\u00a0tail\tend"  # cleaned one at a time
        if i % 7 == 3:
            record["title"] = "\n\n " + record["title"] + "  \n\n\n  twice  "
    articles = _parse(*records)
    for i, art in enumerate(articles):
        key = article_id(art.title, art.body)
        if i % 3 == 1:
            key = article_id(key, "wire service")
        assert art.key == key
    with_ids = [
        {**r, "id": a.key} if i % 2 else r
        for i, (r, a) in enumerate(zip(records, articles, strict=True))
    ]
    again = _parse(*with_ids)
    assert [a.key for a in again] == [a.key for a in articles]
    assert not any("record_id" in a.extras for a in again[1::2])


ESCAPED_TEXTS = [
    "plain text",
    "two\n\nparagraphs \n with  spaces\n",
    "a\ttab",
    "a carriage\rreturn and\r\nCRLF",
    "bell\b form\f feed",
    "no-break\u00a0space",
    "soft\u00adhyphen and zero\u200bwidth",
    "line\u2028separator",
    'slash / quote " backslash \\ backslash-n \\n backslash-t \\t',
    "\\\\n\\\\t",
    "  \n padded \n  ",
    "caf\u00e9 e\u0301",
    "\x7f del",
]


@pytest.mark.parametrize("body", ESCAPED_TEXTS)
@pytest.mark.parametrize("title", ["Title", "Title\twith tab", " Title\nnewline ", "e\u0301"])
def test_an_ascii_line_with_escapes_gives_the_cleaned_texts_and_their_id(title, body):
    """A line of ASCII only (json.dumps escapes every other character): the escapes that leave the strings
    printable but for line breaks (\\n \\" \\\\ \\/) take the short way, every other one the full checks; both
    give the cleaned texts, tags and the id of them."""
    from analysis.corpus.base import clean_text

    line = json.dumps({"title": title, "body": body, "tags": [body, "x\ty", " z "]})
    assert line.isascii()
    (art,) = _parse(line)
    assert (art.title, art.body) == (clean_text(title), clean_text(body))
    assert art.key == article_id(clean_text(title), clean_text(body))
    tags = [clean_text(t) for t in (body, "x\ty", " z ")]
    assert art.tags == [t for t in tags if t]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            '{"title": "A", "body": "Some text.", "outlet": 3}',
            "'outlet' must be text (the outlet's name), not int 3",
        ),
        ('{"title": "A headline", "url": 5}', "'url' must be text (the article's link), not int 5"),
        ('{"title": "A", "body": "Some text.", "url": ["x"]}', "'url' must be text"),
        ('{"title": "A", "body": "Bad \\ud800 text"}', "half a surrogate pair (\\ud800) in 'body'"),
        (
            '{"title": "A", "body": "B", "tags": ["ok", "x\\udfff"]}',
            "half a surrogate pair (\\udfff) in 'tags'",
        ),
    ],
)
def test_a_field_no_article_can_hold_is_refused_on_its_line(tmp_path, line, said):
    """A non-text outlet or link, or half a surrogate pair, is a clear error naming the file and line (they
    crashed deep inside the parse with AttributeError or UnicodeEncodeError); lenient loading skips it."""
    import warnings

    from analysis import load_corpus
    from analysis.errors import CorpusError

    path = tmp_path / "export.jsonl"
    good = '{"title": "Fine", "body": "A whole \\ud83d\\ude00 article.", "outlet": null}'
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    assert "export.jsonl:2: " in str(caught.value) and said in str(caught.value)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        corpus = load_corpus(path, lenient=True)
    assert corpus["body"].tolist() == ["A whole \U0001f600 article."]
