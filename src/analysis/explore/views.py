"""What the explorers show, as plain functions: HTML panes and row lists from a corpus and a topic model.

The widgets in :mod:`analysis.explore.browsers` only wire controls to these functions, so everything a reader
sees can be tested without a browser or a kernel. Article text (headlines, tags, bodies, names, quotes) is
data, never markup: every pane is rendered through an autoescaped Jinja2 template.

Clusters are shown numbered from 1, as in the report and the charts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from jinja2 import Environment

from analysis.report.tables import cluster_names
from analysis.wording import join_words, plural

__all__ = [
    "ArticleSection",
    "article_html",
    "cluster_badge",
    "cluster_html",
    "cluster_members",
    "cluster_name",
    "cluster_options",
    "headline_options",
    "kwic_html",
    "search_headlines",
    "tag_articles",
    "tag_html",
    "tag_options",
]


#: A hook adding a section to the article pane: called with the article's corpus row, it returns a heading
#: and plain-text lines (escaped when shown), or None to add nothing. People and quotes from
#: ``analysis.extract`` plug in here (see :mod:`analysis.explore.sections`).
ArticleSection = Callable[[pd.Series], "tuple[str, Sequence[str]] | None"]

_ENV = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
_ENV.filters["plural"] = plural

_ARTICLE = _ENV.from_string(
    """<div class="analysis-explore-article" style="line-height: 1.5">
<h3>{{ title }}</h3>
<p><small>{% if pages %}{{ pages | length | plural("Tag page", number=False) }}: {{ pages | join(", ") }} · {% endif %}{{ words | plural("word") }}
{%- if source %} · from {{ source }}{% endif %}</small></p>
{% if tags %}<p><b>Tags:</b> {{ tags | join(", ") }}</p>{% endif %}
{% if cluster %}<p><b>Cluster {{ cluster }}</b></p>{% endif %}
{% for heading, lines in sections %}
<p><b>{{ heading }}</b></p><ul>{% for line in lines %}<li>{{ line }}</li>{% endfor %}</ul>
{% endfor %}
{% for paragraph in paragraphs %}<p>{{ paragraph }}</p>
{% endfor %}
</div>"""
)

_CLUSTER = _ENV.from_string(
    """<div class="analysis-explore-cluster" style="line-height: 1.5">
<h3>Cluster {{ number }}: {{ label }}</h3>
<p><b>{{ size }}</b> {{ size | plural("article", number=False) }} · strength: <b>{{ badge }}</b>
{%- if stability %} · stability {{ stability }}{% endif %}
{%- if silhouette %} · silhouette {{ silhouette }}{% endif %}</p>
<p><b>Distinctive terms:</b> {{ terms | join(", ") }}</p>
<p><b>Characteristic tags:</b> {% if tags %}{{ tags | join(", ") }}{% else %}none (no tag is on at least
two of its articles and over-represented){% endif %}</p>
<p><b>Headlines</b>, most typical of the cluster first: pick one below to read it.</p>
</div>"""
)

_TAG = _ENV.from_string(
    """<div class="analysis-explore-tag" style="line-height: 1.5">
