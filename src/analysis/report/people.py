"""Report sections on the people in the coverage: "Who is in the coverage" and "Who said what".

"Who is in the coverage" ranks people, organisations and places by the number of articles that mention
them, and lists the leading ones of each topic cluster. "Who said what" ranks speakers by the number of
quotations attributed to them, counts named and unnamed sources apart, and shows each leading speaker's
quotations with a few keyword-in-context lines of their name. Every table has its CSV download; every string
from the articles (names, roles, quotations, headlines) goes through autoescaped Jinja2
(:mod:`analysis.report.html`), so hostile text stays text.

    mentions, said = people_and_quotes(corpus)
    report.people_html(corpus, mentions, model, slug=slug)
    report.quotes_html(corpus, said, mentions, model, slug=slug)
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.extract import entity_summary
from analysis.report.html import HTMLBlock, table_html
from analysis.report.sections import absent, block, section
from analysis.text.kwic import keyword_in_context

__all__ = ["main_people", "people_html", "quotes_html"]

_LABELS = {"person": "People", "organisation": "Organisations", "place": "Places"}
_QUOTE_CHARS = 400


def _joined(values, limit: int = 3) -> str:
    return ", ".join(str(v) for v in list(values)[:limit])


# ------------------------------------------------------------------------------- who is in the coverage


def main_people(
    corpus: pd.DataFrame, mentions: pd.DataFrame, model, *, top: int = 3
) -> dict[int, list[str]]:
    """For each cluster (0-based, as in ``model.labels``), the ``top`` people most tied to it
    (:func:`tied_to_clusters`): ``"Name (n)"``, n its articles naming them."""
    people = mentions[mentions["type"] == "person"]
    cluster_of = dict(zip(corpus["id"].astype(str), model.labels, strict=True))
    counted = (
        people.assign(cluster=people["article_id"].map(cluster_of))
        .dropna(subset=["cluster"])
        .groupby(["cluster", "name"])["article_id"]
        .nunique()
        .reset_index(name="articles")
    )
    return {
        int(cluster): [f"{r.name} ({r.articles})" for r in group.head(top).itertuples()]
        for cluster, group in tied_to_clusters(counted, ["name"]).groupby("cluster")
    }


def tied_to_clusters(counted: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Names ranked within each cluster by how tied they are to it: named in many of its articles and in
    few others (its articles naming them times the share of all their articles that are in it), names in
    one article of the cluster last; ties by articles, then name. In news about one election every topic's
    most named people are the two candidates; this puts "Kelly Ayotte" first in the Senate races' topic.

    Args:
        counted: one row per cluster and name: ``cluster``, the ``key`` columns, ``articles``.
        key: the columns naming a name (``["name"]``, or ``["type", "name"]``).
    """
    overall = counted.groupby(key)["articles"].transform("sum")
    ranked = counted.assign(
        _several=counted["articles"] >= 2, _tie=counted["articles"] ** 2 / overall
    )
    return ranked.sort_values(
        ["cluster", "_several", "_tie", "articles", "name"],
        ascending=[True, False, False, False, True],
        kind="stable",
    ).drop(columns=["_several", "_tie"])


def people_html(
    corpus: pd.DataFrame,
    mentions: pd.DataFrame,
    model=None,
    *,
    slug: str = "report",
    top: int = 15,
    note: str = "",
) -> HTMLBlock:
    """The "Who is in the coverage" section, or one sentence saying why it is absent (no names found).

    Args:
        corpus: the corpus.
        mentions: :func:`analysis.extract.entities` of the corpus.
        model: the fitted :class:`analysis.topics.TopicModel` (adds clusters and the per-cluster table).
        slug: prefix of the CSV download names.
        top: rows shown per table (the downloads have them all).
        note: a sentence for the reader under the section (e.g. that it reads a sample of the articles).

    Returns:
        The HTML fragment.
    """
    heading = "Who is in the coverage"
    if mentions.empty:
        return absent(
            heading, f"no person, organisation or place was found in the {len(corpus):,} articles."
        )
    summary = entity_summary(corpus, mentions, model)
    blocks = [
        _type_block(summary, kind, slug=slug, top=top, with_model=model is not None)
        for kind in _LABELS
    ]
    if model is not None:
        blocks.append(_by_cluster_block(corpus, mentions, model, slug=slug))
    counts = summary["type"].value_counts()
    intro = [
        (
            f"Across the {len(corpus):,} articles: {counts.get('person', 0)} people, "
            f"{counts.get('organisation', 0)} organisations and {counts.get('place', 0)} places, ranked by "
            'the number of articles that name them. Forms of one name are merged ("Starmer", "Keir Starmer"; '
            '"U.K.", "Britain"); titles are shown apart as roles.'
        )
    ]
    return section(
        heading, "who-is-in-the-coverage", intro=intro, blocks=blocks, notes=[note] if note else []
    )


