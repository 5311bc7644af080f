"""Who is in the coverage and who said what: people, organisations, places, quotations, keyword in context.

from analysis.extract import entities, quotes
mentions = entities(corpus)
said = quotes(corpus)
"""

from __future__ import annotations

from analysis.extract.entities import entities
from analysis.extract.quotes import people_and_quotes, quotes

__all__ = ["entities", "people_and_quotes", "quotes"]
