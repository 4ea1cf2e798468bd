"""`screening batch` with an allow-list and as a delta re-screen (--only-changed-since)."""

from __future__ import annotations

import csv
from pathlib import Path

from screening import load_bundled_sample
from screening.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "lists" / "sample" / "SDN_ADVANCED.XML"


def _customers(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    path.write_text("id,name\nc1,陈全国\nc2,Wang Mingshan\nc3,Jane Doe\n", encoding="utf-8")
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def _lists(tmp_path: Path, name: str, text: str) -> Path:
    directory = tmp_path / name
    directory.mkdir()
    (directory / "SDN_ADVANCED.XML").write_text(text, encoding="utf-8")
    return directory


def test_allowlisted_hits_are_written_as_suppressed_and_reraised_when_the_entry_changes(
    tmp_path: Path,
) -> None:
    chen = load_bundled_sample()["29220"]
    allow = tmp_path / "allow.csv"
    allow.write_text(
        "customer_id,list_uid,content_hash,decided_by,decided_at,reason\n"
        f"c1,29220,{chen.content_hash()},analyst 7,2026-01-05,customer is a namesake\n"
        f"c2,29162,{'0' * 64},analyst 7,2026-01-05,decided on an older entry\n",
        encoding="utf-8",
    )
    out = tmp_path / "hits.csv"
    args = ["batch", str(_customers(tmp_path)), "-o", str(out), "--name-column", "name",
            "--id-column", "id", "--allowlist", str(allow), "--workers", "1", "-q"]  # fmt: skip
    assert main(args) == 0
    rows = {(r["row_id"], r["uid"]): r for r in _rows(out)}
    suppressed = rows[("c1", "29220")]
    assert suppressed["rank"] == "0" and suppressed["note"].startswith("SUPPRESSED")
    reraised = rows[("c2", "29162")]
    assert reraised["rank"] == "1" and "re-raised" in reraised["note"]


def test_only_changed_since_screens_against_the_changed_entries_only(tmp_path: Path) -> None:
    new_text = SAMPLE.read_text(encoding="utf-8")
    old = _lists(tmp_path, "old", new_text.replace("Mingshan", "Mingshen"))
    new = _lists(tmp_path, "new", new_text)
    out = tmp_path / "hits.csv"
    args = ["batch", str(_customers(tmp_path)), "-o", str(out), "--name-column", "name",
            "--id-column", "id", "--lists", str(new), "--only-changed-since", str(old),
            "--workers", "1", "-q"]  # fmt: skip
    assert main(args) == 0
    hits = [(r["row_id"], r["uid"]) for r in _rows(out)]
    assert hits == [("c2", "29162")]  # WANG Mingshan changed; CHEN Quanguo did not
    full = tmp_path / "full.csv"
    assert main([*args[:3], str(full), *args[4:10], "--workers", "1", "-q"]) == 0
    full_rows = {(r["row_id"], r["uid"]): r["score"] for r in _rows(full)}
    assert full_rows[("c2", "29162")] == _rows(out)[0]["score"]  # scored as a full run
