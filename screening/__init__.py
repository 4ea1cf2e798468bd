"""OFAC sanctions screening: official list loaders, cross-script name matching and the
50 Percent Rule.

Importing this package reads no list file; lists are loaded when asked for.
"""

from __future__ import annotations

from screening.batch import BatchProgress, BatchSummary, screen_file
from screening.config import ENV_LISTS_DIR, default_watchlists, load_bundled_sample
from screening.default import default_screener, reset_default_screener, screen
from screening.errors import (
    IndexFileError,
    InputError,
    ListError,
    ListFormatError,
    ListNotFoundError,
    ListUpdateError,
    OwnershipError,
    ScreeningError,
    StaleListError,
)
from screening.lifecycle import (
    AllowList,
    DeltaScreener,
    ListStore,
    apply_allowlist,
    check_freshness,
    delta_watchlist,
    diff_watchlists,
    load_allowlist,
    update_publication,
)
from screening.matching.screener import Screener
from screening.models import (
    Address,
    DateOfBirth,
    Entry,
    EntryKind,
    FileDigest,
    FuzzyDate,
    Identifier,
    IdScheme,
    ListIdentity,
    ListProvenance,
    Name,
    NamePart,
    NamePartRole,
    NameStrength,
    NameType,
    Relation,
    Vessel,
    Watchlist,
)
from screening.ownership import (
    Designation,
    OwnershipExplanation,
    OwnershipGraph,
    OwnershipIssue,
    OwnershipReport,
    Regime,
)
from screening.results import (
    Adjustment,
    Explanation,
    Hit,
    ScreeningOptions,
    ScreeningResult,
    TokenMatch,
)
from screening.sources import load_list, load_lists, sniff_format

__version__ = "0.1.0"

__all__ = [
    "Address",
    "Adjustment",
    "AllowList",
    "BatchProgress",
    "BatchSummary",
    "DateOfBirth",
    "DeltaScreener",
    "Designation",
    "ENV_LISTS_DIR",
    "Entry",
    "EntryKind",
    "Explanation",
    "FileDigest",
    "FuzzyDate",
    "Hit",
    "IdScheme",
    "Identifier",
    "IndexFileError",
    "InputError",
    "ListError",
    "ListFormatError",
    "ListIdentity",
    "ListNotFoundError",
    "ListProvenance",
    "ListStore",
    "ListUpdateError",
    "Name",
    "NamePart",
    "NamePartRole",
    "NameStrength",
    "NameType",
    "OwnershipError",
    "OwnershipExplanation",
    "OwnershipGraph",
    "OwnershipIssue",
    "OwnershipReport",
    "Regime",
    "Relation",
    "Screener",
    "ScreeningError",
    "ScreeningOptions",
    "ScreeningResult",
    "StaleListError",
    "TokenMatch",
    "Vessel",
    "Watchlist",
    "__version__",
    "apply_allowlist",
    "check_freshness",
    "default_screener",
    "default_watchlists",
    "delta_watchlist",
    "diff_watchlists",
    "load_allowlist",
    "load_bundled_sample",
    "load_list",
    "load_lists",
    "reset_default_screener",
    "screen",
    "screen_file",
    "sniff_format",
    "update_publication",
]
