"""Fixtures for the HTTP service: two versions of the sample list and a test client.

The service needs the extra ``screening[http]``, which the ``test`` extra includes. Without it
these tests are not collected, except in CI (``CI=true``), where that is an error.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from screening import Screener, load_bundled_sample, load_list
from screening.config import bundled_sample_path

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

_MISSING = [m for m in ("fastapi", "uvicorn", "httpx2") if importlib.util.find_spec(m) is None]
if _MISSING:
    if os.environ.get("CI", "").lower() == "true":
        raise RuntimeError(f"CI=true but {', '.join(_MISSING)} missing: pip install '.[test]'")
    collect_ignore_glob = ["test_*.py"]

LOOPBACK = ("127.0.0.1", 50000)
# Version B of the sample: CHEN Quanguo's uid 29220 changed to 39220, so a hit tells which
# version answered.
UID_A, UID_B = "29220", "39220"


def write_version_b(directory: Path) -> Path:
    """Write the modified sample (uid 29220 -> 39220) into ``directory``; returns its path."""
    text = bundled_sample_path().read_text(encoding="utf-8")
    assert text.count('"29220"') >= 5
    path = directory / "SDN_ADVANCED.XML"
    path.write_text(text.replace('"29220"', '"39220"'), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def screener_a() -> Screener:
    """The bundled sample list (marked sample)."""
    return Screener(load_bundled_sample())


@pytest.fixture(scope="session")
def screener_b(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    """The modified sample (uid 39220), as an ordinary list file."""
    return Screener(load_list(write_version_b(tmp_path_factory.mktemp("version_b"))))


@pytest.fixture
def client(screener_a: Screener) -> Iterator[TestClient]:
    """A test client (from a loopback address) over the sample list."""
    from fastapi.testclient import TestClient

    from screening.http import ScreenerHolder, create_app

    holder = ScreenerHolder(lambda: screener_a)
    holder.install(screener_a)
    with TestClient(create_app(holder), client=LOOPBACK, raise_server_exceptions=False) as tc:
        yield tc
