"""The allow-list: a decided false positive is suppressed (and reported) while the listed entry
is unchanged, and raised again when OFAC changes the entry. Real entries of the consolidated
list of 2018-04 and 2025-12: 9640 ABU TEIR is identical in both, 15268 BANK OF KUNLUN changed
(program 561List → 561-Related, SWIFT/BIC rewritten)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import shared_data

from screening import InputError, Screener, load_list
from screening.lifecycle.allowlist import (
    AllowList,
    apply_allowlist,
    decide,
    load_allowlist,
    save_allowlist,
)

DECIDED = datetime(2018, 5, 2, 14, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def old() -> Screener:
    return Screener(load_list(shared_data("ofac", "consolidated_xml_2018-05") / "cons_prim.csv"))


@pytest.fixture(scope="module")
def new() -> Screener:
    return Screener(load_list(shared_data("ofac", "cons_csv_2025-12-19") / "cons_prim.csv"))


@pytest.fixture(scope="module")
def decisions(old: Screener) -> AllowList:
    """In 2018 an analyst cleared customer C-1 (a person called Mohammed Abu Teir) and
    customer C-2 (a correspondent bank called Bank of Kunlun Co Ltd) against their hits."""
    teir = old.screen("Mohammed Abu Teir").hits[0]
    kunlun = old.screen("Bank of Kunlun Co Ltd").hits[0]
    assert (teir.entry.uid, kunlun.entry.uid) == ("9640", "15268")
    return AllowList(
        [
            decide(teir, customer_id="C-1", decided_by="a.analyst", reason="born 1990",
                   decided_at=DECIDED),
            decide(kunlun, customer_id="C-2", decided_by="a.analyst", reason="other bank",
                   decided_at=DECIDED),
        ]
    )  # fmt: skip


def test_an_unchanged_entry_stays_suppressed_and_is_reported(
    new: Screener, decisions: AllowList
) -> None:
    result = new.screen("Mohammed Abu Teir")
    outcome = apply_allowlist(result, customer_id="C-1", allowlist=decisions)
    assert [h.entry.uid for h in result.hits][:1] == ["9640"]
    assert "9640" not in [h.entry.uid for h in outcome.kept]
    assert [(h.entry.uid, d.decided_by) for h, d in outcome.suppressed] == [("9640", "a.analyst")]
    assert outcome.reraised == ()
    assert outcome.notes() == (
        "suppressed: 9640 'ABU TEIR, Mohammed', decided a false positive by a.analyst on "
        "2018-05-02: born 1990",
    )


def test_a_changed_entry_is_raised_again(new: Screener, decisions: AllowList) -> None:
    result = new.screen("Bank of Kunlun Co Ltd")
    outcome = apply_allowlist(result, customer_id="C-2", allowlist=decisions)
    assert outcome.kept[0].entry.uid == "15268"
    assert outcome.suppressed == ()
    assert [h.entry.uid for h, _ in outcome.reraised] == ["15268"]
    assert outcome.notes()[0].startswith("re-raised: 15268 'BANK OF KUNLUN CO LTD' changed since")


def test_a_decision_covers_only_its_customer(new: Screener, decisions: AllowList) -> None:
    result = new.screen("Mohammed Abu Teir")
    outcome = apply_allowlist(result.hits, customer_id="C-9", allowlist=decisions)
    assert outcome.kept == result.hits and outcome.suppressed == ()


def test_csv_and_json_round_trip(decisions: AllowList, tmp_path: Path) -> None:
    save_allowlist(tmp_path / "allow.csv", decisions)
    assert list(load_allowlist(tmp_path / "allow.csv")) == list(decisions)
    rows = [
        {
            "customer_id": d.customer_id,
            "list_uid": d.list_uid,
            "content_hash": d.content_hash,
            "decided_by": d.decided_by,
            "decided_at": d.decided_at.isoformat(),
            "reason": d.reason,
        }
        for d in decisions
    ]
    (tmp_path / "allow.json").write_text(json.dumps(rows), encoding="utf-8")
    assert list(load_allowlist(tmp_path / "allow.json")) == list(decisions)


HEADER = "customer_id,list_uid,content_hash,decided_by,decided_at,reason\n"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (f"C-1,9640,{'a' * 63},j.doe,2024-06-28,x", r"line 2: content_hash 'a{63}' is not"),
        (f"C-1,9640,{'a' * 64},j.doe,28/06/2024,x", r"line 2: decided_at '28/06/2024' is not"),
        (f"C-1,9640,{'a' * 64},,2024-06-28,x", r"line 2: decided_by is missing or empty"),
        (f"C-1,9640,{'a' * 64},j.doe,2024-06-28,x\nC-1,9640,{'a' * 64},k,2024-06-29,y",
         r"decided twice"),
    ],
)  # fmt: skip
def test_a_malformed_allow_list_names_the_line(row: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "allow.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_allowlist(path)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "allow.csv"
    path.write_text("customer_id,list_uid,decided_by\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"missing column\(s\) content_hash, decided_at, reason"):
        load_allowlist(path)