<h3>Tag: {{ tag }}</h3>
<p>On <b>{{ articles }}</b> of {{ n_articles | plural("article") }} ({{ share }}).
{%- if is_page_tag %} It names a tag page the articles were collected from.{% endif %}
{%- if on_every_article %} It is on every article, so it tells no story apart.{% endif %}</p>
{% if on_every_article %}<p><b>Travels with</b> every other tag, since it is on every article (always at
lift 1, chance, so it is left out of the pairs of the other tags).
{% if pairs %}The most used:</p>
<ul>{% for p in pairs %}<li>{{ p.tag }}: {{ p.count | plural("article") }}</li>{% endfor %}</ul>
{% else %}No other tag is used.</p>{% endif %}
{% else %}<p><b>Travels with</b> (articles with both · lift, 1 = chance):</p>
{% if pairs %}<ul>{% for p in pairs %}<li>{{ p.tag }}: {{ p.count }} · lift {{ p.lift }}</li>{% endfor %}</ul>
{% if universal %}<p>Also {{ universal }}, on every article (lift 1, left out of pairs).</p>{% endif %}
{% else %}<p>No other tag shares an article with it{% if universal %}, apart from {{ universal }}, on every
article{% endif %}.</p>{% endif %}
{% endif %}
{% if clusters is not none %}<p><b>Falls in clusters</b> (its articles in each):</p>
<ul>{% for c in clusters %}<li>{{ c.name }}: {{ c.count }} of {{ c.size | plural("article") }}</li>{% endfor %}</ul>{% endif %}
<p><b>Its articles:</b> pick one below to read it.</p>
</div>"""
)


def _cell(corpus: pd.DataFrame, pos: int, column: str, default: object = "") -> object:
    return corpus[column].iloc[pos] if column in corpus.columns else default


def _headline(corpus: pd.DataFrame, pos: int) -> str:
    title = str(_cell(corpus, pos, "title") or "").strip()
    if title:
        return title
    body = str(_cell(corpus, pos, "body") or "").strip()
    return (body[:80] + "…") if len(body) > 80 else (body or f"(article {pos + 1} has no headline)")


def cluster_name(model, cluster: int) -> str:
    """``"2: nato, drones"``: the cluster numbered from 1, with its label (as the report names it)."""
    return cluster_names(model)[int(cluster)]


def article_html(
    corpus: pd.DataFrame,
    pos: int,
    *,
    model=None,
    sections: Sequence[ArticleSection] = (),
) -> str:
    """The article pane: headline, pages, tags, cluster, any extra sections, then the body.

    Args:
        corpus: a corpus DataFrame (``title``, ``body``, ``tags``, ``tag_pages``, ``source``).
        pos: row position of the article.
        model: a fitted topic model; when given, the article's cluster is named.
        sections: hooks adding sections (see :data:`ArticleSection`).

    Returns:
        An HTML fragment in which every piece of article text is escaped.
    """
    row = corpus.iloc[pos]
    body = str(_cell(corpus, pos, "body") or "")
    extra = []
    for section in sections:
        result = section(row)
        if result is not None:
            heading, lines = result
            extra.append((heading, [str(line) for line in lines]))
    return _ARTICLE.render(
        title=_headline(corpus, pos),
        pages=list(_cell(corpus, pos, "tag_pages", [])),
        words=len(body.split()),
        source=str(_cell(corpus, pos, "source") or ""),
        tags=list(_cell(corpus, pos, "tags", [])),
        cluster=cluster_name(model, int(model.labels[pos])) if model is not None else "",
        sections=extra,
        paragraphs=[p.strip() for p in body.split("\n\n") if p.strip()],
    )


def cluster_badge(model, strength: str) -> str:
    """The strength badge as the report shows it: the model's own (``model.clusters["strength"]``, already
    "tentative" on a small corpus), so every view shows the same one."""
    return strength


def cluster_options(model) -> list[tuple[str, int]]:
    """Dropdown options ``("1: label (12 articles)", 0)``, clusters numbered from 1, largest first."""
    return [
        (f"{cluster_name(model, c)} ({plural(model.clusters.at[c, 'size'], 'article')})", int(c))
        for c in model.clusters.index
    ]


def cluster_members(model, cluster: int) -> list[int]:
    """Row positions of a cluster's articles, most typical first (fit to the centre, then corpus order)."""
    members = np.flatnonzero(model.labels == cluster)
    order = np.lexsort((members, -np.asarray(model.fit)[members]))
    return [int(i) for i in members[order]]


