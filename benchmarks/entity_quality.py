"""Entity and quotation quality on the two annotated keys, and speed on BBC News (2,125) and at 20,000 articles.

The key (``tests/data/entity_key.json``, offsets and labels only) marks every person, organisation and place
and every direct quotation with its speaker in the seed's 9 articles and in 30 BBC articles (the first six
of 400 words or fewer in each category, by BBC id); ``tests/data/ENTITY_KEY.md`` gives the conventions.
Prints, in one run:

- first, the five development keys (``tests/data/dev_key.json`` ... ``dev5_key.json``, see
  ``tests/data/DEV_KEY.md``) as the held-out key below (``--dev-only``: only these; ``--dev-diff``: their misses);
- entities: precision, recall and F1 per type and overall (exact span and type), for ours
  (``analysis.extract``) and for the plain way (every run of capitalised words, typed by the same
  gazetteers, no rules);
- quotations: recall (a key quotation counts as found when a returned one overlaps it), precision, and the
  share of found quotations whose speaker is right (same canonical name or surname; for unnamed sources,
  the same head noun);
- the held-out key (``tests/data/heldout_key.json``, see ``tests/data/HELDOUT_KEY.md``): 20 BBC and 20
  AllSides articles drawn at random (seed 19) and annotated by reading, never used to write rules. Prints
  quotations found, speakers right / wrong / unclear among quotations with a named speaker, the share of
  wrong names among all names given, and organisations precision / recall / F1 (per article, by name);
  skipped with the reason when the shared data is not here or an article's text differs from the key's;
- speed: entities + quotes over all of BBC (2,125 articles after load_corpus merges duplicates) and over
  20,000 articles recombined from BBC paragraphs (seeded), wall and CPU seconds.

    .venv/bin/python benchmarks/entity_quality.py [--diff] [--no-speed]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.config import PROJECT_ROOT, SHARED_DIR
from analysis.corpus import load_corpus
from analysis.extract import evaluate, people_and_quotes
from analysis.extract.gazetteer import places

BBC = SHARED_DIR / "data" / "bbc" / "bbc.jsonl"
ALLSIDES = SHARED_DIR / "data" / "allsides" / "allsides-dev.jsonl.gz"
KEY = PROJECT_ROOT / "tests" / "data" / "entity_key.json"
HELDOUT = PROJECT_ROOT / "tests" / "data" / "heldout_key.json"
DEV = PROJECT_ROOT / "tests" / "data" / "dev_key.json"
DEV2 = PROJECT_ROOT / "tests" / "data" / "dev2_key.json"
DEV3 = PROJECT_ROOT / "tests" / "data" / "dev3_key.json"
DEV4 = PROJECT_ROOT / "tests" / "data" / "dev4_key.json"
DEV5 = PROJECT_ROOT / "tests" / "data" / "dev5_key.json"
DEV7 = PROJECT_ROOT / "tests" / "data" / "dev7_key.json"
DEV8 = PROJECT_ROOT / "tests" / "data" / "dev8_key.json"
DEV9 = PROJECT_ROOT / "tests" / "data" / "dev9_key.json"
DEV10 = PROJECT_ROOT / "tests" / "data" / "dev10_key.json"
DEV11 = PROJECT_ROOT / "tests" / "data" / "dev11_key.json"
DEV12 = PROJECT_ROOT / "tests" / "data" / "dev12_key.json"
DEV13 = PROJECT_ROOT / "tests" / "data" / "dev13_key.json"
DEV14 = PROJECT_ROOT / "tests" / "data" / "dev14_key.json"
DEV15 = PROJECT_ROOT / "tests" / "data" / "dev15_key.json"
DEV16 = PROJECT_ROOT / "tests" / "data" / "dev16_key.json"
DEV17 = PROJECT_ROOT / "tests" / "data" / "dev17_key.json"
DEV18 = PROJECT_ROOT / "tests" / "data" / "dev18_key.json"
DEV19 = PROJECT_ROOT / "tests" / "data" / "dev19_key.json"
DEV20 = PROJECT_ROOT / "tests" / "data" / "dev20_key.json"
DEV21 = PROJECT_ROOT / "tests" / "data" / "dev21_key.json"
DEV22 = PROJECT_ROOT / "tests" / "data" / "dev22_key.json"
DEV23 = PROJECT_ROOT / "tests" / "data" / "dev23_key.json"
DEV24 = PROJECT_ROOT / "tests" / "data" / "dev24_key.json"
DEV25 = PROJECT_ROOT / "tests" / "data" / "dev25_key.json"
DEV26 = PROJECT_ROOT / "tests" / "data" / "dev26_key.json"
DEV27 = PROJECT_ROOT / "tests" / "data" / "dev27_key.json"
DEV28 = PROJECT_ROOT / "tests" / "data" / "dev28_key.json"
DEV29 = PROJECT_ROOT / "tests" / "data" / "dev29_key.json"
DEV30 = PROJECT_ROOT / "tests" / "data" / "dev30_key.json"
DEV31 = PROJECT_ROOT / "tests" / "data" / "dev31_key.json"
DEV32 = PROJECT_ROOT / "tests" / "data" / "dev32_key.json"
DEV33 = PROJECT_ROOT / "tests" / "data" / "dev33_key.json"
DEV34 = PROJECT_ROOT / "tests" / "data" / "dev34_key.json"
DEV35 = PROJECT_ROOT / "tests" / "data" / "dev35_key.json"
DEV36 = PROJECT_ROOT / "tests" / "data" / "dev36_key.json"
DEV37 = PROJECT_ROOT / "tests" / "data" / "dev37_key.json"
DEV38 = PROJECT_ROOT / "tests" / "data" / "dev38_key.json"
DEV39 = PROJECT_ROOT / "tests" / "data" / "dev39_key.json"
DEV40 = PROJECT_ROOT / "tests" / "data" / "dev40_key.json"
DEV41 = PROJECT_ROOT / "tests" / "data" / "dev41_key.json"
DEV42 = PROJECT_ROOT / "tests" / "data" / "dev42_key.json"
DEV43 = PROJECT_ROOT / "tests" / "data" / "dev43_key.json"
DEV44 = PROJECT_ROOT / "tests" / "data" / "dev44_key.json"
DEV45 = PROJECT_ROOT / "tests" / "data" / "dev45_key.json"
DEV46 = PROJECT_ROOT / "tests" / "data" / "dev46_key.json"
DEV47 = PROJECT_ROOT / "tests" / "data" / "dev47_key.json"
DEV48 = PROJECT_ROOT / "tests" / "data" / "dev48_key.json"
DEV49 = PROJECT_ROOT / "tests" / "data" / "dev49_key.json"
DEV50 = PROJECT_ROOT / "tests" / "data" / "dev50_key.json"
DEV51 = PROJECT_ROOT / "tests" / "data" / "dev51_key.json"
DEV52 = PROJECT_ROOT / "tests" / "data" / "dev52_key.json"
DEV53 = PROJECT_ROOT / "tests" / "data" / "dev53_key.json"
DEV54 = PROJECT_ROOT / "tests" / "data" / "dev54_key.json"
DEV_KEYS = {
    DEV: "development key (15 BBC + 15 AllSides articles, seed 2027; rules are written from it)",
    DEV2: "second development key (10 BBC + 16 AllSides articles, seed 2031; rules are written from it)",
    DEV3: "third development key (10 BBC + 14 AllSides articles, seed 2039; rules are written from it)",
    DEV4: "fourth development key (10 BBC + 14 AllSides articles, seed 2053; rules are written from it)",
    DEV5: "fifth development key (16 BBC + 24 AllSides articles, seed 2069; rules are written from it)",
    DEV7: "seventh development key (seed 2071, batches of 2 BBC + 3 AllSides articles; each batch measured "
    "before rules are written from it)",
    DEV8: "eighth development key (10 BBC + 10 AllSides articles, seed 2089; measured before rules are written "
    "from it)",
    DEV9: "ninth development key (10 BBC + 10 AllSides articles, seed 2099; measured before and after the "
    "eleventh round's rules, then read)",
    DEV10: "tenth development key (10 BBC + 10 AllSides articles, seed 2111; measured unseen after the eleventh "
    "round's rules, then read)",
    DEV11: "eleventh development key (20 AllSides articles, seed 2131; measured unseen before the twelfth "
    "round's rules, then read)",
    DEV12: "twelfth development key (20 AllSides articles, seed 2141; measured unseen before and after the "
    "twelfth round's rules, then read)",
    DEV13: "thirteenth development key (20 AllSides articles, seed 2153; measured unseen after the twelfth "
    "round's rules)",
    DEV14: "fourteenth development key (20 AllSides articles, seed 2161; measured unseen at the thirteenth "
    "round's start)",
    DEV15: "fifteenth development key (20 AllSides articles, seed 2171; measured unseen at the thirteenth "
    "round's start)",
    DEV16: "sixteenth development key (20 AllSides articles, seed 2179; measured unseen after the thirteenth "
    "round's rules)",
    DEV17: "seventeenth development key (20 AllSides articles, seed 2187; measured unseen after the "
    "thirteenth round's rules)",
    DEV18: "eighteenth development key (20 AllSides articles, seed 2193; measured unseen at the fourteenth "
    "round's start)",
    DEV19: "nineteenth development key (20 AllSides articles, seed 2203; measured unseen after the fourteenth "
    "round's first rules)",
    DEV20: "twentieth development key (20 AllSides articles, seed 2213; measured unseen after the fourteenth "
    "round's rules)",
    DEV21: "twenty-first development key (20 AllSides articles, seed 2223; measured unseen at the fifteenth "
    "round's start)",
    DEV22: "twenty-second development key (20 AllSides articles, seed 2233; measured unseen at the fifteenth "
    "round's start)",
    DEV23: "twenty-third development key (20 AllSides articles, seed 2243; measured unseen after the "
    "fifteenth round's rules)",
    DEV24: "twenty-fourth development key (20 AllSides articles, seed 2251; measured unseen after the "
    "fifteenth round's rules)",
    DEV25: "twenty-fifth development key (20 AllSides articles, seed 2269; measured unseen after the "
    "sixteenth round's rules)",
    DEV26: "twenty-sixth development key (20 AllSides articles, seed 2281; measured unseen at 2cdeb51, "
    "then read for the seventeenth round's rules)",
    DEV27: "twenty-seventh development key (20 AllSides articles, seed 2293; measured unseen at 2cdeb51, "
    "then read for the seventeenth round's rules)",
    DEV28: "twenty-eighth development key (20 AllSides articles, seed 2297; measured unseen after the "
    "seventeenth round's first rules, then read for its last ones)",
    DEV29: "twenty-ninth development key (20 AllSides articles, seed 2309; measured unseen after the "
    "seventeenth round's rules)",
    DEV30: "thirtieth development key (20 AllSides articles, seed 2333; measured unseen at 3c2f84a, "
    "after the seventeenth round, then read for the eighteenth round's rules)",
    DEV31: "thirty-first development key (20 AllSides articles, seed 2347; measured unseen after the "
    "eighteenth round's rules)",
    DEV32: "thirty-second development key (20 AllSides articles, seed 2371; measured unseen at 25fdc11, "
    "after the nineteenth round's first rules)",
    DEV33: "thirty-third development key (20 AllSides articles, seed 3313; measured unseen at d681fdb, "
    "after the twentieth round's first rules)",
    DEV34: "thirty-fourth development key (20 AllSides articles, seed 3413; measured unseen at 154f364, "
    "after the twentieth round)",
    DEV35: "thirty-fifth development key (20 AllSides articles, seed 3513; measured unseen at 816f1c6, "
    "after the twenty-third round)",
    DEV36: "thirty-sixth development key (20 AllSides articles, seed 3613; measured unseen at a83e56c, "
    "after the twenty-fourth round)",
    DEV37: "thirty-seventh development key (20 AllSides articles, seed 3713; measured unseen at 727cbdf, "
    "after the twenty-fifth round)",
    DEV38: "thirty-eighth development key (20 AllSides articles, seed 3813; measured unseen at b614c4e, "
    "after the thirty-seventh key's rules)",
    DEV39: "thirty-ninth development key (20 AllSides articles, seed 3913; measured unseen at 1e7dcb5, "
    "before the thirty-eighth key was read)",
    DEV40: "fortieth development key (20 AllSides articles, seed 4013; measured unseen at f2d8366, after the "
    "twenty-sixth round)",
    DEV41: "forty-first development key (20 AllSides articles, seed 4113; measured unseen at ae18373, after the "
    "twenty-seventh round)",
    DEV42: "forty-second development key (20 AllSides articles, seed 4213; measured unseen at ef63718, after the "
    "twenty-ninth round)",
    DEV43: "forty-third development key (20 AllSides articles, seed 4313; measured unseen at 7376081, after the "
    "thirtieth round)",
    DEV44: "forty-fourth development key (20 AllSides articles, seed 4413; measured unseen at 389c33d, after the "
    "thirty-first round)",
    DEV45: "forty-fifth development key (20 AllSides articles, seed 4513; measured unseen at bf3abff, after the "
    "thirty-second round)",
    DEV46: "forty-sixth development key (20 AllSides articles, seed 4613; measured unseen at acaa1a5, after the "
    "thirty-third round)",
    DEV47: "forty-seventh development key (20 AllSides articles, seed 4713; measured unseen at 99dc76a, after the "
    "thirty-third round)",
    DEV48: "forty-eighth development key (20 AllSides articles, seed 4813; measured unseen after the thirty-fourth "
    "round)",
    DEV49: "forty-ninth development key (20 AllSides articles, seed 4913; measured unseen at 348e8fe, after the "
    "thirty-fourth round)",
    DEV50: "fiftieth development key (20 AllSides articles, seed 5013; measured unseen at 86da395, after the "
    "thirty-fifth round)",
    DEV51: "fifty-first development key (20 AllSides articles, seed 5113; measured unseen at 7eba280, after the "
    "thirty-fifth round)",
    DEV52: "fifty-second development key (20 AllSides articles, seed 5213; measured unseen at 7eba280, after the "
    "thirty-fifth round)",
    DEV53: "fifty-third development key (20 AllSides articles, seed 5313; measured unseen at 108cc59, during the "
    "thirty-sixth round)",
    DEV54: "fifty-fourth development key (20 AllSides articles, seed 5413; measured unseen at 108cc59, during the "
    "thirty-sixth round)",
}
#: The development keys that list every organisation: all but the first two.
DEV_WITH_ORGANISATIONS = set(DEV_KEYS) - {DEV, DEV2}
TYPES = ("person", "organisation", "place")


def key_corpora(key: dict) -> dict[str, pd.DataFrame]:
    """The annotated articles: the seed's, and the keyed BBC ones (index = key id) when BBC is here."""
    seed = load_corpus(PROJECT_ROOT / "seeds")
    out = {"seed": seed.set_index(seed["id"], drop=False).loc[list(key["seed"])]}
    if BBC.exists():
        bbc = load_corpus(BBC)
        bbc = bbc.set_index("record_id", drop=False)
        out["bbc"] = bbc.loc[list(key["bbc"])]
    return out


