"""Ownership CSV files, seeds files and name resolution."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

import pytest

from screening import OwnershipError, OwnershipGraph
from screening.ownership import Designation, read_seeds

HEADER = "owner_id,owner_name,owned_id,owned_name,percent,start,end,source\n"


def write(tmp_path: Path, text: str, name: str = "edges.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_rows_become_holdings_with_their_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "X,Blocked X,A,Alpha Ltd,50,,,registry\n"
        + "A,,B,Beta Ltd,16.33,2020-01-01,,\n"
        + "X,,B,,32.73,,,\n"
        + "Y,,B,,0.94,,2030-01-01,\n",
    )
    g = OwnershipGraph()
    assert g.read_csv(path) == 4
    report = g.blocked({"X", "Y"}, as_of="2024-01-01")
    assert report.blocked == {"X", "Y", "A", "B"} and report.share("B") == 50
    link = report.explain("A").steps[-1].links[0]
    assert (link.source, link.where, link.owner_name) == ("edges.csv (registry)", 2, "Blocked X")
    assert g.name("A") == "Alpha Ltd"
    assert not g.blocked({"X", "Y"}, as_of="2019-12-31").is_blocked("B")  # A's 16.33 not yet


def test_csv_bad_rows_are_reported_with_the_line_never_guessed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "X,,E,,150,,,\n"  # line 2: out of range -> unknown share
        + "X,,F,,abc,,,\n"  # line 3: not a number -> unknown share
        + "E,,E,,40,,,\n"  # line 4: self-ownership ignored
        + ",,G,,10,,,\n"  # line 5: no owner
        + "X,,H,,10,2020-13-01,,\n"  # line 6: bad date
        + "X,,I,,10,,,\n"
        + "X,,I,,10,,,\n",  # line 8: duplicate
    )
    g = OwnershipGraph()
    g.read_csv(path)
    found = [(i.kind.value, i.where) for i in g.issues]
    assert found == [
        ("percent_invalid", 2),
        ("percent_invalid", 3),
        ("self_ownership", 4),
        ("bad_record", 5),
        ("bad_record", 6),
        ("duplicate", 8),
    ]
    assert "'150'" in g.issues[0].message
    report = g.blocked({"X"})
    assert report.status("E") == report.status("F") == "possibly_blocked"


def test_csv_control_nominee_and_share_class_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "owned_id,owner_id,percent,kind,held_for,share_class\n"
        "C,X,,control,,\n"
        "D,Nominee Ltd,30,ownership,X,ordinary\n"
        "D,X,20,,,preferred\n",
    )
    g = OwnershipGraph()
    g.read_csv(path)
    assert g.blocked({"X"}, regime="OFAC").blocked == {"X", "D"}
    assert g.blocked({"X"}, regime="EU").blocked == {"X", "C", "D"}
    links = g.blocked({"X"}).explain("D").steps[-1].links
    assert [(lk.nominee, lk.share_class) for lk in links] == [
        ("Nominee Ltd", "ordinary"),
        (None, "preferred"),
    ]


def test_csv_without_required_columns_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "owner,owned,share\nX,A,50\n")
    with pytest.raises(OwnershipError, match=r"edges.csv, line 1: missing column\(s\) percent"):
        OwnershipGraph().read_csv(path)


def test_csv_with_bad_kind_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "owner_id,owned_id,percent,kind\nX,A,50,influence\n")
    g = OwnershipGraph()
    g.read_csv(path)
    assert [(i.kind.value, i.where) for i in g.issues] == [("bad_record", 2)]
    assert len(g) == 0


# ---- names -----------------------------------------------------------------------------------


@dataclass
class FakeEntry:
    uid: str


@dataclass
class FakeHit:
    entry: FakeEntry
    score: float
    matched_name: str


@dataclass
class FakeResult:
    hits: list[FakeHit]


class FakeScreener:
    """Matches two names of the July 9, 2020 GLOMAG designations, nothing else."""

    known: ClassVar[dict[str, tuple[str, float]]] = {
        "XINJIANG PUBLIC SECURITY BUREAU": ("29159", 1.0),
        "Chen Quan Guo": ("29220", 0.93),
        "Chen Q.": ("29220", 0.7),
    }

    def screen(self, name: str, *, limit: int = 10) -> FakeResult:
        if name not in self.known:
            return FakeResult([])
        uid, score = self.known[name]
        return FakeResult([FakeHit(FakeEntry(uid), score, name.upper())][:limit])


def test_owners_given_by_name_are_matched_and_the_score_explained(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + ",XINJIANG PUBLIC SECURITY BUREAU,E1,Supplier One,60,,,\n"
        + ",Chen Quan Guo,E2,Supplier Two,50,,,\n"
        + ",Chen Q.,E3,Supplier Three,50,,,\n",
    )
    g = OwnershipGraph()
    g.read_csv(path, screener=FakeScreener(), min_score=0.9)
    report = g.blocked({"29159", "29220"})
    assert report.blocked == {"29159", "29220", "E1", "E2"}
    match = report.explain("E2").steps[-1].links[0].match
    assert match is not None and (match.uid, match.score) == ("29220", 0.93)
    assert "score 0.93" in report.explain("E2").text()
    # below min_score: kept under a made-up id, reported, never silently matched
    assert "name:Chen Q." in g
    assert [(i.kind.value, i.where) for i in g.issues] == [("unresolved_name", 4)]


def test_names_without_a_screener_are_kept_and_reported(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + ",Some Holder,E,,50,,,\n")
    g = OwnershipGraph()
    g.read_csv(path)
    assert g.blocked({"name:Some Holder"}).is_blocked("E")
    assert g.issues[0].kind == "unresolved_name"


# ---- seeds files -----------------------------------------------------------------------------


def test_seeds_file_one_id_per_line_or_with_programs(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "id,programs\n# July 9, 2020 GLOMAG designations\n29220,GLOMAG\n29159\n\n"
        "X,SDGT;NS-CMIC\n29220,XINJIANG\n",
        "seeds.csv",
    )
    assert read_seeds(path) == {
        "29220": Designation(("GLOMAG", "XINJIANG")),
        "29159": Designation(),
        "X": Designation(("SDGT", "NS-CMIC")),
    }


def test_seeds_file_with_an_empty_id_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "A\n,SDGT\n", "seeds.csv")
    with pytest.raises(OwnershipError, match=r"seeds.csv, line 2"):
        read_seeds(path)


def test_share_is_exact_decimal() -> None:
    g = OwnershipGraph()
    g.add_edge("X", "E", "33.333")
    assert g.blocked({"X"}).share("E") == Decimal("33.333")
