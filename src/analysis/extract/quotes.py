"""Who said what: direct quotations in article bodies, each with its speaker and reporting cue.

A quotation is text between quotation marks (curly or straight; one that runs over paragraphs, each opening
a new paragraph with a quotation mark, is one quotation). It is ``full`` when it stands as its own sentence
or clause of speech and ``partial`` when a phrase in quotation marks sits inside the reporter's sentence.
Short quoted phrases of three words or fewer with no reporting verb (terms, scare quotes) and quoted titles
in Title Case (operations, slogans, works) are not speech and are left out. The speaker comes from the
reporting clause after the quotation (``“…,” Petrov said`` / ``said Nikolai Petrov``), before it
(``Eagle said: “…”``) or, for a partial quotation, the reporting verb of its sentence. Pronouns ("she said")
go to the last person of that gender mentioned before; descriptions that match a known person's role ("the
Russian president said") go to that person; other descriptions ("a senior EU diplomat") are kept as written,
flagged ``speaker_named=False``. An unattributed quotation right after another continues its speaker, and
one split around its reporting clause (``“A,” he said. “B.”``) is one row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from analysis.extract import canonical, cues
from analysis.extract.canonical import normalise
from analysis.extract.entities import Mention, _check_corpus, _doc_mentions, mentions_frame
from analysis.extract.pipeline import FieldDoc, parse_corpus

__all__ = ["QUOTE_COLUMNS", "Quotation", "people_and_quotes", "quotes"]

QUOTE_COLUMNS = ["article_id", "quote", "speaker", "speaker_named", "cue", "kind", "start", "end"]

_OPENERS = " \n\t\xa0([{—–-/"
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"“”’')]|$)")
_MAX_ATTRIBUTION_CHARS = 160
_MAX_SPEAKER_WORDS = 12
_OBJECT_VERBS = frozenset({"told", "tells", "tell", "asked", "asks", "wrote", "writes", "posted", "posts"})
_DETERMINERS = frozenset({"a", "an", "the", "one", "another", "two", "three", "several", "some"})


@dataclass
class Quotation:
    """One quotation; ``speaker`` is filled once every mention has its canonical name."""

    article_id: str
    start: int
    end: int
    parts: list[tuple[int, int]]  # (start, end) of each quoted stretch, quotation marks excluded
    kind: str
    cue: str = ""
    who: tuple[int, int] | None = None  # character span of the speaker words
    mention: Mention | None = None
    pronoun: bool = False
    description: str = ""
    continues: bool = False  # no attribution of its own: the previous speaker goes on
    runs_on: bool = field(default=False, repr=False)  # its last stretch goes on into the next paragraph


def quotes(corpus: pd.DataFrame, *, nlp=None, progress: bool | None = None) -> pd.DataFrame:
    """Every direct quotation in the corpus's article bodies, with its speaker.

    Args:
        corpus: a corpus from :func:`analysis.load_corpus` (``id``, ``title``, ``body``).
        nlp: as for :func:`analysis.extract.entities` (None: built-in rules on a blank English pipeline).
        progress: show a progress bar; None shows one for corpora of 500 articles or more.

    Returns:
        One row per quotation: ``article_id``, ``quote`` (verbatim; the parts of one split around its
        reporting clause joined by a space), ``speaker`` (canonical name when named, else the description
        as written, "" when nobody is named), ``speaker_named``, ``cue`` ("said", "told POLITICO"),
        ``kind`` (``full`` | ``partial``), ``start``, ``end`` (character offsets into the body, quotation
        marks included).

    Example:
        >>> said = quotes(load_corpus("seeds"))
        >>> said[said.speaker_named].speaker.value_counts().head()
    """
    return people_and_quotes(corpus, nlp=nlp, progress=progress)[1]


def people_and_quotes(
    corpus: pd.DataFrame, *, nlp=None, progress: bool | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(entities(corpus), quotes(corpus))`` from one pass of the pipeline."""
    _check_corpus(corpus)
    mentions: list[Mention] = []
    found: list[Quotation] = []
    for doc in parse_corpus(corpus, nlp=nlp, progress=progress):
        doc_mentions = list(_doc_mentions(doc))
        mentions.extend(doc_mentions)
        if doc.field == "body":
            found.extend(doc_quotations(doc, doc_mentions))
    canonical.resolve(mentions)
    texts = dict(zip(corpus["id"].astype(str), corpus["body"].fillna(""), strict=True))
    return mentions_frame(mentions), quotations_frame(found, texts)


