"""Issue 19, sixth round: shapes that gave a quotation a wrong named speaker.

Shaped on AllSides articles outside every key (seed 7): a name owning what follows a reporting verb ("said
McCain’s decision caught him off guard") is no subject of that verb, so a later "he said" stays with the
sentence's speaker."""

from __future__ import annotations

from analysis.extract import quotes
from tests.conftest import make_corpus


def _said(body: str) -> list[tuple[str, bool, str]]:
    said = quotes(make_corpus([{"body": body}]))
    return list(zip(said["speaker"], said["speaker_named"], said["cue"], strict=True))


def test_a_possessive_after_said_is_no_speaker_for_a_later_he():
    body = (
        "Sen. John McCain voted no. He told reporters “I thought it was the right vote” while leaving.\n\n"
        "Sen. Bill Cassidy of Louisiana said McCain’s decision caught him off guard, telling reporters "
        "he’s frustrated with the outcome.\n\n"
        "“Obviously I thought he was going to vote yes,” he said. “We thought we had it in a good place.”"
    )
    assert _said(body)[1][:2] == ("Bill Cassidy", True)
