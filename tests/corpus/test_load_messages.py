"""Every input problem the loader can meet has its own message naming the file (and line), and exits 2.

Each case runs the command as a user does (``python -m analysis articles PATH``): status 2, ``error: `` and the
file (and line) on stderr, no traceback; with ``--lenient`` a bad block is skipped and listed instead.
"""

from __future__ import annotations

import ctypes
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.config import MAX_JSON_DEPTH, PROJECT_ROOT

ARTICLE = {
    "title": "Navy orders frigates",
    "body": "The navy ordered two new frigates on Monday.",
    "tags": ["Navy"],
}
LINE = json.dumps(ARTICLE)
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = (
    24,
    1,
    2,
)  # <linux/prctl.h>, <linux/capability.h>


def articles(*args: str | Path, own_permissions: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -m analysis articles ARGS``; ``own_permissions``: with file permissions enforced even as root."""
    return subprocess.run(
        [sys.executable, "-m", "analysis", "articles", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=PROJECT_ROOT,
        check=False,
        timeout=120,
        preexec_fn=_enforce_permissions if own_permissions else None,
    )


def _enforce_permissions() -> None:
    """In the child before it runs: as root, drop the capabilities that bypass file permissions
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) from the bounding set, so the program meets permission bits as
    any user does; as another user, nothing to do."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _permissions_enforced(path: Path) -> bool:
    """Whether a child started with :func:`_enforce_permissions` is refused reading ``path``."""
    probe = subprocess.run(
        [sys.executable, "-c", "import sys; open(sys.argv[1], 'rb')", str(path)],
        capture_output=True,
        check=False,
        preexec_fn=_enforce_permissions,
    )
    return probe.returncode != 0 and b"PermissionError" in probe.stderr


