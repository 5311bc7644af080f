"""Report size on quotation-heavy text: ``python -m analysis report`` on 100,000 articles recombined from BBC.

BBC News paragraphs carry many quotations, so articles made of BBC paragraphs shuffled across articles
(seeded, as ``entity_quality.recombined`` does) fill "Who said what" and the people tables at any size. The
report must stay small (at most 2 MB) however many quotations there are: every table that grows with the
corpus embeds at most ``analysis.report.html.EMBED_CSV_MAX_BYTES`` of CSV and otherwise writes its full CSV
next to the report, linked from it. Prints the report size, each CSV written beside it (size, rows) and
whether the report links every one, and the largest embedded downloads; next to it, the size the embedded
CSVs would have had (all tables embedded whole, as before).

    .venv/bin/python benchmarks/quote_report_size.py             # 100,000 articles
    .venv/bin/python benchmarks/quote_report_size.py --n 20000
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

from archive_scale import _report_cmd, measure
from entity_quality import BBC, recombined

from analysis.corpus import load_corpus

_DOWNLOAD = re.compile(r'download="([^"]+)" href="data:text/csv;charset=utf-8;base64,([^"]+)"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    if not BBC.exists():
        print(f"skipped: {BBC} is not here")
        return 0
    corpus = recombined(load_corpus(BBC), args.n)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "recombined.jsonl"
        with data.open("w", encoding="utf-8") as handle:
            for row in corpus.itertuples():
                handle.write(
                    json.dumps({"id": row.id, "title": row.title, "body": row.body}) + "\n"
                )
        out = Path(tmp) / "out" / "quotes-heavy.html"
        out.parent.mkdir()
        start = time.perf_counter()
        res = measure(_report_cmd(data, "pandas", out))
        if res["rc"] != 0:
            print(f"report FAILED (exit {res['rc']}):\n{res['stderr']}")
            return 1
        page = out.read_text(encoding="utf-8")
        print(
            f"{args.n:,} articles recombined from BBC paragraphs: report {out.stat().st_size / 1e6:.2f} MB "
            f"(target <= 2 MB), {time.perf_counter() - start:.0f} s wall, peak PSS {res['peak_mb'] / 1024:.2f} GB"
        )
        beside = sorted(p for p in out.parent.iterdir() if p.suffix == ".csv")
        for path in beside:
            rows = len(pd.read_csv(path))
            linked = f'href="{path.name}"' in page
            print(
                f"  beside: {path.name:32s} {path.stat().st_size / 1e6:7.2f} MB {rows:>8,} rows  linked {linked}"
            )
        embedded = sorted(
            ((len(base64.b64decode(b64)), name) for name, b64 in _DOWNLOAD.findall(page)),
            reverse=True,
        )
        total = sum(size for size, _ in embedded)
        print(f"  embedded downloads: {len(embedded)}, {total / 1e6:.2f} MB in all; largest:")
        for size, name in embedded[:5]:
            print(f"    {name:32s} {size / 1e3:8.1f} KB")
        whole = total + sum(p.stat().st_size for p in beside)
        print(
            f"  the plain way (every table's CSV embedded whole): {whole * 4 / 3 / 1e6:.2f} MB of base64 "
            f"on top of the page's other content"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
