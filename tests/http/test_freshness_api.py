"""The HTTP service follows the screener's stale-list policy."""

from __future__ import annotations


def test_readyz_follows_the_screeners_fail_closed_policy() -> None:
    from datetime import timedelta

    from fastapi.testclient import TestClient

    from screening import Screener, load_bundled_sample
    from screening.freshness import FreshnessPolicy
    from screening.http import ScreenerHolder, create_app

    # Fail-closed refuses the bundled sample: it is not an official list.
    strict = Screener(
        load_bundled_sample(), policy=FreshnessPolicy(max_age=timedelta(days=7), fail_closed=True)
    )
    holder = ScreenerHolder(lambda: strict)
    holder.install(strict)
    with TestClient(create_app(holder), raise_server_exceptions=False) as client:
        ready = client.get("/readyz")
        assert ready.status_code == 503 and "SAMPLE" in ready.text
        screened = client.get("/v1/screen", params={"name": "陈全国"})
        assert screened.status_code == 503
