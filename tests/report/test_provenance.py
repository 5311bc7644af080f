"""The provenance block: inputs named as shared (never this machine's folders), hashes, time, parameters."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.report.provenance import (
    collect_provenance,
    input_files,
    made_at,
    provenance_html,
)

PAGE = "Tag - Test page\n\nA headline about ships\nThe navy ordered new ships on Monday.\nDefense\n"


def test_made_at_honours_source_date_epoch():
    assert made_at("0") == "1970-01-01 00:00:00 UTC"
    assert made_at("1795574161") == "2026-11-25 02:36:01 UTC"
    assert made_at(None).endswith(" UTC")
    for bad in ("yesterday", "-5", "1.5"):
        with pytest.raises(ParameterError, match="SOURCE_DATE_EPOCH"):
            made_at(bad)


def test_inputs_are_named_inside_the_folder_given_with_size_and_hash(tmp_path):
    folder = tmp_path / "archive"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "jan.txt").write_text(PAGE, encoding="utf-8")
    (folder / "feb.txt").write_text(PAGE + "\n", encoding="utf-8")
    single = tmp_path / "elsewhere" / "one.txt"
    single.parent.mkdir()
    single.write_text(PAGE, encoding="utf-8")
    rows = input_files([folder, single])
    assert [r["path"] for r in rows] == ["archive/2025/jan.txt", "archive/feb.txt", "one.txt"]
    feb = (folder / "feb.txt").read_bytes()
    assert rows[1]["bytes"] == len(feb)
    assert rows[1]["sha256"] == hashlib.sha256(feb).hexdigest()
    made = collect_provenance(
        [folder, single],
        parameters={"k": None, "lenient": False},
        engine="pandas",
        source_date_epoch="0",
    )
    assert str(tmp_path) not in repr(made)  # no local folder reaches a shared report
    assert made["parameters"] == {"k": "not set", "lenient": "no"}
    assert made["versions"]["analysis"] and made["versions"]["pandas"] == pd.__version__


def test_provenance_block_escapes_names_and_says_what_was_read(tmp_path):
    made = {
        "inputs": [{"path": "<script>x.txt", "bytes": 10, "sha256": "ab"}],
        "parameters": {"k": "not set"},
        "engine": "pandas",
        "versions": {"python": "3"},
        "baseline": {
            "report": "<b>old.html",
            "made": "then",
            "articles": 3,
            "state": "s",
            "state_sha256": "cd",
        },
        "made": "1970-01-01 00:00:00 UTC",
    }
    corpus = pd.DataFrame({"id": ["a", "b"]})
    html = provenance_html(corpus, made, skipped=["x.txt:3: no body"])
    assert "<script" not in html and "&lt;script&gt;x.txt" in html and "&lt;b&gt;old.html" in html
    assert "2 articles read from 1 file (10 bytes); 1 block skipped" in html
    assert "1970-01-01 00:00:00 UTC" in html


def test_seed_report_ends_with_its_provenance(seed_report, seed_file):
    digest = hashlib.sha256(seed_file.read_bytes()).hexdigest()
    tail = seed_report[seed_report.index('id="provenance"') :]
    assert f"seeds/{seed_file.name}" in tail and digest in tail
    assert "9 articles read from 1 file " in tail
    assert "No baseline" in tail
