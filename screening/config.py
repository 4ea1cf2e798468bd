"""Where the library finds its lists when the caller does not say.

Resolution order for the default lists:

1. the ``lists_dir`` argument,
2. the ``SCREENING_LISTS_DIR`` environment variable,
3. the bundled sample list (``lists/sample`` in the source tree, ``screening.lists`` when
   installed), which is *not* a real OFAC publication and is marked ``sample`` in every result.

The directory of 1 or 2 is either a list store kept by ``screening lists update`` (it holds
``lists-store.json``; the current version of each publication is loaded, its sha256 checked
against the manifest), or a plain directory of official list files (every list in it is
loaded). A configured directory that is missing or empty is an error, never a silent
fall-back to the sample: screening against no list must not look like "no hit".

The stale-list policy (:mod:`screening.freshness`) is configured by
``SCREENING_MAX_LIST_AGE_DAYS`` (default 7) and ``SCREENING_FAIL_CLOSED`` (``1``/``true``:
refuse to screen against a stale list; default: warn).
"""

from __future__ import annotations

import os
from datetime import timedelta
from importlib import resources
from pathlib import Path

from screening.errors import InputError
from screening.freshness import DEFAULT_MAX_AGE, FreshnessPolicy
from screening.lifecycle.store import ListStore
from screening.models import Watchlist
from screening.sources import load_list, load_lists

__all__ = [
    "ENV_FAIL_CLOSED",
    "ENV_LISTS_DIR",
    "ENV_MAX_LIST_AGE_DAYS",
    "bundled_sample_path",
    "default_watchlists",
    "freshness_policy",
    "load_bundled_sample",
]

ENV_LISTS_DIR = "SCREENING_LISTS_DIR"
ENV_MAX_LIST_AGE_DAYS = "SCREENING_MAX_LIST_AGE_DAYS"
ENV_FAIL_CLOSED = "SCREENING_FAIL_CLOSED"
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"", "0", "false", "no", "off"})
_SAMPLE_FILE = "SDN_ADVANCED.XML"


def bundled_sample_path() -> Path:
    """Path of the bundled sample list file (official advanced XML format)."""
    try:
        return Path(str(resources.files("screening.lists").joinpath("sample", _SAMPLE_FILE)))
    except ModuleNotFoundError:
        # Imported from a source checkout that is not installed: lists/ sits beside screening/.
        return Path(__file__).resolve().parent.parent / "lists" / "sample" / _SAMPLE_FILE


def load_bundled_sample() -> Watchlist:
    """Load the bundled sample list, marked ``sample=True`` in its provenance."""
    wl = load_list(bundled_sample_path())
    provenance = wl.provenance.model_copy(update={"sample": True})
    return Watchlist(wl.entries, provenance)


def default_watchlists(lists_dir: str | os.PathLike[str] | None = None) -> list[Watchlist]:
    """The lists to screen against when the caller gives none.

    Args:
        lists_dir: a list store or a directory of official list files; overrides
            ``SCREENING_LISTS_DIR``.

    Raises:
        ListNotFoundError: the configured directory does not exist or holds no list.
        ListFormatError: a configured list file is malformed, or a stored version's files
            no longer match its manifest.
    """
    configured = lists_dir if lists_dir is not None else os.environ.get(ENV_LISTS_DIR) or None
    if configured is not None:
        if ListStore.is_store(configured):
            return ListStore(configured).load_current()
        return load_lists(configured)
    return [load_bundled_sample()]


def freshness_policy() -> FreshnessPolicy:
    """The stale-list policy from ``SCREENING_MAX_LIST_AGE_DAYS`` and ``SCREENING_FAIL_CLOSED``.

    Raises:
        InputError: a value that is not a positive number of days, or not a yes/no.
    """
    max_age = DEFAULT_MAX_AGE
    days = os.environ.get(ENV_MAX_LIST_AGE_DAYS, "").strip()
    if days:
        try:
            value = float(days)
        except ValueError:
            value = -1.0
        if not 0 < value < 36500:  # NaN fails this too
            raise InputError(f"{ENV_MAX_LIST_AGE_DAYS}={days!r} is not a positive number of days")
        max_age = timedelta(days=value)
    flag = os.environ.get(ENV_FAIL_CLOSED, "").strip().casefold()
    if flag not in _TRUE | _FALSE:
        raise InputError(f"{ENV_FAIL_CLOSED}={flag!r} is not one of 1/0, true/false, yes/no")
    return FreshnessPolicy(max_age=max_age, fail_closed=flag in _TRUE)