def _type_block(summary: pd.DataFrame, kind: str, *, slug: str, top: int, with_model: bool) -> dict:
    rows = summary[summary["type"] == kind]
    table = pd.DataFrame(
        {
            "name": rows["name"],
            "articles": rows["articles"],
            "mentions": rows["mentions"],
            **({"roles": rows["roles"].map(_joined)} if kind == "person" else {}),
            "also written": [
                _joined([f for f in forms if f != name])
                for name, forms in zip(rows["name"], rows["forms"], strict=True)
            ],
            "appears with": rows["with"].map(_joined),
            **(
                {"clusters": rows["clusters"].map(lambda c: _joined(sorted(c), 10))}
                if with_model
                else {}
            ),
        }
    )
    html = table_html(
        table,
        numeric=["articles", "mentions"],
        csv_name=f"{slug}-{kind}s.csv" if kind != "person" else f"{slug}-people.csv",
        max_rows=top,
        empty=f"No {_LABELS[kind].lower()} were found.",
    )
    return block(html, heading=_LABELS[kind])


def _by_cluster_block(corpus: pd.DataFrame, mentions: pd.DataFrame, model, *, slug: str) -> dict:
    cluster_of = dict(zip(corpus["id"].astype(str), model.numbers[model.labels], strict=True))
    tagged = mentions.assign(cluster=mentions["article_id"].map(cluster_of))
    counted = (
        tagged.groupby(["cluster", "type", "name"])["article_id"]
        .nunique()
        .reset_index(name="articles")
    )
    counted = tied_to_clusters(counted, ["type", "name"])
    rows = []
    for c in range(model.k):  # numbers are 1..k, or a baseline's (--since)
        cluster = int(model.numbers[c])
        here = counted[counted["cluster"] == cluster]
        label = model.clusters["label"].iloc[c]
        row = {"cluster": f"{cluster}: {label}"}
        for kind, title in _LABELS.items():
            row[title.lower()] = ", ".join(
                f"{r.name} ({r.articles})" for r in here[here["type"] == kind].head(4).itertuples()
            )
        rows.append(row)
    html = table_html(pd.DataFrame(rows), csv_name=f"{slug}-names-by-cluster.csv")
    return block(
        html,
        heading="By topic cluster",
        text=(
            "The names most tied to each cluster: named in many of its articles and in few others (names "
            "every cluster mentions come after those of its own), with the number of its articles naming them."
        ),
    )


# ------------------------------------------------------------------------------------- who said what


