"""Output rows: spreadsheet-safe cells that reload to the original values, in CSV and JSONL."""

from __future__ import annotations

import csv
import io
import json

import pytest
from factories import entry, watchlist
from hypothesis import given
from hypothesis import strategies as st

from screening import Screener
from screening.batch.writing import (
    OUTPUT_COLUMNS,
    InputRow,
    compact_explanation,
    escape_cell,
    format_rejects,
    format_rows,
    output_values,
    readable_raw,
    unescape_cell,
)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1-555-0100", "'+1-555-0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("'quoted", "''quoted"),
        ("O'Brien", "O'Brien"),
        ("Jean-Luc", "Jean-Luc"),
        ("", ""),
    ],
)
def test_escape_cell(value: str, written: str) -> None:
    assert escape_cell(value) == written
    assert unescape_cell(written) == value


@given(st.text())
def test_escape_is_reversible_and_never_starts_a_formula(value: str) -> None:
    written = escape_cell(value)
    assert unescape_cell(written) == value
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(
        watchlist(
            [
                entry("29220", "CHEN, Quanguo", "陈全国", programs=["GLOMAG"], dob=1955),
                entry("7", "=EVIL, Formula", programs=["SDGT", "IRGC"]),
            ]
        )
    )


def test_compact_explanation_names_non_exact_relations_and_adjustments(
    screener: Screener,
) -> None:
    hit = screener.screen("Chen Quanguo", dob="1955").hits[0]
    text = compact_explanation(hit.explanation)
    assert text.startswith("chen=chen, quanguo=quanguo")
    assert "dob year 1955 fits listed 1955 +0.0" in text


def test_compact_explanation_says_how_a_name_was_read_when_not_as_written() -> None:
    # The aligned tokens are the reading's (rosneft), not the row's (R O S N E F T).
    s = Screener(watchlist([entry("1", "ROSNEFT", kind="entity")]))
    text = compact_explanation(s.screen("R O S N E F T").hits[0].explanation)
    assert text == "read with its letters joined as 'ROSNEFT'; rosneft=rosneft"


def _rows(screener: Screener) -> list[tuple[object, ...]]:
    rows = [
        InputRow(2, "C-1", "陈全国", "", "", ""),
        InputRow(3, "=2+2", "=Evil Formula", "", "", ""),
    ]
    out = []
    for row in rows:
        for rank, hit in enumerate(screener.screen(row.name).hits, 1):
            out.append(output_values(row, rank, hit, 0.85, "0.1.0", ""))
    out.append(
        output_values(
            InputRow(4, "-5", "No Hit\r\nName", "", "", ""), 0, None, 0.85, "0.1.0", "a note"
        )
    )
    return out


def test_csv_rows_reload_to_the_values_written(screener: Screener) -> None:
    values = _rows(screener)
    text = format_rows(values, "csv")  # type: ignore[arg-type]
    reloaded = [
        [unescape_cell(c) for c in row] for row in csv.reader(io.StringIO(text, newline=""))
    ]
    assert [r[2] for r in reloaded] == ["陈全国", "=Evil Formula", "No Hit\r\nName"]
    assert [r[1] for r in reloaded] == ["C-1", "=2+2", "-5"]
    assert reloaded[1][9] == "SDGT; IRGC"
    assert reloaded[0][4] == "1.0000"
    assert reloaded[2][3:15] == [""] * 12
    assert all(len(r) == len(OUTPUT_COLUMNS) for r in reloaded)
    # Nothing in the file starts a formula.
    assert not any(
        c.startswith(("=", "+", "-", "@"))
        for row in csv.reader(io.StringIO(text, newline=""))
        for c in row
    )


def test_jsonl_rows_keep_values_and_types(screener: Screener) -> None:
    values = _rows(screener)
    records = [json.loads(line) for line in format_rows(values, "jsonl").splitlines()]  # type: ignore[arg-type]
    assert list(records[0]) == list(OUTPUT_COLUMNS)
    assert records[1]["name"] == "=Evil Formula"
    assert records[1]["programs"] == ["SDGT", "IRGC"]
    assert records[0]["score"] == 1.0 and records[0]["list_sample"] is False
    assert records[2]["uid"] is None and records[2]["note"] == "a note"


def test_reject_raw_text_is_readable() -> None:
    raw = "1,Jos\udce9,\x00\r\n"
    assert readable_raw(raw, "utf-8") == "1,Jos\\xe9,\\x00"
    text = format_rejects([(7, "NUL byte in the record", readable_raw(raw, "utf-8"))], header=True)
    assert text == 'line,reason,raw\r\n7,NUL byte in the record,"1,Jos\\xe9,\\x00"\r\n'
