"""Faster code in the readers that must give exactly what the code it replaced gave."""

from __future__ import annotations


def test_words_before_a_name_are_the_pattern_s_groups():
    """described.words_before gives what the pattern it replaces found (group 1 of each non-overlapping
    match of ``([\\w,;]*[a-z,;])[^\\S\\n]+NAME\\b``), on made-up bodies built to trip it and on real text."""
    import random
    import re

    from analysis.extract.described import words_before

    def pattern(name: str, body: str) -> list[str]:
        found = re.finditer(r"([\w,;]*[a-z,;])[^\S\n]+" + re.escape(name) + r"\b", body)
        return [w.group(1) for w in found]

    rng = random.Random(7)
    pieces = [
        "a",
        "b",
        "A",
        " ",
        "\n",
        ",",
        ";",
        ".",
        "é",
        "\u00a0",
        "\t",
        "the",
        "an",
        "Van",
        "Jr.",
    ]
    names = ["", "a", "Van", "Van Van", "Jr.", "A b", "x,", "the", "an A", " a"]
    for _ in range(20_000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        name = rng.choice(names)
        assert list(words_before(name, body)) == pattern(name, body), (name, body)
    text = (
        "But Parry, speaking to BBC Sport, said the Broward county supervisor Parry was wrong; "
        "the Van Van Van band, a Smith,the Smith and said Smith Jr. Smith Jr.x agreed."
    )
    for name in ("Parry", "Van Van", "Smith", "Smith Jr.", "BBC Sport", "Broward"):
        assert list(words_before(name, text)) == pattern(name, text)


def test_folded_names_of_ascii_text_are_the_text():
    """surnames._folded skips the decomposition for ASCII names: the same as decomposing every one."""
    import unicodedata

    from analysis.extract.surnames import _folded

    def decomposed(name: str) -> str:
        return "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )

    for name in [chr(i) for i in range(128)] + ["García", "Lily Eskelsen García", "Zoë", "Smith"]:
        assert _folded(name) == decomposed(name)
