"""One local SparkSession for the whole test session (the JVM starts once, ~10-20 s).

The Spark tests run in the normal test command, marked ``spark`` so that ``-m "not spark"``
deselects them. Without pyspark they are not collected, except in CI (``CI=true``), where the
``test`` extra installs it and a missing pyspark must fail rather than hide the tests.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

try:
    from pyspark.sql import SparkSession
except ImportError:
    if os.environ.get("CI", "").lower() == "true":
        raise
    collect_ignore_glob = ["test_*.py"]

import screening

# The Python workers Spark starts must run this interpreter and import this checkout.
_WORKER_ENV = {
    "PYSPARK_PYTHON": sys.executable,
    "PYTHONPATH": os.pathsep.join(
        p for p in (str(Path(screening.__file__).parent.parent), os.environ.get("PYTHONPATH")) if p
    ),
}


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    """Spark in local mode on two cores, bound to 127.0.0.1, no UI, small shuffles."""
    saved = {key: os.environ.get(key) for key in _WORKER_ENV}
    os.environ.update(_WORKER_ENV)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("screening-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
