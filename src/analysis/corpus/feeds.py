"""RSS and Atom feeds (``.xml``, ``.rss``, ``.atom``): one article per item, read with feedparser.

Each item gives: ``title``; ``body``, the item's content (else its summary) as plain text, HTML removed
safely (block elements become paragraphs, scripts and styles are dropped, entities decoded; nothing of it
ever runs); the publication date as written (``published``, else ``updated``), read like any export's
date; ``url`` (the item's link); ``author``; ``tags`` (the item's categories); the feed's title as the
tag page; and ``outlet``: the item's ``<source>`` (aggregator feeds name the outlet there), else the
feed's publisher, else the site of the feed's link. A feed that is not well-formed XML, or that has no
items, is an error naming the file (and the line, when the XML parser gives one).
"""

from __future__ import annotations

import re
from email.utils import parseaddr
from pathlib import PurePath
from typing import Any

from analysis.corpus.base import BlockError, ParsedArticle, article_id, clean_text
from analysis.corpus.outlets import outlet_fields, site_of

__all__ = ["html_to_text", "parse_feed"]

_ITEM_START = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]")
_BLOCKS = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
    "table", "section", "article", "figure", "figcaption", "header", "footer",
)  # fmt: skip
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def html_to_text(fragment: str) -> str:
    """An HTML fragment as plain text: a paragraph per block element or ``<br>``, entities decoded.

    Scripts, styles and comments are dropped; nothing in the fragment is run or fetched.

    Example:
        >>> html_to_text("<p>Ships &amp; <b>ports</b></p><p>Second<br>line</p>")
        'Ships & ports\\n\\nSecond\\n\\nline'
    """
    if "<" not in fragment and "&" not in fragment:
        return _paragraphs(fragment)
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _paragraphs(fragment)
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for comment in root.xpath("//comment()"):
        comment.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br" or element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
            if element.tag in _BLOCKS:
                element.text = "\n\n" + (element.text or "")
    return _paragraphs(root.text_content())


def _paragraphs(text: str) -> str:
    """Text split at blank lines (or single line breaks), each paragraph on one line, joined by a blank line."""
    parts = (" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text))
    return clean_text("\n\n".join(p for p in parts if p))


def _item_lines(text: str) -> list[int]:
    """The line each ``<item>``/``<entry>`` starts on, in document order."""
    return [text.count("\n", 0, m.start()) + 1 for m in _ITEM_START.finditer(text)]


def _text_of(detail: dict[str, Any] | None, value: str) -> str:
    """A title or summary as text: stripped of HTML when the feed says it is HTML."""
    kind = (detail or {}).get("type", "text/plain")
    return html_to_text(value) if kind in _HTML_TYPES else clean_text(" ".join(value.split()))


def _body(entry: dict[str, Any]) -> str:
    for content in entry.get("content") or []:
        text = _text_of(content, content.get("value", ""))
        if text:
            return text
    return _text_of(entry.get("summary_detail"), entry.get("summary", ""))


def _author(raw: str) -> str:
    """``"desk@site.example (Tom Berg)"`` (RSS) -> ``"Tom Berg"``; a plain name as it is."""
    name, address = parseaddr(raw)
    return name if name and "@" in address else raw


def _check(parsed: Any) -> None:
    """Raise for a feed that is not well-formed or has no items (a benign encoding note is ignored)."""
    import feedparser

    exc = parsed.get("bozo_exception")
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if parsed.get("bozo") and exc is not None and not isinstance(exc, benign):
        line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
        detail = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
        raise BlockError(
            line,
            f"is not a well-formed RSS/Atom feed ({detail}); save the feed again, or pass --lenient "
            "to skip it",
        )
    if not parsed.entries:
        raise BlockError(None, "is a feed with no items (no <item> or <entry>); expected articles")


def parse_feed(text: str, path: PurePath, display: str) -> list[ParsedArticle]:
    """The items of one RSS/Atom feed as articles (see the module docstring for the fields).

    Args:
        text: the feed's decoded text.
        path: the file (its stem names the page when the feed has no title).
        display: the file's name in ``source`` and messages.

    Returns:
        One article per item with a title or text, in feed order; ``source`` is ``file:line`` of the item.

    Raises:
        BlockError: the feed is not well-formed, or has no items.
    """
    import feedparser

    parsed = feedparser.parse(text, sanitize_html=True, resolve_relative_uris=False)
    _check(parsed)
    feed = parsed.feed
    page = _text_of(feed.get("title_detail"), feed.get("title", "")) or path.stem
    lines = _item_lines(text)
    out = []
    for i, entry in enumerate(parsed.entries):
        line = lines[i] if len(lines) == len(parsed.entries) else None
        article = _article(entry, feed, page, f"{display}:{line}" if line else display, line)
        if article is not None:
            out.append(article)
    if not out:
        raise BlockError(None, "is a feed whose items have neither a title nor text")
    return out


def _article(
    entry: Any, feed: Any, page: str, source: str, line: int | None
) -> ParsedArticle | None:
    title = _text_of(entry.get("title_detail"), entry.get("title", ""))
    body = _body(entry)
    if not title and not body:
        return None
    tags = list(
        dict.fromkeys(
            t
            for t in (
                clean_text(tag.get("term") or tag.get("label") or "")
                for tag in entry.get("tags", [])
            )
            if t
        )
    )
    author = _author(entry.get("author") or "")
    link = entry.get("link", "")
    record = {
        "outlet": (entry.get("source") or {}).get("title") or feed.get("publisher", ""),
        "url": link,
    }
    extras: dict[str, Any] = {"author": clean_text(author)} if author else {}
    extras.update(outlet_fields(record, site_name=site_of(feed.get("link", ""))))
    date = entry.get("published") or entry.get("updated") or entry.get("created")
    key = article_id(title, body) if body else article_id(title, link)
    date_line = (line or 0) if date else None  # 0: the item's line is not known
    return ParsedArticle(title, body, tags, [page], source, extras, key, date, date_line)
