"""Topics at two levels with k unset (issue 18), printed by ``benchmarks/topic_quality.py``.

For each corpus: the number of topics and broad groups chosen, the share of articles in mixed clusters and in
broad groups with no common theme ("varied"),
the largest non-mixed cluster's share, NMI against the editors' labels at both levels, topic purity, and
the plain recipe (TF-IDF + LSA + KMeans, see ``topic_quality.plain_labels``) at the true number of
labels and at the number of topics chosen, in the same run. Corpora:
- BBC News (5 categories): checks broad NMI >= 0.85, topic purity >= 0.85 (size-weighted);
- an uneven BBC mix (category shares 40%, 30%, 18%, 10%, 2% of 1,000 articles): each category has a
  topic where it is the majority, holding at least half of that category;
- AllSides (``../shared/data/allsides``, editors' ``topic``): 2016 (the year tuned on), every other year,
  and the whole slice; 2014 is held out (never tuned on) and printed apart. Checks on 2016 and 2014: at
  least 8 topics, no cluster over 30% unless mixed, NMI above the plain recipe's at the same number;
- a labelled corpus with many topics of uneven size (``many_topics``: 18 editors' topics, 200 articles
  down to 20, outside the held-out year): the number of topics within half to twice 18;
- order: BBC and AllSides 2016 shuffled five times give identical assignments and k.

    .venv/bin/python benchmarks/topic_quality.py --levels-only
"""

from __future__ import annotations

import gzip
import json
import time

import numpy as np
import pandas as pd
from sklearn.metrics import normalized_mutual_info_score

from analysis.config import SHARED_DIR
from analysis.topics import TopicModel, fit_topics
from analysis.topics.model import VARIED_LABEL

ALLSIDES = SHARED_DIR / "data" / "allsides" / "allsides-dev.jsonl.gz"
HELD_OUT_YEAR = "2014"
TUNED_YEAR = "2016"
UNEVEN_SHARES = {
    "business": 0.40,
    "sport": 0.30,
    "politics": 0.18,
    "tech": 0.10,
    "entertainment": 0.02,
}


def allsides() -> pd.DataFrame:
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        frame = pd.DataFrame([json.loads(line) for line in f])
    return frame.assign(year=frame["date"].fillna("").astype(str).str[:4])


#: AllSides editors' topics with a subject of their own (not "politics", "elections", "white_house" ...),
#: for a labelled corpus with many topics of uneven size (MANY_TOPICS_SIZES).
MANY_TOPICS = (
    "immigration",
    "healthcare",
    "coronavirus",
    "supreme_court",
    "gun_control_and_gun_rights",
    "middle_east",
    "environment",
    "economy_and_jobs",
    "terrorism",
    "education",
    "impeachment",
    "trade",
    "abortion",
    "taxes",
    "lgbt_rights",
    "north_korea",
    "russia",
    "technology",
)
#: The i-th topic of MANY_TOPICS keeps at most round(first * ratio**i) articles, at least `least`.
MANY_TOPICS_SIZES = {"first": 200, "ratio": 0.85, "least": 20}


def many_topics(frame: pd.DataFrame) -> pd.DataFrame:
    """AllSides articles of the MANY_TOPICS, outside the held-out year, in uneven numbers (a fixed
    random draw per topic): a labelled corpus with many topics, 200 articles down to 20."""
    parts = []
    for i, topic in enumerate(MANY_TOPICS):
        rows = frame[(frame["topic"] == topic) & (frame["year"] != HELD_OUT_YEAR)]
        size = max(
            MANY_TOPICS_SIZES["least"],
            round(MANY_TOPICS_SIZES["first"] * MANY_TOPICS_SIZES["ratio"] ** i),
        )
        parts.append(rows.sample(min(size, len(rows)), random_state=0))
    return pd.concat(parts, ignore_index=True)


def uneven(bbc: pd.DataFrame, n: int = 1000) -> pd.DataFrame:
    """BBC articles in the UNEVEN_SHARES proportions (a fixed random draw per category)."""
    parts = [
        bbc[bbc["category"] == cat].sample(round(share * n), random_state=0)
        for cat, share in UNEVEN_SHARES.items()
    ]
    return pd.concat(parts, ignore_index=True)


def purity(truth: pd.Series, labels: np.ndarray) -> tuple[float, float]:
    """Size-weighted and smallest share of each topic's most common label."""
    table = pd.crosstab(labels, truth.to_numpy())
    top = table.max(axis=1) / table.sum(axis=1)
    return float((table.max(axis=1).sum()) / table.to_numpy().sum()), float(top.min())


