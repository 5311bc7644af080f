"""Sixteenth round of attribution rules (issue 19): a name followed by an apposition naming someone else."""

from __future__ import annotations

from tests.conftest import speakers_in


def test_the_name_before_an_apposition_naming_another_person_speaks():
    """ "Tim Miller, communications director for Mr Bush, said": Miller, not the description of him (the
    nearest chunk naming a person was taken, and Mr Bush, after "for", was then refused)."""
    body = (
        "Tim Miller, communications director for Mr Bush, said: \u201cAnn Herberger is his longtime "
        "fund-raising consultant in Florida.\u201d"
    )
    assert speakers_in(body) == [("Tim Miller", True, "said")]
    body = (
        "John Brabender, a strategist and long-time adviser for former GOP presidential candidate and Sen. "
        "Rick Santorum, said on Wednesday that \u201cRepublicans should galvanize on this issue.\u201d"
    )
    assert [s[:2] for s in speakers_in(body)] == [("John Brabender", True)]


def test_a_description_naming_someone_stays_a_description():
    """No name before the description: "A spokesman for House Speaker John Boehner" is not Boehner."""
    body = (
        "A spokesman for House Speaker John Boehner said: \u201cWe agree the sequester is the wrong way "
        "to cut spending.\u201d"
    )
    assert speakers_in(body) == [("A spokesman for House Speaker John Boehner", False, "said")]
