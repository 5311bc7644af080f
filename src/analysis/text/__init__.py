"""News-aware tokenising and TF-IDF vectorising of a corpus.

News text has habits that a generic tokenizer turns into noise: curly apostrophes (``won’t``,
``Europe’s``) split into fragments such as ``won``, ``t`` and ``s``; abbreviations with dots (``U.S.``,
``U.K.``) split into single letters; datelines (``LONDON —``) and credit lines (``... contributed reporting
from London.``) repeat in every article; reporting verbs (``said``, ``told``, ``according``) say nothing about
the topic; and some ideas are phrases (``coalition of the willing``, ``prime minister``). This module cleans
and tokenizes such text (:func:`clean_text`, :func:`tokenize`), finds frequent multiword expressions
(:func:`find_phrases`) and builds a TF-IDF matrix with scikit-learn (:func:`vectorize`), with options whose
defaults adapt to the size of the corpus.

    from analysis.text import tokenize
    tokenize("LONDON — Europe’s leaders said the U.S. won’t join.")
    # ['europe', 'leaders', 'u.s.', 'join']
"""

from __future__ import annotations

from analysis.text.counting import count_known_terms
from analysis.text.phrases import NewsAnalyzer, find_phrases, tokenize
from analysis.text.tokens import NEWS_STOP_WORDS, REPORTING_WORDS, clean_text
from analysis.text.vectorize import (
    DocumentTexts,
    TextVectors,
    document_texts,
    pruned_counts,
    transform_texts,
    vectorize,
)

__all__ = [
    "NEWS_STOP_WORDS",
    "REPORTING_WORDS",
    "DocumentTexts",
    "NewsAnalyzer",
    "TextVectors",
    "clean_text",
    "count_known_terms",
    "document_texts",
    "find_phrases",
    "pruned_counts",
    "tokenize",
    "transform_texts",
    "vectorize",
]
