"""How far a reader can trust the topics: one plain-language verdict from corpus size, stability and separation.

:func:`trust_assessment` gives the report's trust box its headline and notes; :data:`STABILITY_EXPLAINED` is the
one explanation of the stability figure, shown wherever that figure is.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.config import SMALL_CORPUS
from analysis.topics.model import VARIED_LABEL
from analysis.wording import plural

__all__ = ["STABILITY_EXPLAINED", "TrustAssessment", "trust_assessment"]


@dataclass(frozen=True)
class TrustAssessment:
    """A plain-language verdict on how far the clustering can be trusted."""

    headline: str
    notes: list[str]
    ok: bool


def trust_assessment(model) -> TrustAssessment:
    """Say in plain words how solid the clusters are, from corpus size, stability and separation.

    Args:
        model: a fitted :class:`analysis.topics.TopicModel`.

    Returns:
        A headline sentence, supporting notes (the model's own caveats first), and whether the result is solid.
    """
    n, k = model.n_articles, model.k
    notes = list(dict.fromkeys(model.notes))
    stability, silhouette = model.stability, model.silhouette
    if k == 1:
        headline = "There is only one cluster: the articles were not split into topics."
        return TrustAssessment(headline, notes, ok=False)
    weak = [c for c in model.clusters.itertuples() if c.strength == "weak"]
    mixed = _mixed_note(model)
    if mixed:
        notes.insert(0, mixed)
    varied = _varied_note(model)
    if varied:
        notes.insert(1 if mixed else 0, varied)
    notes.append(STABILITY_EXPLAINED)
    if n < SMALL_CORPUS:
        headline = (
            f"Tentative. With only {n} articles, a cluster can rest on a handful of shared words; use the "
            "clusters as a reading guide, not as findings."
        )
        return TrustAssessment(headline, notes, ok=False)
    if pd.notna(stability) and stability >= 0.8 and not weak and not mixed:
        headline = (
            f"Solid. Re-running the clustering with other random seeds gives almost the same topics "
            f"(stability {stability:.2f} on a 0-1 scale)."
        )
        return TrustAssessment(headline, notes, ok=True)
    if pd.notna(stability) and stability >= 0.5:
        headline = (
            f"Moderate. Most topics come back when the clustering is re-run with other random seeds "
            f"(stability {stability:.2f} on a 0-1 scale), but "
            + (
                "some articles fall in no clear topic."
                if mixed
                else "boundaries between some shift."
            )
        )
    else:
        headline = (
            "Weak. Re-running the clustering with other random seeds gives noticeably different groups"
            + (f" (stability {stability:.2f} on a 0-1 scale)" if pd.notna(stability) else "")
            + "; the coverage may not fall into clear-cut topics."
        )
    if pd.notna(silhouette) and silhouette < 0.05:
        notes.append(
            f"The clusters overlap a lot (silhouette {silhouette:.2f}; 1 would be perfectly separate)."
        )
    return TrustAssessment(headline, notes, ok=False)


#: The one explanation of the stability figure shown in the summary, on the cards and in the explorers.
STABILITY_EXPLAINED = (
    "Stability (0-1): how reliably a topic comes back on re-runs with other random seeds; overall: "
    "the size-weighted mean."
)


def _mixed_note(model) -> str | None:
    """How many articles sit in clusters with no clear topic, or None."""
    if "mixed" not in model.clusters.columns or not model.clusters["mixed"].any():
        return None
    mixed = model.clusters[model.clusters["mixed"]]
    size = int(mixed["size"].sum())
    share = size / max(model.n_articles, 1)
    return (
        f"{size:,} of {model.n_articles:,} articles ({share:.0%}) sit in {len(mixed)} mixed "
        f"cluster{'s' if len(mixed) != 1 else ''} with no clear topic: their articles are no closer to "
        "each other than to other topics, and no stable topic could be told apart among them."
    )


def _varied_note(model) -> str | None:
    """How many articles sit in broad groups with no common theme (:data:`VARIED_LABEL`), or None."""
    table = model.group_table
    if table is None or len(table) < 2 or not (table["label"] == VARIED_LABEL).any():
        return None
    varied = table[table["label"] == VARIED_LABEL]
    size = int(varied["size"].sum())
    share = size / max(model.n_articles, 1)
    return (
        f"{size:,} of {model.n_articles:,} articles ({share:.0%}) sit in {plural(len(varied), 'broad group')} "
        "with no common theme: the topics there are not set apart from the other groups', so read them one "
        "by one; the group is what the other groups leave."
    )
