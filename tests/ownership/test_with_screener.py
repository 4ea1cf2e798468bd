"""The mission's example end to end: owners known only by name, matched against the list.

July 9, 2020 (GLOMAG): OFAC blocked the Xinjiang Public Security Bureau and WANG Mingshan. A
company the bureau owns 30% of and Wang Mingshan 20% of is blocked although no list names it.
"""

from __future__ import annotations

from pathlib import Path

from screening import OwnershipGraph, Screener, load_bundled_sample
from screening.cli import main


def _edges(tmp_path: Path) -> Path:
    path = tmp_path / "edges.csv"
    path.write_text(
        "owner_id,owner_name,owned_id,owned_name,percent,start,end,source\n"
        ",Xinjiang Public Security Bureau,C1,Tianshan Trading Co.,30,,,registry\n"
        ",Wang Mingshan,C1,Tianshan Trading Co.,20,,,registry\n"
        ",Wang Ming,C2,Kashgar Logistics Co.,60,,,registry\n",
        encoding="utf-8",
    )
    return path


def test_owners_given_by_name_are_matched_and_their_holdings_add_up(tmp_path: Path) -> None:
    sample = load_bundled_sample()
    graph = OwnershipGraph()
    graph.read_csv(_edges(tmp_path), screener=Screener(sample), min_score=0.9)
    report = graph.blocked(sample)
    assert report.status("C1") == "blocked"
    assert str(report.share("C1")) == "50"
    text = report.explain("C1").text()
    assert "29159" in text and "29162" in text  # the bureau and WANG Mingshan, by uid
    # "Wang Ming" is not WANG Mingshan: no match, so C2 is not blocked.
    assert report.status("C2") == "not_blocked"


def test_cli_with_lists_matches_names(tmp_path: Path, capsys: object) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    sample = Path(__file__).resolve().parents[2] / "lists" / "sample" / "SDN_ADVANCED.XML"
    (lists / "SDN_ADVANCED.XML").write_bytes(sample.read_bytes())
    out = tmp_path / "blocked.csv"
    code = main(["ownership", str(_edges(tmp_path)), "--lists", str(lists), "-o", str(out)])
    assert code == 0
    rows = out.read_text(encoding="utf-8")
    assert "C1" in rows and "C2" not in rows
