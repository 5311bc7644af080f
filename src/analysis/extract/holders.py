"""Who holds the role an epithet names ("the defence minister", "the Vermont senator", "the ministry"):
the one person the article gives that role, or the one organisation so named."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.described import unnamed_before
from analysis.extract.gazetteer import first_names, places_fit

if TYPE_CHECKING:
    from analysis.extract.referents import SpeakerContext

__all__ = ["role_holder"]


def role_holder(
    ctx: SpeakerContext,
    before: int,
    words: list[str],
    *,
    proper: bool = False,
    previous: str = "",
) -> str | None:
    """ "the defence minister", "the ministry": the one person with that role, or organisation so named
    ("" for none); with ``proper`` qualifiers ("the Ealing North MP"), the one person whose role has the
    head word (a place the role lacks taken on trust only for a person named in the last three sentences:
    None when someone holds the role but not that place); of several with the role, the previous
    quotation's speaker (``previous``)."""
    wanted = [w.replace(".", "") for w in words[1:] if w not in {"former", "then"}]
    if not wanted:
        return ""
    earlier = {m.name for m in ctx.outside if m.type == "person" and m.start < before}
    people = _holding(ctx, earlier, wanted)
    if not people and len(wanted) > 1:
        # "the former senior Trump adviser": the role without the surname qualifying it and the rank
        surnames = {
            n.split()[-1].lower()
            for n in earlier
            if " " not in n or n.split()[0].lower() in first_names()
        }  # not "for Culture", a title's tail misread as a name
        people = _holding(ctx, earlier, [w for w in wanted if w not in surnames | _RANKS])
    if not people and proper and wanted[-1] in cues.ROLE_HEADS:
        fitting = {
            name
            for name in earlier
            if wanted[-1] in ctx.roles.get(name, set())
            and not (ctx.roles[name] & cues.DISTINCT_ROLE_WORDS) - set(wanted)
            and places_fit(ctx.roles[name], wanted)
        }  # "the California Democrat" is not "Al Franken, Minnesota Democrat"
        people = {
            name
            for name in fitting
            if places_fit(ctx.roles[name], wanted, near=False) or _named_near(ctx, name, before)
        }
        if fitting and not people:
            return None
    if len(people) == 1:
        found = people.pop()
        named = max(m.end for m in ctx.outside if m.name == found and m.start < before)
        own = _APPOSITION.match(ctx.body, named)  # not "McCain, an Arizona Republican," naming him
        start = min(own.end() if own else named, before)
        if unnamed_before(_reporters_words(ctx, start, before), wanted[-1]):
            return (
                None  # "..., said a Senate Republican pollster. “…,” the pollster said": not Lake
            )
        return found
    if previous in people:
        # "“…,” Trump said. “…,” the president said" beside President Putin; not when another holder is
        # named since ("... by Pope John Paul II, who said “…”. Pope Francis is just following ...
        # “…,” the Pope said")
        since = ctx.previous_end if ctx.previous_end is not None else before
        acting = [
            m.name
            for m in ctx.outside
            if since <= m.start < before and m.name in people and (m.subject or m.lead)
        ]  # the last holder acting since, not "with President Xi": another leaves it unresolved
        return None if acting and acting[-1] != previous else previous
    if people or wanted[-1] not in cues.ORG_HEADS:
        return ""
    orgs = {
        m.name
        for m in ctx.outside
        if m.type == "organisation"
        and m.start < before
        and m.name.lower().split()[-1:] == wanted[-1:]
    }
    return orgs.pop() if len(orgs) == 1 else ""


#: Words of rank a description may add to the role its holder was given ("senior", "longtime").
_RANKS = frozenset({"senior", "longtime", "veteran", "top"})


def _holding(ctx: SpeakerContext, earlier: set[str], wanted: list[str]) -> set[str]:
    """The people named earlier whose roles hold every wanted word and no distinct word besides ("the
    foreign secretary" is not "Shadow Foreign Secretary Michael Ancram")."""
    return {
        name
        for name in earlier
        if wanted
        and set(wanted) <= ctx.roles.get(name, set())
        and not (ctx.roles[name] & cues.DISTINCT_ROLE_WORDS) - set(wanted)
    }


def _named_near(ctx: SpeakerContext, name: str, before: int) -> bool:
    """Is the person named in the sentence holding ``before`` or one of the two before it?"""
    here = ctx.sentence_of(before)
    return any(
        m.name == name and 0 <= here - m.sentence <= 2 for m in ctx.outside if m.start < before
    )


#: An apposition right after a name, describing that person (", an Arizona Republican,").
_APPOSITION = re.compile(r",\s+(?:a|an)\s+[^,.;“”\"]{1,80},")


def _reporters_words(ctx: SpeakerContext, start: int, end: int) -> str:
    """The body from ``start`` to ``end`` with its quotations blanked ("we have a mayor who ..." is no
    unnamed mayor)."""
    text = list(ctx.body[start:end])
    for a, b in ctx.quoted:
        a, b = min(max(a - start, 0), len(text)), min(max(b - start, 0), len(text))
        text[a:b] = " " * (b - a)
    return "".join(text)
