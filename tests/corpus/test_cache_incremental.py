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


def _stories_file(path, start: int, n: int) -> None:
    """Articles of 60 words, every third one a lightly edited copy of the one before (the same story)."""
    import random

    rng = random.Random(start)
    words = [f"w{i}" for i in range(400)]
    rows, body = [], ""
    for i in range(start, start + n):
        if i % 3 == 2 and body:  # a copy: one word changed
            body = body.replace(body.split()[10], "changed", 1)
        else:
            body = " ".join(rng.choice(words) for _ in range(60))
        text = body if i % 11 else "Too short."  # never grouped
        rows.append({"id": f"s{i}", "title": f"Story {i}", "body": text})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_story_signatures_kept_while_parsing_group_as_the_text_does(tmp_path, parses):
    """A large file's articles are signed where they are parsed and the signatures kept with the parts (and
    the parsed copies, for rebuilds); a part holding an article parsed whole (a small file) is signed from
    its text. Either way the story groups are those the text gives."""
    import functools

    from analysis.compare import stories
    from analysis.parallel import map_in_order

    archive, root = tmp_path / "archive", tmp_path / "cache"
    archive.mkdir()
    _stories_file(archive / "a.jsonl", 0, 60)
    (archive / "c.txt").write_text(
        "Tag - UK defense\n\nShips ordered\nThe navy ordered ships on Monday.\nDefense\n",
        encoding="utf-8",
    )

    def groups_both_ways(cache):
        stored = [
            stories.stored_signatures(
                store.read_part_frame(path, [store.SIGNATURE_COLUMN], (), start)
            )
            for path, start in cache.part_tasks()
        ]
        from_text = list(cache.map_parts(stories.signatures_in_chunks, ["title", "body"]))
        sign = functools.partial(stories.part_signatures, tuple(cache.extras))
        return (
            stored,
            stories.story_groups_from_signatures(list(map_in_order(sign, cache.part_tasks()))),
            stories.story_groups_from_signatures(from_text),
        )

    stored, kept, expected = groups_both_ways(cache_corpus(archive, cache_dir=root))
    assert (
        sum(part is not None for part in stored) >= len(stored) - 1
    )  # c.txt's part is signed later
    assert any(part is None for part in stored)
    assert (kept == expected).all()
    assert len(set(kept.tolist())) < len(kept) - 10  # copies were grouped
    parses.clear()
    _stories_file(
        archive / "b.jsonl", 200, 30
    )  # a rebuild reads a.jsonl's copy back, signatures too
    stored, kept, expected = groups_both_ways(cache_corpus(archive, cache_dir=root))
    assert parses == ["b.jsonl"]
    assert (kept == expected).all() and len(set(kept.tolist())) < len(kept) - 15


def test_kept_chunks_of_new_articles_become_parts_as_they_are(tmp_path, parses):
    """A kept chunk whose articles are all new to the corpus is made a part as it is (a hard link: no
    article read back or written again); one holding an article seen before is read back and merged, and a
    part an article is merged into later gets a file of its own, the kept copy unchanged. Either way the
    corpus is the one load_corpus gives."""
    archive, root = tmp_path / "archive", tmp_path / "cache"
    archive.mkdir()
    _write(archive / "a.jsonl", 0, 30)
    cold = cache_corpus(archive, cache_dir=root)
    kept = {p.stat().st_ino: p for p in (root / "files").glob("*/chunk-*.parquet")}
    assert len(kept) > 2
    assert {p.stat().st_ino for p in cold.part_paths()} == set(kept)  # every part is a kept chunk
    before = {p: p.read_bytes() for p in kept.values()}
    _write(archive / "b.jsonl", 25, 30)  # its first 5 articles are a.jsonl's last 5: merged
    parses.clear()
    added = cache_corpus(archive, cache_dir=root)
    assert parses == ["b.jsonl"]
    pd.testing.assert_frame_equal(added.read(), load_corpus(archive))
    inodes = [p.stat().st_ino for p in added.part_paths()]
    kept = {p.stat().st_ino: p for p in (root / "files").glob("*/chunk-*.parquet")}
    linked = [i for i in inodes if i in kept]
    assert 2 < len(linked) < len(inodes)  # some parts linked, some written (merged) parts
    assert all(p.read_bytes() == data for p, data in before.items())  # kept copies untouched
    # the next build, from the kept copies alone, gives the same corpus again
    shutil.rmtree(added.path)
    parses.clear()
    again = cache_corpus(archive, cache_dir=root)
    assert parses == []
    pd.testing.assert_frame_equal(again.read(), load_corpus(archive))


def test_workers_that_keep_a_chunk_send_back_its_keys_and_dates_not_its_articles(tmp_path, parses):
    """A large file's chunks are parsed and kept on worker processes; each sends back what linking the kept
    file as a part needs (keys, extras, dates), not every article's text, and the corpus is the same."""
    from analysis.corpus.cache.build import _file_chunks
    from analysis.corpus.cache.parsed import FILES_DIR
    from analysis.corpus.cache.store import file_digests, parser_version
    from analysis.corpus.files import collect_files

    _write(tmp_path / "a.jsonl", 0, 30)
    files = collect_files([tmp_path / "a.jsonl"])
    ((path, (display, given)),) = files.items()
    parsed = (tmp_path / "cache" / FILES_DIR, file_digests(files), parser_version())
    chunks, read = [], []
    for chunk in _file_chunks(path, display, given, lenient=False, skipped=[], parsed=parsed):
        chunks.append(chunk)
        read.extend(a.key for a in chunk.read())  # the kept file, while the copy is being made
    assert len(chunks) > 2
    assert all(c.articles is None and len(c.keys) == c.rows for c in chunks)
    assert sum(len(c.dated[0]) for c in chunks) == 30  # every article is dated
    assert read == [k for c in chunks for k in c.keys]
    cache = cache_corpus(tmp_path / "a.jsonl", cache_dir=tmp_path / "cache")
    pd.testing.assert_frame_equal(cache.read(), load_corpus(tmp_path / "a.jsonl"))


def test_kept_chunks_are_copied_where_the_file_system_has_no_hard_links(
    tmp_path, parses, monkeypatch
):
    """Where a hard link cannot be made (another file system, a share without links) the kept chunk is
    copied into the cache instead: the same corpus, the kept copy untouched."""
    from analysis.corpus.cache import parts

    def no_links(source, target):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(parts.os, "link", no_links)
    _write(tmp_path / "a.jsonl", 0, 30)
    cache = cache_corpus(tmp_path / "a.jsonl", cache_dir=tmp_path / "cache")
    pd.testing.assert_frame_equal(cache.read(), load_corpus(tmp_path / "a.jsonl"))
    kept = {p.stat().st_ino for p in (tmp_path / "cache" / "files").glob("*/chunk-*.parquet")}
    assert len(kept) > 2 and not kept & {p.stat().st_ino for p in cache.part_paths()}
    assert all(p.stat().st_nlink == 1 for p in cache.part_paths())
