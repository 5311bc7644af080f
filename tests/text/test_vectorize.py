"""Counting terms: over a growing vocabulary (a fit) and a fixed one (the assignment of a large archive's
articles)."""

import pytest


def test_count_known_terms_equals_scikit_learns_transform(bbc_corpus) -> None:
    """Counting over a fixed vocabulary without the stop list gives CountVectorizer's matrix exactly."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    from analysis.text import NEWS_STOP_WORDS, NewsAnalyzer, count_known_terms, find_phrases

    texts = (bbc_corpus["title"] + "\n\n" + bbc_corpus["body"]).tolist()
    analyzer = NewsAnalyzer(stop_words=NEWS_STOP_WORDS, phrases=find_phrases(texts[:800]))
    vectorizer = CountVectorizer(analyzer=analyzer, min_df=3, dtype=np.float32).fit(texts[:800])
    expected = vectorizer.transform(texts[800:])
    counted = count_known_terms(texts[800:], analyzer, vectorizer.vocabulary_)
    assert counted.dtype == expected.dtype and counted.shape == expected.shape
    assert np.array_equal(counted.indptr, expected.indptr)
    assert np.array_equal(counted.indices, expected.indices)
    assert np.array_equal(counted.data, expected.data)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_count_terms_equals_scikit_learns_counts(bbc_corpus, monkeypatch, workers) -> None:
    """count_terms (tokens split and numbered in Arrow, phrases merged on the numbers, over two chunks,
    with one core and with two: a chunk numbered on a thread while the next is read) gives
    CountVectorizer's matrix with the analyzer exactly: BBC articles, texts
    whose tokens the tokenizer drops or rewrites ("won't", "U.S."), a phrase whose words end one text and
    open the next (never merged), phrases that overlap, and a phrase holding the stand-in for a dropped
    token."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    from analysis.text import NEWS_STOP_WORDS, NewsAnalyzer, find_phrases
    from analysis.text.counting import count_terms

    texts = (bbc_corpus["title"] + "\n\n" + bbc_corpus["body"]).tolist()
    texts[5:5] = [
        "Talks with the prime",
        "minister of state won't end; the U.S. and e.u. prime minister",
        "",
        "president donald trump met prime minister theresa may",
        "isn't # it, the U.S. - said won't # say x'd",
        "prime minister",
    ]
    phrases = find_phrases(texts[:800])
    phrases += ("prime minister", "minister of state", "donald trump", "president donald", "# say")
    analyzer = NewsAnalyzer(stop_words=NEWS_STOP_WORDS, phrases=phrases)
    monkeypatch.setenv("ANALYSIS_WORKERS", workers)
    expected = CountVectorizer(analyzer=analyzer, dtype=np.float32).fit(texts)
    counts, terms = count_terms(texts, analyzer, progress=False)
    assert len(texts) > 2000  # more than one chunk
    assert list(terms) == list(expected.get_feature_names_out())
    want = expected.transform(texts)
    assert counts.dtype == want.dtype and counts.shape == want.shape
    assert np.array_equal(counts.indptr, want.indptr)
    assert np.array_equal(counts.indices, want.indices)
    assert np.array_equal(counts.data, want.data)
    assert "prime minister" in terms and "minister of state" in terms and "# say" not in terms


def test_pruned_counts_equal_scikit_learns_fit_transform(bbc_corpus) -> None:
    """pruned_counts gives CountVectorizer's vocabulary and counts with the same min_df, max_df and
    max_features (the assigner of a large archive counts its sample with it): each row's columns in order,
    as scikit-learn's after sorting them."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    from analysis.text import NEWS_STOP_WORDS, NewsAnalyzer, find_phrases, pruned_counts

    texts = (bbc_corpus["title"] + "\n\n" + bbc_corpus["body"]).tolist()
    analyzer = NewsAnalyzer(stop_words=NEWS_STOP_WORDS, phrases=find_phrases(texts[:800]))
    for min_df, max_df, max_features in [(5, 0.5, 50_000), (2, 0.2, None), (1, 1.0, 500)]:
        vectorizer = CountVectorizer(
            analyzer=analyzer,
            min_df=min_df,
            max_df=max_df,
            max_features=max_features,
            dtype=np.float32,
        )
        want = vectorizer.fit_transform(texts)
        want.sort_indices()
        counts, terms = pruned_counts(
            texts, analyzer, min_df=min_df, max_df=max_df, max_features=max_features
        )
        assert list(terms) == list(vectorizer.get_feature_names_out())
        assert counts.dtype == want.dtype and counts.shape == want.shape
        assert np.array_equal(counts.indptr, want.indptr)
        assert np.array_equal(counts.indices, want.indices)
        assert np.array_equal(counts.data, want.data)
