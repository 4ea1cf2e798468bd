"""Request and response bodies of the HTTP service (screening results are the library's own
:class:`~screening.results.ScreeningResult`, unchanged)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from screening.models import EntryKind, FileDigest, ListIdentity
from screening.ownership.explain import OwnershipExplanation, Status
from screening.ownership.issues import OwnershipIssue
from screening.results import ScreeningResult

__all__ = [
    "MAX_BATCH",
    "MAX_EDGES",
    "MAX_LIMIT",
    "MAX_NAME_CHARS",
    "BatchRequest",
    "BatchResponse",
    "ControlIn",
    "EdgeIn",
    "ErrorBody",
    "Health",
    "ListInfo",
    "ListsResponse",
    "OwnershipRequest",
    "OwnershipResponse",
    "PartyStatus",
    "Readiness",
    "ReloadResponse",
    "ScreenQuery",
]

# The library cuts queries at 1,000 characters (screening.text.unicode.MAX_NAME_CHARS); the
# service refuses longer names instead of screening a part of them.
MAX_NAME_CHARS = 1000
MAX_BATCH = 1000
MAX_LIMIT = 100
MAX_EDGES = 100_000

Percent = str | int | float | None
"""A stake as JSON: ``"16.33"``, ``50``, ``"(25, 50]"``, a UK PSC band, or ``null`` (unknown)."""


class _Body(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ScreenQuery(_Body):
    """One name to screen, with the options of :meth:`Screener.screen`: the query parameters of
    ``GET /v1/screen`` (an unknown parameter is refused, so a misspelt option is never ignored)
    and one item of a batch."""

    name: str = Field(min_length=1, max_length=MAX_NAME_CHARS, description="in any script")
    kind: EntryKind | None = None
    dob: str | None = Field(default=None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")
    country: str | None = Field(default=None, max_length=100, description="name or ISO 3166 code")
    threshold: float | None = Field(default=None, gt=0.0, le=1.0, description="default 0.85")
    limit: int | None = Field(default=None, ge=1, le=MAX_LIMIT, description="default 10")


class BatchRequest(_Body):
    """Up to 1,000 names, screened against one list version."""

    queries: list[ScreenQuery] = Field(min_length=1, max_length=MAX_BATCH)


class BatchResponse(_Body):
    """One result per query, in request order, all against the list version named."""

    lists_version: str
    results: list[ScreeningResult]


class ErrorBody(_Body):
    """Every error response: a short code and a sentence saying what to fix."""

    error: str = Field(examples=["invalid_request"])
    detail: str = Field(examples=["name (query): String should have at most 1000 characters"])


class Health(_Body):
    """The process is up."""

    status: Literal["ok"] = "ok"


class Readiness(_Body):
    """Whether the service can screen (HTTP 200) or not (HTTP 503), and why."""

    ready: bool
    detail: str
    lists_version: str | None = None


class ListInfo(_Body):
    """One loaded list: its identity, files and age."""

    identity: ListIdentity
    files: tuple[FileDigest, ...]
    loaded_at: datetime = Field(description="when the list files were read (UTC)")
    age_days: int | None = Field(description="days since the publish date, if the list has one")
    notes: tuple[str, ...] = ()


class ListsResponse(_Body):
    """What the service screens against."""

    lists_version: str
    in_service_since: datetime
    reloads: int = Field(description="successful reloads since the service started")
    last_error: str | None = Field(description="the last failed reload, if it was the last one")
    warnings: tuple[str, ...] = Field(description="freshness warnings")
    lists: list[ListInfo]


class ReloadResponse(_Body):
    """The outcome of a reload."""

    lists_version: str
    previous_version: str | None
    changed: bool
    seconds: float


class EdgeIn(_Body):
    """A holding: ``owner`` holds ``percent`` of ``owned`` (see ``OwnershipGraph.add_edge``)."""

    owner: str = Field(min_length=1, max_length=200)
    owned: str = Field(min_length=1, max_length=200)
    percent: Percent | tuple[Percent, Percent]
    start: date | None = None
    end: date | None = None
    source: str | None = Field(default=None, max_length=200)
    owner_name: str | None = Field(default=None, max_length=MAX_NAME_CHARS)
    owned_name: str | None = Field(default=None, max_length=MAX_NAME_CHARS)
    share_class: str | None = Field(default=None, max_length=100)
    held_for: str | None = Field(default=None, max_length=200, description="beneficial owner")


class ControlIn(_Body):
    """Control without counted ownership (blocks under the EU and UK regimes only)."""

    controller: str = Field(min_length=1, max_length=200)
    controlled: str = Field(min_length=1, max_length=200)
    start: date | None = None
    end: date | None = None
    source: str | None = Field(default=None, max_length=200)


class OwnershipRequest(_Body):
    """An edge set and the listed persons to apply the ownership rule to."""

    edges: list[EdgeIn] = Field(max_length=MAX_EDGES)
    controls: list[ControlIn] = Field(default=[], max_length=MAX_EDGES)
    seeds: list[str] | dict[str, list[str]] = Field(
        description="ids of blocked persons, or ids mapped to their program tags"
    )
    regime: Literal["OFAC", "EU", "UK"] = "OFAC"
    as_of: date | None = Field(default=None, description="default: today (server's date)")
    parties: list[str] | None = Field(
        default=None,
        max_length=MAX_EDGES,
        description="report these ids (any status); default every affected id",
    )
    explain: bool = True


class PartyStatus(_Body):
    """One party's status under the regime, with the explanation of the library."""

    id: str
    name: str | None
    status: Status
    share: Decimal = Field(description="percent held by blocked owners (lower bound)")
    restrictions: dict[str, Status]
    programs: tuple[str, ...]
    explanation: OwnershipExplanation | None = None


class OwnershipResponse(_Body):
    """Who is blocked, possibly blocked or restricted, and why."""

    regime: str
    as_of: date
    blocked: list[str]
    possibly_blocked: list[str]
    parties: list[PartyStatus]
    issues: list[OwnershipIssue]
