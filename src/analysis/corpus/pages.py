"""Saved article pages (``.html``, ``.htm``): one article per page, read with trafilatura, offline.

The page's main text is kept without menus, ads, comments and related-link boxes (trafilatura in its
precision mode); the headline, publication date, author, site name, categories and tags, and canonical URL
come from the page's own metadata (``<meta>``, Open Graph, JSON-LD). Nothing is fetched: the file's text
is all that is read. A page with no article text that can be told from its menus (an index page, an error
page) is an error naming the file.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from analysis.corpus.base import BlockError, ParsedArticle, article_id, clean_text
from analysis.corpus.outlets import outlet_fields

__all__ = ["MIN_PAGE_CHARS", "SAVED_PAGES", "parse_page"]

#: The tag page of saved pages (of those in a sub-folder of the folder given: the sub-folder's name).
SAVED_PAGES = "saved pages"
#: A page whose extracted text is shorter than this many characters has no article.
MIN_PAGE_CHARS = 80
# Dates with their time when the page gives one (htmldate's own format is the day only).
_DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


def _extract(text: str) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        text,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )


def _body(document: Any, title: str) -> str:
    paragraphs = [" ".join(line.split()) for line in (document.text or "").split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline, repeated at the top of the text
    return clean_text("\n\n".join(paragraphs))


def parse_page(text: str, path: PurePath, display: str) -> list[ParsedArticle]:
    """The article of one saved page (see the module docstring for the fields).

    Args:
        text: the page's decoded HTML.
        path: the file.
        display: the file's name in ``source`` and messages.

    Returns:
        One article, with ``source`` the file's name and, as its tag page, the sub-folder it was found
        in inside the folder given (:data:`SAVED_PAGES` for a page given by itself or at the top).

    Raises:
        BlockError: no article text could be extracted.
    """
    document = _extract(text)
    title = clean_text(" ".join((getattr(document, "title", None) or "").split()))
    body = _body(document, title) if document is not None else ""
    if len(body) < MIN_PAGE_CHARS:
        raise BlockError(
            None,
            "has no article text that could be told apart from menus and links (an index, "
            "search or error page?); save the article's own page, or pass --lenient to skip it",
        )
    tags = list(
        dict.fromkeys(
            t
            for t in (clean_text(v) for v in [*(document.categories or []), *(document.tags or [])])
            if t
        )
    )
    extras: dict[str, Any] = {}
    if document.author:
        extras["author"] = clean_text(document.author)
    extras.update(outlet_fields({"url": document.url or ""}, site_name=document.sitename or ""))
    date = document.date or None
    return [
        ParsedArticle(
            title,
            body,
            tags,
            [PurePath(display).parent.name or SAVED_PAGES],
            display,
            extras,
            article_id(title, body),
            date,
            1 if date else None,
        )
    ]
