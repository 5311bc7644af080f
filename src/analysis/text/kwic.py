"""Keyword in context: every occurrence of a word or phrase with the text around it, article by article.

:func:`keyword_in_context` is the concordance view (Voyant's "Contexts"): how a name or term is used across
the coverage. Matching ignores case, treats a straight and a curly apostrophe as the same (``Europe's`` finds
``Europe’s``), lets the words of a phrase be separated by any run of spaces or line breaks, and only matches
whole words (``NATO`` matches in ``NATO-led`` but not inside ``SENATOR``). Context never runs past the edge
of its field (a match at the start of a body has an empty left side) and never cuts a word: a word the
window would cut is left out, so context is at most ``window`` characters of whole words.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.corpus.base import check_corpus_columns
from analysis.errors import ParameterError

__all__ = ["KWIC_COLUMNS", "keyword_in_context", "term_pattern"]

KWIC_COLUMNS = ["article_id", "field", "start", "left", "match", "right"]
_FIELDS = ("title", "body")
_APOSTROPHES = "'’‘"
_SPACES = re.compile(r"\s+")


def term_pattern(term: str) -> re.Pattern:
    """The compiled pattern for ``term``: whole words, any case, any apostrophe, any spacing between words.

    Raises:
        ParameterError: ``term`` is not a string or holds no letter or digit.
    """
    if not isinstance(term, str) or not any(c.isalnum() for c in term):
        raise ParameterError(
            f"term must be a word or phrase with at least one letter or digit, got {term!r}"
        )
    words = []
    for word in term.split():
        pieces = [f"[{_APOSTROPHES}]" if c in _APOSTROPHES else re.escape(c) for c in word]
        words.append("".join(pieces))
    body = r"\s+".join(words)
    left = r"(?<!\w)" if term.strip()[0].isalnum() else ""
    right = r"(?!\w)" if term.strip()[-1].isalnum() else ""
    return re.compile(left + body + right, re.IGNORECASE)


def keyword_in_context(
    corpus: pd.DataFrame,
    term: str,
    *,
    window: int = 60,
    model=None,
    fields: tuple[str, ...] = _FIELDS,
    max_articles: int | None = None,
) -> pd.DataFrame:
    """Every occurrence of ``term`` in the corpus, with ``window`` characters of context on each side.

    Args:
        corpus: a corpus from :func:`analysis.load_corpus` (``id`` and the ``fields``).
        term: a word or phrase ("Starmer", "coalition of the willing", "Europe's").
        window: characters of context on each side (line breaks shown as spaces).
        model: a :class:`analysis.TopicModel` fitted on ``corpus``; adds each article's ``cluster``
            (its number for readers, ``model.numbers``: from 1, or a baseline's numbers).
        fields: which text fields to search, in order.
        max_articles: stop after this many articles with an occurrence (the first in corpus order, each
            with all its occurrences); None searches every article.

    Returns:
        One row per occurrence, in corpus order: ``article_id``, ``field``, ``start`` (character offset of
        the match in that field), ``left``, ``match`` (as written), ``right``, and ``cluster`` with a model.

    Example:
        >>> keyword_in_context(load_corpus("seeds"), "coalition of the willing", window=40)
    """
    pattern = term_pattern(term)
    _check(corpus, window, model, fields, max_articles)
    rows = []
    matched = 0  # articles with an occurrence so far
    for position, (article_id, *texts) in enumerate(
        zip(corpus["id"], *(corpus[f] for f in fields), strict=True)
    ):
        if max_articles is not None and matched >= max_articles:
            break
        before = len(rows)
        for name, text in zip(fields, texts, strict=True):
            if not isinstance(text, str):
                continue
            for match in pattern.finditer(text):
                a, b = match.span()
                left = _SPACES.sub(" ", _whole_words_left(text, a, window))
                right = _SPACES.sub(" ", _whole_words_right(text, b, window))
                rows.append((str(article_id), name, a, left, match.group(), right, position))
        matched += len(rows) > before
    frame = pd.DataFrame(rows, columns=[*KWIC_COLUMNS, "_row"])
    if model is not None:
        frame["cluster"] = [int(model.numbers[model.labels[i]]) for i in frame["_row"]]
    return frame.drop(columns="_row").astype({"start": "int64"})


def _whole_words_left(text: str, end: int, window: int) -> str:
    """At most ``window`` characters before ``end``, starting at a word: a word cut by the window is left out."""
    start = max(0, end - window)
    left = text[start:end]
    if start > 0 and text[start - 1].isalnum() and left[:1].isalnum():
        cut = _SPACES.search(left)
        left = left[cut.end() :] if cut else ""
    return left


def _whole_words_right(text: str, start: int, window: int) -> str:
    """At most ``window`` characters after ``start``, ending at a word: a word cut by the window is left out."""
    end = start + window
    right = text[start:end]
    if end < len(text) and text[end].isalnum() and right[-1:].isalnum():
        cuts = list(_SPACES.finditer(right))
        right = right[: cuts[-1].start()] if cuts else ""
    return right


def _check(corpus, window, model, fields, max_articles) -> None:
    check_corpus_columns(corpus, ["id", *fields])
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise ParameterError(f"window must be a whole number of characters >= 0, got {window!r}")
    if max_articles is not None and (
        isinstance(max_articles, bool) or not isinstance(max_articles, int) or max_articles < 1
    ):
        raise ParameterError(
            f"max_articles must be a whole number >= 1 or None, got {max_articles!r}"
        )
    if model is not None and len(getattr(model, "labels", ())) != len(corpus):
        raise ParameterError(
            "model was fitted on a different corpus (its labels do not match the corpus rows); "
            "pass the corpus the model was fitted on"
        )
