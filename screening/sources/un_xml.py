"""The UN Security Council Consolidated List, XML (root element ``CONSOLIDATED_LIST``).

Schema: ``UN_consolidated.xsd`` (../shared/data/un): no namespace; the root carries
``dateGenerated`` (``xs:dateTime``) and holds ``INDIVIDUALS`` (``INDIVIDUAL`` elements) then
``ENTITIES`` (``ENTITY`` elements). The file is streamed and parsed with DTDs and entities
refused (:mod:`screening.sources._xml`); each record is read into an entry and dropped.

Choices:

- ``uid`` is ``REFERENCE_NUMBER`` (``"QDi.006"``): it is the identifier the UN publishes with
  the listing and in its press releases, the one other lists cite (the EU's
  ``unitedNationId``, the UK's ``UNReferenceNumber``, the UN's own ``COMMENTS1``:
  "pledged loyalty to Aiman al-Zawahiri (QDi.006)"), and it says which sanctions committee
  listed the party. ``DATAID`` is a database key and is kept as property ``"UN DATAID"``.
  Surrounding spaces are stripped (twelve ``"KPe.0NN "`` in the 2026-02-27 file).
- ``source`` is ``"UN"``, ``programs`` the ``UN_LIST_TYPE``, ``publish_date`` the day of
  ``dateGenerated`` as written.
- ``stated_record_count`` is ``None``: the file states no count of records.
- Names, aliases and their quality: :mod:`screening.sources._un_names`; other fields:
  :mod:`screening.sources._un_record`.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from screening.errors import ListFormatError
from screening.models import Entry, EntryKind, ListProvenance, Watchlist
from screening.sources._files import digest
from screening.sources._un_record import SOURCE, un_entry
from screening.sources._xml import local_name, safe_iterparse
from screening.sources._xmlhead import root_element
from screening.sources._xmlvalues import Malformed, folded, xs_datetime_day

__all__ = ["FORMAT", "load", "sniff"]

FORMAT = "un-sc-xml"

log = logging.getLogger(__name__)

_ROOT = "CONSOLIDATED_LIST"
_SECTIONS = {
    "INDIVIDUALS": ("INDIVIDUAL", EntryKind.INDIVIDUAL),
    "ENTITIES": ("ENTITY", EntryKind.ENTITY),
}


def sniff(path: str | os.PathLike[str]) -> bool:
    """True for a file whose root element is ``CONSOLIDATED_LIST`` (read from its head)."""
    try:
        root = root_element(Path(path))
    except Exception:  # a sniffer must not raise
        log.debug("sniffing %s failed", path, exc_info=True)
        return False
    return root is not None and root.name == _ROOT


def _published(root: Element) -> date:
    stamp = root.get("dateGenerated")
    if stamp is None:
        raise Malformed(_ROOT, "no dateGenerated attribute (the schema requires one)")
    try:
        return xs_datetime_day(stamp)
    except ValueError as exc:
        raise Malformed(f"{_ROOT}/@dateGenerated", str(exc)) from None


class _Reader:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.published: date | None = None
        self.counts: dict[str, int] = {}

    def record(self, section: str, element: Element) -> None:
        tag = local_name(element.tag)
        expected, kind = _SECTIONS[section]
        self.counts[section] = n = self.counts.get(section, 0) + 1
        where = f"{section}/{tag}[{n}]"
        if tag != expected:
            raise Malformed(where, f"{tag} in {section} (expected {expected})")
        uid = None
        for child in element:
            if local_name(child.tag) == "REFERENCE_NUMBER":
                uid = folded(child.text)
                break
        if uid is None:
            raise Malformed(where, "no REFERENCE_NUMBER")
        where = f"{tag}[REFERENCE_NUMBER={uid!r}]"
        if uid in self.entries:
            raise Malformed(where, f"a second record with REFERENCE_NUMBER {uid!r}")
        self.entries[uid] = un_entry(element, kind, uid, where)

    def read(self, path: Path) -> None:
        depth = 0
        section: Element | None = None
        for event, element in safe_iterparse(path, ("start", "end")):
            if event == "start":
                depth += 1
                if depth == 1:
                    if local_name(element.tag) != _ROOT:
                        raise Malformed(local_name(element.tag), f"the root element is not {_ROOT}")
                    self.published = _published(element)
                elif depth == 2:
                    section = element
                    if local_name(element.tag) not in _SECTIONS:
                        log.warning("%s: unknown section %s skipped", path, element.tag)
                continue
            depth -= 1
            if depth == 2 and section is not None:
                name = local_name(section.tag)
                if name in _SECTIONS:
                    self.record(name, element)
                section.clear()  # the record is read; keep memory flat


def load(path: str | os.PathLike[str]) -> Watchlist:
    """Load the UN Security Council Consolidated List from its XML file.

    Args:
        path: the XML file (``consolidated.xml`` as downloaded from the UN).

    Returns:
        The watchlist (source ``"UN"``), with ``dateGenerated`` as its publish date.

    Raises:
        ListNotFoundError: no file at ``path``.
        ListFormatError: the file is not well-formed XML, declares a DTD or entities (refused,
            never expanded), its root is not ``CONSOLIDATED_LIST``, or a record breaks the
            format (no ``REFERENCE_NUMBER`` or a repeated one, a bad date, no name); the error
            names the file and the element.
    """
    p = Path(path)
    reader = _Reader()
    try:
        reader.read(p)
        if not reader.entries:
            raise Malformed(_ROOT, "no INDIVIDUAL or ENTITY: the UN list is never empty")
    except Malformed as exc:
        raise ListFormatError(p, exc.where, exc.reason) from None
    provenance = ListProvenance(
        source=SOURCE,
        format=FORMAT,
        publish_date=reader.published,
        stated_record_count=None,
        files=(digest(p),),
        loaded_at=datetime.now(UTC),
    )
    log.info("%s: %d entries, generated %s", p, len(reader.entries), reader.published)
    return Watchlist(reader.entries.values(), provenance)
