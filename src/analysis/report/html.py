"""HTML renderers for the report notebook: summary, cluster cards, tables and charts with CSV downloads.

Every string that comes from an article (headline, tag, page name, body, file name) goes through Jinja2 with
autoescaping, so it is shown as text and can never run as markup or script; charts are embedded as data URIs
with their table as a CSV download, so the report is one self-contained file.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Self

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

if TYPE_CHECKING:
    from matplotlib.figure import Figure

from analysis.config import (
    BUILD_DIR,
    MAX_SHOWN_CHARS,
    TABLE_CELL_CHARS,
    TEMPLATES_DIR,
)
from analysis.csvfile import clip, csv_bytes
from analysis.plots.style import CHART_COLORS, figure_png
from analysis.report.limits import ReportLimits, has_outlets, report_limits
from analysis.report.naming import page_counts, slugify, source_noun
from analysis.report.nbconvert_config import TITLE_METADATA
from analysis.report.trust import TrustAssessment, trust_assessment
from analysis.topics.model import VARIED_LABEL
from analysis.wording import plural

#: The opening summary names at most this many tag pages (the largest) and says how many more there are.
MAX_PAGES_LISTED = 12
#: The opening summary names at most this many blocks skipped in lenient mode (and links a CSV of all).
MAX_SKIPPED_LISTED = 5
#: A table's CSV is embedded in the report up to this size; beyond it (tables that grow with the corpus:
#: quotations, people, speakers) the full CSV is written next to the report and linked, so the report stays
#: a few MB at any size.
EMBED_CSV_MAX_BYTES = 64_000
#: Width of the report's column on a phone (a 390 px screen less report.css's 12 px padding each side): a chart
#: wider than this is panned sideways there (report.css keeps it large enough to read) and says so.
PHONE_COLUMN_PX = 366
_STRENGTH_CLASS = {
    "solid": "solid",
    "moderate": "moderate",
    "tentative": "moderate",
    "weak": "weak",
    "mixed": "weak",
}


class HTMLBlock(str):
    """An HTML fragment that Jupyter displays as HTML (built only from escaped templates).

    ``metadata`` (optional) goes into the notebook output's metadata; the report's summary carries the
    page title there (:data:`TITLE_METADATA`), which the project's nbconvert settings make the HTML
    ``<title>`` however the notebook is exported.
    """

    metadata: dict | None = None

    def __new__(cls, html: str = "", metadata: dict | None = None) -> Self:
        block = super().__new__(cls, html)
        block.metadata = metadata
        return block

    def _repr_html_(self) -> str | tuple[str, dict]:
        return (str(self), self.metadata) if self.metadata else str(self)


def _bounded(value):
    """Every text a template prints is cut to MAX_SHOWN_CHARS; HTML fragments (charts, tables) are not."""
    if (
        isinstance(value, str)
        and not isinstance(value, HTMLBlock)
        and not hasattr(value, "__html__")
    ):
        return clip(value, MAX_SHOWN_CHARS)
    return value


_ENV = Environment(
    loader=FileSystemLoader(str(TEMPLATES_DIR / "snippets")),
    autoescape=select_autoescape(default=True, default_for_string=True),
    keep_trailing_newline=False,
    finalize=_bounded,
)
_ENV.filters["num"] = lambda n: f"{int(n):,}"  # 1,000,000 articles, not 1000000
_ENV.filters["plural"] = plural  # {{ n | plural("article") }} -> "1 article", "2 articles"


def render(template: str, **context) -> HTMLBlock:
    return HTMLBlock(_ENV.get_template(template).render(**context))


#: Where a table too large to embed writes its full CSV when no ``files_dir`` is given: this report run's
#: side-file folder. The report notebook sets it once from its ``FILES_DIR`` parameter (the command gives each
#: run its own folder and moves the files next to the report); a plain run uses ``build/report-files``.
SIDE_FILES: ContextVar[Path] = ContextVar("SIDE_FILES", default=BUILD_DIR / "report-files")


def use_side_files(folder: str | os.PathLike[str]) -> Path:
    """Write this report's side files (full CSVs of long tables) into ``folder``; returns it as a path."""
    path = Path(folder)
    SIDE_FILES.set(path)
    return path


def _csv_bytes(table: pd.DataFrame) -> bytes:
    """A download's bytes: the project's one spreadsheet-safe CSV writer (BOM, formulas neutralised, each
    text cell cut to MAX_SHOWN_CHARS)."""
    return csv_bytes(table, max_chars=MAX_SHOWN_CHARS)


