"""Keeping lists current: download, verify, store, diff, delta re-screen, stale policy, and
the allow-list of decided false positives.

    catalog    the OFAC publications and where they are published
    fetch      HTTP(S) download with timeouts, retries and back-off; HTTPS unless local
    verify     checks a download must pass before it may replace the list in use
    manifest   the store's JSON files (one manifest per version, the current pointer)
    store      the lists directory: versions side by side, an atomic current pointer
    update     download + verify + install, or change nothing
    policy     the stale-list policy (warn or refuse) and list ages
    diff       entries added, removed and changed between two versions
    delta      screening only the entries added or changed since an earlier version
    allowlist  decided false positives, re-raised when the listed entry changes
"""

from __future__ import annotations

from screening.freshness import (
    DEFAULT_MAX_AGE,
    FreshnessPolicy,
    ListAge,
    check_freshness,
    list_age,
)
from screening.lifecycle.allowlist import (
    AllowDecision,
    AllowList,
    AllowListOutcome,
    apply_allowlist,
    decide,
    load_allowlist,
    save_allowlist,
)
from screening.lifecycle.catalog import (
    DEFAULT_PUBLICATIONS,
    OFAC_BASE_URL,
    PUBLICATIONS,
    Publication,
    publication,
)
from screening.lifecycle.delta import DeltaScreener, changed_uids, delta_watchlist, delta_watchlists
from screening.lifecycle.diff import EntryChange, FieldChange, ListDiff, diff_watchlists
from screening.lifecycle.fetch import Fetched, FetchOptions, fetch
from screening.lifecycle.store import DEFAULT_KEEP, ListStore, StoredVersion
from screening.lifecycle.update import UpdateOutcome, update_publication

__all__ = [
    "DEFAULT_KEEP",
    "DEFAULT_MAX_AGE",
    "DEFAULT_PUBLICATIONS",
    "OFAC_BASE_URL",
    "PUBLICATIONS",
    "AllowDecision",
    "AllowList",
    "AllowListOutcome",
    "DeltaScreener",
    "EntryChange",
    "FetchOptions",
    "Fetched",
    "FieldChange",
    "FreshnessPolicy",
    "ListAge",
    "ListDiff",
    "ListStore",
    "Publication",
    "StoredVersion",
    "UpdateOutcome",
    "apply_allowlist",
    "changed_uids",
    "check_freshness",
    "decide",
    "delta_watchlist",
    "delta_watchlists",
    "diff_watchlists",
    "fetch",
    "list_age",
    "load_allowlist",
    "publication",
    "save_allowlist",
    "update_publication",
]
