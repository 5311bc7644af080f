"""Topic clusters an editor would recognise, with honest evidence of how strong each one is.

:func:`fit_topics` turns a corpus into ``k`` clusters: news-aware TF-IDF (:mod:`analysis.text`), LSA
(TruncatedSVD, then L2 normalisation) on corpora of 200 articles or more, k-means run several times with
different random states, the run that agrees best with the others kept (a consensus, so the result does
not hinge on one seed), then a few rounds of naive-Bayes refinement on the TF-IDF terms. Each cluster comes
with its size, a short label, its most distinctive terms (class-based TF-IDF: frequent in the cluster, rare
elsewhere), its most representative articles, its silhouette and its stability (how reliably it re-appears
across random states). With ``k=None`` the number of clusters is chosen from the data, and the score of
every candidate is kept. :func:`similarity_matrix` and :func:`most_similar` compare articles in the same
TF-IDF space. ``fit_topics(corpus, baseline=earlier)`` keeps an earlier run's topics, numbers and labels
(:mod:`analysis.topics.seed`, :func:`align_topics`), and :meth:`TopicModel.assign` places new articles in a fitted model's topics.

    from analysis import load_corpus
    from analysis.topics import fit_topics
    model = fit_topics(load_corpus("seeds"), random_state=0)
    model.clusters[["size", "label", "strength"]]
"""

from __future__ import annotations

from analysis.topics.align import align_topics
from analysis.topics.fit import fit_topics
from analysis.topics.model import TopicModel
from analysis.topics.similarity import most_similar, similarity_matrix
from analysis.topics.space import TopicSpace

__all__ = [
    "TopicModel",
    "TopicSpace",
    "align_topics",
    "fit_topics",
    "most_similar",
    "similarity_matrix",
]
