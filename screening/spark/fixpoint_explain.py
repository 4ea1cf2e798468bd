"""One-level explanations for the iterative fallback: each entity's holdings by blocked (or
possibly blocked) owners and its control by blocked persons, as text.

The exact engine explains a status down to the listed persons; the DataFrame rounds keep no
blocking order, so here each entity names only its own blocked owners, each of which has its own
row. The text follows :meth:`OwnershipExplanation.text`'s wording::

    B: blocked under OFAC (threshold >= 50%, as of 2024-06-01)
      10% held by X
      40% held by A
"""

from __future__ import annotations

from datetime import date

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from screening.ownership.regime import BLOCKED, Regime
from screening.ownership.seeds import Designation

__all__ = ["explanations"]


def explanations(
    spark: SparkSession,
    result: DataFrame,
    own: DataFrame,
    control: DataFrame | None,
    seeds: dict[str, Designation],
    regime: Regime,
    day: date,
) -> DataFrame:
    """``(entity, explanation)`` for every row of ``result`` (``entity``, ``status``)."""
    owners = result.select(F.col("entity").alias("holder"), F.col("status").alias("by"))
    possibly = F.when(F.col("by") == "possibly_blocked", F.lit(" (possibly blocked)"))
    stake = F.when(F.col("stake") == "unknown", F.lit("an unknown share")).otherwise(
        F.concat(F.col("stake"), F.lit("%"))
    )
    lines = own.join(owners, "holder").select(
        F.col("owned").alias("entity"),
        F.concat_ws("", stake, F.lit(" held by "), F.col("holder"), possibly).alias("line"),
    )
    if control is not None:
        led = control.join(owners, "holder").select(
            F.col("owned").alias("entity"),
            F.concat_ws("", F.lit("controlled by "), F.col("holder"), possibly).alias("line"),
        )
        lines = lines.unionByName(led)
    listed = [
        (party, f"listed ({', '.join(d.programs)})" if d.programs else "listed")
        for party, d in sorted(seeds.items())
        if d.in_force(day) and BLOCKED in regime.labels(d.programs)
    ]
    if listed:
        lines = lines.unionByName(spark.createDataFrame(listed, "entity string, line string"))
    grouped = lines.groupBy("entity").agg(F.array_sort(F.collect_list("line")).alias("lines"))
    op = ">=" if regime.inclusive else ">"
    threshold = format(regime.threshold.normalize(), "f")
    head = F.concat(
        F.col("entity"),
        F.lit(": "),
        F.col("status"),
        F.lit(f" under {regime.name} (threshold {op} {threshold}%, as of {day.isoformat()})"),
    )
    lines_or_none = F.coalesce(F.col("lines"), F.array())
    body = F.transform(lines_or_none, lambda line: F.concat(F.lit("  "), line))
    return result.join(grouped, "entity", "left").select(
        "entity", F.array_join(F.concat(F.array(head), body), "\n").alias("explanation")
    )