def _csv_context(table: pd.DataFrame, csv_name: str, files_dir) -> dict:
    """The download of ``table``: embedded as a data URI when small, else written as ``csv_name`` into
    ``files_dir`` (the build moves it next to the report) and linked."""
    data = _csv_bytes(table)
    if len(data) <= EMBED_CSV_MAX_BYTES:
        return {
            "csv": Markup(base64.b64encode(data).decode("ascii")),
            "csv_name": csv_name,
            "csv_rows": len(table),
        }
    folder = Path(files_dir if files_dir is not None else SIDE_FILES.get())
    folder.mkdir(parents=True, exist_ok=True)
    (folder / csv_name).write_bytes(data)
    return {"csv": None, "csv_file": csv_name, "csv_rows": len(table)}


def _cell(value) -> str:
    """A table cell as shown on the page: lists comma-separated, floats to 2 decimals, text cut to
    TABLE_CELL_CHARS (the download has up to MAX_SHOWN_CHARS)."""
    if isinstance(value, list | tuple):
        return clip(", ".join(str(v) for v in value), TABLE_CELL_CHARS)
    if isinstance(value, float):
        if pd.isna(value):
            return ""
        return f"{value:.2f}"
    return "" if value is None else clip(str(value), TABLE_CELL_CHARS)


# --------------------------------------------------------------------------------------------- rendering
def figure_html(
    fig: Figure,
    *,
    alt: str,
    caption: str | None = None,
    table: pd.DataFrame | None = None,
    csv_name: str | None = None,
    dpi: int = 144,
    colors: int | None = CHART_COLORS,
    empty: str = "",
) -> HTMLBlock:
    """Embed a figure as a PNG data URI, with alt text, a caption and its table as a CSV download.

    A pyplot figure is closed afterwards so Jupyter does not display it a second time.

    Args:
        fig: the chart.
        alt: what the chart shows, for screen readers and when images are blocked.
        caption: a sentence telling the reader how to read the chart.
        table: the table the chart draws; offered as a CSV download when given.
        csv_name: file name for that download.
        dpi: resolution of the embedded PNG (144 keeps text sharp on high-density screens).
        colors: palette size of the embedded PNG (a chart's flat colours and anti-aliased edges fit in 128,
            at 40% of the bytes of a full-colour PNG); None keeps full colour.
        empty: when given and ``table`` has no rows, this sentence is shown instead of the chart (e.g.
            :attr:`analysis.report.limits.ReportLimits.tag_sections` on a corpus without tags).

    Returns:
        The HTML fragment.
    """
    if empty and table is not None and not len(table):
        _close(fig)
        return note_html(empty)
    png = figure_png(fig, dpi=dpi, colors=colors)
    width = round(int.from_bytes(png[16:20], "big") * 96 / dpi)  # PNG IHDR width, shown at CSS size
    _close(fig)
    context = {
        "png": Markup(base64.b64encode(png).decode("ascii")),
        "alt": alt,
        "caption": caption,
        "width": width,
        "wide": width > PHONE_COLUMN_PX,
        "csv": None,
    }
    if table is not None:  # embedded when small, else beside the report and linked (as tables are)
        context.update(_csv_context(table, csv_name or "table.csv", None))
    return render("figure.html.j2", **context)


def _close(fig: Figure) -> None:
    """Close a pyplot figure so Jupyter does not show it a second time."""
    if fig.canvas.manager is not None:
        import matplotlib.pyplot as plt

        plt.close(fig)


def note_html(text: str) -> HTMLBlock:
    """One muted sentence (escaped), e.g. why a chart is not shown."""
    return HTMLBlock(
        _ENV.from_string('<p class="ar-muted ar-absent">{{ text }}</p>').render(text=text)
    )


def table_html(
    table: pd.DataFrame,
    *,
    numeric: Iterable[str] = (),
    csv_name: str | None = None,
    max_rows: int | None = None,
    empty: str = "Nothing to show.",
    files_dir: str | os.PathLike[str] | None = None,
) -> HTMLBlock:
    """An escaped HTML table (lists shown comma-separated), optionally with the full table as CSV download.

    Args:
        table: the rows to show; the index is not shown.
        numeric: columns to right-align.
        csv_name: when given, the whole table is offered as a CSV download under this name: embedded up to
            :data:`EMBED_CSV_MAX_BYTES`, beyond that written to ``files_dir`` and linked (a table that
            grows with the corpus never grows the report).
        max_rows: show at most this many rows (the download still has them all).
        empty: the sentence shown instead of a table with no rows ("" shows nothing).
        files_dir: where a CSV too large to embed is written (default: the folder the report build moves
            next to the report).

    Returns:
        The HTML fragment.
    """
    shown = table if max_rows is None else table.head(max_rows)
    columns = [str(c) for c in table.columns]
    rows = [
        {str(c): _cell(v) for c, v in zip(table.columns, rec, strict=True)}
        for rec in shown.itertuples(index=False)
    ]
    context = {
        "columns": columns,
        "rows": rows,
        "numeric": set(numeric),
        "csv": None,
        "empty": empty,
    }
    if csv_name:
        context.update(_csv_context(table, csv_name, files_dir))
    return render("table.html.j2", **context)