# --------------------------------------------------------------------------------------------------
# Quoted stretches
# --------------------------------------------------------------------------------------------------


def _stretches(text: str) -> list[tuple[int, int, bool]]:
    """``(open, close, runs_on)``: positions of the quotation marks; ``runs_on`` when it goes on next paragraph."""
    found: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    for match in re.finditer(r"[“”\"]", text):
        pos, mark = match.start(), match.group()
        opening = mark == "“" or (mark == '"' and (pos == 0 or text[pos - 1] in _OPENERS) and open_at is None)
        if mark == '"' and open_at is not None and pos > 1 and text[pos - 2 : pos] == "\n\n":
            opening = True  # a new paragraph opening while a quotation is open: it runs on
        if opening:
            if open_at is not None:
                brk = text.rfind("\n\n", open_at, pos)
                found.append((open_at, brk if brk > open_at else pos, True))
            open_at = pos
        elif open_at is not None:
            found.append((open_at, pos + 1, False))
            open_at = None
    if open_at is not None:
        brk = text.find("\n\n", open_at)
        found.append((open_at, brk if brk > 0 else len(text), False))
    return found


def doc_quotations(doc: FieldDoc, mentions: list[Mention]) -> list[Quotation]:
    """The quotations of one body, with their attribution read (speakers resolved later)."""
    text = doc.text
    result: list[Quotation] = []
    previous: Quotation | None = None
    for open_at, close_at, runs_on in _stretches(text):
        inner = (open_at + 1, close_at - 1 if text[close_at - 1 : close_at] in "”\"" else close_at)
        if previous is not None and previous.runs_on:
            previous.parts.append(inner)
            previous.end, previous.runs_on = close_at, runs_on
            continue
        quote = _read_stretch(doc, mentions, open_at, close_at, inner)
        if quote is None:
            continue
        quote.runs_on = runs_on
        if previous is not None and _continues(text, previous, quote):
            if _same_paragraph(text, previous.end, quote.start) and previous.cue and not quote.cue:
                previous.parts.append(inner)
                previous.end, previous.runs_on = close_at, runs_on
                continue
            if not quote.cue:
                quote.continues = True
        result.append(quote)
        previous = quote
    return result


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n\n" not in text[a:b] and b - a <= _MAX_ATTRIBUTION_CHARS


def _continues(text: str, previous: Quotation, quote: Quotation) -> bool:
    return quote.kind == "full" and quote.start - previous.end <= 2 * _MAX_ATTRIBUTION_CHARS


def _read_stretch(
    doc: FieldDoc, mentions: list[Mention], open_at: int, close_at: int, inner: tuple[int, int]
) -> Quotation | None:
    text = doc.text
    words = text[inner[0] : inner[1]].split()
    before = _clause_before(text, open_at)
    kind = "full" if _starts_speech(before, text[inner[0] : inner[1]]) else "partial"
    quote = Quotation(doc.article_id, open_at, close_at, [inner], kind)
    if kind == "full":
        _attribute_after(doc, quote, close_at) or _attribute_before(doc, quote, open_at, before)
    else:
        _attribute_partial(doc, quote, open_at, before)
    if kind == "partial" and (len(words) <= 3 or _title_case(words)):
        return None
    if kind == "partial" and not quote.cue:
        return None if len(words) <= 3 else quote
    _link_speaker(quote, mentions, text)
    return quote


def _clause_before(text: str, pos: int) -> str:
    """The text from the start of the sentence (or paragraph) to ``pos``."""
    window = text[max(0, pos - 300) : pos]
    cut = max(window.rfind("\n\n"), *(m.end() - 1 for m in _SENTENCE_END.finditer(window)), -1)
    return window[cut + 1 :]


def _starts_speech(before: str, inner: str) -> bool:
    stripped = before.strip(" \n\t\xa0”’\"")
    if not stripped or stripped.endswith(":"):
        return True
    last = stripped.split()[-1].lower().strip(",")
    if last in cues.REPORTING_VERBS or last == "that":
        return len(inner.split()) > 3 and inner[:1].isupper()
    return False


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(content) and all(w[:1].isupper() for w in content)


# --------------------------------------------------------------------------------------------------
# Attribution: the reporting clause and the words naming the speaker
# --------------------------------------------------------------------------------------------------