def gold_entities(key: dict, corpus: pd.DataFrame) -> set[tuple]:
    ids = dict(zip(corpus.index, corpus["id"], strict=True))
    return {
        (ids[k], field, s, e, t)
        for k, entry in key.items()
        for field in ("title", "body")
        for s, e, t in entry[field]
    }


def scores(gold: set[tuple], found: set[tuple]) -> pd.DataFrame:
    rows = []
    for kind in (*TYPES, "all"):
        g = {x for x in gold if kind in {"all", x[-1]}}
        f = {x for x in found if kind in {"all", x[-1]}}
        tp = len(g & f)
        p = tp / len(f) if f else 0.0
        r = tp / len(g) if g else 0.0
        rows.append((kind, len(g), len(f), tp, p, r, 2 * p * r / (p + r) if p + r else 0.0))
    return pd.DataFrame(
        rows, columns=["type", "key", "found", "right", "precision", "recall", "F1"]
    )


def _head(text: str) -> str:
    """Head noun of a description: its last word before any "from/for/of/at ..." ("representative")."""
    words = re.findall(r"[\w'’.-]+", text.lower())
    cut = next(
        (
            i
            for i, w in enumerate(words)
            if i and w in {"from", "for", "of", "at", "with", "in", "on", "to"}
        ),
        None,
    )
    words = words[:cut] if cut else words
    return words[-1] if words else ""


