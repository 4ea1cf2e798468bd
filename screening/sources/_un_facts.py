"""Places of birth, addresses and identity documents on the UN Consolidated List.

Each is a small element of optional fields (UN_consolidated.xsd); an element with every field
empty is the UN's placeholder for "none" (``<INDIVIDUAL_DOCUMENT/>``, 453 in the 2026-02-27
file) and is skipped.

Documents: ``TYPE_OF_DOCUMENT`` is a short vocabulary ("Passport", "National Identification
Number", and the French and Spanish "Numéro de passeport", "Número de pasaporte" in three
records each), read into :class:`~screening.models.IdScheme`; ``TYPE_OF_DOCUMENT2`` is free
text ("Ration card number:", "Birth certificate") and goes to the identifier's note with
``NOTE`` and ``CITY_OF_ISSUE``. In 14 documents the UN writes the number inside ``NOTE``
("Italian Fiscal Code: DAOMMD74T11Z352Z") and leaves ``NUMBER`` empty; the value is then
empty and the note holds the text, since cutting a number out of prose would be a guess.
"""

from __future__ import annotations

import logging
from xml.etree.ElementTree import Element

from screening.models import Address, Identifier, IdScheme
from screening.sources._entryparts import EntryParts, child_fields
from screening.sources._facts import id_scheme
from screening.sources._xmlvalues import Malformed, xs_date

__all__ = ["address", "document", "place_of_birth"]

log = logging.getLogger(__name__)

_PLACE_FIELDS = ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY", "NOTE")
_ADDRESS_FIELDS = frozenset({"STREET", "STATE_PROVINCE", "CITY", "COUNTRY", "ZIP_CODE", "NOTE"})
_DOCUMENT_FIELDS = frozenset(
    {
        "TYPE_OF_DOCUMENT",
        "TYPE_OF_DOCUMENT2",
        "NOTE",
        "NUMBER",
        "ISSUING_COUNTRY",
        "DATE_OF_ISSUE",
        "CITY_OF_ISSUE",
        "COUNTRY_OF_ISSUE",
    }
)
# The UN's document types; anything else goes through the OFAC label table, then "other".
_DOCUMENT_TYPES = {
    "passport": IdScheme.PASSPORT,
    "numéro de passeport": IdScheme.PASSPORT,
    "número de pasaporte": IdScheme.PASSPORT,
    "national identification number": IdScheme.NATIONAL_ID,
}


def place_of_birth(element: Element, where: str, parts: EntryParts) -> None:
    """``INDIVIDUAL_PLACE_OF_BIRTH``: its fields joined, ``"Musanze District, Northern
    Province, Rwanda"``, a note in parentheses."""
    fields = child_fields(element, _PLACE_FIELDS, where, parts)
    place = ", ".join(fields[f] for f in _PLACE_FIELDS[:-1] if f in fields)
    if "NOTE" in fields:
        place = f"{place} ({fields['NOTE']})" if place else fields["NOTE"]
    if place:
        parts.places_of_birth.append(place)


def address(element: Element, where: str, parts: EntryParts) -> None:
    """``INDIVIDUAL_ADDRESS`` / ``ENTITY_ADDRESS``; ``NOTE`` ("as of June 2016") is the
    address's remark."""
    fields = child_fields(element, _ADDRESS_FIELDS, where, parts)
    if fields:
        parts.addresses.append(
            Address(
                street=fields.get("STREET"),
                city=fields.get("CITY"),
                state_or_province=fields.get("STATE_PROVINCE"),
                postal_code=fields.get("ZIP_CODE"),
                country=fields.get("COUNTRY"),
                remarks=fields.get("NOTE"),
            )
        )


def document(element: Element, where: str, parts: EntryParts) -> None:
    """``INDIVIDUAL_DOCUMENT`` as an :class:`~screening.models.Identifier`.

    Raises:
        Malformed: ``DATE_OF_ISSUE`` is not an ``xs:date``.
    """
    fields = child_fields(element, _DOCUMENT_FIELDS, where, parts)
    if not fields:
        return
    label = fields.get("TYPE_OF_DOCUMENT") or fields.get("TYPE_OF_DOCUMENT2") or "Document"
    scheme = _DOCUMENT_TYPES.get(label.casefold())
    if scheme is None:
        scheme, _ = id_scheme(label)
        if scheme is IdScheme.OTHER:
            log.info("%s: document type %r read as 'other'", where, label)
    issued = fields.get("DATE_OF_ISSUE")
    if issued is not None:
        try:
            issued = xs_date(issued).isoformat()
        except ValueError as exc:
            raise Malformed(f"{where}/DATE_OF_ISSUE", str(exc)) from None
    second = fields.get("TYPE_OF_DOCUMENT2")
    country = fields.get("ISSUING_COUNTRY") or fields.get("COUNTRY_OF_ISSUE")
    place = [fields[f] for f in ("CITY_OF_ISSUE", "COUNTRY_OF_ISSUE") if f in fields]
    notes = [
        second if second and second != label else None,
        fields.get("NOTE"),
        f"issued in {', '.join(place)}" if place and place != [country] else None,
    ]
    parts.identifiers.append(
        Identifier(
            scheme=scheme,
            type=label,
            value=fields.get("NUMBER", ""),
            country=country,
            issue_date=issued,
            note="; ".join(n for n in notes if n) or None,
        )
    )
