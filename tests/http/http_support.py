"""Helpers for the HTTP tests: a second version of the sample list, a real server.

The fixtures are in ``http_fixtures``, which test modules load with ``pytest_plugins``: a
``conftest.py`` here would take the module name ``conftest`` from tests/conftest.py, which
other tests import by name. The service needs the extra ``screening[http]`` (in ``test``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from screening.config import bundled_sample_path

if TYPE_CHECKING:
    from fastapi import FastAPI

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


@contextmanager
def running_server(app: FastAPI) -> Iterator[int]:
    """Serve ``app`` with uvicorn on 127.0.0.1 and a free port (yielded), in a thread."""
    import uvicorn

    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, access_log=False, log_config=None, lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="test-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline and thread.is_alive():
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    try:
        yield server.servers[0].sockets[0].getsockname()[1]
    finally:
        server.should_exit = True
        thread.join(10)
