"""State files: what a report (or a topic model) keeps for a later run, in a form that runs no code when read
(NumPy arrays and one JSON document in a zip, checked by a SHA-256 of its content; never pickle).

- :mod:`analysis.state.store`: writing and checking the file (this package imports nothing else of ours).
- :mod:`analysis.topics.persist`: a topic model in it (``model.save(path)``, ``analysis.load_model(path)``).
- :mod:`analysis.report.state`: a report's state, saved beside the report (``analysis.load_state(report)``).
"""

from analysis.state.store import (
    REBUILD,
    STATE_FORMAT,
    STATE_VERSION,
    file_sha256,
    read_state_file,
    state_path,
    write_state_file,
)

__all__ = [
    "REBUILD",
    "STATE_FORMAT",
    "STATE_VERSION",
    "file_sha256",
    "read_state_file",
    "state_path",
    "write_state_file",
]
