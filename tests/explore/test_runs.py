"""Last run's topics next to this run's, from a saved model."""

from __future__ import annotations

from analysis import load_model
from analysis.explore import baseline_view, runs_browser, topics_compared
from analysis.topics import fit_topics
from tests.conftest import FARM, NAVY, SPACE, make_corpus, theme_rows


def _rows(text: str, n: int, tag: str) -> list[dict]:
    return theme_rows(text, n, tag, tagged=False)


def test_last_runs_topics_beside_this_runs(tmp_path):
    before = make_corpus(_rows(NAVY, 8, "navy") + _rows(FARM, 6, "farm"))
    fit_topics(before, k=2, random_state=0).save(tmp_path / "last.npz")
    baseline = load_model(tmp_path / "last.npz")
    after = make_corpus(_rows(NAVY, 8, "navy") + _rows(SPACE, 10, "space"))
    model = fit_topics(after, k=2, random_state=0, baseline=baseline)
    table = topics_compared(model, baseline)
    assert table["status"].tolist() == ["persists", "faded", "new"]
    assert table["number"].tolist() == [1, 2, 3] and table["articles now"].tolist()[1] == 0
    view_corpus, view = baseline_view(after, baseline)
    assert list(view_corpus["id"]) == [f"navy{i}" for i in range(8)]
    assert view.n_articles == 8 and set(view.numbers[view.labels]) == {1}
    browser = runs_browser(after, model, baseline)
    assert "faded" in browser.parts["table"].value
    assert browser.parts["then"].parts["cluster"].options[0][0].startswith("1: ")
