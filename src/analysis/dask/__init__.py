"""Large archives: the parsed-corpus cache (Parquet), bounded-memory topic assignment, and the Dask engine.

- :mod:`analysis.scale.cache`: parse once into Parquet under ``build/`` keyed by the inputs' content;
  the CLI and the report notebook both read it.
- :mod:`analysis.scale.topics`: fit topics on a sample, assign every article in chunks (bounded memory).
- :mod:`analysis.scale.dask`: the same on a Dask DataFrame, on a ``distributed`` cluster (imported lazily:
  the pandas path never imports Dask).
"""
