"""The offline check judges markup, never text: article text about CSS or URLs cannot stop a report."""

from __future__ import annotations

import pytest

from analysis.errors import ReportError
from analysis.publish.offline import check_offline

REFUSED = [
    '<script src="https://cdn.example/x.js"></script>',
    '<p>ok</p><script type="text/javascript">var x = 1;</script>',
    '<link rel="stylesheet" href="//cdn.example/a.css">',
    '<img src="https://x.example/pixel.gif">',
    '<img src=" \thttps://x.example/p.gif">',
    '<img srcset="data:image/png;base64,AA 1x, https://x.example/a.png 2x">',
    "<style>@import url(https://x/y.css);</style>",
    "<style>p { background: url( '//x.example/a.png' ) }</style>",
    "<style>p { background: \\75 rl(https://x.example/a.png) }</style>",
    '<p style="background-image:url(http://x.example/a.png)">x</p>',
    '<meta http-equiv="refresh" content="0; url=https://x.example/">',
    '<a href="javascript:alert(1)">x</a>',
    '<img src="data:," onerror="alert(1)">',
    '<iframe srcdoc="&lt;p&gt;"></iframe>',
    '<base href="https://x.example/">',
    '<video poster="https://x.example/a.png"></video>',
]

ALLOWED = [
    '<img src="data:image/png;base64,AAAA" alt="chart">',
    '<a download="t.csv" href="data:text/csv;charset=utf-8;base64,77u/">Download</a>',
    '<a href="uk-defense-articles.csv" download>uk-defense-articles.csv</a>',
    '<a href="#clusters">Clusters</a>',
    '<a href="https://www.allsides.com/">AllSides</a>',  # a link a reader may click; nothing loads
    "<p>How the CSS @import rule and url(//cdn.example/x.css) work</p>",
    "<td>&lt;script src=&quot;https://x/y.js&quot;&gt;&lt;/script&gt;</td>",
    '<p title="@import url(//x.example/a.css)">a title attribute is text</p>',
    "<style>.ar-table td { color: #333 } /* url(//x) in a comment */</style>",
    "<title>@import url(https://x.example/a.css)</title>",
]


@pytest.mark.parametrize("page", REFUSED)
def test_markup_that_would_run_or_load_is_refused(page):
    with pytest.raises(ReportError, match="line 1, column"):
        check_offline(page)


@pytest.mark.parametrize("page", ALLOWED)
def test_text_and_local_references_are_allowed(page):
    check_offline(page)
