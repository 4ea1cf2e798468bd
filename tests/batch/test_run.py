"""screen_file: every row accounted for, output in input order and identical however it is run."""

from __future__ import annotations

import csv
import gc
import io
import json
from pathlib import Path

import pytest
from factories import entry, watchlist

from screening import BatchProgress, InputError, Screener, screen_file
from screening.batch.writing import OUTPUT_COLUMNS, unescape_cell
from screening.models import EntryKind

CUSTOMERS = """\
id,name,dob,country,kind
C1,Quanguo Chen,1955,China,person
C2,John Smith,,,
C3,"AL-HOUTHI, Mohammed Ali",,,individual
C4,,1970,,
C5,Banco Nacional de Cuba,,,company
C6,too,few
C7,Wang Mingshan,1964,Atlantis,robot
C8,"=HYPERLINK(""http://x"")",,,
"""


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(
        watchlist(
            [
                entry("29220", "CHEN, Quanguo", "陈全国", programs=["GLOMAG"], dob=1955,
                      nationality="China"),
                entry("29162", "WANG, Mingshan", programs=["GLOMAG"], dob=1964),
                entry("30000", "AL-HOUTHI, Mohammed Ali", programs=["YEMEN"]),
                entry("306", "BANCO NACIONAL DE CUBA", kind=EntryKind.ENTITY, programs=["CUBA"]),
            ]
        )
    )  # fmt: skip


