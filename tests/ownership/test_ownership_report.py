"""Reports: shares, explanations, near misses, incremental designations, issues."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from screening import OwnershipError, OwnershipGraph


def holding_company() -> OwnershipGraph:
    g = OwnershipGraph()
    g.add_edge("X", "A", "50", source="register.csv", line=2, owner_name="Blocked Person X")
    g.add_edge("X", "B", "10", source="register.csv", line=3)
    g.add_edge("A", "B", "40", source="register.csv", line=4, owned_name="Entity B")
    g.add_edge("B", "C", "30", source="register.csv", line=5)
    g.add_edge("Y", "C", "20", source="register.csv", line=6)
    return g


def test_explanation_goes_down_to_the_listed_seed_with_sources() -> None:
    report = holding_company().blocked({"X": ["SDGT"]}, as_of=date(2024, 1, 1))
    explanation = report.explain("B")
    assert (explanation.entity, explanation.name, explanation.status) == (
        "B",
        "Entity B",
        "blocked",
    )
    assert (explanation.regime, explanation.as_of, explanation.share) == (
        "OFAC",
        date(2024, 1, 1),
        Decimal(50),
    )
    x, a, b = explanation.steps
    assert (x.entity, x.reason, x.programs) == ("X", "listed", ("SDGT",))
    assert (a.entity, a.reason, a.share) == ("A", "owned", Decimal(50))
    assert (b.reason, b.share) == ("owned", Decimal(50))
    assert [(link.owner, link.stake, link.where) for link in b.links] == [
        ("X", "10", 3),
        ("A", "40", 4),
    ]
    assert b.links[0].owner_name == "Blocked Person X" and b.links[0].source == "register.csv"
    text = explanation.text()
    assert "B (Entity B): blocked under OFAC (threshold >= 50%, as of 2024-01-01)" in text
    assert "40% held by A — register.csv, line 4" in text
    assert "X (Blocked Person X): listed (SDGT)" in text


def test_not_blocked_entity_shows_the_blocked_holdings_it_has() -> None:
    report = holding_company().blocked({"X"})
    explanation = report.explain("C")
    assert explanation.status == "not_blocked" and explanation.share == 30
    assert explanation.steps[-1].reason == "not_owned"
    assert [link.owner for link in explanation.steps[-1].links] == ["B"]


def test_unknown_ids_are_not_blocked_and_explain_as_such() -> None:
    report = holding_company().blocked({"X", "Ghost"})
    assert report.status("Nobody") == "not_blocked" and report.share("Nobody") == 0
    assert report.explain("Nobody").steps[0].reason == "not_owned"
    assert "Ghost" in report.blocked  # a seed is blocked even without ownership data
    assert report.explain("Ghost").steps[0].reason == "listed"
    assert [i.kind for i in report.issues] == ["unknown_id"]


def test_near_misses_are_below_the_threshold_and_sorted() -> None:
    report = holding_company().blocked({"X", "Y"})
    assert report.near_misses(25) == []  # C: 30 (B) + 20 (Y) = 50, blocked
    report = holding_company().blocked({"X"})
    assert report.near_misses(25) == [("C", Decimal(30))]
    assert report.near_misses("30.01") == []
    assert report.near_misses(0) == [("C", Decimal(30))]  # only entities with blocked owners


def test_designate_updates_incrementally_and_reports_the_change() -> None:
    report = holding_company().blocked({"X"})
    assert report.blocked == {"X", "A", "B"}
    change = report.designate("Y", ["SDGT"])
    assert change.blocked == {"Y", "C"} and change.possibly_blocked == frozenset()
    assert report.blocked == {"X", "A", "B", "Y", "C"}
    assert report.explain("C").steps[-1].links[-1].owner == "Y"
    assert report.designate("Y").blocked == frozenset()  # already blocked: nothing new


def test_what_if_leaves_the_report_unchanged() -> None:
    report = holding_company().blocked({"Y"})
    change = report.what_if_designate("X")
    assert change.blocked == {"X", "A", "B", "C"}
    assert report.blocked == {"Y"}


def test_designate_under_a_non_propagating_program() -> None:
    report = holding_company().blocked({"Y"})
    change = report.designate("X", ["NS-CMIC"])
    assert change.blocked == frozenset() and change.restricted == {"NS-CMIC": {"X"}}
    assert report.restrictions("X") == {"NS-CMIC": "blocked"}


def test_designate_reports_newly_possibly_blocked() -> None:
    g = holding_company()
    g.add_edge("Z", "D", None)
    report = g.blocked({"X"})
    change = report.designate("Z")
    assert change.blocked == {"Z"} and change.possibly_blocked == {"D"}


def test_a_report_refuses_to_answer_after_the_graph_changed() -> None:
    g = holding_company()
    report = g.blocked({"X"})
    g.add_edge("Q", "R", "10")
    with pytest.raises(OwnershipError, match="recompute"):
        _ = report.blocked


def test_owners_summing_above_100_percent_are_reported_at_the_date() -> None:
    g = OwnershipGraph()
    g.add_edge("P", "E", "60", end="2020-01-01")
    g.add_edge("Q", "E", "60", start="2019-06-01")
    g.add_edge("R", "F", "70.5")
    g.add_edge("S", "F", "30")
    issues = g.blocked({"P"}, as_of="2019-07-01").issues
    assert [(i.kind, i.ids) for i in issues] == [
        ("owners_over_100", ("E",)),
        ("owners_over_100", ("F",)),
    ]
    assert "120%" in issues[0].message and "100.5%" in issues[1].message
    assert [i.ids for i in g.blocked({"P"}, as_of="2020-01-01").issues] == [("F",)]


def test_report_repr_and_programs() -> None:
    report = holding_company().blocked({"X": ["SDGT", "IRAN"]})
    assert repr(report).startswith("<OwnershipReport OFAC as_of=")
    assert report.programs("X") == ("SDGT", "IRAN") and report.programs("A") == ()


def test_designate_when_no_seed_was_in_the_graph_keeps_upper_bounds_apart() -> None:
    g = OwnershipGraph()
    g.add_edge("Z", "D", ("0", "50"))
    report = g.blocked({"Outsider"})  # no run was started for any seed
    change = report.designate("Z")
    assert change.blocked == {"Z"} and change.possibly_blocked == {"D"}