def _tokens_between(doc: FieldDoc, start: int, end: int) -> list[int]:
    first = doc.token_at(start)
    if first < len(doc.idx) and doc.idx[first] < start:
        first += 1
    out = []
    for k in range(first, len(doc.idx)):
        if doc.idx[k] >= end:
            break
        if doc.words[k].strip():
            out.append(k)
    return out


def _is_verb(word: str, verbs: frozenset[str] = cues.REPORTING_VERBS) -> bool:
    return word.lower() in verbs


def _cue(doc: FieldDoc, verb: int, limit: int) -> str:
    """The reporting verb with its object where it has one ("told POLITICO", "wrote on X")."""
    words, parts = doc.words, [doc.words[verb]]
    k = verb + 1
    while k < limit and not words[k].strip():
        k += 1
    if k < limit and words[verb].lower() in _OBJECT_VERBS:
        if words[k].lower() == "on" and k + 1 < limit:
            parts += [words[k], words[k + 1]]
        elif words[k][:1].isupper() or words[k].lower() in {"reporters", "journalists", "me", "us"}:
            parts.append(words[k])
    return " ".join(parts)


def _attribute_after(doc: FieldDoc, quote: Quotation, close_at: int) -> bool:
    """``“…,” Petrov said`` / ``“…,” said Nikolai Petrov, a senior analyst`` / ``“…?” she asked``."""
    text = doc.text
    inner_end = text[quote.parts[0][1] - 1 : quote.parts[0][1]]
    following = text[close_at : close_at + 3].lstrip()
    if inner_end in ".!?" and following[:1].isupper():
        return False  # the quoted sentence ended and a new one starts
    end = _window_end(text, close_at)
    toks = _tokens_between(doc, close_at, end)
    verb = next((k for k in toks if _is_verb(doc.words[k])), None)
    if verb is None:
        return _according_to(doc, quote, toks)
    before = [k for k in toks if k < verb]
    commas = [pos for pos, k in enumerate(before) if doc.words[k] in {",", ";", "—", "–"}]
    before = [k for k in before[commas[-1] + 1 if commas else 0 :] if any(c.isalnum() for c in doc.words[k])]
    before = _trim_auxiliaries(doc, before)
    if len(before) > _MAX_SPEAKER_WORDS:
        return False
    if before:
        quote.who = (doc.idx[before[0]], doc.end_char(before[-1]))
    else:
        after = _phrase_after(doc, verb, toks)
        if not after:
            return False
        quote.who = (doc.idx[after[0]], doc.end_char(after[-1]))
    quote.cue = _cue(doc, verb, toks[-1] + 1)
    return True


def _window_end(text: str, start: int) -> int:
    end = min(len(text), start + _MAX_ATTRIBUTION_CHARS)
    for stop in ("\n\n", "“", '"'):
        found = text.find(stop, start, end)
        if found >= 0:
            end = found
    sentence = _SENTENCE_END.search(text, start, end)
    return sentence.start() if sentence else end


def _phrase_after(doc: FieldDoc, verb: int, toks: list[int]) -> list[int]:
    """The speaker words after an inverted verb, up to the first comma ("said Nikolai Petrov, a ...")."""
    out = []
    for k in toks:
        if k <= verb:
            continue
        if doc.words[k] in {",", ".", ";", "—", "–"} or (out and doc.words[k].lower() in {"in", "on", "at"}):
            break
        out.append(k)
    return out if len(out) <= _MAX_SPEAKER_WORDS else out[:_MAX_SPEAKER_WORDS]


def _according_to(doc: FieldDoc, quote: Quotation, toks: list[int]) -> bool:
    for pos, k in enumerate(toks[:-2]):
        if doc.words[k].lower() == "according" and doc.words[toks[pos + 1]].lower() == "to":
            who = _phrase_after(doc, toks[pos + 1], toks)
            if who:
                quote.who, quote.cue = (doc.idx[who[0]], doc.end_char(who[-1])), "according to"
                return True
    return False


def _attribute_before(doc: FieldDoc, quote: Quotation, open_at: int, before: str) -> bool:
    """``Eagle said: “…”`` / ``She told POLITICO that “…”``."""
    toks = _tokens_between(doc, open_at - len(before), open_at)
    verbs = [k for k in toks if _is_verb(doc.words[k].rstrip(":"))]
    if not verbs:
        return False
    return _subject_of(doc, quote, verbs[-1], toks)


