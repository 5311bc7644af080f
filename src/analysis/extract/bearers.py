"""A speaker written as a surname alone, when the article names several people so (Jeb and George W. Bush).

The one its honorific's gender and title fit, else the previous quotation's speaker when one of them and
nobody else of that surname was named since, else nobody; and a surname written as a title ("King said"
after "Rep. Steve King") read as the one person named before with it.
"""

from __future__ import annotations

from analysis.extract.referents import SpeakerContext
from analysis.extract.roles import role_words

__all__ = ["one_bearer", "surname_of"]


def one_bearer(
    ctx: SpeakerContext,
    named: tuple[str, bool],
    previous: tuple[str, bool],
    span: tuple[int, int],
) -> tuple[str, bool]:
    """A surname alone ("Mr. Bush said") when the article has named several people so before (Jeb Bush,
    George W. Bush): the one its honorific's gender and its title fit; else the previous quotation's
    speaker when one of them and no other was named since; else nobody (George Conway and Kellyanne
    Conway: "Conway tweeted" is either)."""
    name, (a, b) = named[0], span
    if not named[1] or " " in name or not name[:1].isupper():
        return named
    bearers = [
        m for m in ctx.outside if m.type == "person" and m.name.endswith(" " + name) and m.start < a
    ]
    if len({m.name for m in bearers}) < 2:
        return named
    here = [m for m in ctx.mentions if a <= m.start < b and m.type == "person"]
    gender = next((m.gender for m in here if m.gender), None)
    title = {w for m in here for w in role_words(m.role)}
    fitting = {
        m.name
        for m in bearers
        if (not gender or ctx.genders.get(m.name, {gender}) == {gender})
        and title <= ctx.roles.get(m.name, set())
    }
    if len(fitting) == 1:
        return (
            fitting.pop(),
            True,
        )  # "Mr. Conway" beside Kellyanne Conway, "Sen. McCain" beside Cindy
    since = ctx.previous_end if ctx.previous_end is not None else len(ctx.body)
    others = {m.name for m in bearers if since <= m.start < a and m.name != previous[0]}
    if previous[1] and previous[0] in fitting and not others:
        return previous
    return "", False


def surname_of(ctx: SpeakerContext, text: str, before: int) -> str:
    """The one person named before whose surname is the speaker word ("King" for "Steve King")."""
    if " " in text or not text[:1].isupper():
        return ""
    found = {
        m.name
        for m in ctx.outside
        if m.type == "person" and m.start < before and m.name.split()[-1] == text and " " in m.name
    }
    return found.pop() if len(found) == 1 else ""
