"""Load on a real server (uvicorn, 127.0.0.1 only): 8 concurrent clients for about 2 seconds
while the lists are reloaded back and forth between two versions. Every response must be the
library's answer for exactly one of the two versions; no errors. Bounded in time and count."""

from __future__ import annotations

import http.client
import itertools
import json
import logging
import threading
import time
from collections import Counter
from urllib.parse import quote

import pytest
from http_support import UID_A, UID_B, running_server

from screening import Screener
from screening.http import ScreenerHolder, create_app
from screening.http.holder import lists_version
from screening.http.screen_routes import VERSION_HEADER

pytest_plugins = ["http_fixtures"]

CLIENTS = 8
SECONDS = 2.0
MAX_REQUESTS = 3000  # per client, whatever the speed of the machine
NAMES = ["Chen Quanguo", "陈全国", "Zhu Hailun", "John Smith", "Xinjiang Public Security Bureau"]


def test_concurrent_clients_while_reloading(
    screener_a: Screener, screener_b: Screener, caplog: pytest.LogCaptureFixture
) -> None:
    versions = {lists_version(s.identities): s for s in (screener_a, screener_b)}
    expected = {
        (version, name): screener.screen(name).model_dump_json()
        for version, screener in versions.items()
        for name in NAMES
    }
    assert (
        json.loads(expected[lists_version(screener_a.identities), NAMES[0]])["hits"][0]["entry"][
            "uid"
        ]
        == UID_A
    )
    assert (
        json.loads(expected[lists_version(screener_b.identities), NAMES[0]])["hits"][0]["entry"][
            "uid"
        ]
        == UID_B
    )
    toggle = itertools.cycle([screener_b, screener_a])
    holder = ScreenerHolder(lambda: next(toggle))  # reloads run one at a time
    holder.install(screener_a)
    errors: list[str] = []
    seen: Counter[str] = Counter()
    reloads = 0

    def client(number: int, port: int, stop: float) -> None:
        # A generous timeout: on a loaded CI machine a reload can stall a request for seconds.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            _requests(conn, number, stop)
        except Exception as exc:  # recorded, so that the failure says what happened
            errors.append(f"client {number}: {exc!r}")
        finally:
            conn.close()

    def _requests(conn: http.client.HTTPConnection, number: int, stop: float) -> None:
        for n in range(MAX_REQUESTS):
            if time.monotonic() > stop:
                break
            picked = [NAMES[(number + n + k) % len(NAMES)] for k in range(3)]
            if n % 5 == 4:
                body = json.dumps({"queries": [{"name": name} for name in picked]})
                conn.request("POST", "/v1/screen", body, {"Content-Type": "application/json"})
            else:
                conn.request("GET", f"/v1/screen?name={quote(picked[0])}")
            response = conn.getresponse()
            data = response.read().decode()
            version = response.getheader(VERSION_HEADER) or ""
            seen[version] += 1
            if response.status != 200 or version not in versions:
                errors.append(f"{response.status} {version!r} {data[:200]}")
            elif n % 5 == 4:
                results = ",".join(expected[version, name] for name in picked)
                if data != f'{{"lists_version":"{version}","results":[{results}]}}':
                    errors.append(f"batch mixed or wrong for {version[:12]}: {data[:200]}")
            elif data != expected[version, picked[0]]:
                errors.append(f"GET {picked[0]!r} not the answer of {version[:12]}: {data[:200]}")

    def reloader(port: int, stop: float) -> None:
        nonlocal reloads
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            while time.monotonic() < stop and reloads < 1000:
                conn.request("POST", "/v1/admin/reload")
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(f"reload: {response.status}")
                reloads += 1
                time.sleep(0.01)
        except Exception as exc:
            errors.append(f"reloader: {exc!r}")
        finally:
            conn.close()

    with caplog.at_level(logging.INFO), running_server(create_app(holder)) as port:
        stop = time.monotonic() + SECONDS
        threads = [
            threading.Thread(target=client, args=(i, port, stop)) for i in range(CLIENTS)
        ] + [threading.Thread(target=reloader, args=(port, stop))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    assert not errors, errors[:5]
    assert set(seen) == set(versions), "both list versions must have answered"
    assert sum(seen.values()) >= 10 * CLIENTS and reloads >= 10
    assert holder.reloads == reloads
    server_log = "\n".join(r.getMessage() for r in caplog.records)
    assert "GET /v1/screen 200" in server_log
    assert not any(name in server_log for name in NAMES)