def quotes_html(
    corpus: pd.DataFrame,
    said: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    model=None,
    *,
    slug: str = "report",
    speakers: int = 8,
    per_speaker: int = 4,
    kwic_lines: int = 3,
    note: str = "",
) -> HTMLBlock:
    """The "Who said what" section, or one sentence saying why it is absent (no quotations found).

    Args:
        corpus: the corpus.
        said: :func:`analysis.extract.quotes` of the corpus.
        mentions: :func:`analysis.extract.entities` of the corpus (the forms of a name searched in context).
        model: the fitted :class:`analysis.topics.TopicModel` (adds each quotation's cluster).
        slug: prefix of the CSV download names.
        speakers: named speakers shown with their quotations.
        per_speaker: quotations shown per speaker (the download has them all).
        kwic_lines: keyword-in-context lines shown per speaker.
        note: a sentence for the reader under the section (e.g. that it reads a sample of the articles).

    Returns:
        The HTML fragment.
    """
    heading = "Who said what"
    if said.empty:
        return absent(heading, f"no direct quotation was found in the {len(corpus):,} articles.")
    headline = dict(zip(corpus["id"].astype(str), corpus["title"], strict=True))
    table = _quotations_table(corpus, said, model, headline)
    written = _name_written_at(corpus, said, mentions)
    ranked = _speakers_table(said)
    named = said[said["speaker_named"]]
    unnamed = int((~said["speaker_named"] & (said["speaker"] != "")).sum())
    intro = [
        (
            f"{len(said):,} quotations in the {len(corpus):,} articles: {len(named):,} from named people or "
            f"organisations ({named['speaker'].nunique()} speakers), {unnamed:,} from unnamed sources "
            f"described in the text, and {int((said['speaker'] == '').sum()):,} with the speaker unclear: a "
            "speaker is named only on clear evidence in the text (the subject of the quoting verb, "
            '"according to", a pronoun or title only one person fits), and the rankings count only those. '
            "Under each speaker, the quotations whose own sentence writes the speaker's name come first."
        )
    ]
    blocks = [
        block(
            table_html(
                ranked,
                numeric=["quotations", "articles"],
                csv_name=f"{slug}-speakers.csv",
                max_rows=15,
            ),
            heading="Speakers by number of quotations",
        )
    ]
    for name in ranked.loc[ranked["named"] == "yes", "speaker"].head(speakers):
        # the quotations the ranking counts: clear attributions to this name (as the table above)
        theirs = _clearest_first(
            table[(table["speaker"] == name) & (table["named"] == "yes")], written
        )
        blocks.append(_speaker_block(corpus, theirs, mentions, name, per_speaker, kwic_lines))
    listing = table.assign(quotation=table["quotation"].map(_shorten))
    blocks.append(
        block(
            table_html(listing, csv_name=f"{slug}-quotations.csv", max_rows=15),
            heading="All quotations",
            text="The first quotations in article order; the download has every one with its speaker and cue.",
        )
    )
    return section(
        heading, "who-said-what", intro=intro, blocks=blocks, notes=[note] if note else []
    )


def _quotations_table(
    corpus: pd.DataFrame, said: pd.DataFrame, model, headline: dict
) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "speaker": said["speaker"].replace("", "(not found)"),
            "named": said["speaker_named"].map({True: "yes", False: "no"}),
            "quotation": said["quote"],
            "cue": said["cue"],
            "kind": said["kind"],
            "headline": said["article_id"].map(headline),
        }
    )
    if model is not None:
        cluster_of = dict(zip(corpus["id"].astype(str), model.numbers[model.labels], strict=True))
        table["cluster"] = said["article_id"].map(cluster_of)
    return table


def _speakers_table(said: pd.DataFrame) -> pd.DataFrame:
    known = said[said["speaker"] != ""]
    # an unnamed source ("a spokesman") is one per article: spokesmen of different stories stay apart
    source = known["article_id"].where(~known["speaker_named"], "")
    keys = ["speaker", "speaker_named", "source"]
    grouped = known.assign(source=source).groupby(keys)
    ranked = pd.DataFrame(
        {
            "quotations": grouped.size(),
            "articles": grouped["article_id"].nunique(),
            "usual cue": _usual_cues(known.assign(source=source), keys),
        }
    ).reset_index()
    ranked["usual cue"] = ranked["usual cue"].fillna("")
    ranked["named"] = ranked["speaker_named"].map({True: "yes", False: "no"})
    ranked = ranked.sort_values(
        ["quotations", "articles", "speaker"], ascending=[False, False, True]
    )
    return ranked[["speaker", "named", "quotations", "articles", "usual cue"]].reset_index(
        drop=True
    )


