"""Tags as the editors wrote them, parsed once: normalised keys, spellings, per-article membership."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.corpus.base import check_corpus_columns
from analysis.errors import ParameterError

#: Page name used by ``tag_frequency(by_page=True)`` for articles that came from no tag page (JSONL/CSV).
NO_PAGE = "(no tag page)"
_TEXT_COLUMNS = ("page", "tag", "key", "tag_a", "tag_b", "key_a", "key_b", "cluster_name")


def normalize_tag(tag: str) -> str:
    """Return the counting key of a tag: NFC, surrounding spaces stripped, inner spaces collapsed, casefolded.

    Args:
        tag: a tag as an editor wrote it.

    Returns:
        The key under which the tag is counted; ``""`` for a blank tag.

    Example:
        >>> normalize_tag("  Defense ") == normalize_tag("defense")
        True
        >>> normalize_tag("UK  defense")
        'uk defense'
    """
    return " ".join(unicodedata.normalize("NFC", str(tag)).split()).casefold()


def _clean_spelling(tag: str) -> str:
    """The display form of one spelling: NFC and tidy spaces, case kept."""
    return " ".join(unicodedata.normalize("NFC", str(tag)).split())


# --------------------------------------------------------------------------------------------- internals


@dataclass(frozen=True)
class ParsedTags:
    """The corpus's tags, parsed once: one entry per (article, distinct key), plus its tag pages."""

    n_articles: int
    keys: list[str]  # distinct tag keys, first-seen order
    display: dict[str, str]  # key -> most common spelling (ties: first seen)
    article: np.ndarray  # article position of each (article, key) entry
    key_index: np.ndarray  # index into ``keys`` of each entry
    page_keys: list[str]  # distinct page keys, first-seen order
    page_names: list[str]  # display name of each page (first spelling seen)
    page_article: np.ndarray  # article position of each (article, page) entry
    page_index: np.ndarray  # index into ``page_keys`` of each entry

    def __len__(self) -> int:
        """Articles in the corpus (so ``len`` works as on the corpus DataFrame)."""
        return self.n_articles

    def counts(self) -> np.ndarray:
        """Articles carrying each key (aligned with ``keys``)."""
        return np.bincount(self.key_index, minlength=len(self.keys)).astype(np.int64)

    def matrix(self) -> sparse.csr_matrix:
        """Binary article x key matrix."""
        data = np.ones(len(self.article), dtype=np.int64)
        return sparse.csr_matrix(
            (data, (self.article, self.key_index)), shape=(self.n_articles, len(self.keys))
        )

    def is_page_tag(self) -> np.ndarray:
        """Whether each key names a tag page that one of the articles carrying it came from."""
        flags = np.zeros(len(self.keys), dtype=bool)
        key_pos = {key: i for i, key in enumerate(self.keys)}
        as_tag = np.array([key_pos.get(key, -1) for key in self.page_keys], dtype=np.int64)
        if not len(as_tag) or not len(self.article):
            return flags
        tag_of_page = as_tag[self.page_index]
        named = tag_of_page >= 0
        width = len(self.keys)
        page_pairs = self.page_article[named] * width + tag_of_page[named]
        hits = np.isin(self.article * width + self.key_index, page_pairs)
        flags[np.unique(self.key_index[hits])] = True
        return flags


def row_where(corpus: pd.DataFrame, pos: int) -> str:
    """'row 3 (source page.txt:12)' for error messages."""
    if "source" in getattr(corpus, "columns", ()):
        return f"row {pos} (source {corpus['source'].iloc[pos]})"
    return f"row {pos}"


