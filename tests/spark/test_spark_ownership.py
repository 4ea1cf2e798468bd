"""blocked_entities in local mode: the collect path equals OwnershipGraph.blocked, and the
iterative DataFrame fallback equals the collect path (OFAC FAQ 401, cycles, ranges, dates,
control, programs, random graphs).

Spark jobs cost a fixed ~0.1-0.3 s each and the fallback runs several per round, so the named
cases below share one run per regime: their ids are prefixed with the case name, the graphs are
disjoint, and each test reads its own case from the shared result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyspark.sql import DataFrame, SparkSession

from screening import Designation, OwnershipError, OwnershipGraph
from screening.ownership.stakes import parse_stake
from screening.spark import blocked_entities

pytestmark = pytest.mark.spark

AS_OF = date(2024, 6, 1)
EDGE_SCHEMA = (
    "owner string, owned string, percent string, start date, end date, kind string, "
    "share_class string, held_for string"
)
SEED_SCHEMA = "id string, programs string, start string, end string"
Edge = tuple[Any, ...]
Seed = tuple[str, str | None, str | None, str | None]
Row = tuple[str, str, Decimal]

CASES: dict[str, tuple[list[Edge], list[Seed]]] = {
    "faq401": (
        [
            # 1: X owns 50% of A, A owns 50% of B: A and B are blocked.
            ("X1", "A1", "50"),
            ("A1", "B1", "50"),
            # 2: X owns 50% of A and 10% of B, A owns 40% of B: B is blocked (10 + 40), which
            # a round summing only the owners blocked in the previous round would miss.
            ("X2", "A2", "50"),
            ("X2", "B2", "10"),
            ("A2", "B2", "40"),
            # 3: X owns 25% of A and of B; A and B own 50% of C each: none is blocked.
            ("X3", "A3", "25"),
            ("X3", "B3", "25"),
            ("A3", "C3", "50"),
            ("B3", "C3", "50"),
        ],
        [("X1", None, None, None), ("X2", None, None, None), ("X3", None, None, None)],
    ),
    "cycles": (
        [
            ("C1", "C2", "60"),  # a cross-holding with no blocked owner outside blocks nothing
            ("C2", "C1", "60"),
            ("S", "D1", "50"),  # reached from outside, the whole cycle is blocked
            ("D1", "D2", "60"),
            ("D2", "D1", "40"),
            ("S", "E1", "30"),  # 30% plus a holding by an unblocked member is not enough
            ("E1", "E2", "40"),
            ("E2", "E1", "40"),
        ],
        [("S", None, None, None)],
    ),
    "stakes": (
        [
            ("S", "P", "(25, 50]"),  # more than 25, plus 25: more than 50
            ("T", "P", "25"),
            ("S", "Q", "[0, 25)"),  # two "less than 25" never reach 50, not even possibly
            ("T", "Q", "[0, 25)"),
            ("S", "R", None),  # unknown share: possibly blocked
            ("S", "Z", "bad"),  # unreadable: kept as an unknown share
            ("S", "U", "50", None, date(2020, 1, 1)),  # divested before as_of (FAQ 402)
            ("S", "V", "50", date(2025, 1, 1)),  # not yet held on as_of
            ("S", "W", "30"),  # the same report twice counts once
            ("S", "W", "30"),
            ("S", "W2", "30", None, None, None, "A"),  # two share classes add up
            ("S", "W2", "30", None, None, None, "B"),
            ("N", "Y", "50", None, None, None, None, "S"),  # held by nominee N for S
            ("S", "S", "100"),  # self-ownership is ignored
            ("S", "F", "more than 50% but less than 75%"),
            ("F", "G", "33.3333333333"),
            ("T", "G", "16.6666666667"),
        ],
        [("S", None, None, None), ("T", None, None, None)],
    ),
    "control": (
        [
            ("Y", "C", None, None, None, "control"),  # blocks under EU, not OFAC (FAQ 398)
            ("C", "D", "50"),
            ("Y", "E", "50", None, None, "control"),  # a control row's percent is not ownership
        ],
        [("Y", None, None, None)],
    ),
    "programs": (
        [("M", "N", "100"), ("K", "L", "100"), ("J", "H", "60")],
        [
            ("M", "CMIC-EO13959", None, None),  # NS-CMIC listings do not propagate
            ("K", "SDGT", None, "2020-01-01"),  # delisted before as_of
            ("J", "SDGT; IRAN", None, None),  # repeated ids merge their programs
            ("J", "UKRAINE-EO13662", None, None),
        ],
    ),
}


def _padded(row: Edge) -> Edge:
    return tuple(row) + (None,) * (8 - len(row))


def combined() -> tuple[list[Edge], list[Seed]]:
    """Every case in one disjoint graph, ids prefixed ``case:``."""
    edges: list[Edge] = []
    seeds: list[Seed] = []
    for case, (rows, listed) in CASES.items():
        for row in map(_padded, rows):
            owner, owned, *rest = row
            held_for = rest[-1] and f"{case}:{rest[-1]}"
            edges.append((f"{case}:{owner}", f"{case}:{owned}", *rest[:-1], held_for))
        seeds += [(f"{case}:{party}", *more) for party, *more in listed]
    return edges, seeds


def engine(rows: list[Edge], seeds: dict[str, Designation], regime: str) -> set[Row]:
    """The pure-Python path: the rows added to an OwnershipGraph as the CSV reader would (an
    unreadable percentage becomes an unknown share)."""
    graph = OwnershipGraph()
    for owner, owned, percent, start, end, kind, share_class, held_for in map(_padded, rows):
        if kind == "control":
            graph.add_control(owner, owned, start=start, end=end)
            continue
        try:
            parse_stake(percent)
        except OwnershipError:
            percent = None
        graph.add_edge(
            owner, owned, percent, start=start, end=end, share_class=share_class, held_for=held_for
        )
    report = graph.blocked(seeds, regime=regime, as_of=AS_OF)
    return {
        (p, report.status(p), report.share(p)) for p in report.blocked | report.possibly_blocked
    }


def designations(seeds: list[Seed]) -> dict[str, Designation]:
    found: dict[str, Designation] = {}
    for party, programs, start, end in seeds:
        listed = tuple(p.strip() for p in (programs or "").split(";") if p.strip())
        previous = found.get(party, Designation())
        window = (start and date.fromisoformat(start), end and date.fromisoformat(end))
        found[party] = Designation(tuple(dict.fromkeys(previous.programs + listed)), *window)
    return found


def rows_of(frame: DataFrame) -> set[Row]:
    return {(r.entity, r.status, r.share) for r in frame.collect()}


@dataclass
class Run:
    collect: set[Row]
    iterative: set[Row]
    engine: set[Row]
    explanations: dict[str, str]
    iterative_explanations: dict[str, str]

    def case(self, name: str) -> set[Row]:
        """One case's rows (prefix removed), after checking that all three paths agree."""
        assert self.collect == self.engine
        assert self.iterative == self.collect
        prefix = f"{name}:"
        return {(e.removeprefix(prefix), s, v) for e, s, v in self.collect if e.startswith(prefix)}


