"""The lists directory: downloaded versions kept side by side, one marked current.

Layout::

    LISTS_DIR/
      lists-store.json                   marks the directory as a store (layout version)
      .lock                              held while an update runs
      SDN_ADVANCED/                      one directory per publication (catalogue name)
        current.json                     {"version": "2024-06-27_1a2b3c4d5e6f", "checked_at": ...}
        2024-06-27_1a2b3c4d5e6f/         <publish date>_<list sha256[:12]>, never modified
          SDN_ADVANCED.XML               the files exactly as downloaded
          manifest.json                  source URL, download time, publish date, sha256, size,
                                         record count (VersionManifest)
        2024-06-20_9f8e7d6c5b4a/         previous versions, the newest ``keep`` of them
        .staging-XXXX/                   a download in progress (removed on failure)

An update downloads into a staging directory, verifies it, renames it to its version name
(atomic on one file system) and then replaces ``current.json`` atomically. A reader reads
``current.json`` once and then a version directory that is complete and never changes, so it
sees the old list or the new one, never a mix. Undated publications (the legacy CSV set) are
named ``undated-<download date>_<sha256[:12]>``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from screening.errors import ListFormatError, ListNotFoundError, ListUpdateError
from screening.lifecycle.catalog import PUBLICATIONS, publication
from screening.lifecycle.manifest import (
    CurrentPointer,
    VersionManifest,
    fsync_dir,
    read_json,
    write_json_atomic,
)
from screening.models import Watchlist
from screening.sources import load_list

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; run one update at a time there
    fcntl = None  # type: ignore[assignment]

__all__ = ["DEFAULT_KEEP", "MARKER", "ListStore", "StoredVersion"]

log = logging.getLogger(__name__)

MARKER = "lists-store.json"
DEFAULT_KEEP = 3  # previous versions kept besides the current one
_CURRENT = "current.json"
_MANIFEST = "manifest.json"
_STAGING = ".staging-"


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """One stored version of a publication.

    Attributes:
        path: its directory.
        manifest: what was downloaded.
        checked_at: for the current version, when an update last confirmed it is the newest;
            ``None`` for a previous version.
    """

    path: Path
    manifest: VersionManifest
    checked_at: datetime | None = None

    @property
    def name(self) -> str:
        """The version's directory name (``2024-06-27_1a2b3c4d5e6f``)."""
        return self.path.name

    @property
    def main_file(self) -> Path:
        """The file the loader reads (``SDN_ADVANCED.XML``, ``SDN.CSV``...)."""
        return self.path / publication(self.manifest.publication).main


def version_name(manifest: VersionManifest) -> str:
    """``<publish date>_<sha256[:12]>``, or ``undated-<download date>_<sha256[:12]>``."""
    dated = manifest.publish_date or f"undated-{manifest.downloaded_at.date()}"
    return f"{dated}_{manifest.sha256[:12]}"


