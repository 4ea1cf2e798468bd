"""Citizenships, birth dates, addresses and identifications of the EU Financial Sanctions File.

All are attribute elements (EU_20171012-FULL-schema-1_1(xsd).xsd). Countries come as
``countryIso2Code`` and ``countryDescription``; the EU writes an unknown country as ``"00"`` /
``"UNKNOWN"``, which is no country here.

- ``birthdate``: ``birthdate`` (a full ``xs:date``), else ``year`` with ``monthOfYear`` and
  ``dayOfMonth`` (0 is read as "not given"), else ``yearRangeFrom``-``yearRangeTo``; ``circa``.
  A date in a calendar other than ``GREGORIAN`` (``ISLAMIC``, ``BUDDHIST``...) cannot be a
  Gregorian date of birth: it is kept as a property and logged. ``city``, ``place``,
  ``region``, ``zipCode`` and the country make the place of birth.
- ``identification``: ``identificationTypeCode`` gives the scheme (the codes below are those the
  EU uses: OpenSanctions' eu_fsf mapping lists the same set); an unknown code is logged and
  kept. The number is ``number``, else ``latinNumber``; flags (``diplomatic``,
  ``knownFalse``...), ``issuedBy``, ``nameOnDocument`` and remarks make the note.
- ``address``: ``contactInfo`` (``PHONE``, ``FAX``, ``EMAIL``, ``WEB``) become properties.
"""

from __future__ import annotations

import logging
import re
from xml.etree.ElementTree import Element

from pydantic import ValidationError

from screening.models import Address, DateOfBirth, FuzzyDate, Identifier, IdScheme
from screening.sources._entryparts import EntryParts
from screening.sources._eu_names import additional_information, attribute
from screening.sources._xml import local_name
from screening.sources._xmlvalues import Malformed, describe, folded, xs_date

__all__ = ["address", "birthdate", "citizenship", "country", "identification"]

log = logging.getLogger(__name__)

_ID_SCHEMES = {
    "passport": IdScheme.PASSPORT,
    "id": IdScheme.NATIONAL_ID,
    "nrn": IdScheme.NATIONAL_ID,
    "ssn": IdScheme.NATIONAL_ID,
    "nationcert": IdScheme.NATIONAL_ID,
    "fiscalcode": IdScheme.TAX_ID,
    "swiftbic": IdScheme.SWIFT_BIC,
    "imo": IdScheme.IMO,
    "regnumber": IdScheme.REGISTRATION,
    "tradelic": IdScheme.REGISTRATION,
    "birthcert": IdScheme.OTHER,
    "travelcardid": IdScheme.OTHER,
    "electionid": IdScheme.OTHER,
    "residentperm": IdScheme.OTHER,
    "drivinglicence": IdScheme.OTHER,
    "other": IdScheme.OTHER,
}
_FLAGS = (
    ("diplomatic", "diplomatic"),
    ("knownExpired", "known expired"),
    ("knownFalse", "known false"),
    ("reportedLost", "reported lost"),
    ("revokedByIssuer", "revoked by issuer"),
)
_CONTACTS = {"PHONE": "Phone", "FAX": "Fax", "EMAIL": "Email", "WEB": "Website"}
_INT = re.compile(r"-?[0-9]{1,4}")


def country(element: Element) -> str | None:
    """The element's country: its description, else its ISO code; ``None`` when unknown."""
    description = attribute(element, "countryDescription")
    if description is not None and description.upper() != "UNKNOWN":
        return description
    code = attribute(element, "countryIso2Code")
    return code if code is not None and code != "00" else None


def _remarks(element: Element, where: str, parts: EntryParts) -> list[str]:
    """The ``remark`` children; ``additionalInformation`` and unexpected children are kept as
    properties (the latter logged)."""
    remarks = []
    for child in element:
        tag = local_name(child.tag)
        if tag == "remark":
            if (text := folded(child.text)) is not None:
                remarks.append(text)
        elif tag == "additionalInformation":
            additional_information(child, parts)
        elif tag not in ("regulationSummary", "contactInfo"):
            log.warning("%s: unknown element %s kept as a property", where, tag)
            parts.add_property(tag, describe(child))
    return remarks


def _day(element: Element, name: str, where: str) -> str | None:
    value = attribute(element, name)
    if value is None:
        return None
    try:
        return xs_date(value).isoformat()
    except ValueError as exc:
        raise Malformed(f"{where}/@{name}", str(exc)) from None


def _int(element: Element, name: str, where: str) -> int | None:
    value = attribute(element, name)
    if value is None:
        return None
    if not _INT.fullmatch(value):
        raise Malformed(f"{where}/@{name}", f"{value!r} is not a number")
    return int(value) or None  # the EU writes 0 for "not given"


def citizenship(element: Element, where: str, parts: EntryParts) -> None:
    """``citizenship``: the country, and ``region`` and remarks as properties."""
    if (value := country(element)) is not None:
        parts.citizenships.append(value)
    parts.add_property("Citizenship region", attribute(element, "region"))
    for remark in _remarks(element, where, parts):
        parts.add_property("Citizenship remark", remark)


