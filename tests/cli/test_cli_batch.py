"""`screening batch` end to end through main(): malformed files, encodings, streams, exit codes."""

from __future__ import annotations

import codecs
import csv
import gc
import io
import json
import sys
from pathlib import Path

import pytest
from conftest import shared_data

from screening.batch.writing import OUTPUT_COLUMNS, unescape_cell
from screening.cli import EXIT_HITS, EXIT_OK, EXIT_USAGE, main


@pytest.fixture(autouse=True)
def _bundled_sample(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SCREENING_LISTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)


def batch(
    tmp_path: Path, data: bytes, *options: str
) -> tuple[int, list[dict[str, str]], list[dict[str, str]]]:
    source = tmp_path / "customers.csv"
    source.write_bytes(data)
    out = tmp_path / "hits.csv"
    code = main(["batch", str(source), "-o", str(out), "--name-column", "name",
                 "--id-column", "id", "--workers", "1", *options])  # fmt: skip
    if code != EXIT_OK and not out.exists():
        return code, [], []
    return code, reload(out), reload(Path(f"{out}.rejects.csv"))


def reload(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [{k: unescape_cell(v) for k, v in row.items()} for row in csv.DictReader(f)]


def test_clean_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, hits, rejects = batch(tmp_path, b"id,name\n1,Chen Quanguo\n2,Ana Lima\n3,Huo Liujun\n")
    assert code == EXIT_OK
    assert [(h["row_id"], h["uid"]) for h in hits] == [("1", "29220"), ("3", "29160")]
    assert rejects == []
    err = capsys.readouterr().err
    assert "bundled SAMPLE list" in err
    assert "utf-8 (detected), delimiter ',' (detected)" in err
    assert "3 rows read: 3 screened (2 with hits, 2 hits), 0 rejected" in err


def test_malformed_rows_are_rejected_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (
        b"id,name\n"
        b"1,Chen Quanguo\n"
        b"2,Wang,Mingshan,extra\n"  # ragged: too many fields
        b"3\n"  # ragged: too few
        b"4,Zhu\x00Hailun\n"  # NUL byte
        b'5,"Huo"Liujun\n'  # text after a closing quote
        b"6,Jos\xe9 Mar\xeda\n"  # cp1252 in a UTF-8 file
        b'7,"never closed\n'  # unterminated quote
        b"8,Wang Mingshan\n"
        b"\n"  # blank line
        b"9,\n"  # no name
        b"10,Ren\xc3\xa9e Zo\xc3\xab\n"  # UTF-8
    )
    code, hits, rejects = batch(tmp_path, data)
    assert code == EXIT_OK
    assert [(h["line"], h["uid"]) for h in hits] == [("2", "29220"), ("9", "29162")]
    assert [(r["line"], r["reason"]) for r in rejects] == [
        ("3", "4 fields, header has 2"),
        ("4", "1 fields, header has 2"),
        ("5", "NUL byte in the record"),
        ("6", "malformed CSV: ',' expected after '\"'"),
        ("7", "byte 0xe9 at byte 6 of line 7 is not valid utf-8"),
        ("8", "unterminated quote: a quoted field opened here is never closed"),
        ("10", "blank line"),
        ("11", "no name: the name column is empty"),
    ]
    assert [r["raw"] for r in rejects][2:5] == [
        "4,Zhu\\x00Hailun",
        '5,"Huo"Liujun',
        "6,Jos\\xe9 Mar\\xeda",
    ]
    err = capsys.readouterr().err
    assert "11 rows read: 3 screened (2 with hits, 2 hits), 8 rejected" in err


def test_empty_file_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = batch(tmp_path, b"")
    assert code == EXIT_USAGE
    assert "the file is empty (no header line)" in capsys.readouterr().err


def test_header_only_file_is_a_clean_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, hits, rejects = batch(tmp_path, b"id,name\r\n")
    assert (code, hits, rejects) == (EXIT_OK, [], [])
    assert (tmp_path / "hits.csv").read_bytes() == (",".join(OUTPUT_COLUMNS) + "\r\n").encode()
    assert "0 rows read: 0 screened" in capsys.readouterr().err


def test_one_megabyte_field(tmp_path: Path) -> None:
    big = "Chen " + "Quanguo" * 150_000  # 1 MB
    code, hits, rejects = batch(
        tmp_path, f'id,name\n1,"{big}"\n2,Chen Quanguo\n'.encode(), "--all-rows"
    )
    assert code == EXIT_OK and rejects == []
    assert [h["name"] for h in hits] == [big, "Chen Quanguo"]


ROWS = "id{0}name\r\n1{0}Chen Quanguo\r\n2{0}Zoë Müller\r\n"


@pytest.mark.parametrize(
    ("data", "options"),
    [
        pytest.param(ROWS.format(";").encode("cp1252"), (), id="cp1252-semicolon"),
        pytest.param(codecs.BOM_UTF8 + ROWS.format("\t").encode(), (), id="bom-tab"),
        pytest.param(
            ROWS.format("|").encode("latin-1"),
            ("--encoding", "latin-1", "--delimiter", "|"),
            id="forced",
        ),
        pytest.param(ROWS.format("\t").encode(), ("--delimiter", "tab"), id="tab-word"),
    ],
)
def test_encodings_and_delimiters(tmp_path: Path, data: bytes, options: tuple[str, ...]) -> None:
    code, hits, rejects = batch(tmp_path, data, "--all-rows", *options)
    assert (code, rejects) == (EXIT_OK, [])
    assert [h["name"] for h in hits] == ["Chen Quanguo", "Zoë Müller"]
    assert hits[0]["uid"] == "29220"


def test_output_reloads_identically_in_csv_and_jsonl(tmp_path: Path) -> None:
    names = [
        "=cmd|' /C calc'!A0", "+Chen Quanguo", "-Wang Mingshan", "@SUM(1)", "O'Brien, Pat",
        'Said "the Lion" Ali', "line\nbreak", "tab\there", "CR\rinside", "陈全国", "'quoted",
    ]  # fmt: skip
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["id", "name"], *([f"id{i}", n] for i, n in enumerate(names))])
    data = buffer.getvalue().encode()
    code, hits, rejects = batch(tmp_path, data, "--all-rows")
    assert (code, rejects) == (EXIT_OK, [])
    assert [h["name"] for h in hits if h["rank"] in ("", "1")] == names
    raw = (tmp_path / "hits.csv").read_text(encoding="utf-8")
    for cell in (c for row in csv.reader(io.StringIO(raw, newline="")) for c in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    jsonl = tmp_path / "hits.jsonl"
    source = str(tmp_path / "customers.csv")
    options = ["--name-column", "name", "--all-rows", "--format", "jsonl"]
    assert main(["batch", source, "-o", str(jsonl), *options]) == EXIT_OK
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["name"] for r in records if r["rank"] in (None, 1)] == names
    assert {h["uid"] for h in hits} == {r["uid"] or "" for r in records}


