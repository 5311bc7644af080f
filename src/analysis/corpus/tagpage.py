"""Tag-page text: structure (headline, body paragraphs, tags) by Viterbi decoding over line features."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from analysis.corpus.base import (
    BlockError,
    ParsedArticle,
    SkippedBlock,
    iter_lines,
    quote_line,
    reject_block,
)
from analysis.corpus.dates import is_date_line, strip_date_prefix

# --------------------------------------------------------------------------------------------------
# Tag-page text: structure by Viterbi decoding over line features
# --------------------------------------------------------------------------------------------------

_HEADER = re.compile(r"^Tag\s*[-–—]\s*(\S.{0,150})$")

# States. H headline, B body paragraph, T tag; the rest only exist to turn malformed blocks into errors:
# PRE tag-like lines before any headline, BX body-like lines before any headline, HX a headline with no body.
_H, _B, _T, _PRE, _BX, _HX = range(6)
_N_STATES = 6
_START = (_H, _PRE, _BX, _HX)
_PREV: tuple[tuple[int, ...], ...] = (
    (_B, _T, _PRE, _BX, _HX),  # -> H
    (_H, _B),  # -> B
    (_B, _T, _HX),  # -> T
    (_PRE, _BX),  # -> PRE
    (_PRE, _BX),  # -> BX
    (_B, _T, _PRE, _BX, _HX),  # -> HX
)
_FINAL = (_B, _T, _PRE, _BX, _HX)
_NEG = -1e18

_CLOSERS = "\"'”’)]»"
_ABBREV = re.compile(
    r"^(?:[A-Za-z]\.){1,4}$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Prof|Lt|Col|Sgt|vs)\.$"
)
_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]»]*\s+(?=[\"'“‘(«]?[A-Z0-9])")
_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
    }
)
_BULLET_START = tuple("-*•–—·")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_LINE = re.compile(  # "September 15, 2025 4:00 am CET", "15 Sep 2025", "2025-09-15", "Updated ..."
    rf"^(?:(?:Updated|Published|Last updated):?\s+(?:on\s+)?(?:{_MONTH}|\d).*|{_MONTH} \d{{1,2}},? \d{{4}}\b.*"
    rf"|\d{{1,2}} {_MONTH} \d{{4}}\b.*|\d{{4}}-\d{{2}}-\d{{2}}\b.*)$"
)
_BYLINE = re.compile(r"^By\s+[A-Z]")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’/]{1,40}(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s")


def _end_kind(text: str) -> str:
    """'.' for a sentence end (., !, …), '?' for a question mark, '' otherwise (incl. 'U.S.')."""
    stripped = text.rstrip(_CLOSERS + " ")
    if not stripped:
        return ""
    last = stripped[-1]
    if last == "?":
        return "?"
    if last in "!…":
        return "."
    if last == ".":
        if stripped.endswith(".."):
            return "."
        token = stripped.rsplit(None, 1)[-1].lstrip(_CLOSERS + "“‘(«")
        return "" if _ABBREV.match(token) else "."
    return ""


def _count_sentences(text: str, end: str) -> int:
    count = 0
    for match in _BOUNDARY.finditer(text):
        token = text[: match.start() + 1].rsplit(None, 1)[-1].lstrip(_CLOSERS + "“‘(«")
        if not _ABBREV.match(token):
            count += 1
    return count + (1 if end else 0)


@dataclass(frozen=True)
class _Line:
    """The features of one non-blank line that the emission scores read."""

    n: int  # characters
    words: list[str]
    end: str  # '.', '?' or '' (see _end_kind)
    sentences: int
    dateline: bool  # "LONDON — ..."
    all_caps: bool
    lower_start: bool
    continued: bool  # ends in ':', ';' or ',': a paragraph that runs on ("He said:"), never a headline or tag
    byline: bool  # a by-line or date line
    bullet: bool  # a list item inside a body

    @property
    def w(self) -> int:
        return len(self.words)


def _features(text: str) -> _Line:
    words = text.split()
    end = _end_kind(text)
    letters = [c for c in text if c.isalpha()]
    return _Line(
        n=len(text),
        words=words,
        end=end,
        sentences=_count_sentences(text, end),
        dateline=bool(_DATELINE.match(text)),
        all_caps=len(words) >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters),
        lower_start=text[0].islower(),
        continued=text[-1] in ":;,",
        byline=len(words) <= 8 and bool(_BYLINE.match(text) or _DATE_LINE.match(text)),
        bullet=text[0] in "-*•–—·" and len(text) > 2 and text[1] == " ",
    )


def _tag_score(line: _Line, text: str) -> float:
    """Log-score of a tag line: a few words, no sentence end, no comma, capitalised words."""
    w = line.w
    if w <= 3:
        tag = 2.0
    elif w <= 5:
        tag = 0.5
    elif w == 6:
        tag = -1.5
    else:
        tag = -6.0 - (w - 6)
    if line.n > 40:
        tag -= (line.n - 40) / 10
    if line.end == ".":
        tag -= 5.0
    elif line.end == "?":
        tag -= 4.0
    if line.sentences >= 2:
        tag -= 4.0
    if "," in text:
        tag -= 1.5
    if line.lower_start:
        tag -= 1.0
    lower_words = sum(1 for word in line.words if word[0].islower() and word not in _SMALL_WORDS)
    if w >= 4 and lower_words > 1:  # "Japan turns to beer alternatives" reads as a headline
        tag -= lower_words - 1.0
    if line.dateline:
        tag -= 5.0
    if line.continued:
        tag -= 2.0
    if line.byline:
        tag -= 2.0
    return tag


def _headline_score(line: _Line) -> float:
    """Log-score of a headline: 5-14 words, one line, not a full stop after several sentences."""
    w, n = line.w, line.n
    if 5 <= w <= 14:
        head = 1.5
    elif 3 <= w <= 4:
        head = 0.75 * (w - 3)  # short headlines exist, but 3-4 words is more often a tag
    elif 15 <= w <= 25:
        head = 1.5 - 0.3 * (w - 14)
    elif w == 2:
        head = -2.5
    elif w == 1:
        head = -4.5
    else:
        head = -3.0 - 0.3 * (w - 25)
    if n > 90:
        head -= (n - 90) / 10
    if line.end == ".":
        head -= 1.0  # "The EU is doing exactly what Trump wants. He still doesn’t care."
    if n < 25 and not line.end:
        head -= 1.0  # "U.S. foreign policy" is a tag more often than a headline
    if line.sentences >= 3:
        head -= 2.0
    if line.dateline:
        head -= 5.0
    if line.lower_start:
        head -= 1.5
    if line.all_caps:
        head -= 2.0
    if line.continued:
        head -= 2.0
    return head


def _body_score(line: _Line) -> float:
    """Log-score of a body paragraph: long, ends a sentence, datelines and by-lines belong to it."""
    n = line.n
    body = 0.0
    if n >= 200:
        body += 3.0
    elif n >= 100:
        body += 1.5
    if line.end == ".":
        body += 2.5
    elif line.end == "?":
        body += 1.0
    elif line.continued:
        body += 2.5
    elif n < 40:
        body -= 3.5
    elif n < 80:
        body -= 2.5
    elif n < 150:
        body -= 1.0
    if line.sentences >= 2 and n >= 100:
        body += 1.5
    if line.dateline:
        body += 3.0
    if line.w <= 3 and not line.end and not line.continued:
        body -= 3.0
    if line.byline:
        body += 7.0
    if line.bullet:
        body += 5.0
    if line.all_caps:
        body += 4.5
    return body


def _emissions(text: str) -> tuple[float, float, float]:
    """Log-scores of a non-blank line being a headline, a body paragraph, or a tag."""
    if len(text) > 300:
        return (-8.0 - len(text) / 100, 6.0, -14.0)
    line = _features(text)
    head, body, tag = _headline_score(line), _body_score(line), _tag_score(line, text)
    if line.bullet:  # a list item is body text, whatever its length
        head -= 3.0
        tag -= 3.0
    return (head, body, tag)


def _viterbi(lines: list[tuple[int, str, bool]]) -> list[int]:
    """Most likely state sequence for the non-blank lines ``(lineno, text, blank_before)`` of a section."""
    cache: dict[str, tuple[float, float, float]] = {}
    n = len(lines)
    back = [bytearray(n) for _ in range(_N_STATES)]
    score = [_NEG] * _N_STATES
    for i, (_, text, blank_before) in enumerate(lines):
        emit = cache.get(text)
        if emit is None:
            emit = _emissions(text)
            if len(text) <= 300:
                cache[text] = emit
        head, body, tag = emit
        if blank_before:  # a weak hint only: real dumps put blank lines anywhere
            head += 0.2
            tag -= 0.2
        if i + 1 < n:
            following = lines[i + 1][1]
            if _DATELINE.match(following):  # "LONDON — ..." opens an article
                head += 1.5
            elif following.startswith(_BULLET_START) and following[1:2] == " ":
                # "The government had claimed tobacco firms" followed by a list: a body line
                head -= 2.0
                body += 3.0
        e = (head, body, tag, tag - 5.0, body - 6.0, head - 3.5)
        new = [_NEG] * _N_STATES
        for s in range(_N_STATES):
            if i == 0:
                if s in _START:
                    new[s] = e[s]
                continue
            best_p, best = -1, _NEG
            for p in _PREV[s]:
                if score[p] > best:
                    best, best_p = score[p], p
            if best_p >= 0 and best > _NEG:
                new[s] = best + e[s]
                back[s][i] = best_p
        score = new
    state = max(_FINAL, key=lambda s: score[s])
    path = [0] * n
    for i in range(n - 1, -1, -1):
        path[i] = state
        state = back[state][i]
    return path


def _sections(
    text: str, stem: str
) -> Iterator[tuple[str, int | None, list[tuple[int, str, bool]]]]:
    """Split text at ``Tag - <page>`` headers: (page name, header line, [(lineno, text, blank_before)])."""
    page, header_line = stem, None
    lines: list[tuple[int, str, bool]] = []
    blank = False
    for lineno, raw in enumerate(iter_lines(text), start=1):
        line = raw.strip()
        if not line:
            blank = True
            continue
        match = _HEADER.match(line)
        if match:
            if lines or header_line is not None:
                yield page, header_line, lines
            page, header_line, lines = match.group(1).strip(), lineno, []
        else:
            lines.append((lineno, line, blank))
        blank = False
    yield page, header_line, lines


def parse_tag_page(
    text: str, path: Path, display: str, *, lenient: bool, skipped: list[SkippedBlock]
) -> list[ParsedArticle]:
    out: list[ParsedArticle] = []
    for page, header_line, lines in _sections(text, path.stem):
        if not lines:
            if header_line is None:  # pragma: no cover - _decode rejects blank files
                raise BlockError(None, "is empty; expected articles")
            error = BlockError(
                header_line,
                f"header 'Tag - {page}' is followed by no articles; expected a headline line, "
                "its body and its tag lines after it",
            )
            reject_block(error, display, lenient=lenient, skipped=skipped)
            continue
        out.extend(_articles_from_lines(lines, page, display, lenient=lenient, skipped=skipped))
    return out


def _articles_from_lines(
    lines: list[tuple[int, str, bool]],
    page: str,
    display: str,
    *,
    lenient: bool,
    skipped: list[SkippedBlock],
) -> list[ParsedArticle]:
    lines, dates_after = _take_date_lines(lines)
    path = _viterbi(lines)
    out: list[ParsedArticle] = []
    current: ParsedArticle | None = None
    paragraphs: list[str] = []
    bad_from: int | None = None

    def finish() -> None:
        nonlocal current, paragraphs
        if current is not None:
            current.body = "\n\n".join(paragraphs)
            out.append(current)
        current, paragraphs = None, []

    for i, ((lineno, line, _), state) in enumerate(zip(lines, path, strict=True)):
        if state == _H:
            finish()
            current = ParsedArticle(line, "", [], [page], f"{display}:{lineno}")
        elif state == _B:
            assert current is not None
            paragraphs.append(line)
        elif state == _T:
            if current is not None:
                current.tags.append(line)
        elif state in (_PRE, _BX):
            if bad_from is None:
                bad_from = lineno
                kind = "tag" if state == _PRE else "body text"
                message = (
                    f"{kind} {quote_line(line)} comes before any headline; expected the file "
                    "(or the 'Tag - ...' header) to be followed by a headline line, then its body"
                )
                reject_block(BlockError(lineno, message), display, lenient=lenient, skipped=skipped)
        else:  # _HX
            finish()
            message = (
                f"headline {quote_line(line)} has no body; expected one or more body paragraphs "
                "after a headline, then its tag lines"
            )
            reject_block(BlockError(lineno, message), display, lenient=lenient, skipped=skipped)
        if i in dates_after:
            _place_date_line(dates_after[i], state, current, paragraphs)
    finish()
    return out


_DIGIT = re.compile(r"\d").search


def _take_date_lines(
    lines: list[tuple[int, str, bool]],
) -> tuple[list[tuple[int, str, bool]], dict[int, tuple[int, str]]]:
    """Set aside each line that holds only a date and follows another line (a headline's date line).

    Returns the other lines and, by the index (among them) of the line each date line followed, the date
    line's number and text.
    """
    kept: list[tuple[int, str, bool]] = []
    dates_after: dict[int, tuple[int, str]] = {}
    for lineno, line, blank in lines:
        if (
            kept
            and len(line) <= 60
            and _DIGIT(line)  # every date has a digit: most lines are ruled out here
            and len(kept) - 1 not in dates_after
            and is_date_line(line)
        ):
            dates_after[len(kept) - 1] = (lineno, line)
        else:
            kept.append((lineno, line, blank))
    return kept, dates_after


def _place_date_line(
    date: tuple[int, str], state: int, current: ParsedArticle | None, paragraphs: list[str]
) -> None:
    """A date line after a headline dates the article; after body text or a tag it stays where it was."""
    lineno, line = date
    if state == _H and current is not None:
        current.date, current.date_line = strip_date_prefix(line), lineno
    elif state == _B:
        paragraphs.append(line)
    elif state == _T and current is not None:
        current.tags.append(line)
