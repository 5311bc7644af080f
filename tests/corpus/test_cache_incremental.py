"""The parse cache is kept per input file: a rebuild after adding files parses only what is new or changed."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.corpus.cache import build as _build
from analysis.corpus.cache import cache_corpus, store


def _write(path, start: int, n: int, *, dated: bool = True) -> None:
    rows = [
        {
            "title": f"Headline {i} about ships",
            "body": f"Article {i} says the navy ordered {i % 7} frigates. " * 4,
            "tags": ["Navy", f"Topic {i % 3}"],
            **({"date": f"2025-0{1 + i % 3}-1{i % 9}"} if dated else {}),
            "desk": {"name": "defense", "n": i},
        }
        for i in range(start, start + n)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


@pytest.fixture
def parses(monkeypatch):
    """The files the cache's build actually parses (the parser runs as always; the list only records)."""
    seen: list[str] = []
    real = _build.parse_file

    def recording(path, display, given, **options):
        seen.append(display)
        yield from real(path, display, given, **options)

    monkeypatch.setattr(_build, "parse_file", recording)
    monkeypatch.setattr(store, "CHUNK_BYTES", 2048)  # the large-file path: several chunks per file
    monkeypatch.setattr(store, "PART_ROWS", 7)
    return seen


def test_adding_changing_and_removing_files_parses_only_what_is_new(tmp_path, parses):
    archive, root = tmp_path / "archive", tmp_path / "cache"
    archive.mkdir()
    _write(archive / "a.jsonl", 0, 30)
    _write(archive / "b.jsonl", 20, 30)  # 10 articles also in a.jsonl: merged across files
    (archive / "c.txt").write_text(
        "Tag - UK defense\n\nShips ordered\nThe navy ordered ships on Monday.\nDefense\n",
        encoding="utf-8",
    )
    cold = cache_corpus(archive, cache_dir=root)
    assert sorted(parses) == ["a.jsonl", "b.jsonl", "c.txt"]
    pd.testing.assert_frame_equal(cold.read(), load_corpus(archive))
    parses.clear()
    _write(archive / "d.jsonl", 45, 20)  # a new day's file, overlapping b.jsonl
    added = cache_corpus(archive, cache_dir=root)
    assert parses == ["d.jsonl"]
    pd.testing.assert_frame_equal(added.read(), load_corpus(archive))
    parses.clear()
    _write(archive / "a.jsonl", 0, 31)  # a changed file is parsed again
    (archive / "c.txt").unlink()  # a removed file drops out
    changed = cache_corpus(archive, cache_dir=root)
    assert parses == ["a.jsonl"]
    expected = load_corpus(archive)
    pd.testing.assert_frame_equal(changed.read(), expected)
    assert "Ships ordered" not in set(expected["title"])
    # A damaged parsed file is parsed again rather than trusted.
    parses.clear()
    shutil.rmtree(changed.path)
    for meta in (root / "files").glob("*/meta.json"):
        meta.write_text("{", encoding="utf-8")
    again = cache_corpus(archive, cache_dir=root)
    assert sorted(parses) == ["a.jsonl", "b.jsonl", "d.jsonl"]
    pd.testing.assert_frame_equal(again.read(), expected)


def _copies(root) -> list[str]:
    """The files the parsed copies under ``root/files`` were made from, one entry per copy."""
    return sorted(
        json.loads((folder / "meta.json").read_text(encoding="utf-8"))["path"]
        for folder in (root / "files").iterdir()
    )


def test_parsed_copies_of_removed_and_changed_files_are_pruned(tmp_path, parses):
    archive, other, root = tmp_path / "archive", tmp_path / "other", tmp_path / "cache"
    archive.mkdir()
    other.mkdir()
    for name, start in (("a.jsonl", 0), ("b.jsonl", 40), ("c.jsonl", 80)):
        _write(archive / name, start, 20)
    _write(other / "x.jsonl", 200, 10)
    cache_corpus(other, cache_dir=root)  # another report's input, built into the same cache root
    cache_corpus(archive, cache_dir=root)
    files = {n: str((archive / n).resolve()) for n in ("a.jsonl", "b.jsonl", "c.jsonl")}
    x = str((other / "x.jsonl").resolve())
    assert _copies(root) == sorted([*files.values(), x])
    (archive / "c.jsonl").unlink()  # removed
    _write(archive / "a.jsonl", 0, 21)  # changed: its earlier copy goes, the new one stays
    parses.clear()
    rebuilt = cache_corpus(archive, cache_dir=root)
    assert parses == ["a.jsonl"]
    assert _copies(root) == sorted([files["a.jsonl"], files["b.jsonl"], x])
    pd.testing.assert_frame_equal(rebuilt.read(), load_corpus(archive))
    # The other report's copy is still used: nothing of it is parsed again.
    parses.clear()
    for cache in [p for p in root.iterdir() if p.name != "files"]:
        shutil.rmtree(cache)  # the corpus caches, not the parsed copies
    cache_corpus(other, cache_dir=root)
    assert parses == []
