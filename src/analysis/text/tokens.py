"""News-aware tokenising: cleaning (quotes, datelines, credit lines), tokens, stop words."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from analysis.text.wire import strip_markup, strip_wire_credits

#: Reporting verbs and attribution words: they say how something was reported, not what about.
REPORTING_WORDS: frozenset[str] = frozenset(
    [
        "said",
        "say",
        "says",
        "saying",
        "told",
        "tell",
        "tells",
        "telling",
        "according",
        "added",
        "adds",
        "adding",
        "asked",
        "asks",
        "asking",
        "noted",
        "notes",
        "explained",
        "explains",
        "stated",
        "states",
        "claimed",
        "claims",
        "commented",
        "comments",
        "remarked",
        "replied",
        "replies",
        "insisted",
        "insists",
        "argued",
        "argues",
        "warned",
        "warns",
        "acknowledged",
        "acknowledges",
        "reported",
        "reports",
        "reporting",
        "announced",
        "announces",
        "confirmed",
        "confirms",
        "declined",
        "declines",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "statement",
        "statements",
        "interview",
        "interviews",
        "reporters",
        "reporter",
        "quoted",
        "quote",
        "quotes",
    ]
)

#: Newsroom boilerplate, honorifics and contraction leftovers that carry no topic.
_BOILERPLATE_WORDS: frozenset[str] = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "subscribe",
        "newsletter",
        "click",
        "read",
        "sign",
        "article",
        "updated",
        "editing",
        "contributed",
        "also",
        "just",
        "like",
        "would",
        "could",
        "should",
        "might",
        "may",
        "must",
        "will",
        "shall",
        "don",
        "doesn",
        "didn",
        "won",
        "isn",
        "aren",
        "wasn",
        "weren",
        "hasn",
        "haven",
        "hadn",
        "wouldn",
        "couldn",
        "shouldn",
        "mustn",
        "needn",
        "ll",
        "ve",
        "re",
        "let",
        "does",
        "did",
        "doing",
        "eg",
        "ie",
        "etc",
    ]
)

# scikit-learn's list stops some words that carry news topics ("bill", "fire", "interest rates").
_TOPICAL = frozenset({"bill", "fire", "interest", "system", "serious", "empty", "cry"})

#: Default stop list: scikit-learn's English stop words (less a few topical words such as "bill", "fire",
#: "interest"), reporting verbs and newsroom boilerplate.
NEWS_STOP_WORDS: frozenset[str] = (
    (frozenset(ENGLISH_STOP_WORDS) - _TOPICAL) | REPORTING_WORDS | _BOILERPLATE_WORDS
)

_QUOTE_MAP = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "))
# "LONDON —", "KYIV, Ukraine —", "WASHINGTON (AP) --", "BRUSSELS - " at the start of the text or a paragraph.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'.\-]{2,}(?:[ \t]+[A-Z][A-Z'.\-]+){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.'\-]+(?:[ \t]+[A-Z][A-Za-z.'\-]+){0,2})?"
    r"(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*(?:[—–]|--?(?=[ \t]))[ \t]*",
    re.MULTILINE,
)
# The start of a line that may hold a dateline (a fast literal search for the line break first).
_DATELINE_HINT = re.compile(r"\n[ \t]*[A-Z][A-Z'.\-]{2}")
# "Jane Doe and John Roe contributed reporting from London." / "Additional reporting by ..." /
# "(Reporting by ...; Editing by ...)" / "This article has been updated ..."
_CREDIT = re.compile(
    r"[A-Z][^.!?\n\"]{0,200}?\bcontributed (?:additional )?(?:reporting|to this (?:report|article))"
    r"[^.!?\n]*[.!?]?"
    r"|\((?:additional )?reporting by[^)\n]*\)"
    r"|(?:^|(?<=[.!?\"] ))(?:Additional )?[Rr]eporting by [^.!?\n]*[.!?]?"
    r"|This (?:article|story) (?:has been|was) updated[^.!?\n]*[.!?]?",
    re.MULTILINE,
)
# Abbreviations whose dotless form is a stop word keep their dots.
_KEEP_DOTS = frozenset({"us"})
_US_CAPS = re.compile(
    r"US(?<!\wUS)(?!\w)"
)  # \bUS\b, written to start with its literal (a fast search)
_DOTTED_ANY = re.compile(r"\.[a-z]\.")
# "u.s." where the token pattern reads it as one abbreviation and nothing joins it to a neighbour.
_FREE_US = re.compile(
    r"u\.s\.(?<![a-z0-9'\-.]u\.s\.)(?![a-z0-9'\-.])"
)  # literal first: a fast search
_US_MARK = "0u0s0"  # "u.s." while the text is split (never a token of its own: the text is checked)
_TOKEN = re.compile(r"(?:[a-z]\.){2,}|[a-z0-9]+(?:['\-][a-z0-9]+)*")


def clean_text(text: str) -> str:
    """Remove markup, datelines, wire credits and credit lines; normalise quotes and abbreviations.

    Args:
        text: one article's text (title and/or body).

    Returns:
        The cleaned text, case preserved: HTML entities and tags, broken entities (`` #39;``) and
        backslash line breaks are undone (:func:`analysis.text.wire.strip_markup`), curly quotes become
        straight ones, a leading dateline (``"LONDON — "``, ``"BAGHDAD (Reuters) - "``), agency credits
        and bylines (:func:`analysis.text.wire.strip_wire_credits`) and credit lines (``"... contributed
        reporting from Paris."``) are removed, and
        the capitalised ``"US"`` is written ``"U.S."`` so that it cannot be read as the pronoun. (Dotted
        abbreviations are joined by the tokenizer: ``U.K.`` -> ``uk``, ``U.S.`` -> ``u.s.``.)
    """
    text = strip_markup(text)
    for curly, straight in _QUOTE_MAP:
        if curly in text:
            text = text.replace(curly, straight)
    if _DATELINE.match(text) or _DATELINE_HINT.search(text):  # a dateline can only start a line
        text = _DATELINE.sub("", text)
    text = strip_wire_credits(text)
    if "ontributed" in text or "eporting by" in text or _this_article_or_story(text):
        text = _CREDIT.sub(" ", text)  # only where one of its forms can match: it is slow to search
    # "U" first: a one-character search is many times faster than the two-character one, and a text
    # without a capital U (most of the generated articles of benchmarks/topic_speed.py) needs no other
    if "U" in text and "US" in text:
        text = _US_CAPS.sub("U.S.", text)
    return text


def _this_article_or_story(text: str) -> bool:
    """``"This article" in text or "This story" in text`` in one pass over the text (each occurrence of
    "This " is looked at), where the two searches took two; clean_text makes it for every text."""
    at = text.find("This ")
    while at != -1:
        if text.startswith(("article", "story"), at + 5):
            return True
        at = text.find("This ", at + 5)
    return False


@functools.lru_cache(maxsize=65536)
def _dotted(token: str) -> str:
    """``u.k.`` -> ``uk``, ``e.u.`` -> ``eu``; ``u.s.`` stays (``us`` is a pronoun)."""
    letters = token.replace(".", "")
    return token if letters in _KEEP_DOTS else letters


@functools.lru_cache(maxsize=65536)
def _apostrophe(token: str) -> str:
    """``europe's`` -> ``europe``, ``they're`` -> ``they``, ``won't`` -> ``""`` (dropped), ``o'brien`` kept."""
    if token.endswith("n't"):
        return ""
    base, _, suffix = token.rpartition("'")
    if suffix in {"s", "re", "ve", "ll", "d", "m"}:
        return base
    return token


# Every ASCII character that cannot be part of a token (all but a-z, 0-9, apostrophe, hyphen) -> space.
_SEPARATE = bytes(c if re.fullmatch(rb"[a-z0-9'\-]", bytes([c])) else 32 for c in range(256))


# In text of letters, digits, apostrophes, hyphens and spaces only, an apostrophe or hyphen next to a space or
# to another one is not between two letters or digits: it separates tokens (``'quoted'``, ``a--b``). Taken
# out pair by pair until none is left, that leaves exactly the marks with a letter or digit on both sides.
_LOOSE_PAIRS = (" '", "' ", " -", "- ", "''", "'-", "-'", "--")
_ALNUM = np.zeros(256, dtype=bool)
_ALNUM[list(b"abcdefghijklmnopqrstuvwxyz0123456789")] = True
# The suffixes "'s", "'re", "'ve", "'ll", "'d", "'m" after a token's last apostrophe (removed), as
# :func:`_apostrophe` does, on the whole text at once; a token ending in "n't" becomes DROPPED_TOKEN.
_SUFFIX = re.compile(r"'(?:s|re|ve|ll|d|m) ")
#: Stands for a dropped token in :func:`token_text`; "#" is a separator, so it can only come from one.
DROPPED_TOKEN = "#"


def _separated(lowered: list[str]) -> list[str]:
    """Each text with every character that cannot be inside a token turned into a space, and a space at both
    ends (every token is between two). Non-ASCII characters become "?" (one per character) and then a space,
    as does any other separator; every apostrophe or hyphen without a letter or digit on both sides becomes
    a space too: what taking out :data:`_LOOSE_PAIRS` until none is left gives (a test compares them), done
    at once for all the texts with numpy on their bytes joined (a mark's neighbours are in its own text)."""
    pieces = [
        b" " + text.encode("ascii", "replace").translate(_SEPARATE) + b" " for text in lowered
    ]
    if (
        len(pieces) == 1
    ):  # one text (the analyzer's): numpy's start-up would cost more than the work
        return [_without_loose_marks(pieces[0].decode("ascii"))]
    joined = b"".join(pieces)
    codes = np.frombuffer(joined, dtype=np.uint8)
    marks = np.flatnonzero((codes == 39) | (codes == 45))  # never first or last: those are spaces
    loose = marks[~(_ALNUM[codes[marks - 1]] & _ALNUM[codes[marks + 1]])]
    if len(loose):
        codes = codes.copy()
        codes[loose] = 32
        joined = codes.tobytes()
    separated = joined.decode("ascii")
    ends = np.cumsum([len(piece) for piece in pieces]).tolist()
    return [separated[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]


def _without_loose_marks(separated: str) -> str:
    """The loose apostrophes and hyphens of one separated text taken out pair by pair until none is left."""
    if "'" not in separated and "-" not in separated:
        return separated
    while True:  # a run of them goes in one or two rounds
        before = separated
        for pair in _LOOSE_PAIRS:
            if pair in separated:
                separated = separated.replace(pair, "  ")
        if separated == before:
            return separated


def _drop_negations(separated: str) -> str:
    """Every token ending in "n't" (``won't``, ``isn't``) replaced by :data:`DROPPED_TOKEN`."""
    at = separated.find("n't ")
    while at != -1:
        start = separated.rfind(" ", 0, at) + 1
        separated = f"{separated[:start]}{DROPPED_TOKEN}{separated[at + 3 :]}"
        at = separated.find("n't ", start)
    return separated


def raw_tokens(text: str) -> list[str]:
    """Lower-cased tokens of cleaned text, stop words still in (phrase detection needs them).

    Possessives and contractions lose their suffix (``europe's`` -> ``europe``); a token ending in
    ``n't`` becomes ``""`` (kept in place, so that no phrase forms across it); dotted abbreviations lose
    their dots except ``u.s.``. The same list as ``_TOKEN.findall`` followed by :func:`_apostrophe` and
    :func:`_dotted` on each token, computed with whole-text string operations (a test compares them).
    """
    joined = token_text(text)
    tokens = joined.split()
    if DROPPED_TOKEN in joined:
        tokens = [t if t != DROPPED_TOKEN else "" for t in tokens]
    return tokens


def token_text(text: str) -> str:
    """The text's :func:`raw_tokens` as one string: the tokens apart by spaces, a space at both ends, each
    dropped token (``""``, from ``n't``) written :data:`DROPPED_TOKEN`; ``str.split`` gives them back.

    For tokenising many texts at once (:mod:`analysis.text.counting` splits them in Arrow).
    """
    return token_texts([text])[0]


def token_texts(texts: Sequence[str]) -> list[str]:
    """:func:`token_text` of each text, faster than one at a time (their loose apostrophes and hyphens are
    found at once)."""
    out: list[str] = []
    waiting: list[tuple[int, int]] = []  # (position in out, markers) of the texts split below
    lowered: list[str] = []
    for text in texts:
        low, marks, tokens = _lowered(text)
        out.append(tokens)
        if not tokens:
            waiting.append((len(out) - 1, marks))
            lowered.append(low)
    for (at, marks), separated in zip(waiting, _separated(lowered) if lowered else [], strict=True):
        if "'" in separated:
            if "n't " in separated:
                separated = _drop_negations(separated)
            separated = _SUFFIX.sub(" ", separated)
        if (
            marks
        ):  # each marker is a token of its own (no token character or dot touches it): "u.s."
            separated = separated.replace(_US_MARK, "u.s.")
        out[at] = separated
    return out


def _lowered(text: str) -> tuple[str, int, str]:
    """The cleaned text lower-cased, with each free "u.s." written as a marker (and how many), or, when it
    holds another dotted abbreviation, its token string already (else "": it is split by the caller)."""
    lowered = clean_text(text).lower()
    marks = 0
    if _DOTTED_ANY.search(lowered):
        if _US_MARK not in lowered:  # the marker cannot clash with the text
            lowered, marks = _FREE_US.subn(_US_MARK, lowered)
        if marks == 0 or _DOTTED_ANY.search(lowered):  # an abbreviation other than a free "u.s."
            tokens = _pattern_tokens(lowered.replace(_US_MARK, "u.s.") if marks else lowered)
            return lowered, marks, f" {' '.join(t or DROPPED_TOKEN for t in tokens)} "
    return lowered, marks, ""


def _pattern_tokens(lowered: str) -> list[str]:
    tokens = _TOKEN.findall(lowered)
    if "'" in lowered:
        tokens = [_apostrophe(t) if "'" in t else t for t in tokens]
    return [_dotted(t) if t.endswith(".") else t for t in tokens]


def keep_token(token: str, stop_words: frozenset[str]) -> bool:
    return len(token) > 1 and token not in stop_words and not token[0].isdigit()
