"""The HTTP service (extra ``screening[http]``): FastAPI over one shared, reloadable Screener.

    GET  /v1/screen          one name            -> ScreeningResult (the library's, unchanged)
    POST /v1/screen          up to 1,000 names   -> {lists_version, results}
    POST /v1/ownership       an edge set         -> blocked / possibly blocked, with explanations
    GET  /v1/lists           lists in service: identity, files with sha256, age
    POST /v1/admin/reload    swap in the current list files (loopback clients only)
    GET  /healthz, /readyz   liveness; readiness (a list loaded, and fresh if a policy says so)
    GET  /openapi.json       the OpenAPI document

Modules: ``holder`` (the current screener and its atomic replacement), ``models`` (bodies),
``screen_routes`` and ``service_routes`` (endpoints), ``ownership`` (edge set to report),
``middleware`` (body limit, access log), ``errors`` (JSON errors), ``watch`` (reload when the
list files change), ``app`` (the factory).
Importing :mod:`screening` does not import this package, nor FastAPI.
"""

from __future__ import annotations

from screening.http.app import app_from_env, create_app
from screening.http.holder import FreshnessCheck, NotReadyError, ScreenerHolder, Snapshot

__all__ = [
    "FreshnessCheck",
    "NotReadyError",
    "ScreenerHolder",
    "Snapshot",
    "app_from_env",
    "create_app",
]