def _usual_cues(rows: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Each group's most frequent non-empty cue, the first in sorted order on a tie (what
    ``cues[cues != ""].mode().iloc[0]`` gives), counted for all groups at once; a group with no cue is
    missing from the result."""
    cued = rows[rows["cue"] != ""]
    counts = cued.groupby([*keys, "cue"]).size().rename("n").reset_index()
    # within a group: the highest count first, then the cue in sorted order (groupby sorted the cues)
    counts = counts.sort_values("n", ascending=False, kind="stable")
    return counts.drop_duplicates(keys).set_index(keys)["cue"]


def _speaker_block(
    corpus: pd.DataFrame,
    theirs: pd.DataFrame,
    mentions,
    name: str,
    per_speaker: int,
    kwic_lines: int,
) -> dict:
    shown = theirs.assign(quotation=theirs["quotation"].map(_shorten))[["quotation", "headline"]]
    html = table_html(shown, max_rows=per_speaker)
    context = _name_in_context(corpus, mentions, name, kwic_lines)
    if not context.empty:
        html += table_html(context, numeric=["before"])
    more = (
        f" ({len(theirs) - per_speaker} more in the download)" if len(theirs) > per_speaker else ""
    )
    return block(
        html, heading=f"{name}: {len(theirs)} quotation{'s' if len(theirs) != 1 else ''}{more}"
    )


def _clearest_first(theirs: pd.DataFrame, written: pd.Series) -> pd.DataFrame:
    """A speaker's quotations (``theirs``), those whose own sentence writes the speaker's name first
    (``written``: "…," Starmer said, not "…," he said), then those attributed by a reporting clause of their
    own, whole sentences of speech, and quotations of 5 words or more, each group in article order: the
    reader sees first the quotations the text most plainly gives to that speaker."""
    rank = pd.DataFrame(
        {
            "unwritten": ~written.loc[theirs.index],
            "carried": theirs["cue"].eq(""),
            "partial": theirs["kind"].ne("full"),
            "short": theirs["quotation"].str.split().str.len() < _SHORT_QUOTE_WORDS,
        },
        index=theirs.index,
    )
    order = rank.sort_values(list(rank.columns), kind="stable").index
    return theirs.loc[order]


_SHORT_QUOTE_WORDS = 5
#: How far from a quotation (characters) the speaker's name may be written and still be in its clause.
_CLAUSE_REACH = 120


def _name_written_at(corpus: pd.DataFrame, said: pd.DataFrame, mentions) -> pd.Series:
    """For each quotation, whether a mention of its speaker is written in the body next to it (within
    :data:`_CLAUSE_REACH` characters before or after, no sentence end between): the name, not a pronoun
    or a title, is what attributes it."""
    written = pd.Series(False, index=said.index)
    if mentions is None or mentions.empty or said.empty:
        return written
    body = dict(zip(corpus["id"].astype(str), corpus["body"].fillna("").astype(str), strict=True))
    in_body = mentions[mentions["field"] == "body"]
    places: dict[tuple, list[tuple[int, int]]] = {}  # (article, name) -> its spans, in text order
    columns = (in_body[c].tolist() for c in ("article_id", "name", "start", "end"))
    for article, name, start, end in zip(*columns, strict=True):
        places.setdefault((article, name), []).append((start, end))
    has_speaker = (said["speaker"] != "").to_numpy()
    named = said[has_speaker]
    found = [
        _written_next_to(body.get(str(article), ""), places.get((article, speaker), ()), *span)
        for article, speaker, *span in zip(
            *(named[c].tolist() for c in ("article_id", "speaker", "start", "end", "quote")),
            strict=True,
        )
    ]
    values = written.to_numpy(copy=True)
    values[has_speaker] = found
    return pd.Series(values, index=said.index)


def _written_next_to(text: str, spans, start: int, end: int, quote: str) -> bool:
    """Whether one of the speaker's mentions (``spans``) is written in the quotation's clause: within
    :data:`_CLAUSE_REACH` characters before or after it with no sentence end between, or inside its span
    between two parts (not among its own words)."""
    for name_start, name_end in spans:
        if start - _CLAUSE_REACH <= name_end <= start:
            between = text[name_end:start]
        elif end <= name_start <= end + _CLAUSE_REACH:
            between = text[end:name_start]
        else:  # inside the quotation's span: its clause between two parts, not its own words
            if start <= name_start < end and text[name_start:name_end] not in quote:
                return True
            continue
        if not _STOP_OR_BREAK.search(between):
            return True
    return False


#: A stop followed by a space, or a line break, between a name and a quotation: a sentence ends there. (Not
#: :func:`analysis.extract.sentences.first_sentence_end`, which reads a stop at the end of the slice as one.)
_STOP_OR_BREAK = re.compile(r"[.!?][\"'”’)]*\s|\n")


def _name_in_context(corpus: pd.DataFrame, mentions, name: str, lines: int) -> pd.DataFrame:
    """A few lines where the name (its shortest written form, e.g. the surname) is used, from several articles."""
    forms = [name]
    if mentions is not None and not mentions.empty:
        written = mentions.loc[mentions["name"] == name, "text"]
        forms = sorted(set(written), key=lambda form: (len(form), form))[:1] or forms
    found = keyword_in_context(corpus, forms[0], window=50, fields=("body",), max_articles=lines)
    if found.empty:
        return pd.DataFrame()
    picked = found.drop_duplicates("article_id").head(lines)
    return pd.DataFrame(
        {"before": picked["left"], "name": picked["match"], "after": picked["right"]}
    )


def _shorten(text: str) -> str:
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1].rstrip() + "…"
