"""Tests for analysis.text: the news-aware tokenizer, phrase detection and the TF-IDF vectoriser."""

from __future__ import annotations

import pytest

from analysis.errors import ParameterError
from analysis.text import (
    NEWS_STOP_WORDS,
    clean_text,
    document_texts,
    find_phrases,
    tokenize,
    vectorize,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Why Putin won’t end his war", ["putin", "end", "war"]),
        ("Europe’s defense", ["europe", "defense"]),
        ("He still doesn’t care.", ["care"]),
        ("They’re sure we’ve lost, it’s Russia’s", ["sure", "lost", "russia"]),
        ("Why Putin won't end it", ["putin", "end"]),
    ],
)
def test_apostrophes_leave_no_fragments(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


def test_fragment_tokens_never_appear() -> None:
    text = (
        "Putin won’t stop. Europe’s U.S. ally, the U.K., doesn’t agree; it’s Trump’s call. I’d go."
    )
    tokens = tokenize(text)
    for fragment in ("won", "t", "s", "u", "k", "d", "doesn", "don"):
        assert fragment not in tokens
    assert "u.s." in tokens
    assert "uk" in tokens


def test_dotted_and_capital_abbreviations() -> None:
    assert tokenize("U.S. President and the US envoy met the U.K. and UK officials") == [
        "u.s.",
        "president",
        "u.s.",
        "envoy",
        "met",
        "uk",
        "uk",
        "officials",
    ]
    # lower-case "us" is the pronoun and is stopped
    assert tokenize("Tell us more") == []


def test_hyphenated_names_kept() -> None:
    assert tokenize("Britain and France step in to heal Trump-Zelenskyy rift") == [
        "britain",
        "france",
        "step",
        "heal",
        "trump-zelenskyy",
        "rift",
    ]
    assert "honeycombe-foster" in tokenize("Matt Honeycombe-Foster wrote this")


@pytest.mark.parametrize(
    "text",
    [
        "LONDON — Sometimes it is better not to know.",
        "BRUSSELS — Sometimes it is better not to know.",
        "KYIV, Ukraine — Sometimes it is better not to know.",
        "WASHINGTON (AP) — Sometimes it is better not to know.",
    ],
)
def test_datelines_removed(text: str) -> None:
    assert clean_text(text) == "Sometimes it is better not to know."
    assert tokenize(text) == ["better", "know"]


def test_dateline_only_at_paragraph_start() -> None:
    text = "A meeting in LONDON — the capital — went well."
    assert "london" in tokenize(text)


def test_credit_lines_removed() -> None:
    text = (
        "“We haven’t received the bill yet.” Noah Keate and Matt Honeycombe-Foster contributed reporting "
        "from London. Clea Caulcutt contributed reporting from Paris."
    )
    tokens = tokenize(text)
    assert tokens == [
        "received",
        "bill",
    ]  # "bill" is topical news ("the bill"): not a stop word here


def test_reporting_verbs_and_numbers_dropped() -> None:
    text = "Petrov said 19 drones crossed in 2022, according to analysts, he told reporters and added more."
    tokens = tokenize(text)
    for word in ("said", "told", "according", "added", "reporters", "19", "2022"):
        assert word not in tokens
    assert tokens == ["petrov", "drones", "crossed", "analysts"]
    assert {"said", "says", "told", "according"} <= NEWS_STOP_WORDS


def test_alphanumeric_names_kept() -> None:
    assert tokenize("Dutch F-35 fighter jets and the G7") == [
        "dutch",
        "f-35",
        "fighter",
        "jets",
        "g7",
    ]


def test_extra_stop_words_and_custom_list() -> None:
    assert tokenize("Drones over Poland", extra_stop_words=["Poland"]) == ["drones"]
    assert tokenize("the drones", stop_words=["drones"]) == ["the"]


def test_phrases_kept_as_one_term() -> None:
    text = "The coalition of the willing met in the valley of death, the prime minister said."
    tokens = tokenize(
        text, phrases=["coalition of the willing", "valley of death", "prime minister"]
    )
    assert tokens == ["coalition of the willing", "met", "valley of death", "prime minister"]


def test_find_phrases_detects_multiword_expressions() -> None:
    texts = [
        "The coalition of the willing will meet. The prime minister backs the coalition of the willing.",
        "Firms face the valley of death. The prime minister wants the coalition of the willing to act.",
        "Start-ups in the valley of death need cash, the prime minister said, not the valley of death.",
        "Drones crossed into Poland. Poland closed its airspace. Weapons reached Ukraine.",
    ]
    phrases = find_phrases(texts, min_count=3)
    assert "coalition of the willing" in phrases
    assert "valley of death" in phrases
    assert "prime minister" in phrases
    # function words never start or end a phrase
    assert all(
        p.split()[0] not in NEWS_STOP_WORDS and p.split()[-1] not in NEWS_STOP_WORDS
        for p in phrases
    )


def test_find_phrases_on_seed_finds_known_expressions(seed_corpus) -> None:
    phrases = find_phrases(document_texts(seed_corpus))
    assert "coalition of the willing" in phrases
    assert "valley of death" in phrases


def test_find_phrases_rejects_bad_options() -> None:
    with pytest.raises(ParameterError, match="min_count"):
        find_phrases(["a text"], min_count=0)


def test_document_texts_title_weight(corpus_factory) -> None:
    corpus = corpus_factory([{"title": "Drones", "body": "Poland airspace"}])
    assert document_texts(corpus) == ["Drones\n\nPoland airspace"]
    assert document_texts(corpus, title_weight=2) == ["Drones\n\nDrones\n\nPoland airspace"]


def test_vectorize_on_seed_has_no_fragments_and_small_corpus_defaults(seed_corpus) -> None:
    vectors = vectorize(document_texts(seed_corpus))
    terms = set(vectors.terms)
    assert vectors.tfidf.shape == (9, len(vectors.terms))
    assert vectors.settings["min_df"] == 1
    assert not terms & {"won", "t", "s", "u", "k", "said", "told", "according"}
    assert "coalition of the willing" in terms
    assert not any(t[0].isdigit() for t in terms)


def test_vectorize_adapts_min_df_to_size() -> None:
    texts = [f"drones poland airspace topic{i % 7} story{i}" for i in range(600)]
    vectors = vectorize(texts)
    assert vectors.settings["min_df"] == 5
    assert vectors.settings["max_df"] == 0.5
    assert "story1" not in set(vectors.terms)  # in one document only


def test_vectorize_errors() -> None:
    with pytest.raises(ParameterError, match="empty"):
        vectorize([])
    with pytest.raises(ParameterError, match="usable term"):
        vectorize(["the and of", "it is 2022"])


_TRICKY = [
    "plain words only here",
    "europe's 'quoted' well-known -- trump-zelenskyy o'brien won't '-' a-",
    "the u.s. and e.u. met at 10 a.m.",
    "café naïve — über i\u0307 \u2028 end",
    "dots. at. ends... and?!commas,semi;colons:(brackets)[x]{y}",
    "",
    "   \t\n  ",
    "x_y 1,000 3.5% #tag @user",
    "won't can't've o'neill's 'quoted' a--b a'-b -5 rock'n'roll x'd isn't's don't's -x- ''a'' it's-fine",
    "US-led U.S.-backed u.s.a u.s. 0u0s0 the U.S.' role x.u.s. (U.S.) U.S.'s",
    "Café naïve — “quoted” don’t U.K. U.S. e.g. it's isn't, won't; # ## n't",
]


@pytest.mark.parametrize("text", _TRICKY)
def test_fast_tokens_match_the_token_pattern(text: str) -> None:
    """raw_tokens' whole-text string operations give the list the plain definition gives: the token
    pattern, then possessives, contractions and dotted abbreviations token by token."""
    from analysis.text.tokens import _pattern_tokens, clean_text, raw_tokens

    assert raw_tokens(text) == _pattern_tokens(clean_text(text).lower())


def test_fast_tokens_match_the_token_pattern_on_real_news(bbc_path) -> None:
    import gzip
    import itertools
    import json

    from analysis.config import SHARED_DIR
    from analysis.text.tokens import _pattern_tokens, clean_text, raw_tokens

    allsides = SHARED_DIR / "data" / "allsides" / "allsides-dev.jsonl.gz"
    if not allsides.exists():
        pytest.skip(f"needs {allsides} (the shared AllSides data)")
    rows = [json.loads(line) for line in bbc_path.open(encoding="utf-8")]
    with gzip.open(allsides, "rt", encoding="utf-8") as lines:
        rows += [json.loads(line) for line in itertools.islice(lines, 3000)]
    texts = [t for r in rows for t in (r.get("title") or "", r.get("body") or "")]
    differ = [t[:80] for t in texts if raw_tokens(t) != _pattern_tokens(clean_text(t).lower())]
    assert not differ, (
        f"{len(differ)} of {len(texts)} texts tokenise differently, e.g. {differ[:3]}"
    )


def test_document_texts_max_words() -> None:
    import pandas as pd

    from analysis.text import DocumentTexts

    corpus = pd.DataFrame(
        {"title": ["Head line", ""], "body": ["one  two\nthree four five", "a b"]}
    )
    assert DocumentTexts(corpus, max_words=3)[:] == ["Head line\n\none two three", "a b"]
    assert DocumentTexts(corpus, max_words=5)[0] == "Head line\n\none  two\nthree four five"
    assert DocumentTexts(corpus)[:] == document_texts(corpus)
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ParameterError, match="max_words"):
            DocumentTexts(corpus, max_words=bad)