def run(spark: SparkSession, edges: list[Edge], seeds: list[Seed], regime: str) -> Run:
    frame = spark.createDataFrame([_padded(e) for e in edges], EDGE_SCHEMA)
    seeds_df = spark.createDataFrame(seeds, SEED_SCHEMA)
    collect = blocked_entities(frame, seeds_df, regime=regime, as_of=AS_OF).collect()
    iterative = blocked_entities(
        frame, seeds_df, regime=regime, as_of=AS_OF, method="iterative"
    ).collect()
    return Run(
        collect={(r.entity, r.status, r.share) for r in collect},
        iterative={(r.entity, r.status, r.share) for r in iterative},
        engine=engine(edges, designations(seeds), regime),
        explanations={r.entity: r.explanation for r in collect},
        iterative_explanations={r.entity: r.explanation for r in iterative},
    )


@pytest.fixture(scope="module")
def ofac(spark: SparkSession) -> Run:
    return run(spark, *combined(), regime="OFAC")


@pytest.fixture(scope="module")
def eu(spark: SparkSession) -> Run:
    return run(spark, *combined(), regime="EU")


def blocked(rows: set[Row]) -> set[str]:
    return {entity for entity, status, _ in rows if status == "blocked"}


def test_ofac_faq_401_examples(ofac: Run) -> None:
    rows = ofac.case("faq401")
    assert blocked(rows) == {"X1", "A1", "B1", "X2", "A2", "B2", "X3"}
    assert ("B2", "blocked", Decimal(50)) in rows
    assert {entity for entity, _, _ in rows} == blocked(rows)


def test_cycles(ofac: Run) -> None:
    rows = ofac.case("cycles")
    assert blocked(rows) == {"S", "D1", "D2"}
    assert ("D1", "blocked", Decimal(90)) in rows  # every blocked owner counts in the share


def test_ranges_unknown_shares_dates_duplicates_nominees(ofac: Run) -> None:
    rows = ofac.case("stakes")
    assert blocked(rows) == {"S", "T", "P", "W2", "Y", "F", "G"}
    assert {entity for entity, status, _ in rows if status == "possibly_blocked"} == {"R", "Z"}
    assert ("G", "blocked", Decimal(50)) in rows