def _lead(corpus: pd.DataFrame, i: int) -> str:
    """The start of an article's body, shown when it has no headline (a large corpus is read without bodies)."""
    return corpus["body"].iloc[i][:120] if "body" in corpus.columns else "(no headline)"


def _cluster_rows(
    corpus: pd.DataFrame, model, colors: Sequence[str], tags_by_cluster=None, people=None
) -> list[dict]:
    rows = []
    for c in model.clusters.itertuples():
        stability = None if pd.isna(c.stability) else f"{c.stability:.2f}"
        silhouette = None if pd.isna(c.silhouette) else f"{c.silhouette:.2f}"
        strength = c.strength  # the model's one badge (tentative on a small corpus, mixed ...)
        group = int(getattr(c, "group", 0))
        rows.append(
            {
                "number": int(model.numbers[c.Index]),
                "label": c.label,
                "size": int(c.size),
                "strength": strength,
                "strength_class": _STRENGTH_CLASS.get(strength, "single"),
                "color": colors[c.Index % len(colors)],
                "terms": list(c.terms),
                "headlines": [
                    corpus["title"].iloc[i] or _lead(corpus, i) for i in c.representatives
                ],
                "stability": stability,
                "silhouette": silhouette,
                "tags": list((tags_by_cluster or {}).get(c.Index, [])),
                "people": list((people or {}).get(c.Index, [])),
                "group": group,
            }
        )
    return rows


def _group_rows(model, clusters: list[dict]) -> list[dict]:
    """The broad groups, largest first, each with its topics' cards (in topic order)."""
    table = model.group_table
    if table is None or len(table) == 0:
        return [{"number": 1, "label": "", "size": model.n_articles, "clusters": clusters}]
    return [
        {
            "number": int(model.group_numbers[g]),  # g + 1, or the baseline's (--since)
            "label": row["label"],
            "varied": row["label"] == VARIED_LABEL,
            "size": int(row["size"]),
            "clusters": [c for c in clusters if c["group"] == g],
        }
        for g, row in table.iterrows()
    ]


def summary_html(
    corpus: pd.DataFrame,
    model,
    freq: pd.DataFrame,
    *,
    title: str,
    colors: Sequence[str],
    n_leading: int = 6,
    limits: ReportLimits | None = None,
    skipped: Sequence[str] = (),
    slug: str | None = None,
    tags=None,
) -> HTMLBlock:
    """The report's opening summary: articles and pages, clusters with sizes and strength, leading tags, trust.

    Args:
        corpus: the corpus from :func:`analysis.load_corpus`.
        model: the fitted topic model.
        freq: :func:`analysis.tags.tag_frequency` of the corpus.
        title: the corpus name shown as the heading.
        colors: one colour per cluster, the same as in the charts.
        n_leading: how many leading tags to name.
        limits: what the corpus cannot show (:func:`analysis.report.limits.report_limits`, computed when
            not given); listed one sentence each. Headlines only make the trust verdict tentative.
        skipped: blocks of the input skipped in lenient mode (``file:line: reason``, as
            :attr:`analysis.report.data.ReportData.skipped` names them); the summary says how many,
            names the first :data:`MAX_SKIPPED_LISTED` and links the whole list as a CSV.
        slug: the stem of the report's downloads (the skipped blocks' CSV is ``<slug>-skipped.csv``).
        tags: the corpus' tags read already (:func:`analysis.tags.parse_tags`); read here when not given.

    Returns:
        The HTML fragment.
    """
    from analysis.tags import tag_summary

    limits = report_limits(corpus) if limits is None else limits
    counted = tag_summary(corpus if tags is None else tags)
    universal = list(counted.universal_tags) if len(corpus) > 1 else []
    leading = freq.loc[~freq["tag"].isin(universal) & (freq["articles"] > 1)].head(n_leading)
    trust = trust_assessment(model)
    if limits.headlines:
        trust = TrustAssessment(
            "Tentative. The articles have headlines only: a cluster rests on the few words of each "
            "headline. Use the clusters as a reading guide, not as findings.",
            trust.notes,
            ok=False,
        )
    block = render(
        "summary.html.j2",
        title=title,
        n_articles=len(corpus),
        source_noun=source_noun(corpus),
        **_pages_listed(page_counts(corpus)),
        n_tags=counted.n_tags,
        n_distinct_tags=counted.n_distinct,
        n_duplicates=int((corpus["tag_pages"].map(len) > 1).sum()),
        k=model.k,
        n_groups=len(model.group_table),
        groups=_group_rows(model, _cluster_rows(corpus, model, colors)),
        clusters=_cluster_rows(corpus, model, colors),
        leading_tags=leading.to_dict("records"),
        universal_tags=universal,
        trust_headline=trust.headline,
        notes=trust.notes,
        trust_ok=trust.ok,
        skipped=list(skipped),
        max_skipped_listed=MAX_SKIPPED_LISTED,
        skipped_csv=_skipped_csv(skipped, slug or slugify(title)),
        limits=limits.lines(),
        **_outlets_listed(corpus),
    )
    return HTMLBlock(block, {TITLE_METADATA: f"{title}: coverage report"})


