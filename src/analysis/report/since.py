"""The "Since the last report" section: what is new compared with the report a run was given with ``--since``.

:func:`report_counts` is what a report saves of its tags, people named and people quoted (the next run's
"first time" is measured against it); :func:`since_html` renders the section from the baseline's saved state
(:class:`analysis.report.state.ReportState`) and this run's corpus, aligned model and counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup

from analysis.ids import common_rows, id_index, rows_in
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


def _points(x: float) -> str:
    """A change of share in percentage points, "+0.0 pts" (never "-0.0") when it rounds to nothing."""
    return f"{round(100 * x, 1) + 0.0:+.1f} pts"


@dataclass(frozen=True)
class _Level:
    """One level the report numbers (topics or broad groups), now and in the baseline."""

    name: str  # "topic" or "broad group"
    numbers: np.ndarray
    labels: np.ndarray
    sizes: np.ndarray
    status: list[str]  # "persists" | "new" | "re-drawn"
    grown: np.ndarray  # new articles in each
    faded: pd.DataFrame
    before_sizes: dict[int, int]


def _levels(model: Any, baseline: Any, new_mask: np.ndarray) -> list[_Level]:
    """The topics, and the broad groups when the report shows them (more than one, fewer than topics)."""
    clusters, base = model.clusters, baseline.model
    levels = [
        _Level(
            "topic",
            model.numbers,
            clusters["label"].to_numpy(),
            clusters["size"].to_numpy(),
            _status(clusters),
            np.bincount(model.labels[new_mask], minlength=model.k),
            model.faded,
            dict(zip(base.numbers.tolist(), base.clusters["size"].tolist(), strict=True)),
        )
    ]
    table = model.group_table
    if 1 < len(table) < model.k and "number" in table.columns:
        rows = model.groups[model.labels]
        base_rows = base.groups[base.labels]
        levels.append(
            _Level(
                "broad group",
                model.group_numbers,
                table["label"].to_numpy(),
                np.bincount(rows, minlength=len(table)),
                _status(table),
                np.bincount(rows[new_mask], minlength=len(table)),
                model.faded_groups,
                dict(
                    zip(
                        base.group_numbers.tolist(),
                        np.bincount(base_rows, minlength=len(base.group_numbers)).tolist(),
                        strict=True,
                    )
                ),
            )
        )
    return levels


def _status(table: pd.DataFrame) -> list[str]:
    new = table["new"].to_numpy(dtype=bool) if "new" in table else np.zeros(len(table), bool)
    redrawn = (
        table["redrawn"].to_numpy(dtype=bool) if "redrawn" in table else np.zeros(len(table), bool)
    )
    return [
        "new" if n else "re-drawn" if r else "persists" for n, r in zip(new, redrawn, strict=True)
    ]


def _level_table(level: _Level, n_before: int, n_now: int) -> pd.DataFrame:
    """One row per unit now and per faded one: articles before and now, growth, share and its change."""
    n_before, n_now = max(n_before, 1), max(n_now, 1)
    rows = []
    for c, number in enumerate(level.numbers):
        now = int(level.sizes[c])
        was = int(level.before_sizes.get(int(number), 0)) if level.status[c] == "persists" else 0
        rows.append(
            {
                level.name: f"{number}: {level.labels[c]}",
                "status": level.status[c],
                "articles before": was,
                "articles now": now,
                "new articles in it": int(level.grown[c]),
                "share before": _pct(was / n_before),
                "share now": _pct(now / n_now),
                "change of share": _points(now / n_now - was / n_before),
            }
        )
    for f in level.faded.itertuples():
        status = getattr(f, "status", "faded")
        where = (
            f" (its articles are mostly in {level.name} {f.now_in} now)"
            if pd.notna(f.now_in)
            else ""
        )
        rows.append(
            {
                level.name: f"{f.number}: {f.label}",
                "status": f"{status}{where}",
                "articles before": int(f.size),
                "articles now": 0,
                "new articles in it": 0,
                "share before": _pct(f.size / n_before),
                "share now": _pct(0.0),
                "change of share": _points(-f.size / n_before),
            }
        )
    return pd.DataFrame(rows)


def _kept_sentence(model: Any, baseline: Any, levels: list[_Level]) -> str:
    """How many of the last report's articles still here keep their number, at each level shown."""
    base = baseline.model
    if base.ids is None or model.ids is None:
        return ""
    b, a = common_rows(base.ids, model.ids)
    if len(a) == 0:
        return ""
    same_topic = base.numbers[base.labels[b]] == model.numbers[model.labels[a]]
    parts = [f"{_pct(float(np.mean(same_topic)))} keep their topic number"]
    if len(levels) > 1:
        same = (
            base.group_numbers[base.groups[base.labels[b]]]
            == model.group_numbers[model.groups[model.labels[a]]]
        )
        parts.append(f"{_pct(float(np.mean(same)))} their broad group number")
    redrawn = any(
        "re-drawn" in level.status or (level.faded.get("status", pd.Series()) == "re-drawn").any()
        for level in levels
    )
    return (
        f"Of the last report's {len(a):,} articles still here, " + " and ".join(parts) + "."
    ) + (
        " The topics were drawn again from all the articles: a topic marked re-drawn is a different "
        "cut of articles the last report already had, not new news."
        if redrawn
        else ""
    )


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
    known = id_index(baseline.model.ids)
    new_mask = rows_in(known, ids) < 0
    gone = int((rows_in(ids, known[~known.duplicated()]) < 0).sum())
    info = baseline.report
    intro = (
        f"Compared with the last report ({info.get('report', 'unnamed')}, made {info.get('made', '?')}, "
        f"{baseline.model.n_articles:,} articles): {int(new_mask.sum()):,} new article(s)"
        + (f"; {gone:,} of its articles are not in this report's inputs" if gone else "")
        + "."
    )
    levels = _levels(model, baseline, new_mask)
    kept = _kept_sentence(model, baseline, levels)
    blocks = [Markup("<p>{}</p>").format(intro)]
    if new_mask.any():
        blocks.append(Markup("<h3>New articles</h3>") + Markup(_headlines(corpus, model, new_mask)))
    n_before = baseline.model.n_articles
    for level in reversed(levels):  # the broad groups first: the steadier comparison
        heading = "Broad groups" if level.name == "broad group" else "Topics"
        blocks.append(
            Markup("<h3>{}</h3>").format(heading)
            + Markup(table_html(_level_table(level, n_before, model.n_articles)))
        )
    if kept:
        blocks.append(Markup('<p class="ar-muted">{}</p>').format(kept))
    firsts = _what_appeared(levels, baseline.counts, counts, freq, said, set(ids[new_mask]))
    blocks.append(Markup("<h3>What appeared</h3>") + Markup(table_html(firsts)))
    html = Markup('<h2 id="{}">Since the last report</h2>\n').format(SINCE_ANCHOR) + Markup(
        "\n"
    ).join(blocks)
    return HTMLBlock(str(html))


