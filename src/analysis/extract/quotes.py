"""Who said what: direct quotations in article bodies, each with its speaker and reporting cue.

A quotation is text between quotation marks (curly or straight; one that runs over paragraphs, each opening
a new paragraph with a quotation mark, is one quotation). It is ``full`` when it stands as its own sentence
or clause of speech and ``partial`` when a phrase in quotation marks sits inside the reporter's sentence.
Short quoted phrases of three words or fewer with no reporting verb (terms, scare quotes) and quoted titles
in Title Case (operations, slogans, works) are not speech and are left out. The speaker comes from the
reporting clause after the quotation (``“…,” Petrov said`` / ``said Nikolai Petrov``), before it
(``Eagle said: “…”``) or, for a partial quotation, the reporting verb of its sentence. Pronouns ("she said")
go to the last person of that gender mentioned before; descriptions that match a known person's role ("the
Russian president said") go to that person; other descriptions ("a senior EU diplomat") are kept as written,
flagged ``speaker_named=False``. An unattributed quotation right after another continues its speaker, and
one split around its reporting clause (``“A,” he said. “B.”``) is one row.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.extract import canonical, cues
from analysis.extract.attribution import attribute
from analysis.extract.bylines import caption_source, heading_source, signature_source
from analysis.extract.chains import in_apposition, named_again
from analysis.extract.entities import Mention, check_corpus, mentions_frame
from analysis.extract.introduced import (
    addresses_speaker,
    introduced_speaker,
    named_next,
    names_its_referent,
    pronoun_before,
)
from analysis.extract.marks import double_stretches, inner_span, single_stretches
from analysis.extract.pipeline import FieldDoc, page_text, parse_corpus
from analysis.extract.readings import KeptReadings, Quotation, Reading, reader_version, text_keys
from analysis.extract.rules import doc_mentions
from analysis.extract.sentences import (
    LINK_LABEL,
    clause_before,
    first_sentence_end,
    window_end,
)
from analysis.extract.speakers import SpeakerContext, resolve_speaker
from analysis.extract.stretches import (
    GOING_ON,
    adjacent_partials,
    continues,
    inside_quote,
    joined_partials,
    names_between,
    new_speaker,
    same_paragraph,
    split_clause,
)
from analysis.parallel import map_in_order, worker_count

__all__ = ["QUOTE_COLUMNS", "Quotation", "people_and_quotes", "quotes"]

QUOTE_COLUMNS = ["article_id", "quote", "speaker", "speaker_named", "cue", "kind", "start", "end"]


def quotes(corpus: pd.DataFrame, *, nlp=None, progress: bool | None = None) -> pd.DataFrame:
    """Every direct quotation in the corpus's article bodies, with its speaker.

    Args:
        corpus: a corpus from :func:`analysis.load_corpus` (``id``, ``title``, ``body``).
        nlp: as for :func:`analysis.extract.entities` (None: built-in rules on a blank English pipeline).
        progress: show a progress bar; None shows one for corpora of 500 articles or more.

    Returns:
        One row per quotation: ``article_id``, ``quote`` (verbatim; the parts of one split around its
        reporting clause joined by a space), ``speaker`` (canonical name when named, else the description
        as written, "" when nobody is named), ``speaker_named``, ``cue`` ("said", "told POLITICO"),
        ``kind`` (``full`` | ``partial``), ``start``, ``end`` (character offsets into the body, quotation
        marks included).

    Example:
        >>> said = quotes(load_corpus("seeds"))
        >>> said[said.speaker_named].speaker.value_counts().head()
    """
    return people_and_quotes(corpus, nlp=nlp, progress=progress)[1]


#: From this many articles, reading them (parsing, mentions, quotations: each article on its own) is spread
#: over worker processes (:func:`analysis.parallel.map_in_order`); below, starting them costs more than it
#: saves. Names are made canonical afterwards, over all articles, exactly as on one core.
PARALLEL_FROM = 1_000


def people_and_quotes(
    corpus: pd.DataFrame,
    *,
    nlp=None,
    progress: bool | None = None,
    kept: str | os.PathLike[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(entities(corpus), quotes(corpus))`` from one pass of the pipeline.

    ``kept``: a folder where each article's reading is kept for the next call, which reads back those it
    finds there and reads only the others (:mod:`analysis.extract.readings`; the report passes
    :data:`~analysis.extract.readings.KEPT_READINGS_DIR`). The result is the same either way.
    """
    check_corpus(corpus)
    reading = _read_kept(corpus, nlp=nlp, progress=progress, kept=kept)
    texts = dict(zip(corpus["id"].astype(str), map(page_text, corpus["body"]), strict=True))
    canonical.resolve(reading.mentions, bodies=texts)
    return mentions_frame(reading.mentions), quotations_frame(
        reading.found, texts, reading.sentences, reading.titles
    )


