"""The "Since the last report" section: what is new compared with the report a run was given with ``--since``.

:func:`report_counts` is what a report saves of its tags, people named and people quoted (the next run's
"first time" is measured against it); :func:`since_html` renders the section from the baseline's saved state
(:class:`analysis.report.state.ReportState`) and this run's corpus, aligned model and counts.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup

from analysis.report.html import HTMLBlock, table_html

__all__ = ["MAX_LISTED", "MAX_NEW_HEADLINES", "SINCE_ANCHOR", "report_counts", "since_html"]

#: Headlines of new articles listed (the most representative of their topic first).
MAX_NEW_HEADLINES = 12
#: Tags, people and speakers listed in each "first time" and "most quoted" list.
MAX_LISTED = 10
SINCE_ANCHOR = "since-last-report"


def report_counts(
    freq: pd.DataFrame, mentions: pd.DataFrame, said: pd.DataFrame
) -> dict[str, dict[str, int]]:
    """The counts a report saves: articles per tag (by its key), per person named, quotations per speaker.

    Args:
        freq: :func:`analysis.tag_frequency` of the corpus.
        mentions: the mentions found (``name``, ``type``, ``article_id``).
        said: the quotations found (``speaker``, ``speaker_named``).
    """
    tags = (
        dict(zip(freq["key"].astype(str), freq["articles"].astype(int), strict=True))
        if len(freq)
        else {}
    )
    people = mentions[mentions["type"] == "person"] if len(mentions) else mentions
    named = (
        people.groupby("name")["article_id"].nunique().astype(int).to_dict() if len(people) else {}
    )
    quoted = said[said["speaker_named"]] if len(said) else said
    speakers = quoted["speaker"].value_counts().astype(int).to_dict() if len(quoted) else {}
    return {"tags": tags, "people": named, "speakers": speakers}


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _topic_table(model: Any, baseline: Any, new_mask: np.ndarray) -> pd.DataFrame:
    """One row per topic now and per faded topic: articles before and now, growth, share and its change."""
    before_sizes = dict(zip(baseline.model.numbers, baseline.model.clusters["size"], strict=True))
    n_before, n_now = max(baseline.model.n_articles, 1), max(model.n_articles, 1)
    numbers = model.numbers
    grown = np.bincount(model.labels[new_mask], minlength=model.k)
    rows = []
    for c in range(model.k):
        now = int(model.clusters["size"].iloc[c])
        was = int(before_sizes.get(int(numbers[c]), 0)) if not model.clusters["new"].iloc[c] else 0
        rows.append(
            {
                "topic": f"{numbers[c]}: {model.clusters['label'].iloc[c]}",
                "status": "new" if model.clusters["new"].iloc[c] else "persists",
                "articles before": was,
                "articles now": now,
                "new articles in it": int(grown[c]),
                "share before": _pct(was / n_before),
                "share now": _pct(now / n_now),
                "change of share": f"{100 * (now / n_now - was / n_before):+.1f} pts",
            }
        )
    for f in model.faded.itertuples():
        where = (
            f"faded (its articles are mostly in topic {f.now_in} now)"
            if pd.notna(f.now_in)
            else "faded"
        )
        rows.append(
            {
                "topic": f"{f.number}: {f.label}",
                "status": where,
                "articles before": int(f.size),
                "articles now": 0,
                "new articles in it": 0,
                "share before": _pct(f.size / n_before),
                "share now": _pct(0.0),
                "change of share": f"{-100 * f.size / n_before:+.1f} pts",
            }
        )
    return pd.DataFrame(rows)


def _first_time(
    now: dict[str, int], before: dict[str, int], shown: dict[str, str] | None = None
) -> str:
    fresh = sorted(((n, k) for k, n in now.items() if k not in before), key=lambda t: (-t[0], t[1]))
    if not fresh:
        return "none"
    names = [f"{(shown or {}).get(k, k)} ({n})" for n, k in fresh[:MAX_LISTED]]
    more = f" and {len(fresh) - MAX_LISTED} more" if len(fresh) > MAX_LISTED else ""
    return ", ".join(names) + more


def since_html(
    corpus: pd.DataFrame,
    model: Any,
    baseline: Any,
    *,
    counts: dict[str, dict[str, int]],
    freq: pd.DataFrame,
    said: pd.DataFrame,
) -> HTMLBlock:
    """The "Since the last report" section.

    Args:
        corpus: this report's corpus.
        model: its topic model, aligned with the baseline's (``fit_topics(..., baseline=...)``).
        baseline: the last report's :class:`analysis.report.state.ReportState`.
        counts: this report's :func:`report_counts`.
        freq: this report's tag frequency (for the tags' spellings).
        said: this report's quotations (``article_id``, ``speaker``, ``speaker_named``).

    Returns:
        The HTML fragment (every value escaped).
    """
    ids = corpus["id"].astype(str).to_numpy()
    known = set(baseline.model.ids.astype(str)) if baseline.model.ids is not None else set()
    new_mask = np.array([i not in known for i in ids], dtype=bool)
    gone = len(known - set(ids))
    info = baseline.report
    intro = (
        f"Compared with the last report ({info.get('report', 'unnamed')}, made {info.get('made', '?')}, "
        f"{baseline.model.n_articles:,} articles): {int(new_mask.sum()):,} new article(s)"
        + (f"; {gone:,} of its articles are not in this report's inputs" if gone else "")
        + "."
    )
    blocks = [Markup("<p>{}</p>").format(intro)]
    if new_mask.any():
        blocks.append(Markup("<h3>New articles</h3>") + Markup(_headlines(corpus, model, new_mask)))
    blocks.append(
        Markup("<h3>Topics</h3>") + Markup(table_html(_topic_table(model, baseline, new_mask)))
    )
    before = baseline.counts
    spelled = (
        dict(zip(freq["key"].astype(str), freq["tag"].astype(str), strict=True))
        if len(freq)
        else {}
    )
    new_said = said[said["speaker_named"] & said["article_id"].astype(str).isin(set(ids[new_mask]))]
    quoted = new_said["speaker"].value_counts().head(MAX_LISTED)
    firsts = pd.DataFrame(
        {
            "what": [
                "topics new",
                "topics faded",
                "tags used for the first time",
                "people named for the first time",
                "people quoted for the first time",
                "most quoted in the new articles",
            ],
            "which": [
                ", ".join(
                    f"{n}: {l}"
                    for n, l in zip(
                        model.numbers[model.clusters["new"].to_numpy(bool)],
                        model.clusters["label"][model.clusters["new"].to_numpy(bool)],
                        strict=True,
                    )
                )
                or "none",
                ", ".join(f"{f.number}: {f.label}" for f in model.faded.itertuples()) or "none",
                _first_time(counts["tags"], before.get("tags", {}), spelled),
                _first_time(counts["people"], before.get("people", {})),
                _first_time(counts["speakers"], before.get("speakers", {})),
                ", ".join(f"{name} ({n})" for name, n in quoted.items()) or "none",
            ],
        }
    )
    blocks.append(Markup("<h3>What appeared</h3>") + Markup(table_html(firsts)))
    html = Markup('<h2 id="{}">Since the last report</h2>\n').format(SINCE_ANCHOR) + Markup(
        "\n"
    ).join(blocks)
    return HTMLBlock(str(html))


def _headlines(corpus: pd.DataFrame, model: Any, new_mask: np.ndarray) -> str:
    rows = np.flatnonzero(new_mask)
    order = rows[np.lexsort((rows, -model.fit[rows]))][:MAX_NEW_HEADLINES]
    numbers, labels = model.numbers, model.clusters["label"].to_numpy()
    table = pd.DataFrame(
        {
            "headline": corpus["title"].iloc[order].astype(str).to_numpy(),
            "topic": [f"{numbers[model.labels[i]]}: {labels[model.labels[i]]}" for i in order],
        }
    )
    more = len(rows) - len(order)
    note = (
        f"The {len(order)} most representative of their topic, of {len(rows):,} new articles."
        if more
        else ""
    )
    return str(table_html(table)) + (
        str(Markup('<p class="ar-muted">{}</p>').format(note)) if note else ""
    )
