"""k chosen at the edge of the range tried: the range grows, or the notes and chart say why it cannot."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

from analysis.plots.topics import plot_k_selection
from analysis.topics import fit_topics
from analysis.topics.kselect import candidate_grid

WORDS = [
    "harbour ferry tide mooring quay anchor",
    "orchard apple cider blossom pruning harvest",
    "violin concerto orchestra conductor symphony cello",
    "glacier moraine crevasse icefield meltwater avalanche",
    "telescope nebula galaxy quasar observatory comet",
    "bakery sourdough croissant oven flour yeast",
    "chess gambit endgame grandmaster checkmate opening",
    "volcano magma eruption lava caldera ash",
    "railway locomotive signal timetable sleeper carriage",
    "beekeeper hive honey pollen swarm queen",
    "marathon runner stride pacing finish medal",
    "pottery kiln glaze clay wheel ceramic",
    "sailing regatta dinghy spinnaker helm keel",
    "falconry hawk falcon falconer lure mews",
    "cartography atlas compass survey meridian contour",
]


def _corpus(topics: int, per_topic: int) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(7)
    rows, truth = [], []
    for t in range(topics):
        vocab = WORDS[t].split()
        for i in range(per_topic):
            words = rng.choice(vocab, size=5, replace=False).tolist()
            rows.append({"id": f"t{t}-{i}", "title": " ".join(words[:2]), "body": " ".join(words)})
            truth.append(t)
    corpus = pd.DataFrame(rows).assign(tags=[[] for _ in rows], source="test")
    return corpus, np.array(truth)


def test_best_k_at_the_top_grows_the_range() -> None:
    corpus, truth = _corpus(15, 4)  # 60 articles: default range 2..12, limit 30
    model = fit_topics(corpus, random_state=0)
    assert model.k_scores["k"].max() > 12  # the range was widened
    assert model.k > 12
    assert adjusted_rand_score(truth, model.labels) > 0.8
    assert any("widened from 2-12" in note for note in model.notes)


def test_best_k_at_the_top_that_cannot_grow_is_explained() -> None:
    corpus, _ = _corpus(5, 2)  # 10 articles: at most 5 clusters are tried
    model = fit_topics(corpus, random_state=0)
    assert model.k == 5 == model.k_scores["k"].max()
    note = next(n for n in model.notes if "largest number of clusters tried" in n)
    assert "cannot grow further" in note and "k=..." in note
    fig = plot_k_selection(model)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any("the largest tried" in t for t in texts)


def test_user_k_range_is_respected_and_the_edge_explained() -> None:
    corpus, _ = _corpus(6, 4)
    model = fit_topics(corpus, random_state=0, k_range=(4, 5))
    assert model.k_scores["k"].tolist() == [4, 5]
    assert any(
        "largest number of clusters tried (4 to 5)" in n and "k_range" in n for n in model.notes
    )


def test_interior_k_has_no_edge_note() -> None:
    corpus, truth = _corpus(4, 6)
    model = fit_topics(corpus, random_state=0)
    assert model.k == 4
    assert adjusted_rand_score(truth, model.labels) == 1.0
    assert not any("clusters tried" in n for n in model.notes)


def test_candidate_grid_is_coarse_above_eight() -> None:
    assert candidate_grid(2, 12) == [2, 3, 4, 5, 6, 7, 8, 10, 12]
    assert candidate_grid(13, 18) == [14, 16, 18]
    assert candidate_grid(13, 15) == [14, 15]
    assert candidate_grid(4, 5) == [4, 5]


def test_coarse_to_fine_scores_both_neighbours_of_the_chosen_k() -> None:
    corpus, truth = _corpus(13, 4)  # 13 topics: off the coarse grid (2..8, 10, 12, then 14, 16, 18)
    model = fit_topics(corpus, random_state=0)
    tried = set(model.k_scores["k"].tolist())
    assert model.k == 13 and {12, 13, 14} <= tried
    assert not {9, 17} & tried  # coarse above 8: not every k was scored
    assert adjusted_rand_score(truth, model.labels) > 0.8
