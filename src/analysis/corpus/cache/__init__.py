"""Parse once, read many times: the parsed corpus as Parquet under ``build/``, keyed by the inputs' content.

The cache parses exactly as :func:`analysis.corpus.load_corpus` does (it calls the loader's own parsers), a
chunk at a time, so a large archive is parsed in bounded memory and read back a few columns or a part at a time.

- :mod:`analysis.corpus.cache.store`: the cache on disk (:class:`CorpusCache`), its key and how it is read.
- :mod:`analysis.corpus.cache.build`: :func:`cache_corpus`, parsing the inputs into a new cache (or finding it).
- :mod:`analysis.corpus.cache.chunks`: what is parsed at once (a file, or a piece of a large JSONL file, on
  worker processes).
- :mod:`analysis.corpus.cache.published`: publication dates kept by row while a cache is built.

    from analysis.corpus.cache import cache_corpus
    cache = cache_corpus("archive/")            # parses once; later calls find the cache
    corpus = cache.read()                       # the same DataFrame load_corpus("archive/") returns
"""

from __future__ import annotations

from analysis.corpus.cache.build import cache_corpus, load_cached_corpus
from analysis.corpus.cache.store import CACHE_DIR, PUBLISHED_FILE, CorpusCache, open_cache

__all__ = [
    "CACHE_DIR",
    "PUBLISHED_FILE",
    "CorpusCache",
    "cache_corpus",
    "load_cached_corpus",
    "open_cache",
]
