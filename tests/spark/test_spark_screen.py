"""screen_dataframe in local mode: the same hits as Screener.screen, no row ever dropped, and
lists that cannot be loaded stop the call on the driver."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pyspark.sql import SparkSession

from screening import (
    InputError,
    ListFormatError,
    ListNotFoundError,
    Screener,
    load_bundled_sample,
)
from screening.spark import screen_dataframe

pytestmark = pytest.mark.spark

COMPARED = ("status", "rank", "uid", "score", "matched_name", "entry_name", "explanation")
SAMPLE_NAMES = [
    "Chen Quanguo",
    "陈全国",
    "CHEN, Quanguo",
    "Quanguo Chen",
    "Xinjiang Public Security Bureau",
    "新疆公安局",
    "Zhu Hai Lun",
    "Wang Mingshan",
    "Huo Liujun",
    "Chen",
    "John Smith",
    "",
    "   ",
    "😀",
    "x" * 5000,
]


@pytest.fixture(scope="module")
def sample() -> Screener:
    return Screener(load_bundled_sample())


def expected_rows(screener: Screener, rows: list[tuple[Any, Any]], **options: Any) -> list[tuple]:
    """What the pure-Python path gives, row by row, in the compared columns."""
    out: list[tuple] = []
    for row_id, name in rows:
        if not isinstance(name, str):
            out.append((row_id, "ERROR", None, None, None, None, None, None))
            continue
        hits = screener.screen(name, **options).hits
        if not hits:
            out.append((row_id, "CLEAR", None, None, None, None, None, None))
        for rank, hit in enumerate(hits, start=1):
            summary = hit.explanation.summary()
            entry_name = hit.entry.primary_name.full
            out.append(
                (
                    row_id,
                    "HIT",
                    rank,
                    hit.entry.uid,
                    hit.score,
                    hit.matched_name,
                    entry_name,
                    summary,
                )
            )
    return sorted(out, key=repr)


def spark_rows(frame: Any) -> list[tuple]:
    return sorted((tuple(r) for r in frame.select("id", *COMPARED).collect()), key=repr)


def test_same_hits_scores_and_uids_as_screener(spark: SparkSession, sample: Screener) -> None:
    rows = list(enumerate(SAMPLE_NAMES))
    df = spark.createDataFrame(rows, "id long, name string").repartition(3)
    out = screen_dataframe(df, "name", id_col="id", lists=sample)
    got = spark_rows(out)
    assert got == expected_rows(sample, rows)
    hits = {r[0]: r[3] for r in got if r[1] == "HIT" and r[2] == 1}
    assert hits[0] == hits[1] == hits[2] == "29220"  # CHEN Quanguo, in Latin and Chinese
    assert hits[5] == "29159"  # 新疆公安局: XINJIANG PUBLIC SECURITY BUREAU


def test_hit_rows_carry_the_list_provenance(spark: SparkSession, sample: Screener) -> None:
    df = spark.createDataFrame([(1, "陈全国"), (2, "John Smith")], "id long, name string")
    rows = {r["id"]: r for r in screen_dataframe(df, "name", id_col="id", lists=sample).collect()}
    identity = sample.identities[0]
    hit, clear = rows[1], rows[2]
    assert (hit.status, hit.list_source, hit.list_sha256) == ("HIT", "SDN", identity.sha256)
    assert hit.list_published == identity.publish_date == date(2020, 7, 9)
    assert (hit.kind, hit.programs, hit.entry_name) == ("individual", "GLOMAG", "CHEN, Quanguo")
    assert clear.status == "CLEAR" and clear.list_sha256 is None
    for row in (hit, clear):
        (listed,) = json.loads(row.screened_lists)
        assert (listed["sha256"], listed["sample"]) == (identity.sha256, True)
        assert "SAMPLE" in row.warnings
        assert row.library_version == "0.1.0"


def test_no_row_is_ever_dropped(spark: SparkSession, sample: Screener) -> None:
    big = 2**62 + 1  # beyond a double's exact integers: ids must not pass through floats
    rows = [
        (1, None),
        (None, "Chen Quanguo"),
        (big, ""),
        (4, "y" * 100_000),
        (5, "Chen Quanguo"),
        (6, None),
        (None, None),
    ]
    df = spark.createDataFrame(rows, "id long, name string")
    out = screen_dataframe(df, "name", id_col="id", lists=sample).collect()
    assert sorted(((r.id, r.name, r.status) for r in out if r.status != "HIT"), key=repr) == sorted(
        [
            (1, None, "ERROR"),
            (6, None, "ERROR"),
            (None, None, "ERROR"),
            (big, "", "CLEAR"),
            (4, "y" * 100_000, "CLEAR"),
        ],
        key=repr,
    )
    assert sorted(((r.id, r.uid) for r in out if r.status == "HIT"), key=repr) == sorted(
        [(None, "29220"), (5, "29220")], key=repr
    )
    assert {r.error for r in out if r.status == "ERROR"} == {"name is null"}
    long_row = next(r for r in out if r.id == 4)
    assert "query cut to 1000 characters" in long_row.warnings


@pytest.mark.parametrize(
    ("schema", "value", "reason"),
    [
        ("id string, name int", 5, "name must be a str, got int"),
        ("id string, name double", 1.5, "name must be a str, got float"),
        ("id string, name array<string>", ["Chen", "Quanguo"], "name must be a str, got ndarray"),
    ],
)
def test_non_string_names_are_errors(
    spark: SparkSession, sample: Screener, schema: str, value: object, reason: str
) -> None:
    df = spark.createDataFrame([("a", value), ("b", None)], schema)
    out = screen_dataframe(df, "name", id_col="id", lists=sample)
    assert sorted((r.id, r.status, r.error) for r in out.collect()) == [
        ("a", "ERROR", reason),
        ("b", "ERROR", "name is null"),
    ]


def test_kind_dob_and_country_columns(spark: SparkSession, sample: Screener) -> None:
    rows = [
        (1, "Chen Quanguo", "individual", "1955", "CN"),
        (2, "Chen Quanguo", "individual", "1960", None),
        (3, "Chen Quanguo", "entity", None, None),
        (4, "Chen Quanguo", "bogus", None, None),
        (5, "Chen Quanguo", None, "not a date", None),
        (6, "Chen Quanguo", None, None, None),
    ]
    schema = "id long, name string, kind string, dob string, country string"
    df = spark.createDataFrame(rows, schema)
    out = screen_dataframe(
        df, "name", id_col="id", lists=sample, kind_col="kind", dob_col="dob", country_col="country"
    )
    got = {r.id: (r.status, r.score, r.error) for r in out.collect()}
    for row_id, name, kind, dob, country in rows:
        try:
            result = sample.screen(name, kind=kind, dob=dob, country=country)
        except InputError as exc:
            assert got[row_id] == ("ERROR", None, str(exc))
            continue
        best = result.hits[0].score if result.hits else None
        assert got[row_id] == ("HIT" if result.hits else "CLEAR", best, None)
    assert got[1][1] == 1.0 and got[2][1] is not None and got[2][1] < 1.0  # the dob counts
    assert got[3][0] == "CLEAR" and got[4][0] == "ERROR"


def test_threshold_and_limit_are_passed(spark: SparkSession, sample: Screener) -> None:
    rows = list(enumerate(SAMPLE_NAMES))
    df = spark.createDataFrame(rows, "id long, name string")
    out = screen_dataframe(df, "name", id_col="id", lists=sample, threshold=0.6, limit=2)
    assert spark_rows(out) == expected_rows(sample, rows, threshold=0.6, limit=2)


def test_missing_list_directory_fails_on_the_driver(spark: SparkSession, tmp_path: Path) -> None:
    df = spark.createDataFrame([(1, "Chen Quanguo")], "id long, name string")
    tracker = spark.sparkContext.statusTracker()
    spark.sparkContext.setJobGroup("fail-closed", "must not run")
    try:
        with pytest.raises(ListNotFoundError):
            screen_dataframe(df, "name", id_col="id", lists=tmp_path / "missing")
        (tmp_path / "empty").mkdir()
        with pytest.raises(ListNotFoundError):
            screen_dataframe(df, "name", id_col="id", lists=tmp_path / "empty")
    finally:
        spark.sparkContext.setLocalProperty("spark.jobGroup.id", None)  # type: ignore[arg-type]
    assert tracker.getJobIdsForGroup("fail-closed") == []


def test_malformed_list_file_fails_on_the_driver(spark: SparkSession, tmp_path: Path) -> None:
    (tmp_path / "sdn.csv").write_text('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\n37,broken\n')
    df = spark.createDataFrame([(1, "Chen Quanguo")], "id long, name string")
    with pytest.raises(ListFormatError, match=r"sdn\.csv, line 3"):
        screen_dataframe(df, "name", id_col="id", lists=tmp_path)


def test_bad_options_and_columns_fail_on_the_driver(spark: SparkSession, sample: Screener) -> None:
    df = spark.createDataFrame([(1, "Chen Quanguo")], "id long, name string")
    with pytest.raises(InputError, match="threshold"):
        screen_dataframe(df, "name", id_col="id", lists=sample, threshold=1.5)
    with pytest.raises(InputError, match="limit"):
        screen_dataframe(df, "name", id_col="id", lists=sample, limit=0)
    with pytest.raises(InputError, match="not in the DataFrame"):
        screen_dataframe(df, "nom", id_col="id", lists=sample)
    with pytest.raises(InputError, match="clash"):
        screen_dataframe(df.withColumnRenamed("id", "score"), "name", id_col="score")


@pytest.mark.realdata
def test_real_sdn_list_same_as_screener(spark: SparkSession, sdn_screener: Screener) -> None:
    screener = sdn_screener
    names = [
        "CHEN Quanguo",
        "AEROCARIBBEAN AIRLINES",
        "Banco Nacional de Cuba",
        "Usama bin Laden",
        "Маргарита Симоньян",
        "Maria Gonzalez",
        "Li Wei",
        "Mohammed Ali",
        "Ivan Petrov",
        "Acme Trading LLC",
    ]
    rows = list(enumerate(names))
    df = spark.createDataFrame(rows, "id long, name string")
    got = spark_rows(screen_dataframe(df, "name", id_col="id", lists=screener))
    assert got == expected_rows(screener, rows)
    assert ("HIT", 1, "29220") in {r[1:4] for r in got if r[0] == 0}
