"""The screener a server is using, and how a new list version replaces it.

A reload builds the new :class:`~screening.matching.screener.Screener` off to the side and then
replaces one reference. Reading an attribute is atomic in CPython, so a request that takes the
current :class:`Snapshot` once at its start screens against exactly one list version, whatever
reloads happen meanwhile; the old screener is freed when its last request is done.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from screening.errors import ScreeningError, StaleListError
from screening.matching.screener import Screener
from screening.models import ListIdentity, Watchlist

__all__ = ["FreshnessCheck", "NotReadyError", "ScreenerHolder", "Snapshot", "lists_version"]

log = logging.getLogger(__name__)

FreshnessCheck = Callable[[Sequence[Watchlist]], tuple[str, ...]]
"""Returns warnings about the lists' age; raises :class:`StaleListError` when a list is too old
under a fail-closed policy (the shape of ``screening.freshness.check_freshness`` with its
options bound)."""


class NotReadyError(ScreeningError):
    """No list is loaded yet (or the first load failed): nothing can be screened."""


def lists_version(identities: Sequence[ListIdentity]) -> str:
    """One sha256 (hex) naming a set of lists: over ``"<source> <format> <sha256>\\n"`` per list,
    in screening order. Two servers with the same list files report the same version."""
    lines = "".join(f"{i.source} {i.format} {i.sha256}\n" for i in identities)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


class Snapshot(NamedTuple):
    """A screener with the version of its lists and when it was put in service (UTC)."""

    screener: Screener
    version: str
    since: datetime


class ScreenerHolder:
    """Holds the current screener; reloads replace it atomically.

    Args:
        loader: builds a screener from the current list files (called by :meth:`reload`).
        directory: the lists directory ``loader`` reads, if any (see ``screening.http.watch``).
        freshness: a check of the lists' age, run by :meth:`readiness` and before screening.
        freeze: after each load, collect the young generations and ``gc.freeze()`` every
            object: the screener is never garbage, and a full collection would otherwise
            traverse it (0.6 s for SDN + consolidated) during some request. For the process
            of a service (``screening serve``), which owns the collector; a previous screener
            is still freed when its last request is done (it holds no reference cycle).
    """

    def __init__(
        self,
        loader: Callable[[], Screener],
        *,
        directory: Path | None = None,
        freshness: FreshnessCheck | None = None,
        freeze: bool = False,
    ) -> None:
        self.loader = loader
        self.directory = directory
        self.freshness = freshness
        self.freeze = freeze
        self.last_error: str | None = None
        self.reloads = 0
        self._current: Snapshot | None = None
        self._lock = threading.Lock()

    @classmethod
    def for_directory(
        cls,
        directory: str | os.PathLike[str],
        *,
        index_path: str | os.PathLike[str] | None = None,
        freshness: FreshnessCheck | None = None,
        freeze: bool = False,
    ) -> ScreenerHolder:
        """A holder over every list in ``directory``, reusing (and refreshing) a saved index
        through :meth:`Screener.from_directory`."""
        path = Path(directory)
        return cls(
            lambda: Screener.from_directory(path, index_path=index_path),
            directory=path,
            freshness=freshness,
            freeze=freeze,
        )

    @property
    def current(self) -> Snapshot | None:
        """The snapshot in service, or ``None`` before the first successful load."""
        return self._current

    def snapshot(self) -> Snapshot:
        """The snapshot in service.

        Raises:
            NotReadyError: no list is loaded.
        """
        snap = self._current
        if snap is None:
            raise NotReadyError(self.last_error or "the lists are still loading")
        return snap

    def install(self, screener: Screener) -> Snapshot:
        """Put ``screener`` in service (atomically) and return its snapshot."""
        snap = Snapshot(screener, lists_version(screener.identities), datetime.now(UTC))
        previous, self._current = self._current, snap
        if previous is None or previous.version != snap.version:
            log.info("lists in service: version %s (%s)", snap.version[:12], _names(screener))
        return snap

    def reload(self) -> Snapshot:
        """Build a screener with :attr:`loader` and put it in service. Reloads run one at a
        time; requests keep being served by the previous screener meanwhile.

        Raises:
            Exception: whatever the loader raised; the previous screener stays in service.
        """
        with self._lock:
            started = time.perf_counter()
            try:
                screener = self.loader()
                # Tables loaded on first use (romanisation, name frequencies, the joined-pair
                # filter: 0.15 s for the SDN and consolidated lists) are loaded now, not by the
                # first requests. A stale list under a fail-closed policy refuses to screen
                # after the work is done: that is for /readyz to report, not a failed reload.
                with contextlib.suppress(StaleListError):
                    screener.warm_up()
            except Exception as exc:
                self.last_error = f"reload failed: {exc}"
                log.error("%s", self.last_error)
                raise
            self.last_error = None
            self.reloads += self._current is not None
            snap = self.install(screener)
            if self.freeze:
                gc.collect(1)  # short-lived garbage of requests in flight is not frozen
                gc.freeze()
            log.info("reload done in %.2f s", time.perf_counter() - started)
            return snap

    def check_fresh(self, snap: Snapshot) -> tuple[str, ...]:
        """The freshness warnings for ``snap``: from the freshness check given, else from the
        screener's own stale-list policy (``SCREENING_MAX_LIST_AGE_DAYS``,
        ``SCREENING_FAIL_CLOSED``).

        Raises:
            StaleListError: a list is stale and the policy is fail-closed.
        """
        if self.freshness is None:
            return snap.screener.freshness()
        return self.freshness(snap.screener.lists)

    def readiness(self) -> tuple[bool, str]:
        """Whether the server can screen, and why (or why not)."""
        snap = self._current
        if snap is None:
            return False, self.last_error or "the lists are still loading"
        try:
            warnings = self.check_fresh(snap)
        except StaleListError as exc:
            return False, f"stale lists: {exc}"
        detail = f"lists version {snap.version}"
        if warnings:
            detail += "; " + "; ".join(warnings)
        if self.last_error:
            detail += f"; {self.last_error} (previous version still in service)"
        return True, detail


def _names(screener: Screener) -> str:
    return ", ".join(
        f"{i.source} {i.publish_date or 'undated'}{' SAMPLE' if i.sample else ''}"
        for i in screener.identities
    )
