"""The offline check of an exported report: no script, no request to any server, judged on markup only.

:func:`check_offline` parses the page as a browser would tokenise it and looks at what could run or load
something: elements (``<script>``, ``<base>``, ``<iframe>`` ...), event-handler attributes, every URL-valued
attribute (``src``, ``href``, ``srcset``, ``data``, ``action`` ...), a ``<meta http-equiv="refresh">``, and
CSS (``<style>`` elements and ``style`` attributes: ``@import``, ``url(...)``, ``image-set(...)``). Text of
the page (headlines, tags, quotations) is never scanned: an article about "the CSS @import rule" or one that
quotes ``url(//example.com)`` is shown as text, so it cannot load anything and must not stop a report.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from analysis.errors import ReportError

__all__ = ["check_offline"]

#: Elements a self-contained, script-free report never holds.
FORBIDDEN_ELEMENTS = frozenset(
    {
        "script",
        "base",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "portal",
        "noscript",
    }
)
#: Attributes whose value is one or more URLs the browser may fetch or navigate to.
URL_ATTRIBUTES = frozenset(
    {
        "action",
        "archive",
        "background",
        "cite",
        "codebase",
        "data",
        "dynsrc",
        "formaction",
        "href",
        "icon",
        "imagesrcset",
        "longdesc",
        "lowsrc",
        "manifest",
        "ping",
        "poster",
        "src",
        "srcset",
        "xlink:href",
    }
)
#: URL schemes a report may use: inline data (charts, CSV downloads). Anything else with a scheme (http,
#: https, ftp, file, javascript ...) or without a host prefix (``//host``) is refused; a relative name (the
#: side CSV next to the report) or a fragment (``#section``) is local.
LOCAL_SCHEMES = frozenset({"data"})
#: Links a reader may follow by clicking (nothing is fetched when the page opens): ``<a href="https://...">``.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

_C0_AND_SPACE = "".join(map(chr, range(0x21)))  # stripped from both ends of a URL, as browsers do
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_WHITESPACE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URL = re.compile(r"""(?:url|image-set|image|src)\(\s*(["']?)([^"')]*)\1""", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)


def check_offline(html: str) -> None:
    """Raise :class:`ReportError` if the page would load anything from a server or hold a script.

    Args:
        html: the exported page.

    Raises:
        ReportError: names what was found and where (line and column of the page, and the markup).
    """
    parser = _MarkupCheck()
    parser.feed(html)
    parser.close()
    problem = parser.problem
    if problem is None and (match := _SCRIPT.search(html)):
        # "<" is escaped in text and attributes, so this can only be markup the parser did not see as such
        problem = (
            "hold a script (reports are script-free)",
            html[match.start() : match.start() + 80],
        )
    if problem is not None:
        what, near = problem
        raise ReportError(
            f"the exported report would {what} (near: {near[:160]!r}); it was not written."
        )


def remote_url(value: str, *, allowed: frozenset[str] = LOCAL_SCHEMES) -> bool:
    """True when a URL would reach outside the file: a scheme not in ``allowed``, or ``//host``."""
    url = _URL_WHITESPACE.sub("", value).strip(_C0_AND_SPACE)
    if url.startswith(("//", "\\\\", "/\\", "\\/")):
        return True
    scheme = _SCHEME.match(url)
    return scheme is not None and scheme.group(1).lower() not in allowed


def remote_css(css: str) -> str | None:
    """What in a piece of CSS would load from outside the file (``@import``, a remote ``url(...)``), or None."""
    text = _CSS_COMMENT.sub("", _CSS_ESCAPE.sub(_unescape_css, css))
    if "@import" in text.lower():
        return "@import"
    for match in _CSS_URL.finditer(text):
        if remote_url(match.group(2)):
            return match.group(0)
    return None


def _unescape_css(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
    return match.group(2)


class _MarkupCheck(HTMLParser):
    """Walks the page's markup (not its text) and keeps the first thing that could run or load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problem: tuple[str, str] | None = None
        self._style_depth = 0

    def _found(self, what: str, near: str) -> None:
        if self.problem is None:
            line, column = self.getpos()
            self.problem = (what, f"line {line}, column {column + 1}: {near}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        markup = self.get_starttag_text() or f"<{tag}>"
        if tag in FORBIDDEN_ELEMENTS:
            what = (
                "hold a script (reports are script-free)" if tag == "script" else f"hold a <{tag}>"
            )
            self._found(what, markup)
        for name, value in attrs:
            self._attribute(tag, name, value or "", attrs, markup)
        if tag == "style":
            self._style_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._style_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self._style_depth:
            self._style_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._style_depth and (found := remote_css(data)):
            self._found("request a resource from a server", f"<style> ... {found}")

    def _attribute(self, tag: str, name: str, value: str, attrs, markup: str) -> None:
        if name.startswith("on"):
            self._found("hold a script (reports are script-free)", markup)
        elif name in URL_ATTRIBUTES:
            urls = (
                [part.strip().split(" ")[0] for part in value.split(",")]
                if "srcset" in name
                else [value]
            )
            link = tag in {"a", "area"} and name == "href"  # followed on a click, never on opening
            allowed = LOCAL_SCHEMES | LINK_SCHEMES if link else LOCAL_SCHEMES
            if any(remote_url(url, allowed=allowed) for url in urls):
                self._found("request a resource from a server", markup)
        elif (name == "style" and remote_css(value)) or (
            tag == "meta" and name == "content" and _refreshes(attrs) and _refresh_target(value)
        ):
            self._found("request a resource from a server", markup)


def _refreshes(attrs: list[tuple[str, str | None]]) -> bool:
    return any(n == "http-equiv" and (v or "").strip().lower() == "refresh" for n, v in attrs)


def _refresh_target(content: str) -> bool:
    match = re.search(r"url\s*=\s*['\"]?([^'\"]*)", content, re.IGNORECASE)
    return match is not None and remote_url(match.group(1))
