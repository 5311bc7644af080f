"""Text for the terminal: control characters shown as escapes, long lists cut with a count.

File names, field names and article text reach error messages and warnings; printed raw, an escape sequence
in one of them could recolour, retitle or scramble the user's terminal. :func:`printable` shows every control
character (but line breaks and tabs) as a Python-style escape; :func:`listing` names at most a few items of a
long list and says how many more there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["MAX_LINES", "MAX_LISTED", "cut_lines", "listing", "printable"]

#: A message names at most this many items of a list (columns, files, fields) and counts the rest.
MAX_LISTED = 20
#: A message printed on the terminal shows at most this many lines and counts the rest.
MAX_LINES = 25

# C0 controls but tab and line feed, DEL, C1 controls, and the Unicode characters that reorder or hide text
_UNPRINTABLE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters as escapes (``\\x1b``), the rest unchanged.

    Example:
        >>> printable("bad\\x1b[31mname")
        'bad\\\\x1b[31mname'
    """
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def listing(items: Iterable[object], *, limit: int = MAX_LISTED, quote: bool = False) -> str:
    """``"a, b, c"``, or the first ``limit`` items and ``"... and 9,980 more"``.

    Example:
        >>> listing(range(25), limit=3)
        '0, 1, 2 and 22 more'
    """
    items = list(items)
    shown = [repr(str(i)) if quote else str(i) for i in items[:limit]]
    more = len(items) - len(shown)
    return ", ".join(shown) + (f" and {more:,} more" if more > 0 else "")


def cut_lines(text: str, *, limit: int = MAX_LINES) -> str:
    """``text`` with at most ``limit`` lines, the rest counted (``"  ... and 9,980 more lines"``).

    Example:
        >>> cut_lines("a\\nb\\nc\\nd", limit=2)
        'a\\nb\\n  ... and 2 more lines'
    """
    lines = text.split("\n")
    if len(lines) <= limit:
        return text
    more = len(lines) - limit
    return "\n".join(lines[:limit]) + f"\n  ... and {more:,} more line{'s' if more != 1 else ''}"
