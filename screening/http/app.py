"""The application factory, and the factory uvicorn workers call (configured by environment)."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from screening.config import ENV_LISTS_DIR
from screening.http import screen_routes, service_routes
from screening.http.errors import install_handlers
from screening.http.holder import ScreenerHolder
from screening.http.middleware import AccessLog, BodyLimit
from screening.http.watch import ListsWatcher
from screening.matching.screener import Screener

__all__ = [
    "DEFAULT_MAX_BODY",
    "ENV_INDEX",
    "ENV_MAX_BODY",
    "ENV_WATCH",
    "app_from_env",
    "create_app",
]

DEFAULT_MAX_BODY = 1024 * 1024
ENV_INDEX = "SCREENING_HTTP_INDEX"
ENV_WATCH = "SCREENING_HTTP_WATCH"
ENV_MAX_BODY = "SCREENING_HTTP_MAX_BODY"

_DESCRIPTION = """\
OFAC sanctions screening over HTTP: the `screening` library's results, unchanged.

Every screening response names the one list version it used (`lists_version`, and the
`Screening-Lists-Version` header); a reload never mixes versions within a response.
Errors are JSON `{"error": code, "detail": sentence}`.
"""


def create_app(
    holder: ScreenerHolder | None = None,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    watch: float | None = None,
) -> FastAPI:
    """The HTTP application.

    Args:
        holder: the screener holder; default the library's default lists (``SCREENING_LISTS_DIR``
            or the bundled sample), loaded in the background at startup.
        max_body: largest request body accepted, in bytes (larger: 413).
        watch: poll the holder's lists directory every ``watch`` seconds and reload on change.

    Returns:
        A FastAPI application; ``/readyz`` answers 503 until the first list is loaded.
    """
    from screening import __version__

    the_holder = holder if holder is not None else default_holder()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if the_holder.current is None:
            threading.Thread(
                target=_first_load, args=(the_holder,), name="screening-first-load", daemon=True
            ).start()
        watcher = ListsWatcher(the_holder, watch) if watch else None
        if watcher is not None:
            watcher.start()
        app.state.watcher = watcher
        yield
        if watcher is not None:
            watcher.stop()

    app = FastAPI(
        title="screening",
        version=__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.holder = the_holder
    install_handlers(app)
    app.include_router(screen_routes.router)
    app.include_router(service_routes.router)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(AccessLog)  # added last: outermost, so refusals are logged too
    return app


def default_holder(*, freeze: bool = False) -> ScreenerHolder:
    """A holder over ``SCREENING_LISTS_DIR`` (with a saved index, ``SCREENING_HTTP_INDEX`` or
    next to the lists) when it is set, else over the bundled sample list (``freeze``: see
    :class:`ScreenerHolder`)."""
    directory = os.environ.get(ENV_LISTS_DIR) or None
    if directory is None:
        return ScreenerHolder(Screener, freeze=freeze)
    index = os.environ.get(ENV_INDEX) or None
    return ScreenerHolder.for_directory(Path(directory), index_path=index, freeze=freeze)


def app_from_env() -> FastAPI:
    """The application as ``screening serve`` configures it for each uvicorn worker:
    ``SCREENING_LISTS_DIR``, ``SCREENING_HTTP_INDEX``, ``SCREENING_HTTP_WATCH`` (seconds) and
    ``SCREENING_HTTP_MAX_BODY`` (bytes)."""
    watch = os.environ.get(ENV_WATCH)
    return create_app(
        default_holder(freeze=True),  # a worker process of its own
        max_body=int(os.environ.get(ENV_MAX_BODY) or DEFAULT_MAX_BODY),
        watch=float(watch) if watch else None,
    )


def _first_load(holder: ScreenerHolder) -> None:
    with contextlib.suppress(Exception):  # logged by the holder; /readyz reports it
        holder.reload()
