"""OFAC's 50 Percent Rule on the examples of OFAC's FAQs 398-402 and on the hard cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from screening import OwnershipGraph


def graph(*edges: tuple[str, str, str | None]) -> OwnershipGraph:
    g = OwnershipGraph()
    for owner, owned, percent in edges:
        g.add_edge(owner, owned, percent)
    return g


def test_faq_401_example_1_chain() -> None:
    report = graph(("X", "A", "50"), ("A", "B", "50")).blocked({"X"})
    assert report.blocked == {"X", "A", "B"}


def test_faq_401_example_2_two_blocked_subsidiaries_add_up() -> None:
    g = graph(("X", "A", "50"), ("X", "B", "50"), ("A", "C", "25"), ("B", "C", "25"))
    assert g.blocked({"X"}).blocked == {"X", "A", "B", "C"}


def test_faq_401_example_3_direct_and_indirect_add_up() -> None:
    g = graph(("X", "A", "50"), ("X", "B", "10"), ("A", "B", "40"))
    report = g.blocked({"X"})
    assert report.is_blocked("B") and report.share("B") == 50


def test_faq_401_example_4_nothing_counts_through_an_entity_not_blocked() -> None:
    g = graph(("X", "A", "25"), ("X", "B", "25"), ("A", "C", "50"), ("B", "C", "50"))
    report = g.blocked({"X"})
    assert report.blocked == {"X"}
    assert report.status("C") == "not_blocked" and report.share("C") == 0
    # no multiplication down the chain: A and B are 25% owned, so they and C are near misses
    assert report.near_misses(25) == [("A", Decimal(25)), ("B", Decimal(25))]


def test_faq_399_holdings_of_different_blocked_persons_add_up_across_programs() -> None:
    g = graph(("X", "E", "25"), ("Y", "E", "25"))
    report = g.blocked({"X": ["SDGT"], "Y": ["UKRAINE-EO13662"]})
    assert report.is_blocked("E")


def test_exactly_fifty_blocks_and_just_below_does_not() -> None:
    assert graph(("X", "E", "50")).blocked({"X"}).is_blocked("E")
    assert not graph(("X", "E", "49.99")).blocked({"X"}).is_blocked("E")
    assert not graph(("X", "E", "49.9999999999")).blocked({"X"}).is_blocked("E")


def test_decimal_aggregation_is_exact() -> None:
    g = graph(("X", "E", "16.33"), ("Y", "E", "32.73"), ("Z", "E", "0.94"))
    report = g.blocked({"X", "Y", "Z"})
    assert report.is_blocked("E") and report.share("E") == Decimal("50")
    g = graph(("X", "E", "16.33"), ("Y", "E", "32.73"), ("Z", "E", "0.93"))
    assert not g.blocked({"X", "Y", "Z"}).is_blocked("E")


def test_more_decimals_arriving_later_rescale_exactly() -> None:
    g = graph(("X", "E", "25"), ("Y", "E", "24.9999999999"), ("Z", "E", "0.0000000001"))
    assert g.blocked({"X", "Y", "Z"}).share("E") == 50
    assert not g.blocked({"X", "Y"}).is_blocked("E")


def test_a_3000_link_chain_needs_no_recursion() -> None:
    g = graph(*((f"E{i}", f"E{i + 1}", "50") for i in range(3000)))
    report = g.blocked({"E0"})
    assert report.is_blocked("E3000") and len(report.blocked) == 3001
    steps = report.explain("E3000").steps
    assert len(steps) == 3001 and steps[0].entity == "E0" and steps[-1].entity == "E3000"
    assert len(report.explain("E3000").model_dump_json()) > 3000  # serialisable, not nested


def test_ungrounded_cycle_blocks_nothing() -> None:
    # A and B own each other fully, but no blocked person owns any of it: least fixpoint.
    g = graph(("A", "B", "60"), ("B", "A", "60"), ("X", "C", "10"))
    assert g.blocked({"X"}).blocked == {"X"}


def test_grounded_cycle_blocks_through_the_cycle() -> None:
    g = graph(("A", "B", "40"), ("B", "A", "40"), ("X", "A", "20"), ("X", "B", "10"))
    # X: 20% of A, 10% of B; neither reaches 50 until one of them is blocked. Not grounded.
    assert g.blocked({"X"}).blocked == {"X"}
    g.add_edge("X", "A", "10", share_class="B")  # X now 30% of A: still below
    assert g.blocked({"X"}).blocked == {"X"}
    g.add_edge("Y", "A", "20")  # X and Y: 50% of A -> A blocked -> B (40 + 10) blocked
    report = g.blocked({"X", "Y"})
    assert report.blocked == {"X", "Y", "A", "B"}
    assert [s.entity for s in report.explain("B").steps][-2:] == ["A", "B"]


def test_diamond_counts_each_path_once() -> None:
    g = graph(("X", "A", "100"), ("X", "B", "100"), ("A", "D", "25"), ("B", "D", "24.99"))
    report = g.blocked({"X"})
    assert not report.is_blocked("D") and report.share("D") == Decimal("49.99")
    steps = g.blocked({"X"}).explain("D").steps
    assert {s.entity for s in steps} == {"X", "A", "B", "D"}


def test_self_ownership_is_ignored_and_flagged() -> None:
    g = OwnershipGraph()
    assert g.add_edge("E", "E", "60") is False
    g.add_edge("X", "E", "40")
    assert not g.blocked({"X"}).is_blocked("E")
    assert [i.kind for i in g.issues] == ["self_ownership"]


def test_duplicate_reports_count_once_and_share_classes_add_up() -> None:
    g = OwnershipGraph()
    assert g.add_edge("X", "E", "30", source="registry.csv", line=2)
    assert not g.add_edge("X", "E", "30", source="filing.csv", line=7)
    assert not g.blocked({"X"}).is_blocked("E")
    issue = g.issues[0]
    assert (issue.kind, issue.source, issue.where) == ("duplicate", "filing.csv", 7)
    assert "registry.csv" in issue.message
    assert g.add_edge("X", "E", "30", share_class="preferred")  # a different class: adds up
    assert g.blocked({"X"}).share("E") == 60


def test_duplicates_found_among_many_owners() -> None:
    g = OwnershipGraph()
    for i in range(100):  # beyond the walk limit, the duplicate check uses an index
        g.add_edge(f"O{i}", "E", "0.5")
    assert not g.add_edge("O7", "E", "0.5")
    assert g.add_edge("O7", "E", "0.25")
    assert len(g) == 101


def test_nominee_holding_counts_for_the_beneficial_owner() -> None:
    g = OwnershipGraph()
    g.add_edge("Nominee Ltd", "E", "50", held_for="X")
    assert g.blocked({"X"}).is_blocked("E")
    assert not g.blocked({"Nominee Ltd"}).is_blocked("E")
    link = g.blocked({"X"}).explain("E").steps[-1].links[0]
    assert (link.owner, link.nominee) == ("X", "Nominee Ltd")


def test_control_does_not_block_under_ofac_but_does_under_eu_and_uk() -> None:
    g = graph(("X", "E", "10"))
    g.add_control("X", "E")
    assert not g.blocked({"X"}, regime="OFAC").is_blocked("E")  # FAQ 398
    for regime in ("EU", "UK"):
        report = g.blocked({"X"}, regime=regime)
        assert report.is_blocked("E")
        assert report.explain("E").steps[-1].reason == "controlled"


# ---- time ------------------------------------------------------------------------------------


def test_faq_402_divestment_below_fifty_unblocks() -> None:
    g = OwnershipGraph()
    g.add_edge("X", "E", "60", end="2024-03-01")
    g.add_edge("X", "E", "40", start="2024-03-01")
    assert g.blocked({"X"}, as_of="2024-02-29").is_blocked("E")
    assert not g.blocked({"X"}, as_of="2024-03-01").is_blocked("E")  # end date excluded
    link = g.blocked({"X"}, as_of=date(2023, 1, 1)).explain("E").steps[-1].links[0]
    assert link.end == date(2024, 3, 1) and link.start is None


def test_seed_validity_window_delisting() -> None:
    from screening import Designation

    g = graph(("X", "E", "50"))
    seeds = {"X": Designation(("SDGT",), start=date(2020, 1, 1), end=date(2023, 6, 1))}
    assert not g.blocked(seeds, as_of="2019-12-31").is_blocked("E")
    assert g.blocked(seeds, as_of="2022-01-01").blocked == {"X", "E"}
    assert g.blocked(seeds, as_of="2023-06-01").blocked == frozenset()


# ---- ranges and unknown stakes ---------------------------------------------------------------


def test_unknown_stake_makes_possibly_blocked() -> None:
    report = graph(("X", "E", None), ("E", "F", "80")).blocked({"X"})
    assert report.blocked == {"X"}
    assert report.possibly_blocked == {"E", "F"}
    assert report.status("F") == "possibly_blocked" and report.share("E") == 0


def test_ranges_three_valued() -> None:
    g = graph(("X", "E", "(25, 50]"), ("X", "F", "[50, 75]"), ("X", "G", "(10, 49.99]"))
    report = g.blocked({"X"})
    assert report.status("E") == "possibly_blocked"  # can be 50, need not be
    assert report.status("F") == "blocked"
    assert report.status("G") == "not_blocked"
    assert report.share("E") == 25  # the lower bound


def test_possibly_blocked_owners_count_with_their_upper_bounds() -> None:
    g = graph(("X", "A", None), ("A", "B", "30"), ("X", "B", "20"))
    report = g.blocked({"X"})
    assert report.status("B") == "possibly_blocked"  # 20 + 30 if A is blocked
    steps = report.explain("B").steps
    assert steps[-1].reason == "possibly_owned" and steps[-1].share == 50


def test_open_upper_ends_that_only_reach_fifty_cannot_block() -> None:
    # "less than 30" + "less than 20" never reaches 50; "at most 30" + "less than 20" neither.
    assert graph(("X", "E", "[0, 30)"), ("Y", "E", "[0, 20)")).blocked({"X", "Y"}).status("E") == (
        "not_blocked"
    )
    assert graph(("X", "E", "[0, 30]"), ("Y", "E", "[0, 20]")).blocked({"X", "Y"}).status("E") == (
        "possibly_blocked"
    )


def test_open_lower_end_meets_an_inclusive_threshold_only_by_its_bound() -> None:
    # more than 25 + more than 24.99 > 49.99 but may be below 50: not certain
    g = graph(("X", "E", "(25, 30]"), ("Y", "E", "(24.99, 30]"))
    assert g.blocked({"X", "Y"}).status("E") == "possibly_blocked"
    g = graph(("X", "E", "(25, 30]"), ("Y", "E", "[25, 30]"))
    assert g.blocked({"X", "Y"}).status("E") == "blocked"


def test_ofac_faq_examples_hold_on_every_edge_order() -> None:
    edges = [("X", "A", "50"), ("X", "B", "10"), ("A", "B", "40"), ("B", "C", "50")]
    expected = graph(*edges).blocked({"X"}).blocked
    for rotation in range(len(edges)):
        assert graph(*(edges[rotation:] + edges[:rotation])).blocked({"X"}).blocked == expected


@pytest.mark.parametrize("as_of", ["2024-01-01", date(2024, 1, 1)])
def test_as_of_accepts_dates_and_iso_strings(as_of: str | date) -> None:
    assert graph(("X", "E", "50")).blocked({"X"}, as_of=as_of).as_of == date(2024, 1, 1)


def test_explanation_of_a_cycle_names_only_owners_blocked_earlier() -> None:
    # A is blocked by X alone; B (blocked later, through A) also holds 30% of A.
    g = graph(("X", "A", "50"), ("A", "B", "60"), ("B", "A", "30"))
    report = g.blocked({"X"})
    assert report.share("A") == 80  # every blocked owner counts in the share...
    steps = report.explain("A").steps
    assert [s.entity for s in steps] == ["X", "A"]  # ...but B depends on A: not a reason
    assert [link.owner for link in steps[-1].links] == ["X"]


def test_open_ends_stay_infinitesimal_when_more_decimals_arrive() -> None:
    g = graph(("X", "E", "(25, 30]"), ("Y", "E", "[0, 20)"))
    g.add_edge("Z", "E", "0.0000000001")  # rescales every key by 10**10
    report = g.blocked({"X", "Y"})
    assert report.share("E") == 25
    link = report.explain("E").steps[-1].links[0]
    assert (link.stake, link.lower, link.upper) == ("(25, 30]", 25, 30)
    assert g.blocked({"X", "Y"}, regime="UK").status("E") == "not_blocked"  # X alone: < 50
