"""Fixtures for the HTTP tests; test modules load them with ``pytest_plugins``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from http_support import LOOPBACK, write_version_b

from screening import Screener, load_bundled_sample, load_list

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def screener_a() -> Screener:
    """The bundled sample list (marked sample)."""
    return Screener(load_bundled_sample())


@pytest.fixture(scope="session")
def screener_b(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    """The modified sample (uid 39220), as an ordinary list file."""
    return Screener(load_list(write_version_b(tmp_path_factory.mktemp("version_b"))))


@pytest.fixture
def http_client(screener_a: Screener) -> Iterator[TestClient]:
    """A test client (from a loopback address) over the sample list."""
    from fastapi.testclient import TestClient

    from screening.http import ScreenerHolder, create_app

    holder = ScreenerHolder(lambda: screener_a)
    holder.install(screener_a)
    with TestClient(create_app(holder), client=LOOPBACK, raise_server_exceptions=False) as tc:
        yield tc