def _read_kept(corpus: pd.DataFrame, *, nlp, progress: bool | None, kept) -> Reading:
    """Every article's reading, in corpus order: those kept in ``kept`` read back, the others read (and
    kept there)."""
    version = None if kept is None else reader_version(nlp, _READER_SOURCES)
    if version is None:
        reading = Reading()
        for part in _read_in_parts(corpus, nlp=nlp, progress=progress):
            reading.extend(part)
        return reading
    store = KeptReadings(kept, version)
    ids = corpus["id"].astype(str).tolist()
    keys = text_keys(corpus["title"], corpus["body"])
    found = store.read(keys)
    todo = [i for i, key in enumerate(keys) if key not in found]
    if todo:
        new = Reading()
        for part in _read_in_parts(corpus.iloc[todo], nlp=nlp, progress=progress):
            new.extend(part)
        encoded = new.encoded()
        fresh = {keys[i]: encoded[ids[i]] for i in todo}  # every article has its headline read
        store.write(fresh)
        found |= fresh
    reading = Reading()
    for article_id, key in zip(ids, keys, strict=True):
        reading.add_encoded(article_id, found[key])
    return reading


#: The reader's code, the version its kept readings are keyed by (config: the longest text read).
_READER_SOURCES = [*Path(__file__).parent.glob("*.py"), Path(config.__file__)]


def _read_articles(corpus: pd.DataFrame, nlp=None, progress: bool | None = None) -> Reading:
    """Every mention and quotation of these articles, each article read on its own."""
    read = Reading()
    for doc in parse_corpus(corpus, nlp=nlp, progress=progress):
        found_here = list(doc_mentions(doc))
        read.mentions.extend(found_here)
        if doc.field == "title":
            read.titles[doc.article_id] = found_here
        else:
            quoted = doc_quotations(doc, found_here)
            read.found.extend(quoted)
            if quoted:
                read.sentences[doc.article_id] = [
                    doc.idx[k] for k in doc.sentence_starts if k < len(doc.idx)
                ]
    return read


def _read_in_parts(corpus: pd.DataFrame, *, nlp, progress: bool | None) -> Iterator[Reading]:
    """The articles read in order: in this process, or from :data:`PARALLEL_FROM` articles up in a few
    parts per worker process (a pipeline given as an object, not a name, stays in this process)."""
    workers = worker_count()
    if workers <= 1 or len(corpus) < PARALLEL_FROM or not (nlp is None or isinstance(nlp, str)):
        yield _read_articles(corpus, nlp, progress)
        return
    columns = corpus[["id", "title", "body"]]
    bounds = np.linspace(0, len(columns), 2 * workers + 1).round().astype(int)
    parts = [columns.iloc[a:b] for a, b in pairwise(bounds) if b > a]
    done = map_in_order(functools.partial(_read_articles, nlp=nlp, progress=False), parts)
    if progress is not False:
        from tqdm.auto import tqdm

        done = tqdm(done, total=len(parts), desc="entities", unit="part", mininterval=1.0)
    yield from done


