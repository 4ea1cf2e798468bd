"""The UK Sanctions List (FCDO), XML (root element ``Designations``).

Why this format: since 28 January 2026 the UK Sanctions List is the single official source of UK
designations, and OFSI's Consolidated List (``ConList.xml``, "2022 format") was frozen (gov.uk,
"Moving to a single list for UK sanctions designations"). The FCDO publishes no XSD that could
be found; the structure read here is documented from:

- FCDO, "UK Sanctions List: change to the list's format" (gov.uk, February 2022): names in
  six parts (``Names 1-6``), a name type (Primary name, Primary name variation, Alias) and an
  alias strength;
- OpenSanctions' reader of this file (``datasets/gb/fcdo_sanctions``, crawler and YAML
  lookups): the element paths ``Designation/UniqueID``, ``IndividualEntityShip``,
  ``Names/Name/Name1``-``Name6``, ``NameType``, ``NonLatinNames``,
  ``Addresses/Address/AddressLine1``-``6``, ``IndividualDetails/Individual/DOBs/DOB``,
  ``ShipDetails/Ship/IMONumbers/IMONumber``, ``RegimeName``, ``DateDesignated``,
  ``LastUpdated``, ``UNReferenceNumber``, ``SanctionsImposed`` (``|``-separated),
  ``UKStatementofReasons``; the values "Good quality a.k.a" / "Low quality a.k.a"; and the
  ``dd/mm/yyyy`` dates with ``dd``/``mm`` masks;
- fragments of the published file quoted in the tests of other public readers: the root
  ``Designations`` without a namespace and its ``DateGenerated`` (``dd/mm/yyyy``),
  ``OFSIGroupID``, ``AliasStrength`` inside ``Name``, ``NonLatinName`` and the entity and ship
  detail elements.

Because the schema is not published, the reader is tolerant where the sources differ: it reads
leaves by name wherever their wrapper puts them (:mod:`screening.sources._uk_designation`), and
it keeps, with a warning, any element it does not know.

Choices:

- ``uid`` is ``UniqueID`` (``"AFG0006"``, ``"RUS0251"``): the FCDO's reference of the
  designation, printed on the list and in its notices. ``OFSIGroupID`` (OFSI's id of the target,
  shared by designations of one target under several regimes) is a property.
- ``source`` is ``"UK"``; ``programs`` are the ``RegimeName`` values; ``publish_date`` is
  ``DateGenerated``; ``stated_record_count`` is ``None`` (the file states no count).
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
from screening.sources._uk_dates import uk_date
from screening.sources._uk_designation import KINDS, SOURCE, uk_entry
from screening.sources._xml import local_name, root_children
from screening.sources._xmlhead import root_element
from screening.sources._xmlvalues import Malformed, folded

__all__ = ["FORMAT", "load", "sniff"]

FORMAT = "uk-sanctions-list-xml"

log = logging.getLogger(__name__)

_ROOT = "Designations"
_RECORD = "Designation"


def sniff(path: str | os.PathLike[str]) -> bool:
    """True for a file whose root element is ``Designations`` without a namespace."""
    try:
        root = root_element(Path(path))
    except Exception:  # a sniffer must not raise
        log.debug("sniffing %s failed", path, exc_info=True)
        return False
    return root is not None and root.name == _ROOT and root.namespace is None


def _field(element: Element, tag: str) -> str | None:
    for child in element:
        if local_name(child.tag) == tag:
            return folded(child.text)
    return None


def _kind(element: Element, where: str) -> tuple[EntryKind, str | None]:
    raw = _field(element, "IndividualEntityShip")
    if raw is None:
        raise Malformed(where, "no IndividualEntityShip: the list types every designation")
    kind = KINDS.get(raw.casefold())
    if kind is None:
        log.warning("%s: unknown IndividualEntityShip %r; read as an entity", where, raw)
        return EntryKind.ENTITY, raw
    return kind, None


class _Reader:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.published: date | None = None
        self.count = 0

    def designation(self, element: Element) -> None:
        self.count += 1
        where = f"{_RECORD}[{self.count}]"
        uid = _field(element, "UniqueID")
        if uid is None:
            raise Malformed(where, "no UniqueID")
        where = f"{_RECORD}[UniqueID={uid!r}]"
        if uid in self.entries:
            raise Malformed(where, f"a second Designation with UniqueID {uid!r}")
        kind, unknown = _kind(element, where)
        self.entries[uid] = uk_entry(element, uid, kind, where, unknown_kind=unknown)

    def read(self, path: Path) -> None:
        for _, element in root_children(path, _ROOT):
            if element is None:
                continue
            tag = local_name(element.tag)
            if tag == _RECORD:
                self.designation(element)
            elif tag == "DateGenerated":
                try:
                    self.published = uk_date(element.text or "")
                except ValueError as exc:
                    raise Malformed(f"{_ROOT}/DateGenerated", str(exc)) from None
            else:
                log.warning("%s: unknown element %s under %s skipped", path, tag, _ROOT)


def load(path: str | os.PathLike[str]) -> Watchlist:
    """Load the UK Sanctions List from its XML file.

    Args:
        path: the XML file (``UK-Sanctions-List.xml`` as downloaded from the FCDO).

    Returns:
        The watchlist (source ``"UK"``), with ``DateGenerated`` as its publish date (``None``
        and a provenance note when the file has none).

    Raises:
        ListNotFoundError: no file at ``path``.
        ListFormatError: the file is not well-formed XML, declares a DTD or entities (refused,
            never expanded), its root is not ``Designations``, or a designation breaks the
            format (no ``UniqueID`` or a repeated one, no ``IndividualEntityShip``, a bad
            ``dd/mm/yyyy`` date, no name); the error names the file and the element.
    """
    p = Path(path)
    reader = _Reader()
    try:
        reader.read(p)
        if not reader.entries:
            raise Malformed(_ROOT, "no Designation: the UK list is never empty")
    except Malformed as exc:
        raise ListFormatError(p, exc.where, exc.reason) from None
    notes: tuple[str, ...] = ()
    if reader.published is None:
        notes = (f"{p.name} has no DateGenerated, so its age could not be checked",)
        log.warning("%s: %s", p, notes[0])
    provenance = ListProvenance(
        source=SOURCE,
        format=FORMAT,
        publish_date=reader.published,
        stated_record_count=None,
        files=(digest(p),),
        loaded_at=datetime.now(UTC),
        notes=notes,
    )
    log.info("%s: %d entries, generated %s", p, len(reader.entries), reader.published)
    return Watchlist(reader.entries.values(), provenance)
