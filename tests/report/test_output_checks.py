"""The report command checks its options and its output before any work (that no report names a local path
is checked in test_report.py).

Each refusal exits 2 with ``error: `` and the reason, before "Loading ..." (nothing was read or run), and
leaves no file behind.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.config import PROJECT_ROOT, SEEDS_DIR

PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def report(*args: str | Path, own_permissions: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "report", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
        timeout=600,
        preexec_fn=_enforce_permissions if own_permissions else None,
    )


def _enforce_permissions() -> None:
    """As root, drop the capabilities that bypass file permissions (see tests/corpus/test_load_messages)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def refused_before_any_work(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.startswith("error: "), result.stderr  # not even "Loading ..." came first
    assert "Traceback" not in result.stderr
    for piece in expected:
        assert piece in result.stderr, (piece, result.stderr)


def test_output_that_is_an_input_is_refused(tmp_path):
    page = tmp_path / "page.html"
    original = (SEEDS_DIR / "000_540ffb8b86120463.txt").read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    refused_before_any_work(report(page, "-o", page), "is one of the inputs")
    assert page.read_text(encoding="utf-8") == original


def test_output_inside_an_input_folder_is_refused(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        (SEEDS_DIR / "000_540ffb8b86120463.txt").read_text(encoding="utf-8")
    )
    refused_before_any_work(
        report(folder, "-o", folder / "out" / "r.html"), "is inside the input folder"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]


@pytest.mark.parametrize(
    ("where", "reason"),
    [("file", "is a file, not a folder"), ("/sys/kernel/r.html", "cannot be written")],
)
def test_output_that_cannot_be_written_is_refused_first(tmp_path, where, reason):
    if where == "file":
        (tmp_path / "plain.txt").write_text("x")
        where = tmp_path / "plain.txt" / "r.html"
    refused_before_any_work(report(SEEDS_DIR, "-o", where), reason)


def test_read_only_folder_with_this_process_permissions(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = report(SEEDS_DIR, "-o", folder / "r.html", own_permissions=True)
        if result.returncode == 0:
            pytest.skip("file permissions cannot be enforced here")
        refused_before_any_work(result, "cannot be written (Permission denied)")
        assert not list(folder.iterdir())
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    ("option", "piece"),
    [
        (["--random-state", "-1"], "--random-state must be a whole number from 0 to 4,294,967,295"),
        (["--random-state", str(2**32)], "--random-state must be a whole number from 0"),
        (["--k", "0"], "--k must be a whole number of at least 1"),
    ],
)
def test_options_are_checked_before_any_work(tmp_path, option, piece):
    refused_before_any_work(report(SEEDS_DIR, "-o", tmp_path / "r.html", *option), piece)
    assert not (tmp_path / "r.html").exists()


def test_a_url_input_is_named_not_mangled(tmp_path):
    result = report(
        "s3://bucket/archive/news.jsonl", "-o", tmp_path / "r.html", "--engine", "pandas"
    )
    refused_before_any_work(result, "s3://bucket/archive/news.jsonl: is a URL", "--engine dask")