def doc_quotations(doc: FieldDoc, mentions: list[Mention]) -> list[Quotation]:
    """The quotations of one body, with their attribution read (speakers resolved later)."""
    text = doc.text
    result: list[Quotation] = []
    previous: Quotation | None = None
    double = double_stretches(text)
    single = single_stretches(text, double)
    for open_at, close_at, runs_on in sorted(double + single):
        inner = inner_span(text, open_at, close_at)
        if text[open_at] in "‘'" and not _said(doc, mentions, open_at, close_at, inner):
            continue  # a single-quoted stretch counts only with a speaker (apostrophes are many)
        quote = _read_stretch(doc, mentions, open_at, close_at, inner)
        if previous is not None and previous.runs_on and not new_speaker(text, previous, quote):
            previous.parts.append(inner)
            previous.end, previous.runs_on = close_at, runs_on
            continue
        if quote is None:
            continue
        quote.runs_on = runs_on
        if previous is not None and quote.who and inside_quote(previous, quote.who[0]):
            quote.who, quote.cue = None, ""  # never named inside another's quoted words
        if previous is not None and adjacent_partials(text, previous, quote):
            quote.who, quote.cue = previous.who, previous.cue  # "statement that “A” “B”"
        elif previous is not None and joined_partials(text, previous, quote):
            previous.who, previous.cue = quote.who, quote.cue  # "“A” and “B,” he said"
        if previous is not None and split_clause(text, previous, quote):
            previous.parts.append(inner)  # "“A,” said Sella, “which ...”": one quotation
            previous.end, previous.runs_on = close_at, runs_on
            continue
        if previous is not None and continues(text, previous, quote):
            if (
                same_paragraph(text, previous.end, quote.start)
                and previous.kind == "full"  # not a phrase quoted in the reporter's sentence
                and previous.cue
                and not quote.cue
                and not names_between(text, mentions, previous, quote.start)
            ):
                previous.parts.append(inner)
                previous.end, previous.runs_on = close_at, runs_on
                continue
            going_on = quote.who is None and quote.cue.split()[:1] in GOING_ON  # "And continued:"
            if (not quote.cue or going_on) and not _named_after(doc, mentions, quote.end):
                quote.continues = True
        result.append(quote)
        previous = quote
    for quote in result:
        if quote.who is None and not quote.cue and quote.kind == "full":
            captioned = caption_source(doc, mentions, quote.start)
            found = captioned or heading_source(doc, mentions, quote.start)
            quote.who = found or signature_source(doc, mentions, quote.end)
            if quote.who is not None:
                quote.cue, quote.continues = ("said" if captioned else "wrote"), False
        elif quote.who is None:  # "Others argue that “…” Adam Serwer, The Atlantic": the signature
            quote.who = signature_source(doc, mentions, quote.end)  # names whom "others" stood for
            if quote.who is not None:
                quote.cue, quote.continues = "wrote", False
    return result


def _said(
    doc: FieldDoc, mentions: list[Mention], open_at: int, close_at: int, inner: tuple[int, int]
) -> bool:
    quote = _read_stretch(doc, mentions, open_at, close_at, inner)
    return quote is not None and quote.who is not None


def _read_stretch(
    doc: FieldDoc, mentions: list[Mention], open_at: int, close_at: int, inner: tuple[int, int]
) -> Quotation | None:
    text = doc.text
    words = text[inner[0] : inner[1]].split()
    kind = (
        "full"
        if _starts_speech(clause_before(text, open_at), text[inner[0] : inner[1]])
        else "partial"
    )
    if (
        kind == "partial"
        and _title_case(words)
        and not LINK_LABEL.match(clause_before(text, open_at))
    ):
        return (
            None  # a title, not speech (a link's headline may quote in title case: attribution.py)
        )
    found = attribute(doc, mentions, open_at, close_at, inner[1], full=kind == "full")
    if kind == "partial" and (
        (
            len(words) <= 3
            and (
                found.who is None
                or (found.who[1] > open_at and text[close_at : found.who[0]].strip() != ",")
                or _so_called(text, open_at, close_at)
            )
        )  # but "were “wrong”, Mr Blair said": the clause right after the mark says who
        or (len(words) <= 6 and found.who is None and not found.cue)
    ):
        return (
            None  # a term or scare quote ("coalition of the willing"): short words need a speaker
        )
    return Quotation(
        doc.article_id, open_at, close_at, [inner], kind, found.cue, found.who, mentions
    )


