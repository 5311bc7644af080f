"""Charts as the report embeds them: palette PNGs, light, reproducible, colours kept."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_rgb
from PIL import Image

from analysis.plots import cluster_colors, plot_tag_frequency
from analysis.plots.style import CHART_COLORS
from analysis.plots.style import figure_png as chart_png
from analysis.report import figure_html
from analysis.tags import tag_frequency

matplotlib.use("Agg")


def _busy_figure(n_clusters: int = 8):
    """Small patches in every cluster colour beside a smooth gradient that competes for the palette."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 5))
    bars, gradient = fig.subplots(1, 2)
    colors = cluster_colors(n_clusters)
    bars.bar(range(n_clusters), range(1, n_clusters + 1), color=colors, width=0.3)
    bars.set_title("Articles per cluster")
    image = gradient.imshow(np.linspace(0, 1, 256).reshape(16, 16), cmap="viridis")
    fig.colorbar(image, ax=gradient, label="share")
    return fig, colors


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def test_chart_png_is_a_small_palette_png_of_the_same_size():
    fig, _ = _busy_figure()
    full = chart_png(fig, colors=None)
    light = chart_png(fig)
    image = Image.open(io.BytesIO(light))
    assert image.mode == "P"
    assert len(image.getcolors()) <= CHART_COLORS
    assert image.size == Image.open(io.BytesIO(full)).size
    assert len(light) < 0.7 * len(full)
    assert chart_png(fig) == light  # same figure, same bytes


def test_every_cluster_colour_survives_the_palette():
    fig, colors = _busy_figure()
    pixels = _pixels(chart_png(fig))
    for color in colors:
        rgb = np.array([round(255 * c) for c in to_rgb(color)])
        nearest = np.abs(pixels - rgb).max(axis=-1).min()
        assert nearest <= 6, f"cluster colour {color} is drawn {nearest} levels off"


@pytest.mark.parametrize("colors", [CHART_COLORS, None])
def test_figure_html_shows_the_png_at_its_css_size(seed_corpus, colors):
    fig = plot_tag_frequency(tag_frequency(seed_corpus))
    html = figure_html(fig, alt="tags", dpi=144, colors=colors)
    assert 'src="data:image/png;base64,' in html
    width = Image.open(io.BytesIO(chart_png(fig, dpi=144, colors=colors))).size[0]
    assert f'width="{round(width * 96 / 144)}"' in html
