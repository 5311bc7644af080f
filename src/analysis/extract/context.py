"""Words around a name that say what it is: a person's name shape, reporting verbs next to it, and the
cues that make it a company, club or place ("shares in X", "X boss Y", "in X on Saturday").

Shared by the mention rules (:mod:`analysis.extract.rules`) and the role rules (:mod:`analysis.extract.roles`).
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re

from analysis.extract import cues
from analysis.extract.gazetteer import countries, first_names, is_demonym, places
from analysis.extract.pipeline import PARTICLES, FieldDoc, personal_initials

#: Particles joined to the name by a hyphen: "Bashar al-Assad", "Abdel Fattah el-Sisi".
HYPHENED_PARTICLES = (["al", "-"], ["el", "-"])


ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z]?){1,3}[A-Z]\d?$|^[A-Z]\d{1,2}$|^(?:[A-Z]\.){2,4}$")


#: Words in capitals that name no body: common acronyms, time zones, "D.C." (a place), and a web page's
#: labels ("MORE", "UPDATE", "RELATED:", "WATCH:", "PHOTOS:", "CREDIT:", a headline's "OPINION:").
COMMON_ACRONYMS = frozenset(
    """
    TV CEO CFO GDP AI OK DVD DVDs PC PCs CD CDs MP MPs MEP MEPs PM US UK EU VAT IT ID PR HIV AIDS
    SMS GPS HD DNA FM AM BC AD TVs PhD MBA NHS HQ GMT BST UTC SME SMEs CEOs ET EST EDT PT PST PDT CT
    CST CDT D.C. DJ DJs QC KC REVIEW LIVE IQ IP URL PTSD COVID
    MORE UPDATE UPDATED RELATED WATCH PHOTOS PHOTO VIDEO AUDIO CREDIT READ SHARE LISTEN GALLERY OPINION
    """.split()
)


def is_cap(word: str) -> bool:
    return word[:1].isupper() or (len(word) > 1 and word[0] in "'’" and word[1:2].isupper())


def is_demonym_word(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and is_demonym(word)


_QUALIFIERS = frozenset(
    "north south east west central northern southern eastern latin native".split()
)


def group_adjective(words: list[str]) -> bool:
    """Is the run a people's adjective, no one's name ("American", "North Korean", "African-American")?"""
    return any(map(is_demonym_word, words)) and all(
        is_demonym_word(w) or w == "-" or w.lower() in _QUALIFIERS for w in words
    )


_ROMAN = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})$")  # "World War II", "Henry VIII"


def is_acronym(word: str) -> bool:
    return bool(ACRONYM.match(word)) and word not in COMMON_ACRONYMS and not _ROMAN.match(word)


_INITIAL = re.compile(r"^[A-Z]\.$")  # a middle initial ("Charles E. Schumer"), not an acronym
GROUP_WORDS = frozenset(
    """
    democrats republicans democrat republican conservatives liberals tories tory progressives voters
    people nations olympic olympics games cup league championship
    """.split()
)


_MIDDLE_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")


def _initials(words: list[str], i: int) -> bool:
    """Is ``words[i]`` an initial ("E."), middle initials inside the name ("George H.W. Bush") or a
    person's two initials before their surname ("H.R. McMaster")?"""
    return (
        bool(_INITIAL.match(words[i]))
        or (0 < i < len(words) - 1 and bool(_MIDDLE_INITIALS.match(words[i])))
        or (i == 0 and len(words) > 1 and personal_initials(words[0], words[1]))
    )


def looks_like_name(words: list[str], *, titled: bool = False) -> bool:
    """Could the words be a person's name? ``titled``: a title stands before them, so a last word that is a
    country's name is a surname ("CNN Polling Director Keating Holland")."""
    if not 2 <= len(words) <= 4:
        return False
    if is_demonym_word(words[-1]) or words[-1].lower() in GROUP_WORDS:
        return False  # a group: "Sunni Muslims", "Orlando Democrats"
    if any(len(w) > 1 and w.isupper() and not _initials(words, i) for i, w in enumerate(words)) or (
        words[-1].lower() in countries() and not (titled and words[0].lower() not in places())
    ):
        return False
    return all(
        w[:1].isupper() or w in PARTICLES or w == "-" or words[i - 1 : i] == ["-"]  # "Jong-un"
        for i, w in enumerate(words)
    ) and not any(w.lower() in cues.ORG_HEADS or w.lower() in cues.NOT_IN_NAMES for w in words)


