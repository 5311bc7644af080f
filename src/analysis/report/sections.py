"""The report's section skeleton, shared by every section renderer: a heading, an intro, blocks, notes.

A section is rendered by ``snippets/section.html.j2``; a block is a fragment (a table or a chart) with an
optional heading and sentence; a section that cannot be drawn says in one line why it is absent.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from analysis.report.html import HTMLBlock, render

__all__ = ["absent", "block", "section"]


def block(html: str, *, heading: str | None = None, text: str | None = None) -> dict[str, Any]:
    """One block of a section: an HTML fragment built from escaped templates, with a heading and a sentence."""
    return {"html": Markup(html), "heading": heading, "text": text}


def section(heading: str, anchor: str, **context: Any) -> HTMLBlock:
    """A whole section: ``intro`` sentences, ``blocks`` (see :func:`block`) and ``notes``, under ``heading``."""
    context.setdefault("intro", [])
    context.setdefault("blocks", [])
    context.setdefault("notes", [])
    return render("section.html.j2", heading=heading, anchor=anchor, absent=None, **context)


def absent(heading: str, reason: str) -> HTMLBlock:
    """One line saying why a section is not shown (``reason``)."""
    return render("section.html.j2", heading=heading, anchor="", absent=reason)
