"""Health, readiness, the lists in service, and reloading them."""

from __future__ import annotations

import ipaddress
import time
from datetime import UTC, datetime

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from screening.http.models import (
    ErrorBody,
    Health,
    ListInfo,
    ListsResponse,
    Readiness,
    ReloadResponse,
)
from screening.http.screen_routes import the_holder

__all__ = ["router"]

router = APIRouter()


@router.get("/healthz", response_model=Health, summary="The process is up")
async def healthz() -> Health:
    """Always 200 while the process serves requests."""
    return Health()


@router.get(
    "/readyz",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "not ready"}},
    summary="Whether the service can screen",
)
def readyz(request: Request) -> JSONResponse:
    """200 when a list is loaded (and fresh, under a fail-closed freshness policy), else 503."""
    holder = the_holder(request)
    ready, detail = holder.readiness()
    snap = holder.current
    body = Readiness(ready=ready, detail=detail, lists_version=snap.version if snap else None)
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if ready else 503)


@router.get(
    "/v1/lists",
    response_model=ListsResponse,
    responses={503: {"model": ErrorBody, "description": "no list loaded"}},
    summary="The lists in service: identity, files with sha256, age",
)
def lists(request: Request) -> ListsResponse:
    """What the service screens against."""
    holder = the_holder(request)
    snap = holder.snapshot()
    try:
        warnings = holder.check_fresh(snap)
    except Exception as exc:  # a fail-closed policy's StaleListError: report it, don't fail
        warnings = (str(exc),)
    today = datetime.now(UTC).date()
    infos = [
        ListInfo(
            identity=wl.identity,
            files=wl.provenance.files,
            loaded_at=wl.provenance.loaded_at,
            age_days=None if wl.provenance.publish_date is None
            else (today - wl.provenance.publish_date).days,
            notes=wl.provenance.notes,
        )
        for wl in snap.screener.lists
    ]  # fmt: skip
    return ListsResponse(
        lists_version=snap.version,
        in_service_since=snap.since,
        reloads=holder.reloads,
        last_error=holder.last_error,
        warnings=warnings,
        lists=infos,
    )


@router.post(
    "/v1/admin/reload",
    response_model=ReloadResponse,
    responses={
        403: {"model": ErrorBody, "description": "not from a loopback address"},
        500: {"model": ErrorBody, "description": "the reload failed; the old lists stay"},
    },
    summary="Reload the lists (loopback clients only)",
)
async def reload(request: Request) -> ReloadResponse | JSONResponse:
    """Build a screener from the current list files and swap it in; requests in flight finish
    on the old one. Refused unless the client address is a loopback address."""
    if not _loopback(request):
        raise HTTPException(403, "reload is only accepted from a loopback address")
    holder = the_holder(request)
    previous = holder.current
    started = time.perf_counter()
    try:
        snap = await run_in_threadpool(holder.reload)
    except Exception as exc:  # logged by the holder; the previous lists stay in service
        return JSONResponse(
            {"error": "reload_failed", "detail": f"{exc}; the previous lists stay in service"},
            status_code=500,
        )
    return ReloadResponse(
        lists_version=snap.version,
        previous_version=previous.version if previous else None,
        changed=previous is None or previous.version != snap.version,
        seconds=round(time.perf_counter() - started, 3),
    )


def _loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
