"""OFAC, EU and UK ownership rules, and the per-program propagation rules."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from screening import OwnershipGraph, Regime


def graph(*edges: tuple[str, str, str | None]) -> OwnershipGraph:
    g = OwnershipGraph()
    for owner, owned, percent in edges:
        g.add_edge(owner, owned, percent)
    return g


def test_three_regimes_three_answers_on_one_graph() -> None:
    g = graph(("X", "E", "30"), ("Y", "E", "20"), ("X", "H", "50"), ("X", "F", "5"))
    g.add_control("X", "F")
    seeds = {"X", "Y"}
    assert g.blocked(seeds, regime="OFAC").blocked == {"X", "Y", "E", "H"}
    assert g.blocked(seeds, regime="EU").blocked == {"X", "Y", "E", "H", "F"}
    # UK: more than 50%, no aggregation of X and Y, control counts
    assert g.blocked(seeds, regime="UK").blocked == {"X", "Y", "F"}


def test_uk_indirect_holdings_through_an_owned_entity_are_the_persons_own() -> None:
    # P holds 60% of A, so A's 30% of B is held by P indirectly: 30 + 30 = 60 > 50.
    g = graph(("P", "A", "60"), ("A", "B", "30"), ("P", "B", "30"))
    report = g.blocked({"P"}, regime="UK")
    assert report.blocked == {"P", "A", "B"} and report.share("B") == 60
    steps = report.explain("B").steps
    assert [s.entity for s in steps] == ["P", "A", "B"]
    assert {link.owner for link in steps[-1].links} == {"P", "A"}


def test_uk_does_not_aggregate_different_designated_persons() -> None:
    g = graph(("P", "E", "30"), ("Q", "E", "30"))
    uk = g.blocked({"P", "Q"}, regime="UK")
    assert uk.status("E") == "not_blocked" and uk.share("E") == 30  # the largest single group
    assert uk.near_misses(25) == [("E", Decimal(30))]
    assert g.blocked({"P", "Q"}, regime="OFAC").is_blocked("E")


def test_uk_a_designated_person_inside_another_group() -> None:
    # Q is designated and also 60% owned by P: Q's group is inside P's; R is in both.
    g = graph(("P", "Q", "60"), ("Q", "R", "60"), ("P", "S", "30"), ("Q", "S", "30"))
    report = g.blocked({"P", "Q"}, regime="UK")
    assert report.blocked == {"P", "Q", "R", "S"}  # S: 30 + 30 within P's group
    assert [(s.entity, s.reason) for s in report.explain("Q").steps] == [("Q", "listed")]
    assert [s.entity for s in report.explain("S").steps] == ["P", "Q", "S"]  # Q in P's group
    assert g.blocked({"Q"}, regime="UK").blocked == {"Q", "R"}


def test_uk_joint_arrangement_combines_the_members_holdings() -> None:
    g = graph(("X", "D", "30"), ("Z", "D", "25"))
    assert not g.blocked({"X"}, regime="UK").is_blocked("D")
    g.add_joint_arrangement({"X", "Z"}, "D")
    report = g.blocked({"X"}, regime="UK")
    assert report.is_blocked("D") and report.share("D") == 55
    links = report.explain("D").steps[-1].links
    assert {(link.owner, link.kind) for link in links} == {("X", "joint"), ("Z", "joint")}
    assert report.explain("D").steps[-1].reason == "owned"
    # only the UK rule has joint arrangements; OFAC counts blocked holders only
    assert not g.blocked({"X"}, regime="OFAC").is_blocked("D")


def test_uk_psc_bands_against_the_strict_threshold() -> None:
    g = graph(("X", "E", "ownership-of-shares-50-to-75-percent"))
    g.add_edge("X", "F", "ownership-of-shares-25-to-50-percent")
    uk = g.blocked({"X"}, regime="UK")
    ofac = g.blocked({"X"}, regime="OFAC")
    # "more than 50%" is more than 50: blocked under both
    assert uk.status("E") == ofac.status("E") == "blocked"
    # "not more than 50%" can never be more than 50 (UK), but can be 50 (OFAC)
    assert uk.status("F") == "not_blocked"
    assert ofac.status("F") == "possibly_blocked"


def test_uk_upper_bound_groups_give_possibly_blocked() -> None:
    g = graph(("P", "A", None), ("A", "B", "60"))
    report = g.blocked({"P"}, regime="UK")
    assert report.possibly_blocked == {"A", "B"}
    steps = report.explain("B").steps
    assert [s.entity for s in steps] == ["P", "A", "B"]
    assert steps[-1].reason == "possibly_owned"


def test_regime_presets_and_custom_thresholds() -> None:
    assert Regime.named("uk") is Regime.UK
    assert (Regime.UK.threshold, Regime.UK.inclusive, Regime.UK.aggregate) == (50, False, False)
    assert not Regime.OFAC.control_counts and Regime.EU.control_counts
    g = graph(("X", "E", "25"))
    quarter = dataclasses.replace(Regime.OFAC, name="25%", threshold=Decimal(25))
    assert g.blocked({"X"}, regime=quarter).is_blocked("E")
    odd = dataclasses.replace(Regime.OFAC, threshold=Decimal("25.5"))
    assert not g.blocked({"X"}, regime=odd).is_blocked("E")  # needs a finer scale than the data
    g.add_edge("Y", "E", "0.5")
    assert g.blocked({"X", "Y"}, regime=odd).is_blocked("E")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"threshold": Decimal(0)},
        {"threshold": Decimal(101)},
        {"threshold": 50},
        {"aggregate": True, "joint_arrangements": True},
    ],
)
def test_bad_regimes_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Regime(name="bad", **kwargs)  # type: ignore[arg-type]


def test_unknown_regime_name() -> None:
    with pytest.raises(ValueError, match="'US'"):
        graph(("X", "E", "50")).blocked({"X"}, regime="US")


# ---- programs --------------------------------------------------------------------------------


def test_ns_cmic_listing_does_not_propagate() -> None:
    g = graph(("C", "Sub", "100"), ("X", "Sub2", "100"))
    report = g.blocked({"C": ["NS-CMIC"], "X": ["SDGT"]})
    assert report.blocked == {"X", "Sub2"}
    assert report.restrictions("C") == {"NS-CMIC": "blocked"}
    assert report.restrictions("Sub") == {}
    assert report.restricted("NS-CMIC") == {"C"}
    assert g.blocked({"C": ["CMIC-EO13959"]}).restricted("NS-CMIC") == {"C"}


def test_ssi_propagates_the_directive_not_blocking() -> None:
    g = graph(("S", "A", "50"), ("A", "B", "60"), ("X", "B", "10"))
    report = g.blocked({"S": ["SSI"], "X": ["SDGT"]})
    assert report.blocked == {"X"}
    assert report.restricted("SSI") == {"S", "A", "B"}
    assert report.restrictions("B") == {"SSI": "blocked"}
    assert report.explain("B", restriction="SSI").steps[0].entity == "S"
    # blocked and SSI holdings do not add up: different restrictions
    g.add_edge("S", "C", "30")
    g.add_edge("X", "C", "30")
    report = g.blocked({"S": ["SSI"], "X": ["SDGT"]})
    assert report.status("C") == "not_blocked" and report.restrictions("C") == {}


def test_a_person_under_a_blocking_and_a_non_propagating_program_is_blocked() -> None:
    g = graph(("C", "Sub", "100"))
    report = g.blocked({"C": ["NS-CMIC", "SDGT"]})
    assert report.blocked == {"C", "Sub"} and report.programs("C") == ("NS-CMIC", "SDGT")
