"""Reload when the files in the lists directory change (``screening serve --watch SECONDS``)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from screening.http.holder import ScreenerHolder
from screening.matching.screener import INDEX_FILE

__all__ = ["ListsWatcher", "fingerprint"]

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(directory: Path) -> Fingerprint:
    """Name, size and modification time of the files in ``directory``, leaving out hidden files
    and the saved index (the screener writes both there itself)."""
    found = []
    try:
        children = list(directory.iterdir())
    except OSError:
        return ()
    for child in children:
        if child.name.startswith(".") or child.name == INDEX_FILE:
            continue
        try:
            stat = child.stat()
        except OSError:
            continue
        found.append((child.name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


class ListsWatcher:
    """Polls the holder's lists directory every ``interval`` seconds and reloads when its files
    change. A change must be seen twice in a row, so a file still being copied is not read
    half-written; a failed reload is logged by the holder and the watch goes on.

    Raises:
        ValueError: the holder has no lists directory.
    """

    def __init__(self, holder: ScreenerHolder, interval: float) -> None:
        if holder.directory is None:
            raise ValueError("only a holder over a lists directory can be watched")
        self.holder = holder
        self.directory = holder.directory
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start polling in a daemon thread."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="screening-lists-watch", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """Stop polling. A reload in progress is not waited for beyond a few seconds: the
        thread is a daemon, and a half-built screener is never put in service."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    @property
    def running(self) -> bool:
        """Whether the poller is running."""
        return self._thread is not None

    def _run(self) -> None:
        seen = fingerprint(self.directory)
        pending: Fingerprint | None = None
        while not self._stop.wait(self.interval):
            now = fingerprint(self.directory)
            if now == seen:
                pending = None
            elif now != pending:
                pending = now  # changed since the last poll: wait until it holds still
            else:
                seen, pending = now, None
                with contextlib.suppress(Exception):  # logged by the holder
                    self.holder.reload()
