"""People, organisations and places mentioned in a corpus: one row per mention, with canonical names.

:func:`entities` runs a blank spaCy English pipeline (tokenizer, sentencizer and an ``EntityRuler`` holding
the place and organisation gazetteers) over every headline and body, then reads each capitalised run of
tokens with general news rules: a title or role before it ("Defense Secretary", "coach") makes it a person
and is kept apart as ``role``; a gazetteer entry makes it a place or an organisation; an organisation word
("Ministry", "Center", "plc") or an acronym makes it an organisation; a known first name, or a reporting
verb after it ("Petrov said"), makes it a person. Surnames and acronyms are then tied to the full names the
corpus uses (:mod:`analysis.extract.canonical`). With ``nlp="en_core_web_sm"`` (or any installed trained
pipeline) the pipeline's own named entities are the candidates and the same role and name rules apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from analysis.errors import ParameterError
from analysis.extract import canonical, cues
from analysis.extract.gazetteer import first_names, places
from analysis.extract.pipeline import FieldDoc, parse_corpus

__all__ = ["MENTION_COLUMNS", "Mention", "entities"]

MENTION_COLUMNS = ["article_id", "text", "name", "type", "role", "field", "start", "end", "sentence"]
TYPES = ("person", "organisation", "place")

_PARTICLES = frozenset("de du da di la le van von der den bin al el ibn dos das del".split())
_CONNECTORS = frozenset({"of", "for", "on"})
_ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z]?){1,3}[A-Z]\d?$|^[A-Z]\d{1,2}$|^(?:[A-Z]\.){2,4}$")
_COMMON_ACRONYMS = frozenset(
    "TV CEO CFO GDP AI OK DVD DVDs PC PCs CD CDs MP MPs MEP MEPs PM US UK EU VAT IT ID PR HIV AIDS SMS "
    "GPS HD DNA FM AM BC AD TVs PhD MBA NHS".split()
)
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ish|ese|ch|i|ic)$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass
class Mention:
    """One mention before its name is made canonical (``name`` is filled by :mod:`canonical`)."""

    article_id: str
    text: str
    type: str  # person | organisation | place | unknown
    role: str
    field: str
    start: int
    end: int
    sentence: int
    evidence: str = ""  # why it is a person: role, honorific, first name, verb, surname
    gender: str | None = None
    name: str = ""


def entities(corpus: pd.DataFrame, *, nlp=None, progress: bool | None = None) -> pd.DataFrame:
    """Every person, organisation and place mentioned in the corpus's headlines and bodies.

    Args:
        corpus: a corpus from :func:`analysis.load_corpus` (``id``, ``title``, ``body``).
        nlp: None for the built-in rules on a blank English pipeline; the name of an installed trained spaCy
            pipeline (e.g. ``"en_core_web_sm"``) or a loaded ``spacy.Language`` to use its named entities.
        progress: show a progress bar; None shows one for corpora of 500 articles or more.

    Returns:
        One row per mention: ``article_id``, ``text`` (as written), ``name`` (canonical), ``type``
        (``person`` | ``organisation`` | ``place``), ``role`` (title or role before a person, else ""),
        ``field`` (``title`` | ``body``), ``start``, ``end`` (character offsets into that field), ``sentence``.

    Example:
        >>> mentions = entities(load_corpus("seeds"))
        >>> mentions[mentions.type == "person"].name.value_counts().head()
    """
    return mentions_frame(find_mentions(corpus, nlp=nlp, progress=progress))


def find_mentions(corpus: pd.DataFrame, *, nlp=None, progress: bool | None = None) -> list[Mention]:
    """The mentions with canonical names, as :class:`Mention` records (also used by :func:`quotes`)."""
    _check_corpus(corpus)
    found: list[Mention] = []
    for doc in parse_corpus(corpus, nlp=nlp, progress=progress):
        found.extend(_doc_mentions(doc))
    return canonical.resolve(found)


def mentions_frame(found: list[Mention]) -> pd.DataFrame:
    """The mention records as the documented DataFrame (unresolved candidates left out)."""
    rows = [
        (m.article_id, m.text, m.name, m.type, m.role, m.field, m.start, m.end, m.sentence)
        for m in found
        if m.type in TYPES
    ]
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "sentence": "int64"})


def _check_corpus(corpus) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise ParameterError(f"corpus must be a DataFrame from load_corpus, got {type(corpus).__name__}")
    missing = {"id", "title", "body"} - set(corpus.columns)
    if missing:
        raise ParameterError(
            f"corpus lacks the column(s) {sorted(missing)}; load it with analysis.load_corpus(path)"
        )


# --------------------------------------------------------------------------------------------------
# Candidates: capitalised runs (blank pipeline) or the trained pipeline's entities
# --------------------------------------------------------------------------------------------------


def _doc_mentions(doc: FieldDoc) -> Iterator[Mention]:
    spans = _model_spans(doc) if doc.trained else _capitalised_runs(doc)
    for start, end, label in spans:
        yield from _read_span(doc, start, end, label)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or (len(word) > 1 and word[0] in "'’" and word[1:2].isupper())


def _capitalised_runs(doc: FieldDoc) -> Iterator[tuple[int, int, str | None]]:
    """Maximal runs of capitalised tokens (with name particles and organisation connectors inside)."""
    words, starts = doc.words, doc.sent_start
    n, i = len(words), 0
    while i < n:
        word = words[i]
        if not _is_cap(word) or not any(c.isalpha() for c in word) or _skip_start(doc, i):
            i += 1
            continue
        j = i + 1
        while j < n and not starts[j]:
            nxt = words[j]
            if _is_cap(nxt) and any(c.isalpha() for c in nxt):
                j += 1
            elif nxt == "-" and doc.spaces[j - 1] == "" and j + 1 < n and _is_cap(words[j + 1]):
                j += 2
            elif j + 1 < n and _is_cap(words[j + 1]) and _joins(words, i, j):
                j += 2
            else:
                break
        yield i, j, None
        i = j


def _skip_start(doc: FieldDoc, i: int) -> bool:
    """A function word or date opens no name, unless mid-sentence before another capital ("New Eurasian")."""
    low = doc.words[i].lower()
    if low not in cues.NOT_NAMES:
        return False
    if low != "new" or doc.sent_start[i]:
        return True
    return i + 1 >= len(doc.words) or not _is_cap(doc.words[i + 1])


def _joins(words: list[str], start: int, at: int) -> bool:
    """Does the lower-case word at ``at`` join two capitalised parts of one name?"""
    word = words[at]
    if word in _PARTICLES or word == "&":
        return True
    if word in _CONNECTORS:
        before = {w.lower() for w in words[start:at]}
        return bool(before & (cues.ORG_HEADS | cues.ORG_STARTERS | {"secretary", "minister", "chief"}))
    return False


def _model_spans(doc: FieldDoc) -> Iterator[tuple[int, int, str | None]]:
    labels = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
    for start, end, label in doc.model_ents:
        if label in labels:
            yield start, end, labels[label]


# --------------------------------------------------------------------------------------------------
# Reading one span: role apart, then type
# --------------------------------------------------------------------------------------------------


def _read_span(doc: FieldDoc, start: int, end: int, label: str | None) -> list[Mention]:
    """The mention(s) a candidate span holds: role apart, then typed; ruler sub-spans of an unknown run."""
    words = doc.words
    while start < end and words[start].lower() in {"the", "a", "an"}:
        start += 1
    while end > start and words[end - 1] in {"-", "&", "'s", "’s", "'", "’"}:
        end -= 1
    if start >= end:
        return []
    name_start = start if doc.trained else _role_prefix_end(words, start, end)
    if name_start == end:  # the whole run is a title ("Prime Minister")
        return []
    if not doc.trained:
        label = doc.ruler.get((name_start, end))
    role_start = start if name_start > start else _role_before(doc, start)
    honorific = next((w.lower() for w in words[role_start:end] if w.lower() in cues.HONORIFICS), None)
    kind, evidence = _classify(doc, name_start, end, label, _has_role(words[role_start:name_start]), honorific)
    if kind == "unknown" and not doc.trained:
        inner = [(s, e, lab) for (s, e), lab in doc.ruler.items() if start <= s and e <= end and (s, e) != (start, end)]
        if inner:
            return [m for s, e, lab in inner for m in _read_span(doc, s, e, lab)]
    if kind is None:
        return []
    return [
        Mention(
            article_id=doc.article_id,
            text=doc.text[doc.idx[name_start] : doc.end_char(end - 1)],
            type=kind,
            role=_role_text(words[role_start:name_start]) if kind == "person" else "",
            field=doc.field,
            start=doc.idx[name_start],
            end=doc.end_char(end - 1),
            sentence=doc.sentence_of(name_start),
            evidence=evidence,
            gender=_gender(words, name_start, end, honorific, kind),
        )
    ]


def _is_role_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in cues.ROLE_HEADS or low + "." in cues.ROLE_HEADS or low in cues.ROLE_MODIFIERS


def _role_prefix_end(words: list[str], start: int, end: int) -> int:
    """Where the name starts in a capitalised run opening with a title ("U.S. President Donald Trump")."""
    last_head = start
    for k in range(start, end):
        low = words[k].lower()
        if low in cues.HONORIFICS or low in cues.ROLE_HEADS or low.rstrip(".") in cues.ROLE_HEADS:
            last_head = k + 1
        elif _is_role_word(words[k]) or low in places() or _DEMONYM.match(words[k]):
            continue
        else:
            break
    if last_head == start:
        return start
    while last_head < end and (words[last_head].lower() in {"of", "state", "staff", "the"}):
        last_head += 1  # "Secretary of State", "Chief of Staff"
    return last_head


def _role_before(doc: FieldDoc, start: int) -> int:
    """Start of the role words written before a name ("coach", "the Russian president", "Mr")."""
    words, k = doc.words, start
    while k > 0 and not doc.sent_start[k]:
        word = words[k - 1]
        if not (_is_role_word(word) or word.lower() in cues.HONORIFICS or _DEMONYM.match(word)):
            break
        k -= 1
    return k if _has_role(words[k:start]) else start


def _has_role(words: list[str]) -> bool:
    return any(
        w.lower() in cues.HONORIFICS or w.lower() in cues.ROLE_HEADS or w.lower().rstrip(".") in cues.ROLE_HEADS
        for w in words
    )


def _role_text(words: list[str]) -> str:
    """The role as written, without honorifics and leading/trailing function words."""
    kept = [w for w in words if w.lower() not in cues.HONORIFICS]
    while kept and kept[0].lower() in {"the", "a", "an", "of", "and", "for"}:
        kept = kept[1:]
    while kept and kept[-1].lower() in {"of", "the", "and", "for"}:
        kept = kept[:-1]
    return " ".join(kept) if _has_role(kept) else ""


def _classify(
    doc: FieldDoc, start: int, end: int, label: str | None, has_role: bool, honorific: str | None
) -> tuple[str | None, str]:
    """``(type, evidence)`` of the name ``words[start:end]``; type None when nothing says what it is."""
    words = doc.words[start:end]
    text = " ".join(words).translate(_APOSTROPHES)
    low = text.lower()
    if label in TYPES and not (has_role and label != "person"):
        return label, "model" if doc.trained else "gazetteer"
    if honorific:
        return "person", "honorific"
    if text in cues.KNOWN_ORGS or low in cues.KNOWN_ORG_PHRASES:
        return "organisation", "gazetteer"
    if low in places():
        return "place", "gazetteer"
    if words[-1].lower() in cues.ORG_HEADS or (len(words) > 2 and words[0].lower() in cues.ORG_STARTERS):
        return "organisation", "organisation word"
    if len(words) == 1 and _ACRONYM.match(words[0]) and words[0] not in _COMMON_ACRONYMS:
        return "organisation", "acronym"
    if has_role:
        return "person", "role"
    if _looks_like_name(words) and (
        words[0].lower() in first_names() or _reporting_after(doc, end) or _said_before(doc, start)
    ):
        return "person", "first name"
    return "unknown", ""


def _looks_like_name(words: list[str]) -> bool:
    if not 2 <= len(words) <= 4:
        return False
    return all(w[:1].isupper() or w in _PARTICLES or w == "-" for w in words) and not any(
        w.lower() in places() or w.lower() in cues.ORG_HEADS for w in words
    )


def _reporting_after(doc: FieldDoc, end: int) -> bool:
    return end < len(doc.words) and doc.words[end].lower() in cues.REPORTING_VERBS


def _said_before(doc: FieldDoc, start: int) -> bool:
    return start > 0 and doc.words[start - 1].lower() in {"said", "says", "added", "told", "according"}


def _gender(words: list[str], start: int, end: int, honorific: str | None, kind: str) -> str | None:
    if kind != "person":
        return None
    if honorific in cues.MALE_HONORIFICS:
        return "male"
    if honorific in cues.FEMALE_HONORIFICS:
        return "female"
    return first_names().get(words[start].lower()) if end - start > 1 else None