def speaker_right(ours: str, gold: str) -> bool:
    if not ours:
        return False
    if ours.lower() == gold.lower():
        return True
    return _head(ours) == _head(gold) or ours.split()[-1].lower() == gold.split()[-1].lower()


def quote_scores(key: dict, corpus: pd.DataFrame, said: pd.DataFrame, diff: bool) -> dict:
    ids = dict(zip(corpus.index, corpus["id"], strict=True))
    found = right = total = judged = wrong = 0
    used = set()
    for k, entry in key.items():
        rows = said[said.article_id == ids[k]]
        for s, e, speaker in entry["quotes"]:
            total += 1
            hit = rows[(rows.start < e) & (rows.end > s)]
            if hit.empty:
                if diff:
                    print(f"  quote missed  {k} {s}-{e} ({speaker})")
                continue
            found += 1
            used.update(hit.index)
            if speaker == "?":
                continue
            judged += 1
            ok = speaker_right(hit.speaker.iloc[0], speaker)
            right += ok
            wrong += not ok and bool(hit.speaker_named.iloc[0])
            if diff and not ok:
                print(f"  speaker wrong {k} {s}: ours {hit.speaker.iloc[0]!r} key {speaker!r}")
    return {
        "key quotations": total,
        "found": found,
        "recall": found / total if total else 0.0,
        "precision": len(used) / len(said) if len(said) else 0.0,
        "speaker right": right / judged if judged else 0.0,
        "right": right,
        "wrong": wrong,
        "judged": judged,
    }


