"""Command line: ``python -m analysis articles PATH...``, ``report [PATH...]`` and ``kwic PATH... TERM``.

``articles`` parses tag pages and exports and writes the clean corpus to stdout (JSON Lines or CSV), so a user
can check and convert a dump. ``report`` builds the shareable HTML report. Errors a user can cause print
their message to stderr and exit with status 2, with no traceback; a reader that stops early
(``... | head``) ends the command quietly with status 141, as for any Unix tool.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

from analysis.engine import ENGINES
from analysis.errors import AnalysisError
from analysis.terminal import cut_lines, printable

__all__ = ["build_parser", "did_you_mean", "main"]


def _articles(args: argparse.Namespace) -> int:
    from analysis.corpus import load_corpus

    corpus = load_corpus(*args.paths, lenient=args.lenient)
    if args.format == "csv":
        from analysis.csvfile import write_csv

        write_csv(corpus, sys.stdout)
    else:
        corpus.to_json(
            sys.stdout, orient="records", lines=True, force_ascii=False, date_format="iso"
        )
    sys.stdout.flush()  # here, not at exit, so that a closed pipe is handled like any other
    return 0


def _report(args: argparse.Namespace) -> int:
    # jsonschema (imported by nbformat) loads rfc3987-syntax, which builds an IRI grammar at import (~1.8 s)
    # for a string format that notebook schemas never use; without it jsonschema skips that format. This is
    # the command's own process, so the library leaves sys.modules alone and the command decides.
    sys.modules.setdefault("rfc3987_syntax", None)
    from analysis.publish import build_report
    from analysis.timings import TIMINGS_ENV

    build_report(
        args.paths or None,
        output=args.output,
        k=args.k,
        random_state=args.random_state,
        freq=args.freq,
        nlp=args.nlp,
        show_code=args.show_code,
        progress=not args.quiet,
        engine=args.engine,  # auto is resolved once, in build_report's plan
        scheduler=args.scheduler,
        lenient=args.lenient,
        compare_by=args.compare_by,
        since=args.since,
        title=args.title,
        timings=os.environ.get(TIMINGS_ENV) or None,  # benchmarks' step times, not in the report
    )
    return 0


def _kwic(args: argparse.Namespace) -> int:
    from analysis.corpus import load_corpus
    from analysis.report.tables import with_headlines
    from analysis.text.kwic import keyword_in_context
    from analysis.wording import plural

    corpus = load_corpus(*args.paths, lenient=args.lenient)
    # Articles are named by their headline (or, without one, where they were read), never by an id.
    found = with_headlines(keyword_in_context(corpus, args.term, window=args.window), corpus)
    if args.format == "csv":
        from analysis.csvfile import write_csv

        write_csv(found, sys.stdout)
    else:
        shown = None
        for headline, row in zip(found["headline"], found.itertuples(), strict=True):
            if headline != shown:
                print(("\n" if shown is not None else "") + headline)
                shown = headline
            print(f"  {row.left:>{args.window}}[{row.match}]{row.right}")
    print(
        f"{plural(len(found), 'match')} of {args.term!r} in {found['article_id'].nunique():,} of "
        f"{plural(len(corpus), 'article')}",
        file=sys.stderr,
    )
    return 0


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """``" (did you mean --k?)"`` when ``word`` is close to one of ``choices``, else ``""``.

    Python 3.14's ``argparse`` does this itself (``suggest_on_error``); 3.11 does not.
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


