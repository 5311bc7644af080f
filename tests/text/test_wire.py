"""Wire copy and web markup: agency credits, datelines, bylines, HTML entities, escaped line breaks."""

from __future__ import annotations

import pytest

from analysis.text import clean_text, tokenize
from analysis.text.wire import strip_markup, strip_wire_credits

BODY = "Oil prices rose sharply on Monday."


@pytest.mark.parametrize(
    "text",
    [
        f"BAGHDAD (Reuters) - {BODY}",
        f"WASHINGTON (AP) -- {BODY}",
        f"AP - {BODY}",
        f"Reuters - {BODY}",
        f"AFP - {BODY}",
        f"LONDON (AFP) - {BODY}",
        f"NEW YORK (Reuters) -- {BODY}",
        f"BAGHDAD, Iraq (AP) - {BODY}",
        f"By Jane Doe, Associated Press Writer\n{BODY}",
        f"By JOHN SMITH\n{BODY}",
        f"By Jane Doe and John Roe\n{BODY}",
    ],
)
def test_wire_credit_and_dateline_forms_leave_only_the_story(text: str) -> None:
    assert clean_text(text).strip() == BODY
    assert tokenize(text) == ["oil", "prices", "rose", "sharply"]


def test_parenthesised_credit_anywhere() -> None:
    assert tokenize("Oil rises (AFP)") == ["oil", "rises"]
    assert tokenize("Oil rises (Reuters) Reuters - Prices rose.") == [
        "oil",
        "rises",
        "prices",
        "rose",
    ]
    assert tokenize("Stocks fall (AP) AP - Shares fell.") == ["stocks", "fall", "shares", "fell"]


def test_credit_in_the_body_after_a_headline() -> None:
    text = "Bombing in Baghdad\n\nBAGHDAD (Reuters) - A car bomb exploded."
    assert tokenize(text) == ["bombing", "baghdad", "car", "bomb", "exploded"]


def test_agency_as_a_topic_is_kept() -> None:
    # Only credit forms go; a story about the agency keeps its name.
    assert "reuters" in tokenize("Reuters shares rose after the Reuters results.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bush #39;s plan", "Bush's plan"),
        ("costs  #36;5bn", "costs $5bn"),
        ("Q&amp;A on rates", "Q&A on rates"),
        ("&lt;b&gt;Oil&lt;/b&gt; rises", " Oil  rises"),
        ("<p>Oil rises</p>", " Oil rises "),
        ('<a href="http://x.example/">Oil</a> rises', " Oil  rises"),
        ("AT&#38;T and Yahoo&#39;s deal", "AT&T and Yahoo's deal"),
        ("first line.\\Second line", "first line. Second line"),
        ("first line.\\nSecond line", "first line. Second line"),
        ("a \\news story", "a  news story"),
    ],
)
def test_markup_forms(text: str, expected: str) -> None:
    assert strip_markup(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bush #39;s plan for Iraq", ["bush", "plan", "iraq"]),
        ("Yahoo #39;s profit rose  #36;5 million", ["yahoo", "profit", "rose", "million"]),
        ("&lt;b&gt;Oil&lt;/b&gt; prices &amp; stocks", ["oil", "prices", "stocks"]),
        ("Oil prices rose.\\Stocks fell.", ["oil", "prices", "rose", "stocks", "fell"]),
        ("AT&amp;T profit", ["profit"]),  # "at", "t": stop word and one letter
    ],
)
def test_markup_leaves_no_fragments(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert tokens == expected
    for fragment in ("39", "36", "amp", "lt", "gt", "quot", "nbsp", "b"):
        assert fragment not in tokens


def test_strip_wire_credits_keeps_case_and_text() -> None:
    assert strip_wire_credits("Kerry leads (AP) in Ohio poll").split() == [
        "Kerry",
        "leads",
        "in",
        "Ohio",
        "poll",
    ]
    assert strip_wire_credits("Baseball By The Numbers") == "Baseball By The Numbers"
