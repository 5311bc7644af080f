"""A large archive's --since: the last report's topics carried over, its new articles placed in them."""

from __future__ import annotations

import numpy as np
import pytest

from analysis import load_model
from analysis.errors import ParameterError
from analysis.topics import fit_topics
from analysis.topics.extend import extend_topics
from tests.conftest import FARM, NAVY, SPACE, make_corpus
from tests.conftest import theme_rows as _rows


def test_articles_keep_their_topics_and_new_ones_go_to_the_nearest(tmp_path):
    before = make_corpus(_rows(NAVY, 8, "navy") + _rows(FARM, 6, "farm"))
    fit_topics(before, k=2, random_state=0).save(tmp_path / "base.npz")
    base = load_model(tmp_path / "base.npz")
    # The corpus now: a farm article gone, two navy and one space article added, rows shuffled.
    added = make_corpus(
        [
            {"id": "new-navy-1", "title": "Frigates for the fleet", "body": NAVY},
            {"id": "new-navy-2", "title": "Submarines ordered", "body": f"{NAVY}. Shipyard."},
            {"id": "new-space", "title": "Rocket launch", "body": SPACE},
        ]
    )
    old = before[before["id"] != "farm0"]
    ids = np.array([*added["id"][:2], *old["id"][::-1], added["id"].iloc[2]])
    model = extend_topics(base, ids, added)
    assert model.k == base.k and model.n_articles == len(ids) == len(model.labels)
    number = dict(zip(ids, model.numbers[model.labels], strict=True))
    was = dict(zip(base.ids, base.numbers[base.labels], strict=True))
    assert all(number[i] == was[i] for i in old["id"])
    navy = was["navy0"]
    assert number["new-navy-1"] == number["new-navy-2"] == navy
    assert model.clusters["size"].sum() == len(ids)
    assert list(model.clusters["label"]) == list(base.clusters["label"])
    assert not model.clusters["new"].any() and model.faded.empty
    for reps in model.clusters["representatives"]:  # rows of this corpus, never the gone article
        assert all(0 <= r < len(ids) and ids[r] != "farm0" for r in reps)
    assert "1 of them fit none of the topics well" in model.notes[-1]
    assert model.positions.shape == (len(ids), 2) and np.isfinite(model.positions).all()


def test_new_articles_must_be_the_corpus_new_rows(tmp_path):
    before = make_corpus(_rows(NAVY, 8, "navy") + _rows(FARM, 6, "farm"))
    base = fit_topics(before, k=2, random_state=0)
    with pytest.raises(ParameterError, match="1 new articles were given but 0"):
        extend_topics(base, before["id"].to_numpy(), before.iloc[:1])


def test_a_large_archive_since_the_last_report_carries_its_topics_over(bbc_path, tmp_path):
    """report_data beyond the sample size (200 here): the first run fits on a sample; the run with one
    more file and the first's model as baseline fits nothing and keeps every topic."""
    import json

    from analysis.corpus.cache import cache_corpus
    from analysis.report import data

    records = [json.loads(line) for line in bbc_path.read_text(encoding="utf-8").splitlines()]
    archive = tmp_path / "archive"
    archive.mkdir()
    old = [r for r in records if r["category"] != "sport"][:300]
    (archive / "day-1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in old), "utf-8")
    sizes = {"sample_size": 200}

    def cached() -> str:
        return str(cache_corpus(archive, cache_dir=tmp_path / "cache").path)

    first = data.report_data([archive], cache=cached(), k=4, random_state=0, sizes=sizes)
    base = first.model
    assert "body" not in first.corpus.columns and not base.settings.get(data.CARRIED_OVER)
    base.save(tmp_path / "base.npz")
    sport = [r for r in records if r["category"] == "sport"][:40]
    (archive / "day-2.jsonl").write_text("".join(json.dumps(r) + "\n" for r in sport), "utf-8")
    again = data.report_data(
        [archive],
        cache=cached(),
        k=4,
        random_state=0,
        sizes=sizes,
        baseline=load_model(tmp_path / "base.npz"),
    )
    corpus, model = again.corpus, again.model
    added = len(
        set(corpus["id"]) - set(first.corpus["id"])
    )  # BBC repeats an article or two: merged
    assert model.settings[data.CARRIED_OVER] and added >= len(sport) - 2
    assert list(model.numbers) == list(base.numbers) and not model.clusters["new"].any()
    now = dict(zip(model.ids, model.numbers[model.labels], strict=True))
    assert all(now[i] == n for i, n in zip(base.ids, base.numbers[base.labels], strict=True))
    assert f"each of the {added} new articles" in model.notes[-1]
