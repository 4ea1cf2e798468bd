"""Screening and the 50 Percent Rule on Spark DataFrames (optional extra ``screening[spark]``).

    customers DataFrame --screen_dataframe--> one row per input row (CLEAR / ERROR) or per hit
    edges + seeds DataFrames --blocked_entities--> (entity, status, share, explanation)

The compiled list index is built and verified on the driver, then broadcast once as the bytes
of a saved index; each Python worker loads it once (:mod:`screening.spark._index`). Nothing here
is imported by the rest of the library, so ``import screening`` never needs pyspark.
"""

from __future__ import annotations

try:
    import pyspark  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "screening.spark needs pyspark, pandas and pyarrow: pip install 'screening[spark]'"
    ) from exc

from screening.spark.ownership import BLOCKED_SCHEMA, blocked_entities
from screening.spark.screen import CLEAR, ERROR, HIT, screen_dataframe, screened_schema

__all__ = [
    "BLOCKED_SCHEMA",
    "CLEAR",
    "ERROR",
    "HIT",
    "blocked_entities",
    "screen_dataframe",
    "screened_schema",
]
