"""Story signatures' word hashes: the capitals lowered as bytes, all texts at once, give the same words and
hashes as each text's ``str.lower()`` (so the same MinHash signatures and story groups as before)."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus import minhash


def _reference_word_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The word hashes computed plainly: each text lower-cased by Python, each word read on its own."""
    hashes, docs = [], []
    for number, text in enumerate(texts):
        data = text.lower().encode("utf-8", "replace")
        i = 0
        while i < len(data):
            if not (48 <= data[i] <= 57 or 97 <= data[i] <= 122):
                i += 1
                continue
            j = i
            while j < len(data) and (48 <= data[j] <= 57 or 97 <= data[j] <= 122):
                j += 1
            word = data[i:j]
            h = int.from_bytes(word[:8], "little")
            if len(word) > 8:
                h = (h * 0x9E3779B185EBCA87 % 2**64) ^ int.from_bytes(word[8:16], "little")
            h = ((h ^ (len(word) * 0xC2B2AE3D27D4EB4F % 2**64)) * 0x9E3779B185EBCA87) % 2**64
            hashes.append(h ^ (h >> 29))
            docs.append(number)
            i = j
    return np.array(hashes, dtype=np.uint64), np.array(docs, dtype=np.int64)


def test_only_two_characters_outside_ascii_lower_into_ascii():
    found = [
        chr(c)
        for c in range(128, sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF and any(ord(x) < 128 for x in chr(c).lower())
    ]
    assert tuple(found) == minhash.LOWERED_INTO_ASCII


TRICKY = [
    "THE Kelvin \u212aELVIN and \u0130stanbul, ISTANBUL",
    "Caf\u00e9 \u00c9COLE \u201cQuoted\u201d SAID 2024 abcdefghIJKLMNOPQRSTUVWXYZ0123456789",
    "\u2c3a\u023a ALL-CAPS hyphen-ated \ud800 lone surrogate ZZ",
    "",
    "   ",
    "Ünïcödé ÀÉÎÕÜ ß ẞ ǅ Σ ΣΑΣ x",
    "a",
]


def test_word_hashes_equal_each_text_lowered_by_python_on_tricky_texts():
    got_h, got_doc = minhash._word_hashes(TRICKY)
    want_h, want_doc = _reference_word_hashes(TRICKY)
    assert got_h.tolist() == want_h.tolist()
    assert got_doc.tolist() == want_doc.tolist()


@pytest.fixture(scope="module")
def bbc_texts(bbc_path) -> list[str]:
    corpus = load_corpus(bbc_path)
    texts = minhash._text_of(corpus)
    assert len(texts) >= 2000
    return texts


def test_word_hashes_equal_each_text_lowered_by_python_on_bbc_articles(bbc_texts):
    texts = bbc_texts[:3000]
    got_h, got_doc = minhash._word_hashes(texts)
    want_h, want_doc = _reference_word_hashes(texts)
    assert np.array_equal(got_h, want_h)
    assert np.array_equal(got_doc, want_doc)


def test_signatures_unchanged_when_capitals_and_lowered_characters_are_mixed_in(bbc_texts):
    texts = bbc_texts[:500]
    capitals = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    upper = [t.translate(capitals) if i % 3 == 0 else t for i, t in enumerate(texts)]
    kelvin = [t.replace("k", "\u212a", 2) if i % 5 == 0 else t for i, t in enumerate(texts)]
    base = minhash.story_signatures(pd.DataFrame({"body": texts}))
    for variant in (upper, kelvin):
        signed = minhash.story_signatures(pd.DataFrame({"body": variant}))
        assert np.array_equal(signed.values, base.values)
        assert np.array_equal(signed.usable, base.usable)


def _reference_shingles(texts: list[str], k: int, every: int) -> tuple[list[int], list[int]]:
    """The sampled shingle hashes computed plainly: each document's runs of k word hashes, one at a time."""
    h, doc = _reference_word_hashes(texts)
    mask = 2**64 - 1
    hashed, owner = [], []
    for i in range(len(h) - k + 1):
        if doc[i] != doc[i + k - 1]:
            continue
        s = int(h[i]) * 0x9E3779B185EBCA87 & mask
        for j in range(1, k):
            s = (s ^ int(h[i + j])) * 0x9E3779B185EBCA87 & mask
        s ^= s >> 32
        if s % every == 0:
            hashed.append((s >> 8) & 0xFFFFFFFF)
            owner.append(int(doc[i]))
    return hashed, owner


@pytest.mark.parametrize(("k", "every"), [(4, 4), (4, 3), (2, 1)])
def test_sampled_shingles_equal_a_plain_reference_on_bbc_articles(bbc_texts, k, every):
    texts = [*bbc_texts[:60], "", "One two three", *TRICKY]
    h, doc = minhash._word_hashes(texts)
    hashed, owner, words = minhash._shingles(h, doc, len(texts), k, every)
    want_hashed, want_owner = _reference_shingles(texts, k, every)
    assert hashed.tolist() == want_hashed
    assert owner.tolist() == want_owner
    assert words.tolist() == np.bincount(doc, minlength=len(texts)).tolist()


def _reference_signatures(texts: list[str], every: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each document's MinHash values computed plainly: all its shingles permuted at once, then the minimum."""
    h, doc = minhash._word_hashes(texts)
    hashed, owner, _ = minhash._shingles(h, doc, len(texts), minhash.SHINGLE_WORDS, every)
    mixed = minhash.fmix32(hashed).astype(np.uint64)
    values = np.full((len(texts), len(a)), 2**32 - 1, dtype=np.uint64)
    for row in np.unique(owner):
        permuted = (a[:, None].astype(np.uint64) * mixed[owner == row] + b[:, None]) % 2**32
        values[row] = permuted.min(axis=1)
    return values.astype(np.uint32)


@pytest.mark.parametrize("every", [4, 1])
def test_signatures_equal_the_plain_minimum_on_bbc_articles_and_odd_texts(bbc_texts, every):
    # one text of the first 40 articles run together: more shingles than a block (BLOCK_SHINGLES)
    long = " ".join(bbc_texts[:40])
    texts = [*bbc_texts[:700], "", "Watch: a short one", long, *TRICKY, long, "a b c d e"]
    a, b = minhash.permutation_family(minhash.NUM_PERM, 3)
    frame = pd.DataFrame({"body": pd.Series(texts, dtype=object)})  # TRICKY's lone surrogate kept
    signed = minhash.story_signatures(frame, sample_every=every, permutations=(a, b))
    assert np.array_equal(signed.values, _reference_signatures(texts, every, a, b))
    assert signed.usable[:700].sum() > 600 and signed.usable[702]
    assert not signed.usable[700] and not signed.usable[701]


def test_signature_cells_are_the_frames_signatures_in_chunks(bbc_path):
    corpus = load_corpus(bbc_path)
    titles, bodies = corpus["title"].tolist(), corpus["body"].tolist()
    bodies[3] = bodies[10] = ""  # headline only: its title is signed
    assert len(titles) > minhash.CHUNK_ARTICLES  # signed in more than one chunk
    cells = minhash.signature_cells(titles, bodies)
    signed = minhash.signatures_in_chunks(pd.DataFrame({"title": titles, "body": bodies}))
    want = [
        row.astype("<u4").tobytes() if ok else b""
        for row, ok in zip(signed.values, signed.usable, strict=True)
    ]
    assert cells == want
    assert sum(map(bool, cells)) > 2000
