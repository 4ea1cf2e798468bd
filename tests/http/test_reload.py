"""Reloading a lists directory: through the endpoint, and by watching the directory."""

from __future__ import annotations

import gc
import os
import shutil
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from http_support import LOOPBACK, UID_A, UID_B, write_version_b

from screening import Screener
from screening.config import bundled_sample_path
from screening.errors import StaleListError
from screening.http import ScreenerHolder, create_app
from screening.http.watch import fingerprint
from screening.matching.screener import INDEX_FILE


def _uids(tc: TestClient) -> list[str]:
    hits = tc.get("/v1/screen", params={"name": "Chen Quanguo"}).json()["hits"]
    return [h["entry"]["uid"] for h in hits]


def test_reload_reads_the_new_files_and_refreshes_the_index(tmp_path: Path) -> None:
    shutil.copy(bundled_sample_path(), tmp_path / "SDN_ADVANCED.XML")
    holder = ScreenerHolder.for_directory(tmp_path)
    first = holder.reload()
    assert (tmp_path / INDEX_FILE).is_file()
    with TestClient(create_app(holder), client=LOOPBACK) as tc:
        assert _uids(tc) == [UID_A]
        write_version_b(tmp_path)
        body = tc.post("/v1/admin/reload").json()
        assert body["previous_version"] == first.version
        assert body["changed"] is True
        assert _uids(tc) == [UID_B]
        assert tc.get("/v1/lists").json()["lists_version"] == body["lists_version"]
        # Unchanged files: the saved index is reused and the version stays.
        again = tc.post("/v1/admin/reload").json()
        assert again["changed"] is False and again["lists_version"] == body["lists_version"]


def test_watching_the_directory_reloads_on_change(tmp_path: Path) -> None:
    shutil.copy(bundled_sample_path(), tmp_path / "SDN_ADVANCED.XML")
    holder = ScreenerHolder.for_directory(tmp_path)
    first = holder.reload()
    app = create_app(holder, watch=0.05)
    with TestClient(app) as tc:
        assert app.state.watcher.running
        time.sleep(0.2)
        assert holder.current is not None and holder.current.version == first.version
        assert holder.reloads == 0  # writing the index did not count as a change
        write_version_b(tmp_path)
        deadline = time.monotonic() + 5
        while holder.current.version == first.version and time.monotonic() < deadline:
            time.sleep(0.05)
        assert holder.current.version != first.version
        assert _uids(tc) == [UID_B]
    assert not app.state.watcher.running  # stopped with the application


def test_fingerprint_ignores_the_index_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "SDN.XML").write_text("<x/>")
    before = fingerprint(tmp_path)
    (tmp_path / INDEX_FILE).write_bytes(b"index")
    (tmp_path / f".{INDEX_FILE}.tmp123").write_bytes(b"partial")
    assert fingerprint(tmp_path) == before
    os.utime(tmp_path / "SDN.XML", ns=(0, 0))
    assert fingerprint(tmp_path) != before


def _tracked(obj: object) -> bool:
    return any(o is obj for generation in range(3) for o in gc.get_objects(generation))


def test_a_service_holder_freezes_what_it_loads(tmp_path: Path) -> None:
    # `screening serve` holds its screener this way: no full collection traverses it.
    shutil.copy(bundled_sample_path(), tmp_path / "SDN_ADVANCED.XML")
    plain = ScreenerHolder.for_directory(tmp_path)
    assert _tracked(plain.reload().screener.compiled)  # a library caller's collector is theirs
    holder = ScreenerHolder.for_directory(tmp_path, freeze=True)
    try:
        snap = holder.reload()
        assert gc.get_freeze_count() > 0
        assert not _tracked(snap.screener.compiled)
    finally:
        gc.unfreeze()


def test_a_reload_warms_the_screener_before_it_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(bundled_sample_path(), tmp_path / "SDN_ADVANCED.XML")
    warmed: list[Screener] = []
    monkeypatch.setattr(Screener, "warm_up", lambda self: warmed.append(self))
    snap = ScreenerHolder.for_directory(tmp_path).reload()
    assert warmed == [snap.screener]


def test_a_stale_list_refused_while_warming_up_still_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fail-closed, a stale list refuses to screen; /readyz reports it, the reload stands.
    shutil.copy(bundled_sample_path(), tmp_path / "SDN_ADVANCED.XML")

    def refuse(self: Screener) -> None:
        raise StaleListError("stale")

    monkeypatch.setattr(Screener, "warm_up", refuse)
    holder = ScreenerHolder.for_directory(tmp_path)
    assert holder.reload() is holder.current
