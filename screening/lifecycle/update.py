"""``update_publication``: download, verify, and swap in one publication, or change nothing.

The order is what makes a bad download harmless: download into a staging directory inside
the store, compare with the current version (identical bytes: only record the check), verify
(:mod:`screening.lifecycle.verify`), and only then install (:meth:`ListStore.install`). Any
failure before the install leaves the current version and ``current.json`` untouched.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

from screening.errors import ListUpdateError
from screening.lifecycle.catalog import OFAC_BASE_URL, publication
from screening.lifecycle.fetch import Fetched, FetchOptions, fetch
from screening.lifecycle.manifest import StoredFile, VersionManifest
from screening.lifecycle.store import DEFAULT_KEEP, ListStore, StoredVersion
from screening.lifecycle.verify import verify_download
from screening.models import FileDigest, ListProvenance

__all__ = ["UpdateOutcome", "update_publication"]

log = logging.getLogger(__name__)

UNDATED_NOTE = (
    "the format states no publish date: the list's age is counted from its download time, "
    "and an older publication cannot be told from a newer one"
)


@dataclass(frozen=True, slots=True)
class UpdateOutcome:
    """What an update did.

    Attributes:
        publication: the catalogue name.
        installed: ``True`` if a new version became current; ``False`` if the download was
            identical to the current version (only its ``checked_at`` was updated).
        version: the current version after the update.
        previous: the version that was current before, if any.
    """

    publication: str
    installed: bool
    version: StoredVersion
    previous: StoredVersion | None


def _list_sha256(fetched: dict[str, Fetched], now: datetime) -> str:
    # The same digest the loader will report (ListProvenance.sha256), computed before loading.
    files = tuple(FileDigest(name=n, size=f.size, sha256=f.sha256) for n, f in fetched.items())
    return ListProvenance(source="", format="", files=files, loaded_at=now).sha256


def update_publication(
    lists_dir: str | os.PathLike[str],
    name: str,
    *,
    base_url: str = OFAC_BASE_URL,
    allow_older: bool = False,
    keep: int = DEFAULT_KEEP,
    options: FetchOptions | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> UpdateOutcome:
    """Download publication ``name`` from ``base_url`` into the store at ``lists_dir``.

    Args:
        lists_dir: the lists directory (created as a store if it does not exist).
        name: a catalogue name (``"SDN_ADVANCED"``, ``"SDN_CSV"``...; any case).
        base_url: where the files are (OFAC's Sanctions List Service, or a mirror); each file
            is ``base_url`` + its official name.
        allow_older: install a publication older than the current one (a roll-back).
        keep: previous versions to keep besides the current one.
        options: download timeouts and retries.
        sleep: the wait between download attempts (tests pass a fake).

    Returns:
        What changed.

    Raises:
        ListUpdateError: the download failed or was refused; the message says why, and the
            current version is untouched.
        InputError: an unknown publication name.
    """
    pub = publication(name)
    store = ListStore(lists_dir)
    root = store.root
    if root.is_dir() and not ListStore.is_store(root) and any(root.iterdir()):
        # A plain directory of list files is read whole; making it a store would hide them.
        raise ListUpdateError(
            pub.name, f"{root} is not empty and not a list store; give a new or empty directory"
        )
    base = base_url if base_url.endswith("/") else base_url + "/"
    with store.locked():
        current = store.current(pub.name)
        with store.staging(pub.name) as staged:
            fetched: dict[str, Fetched] = {}
            for file in pub.files:
                try:
                    fetched[file] = fetch(urljoin(base, file), staged / file, options=options)
                except ListUpdateError as exc:
                    raise ListUpdateError(pub.name, f"{file}: {exc.reason}") from exc
            now = datetime.now(UTC)
            sha = _list_sha256(fetched, now)
            if current is not None and current.manifest.sha256 == sha:
                log.info("%s: unchanged since %s", pub.name, current.manifest.downloaded_at)
                return UpdateOutcome(pub.name, False, store.confirm(pub.name, now), current)
            watchlist = verify_download(
                pub,
                staged,
                current_publish_date=None if current is None else current.manifest.publish_date,
                allow_older=allow_older,
            )
            p = watchlist.provenance
            if p.sha256 != sha:  # the loader read other files than were downloaded
                raise ListUpdateError(pub.name, f"read sha256 {p.sha256}, downloaded {sha}")
            notes = (*p.notes, UNDATED_NOTE) if p.publish_date is None else p.notes
            manifest = VersionManifest(
                publication=pub.name,
                source=p.source,
                format=p.format,
                publish_date=p.publish_date,
                record_count=len(watchlist),
                sha256=sha,
                files=tuple(
                    StoredFile(name=n, size=f.size, sha256=f.sha256, url=f.final_url)
                    for n, f in fetched.items()
                ),
                downloaded_at=now,
                notes=notes,
            )
            version = store.install(staged, manifest, keep=keep)
    log.info("%s: installed %s (%d entries)", pub.name, version.name, manifest.record_count)
    return UpdateOutcome(pub.name, True, version, current)
