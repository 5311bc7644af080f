"""Every article in one sortable, searchable table (itables), laid out for reading: text left-aligned, numbers
right-aligned, tags and pages as plain comma-separated text.

    from itables import init_notebook_mode
    init_notebook_mode(all_interactive=True, connected=False)   # once per notebook: the table's code, offline
    every_article(corpus, model)
"""

from __future__ import annotations

import pandas as pd

__all__ = ["every_article"]

#: Columns of :func:`analysis.report.tables.articles_table` that hold numbers (right-aligned).
NUMERIC_COLUMNS = ("words",)


class DataTable:
    """An itables table as a notebook output: its HTML (DataTables markup and the script that starts it)."""

    def __init__(self, html: str, table: pd.DataFrame) -> None:
        self.html = html
        self.table = table

    def _repr_html_(self) -> str:
        return self.html


def every_article(corpus: pd.DataFrame, model) -> DataTable:
    """The report's "All articles" table (same columns as its CSV) as an interactive table.

    JupyterLab right-aligns every table cell; here text columns are set left-aligned and numbers right, and
    list columns are written "Politics, Security" rather than ``['Politics', 'Security']``. Needs
    ``itables.init_notebook_mode(connected=False)`` earlier in the notebook (the table's code, offline).

    Args:
        corpus: the corpus the model was fitted on.
        model: the fitted topic model.

    Returns:
        A displayable table; ``.table`` is the DataFrame shown.
    """
    from itables import to_html_datatable

    from analysis.report.tables import articles_table

    table = articles_table(corpus, model, join=", ").reset_index(drop=True)
    numeric = [i for i, column in enumerate(table.columns) if column in NUMERIC_COLUMNS]
    html = to_html_datatable(
        table,
        connected=False,
        showIndex=False,
        classes="display compact",  # long headlines wrap, so the table fits the notebook's width
        # the notebook's whole width (itables centres a narrow table, wrapping cluster names on 3 lines)
        style="table-layout: auto; width: 100%; margin: 0; caption-side: bottom",
        columnDefs=[
            {"className": "dt-right", "targets": numeric},
            {"className": "dt-left", "targets": "_all"},
        ],
    )
    return DataTable(html, table)
