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

import pandas as pd

from analysis.corpus.base import check_corpus_columns
from analysis.extract import canonical
from analysis.extract.pipeline import page_text, parse_corpus
from analysis.extract.rules import TYPES, Mention, doc_mentions

__all__ = ["MENTION_COLUMNS", "TYPES", "Mention", "entities", "find_mentions", "mentions_frame"]

MENTION_COLUMNS = [
    "article_id",
    "text",
    "name",
    "type",
    "role",
    "field",
    "start",
    "end",
    "sentence",
]


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
    check_corpus(corpus)
    found: list[Mention] = []
    for doc in parse_corpus(corpus, nlp=nlp, progress=progress):
        found.extend(doc_mentions(doc))
    bodies = dict(zip(corpus["id"].astype(str), map(page_text, corpus["body"]), strict=True))
    return canonical.resolve(found, bodies=bodies)


def mentions_frame(found: list[Mention]) -> pd.DataFrame:
    """The mention records as the documented DataFrame (unresolved candidates left out)."""
    rows = [
        (m.article_id, m.text, m.name, m.type, m.role, m.field, m.start, m.end, m.sentence)
        for m in found
        if m.type in TYPES
    ]
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "sentence": "int64"})


def check_corpus(corpus) -> None:
    check_corpus_columns(corpus, ["body", "id", "title"])