def reporting_after(doc: FieldDoc, end: int, *, auxiliaries: bool = False) -> bool:
    """Is a reporting verb written right after the name (``auxiliaries``: or after "has"/"also"/"later":
    "Mr. McCain also said")?"""
    k = first = _past_party_tag(doc, end)
    while k < len(doc.words) and doc.words[k] in {"'s", "’s", ","}:
        k += 1
    owned = k > first and doc.words[k - 1] != ","
    while (
        auxiliaries
        and k < min(first + 3, len(doc.words))
        and doc.words[k].lower() in cues.ACTIVE_AUXILIARIES
    ):
        k += 1
    if k >= len(doc.words) or doc.words[k].lower() not in cues.REPORTING_VERBS:
        return False
    # not "helping elect Hillary Clinton, adding:": an "-ing" verb after a comma is the sentence's subject's;
    # nor "Mr. Trump’s tweeting": an owned "-ing" word is a noun
    return not ((doc.words[k - 1] == "," or owned) and doc.words[k].lower().endswith("ing"))


def _past_party_tag(doc: FieldDoc, end: int) -> int:
    """The token after a legislator's party tag written right after the name ("Chris Smith (R-NJ)
    described"), else ``end``."""
    words = doc.words
    if end + 2 < len(words) and words[end] == "(" and _PARTY_TAG.match(words[end + 1]):
        close = next((j for j in range(end + 2, min(end + 6, len(words))) if words[j] == ")"), None)
        if close is not None:
            return close + 1
    return end


#: The first word of a party tag: "R", "D-Calif.", "R-N.Y.", "I-Vt.".
_PARTY_TAG = re.compile(r"^[RDI](?:-[A-Z].*)?$")


def clause_words_before(doc: FieldDoc, start: int) -> list[str]:
    """The words of the clause before token ``start``, back to a clause break or the sentence's start."""
    words: list[str] = []
    k = start - 1
    while (
        k >= 0
        and doc.words[k] not in cues.CLAUSE_BREAKS
        and doc.words[k] not in {".", "!", "?", "\n"}
    ):
        if doc.sentence_of(k) != doc.sentence_of(start):
            break
        words.append(doc.words[k])
        k -= 1
    return words[::-1]


_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which"})
#: Lower-case words of a title before a name ("former Sen.", "acting Chief Constable").
_TITLE_WORDS = frozenset(
    {"former", "then", "late", "acting", "deputy", "retiring", "longtime", "veteran"}
)
#: Words that open another clause inside a relative one ("who said that ...", "who smiled when ...").
#: A verb's auxiliary in a relative clause ("who had spoken with Fox News’ Sean Hannity"); with the present
#: and the future's, what makes words a clause of their own (:func:`analysis.extract.lists.joined_subject`).
PAST_AUXILIARIES = frozenset({"had", "has", "have", "was", "were"})
_CLAUSE_WORDS = frozenset(
    "that when while if because after before as since until and but -- — – ;".split()
)


def in_relative_clause(before: list[str]) -> bool:
    """Do the words before a name, in its clause, open a relative clause after a noun and go on to a verb
    whose object the name is ("The barrister who had represented [Mr Martin]", "one Iowa Republican who
    picked [Cruz]")? Not when the name, past its title, is that clause's subject ("the man who Trump said",
    "in which the Taiwan-born Chao"), nor past another clause's opening ("who said that", "--")."""
    # "who" may open the clause's words: "Gates, who had spoken ... with Fox News’ Sean Hannity, did say"
    at = max((i for i, w in enumerate(before) if w.lower() in _RELATIVE_PRONOUNS), default=-1)
    rest = before[at + 1 :]
    while rest and (
        rest[-1][:1].isupper()
        or rest[-1].lower() in _TITLE_WORDS
        or rest[-1].lower() in cues.HONORIFICS
    ):
        rest = rest[:-1]
    return (
        at >= 0
        and not any(w.lower() in _CLAUSE_WORDS for w in rest)
        and any(
            w.islower() and (w.endswith("ed") or w in cues.IRREGULAR_PAST | PAST_AUXILIARIES)
            for w in rest
        )
    )


def speaks_as_subject(doc: FieldDoc, start: int, end: int) -> bool:
    """Is the name a reporting verb's subject (:func:`speaks_after`, :func:`said_before`), not the object
    inside a relative clause before that verb ("The barrister who had represented Mr Martin had said")?"""
    own = (
        speaks_after(doc, end)
        and not in_relative_clause(clause_words_before(doc, start))
        and not _preposition_before(doc, start)
        and not _tagged_in_a_list(doc, start, end)
    )
    return own or said_before(doc, start, end) or closes_with_attribution(doc, start, end)


