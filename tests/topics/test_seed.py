"""Topics seeded from a baseline (fit_topics(..., baseline=) with k chosen from the data): the baseline's
articles keep their topics, new articles join the nearest or form new topics where none explains them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.topics import fit_topics
from tests.conftest import FARM, NAVY, SPACE, make_corpus, theme_rows

ARMY = "The army sent tanks and infantry soldiers to the barracks for drills military defence"


def _numbers_by_id(corpus: pd.DataFrame, model) -> pd.Series:
    return pd.Series(model.numbers[model.labels], index=corpus["id"].to_numpy())


def _rows(*themes: tuple[str, int, str]) -> list[dict]:
    return [r for t in themes for r in theme_rows(*t)]


def test_old_articles_keep_their_topics_new_theme_is_new_and_more_of_an_old_one_joins_it():
    before = make_corpus(_rows((NAVY, 10, "navy"), (FARM, 9, "farm"), (ARMY, 8, "army")))
    base = fit_topics(before, random_state=0)
    assert base.k >= 2
    more_navy = [{**r, "id": f"more{r['id']}"} for r in theme_rows(NAVY, 3, "navy")]
    after = make_corpus(
        _rows((NAVY, 10, "navy"), (FARM, 9, "farm"), (ARMY, 8, "army"), (SPACE, 12, "space"))
        + more_navy
    )
    model = fit_topics(after, random_state=0, baseline=base)
    was, now = _numbers_by_id(before, base), _numbers_by_id(after, model)
    assert (now[was.index] == was).all()
    space = now[[f"space{i}" for i in range(12)]]
    assert space.nunique() == 1 and space.iloc[0] not in set(base.numbers)
    assert model.clusters.set_index("number").loc[space.iloc[0], "new"]
    assert set(now[[f"morenavy{i}" for i in range(3)]]) == {was["navy0"]}
    assert not model.clusters["new"].to_numpy()[model.labels][after["id"].isin(was.index)].any()
    assert "Topics seeded from the baseline" in " ".join(model.notes)
    # Same inputs and baseline: the same model; rows in another order: the same numbers by id.
    again = fit_topics(after, random_state=0, baseline=base)
    assert np.array_equal(again.labels, model.labels) and again.clusters.equals(model.clusters)
    shuffled = after.sample(frac=1.0, random_state=3)
    other = _numbers_by_id(shuffled, fit_topics(shuffled, random_state=0, baseline=base))
    assert (other[now.index] == now).all()


def test_a_corpus_the_baseline_had_in_full_gives_back_its_topics_and_nothing_new():
    corpus = make_corpus(_rows((NAVY, 10, "navy"), (FARM, 9, "farm"), (SPACE, 8, "space")))
    base = fit_topics(corpus, random_state=0)
    model = fit_topics(corpus, random_state=0, baseline=base)
    assert (_numbers_by_id(corpus, model) == _numbers_by_id(corpus, base)).all()
    assert list(model.clusters["label"]) == list(base.clusters["label"])
    assert not model.clusters["new"].any() and model.faded.empty
    assert "no article is new" in " ".join(model.notes)
