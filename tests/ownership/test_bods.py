"""BODS 0.4: the Open Ownership worked examples in ../shared/data/ownership/bods_examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_data

from screening import OwnershipError, OwnershipGraph

# recordIds of the examples
JENEX, MVJ = "12b7dd0770ce", "e83cce729ada"
CHRINON, JOINT, NATALIE, ROBERTO = "31c55e425764", "91b4236a7d89", "1accb8b18b99", "f040df24d9ec"
MIXED_A, MIXED_B, MIXED_PERSON = "9bfe59b6a869", "ec61aeda7141", "53508b65253f"
INDIRECT_A, INDIRECT_B, INDIRECT_PERSON = "ad3f6c2fcc9e", "d4ab89ea169a", "c25d4d612c2c"


def load(name: str) -> OwnershipGraph:
    g = OwnershipGraph()
    g.read_bods(shared_data("ownership", "bods_examples", name))
    return g


@pytest.mark.realdata
def test_entity_owning_entity_range_with_exclusive_maximum() -> None:
    g = load("bods-package-entity-owning-entity.json")
    report = g.blocked({MVJ})
    assert report.blocked == {MVJ, JENEX}  # at least 75%: blocked under every regime
    link = report.explain(JENEX).steps[-1].links[0]
    assert (link.stake, link.where) == ("[75, 100)", "[2] relationship 0f31559c6eec.interests[0]")
    assert g.name(JENEX) == "JENEX LIMITED"
    assert g.blocked({MVJ}, regime="UK").is_blocked(JENEX)


@pytest.mark.realdata
def test_joint_shareholding_arrangement_fifty_percent_each() -> None:
    g = load("joint-ownership.json")
    assert g.name(JOINT) == "Joint shareholding" and g.name(NATALIE) == "Natalie Coleman"
    # Natalie holds 50% of the arrangement, which holds 100% of CHRINON LTD
    assert g.blocked({NATALIE}, regime="OFAC").blocked == {NATALIE, JOINT, CHRINON}
    assert g.blocked({NATALIE}, regime="UK").blocked == {NATALIE}  # 50 is not more than 50
    assert not g.blocked({NATALIE}, as_of="2017-12-31").is_blocked(CHRINON)  # from 2018-01-01


@pytest.mark.realdata
def test_mixed_direct_and_indirect_over_time() -> None:
    g = load("mixed-direct-and-indirect-ownership.json")
    before = g.blocked({MIXED_PERSON}, as_of="2018-06-01")
    # Person 1 -> B is an interest of unknown type and share; B holds 50% of A
    assert before.status(MIXED_B) == before.status(MIXED_A) == "possibly_blocked"
    after = g.blocked({MIXED_PERSON}, as_of="2019-05-01")  # the direct 50% starts
    assert after.status(MIXED_A) == "blocked"
    kinds = {issue.kind.value for issue in g.issues}
    assert kinds == {"indirect"}  # the indirect 50% is not counted on top of its chain


@pytest.mark.realdata
def test_indirect_interest_is_not_multiplied_through() -> None:
    g = load("indirect-ownership.json")
    report = g.blocked({INDIRECT_PERSON})
    # the declared indirect 30% is not a holding of A; the chain (unknown share of B, B 60%
    # of A) leaves A possibly blocked
    assert report.status(INDIRECT_B) == report.status(INDIRECT_A) == "possibly_blocked"
    steps = report.explain(INDIRECT_A).steps
    assert [s.entity for s in steps] == [INDIRECT_PERSON, INDIRECT_B, INDIRECT_A]


@pytest.mark.realdata
def test_every_example_reads_without_unknown_ids() -> None:
    for path in sorted(shared_data("ownership", "bods_examples").glob("*.json")):
        g = OwnershipGraph()
        statements = len(json.loads(path.read_text(encoding="utf-8")))
        assert g.read_bods(path) == statements
        assert not [i for i in g.issues if i.kind in ("unknown_id", "bad_record")], path.name


def test_statements_replace_earlier_ones_and_closed_records_vanish(tmp_path: Path) -> None:
    def relationship(when: str, status: str, exact: int) -> dict[str, object]:
        return {
            "statementId": f"s-{when}",
            "statementDate": when,
            "recordId": "rel-1",
            "recordType": "relationship",
            "recordStatus": status,
            "recordDetails": {
                "subject": "co",
                "interestedParty": "owner",
                "interests": [{"type": "shareholding", "share": {"exact": exact}}],
            },
        }

    parties = [
        {"recordId": "co", "recordType": "entity", "recordDetails": {"name": "Co"}},
        {
            "recordId": "owner",
            "recordType": "person",
            "recordDetails": {"names": [{"fullName": "Owner"}]},
        },
    ]
    path = tmp_path / "bods.jsonl"
    lines = [
        *parties,
        relationship("2020-01-01", "new", 60),
        relationship("2021-01-01", "updated", 40),
    ]
    path.write_text("\n".join(json.dumps(s) for s in lines), encoding="utf-8")
    g = OwnershipGraph()
    assert g.read_bods(path) == 4
    assert not g.blocked({"owner"}).is_blocked("co")  # the later 40% replaced 60%
    lines.append(relationship("2022-01-01", "closed", 40))
    path.write_text("\n".join(json.dumps(s) for s in lines), encoding="utf-8")
    g = OwnershipGraph()
    g.read_bods(path)
    assert len(g) == 0 and g.name("co") == "Co"


def test_control_interests_voting_majorities_and_others(tmp_path: Path) -> None:
    def rel(record: str, interest: dict[str, object]) -> dict[str, object]:
        return {
            "recordId": record,
            "recordType": "relationship",
            "recordDetails": {"subject": "co", "interestedParty": "p", "interests": [interest]},
        }

    statements = [
        {"recordId": "co", "recordType": "entity", "recordDetails": {"name": "Co"}},
        {"recordId": "p", "recordType": "person", "recordDetails": {}},
        rel("r1", {"type": "appointmentOfBoard"}),
        rel("r2", {"type": "votingRights", "share": {"exclusiveMinimum": 50, "maximum": 75}}),
        rel("r3", {"type": "seniorManagingOfficial"}),
        rel("r4", {"type": "shareholding", "share": {"exact": 150}}),
        {"recordType": "entity"},
    ]
    path = tmp_path / "bods.json"
    path.write_text(json.dumps(statements), encoding="utf-8")
    g = OwnershipGraph()
    g.read_bods(path)
    kinds = [(i.kind.value, i.where) for i in g.issues]
    assert kinds == [
        ("bad_record", "[6]"),
        ("not_ownership", "[4] relationship r3.interests[0]"),
        ("percent_invalid", "[5] relationship r4.interests[0]"),
    ]
    assert g.blocked({"p"}, regime="EU").explain("co").steps[-1].reason == "controlled"
    assert g.blocked({"p"}, regime="OFAC").status("co") == "possibly_blocked"  # the 150


def test_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bods.json"
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(OwnershipError, match=r"bods\.json: not JSON"):
        OwnershipGraph().read_bods(path)
