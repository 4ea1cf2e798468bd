"""Every error as JSON ``{"error": code, "detail": sentence}``; never a traceback.

422 invalid_request   a parameter or body field fails validation (names the field)
422 invalid_input     the library refused a value (``InputError``, ``OwnershipError``)
413 body_too_large    (screening.http.middleware.BodyLimit)
503 not_ready         no list is loaded yet
503 stale_lists       a list is stale under a fail-closed policy
500 internal_error    anything else; the traceback goes to the server log only
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from screening.errors import InputError, OwnershipError, StaleListError
from screening.http.holder import NotReadyError

__all__ = ["error", "install_handlers"]

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
}


def error(status: int, code: str, detail: str) -> JSONResponse:
    """An error response in the service's one shape."""
    return JSONResponse({"error": code, "detail": detail}, status_code=status)


def install_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every exception into an error body."""

    async def validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error(422, "invalid_request", describe(exc.errors()))

    async def library_input(request: Request, exc: Exception) -> JSONResponse:
        return error(422, "invalid_input", str(exc))

    async def not_ready(request: Request, exc: Exception) -> JSONResponse:
        return error(503, "not_ready", str(exc))

    async def stale(request: Request, exc: Exception) -> JSONResponse:
        return error(503, "stale_lists", str(exc))

    async def http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        code = _CODES.get(exc.status_code, f"http_{exc.status_code}")
        response = error(exc.status_code, code, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def internal(request: Request, exc: Exception) -> JSONResponse:
        # No query string (it holds the name screened) and no traceback here: the server
        # (uvicorn) logs the traceback once when the exception comes back up to it.
        log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__)
        return error(500, "internal_error", "internal error; the server log has the details")

    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(InputError, library_input)
    app.add_exception_handler(OwnershipError, library_input)
    app.add_exception_handler(NotReadyError, not_ready)
    app.add_exception_handler(StaleListError, stale)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(Exception, internal)


def describe(errors: Sequence[Any]) -> str:
    """Validation errors as one sentence per field: ``queries[3].name: String should have at
    most 1000 characters``. The offending values are not repeated (they may be names)."""
    parts = []
    for err in errors:
        loc = tuple(err.get("loc", ()))
        where, path = ("", loc)
        if loc and loc[0] in {"query", "body", "path"}:
            where, path = loc[0], loc[1:]
        if err.get("type") == "json_invalid":
            # loc is ("body", offset): say where the JSON breaks, in plain words.
            offset = f" at character {path[0]}" if path else ""
            parts.append(f"request body: not valid JSON{offset} ({err.get('msg', 'invalid')})")
            continue
        field = ""
        for item in path:
            field += f"[{item}]" if isinstance(item, int) else f".{item}" if field else str(item)
        if where == "query":
            field = f"{field} (query parameter)"
        elif not field:
            field = "request body" if where == "body" else "request"
        parts.append(f"{field}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)