def _birth_date(element: Element, where: str) -> DateOfBirth | None:
    circa = attribute(element, "circa") in ("true", "1")
    exact = _day(element, "birthdate", where)
    year = _int(element, "year", where)
    first, last = _int(element, "yearRangeFrom", where), _int(element, "yearRangeTo", where)
    try:
        end = None
        if exact is not None:
            day = xs_date(exact)
            start = FuzzyDate(year=day.year, month=day.month, day=day.day)
        elif year is not None:
            month = _int(element, "monthOfYear", where)
            start = FuzzyDate(year=year, month=month, day=_int(element, "dayOfMonth", where))
        elif first is not None and last is not None:
            start, end = FuzzyDate(year=first), FuzzyDate(year=last)
            if end.year < start.year:
                raise Malformed(where, f"the year range {first}-{last} ends before it starts")
        else:
            return None
    except ValidationError:
        raise Malformed(where, f"impossible date of birth {dict(element.attrib)!r}") from None
    text = str(start) + (f" to {end}" if end else "")
    return DateOfBirth(start=start, end=end, circa=circa, text=("circa " if circa else "") + text)


def birthdate(element: Element, where: str, parts: EntryParts) -> None:
    """``birthdate``: a date and a place of birth (see the module docstring).

    Raises:
        Malformed: a date or number that is not one, an impossible date.
    """
    calendar = (attribute(element, "calendarType") or "GREGORIAN").upper()
    born = _birth_date(element, where)
    if born is not None and calendar != "GREGORIAN":
        log.info("%s: a %s calendar date of birth kept as a property", where, calendar)
        parts.add_property(f"Date of birth ({calendar} calendar)", born.text)
    elif born is not None:
        parts.dates_of_birth.append(born)
    place_fields = ("city", "place", "region", "zipCode")
    place = [v for a in place_fields if (v := attribute(element, a))] + [country(element)]
    if text := ", ".join(p for p in place if p):
        parts.places_of_birth.append(text)
    for remark in _remarks(element, where, parts):
        parts.add_property("Birth remark", remark)


def address(element: Element, where: str, parts: EntryParts) -> None:
    """``address``, with its ``contactInfo`` as properties."""
    for child in element:
        if local_name(child.tag) == "contactInfo":
            key, value = attribute(child, "key"), attribute(child, "value")
            label = _CONTACTS.get((key or "").upper())
            if label is None:
                log.warning("%s: unknown contactInfo key %r kept as a property", where, key)
            parts.add_property(label or f"contactInfo {key}", value)
    street = [attribute(element, "street")]
    if (po_box := attribute(element, "poBox")) is not None:
        street.append(f"PO Box {po_box}")
    notes = [attribute(element, "place"), *_remarks(element, where, parts)]
    if attribute(element, "asAtListingTime") in ("true", "1"):
        notes.append("address at the time of listing")
    found = Address(
        street=", ".join(s for s in street if s) or None,
        city=attribute(element, "city"),
        state_or_province=attribute(element, "region"),
        postal_code=attribute(element, "zipCode"),
        country=country(element),
        remarks="; ".join(n for n in notes if n) or None,
    )
    if found != Address():
        parts.addresses.append(found)


def identification(element: Element, where: str, parts: EntryParts) -> None:
    """``identification`` as an :class:`~screening.models.Identifier`.

    Raises:
        Malformed: ``issueDate``, ``validFrom`` or ``validTo`` is not an ``xs:date``.
    """
    code = attribute(element, "identificationTypeCode") or ""
    scheme = _ID_SCHEMES.get(code.casefold())
    if scheme is None:
        log.warning("%s: unknown identificationTypeCode %r; read as 'other'", where, code)
        parts.add_property("identificationTypeCode", code)
        scheme = IdScheme.OTHER
    number, latin = attribute(element, "number"), attribute(element, "latinNumber")
    notes = [f"latin: {latin}" if number and latin and latin != number else None]
    notes += [label for flag, label in _FLAGS if attribute(element, flag) in ("true", "1")]
    if (issuer := attribute(element, "issuedBy")) is not None:
        notes.append(f"issued by {issuer}")
    if (holder := attribute(element, "nameOnDocument")) is not None:
        notes.append(f"name on document: {holder}")
    if (valid_from := _day(element, "validFrom", where)) is not None:
        notes.append(f"valid from {valid_from}")
    notes.append(attribute(element, "region"))
    notes += _remarks(element, where, parts)
    parts.identifiers.append(
        Identifier(
            scheme=scheme,
            type=attribute(element, "identificationTypeDescription") or code or "identification",
            value=number or latin or "",
            country=country(element),
            issue_date=_day(element, "issueDate", where),
            expiry_date=_day(element, "validTo", where),
            note="; ".join(n for n in notes if n) or None,
        )
    )
