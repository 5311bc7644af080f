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


def _old_cooccurrence(groups: dict) -> dict:
    """summary._cooccurrence as written before it counted each article's names with Counter.update."""
    from collections import Counter, defaultdict

    by_article: dict = defaultdict(list)
    for key, entry in groups.items():
        for article in sorted(entry["articles"]):
            by_article[article].append(key)
    partners: dict = defaultdict(Counter)
    for members in by_article.values():
        if len(members) > 200:
            continue
        for key in members:
            for other in members:
                if other != key:
                    partners[key][other[0]] += 1
    return partners


def _old_name_written_at(corpus, said, mentions):
    """people._name_written_at as written before it read plain lists instead of DataFrame.iterrows."""
    import pandas as pd

    from analysis.report.people import _CLAUSE_REACH, _STOP_OR_BREAK

    written = pd.Series(False, index=said.index)
    body = dict(zip(corpus["id"].astype(str), corpus["body"].fillna("").astype(str), strict=True))
    in_body = mentions[mentions["field"] == "body"]
    places: dict = {}
    columns = (in_body[c].tolist() for c in ("article_id", "name", "start", "end"))
    for article, name, start, end in zip(*columns, strict=True):
        places.setdefault((article, name), []).append((start, end))
    for i, row in said[said["speaker"] != ""].iterrows():
        text = body.get(str(row["article_id"]), "")
        for start, end in places.get((row["article_id"], row["speaker"]), ()):
            if row["start"] - _CLAUSE_REACH <= end <= row["start"]:
                between = text[end : row["start"]]
            elif row["end"] <= start <= row["end"] + _CLAUSE_REACH:
                between = text[row["end"] : start]
            else:
                inside = row["start"] <= start < row["end"] and text[start:end] not in row["quote"]
                written[i] = written[i] or inside
                continue
            if not _STOP_OR_BREAK.search(between):
                written[i] = True
    return written


def test_report_tables_of_people_and_quotes_are_what_the_old_loops_gave(bbc_corpus):
    """Who appears with whom (summary._cooccurrence, order of insertion included: it breaks ties) and
    whether a speaker's name is written next to each quotation (people._name_written_at) are exactly what
    the loops they replaced gave, on 400 BBC articles."""
    import pandas as pd

    from analysis.extract import people_and_quotes
    from analysis.extract.summary import _cooccurrence
    from analysis.report.people import _name_written_at

    corpus = bbc_corpus.iloc[::5].head(400).reset_index(drop=True)
    mentions, said = people_and_quotes(corpus, progress=False)
    groups: dict = {}  # as entity_summary groups them: by (name, type), in the mentions' order
    keys = zip(mentions["name"], mentions["type"], strict=True)
    for key, article in zip(keys, mentions["article_id"], strict=True):
        groups.setdefault(key, {"articles": set()})["articles"].add(article)
    new, old = _cooccurrence(groups), _old_cooccurrence(groups)
    assert list(new) == list(old)
    assert all(list(new[k].items()) == list(old[k].items()) for k in old)
    assert sum(len(c) for c in old.values()) > 1000  # many partners were counted
    written = _name_written_at(corpus, said, mentions)
    pd.testing.assert_series_equal(written, _old_name_written_at(corpus, said, mentions))
    assert 0 < written.sum() < len(written)
