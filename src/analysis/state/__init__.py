"""Saved state: what a report (or a topic model) keeps for a later run to compare with, in files that run
no code when read (NumPy arrays and JSON in a zip; never pickle).

    model.save("topics.npz")                 # a TopicModel
    model = analysis.load_model("topics.npz")
    state = load_state("reports/uk-defense.html")   # the state saved beside a report
"""

from analysis.state.model import (
    ReportState,
    load_model,
    load_state,
    save_model,
    save_state,
    state_path,
)
from analysis.state.store import STATE_FORMAT, STATE_VERSION

__all__ = [
    "STATE_FORMAT",
    "STATE_VERSION",
    "ReportState",
    "load_model",
    "load_state",
    "save_model",
    "save_state",
    "state_path",
]
