"""Saved state: the model comes back as saved, the bytes are stable, and nothing in a state file runs code."""

from __future__ import annotations

import io
import pickle
import zipfile

import numpy as np
import pytest

from analysis import StateError, load_model, load_state
from analysis.report.state import save_state
from analysis.state import STATE_VERSION, write_state_file
from analysis.topics import fit_topics
from tests.conftest import FARM, NAVY, SPACE, make_corpus, theme_rows


@pytest.fixture(scope="module")
def small_model():
    corpus = make_corpus(theme_rows(NAVY, 8, "navy") + theme_rows(FARM, 8, "farm"))
    return corpus, fit_topics(corpus, k=2, random_state=0)


def test_model_round_trip_and_same_bytes(tmp_path, small_model):
    corpus, model = small_model
    model.save(tmp_path / "a.npz")
    model.save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    back = load_model(tmp_path / "a.npz")
    assert np.array_equal(back.labels, model.labels) and back.k == model.k
    assert list(back.clusters["label"]) == list(model.clusters["label"])
    assert list(back.numbers) == list(model.numbers) == [1, 2]
    assert list(back.ids) == list(corpus["id"])
    assert np.allclose(back.space.centroids, model.space.centroids)
    assert back.clusters["terms"].iloc[0] == model.clusters["terms"].iloc[0]
    # The loaded model places articles exactly as the fitted one.
    assert back.assign(corpus)["topic"].tolist() == model.assign(corpus)["topic"].tolist()


def test_assign_puts_known_articles_in_their_topic_and_says_when_none_fits(small_model):
    corpus, model = small_model
    placed = model.assign(corpus)
    assert (placed["nearest"].to_numpy() == model.numbers[model.labels]).all()
    other = model.assign(make_corpus(theme_rows(SPACE, 4, "space")))
    assert not other["fits"].any() and other["topic"].isna().all()


class _Payload:
    def __reduce__(self):
        import pathlib

        return (pathlib.Path.touch, (pathlib.Path(_Payload.marker),))


def test_a_pickle_payload_is_refused_and_never_runs(tmp_path):
    _Payload.marker = str(tmp_path / "ran")
    crafted = tmp_path / "crafted.npz"
    np.savez(crafted, labels=np.array([_Payload()], dtype=object))  # an object array: pickle inside
    with pytest.raises(StateError, match=r"crafted.npz"):
        load_model(crafted)
    raw = tmp_path / "raw.state.npz"
    raw.write_bytes(pickle.dumps(_Payload()))
    with pytest.raises(StateError, match=r"raw.state.npz"):
        load_state(raw)
    # A state file whose entries are all well formed but one holds an object array: refused too.
    good = tmp_path / "good.npz"
    write_state_file(good, {"labels": np.arange(3)}, {"model": {}})
    with zipfile.ZipFile(good) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.array([_Payload()], dtype=object), allow_pickle=True)
    entries["labels.npy"] = buffer.getvalue()
    with zipfile.ZipFile(good, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    with pytest.raises(StateError, match=r"good.npz"):
        load_model(good)
    assert not (tmp_path / "ran").exists()


def test_truncated_tampered_foreign_and_other_version_states_stop_with_their_name(
    tmp_path, small_model
):
    _corpus, model = small_model
    path = save_state(
        tmp_path / "r.state.npz", model, counts={"tags": {"navy": 8}}, report={"report": "r.html"}
    )
    data = path.read_bytes()
    truncated = tmp_path / "truncated.state.npz"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(StateError, match=r"truncated.state.npz.*rebuild"):
        load_state(truncated)
    tampered = tmp_path / "tampered.state.npz"
    with zipfile.ZipFile(path) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    buffer = io.BytesIO()
    np.save(buffer, np.zeros_like(model.labels))
    entries["labels.npy"] = buffer.getvalue()
    with zipfile.ZipFile(tampered, "w") as zf:
        for name, blob in entries.items():
            zf.writestr(name, blob)
    with pytest.raises(StateError, match=r"tampered.state.npz.*checksum"):
        load_state(tampered)
    foreign = tmp_path / "foreign.npz"
    np.savez(foreign, labels=np.arange(3))
    with pytest.raises(StateError, match=r"foreign.npz.*not a report state"):
        load_model(foreign)
    old = tmp_path / "old.state.npz"
    write_state_file(old, {}, {"version": STATE_VERSION + 1, "model": {}})
    with pytest.raises(StateError, match=rf"old.state.npz.*version {STATE_VERSION + 1}.*rebuild"):
        load_state(old)
    with pytest.raises(StateError, match=r"missing.state.npz"):
        load_state(tmp_path / "missing.html")
    assert load_state(tmp_path / "r.html").counts == {"tags": {"navy": 8}}