def test_control_counts_under_eu_not_ofac(ofac: Run, eu: Run) -> None:
    assert blocked(eu.case("control")) == {"Y", "C", "D", "E"}
    assert blocked(ofac.case("control")) == {"Y"}
    assert eu.case("faq401") == ofac.case("faq401")


def test_programs_and_designation_windows(ofac: Run) -> None:
    assert ofac.case("programs") == {("J", "blocked", Decimal(0)), ("H", "blocked", Decimal(60))}


def test_explanations(ofac: Run) -> None:
    graph = OwnershipGraph()
    for owner, owned, percent in CASES["faq401"][0][2:5]:
        graph.add_edge(f"faq401:{owner}", f"faq401:{owned}", percent)
    report = graph.blocked({"faq401:X2"}, as_of=AS_OF)
    assert ofac.explanations["faq401:B2"] == report.explain("faq401:B2").text()
    assert ofac.explanations["programs:J"].endswith("listed (SDGT, IRAN, UKRAINE-EO13662)")
    # the fallback explains one level: the entity's own holdings by blocked owners
    assert ofac.iterative_explanations["faq401:B2"] == (
        "faq401:B2: blocked under OFAC (threshold >= 50%, as of 2024-06-01)\n"
        "  10% held by faq401:X2\n"
        "  40% held by faq401:A2"
    )
    assert ofac.iterative_explanations["stakes:R"] == (
        "stakes:R: possibly_blocked under OFAC (threshold >= 50%, as of 2024-06-01)\n"
        "  an unknown share held by stakes:S"
    )


def test_uk_needs_the_collect_path(spark: SparkSession) -> None:
    frame = spark.createDataFrame(
        [("X", "B", "30"), ("Y", "B", "30")], "owner string, owned string, percent string"
    )
    assert blocked(rows_of(blocked_entities(frame, {"X", "Y"}, regime="UK"))) == {"X", "Y"}
    with pytest.raises(NotImplementedError, match="per-person"):
        blocked_entities(frame, {"X", "Y"}, regime="UK", method="iterative")


@pytest.mark.parametrize("method", ["collect", "iterative"])
def test_bad_edges_raise(spark: SparkSession, method: Any) -> None:
    def frame(*rows: Edge) -> DataFrame:
        return spark.createDataFrame([_padded(r) for r in rows], EDGE_SCHEMA)

    floats = spark.createDataFrame([("X", "A", 50.0)], "owner string, owned string, percent double")
    with pytest.raises(OwnershipError, match="floats are not exact"):
        blocked_entities(floats, {"X"}, method=method)
    with pytest.raises(OwnershipError, match="owner id must be a non-empty str"):
        blocked_entities(frame(("X", "A", "50"), (None, "A", "10")), {"X"}, method=method)
    with pytest.raises(OwnershipError, match="not after start"):
        bad_window = ("X", "A", "50", date(2024, 1, 1), date(2023, 1, 1))
        blocked_entities(frame(bad_window), {"X"}, method=method)
    with pytest.raises(OwnershipError, match="lack column"):
        blocked_entities(frame().drop("percent"), {"X"}, method=method)


PERCENTS = [
    "10",
    "25",
    "40",
    "50",
    "60",
    "100",
    "33.3333333333",
    "(25, 50]",
    "[0, 25)",
    "25-50",
    "more than 50% but less than 75%",
    None,
]
NODES = [f"n{i}" for i in range(10)]


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[Edge], list[Seed]]:
    rows: list[Edge] = []
    for _ in range(draw(st.integers(1, 30))):
        owner, owned = draw(st.sampled_from(NODES)), draw(st.sampled_from(NODES))
        percent = draw(st.sampled_from(PERCENTS))
        end = draw(st.sampled_from([None, None, None, date(2020, 1, 1)]))
        kind = draw(st.sampled_from([None, None, None, None, "control"]))
        rows.append((owner, owned, percent, None, end, kind))
    seeds = draw(st.sets(st.sampled_from(NODES), min_size=1, max_size=3))
    return rows, [(s, None, None, None) for s in sorted(seeds)]


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=graphs(), regime=st.sampled_from(["OFAC", "EU"]))
def test_iterative_equals_collect_on_random_graphs(
    spark: SparkSession, graph: tuple[list[Edge], list[Seed]], regime: str
) -> None:
    result = run(spark, *graph, regime=regime)
    assert result.collect == result.engine
    assert result.iterative == result.collect