def _skipped_csv(skipped: Sequence[str], slug: str) -> dict | None:
    """The download of every skipped block (``file``, ``line``, ``reason``) when the summary cannot name them all."""
    if len(skipped) <= MAX_SKIPPED_LISTED:
        return None
    rows = []
    for block in map(str, skipped):
        found = _SKIPPED_BLOCK.match(block)
        head, _, reason = block.partition(": ")
        rows.append(found.groups() if found else (head, "", reason))
    table = pd.DataFrame(rows, columns=["file", "line", "reason"])
    return _csv_context(table, f"{slug}-skipped.csv", None)


#: ``file:line: reason`` (a block skipped in a file); a whole file left out is ``file: reason``.
_SKIPPED_BLOCK = re.compile(r"^(.*?):(\d+): (.*)$", re.DOTALL)


def _outlets_listed(corpus: pd.DataFrame) -> dict[str, object]:
    """The summary's outlets: the MAX_PAGES_LISTED largest, how many more, how many spellings were merged."""
    if not has_outlets(corpus):
        return {"outlets": [], "n_outlets": 0, "more_outlets": 0, "n_merged": 0}
    counts = corpus["outlet"].dropna().value_counts(sort=True)  # ties: first seen
    shown = counts.head(MAX_PAGES_LISTED)
    return {
        "outlets": [{"name": name, "articles": int(n)} for name, n in shown.items()],
        "n_outlets": len(counts),
        "more_outlets": len(counts) - len(shown),
        "n_merged": len(corpus.attrs.get("outlet_merges", [])),
    }


def _pages_listed(counts: dict[str, int]) -> dict[str, object]:
    """The summary's list of pages: all of them, or the MAX_PAGES_LISTED largest and how many more."""
    names = list(counts)
    if len(names) > MAX_PAGES_LISTED:
        names = sorted(names, key=lambda page: -counts[page])[:MAX_PAGES_LISTED]  # ties: first seen
    return {
        "n_pages": len(counts),
        "pages": [{"name": page, "articles": counts[page]} for page in names],
        "more_pages": len(counts) - len(names),
    }


def clusters_html(
    corpus: pd.DataFrame,
    model,
    *,
    colors: Sequence[str],
    characteristic: pd.DataFrame | None = None,
    people: dict[int, list[str]] | None = None,
) -> HTMLBlock:
    """One card per topic cluster: label, size, strength, distinctive terms, tags, people, representative headlines.

    Args:
        corpus: the corpus.
        model: the fitted topic model.
        colors: one colour per cluster, as in the charts.
        characteristic: :func:`analysis.tags.characteristic_tags` output, shown per cluster when given.
        people: main people of each cluster (0-based cluster -> ``"Name (articles)"`` strings), as from
            :func:`analysis.report.people.main_people`; shown when given.

    Returns:
        The HTML fragment.
    """
    tags_by_cluster: dict[int, list[str]] = {}
    if characteristic is not None and len(characteristic):
        for cluster, group in characteristic.groupby("cluster", sort=True):
            tags_by_cluster[int(cluster)] = [f"{r.tag} ({r.count:,})" for r in group.itertuples()]
    cards = _cluster_rows(corpus, model, colors, tags_by_cluster, people)
    return render(
        "clusters.html.j2", groups=_group_rows(model, cards), n_groups=len(model.group_table)
    )
