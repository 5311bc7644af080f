"""The same story in many places: syndicated and near-identical copies, grouped with MinHash and LSH.

An agency story run by fifty outlets, or re-run by one outlet with a new headline, a byline, a dateline, a
trimmed or added paragraph and a few words changed, is one story. :func:`story_groups` gives every article
the id of its group of copies (an article with no copy is a group of one), so that counts can weigh a story
once.

How: each article gets a MinHash signature of its shingles (runs of :data:`SHINGLE_WORDS` words; the
signing is :mod:`analysis.corpus.minhash`, where a large file's articles are signed as they are parsed).
Locality-sensitive hashing with the band layout ``datasketch.MinHashLSH``
chooses for the threshold proposes candidate pairs (articles sharing a whole band); a candidate pair is kept
when its estimated Jaccard similarity (the share of equal signature values) reaches ``threshold``; groups
are the connected components of the kept pairs. Memory holds the signatures (4 bytes x ``num_perm`` per
article: 256 MB at 1,000,000 articles) and one band's keys at a time, never the texts: bodies are read a
chunk at a time (:func:`story_groups_from_batches` reads them straight from the parse cache).

Articles with fewer than :data:`MIN_WORDS` words are never grouped: short texts ("Watch: ...") are too
alike to tell copies from coincidences.

    groups = story_groups(corpus)                # a Series aligned with the corpus
    corpus.assign(story_group=groups)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from analysis.corpus.minhash import (  # the signing half, re-exported: names used across the package
    CHUNK_ARTICLES,
    MIN_WORDS,
    NUM_PERM,
    SAMPLE_EVERY,
    SHINGLE_WORDS,
    StorySignatures,
    permutation_family,
    signatures_in_chunks,
    stored_signatures,
    story_signatures,
)
from analysis.errors import ParameterError

__all__ = [
    "CHUNK_ARTICLES",
    "MIN_WORDS",
    "NUM_PERM",
    "SAMPLE_EVERY",
    "SHINGLE_WORDS",
    "STORY_THRESHOLD",
    "StorySignatures",
    "kept_part_signatures",
    "part_signatures",
    "representatives",
    "signatures_in_chunks",
    "stored_signatures",
    "story_groups",
    "story_groups_from_batches",
    "story_groups_from_signatures",
    "story_signatures",
]

#: Default Jaccard similarity (of the sampled shingle sets) above which two articles are one story.
STORY_THRESHOLD = 0.35
#: Multiplier mixing a band's values into its key.
_BAND_PRIME = np.uint64(0x9E3779B185EBCA87)


def _band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band that ``datasketch.MinHashLSH`` picks for this threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def _band_key(values: np.ndarray, band: int, rows: int) -> np.ndarray:
    """The uint64 key of one band (``rows`` consecutive MinHash values) of every signature."""
    key = np.full(len(values), band + 1, dtype=np.uint64)
    for j in range(band * rows, (band + 1) * rows):
        key = (key ^ values[:, j].astype(np.uint64)) * _BAND_PRIME
        key ^= key >> np.uint64(31)
    return key


def _linked(
    values: np.ndarray, bands: int, rows: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (a whole band equal) whose estimated Jaccard reaches ``threshold``.

    Band by band, the signatures are sorted by the band's key; within each run of equal keys every
    article is checked against its neighbour and against the run's first, so at most two candidates per
    article and band are checked (memory and time stay linear however large a run is).
    """
    left, right = [], []
    for band in range(bands):
        key = _band_key(values, band, rows)
        order, ordered, same = _stable_order(key)
        if not len(same):
            continue
        run_start = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        first = order[run_start[np.searchsorted(run_start, same + 1, side="right") - 1]]
        for a_side in (order[same], first):
            b_side = order[same + 1]
            pairs = a_side != b_side
            i, j = a_side[pairs], b_side[pairs]
            kept = np.zeros(len(i), dtype=bool)
            for lo in range(0, len(i), 100_000):
                hi = lo + 100_000
                kept[lo:hi] = (values[i[lo:hi]] == values[j[lo:hi]]).mean(axis=1) >= threshold
            left.append(i[kept])
            right.append(j[kept])
    if not left:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(left), np.concatenate(right)