def _so_called(text: str, open_at: int, close_at: int) -> bool:
    """ "the so-called “Dreamers”", "the “nuclear option”", a nickname (William “Ryan” Owens): a term, not
    words someone said."""
    before = text[max(0, open_at - 12) : open_at].split()
    after = text[close_at : close_at + 12].split()
    ended = text[:close_at].rstrip("”’\"'")[-1:] in {
        ".",
        "!",
        "?",
    }  # a capital opens the next sentence
    nickname = bool(before and after) and before[-1][:1].isupper() and after[0][:1].isupper()
    nickname = nickname and not ended
    return nickname or (
        bool(before)
        and before[-1].lower() in {"so-called", "the", "term", "word", "dubbed", "label"}
    )


def _starts_speech(before: str, inner: str) -> bool:
    stripped = before.strip(' \n\t\xa0”’"')
    if not stripped or stripped.endswith(":"):
        return True
    last = stripped.split()[-1].lower().strip(",")
    if last in cues.REPORTING_VERBS or last == "that":
        return len(inner.split()) > 3 and inner[:1].isupper()
    return False


def _title_case(words: list[str]) -> bool:
    """ "Face the Nation", "Special Report with Bret Baier": every word but the small ones capitalised."""
    content = [w for w in words if len(w) > 3 and w.lower() not in _MINOR_WORDS]
    return len(words) >= 2 and bool(content) and all(w[:1].isupper() for w in content)


_MINOR_WORDS = frozenset({"with", "from", "into", "over", "upon", "than", "that", "this"})


def _joined(body: str, parts: list[tuple[int, int]]) -> str:
    """The quoted stretches as one text: " " across a paragraph break, " … " where a reporting clause was cut."""
    out = body[parts[0][0] : parts[0][1]].strip()
    for (_, end), (start, stop) in pairwise(parts):
        gap = body[end:start].strip(' \n\t\xa0“”"')
        out += (" … " if gap else " ") + body[start:stop].strip()
    return out


def quotations_frame(
    found: list[Quotation],
    texts: dict[str, str],
    sentences: dict[str, list[int]] | None = None,
    titles: dict[str, list[Mention]] | None = None,
) -> pd.DataFrame:
    """The quotation records as the documented DataFrame (speakers of continuations carried over);
    ``sentences`` gives each body's sentence starts (character offsets), ``titles`` each headline's
    mentions (their roles help tell who "the minister" is)."""
    rows = []
    by_article: dict[str, list[Quotation]] = {}
    for q in found:
        by_article.setdefault(q.article_id, []).append(q)
    for article, group in by_article.items():
        body = texts[article]
        ctx = SpeakerContext(
            body,
            group[0].context + (titles or {}).get(article, []),
            [(a - 1, b + 1) for q in group for a, b in q.parts],  # quoted stretches, marks included
            (sentences or {}).get(article, [0]),
        )
        last, last_end, last_cue, last_kind, speakers = ("", False), None, "", "", []
        for q in group:
            ctx.previous_end = last_end
            speaker = resolve_speaker(q.who, q.start, ctx, last, q.cue)
            if names_its_referent(ctx, q.who, q.parts, speaker):
                speaker = ("", False)  # "“Here we go with Mitt Romney!” he wrote": not Romney
            if not speaker[0] and q.continues and last_end is not None:
                speaker = last if _adjacent(ctx, last_end, q.start, last) else ("", False)
            if not speaker[0] and q.who is None and q.kind == "full" and last_kind == "full":
                speaker = last if _answer_goes_on(ctx, last_end, q, last, last_cue) else speaker
            if not speaker[0] and q.who is None and q.kind == "full":
                found = introduced_speaker(
                    ctx, q.start, q.end
                )  # "Martyn Williams was keen … “We've got”"
                speaker = (found, True) if found else speaker
            if not speaker[0] and q.who is None and q.kind == "full":
                # "That is unproductive, he said, because ... “…”"
                said = pronoun_before(ctx, q.start, q.end)
                speaker = resolve_speaker(said, q.start, ctx, last, "said") if said else speaker
            if addresses_speaker(body, q.parts, speaker):
                speaker = ("", False)  # "“Hans, can I ask — …”" after Hans Nichols asked: not his
            last, last_end, last_cue, last_kind = speaker, q.end, q.cue, q.kind
            speakers.append(speaker)
        speakers = named_next(ctx, speakers, [(q.start, q.end) for q in group])
        for q, (name, named) in zip(group, speakers, strict=True):
            quote = _joined(body, q.parts)
            rows.append((article, quote, name, named, q.cue, q.kind, q.start, q.end))
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return frame.astype({"speaker_named": "bool", "start": "int64", "end": "int64"})


