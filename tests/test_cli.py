"""End-to-end tests of ``python -m analysis articles PATH... [--format jsonl|csv] [--lenient]`` (subprocess)."""

from __future__ import annotations

import io
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.config import PROJECT_ROOT


def run(*args: str | Path, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "articles", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=120,
    )


def test_jsonl_output_parses_back_to_the_corpus(seed_corpus: pd.DataFrame, seed_file: Path) -> None:
    result = run(seed_file)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 9
    assert [r["id"] for r in records] == list(seed_corpus["id"])
    assert [r["title"] for r in records] == list(seed_corpus["title"])
    assert [r["tags"] for r in records] == list(seed_corpus["tags"])
    assert all(r["tag_pages"] == ["UK defense"] for r in records)
    assert records[0]["title"] == "Why Putin won’t end his war against the West"  # not \u-escaped


def test_jsonl_output_reloads_with_the_same_ids(tmp_path: Path, seed_file: Path) -> None:
    result = run(seed_file)
    out = tmp_path / "corpus.jsonl"
    out.write_text(result.stdout, encoding="utf-8")
    again = load_corpus(out)
    original = load_corpus(seed_file)
    assert list(again["id"]) == list(original["id"])
    assert list(again["tags"]) == list(original["tags"])
    assert list(again["tag_pages"]) == list(original["tag_pages"])
    assert list(again["body"]) == list(original["body"])


def test_csv_output_parses_back(seed_corpus: pd.DataFrame, seed_file: Path) -> None:
    result = run(seed_file, "--format", "csv")
    assert result.returncode == 0, result.stderr
    df = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
    assert list(df.columns) == ["id", "title", "body", "tags", "tag_pages", "source"]
    assert list(df["id"]) == list(seed_corpus["id"])
    assert list(df["body"]) == list(seed_corpus["body"])
    assert [t.split("; ") for t in df["tags"]] == list(seed_corpus["tags"])


def test_bad_file_exits_2_with_message_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"title": "A", "body": "Fine text."}\n{"title": \n', encoding="utf-8")
    result = run(bad)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert "broken.jsonl:2" in result.stderr and "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_binary_and_missing_files_exit_2(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 50)
    for path, words in ((binary, "binary file"), (tmp_path / "missing.txt", "no such file")):
        result = run(path)
        assert result.returncode == 2
        assert path.name in result.stderr and words in result.stderr
        assert "Traceback" not in result.stderr


def test_lenient_skips_with_warning_on_stderr(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"title": "A", "body": "Fine text."}\nnot json\n', encoding="utf-8")
    strict = run(mixed)
    assert strict.returncode == 2
    lenient = run(mixed, "--lenient")
    assert lenient.returncode == 0, lenient.stderr
    assert [json.loads(line)["title"] for line in lenient.stdout.splitlines()] == ["A"]
    assert "mixed.jsonl:2" in lenient.stderr and "SkippedBlocksWarning" in lenient.stderr
    assert "Traceback" not in lenient.stderr


def test_closed_pipe_ends_quietly(seed_file: Path) -> None:
    """``python -m analysis articles seeds --format csv | head -1``: the header, no traceback."""
    producer = subprocess.Popen(
        [sys.executable, "-m", "analysis", "articles", str(seed_file.parent), "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=PROJECT_ROOT,
    )
    head = subprocess.run(
        ["head", "-1"], stdin=producer.stdout, capture_output=True, check=True, timeout=120
    )
    producer.stdout.close()  # only head reads the pipe: when head exits, the pipe is closed
    stderr = producer.stderr.read().decode("utf-8")
    producer.stderr.close()
    status = producer.wait(timeout=120)
    assert head.stdout.decode("utf-8") == "\ufeffid,title,body,tags,tag_pages,source\r\n"
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert stderr == ""
    assert status in (0, 141)  # 141 = 128 + SIGPIPE when the pipe closed before the output ended


def test_closed_pipe_in_a_shell_pipeline(seed_file: Path) -> None:
    script = f"{shlex.quote(sys.executable)} -m analysis articles seeds --format csv | head -1"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script],
        check=False,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert (
        result.stdout == "\ufeffid,title,body,tags,tag_pages,source\n"
    )  # text mode reads \r\n as \n
    assert result.stderr == ""
    assert result.returncode in (0, 141)


def _help(*command: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "analysis", *command, "--help"],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_help_lists_every_option_the_readme_mentions() -> None:
    from analysis.cli import build_parser

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    helps = {command: _help(command) for command in commands}
    # options on a command line of the README belong to that command (which must exist)
    for command, rest in re.findall(r"-m analysis (\w+)\b([^\n#`]*)", readme):
        assert command in helps, (
            f"the README runs `python -m analysis {command}`, which does not exist"
        )
        for option in re.findall(r"(?<![\w/-])(--?[a-z][\w-]*)", rest):
            assert re.search(rf"(?<![\w-]){re.escape(option)}\b", helps[command]), (command, option)
    # options named in the prose (`--k`) are in the help of some command
    prose = re.findall(r"`(--?[a-z][\w-]*)`", readme)
    assert prose, "the README names options"
    for option in prose:
        assert any(re.search(rf"(?<![\w-]){re.escape(option)}\b", h) for h in helps.values()), (
            option
        )
    top = _help()
    assert all(command in top for command in commands)


def test_closed_pipe_on_a_long_output(tmp_path: Path) -> None:
    """2,000 articles (far more than a pipe holds): the writer meets the closed pipe mid-way."""
    lines = [
        json.dumps({"title": f"Headline {i}", "body": f"Body of article {i}. " * 40, "tags": ["T"]})
        for i in range(2000)
    ]
    big = tmp_path / "big.jsonl"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = f"{shlex.quote(sys.executable)} -m analysis articles {shlex.quote(str(big))} --format csv | head -c 100"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script],
        check=False,
        capture_output=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    assert len(result.stdout) == 100  # bytes
    assert result.stderr == b""
    assert result.returncode == 141  # 128 + SIGPIPE, what `yes | head -1` gives under pipefail


def test_report_freq_option() -> None:
    import pytest

    from analysis.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["report", "seeds", "--freq", "W"]).freq == "W"
    assert parser.parse_args(["report"]).freq == "M"
    with pytest.raises(SystemExit) as exc:
        parser.parse_args(["report", "--freq", "Y"])
    assert exc.value.code == 2
