"""Article text in charts is drawn as written: no math markup, no TeX, whoever made the figure."""

from __future__ import annotations

import io

import matplotlib
import pytest
from matplotlib.text import Text

from analysis.plots import plot_tag_frequency
from analysis.plots.style import PlainTextFigure, new_figure
from analysis.plots.style import figure_png as chart_png
from analysis.tags import tag_frequency

MARKUP = ["$\\foo$", "US$5bn and US$10bn deals", "$x^2$ and $\\alpha$", "$$", "a \\$ b $c$"]


def drawn(fig) -> dict[str, tuple[str, object]]:
    """What matplotlib would draw for each text of a figure: (the string, the kind of math parsing)."""
    return {
        t.get_text(): t._preprocess_math(t.get_text()) for t in fig.findobj(Text) if t.get_text()
    }


def test_tag_chart_draws_dollar_signs_as_text(corpus_factory):
    corpus = corpus_factory(
        [{"body": "Words here.", "tags": [label, "Defense"]} for label in MARKUP]
    )
    fig = plot_tag_frequency(tag_frequency(corpus))
    assert isinstance(fig, PlainTextFigure)
    fig.savefig(io.BytesIO(), format="png")  # "$\foo$" used to fail here with "Unknown symbol"
    texts = drawn(fig)
    for label in MARKUP:
        assert texts[label] == (label, False), label


def test_a_figure_made_elsewhere_is_drawn_plain_in_the_report():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.set_title("$\\foo$")
    ax.set_xticks([0, 1], ["US$5bn", "and US$10bn"])
    assert chart_png(fig, colors=None).startswith(b"\x89PNG")
    assert all(kind is False for _, kind in drawn(fig).values())


def test_tex_is_never_used_even_when_the_session_asks_for_it():
    fig, ax = new_figure(3, 2)
    ax.set_title("$\\foo$ 100% & #1")
    with matplotlib.rc_context({"text.usetex": True}):
        fig.savefig(io.BytesIO(), format="png")  # would need a LaTeX install and fail on \foo
    assert not any(t.get_usetex() for t in fig.findobj(Text))


@pytest.mark.parametrize("label", MARKUP)
def test_tick_labels_made_while_drawing_are_plain(label):
    fig, ax = new_figure(3, 2)
    ax.barh([label], [1])
    fig.savefig(io.BytesIO(), format="png")
    assert drawn(fig)[label] == (label, False)
