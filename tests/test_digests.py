"""One digest per input file: the parse cache's key and the provenance share it, computed once per process."""

from __future__ import annotations

import hashlib
import os
import time

import pytest

from analysis import digests
from analysis.corpus.cache.store import file_digests
from analysis.report.provenance import file_sha256 as provenance_sha256


@pytest.fixture
def calls(tmp_path, monkeypatch):
    """The files hashed (hashlib runs as always; the list only records), with files of 1,000 bytes counted
    as large and the kept digests in the test's own folder."""
    seen = []
    real = hashlib.file_digest

    def counting(fh, name):
        seen.append(name)
        return real(fh, name)

    monkeypatch.setattr(digests.hashlib, "file_digest", counting)
    monkeypatch.setattr(digests, "MEMO_BYTES", 1000)
    monkeypatch.setattr(digests, "DIGESTS_FILE", tmp_path / "build" / "digests.json")
    monkeypatch.setattr(digests, "_MEMO", {})
    return seen


def test_a_large_input_is_hashed_once_for_the_cache_and_the_provenance(tmp_path, calls):
    big = tmp_path / "archive.jsonl"
    big.write_bytes(b'{"title": "a", "body": "b"}\n' * 100)
    expected = hashlib.sha256(big.read_bytes()).hexdigest()
    assert file_digests({big: ("archive.jsonl", str(big))}) == {big: expected}
    assert provenance_sha256(big) == expected
    assert calls == ["sha256"]
    # Rewritten (a new modification time): hashed again, the new bytes' digest.
    big.write_bytes(b'{"title": "c", "body": "d"}\n' * 100)
    stat = big.stat()
    os.utime(big, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert provenance_sha256(big) == hashlib.sha256(big.read_bytes()).hexdigest() != expected
    assert len(calls) == 2


def test_a_small_file_is_always_read_again(tmp_path):
    small = tmp_path / "page.txt"
    small.write_bytes(b"one")
    first = digests.file_sha256(small)
    small.write_bytes(b"two")  # same size, perhaps the same clock tick
    assert digests.file_sha256(small) == hashlib.sha256(b"two").hexdigest() != first


def test_a_large_input_is_not_read_again_by_the_next_run_unless_it_changed(tmp_path, calls):
    """A large file's digest is kept in build/digests.json: the next run (a new process: its memo empty)
    does not read the file again; any change to the file (even with its old modification time set back)
    moves the inode's change time, and the file is read again."""
    big = tmp_path / "archive.jsonl"
    big.write_bytes(b'{"title": "a", "body": "b"}\n' * 100)
    expected = hashlib.sha256(big.read_bytes()).hexdigest()
    assert digests.file_sha256(big) == expected and len(calls) == 1
    digests._MEMO.clear()  # the next run
    assert digests.file_sha256(big) == expected and len(calls) == 1
    stat = big.stat()
    time.sleep(
        0.05
    )  # past the file system clock's tick (a large file takes longer than that to write)
    big.write_bytes(b'{"title": "c", "body": "d"}\n' * 100)  # same size
    os.utime(big, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # old modification time set back
    digests._MEMO.clear()
    assert digests.file_sha256(big) == hashlib.sha256(big.read_bytes()).hexdigest() != expected
    assert len(calls) == 2
    (tmp_path / "build" / "digests.json").write_text("{", encoding="utf-8")  # damaged: read again
    digests._MEMO.clear()
    assert digests.file_sha256(big) != expected and len(calls) == 3