def _attribute_partial(doc: FieldDoc, quote: Quotation, open_at: int, before: str) -> bool:
    """A phrase inside the reporter's sentence: the reporting verb of that sentence, before or after it."""
    toks = _tokens_between(doc, open_at - len(before), open_at)
    verbs = [k for k in toks if _is_verb(doc.words[k], cues.PARTIAL_CUES)]
    verbs = [k for k in verbs if k == 0 or doc.words[k - 1].lower() not in {"the", "a", "his", "her", "its"}]
    if verbs:
        return _subject_of(doc, quote, verbs[0], toks)
    return _attribute_after(doc, quote, quote.end)


_AUXILIARIES = frozenset(
    "has have had was were is are also then later previously would will had been has since again already "
    "once further repeatedly publicly recently earlier separately".split()
)


def _trim_auxiliaries(doc: FieldDoc, who: list[int]) -> list[int]:
    """Drop "has", "also", "later" ... between the speaker and the verb ("he has promised")."""
    while who and doc.words[who[-1]].lower() in _AUXILIARIES:
        who = who[:-1]
    return who


def _subject_of(doc: FieldDoc, quote: Quotation, verb: int, toks: list[int]) -> bool:
    """The words before ``verb`` back to the clause start (last comma), naming the speaker."""
    who = []
    for k in reversed([k for k in toks if k < verb]):
        if doc.words[k] in {",", ";", ":", "—", "–", "(", ")"}:
            break
        who.insert(0, k)
    while who and doc.words[who[0]].lower() in {"and", "but", "as", "while", "yet", "so"}:
        who = who[1:]
    who = _trim_auxiliaries(doc, [k for k in who if any(c.isalnum() for c in doc.words[k])])
    if not who:
        return False
    who = who[-_MAX_SPEAKER_WORDS:]
    quote.who = (doc.idx[who[0]], doc.end_char(who[-1]))
    quote.cue = _cue(doc, verb, toks[-1] + 1 if toks else verb + 1)
    return True


# --------------------------------------------------------------------------------------------------
# Speakers: mention, pronoun, role, or a description kept as written
# --------------------------------------------------------------------------------------------------


def _link_speaker(quote: Quotation, mentions: list[Mention], body: str) -> None:
    """A person named in the speaker words; else a pronoun or role resolved; else the words as written."""
    if quote.who is None:
        return
    a, b = quote.who
    text = body[a:b].strip()
    words = text.lower().split()
    inside = [m for m in mentions if a <= m.start and m.end <= b and m.type != "place"]
    people = [m for m in inside if m.type in {"person", "unknown"}]
    quote.description = text
    if people:
        quote.mention = people[0]
    elif inside and not (words[0] in _DETERMINERS and normalise(inside[0].text).lower() != _strip_det(words)):
        quote.mention = inside[0]
    elif len(words) == 1 and words[0] in cues.PRONOUNS:
        quote.pronoun = True
        quote.mention = _last_person(mentions, quote.start, cues.PRONOUNS[words[0]])
    elif words and words[0] in {"the", "his", "her", "their"}:
        quote.mention = _person_with_role(mentions, quote.start, words[-1])


def _strip_det(words: list[str]) -> str:
    return " ".join(words[1:] if words and words[0] in _DETERMINERS else words)


def _last_person(mentions: list[Mention], before: int, gender: str | None) -> Mention | None:
    for m in reversed(mentions):
        if m.type == "person" and m.end <= before and (gender is None or m.gender in {None, gender}):
            return m
    return None


def _person_with_role(mentions: list[Mention], before: int, head: str) -> Mention | None:
    for m in reversed(mentions):
        if m.type == "person" and m.end <= before and head in m.role.lower().split():
            return m
    return None


def quotations_frame(found: list[Quotation], texts: dict[str, str]) -> pd.DataFrame:
    """The quotation records as the documented DataFrame (speakers of continuations carried over)."""
    rows, last, article = [], ("", False), None
    for q in found:
        if q.article_id != article:
            last, article = ("", False), q.article_id
        body = texts[q.article_id]
        if q.mention is not None and q.mention.type in {"person", "organisation"}:
            speaker = (q.mention.name, True)
        elif q.description:
            speaker = (q.description, False)
        elif q.continues:
            speaker = last
        else:
            speaker = ("", False)
        last = speaker
        quote = " ".join(body[a:b].strip() for a, b in q.parts)
        rows.append((q.article_id, quote, speaker[0], speaker[1], q.cue, q.kind, q.start, q.end))
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return frame.astype({"speaker_named": "bool", "start": "int64", "end": "int64"})
