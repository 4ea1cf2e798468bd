"""``blocked_entities``: the 50 Percent Rule over ownership edges held in Spark DataFrames.

By default the edges are collected to the driver as Arrow and the exact single-machine engine
(:meth:`OwnershipGraph.blocked`) runs there (``benchmarks/bench_ownership.py``: 10.1 million
holdings in 1.4 s, 2.3 GB peak), so the edges and the graph must fit in the driver's memory.
For graphs that cannot be collected, ``method="iterative"`` computes the same statuses and
shares with DataFrame joins (:mod:`screening.spark.fixpoint`).
"""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal
from typing import Literal

from pyspark.sql import DataFrame
from pyspark.sql.types import DecimalType, StringType, StructField, StructType

from screening.ownership.graph import OwnershipGraph
from screening.ownership.regime import Regime
from screening.ownership.seeds import Designation, Seeds
from screening.ownership.store import ordinal
from screening.spark._edges import edge_columns, read_edge, read_seeds

__all__ = ["BLOCKED_SCHEMA", "SHARE_TYPE", "blocked_entities"]

log = logging.getLogger(__name__)

# Percentages have at most 10 decimal places (screening.ownership.stakes.MAX_DECIMALS); 28
# integer digits hold any sum of them.
SHARE_TYPE = DecimalType(38, 10)
BLOCKED_SCHEMA = StructType(
    [
        StructField("entity", StringType(), False),
        StructField("status", StringType(), False),
        StructField("share", SHARE_TYPE, False),
        StructField("explanation", StringType(), True),
    ]
)


def blocked_entities(
    edges: DataFrame,
    seeds: DataFrame | Seeds,
    *,
    regime: str | Regime = "OFAC",
    as_of: date | str | None = None,
    method: Literal["collect", "iterative"] = "collect",
    explain: bool = True,
) -> DataFrame:
    """Entities blocked or possibly blocked by ownership (seeds included), as a DataFrame.

    Args:
        edges: holdings, columns ``owner``, ``owned``, ``percent`` and optionally ``start``,
            ``end``, ``kind``, ``share_class``, ``held_for`` (see :mod:`screening.spark._edges`).
        seeds: the blocked persons: a DataFrame with ``id`` and optionally ``programs``,
            ``start``, ``end``; or ids, ``{id: programs}``, watchlists.
        regime: ``"OFAC"``, ``"EU"``, ``"UK"`` or a :class:`~screening.Regime`.
        as_of: the date whose holdings and designations count (default: today).
        method: ``"collect"`` (the exact engine on the driver) or ``"iterative"`` (DataFrame
            rounds, for graphs too large to collect; aggregating regimes only).
        explain: fill ``explanation``: the full chain down to the listed persons (``collect``),
            or the entity's own holdings by blocked owners, one level (``iterative``).

    Returns:
        Rows ``(entity, status, share, explanation)`` with :data:`BLOCKED_SCHEMA`: ``status``
        is ``blocked`` or ``possibly_blocked``; ``share`` is the percentage held by blocked
        owners together (lower bounds; UK: the largest held by one designated person's group).

    Raises:
        OwnershipError: a missing column, a float ``percent`` column, an edge row that cannot
            be a holding, a bad seed.
        NotImplementedError: ``method="iterative"`` with a per-person regime (UK).
    """
    rule = Regime.named(regime)
    day = date.fromordinal(ordinal(as_of, date.today().toordinal(), "as_of"))
    columns = edge_columns(edges)
    designations = read_seeds(seeds)
    spark = edges.sparkSession
    if method == "iterative":
        from screening.spark.fixpoint import iterative_blocked

        return iterative_blocked(edges, columns, designations, rule, day, explain=explain)
    if method != "collect":
        raise ValueError(f"method must be 'collect' or 'iterative', got {method!r}")
    graph = collect_graph(edges, columns)
    rows = blocked_rows(graph, designations, rule, day, explain=explain)
    return spark.createDataFrame(rows, BLOCKED_SCHEMA)


def collect_graph(edges: DataFrame, columns: list[str]) -> OwnershipGraph:
    """Collect ``edges`` as Arrow record batches and build the graph on the driver."""
    graph = OwnershipGraph()
    unknown = 0
    for batch in edges.select(columns).toArrow().to_batches():
        values = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
        for cells in zip(*values, strict=True):
            row = read_edge(**dict(zip(columns, cells, strict=True)))
            if row.control:
                graph.add_control(row.owner, row.owned, start=row.start, end=row.end)
                continue
            if row.percent_problem is not None:
                unknown += 1
                if unknown <= 10:
                    log.warning("%s; kept as a holding of unknown share", row.percent_problem)
            graph.add_edge(
                row.owner,
                row.owned,
                row.stake,
                start=row.start,
                end=row.end,
                share_class=row.share_class,
                held_for=row.held_for,
            )
    if unknown:
        log.warning("%d edges with an unreadable percentage kept as unknown shares", unknown)
    return graph


def blocked_rows(
    graph: OwnershipGraph,
    seeds: dict[str, Designation],
    regime: Regime,
    day: date,
    *,
    explain: bool,
) -> list[tuple[str, str, Decimal, str | None]]:
    """``(entity, status, share, explanation)`` for every entity blocked or possibly blocked."""
    report = graph.blocked(seeds, regime=regime, as_of=day)
    return [
        (
            party,
            report.status(party),
            report.share(party),
            report.explain(party).text() if explain else None,
        )
        for party in sorted(report.blocked | report.possibly_blocked)
    ]
