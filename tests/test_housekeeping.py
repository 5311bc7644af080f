"""build/ stays bounded: temporaries of dead runs are removed (never a live run's), caches pruned oldest first."""

from __future__ import annotations

import os
import subprocess
import sys

from analysis.housekeeping import prune_caches, remove_stale_temporaries, tidy_caches


def dead_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def cache(root, name: str, size: int, used: float):
    folder = root / name
    folder.mkdir()
    (folder / "part-00000.parquet").write_bytes(b"x" * size)
    (folder / "meta.json").write_text("{}")
    os.utime(folder, (used, used))
    return folder


def test_temporaries_of_dead_runs_go_and_live_ones_stay(tmp_path):
    dead = tmp_path / f".0123abcd.{dead_pid()}.tmp"
    (dead / "inner").mkdir(parents=True)
    (dead / "inner" / "part.parquet").write_bytes(b"x")
    dead_file = tmp_path / f".report.html.{dead_pid()}.tmp"
    dead_file.write_text("half a report")
    live = tmp_path / f".0123abcd.{os.getpid()}.tmp"
    live.mkdir()
    other = tmp_path / "notes.tmp"
    other.write_text("not ours")
    removed = remove_stale_temporaries(tmp_path)
    assert sorted(removed) == sorted([dead, dead_file])
    assert live.exists() and other.exists() and not dead.exists() and not dead_file.exists()


def test_only_the_named_temporaries_beside_a_report(tmp_path):
    mine = tmp_path / f".r.html.{dead_pid()}.tmp"
    theirs = tmp_path / f".other.html.{dead_pid()}.tmp"
    mine.write_text("x")
    theirs.write_text("x")
    assert remove_stale_temporaries(tmp_path, prefix=".r.html.") == [mine]
    assert theirs.exists()


def test_caches_are_pruned_least_recently_used_first_keeping_the_one_in_use(tmp_path):
    oldest = cache(tmp_path, "a", 400, used=1_000)
    middle = cache(tmp_path, "b", 400, used=2_000)
    newest = cache(tmp_path, "c", 400, used=3_000)
    in_use = cache(tmp_path, "d", 400, used=500)  # the oldest, but in use
    removed = prune_caches(tmp_path, max_bytes=900, keep=[in_use])
    assert removed == [oldest, middle]
    assert newest.exists() and in_use.exists()
    assert prune_caches(tmp_path, max_bytes=10, keep=[in_use, newest]) == []


def test_tidy_marks_the_cache_used_and_bounds_the_rest(tmp_path):
    old = cache(tmp_path, "old", 1_000, used=1_000)
    current = cache(tmp_path, "current", 1_000, used=500)
    stale = tmp_path / f".current.{dead_pid()}.tmp"
    stale.mkdir()
    from analysis import housekeeping

    limit = housekeeping.prune_caches.__kwdefaults__["max_bytes"]
    assert limit > 2_000  # the stated size is far above this test's caches: nothing is pruned here
    tidy_caches(tmp_path, in_use=current)
    assert not stale.exists() and old.exists() and current.exists()
    assert current.stat().st_mtime > old.stat().st_mtime


def test_parsed_copies_are_bounded_and_killed_runs_temporaries_go(tmp_path):
    """The per-file parsed copies (incremental parsing) are kept within a size, least recently used first,
    never the copies in use; a killed run's temporary folder among them is removed."""
    import os
    import time

    from analysis.corpus.cache.parsed import prune_parsed
    from analysis.housekeeping import prune_least_used

    root = tmp_path / "files"
    for i, name in enumerate(("old", "used", "recent")):
        (root / name).mkdir(parents=True)
        (root / name / "chunk.parquet").write_bytes(b"x" * 1000)
        os.utime(root / name, (time.time() - 1000 + i, time.time() - 1000 + i))
    dead = root / ".abc.99999999.tmp"
    dead.mkdir()
    prune_parsed(root, keep={"used"}, paths=set(), lenient=False)
    assert not dead.exists()  # the temporary of a process that is gone
    assert {p.name for p in root.iterdir()} == {"old", "used", "recent"}  # within the default size
    removed = prune_least_used(root, max_bytes=2000, keep=[root / "used"])
    assert [p.name for p in removed] == ["old"]
    assert {p.name for p in root.iterdir()} == {"used", "recent"}