def write(tmp_path: Path, text: str | bytes, name: str = "customers.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def reload(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [{k: unescape_cell(v) for k, v in row.items()} for row in csv.DictReader(f)]


def run(screener: Screener, source: Path, out: Path, **options: object) -> object:
    options.setdefault("workers", 1)
    return screen_file(
        source,
        out,
        name_column="name",
        id_column="id",
        dob_column="dob",
        country_column="country",
        kind_column="kind",
        screener=screener,
        **options,  # type: ignore[arg-type]
    )


def test_hits_rejects_and_counts(screener: Screener, tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    summary = run(screener, write(tmp_path, CUSTOMERS), out)
    rows = reload(out)
    assert [(r["line"], r["row_id"], r["uid"]) for r in rows] == [
        ("2", "C1", "29220"),
        ("4", "C3", "30000"),
        ("6", "C5", "306"),
        ("8", "C7", "29162"),
    ]
    first = rows[0]
    assert first["name"] == "Quanguo Chen"
    assert first["entry_name"] == "CHEN, Quanguo"
    assert first["kind"] == "individual" and first["programs"] == "GLOMAG"
    assert first["list_source"] == "SDN" and first["list_publish_date"] == "2020-07-09"
    assert first["list_sha256"] == "0" * 64 and first["list_sample"] == "false"
    assert first["threshold"] == "0.8500" and first["library_version"] == "0.1.0"
    assert "dob year 1955 fits listed 1955" in first["explanation"]
    assert rows[3]["note"] == (
        "unknown kind 'robot': screened without a kind; unknown country 'Atlantis' (use a name "
        "or an ISO 3166 code): screened without the country"
    )
    with open(str(out) + ".rejects.csv", encoding="utf-8", newline="") as f:
        rejects = list(csv.DictReader(f))
    assert [(r["line"], r["reason"]) for r in rejects] == [
        ("5", "no name: the name column is empty"),
        ("7", "3 fields, header has 5"),
    ]
    assert rejects[1]["raw"] == "C6,too,few"
    assert (summary.rows_read, summary.rows_screened, summary.rows_rejected) == (8, 6, 2)  # type: ignore[attr-defined]
    assert (summary.rows_with_hits, summary.hits, summary.rows_noted) == (4, 4, 1)  # type: ignore[attr-defined]


def test_all_rows_writes_one_line_per_screened_row(screener: Screener, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    run(screener, write(tmp_path, CUSTOMERS), out, all_rows=True)
    rows = reload(out)
    assert [r["line"] for r in rows] == ["2", "3", "4", "6", "8", "9"]
    assert rows[1]["uid"] == "" and rows[1]["rank"] == ""
    assert rows[5]["name"] == '=HYPERLINK("http://x")'
    assert "'=HYPERLINK" in out.read_text(encoding="utf-8")


def test_output_is_identical_whatever_the_workers_and_chunks(
    screener: Screener, tmp_path: Path
) -> None:
    body = "".join(
        f"{i},{name},,,\n"
        for i, name in enumerate(["Chen Quanguo", "Mary Jones", "", "Wang Ming Shan", "x,y"] * 40)
    )
    source = write(tmp_path, "id,name,dob,country,kind\n" + body)
    outputs = []
    for n, (workers, chunk_rows) in enumerate([(1, 2000), (2, 1), (2, 7), (3, 50)]):
        out = tmp_path / f"out{n}.csv"
        run(screener, source, out, workers=workers, chunk_rows=chunk_rows, all_rows=True)
        outputs.append((out.read_bytes(), Path(str(out) + ".rejects.csv").read_bytes()))
    assert len(set(outputs)) == 1
    rows = reload(tmp_path / "out0.csv")
    assert [int(r["line"]) for r in rows] == sorted(int(r["line"]) for r in rows)


def test_jsonl_output_matches_the_csv_output(screener: Screener, tmp_path: Path) -> None:
    source = write(tmp_path, CUSTOMERS)
    run(screener, source, tmp_path / "o.csv", all_rows=True)
    run(screener, source, tmp_path / "o.jsonl", all_rows=True, output_format="jsonl")
    from_csv = reload(tmp_path / "o.csv")
    lines = (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()
    from_json = [json.loads(line) for line in lines]
    assert len(from_json) == len(from_csv)
    for c, j in zip(from_csv, from_json, strict=True):
        assert list(j) == list(OUTPUT_COLUMNS)
        assert c["name"] == j["name"] and c["uid"] == (j["uid"] or "")
        assert c["programs"] == "; ".join(j["programs"] or [])


def test_header_only_file(screener: Screener, tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    summary = run(screener, write(tmp_path, "id,name,dob,country,kind\r\n"), out)
    assert summary.rows_read == 0  # type: ignore[attr-defined]
    assert out.read_bytes() == (",".join(OUTPUT_COLUMNS) + "\r\n").encode()


@pytest.mark.parametrize(
    ("column", "message"),
    [("surname", "name column 'surname' is not in the header"), ("ID", "several")],
)
def test_missing_or_ambiguous_column(
    screener: Screener, tmp_path: Path, column: str, message: str
) -> None:
    source = write(tmp_path, "id,Id,name\n1,2,Bob\n")
    with pytest.raises(InputError, match=message):
        screen_file(source, tmp_path / "o.csv", name_column=column, screener=screener)


def test_column_names_match_case_and_space_insensitively(
    screener: Screener, tmp_path: Path
) -> None:
    source = write(tmp_path, "Customer ID; Full Name \n1;Chen Quanguo\n")
    out = tmp_path / "o.csv"
    screen_file(source, out, name_column="full name", id_column="customer id", screener=screener)
    assert [r["row_id"] for r in reload(out)] == ["1"]


def test_output_to_a_stream_needs_a_reject_file(screener: Screener, tmp_path: Path) -> None:
    source = write(tmp_path, CUSTOMERS)
    with pytest.raises(InputError, match="reject file"):
        screen_file(source, io.BytesIO(), name_column="name", screener=screener)
    buffer = io.BytesIO()
    screen_file(source, buffer, name_column="name", screener=screener, rejects=tmp_path / "r.csv")
    assert buffer.getvalue().count(b"\r\n") == 5  # header + 4 hits


def test_progress_is_reported_after_each_chunk(screener: Screener, tmp_path: Path) -> None:
    seen: list[BatchProgress] = []
    run(screener, write(tmp_path, CUSTOMERS), tmp_path / "o.csv", chunk_rows=3,
        progress=seen.append)  # fmt: skip
    assert [p.counts.rows_read for p in seen] == [3, 6, 8]
    assert seen[-1].bytes_done == seen[-1].bytes_total == len(CUSTOMERS)


def test_a_bad_threshold_fails_before_any_row(screener: Screener, tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    with pytest.raises(InputError, match="threshold"):
        run(screener, write(tmp_path, CUSTOMERS), out, threshold=1.5)
    assert not out.exists()


def test_the_output_never_overwrites_the_input(screener: Screener, tmp_path: Path) -> None:
    source = write(tmp_path, CUSTOMERS)
    with pytest.raises(InputError, match="would overwrite the input"):
        run(screener, source, source)
    with pytest.raises(InputError, match="would overwrite the input"):
        run(screener, source, tmp_path / "o.csv", rejects=tmp_path / "." / "customers.csv")
    assert source.read_text(encoding="utf-8") == CUSTOMERS


def test_what_the_screener_keeps_is_frozen_chunk_by_chunk_and_thawed_after(
    tmp_path: Path,
) -> None:
    # Names a screener keeps prepared would pile up in the collector's oldest generation and
    # be traversed by every full collection for the rest of a run: each chunk collects its
    # garbage, then freezes what survives. The run thaws what it froze.
    fresh = Screener(watchlist([entry("29220", "CHEN, Quanguo", programs=["GLOMAG"])]))
    rows = "1,Quanguo Chen\n2,Quanguo Chen\n3,Ana Lima\n4,Jo Li\n".replace("\n", ",,,\n")
    source = write(tmp_path, "id,name,dob,country,kind\n" + rows)
    seen: list[bool] = []

    def check(_: BatchProgress) -> None:
        (query,) = fresh._prepared.values()
        tracked = {id(o) for o in gc.get_objects()}  # the generations; frozen objects are not
        seen.append(gc.is_tracked(query) and id(query) not in tracked)

    assert gc.get_freeze_count() == 0
    run(fresh, source, tmp_path / "out.csv", chunk_rows=2, progress=check)
    assert seen == [True, True]
    assert gc.get_freeze_count() == 0
