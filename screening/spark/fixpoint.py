"""The aggregating rule (OFAC, EU) as DataFrame rounds, for graphs too large to collect.

Blocked is the least fixpoint of ``F(S) = D ∪ {e : Σ pct(o, e), o ∈ S, o ≠ e ≥ T}`` (EU: ∪ the
entities controlled by a member of ``S``). Each round joins the holdings with the *whole* current
blocked set and sums, per owned entity, over every blocked owner; an entity whose sum meets the
threshold joins the set; the rounds stop when the set no longer grows. Summing only the owners
blocked in the last round (a plain recursive query) would miss an entity that reaches 50% from
owners blocked in different rounds (FAQ 401: X holds 10% of B directly and 40% through A).

The same is run twice, as the exact engine does (:mod:`screening.ownership.fixpoint`): on lower
bounds (blocked), then from that set on upper bounds (possibly blocked). Percentages are exact
decimals, and an open range end ("more than 25") counts as its bound plus an infinitesimal,
which only decides a sum that lands exactly on the threshold.

Rounds are as many as the longest chain of blocking plus one; each costs a join, an aggregation
and a checkpoint (the lineage is cut every round so that plans do not grow).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import BooleanType, DateType, StringType, StructField, StructType

from screening.ownership.regime import BLOCKED, Regime
from screening.ownership.seeds import Designation
from screening.spark._edges import read_edge
from screening.spark.fixpoint_explain import explanations
from screening.spark.ownership import BLOCKED_SCHEMA, SHARE_TYPE

__all__ = ["PARSED_SCHEMA", "iterative_blocked"]

log = logging.getLogger(__name__)

PARSED_SCHEMA = StructType(
    [
        StructField("holder", StringType()),
        StructField("owned", StringType()),
        StructField("control", BooleanType()),
        StructField("lo", SHARE_TYPE),
        StructField("hi", SHARE_TYPE),
        StructField("lo_open", BooleanType()),
        StructField("hi_open", BooleanType()),
        StructField("known", BooleanType()),
        StructField("stake", StringType()),
        StructField("start", DateType()),
        StructField("end", DateType()),
        StructField("share_class", StringType()),
        StructField("problem", StringType()),
        StructField("percent_problem", StringType()),
    ]
)
_PLACES = Decimal("1e-10")  # SHARE_TYPE's scale


class _ParseEdges:
    """``mapInPandas`` function reading edge rows with :func:`read_edge` (pickled by reference)."""

    def __init__(self, columns: list[str]) -> None:
        self.columns = columns

    def __call__(self, batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            values = [batch[c].tolist() for c in self.columns]
            rows = [self._row(cells) for cells in zip(*values, strict=True)]
            yield pd.DataFrame(rows, columns=PARSED_SCHEMA.names)

    def _row(self, cells: tuple[Any, ...]) -> tuple[Any, ...]:
        try:
            row = read_edge(**dict(zip(self.columns, cells, strict=True)))
        except Exception as exc:  # reported on the driver, naming the edge
            return (*([None] * 12), str(exc), None)
        s = row.stake
        return (
            row.holder,
            row.owned,
            row.control,
            s.lo.quantize(_PLACES),
            s.hi.quantize(_PLACES),
            s.lo_open,
            s.hi_open,
            s.known,
            s.text(),
            row.start,
            row.end,
            row.share_class,
            None,
            row.percent_problem,
        )


def _meets(
    total: Column, opens: Column, threshold: Decimal, inclusive: bool, lower: bool
) -> Column:
    """Whether a sum of bounds with ``opens`` open ends meets the threshold (see store.EPS)."""
    t = F.lit(threshold).cast(SHARE_TYPE)
    if lower:  # each open lower end adds an infinitesimal
        return total >= t if inclusive else (total > t) | ((total == t) & (opens > 0))
    # each open upper end takes an infinitesimal away
    return (total > t) | ((total == t) & (opens == 0)) if inclusive else total > t


def _fixpoint(
    blocked: DataFrame,
    size: int,
    own: DataFrame,
    control: DataFrame | None,
    regime: Regime,
    lower: bool,
) -> tuple[DataFrame, int]:
    """The least blocked set containing ``blocked`` (``size`` distinct ids), and its size."""
    bound, open_end = ("lo", "lo_open") if lower else ("hi", "hi_open")
    rounds = 0
    while True:
        rounds += 1
        held = own.join(blocked, own.holder == blocked.id, "left_semi")
        sums = held.groupBy("owned").agg(
            F.sum(bound).alias("total"), F.sum(F.col(open_end).cast("int")).alias("opens")
        )
        meets = _meets(F.col("total"), F.col("opens"), regime.threshold, regime.inclusive, lower)
        grown = blocked.unionByName(sums.filter(meets).select(F.col("owned").alias("id")))
        if control is not None:
            led = control.join(blocked, control.holder == blocked.id, "left_semi")
            grown = grown.unionByName(led.select(F.col("owned").alias("id")))
        # cut the lineage every round; the count materialises the checkpoint (one job)
        grown = grown.distinct().localCheckpoint(eager=False)
        new_size = grown.count()
        if new_size == size:  # the set only grows, so an equal size is the same set
            log.info("%s bounds: fixpoint after %d rounds", "lower" if lower else "upper", rounds)
            return grown, size
        blocked, size = grown, new_size


def iterative_blocked(
    edges: DataFrame,
    columns: list[str],
    seeds: dict[str, Designation],
    regime: Regime,
    day: date,
    *,
    explain: bool,
) -> DataFrame:
    """``blocked_entities(..., method="iterative")``; see the module docstring.

    Raises:
        NotImplementedError: a per-person regime (UK): its rule compares each designated
            person's group alone, which these rounds do not model.
        OwnershipError: an edge row that cannot be a holding (the first one found).
    """
    from screening.errors import OwnershipError

    if not regime.aggregate:
        raise NotImplementedError(
            f"the iterative fallback implements aggregating regimes (OFAC, EU), not "
            f"{regime.name}'s per-person rule; use method='collect'"
        )
    spark = edges.sparkSession
    parsed = edges.select(columns).mapInPandas(_ParseEdges(columns), PARSED_SCHEMA)
    parsed = parsed.localCheckpoint(eager=False)
    (check,) = parsed.agg(
        F.first("problem", ignorenulls=True).alias("problem"),
        F.count("percent_problem").alias("unknown"),
        F.max(~F.col("control") & (F.col("lo") != F.col("hi"))).alias("imprecise"),
    ).collect()
    if check.problem is not None:
        raise OwnershipError(check.problem)
    unknown = check.unknown
    if unknown:
        log.warning("%d edges with an unreadable percentage kept as unknown shares", unknown)
    when = F.lit(day)
    valid = parsed.filter(
        (F.col("start").isNull() | (F.col("start") <= when))
        & (F.col("end").isNull() | (when < F.col("end")))
        & (F.col("holder") != F.col("owned"))  # self-ownership is ignored
    )
    # An identical repeated report counts once (screening.ownership.store): same holder, bounds,
    # window and share class.
    key = ["holder", "owned", "lo", "hi", "lo_open", "hi_open", "known", "start", "end"]
    own = (
        valid.filter(~F.col("control"))
        .dropDuplicates([*key, "share_class"])
        .select("holder", "owned", "lo", "hi", "lo_open", "hi_open", "stake")
        .localCheckpoint(eager=False)
    )
    control = None
    if regime.control_counts:
        control = valid.filter(F.col("control")).select("holder", "owned").distinct()
        control = control.localCheckpoint(eager=False)
    propagating: list[str] = []
    fixed: list[str] = []
    for party, designation in sorted(seeds.items()):
        if designation.in_force(day):
            labels = regime.labels(designation.programs)
            if BLOCKED in labels:
                (propagating if labels[BLOCKED] else fixed).append(party)
    seed_df = spark.createDataFrame([(p,) for p in propagating], "id string")
    lower, size = _fixpoint(seed_df, len(propagating), own, control, regime, lower=True)
    upper = lower
    if check.imprecise:  # without ranges or unknown shares the upper bounds are the lower ones
        upper, _ = _fixpoint(lower, size, own, control, regime, lower=False)
    blocked = lower.unionByName(spark.createDataFrame([(p,) for p in fixed], "id string"))
    blocked = blocked.distinct()
    possibly = upper.join(blocked, "id", "left_anti")
    status = blocked.withColumn("status", F.lit("blocked")).unionByName(
        possibly.withColumn("status", F.lit("possibly_blocked"))
    )
    shares = (
        own.join(lower, own.holder == lower.id, "left_semi")
        .groupBy("owned")
        .agg(F.sum("lo").cast(SHARE_TYPE).alias("share"))
    )
    result = status.join(shares, status.id == shares.owned, "left").select(
        F.col("id").alias("entity"),
        "status",
        F.coalesce(F.col("share"), F.lit(Decimal(0)).cast(SHARE_TYPE)).alias("share"),
    )
    if explain:
        text = explanations(spark, result, own, control, seeds, regime, day)
        result = result.join(text, "entity", "left")
    else:
        result = result.withColumn("explanation", F.lit(None).cast(StringType()))
    return result.select(*[F.col(f.name).cast(f.dataType) for f in BLOCKED_SCHEMA.fields])