def cluster_html(
    corpus: pd.DataFrame, model, cluster: int, *, characteristic: pd.DataFrame | None = None
) -> str:
    """The cluster pane: number and label, size, strength badge, distinctive terms, characteristic tags.

    Args:
        corpus: the corpus the model was fitted on.
        model: the fitted topic model.
        cluster: the cluster's index in ``model.clusters`` (0-based; shown as ``cluster + 1``).
        characteristic: :func:`analysis.tags.characteristic_tags` of ``model.labels`` (computed when None).

    Returns:
        An HTML fragment.
    """
    from analysis.tags import characteristic_tags

    if characteristic is None:
        characteristic = characteristic_tags(corpus, model.labels)
    row = model.clusters.loc[cluster]
    mine = characteristic.loc[characteristic["cluster"] == cluster]
    return _CLUSTER.render(
        number=int(model.numbers[cluster]),
        label=row["label"],
        size=int(row["size"]),
        badge=cluster_badge(model, row["strength"]),
        stability=None if pd.isna(row["stability"]) else f"{row['stability']:.2f}",
        silhouette=None if pd.isna(row["silhouette"]) else f"{row['silhouette']:.2f}",
        terms=list(row["terms"]),
        tags=[f"{r.tag} ({r.count} of {r.cluster_size})" for r in mine.itertuples()],
    )


def tag_options(freq: pd.DataFrame) -> list[tuple[str, str]]:
    """Dropdown options ``("Military (4 articles)", "military")`` from :func:`analysis.tags.tag_frequency`."""
    return [(f"{r.tag} ({plural(r.articles, 'article')})", r.key) for r in freq.itertuples()]


def tag_articles(corpus: pd.DataFrame, key: str) -> list[int]:
    """Row positions of the articles carrying the tag with this key (:func:`analysis.tags.normalize_tag`)."""
    from analysis.tags import normalize_tag

    tags = corpus["tags"] if "tags" in corpus.columns else pd.Series([[]] * len(corpus))
    return [pos for pos, row in enumerate(tags) if any(normalize_tag(t) == key for t in row)]


def tag_html(
    corpus: pd.DataFrame,
    key: str,
    *,
    freq: pd.DataFrame,
    pairs: pd.DataFrame,
    model=None,
    n_pairs: int = 10,
) -> str:
    """The tag pane: how many articles carry it, the tags it travels with, the clusters it falls in.

    Args:
        corpus: the corpus.
        key: the tag's key (``freq["key"]``).
        freq: :func:`analysis.tags.tag_frequency` of the corpus.
        pairs: :func:`analysis.tags.tag_cooccurrence` of the corpus.
        model: a fitted topic model; when given, the tag's articles are counted per cluster.
        n_pairs: at most this many companion tags.

    Returns:
        An HTML fragment.
    """
    row = freq.loc[freq["key"] == key].iloc[0]
    others = freq.loc[freq["key"] != key]
    if bool(row["on_every_article"]):  # left out of pairs: it meets every other tag, at lift 1
        companions = [
            {"tag": r.tag, "count": int(r.articles), "lift": "1.0"}
            for r in others.head(n_pairs).itertuples()
        ]
    else:
        mine = pairs.loc[(pairs["key_a"] == key) | (pairs["key_b"] == key)].head(n_pairs)
        companions = [
            {
                "tag": p.tag_b if p.key_a == key else p.tag_a,
                "count": int(p.count),
                "lift": f"{p.lift:.1f}",
            }
            for p in mine.itertuples()
        ]
    universal = join_words(list(others.loc[others["on_every_article"], "tag"]))
    clusters = None
    if model is not None:
        members = tag_articles(corpus, key)
        counts = np.bincount(model.labels[members], minlength=model.k)
        clusters = [
            {
                "name": cluster_name(model, c),
                "count": int(counts[c]),
                "size": int(model.clusters.at[c, "size"]),
            }
            for c in np.argsort(-counts, kind="stable")
            if counts[c] > 0
        ]
    return _TAG.render(
        tag=row["tag"],
        articles=int(row["articles"]),
        n_articles=len(corpus),
        share=f"{row['share']:.0%}",
        is_page_tag=bool(row["is_page_tag"]),
        on_every_article=bool(row["on_every_article"]),
        pairs=companions,
        universal=universal,
        clusters=clusters,
    )