def plain_entities(corpus: pd.DataFrame) -> set[tuple]:
    """The plain way: every run of capitalised words; a gazetteer place is a place, anything else a person."""
    pattern = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
    gaz = places()
    out = set()
    for aid, title, body in zip(corpus["id"], corpus["title"], corpus["body"], strict=True):
        for field, text in (("title", title), ("body", body)):
            for m in pattern.finditer(text):
                kind = "place" if m.group().lower() in gaz else "person"
                out.add((aid, field, m.start(), m.end(), kind))
    return out


def quality(key: dict, corpora: dict[str, pd.DataFrame], diff: bool) -> None:
    totals: dict[str, set | list] = {"gold": set(), "ours": set(), "plain": set(), "quotes": []}
    for name, corpus in corpora.items():
        mentions, said = people_and_quotes(corpus.reset_index(drop=True), progress=False)
        gold = gold_entities(key[name], corpus)
        found = {(r.article_id, r.field, r.start, r.end, r.type) for r in mentions.itertuples()}
        plain = plain_entities(corpus)
        print(f"\n== {name}: {len(corpus)} articles")
        print("entities, ours:")
        print(scores(gold, found).round(3).to_string(index=False))
        print("entities, plain (capitalised runs + place gazetteer):")
        print(scores(gold, plain).round(3).to_string(index=False))
        if diff:
            _print_diff(gold, found, corpus)
        said_scores = quote_scores(key[name], corpus, said, diff)
        print("quotations:", {k: round(v, 3) for k, v in said_scores.items()})
        totals["gold"] |= gold
        totals["ours"] |= found
        totals["plain"] |= plain
        totals["quotes"].append(said_scores)
    n = sum(len(c) for c in corpora.values())
    print(f"\n== all keyed articles: {n}")
    print("entities, ours:")
    print(scores(totals["gold"], totals["ours"]).round(3).to_string(index=False))
    print("entities, plain:")
    print(scores(totals["gold"], totals["plain"]).round(3).to_string(index=False))
    q = totals["quotes"]
    found_q = sum(x["found"] for x in q)
    print(
        f"quotations: {sum(x['key quotations'] for x in q)} in the key, recall {found_q / sum(x['key quotations'] for x in q):.3f}, "
        f"speaker right {sum(x['right'] for x in q) / sum(x['judged'] for x in q):.3f} "
        f"({sum(x['right'] for x in q)} of {sum(x['judged'] for x in q)} with a known speaker), "
        f"wrong name {sum(x['wrong'] for x in q)}"
    )


