"""Delta re-screening on two real versions of OFAC's consolidated list (CSV sets of 2018-04 and
2025-12): screening only the added and changed entries gives exactly the new hits."""

from __future__ import annotations

import pytest
from conftest import shared_data

from screening import Screener, Watchlist, load_list
from screening.lifecycle import delta as delta_module
from screening.lifecycle.delta import (
    DeltaScreener,
    changed_uids,
    delta_watchlist,
    delta_watchlists,
)


@pytest.fixture(scope="module")
def old() -> Watchlist:
    return load_list(shared_data("ofac", "consolidated_xml_2018-05") / "cons_prim.csv")


@pytest.fixture(scope="module")
def new() -> Watchlist:
    return load_list(shared_data("ofac", "cons_csv_2025-12-19") / "cons_prim.csv")


def variants(name: str) -> list[str]:
    """The name, the name less its last token, and the name with one letter dropped."""
    tokens = name.replace(",", " ").split()
    out = [name]
    if len(tokens) > 2:
        out.append(" ".join(tokens[:-1]))
    if len(name) > 6:
        out.append(name[:3] + name[4:])
    return out


@pytest.fixture(scope="module")
def queries(old: Watchlist, new: Watchlist) -> list[str]:
    delta = changed_uids(old, new)
    unchanged = [e for e in new if e.uid not in delta][:40]
    removed = [e for e in old if e.uid not in new][:40]
    chosen = [e for e in new if e.uid in delta] + unchanged + removed
    # Customers sharing no token with any listed name: dismissed by the delta alone.
    customers = ["Tanaka Hiroshi", "María José García López", "Olumide Adeyemi", "Kowalski Jan"]
    # Linked to the delta only through two tokens read as one (ROSNEFT, GAZPROMBANK).
    customers += ["Rosn Eft", "Gazp Rombank"]
    return customers + [q for e in chosen for q in variants(e.primary_name.full)]


def test_the_delta_holds_the_added_and_changed_entries(old: Watchlist, new: Watchlist) -> None:
    delta = delta_watchlist(old, new)
    assert len(delta) == 78 + 288
    assert "27016" in delta  # PRESIDENCY OF DEFENSE INDUSTRIES, added
    assert "15268" in delta  # BANK OF KUNLUN CO LTD, programs and SWIFT/BIC changed
    assert "4632" not in delta  # BANK MARKAZI, removed
    unchanged = next(e for e in new if old.get(e.uid) == e)
    assert unchanged.uid not in delta
    assert [e.uid for e in delta] == [e.uid for e in new if e.uid in delta]  # new's order


def test_the_delta_names_the_new_list_and_says_it_is_a_delta(
    old: Watchlist, new: Watchlist
) -> None:
    identity = delta_watchlist(old, new).identity
    assert identity.sha256 == new.identity.sha256
    assert identity.format == "ofac-legacy-csv+delta"
    assert identity.record_count == 366
    note = delta_watchlist(old, new).provenance.notes[-1]
    assert note.startswith("delta: the 78 entries added and 288 changed in this CONSOLIDATED")
    assert f"since the list published None (sha256 {old.provenance.sha256})" in note
    assert "275 removed entries and 76 unchanged ones are not screened" in note


@pytest.mark.parametrize("probe", [True, False], ids=["delta-lookup-first", "full-lookup"])
def test_delta_rescreen_gives_exactly_the_new_hits(
    old: Watchlist, new: Watchlist, queries: list[str], probe: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(delta_module, "PROBE_MAX_SHARE", 1.0 if probe else 0.0)
    full_old, full_new = Screener(old), Screener(new)
    delta_screener = DeltaScreener(old, new)
    assert (delta_screener._probe is not None) == probe
    delta = changed_uids(old, new)
    hit_kinds = set()
    for query in queries:
        before = {
            (h.entry.uid, h.entry.content_hash()) for h in full_old.screen(query, limit=999).hits
        }
        after = full_new.screen(query, limit=999).hits
        new_hits = {
            (h.entry.uid, h.score)
            for h in after
            if (h.entry.uid, h.entry.content_hash()) not in before
        }
        got = delta_screener.screen(query, limit=999)
        assert {(h.entry.uid, h.score) for h in got.hits} == new_hits, query
        assert got.lists == (delta_screener.deltas[0].identity,)
        for h in after:
            if h.entry.uid not in delta:
                hit_kinds.add("unchanged")
            else:
                hit_kinds.add("added" if h.entry.uid not in old else "changed")
    # The queries reached every kind of entry; unchanged ones are hit only by the full screen.
    assert hit_kinds == {"added", "changed", "unchanged"}


def test_each_new_list_is_paired_with_the_old_list_of_its_source(
    old: Watchlist, new: Watchlist
) -> None:
    cons_2020 = load_list(shared_data("ofac", "cons_advanced_2020-03-17") / "cons_advanced.xml")
    (delta,) = delta_watchlists([old], [new])
    assert len(delta) == 366
    (everything,) = delta_watchlists([], [cons_2020])
    assert len(everything) == len(cons_2020) == 375


def test_a_small_delta_scores_as_the_full_list_does(new: Watchlist) -> None:
    # Yesterday's list, say, lacked six entries of the real 2025-12 list. Alone, the six weigh
    # "OTKRYTOE AKTSIONERNOE" (open joint-stock company) as a rare name; the full list, where
    # hundreds of names carry it, as a legal form. The delta screener must score as the full.
    dropped = {"18296", "18786", "20007", "20317", "20661", "9705"}
    old = Watchlist([e for e in new if e.uid not in dropped], new.provenance)
    full, delta = Screener(new), DeltaScreener(old, new)
    queries = ["OTKRYTOE AKTSIONERNOE"]
    for uid in sorted(dropped):
        for name in new[uid].names[:6]:
            queries += variants(name.full)
    for query in queries:
        want = {(h.entry.uid, h.score) for h in full.screen(query, limit=999).hits}
        got = {(h.entry.uid, h.score) for h in delta.screen(query, limit=999).hits}
        assert got == {(u, s) for u, s in want if u in dropped}, query
    assert delta.screen("OTKRYTOE AKTSIONERNOE").hits == ()


def test_no_change_means_no_new_hit(new: Watchlist) -> None:
    screener = DeltaScreener(new, new)
    assert len(screener.deltas[0]) == 0
    assert screener.screen("BANK OF KUNLUN CO LTD").hits == ()
    assert Screener(new).screen("BANK OF KUNLUN CO LTD").hits[0].entry.uid == "15268"
