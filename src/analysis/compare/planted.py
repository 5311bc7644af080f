"""Planted syndication: copies of real articles with the edits outlets make, to check story grouping.

:func:`syndicate` picks articles of a corpus and spreads edited copies of each over fake outlets, keeping
the truth (which original each copy came from). The edits are the ones syndicated and re-run copies show:
a new headline, an added byline or dateline, a paragraph trimmed from the end or the middle, a paragraph
added, a few words changed. :data:`STRENGTHS` names three doses of them. Used by the tests and by
``benchmarks/syndication.py``.

    copies = syndicate(bbc, n_stories=300, random_state=0)
    copies["true_story"]      # the id of the original each row is a copy of (originals included)
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["STRENGTHS", "edit_copy", "syndicate"]

#: Doses of editing: what each copy of a story gets.
STRENGTHS: dict[str, dict[str, float]] = {
    # new headline and a byline, nothing else
    "light": {"headline": 1, "byline": 1, "dateline": 0, "trim": 0, "add": 0, "words": 0.0},
    # + dateline, one paragraph trimmed, 1% of the words changed
    "medium": {"headline": 1, "byline": 1, "dateline": 1, "trim": 1, "add": 0, "words": 0.01},
    # + a paragraph added, two trimmed, 3% of the words changed
    "heavy": {"headline": 1, "byline": 1, "dateline": 1, "trim": 2, "add": 1, "words": 0.03},
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")
_FILLER = (
    "Officials did not immediately respond to a request for comment on the matter on Tuesday",
    "This story has been updated with additional reporting and background from our correspondents",
    "Readers can find more coverage of the issue in our special section, updated throughout the day",
    "The company declined to comment further, citing the ongoing review of the decision by regulators",
)


def _paragraphs(body: str) -> list[str]:
    """Wire-style paragraphs: the body's blank-line blocks, split into sentences."""
    out = []
    for block in re.split(r"\n\s*\n", body.strip()):
        out.extend(s.strip() for s in _SENTENCE.split(block) if s.strip())
    return out


def edit_copy(
    title: str, body: str, *, strength: str, outlet: str, rng: np.random.Generator
) -> tuple[str, str]:
    """One edited copy (headline, body) of an article, with the edits of ``STRENGTHS[strength]``."""
    dose = STRENGTHS[strength]
    paragraphs = _paragraphs(body)
    for _ in range(int(dose["trim"])):
        if len(paragraphs) > 3:  # cut from the end (editors cut from the bottom) or the middle
            paragraphs.pop(-1 if rng.random() < 0.5 else int(rng.integers(1, len(paragraphs) - 1)))
    if dose["add"]:
        extra = " ".join(rng.choice(_FILLER, size=2, replace=False)) + "."
        paragraphs.insert(int(rng.integers(1, len(paragraphs) + 1)), extra)
    words = "\n\n".join(paragraphs).split(" ")
    n_changed = round(dose["words"] * len(words))
    if n_changed:
        vocabulary = [w for w in words if w.isalpha() and len(w) > 3] or ["report"]
        for i in rng.choice(len(words), size=min(n_changed, len(words)), replace=False):
            words[i] = str(rng.choice(vocabulary))
    text = " ".join(words)
    if dose["dateline"]:
        text = f"LONDON ({outlet}) - {text}"
    if dose["byline"]:
        text = f"By Staff Reporter, {outlet}\n\n{text}"
    if dose["headline"]:
        title = f"{outlet}: {' '.join(title.split()[::-1])}"
    return title, text


def syndicate(
    corpus: pd.DataFrame,
    *,
    n_stories: int = 300,
    copies: tuple[int, int] = (1, 4),
    n_outlets: int = 8,
    random_state: int = 0,
) -> pd.DataFrame:
    """The corpus plus edited copies of ``n_stories`` of its articles, spread over fake outlets.

    Args:
        corpus: articles with ``id``, ``title`` and ``body``.
        n_stories: articles copied (picked at random).
        copies: fewest and most copies of each (inclusive); each copy gets a strength at random.
        n_outlets: fake outlets ("Outlet 1" ...); originals keep the outlet "Original".
        random_state: seeds every choice.

    Returns:
        The originals then the copies, with ``outlet``, ``strength`` ("" for originals) and
        ``true_story`` (the ``id`` of the original), on a fresh RangeIndex.
    """
    rng = np.random.default_rng(random_state)
    picked = np.sort(rng.choice(len(corpus), size=min(n_stories, len(corpus)), replace=False))
    originals = corpus.assign(outlet="Original", strength="", true_story=corpus["id"].to_numpy())
    rows = []
    names = list(STRENGTHS)
    for position in picked:
        source = corpus.iloc[position]
        for _ in range(int(rng.integers(copies[0], copies[1] + 1))):
            outlet = f"Outlet {int(rng.integers(1, n_outlets + 1))}"
            strength = names[int(rng.integers(len(names)))]
            title, body = edit_copy(
                str(source["title"]), str(source["body"]), strength=strength, outlet=outlet, rng=rng
            )
            row = source.to_dict()
            row.update(
                id=f"{source['id']}#copy{len(rows)}",
                title=title,
                body=body,
                outlet=outlet,
                strength=strength,
                true_story=source["id"],
            )
            rows.append(row)
    return pd.concat([originals, pd.DataFrame(rows)], ignore_index=True)