def heldout_corpora(key: dict) -> tuple[dict[str, pd.DataFrame], str]:
    """The held-out key's articles from the shared data (raw JSON bodies: the key's offsets point into them),
    and the reason when they cannot all be read."""
    wanted = {"bbc": (BBC, open), "allsides": (ALLSIDES, gzip.open)}
    out = {}
    for name, (path, opener) in wanted.items():
        if not path.exists():
            return {}, f"{path} is not here"
        ids = set(key[name])
        if not ids:
            continue
        rows = []
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["id"] in ids:
                    rows.append((record["id"], record.get("title") or "", record["body"]))
        frame = pd.DataFrame(rows, columns=["id", "title", "body"]).drop_duplicates("id")
        for aid, body in zip(frame["id"], frame["body"], strict=True):
            if hashlib.sha256(body.encode()).hexdigest()[:16] != key[name][aid]["body_sha256"]:
                return (
                    {},
                    f"the text of {name} article {aid} differs from the one the key was made on",
                )
        if len(frame) != len(ids):
            return {}, f"{len(ids) - len(frame)} {name} article(s) of the key are not in {path}"
        out[name] = (
            frame.set_index(frame["id"], drop=False).loc[list(key[name])].reset_index(drop=True)
        )
    return out, ""


def heldout_quality(diff: bool = False, *, dev: Path | None = None) -> None:
    """Quotations and organisations on the held-out key (never used to write rules), or on a development key
    (``dev``: read while writing rules; organisations only for those in ``DEV_WITH_ORGANISATIONS``)."""
    key = json.loads((dev or HELDOUT).read_text(encoding="utf-8"))
    corpora, reason = heldout_corpora(key)
    label = "development" if dev else "held-out"
    print(
        f"\n== {DEV_KEYS[dev]}"
        if dev
        else "\n== held-out key (20 BBC + 20 AllSides articles, seed 19; never tuned on)"
    )
    if not corpora:
        print(f"skipped: {reason}")
        return
    total, orgs = evaluate.QuoteScore(), [0, 0, 0, 0]
    for name, corpus in corpora.items():
        mentions, said = people_and_quotes(corpus, progress=False)
        score, counts = evaluate.QuoteScore(), [0, 0, 0, 0]
        for aid in corpus["id"]:
            entry = key[name][aid]
            here = said[said.article_id == aid]
            score = score + evaluate.quote_scores(
                aid, entry["quotes"], here, aliases=entry["organisations"]
            )
            *numbers, notes = evaluate.organisation_scores(
                entry["organisations"], mentions[mentions.article_id == aid]
            )
            counts = [a + b for a, b in zip(counts, numbers, strict=True)]
            if diff and (not dev or dev in DEV_WITH_ORGANISATIONS):
                print("\n".join(f"  {aid}: {n}" for n in notes))
        if diff:
            print("\n".join(f"  {m}" for m in score.misses))
        print(f"{name}: quotations {score.summary()}")
        if not dev or dev in DEV_WITH_ORGANISATIONS:
            print(f"{name}: organisations {_org_line(counts)}")
        total, orgs = total + score, [a + b for a, b in zip(orgs, counts, strict=True)]
    print(f"{label}, all: quotations {total.summary()}")
    if not dev or dev in DEV_WITH_ORGANISATIONS:
        print(f"{label}, all: organisations {_org_line(orgs)}")


