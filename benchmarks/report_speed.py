"""How long `make report` takes, next to the floor: nbconvert executing a notebook that only imports
pandas, matplotlib and scikit-learn, measured in the same run (median of REPEATS runs each).

    .venv/bin/python benchmarks/report_speed.py [REPEATS]

Target: the report costs at most 1.5x the floor.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
JUPYTER = Path(sys.executable).with_name("jupyter")


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main(repeats: int = 3) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        floor_nb = tmp_path / "floor.ipynb"
        nb = nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_code_cell("import pandas\nimport matplotlib\nimport sklearn")]
        )
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nbformat.write(nb, floor_nb)
        floor_cmd = [str(JUPYTER), "nbconvert", "--to", "html", "--execute", str(floor_nb)]
        report_cmd = ["make", "--no-print-directory", "report"]
        subprocess.run(
            ["make", "--no-print-directory", "install"], cwd=ROOT, check=True, capture_output=True
        )
        floor, ours = [], []
        for _ in range(repeats):  # interleaved so both see the same machine load
            floor.append(timed(floor_cmd, tmp_path))
            ours.append(timed(report_cmd, ROOT))
    f, o = statistics.median(floor), statistics.median(ours)
    print(f"{'contender':<58}{'median s':>10}{'runs':>24}")
    print(
        f"{'floor: nbconvert --execute, imports pandas/matplotlib/sklearn':<58}{f:>10.2f}"
        f"{', '.join(f'{t:.2f}' for t in floor):>24}"
    )
    print(
        f"{'make report (seeds/ -> reports/uk-defense.html)':<58}{o:>10.2f}{', '.join(f'{t:.2f}' for t in ours):>24}"
    )
    print(
        f"ratio report / floor: {o / f:.2f}x (target <= 1.5x) -> {'OK' if o / f <= 1.5 else 'OVER TARGET'}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