def _what_appeared(
    levels: list[_Level],
    before: dict[str, dict[str, int]],
    counts: dict[str, dict[str, int]],
    freq: pd.DataFrame,
    said: pd.DataFrame,
    new_ids: set[str],
) -> pd.DataFrame:
    """New and faded units of each level, first tags, people and speakers, the most quoted lately."""
    spelled = (
        dict(zip(freq["key"].astype(str), freq["tag"].astype(str), strict=True))
        if len(freq)
        else {}
    )
    new_said = said[said["speaker_named"] & said["article_id"].astype(str).isin(new_ids)]
    quoted = new_said["speaker"].value_counts().head(MAX_LISTED)
    what, which = [], []
    for level in reversed(levels):
        plural = f"{level.name}s"
        fresh = [
            f"{n}: {l}"
            for n, l, st in zip(level.numbers, level.labels, level.status, strict=True)
            if st == "new"
        ]
        gone = [
            f"{f.number}: {f.label}"
            for f in level.faded.itertuples()
            if getattr(f, "status", "faded") == "faded"
        ]
        what += [f"{plural} new", f"{plural} faded"]
        which += [", ".join(fresh) or "none", ", ".join(gone) or "none"]
    firsts = pd.DataFrame(
        {
            "what": [
                *what,
                "tags used for the first time",
                "people named for the first time",
                "people quoted for the first time",
                "most quoted in the new articles",
            ],
            "which": [
                *which,
                _first_time(counts["tags"], before.get("tags", {}), spelled),
                _first_time(counts["people"], before.get("people", {})),
                _first_time(counts["speakers"], before.get("speakers", {})),
                ", ".join(f"{name} ({n})" for name, n in quoted.items()) or "none",
            ],
        }
    )
    return firsts


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
