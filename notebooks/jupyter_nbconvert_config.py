"""nbconvert settings when run from notebooks/: the same as the repository root's (see that file)."""

from pathlib import Path

load_subconfig(str(Path(__file__).resolve().parents[1] / "jupyter_nbconvert_config.py"))  # noqa: F821