def _as_str_list(value: Any, *, column: str, corpus: pd.DataFrame, pos: int) -> list[str]:
    """A cell of ``tags``/``tag_pages`` as a list of strings; missing values are dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        raise ParameterError(
            f"{row_where(corpus, pos)}: column '{column}' holds the string {value[:60]!r}, expected a list "
            f"of strings. Split it into a list first (e.g. corpus.assign({column}=corpus['{column}']"
            ".str.split(';'))) or load the data with analysis.load_corpus."
        )
    if isinstance(value, float) and math.isnan(value):
        return []
    if not isinstance(value, Iterable) or isinstance(value, (bytes, Mapping)):
        raise ParameterError(
            f"{row_where(corpus, pos)}: column '{column}' holds {type(value).__name__} {value!r}, expected a "
            "list of strings. Load the data with analysis.load_corpus or fix that row."
        )
    out = []
    for item in value:
        if item is None or (isinstance(item, float) and math.isnan(item)):
            continue
        if not isinstance(item, (str, int, np.integer)):
            raise ParameterError(
                f"{row_where(corpus, pos)}: column '{column}' contains {type(item).__name__} {item!r}, "
                "expected strings. Fix that row or load the data with analysis.load_corpus."
            )
        out.append(str(item))
    return out


def _flatten(corpus: pd.DataFrame, column: str) -> tuple[np.ndarray, list[str]]:
    """All items of a list column: (article position of each item, the items), in corpus order."""
    values = corpus[column].tolist()
    if {type(v) for v in values} <= {list}:  # the loader's shape: checked in bulk, not per item
        flat = list(chain.from_iterable(values))
        if {type(item) for item in flat} <= {str}:
            lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
            return np.repeat(np.arange(len(values), dtype=np.int64), lengths), flat
    cleaned = [
        _as_str_list(value, column=column, corpus=corpus, pos=pos)
        for pos, value in enumerate(values)
    ]
    lengths = np.fromiter(map(len, cleaned), dtype=np.int64, count=len(cleaned))
    flat = list(chain.from_iterable(cleaned))
    return np.repeat(np.arange(len(cleaned), dtype=np.int64), lengths), flat


def _encode(
    positions: np.ndarray, items: list[str]
) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray, list[str]]:
    """Normalise items, drop blanks and repeats within an article (first kept).

    Returns:
        (article positions, key codes, keys in first-seen order, spelling codes, spellings), one
        entry per (article, distinct key), in corpus order.
    """
    codes, uniques = pd.factorize(pd.Series(items, dtype=object), sort=False)
    keys: list[str] = []
    key_pos: dict[str, int] = {}
    spellings: list[str] = []
    spelling_pos: dict[str, int] = {}
    key_of_unique = np.empty(len(uniques), dtype=np.int64)
    spelling_of_unique = np.empty(len(uniques), dtype=np.int64)
    for u, raw in enumerate(uniques):
        key = normalize_tag(raw)
        if not key:
            key_of_unique[u] = spelling_of_unique[u] = -1
            continue
        if key not in key_pos:
            key_pos[key] = len(keys)
            keys.append(key)
        spelling = _clean_spelling(raw)
        if spelling not in spelling_pos:
            spelling_pos[spelling] = len(spellings)
            spellings.append(spelling)
        key_of_unique[u] = key_pos[key]
        spelling_of_unique[u] = spelling_pos[spelling]
    key_code = key_of_unique[codes] if len(codes) else np.zeros(0, dtype=np.int64)
    spelling_code = spelling_of_unique[codes] if len(codes) else np.zeros(0, dtype=np.int64)
    keep = key_code >= 0
    positions, key_code, spelling_code = positions[keep], key_code[keep], spelling_code[keep]
    # One entry per (article, key): the first spelling an article used.
    _, first = np.unique(positions * max(len(keys), 1) + key_code, return_index=True)
    first = np.sort(first)
    return positions[first], key_code[first], keys, spelling_code[first], spellings


@dataclass(frozen=True)
class EncodedTags:
    """One corpus' (or one partition's) tags as codes, spellings not yet resolved: what a Dask task
    returns (integer arrays and the distinct strings, not one Python list per article)."""

    n_articles: int
    article: np.ndarray
    key_index: np.ndarray
    keys: list[str]
    spelling: np.ndarray
    spellings: list[str]
    page_article: np.ndarray
    page_index: np.ndarray
    page_keys: list[str]
    page_spelling: np.ndarray
    page_spellings: list[str]


def check_corpus(corpus: pd.DataFrame) -> None:
    check_corpus_columns(
        corpus,
        ["tags"],
        hint="or add a 'tags' column of lists (an empty list for articles without tags).",
    )


def encode_corpus(corpus: pd.DataFrame) -> EncodedTags:
    """The ``tags`` and ``tag_pages`` columns of a pandas corpus (or partition) as codes."""
    check_corpus(corpus)
    tags = _encode(*_flatten(corpus, "tags"))
    if "tag_pages" in corpus.columns:
        pages = _encode(*_flatten(corpus, "tag_pages"))
    else:
        none = np.zeros(0, dtype=np.int64)
        pages = (none, none, [], none, [])
    return EncodedTags(len(corpus), *tags, *pages)


def join_encoded(parts: Sequence[EncodedTags]) -> EncodedTags:
    """Partitions' codes as one corpus': rows shifted, keys and spellings renumbered in first-seen order
    (partitions in order), so the result equals :func:`encode_corpus` of the whole corpus."""
    offsets = np.concatenate([[0], np.cumsum([p.n_articles for p in parts])]).astype(np.int64)
    fields: dict[str, Any] = {"n_articles": int(offsets[-1])}
    for rows, codes, names, sub_codes, sub_names in (
        ("article", "key_index", "keys", "spelling", "spellings"),
        ("page_article", "page_index", "page_keys", "page_spelling", "page_spellings"),
    ):
        for code_field, name_field in ((codes, names), (sub_codes, sub_names)):
            merged: dict[str, int] = {}
            remapped = []
            for part in parts:
                local = [merged.setdefault(name, len(merged)) for name in getattr(part, name_field)]
                table = np.asarray(local, dtype=np.int64)
                remapped.append(table[getattr(part, code_field)] if len(table) else table)
            fields[code_field] = _joined(remapped)
            fields[name_field] = list(merged)
        fields[rows] = _joined([getattr(p, rows) + offsets[i] for i, p in enumerate(parts)])
    return EncodedTags(**fields)


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays).astype(np.int64) if arrays else np.zeros(0, dtype=np.int64)


def resolve_tags(encoded: EncodedTags) -> ParsedTags:
    """The parsed tags: the most used spelling of each key (ties: first seen), each page's first name."""
    e = encoded
    display: dict[str, str] = {}
    if len(e.article):
        uses = pd.DataFrame(
            {"key": e.key_index, "spelling": e.spelling, "order": np.arange(len(e.article))}
        )
        best = (
            uses.groupby(["key", "spelling"], sort=False)
            .agg(n=("order", "size"), first=("order", "min"))
            .reset_index()
            .sort_values(["key", "n", "first"], ascending=[True, False, True], kind="stable")
            .drop_duplicates("key")
        )
        display = {
            e.keys[k]: e.spellings[s] for k, s in zip(best["key"], best["spelling"], strict=True)
        }
    first_name: dict[int, str] = {}
    for k, s in zip(e.page_index.tolist(), e.page_spelling.tolist(), strict=True):
        first_name.setdefault(k, e.page_spellings[s])
    return ParsedTags(
        n_articles=e.n_articles,
        keys=e.keys,
        display=display,
        article=e.article,
        key_index=e.key_index,
        page_keys=e.page_keys,
        page_names=[first_name[k] for k in range(len(e.page_keys))],
        page_article=e.page_article,
        page_index=e.page_index,
    )


