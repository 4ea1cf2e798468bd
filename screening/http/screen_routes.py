"""``/v1/screen`` (one name or a batch) and ``/v1/ownership``: the library's answers, unchanged.

Screening is CPU-bound and synchronous, so the endpoints are plain functions, which FastAPI runs
in its thread pool. Screening on the event loop instead served 1.4-1.6x more requests per
CPU-second (benchmarks/bench_http.py run with this endpoint made ``async def``), but one
adversarial 1,000-character name takes 50-150 ms on the real SDN list (1.4 s the first time for
1,000 Han characters), and on the loop that would stall every other request, health checks
included.

Each request takes the current snapshot once and uses only it, so a response names exactly one
list version.
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from fastapi import APIRouter, Query, Request, Response

from screening.http.holder import ScreenerHolder, Snapshot
from screening.http.models import (
    BatchRequest,
    BatchResponse,
    ErrorBody,
    OwnershipRequest,
    OwnershipResponse,
    ScreenQuery,
)
from screening.http.ownership import apply_rule
from screening.results import ScreeningResult

__all__ = ["ERRORS", "VERSION_HEADER", "router", "the_holder"]

VERSION_HEADER = "Screening-Lists-Version"

ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorBody, "description": "request body over the limit"},
    422: {"model": ErrorBody, "description": "invalid parameter or body field"},
    503: {"model": ErrorBody, "description": "no list loaded, or lists stale (fail-closed)"},
}

router = APIRouter()


def the_holder(request: Request) -> ScreenerHolder:
    """The holder of the application serving ``request``."""
    return cast(ScreenerHolder, request.app.state.holder)


def _snapshot(request: Request) -> Snapshot:
    holder = the_holder(request)
    snap = holder.snapshot()
    holder.check_fresh(snap)  # raises StaleListError under a fail-closed policy
    return snap


def _screen(snap: Snapshot, q: ScreenQuery) -> str:
    result = snap.screener.screen(
        q.name, kind=q.kind, dob=q.dob, country=q.country, threshold=q.threshold, limit=q.limit
    )
    return result.model_dump_json()


def _json(body: str, snap: Snapshot | None = None) -> Response:
    headers = None if snap is None else {VERSION_HEADER: snap.version}
    return Response(body, media_type="application/json", headers=headers)


@router.get(
    "/v1/screen",
    response_model=ScreeningResult,
    responses=ERRORS,
    summary="Screen one name",
    description="The library's ScreeningResult as JSON: hits best first, with scores, "
    f"explanations and the identity of every list screened. The {VERSION_HEADER} header "
    "names the list version used.",
)
def screen_one(request: Request, query: Annotated[ScreenQuery, Query()]) -> Response:
    """Screen one name against the lists in service."""
    snap = _snapshot(request)
    return _json(_screen(snap, query), snap)


@router.post(
    "/v1/screen",
    response_model=BatchResponse,
    responses=ERRORS,
    summary="Screen up to 1,000 names",
    description="One ScreeningResult per query, in request order, all against one list version.",
)
def screen_batch(request: Request, body: BatchRequest) -> Response:
    """Screen a batch of names against one snapshot of the lists."""
    snap = _snapshot(request)
    results = [_screen(snap, query) for query in body.queries]
    # The same bytes as BatchResponse(...).model_dump_json(), without validating every
    # result a second time.
    return _json(f'{{"lists_version":"{snap.version}","results":[{",".join(results)}]}}', snap)


@router.post(
    "/v1/ownership",
    response_model=OwnershipResponse,
    responses={k: v for k, v in ERRORS.items() if k != 503},
    summary="Apply the 50 Percent Rule to an edge set",
    description="Blocked and possibly blocked parties, each with the share held by blocked "
    "owners and the library's explanation down to the listed persons; data issues included.",
)
def ownership(body: OwnershipRequest) -> Response:
    """Apply the ownership rule of ``body.regime`` to the holdings given."""
    return _json(apply_rule(body).model_dump_json())
