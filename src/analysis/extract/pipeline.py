"""The spaCy side: build (once) the pipeline and run it over every headline and body of a corpus.

The default pipeline is ``spacy.blank("en")`` (spaCy's English tokenizer) with an ``EntityRuler`` holding the
gazetteers (places, multi-word organisations) matched on lower-cased tokens; sentences are split with the
``sentencizer``'s rule applied to the token list (:func:`sentence_starts`, the same boundaries without a
pass over spaCy token objects). A named trained pipeline
(``nlp="en_core_web_sm"``) is loaded only when it is installed; it is never downloaded. Each parsed field is
handed on as a :class:`FieldDoc`: plain Python lists of the token data the rules read, so the rules do not pay
for spaCy object access per token.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

import pandas as pd

from analysis.config import MAX_EXTRACT_CHARS
from analysis.errors import ParameterError
from analysis.extract import cues
from analysis.extract.gazetteer import first_names, places

__all__ = ["FieldDoc", "load_pipeline", "page_text", "parse_corpus", "personal_initials"]

FIELDS = ("title", "body")
_PROGRESS_FROM = 500


@dataclass
class FieldDoc:
    """One parsed field (headline or body) of one article."""

    article_id: str
    field: str
    text: str
    words: list[str]
    spaces: list[str]
    idx: list[int]
    sent_start: list[bool]
    sentence_starts: list[int]  # token index where each sentence starts
    ruler: dict[tuple[int, int], str] = field(default_factory=dict)
    model_ents: list[tuple[int, int, str]] = field(default_factory=list)
    trained: bool = False

    @functools.cached_property
    def surnames(self) -> frozenset[str]:
        """Capitalised words written after a first name ("Page" of "Carter Page", "May" of "Theresa
        May"): such a word can stand for that person on its own even when it is also a common word."""
        return frozenset(
            w
            for prev, w in zip(self.words, self.words[1:], strict=False)
            if w[:1].isupper() and _first_name(prev)
        )

    def end_char(self, token: int) -> int:
        """Character offset just after token ``token``."""
        return self.idx[token] + len(self.words[token])

    def span(self, tokens: list[int]) -> tuple[int, int]:
        """Character offsets from the first of ``tokens`` to just after the last."""
        return self.idx[tokens[0]], self.end_char(tokens[-1])

    def sentence_of(self, token: int) -> int:
        """Index of the sentence holding token ``token``."""
        return bisect_right(self.sentence_starts, token) - 1

    def tokens_between(self, start: int, end: int) -> list[int]:
        """The tokens (not spaces) starting from character ``start`` up to before ``end``."""
        first = self.token_at(start)
        first += first < len(self.idx) and self.idx[first] < start
        out = []
        for k in range(first, len(self.idx)):
            if self.idx[k] >= end:
                break
            if self.words[k].strip():
                out.append(k)
        return out

    def token_at(self, char: int) -> int:
        """Index of the token starting at or before character offset ``char``."""
        return max(bisect_right(self.idx, char) - 1, 0)


def load_pipeline(nlp=None):
    """The spaCy ``Language`` to use: the blank rule pipeline, an installed named pipeline, or ``nlp`` itself."""
    if nlp is None:
        return _blank_pipeline()
    if isinstance(nlp, str):
        return _named_pipeline(nlp)
    if hasattr(nlp, "pipe") and hasattr(nlp, "pipe_names"):
        return nlp
    raise ParameterError(
        f"nlp must be None, the name of an installed spaCy pipeline or a spacy.Language, got {nlp!r}"
    )


@functools.cache
def _blank_pipeline():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": False})
    patterns = [
        {"label": "place", "pattern": form}
        for form in sorted(places())
        if " " in form or "." in form
    ]
    patterns += [
        {"label": "organisation", "pattern": form} for form in sorted(cues.KNOWN_ORG_PHRASES)
    ]
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    return nlp


@functools.cache
def _named_pipeline(name: str):
    import spacy

    try:
        nlp = spacy.load(name, exclude=["lemmatizer", "textcat"])
    except OSError as exc:
        raise ParameterError(
            f"the spaCy pipeline {name!r} is not installed here; install it as a package first, "
            "or leave nlp=None to use the built-in rules"
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise ParameterError(
            f"the spaCy pipeline {name!r} has no 'ner' component; pick one that finds entities"
        )
    if (
        not nlp.has_pipe("parser")
        and not nlp.has_pipe("senter")
        and not nlp.has_pipe("sentencizer")
    ):
        nlp.add_pipe("sentencizer")
    return nlp


def parse_corpus(
    corpus: pd.DataFrame, *, nlp=None, progress: bool | None = None
) -> Iterator[FieldDoc]:
    """Parse every headline and body of ``corpus``, in corpus order (headline first)."""
    language = load_pipeline(nlp)
    trained = nlp is not None
    keys = [(str(aid), name) for aid in corpus["id"] for name in FIELDS]
    texts = [  # a text beyond MAX_EXTRACT_CHARS is read up to there (spaCy refuses 1,000,000 and more)
        page_text(value)[:MAX_EXTRACT_CHARS]
        for pair in zip(corpus["title"], corpus["body"], strict=True)
        for value in pair
    ]
    show = len(corpus) >= _PROGRESS_FROM if progress is None else progress
    docs = language.pipe(texts, batch_size=256)
    if show:
        from tqdm.auto import tqdm

        docs = tqdm(docs, total=len(texts), desc="entities", unit="field", mininterval=1.0)
    for (article_id, name), text, doc in zip(keys, texts, docs, strict=True):
        yield _field_doc(article_id, name, text, doc, trained=trained)


_SENTENCE_PUNCT = frozenset({".", "!", "?", "...", "…", "?!", "!?"})


def sentence_starts(words: list[str]) -> list[bool]:
    """spaCy's ``sentencizer`` rule on plain words: a sentence starts at the first token after a full stop,
    "!", "?" or a paragraph break that is not punctuation itself (closing quotation marks stay with the
    sentence they end)."""
    flags = [False] * len(words)
    if words:
        flags[0] = True
    ended = False
    surnames = surnames_written(words)
    for k, word in enumerate(words):
        if ended and any(c.isalnum() for c in word):
            flags[k], ended = True, False
        elif word == "." and k and words[k - 1] in _TITLES:
            continue  # "Lt." split in two
        elif word == "." and words[k + 1 : k + 2] == [")"] and _inside(words[k + 2 : k + 3]):
            continue  # "(D-Calif.), however, said": the bracket closes inside the sentence
        elif word in _SENTENCE_PUNCT or "\n\n" in word:
            ended = True  # a full stop, or a paragraph break (a heading line has no full stop)
        elif (
            _INITIALS.match(word)
            and k + 1 < len(words)
            and new_subject(_after_marks(words, k + 1), surnames)
            and not (k and _first_name(words[k - 1]))
            and not personal_initials(word, words[k + 1])
        ):
            ended = True  # "... rely on the U.S. Von der Leyen posted"; not "George H.W. Bush", "H.R. McMaster"
    return flags


def _after_marks(words: list[str], k: int) -> str:
    """The word at ``k``, or past an opening quotation mark the word it opens ("in the U.S. “We say")."""
    if words[k] in {"“", '"', "‘"} and k + 1 < len(words):
        return words[k + 1]
    return words[k]


#: Lower-case particles inside a name ("Ursula von der Leyen", "Bashar al-Assad").
PARTICLES = frozenset(
    """
    de du da di la le van von der den bin al el ibn dos das del
    """.split()
)
_TITLES = frozenset(
    "Mr Mrs Ms Dr St Lt Gen Col Sgt Rep Sen Gov Jr Sr Capt Adm Maj Cmdr Prof Rev Gen Supt Det".split()
)
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")
_TWO_INITIALS = re.compile(r"^[A-Z]\.[A-Z]\.$")
#: Two-letter initials that name a place or a body, not a person ("U.S.", "D.C.", "N.Y.").
PLACE_INITIALS = frozenset("us uk un eu dc la ny nj nc sc nh nm nd sd ri sf pr nz".split())


def personal_initials(word: str, following: str) -> bool:
    """Are ``word`` a person's two initials before their surname ``following`` ("H.R. McMaster", "J.K.
    Rowling")? Not a place's or a body's ("U.S.", "D.C.", "F.B.I."), and only before a capitalised word
    that is no function word ("... the U.K. The ..." ends a sentence)."""
    return (
        bool(_TWO_INITIALS.match(word))
        and word.replace(".", "").lower() not in PLACE_INITIALS
        and following[:1].isupper()
        and following.lower() not in cues.NOT_NAMES
    )


def _inside(following: list[str]) -> bool:
    """Does the sentence go on after a bracket closing on a full stop ("(D-Calif.), however")?"""
    return bool(following) and not following[0][:1].isupper()


def _first_name(word: str) -> bool:
    return word[:1].isupper() and word.lower() in first_names()


def new_subject(word: str, surnames: frozenset[str] | set[str] = frozenset()) -> bool:
    """Can a capitalised word after "U.S." (or other initials) open a new sentence? Only a word that opens
    sentences and names nothing ("... in the U.S. He said", "the U.K. But"), an honorific ("the U.S. Mr.
    Trump said"), a person's first name or a particle ("rely on the U.S. Von der Leyen posted"), or one of
    ``surnames``, the words the text writes after a first name ("not the U.S. Starmer, with ...", Keir
    Starmer named before); not a title, a role, a body's or a place's word.
    Any other capitalised word goes on with a name: "U.S. House", "U.S. District Judge", "U.S. Capitol",
    "U.S. Constitution", "U.S. Chamber of Commerce", "U.S. Virgin Islands" (AllSides writes each scores of
    times, and hardly ever ends a sentence on "U.S." before such a word)."""
    bare = word.strip("“\"'‘’,")
    low = bare.lower()
    if not bare[:1].isupper():
        return False
    if low.rstrip(".") in cues.HONORIFICS or low in cues.NOT_NAMES:
        return True  # "... aid from the U.S. Mr. Trump said"
    if bare.rstrip(".") in _TITLES:
        return False  # "U.S. Sen. Ron Wyden"
    if (
        low in cues.ROLE_HEADS
        or low in cues.ROLE_MODIFIERS
        or low in cues.ORG_HEADS
        or bare in cues.KNOWN_ORGS
        or low in places()
    ):
        return False
    return _first_name(bare) or low in PARTICLES or bare in surnames


def surnames_written(words: list[str]) -> set[str]:
    """The capitalised words written right after a first name ("Keir Starmer": "Starmer")."""
    return {
        after for before, after in pairwise(words) if after[:1].isupper() and _first_name(before)
    }


def page_text(value) -> str:
    """A field's text as the rules read it: "" for a missing value, and each linked name's hover card
    blanked (spaces of the same length, so offsets hold). The Hill prints the card after the name: "said
    Rep. Charlie Dent Charles (Charlie) Wieder DentOvernight Health Care — ... | Trump to deliver ... MORE
    (R-Pa.)": the full name, glued to the linked headlines, up to "MORE"; its names and quoted headline
    words are no one's speech. And a photo gallery's "Hide Caption 4 of 6" becomes a paragraph break (the
    same length), so that one caption's quotation and speaker are not read with the next one's."""
    if not isinstance(value, str):
        return ""
    if (
        "Hide Caption" in value
    ):  # a photo gallery's captions, glued to one another: each its own paragraph
        value = _GALLERY_MARK.sub(lambda m: "\n\n" + " " * (len(m.group()) - 2), value)
    if " MORE" not in value:
        return value
    return _LINK_CARD.sub(lambda m: m["head"] + " " * len(m["card"]), value)


#: CNN's gallery mark between two captions ("... on the campaign trail. Hide Caption 4 of 6 Photos: ...").
_GALLERY_MARK = re.compile(r" ?Hide Caption \d+ of \d+(?: Photos:)*")


#: A hover card: the display name's surname, then the full name (a nickname in brackets) ending in that
#: surname glued to a headline, then the headlines up to "MORE" on the same line.
_LINK_CARD = re.compile(
    r"\b(?P<head>(?P<last>[A-Z][\w'’-]*[a-z]) )"
    r"(?P<card>(?:[A-Z][\w.'’-]* |\([\w .'’-]{1,20}\) ){1,5}(?P=last)(?=[A-Z0-9'‘“\"])[^\n]{0,800}? MORE\b)"
)


def _field_doc(article_id: str, name: str, text: str, doc, *, trained: bool) -> FieldDoc:
    """Plain lists of the token data (``text`` is the string parsed: ``doc.text`` would rebuild it token by
    token)."""
    from spacy.attrs import IDX, LENGTH, SENT_START, SPACY

    table = doc.to_array([IDX, LENGTH, SPACY, SENT_START]).tolist() if len(doc) else []
    idx = [row[0] for row in table]
    words = [text[a : a + n] for a, n, _, _ in table]
    if trained:
        flags = [k == 0 or row[3] == 1 for k, row in enumerate(table)]
    else:
        flags = sentence_starts(words)
    out = FieldDoc(
        article_id=article_id,
        field=name,
        text=text,
        words=words,
        spaces=[" " if row[2] else "" for row in table],
        idx=idx,
        sent_start=flags,
        sentence_starts=[k for k, flag in enumerate(flags) if flag] or [0],
        trained=trained,
    )
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    if trained:
        out.model_ents = ents
    else:
        out.ruler = {(s, e): label for s, e, label in ents if words[s][:1].isupper()}
    return out
