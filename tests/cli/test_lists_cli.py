"""``screening lists``: show, update (from a server on 127.0.0.1) and diff, end to end."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import shared_data
from listserver import ListServer, body, html_error_page, refused_url, serving

from screening.cli import main

CONS_2018 = "03ff290ee1a079a19676ee3841b1b22511f246f577d9bd707167d283a7df4c0d"


@pytest.fixture(autouse=True)
def no_configured_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SCREENING_LISTS_DIR", "SCREENING_MAX_LIST_AGE_DAYS", "SCREENING_FAIL_CLOSED"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[ListServer]:
    consolidated = shared_data("ofac", "consolidated_xml_2018-05") / "consolidated.xml"
    with serving() as s:
        s.routes["CONSOLIDATED.XML"] = body(consolidated.read_bytes())
        yield s


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_shows_the_bundled_sample_as_such(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lists")
    assert code == 0
    assert out.startswith("SDN (ofac-advanced-xml) — SAMPLE, not an official OFAC publication\n")
    assert "  published    2020-07-09\n" in out
    assert "  records      5\n" in out
    assert "STALE" not in out  # the sample is labelled, not aged


def test_lists_json_for_a_directory_of_official_files(capsys: pytest.CaptureFixture[str]) -> None:
    folder = shared_data("ofac", "cons_advanced_2020-03-17")
    code, out, _ = run(capsys, "lists", "show", "--lists", str(folder), "--json")
    assert code == 0
    (info,) = json.loads(out)
    assert info["source"] == "CONSOLIDATED" and info["format"] == "ofac-advanced-xml"
    assert (info["publish_date"], info["record_count"]) == ("2020-03-17", 375)
    assert info["sha256"] == "f7a1d6c896dbd096bb54a5ab615c77488578be49449728244d9f3a1456020c8c"
    assert info["path"] == str(folder / "cons_advanced.xml")
    assert info["age_basis"] == "published" and info["age_days"] > 2000
    assert "was published 2020-03-17" in info["stale"]


def test_update_then_show_the_store(
    capsys: pytest.CaptureFixture[str], server: ListServer, tmp_path: Path
) -> None:
    store = str(tmp_path / "lists")
    argv = ("lists", "update", "--lists-dir", store, "--source", server.url)
    code, out, err = run(capsys, *argv, "--publication", "cons_xml")
    assert (code, err) == (0, "")
    assert out.startswith(f"CONS_XML: installed 2018-04-06, 639 entries, sha256 {CONS_2018} in ")
    code, out, _ = run(capsys, *argv, "--publication", "CONS_XML")
    assert out == f"CONS_XML: unchanged, still 2018-04-06, 639 entries, sha256 {CONS_2018}\n"

    code, out, _ = run(capsys, "lists", "--lists", store, "--json")
    (info,) = json.loads(out)
    assert (info["publication"], info["version"]) == ("CONS_XML", f"2018-04-06_{CONS_2018[:12]}")
    assert info["url"] == server.url + "CONSOLIDATED.XML"
    assert info["path"].endswith(f"CONS_XML/2018-04-06_{CONS_2018[:12]}/CONSOLIDATED.XML")
    assert info["checked_at"] >= info["downloaded_at"]


def test_a_refused_update_says_why_and_that_nothing_changed(
    capsys: pytest.CaptureFixture[str], server: ListServer, tmp_path: Path
) -> None:
    store = str(tmp_path / "lists")
    argv = ("lists", "update", "--lists-dir", store, "--source", server.url, "--publication")
    assert run(capsys, *argv, "CONS_XML")[0] == 0
    server.routes["CONSOLIDATED.XML"] = html_error_page()
    code, out, err = run(capsys, *argv, "CONS_XML")
    assert (code, out) == (2, "")
    assert err == (
        "screening: CONS_XML: CONSOLIDATED.XML is an HTML page titled 'Service Unavailable - "
        "Maintenance', not the list (an error page?); the list in use is unchanged "
        f"(2018-04-06_{CONS_2018[:12]})\n"
    )


def test_offline_update_fails_clearly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "lists", "update", "--lists-dir", str(tmp_path), "--source", refused_url(),
        "--retries", "0",
    )  # fmt: skip
    assert code == 2
    assert "SDN_ADVANCED: SDN_ADVANCED.XML: cannot reach 127.0.0.1:" in err
    assert "offline, or the server is down; no list of it is installed" in err
    assert "CONS_ADVANCED: CONS_ADVANCED.XML: cannot reach" in err  # each publication tried


def test_update_refuses_plain_http_to_another_host(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "lists", "update", "--lists-dir", str(tmp_path),
        "--source", "http://www.treasury.gov/ofac/downloads/",
    )  # fmt: skip
    assert code == 2 and "only https:// is allowed" in err


def test_update_needs_a_lists_dir(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "lists", "update")
    assert code == 2 and "--lists-dir DIR or $SCREENING_LISTS_DIR" in err


def test_diff_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    old = shared_data("ofac", "consolidated_xml_2018-05") / "cons_prim.csv"
    new = shared_data("ofac", "cons_csv_2025-12-19")
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new))
    assert code == 0
    lines = out.splitlines()
    assert lines[2] == "78 added, 275 removed, 288 changed, 76 unchanged"
    assert "     27016  PRESIDENCY OF DEFENSE INDUSTRIES  [CAATSA - RUSSIA]" in lines
    at = lines.index("     15268  BANK OF KUNLUN CO LTD")
    assert lines[at + 1] == "            programs: +561-Related  -561List"
    assert lines[at + 2] == "            identifiers: +SWIFT/BIC CKLBCNBJ  -SWIFT/BIC CKLB CN BJ"
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new), "--json")
    assert json.loads(out)["counts"]["changed"] == 288
