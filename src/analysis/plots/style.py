"""The house chart style: figure sizes, colours, label shortening, empty-chart message, plain text.

Every chart is a :class:`PlainTextFigure`: tags, headlines and page names come from articles, so their text
is drawn as written, never read as matplotlib math markup (``"US$5bn and US$10bn deals"`` keeps its dollar
signs; ``"$\\foo$"`` is text, not an "Unknown symbol" error) nor as TeX.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text

BAR_COLOR = "#4C72B0"
PAGE_TAG_COLOR = "#DD8452"
UNIVERSAL_COLOR = "#A0A0A0"
OTHER_COLOR = "#D9D9D9"
HEATMAP_CMAP = "Blues"
DIAGONAL_COLOR = "#D9D9D9"  # a heatmap's diagonal (a row's own count), kept out of the colour scale
NO_TAGS = "No tags to show"
_MAX_LABEL = 40
UPRIGHT_COLUMNS = 10  # up to this many clusters, names are written upright and wrapped


# ------------------------------------------------------------------------------------------ plain text
#: Settings under which every text of a chart is drawn as written (no mathtext, no TeX).
PLAIN_TEXT_RC = {"text.parse_math": False, "text.usetex": False}


def plain_text(fig: Figure) -> Figure:
    """Make every text already in ``fig`` plain (drawn as written, no math markup, no TeX); returns ``fig``."""
    for text in fig.findobj(Text):
        text.set_parse_math(False)
        text.set_usetex(False)
    return fig


@contextmanager
def plain_text_drawing(fig: Figure) -> Iterator[Figure]:
    """While the block runs, ``fig``'s texts and any text drawing creates (tick labels) are plain text."""
    with mpl.rc_context(PLAIN_TEXT_RC):
        yield plain_text(fig)
        plain_text(fig)


class PlainTextFigure(Figure):
    """A :class:`~matplotlib.figure.Figure` whose texts are always drawn as written (article text is data).

    Before each draw or layout, every text is set to plain (``parse_math=False``, ``usetex=False``), and
    texts that drawing itself creates (new tick labels) are made under the same settings.
    """

    def draw(self, renderer) -> None:
        with plain_text_drawing(self):
            super().draw(renderer)

    def get_tightbbox(self, renderer=None, *args, **kwargs):
        with plain_text_drawing(self):
            return super().get_tightbbox(renderer, *args, **kwargs)


# ------------------------------------------------------------------------------------- shared helpers


def new_figure(width: float, height: float) -> tuple[Figure, Axes]:
    """A figure with one axes and constrained layout, outside pyplot's global state.

    Args:
        width: width in inches.
        height: height in inches.

    Returns:
        ``(fig, ax)``.
    """
    fig = PlainTextFigure(figsize=(width, height), layout="constrained", dpi=100)
    ax = fig.add_subplot()
    style_axes(ax)
    return fig, ax


def style_axes(ax: Axes) -> None:
    """House look for an axes: no top/right frame, light grid behind the data."""
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_axisbelow(True)


def empty_figure(title: str, message: str = NO_TAGS) -> Figure:
    """A small figure with a title and a centred message, for tables with nothing to draw.

    Args:
        title: what the chart would have shown.
        message: the message in the middle of the figure.

    Returns:
        The figure (its axes are hidden; the message is the only text besides the title).
    """
    fig, ax = new_figure(6.0, 2.0)
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        fontsize=12,
        color="#555555",
        transform=ax.transAxes,
    )
    return fig


def shorten(label: str, width: int = _MAX_LABEL) -> str:
    """Cut a label to ``width`` characters with an ellipsis, so one odd tag cannot widen a chart."""
    label = str(label)
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def wrap_label(label: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(str(label), width=width, break_long_words=True)) or str(label)


def percent(share: float) -> str:
    if not np.isfinite(share):
        return ""
    return f"{share:.1%}" if 0 < share < 0.1 else f"{share:.0%}"


def text_color(rgba: Sequence[float]) -> str:
    r, g, b = to_rgb(rgba)
    return "white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.55 else "black"


def integer_locator():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def bar_notes(
    ax: Axes,
    positions: Sequence[float],
    lengths: Sequence[float],
    notes: Sequence[str],
    *,
    fontsize: float = 9,
    right: bool = True,
) -> None:
    """Write a note after each horizontal bar and fit the value axis to the data: it ends at the longest
    bar, so the longest bar fills it, and notes run on past the axis into the figure's margin (constrained
    layout makes room for them). ``right=False`` is for an axis inverted so that bars grow to the left.

    Args:
        ax: the axes holding the bars.
        positions: each bar's y position.
        lengths: each bar's length.
        notes: the text after each bar.
        fontsize: the notes' size.
        right: bars grow to the right (notes on their right), else to the left.
    """
    longest = max([float(v) for v in lengths] + [1e-9])
    gap = longest * 0.015
    for y, length, note in zip(positions, lengths, notes, strict=True):
        ax.text(
            float(length) + gap,
            y,
            note,
            va="center",
            ha="left" if right else "right",
            fontsize=fontsize,
            clip_on=False,
        )
    ax.set_xlim(0, longest)


def thousands(axis) -> None:
    """Tick labels of a count axis written 250,000 rather than 250000."""
    from matplotlib.ticker import StrMethodFormatter

    axis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))


#: Palette size of embedded charts: 40% of the bytes of full colour.
CHART_COLORS = 128


def figure_png(fig: Figure, *, dpi: int = 144, colors: int | None = CHART_COLORS) -> bytes:
    """A figure as PNG bytes, the same bytes for the same figure, optionally as a palette PNG (the one
    figure-to-PNG of the package: the report's charts and the explorers' images).

    Args:
        fig: the chart (not modified).
        dpi: resolution.
        colors: palette size (median cut, no dithering, so flat areas stay flat); None keeps full colour.

    Returns:
        The PNG file's bytes.
    """
    buffer = io.BytesIO()
    # No Software/date metadata: the same figure gives the same bytes, so reports are reproducible.
    # bbox_inches="tight" keeps long rotated labels inside the image instead of clipping them.
    # Article text is drawn as written, also on a figure made elsewhere (no math markup, no TeX).
    with plain_text_drawing(fig):
        fig.savefig(
            buffer,
            format="png",
            dpi=dpi,
            metadata={"Software": None},
            bbox_inches="tight",
            pad_inches=0.1,
            # An image only read back below is not compressed (the same pixels, far quicker).
            pil_kwargs=None if colors is None else {"compress_level": 0},
        )
    if colors is None:
        return buffer.getvalue()
    from PIL import Image

    image = Image.open(buffer).convert("RGB")
    palette = image.quantize(
        colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()