class _Parser(argparse.ArgumentParser):
    """``argparse`` with "did you mean" hints for a mistyped command, option or choice."""

    def error(self, message: str) -> NoReturn:
        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if choice:
            message += did_you_mean(choice.group(1), re.findall(r"'([^']*)'", choice.group(2)))
        super().error(message)

    def reject_unknown(self, extras: Sequence[str]) -> NoReturn:
        """Stop with this (sub)command's usage, naming the unknown arguments and the nearest options."""
        options = sorted(set(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", self.format_help())))
        hints = "".join(did_you_mean(e.split("=")[0], options) for e in extras if e.startswith("-"))
        self.error(f"unrecognized arguments: {' '.join(extras)}{hints}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m analysis",
        description="Topic clusters, tag analytics and shareable HTML reports for news tag-page dumps.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_articles(sub)
    _add_report(sub)
    _add_kwic(sub)
    return parser


def _add_articles(sub) -> None:
    p = sub.add_parser(
        "articles",
        help="parse tag pages, JSONL/CSV exports, feeds or saved pages and write the clean corpus to stdout",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders (.txt, .jsonl, .csv, feeds .xml/.rss/.atom, pages .html; also .gz)",
    )
    p.add_argument(
        "--format", choices=["jsonl", "csv"], default="jsonl", help="output format (default: jsonl)"
    )
    p.add_argument(
        "--lenient",
        action="store_true",
        help="skip blocks that do not parse (each is listed as a warning)",
    )
    p.set_defaults(func=_articles, parser=p)


def _add_report(sub) -> None:
    r = sub.add_parser("report", help="build the shareable HTML report (default: seeds/)")
    r.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the project's seeds/)"
    )
    r.add_argument(
        "-o",
        "--output",
        metavar="OUT.html",
        help="where to write: a file, or a folder (ending in /) to write <corpus-name>.html in "
        "(default: reports/<corpus-name>.html)",
    )
    r.add_argument(
        "--title",
        metavar="TEXT",
        default=None,
        help="the report's title, also its file name (default: from the tag pages' names)",
    )
    r.add_argument(
        "--k",
        type=int,
        default=None,
        help="number of topic clusters (default: chosen from the data)",
    )
    r.add_argument(
        "--random-state", type=int, default=0, help="seed for every random step (default: 0)"
    )
    r.add_argument(
        "--freq",
        choices=["W", "M", "D"],
        default="M",
        help="period of the 'Over time' section: W week, M month, D day (default: M)",
    )
    r.add_argument(
        "--nlp",
        metavar="NAME",
        default=None,
        help="an installed trained spaCy pipeline for the people sections, e.g. en_core_web_sm "
        "(default: built-in rules; nothing is downloaded)",
    )
    r.add_argument(
        "--compare-by",
        metavar="COLUMN",
        default=None,
        help="the column whose values the 'Outlets compared' section compares, e.g. outlet, "
        "outlet_domain or bias (default: outlet when the articles have two or more outlets, else the "
        "tag pages are compared as before)",
    )
    r.add_argument("--show-code", action="store_true", help="keep the code cells in the report")
    r.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="pandas (this process, bounded memory) or dask (tasks on a Dask cluster); "
        "auto: dask above 1 GiB of input or when a scheduler is given (default: auto)",
    )
    r.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="Dask scheduler to use, e.g. tcp://HOST:8786 (default: $DASK_SCHEDULER_ADDRESS, "
        "else a local cluster of one worker process per core, 2 to 8)",
    )
    r.add_argument(
        "--lenient",
        action="store_true",
        help="skip blocks that do not parse (each is listed as a warning; the report says how many "
        "were left out and where) instead of stopping at the first",
    )
    r.add_argument(
        "--since",
        metavar="PREVIOUS.html",
        default=None,
        help="an earlier report: keep its topic numbers and labels and say what is new since it "
        "(its saved state, PREVIOUS.state.npz, is read from beside it)",
    )
    r.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    r.set_defaults(func=_report, parser=r)


def _add_kwic(sub) -> None:
    w = sub.add_parser(
        "kwic", help="keyword in context: every use of a word or phrase with the text around it"
    )
    w.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders (.txt, .jsonl, .csv, feeds .xml/.rss/.atom, pages .html; also .gz)",
    )
    w.add_argument(
        "term", metavar="TERM", help="the word or phrase (any case; ' and ’ match each other)"
    )
    w.add_argument(
        "--window", type=int, default=60, help="characters of context on each side (default: 60)"
    )
    w.add_argument(
        "--format", choices=["text", "csv"], default="text", help="output format (default: text)"
    )
    w.add_argument(
        "--lenient",
        action="store_true",
        help="skip blocks that do not parse (each is listed as a warning)",
    )
    w.set_defaults(func=_kwic, parser=w)


def _warning_line(message, category, filename, lineno, line=None) -> str:
    """Warnings on the terminal as one plain line (``SkippedBlocksWarning: ...``), not a code location."""
    return f"{category.__name__}: {cut_lines(printable(str(message)))}\n"


def main(argv: Sequence[str] | None = None) -> int:
    import warnings

    warnings.formatwarning = _warning_line
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        args.parser.reject_unknown(extras)
    try:
        return args.func(args)
    except AnalysisError as exc:
        print(f"error: {printable(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _closed_pipe()


def _closed_pipe() -> int:
    """The reader of stdout went away (``... | head``): stop quietly with the status a shell expects (141).

    Python flushes stdout again at exit, which would raise once more; point it at /dev/null first.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 128 + signal.SIGPIPE