def parse_tags(corpus: pd.DataFrame | ParsedTags) -> ParsedTags:
    """Read the ``tags`` and ``tag_pages`` columns once into a compact table (the corpus is not touched).

    Tags parsed already (a :class:`ParsedTags`, e.g. from :func:`analysis.dask.parsed_tags`, which encodes a
    Dask DataFrame partition by partition with :func:`encode_corpus` and joins the codes with
    :func:`join_encoded`) are returned as they are, so every tag table accepts them in place of a corpus.
    """
    if isinstance(corpus, ParsedTags):
        return corpus
    return resolve_tags(encode_corpus(corpus))


def order_by_count(keys: Sequence[str], counts: np.ndarray) -> np.ndarray:
    """Indices sorting keys by count desc, then key (deterministic)."""
    return np.asarray(
        sorted(range(len(keys)), key=lambda i: (-int(counts[i]), keys[i])), dtype=np.int64
    )


def check_positive_int(
    name: str, value: Any, *, minimum: int = 1, allow_none: bool = False
) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ParameterError(
            f"{name} must be an integer >= {minimum}{' or None' if allow_none else ''}, got {value!r}."
        )


def empty_frame(columns: list[str], dtypes: Mapping[str, str] | None = None) -> pd.DataFrame:
    """An empty frame with the given columns (text columns as str, others object unless given)."""
    dtypes = dict(dtypes or {})
    for column in _TEXT_COLUMNS:
        dtypes.setdefault(column, "str")
    return pd.DataFrame({c: pd.Series([], dtype=dtypes.get(c, "object")) for c in columns})
