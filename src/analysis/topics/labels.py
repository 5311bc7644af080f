"""Cluster labels and terms by class-based TF-IDF."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse


def ctfidf_terms(
    counts: sparse.csr_matrix, labels: np.ndarray, k: int, terms: np.ndarray, n_terms: int
) -> list[list[str]]:
    """Most distinctive terms per cluster: class-based TF-IDF weighted by how much more often the term
    occurs in the cluster than in the rest of the corpus.

    ``score = tf_c * log(1 + A / f) * log(p_c / p_rest)`` where ``tf_c`` is the term's share of the
    cluster's words, ``A`` the average number of words per cluster, ``f`` the term's total count (BERTopic's
    c-TF-IDF), and ``p_c / p_rest`` the ratio of its (smoothed) share of words inside and outside the cluster;
    terms not over-represented in the cluster score zero. With one cluster, plain c-TF-IDF.
    """
    onehot = sparse.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(k, len(labels))
    )
    class_counts = np.asarray((onehot @ counts).todense(), dtype=np.float64)
    present = counts.copy()
    present.data = np.ones_like(present.data)
    class_df = np.asarray((onehot @ present).todense())
    sizes = np.bincount(labels, minlength=k)
    words = class_counts.sum(axis=1, keepdims=True)
    total = class_counts.sum(axis=0)
    tf = class_counts / np.maximum(words, 1)
    idf = np.log1p((class_counts.sum() / k) / np.maximum(total, 1))
    score = tf * idf
    if k > 1:
        v = class_counts.shape[1]
        rest = (total[None, :] - class_counts + 0.5) / (words.sum() - words + 0.5 * v)
        inside = (class_counts + 0.5) / (words + 0.5 * v)
        score = score * np.clip(np.log(inside / rest), 0.0, None)
    out = []
    for c in range(k):
        # A cluster of 4+ articles is described by terms from at least two of its articles.
        ok = (class_df[c] >= (2 if sizes[c] >= 4 else 1)) & (score[c] > 0)
        s = np.where(ok, score[c], -np.inf)
        order = np.lexsort((terms, -s))
        out.append([str(terms[i]) for i in order[:n_terms] if np.isfinite(s[i])])
    return out


def display_terms(terms: Sequence[str], texts: Iterable[str]) -> list[str]:
    """The most common spelling of each term in some texts ("poland" -> "Poland"), for labels.

    All-caps forms of words longer than 4 letters ("BAGHDAD" from a dateline or a headline in capitals)
    are used only when the term is never written otherwise; acronyms ("NATO", "U.S.") are kept.

    The texts are searched joined by :data:`_BETWEEN_TEXTS`, one scan per term of those that lower casing
    leaves as they are (:data:`_SAME_IN_LOWER_CASE`), in lower case, and one of the others,
    case-insensitively: no term's match spans the join and each text's first and last characters see it as
    they see the start and end of a text, so the spellings found are those of one search per text.
    """
    plain: list[str] = []
    other: list[str] = []
    for text in texts:
        same = text.isascii() or (
            len(text.lower()) == len(text) and _SAME_IN_LOWER_CASE.fullmatch(text) is not None
        )
        (plain if same else other).append(text)
    if all(term.strip() and _BETWEEN_TEXTS[1] not in term for term in terms):  # else text by text
        plain = [_BETWEEN_TEXTS.join(plain)] if plain else []
        other = [_BETWEEN_TEXTS.join(other)] if other else []
    lowers = [text.lower() for text in plain]
    out = []
    for term in terms:
        anycase, lowercase = _term_patterns(term)
        forms: list[str] = []
        for text, lower in zip(plain, lowers, strict=True):
            if lowercase is None:
                forms += anycase.findall(text)
            else:
                forms += _written_forms(text, lower, lowercase)
        for text in other:
            forms += anycase.findall(text)
        counts: dict[str, int] = {}
        for form, count in Counter(forms).items():  # each spelling normalised once
            form = " ".join(form.split())
            counts[form] = counts.get(form, 0) + count
        out.append(_most_common(term, counts))
    return out


#: What the texts are joined by for one search: a NUL between line breaks. A term's words hold no NUL
#: (terms are words of letters, digits, apostrophes, hyphens and dots, apart by spaces; a term that does
#: is searched text by text), white space between a phrase's words (``\s+``) does not match a NUL, and a
#: line break is neither a word character nor an apostrophe or hyphen: to the term patterns' lookarounds
#: it is what the start and end of a text are.
_BETWEEN_TEXTS = "\n\x00\n"


def _most_common(term: str, seen: dict[str, int]) -> str:
    if not seen:
        return term.upper() if term.endswith(".") else term
    # An all-caps form of a long word (a dateline, a shouted headline) only when there is no other.
    quiet = {f: c for f, c in seen.items() if not (f.isupper() and len(f) > 4)}
    return min((quiet or seen).items(), key=lambda kv: (-kv[1], kv[0]))[0]


# Texts made only of these characters match a lower-case term in their lower case exactly as they match it
# case-insensitively (no dotless i, long s, micro sign, Greek or other extra case equivalences, and lower
# casing keeps every position): they are searched in lower case, about ten times faster than case-insensitively.
_SAME_IN_LOWER_CASE = re.compile(
    r"[\x00-\xb4\xb6-\u012f\u0132-\u017e\u0180-\u024f\u2000-\u206f\u20a0-\u20cf]*"
)


def _term_patterns(term: str) -> tuple[re.Pattern, re.Pattern | None]:
    """The term's case-insensitive pattern, and its lower-case one (None when the term holds a character
    that lower casing does not match like case-insensitive search). Where a match may start: a one-word
    term not after a letter, digit, apostrophe or hyphen, a phrase at a word boundary; its words: a one-word
    term not followed by a letter, digit or hyphen, a phrase's words apart by any white space. The lower-case
    pattern starts with the term's first word and looks behind it for where it starts (the same matches,
    faster: a search for a literal start)."""

    def parts(words: list[str]) -> tuple[str, str]:
        words = [re.escape(w) for w in words]
        if len(words) > 1:
            return r"\b", r"\s+".join(words) + r"\b"
        return r"(?<![\w'’-])", "".join(words) + r"(?![\w-])"

    anycase = re.compile("".join(parts(term.split())), re.IGNORECASE)
    lower = term.lower()
    if len(lower) != len(term) or not _SAME_IN_LOWER_CASE.fullmatch(term) or not lower.split():
        return anycase, None
    lead, body = parts(lower.split())
    first = re.escape(lower.split()[0])
    return anycase, re.compile(f"{first}(?<={lead}{first}){body[len(first) :]}")


def _written_forms(text: str, lower: str, pattern: re.Pattern) -> list[str]:
    """Each occurrence of a term in a text as written there, found in the text's lower case by the term's
    lower-case pattern (the same matches as a case-insensitive findall, faster)."""
    return [text[a:b] for a, b in map(re.Match.span, pattern.finditer(lower))]
