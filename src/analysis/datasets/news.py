"""Deterministic generator of news-like articles for tests and benchmarks (no real text, no network).

Each article has a headline, a ~2.6 KB body of sentences that mix English function words, a shared
newsroom vocabulary and the vocabulary of one of ``n_topics`` hidden topics (Zipf-distributed, so the
vocabulary looks like news: a long tail of rare words), 2-5 editorial tags and a publication date
(``published``, ISO 8601 with a zone offset, uniform over 2023-01-01 to 2025-12-31). The hidden topic is kept
in ``topic`` so quality can be checked. The dates come from a random stream of their own, so the titles,
bodies and tags of a seed are the same as before dates were added.

    from analysis.datasets import generate_articles, write_jsonl, write_tag_page
    articles = generate_articles(1000, seed=0)
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

__all__ = ["generate_articles", "write_jsonl", "write_jsonl_chunked", "write_tag_page"]

_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "ka",
    "ke",
    "ki",
    "ko",
    "ku",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "vo",
    "vu",
    "za",
    "ze",
    "zi",
    "zo",
    "zu",
    "bar",
    "ber",
    "bor",
    "dan",
    "den",
    "don",
    "kar",
    "ker",
    "kor",
    "lan",
    "len",
    "lon",
    "mar",
    "mer",
    "mor",
    "nan",
    "nen",
    "ran",
    "ren",
    "ron",
    "san",
    "sen",
    "son",
    "tan",
    "ten",
    "ton",
]
_STOP = sorted(ENGLISH_STOP_WORDS)
#: Publication dates are drawn uniformly from [_FIRST_DAY, _END), written in one of these UTC offsets (hours).
_FIRST_DAY = datetime(2023, 1, 1, tzinfo=UTC)
_END = datetime(2026, 1, 1, tzinfo=UTC)
_OFFSETS = (0, 1, 2, -5)
#: Mixed into the seed of the dates' own random stream (kept apart from the articles' stream).
_DATES_STREAM = 0x0DA7E5


def _words(rng: np.random.Generator, n: int, syllables: tuple[int, int] = (2, 4)) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        k = int(rng.integers(syllables[0], syllables[1] + 1))
        out.add("".join(rng.choice(_SYLLABLES, size=k)))
    return sorted(out)


def _zipf_probs(n: int, a: float = 1.1) -> np.ndarray:
    p = 1.0 / np.arange(1, n + 1) ** a
    return p / p.sum()


def generate_articles(
    n: int,
    *,
    seed: int = 0,
    n_topics: int = 20,
    words_per_article: int = 370,
) -> list[dict]:
    """Generate ``n`` articles as dicts with ``title``, ``body``, ``tags`` and ``topic`` (the hidden truth).

    Args:
        n: number of articles.
        seed: random seed; the same seed gives the same articles.
        n_topics: number of hidden topics.
        words_per_article: mean body length in words (~370 words is ~2.6 KB).

    Returns:
        A list of article dicts (``title``, ``body``, ``tags``, ``topic``, ``published``).
    """
    rng = np.random.default_rng(seed)
    vocab = _vocabulary(rng, n_topics)
    articles = _generate(rng, vocab, n, words_per_article=words_per_article)
    return _dated(articles, np.random.default_rng([seed, _DATES_STREAM]))


def _dated(articles: list[dict], rng: np.random.Generator) -> list[dict]:
    """Give each article a ``published`` date (ISO 8601 with its UTC offset), drawn from ``rng``."""
    span = int((_END - _FIRST_DAY).total_seconds())
    seconds = rng.integers(0, span, size=len(articles))
    offsets = rng.choice(_OFFSETS, size=len(articles))
    for article, second, hours in zip(articles, seconds, offsets, strict=True):
        zone = timezone(timedelta(hours=int(hours)))
        moment = (_FIRST_DAY + timedelta(seconds=int(second))).astimezone(zone)
        article["published"] = moment.isoformat()
    return articles


def _vocabulary(rng: np.random.Generator, n_topics: int) -> dict:
    return {
        "general": rng.permutation(_words(rng, 6000)),
        "topic_vocab": [rng.permutation(_words(rng, 400)) for _ in range(n_topics)],
        "topic_tags": [[w.capitalize() for w in _words(rng, 4, (2, 3))] for _ in range(n_topics)],
        "stop": rng.permutation(_STOP),
    }


def _generate(
    rng: np.random.Generator, vocab: dict, n: int, *, words_per_article: int, start: int = 0
) -> list[dict]:
    general, topic_vocab, topic_tags, stop = (
        vocab[k] for k in ("general", "topic_vocab", "topic_tags", "stop")
    )
    n_topics = len(topic_vocab)
    common_tags = ["Politics", "Defense", "Security", "Economy", "Europe", "Media"]
    topics = rng.integers(n_topics, size=n)
    lengths = np.maximum(
        60, rng.normal(words_per_article, words_per_article * 0.2, size=n).astype(int)
    )
    total = int(lengths.sum())
    kind = rng.choice(3, size=total, p=[0.42, 0.36, 0.22])
    owner = np.repeat(np.arange(n), lengths)
    words = np.empty(total, dtype=object)
    words[kind == 0] = stop[
        rng.choice(len(stop), size=int((kind == 0).sum()), p=_zipf_probs(len(stop), 0.8))
    ]
    words[kind == 1] = general[
        rng.choice(len(general), size=int((kind == 1).sum()), p=_zipf_probs(6000))
    ]
    topic_slots = np.flatnonzero(kind == 2)
    slot_topic = topics[owner[topic_slots]]
    ranks = rng.choice(400, size=len(topic_slots), p=_zipf_probs(400))
    vocab_matrix = np.array([list(v) for v in topic_vocab], dtype=object)
    words[topic_slots] = vocab_matrix[slot_topic, ranks]
    cuts = np.cumsum(lengths)[:-1]

    articles = []
    for i, chunk in enumerate(np.split(words, cuts)):
        topic = int(topics[i])
        bounds = np.cumsum(rng.integers(12, 26, size=len(chunk) // 12 + 1))
        sentences = [" ".join(s) for s in np.split(chunk, bounds[bounds < len(chunk)]) if len(s)]
        body = " ".join(s[0].upper() + s[1:] + "." for s in sentences)
        title_words = [
            *rng.choice(topic_vocab[topic][:60], size=3),
            *rng.choice(general[:300], size=4),
        ]
        title = " ".join(str(w) for w in title_words).capitalize() + f" {start + i}"
        picked = [
            *rng.choice(topic_tags[topic], size=int(rng.integers(1, 4))),
            *rng.choice(common_tags, size=int(rng.integers(1, 3))),
        ]
        tags = list(dict.fromkeys(str(t) for t in picked))
        articles.append({"title": title, "body": body, "tags": tags, "topic": topic})
    return articles


def write_tag_page(path: Path, articles: list[dict], *, page: str = "Generated") -> Path:
    """Write articles in the tag-page text format: header, blank line, headline / body / tag lines."""
    with Path(path).open("w", encoding="utf-8") as fh:
        fh.write(f"Tag - {page}\n\n")
        for a in articles:
            fh.write(a["title"] + "\n" + a["body"] + "\n")
            fh.writelines(tag + "\n" for tag in a["tags"])
    return Path(path)


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    """Write articles as JSON Lines (``title``, ``body``, ``tags`` as a list, ``topic``, ``published``)."""
    with Path(path).open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    return Path(path)


def write_jsonl_chunked(
    path: Path,
    n: int,
    *,
    seed: int = 0,
    n_topics: int = 20,
    words_per_article: int = 370,
    chunk: int = 50_000,
) -> Path:
    """Write ``n`` generated articles as JSON Lines in chunks, so that memory stays bounded at any ``n``.

    One vocabulary (from ``seed``) is shared by every chunk; each chunk draws its articles from its own
    random stream (``seed``, chunk number) and their dates from another (``seed``, chunk number, a constant),
    so the same arguments give the same file.
    """
    vocab = _vocabulary(np.random.default_rng(seed), n_topics)
    with Path(path).open("w", encoding="utf-8") as fh:
        for number, start in enumerate(range(0, n, chunk)):
            rng = np.random.default_rng([seed, number])
            part = _generate(
                rng, vocab, min(chunk, n - start), words_per_article=words_per_article, start=start
            )
            _dated(part, np.random.default_rng([seed, number, _DATES_STREAM]))
            fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in part)
    return Path(path)