def _org_line(counts: list[int]) -> str:
    key, key_found, ours, ours_right = counts
    p = ours_right / ours if ours else 0.0
    r = key_found / key if key else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"key {key}, ours {ours}: precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}"


def _print_diff(gold: set[tuple], found: set[tuple], corpus: pd.DataFrame) -> None:
    texts = {(a, "title"): t for a, t in zip(corpus["id"], corpus["title"], strict=True)}
    texts.update({(a, "body"): b for a, b in zip(corpus["id"], corpus["body"], strict=True)})
    for label, items in (("missed", gold - found), ("extra", found - gold)):
        counts = Counter((texts[(a, f)][s:e], t) for a, f, s, e, t in items)
        print(f"  {label}: " + "; ".join(f"{x}|{t[:3]}×{n}" for (x, t), n in counts.most_common()))


def recombined(corpus: pd.DataFrame, n: int, *, seed: int = 0) -> pd.DataFrame:
    """``n`` articles made of BBC paragraphs shuffled across articles (seeded), unique ids."""
    rng = random.Random(seed)
    paragraphs = [p for body in corpus["body"] for p in body.split("\n\n") if p.strip()]
    titles = list(corpus["title"])
    rows = []
    for i in range(n):
        body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(4, 9)))
        rows.append((f"r{i:06d}", rng.choice(titles), body))
    return pd.DataFrame(rows, columns=["id", "title", "body"])


