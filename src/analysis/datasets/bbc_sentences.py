"""News made of real BBC sentences, recombined within a category: text as close to news as the benchmarks get.

Reads the BBC News corpus (``../shared/data/bbc/bbc.jsonl``: 2,225 articles in 5 categories, passed as a path,
never copied) at run time, splits every body into sentences (a quotation is never cut: a sentence holding
an open quotation mark runs on to its close, so a quote keeps its ``said X``) and writes articles whose
body is a run of real sentences from articles of one category:

- the category is drawn in the corpus's own proportions; the title is a real BBC title of that category
  with its article number in brackets, so every title is distinct;
- the body opens with the lead paragraph's first sentences of a BBC article, then adds runs of 1-4
  consecutive sentences (so a quotation and the sentence attributing it often travel together) of other
  articles of the category, one run per paragraph, until it has 250-520 words (the run that passes the
  drawn length is kept: about 420 words, 2.6 KB, on average);
- two tags: the category (``Business``, ``Politics`` ...) and a second tag drawn from that category's
  list (:data:`SECOND_TAGS`); ``topic`` keeps the category (the hidden truth, as in :mod:`news`);
- ``published`` is spread uniformly over 2025, written with a UTC offset of +00:00 or +01:00.

Every article is written as one JSON line (``id``, ``title``, ``body``, ``tags``, ``topic``,
``published``), chunk by chunk: runs of sentences are JSON-escaped once, so a million articles (about
2.6 GB) take a minute or two. Each chunk draws from its own random stream (``seed``, chunk number), so
the same arguments give the same bytes.

    from analysis.datasets import write_bbc_sentences
    write_bbc_sentences("build/bbc-100k.jsonl", 100_000, source="../shared/data/bbc/bbc.jsonl")
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analysis.errors import CorpusError
from analysis.extract.sentences import SENTENCE_END, ends_sentence

__all__ = [
    "SECOND_TAGS",
    "SentencePool",
    "generate_bbc_sentences",
    "read_sentence_pool",
    "split_sentences",
    "write_bbc_sentences",
]

#: The second tag of an article is drawn from its category's list, the first ones more often.
SECOND_TAGS = {
    "business": ("Economy", "Markets", "Companies", "Trade", "Jobs", "Banking", "Energy"),
    "entertainment": ("Film", "Music", "Television", "Awards", "Theatre", "Celebrity"),
    "politics": ("Elections", "Labour", "Conservatives", "Parliament", "Policy", "Europe"),
    "sport": ("Football", "Rugby", "Tennis", "Athletics", "Cricket", "Olympics"),
    "tech": ("Internet", "Gadgets", "Games", "Mobile", "Security", "Software"),
}
#: Body length in words, drawn uniformly from this range (both ends included).
BODY_WORDS = (250, 520)
#: Probabilities of a run of 1, 2, 3 or 4 consecutive sentences; the lead run is 2-4 sentences long.
RUN_LENGTHS = (0.35, 0.30, 0.20, 0.15)
_LONGEST = len(RUN_LENGTHS)
#: Runs drawn per article (more than a body ever needs: the shortest body of 300 words needs about 8).
_MAX_RUNS = 48
#: Dates are drawn uniformly from [_FIRST, _FIRST + _SPAN) seconds (2025), in one of these UTC offsets.
_FIRST = np.datetime64("2025-01-01T00:00:00", "s")
_SPAN = 365 * 24 * 3600
_OFFSETS = ("+00:00", "+01:00")
#: Mixed into the seed of the dates' own random stream (kept apart from the articles' stream).
_DATES_STREAM = 0x0DA7E5
_CLOSERS = "\"”’')"


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph; a quotation is never cut (its sentence runs on to the closing mark).

    A stop ends a sentence where :func:`analysis.extract.sentences.ends_sentence` says so ("Mr.", "U.S."
    and middle initials do not) and no quotation is open: straight double quotes seen so far are even and
    curly ones balanced. A paragraph whose quotation never closes (it goes on in the next one) is one
    sentence.

    Example:
        >>> split_sentences('Sales rose. "We are pleased. It was hard," said Ms Jones. Shares fell.')
        ['Sales rose.', '"We are pleased. It was hard," said Ms Jones.', 'Shares fell.']
    """
    out, start = [], 0
    for m in SENTENCE_END.finditer(paragraph):
        end = m.end()
        while end < len(paragraph) and paragraph[end] in _CLOSERS:
            end += 1
        piece = paragraph[start:end]
        if (
            piece.count('"') % 2
            or piece.count("“") != piece.count("”")
            or not ends_sentence(paragraph, m.end())
        ):
            continue
        if piece.strip():
            out.append(piece.strip())
        start = end
    if paragraph[start:].strip():
        out.append(paragraph[start:].strip())
    return out


