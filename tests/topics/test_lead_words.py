"""Which text the topic fit and the group comparison read by default (``max_words="auto"``): whole bodies
while every article can be in the fit (up to SAMPLE_SIZE articles), the lead beyond, decided once
(:func:`analysis.config.lead_words`) for both."""

import pandas as pd
import pytest

from analysis.compare.groups import count_terms
from analysis.config import LARGE_CORPUS, LEAD_WORDS, SAMPLE_SIZE
from analysis.topics.options import resolve_options

DEFAULTS = {
    "n_runs": None,
    "n_init": 10,
    "n_components": 100,
    "refine_rounds": 10,
    "n_terms": 10,
    "title_weight": "auto",
    "max_words": "auto",
    "min_df": None,
    "k_range": None,
}


def _corpus(n: int) -> pd.DataFrame:
    body = " ".join(f"term{j % 40}" for j in range(LEAD_WORDS + 20))
    return pd.DataFrame({"title": ["A headline"] * n, "body": [body] * n})


@pytest.mark.parametrize(
    ("n", "read"), [(LARGE_CORPUS + 1, None), (SAMPLE_SIZE, None), (SAMPLE_SIZE + 1, LEAD_WORDS)]
)
def test_topic_fit_reads_whole_bodies_while_every_article_is_in_the_fit(n, read):
    assert resolve_options(_corpus(n), None, **DEFAULTS).max_words == read


@pytest.mark.parametrize(
    ("n", "used"),
    [
        (SAMPLE_SIZE, "headline + whole body"),
        (SAMPLE_SIZE + 1, f"headline + first {LEAD_WORDS} words"),
    ],
)
def test_group_comparison_makes_the_same_choice(n, used):
    assert count_terms(_corpus(n)).settings["text_used"].startswith(used)