#: Particles a sentence's closing verb may take (", Holland pointed out.").
_VERB_PARTICLES = frozenset({"out", "back", "up", "on"})


def closes_with_attribution(doc: FieldDoc, start: int, end: int) -> bool:
    """Is the name the subject of a verb closing its sentence after a comma, the reported words before it
    (", Franks offered.", ", Holland pointed out.")? A past or reporting verb, with nothing after it but a
    particle: what the sentence says is what the name said."""
    words = doc.words
    if start == 0 or words[start - 1] != "," or end >= len(words) - 1:
        return False
    verb = words[end]
    if not verb.isalpha() or not verb.islower():
        return False
    if not (verb.endswith("ed") or verb in cues.REPORTING_VERBS) or verb.endswith("ing"):
        return False
    if verb in cues.OUTLET_VERBS:
        return False  # ", Right Wing Watch reported.": an outlet relays what someone else said
    k = end + 1 + (words[end + 1] in _VERB_PARTICLES and end + 2 < len(words))
    return words[k] in {".", "!"} and doc.sentence_of(k) == doc.sentence_of(start)


def _tagged_in_a_list(doc: FieldDoc, start: int, end: int) -> bool:
    """Is the name the last of a list, with its party tag ("former Sens. Bob Kerrey (D-Neb.) and John Edwards
    (D-N.C.), warned")? The tag's brackets hide the clause the list is in; the verb is not its own."""
    return (
        start > 0
        and doc.words[start - 1].lower() in {"and", "or"}
        and _past_party_tag(doc, end) > end
    )


def _preposition_before(doc: FieldDoc, start: int) -> bool:
    """Is the name a preposition's object ("a jihadist based in the Gaza Strip has claimed")?"""
    k = start - 1 if start > 0 and doc.words[start - 1].lower() == "the" else start
    if k > 1 and doc.words[k - 2].lower() == "according":
        return False  # "According to Mandaric, Redknapp vowed": Mandaric speaks
    return k > 0 and doc.words[k - 1] in cues.PREPOSITIONS


def speaks_after(doc: FieldDoc, end: int) -> bool:
    """Does a reporting verb follow the name, right after it or after a short apposition ("Alan Milburn,
    Labour's election strategist, told")? (A likely speaker; not evidence of a person.)"""
    if reporting_after(doc, end, auxiliaries=True):
        return True
    if end >= len(doc.words) or doc.words[end] != ",":
        return False
    for j in range(end + 1, min(end + 17, len(doc.words))):
        word = doc.words[j]
        if word.lower() in cues.REPORTING_VERBS and not word.lower().endswith("ing"):
            if j - end > 8:  # a long apposition, closed by its comma: "Sen. Dianne Feinstein, the
                # chairwoman of the Select Committee on Intelligence, said"
                return doc.words[j - 1] == ","
            return doc.words[j - 1] != "," or j - end > 2
        closing = word == "," and j + 1 < len(doc.words)
        if word in {".", ";", ":", "“", "”", '"'} or (
            closing and doc.words[j + 1].lower() not in cues.REPORTING_VERBS
        ):
            return False
    return False


#: Verbs a name written after "said" may govern itself: it then opens the reported clause.
_OWN_VERBS = frozenset(
    "is was has had will would could should can did does are were might must".split()
)


def said_before(doc: FieldDoc, start: int, end: int | None = None) -> bool:
    """Is the name written right after a reporting verb ("said Kirill Rogov")? With its ``end``, a name
    owning what follows is not the verb's subject but its object's owner ("said McCain’s decision")."""
    if end is not None and end < len(doc.words) and doc.words[end] in {"'s", "’s"}:
        return False
    if end is not None and end < len(doc.words) and doc.words[end].lower() in cues.OWN_VERBS:
        return False  # "the campaign said Ms. Warren is “…”": the reported clause's subject
    if (
        start > 1
        and doc.words[start - 1] == "."
        and doc.words[start - 2].lower() in cues.HONORIFICS
    ):
        start -= 1  # "said Mr. Clarke" read as "Mr" "." (not "she said. Praising Celtic ...")
    while start > 0 and doc.words[start - 1].lower() in cues.HONORIFICS:
        start -= 1  # "said Mr Clarke"
    return start > 0 and doc.words[start - 1].lower() in {
        "said",
        "says",
        "added",
        "told",
        "according",
    }


