"""The EU Financial Sanctions File (FSF), XML version 1.1 (root ``export``).

Schema: ``EU_20171012-FULL-schema-1_1(xsd).xsd`` (../shared/data/eu), namespace
``http://eu.europa.ec/fpi/fsd/export``. The root ``export`` carries ``generationDate``
(``xs:dateTime``) and ``globalFileId`` and holds one ``sanctionEntity`` per listed party. No
real FSF file is in the shared data (every copy found was over 4 MiB): the tests use small
files written to the XSD and validated against it.

Choices:

- ``uid`` is ``logicalId``: the schema documents it as the "unique logical identifier of a
  sanctioned entity ... provided to external actors for help", kept when the EU migrated its
  database; it is a number, so it is checked to be one. ``euReferenceNumber``
  (``"EU.36.64"``) is the reference printed in the Official Journal and is kept as property
  ``"EU reference number"``; it is optional in the schema.
- ``source`` is ``"EU"``; ``programs`` are the ``programme`` codes of the entity's
  ``regulation`` elements; ``publish_date`` is the day of ``generationDate`` as written.
- ``stated_record_count`` is ``None``: the file states no count of records.
- Names and strength: :mod:`screening.sources._eu_names`; everything else:
  :mod:`screening.sources._eu_entity` and :mod:`screening.sources._eu_facts`.
- The sniffer needs the FSF namespace as well as the root name (``export`` alone says little);
  the loader, like the OFAC ones, reads elements by local name.
"""

from __future__ import annotations

import logging
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from screening.errors import ListFormatError
from screening.models import Entry, ListProvenance, Watchlist
from screening.sources._eu_entity import SOURCE, eu_entry
from screening.sources._files import digest
from screening.sources._xml import local_name, root_children
from screening.sources._xmlhead import root_element
from screening.sources._xmlvalues import Malformed, folded, xs_datetime_day

__all__ = ["FORMAT", "NAMESPACE", "load", "sniff"]

FORMAT = "eu-fsf-xml"
NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"

log = logging.getLogger(__name__)

_ROOT = "export"
_RECORD = "sanctionEntity"
_LOGICAL_ID = re.compile(r"[0-9]{1,19}")  # xs:long; the EU's ids are positive


def sniff(path: str | os.PathLike[str]) -> bool:
    """True for a file whose root is ``export`` in the FSF namespace (read from its head)."""
    try:
        root = root_element(Path(path))
    except Exception:  # a sniffer must not raise
        log.debug("sniffing %s failed", path, exc_info=True)
        return False
    return root is not None and root.name == _ROOT and root.namespace == NAMESPACE


def _published(root: Element, path: Path) -> date:
    stamp = root.get("generationDate")
    if stamp is None:
        raise Malformed(_ROOT, "no generationDate attribute (the schema requires one)")
    try:
        published = xs_datetime_day(stamp)
    except ValueError as exc:
        raise Malformed(f"{_ROOT}/@generationDate", str(exc)) from None
    log.info("%s: EU FSF globalFileId %s, generated %s", path, root.get("globalFileId"), stamp)
    return published


def _read(path: Path) -> tuple[dict[str, Entry], date | None]:
    entries: dict[str, Entry] = {}
    published: date | None = None
    for root, element in root_children(path, _ROOT):
        if element is None:
            published = _published(root, path)
            continue
        tag = local_name(element.tag)
        if tag != _RECORD:
            log.warning("%s: unknown element %s under export skipped", path, tag)
        else:
            where = f"{_RECORD}[{len(entries) + 1}]"
            uid = folded(element.get("logicalId"))
            if uid is None or not _LOGICAL_ID.fullmatch(uid):
                raise Malformed(f"{where}/@logicalId", f"logicalId {uid!r} is not a number")
            uid = str(int(uid))
            where = f"{_RECORD}[logicalId={uid!r}]"
            if uid in entries:
                raise Malformed(where, f"a second sanctionEntity with logicalId {uid!r}")
            entries[uid] = eu_entry(element, uid, where)
    return entries, published


def load(path: str | os.PathLike[str]) -> Watchlist:
    """Load an EU Financial Sanctions File (XML 1.1).

    Args:
        path: the XML file (``xmlFullSanctionsList_1_1`` as downloaded).

    Returns:
        The watchlist (source ``"EU"``), with ``generationDate`` as its publish date.

    Raises:
        ListNotFoundError: no file at ``path``.
        ListFormatError: the file is not well-formed XML, declares a DTD or entities (refused,
            never expanded), its root is not ``export``, or an entity breaks the format (a
            ``logicalId`` that is missing, not a number or repeated, no ``subjectType``, a bad
            date, no name); the error names the file and the element.
    """
    p = Path(path)
    try:
        entries, published = _read(p)
        if not entries:
            raise Malformed(_ROOT, "no sanctionEntity: the EU list is never empty")
    except Malformed as exc:
        raise ListFormatError(p, exc.where, exc.reason) from None
    provenance = ListProvenance(
        source=SOURCE,
        format=FORMAT,
        publish_date=published,
        stated_record_count=None,
        files=(digest(p),),
        loaded_at=datetime.now(UTC),
    )
    log.info("%s: %d entries, generated %s", p, len(entries), published)
    return Watchlist(entries.values(), provenance)
