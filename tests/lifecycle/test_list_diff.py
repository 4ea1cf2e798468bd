"""diff_watchlists() on two real versions of OFAC's consolidated (non-SDN) list:
the legacy CSV sets of 2018-04 and 2025-12."""

from __future__ import annotations

import json

import pytest
from conftest import shared_data

from screening import Watchlist, load_list
from screening.lifecycle.diff import ListDiff, diff_watchlists


@pytest.fixture(scope="module")
def old() -> Watchlist:
    return load_list(shared_data("ofac", "consolidated_xml_2018-05") / "cons_prim.csv")


@pytest.fixture(scope="module")
def new() -> Watchlist:
    return load_list(shared_data("ofac", "cons_csv_2025-12-19") / "cons_prim.csv")


@pytest.fixture(scope="module")
def diff(old: Watchlist, new: Watchlist) -> ListDiff:
    return diff_watchlists(old, new)


def test_counts(diff: ListDiff) -> None:
    counts = (len(diff.added), len(diff.removed), len(diff.changed), diff.unchanged)
    assert counts == (78, 275, 288, 76)
    assert len(diff.added) + len(diff.changed) + diff.unchanged == 442  # every 2025 entry
    assert len(diff.removed) + len(diff.changed) + diff.unchanged == 639  # every 2018 entry


def test_added_and_removed_entries_are_sorted_by_uid(diff: ListDiff) -> None:
    assert (diff.added[0].uid, diff.added[0].primary_name.full) == (
        "27016",
        "PRESIDENCY OF DEFENSE INDUSTRIES",
    )
    assert diff.removed[0].primary_name.full == "BANK MARKAZI JOMHOURI ISLAMI IRAN"
    assert [int(e.uid) for e in diff.removed] == sorted(int(e.uid) for e in diff.removed)


def test_a_changed_program_and_identifier(diff: ListDiff) -> None:
    kunlun = next(c for c in diff.changed if c.uid == "15268")
    assert kunlun.new.primary_name.full == "BANK OF KUNLUN CO LTD"
    assert kunlun.fields == ("programs", "identifiers", "remarks")
    programs, identifiers, _ = kunlun.changes
    assert (programs.added, programs.removed) == (("561-Related",), ("561List",))
    assert (identifiers.added, identifiers.removed) == (
        ("SWIFT/BIC CKLBCNBJ",),
        ("SWIFT/BIC CKLB CN BJ",),
    )


def test_added_aliases_are_named_with_their_type_and_strength(diff: ListDiff) -> None:
    zahhar = next(c for c in diff.changed if c.uid == "9647")
    names = next(f for f in zahhar.changes if f.field == "names")
    assert names.added == ("ZAHAR, Mahmoud [aka, weak]", "AL-ZAHAR, Mahmoud [aka, weak]")
    assert names.removed == ()
    relations = next(f for f in zahhar.changes if f.field == "relations")
    assert relations.added == ("Linked To: HAMAS",)


def test_a_list_has_no_difference_with_itself(new: Watchlist) -> None:
    same = diff_watchlists(new, new)
    assert (same.added, same.removed, same.changed, same.unchanged) == ((), (), (), 442)


def test_the_reverse_diff_swaps_added_and_removed(
    old: Watchlist, new: Watchlist, diff: ListDiff
) -> None:
    back = diff_watchlists(new, old)
    assert [e.uid for e in back.added] == [e.uid for e in diff.removed]
    assert [e.uid for e in back.removed] == [e.uid for e in diff.added]
    assert [c.uid for c in back.changed] == [c.uid for c in diff.changed]


def test_json_names_both_lists_and_every_change(diff: ListDiff) -> None:
    data = json.loads(json.dumps(diff.to_dict()))
    assert data["counts"] == {"added": 78, "removed": 275, "changed": 288, "unchanged": 76}
    assert data["new"]["record_count"] == 442 and data["old"]["record_count"] == 639
    kunlun = next(c for c in data["changed"] if c["uid"] == "15268")
    assert kunlun["changes"][0] == {
        "field": "programs",
        "added": ["561-Related"],
        "removed": ["561List"],
    }
