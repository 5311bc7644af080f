"""A label's spelling: the fast lower-case search of the joined texts finds exactly what a case-insensitive
search of each text finds."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis.topics.labels import display_terms


def display_term(term: str, texts: list[str]) -> str:
    return display_terms([term], texts)[0]


# Letters whose case-insensitive matches differ from their lower case (dotless and dotted i, long s, final
# sigma, Kelvin sign, micro sign) mixed with plain ones, word edges and white space.
# NUL and line breaks: the texts are searched joined by "\n\x00\n" (nothing may match across it).
ALPHABET = "aAbBiIsSuUıİſΣσςKkKµμé’'-. \n\x00"
TERMS = ["is", "us", "u.s.", "bias", "sub", "is us", "ıs", "σς", "kb", "b-a", "a.b a", "a.a"]
# Pieces that catch a fast search that is wrong: letters it would lower differently, and a candidate whose
# start is refused overlapping a later one that is accepted ("xA.a.A" holds "a.A" at its fourth letter).
TRAPS = [
    "ıs",
    "İS",
    "ſub",
    "Kb",
    "Σς",
    "µ",
    "xA.a.A",
    "U.S.",
    "IS US",
    "b-b-a",
    "Is\nUs",
    "\n\x00\n",
]


def _spellings(term: str, texts: list[str]) -> list[list[str]]:
    """What the labels' search did before it was made fast: one case-insensitive regex per text."""
    if " " in term:
        pattern = r"\b" + r"\s+".join(map(re.escape, term.split())) + r"\b"
    else:
        pattern = r"(?<![\w'’-])" + re.escape(term) + r"(?![\w-])"
    return [re.findall(pattern, text, re.IGNORECASE) for text in texts]


def _reference_display(term: str, texts: list[str]) -> str:
    seen: dict[str, int] = {}
    for forms in _spellings(term, texts):
        for form in forms:
            form = " ".join(form.split())
            seen[form] = seen.get(form, 0) + 1
    if not seen:
        return term.upper() if term.endswith(".") else term
    quiet = {f: c for f, c in seen.items() if not (f.isupper() and len(f) > 4)}
    return min((quiet or seen).items(), key=lambda kv: (-kv[1], kv[0]))[0]


@settings(max_examples=400, deadline=None)
@given(
    term=st.sampled_from(TERMS),
    pieces=st.lists(
        st.one_of(st.text(alphabet=ALPHABET, max_size=12), st.sampled_from(TERMS + TRAPS)),
        max_size=12,
    ),
    split=st.integers(min_value=0, max_value=12),
)
@example(term="a.a", pieces=["xA.a.A"], split=0)
@example(term="is", pieces=["ıs, Is"], split=0)
@example(term="sub", pieces=["ſub SUB ſub"], split=0)
@example(term="is us", pieces=["Is\n", "Us", " is us"], split=3)  # no phrase across two texts
@example(term="u.s.", pieces=["U.S.", "-x"], split=4)
@example(term="is", pieces=["ıs İs", "\n\x00\nis"], split=5)
def test_the_fast_search_spells_a_term_as_the_case_insensitive_search(term, pieces, split):
    text = "".join(pieces)
    texts = [text[:split], text[split:], text]
    assert display_term(term, texts) == _reference_display(term, texts)


def test_a_label_term_takes_its_most_common_spelling():
    texts = ["Poland and POLAND", "poland's Poland", "POLAND"]
    assert display_term("poland", texts) == "Poland"
    assert display_term("nato", ["NATO said", "the Nato summit", "NATO"]) == "NATO"
    assert display_term("baghdad", ["BAGHDAD (Reuters) -", "in BAGHDAD"]) == "BAGHDAD"
    assert display_term("u.s.", ["the U.S. said"]) == "U.S."
    assert display_term("white house", ["the White\nHouse said", "white house"]) in {"White House"}


def test_the_joined_search_spells_real_articles_as_one_search_per_text(bbc_corpus):
    """200 BBC articles (as the labels read them: cleaned), a fifth made ones that lower casing changes
    (a dotted capital I, a long s, a Kelvin sign, a Greek word), and their most frequent terms and phrases:
    each term's spelling is the one a case-insensitive search of each text finds."""
    from collections import Counter

    from analysis.text import tokenize
    from analysis.text.tokens import clean_text

    texts = [
        clean_text(f"{t}\n\n{b}")
        for t, b in zip(bbc_corpus["title"][:200], bbc_corpus["body"][:200], strict=True)
    ]
    oddities = ["İstanbul", "ſtate", "\u212aB", "Σας"]
    for i in range(0, 200, 5):
        words = texts[i].split(" ")
        words.insert(len(words) // 2, oddities[i % 4])
        texts[i] = " ".join(words)
    phrases = [
        "prime minister",
        "gordon brown",
        "tony blair",
        "chief executive",
        "last year",
        "u.s.",
    ]
    common = Counter(w for text in texts for w in tokenize(text, phrases=phrases))
    terms = [term for term, _ in common.most_common(60)] + phrases + ["state", "kb", "istanbul"]
    got = display_terms(terms, texts)
    assert got == [_reference_display(term, texts) for term in terms]
    assert {"Gordon Brown", "Tony Blair", "U.S."} <= set(got)
