"""``screening.screen()``: the module-level shortcut over a lazily built default Screener.

The default screener is built on first use from the default lists (``SCREENING_LISTS_DIR``,
else the bundled sample) and reused; a payment service that wants control over when lists
load builds its own :class:`~screening.matching.screener.Screener` once instead.
"""

from __future__ import annotations

import threading
from datetime import date

from screening.matching.screener import Screener
from screening.models import EntryKind
from screening.results import ScreeningResult

__all__ = ["default_screener", "reset_default_screener", "screen"]

_lock = threading.Lock()
_default: Screener | None = None


def default_screener() -> Screener:
    """The shared default screener, built on first call (thread-safe)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Screener()
    return _default


def reset_default_screener() -> None:
    """Forget the default screener, so that the next call reloads the default lists."""
    global _default
    with _lock:
        _default = None


def screen(
    name: str,
    *,
    kind: EntryKind | str | None = None,
    dob: str | date | None = None,
    country: str | None = None,
    threshold: float | None = None,
    limit: int | None = None,
) -> ScreeningResult:
    """Screen one name against the default lists; see :meth:`Screener.screen`."""
    return default_screener().screen(
        name, kind=kind, dob=dob, country=country, threshold=threshold, limit=limit
    )
