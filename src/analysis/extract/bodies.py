"""Organisations and descriptions as speakers: a body named in the speaker words ("the GAO report", "a
statement from Chelsea", "FireEye's analysis", "a spokesman for SSL" - a description), and how a description is
kept as written."""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.described import AUTHORED_DOCUMENTS, EXTRA_SOURCES, WORD, issues_documents
from analysis.extract.roles import LINKS

if TYPE_CHECKING:
    from analysis.extract.entities import Mention

__all__ = ["as_written", "describes_source", "modifies", "organisation_speaker"]

#: Documents a body may speak through ("the GAO report", "FireEye's analysis", "a statement from Chelsea"):
#: those whose author the article may name (:data:`AUTHORED_DOCUMENTS`) and others.
_DOCUMENTS = AUTHORED_DOCUMENTS | frozenset(
    "analysis study website blog post filing lawsuit memo editorial".split()
)


#: A party's members written for the party ("Democrats said"): a group of people, no one speaker.
_MEMBERS = frozenset({"democrats", "republicans"})


def organisation_speaker(
    body: str,
    orgs: list[Mention],
    span: tuple[int, int],
    words: list[str],
    outside: list[Mention],
) -> tuple[str, bool]:
    """The speaker when the speaker words at ``span`` name organisations ``orgs`` and no person: the body, a
    description built on it, or nobody (``outside``: the article's mentions outside quotations)."""
    a, b = span
    org = orgs[0]
    if len(orgs) == 1 and org.text.lower() in _MEMBERS:  # "Democrats said": some, not the party
        return (as_written(body[a : org.end]), False) if len(words) <= 3 else ("", False)
    lead = [w.strip(",") for w in body[a : org.start].lower().split()]
    if lead and lead[0] in {"who", "which", "that", "where", "when"}:
        return "", False  # a relative clause, not a speaker
    if (
        2 <= len(lead) <= 4
        and lead[-1] in {"from", "by"}
        and lead[-2] in _DOCUMENTS
        and len({m.name for m in orgs}) == 1
    ):
        return org.name, True  # "A statement from Chelsea explaining the decision read:"
    described = (
        any(w in LINKS or w == "in" for w in lead) or _head_after(body[org.end : b])
    )  # "a spokesman for SSL", "analysts at Gartner", "one GOP operative with ties to the White House",
    # "detainee 'A' in Woodhill Prison"
    owner = body[org.end : org.end + 2] in {"'s", "’s"} and bool(
        WORD.findall(body[org.end + 2 : b])
    )
    trailing = WORD.findall(body[orgs[-1].end : b])
    if owner and not described and trailing[-1:] and trailing[-1].lower() in _DOCUMENTS:
        return org.name, True  # "FireEye's analysis notes": the firm speaks
    if (
        lead == ["the"]
        and len(orgs) == 1
        and len(trailing) == 1
        and trailing[0].lower() in _DOCUMENTS
        and issues_documents(body, outside, org)
    ):  # "the GAO report said" after "the Government Accountability Office questioned": the office's
        return org.name, True  # not "the Bundestag report", by "the Bundestag's legal analysts"
    if described or owner or (trailing and trailing[0] not in {"'s", "’s"}):
        return (as_written(body[a:b]), False) if describes_source(words) else ("", False)
    return org.name, True


def as_written(text: str) -> str:
    """A description from its last article before any linking word on ("Early talks have taken place and
    the defender" -> "the defender"; "one GOP operative with ties to the White House" stays whole), in
    single spaces."""
    words = text.split()
    stop = next((i for i, w in enumerate(words) if i and w.lower() in LINKS), len(words))
    cut = max(
        (i for i, w in enumerate(words[:stop]) if i and w.lower() in {"the", "a", "an", "one"}),
        default=0,
    )
    words = words[cut:]
    while len(words) > 1 and words[-1].lower().strip(",") in _NOT_SPEAKER_TAIL:
        words = words[:-1]  # "Donald Trump's campaign Friday", "Clinton advisors said"
    return " ".join(words)


_NOT_SPEAKER_TAIL = (
    frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
    | cues.REPORTING_VERBS
)


#: Nouns after a name that make the name a modifier: "the Clinton campaign", "a Trump spokesman", "the
#: Cleveland Cavaliers star" (a run read as a person that names the star's team).
_BEHIND_NAME = (
    frozenset(
        """
        campaign campaigns camp administration team transition allies ally staff family foundation
        surrogates loyalists associates backers office estate organization organisation
        """.split()
    )
    | cues.SOURCE_HEADS
    | cues.ROLE_HEADS
    | EXTRA_SOURCES
)


def _head_after(text: str) -> bool:
    """Do the words after a name, up to a linking word, hold a source's head noun ("GOP operative with
    close ties to the White House", "Democratic policy adviser")? Then the name qualifies that source (a
    possessive is read apart: "Chelsea's statement" is Chelsea speaking)."""
    if text[:2] in {"'s", "’s"}:
        return False
    for word in WORD.findall(text.lower())[:4]:
        if word in LINKS:
            return False
        if word in _BEHIND_NAME:
            return True
    return False


def modifies(body: str, m: Mention, end: int) -> bool:
    """Is the person's name a modifier of the noun written right after it, within the speaker words ("the
    Clinton campaign", "Trump's spokesman")?"""
    after = body[m.end : end].removeprefix("'s").removeprefix("’s").split()
    return bool(after) and after[0].islower() and after[0].strip(",.;:") in _BEHIND_NAME


def describes_source(words: list[str]) -> bool:
    """Do the words describe a source ("one EU diplomat", "a spokesman for the firm", "officials")?"""
    cut = next((i for i, w in enumerate(words) if i and w in LINKS), len(words))
    head = words[:cut]
    if not head or head[0] in cues.PRONOUNS or head[0] in {"it", "that", "this", "which", "who"}:
        return False
    if head[-1] in cues.SPORT_POSITIONS and head[0] not in {"the", "a", "an", "one"}:
        return False  # "feel they can't come forward": a position's word is a common word too
    return head[-1] in cues.SOURCE_HEADS or head[-1] in cues.ROLE_HEADS or head[-1] in EXTRA_SOURCES