#: Keyword in context: the words around each use come first, each side cut to a share of the pane's width
#: (a container query: the pane, not the screen), the left side cut at its start so the words next to the
#: term stay; so the term is in view on a phone, and the cluster and headline follow it.
_KWIC = _ENV.from_string(
    """<p>{{ summary }}</p>
{% if rows %}<div style="overflow-x: auto; container-type: inline-size"><table class="analysis-explore-kwic"
style="font-size: 90%; border-collapse: collapse; white-space: nowrap; line-height: 1.6">
<thead><tr><th colspan="3" style="text-align: center">in context</th>{% if clustered %}<th style="padding: 0 10px">cluster</th>{% endif %}
<th style="text-align: left">headline</th></tr></thead><tbody>
{% for r in rows %}<tr><td style="padding: 0 0 0 4px"><div style="width: min(24em, 36cqw); overflow: hidden;
display: flex; justify-content: flex-end; white-space: pre">{{ r.left }}</div></td><td style="padding: 0">
<b>{{ r.match }}</b></td><td style="padding: 0 4px 0 0"><div style="width: min(24em, 36cqw); overflow: hidden;
white-space: pre">{{ r.right }}</div></td>{% if clustered %}<td style="padding: 0 10px">{{ r.cluster }}</td>{% endif %}
<td style="text-align: left; max-width: 20em; overflow: hidden; text-overflow: ellipsis"
title="{{ r.headline }}">{{ r.headline }}</td></tr>
{% endfor %}</tbody></table></div>{% endif %}"""
)


def kwic_html(corpus: pd.DataFrame, hits: pd.DataFrame, *, term: str, limit: int = 100) -> str:
    """A keyword-in-context table from :func:`analysis.text.kwic.keyword_in_context` output.

    Args:
        corpus: the corpus (for headlines).
        hits: ``keyword_in_context(corpus, term, ...)``; a ``cluster`` column (numbered from 1) is shown.
        term: the term searched, for the summary line.
        limit: at most this many rows.

    Returns:
        An HTML fragment: how many times the term is used in how many articles, then one line per use
        (never wrapped: the term with the words around it, its cluster, and the headline, cut with an
        ellipsis when long and shown whole on hover).
    """
    if not term.strip():
        return "<p>Type a word or phrase to see every place it is used.</p>"
    from analysis.report.tables import headlines

    titles = headlines(corpus)
    n_articles = hits["article_id"].nunique() if len(hits) else 0
    summary = f"“{term}”: used {plural(len(hits), 'time')} in {plural(n_articles, 'article')}"
    if len(hits) > limit:
        summary += f"; the first {limit} are listed"
    rows = [
        {
            "headline": titles.get(str(r.article_id), ""),
            "cluster": getattr(r, "cluster", ""),
            "left": r.left,
            "match": r.match,
            "right": r.right,
        }
        for r in hits.head(limit).itertuples()
    ]
    return _KWIC.render(summary=summary, rows=rows, clustered="cluster" in hits.columns)


def search_headlines(corpus: pd.DataFrame, query: str, *, limit: int | None = None) -> list[int]:
    """Row positions whose headline contains every word of ``query`` (case-insensitive), corpus order.

    Args:
        corpus: the corpus.
        query: words to look for; an empty query matches every article.
        limit: at most this many positions (None: all).

    Returns:
        Row positions.
    """
    words = query.casefold().split()
    titles = [_headline(corpus, pos).casefold() for pos in range(len(corpus))]
    hits = [pos for pos, title in enumerate(titles) if all(w in title for w in words)]
    return hits if limit is None else hits[:limit]


def headline_options(corpus: pd.DataFrame, positions: Sequence[int]) -> list[tuple[str, int]]:
    """``(headline, position)`` pairs for a list of articles."""
    return [(_headline(corpus, pos), int(pos)) for pos in positions]