def refused(result: subprocess.CompletedProcess[str], *expected: str) -> str:
    """Assert status 2 with ``error: `` and every expected piece, no traceback; returns stderr."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for piece in expected:
        assert piece in result.stderr, (piece, result.stderr)
    return result.stderr


def test_unreadable_file_with_this_process_permissions(tmp_path):
    """With the permissions of the process (root's override of permission bits dropped)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.jsonl").write_text(LINE + "\n", encoding="utf-8")
    locked = folder / "locked.jsonl"
    locked.write_text(LINE + "\n", encoding="utf-8")
    locked.chmod(0)
    try:
        if not _permissions_enforced(locked):
            pytest.skip("file permissions cannot be enforced here (no capability to drop)")
        for args in ([locked], [folder]):
            result = articles(*args, own_permissions=True)
            refused(result, "locked.jsonl: cannot be read (Permission denied)")
        # --lenient: the file is left out and listed, the rest is read
        result = articles(folder, "--lenient", own_permissions=True)
        assert result.returncode == 0, result.stderr
        assert len(result.stdout.splitlines()) == 1
        assert "SkippedBlocksWarning" in result.stderr
        assert "in/locked.jsonl: cannot be read (Permission denied)" in result.stderr
    finally:
        locked.chmod(0o644)


def test_unreadable_file_stops_the_report_before_any_work(tmp_path):
    """The parse cache hashes every input before parsing: an unreadable one is named, not a traceback."""
    locked = tmp_path / "locked.jsonl"
    locked.write_text(LINE + "\n", encoding="utf-8")
    locked.chmod(0)
    try:
        if not _permissions_enforced(locked):
            pytest.skip("file permissions cannot be enforced here (no capability to drop)")
        out = tmp_path / "r.html"
        result = subprocess.run(
            [sys.executable, "-m", "analysis", "report", str(locked), "-o", str(out), "-q"],
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            check=False,
            timeout=120,
            preexec_fn=_enforce_permissions,
        )
        refused(result, "locked.jsonl: cannot be read (Permission denied)")
        assert not out.exists()
    finally:
        locked.chmod(0o644)


def test_symlink_outside_the_folder(tmp_path):
    outside = tmp_path / "elsewhere.jsonl"
    outside.write_text(LINE + "\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.jsonl").write_text(LINE + "\n", encoding="utf-8")
    (folder / "link.jsonl").symlink_to(outside)
    refused(articles(folder), "in/link.jsonl: is a symbolic link to", "outside the folder")


def test_symlink_inside_the_folder_is_read_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.jsonl").write_text(LINE + "\n", encoding="utf-8")
    (folder / "again.jsonl").symlink_to(folder / "ok.jsonl")
    result = articles(folder)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_symlink_loop_and_dangling_symlink(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.jsonl").write_text(LINE + "\n", encoding="utf-8")
    (folder / "loop.jsonl").symlink_to(folder / "loop.jsonl")
    refused(articles(folder), "in/loop.jsonl: is a symbolic link that loops back on itself")
    (folder / "loop.jsonl").unlink()
    (folder / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    refused(articles(folder), "in/gone.txt: is a symbolic link to", "which does not exist")


def test_bad_links_are_left_out_and_listed_with_lenient(tmp_path):
    """Under --lenient a link that loops, dangles or leads out of the folder is listed, not the run's end."""
    outside = tmp_path / "elsewhere.jsonl"
    outside.write_text(LINE + "\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.jsonl").write_text(LINE + "\n", encoding="utf-8")
    (folder / "loop.jsonl").symlink_to(folder / "loop.jsonl")
    (folder / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (folder / "out.jsonl").symlink_to(outside)
    result = articles(folder, "--lenient")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1
    for piece in (
        "lenient mode skipped 3 blocks",
        "in/loop.jsonl: is a symbolic link that loops back on itself",
        "in/gone.txt: is a symbolic link to",
        "in/out.jsonl: is a symbolic link to",
    ):
        assert piece in result.stderr, (piece, result.stderr)
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    refused(articles(only_bad, "--lenient"), "no file could be read: ", "bad/gone.txt")


def test_json_files_in_a_folder_are_read_and_other_kinds_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "export.json").write_text(LINE + "\n", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    result = articles(folder)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == ARTICLE["title"]
    assert "IgnoredFilesWarning" in result.stderr and "notes.docx" in result.stderr


def test_a_json_array_is_named_as_such(tmp_path):
    pretty = tmp_path / "array.json"
    pretty.write_text(json.dumps([ARTICLE, ARTICLE], indent=2), encoding="utf-8")
    refused(articles(pretty), "array.json:1: is a JSON array, not JSON Lines", "jq -c")
    one_line = tmp_path / "one.jsonl"
    one_line.write_text("\n" + json.dumps([ARTICLE]) + "\n", encoding="utf-8")
    refused(articles(one_line), "one.jsonl:2: is a JSON array, not JSON Lines")


def test_compressed_and_binary_formats_are_read_or_named(tmp_path):
    packed = tmp_path / "export.jsonl"  # gzip without a .gz name: read all the same
    packed.write_bytes(gzip.compress((LINE + "\n").encode()))
    result = articles(packed)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == ARTICLE["title"]
    pdf = tmp_path / "paper.txt"
    pdf.write_bytes(b"%PDF-1.7\n...")
    refused(articles(pdf), "paper.txt: is a PDF")
    archive = tmp_path / "export.csv"
    archive.write_bytes(b"PK\x03\x04" + bytes(20))
    refused(articles(archive), "export.csv: is a ZIP archive")


def test_utf16_without_bom_in_any_script_is_read(tmp_path):
    text = (
        "Tag - Défense\n\nLes “drones” de la Marine arrivent\n"
        + (
            "Le ministère a annoncé lundi l’achat de drones pour la Marine nationale, selon un communiqué. "
            * 3
        )
        + "\nDéfense\n"
    )
    path = tmp_path / "utf16.txt"
    path.write_bytes(text.encode("utf-16-le"))
    result = articles(path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Les “drones” de la Marine arrivent"
    broken = tmp_path / "broken16.txt"
    broken.write_bytes(text.encode("utf-16-le")[:-1])  # an odd number of bytes
    refused(articles(broken), "broken16.txt: looks like UTF-16 text without a byte-order mark")


def test_invalid_utf8_is_named_at_its_line(tmp_path):
    path = tmp_path / "stray.jsonl"
    lines = [
        json.dumps({**ARTICLE, "title": f"Europe’s plan {i}"}, ensure_ascii=False) for i in range(5)
    ]
    data = "\n".join(lines).encode("utf-8")
    at = data.index("’".encode(), data.index(b"plan 3") - 10)
    path.write_bytes(data[:at] + b"\x92" + data[at + 3 :] + b"\n")
    refused(articles(path), f"stray.jsonl:4: is not valid UTF-8 (byte 0x92 at byte {at:,})")
    lenient = articles(path, "--lenient")
    assert lenient.returncode == 2  # the whole file is left out, so nothing loads; it is listed
    assert "stray.jsonl:4: is not valid UTF-8" in lenient.stderr


def test_deep_json_is_named_at_its_line_or_skipped(tmp_path):
    path = tmp_path / "deep.jsonl"
    deep = {**ARTICLE, "extra": json.loads("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))}
    path.write_text(LINE + "\n" + json.dumps(deep) + "\n", encoding="utf-8")
    refused(
        articles(path), f"deep.jsonl:2: nests lists or objects more than {MAX_JSON_DEPTH} levels"
    )
    lenient = articles(path, "--lenient")
    assert lenient.returncode == 0 and len(lenient.stdout.splitlines()) == 1
    assert "deep.jsonl:2: nests lists" in lenient.stderr


def test_a_url_is_not_mangled_into_a_path(tmp_path):
    for url in ("https://example.com/news.jsonl", "s3://bucket/archive/*.jsonl"):
        refused(articles(url), f"{url}: is a URL", "--engine dask")


def test_a_long_column_list_is_cut_with_a_count(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(10_000)) + "\n" + ",".join("x" * 10_000) + "\n")
    stderr = refused(
        articles(path), "wide.csv:1: has no 'body', 'text' or 'title' column", "and 9,980 more"
    )
    assert len(stderr) < 1_000


def test_control_characters_in_names_are_escaped_on_the_terminal(tmp_path):
    path = tmp_path / "evil\x1b[2J.jsonl"
    path.write_text('{"name": "x"}\n', encoding="utf-8")
    stderr = refused(articles(path), "evil\\x1b[2J.jsonl:1: has no 'body', 'text' or 'title' field")
    assert "\x1b" not in stderr
