"""Counting terms over a fixed vocabulary (the assignment of a large archive's articles)."""


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