def _stable_order(key: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``argsort(key, kind="stable")``, the sorted keys and the positions where a key equals the next one.

    Sorted with numpy's fast unstable sort (about 4x a stable one on a million uint64 keys); then only the
    runs of equal keys (few: copies of a story) are put back in index order, which gives the stable order.
    """
    order = np.argsort(key)
    ordered = key[order]
    same = np.flatnonzero(ordered[1:] == ordered[:-1])
    if len(same):
        in_run = np.zeros(len(key), dtype=bool)
        in_run[same] = in_run[same + 1] = True
        at = np.flatnonzero(in_run)
        order[at] = order[at][np.lexsort((order[at], ordered[at]))]
    return order, ordered, same


def _check(threshold: float, num_perm: int) -> None:
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not 0 < threshold < 1
    ):
        raise ParameterError(
            f"threshold must be a number between 0 and 1 (e.g. {STORY_THRESHOLD}), got {threshold!r}."
        )
    if isinstance(num_perm, bool) or not isinstance(num_perm, int) or num_perm < 16:
        raise ParameterError(f"num_perm must be a whole number >= 16, got {num_perm!r}.")


def story_groups_from_batches(
    batches: Iterable[pd.DataFrame],
    n_articles: int,
    *,
    threshold: float = STORY_THRESHOLD,
    num_perm: int = NUM_PERM,
    random_state: int = 1,
) -> np.ndarray:
    """Story group ids of a corpus read a batch at a time (e.g. ``cache.iter_batches(["title", "body"])``).

    Args:
        batches: consecutive DataFrames with ``body`` (and ``title``), in corpus order, ``n_articles`` rows
            in all.
        n_articles: the number of rows of the corpus.
        threshold: estimated Jaccard similarity at which two articles are copies of one story.
        num_perm: MinHash values per article.
        random_state: seed of the MinHash permutations.

    Returns:
        An int64 array, one group id per article, numbered 0, 1, ... in order of each group's first
        article.

    Raises:
        ParameterError: a bad threshold or num_perm, or batches that do not add up to ``n_articles``.
    """
    _check(threshold, num_perm)
    permutations = permutation_family(num_perm, random_state)
    values = np.empty((n_articles, num_perm), dtype=np.uint32)
    usable = np.zeros(n_articles, dtype=bool)
    done = 0
    for batch in batches:
        if done + len(batch) > n_articles:
            raise ParameterError(
                f"the batches hold more than the {n_articles:,} articles announced."
            )
        signed = signatures_in_chunks(batch, num_perm=num_perm, permutations=permutations)
        values[done : done + len(batch)] = signed.values
        usable[done : done + len(batch)] = signed.usable
        done += len(batch)
    if done != n_articles:
        raise ParameterError(
            f"the batches hold {done:,} articles, not the {n_articles:,} announced."
        )
    return _components(values, usable, threshold)


def part_signatures(extras: Sequence[str], task: tuple[str, int]) -> StorySignatures:
    """The signatures of one part of a parse cache (``task``: its path and first row, as
    :meth:`analysis.corpus.cache.CorpusCache.part_tasks` gives them): those kept while parsing, or, when an
    article of the part was not signed then (a small file parsed whole), signed here from its text."""
    from analysis.corpus.cache.store import read_part_frame

    stored = kept_part_signatures(extras, task)
    if stored is not None:
        return stored
    path, start = task
    return signatures_in_chunks(read_part_frame(path, ["title", "body"], extras, start))


def kept_part_signatures(extras: Sequence[str], task: tuple[str, int]) -> StorySignatures | None:
    """The signatures of one part kept while parsing (:func:`part_signatures`), or None when an article of
    the part was not signed then. Reading them is cheap (256 bytes an article): done where they are needed,
    only the parts that must be signed from their text go to worker processes."""
    from analysis.corpus.cache.store import SIGNATURE_COLUMN, read_part_frame

    path, start = task
    return stored_signatures(read_part_frame(path, [SIGNATURE_COLUMN], extras, start))


def story_groups_from_signatures(
    signatures: Sequence[StorySignatures], *, threshold: float = STORY_THRESHOLD
) -> np.ndarray:
    """Story group ids from the signatures of consecutive parts of a corpus, in corpus order (as
    :func:`story_groups_from_batches` numbers them)."""
    _check(threshold, NUM_PERM)
    values = np.concatenate([s.values for s in signatures])
    usable = np.concatenate([s.usable for s in signatures])
    return _components(values, usable, threshold)


def _components(values: np.ndarray, usable: np.ndarray, threshold: float) -> np.ndarray:
    n = len(values)
    bands, rows = _band_layout(threshold, values.shape[1])
    index = np.flatnonzero(usable)
    i, j = _linked(values[index], bands, rows, threshold)
    graph = sparse.coo_matrix(
        (np.ones(len(i), dtype=np.int8), (index[i], index[j])), shape=(n, n)
    ).tocsr()
    _, labels = connected_components(graph, directed=False)
    _, first = np.unique(labels, return_index=True)
    renumber = np.empty(len(first), dtype=np.int64)
    renumber[np.argsort(labels[first], kind="stable")] = np.argsort(
        np.argsort(first, kind="stable")
    )
    return renumber[labels]


def _batches(corpus: pd.DataFrame) -> Iterator[pd.DataFrame]:
    columns = [c for c in ("title", "body") if c in corpus.columns]
    for lo in range(0, len(corpus), CHUNK_ARTICLES):
        yield corpus.iloc[lo : lo + CHUNK_ARTICLES][columns]


def story_groups(
    corpus: pd.DataFrame,
    *,
    threshold: float = STORY_THRESHOLD,
    num_perm: int = NUM_PERM,
    random_state: int = 1,
) -> pd.Series:
    """Group the articles that are copies of one story (syndicated or lightly edited), one id per group.

    Copies with a new headline, an added byline or dateline, a trimmed or added paragraph or a few words
    changed land in one group; different stories on the same subject do not. See the module docstring for
    the method (MinHash and LSH from ``datasketch`` on word shingles, in bounded memory).

    Args:
        corpus: a corpus with ``body`` (articles without one are compared on their ``title``).
        threshold: estimated Jaccard similarity of two articles' shingles at which they are one story
            (default 0.35; higher joins fewer, closer copies).
        num_perm: MinHash values per article (more: closer estimates, more time).
        random_state: seed of the MinHash permutations (the same seed gives the same groups).

    Returns:
        A Series of int group ids aligned with the corpus (same index), named ``story_group``, numbered
        0, 1, ... in order of each group's first article; an article without copies has an id of its own.

    Raises:
        ParameterError: a bad threshold or num_perm, or a corpus with neither ``body`` nor ``title``.

    Example:
        >>> groups = story_groups(corpus)  # doctest: +SKIP
        >>> groups.value_counts().head()   # the most copied stories  # doctest: +SKIP
    """
    if not {"body", "title"} & set(corpus.columns):
        raise ParameterError(
            "story_groups needs a 'body' or 'title' column; load the corpus with analysis.load_corpus."
        )
    ids = story_groups_from_batches(
        _batches(corpus),
        len(corpus),
        threshold=threshold,
        num_perm=num_perm,
        random_state=random_state,
    )
    return pd.Series(ids, index=corpus.index, name="story_group", dtype="int64")


def representatives(corpus: pd.DataFrame, groups: pd.Series | np.ndarray) -> np.ndarray:
    """One article per story group: its earliest dated copy (ties and undated: the first in the corpus).

    Args:
        corpus: the corpus (its ``published`` column, when present, picks the earliest copy).
        groups: the story group of each article (from :func:`story_groups`).

    Returns:
        A boolean mask aligned with the corpus, True for each group's representative.
    """
    ids = np.asarray(groups)
    n = len(ids)
    if "published" in corpus.columns:
        from analysis.compare.trends import published_dates

        dates = published_dates(corpus).dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
        when = np.where(np.isnat(dates), np.iinfo(np.int64).max, dates.astype(np.int64))
    else:
        when = np.zeros(n, dtype=np.int64)
    order = np.lexsort((np.arange(n), when, ids))
    first = np.r_[True, ids[order][1:] != ids[order][:-1]]
    mask = np.zeros(n, dtype=bool)
    mask[order[first]] = True
    return mask
