"""The sizes beyond which the report samples (:class:`ReportSizes`), apart from the notebook's data views
(:mod:`analysis.report.data`) so that the command can check them without importing the analysis stack."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

from analysis.config import SAMPLE_SIZE
from analysis.errors import ParameterError

__all__ = ["FULL_TABLE_MAX", "MAP_POINTS", "READ_MEANWHILE_FROM", "TEXT_SAMPLE", "ReportSizes"]

#: Up to this many articles the report lists every article; beyond, representatives and a CSV file.
FULL_TABLE_MAX = 2_000
#: The map draws at most this many articles (a fixed random sample beyond).
MAP_POINTS = 4_000
#: On an archive read without bodies, the people, quotes and page sections read this many articles' text.
TEXT_SAMPLE = 5_000
#: From this many articles the text sample's people and quotations are read on a worker while the topics
#: are fitted and assigned (pandas engine). Below, fitting and assigning take less time than reading the sample in one
#: process (about 35 CPU-s for 5,000 BBC-sentence articles), and the report would wait for it (100,000
#: articles, Dask: 67.7 -> 79.8 s; 1,000,000, pandas: fit, assignment and people 175.0 -> 152.2 s).
READ_MEANWHILE_FROM = 400_000


@dataclass(frozen=True)
class ReportSizes:
    """The sizes beyond which the report samples: one object, passed from the command to the notebook.

    The defaults suit archives of any size; tests pass small ones to take the sampled paths on a corpus
    of a thousand articles.

    Attributes:
        sample_size: beyond this many articles the clusters are fitted on a sample and every article is
            assigned (:func:`analysis.topics.sampled.fit_sampled`), and the corpus is read without bodies.
        map_points: the map draws at most this many articles.
        text_sample: on a corpus read without bodies, the people, quotes and page sections read this many.
        read_meanwhile_from: from this many articles (read without bodies) the text sample is read on a
            worker while the topics are fitted (:func:`analysis.report.data.report_data`).
        full_table_max: up to this many articles every article is listed; beyond, each cluster's
            representatives, with the full table as a CSV file beside the report.
    """

    sample_size: int = SAMPLE_SIZE
    map_points: int = MAP_POINTS
    text_sample: int = TEXT_SAMPLE
    full_table_max: int = FULL_TABLE_MAX
    read_meanwhile_from: int = READ_MEANWHILE_FROM

    @classmethod
    def of(cls, given: ReportSizes | Mapping[str, int] | None) -> ReportSizes:
        """The sizes given (an object, or a dict of some of them as papermill passes it), checked."""
        if isinstance(given, ReportSizes):
            return given
        unknown = set(given or {}) - set(cls.__dataclass_fields__)
        if unknown:
            raise ParameterError(
                f"unknown report size(s) {sorted(unknown)}; the sizes are "
                f"{', '.join(cls.__dataclass_fields__)}"
            )
        limits = cls(**dict(given or {}))
        for name, value in asdict(limits).items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ParameterError(
                    f"the report size {name} must be a whole number >= 1, got {value!r}"
                )
        return limits

    def changed(self) -> dict[str, int]:
        """The sizes that differ from the defaults (what the command passes to the notebook)."""
        default = ReportSizes()
        return {k: v for k, v in asdict(self).items() if getattr(default, k) != v}
