"""Saved indexes: identical results after a round trip; stale or damaged files are never used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from factories import entry, watchlist

from screening import IndexFileError, Screener
from screening.matching import persist
from screening.matching.screener import INDEX_FILE
from screening.models import EntryKind

QUERIES = ["陈全国", "Chen Quan-guo", "V. Putin", "Xinjiang Public Security Bureau", "Chen Wei"]


@pytest.fixture
def screener() -> Screener:
    return Screener(
        watchlist(
            [
                entry("29220", "CHEN, Quanguo", "陈全国", programs=["GLOMAG"], dob=1955),
                entry("35096", "PUTIN, Vladimir Vladimirovich"),
                entry("29159", "XINJIANG PUBLIC SECURITY BUREAU", kind=EntryKind.ENTITY),
            ]
        )
    )


def test_round_trip_gives_identical_results(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "x.screening-index"
    screener.save(path)
    loaded = Screener.load(path)
    for query in QUERIES:
        before = screener.screen(query, threshold=0.5, dob="1955").model_dump_json()
        assert loaded.screen(query, threshold=0.5, dob="1955").model_dump_json() == before
    assert loaded.identities == screener.identities
    assert [e.uid for e in loaded.lists[0]] == ["29220", "35096", "29159"]


def test_truncated_or_corrupt_files_are_refused(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "x.screening-index"
    screener.save(path)
    data = path.read_bytes()
    path.write_bytes(data[:-10])
    with pytest.raises(IndexFileError, match="truncated"):
        Screener.load(path)
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
    with pytest.raises(IndexFileError, match="corrupt"):
        Screener.load(path)
    path.write_bytes(b"not an index")
    with pytest.raises(IndexFileError, match="not a screening index"):
        Screener.load(path)


def test_other_library_version_is_refused(
    screener: Screener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.screening-index"
    screener.save(path)
    monkeypatch.setattr(persist, "_library_version", lambda: "999.0")
    with pytest.raises(IndexFileError, match="built by screening"):
        Screener.load(path)


def test_other_matching_tables_are_refused(
    screener: Screener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.screening-index"
    screener.save(path)
    monkeypatch.setattr(persist, "tables_fingerprint", lambda: "0" * 64)
    with pytest.raises(IndexFileError, match="other matching tables"):
        Screener.load(path)


def _lists_dir(tmp_path: Path) -> Path:
    sample = Path(__file__).resolve().parents[2] / "lists" / "sample" / "SDN_ADVANCED.XML"
    directory = tmp_path / "lists"
    directory.mkdir()
    shutil.copy(sample, directory / "SDN_ADVANCED.XML")
    return directory


def test_from_directory_saves_then_reuses_the_index(tmp_path: Path) -> None:
    directory = _lists_dir(tmp_path)
    first = Screener.from_directory(directory)
    index = directory / INDEX_FILE
    assert index.exists()
    stamp = index.stat().st_mtime_ns
    second = Screener.from_directory(directory)
    assert index.stat().st_mtime_ns == stamp  # reused, not rebuilt
    assert second.screen("陈全国").hits[0].entry.uid == first.screen("陈全国").hits[0].entry.uid


def test_a_changed_list_file_invalidates_the_index(tmp_path: Path) -> None:
    directory = _lists_dir(tmp_path)
    Screener.from_directory(directory)
    xml = directory / "SDN_ADVANCED.XML"
    xml.write_text(xml.read_text(encoding="utf-8").replace("Quanguo", "Quanguoo"), "utf-8")
    rebuilt = Screener.from_directory(directory)
    assert rebuilt.screen("CHEN, Quanguoo").hits[0].score == 1.0
    assert (
        rebuilt.identities[0].sha256
        == persist.read_header(directory / INDEX_FILE).lists[0]["sha256"]
    )