class ListStore:
    """A lists directory in the store layout (see the module docstring).

    Args:
        root: the lists directory (``SCREENING_LISTS_DIR``).
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    @staticmethod
    def is_store(path: str | os.PathLike[str]) -> bool:
        """True if ``path`` is a lists directory in the store layout."""
        return (Path(path) / MARKER).is_file()

    def create(self) -> None:
        """Create the directory and its marker if they do not exist yet."""
        self.root.mkdir(parents=True, exist_ok=True)
        marker = self.root / MARKER
        if not marker.exists():
            write_json_atomic(marker, {"layout": 1, "created_at": datetime.now(UTC).isoformat()})

    # --- reading -------------------------------------------------------------------------------

    def publications(self) -> list[str]:
        """Names of the publications that have a current version, in catalogue order."""
        return [name for name in PUBLICATIONS if (self.root / name / _CURRENT).is_file()]

    def current(self, name: str) -> StoredVersion | None:
        """The current version of publication ``name``, or ``None`` if it has none.

        Raises:
            ListFormatError: ``current.json`` or the manifest is damaged, or names a version
                that is not there.
        """
        pointer_path = self.root / name / _CURRENT
        try:
            pointer = read_json(pointer_path, CurrentPointer)
        except FileNotFoundError:
            return None
        path = self.root / name / pointer.version
        try:
            manifest = read_json(path / _MANIFEST, VersionManifest)
        except FileNotFoundError:
            raise ListFormatError(
                pointer_path, "version", f"names {pointer.version!r}, which is not in the store"
            ) from None
        return StoredVersion(path, manifest, pointer.checked_at)

    def versions(self, name: str) -> list[StoredVersion]:
        """Every complete stored version of ``name``, newest download first."""
        found = []
        directory = self.root / name
        if not directory.is_dir():
            return []
        for child in directory.iterdir():
            if child.is_dir() and not child.name.startswith("."):
                try:
                    found.append(
                        StoredVersion(child, read_json(child / _MANIFEST, VersionManifest))
                    )
                except (FileNotFoundError, ListFormatError):
                    log.warning("%s: no readable manifest; not a stored version", child)
        return sorted(found, key=lambda v: v.manifest.downloaded_at, reverse=True)

    def load(self, version: StoredVersion) -> Watchlist:
        """Load a stored version, checking its files still have the sha256 recorded.

        Raises:
            ListFormatError: the files changed since they were downloaded, or do not load.
        """
        watchlist = load_list(version.main_file)
        found = watchlist.provenance.sha256
        if found != version.manifest.sha256:
            raise ListFormatError(
                version.path,
                None,
                f"files have sha256 {found}, the manifest says {version.manifest.sha256}: "
                "they changed after download",
            )
        retrieved = version.checked_at or version.manifest.downloaded_at
        provenance = watchlist.provenance.model_copy(update={"retrieved_at": retrieved})
        return Watchlist(watchlist.entries, provenance)

    def load_current(self) -> list[Watchlist]:
        """The current version of every publication in the store.

        Raises:
            ListNotFoundError: the store holds no current version.
            ListFormatError: a stored version is damaged.
        """
        lists = []
        for name in self.publications():
            version = self.current(name)
            if version is None:  # removed between listing and reading
                continue
            try:
                lists.append(self.load(version))
            except ListNotFoundError:
                # Pruned by an update that ran while this one read the pointer: read it again.
                again = self.current(name)
                if again is None:
                    raise
                lists.append(self.load(again))
        if not lists:
            raise ListNotFoundError(
                f"{self.root}: the list store holds no list yet; run `screening lists update`"
            )
        return lists

    # --- writing -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's update lock.

        Raises:
            ListUpdateError: another update holds it.
        """
        self.create()
        with (self.root / ".lock").open("a") as handle:
            if fcntl is not None:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise ListUpdateError(
                        str(self.root), "another `screening lists update` is running on it"
                    ) from None
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def staging(self, name: str) -> Iterator[Path]:
        """A private directory inside the store to download ``name`` into; removed on exit
        unless :meth:`install` has moved it into place."""
        directory = self.root / name
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob(f"{_STAGING}*"):  # left by a crashed update
            shutil.rmtree(stale, ignore_errors=True)
        path = Path(tempfile.mkdtemp(prefix=_STAGING, dir=directory))
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)

    def install(
        self, staged: Path, manifest: VersionManifest, *, keep: int = DEFAULT_KEEP
    ) -> StoredVersion:
        """Make the verified files in ``staged`` the current version of their publication.

        The staged directory becomes the version directory by one rename, then
        ``current.json`` is replaced atomically, then versions beyond the newest ``keep``
        previous ones are deleted. A version with the same list sha256 already stored is
        reused (a roll-back to a kept version re-downloads nothing new).

        Returns:
            The new current version.
        """
        if keep < 0:
            raise ValueError(f"keep must be >= 0, got {keep!r}")
        directory = self.root / manifest.publication
        existing = next(
            (
                v
                for v in self.versions(manifest.publication)
                if v.manifest.sha256 == manifest.sha256
            ),
            None,
        )
        if existing is not None:
            target = existing.path
        else:
            target = directory / version_name(manifest)
            write_json_atomic(staged / _MANIFEST, manifest)
            staged.chmod(0o755)  # mkdtemp makes it private; screening services must read it
            fsync_dir(staged)
            os.rename(staged, target)
            fsync_dir(directory)
        checked = manifest.downloaded_at
        write_json_atomic(
            directory / _CURRENT, CurrentPointer(version=target.name, checked_at=checked)
        )
        self._prune(manifest.publication, target.name, keep)
        return StoredVersion(target, read_json(target / _MANIFEST, VersionManifest), checked)

    def confirm(self, name: str, checked_at: datetime) -> StoredVersion:
        """Record that an update found the current version of ``name`` still the newest.

        Raises:
            ListNotFoundError: ``name`` has no current version.
        """
        version = self.current(name)
        if version is None:
            raise ListNotFoundError(f"{self.root / name}: no current version")
        pointer = CurrentPointer(version=version.name, checked_at=checked_at)
        write_json_atomic(self.root / name / _CURRENT, pointer)
        return StoredVersion(version.path, version.manifest, checked_at)

    def _prune(self, name: str, current: str, keep: int) -> None:
        previous = [v for v in self.versions(name) if v.name != current]
        for old in previous[keep:]:
            log.info("%s: removing old version %s", name, old.name)
            shutil.rmtree(old.path, ignore_errors=True)