def test_phrase_finding_numbers_the_tokens_as_the_python_stream(bbc_corpus) -> None:
    """find_phrases' token numbers (split and numbered in Arrow) are those of every text's raw_tokens
    followed by "" numbered in order of first appearance (what pandas.factorize gives the Python list)."""
    import numpy as np
    import pandas as pd

    from analysis.text.phrases import _token_stream
    from analysis.text.tokens import raw_tokens

    texts = _TRICKY + (bbc_corpus["title"] + "\n\n" + bbc_corpus["body"]).tolist()[:300] + [""]
    stream = [token for text in texts for token in [*raw_tokens(text), ""]]
    want_codes, want_words = pd.factorize(np.asarray(stream, dtype=object), sort=False)
    codes, words = _token_stream(texts)
    assert codes.dtype == want_codes.dtype and np.array_equal(codes, want_codes)
    assert words.dtype == want_words.dtype and list(words) == list(want_words)


def _pairwise_separated(lowered: str) -> str:
    """The loose apostrophes and hyphens taken out pair by pair until none is left (the definition)."""
    from analysis.text.tokens import _LOOSE_PAIRS, _SEPARATE

    separated = f" {lowered.encode('ascii', 'replace').translate(_SEPARATE).decode('ascii')} "
    while True:
        before = separated
        for pair in _LOOSE_PAIRS:
            separated = separated.replace(pair, "  ")
        if separated == before:
            return separated