def club_after(doc: FieldDoc, end: int) -> bool:
    """A town named as a club: "Middlesbrough boss Steve McClaren", "Boro fans" (not "against Paris")."""
    after = [w.lower() for w in doc.words[end : end + 2]]
    return bool(after) and (
        after[0] in {"fans", "supporters", "squad", "first-team"}
        or (after[0] in cues.MEMBER_ROLES and len(after) > 1 and is_cap(doc.words[end + 1]))
    )


_APPOSITION_OPENERS = frozenset({"the", "a", "an", "its", "one"})
_APPOSITION_ENDS = frozenset(
    {",", ".", ";", ":", "of", "for", "in", "at", "with", "and", "which", "that", "who", "whose"}
)


def described_as_organisation(doc: FieldDoc, end: int) -> bool:
    """Is the run followed by an apposition whose head is a company noun: "Carlsberg, the world's
    fifth-largest brewer", "Halifax, the country's biggest mortgage lender" (not "Jane Doe, the head of
    the bank": the head is "head")?"""
    words = doc.words
    if (
        end + 2 >= len(words)
        or words[end] != ","
        or words[end + 1].lower() not in _APPOSITION_OPENERS
    ):
        return False
    k = end + 2
    while k < min(len(words), end + 10) and words[k].lower() not in _APPOSITION_ENDS:
        k += 1
    head = words[k - 1]
    return k > end + 2 and head.islower() and head in cues.ORG_NOUNS - {"analysts", "side"}


#: Role heads that may describe a body as well as a person ("Chelsea, the defending champion").
_SHARED_HEADS = frozenset(
    "champion challenger defender leader partner rival opponent independent crown democrat "
    "republican star veteran fellow host critic compatriot player model".split()
)


def described_as_person(doc: FieldDoc, end: int) -> bool:
    """Is the run followed by an apposition whose head is a person's role: "Alleigh Marre, a campaign
    spokeswoman", "Jane Doe, the head of the bank" (not "Chelsea, the defending champion")?"""
    words = doc.words
    if (
        end + 2 >= len(words)
        or words[end] != ","
        or words[end + 1].lower() not in {"a", "an", "the"}
    ):
        return False
    k = end + 2
    while k < min(len(words), end + 8) and words[k].lower() not in _APPOSITION_ENDS:
        k += 1
    head = words[k - 1]
    return k > end + 2 and head.islower() and head in cues.ROLE_HEADS - _SHARED_HEADS


def organisation_context(doc: FieldDoc, start: int, end: int) -> str:
    """Words around the run that make it a company, club or body: "shares in X", "bid for X", "X boss Steve
    McClaren", "X's chief executive", "X said in a statement"."""
    words = doc.words
    low = [w.lower() for w in words[max(0, start - 2) : end + 4]]
    before, rest = low[: min(2, start)], low[min(2, start) + end - start :]
    if len(before) == 2 and tuple(before) in cues.ORG_BEFORE:
        return "strong"  # "shares in X", "takeover of X"
    if before[-1:] and before[-1] in cues.ORG_BEFORE_ONE and end - start <= 3:
        return "weak"  # "beat Feyenoord"
    possessive = rest[:1] and rest[0] in {"'s", "’s", "'", "’"}
    after = rest[1:] if possessive else rest
    if after[:1] and after[0] in cues.CORPORATE_ROLES - {
        "spokesman",
        "spokeswoman",
        "spokesperson",
    }:
        return "strong"  # "Ford's chief executive", "SSL shares"
    if (
        after[:1]
        and (after[0] in cues.ORG_AFTER or after[0] in cues.MEMBER_ROLES)
        and not possessive
    ):
        return "weak"  # "Boro fans", "Middlesbrough boss Steve McClaren"
    return ""


def named_as_example(doc: FieldDoc, start: int, end: int | None = None) -> str:
    """ "companies such as Adam Opel" -> "organisation"; "programs such as Ad-Aware" -> "thing"; with
    ``end``, also a list closed by its kind: "Luton, Preston and other clubs" -> "organisation"; else ""."""
    if end is not None:
        k = end
        while k < min(len(doc.words), end + 24) and (
            doc.words[k] in {",", "and"} or is_cap(doc.words[k])
        ):
            if doc.words[k] == "and" and k + 2 < len(doc.words) and doc.words[k + 1] == "other":
                noun = doc.words[k + 2].lower()
                return "organisation" if noun in cues.EXAMPLE_ORGS else ""
            k += 1
    low = [w.lower() for w in doc.words[max(0, start - 3) : start]]
    if low[-2:] == ["such", "as"]:
        noun = low[-3] if len(low) == 3 else ""
    elif low[-1:] and low[-1] in {"like", "including"}:
        noun = low[-2] if len(low) >= 2 else ""
    else:
        return ""
    if noun in cues.EXAMPLE_ORGS:
        return "organisation"
    return "thing" if noun in cues.EXAMPLE_THINGS else ""


