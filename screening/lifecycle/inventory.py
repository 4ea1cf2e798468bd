"""Every list in use, described: what ``screening lists`` shows.

The lists come from where screening would take them (:func:`screening.config.default_watchlists`
order): a list store (described from its manifests, without loading a 100 MB file), a plain
directory of official files (loaded), or the bundled sample.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from screening.freshness import ListAge, check_freshness, list_age
from screening.lifecycle.store import ListStore, StoredVersion
from screening.models import FileDigest, ListProvenance, Watchlist

__all__ = ["ListInfo", "lists_in_use"]


@dataclass(frozen=True, slots=True)
class ListInfo:
    """One list in use.

    Attributes:
        source, format, publish_date, record_count, sha256: the list's identity.
        age: how old it is and how that is known.
        path: the main file.
        sample: the bundled sample, not an official list.
        publication, version, downloaded_at, checked_at, url: for a list from the store.
        notes: what the loader or the update could not vouch for.
        stale: the stale-list warning, if the policy finds it stale.
    """

    source: str
    format: str
    publish_date: date | None
    age: ListAge
    record_count: int
    sha256: str
    path: Path
    sample: bool = False
    publication: str | None = None
    version: str | None = None
    downloaded_at: datetime | None = None
    checked_at: datetime | None = None
    url: str | None = None
    notes: tuple[str, ...] = ()
    stale: str | None = None


def _stored(version: StoredVersion, now: datetime) -> tuple[ListInfo, ListProvenance]:
    m = version.manifest
    provenance = ListProvenance(
        source=m.source,
        format=m.format,
        publish_date=m.publish_date,
        files=tuple(FileDigest(name=f.name, size=f.size, sha256=f.sha256) for f in m.files),
        loaded_at=now,
        notes=m.notes,
        retrieved_at=version.checked_at or m.downloaded_at,
    )
    info = ListInfo(
        source=m.source,
        format=m.format,
        publish_date=m.publish_date,
        age=list_age(provenance, now=now),
        record_count=m.record_count,
        sha256=m.sha256,
        path=version.main_file,
        publication=m.publication,
        version=version.name,
        downloaded_at=m.downloaded_at,
        checked_at=version.checked_at,
        url=m.files[0].url,
        notes=m.notes,
    )
    return info, provenance


def _loaded(watchlist: Watchlist, path: Path, now: datetime) -> ListInfo:
    p = watchlist.provenance
    return ListInfo(
        source=p.source,
        format=p.format,
        publish_date=p.publish_date,
        age=list_age(p, now=now),
        record_count=len(watchlist),
        sha256=p.sha256,
        path=path,
        sample=p.sample,
        notes=p.notes,
    )


def _main_path(watchlist: Watchlist, configured: str | os.PathLike[str] | None) -> Path:
    from screening.config import bundled_sample_path

    if watchlist.provenance.sample or configured is None:
        return bundled_sample_path()
    path = Path(configured)
    return path / watchlist.provenance.files[0].name if path.is_dir() else path


def lists_in_use(lists_dir: str | os.PathLike[str] | None, *, now: datetime) -> list[ListInfo]:
    """Describe the lists screening would use with ``lists_dir`` (else
    ``SCREENING_LISTS_DIR``, else the bundled sample), each with the stale-list warning of the
    configured policy (``SCREENING_MAX_LIST_AGE_DAYS``), if any.

    Raises:
        ListNotFoundError: the configured directory holds no list.
        ListFormatError: a list file or a store manifest is damaged.
    """
    # screening.config imports this package (for the policy), so import it late.
    from screening.config import ENV_LISTS_DIR, default_watchlists, freshness_policy

    policy = freshness_policy()
    configured = lists_dir if lists_dir is not None else os.environ.get(ENV_LISTS_DIR) or None
    pairs: list[tuple[ListInfo, ListProvenance]] = []
    if configured is not None and ListStore.is_store(configured):
        store = ListStore(configured)
        for name in store.publications():
            version = store.current(name)
            if version is not None:
                pairs.append(_stored(version, now))
        if not pairs:
            store.load_current()  # raises ListNotFoundError with the advice to update
    else:
        for wl in default_watchlists(configured):
            pairs.append((_loaded(wl, _main_path(wl, configured), now), wl.provenance))
    infos = []
    for info, provenance in pairs:
        warnings = check_freshness([provenance], max_age=policy.max_age, now=now)
        infos.append(replace(info, stale=warnings[0]) if warnings else info)
    return infos
