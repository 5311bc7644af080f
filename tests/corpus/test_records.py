"""JSON Lines records (analysis.corpus.records): the shortcuts taken for the usual article give what the full
checks give, on the shapes around them."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from analysis.config import MAX_JSON_DEPTH
from analysis.corpus.base import BlockError, article_id
from analysis.corpus.records import _at_most_two_deep, json_depth, parse_jsonl


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
    if _at_most_two_deep(record):
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
