"""Health, readiness (with a freshness hook), /v1/lists, the reload endpoint, logging."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence

import pytest
from fastapi.testclient import TestClient
from http_support import LOOPBACK, UID_A, UID_B

from screening import Screener, StaleListError, Watchlist
from screening.config import bundled_sample_path
from screening.http import ScreenerHolder, create_app
from screening.http.holder import lists_version

pytest_plugins = ["http_fixtures"]


def test_healthz(http_client: TestClient) -> None:
    assert http_client.get("/healthz").json() == {"status": "ok"}


def test_ready_once_a_list_is_loaded(http_client: TestClient, screener_a: Screener) -> None:
    response = http_client.get("/readyz")
    assert response.status_code == 200
    version = lists_version(screener_a.identities)
    assert response.json() == {
        "ready": True,
        "detail": f"lists version {version}",
        "lists_version": version,
    }


def test_not_ready_while_the_first_load_runs_then_ready(screener_a: Screener) -> None:
    release = threading.Event()

    def slow() -> Screener:
        release.wait(10)
        return screener_a

    with TestClient(create_app(ScreenerHolder(slow))) as tc:
        response = tc.get("/readyz")
        assert response.status_code == 503
        assert response.json()["detail"] == "the lists are still loading"
        assert tc.get("/healthz").status_code == 200
        response = tc.get("/v1/screen", params={"name": "Chen Quanguo"})
        assert response.status_code == 503
        assert response.json() == {"error": "not_ready", "detail": "the lists are still loading"}
        release.set()
        for _ in range(200):
            if tc.get("/readyz").status_code == 200:
                break
            threading.Event().wait(0.01)
        assert tc.get("/v1/screen", params={"name": "Chen Quanguo"}).status_code == 200


def test_not_ready_when_the_first_load_fails() -> None:
    def missing() -> Screener:
        return Screener.from_directory("/nonexistent/lists")

    with TestClient(create_app(ScreenerHolder(missing))) as tc:
        for _ in range(200):
            detail = tc.get("/readyz").json()["detail"]
            if detail != "the lists are still loading":
                break
            threading.Event().wait(0.01)
        response = tc.get("/readyz")
        assert response.status_code == 503
        assert response.json()["detail"].startswith("reload failed: ")
        assert "/nonexistent/lists" in response.json()["detail"]


def _freshness_client(screener: Screener, stale: bool) -> TestClient:
    def check(lists: Sequence[Watchlist]) -> tuple[str, ...]:
        assert [wl.identity for wl in lists] == list(screener.identities)
        if stale:
            raise StaleListError("SDN published 2020-07-09 is 2328 days old (max 7)")
        return ("SDN published 2020-07-09 is 2328 days old (max 3650)",)

    holder = ScreenerHolder(lambda: screener, freshness=check)
    holder.install(screener)
    return TestClient(create_app(holder), raise_server_exceptions=False)


def test_stale_lists_under_fail_closed_make_the_service_unready(screener_a: Screener) -> None:
    with _freshness_client(screener_a, stale=True) as tc:
        response = tc.get("/readyz")
        assert response.status_code == 503
        assert response.json()["detail"] == (
            "stale lists: SDN published 2020-07-09 is 2328 days old (max 7)"
        )
        response = tc.get("/v1/screen", params={"name": "Chen Quanguo"})
        assert response.status_code == 503
        assert response.json()["error"] == "stale_lists"
        assert tc.get("/v1/lists").json()["warnings"] == [
            "SDN published 2020-07-09 is 2328 days old (max 7)"
        ]


def test_freshness_warnings_keep_the_service_ready(screener_a: Screener) -> None:
    with _freshness_client(screener_a, stale=False) as tc:
        response = tc.get("/readyz")
        assert response.status_code == 200
        assert response.json()["detail"].endswith(
            "; SDN published 2020-07-09 is 2328 days old (max 3650)"
        )
        assert tc.get("/v1/screen", params={"name": "Chen Quanguo"}).status_code == 200


def test_lists_names_identity_files_and_age(http_client: TestClient, screener_a: Screener) -> None:
    body = http_client.get("/v1/lists").json()
    sha256 = hashlib.sha256(bundled_sample_path().read_bytes()).hexdigest()
    assert body["lists_version"] == lists_version(screener_a.identities)
    (listed,) = body["lists"]
    assert listed["identity"] == {
        "source": "SDN",
        "format": "ofac-advanced-xml",
        "publish_date": "2020-07-09",
        "record_count": 5,
        "sha256": sha256,
        "sample": True,
    }
    assert listed["files"] == [
        {"name": "SDN_ADVANCED.XML", "size": bundled_sample_path().stat().st_size, "sha256": sha256}
    ]
    assert listed["age_days"] >= 2000
    assert body["reloads"] == 0 and body["last_error"] is None


def test_reload_swaps_versions_and_keeps_the_old_one_on_failure(
    screener_a: Screener, screener_b: Screener
) -> None:
    versions = iter([screener_b, RuntimeError("SDN_ADVANCED.XML, line 3: broken")])

    def loader() -> Screener:
        step = next(versions)
        if isinstance(step, Exception):
            raise step
        return step

    holder = ScreenerHolder(loader)
    holder.install(screener_a)
    a, b = lists_version(screener_a.identities), lists_version(screener_b.identities)
    with TestClient(create_app(holder), client=LOOPBACK) as tc:
        response = tc.post("/v1/admin/reload")
        assert response.status_code == 200
        assert response.json() | {"seconds": 0} == {
            "lists_version": b,
            "previous_version": a,
            "changed": True,
            "seconds": 0,
        }
        hits = tc.get("/v1/screen", params={"name": "Chen Quanguo"}).json()["hits"]
        assert [h["entry"]["uid"] for h in hits] == [UID_B]
        response = tc.post("/v1/admin/reload")
        assert response.status_code == 500
        assert response.json() == {
            "error": "reload_failed",
            "detail": "SDN_ADVANCED.XML, line 3: broken; the previous lists stay in service",
        }
        assert tc.get("/readyz").status_code == 200
        listed = tc.get("/v1/lists").json()
        assert listed["lists_version"] == b
        assert listed["reloads"] == 1
        assert listed["last_error"] == "reload failed: SDN_ADVANCED.XML, line 3: broken"
        hits = tc.get("/v1/screen", params={"name": "Chen Quanguo"}).json()["hits"]
        assert [h["entry"]["uid"] for h in hits] == [UID_B]
    assert UID_A != UID_B


@pytest.mark.parametrize("peer", [("10.1.2.3", 40000), ("testclient", 50000)])
def test_reload_refused_from_other_addresses(screener_a: Screener, peer: tuple[str, int]) -> None:
    holder = ScreenerHolder(lambda: screener_a)
    holder.install(screener_a)
    with TestClient(create_app(holder), client=peer) as tc:
        response = tc.post("/v1/admin/reload")
    assert response.status_code == 403
    assert response.json() == {
        "error": "forbidden",
        "detail": "reload is only accepted from a loopback address",
    }
    assert holder.reloads == 0


def test_logs_hold_no_screened_name_at_info(
    http_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    name = "Quanguo Chenzhangwei"
    with caplog.at_level(logging.INFO):
        http_client.get("/v1/screen", params={"name": name})
        http_client.post("/v1/screen", json={"queries": [{"name": name}]})
        http_client.get("/v1/screen", params={"name": name, "dob": "bad"})
    logged = _server_log(caplog)
    assert "GET /v1/screen 200" in logged and "GET /v1/screen 422" in logged
    assert "POST /v1/screen 200" in logged
    assert "Chenzhangwei" not in logged
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="screening.http"):
        http_client.get("/v1/screen", params={"name": name})
    assert "Chenzhangwei" in _server_log(caplog)


def _server_log(caplog: pytest.LogCaptureFixture) -> str:
    # The test http_client's own log (httpx2) holds its request URLs; it is not the server's.
    http_client = ("httpx2", "httpcore2")
    return "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith(http_client))