@dataclass(frozen=True)
class SentencePool:
    """The BBC corpus cut into sentences, laid out for drawing runs of them with numpy.

    Sentences are numbered category by category, article by article, in the file's order.

    Attributes:
        categories: category names, sorted.
        shares: share of the corpus's articles in each category.
        articles: (categories + 1) bounds: the articles of category c are ``articles[c]:articles[c + 1]``.
        titles: each article's title, JSON-escaped (without the surrounding quotes).
        first: each article's first sentence.
        end: each sentence's article's end (one past its last sentence).
        words: (sentences + 1) running word count: sentences i..j-1 hold ``words[j] - words[i]`` words.
        runs: JSON-escaped text of every run: ``runs[s * 4 + length - 1]`` is sentences s..s+length-1.
    """

    categories: tuple[str, ...]
    shares: np.ndarray
    articles: np.ndarray
    titles: np.ndarray
    first: np.ndarray
    end: np.ndarray
    words: np.ndarray
    runs: np.ndarray


def _escaped(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def read_sentence_pool(source: str | os.PathLike[str]) -> SentencePool:
    """Read the BBC corpus (JSON Lines with ``category``, ``title``, ``body``) into a :class:`SentencePool`.

    Raises:
        CorpusError: the file is missing or a line is not a BBC article.
    """
    path = Path(source)
    if not path.is_file():
        raise CorpusError(
            f"{path}: BBC News corpus not found; pass the path of ../shared/data/bbc/bbc.jsonl"
        )
    by_category: dict[str, list[tuple[str, list[str]]]] = {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            try:
                row = json.loads(line)
                category, title, body = row["category"], row["title"], row["body"]
            except (ValueError, KeyError, TypeError) as exc:
                raise CorpusError(
                    f"{path}, line {number}: not a BBC article with category, title and body ({exc})"
                ) from None
            paragraphs = (p for p in body.split("\n\n") if p.strip())
            sentences = [s for p in paragraphs for s in split_sentences(" ".join(p.split()))]
            if sentences:
                by_category.setdefault(category, []).append((title, sentences))
    return _pool(by_category)


def _pool(by_category: dict[str, list[tuple[str, list[str]]]]) -> SentencePool:
    categories = tuple(sorted(by_category))
    articles = [a for c in categories for a in by_category[c]]
    sentences = [s for _, body in articles for s in body]
    sizes = np.array([len(body) for _, body in articles])
    starts = np.concatenate([[0], np.cumsum(sizes)])
    counts = np.array([len(by_category[c]) for c in categories])
    words = np.concatenate([[0], np.cumsum([len(s.split()) for s in sentences])])
    escaped = [_escaped(s) for s in sentences]
    runs = np.empty(len(sentences) * _LONGEST, dtype=object)
    end = np.repeat(starts[1:], sizes)
    for s in range(len(sentences)):
        for length in range(1, min(_LONGEST, int(end[s]) - s) + 1):
            runs[s * _LONGEST + length - 1] = " ".join(escaped[s : s + length])
    return SentencePool(
        categories=categories,
        shares=counts / counts.sum(),
        articles=np.concatenate([[0], np.cumsum(counts)]),
        titles=np.array([_escaped(t) for t, _ in articles], dtype=object),
        first=starts[:-1],
        end=end,
        words=words,
        runs=runs,
    )


def _bodies(pool: SentencePool, rng: np.random.Generator, category: np.ndarray) -> list[str]:
    """Each article's body (JSON-escaped): the lead run of an article of its category, then runs of
    sentences of any article of that category, one paragraph each, until the drawn length is reached."""
    n = len(category)
    lo, hi = pool.articles[category], pool.articles[category + 1]
    lead = pool.first[lo + (rng.random(n) * (hi - lo)).astype(np.int64)]
    first, last = pool.first[lo], pool.end[pool.first[hi - 1]]
    starts = first[:, None] + (rng.random((n, _MAX_RUNS)) * (last - first)[:, None]).astype(
        np.int64
    )
    starts[:, 0] = lead
    lengths = rng.choice(_LONGEST, size=(n, _MAX_RUNS), p=RUN_LENGTHS) + 1
    lengths[:, 0] = np.maximum(lengths[:, 0], 2)
    lengths = np.minimum(lengths, pool.end[starts] - starts)
    words = pool.words[starts + lengths] - pool.words[starts]
    before = np.cumsum(words, axis=1) - words  # words already in the body when each run is added
    target = rng.integers(BODY_WORDS[0], BODY_WORDS[1] + 1, size=n)
    used = before < target[:, None]
    texts = pool.runs[(starts * _LONGEST + lengths - 1)[used]].tolist()
    bounds = np.concatenate([[0], np.cumsum(used.sum(axis=1))]).tolist()
    return ["\\n\\n".join(texts[bounds[i] : bounds[i + 1]]) for i in range(n)]


def _dates(rng: np.random.Generator, n: int) -> list[str]:
    """ISO 8601 dates with their UTC offset, uniform over 2025."""
    seconds = rng.integers(0, _SPAN, size=n)
    zone = rng.integers(0, len(_OFFSETS), size=n)
    local = _FIRST + (seconds + zone * 3600).astype("timedelta64[s]")
    text = np.datetime_as_string(local, unit="s")
    return [t + _OFFSETS[z] for t, z in zip(text.tolist(), zone.tolist(), strict=True)]


def _lines(pool: SentencePool, n: int, *, seed: int, number: int, start: int) -> str:
    """Chunk ``number`` of ``n`` articles (numbered from ``start``) as JSON Lines."""
    rng = np.random.default_rng([seed, number])
    category = rng.choice(len(pool.categories), size=n, p=pool.shares)
    lo, hi = pool.articles[category], pool.articles[category + 1]
    titles = pool.titles[lo + (rng.random(n) * (hi - lo)).astype(np.int64)].tolist()
    second = [
        SECOND_TAGS.get(c, (c.title() + " news",)) for c in pool.categories
    ]  # a category not listed still gets two tags
    ranks = (rng.pareto(1.2, size=n) * 1.5).astype(np.int64)
    bodies = _bodies(pool, rng, category)
    dates = _dates(np.random.default_rng([seed, number, _DATES_STREAM]), n)
    out = []
    for i, c in enumerate(category.tolist()):
        name = pool.categories[c]
        tags = f'"{_escaped(name.title())}", "{_escaped(second[c][ranks[i] % len(second[c])])}"'
        out.append(
            f'{{"id": "bbcs-{start + i:07d}", "title": "{titles[i]} ({start + i + 1})", '
            f'"body": "{bodies[i]}", "tags": [{tags}], "topic": "{_escaped(name)}", '
            f'"published": "{dates[i]}"}}\n'
        )
    return "".join(out)


def write_bbc_sentences(
    path: str | os.PathLike[str],
    n: int,
    *,
    source: str | os.PathLike[str],
    seed: int = 0,
    chunk: int = 50_000,
) -> Path:
    """Write ``n`` articles of recombined BBC sentences as JSON Lines, ``chunk`` at a time (bounded memory).

    Args:
        path: the JSON Lines file to write.
        n: number of articles.
        source: the BBC News corpus (``../shared/data/bbc/bbc.jsonl``), read at run time.
        seed: random seed; the same arguments give the same bytes.
        chunk: articles drawn and written at a time.

    Returns:
        ``path``.

    Raises:
        CorpusError: ``source`` is missing or not the BBC corpus.
    """
    pool = read_sentence_pool(source)
    with Path(path).open("w", encoding="utf-8") as fh:
        fh.writelines(
            _lines(pool, min(chunk, n - start), seed=seed, number=number, start=start)
            for number, start in enumerate(range(0, n, chunk))
        )
    return Path(path)


def generate_bbc_sentences(n: int, *, source: str | os.PathLike[str], seed: int = 0) -> list[dict]:
    """``n`` articles of recombined BBC sentences as dicts (the lines :func:`write_bbc_sentences` writes).

    Args:
        n: number of articles (small: they are built in one chunk).
        source: the BBC News corpus (``../shared/data/bbc/bbc.jsonl``).
        seed: random seed.

    Returns:
        Article dicts with ``id``, ``title``, ``body``, ``tags``, ``topic`` and ``published``.
    """
    pool = read_sentence_pool(source)
    text = _lines(pool, n, seed=seed, number=0, start=0) if n > 0 else ""
    return [json.loads(line) for line in text.splitlines()]
