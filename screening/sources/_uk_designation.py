"""One ``Designation`` of the UK Sanctions List as an :class:`Entry`.

A designation is a tree of small elements: plural wrappers (``Addresses``, ``DOBs``,
``IndividualDetails/Individual``, ``ShipDetails/Ship``...) around leaves. The reader walks it,
reads a few groups as units (a ``Name``, an ``Address``, a ``Passport``, a
``NationalIdentifier``, a birth ``Location``, a non-Latin name) and every other leaf by its
name, wherever its wrapper puts it:

=================================== ========================================================
``UniqueID``                        ``uid`` (see :mod:`screening.sources.uk_xml`)
``IndividualEntityShip``            ``kind``: Individual, Entity, Ship (a vessel)
``RegimeName``                      ``programs``
``DateDesignated``                  ``designation_date`` (``dd/mm/yyyy``)
``OtherInformation``                ``remarks``
``OFSIGroupID``,                    properties ``"OFSI group ID"``, ``"UN reference
``UNReferenceNumber``               number"``
``SanctionsImposed``                properties ``"Sanctions imposed"``, one per ``|`` item
``DOB``, ``Nationality``,           dates of birth (:mod:`screening.sources._uk_dates`),
``Gender``, ``Title``               nationalities, gender, title
``BusinessRegistrationNumber``,     identifiers (registration, IMO, hull number)
``IMONumber``,
``HullIdentificationNumber``
``ParentCompany``, ``Subsidiary``   relations, by name (the list gives no id)
``CurrentOwnerOperator``,           ``vessel`` (owner, flag, type, tonnage)
``CurrentBelievedFlagOfShip``,
``TypeOfShip``, ``TonnageOfShip``
other known leaves                  properties under a readable label (table below)
=================================== ========================================================

An unknown leaf is logged and kept as a property under its own name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from xml.etree.ElementTree import Element

from screening.models import Address, Entry, EntryKind, Identifier, IdScheme, Relation, Vessel
from screening.sources._entryparts import EntryParts
from screening.sources._uk_dates import date_of_birth, uk_date
from screening.sources._uk_names import NON_LATIN, name, non_latin_name
from screening.sources._xml import local_name
from screening.sources._xmlvalues import Malformed, describe, folded

__all__ = ["KINDS", "SOURCE", "uk_entry"]

log = logging.getLogger(__name__)

SOURCE = "UK"
KINDS = {"individual": EntryKind.INDIVIDUAL, "entity": EntryKind.ENTITY, "ship": EntryKind.VESSEL}

_LABELS = {
    "LastUpdated": "Last updated",
    "OFSIGroupID": "OFSI group ID",
    "UNReferenceNumber": "UN reference number",
    "DesignationSource": "Designation source",
    "UKStatementofReasons": "UK statement of reasons",
    "PhoneNumber": "Phone",
    "EmailAddress": "Email",
    "Website": "Website",
    "Position": "Position",
    "TypeOfEntity": "Type of entity",
    "PreviousOwnerOperator": "Previous owner/operator",
    "PreviousFlag": "Previous flag",
    "LengthOfShip": "Length of ship",
    "YearBuilt": "Year built",
}
_IDENTIFIERS = {
    "BusinessRegistrationNumber": (IdScheme.REGISTRATION, "Business registration number"),
    "IMONumber": (IdScheme.IMO, "IMO number"),
    "HullIdentificationNumber": (IdScheme.OTHER, "Hull identification number (HIN)"),
}
_RELATIONS = {"ParentCompany": "Parent company", "Subsidiary": "Subsidiary"}
_VESSEL = {
    "CurrentOwnerOperator": "owner",
    "CurrentBelievedFlagOfShip": "flag",
    "TypeOfShip": "vessel_type",
    "TonnageOfShip": "tonnage",
}
_GROUP_FIELDS = {
    "Address": (*(f"AddressLine{n}" for n in range(1, 7)), "AddressPostalCode", "AddressCountry"),
    "Passport": ("PassportNumber", "PassportAdditionalInformation"),
    "NationalIdentifier": ("NationalIdentifierNumber", "NationalIdentifierAdditionalInformation"),
    "Location": ("TownOfBirth", "CountryOfBirth"),
}
_READ_FIRST = frozenset({"UniqueID", "IndividualEntityShip"})
_MAPPED = frozenset({*_LABELS, *_IDENTIFIERS, *_RELATIONS, *_VESSEL})


class _Reader:
    """Reads one designation into :class:`EntryParts`."""

    def __init__(self, kind: EntryKind, where: str) -> None:
        self.kind = kind
        self.where = where
        self.parts = EntryParts()
        self.primary: list[int] = []
        self.vessel: dict[str, list[str]] = {}
        self._leaves: dict[str, Callable[[str, str], None]] = {
            "RegimeName": lambda v, _: self.parts.programs.append(v),
            "DateDesignated": self._designated,
            "OtherInformation": lambda v, _: self.parts.remarks.append(v),
            "SanctionsImposed": self._sanctions,
            "DOB": self._date_of_birth,
            "Nationality": lambda v, _: self.parts.nationalities.append(v),
            "Gender": lambda v, _: self.parts.genders.append(v),
            "Title": lambda v, _: self.parts.titles.append(v),
        }

    def walk(self, element: Element, where: str) -> None:
        counts: dict[str, int] = {}
        for child in element:
            tag = local_name(child.tag)
            counts[tag] = n = counts.get(tag, 0) + 1
            child_where = f"{where}/{tag}[{n}]"
            if tag == "Name" and len(child):
                found = name(child, self.kind, child_where, self.parts)
                if found is not None:
                    if found.type == "primary" and not self.primary:
                        self.primary.append(len(self.parts.names))
                    self.parts.names.append(found)
            elif any(local_name(c.tag) == NON_LATIN for c in child):
                non_latin_name(child, child_where, self.parts)
            elif tag in _GROUP_FIELDS and len(child):
                self._group(tag, child, child_where)
            elif len(child):
                self.walk(child, child_where)
            elif tag not in _READ_FIRST:
                self._leaf(tag, child, child_where)

    def _leaf(self, tag: str, element: Element, where: str) -> None:
        value = folded(element.text)
        if tag not in self._leaves and tag not in _MAPPED:
            if (extra := describe(element)) is not None:
                log.warning("%s: unknown element %s kept as a property", where, tag)
                self.parts.add_property(tag, extra)
            return
        if value is None:
            return
        if (handler := self._leaves.get(tag)) is not None:
            handler(value, where)
        elif tag in _LABELS:
            self.parts.add_property(_LABELS[tag], value)
        elif tag in _IDENTIFIERS:
            scheme, label = _IDENTIFIERS[tag]
            self.parts.identifiers.append(Identifier(scheme=scheme, type=label, value=value))
        elif tag in _RELATIONS:
            self.parts.relations.append(Relation(type=_RELATIONS[tag], name=value))
        else:
            self.vessel.setdefault(_VESSEL[tag], []).append(value)

    def _designated(self, value: str, where: str) -> None:
        try:
            self.parts.designation_date = uk_date(value)
        except ValueError as exc:
            raise Malformed(where, str(exc)) from None

    def _sanctions(self, value: str, _where: str) -> None:
        for item in value.split("|"):
            self.parts.add_property("Sanctions imposed", item.strip())

    def _date_of_birth(self, value: str, where: str) -> None:
        born = date_of_birth(value)
        if born is None:
            log.warning("%s: DOB %r is not a date; kept as a property", where, value)
            self.parts.add_property("Date of birth", value)
        else:
            self.parts.dates_of_birth.append(born)

    def _group(self, tag: str, element: Element, where: str) -> None:
        known = _GROUP_FIELDS[tag]
        fields: dict[str, str] = {}
        for child in element:
            child_tag = local_name(child.tag)
            if child_tag not in known:
                if (extra := describe(child)) is not None:
                    log.warning("%s: unknown element %s kept as a property", where, child_tag)
                    self.parts.add_property(child_tag, extra)
            elif (value := folded(child.text)) is not None:
                fields[child_tag] = value
        if not fields:
            return
        p = self.parts
        if tag == "Address":
            lines = [fields[f"AddressLine{n}"] for n in range(1, 7) if f"AddressLine{n}" in fields]
            p.addresses.append(
                Address(
                    street=", ".join(lines) or None,
                    postal_code=fields.get("AddressPostalCode"),
                    country=fields.get("AddressCountry"),
                )
            )
        elif tag == "Location":
            p.places_of_birth.append(", ".join(fields[f] for f in known if f in fields))
        else:
            number, note = (fields.get(f) for f in known)
            scheme = IdScheme.PASSPORT if tag == "Passport" else IdScheme.NATIONAL_ID
            label = "Passport" if tag == "Passport" else "National identifier"
            p.identifiers.append(
                Identifier(scheme=scheme, type=label, value=number or "", note=note)
            )

    def entry(self, uid: str) -> Entry:
        p = self.parts
        if p.names and not self.primary:
            log.warning("%s: no 'Primary name'; the first name is the primary", self.where)
        elif self.primary and self.primary[0]:
            p.names.insert(0, p.names.pop(self.primary[0]))
        if self.vessel:
            p.vessel = Vessel(**{k: "; ".join(v) for k, v in self.vessel.items()})
        return p.entry(uid, SOURCE, self.kind, self.where)


def uk_entry(
    element: Element, uid: str, kind: EntryKind, where: str, *, unknown_kind: str | None = None
) -> Entry:
    """The entry for one ``Designation`` whose ``UniqueID`` and kind have been read;
    ``unknown_kind`` is an ``IndividualEntityShip`` value that was not understood (kept as a
    property).

    Raises:
        Malformed: the designation breaks the format (a bad ``DateDesignated``, no name).
    """
    reader = _Reader(kind, where)
    reader.parts.add_property("IndividualEntityShip", unknown_kind)
    reader.walk(element, where)
    return reader.entry(uid)
