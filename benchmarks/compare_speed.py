"""Speed of compare_groups + trends on generated articles, next to the plain pandas / scikit-learn way.

Ours: ``compare_groups(corpus, by="tag_pages")`` (news tokenizer, detected phrases, log-odds with an
informative Dirichlet prior on sparse counts; its defaults count, beyond 30,000 articles, a sample of 30,000
with an equal quota per page, ``max_articles="auto"``, and beyond 10,000 the headline and the first 150
words of each body, ``max_words="auto"``) and ``trends(corpus, freq="W", by="page")`` on every article.
Plain: ``CountVectorizer(stop_words="english", min_df=10)`` on headline + whole body, the same log-odds in
numpy over a sparse group x article indicator, and a pandas ``groupby`` of pages x weeks. ``--whole`` also
times ours on every article's whole body (``max_articles=None, max_words=None``), the text the plain way reads.

    .venv/bin/python benchmarks/compare_speed.py            # 100,000 articles
    .venv/bin/python benchmarks/compare_speed.py --n 20000 --whole
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

from analysis.compare import compare_groups, log_odds_z_pair, trends
from analysis.datasets import generate_articles

PAGES = ["Defence", "Politics", "Economy", "Europe", "Technology"]


def make_corpus(n: int, seed: int = 0) -> pd.DataFrame:
    """Generated articles on 5 pages (about 10% on two pages), dated over one year."""
    rng = np.random.default_rng(seed)
    articles = generate_articles(n, seed=seed)
    pages = []
    for a in articles:
        first = PAGES[a["topic"] % len(PAGES)]
        second = PAGES[int(rng.integers(len(PAGES)))]
        pages.append([first, second] if rng.random() < 0.1 and second != first else [first])
    start = pd.Timestamp("2025-01-01", tz="UTC")
    offsets = pd.to_timedelta(rng.integers(0, 365 * 24 * 3600, size=n), unit="s")
    return pd.DataFrame(
        {
            "id": [f"a{i}" for i in range(n)],
            "title": [a["title"] for a in articles],
            "body": [a["body"] for a in articles],
            "tags": [a["tags"] for a in articles],
            "tag_pages": pages,
            "source": "generated",
            "published": (start + offsets).astype("datetime64[ns, UTC]"),
        }
    )


def ours(corpus: pd.DataFrame, limit) -> tuple[float, pd.DataFrame]:
    t0 = time.perf_counter()
    table = compare_groups(corpus, by="tag_pages", top=20, max_words=limit, max_articles=limit)
    trends(corpus, freq="W", by="page", top=None)
    return time.perf_counter() - t0, table


def plain(corpus: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    t0 = time.perf_counter()
    texts = (corpus["title"] + "\n\n" + corpus["body"]).tolist()
    vectorizer = CountVectorizer(stop_words="english", min_df=10)
    counts = vectorizer.fit_transform(texts)
    terms = vectorizer.get_feature_names_out()
    exploded = corpus[["tag_pages"]].explode("tag_pages").reset_index()
    codes, pages = pd.factorize(exploded["tag_pages"])
    indicator = sparse.csr_matrix(
        (np.ones(len(codes)), (codes, exploded["index"].to_numpy())),
        shape=(len(pages), len(corpus)),
    )
    per_page = (indicator @ counts).toarray().astype(float)
    total = np.asarray(counts.sum(axis=0), dtype=float).ravel()
    rows = []
    for i, page in enumerate(pages):
        z = log_odds_z_pair(per_page[i], total - per_page[i], background=total)
        best = np.argsort(-z)[:20]
        rows.append(pd.DataFrame({"group": page, "term": terms[best], "z": z[best]}))
    weeks = corpus.assign(week=corpus["published"].dt.tz_localize(None).dt.to_period("W"))
    weeks.explode("tag_pages").groupby(["week", "tag_pages"]).size().unstack(fill_value=0)
    return time.perf_counter() - t0, pd.concat(rows, ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, default=100_000, help="number of articles (default 100,000)"
    )
    parser.add_argument(
        "--whole", action="store_true", help="also time ours on every article's whole body"
    )
    args = parser.parse_args()
    corpus = make_corpus(args.n)
    print(f"{args.n:,} generated articles, {len(PAGES)} pages, dated over one year")
    seconds, table = ours(corpus, "auto")
    settings = table.attrs["settings"]
    print(
        f"ours  compare_groups + trends, defaults ({settings['sample']}; {settings['text_used']}):"
    )
    print(f"      {seconds:.1f} s")
    if args.whole:
        seconds_whole, _ = ours(corpus, None)
        print(f"ours  compare_groups + trends, every article, whole bodies: {seconds_whole:.1f} s")
    seconds_plain, plain_table = plain(corpus)
    print("plain CountVectorizer + numpy log-odds + pandas groupby (every article, whole bodies):")
    print(f"      {seconds_plain:.1f} s")
    print(f"ours / plain: {seconds / seconds_plain:.2f}x")
    print(f"load average (1 min) after the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for page in PAGES:
        top = set(table.loc[table["group"] == page, "term"].head(10))
        top_plain = set(plain_table.loc[plain_table["group"] == page, "term"].head(10))
        print(f"  {page}: top-10 terms shared with plain: {len(top & top_plain)}/10")


if __name__ == "__main__":
    main()