def speed() -> None:
    if not BBC.exists():
        print(f"\nspeed: skipped, {BBC} is not here")
        return
    bbc = load_corpus(BBC)
    for label, corpus in (("BBC", bbc), ("recombined BBC", recombined(bbc, 20_000))):
        wall, cpu = time.perf_counter(), time.process_time()
        mentions, said = people_and_quotes(corpus, progress=True)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"speed, {label}: {len(corpus):,} articles, {len(mentions):,} mentions, {len(said):,} quotations: "
            f"{wall:.1f} s wall, {cpu:.1f} s CPU ({1000 * cpu / len(corpus):.2f} ms CPU per article)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--diff", action="store_true", help="list missed and extra entities, wrong speakers"
    )
    parser.add_argument(
        "--heldout-diff",
        action="store_true",
        help="list the held-out key's misses (to read after a change, never to write rules from)",
    )
    parser.add_argument("--dev-diff", action="store_true", help="list the development key's misses")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed runs")
    parser.add_argument(
        "--dev-only", action="store_true", help="only the development key (while writing rules)"
    )
    parser.add_argument(
        "--dev-key",
        action="append",
        type=Path,
        help="only this development key (a path; repeatable), with --dev-only",
    )
    args = parser.parse_args(argv)
    for dev in [PROJECT_ROOT / p for p in args.dev_key or []] or DEV_KEYS:
        heldout_quality(args.dev_diff, dev=dev)
    if args.dev_only:
        return 0
    key = json.loads(KEY.read_text(encoding="utf-8"))
    quality(key, key_corpora(key), args.diff)
    heldout_quality(args.heldout_diff)
    if not args.no_speed:
        speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
