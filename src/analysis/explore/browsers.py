"""Cluster, tag and article browsers: small ipywidgets for looking around a corpus without editing code.

Each function returns an :class:`Explorer`, an ``ipywidgets.VBox`` whose named controls and panes are in
``explorer.parts``. The callbacks only set a pane from a function of :mod:`analysis.explore.views`, so a test
(or a script) can drive an explorer without a browser: set ``explorer.parts["cluster"].value = 1`` and read
``explorer.parts["details"].value``.

    from analysis.explore import cluster_browser
    cluster_browser(corpus, model)       # the last expression of a notebook cell shows it
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import numpy as np
import pandas as pd

from analysis.errors import ParameterError
from analysis.explore import views
from analysis.wording import plural

__all__ = ["Explorer", "article_browser", "cluster_browser", "kwic_browser", "tag_browser"]

#: Headlines listed at once in a list box (it scrolls beyond).
LIST_ROWS = 8
#: Most search hits listed in the article browser.
MAX_HITS = 200
#: Nearest neighbours listed for an article.
N_NEIGHBOURS = 5
#: Up to this many articles, the article browser computes the similarity matrix once (at most ~70 MB) and
#: every article then opens at once; beyond, each article opened costs one most_similar call.
MATRIX_MAX = 3000

_WIDE = widgets.Layout(width="100%")
#: JupyterLab lets a list box grow to its longest headline, past the notebook's edge on a narrow screen; this
#: rule (in a hidden HTML widget: styles apply wherever their element is) keeps each list inside its frame.
_LIST_CLASS = "analysis-explore-list"
_LIST_STYLE = f"<style>.{_LIST_CLASS} > select {{ min-width: 0; }}</style>"


def _list(rows: int) -> widgets.Select:
    """A list box of headlines as wide as the explorer, never wider."""
    select = widgets.Select(options=[], rows=rows, layout=widgets.Layout(width="100%"))
    select.add_class(_LIST_CLASS)
    return select


def _pane() -> widgets.HTML:
    """An HTML pane for an article: framed, so it reads as one article, and as tall as the whole article
    (a scroll box cut at a fixed height made articles seem to end mid-way)."""
    return widgets.HTML(
        value="",
        layout=widgets.Layout(
            width="100%", border="1px solid #d0d7de", padding="2px 14px", margin="6px 0"
        ),
    )


class Explorer(widgets.VBox):
    """A vertical box of widgets whose named parts (controls and panes) are in :attr:`parts`."""

    def __init__(
        self, parts: Mapping[str, widgets.Widget], children: Sequence[widgets.Widget]
    ) -> None:
        style = widgets.HTML(_LIST_STYLE, layout=widgets.Layout(display="none"))
        super().__init__(children=[*children, style])
        self.parts: dict[str, widgets.Widget] = dict(parts)


def _check(corpus: pd.DataFrame, model) -> None:
    if not isinstance(corpus, pd.DataFrame) or len(corpus) == 0:
        raise ParameterError("Give a non-empty corpus DataFrame (from analysis.load_corpus).")
    if model is not None and model.n_articles != len(corpus):
        raise ParameterError(
            f"The model was fitted on {model.n_articles} articles but this corpus has {len(corpus)}; "
            "pass the corpus that was given to fit_topics."
        )


def _reader(corpus: pd.DataFrame, model, sections: Sequence[views.ArticleSection]):
    """A headline list and an article pane showing the picked headline."""
    headlines = _list(LIST_ROWS)
    article = _pane()

    def show(change: dict) -> None:
        pos = change["new"]
        article.value = (
            "" if pos is None else views.article_html(corpus, pos, model=model, sections=sections)
        )

    headlines.observe(show, names="value")
    return headlines, article


def _neighbour_finder(corpus: pd.DataFrame, n: int):
    """``find(pos) -> [(label, position), ...]``: the ``n`` most similar articles, most similar first.

    Same order as :func:`analysis.topics.most_similar` (similarity, then corpus order); on corpora up to
    :data:`MATRIX_MAX` articles the similarity matrix is computed once, on the first call.
    """
    from analysis.topics import most_similar, similarity_matrix

    titles = [views.headline_options(corpus, [i])[0][0] for i in range(len(corpus))]
    matrix: list[np.ndarray] = []

    def find(pos: int) -> list[tuple[str, int]]:
        if len(corpus) < 2:
            return []
        if len(corpus) > MATRIX_MAX:
            near = most_similar(corpus, pos, n=n)
            return [(f"{r.similarity:.2f} · {titles[i]}", int(i)) for i, r in near.iterrows()]
        if not matrix:
            matrix.append(similarity_matrix(corpus))
        sims = matrix[0][pos]
        others = np.delete(np.arange(len(corpus)), pos)
        order = others[np.lexsort((others, -sims[others]))][:n]
        return [(f"{sims[i]:.2f} · {titles[i]}", int(i)) for i in order]

    return find


def _fill(select: widgets.Select, options: list[tuple[str, int]]) -> None:
    """Replace a list's options and pick the first one (which fires its callback); the list is as tall as
    its options, up to :data:`LIST_ROWS` (two headlines do not sit in a box of eight rows)."""
    select.rows = min(LIST_ROWS, max(2, len(options)))
    select.options = options
    select.value = options[0][1] if options else None


def cluster_browser(
    corpus: pd.DataFrame,
    model,
    *,
    sections: Sequence[views.ArticleSection] = (),
) -> Explorer:
    """Pick a cluster: its label, terms, strength badge, characteristic tags and headlines; read one.

    Args:
        corpus: the corpus the model was fitted on.
        model: a fitted :class:`analysis.topics.TopicModel`.
        sections: extra sections for the article pane (see :data:`analysis.explore.views.ArticleSection`).

    Returns:
        An :class:`Explorer` with parts ``cluster`` (dropdown, value = 0-based cluster index, shown from 1),
        ``details`` (HTML), ``headlines`` (list, value = row position) and ``article`` (HTML).
    """
    from analysis.tags import characteristic_tags

    _check(corpus, model)
    characteristic = characteristic_tags(corpus, model.labels)
    picker = widgets.Dropdown(
        options=views.cluster_options(model), description="Cluster", layout=_WIDE
    )
    details = widgets.HTML()
    headlines, article = _reader(corpus, model, sections)

    def show(change: dict) -> None:
        cluster = change["new"]
        details.value = views.cluster_html(corpus, model, cluster, characteristic=characteristic)
        _fill(headlines, views.headline_options(corpus, views.cluster_members(model, cluster)))

    picker.observe(show, names="value")
    show({"new": picker.value})
    parts = {"cluster": picker, "details": details, "headlines": headlines, "article": article}
    return Explorer(parts, [picker, details, headlines, article])


def tag_browser(
    corpus: pd.DataFrame,
    model=None,
    *,
    sections: Sequence[views.ArticleSection] = (),
) -> Explorer:
    """Pick a tag: its articles, the tags it travels with, and the clusters it falls in; read an article.

    Args:
        corpus: the corpus.
        model: a fitted topic model (optional; without it the clusters are not shown).
        sections: extra sections for the article pane.

    Returns:
        An :class:`Explorer` with parts ``tag`` (dropdown, value = tag key), ``details`` (HTML),
        ``headlines`` (list, value = row position) and ``article`` (HTML).

    Raises:
        ParameterError: when no article carries a tag.
    """
    from analysis.tags import tag_cooccurrence, tag_frequency

    _check(corpus, model)
    freq = tag_frequency(corpus)
    if freq.empty:
        raise ParameterError(
            "No article in this corpus carries a tag, so there is nothing to browse by tag."
        )
    pairs = tag_cooccurrence(corpus)
    picker = widgets.Dropdown(options=views.tag_options(freq), description="Tag", layout=_WIDE)
    details = widgets.HTML()
    headlines, article = _reader(corpus, model, sections)

    def show(change: dict) -> None:
        key = change["new"]
        details.value = views.tag_html(corpus, key, freq=freq, pairs=pairs, model=model)
        _fill(headlines, views.headline_options(corpus, views.tag_articles(corpus, key)))

    picker.observe(show, names="value")
    show({"new": picker.value})
    parts = {"tag": picker, "details": details, "headlines": headlines, "article": article}
    return Explorer(parts, [picker, details, headlines, article])


def article_browser(
    corpus: pd.DataFrame,
    model=None,
    *,
    n_neighbours: int = N_NEIGHBOURS,
    sections: Sequence[views.ArticleSection] = (),
) -> Explorer:
    """Search the headlines, open an article, and see (and open) its nearest neighbours.

    Neighbours come from the topics similarity functions (cosine similarity of news-aware TF-IDF): the
    similarity matrix, computed once, up to :data:`MATRIX_MAX` articles; :func:`analysis.topics.most_similar`
    for each article opened beyond.

    Args:
        corpus: the corpus.
        model: a fitted topic model (optional; when given, each article's cluster is named).
        n_neighbours: how many neighbours to list.
        sections: extra sections for the article pane.

    Returns:
        An :class:`Explorer` with parts ``search`` (text), ``count`` (HTML: how many headlines match),
        ``headlines`` (list, value = row position), ``article`` (HTML) and ``neighbours`` (list of the most
        similar articles, value = row position; picking one opens it).
    """
    _check(corpus, model)
    _check_count(n_neighbours)
    search = widgets.Text(placeholder="words in the headline", description="Search", layout=_WIDE)
    count = widgets.HTML()
    headlines = _list(LIST_ROWS)
    article = _pane()
    neighbours = _list(n_neighbours)
    cache: dict[int, list[tuple[str, int]]] = {}
    find_neighbours = _neighbour_finder(corpus, n_neighbours)

    def find(change: dict) -> None:
        hits = views.search_headlines(corpus, change["new"])
        shown = hits[:MAX_HITS]
        count.value = f"{len(hits)} of {plural(len(corpus), 'headline')} match" + (
            f" (first {MAX_HITS} listed)" if len(hits) > MAX_HITS else ""
        )
        _fill(headlines, views.headline_options(corpus, shown))

    def open_article(pos: int | None) -> None:
        if pos is None:
            article.value = ""
            neighbours.options = []
            return
        article.value = views.article_html(corpus, pos, model=model, sections=sections)
        # The list highlights the article shown: a neighbour the search left out clears the search (past
        # MAX_HITS headlines it may still be unlisted, and then nothing is highlighted).
        headlines.unobserve(pick, names="value")
        if pos not in {value for _, value in headlines.options} and search.value:
            search.value = ""
        listed = {value for _, value in headlines.options}
        headlines.value = pos if pos in listed else None
        headlines.observe(pick, names="value")
        if pos not in cache:
            cache[pos] = find_neighbours(pos)
        neighbours.unobserve(follow, names="value")
        neighbours.options = cache[pos]
        neighbours.value = None
        neighbours.observe(follow, names="value")

    def follow(change: dict) -> None:
        if change["new"] is not None:
            open_article(change["new"])

    def pick(change: dict) -> None:
        open_article(change["new"])

    search.observe(find, names="value")
    headlines.observe(pick, names="value")
    neighbours.observe(follow, names="value")
    find({"new": ""})
    label = widgets.HTML(
        "<b>Nearest neighbours</b> (similarity, 1 = same words): pick one to open it."
    )
    parts = {"search": search, "count": count, "headlines": headlines}
    parts |= {"article": article, "neighbours": neighbours}
    return Explorer(parts, [search, count, headlines, article, label, neighbours])


def _check_count(n_neighbours: object) -> None:
    if isinstance(n_neighbours, bool) or not isinstance(n_neighbours, int) or n_neighbours < 1:
        raise ParameterError(f"n_neighbours must be a whole number >= 1, got {n_neighbours!r}.")


def kwic_browser(
    corpus: pd.DataFrame, model=None, *, window: int = 45, limit: int = 100
) -> Explorer:
    """Type a word or phrase: every place the corpus uses it, with the words around it (keyword in context).

    Args:
        corpus: the corpus.
        model: a fitted topic model (optional; when given, each line names its cluster, numbered from 1).
        window: characters of context on each side.
        limit: at most this many lines shown (the count says how many there are).

    Returns:
        An :class:`Explorer` with parts ``term`` (text; the search runs on Enter or when the box loses
        focus) and ``lines`` (HTML table).
    """
    from analysis.text.kwic import keyword_in_context

    _check(corpus, model)
    term = widgets.Text(
        placeholder="a word or phrase, then Enter",
        description="Term",
        continuous_update=False,
        layout=_WIDE,
    )
    lines = widgets.HTML(views.kwic_html(corpus, pd.DataFrame(), term=""))

    def show(change: dict) -> None:
        text = change["new"].strip()
        hits = (
            keyword_in_context(corpus, text, window=window, model=model) if text else pd.DataFrame()
        )
        lines.value = views.kwic_html(corpus, hits, term=text, limit=limit)

    term.observe(show, names="value")
    return Explorer({"term": term, "lines": lines}, [term, lines])
