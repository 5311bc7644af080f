"""The report as a reader sees it: opened in headless Chromium (Debian's ``chromium``, driven by playwright).

Every request the page makes is recorded and aborted, so nothing leaves the machine; console messages, page
errors and dialogs are recorded too. The tests skip, saying why, where playwright or the browser is missing
(``.ci/run`` installs Debian's ``chromium`` when it is absent).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
N_CHARTS = 5  # tag frequency, co-occurrence, k selection, topic map, tags by cluster

# Decodes every image, then says for each whether it was drawn: decoded, with pixels, and shown with a size.
_IMAGES_JS = """async () => {
  const images = [...document.images];
  const decoded = await Promise.all(images.map((img) => img.decode().then(() => true, () => false)));
  return images.map((img, i) => {
    const box = img.getBoundingClientRect();
    return {alt: img.alt, decoded: decoded[i], natural: img.naturalWidth, width: box.width, height: box.height};
  });
}"""

# What could betray markup taken from article text: scripts, handlers, the hostile tag's img, a <b> from a name.
_INJECTED_JS = """() => ({
  scripts: document.querySelectorAll("script").length,
  handlers: [...document.querySelectorAll("*")].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.toLowerCase().startsWith("on")).map((a) => el.tagName + " " + a.name)),
  hostileImages: [...document.images].filter((img) => img.getAttribute("src") === "x").length,
  boldPage: [...document.querySelectorAll("b")].filter((el) => el.textContent.trim() === "page").length,
})"""

# Code a reader must not see: code cells' input areas, highlighted code, any <pre> at all.
_CODE_JS = """() => ({
  inputs: document.querySelectorAll(".jp-CodeCell .jp-InputArea, .jp-CodeCell .jp-Cell-inputWrapper").length,
  highlighted: document.querySelectorAll(".highlight, .jp-InputArea-editor, .cm-editor").length,
  pre: [...document.querySelectorAll("pre")].map((el) => el.innerText.slice(0, 80)),
})"""

_WIDTHS_JS = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@dataclass
class Visit:
    """What happened while a page was open: requests made, console errors, page errors, dialogs."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        """Every request but the one that loaded the file itself."""
        return [url for url in self.requests if url != self.url]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(
        "no Chromium on this machine: install Debian's browser with `apt-get install -y chromium` "
        "(.ci/run does this when it is missing) to open the report in a real browser"
    )


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="playwright is not installed: run `make install` (it is in requirements.txt)",
    )
    executable = _chromium()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def open_page(browser):
    """``open_page(path)`` -> a :class:`Visit` of that file, loaded in a fresh browser context."""
    contexts = []

    def _open(path: Path) -> Visit:
        context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
        contexts.append(context)
        visit = Visit(page=context.new_page(), url=Path(path).resolve().as_uri())

        def _route(route):
            visit.requests.append(route.request.url)
            if route.request.url == visit.url:
                route.continue_()
            else:
                route.abort()  # nothing leaves the machine, whatever the page asks for

        def _console(message):
            if message.type == "error":
                visit.console_errors.append(message.text)

        def _dialog(dialog):
            visit.dialogs.append(dialog.message)
            dialog.dismiss()

        context.route("**/*", _route)
        visit.page.on("console", _console)
        visit.page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
        visit.page.on("dialog", _dialog)
        visit.page.goto(visit.url, wait_until="load")
        # Late errors or requests arrive before anything is checked.
        visit.page.wait_for_timeout(200)
        return visit

    yield _open
    for context in contexts:
        context.close()


def assert_reads_cleanly(visit: Visit) -> None:
    """The checks every report passes: quiet, offline, every chart drawn, no code, nothing clipped sideways."""
    assert visit.requests == [visit.url], visit.outside_requests()
    assert visit.console_errors == []
    assert visit.page_errors == []
    assert visit.dialogs == []
    images = visit.page.evaluate(_IMAGES_JS)
    assert len(images) >= N_CHARTS
    for image in images:
        assert image["decoded"] and image["natural"] > 0, image
        assert image["width"] > 100 and image["height"] > 100, image
        assert image["alt"], image
    code = visit.page.evaluate(_CODE_JS)
    assert code == {"inputs": 0, "highlighted": 0, "pre": []}
    text = visit.page.inner_text("body")
    for snippet in ("fit_topics(", "report.figure_html(", "from analysis", "RANDOM_STATE"):
        assert snippet not in text
    widths = visit.page.evaluate(
        "[document.body.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"


def test_seed_report_reads_cleanly_in_a_browser(open_page, seed_report_path):
    visit = open_page(seed_report_path)
    assert_reads_cleanly(visit)
    text = visit.page.inner_text("body")
    assert "UK defense: what the coverage is about" in text
    assert "Why Putin won’t end his war against the West" in text
    downloads = visit.page.eval_on_selector_all(
        "a[download]", "links => links.map(a => [a.download, a.href.slice(0, 30)])"
    )
    assert len(downloads) >= N_CHARTS
    assert all(href.startswith("data:text/csv") for _, href in downloads), downloads


def test_hostile_report_shows_markup_as_text(open_page, hostile_report_path, hostile_strings):
    visit = open_page(hostile_report_path)
    assert_reads_cleanly(visit)
    text = visit.page.inner_text("body")
    for name, value in hostile_strings.items():
        assert value in text, f"the hostile {name} {value!r} is not shown as text"
    assert visit.page.evaluate(_INJECTED_JS) == {
        "scripts": 0,
        "handlers": [],
        "hostileImages": 0,
        "boldPage": 0,
    }


def test_the_checks_catch_a_page_that_misbehaves(open_page, tmp_path):
    """The same harness on a page without the report's safeguards: it sees every fault the tests look for."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><body><h1>bad</h1>"
        '<img src="http://192.0.2.1/chart.png" alt="remote chart">'
        '<img src="data:image/png;base64,AAAA" alt="broken chart">'
        '<script>console.error("boom"); alert("x"); undefinedFunction();</script>'
        "<pre>fit_topics(corpus)</pre></body></html>",
        encoding="utf-8",
    )
    visit = open_page(bad)
    assert visit.outside_requests() == ["http://192.0.2.1/chart.png"]
    assert "boom" in visit.console_errors
    assert visit.dialogs == ["x"]
    assert any("undefinedFunction" in error for error in visit.page_errors)
    images = visit.page.evaluate(_IMAGES_JS)
    assert [image["natural"] for image in images] == [0, 0]
    assert visit.page.evaluate(_CODE_JS)["pre"] == ["fit_topics(corpus)"]
    with pytest.raises(AssertionError):
        assert_reads_cleanly(visit)


def test_seed_report_on_a_phone_shows_charts_at_their_drawn_size(open_page, seed_report_path):
    """At 390 px a chart is not shrunk until its words are a few pixels high: it keeps its drawn size in a
    frame that pans sideways, says so above it, and the page itself never scrolls sideways."""
    visit = open_page(seed_report_path)
    visit.page.set_viewport_size({"width": 390, "height": 844})
    visit.page.wait_for_timeout(200)
    figures = visit.page.eval_on_selector_all(
        "figure.ar-figure",
        """figures => figures.map(f => {
          const img = f.querySelector("img");
          return {drawn: Number(img.getAttribute("width")), shown: img.getBoundingClientRect().width,
                  frame: f.clientWidth, pans: f.scrollWidth > f.clientWidth,
                  hint: getComputedStyle(f, "::before").content};
        })""",
    )
    assert len(figures) >= N_CHARTS
    for figure in figures:
        assert abs(figure["shown"] - figure["drawn"]) < 1, figure  # not shrunk
        if figure["drawn"] > figure["frame"]:
            assert figure["pans"] and "swipe sideways" in figure["hint"], figure
    widths = visit.page.evaluate(_WIDTHS_JS)
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
