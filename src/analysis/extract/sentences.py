"""Sentence ends in news text: where the sentence holding a quotation starts, and where the first sentence
after a point ends. A full stop after a title ("Rep.", "Sen."), a middle initial ("Thomas M. Davis"),
"St." for Saint ("D-St. Louis") or "U.S." before a title ("U.S. President") ends no sentence. And one
clause shape: an "-ing" verb right after a noun tells what that noun says ("a memo describing"), not what
the sentence's subject said.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract import cues
from analysis.extract.gazetteer import places
from analysis.extract.pipeline import new_subject, personal_initials, surnames_written

if TYPE_CHECKING:
    from analysis.extract.entities import Mention
    from analysis.extract.pipeline import FieldDoc

__all__ = [
    "INTRODUCTORY_WORDS",
    "MAX_ATTRIBUTION_CHARS",
    "SENTENCE_END",
    "acted_before",
    "after_opening_phrase",
    "asker_gap",
    "chained_participle",
    "clause_before",
    "ends_sentence",
    "first_sentence_end",
    "heading_line",
    "in_question",
    "parenthetical",
    "participle",
    "participle_of_noun",
    "subject_pronoun",
    "verb_at",
    "window_end",
]

#: A reporting clause is read at most this far from its quotation.
MAX_ATTRIBUTION_CHARS = 160
#: A stop before a space, a closing mark or the end; or glued to the next sentence in crawled text
#: ("said the South Carolina Republican.Earlier this week").
SENTENCE_END = re.compile(r"[.!?](?=[\s\"“”’')]|$)|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_ABBREVIATION = re.compile(r"(?:\.[A-Z]|[\s.][A-Z]|Mr|Mrs|Ms|Dr|St)\.$")
#: Titles written with a full stop that never end a sentence ("Rep. Rhonda Fields", "Sen. Mark Warner").
_TITLE_STOP = re.compile(
    r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|Supt"
    r"|Det|Insp|Atty|Pres|Msgr|Fr|Hon|No|Nos|Jr|Sr)\.$"
)
#: A month's abbreviation, which before a day's number ends no sentence ("on Oct. 1").
_MONTH_STOP = re.compile(r"(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
_INITIAL = re.compile(r"\b[A-Z][a-z]+\s[A-Z]\.$")


def clause_before(text: str, pos: int) -> str:
    """The text from the start of the sentence (or paragraph) to ``pos``."""
    lo = max(0, pos - 300)
    window = text[lo:pos]  # each stop judged with the words after it, past pos ("N.C. “I think")
    ends = [m.end() - 1 for m in SENTENCE_END.finditer(window) if ends_sentence(text, lo + m.end())]
    ends += [m.end() - 1 for m in CAPTION.finditer(window)]  # "Image copyright X Image caption ..."
    cut = max(window.rfind("\n\n"), *ends, -1)
    return window[cut + 1 :]


#: A question put, up to a quotation inside it ("Pressed on whether NBC had let the story go “…”", "When the
#: ABC host asked Mr. Farrow about “…”"): the quoted words are the asker's, not the answer's subject's.
_ASKED = re.compile(
    r"\b(?P<verb>[Aa]sked|[Pp]ressed|[Qq]uestioned)\s+(?:[^,;:\s]+\s+){0,3}?(?:about|whether|if|why|how)\s"
    r"(?P<rest>[^,;:“”\"…]*)$"
)
#: Verbs after the question that make the quotation the answer's ("When asked about it he said “…”").
_ANSWERED = cues.REPORTING_VERBS | cues.PARTIAL_CUES
#: Before the asking verb: nobody ("Pressed on …", "When asked …"), or a passive: whom it was put to ("Murphy
#: was asked if he would …", "Facebook was also asked how …").
_UNSPOKEN_ASKER = re.compile(
    r"(?:^\s*(?:(?:When|After|Then|And|But)\s+)?|\b(?:was|were|been|being|is|are|be|get|got)\s+"
    r"(?:\w+ly\s+|also\s+|not\s+)*)$"
)


def in_question(before: str) -> tuple[int, bool] | None:
    """Where in ``before`` (the clause before a quotation) the verb of a question the quotation is part of
    stands, and whether it says no asker ("Pressed on whether …", "Murphy was asked if …"): ``(offset,
    unspoken)``; None when there is no such question or a reporting verb follows it ("When asked about it
    he said “…”" is the answer; "asked about ... after Schumer threatened them with “…”")."""
    found = _ASKED.search(before)
    if found is None or any(w.lower() in _ANSWERED for w in found.group("rest").split()):
        return None
    return found.start("verb"), _UNSPOKEN_ASKER.search(before[: found.start("verb")]) is not None


#: What may stand between an asker and the asking verb: a party tag, an apposition, auxiliaries and adverbs
#: ("Sen. Carl Levin (D-Mich.) asked", "Rep. Mike Rogers, Michigan Republican ..., asked", "Kobach had
#: asked"), or the rest of the asker's clause before "and"/"but" ("He said ... but questioned why").
_SUBJECT_GAP = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,[^,“”\"]*,)?\s*(?:(?:\w+ly|also|then|later|once|has|have|had|would|did)\s+)*$"
)
_JOINED_GAP = re.compile(r"\b(?:and|but)\s+(?:(?:\w+ly|also|then)\s+)*$")
_OTHER_CLAUSE = re.compile(
    r"\b(?:although|though|while|who|whom|which|after|because|whereas|when|if|as)\b|[“”\"]"
)


def asker_gap(gap: str) -> bool:
    """May ``gap`` stand between an asker and the asking verb (:data:`_SUBJECT_GAP`, :data:`_JOINED_GAP`, no
    other clause between)?"""
    return bool(
        _SUBJECT_GAP.match(gap) or (_JOINED_GAP.search(gap) and not _OTHER_CLAUSE.search(gap))
    )


#: A link a web page sets in brackets inside a paragraph ("(RELATED: ‘…’: Trump Goes On Rant ...)"): the
#: quotation in it is the linked headline's, never the paragraph's speaker's.
LINK_LABEL = re.compile(
    r"^\s*\(\s*(?:RELATED|WATCH|READ|SEE ALSO|MORE|LISTEN|VIDEO|PHOTOS)\s*:\s*$"
)


#: A picture's or video's caption inside crawled text ("Image copyright X Image caption ...").
CAPTION = re.compile(r"\b(?:Image|Media) caption\s")


def ends_sentence(text: str, after: int) -> bool:
    """Does the stop just before ``after`` end a sentence? Never after a title ("Rep."); after "U.S." only
    before a new subject."""
    if _TITLE_STOP.search(text[max(0, after - 6) : after]):
        return False
    if (
        _MONTH_STOP.search(text[max(0, after - 6) : after])
        and text[after : after + 2].strip()[:1].isdigit()
    ):
        return False  # "that on Oct. 1, “…”": a date
    if text[after : after + 1] == ")" and not text[after + 1 : after + 40].lstrip()[:1].isupper():
        return False  # "Nancy Pelosi (D-Calif.), however, said": the bracket closes inside the sentence
    if not _ABBREVIATION.search(text[max(0, after - 4) : after]):
        return True
    if text[max(0, after - 3) : after] == "St." and not _street(
        text[max(0, after - 30) : after - 3]
    ):
        return False  # "D-St. Louis", "in St. Paul": Saint; "Downing St." may end one
    following = text[after : after + 40].split()
    # past a quotation's opening mark, its first word: "in Durham, N.C. “I think ...”"
    word = following[0].strip("“\"'‘’,") if following else ""
    if not word[:1].isupper():
        return False
    if _INITIAL.search(text[max(0, after - 30) : after]):
        return False  # a middle initial: "Thomas M. Davis"
    initials = text[max(0, after - 8) : after].split()[-1:]
    if initials and personal_initials(initials[0].lstrip("“\"'‘("), word):
        return False  # "“…,” H.R. McMaster, the adviser, said"
    # "U.S. District Judge Paul Friedman", "U.S. House"; not "the U.S. He said", "the U.S. Starmer, with"
    before = re.findall(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b", text)
    return new_subject(word, surnames_written([w for b in before for w in (b, word)]))


def _street(before: str) -> bool:
    """Is "St." after a capitalised word and a space ("Downing St."), so a street?"""
    words = before.split()
    return (
        before[-1:].isspace()
        and bool(words)
        and words[-1][:1].isupper()
        and words[-1].lower()
        not in {"the", "a", "in", "at", "of", "to", "from"}  # "The St. Louis ..."
    )


def first_sentence_end(text: str, start: int, end: int) -> int:
    """Where the first sentence between ``start`` and ``end`` ends (its stop), or ``end`` (titles such as
    "Sen." and middle initials do not end one)."""
    for m in SENTENCE_END.finditer(text, start, end):
        if ends_sentence(text, m.end()):
            return m.start()
    return end


#: Words a person is described by, who then speaks ("one source telling Fox News ...").
_PEOPLE_NOUNS = cues.SOURCE_HEADS - frozenset(
    """
    statement report reports letter document analysis study survey poll memo lawsuit complaint filing
    ruling communique email tweet post editorial paper newspaper website government ministry
    department commission union group company firm bank court board
    """.split()
)


def participle_of_noun(doc: FieldDoc, mentions: list[Mention], verb: int, first: int = 0) -> bool:
    """Is the "-ing" verb written right after someone else than the sentence's subject, so that it tells
    what they say: a described person ("one source telling Fox News …"), a text ("a tweet criticizing"), or a body after "to", "from",
    "of", "for", "by" ("a memo to Congress describing …")? ``first``: the clause's first token."""
    k = verb - 1
    while k >= 0 and not doc.words[k].strip():
        k -= 1
    if k < first:
        return False
    word, end = doc.words[k], doc.end_char(k)
    if word.isalpha() and word.islower():
        return word in _PEOPLE_NOUNS or (word in cues.SPEECH_NOUNS and _after_preposition(doc, k))
    named = next((m for m in mentions if m.end == end and m.type == "organisation"), None)
    if named is None:
        return False
    lead = doc.text[max(0, named.start - 12) : named.start].lower().split()
    lead = [w for w in lead if w != "the"]
    return bool(lead) and lead[-1] in {"to", "from", "of", "for", "by"}


def _after_preposition(doc: FieldDoc, k: int) -> bool:
    """Is the noun at ``k`` a preposition's object ("in one tweet criticizing"), not what the subject made
    ("released a statement saying")?"""
    k -= 1
    while k > 0 and doc.words[k].lower() in _DETERMINERS | {"one", "another", "that", "this"}:
        k -= 1
    return doc.words[k].lower() in cues.PREPOSITIONS


#: Endings of adjectives, never a verb's subject: "diplomatic posts", "numerous claims", "extensive notes".
_ADJECTIVE_ENDINGS = ("ic", "ous", "ive", "ful")


def verb_at(doc: FieldDoc, k: int, verbs: frozenset[str] = cues.REPORTING_VERBS) -> bool:
    """Is token ``k`` one of ``verbs`` (a trailing colon aside), and not a noun after a determiner ("The
    comments struck a nerve"), a light verb ("took notes") or before "be", or the last word of a name
    ("the United States", "Reuters Notes")?"""
    word, prior = doc.words[k], doc.words[k - 1] if k else ""
    if (
        prior.lower() in _DETERMINERS
        or (prior.lower() in _LIGHT_VERBS and word.endswith("s"))
        or doc.words[k + 1 : k + 2] == ["be"]
        or (word.endswith("s") and prior.islower() and prior.endswith(_ADJECTIVE_ENDINGS))
        or _compound_modifier(doc, k)
    ):
        return False  # "McCabe took notes", "the purported notes be called", "diplomatic posts": a noun
    if word.lower().rstrip(":") not in verbs:
        following = doc.words[k + 1].lower().rstrip(":") if k + 1 < len(doc.words) else ""
        phrasal = verbs in (
            cues.REPORTING_VERBS,
            cues.AFTER_QUOTE_VERBS,
            cues.OUTLET_AFTER_QUOTE,
            cues.PARTIAL_CUES,
        )
        if prior.lower() in _INFINITIVE_MARKERS:
            return False  # "Putin can afford to wait a few weeks to hit back"
        return phrasal and (word.lower(), following) in cues.PHRASAL_REPORTING  # "Cohen shot back"
    return not (word[:1].isupper() and prior[:1].isupper() and prior.isalpha())


def _compound_modifier(doc: FieldDoc, k: int) -> bool:
    """Is token ``k`` the end of a hyphened modifier ("a self-described Democratic socialist") and no
    quotation opens right after it ("self-described “fixer”" is the person's own word)?"""
    if k < 2 or doc.words[k - 1] != "-" or doc.spaces[k - 2] or doc.spaces[k - 1]:
        return False  # written apart ("Mr Smith - the minister - said"): a dash, no compound
    return doc.text[doc.end_char(k) : doc.end_char(k) + 2].strip()[:1] not in {"“", '"', "‘"}


def subject_pronoun(doc: FieldDoc, k: int) -> bool:
    """Is token ``k`` "he"/"she" and no reduced relative clause's ("a woman she says is her mother")?"""
    if doc.words[k] not in {"he", "she", "He", "She"}:
        return False
    after = [w.lower() for w in doc.words[k + 1 : k + 3]]
    return not (len(after) == 2 and after[0] in cues.REPORTING_VERBS and after[1] in _COPULAS)


_COPULAS = frozenset("is was are were".split())


def chained_participle(doc: FieldDoc, verb: int) -> bool:
    """Does an "-ing" reporting verb hang on another "-ing" word a few words before it, with no comma or
    auxiliary between ("a woman ... calling into CNN saying"): that one's noun, not the sentence's subject?"""
    for k in range(verb - 1, max(verb - 5, 0), -1):
        word = doc.words[k]
        if word in {",", ";", ":", "—", "–", "-", "--"} or word.lower() in cues.AUXILIARIES:
            return False
        if word.endswith("ing") and word.islower() and len(word) > 4:
            prior = doc.words[
                k - 1
            ].lower()  # not "praised the ruling saying", "the gathering storm"
            return prior not in cues.AUXILIARIES | _COPULAS | _DETERMINERS and not _issued(
                doc, k, verb
            )
    return False


#: "-ing" verbs whose object is the subject's own words ("issuing a statement saying").
_ISSUING = frozenset("issuing releasing posting sending publishing putting".split())


def _issued(doc: FieldDoc, k: int, verb: int) -> bool:
    """Is the "-ing" word at ``k`` the subject issuing their own words, the reporting verb's noun ("Grijalva
    ignored the attack, issuing a statement saying")?"""
    between = [w.lower() for w in doc.words[k + 1 : verb] if w.strip()]
    return (
        doc.words[k] in _ISSUING
        and bool(between)
        and between[-1] in cues.SPEECH_NOUNS | {"letter", "video", "note"}
    )


def parenthetical(body: str, a: int, b: int) -> bool:
    """ "But Sanders, she said, is a “…”": set off by commas, the pronoun is not whom the sentence is about."""
    return (
        body[max(0, a - 3) : a].rstrip().endswith(",")
        and re.match(r"\s+[a-z]+\s*,", body[b : b + 20]) is not None
    )


def future_cue(doc: FieldDoc, k: int) -> bool:
    """Is token ``k`` a reporting verb's base form announcing speech to come, after a modal (maybe with an
    adverb) or "is (expected, due, set, going) to" ("He will say", "He would later say", "Mr Kennedy is to
    tell", "is expected to warn"); not "went as far as to say", "refused to say", where the subject is
    another clause's?"""
    if k < 2 or doc.words[k].lower() not in cues.BASE_CUES:
        return False
    before = doc.words[k - 1].lower()
    if before in _MODAL_ADVERBS and doc.words[k - 2].lower() in _INFINITIVE_MARKERS - {"to"}:
        return True  # "He would later say", "She will also tell"
    if before != "to":
        return before in _INFINITIVE_MARKERS
    if doc.words[k - 2].lower() == "on":  # "Sanders went on to add"; not "going on to tell him"
        return k > 2 and doc.words[k - 3].lower() in {"went", "goes"}
    return doc.words[k - 2].lower() in _TO_COME


_TO_COME = frozenset("is are was were expected due set going".split())


_DETERMINERS = frozenset("the a an his her its their our my your".split())
_LIGHT_VERBS = frozenset("took take takes taking taken made make makes making".split())
_INFINITIVE_MARKERS = frozenset("to can could will would may might must should shall".split())
#: Adverbs between a modal and the verb it announces ("would later say"; not "not": "would not say").
_MODAL_ADVERBS = frozenset("also later then again soon likely probably further publicly".split())


def participle(word: str) -> bool:
    """ "Speaking", "Asked", "Describing": a participle opening the sentence, not its subject."""
    low = word.lower()
    return low.endswith("ing") or low in {"asked", "pressed", "questioned", "interviewed"}


def window_end(text: str, start: int) -> int:
    """Where a reporting clause read from ``start`` ends: the first sentence end within
    MAX_ATTRIBUTION_CHARS, before a paragraph break or an opening quotation mark."""
    end = min(len(text), start + MAX_ATTRIBUTION_CHARS)
    for stop in ("\n\n", "“", '"'):
        found = text.find(stop, start, end)
        if found >= 0:
            end = found
    return first_sentence_end(text, start, end)


def acted_before(doc: FieldDoc, toks: list[int], span: tuple[int, int]) -> bool:
    """Is the name at ``span`` an object in its clause: a verb stands between the clause's opening and it
    ("The person offered to arrange a meeting with Mr. Putin, saying …"), and no reporting verb of its
    own follows it ("…, President Donald Trump said on Wednesday, hailing"; "quoted Gen. Soleimani as
    saying")? A comma or "but" opens a clause ("…, but retiring Sen. Harry Reid unleashed fury")."""
    after = doc.token_at(span[1])
    after += doc.idx[after] < span[1]
    if after < len(doc.words) and (
        verb_at(doc, after) or doc.words[after] == "as" or doc.words[after] in {"'s", "’s"}
    ):
        return False
    acted = False
    for k in toks:
        if doc.idx[k] >= span[0]:
            break
        word = doc.words[k]
        if (word in cues.CLAUSE_BREAKS or word == "but") and not _place_pair(doc, k):
            acted = False
        elif word.islower() and (
            word.endswith("ed") or word in cues.AUXILIARIES or verb_at(doc, k)
        ):
            acted = True
    return acted


def _place_pair(doc: FieldDoc, k: int) -> bool:
    """Is the comma at ``k`` the one inside a place's name ("Washington, D.C.", "Austin, Texas"), opening no
    clause ("sued Washington, D.C. Mayor Muriel Bowser ..., saying": the mayor is still the object)?"""
    after = doc.words[k + 1 : k + 2]
    return (
        doc.words[k] == ","
        and k > 0
        and doc.words[k - 1][:1].isupper()
        and bool(after)
        and after[0].lower() in places()
    )


#: Words opening an introductory phrase before a sentence's subject ("Delivering remarks ... with the president,
#: Sanders thanked"): a role before the comma there is no apposition of the name after it.
INTRODUCTORY_WORDS = frozenset(
    """
    after before with during following in at on for from by about against to of since while when as like
    unlike
    """.split()
)


#: Words opening a phrase of time, place or manner before a sentence's subject ("Earlier in the day,").
_OPENERS = frozenset(
    """
    in on at after before during earlier later last this since while when meanwhile like unlike around
    still however instead indeed separately similarly likewise yet moreover
    """.split()
)


#: Such a phrase, or a participle's ("Speaking in Minneapolis, "), written before a sentence's subject: up to
#: 120 characters, dotted abbreviations and times in it ("While admitting that U.S. sanctions would hurt the
#: rouble, Siluanov said"; "Around 8:30 p.m., Senator John McCain"); not an opener that is the subject
#: itself ("This is important because ..., while").
OPENING_PHRASE = re.compile(
    r"(?:(?:But|And|So)\s+)?(?:(?i:"
    + "|".join(sorted(_OPENERS))
    + r")\b(?!\s+(?:is|was|are|were|has|had|have|will|would|could|can|may|might|means)\b)"
    + r"|(?!During\b|According\b)[A-Z][a-z]{2,}ing\b|Asked\b)"
    + r"(?:[^,.;“”\"\n]|(?<=\b[A-Z])\.|(?<=\b[ap])\.m\.){0,120},\s*"
)


def after_opening_phrase(doc: FieldDoc, start: int, end: int) -> bool:
    """Is the name from token ``start`` to ``end`` its sentence's subject after a short phrase of time,
    place or manner set off by a comma ("Earlier in the day, Mr. Walker blamed", "On Monday, Smith
    said"), or after the question put to them ("When asked by host Matt Lauer if ..., Mr. Keene
    demurred")? Not when a role noun follows it: it then qualifies another name ("And earlier this week, Trump
    adviser Roger Stone said")."""
    k = start
    while k > 0 and not doc.sent_start[k]:
        k -= 1
    words = [w for w in doc.words[k:start] if w.strip()]
    if words[:1] and words[0].lower() in {"but", "and", "so"}:
        words = words[1:]
    following = next((w.lower().rstrip(".") for w in doc.words[end : end + 3] if w.strip()), "")
    opening = [w.lower() for w in words[:2]]
    asked = opening[:1] == ["asked"] or opening == [
        "when",
        "asked",
    ]  # a question put to the subject
    after = opening.index("asked") + 1 if asked else 0
    return (
        2 <= len(words) <= (24 if asked else 9)
        and words[-1] == ","
        and (words[0].lower() in _OPENERS or asked)
        and "," not in words[:-1]
        and not any(w.lower() in cues.REPORTING_VERBS for w in words[after:])
        and following not in cues.ROLE_HEADS
        and following + "." not in cues.ROLE_HEADS
    )


#: A photo's credit or a picture's caption ("REUTERS/Jonathan Ernst/File Photo", "Photograph: Alex
#: Wong/Getty Images", "(AP Photo/Paul Sancya, File)", "Facebook Twitter Pinterest Biden and Obama ...").
_CREDIT_LINE = re.compile(
    r"Getty Images|\b(?:REUTERS|Reuters|AFP|AP|EPA)/|AP Photo|/AP\b|Photograph:|\(Photo:|FILE PHOTO"
    r"|/File Photo|Facebook Twitter Pinterest|toggle caption|Image copyright|Image caption"
)


def in_credit_paragraph(body: str, pos: int) -> bool:
    """Is ``pos`` in a paragraph holding a photo's credit: a picture's caption, not the reporter's prose, so
    no "he" later in the article stands for someone it names?"""
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    return _CREDIT_LINE.search(body, start, len(body) if end < 0 else end) is not None


def caption_before(body: str, at: int, limit: int) -> bool:
    """Is ``at`` in a picture's caption (:func:`in_credit_paragraph`) in a paragraph before ``limit``?"""
    return in_credit_paragraph(body, at) and "\n" in body[at:limit]


def opening_pronoun(doc: FieldDoc, k: int) -> int | None:
    """The token of "he"/"she" opening the sentence holding token ``k`` (after "But", "And", "Yet" or
    "So": "But he is not envious, insisting: “…”"), or None."""
    end = doc.idx[k]
    while k > 0 and not doc.sent_start[k]:
        k -= 1
    for j in range(k, min(k + 3, len(doc.words))):
        if doc.words[j].lower() in {"he", "she"}:
            between = doc.text[doc.idx[j] : end]
            return None if any(c in between for c in '.!?"“”') else j  # one sentence, no quotation
        if doc.words[j].lower() not in {"but", "and", "yet", "so"}:
            return None
    return None


def heading_line(text: str, at: int) -> bool:
    """Does the line holding ``at`` end with no stop (a heading)?"""
    end = text.find("\n", at)
    return text[at : len(text) if end < 0 else end].rstrip()[-1:] not in set(".!?:\"”'’")
