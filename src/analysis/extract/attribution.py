"""Attribution: find the reporting clause of a quotation and the words naming its speaker.

A full quotation reads the clause right after it (``“…,” said Nikolai Petrov, a senior analyst``, ``“…,”
according to X``), then the one before it (``Eagle said: “…”``); a partial one, the last reporting verb of
its sentence before it, or the clause after it. The speaker words are the comma-separated chunk that names
a person, else a short chunk naming something, else the chunk nearest the verb; a verb in ``-ing``
("telling reporters") takes the sentence's first person. The result is a character span and the cue
words; :mod:`analysis.extract.speakers` turns the span into a speaker once names are canonical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extract import cues
from analysis.extract.chunks import (
    CONJUNCTIONS,
    PREPOSITIONS,
    clause_chunks,
    first_naming,
    is_object,
    modifier,
    passive,
    pick,
    quoted_token,
    span,
    subject_like,
    without_adverbs,
    words_only,
)
from analysis.extract.clauses import (
    OTHER_CLAUSE,
    after_reported_that,
    apposition_head,
    before_setting,
    closed_relative,
    function_word,
    in_closed_brackets,
    joins_subject,
    name_and_verb,
    named_after,
    new_subject,
    possessor,
    quoted_one,
    relative_antecedent,
    relative_of_thing,
    subject_after,
)
from analysis.extract.described import owned_span
from analysis.extract.entities import Mention
from analysis.extract.introduced import noun_phrase
from analysis.extract.joined import joined_name, two_named
from analysis.extract.participles import (
    absolute_subject,
    after_relative,
    colon_subject,
    main_clause_opening,
    object_speaks,
    opening_phrase,
    quoted_subject,
    reported_before,
)
from analysis.extract.pipeline import FieldDoc
from analysis.extract.sentences import (
    LINK_LABEL,
    OPENING_PHRASE,
    acted_before,
    asker_gap,
    chained_participle,
    clause_before,
    future_cue,
    heading_line,
    in_question,
    opening_pronoun,
    participle_of_noun,
    subject_pronoun,
    verb_at,
    window_end,
)
from analysis.extract.sources import (
    MAX_SPEAKER_WORDS,
    according_to,
    by_agent,
    cue_words,
    issued_document,
    line_label,
    link_headline,
    outlet,
    owned_answer,
    quoted_as,
    sentence_tail,
    told_by,
    what_they_call,
)

__all__ = ["Attribution", "attribute"]


@dataclass
class Attribution:
    """Where the speaker is named (``who``: character span) and the reporting cue ("said", "told DW")."""

    who: tuple[int, int] | None = None
    cue: str = ""


def attribute(
    doc: FieldDoc,
    mentions: list[Mention],
    open_at: int,
    close_at: int,
    inner_end: int,
    *,
    full: bool,
):
    """The :class:`Attribution` of the quotation between ``open_at`` and ``close_at`` (empty when none)."""
    before = clause_before(doc.text, open_at)
    if LINK_LABEL.match(before):  # "(RELATED: ‘…’: Trump Goes On Rant ...)"
        return _found(link_headline(doc, mentions, close_at)) or Attribution()
    if asked := in_question(before):  # "Pressed on whether NBC had let the story go “because …”":
        return _asker(doc, mentions, open_at - len(before) + asked[0], open_at, unspoken=asked[1])
    if full:
        after = _after(doc, mentions, close_at, inner_end, full=True, outlets=not before.strip())
        if after and after.who and (before.rstrip().endswith(":") or after.cue == "according to"):
            named = _before(doc, mentions, open_at, before)  # 'Laws said: “…,” he said'
            pronoun = doc.text[after.who[0] : after.who[1]].strip().lower() in {"he", "she"}
            relayed = after.cue == "according to"  # 'Ulyanov said, “…,” according to RIA Novosti'
            after = named if (pronoun or relayed) and named and named.who else after
        return (
            after
            or _before(doc, mentions, open_at, before)
            or _line_above(doc, mentions, open_at)
            # '“Of course there is” racism, Todd Axtell said.'
            or _found(sentence_tail(doc, close_at))
            or (
                None  # "“Fake news” rapidly became partisan": a term, not speech
                if noun_phrase(doc.text, open_at, close_at) and heading_line(doc.text, close_at)
                else _sentence_before(doc, mentions, (open_at, close_at), before)
            )
            or Attribution()
        )
    return _partial(doc, mentions, open_at, before, close_at, inner_end) or Attribution()


def _asker(
    doc: FieldDoc, mentions: list[Mention], at: int, open_at: int, *, unspoken: bool
) -> Attribution:
    """The asker whose question a quotation is part of: the subject right before the asking verb at ``at``
    ("Schieffer asked about whether the administration had engaged in a “…”"), read after any quotation
    before it ("compared them to “…” and questioned"), else nobody named ("Pressed on …", "Murphy was asked
    if …": no attribution, so a short term stays none; "Obama ..., although lawmakers questioned": unclear)."""
    if unspoken:
        return Attribution()
    verb = doc.token_at(at)
    sentence = doc.idx[doc.sentence_starts[doc.sentence_of(verb)]]
    closed = max(doc.text.rfind(mark, sentence, at) for mark in '”"')
    found = _subject(doc, mentions, verb, doc.tokens_between(max(sentence, closed + 1), open_at))
    gap = doc.text[found.who[1] : at] if found is not None and found.who else "-"
    return found if asker_gap(gap) else Attribution(None, "asked")


def _after(
    doc: FieldDoc,
    mentions: list[Mention],
    close_at: int,
    inner_end: int,
    *,
    full: bool = False,
    outlets: bool = False,
) -> Attribution | None:
    """``“…,” said Nikolai Petrov, a senior analyst`` / ``“…?” she asked``; ``outlets``: "“…,” the Times
    reported" names the paper (not for "McCarty told colleagues, “…,” the Bee reported")."""
    text = doc.text
    following = text[close_at : close_at + 3].lstrip()
    ends = text[:inner_end].rstrip("'’")[-1:]  # "… stronger than the 'Gang of Eight,'" X said
    if ends == "." and following[:1].isupper():  # the quoted sentence ended, a new one starts
        if not name_and_verb(text, mentions, close_at):  # unless it says who: “… pain.” Maher said.
            return None  # ("!", "?" may have their clause after them)
    elif full and ends not in ",!?—–-…:" and following[:1] not in {",", "—", "–"}:
        return None  # “A heading” The minister said ...: no clause joins it
    toks = doc.tokens_between(close_at, window_end(text, close_at))
    if (quoted := quoted_as(text, close_at, window_end(text, close_at))) is not None:
        return Attribution(*quoted)  # "“…,” she was quoted as saying"
    verbs = cues.OUTLET_AFTER_QUOTE if outlets else cues.AFTER_QUOTE_VERBS
    verb = next((k for k in toks if verb_at(doc, k, verbs)), None)
    if verb is None:
        return _found(according_to(doc, toks))
    if (told := told_by(doc, mentions, verb)) is not None:  # "“…,” Fox News is told": not said
        return Attribution(*told)
    lead = words_only(doc, [k for k in toks if k < verb])
    if not lead and doc.words[verb].lower().endswith("ing"):
        return None  # "“…,” adding that ...": the sentence's own speaker goes on (said before it)
    if (
        len(lead) > 1
        and doc.words[lead[0]].lower() in {"and", "but"}
        and doc.words[lead[1]][:1].isupper()
    ):  # "Castro said, “…,” and Geist insisted, “…”": a named subject's clause for the next quotation
        return None
    head = apposition_head(doc, [k for k in toks if k < verb])
    if head and _names_person(doc, mentions, head):
        lead = [k for k in lead if k in head]  # "X, the Republican who chairs the committee, said"
    if len(lead) > 20 or any(
        function_word(doc.words[k], OTHER_CLAUSE)
        or (function_word(doc.words[k], {"who"}) and doc.words[k - 1] != ",")
        for k in lead
    ):
        return None  # the verb belongs to another clause ("(VSL) that the agency uses ... says")
    chunks = clause_chunks(doc, [k for k in toks if k < verb])
    if chunks:
        who = pick(doc, mentions, chunks, nearest=-1)
        if len(who) > MAX_SPEAKER_WORDS or doc.words[who[0]] in PREPOSITIONS:
            return None  # "“…” in Congress, and complaining": no speaker there
    else:
        after = clause_chunks(doc, [k for k in toks if k > verb])
        if not after:
            return None
        if two_named(doc, mentions, after):  # "writes X, ..., and Y, ...": two
            return Attribution(None, cue_words(doc, verb, toks[-1] + 1))
        who = before_setting(doc, first_naming(doc, mentions, after[:2])[:MAX_SPEAKER_WORDS])
    return Attribution(span(doc, who), cue_words(doc, verb, toks[-1] + 1))


def _before(
    doc: FieldDoc,
    mentions: list[Mention],
    open_at: int,
    before: str,
    verbs_read: frozenset[str] = cues.REPORTING_VERBS,
) -> Attribution | None:
    """``Eagle said: “…”`` / ``She told POLITICO that “…”``."""
    toks = doc.tokens_between(open_at - len(before), open_at)
    verbs = [
        k
        for k in toks
        if verb_at(doc, k, verbs_read) and not quoted_token(doc.text, toks[0], k, doc)
    ]
    if verbs and verbs[-1] == toks[0] and doc.words[verbs[-1]][:1].isupper():
        after = clause_chunks(doc, [k for k in toks if k > verbs[-1]])  # "Added Sen. Ron Wyden:"
        if after:
            who = first_naming(doc, mentions, after[:2])[:MAX_SPEAKER_WORDS]
            return Attribution(span(doc, who), cue_words(doc, verbs[-1], toks[-1] + 1))
    if verbs and relative_of_thing(doc, mentions, verbs[-1]):  # "an email ... that said:"
        issued = issued_document(doc.text, mentions, open_at - len(before), open_at)
        return Attribution(issued[0] if issued else None, cue_words(doc, verbs[-1], toks[-1] + 1))
    if verbs:
        return _subject(doc, mentions, verbs[-1], toks)
    who, verb = colon_subject(doc, mentions, toks) if ":" in before[-2:] else (None, -1)
    if who:  # "Oliver addressed right-wing market-worshippers like Glenn Beck: “…”"
        return Attribution(who, cue_words(doc, verb, toks[-1] + 1) + ":")
    return _found(according_to(doc, toks) or line_label(doc, mentions, toks, open_at))


def _found(found: tuple[tuple[int, int], str] | None) -> Attribution | None:
    return None if found is None else Attribution(*found)


def _line_above(doc: FieldDoc, mentions: list[Mention], open_at: int) -> Attribution | None:
    """A quotation opening its paragraph under a short line that ends in a colon and reports it ("The
    St. Louis Post-Dispatch reports:", "Here is what she said:")."""
    text = doc.text
    line_start = text.rfind("\n", 0, open_at) + 1
    above = text[:line_start].rstrip()
    start = above.rfind("\n") + 1
    if (
        text[line_start:open_at].strip()
        or not above.endswith(":")
        or len(above[start:].split()) > 25
    ):
        return None
    line = clause_before(above, len(above))  # its last sentence: "Here's more from the newspaper:"
    found = _before(doc, mentions, len(above), line, cues.REPORTING_VERBS | cues.OUTLET_VERBS)
    source = _MORE_FROM.search(line)
    if (found is None or found.who is None) and source:
        start = len(above) - len(line) + source.start(1)
        return Attribution((start, start + len(source.group(1))), "from")
    return found


# "Here's more from the newspaper:", "From the Post:": where the quotation under the line comes from
_MORE_FROM = re.compile(r"\b[Ff]rom\s+((?:the\s+)?[\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4})\s*:$")


def _sentence_before(
    doc: FieldDoc, mentions: list[Mention], quote: tuple[int, int], before: str
) -> Attribution | None:
    """ "But Greene believes he lost the race. “In my semi-final race …”": the quotation opens its sentence
    and the sentence before it (in the same paragraph, or ending the one before), with no quotation of its
    own unless this one opens its sentence ("Kudlow called it a “stunt.” ¶ “…”"), has a reporting verb (its
    subject is the speaker)."""
    (open_at, close_at), text = quote, doc.text
    start = open_at - len(before)
    if start <= 0:
        return None
    end = len(text[:start].rstrip())
    stop = len(text[:end].rstrip('”"')) - 1  # the full stop, before a closing quotation mark
    if "\n\n" in text[end:start] and text[stop : stop + 1] != ".":
        return None  # across a paragraph break only after a full sentence ("..., said Mr Thomas.")
    sentence = clause_before(text, max(stop, 0))
    marks = set('“”"') & set(sentence)  # then one phrase quoted, closing it: "a “stunt.” ¶ “…”"
    closing = (
        sum(map(sentence.count, '“"')) == 1
        and "”" not in sentence
        and text[end - 1] in '”"'
        and not before.strip()
        and not text[close_at:].split("\n", 1)[0].strip()  # the quotation is its paragraph's end
        and text[open_at] in '“"'
        and len(text[open_at:close_at].split()) >= 6  # not a heading: "‘Who is he?’"
    )
    if not sentence.strip() or sentence.lstrip()[:1] in marks or (marks and not closing):
        return None  # "“…,” she said. “…”": that quotation's own speaker goes on (speakers)
    if text[end - 1] in '”"' and not marks:  # inside a quotation ("… “…. It's ….” ¶ ‘…’")
        return None
    toks = doc.tokens_between(stop - len(sentence), end)
    verbs = [
        k
        for k in toks
        if verb_at(doc, k)
        and not doc.words[k].endswith(":")
        and not quoted_token(text, toks[0], k, doc)
    ]  # "Kudlow called Trudeau's press conference a “sophomoric, political stunt.” ¶ “…”"
    if not verbs or (marks and len(verbs) > 1):  # "Becerra’s response? “…”": a noun of the answer
        return None if verbs else _found(owned_answer(doc, mentions, toks))
    after = clause_chunks(doc, [k for k in toks if k > verbs[-1]])
    if (
        after
        and len(after[0]) <= 6
        and after[0][0] == verbs[-1] + 1
        and doc.words[after[0][0]].lower() not in PREPOSITIONS
        and _names_person(doc, mentions, after[0])
    ):
        return Attribution(
            span(doc, after[0]), cue_words(doc, verbs[-1], toks[-1] + 1)
        )  # said Mr X.
    found = _subject(doc, mentions, verbs[0], toks)
    opened = OPENING_PHRASE.match(text, doc.idx[toks[0]])  # "After the meeting, Mr Fox said ..."
    opening = [k for k in words_only(doc, toks) if not opened or doc.idx[k] >= opened.end()][:3]
    if (
        found is None
        or found.who is None
        or not opening
        or found.who[0] > doc.end_char(opening[-1])
    ):
        return None  # the verb's subject does not open the sentence ("... do what Ryan suggested")
    return found


def _names_person(doc: FieldDoc, mentions: list[Mention], chunk: list[int]) -> bool:
    a, b = span(doc, chunk)
    return any(a <= m.start and m.end <= b and m.type == "person" for m in mentions)


def _partial(
    doc: FieldDoc, mentions: list[Mention], open_at: int, before: str, close_at: int, inner_end: int
) -> Attribution | None:
    """A phrase inside the reporter's sentence: whose "what X calls" it is, else :func:`_partial_read`;
    "what he calls" last ("Highlighting what he called the “…,” Mnuchin said": Mnuchin)."""
    called = what_they_call(doc.text, open_at)
    if called is None or doc.text[called[0][0] : called[0][1]] not in {"he", "she"}:
        owner = possessor(doc, mentions, open_at) or called  # "Cuomo's statement", "what Vox calls"
        if owner is not None:
            return Attribution(*owner)
        return _partial_read(doc, mentions, open_at, before, close_at, inner_end)
    found = _partial_read(doc, mentions, open_at, before, close_at, inner_end)
    a, b = found.who if found is not None and found.who is not None else (0, 0)
    named = len(doc.text[a:b].split()) <= 6 and any(a <= m.start and m.end <= b for m in mentions)
    return found if named else Attribution(*called)


def _partial_read(
    doc: FieldDoc, mentions: list[Mention], open_at: int, before: str, close_at: int, inner_end: int
) -> Attribution | None:
    """A partial quotation's speaker from its own sentence: an owner, its verbs or the clause after."""
    owner = possessor(doc, mentions, open_at)
    if owner is not None:  # "... Governor Andrew Cuomo's (D) statement that “…”": his words
        return Attribution(*owner)
    toks = doc.tokens_between(open_at - len(before), open_at)
    verbs = [
        k
        for k in toks
        if (verb_at(doc, k, cues.PARTIAL_CUES) or future_cue(doc, k))
        and not quoted_token(doc.text, toks[0], k, doc)
        and not in_closed_brackets(doc.text, doc.idx[k], open_at)  # "(as Reagan put it) and a “…”"
    ]
    if verbs and (told := told_by(doc, mentions, verbs[-1], open_at)):  # "asked by Karl to … “…”"
        return Attribution(*told)
    active = [k for k in verbs if not passive(doc, k)]
    if verbs and not active:  # "praised by police": speech, unclear; "dubbed “…” by X": X
        return Attribution(by_agent(doc, mentions, close_at), doc.words[verbs[-1]])
    verbs = [k for k in active if not closed_relative(doc, k, open_at)]
    if verbs and (object_speaks(doc, mentions, verbs[-1]) or new_subject(doc, verbs[-1], open_at)):
        return Attribution(None, doc.words[verbs[-1]])  # "took on Trump for saying"
    comma = doc.text[inner_end - 1 : inner_end] == "," or doc.text[close_at : close_at + 1] == ","
    if verbs and comma and re.match(r",?\s*(?:the\s|[A-Z])", doc.text[close_at : close_at + 8]):
        closing = _after(doc, mentions, close_at, inner_end)
        relayed = closing is not None and closing.cue in {"according to", "reported", "reports"}
        if closing is not None and closing.who is not None and not relayed:
            return closing  # "Mr. Trump described “how …,” the article stated": the clause after says who
        # (not "Evans said the news “comes as a slap,” according to NBC": NBC only relays his words)
    later = subject_after(doc, mentions, verbs[-1], open_at) if verbs else None
    if verbs:  # "Mr. Sanders saying that “…” and Ms. Warren dismissing ... as “…”": Warren
        return Attribution(*later) if later else _subject(doc, mentions, verbs[-1], toks)
    return (
        _after(doc, mentions, close_at, inner_end, outlets=True)  # "his wife “…,” the AP reports"
        or _found(sentence_tail(doc, close_at))
        or _found(according_to(doc, toks))  # "According to the AP, the GOP-led House is “…”"
        or _found(outlet(doc, mentions, toks))  # "the Washington Post reported that ... Trump “…”"
    )


def _participle_subject(
    doc: FieldDoc, mentions: list[Mention], verb: int, toks: list[int], limit: int
) -> Attribution | None:
    """Who an "-ing" reporting verb belongs to: the last reporting verb's subject ("she said, adding:"), else
    the sentence's first person (or a named person's untyped surname opening the clause), else its opening."""
    cue = cue_words(doc, verb, limit)
    first = toks[0] if toks else 0
    if participle_of_noun(doc, mentions, verb, first) or chained_participle(doc, verb):
        return Attribution(None, cue)  # "a memo describing …", "a woman calling in saying"
    a, b = doc.idx[toks[0]], doc.idx[verb]
    here = [
        m
        for m in mentions
        if a <= m.start < b and not quoted_token(doc.text, toks[0], doc.token_at(m.start), doc)
    ]
    quoted = quoted_subject(doc, mentions, verb)  # "Steve Bannon is quoted as saying": Bannon
    if quoted is not None:
        return Attribution(quoted, cue)
    with_subject = absolute_subject(doc, mentions, toks, verb)  # "with Chairman Trey Gowdy saying"
    if with_subject is not None:
        return Attribution(with_subject, cue)
    said = reported_before(doc, here, verb, toks)
    if said is not None:
        return Attribution(said, cue)
    found = [span(doc, [k]) for k in toks if k < verb and subject_pronoun(doc, k)]
    surnames = {m.text.split()[-1] for m in mentions if m.type == "person" and " " in m.text}
    here = [m for m in here if not modifier(doc.text, m)]  # not "The Clinton campaign ..., saying"
    people = [m for m in here if m.type == "person" and subject_like(doc, m, a, verb)] or [
        m
        for m in here
        if m.type == "unknown" and m.text in surnames and m.lead and not is_object(doc, m, a)
    ]
    found += [owned_span(doc.text, m, b) for m in people]
    if found and not acted_before(doc, toks, min(found)):
        return Attribution(min(found), cue)  # not Putin: "offered a meeting with Mr. Putin, saying"
    pronoun = None if found else opening_pronoun(doc, toks[0] if toks else verb)
    if pronoun is not None and pronoun < verb:
        return Attribution(span(doc, [pronoun]), cue)  # "But he is not envious, insisting: “…”"
    subject = main_clause_opening(doc, mentions, [k for k in toks if k < verb])
    return Attribution(span(doc, subject), cue) if subject else None


def _subject(
    doc: FieldDoc, mentions: list[Mention], verb: int, toks: list[int]
) -> Attribution | None:
    """Who the reporting verb belongs to: the chunk before it, or for "-ing" the sentence's first person."""
    limit = toks[-1] + 1 if toks else verb + 1
    quoted = quoted_one(doc, verb)  # "Interfax quoted Grachev as saying": Grachev
    who = pick(doc, mentions, [quoted], nearest=-1) if quoted else None
    if who:
        return Attribution(span(doc, who), cue_words(doc, verb, limit))
    if doc.words[verb].lower().endswith("ing"):
        return _participle_subject(doc, mentions, verb, toks, limit)
    before = after_reported_that(doc, mentions, [k for k in toks if k < verb])
    cut = max((i for i, k in enumerate(before) if doc.words[k] in cues.CLAUSE_BREAKS), default=-1)
    tail = without_adverbs(doc, words_only(doc, before[cut + 1 :]))
    earlier = [k for k in before if verb_at(doc, k)]
    if (
        tail
        and earlier
        and (
            all(doc.words[k].lower() in CONJUNCTIONS for k in tail)
            or doc.words[tail[-1]].lower() in {"and", "but"}  # "X called for unity and vowed"
        )
    ):
        return _subject(doc, mentions, earlier[-1], toks)  # "... notes X, and warns that “…”"
    joined = tail and doc.words[tail[-1]].lower() in {"and", "but"}  # "Dunne is keen ... and said:"
    subject = opening_phrase(doc, before) if joined else []
    if subject and all(doc.words[k].lower() in CONJUNCTIONS for k in subject):
        return Attribution(None, cue_words(doc, verb, limit))  # "And continued: “…”": nobody named
    if subject and joins_subject(doc, before, subject):
        return Attribution(span(doc, subject), cue_words(doc, verb, limit))
    named = joined_name(doc, mentions, verb) or relative_antecedent(doc, mentions, verb)
    if named is not None:
        return Attribution(named, cue_words(doc, verb, limit))
    if not tail and (inverted := named_after(doc, mentions, verb)):
        return Attribution(inverted, cue_words(doc, verb, limit))  # "Nonetheless, said Sava, “…”"
    chunks = clause_chunks(doc, before)
    if not chunks:
        return None
    who = after_relative(doc, pick(doc, mentions, chunks, nearest=-1))[-MAX_SPEAKER_WORDS:]
    return Attribution(span(doc, who), cue_words(doc, verb, limit))