def _adjacent(ctx: SpeakerContext, end: int, start: int, last: tuple[str, bool]) -> bool:
    """Does a quotation at ``start`` go on from the one ending at ``end``: same or next paragraph, and
    nobody else named in between?"""
    if not last[0] or ctx.body.count("\n\n", end, start) > 1:
        return False
    if not _one_sentence(ctx.body[end:start].strip(' \n\t\xa0“”"')):
        return False  # a sentence of the reporter's own stands between them ("Sen." ends none)
    between = [m for m in ctx.outside if end <= m.start < start and m.type == "person"]
    return all(m.name == last[0] for m in between)


def _answer_goes_on(
    ctx: SpeakerContext, end: int, q: Quotation, last: tuple[str, bool], cue: str
) -> bool:
    """Is a quotation that is a paragraph of its own, right after a paragraph ending in a named speaker's
    quotation and its clause, that speaker going on ("“…,” Gillibrand told NPR. ¶ “The UK, Israel ...”")?
    Not after a question or "asked", where the next paragraph may be the answer."""
    before = ctx.body[: q.start].rsplit("\n\n", 1)[-1]
    after = ctx.body[q.end :].split("\n\n", 1)[0]
    since = [m for m in ctx.outside if end <= m.start < q.start]
    people = [m for m in since if m.type == "person"]
    return (
        last[1]
        and not before.strip()
        and not after.strip()
        and ctx.body.count("\n\n", end, q.start) == 1
        and "?" not in ctx.body[end - 3 : end]
        and cue.split()[:1] not in (["asked"], ["asks"])
        and _one_sentence(ctx.body[end : q.start].strip(' \n\t\xa0“”"'))
        and (
            all(
                m.name == last[0]
                or re.search(r"\b(?:told|to)\b", ctx.body[end : m.start])
                or in_apposition(ctx, last[0], end, m)
                for m in people
            )  # or the speaker named again, last: "Cuomo said ... proposed by Nancy Pelosi which Cuomo said"
            or named_again(ctx.body, since, last[0])
        )
    )  # a name in that clause is whom it was said to ("told ... host Jacki Lyden"), not "but de Blasio"


def _one_sentence(gap: str) -> bool:
    """Is the text between two quotations one sentence at most (the first one's reporting clause)?"""
    stop = first_sentence_end(gap, 0, len(gap))
    return not gap[stop + 1 :].strip()


def _named_after(doc: FieldDoc, mentions: list[Mention], close_at: int) -> bool:
    """Does a name follow the quotation in its own clause ("“…,” Representative Ocasio-Cortez
    criticized.")? Then the quotation is someone's the rules could not read, not a continuation."""
    text = doc.text
    inner = text[:close_at].rstrip("”\"’'")
    if inner.endswith(".") and text[close_at : close_at + 3].lstrip()[:1].isupper():
        return False  # the quoted sentence ended; a new sentence of the reporter's starts
    end = window_end(text, close_at)
    return any(
        close_at <= m.start < min(end, close_at + 60) and m.type in {"person", "unknown"}
        for m in mentions
    )