PLACE_FOLLOWERS = frozenset(
    """
    . , ; : — – - ) 's ’s on in at to for and last this next before after with where while when
    since until
    """.split()
)


def place_by_preposition(
    doc: FieldDoc, start: int, words: list[str], before: str, after: str
) -> bool:
    """ "in Lievin on Saturday", "from Colchester to London": an unknown name after a place preposition."""
    return (
        len(words) <= 2
        and before in {"in", "from", "near"}
        and words[0].lower() not in first_names()
        and (after in PLACE_FOLLOWERS or not after)
        and not is_demonym_word(words[0])
        and not doc.sent_start[start]
    )


def after_source(doc: FieldDoc, start: int) -> bool:
    """ "a representative from X", "a spokesman for X": X is an organisation."""
    return (
        start > 1
        and doc.words[start - 1].lower() in {"from", "for", "at"}
        and doc.words[start - 2].lower() in cues.SOURCE_HEADS
    )


def member_of(doc: FieldDoc, start: int) -> bool:
    """ "analyst Nick Van den Brul of BNP Paribas", "director for public policy at CompTIA": the body a
    named person or a title belongs to, so an organisation."""
    if start < 2 or doc.words[start - 1].lower() not in {"of", "at"}:
        return False
    k = start - 2
    while k > 0 and (is_cap(doc.words[k]) or doc.words[k] in PARTICLES) and start - 2 - k < 4:
        k -= 1
    name = doc.words[k + 1 : start - 1]
    if (
        2 <= len(name) <= 4
        and first_names().get(name[0].lower())
        and all(
            w in PARTICLES or (w.isalpha() and w[:1].isupper() and not w.isupper()) for w in name
        )
        and not any(w.lower() in {"the", "new", "great", "old", "three"} for w in name)
        and doc.words[k].lower() not in {"the", "of", "a", "an"}
        and (start + 1 >= len(doc.words) or doc.words[start + 1] not in {":", "of"})
    ):
        return True  # "analyst Nick Van den Brul of BNP Paribas", not "The Power of Bad"
    if doc.words[start - 1].lower() != "at":
        return False
    before = [w.lower() for w in doc.words[max(0, start - 6) : start - 1]]
    heads = cues.ROLE_HEADS | cues.SOURCE_HEADS | {"fellow", "scholar", "professor", "economist"}
    if before and before[-1] in heads:
        return True  # "a senior fellow at Heritage"
    cut = max((i for i, w in enumerate(before) if w == "for"), default=-1)
    return cut > 0 and before[cut - 1] in heads and all(w.islower() for w in before[cut:])


def is_caption(words: list[str], k: int) -> bool:
    """Is the word a web page's picture label ("Image copyright Alyson McClaran Image caption ...")?"""
    return (
        words[k] in {"Image", "Media"}
        and k + 1 < len(words)
        and words[k + 1] in {"caption", "copyright"}
    )


def head_of_body(words: list[str]) -> bool:
    """Does an organisation's head noun stand before "of", "for" or "on" inside the run ("Muslim Council of
    Britain", "National Council of Churches", "American Federation of Teachers")? The run is that body;
    not when a first name opens it or what follows the connector ("Jim Banks of Columbia City")."""
    given = first_names()
    return words[0].lower() not in given and any(
        words[k].lower() in cues.ORG_HEADS
        and words[k + 1] in {"of", "for", "on"}  # "Council on Foreign Relations"
        and words[k + 2].lower() not in given
        for k in range(len(words) - 2)
    )


def newspaper_alone(doc: FieldDoc, start: int, word: str) -> bool:
    """Is the one capitalised word a newspaper's name after "the" ("told the Guardian", "The Times said"),
    the article naming no longer name it ends ("the Times" after "The New York Times" is that paper, named
    again: :mod:`analysis.extract.speakers` finds it)?"""
    if word.lower() not in cues.NEWSPAPER_ENDS or doc.words[start - 1 : start] not in (
        ["the"],
        ["The"],
    ):
        return False
    return not re.search(rf"\b(?!The\b)[A-Z][\w.&'’-]*\s+{re.escape(word)}\b", doc.text)


def ends_in_a_body(doc: FieldDoc, start: int, end: int) -> bool:
    """Does the run end in a known body's name after other words ("Clinton White House": no person)?"""
    ends = (s for (s, e), label in doc.ruler.items() if e == end and label == "organisation")
    return any(s > start for s in ends)
