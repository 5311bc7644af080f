"""Small generated news exports for tests and examples, in every shape real exports come in.

:func:`make_export` writes nothing: it returns records (dicts with the fields a JSON Lines or CSV export
would have) for a few topics, with people, organisations and direct quotations, so every report section
has something real to find. Options switch each part of the shape on or off, as real exports differ:
tags or none, dates or none, one tag page or several, full bodies or headlines only, an outlet or none,
and an outlet's own promo and link box appended to every article (boilerplate).

    from analysis.datasets import make_export
    records = make_export(24, tags=False, dates=True, outlets=True, random_state=0)
"""

from __future__ import annotations

import random
from typing import Any

__all__ = ["OUTLETS", "TOPICS", "boilerplate_of", "make_export"]

#: The generated topics: a headline noun, body words, a person quoted and the organisation they lead.
TOPICS: dict[str, dict[str, Any]] = {
    "harbour": {
        "words": [
            "harbour",
            "dredging",
            "ships",
            "cargo",
            "quay",
            "freight",
            "tides",
            "berth",
            "pilots",
            "crane",
        ],
        "person": "Maria Okafor",
        "role": "Harbour Master",
        "org": "Northport Harbour Authority",
    },
    "vaccine": {
        "words": [
            "vaccine",
            "clinic",
            "doses",
            "nurses",
            "booster",
            "patients",
            "ward",
            "trial",
            "immunity",
            "pharmacy",
        ],
        "person": "Daniel Reyes",
        "role": "Health Secretary",
        "org": "National Vaccine Agency",
    },
    "railway": {
        "words": [
            "railway",
            "signals",
            "timetable",
            "carriages",
            "commuters",
            "tracks",
            "station",
            "fares",
            "depot",
            "engineers",
        ],
        "person": "Helen Strand",
        "role": "Transport Minister",
        "org": "Eastern Rail Company",
    },
}

#: Generated outlets: name as the export writes it, the site, and the boilerplate each appends.
OUTLETS: tuple[dict[str, str], ...] = (
    {
        "name": "Daily Ledger",
        "url": "https://www.dailyledger.example/news/",
        "promo": "Sign up for the Ledger Morning Briefing, delivered to your inbox by Gregor Vance.",
        "links": "Related: Ledger Weekend Picks | Ledger Puzzle Corner | Ledger Podcast with Ines Marlow",
    },
    {
        "name": "Evening Courier",
        "url": "https://eveningcourier.example/story/",
        "promo": '"Read more, pay less," says Courier editor Tobias Wren. Subscribe to Courier Plus today.',
        "links": "More from the Courier: Courier Sport Desk | Courier Travel Club | Advertisement",
    },
    {
        "name": "Metro Wire",
        "url": "https://metrowire.example/a/",
        "promo": "Copyright Metro Wire Holdings Ltd. All rights reserved. Contact Felix Drummond.",
        "links": "Story continued below. Sign up for Metro Wire Daily Newsletters.",
    },
)

_FILLER = [
    "officials",
    "council",
    "residents",
    "report",
    "budget",
    "week",
    "plans",
    "region",
    "spokesperson",
    "statement",
]


def boilerplate_of(outlet: dict[str, str]) -> tuple[str, str]:
    """The promo paragraph and the link-box paragraph an outlet appends to every article."""
    return outlet["promo"], outlet["links"]


def _body(topic: str, i: int, rng: random.Random) -> list[str]:
    spec = TOPICS[topic]
    words = spec["words"]
    first = " ".join(rng.sample(words, 6) + rng.sample(_FILLER, 3))
    second = " ".join(rng.sample(words, 5) + rng.sample(_FILLER, 4))
    quote = f"The {words[i % len(words)]} plan will go ahead this year"
    return [
        f"{first.capitalize()} on day {i}.",
        f'"{quote}," said {spec["role"]} {spec["person"]} of the {spec["org"]}.',
        f"{second.capitalize()}, {spec['person'].split()[-1]} added.",
    ]


def make_export(
    n: int = 24,
    *,
    tags: bool = True,
    dates: bool = True,
    pages: int = 1,
    bodies: bool = True,
    outlets: bool = True,
    boilerplate: bool = False,
    random_state: int = 0,
) -> list[dict[str, Any]]:
    """``n`` generated article records, topics in turn, in the shape asked for.

    Args:
        n: number of articles (each distinct).
        tags: give each article a ``tags`` list (its topic and a shared tag).
        dates: give each article a ``date`` (ISO 8601), spread over six months of 2025.
        pages: spread the articles over this many ``tag_pages`` (1: no ``tag_pages`` field).
        bodies: give each article a ``body``; False writes headlines only (no body field at all).
        outlets: give each article a ``publisher`` and a ``url``.
        boilerplate: append the article's outlet promo and link box (:data:`OUTLETS`) to every body.
        random_state: seeds the word choices.

    Returns:
        A list of dicts, one per article, ready for ``json.dumps`` or ``csv.DictWriter``.
    """
    rng = random.Random(random_state)
    names = list(TOPICS)
    out = []
    for i in range(n):
        topic = names[i % len(names)]
        outlet = OUTLETS[(i // len(names)) % len(OUTLETS)]
        record: dict[str, Any] = {
            "title": f"{topic.capitalize()} story {i}: {rng.choice(TOPICS[topic]['words'])} plan"
        }
        if bodies:
            paragraphs = _body(topic, i, rng)
            if boilerplate:
                paragraphs += list(boilerplate_of(outlet))
            record["body"] = "\n\n".join(paragraphs)
        if tags:
            record["tags"] = [topic.capitalize(), "News"]
        if pages > 1:
            record["tag_pages"] = [f"Page {i % pages + 1}"]
        if dates:
            record["date"] = f"2025-{1 + i % 6:02d}-{1 + (i * 7) % 28:02d}T09:00:00Z"
        if outlets:
            record["publisher"] = outlet["name"]
            record["url"] = f"{outlet['url']}{topic}-{i}"
        out.append(record)
    return out