def describe(name: str, corpus: pd.DataFrame, truth: pd.Series, plain) -> tuple[TopicModel, dict]:
    """Fit with k unset and print the figures of one corpus; returns the model and its figures."""
    t0 = time.perf_counter()
    model = fit_topics(corpus, random_state=0)
    elapsed = time.perf_counter() - t0
    n = len(corpus)
    sizes = model.clusters["size"] / n
    mixed = float(sizes[model.clusters["mixed"]].sum())
    largest = (
        float(sizes[~model.clusters["mixed"]].max()) if (~model.clusters["mixed"]).any() else 0.0
    )
    groups = model.groups[model.labels]
    table = model.group_table
    varied = float(table.loc[table["label"] == VARIED_LABEL, "size"].sum()) / n
    true_k = truth.nunique()
    fig = {
        "topics": model.k,
        "groups": len(model.group_table),
        "mixed": mixed,
        "varied": varied,
        "largest": largest,
        "nmi_topics": normalized_mutual_info_score(truth, model.labels),
        "nmi_groups": normalized_mutual_info_score(truth, groups),
        "purity": purity(truth, model.labels),
        "plain_same_k": normalized_mutual_info_score(truth, plain(corpus, model.k, 0)),
        "plain_true_k": normalized_mutual_info_score(truth, plain(corpus, min(true_k, n - 1), 0)),
    }
    print(
        f"{name:<22} {n:>6} {true_k:>6} {fig['topics']:>6} {fig['groups']:>6} {mixed:>6.1%} {varied:>6.1%} "
        f"{largest:>7.1%} {fig['nmi_topics']:>7.3f} {fig['nmi_groups']:>7.3f} "
        f"{fig['purity'][0]:>7.3f} {fig['plain_same_k']:>7.3f} {fig['plain_true_k']:>7.3f} "
        f"{elapsed:>6.1f}s",
        flush=True,
    )
    return model, fig


HEADER = (
    f"{'corpus':<22} {'n':>6} {'labels':>6} {'topics':>6} {'groups':>6} {'mixed':>6} {'varied':>6} {'largest':>7} "
    f"{'NMI top':>7} {'NMI grp':>7} {'purity':>7} {'plain=k':>7} {'plainK*':>7} {'time':>7}"
)


def check(what: str, ok: bool) -> None:
    print(f"check: {what}: {'PASS' if ok else 'FAIL'}")


def order_check(name: str, corpus: pd.DataFrame, model: TopicModel, shuffles: int = 5) -> None:
    """Shuffle the rows ``shuffles`` times: identical k and identical topic of every article (by id)."""
    first = pd.Series(model.labels, index=corpus["id"].to_numpy())
    same = True
    for seed in range(1, shuffles + 1):
        shuffled = corpus.sample(frac=1.0, random_state=seed).reset_index(drop=True)
        again = fit_topics(shuffled, random_state=0)
        other = pd.Series(again.labels, index=shuffled["id"].to_numpy())
        same &= again.k == model.k and bool((other.loc[first.index] == first).all())
    check(f"{name} shuffled {shuffles} times: identical k and assignments", same)


def run(bbc: pd.DataFrame, plain, *, shuffles: int = 5, whole_slice: bool = True) -> None:
    """Print the two-level figures and checks for BBC, the uneven mix and AllSides."""
    print("\n== topics at two levels, k unset (random_state=0)")
    print(
        "   mixed: share of articles in mixed clusters; varied: in broad groups with no common theme;"
        " largest: largest non-mixed cluster;"
    )
    print(
        "   plain=k: plain recipe at the number of topics chosen; plainK*: at the true number of labels"
    )
    print(HEADER)
    model, fig = describe("BBC", bbc, bbc["category"], plain)
    check("BBC broad NMI >= 0.85", fig["nmi_groups"] >= 0.85)
    check("BBC topic purity >= 0.85 (size-weighted)", fig["purity"][0] >= 0.85)
    mix = uneven(bbc)
    umodel, _ = describe("BBC uneven 40..2%", mix, mix["category"], plain)
    table = pd.crosstab(umodel.labels, mix["category"].to_numpy())
    own = table.idxmax(axis=1)  # each topic's majority category
    found = {
        cat: round(float(table.loc[own == cat, cat].sum() / table[cat].sum()), 2)
        for cat in UNEVEN_SHARES
    }
    check(
        f"uneven mix: every category has topics of its own holding half of it or more {found}",
        all(v >= 0.5 for v in found.values()),
    )
    if not ALLSIDES.is_file():
        print(f"AllSides data not found at {ALLSIDES}: skipped")
        return
    frame = allsides()
    many = many_topics(frame)
    _, mfig = describe("AllSides 18 topics", many, many["topic"], plain)
    true_k = many["topic"].nunique()
    check(
        f"labelled many-topic corpus: topics within half to twice the {true_k} labels",
        true_k / 2 <= mfig["topics"] <= 2 * true_k,
    )
    years = sorted(
        y
        for y in frame["year"].unique()
        if y[:2] in {"19", "20"} and (frame["year"] == y).sum() > 300
    )
    models = {}
    for year in [TUNED_YEAR, *[y for y in years if y not in {TUNED_YEAR, HELD_OUT_YEAR}]]:
        part = frame[frame["year"] == year].reset_index(drop=True)
        models[year] = (part, *describe(f"AllSides {year}", part, part["topic"], plain))
    if whole_slice:
        describe("AllSides whole slice", frame, frame["topic"], plain)
    print("held out (never tuned on):")
    held = frame[frame["year"] == HELD_OUT_YEAR].reset_index(drop=True)
    models[HELD_OUT_YEAR] = (
        held,
        *describe(f"AllSides {HELD_OUT_YEAR}", held, held["topic"], plain),
    )
    for year in (TUNED_YEAR, HELD_OUT_YEAR):
        part, m, f = models[year]
        check(f"AllSides {year}: >= 8 topics", f["topics"] >= 8)
        check(f"AllSides {year}: no cluster over 30% unless mixed", f["largest"] <= 0.30)
        check(
            f"AllSides {year}: NMI above plain at the same k", f["nmi_topics"] > f["plain_same_k"]
        )
    order_check("BBC", bbc, model, shuffles)
    part, m, _ = models[TUNED_YEAR]
    order_check(f"AllSides {TUNED_YEAR}", part, m, shuffles)
