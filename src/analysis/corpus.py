"""Loading tag-page dumps and article exports into one clean corpus (being written: see issue 2)."""

from __future__ import annotations

import pandas as pd

from analysis.errors import CorpusError

__all__ = ["CorpusError", "load_corpus"]


def load_corpus(*paths, lenient: bool = False) -> pd.DataFrame:  # placeholder until issue 2 lands
    raise NotImplementedError
