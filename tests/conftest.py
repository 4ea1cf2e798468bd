"""Shared fixtures: the public data in ../shared/data, required in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from screening import Screener, Watchlist, load_list

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def shared_data(*parts: str) -> Path:
    """Path into ../shared/data; skips the test when absent, but fails when ``CI=true``.

    CI has the data, so a test that needs it must run there: a skip would hide a regression.
    """
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        reason = f"public list data not found at {path} (see README: Test data)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI=true requires it", pytrace=False)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def sdn_2023() -> Watchlist:
    """The real SDN list of 2023-12-28 (legacy CSV set), loaded once per test session."""
    return load_list(shared_data("ofac", "sdn_csv_2023-12-28"))


@pytest.fixture(scope="session")
def sdn_screener(sdn_2023: Watchlist) -> Screener:
    """A screener over the real SDN list of 2023-12-28, built once per test session."""
    return Screener(sdn_2023)
