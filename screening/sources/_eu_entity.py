"""One ``sanctionEntity`` of the EU Financial Sanctions File as an :class:`Entry`.

Attributes and elements (EU_20171012-FULL-schema-1_1(xsd).xsd) and where they go:

========================== ===============================================================
``@logicalId``             ``uid`` (see :mod:`screening.sources.eu_xml`)
``@euReferenceNumber``     property ``"EU reference number"`` (``"EU.36.64"``)
``@unitedNationId``        property ``"UN reference number"`` (the UN's ``"QDi.006"``)
``@designationDate``       ``designation_date``
``@delistingDate``,        properties ``"Delisting date"``, ``"Designation details"``
``@designationDetails``
``remark``                 ``remarks``
``additionalInformation``  properties, labelled with their ``key``
``regulation``             ``programs`` (its ``programme`` code: ``"UKR"``, ``"TERR"``...);
                           property ``"Regulation"`` (number, type, dates) and its URL
``subjectType``            ``kind``: ``classificationCode`` P (person) or E (enterprise)
``nameAlias``              ``names`` (:mod:`screening.sources._eu_names`)
``citizenship``...         :mod:`screening.sources._eu_facts`
========================== ===============================================================

Each detail element carries a ``regulationSummary`` naming the act that added it; those are
not kept: the entity's ``regulation`` holds its programme, and the acts are public record.
Any other element is logged and kept as a property under its own name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from xml.etree.ElementTree import Element

from screening.models import Entry, EntryKind
from screening.sources._entryparts import EntryParts
from screening.sources._eu_facts import address, birthdate, citizenship, identification
from screening.sources._eu_names import additional_information, attribute, eu_names
from screening.sources._xml import local_name
from screening.sources._xmlvalues import Malformed, describe, folded, xs_date

__all__ = ["SOURCE", "eu_entry"]

log = logging.getLogger(__name__)

SOURCE = "EU"

_DETAILS: dict[str, Callable[[Element, str, EntryParts], None]] = {
    "citizenship": citizenship,
    "birthdate": birthdate,
    "address": address,
    "identification": identification,
}
_CLASSIFICATIONS = {"P": EntryKind.INDIVIDUAL, "E": EntryKind.ENTITY}
_SUBJECT_CODES = {"person": EntryKind.INDIVIDUAL, "enterprise": EntryKind.ENTITY}
_PROPERTY_ATTRIBUTES = (
    ("euReferenceNumber", "EU reference number"),
    ("unitedNationId", "UN reference number"),
    ("delistingDate", "Delisting date"),
    ("designationDetails", "Designation details"),
)


def _kind(element: Element | None, where: str, parts: EntryParts) -> EntryKind:
    if element is None:
        raise Malformed(where, "no subjectType (the schema requires one)")
    classification = attribute(element, "classificationCode") or ""
    code = attribute(element, "code") or ""
    kind = _CLASSIFICATIONS.get(classification.upper()) or _SUBJECT_CODES.get(code.casefold())
    if kind is None:
        log.warning("%s: unknown subjectType %r/%r; read as an entity", where, code, classification)
        parts.add_property("subjectType", f"{code}/{classification}")
        return EntryKind.ENTITY
    return kind


def _regulation(element: Element, where: str, parts: EntryParts) -> None:
    programme = attribute(element, "programme")
    if programme is None:
        raise Malformed(where, "a regulation without a programme (the schema requires one)")
    parts.programs.append(programme)
    facts = [
        f"{label} {value}"
        for name, label in (
            ("regulationType", ""),
            ("organisationType", ""),
            ("publicationDate", "published"),
            ("entryIntoForceDate", "in force"),
        )
        if (value := attribute(element, name)) is not None
    ]
    title = attribute(element, "numberTitle") or "(no number)"
    summary = ", ".join(f.strip() for f in facts)
    parts.add_property("Regulation", f"{title} ({summary})" if summary else title)
    for child in element:
        tag = local_name(child.tag)
        if tag == "publicationUrl":
            parts.add_property("Regulation URL", folded(child.text))
        elif tag == "remark":
            parts.add_property("Regulation remark", folded(child.text))
        elif tag == "corrigendum":
            parts.add_property("Regulation corrigendum", describe(child))
        elif tag == "additionalInformation":
            additional_information(child, parts)
        else:
            log.warning("%s: unknown element %s kept as a property", where, tag)
            parts.add_property(tag, describe(child))


def eu_entry(element: Element, uid: str, where: str) -> Entry:
    """The entry for one ``sanctionEntity`` whose ``logicalId`` has been read.

    Raises:
        Malformed: the element breaks the format (no ``subjectType``, a regulation without
            a programme, a bad date, no name).
    """
    parts = EntryParts()
    counts: dict[str, int] = {}
    subject: Element | None = None
    aliases: list[tuple[Element, str]] = []
    for child in element:
        tag = local_name(child.tag)
        counts[tag] = n = counts.get(tag, 0) + 1
        child_where = f"{where}/{tag}[{n}]"
        if tag in _DETAILS:
            _DETAILS[tag](child, child_where, parts)
        elif tag == "nameAlias":
            aliases.append((child, child_where))
        elif tag == "subjectType":
            subject = child
        elif tag == "regulation":
            _regulation(child, child_where, parts)
        elif tag == "remark":
            if (text := folded(child.text)) is not None:
                parts.remarks.append(text)
        elif tag == "additionalInformation":
            additional_information(child, parts)
        else:
            log.warning("%s: unknown element %s kept as a property", where, tag)
            parts.add_property(tag, describe(child))
    kind = _kind(subject, f"{where}/subjectType", parts)
    eu_names(aliases, kind, parts)
    if (designated := attribute(element, "designationDate")) is not None:
        try:
            parts.designation_date = xs_date(designated)
        except ValueError as exc:
            raise Malformed(f"{where}/@designationDate", str(exc)) from None
    for name, label in _PROPERTY_ATTRIBUTES:
        parts.add_property(label, attribute(element, name))
    return parts.entry(uid, SOURCE, kind, where)
