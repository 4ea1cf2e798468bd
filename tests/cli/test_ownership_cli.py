"""``screening ownership``: files in, blocked entities with shares and explanations out."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import shared_data

import screening
from screening import (
    Entry,
    EntryKind,
    FileDigest,
    ListProvenance,
    Name,
    Relation,
    Watchlist,
)
from screening.cli import EXIT_OK, EXIT_USAGE, main

EDGES = (
    "owner_id,owner_name,owned_id,owned_name,percent,start,end,source\n"
    "X,Blocked Person X,A,Entity A,50,,,\n"
    "X,,B,Entity B,10,,,\n"
    "A,,B,,40,,,\n"
    "B,,C,Entity C,30,,,\n"
    "Y,,C,,20,,2024-01-01,\n"
    'Y,,D,Entity D,"(25, 50]",,,\n'
    "X,,E,,150,,,\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    edges = tmp_path / "edges.csv"
    edges.write_text(EDGES, encoding="utf-8")
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("X,SDGT\nY\n", encoding="utf-8")
    return edges, seeds


def rows(text: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text))}


def test_writes_blocked_and_possibly_blocked_with_shares(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    edges, seeds = files
    code = main(["ownership", str(edges), "--seeds", str(seeds), "--as-of", "2023-06-30"])
    out, err = capsys.readouterr()
    assert code == EXIT_OK
    found = rows(out)
    assert set(found) == {"X", "Y", "A", "B", "C", "D", "E"}
    assert (found["C"]["status"], found["C"]["share"], found["C"]["reason"]) == (
        "blocked",
        "50",
        "owned",
    )
    assert (found["D"]["status"], found["E"]["status"]) == ("possibly_blocked",) * 2
    assert (found["X"]["reason"], found["X"]["programs"]) == ("listed", "SDGT")
    assert "edges.csv, line 8: percent_invalid: percent '150' is outside [0, 100]" in err
    assert "5 blocked, 2 possibly blocked (OFAC, as of 2023-06-30); 1 data issue(s)" in err


def test_as_of_and_regime_change_the_answer(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    edges, seeds = files
    main(["ownership", str(edges), "--seeds", str(seeds), "--as-of", "2024-01-01"])
    assert "C" not in rows(capsys.readouterr().out)  # Y's 20% ended on 2024-01-01
    bad_date = ["--as-of", "2023-1-1"]
    assert main(["ownership", str(edges), "--seeds", str(seeds), *bad_date]) == EXIT_USAGE
    assert "as_of date '2023-1-1' is not an ISO date" in capsys.readouterr().err
    main(["ownership", str(edges), "--seeds", str(seeds), "--regime", "UK"])
    found = rows(capsys.readouterr().out)
    # UK: 50% is not more than 50 (A), no adding up of X's and Y's groups (C), and
    # "not more than 50%" never is (D); only the unknown share of E leaves a doubt
    assert {k: v["status"] for k, v in found.items()} == {
        "X": "blocked",
        "Y": "blocked",
        "E": "possibly_blocked",
    }


def test_explain_as_json_lines_to_a_file(files: tuple[Path, Path], tmp_path: Path) -> None:
    edges, seeds = files
    out = tmp_path / "out.jsonl"
    args = ["ownership", str(edges), "--seeds", str(seeds), "--explain", "--format", "jsonl"]
    assert main([*args, "-o", str(out), "--as-of", "2023-06-30"]) == EXIT_OK
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {line["id"]: line for line in lines}
    steps = by_id["B"]["explanation"]["steps"]
    assert [step["entity"] for step in steps] == ["X", "A", "B"]
    assert steps[-1]["links"][0] == {
        **steps[-1]["links"][0],
        "owner": "X",
        "stake": "10",
        "source": "edges.csv",
        "where": 3,
    }


def test_explain_in_csv_is_readable_text(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    edges, seeds = files
    main(["ownership", str(edges), "--seeds", str(seeds), "--explain", "--as-of", "2023-06-30"])
    text = rows(capsys.readouterr().out)["B"]["explanation"]
    assert text.splitlines()[0].startswith("B (Entity B): blocked under OFAC")
    assert "40% held by A (Entity A) — edges.csv, line 4" in text


def test_what_if_designate_lists_only_what_would_newly_be_blocked(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    edges, _ = files
    seeds = edges.parent / "only_x.txt"
    seeds.write_text("X\n", encoding="utf-8")
    args = ["ownership", str(edges), "--seeds", str(seeds), "--as-of", "2023-06-30"]
    assert main([*args, "--what-if-designate", "Y"]) == EXIT_OK
    found = rows(capsys.readouterr().out)
    assert {k: v["status"] for k, v in found.items()} == {
        "Y": "blocked",
        "C": "blocked",
        "D": "possibly_blocked",
    }


def test_lists_dir_gives_seeds_and_relations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bureau = Entry(
        uid="29159",
        source="SDN",
        kind=EntryKind.ENTITY,
        names=(Name(full="XINJIANG PUBLIC SECURITY BUREAU"),),
        programs=("GLOMAG",),
    )
    owned = Entry(
        uid="90001",
        source="CONSOLIDATED",
        list_names=("Sectoral Sanctions Identifications List",),
        kind=EntryKind.ENTITY,
        names=(Name(full="SSI SUBSIDIARY"),),
        relations=(Relation(type="Owned or Controlled By", uid="29159"),),
    )
    provenance = ListProvenance(
        source="SDN",
        format="ofac-advanced-xml",
        files=(FileDigest(name="SDN_ADVANCED.XML", size=1, sha256="0" * 64),),
        loaded_at=datetime(2024, 1, 1, tzinfo=UTC),
    )
    lists = [Watchlist([bureau, owned], provenance)]
    seen: list[Path] = []

    def fake_load_lists(path: Path) -> list[Watchlist]:
        seen.append(Path(path))
        return lists

    monkeypatch.setattr(screening, "load_lists", fake_load_lists)
    edges = tmp_path / "edges.csv"
    edges.write_text("owner_id,owned_id,percent\n29159,Shell,50\n", encoding="utf-8")
    assert main(["ownership", str(edges), "--lists", str(tmp_path)]) == EXIT_OK
    found = rows(capsys.readouterr().out)
    assert seen == [tmp_path]
    assert found["Shell"]["status"] == "blocked"
    # listed as SSI, and owned or controlled (share unknown) by a blocked person
    assert (found["90001"]["status"], found["90001"]["restrictions"]) == (
        "possibly_blocked",
        "SSI:blocked",
    )


@pytest.mark.realdata
def test_bods_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bods = shared_data("ownership", "bods_examples", "joint-ownership.json")
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("1accb8b18b99\n", encoding="utf-8")  # Natalie Coleman
    assert main(["ownership", str(bods), "--seeds", str(seeds)]) == EXIT_OK
    found = rows(capsys.readouterr().out)
    assert found["31c55e425764"]["name"] == "CHRINON LTD"
    assert found["31c55e425764"]["status"] == "blocked"


def test_input_errors_exit_2(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    edges, seeds = files
    assert main(["ownership", str(edges), "--seeds", str(edges.parent / "none.txt")]) == 2
    assert "none.txt" in capsys.readouterr().err
    bad = edges.parent / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["ownership", str(bad), "--seeds", str(seeds)]) == EXIT_USAGE
    assert "missing column(s) percent" in capsys.readouterr().err
    assert main(["ownership", str(edges)]) == EXIT_USAGE  # no seeds at all
