"""Cluster labels and terms by class-based TF-IDF."""

from __future__ import annotations

import re
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
    """
    patterns = [_term_patterns(term) for term in terms]
    seen: list[dict[str, int]] = [{} for _ in terms]
    for text in texts:
        lower = text.lower()
        plain = len(lower) == len(text) and _SAME_IN_LOWER_CASE.fullmatch(text) is not None
        for counts, (anycase, lead, body) in zip(seen, patterns, strict=True):
            if plain and body is not None:
                forms = _written_forms(text, lower, lead, body)
            else:
                forms = anycase.findall(text)
            for form in forms:
                form = " ".join(form.split())
                counts[form] = counts.get(form, 0) + 1
    return [_most_common(term, counts) for term, counts in zip(terms, seen, strict=True)]


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


def _term_patterns(term: str) -> tuple[re.Pattern, re.Pattern | None, re.Pattern | None]:
    """The term's case-insensitive pattern, and the two halves of its lower-case one (None when the term
    holds a character that lower casing does not match like case-insensitive search): where it may start (a
    one-word term not after a letter, digit, apostrophe or hyphen; a phrase at a word boundary) and the words
    (a one-word term not followed by a letter, digit or hyphen; a phrase's words apart by any white space)."""

    def parts(words: list[str]) -> tuple[str, str]:
        words = [re.escape(w) for w in words]
        if len(words) > 1:
            return r"\b", r"\s+".join(words) + r"\b"
        return r"(?<![\w'’-])", "".join(words) + r"(?![\w-])"

    anycase = re.compile("".join(parts(term.split())), re.IGNORECASE)
    lower = term.lower()
    if len(lower) != len(term) or not _SAME_IN_LOWER_CASE.fullmatch(term):
        return anycase, None, None
    lead, body = parts(lower.split())
    return anycase, re.compile(lead), re.compile(body)


def _written_forms(text: str, lower: str, lead: re.Pattern, body: re.Pattern) -> list[str]:
    """Each occurrence of a term in a text as written there, found in the text's lower case (the same scan
    as a case-insensitive findall, faster: the words alone are searched, a literal start, then the lead)."""
    found, pos = [], 0
    while (m := body.search(lower, pos)) is not None:
        if lead.match(lower, m.start()):
            found.append(text[m.start() : m.end()])
            pos = m.end()
        else:
            pos = m.start() + 1
    return found