def test_standard_input_and_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"id;name\n1;Chen Quanguo\n2;x;y\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["batch", "-", "--name-column", "name", "--workers", "1"]) == EXIT_OK
    out, err = capsysbinary.readouterr()
    rows = list(csv.DictReader(io.StringIO(out.decode(), newline="")))
    assert [r["uid"] for r in rows] == ["29220"]
    assert b"rejected rows are in stdin.rejects.csv" in err
    assert "3 fields" in (tmp_path / "stdin.rejects.csv").read_text(encoding="utf-8")


def test_fail_on_hit(tmp_path: Path) -> None:
    code, _, _ = batch(tmp_path, b"id,name\n1,Chen Quanguo\n", "--fail-on-hit")
    assert code == EXIT_HITS
    code, _, _ = batch(tmp_path, b"id,name\n1,Ana Lima\n", "--fail-on-hit")
    assert code == EXIT_OK


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ("--id-column", "customer_no"),
            "id column 'customer_no' is not in the header ['id', 'name']",
        ),
        (("--format", "xlsx"), "invalid choice"),
        (("--workers", "0"), "must be at least 1"),
        (("--encoding", "utf-16"), "not supported"),
        (("--delimiter", '"'), "delimiter must be one character"),
        (("--resume", "-o", "-"), "resuming needs an output file"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: tuple[str, ...], message: str
) -> None:
    code, _, _ = batch(tmp_path, b"id,name\n1,Ana\n", *options)
    assert code == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_quiet_prints_only_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch(tmp_path, b"id,name\n1,Ana\n", "-q")
    assert capsys.readouterr().err.splitlines() == [
        "screening: warning: screened against the bundled SAMPLE list (SDN), not an official "
        "OFAC publication"
    ]


def test_help_documents_exit_codes_and_resume(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "--help"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "2  usage or input error" in out and "--resume" in out and "--all-rows" in out


@pytest.mark.realdata
def test_batch_against_the_consolidated_list(tmp_path: Path) -> None:
    lists = shared_data("ofac", "cons_csv_2025-12-19")
    data = b"id,name\n1,Ismail Haniya\n2,Ana Lima\n3,Mohammed Abu Teir\n"
    code, hits, _ = batch(tmp_path, data, "--lists", str(lists), "--workers", "2")
    assert code == EXIT_OK
    assert [(h["row_id"], h["uid"], h["list_source"]) for h in hits if h["rank"] == "1"] == [
        ("1", "9639", "CONSOLIDATED"),
        ("3", "9640", "CONSOLIDATED"),
    ]
    assert {h["list_sample"] for h in hits} == {"false"}


def test_a_batch_on_workers_leaves_a_callers_frozen_objects_frozen(tmp_path: Path) -> None:
    # The batch freezes the collector while it forks workers, then thaws what it froze, not
    # what a service embedding it had frozen before.
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        code, _, _ = batch(tmp_path, b"id,name\n1,Ana Lima\n2,Jose Perez\n", "--workers", "2")
        assert code == EXIT_OK
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_progress_bar_shows_rows_rate_hits_and_rejects(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from screening.batch import BatchProgress
    from screening.batch.resume import Counts
    from screening.cli.batch import _Bar

    bar = _Bar(mininterval=0)
    bar(BatchProgress(Counts(2000, 1990, 3, 4, 10, 0), 50_000, 200_000, 2000, 0.5))
    bar(BatchProgress(Counts(4000, 3985, 5, 7, 15, 0), 100_000, 200_000, 4000, 1.0))
    bar.close()
    err = capsys.readouterr().err
    assert "4,000 rows, 4,000 rows/s, 7 hits, 15 rejected" in err
    assert "50%" in err