def test_loose_marks_are_taken_out_as_pair_by_pair() -> None:
    import random

    from analysis.text.tokens import _separated

    rng = random.Random(0)
    alphabet = "ab1 '-'-.é?\n"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _separated([text]) == [_pairwise_separated(text)], repr(text)
        assert _separated([text, text])[1] == _pairwise_separated(text), repr(text)  # with numpy
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    assert _separated(texts) == [_pairwise_separated(text) for text in texts]  # all at once


def test_one_pass_credit_check_is_the_two_searches(bbc_corpus) -> None:
    """clean_text's one pass for "This article"/"This story" finds what the two searches found, and the
    search for "U" before "US" leaves the answer as it was, on real news and on edge cases."""
    from analysis.text.tokens import _this_article_or_story

    edge = [
        "",
        "This",
        "This ",
        "This article",
        "xThis story",
        "This This story",
        "This  article",
        "This storey",
        "ThisThis article",
        "This articl",
        "this article",
        "This\u00a0story",
    ]
    texts = edge + _TRICKY + (bbc_corpus["title"] + "\n\n" + bbc_corpus["body"]).tolist()
    texts += [t.replace("The ", "This article ") for t in texts[-200:]]
    for text in texts:
        assert _this_article_or_story(text) == ("This article" in text or "This story" in text)
        assert ("U" in text and "US" in text) == ("US" in text)
