"""The shareable report: built end to end from the seed and from hostile input, checked as a reader gets it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from analysis import ReportError, load_corpus
from analysis.config import PROJECT_ROOT, REPORT_NOTEBOOK, SEEDS_DIR
from analysis.publish import build_report, check_offline, write_atomic
from analysis.report import corpus_title, slugify, table_html

pytestmark = pytest.mark.slow

HOSTILE_HEADLINE = '<script>alert("x")</script>'
HOSTILE_TAG = "<img src=x onerror=alert(1)>"


class _Page(HTMLParser):
    """Collects what a browser would make of the page: visible text, tags, attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in {"style", "script"}:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in {"style", "script"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_headline_is_in_the_report(seed_report):
    text = squash(" ".join(parse(seed_report).text))
    corpus = load_corpus(SEEDS_DIR)
    for title in corpus["title"]:
        assert squash(title) in text, title
    assert "Why Putin won’t end his war against the West" in text


def test_report_opens_with_a_summary_a_reader_can_act_on(seed_report):
    text = squash(" ".join(parse(seed_report).text))
    assert "UK defense: what the coverage is about" in text
    assert "9 articles collected from 1 tag page" in text
    assert "How far to trust the clusters" in text
    assert "Tentative" in text  # nine articles never make strong clusters
    badges = re.findall(r'class="ar-badge[^"]*">([^<]*)<', seed_report)
    assert badges and "solid" not in badges  # no cluster of a 9-article page is called solid
    for section in (
        "Tags editors used",
        "Tags that travel together",
        "Topic clusters",
        "Map of the articles",
        "Tags against clusters",
        "All articles",
        "Method and caveats",
    ):
        assert section in text, section
    # Defense is on all 9 articles: the summary says so instead of calling it a leading tag.
    assert "Defense is on every article" in text


def test_charts_are_embedded_images(seed_report):
    images = [a for tag, a in parse(seed_report).elements if tag == "img"]
    assert len(images) >= 5
    for attrs in images:
        assert attrs["src"].startswith("data:image/png;base64,")
        assert attrs.get("alt")


def test_seed_report_is_light(seed_report):
    """At most 400 KB: the report's own CSS instead of JupyterLab's 260 KB, palette PNG charts.

    (350 KB until the provenance block, topic groups and the "not shown" notes were added: 362 KB.)
    """
    assert len(seed_report.encode("utf-8")) <= 400 * 1024
    styles = re.findall(r"<style[^>]*>(.*?)</style>", seed_report, re.DOTALL)
    assert len(styles) == 1 and len(styles[0]) < 10 * 1024
    assert "--jp-" not in seed_report  # none of JupyterLab's theme variables are shipped


def test_report_needs_no_server(seed_report):
    page = parse(seed_report)
    for tag, attrs in page.elements:
        assert tag != "script", attrs  # no script at all, inline or remote
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not re.match(r"\s*(https?:)?//", value), (tag, attrs)
    assert not re.search(r"<script[^>]*src=", seed_report, re.IGNORECASE)
    assert not re.search(r"<link[^>]*href=[\"']?https?:", seed_report, re.IGNORECASE)
    assert "require.js" not in seed_report and "mathjax" not in seed_report.lower()
    csp = [
        a
        for t, a in page.elements
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert (
        csp
        and "script-src 'none'" in csp[0]["content"]
        and "default-src 'none'" in csp[0]["content"]
    )


def test_no_code_by_default(seed_report):
    for code in ("fit_topics(", "report.figure_html(", "warnings.filterwarnings", "RANDOM_STATE"):
        assert code not in seed_report


def test_hostile_text_is_shown_never_run(hostile_report):
    assert HOSTILE_HEADLINE not in hostile_report
    assert HOSTILE_TAG not in hostile_report
    assert "<b>page</b>" not in hostile_report
    page = parse(hostile_report)
    text = " ".join(page.text)
    assert HOSTILE_HEADLINE in text  # shown to the reader as text
    assert HOSTILE_TAG in text
    assert not any(tag == "script" for tag, _ in page.elements)
    assert not any(tag == "img" and attrs.get("src") == "x" for tag, attrs in page.elements)
    assert not any(k.startswith("on") for _, attrs in page.elements for k in attrs)
    check_offline(hostile_report)


# Same input, same report: tests/publish/test_plan.py runs the seed report again (at the same time as
# another report) and checks it is byte-identical to this session's seed report.


def test_failed_run_keeps_the_previous_report(tmp_path):
    out = tmp_path / "report.html"
    out.write_text("previous good report", encoding="utf-8")
    broken = nbformat.read(REPORT_NOTEBOOK, as_version=4)
    failing = nbformat.v4.new_code_cell('raise RuntimeError("chart failed half way")')
    broken.cells.insert(4, failing)  # after the data and the summary: the rest need not run
    broken_path = REPORT_NOTEBOOK.parent / "_broken-report-test.ipynb"
    nbformat.write(broken, broken_path)
    try:
        with pytest.raises(ReportError, match="chart failed half way") as info:
            build_report([SEEDS_DIR], output=out, notebook=broken_path, progress=False)
    finally:
        broken_path.unlink(missing_ok=True)
    assert "left unchanged" in str(info.value)
    assert out.read_text(encoding="utf-8") == "previous good report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temp file left behind


def test_cli_bad_input_exits_2_without_traceback(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    out = tmp_path / "out.html"
    out.write_text("previous", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(bad), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "empty.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "previous"


def test_cli_k_out_of_range_is_a_clear_error(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "report",
            str(SEEDS_DIR),
            "--k",
            "9",
            "-o",
            str(tmp_path / "r.html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "1 <= k < 9" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_cli_report_with_code_k_and_dates_names_no_local_path(tmp_path):
    """--show-code, --k and --random-state on a dated export in a folder with a private name: the code cells
    are kept, exactly k topics, progress on stderr, and no local path in the page (the file is named as the
    source column names it)."""
    folder = tmp_path / "private-folder-name"
    folder.mkdir()
    topics = [
        "The navy ordered new frigates and submarines for the fleet, the admiral said.",
        "Farmers protested over grain prices and subsidies outside parliament in the capital.",
        "The central bank raised interest rates again to fight stubborn inflation, economists said.",
    ]
    rows = [
        {
            "title": f"{topics[i % 3].split(' ', 2)[1].title()} story number {i}",
            "body": f"{topics[i % 3]} {topics[i % 3]} Reported on day {i}.",
            "tags": ["Navy"],
            "published": f"2025-0{1 + i % 6}-1{i % 9} 09:00",  # no zone: a note names the file
        }
        for i in range(12)
    ]
    (folder / "dated.jsonl").write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    out = tmp_path / "with-code.html"
    command = [sys.executable, "-m", "analysis", "report", str(folder), "-o", str(out)]
    command += ["--k", "3", "--random-state", "1", "--show-code"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert f"Wrote {out}" in result.stderr  # progress goes to stderr
    page = out.read_text(encoding="utf-8")
    assert "report_data" in page  # the code cells are kept
    text = squash(" ".join(parse(page).text))
    assert "Topics (3)" in text  # --k 3 gives exactly three topics (the summary calls them topics)
    assert "dated.jsonl" in page
    for local in (str(tmp_path), str(PROJECT_ROOT), str(Path.home())):
        assert local not in page, local


def test_table_html_escapes_everything():
    import pandas as pd

    block = table_html(
        pd.DataFrame({"a": [HOSTILE_HEADLINE], "b": [[HOSTILE_TAG, "x"]]}), csv_name="t.csv"
    )
    assert "<script>" not in block and "<img" not in block
    assert "&lt;img src=x onerror=alert(1)&gt;, x" in block
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in block


def test_write_atomic_replaces_whole_file(tmp_path):
    target = tmp_path / "r.html"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_check_offline_catches_remote_references():
    for page in (
        '<script src="https://cdn.example/x.js"></script>',
        '<link href="//cdn.example/a.css">',
        "<style>@import url(https://x/y.css);</style>",
    ):
        with pytest.raises(ReportError):
            check_offline(page)
    check_offline('<img src="data:image/png;base64,AAAA">')


def test_check_offline_refuses_any_script():
    with pytest.raises(ReportError, match="script"):
        check_offline('<p>ok</p><script type="text/javascript">var x = 1;</script>')
    check_offline("<p>&lt;script&gt; shown as text is fine</p>")


def test_live_widgets_and_javascript_never_reach_the_report(tmp_path):
    """A progress bar or explorer widget (or JavaScript) a cell displays is dropped at export: the report
    stays script-free and the same input gives the same bytes (widget views carry random ids)."""
    from analysis.publish.export import export_executed as _export

    widget = nbformat.v4.new_output(
        "display_data",
        data={
            "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2},
            "text/plain": "entities: 100%|##########| 10000/10000",
        },
    )
    script = nbformat.v4.new_output(
        "display_data",
        data={"application/javascript": "alert(1)", "text/html": "<p>kept text</p>"},
    )
    cell = nbformat.v4.new_code_cell("x = 1", outputs=[widget, script])
    path = tmp_path / "executed.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    html = _export(path, tmp_path / "r.html", title="t", show_code=False)
    assert "<script" not in html.lower()
    assert "kept text" in html and "entities: 100%" not in html


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("UK defense", "uk-defense"),
        ("Défense & Sécurité", "defense-securite"),
        ("<script>", "script"),
        ("***", "report"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_corpus_title_names_the_page(seed_corpus):
    assert corpus_title(seed_corpus, [SEEDS_DIR]) == "UK defense"
    assert slugify(corpus_title(seed_corpus)) == "uk-defense"


@pytest.mark.parametrize(
    ("pages", "title"),
    [
        ([["Business"], ["Politics"], ["Tech"], ["Tech"]], "Business, Politics and Tech"),
        ([["A"], ["B"]], "A and B"),
        ([["A"], ["B"], ["C"], ["D"], ["D"], ["C"], ["E"], ["D"]], "D, C and 3 other pages"),
        ([["Only"]], "Only"),
    ],
)
def test_corpus_title_comes_from_the_page_names_not_the_folder(pages, title):
    from tests.conftest import make_corpus

    corpus = make_corpus([{"tag_pages": p} for p in pages])
    assert corpus_title(corpus, [Path("/data/pages")]) == title


def test_a_file_without_header_is_called_a_file(tmp_path):
    from analysis import load_corpus
    from analysis.report.naming import source_noun

    path = tmp_path / "dated.jsonl"
    path.write_text('{"title": "A", "body": "Some words here."}\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert source_noun(corpus) == "file" and corpus_title(corpus, [path]) == "dated"


def test_plain_nbconvert_works_offline(tmp_path, project_root):
    """`jupyter nbconvert --to html --execute` on the report notebook with the defaults (config from make install)."""
    out = tmp_path / "plain"
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("jupyter")),
            "nbconvert",
            "--to",
            "html",
            "--execute",
            "notebooks/04-report.ipynb",
            "--output-dir",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=project_root,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    page = (out / "04-report.html").read_text(encoding="utf-8")
    check_offline(page)
    assert "UK defense: what the coverage is about" in squash(" ".join(parse(page).text))
    assert "<title>UK defense: coverage report</title>" in page  # not "04-report"
    assert (
        "fit_topics(" not in page
    )  # code hidden by the project's nbconvert config (cells tagged hide-input)


def test_seed_report_says_in_one_line_each_why_pages_and_time_are_absent(seed_report):
    text = squash(" ".join(parse(seed_report).text))
    assert "Pages compared is not shown: all 9 articles come from one tag page (UK defense)" in text
    assert "Over time is not shown: none of the 9 articles has a publication date" in text
    headings = [a for t, a in parse(seed_report).elements if t == "h2"]
    assert not any(h.get("id") in {"pages-compared", "over-time"} for h in headings)


def test_cli_report_bad_line_is_named_with_its_line(tmp_path):
    """A bad line among good files is named with its line and the previous report is kept; with --lenient
    it is skipped and said in the report (tests/report/test_skipped_listing.py), so nothing is dropped
    silently."""
    folder = tmp_path / "inputs"
    shutil.copytree(SEEDS_DIR, folder)
    good = {"title": "Navy orders frigates", "body": "The navy ordered frigates.", "tags": ["Navy"]}
    (folder / "export.jsonl").write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    out = tmp_path / "r.html"
    out.write_text("previous", encoding="utf-8")
    command = [sys.executable, "-m", "analysis", "report", str(folder), "-o", str(out), "-q"]

    strict = subprocess.run(command, capture_output=True, text=True, check=False)
    assert strict.returncode == 2, strict.stderr
    assert "export.jsonl:2" in strict.stderr and "--lenient" not in strict.stdout
    assert "Traceback" not in strict.stderr
    assert out.read_text(encoding="utf-8") == "previous"


def test_table_growing_with_the_corpus_is_linked_not_embedded(tmp_path):
    """Beyond EMBED_CSV_MAX_BYTES the full CSV is written beside the report and linked; the page stays small."""
    import pandas as pd

    from analysis.report.html import EMBED_CSV_MAX_BYTES

    rows = 20_000
    big = pd.DataFrame(
        {"speaker": [f"Speaker {i}" for i in range(rows)], "quote": ["words " * 20] * rows}
    )
    block = table_html(big, csv_name="r-quotations.csv", max_rows=15, files_dir=tmp_path)
    written = tmp_path / "r-quotations.csv"
    assert written.stat().st_size > EMBED_CSV_MAX_BYTES
    assert len(pd.read_csv(written)) == rows
    assert 'href="r-quotations.csv"' in block and "base64" not in block
    assert "The first 15 of 20,000 rows" in block
    assert len(block) < 10_000
    small = table_html(big.head(3), csv_name="small.csv", files_dir=tmp_path)
    assert "base64" in small and not (tmp_path / "small.csv").exists()


def test_a_chart_with_a_large_table_links_its_csv_instead_of_embedding_it(tmp_path):
    """A chart's table past EMBED_CSV_MAX_BYTES (attention per outlet over many months) is written beside
    the report and linked, as long tables are, so the page stays small."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from analysis.report.html import EMBED_CSV_MAX_BYTES, SIDE_FILES, figure_html

    rows = 6_000
    table = pd.DataFrame({"outlet": [f"Outlet {i % 300}" for i in range(rows)], "share": 0.5})
    token = SIDE_FILES.set(tmp_path)
    try:
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1])
        block = figure_html(fig, alt="a line", table=table, csv_name="r-attention.csv")
        small = figure_html(plt.subplots()[0], alt="x", table=table.head(3), csv_name="r-small.csv")
    finally:
        SIDE_FILES.reset(token)
    written = tmp_path / "r-attention.csv"
    assert written.stat().st_size > EMBED_CSV_MAX_BYTES
    assert 'href="r-attention.csv"' in block and "data:text/csv" not in block
    assert "6,000 rows" in block
    assert "data:text/csv" in small and not (tmp_path / "r-small.csv").exists()
