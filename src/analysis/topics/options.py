"""One home for the checks of fit_topics' input and options, and their resolved values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from analysis.config import LARGE_CORPUS, lead_words
from analysis.corpus.base import check_corpus_columns
from analysis.errors import ParameterError
from analysis.text.vectorize import check_max_words, check_title_weight
from analysis.topics.model import ENSEMBLE_RUNS, LARGE_ENSEMBLE_RUNS
from analysis.wording import plural

#: Up to LARGE_CORPUS articles fit_topics keeps the terms found in 2 or more articles: a term of one
#: article cannot link it to another, it only dilutes that article's vector; and on short texts (a
#: headline and a sentence) few terms reach the vectoriser's default of 5 articles.
CLUSTER_MIN_DF = 2


def check_corpus(corpus: object) -> None:
    """Raise a clear :class:`ParameterError` unless ``corpus`` is a non-empty DataFrame with ``body``."""
    check_corpus_columns(corpus, [])  # a DataFrame at all
    if len(corpus) == 0:
        raise ParameterError("The corpus is empty: there are no articles to cluster.")
    check_corpus_columns(corpus, ["body"])


def check_k(k: object, n: int) -> None:
    """Raise a clear :class:`ParameterError` unless ``k`` is None or a whole number in 1..n-1."""
    if k is None:
        return
    if isinstance(k, bool) or not isinstance(k, int | np.integer):
        raise ParameterError(f"k must be a whole number or None, got {k!r} ({type(k).__name__}).")
    valid = "k = 1" if n <= 2 else f"1 <= k <= {n - 1}"
    if k < 1 or (n > 1 and k >= n):
        raise ParameterError(
            f"k={k} is out of range for {plural(n, 'article')}: valid values are {valid} "
            "(fewer clusters than articles), or k=None to choose k from the data."
        )


def check_k_range(k_range: tuple[int, int] | None) -> None:
    if k_range is not None and (len(k_range) != 2 or k_range[0] < 1 or k_range[1] < k_range[0]):
        raise ParameterError(f"k_range must be (low, high) with 1 <= low <= high, got {k_range}.")


@dataclass(frozen=True)
class FitOptions:
    """fit_topics' options after checking, with "auto" and None defaults resolved for this corpus.

    Attributes:
        n_runs: k-means runs (one k-means++ start each) in the ensemble; default 50 up to 10,000
            articles, 5 beyond. ``stability`` is the agreement of the consensus of the odd and of the
            even runs (from 10 runs and up to 10,000 articles), else the runs' mean pairwise agreement.
        n_init: k-means starts of the consensus step (the best inertia is kept).
        n_components: LSA dimensions (corpora of 200 articles or more).
        refine_rounds: at most this many rounds of naive-Bayes refinement of the consensus (0: none).
        n_terms: distinctive terms kept per cluster.
        title_weight: the headline counts this many times in an article's terms; ``"auto"`` (default):
            1 to 3 times, growing with the body's length (see :class:`analysis.text.DocumentTexts`).
        max_words: vectorise each article's headline plus only the first ``max_words`` words of its body;
            None uses the whole body; ``"auto"`` (fit_topics' default) uses the whole body up to 20,000
            articles and the first :data:`~analysis.config.LEAD_WORDS` words beyond (a note says so;
            :func:`analysis.config.lead_words`).
        min_df: drop terms in fewer articles; default 2 from 50 up to 10,000 articles, otherwise the
            vectoriser's default (:func:`analysis.text.vectorize`).
        min_df_given: whether ``min_df`` was given (not defaulted).
        k_range: smallest and largest k tried first when ``k=None``; default 2 to min(12, articles // 2).
    """

    n_runs: int
    n_init: int
    n_components: int
    refine_rounds: int
    n_terms: int
    title_weight: int | Literal["auto"]
    max_words: int | None
    min_df: float | None
    min_df_given: bool
    k_range: tuple[int, int] | None


def resolve_options(corpus: pd.DataFrame, k: object, **options: object) -> FitOptions:
    """Check the corpus and every option of :func:`analysis.topics.fit_topics`; resolve the defaults.

    Raises:
        ParameterError: naming the option, the value given and what is allowed.
    """
    check_corpus(corpus)
    n = len(corpus)
    check_k(k, n)
    n_runs = options["n_runs"]
    if n_runs is None:
        n_runs = ENSEMBLE_RUNS if n <= LARGE_CORPUS else LARGE_ENSEMBLE_RUNS
    counts = {"n_runs": n_runs, "n_init": options["n_init"], "n_terms": options["n_terms"]}
    for name, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ParameterError(f"{name} must be a whole number >= 1, got {value!r}.")
    if options["n_components"] < 2 or options["refine_rounds"] < 0:
        raise ParameterError(
            "n_components must be >= 2 and refine_rounds >= 0 (got n_components="
            f"{options['n_components']}, refine_rounds={options['refine_rounds']})."
        )
    check_title_weight(options["title_weight"])
    check_max_words(options["max_words"], auto=True)
    check_k_range(options["k_range"])
    max_words = options["max_words"]
    if max_words == "auto":
        max_words = lead_words(n)
    min_df = options["min_df"]
    if min_df is None and 3 <= n <= LARGE_CORPUS:
        min_df = CLUSTER_MIN_DF
    return FitOptions(
        n_runs=n_runs,
        n_init=options["n_init"],
        n_components=options["n_components"],
        refine_rounds=options["refine_rounds"],
        n_terms=options["n_terms"],
        title_weight=options["title_weight"],
        max_words=max_words,
        min_df=min_df,
        min_df_given=options["min_df"] is not None,
        k_range=options["k_range"],
    )
