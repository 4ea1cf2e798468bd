"""One ``INDIVIDUAL`` or ``ENTITY`` of the UN Consolidated List as an :class:`Entry`.

Fields (UN_consolidated.xsd) and where they go:

=========================== ==============================================================
``REFERENCE_NUMBER``        ``uid`` (``"QDi.006"``; see :mod:`screening.sources.un_xml`)
``DATAID``, ``VERSIONNUM``  properties ``"UN DATAID"``, ``"UN VERSIONNUM"``
``UN_LIST_TYPE``            ``programs`` (``"Al-Qaida"``, ``"DPRK"``, ``"Libya"``...)
``LIST_TYPE/VALUE``         ``list_names`` (``"UN List"``)
``FIRST_NAME``..., aliases  ``names`` (:mod:`screening.sources._un_names`)
``LISTED_ON``               ``designation_date``
``COMMENTS1``               ``remarks`` (line wraps folded)
``TITLE/VALUE``             ``title`` (joined with ``"; "``)
``DESIGNATION/VALUE``       properties ``"Designation"`` (the party's position)
``NATIONALITY/VALUE``       ``nationalities``
``LAST_DAY_UPDATED/VALUE``  properties ``"Last updated"``
``GENDER``                  ``gender``
dates, places, documents,   :mod:`screening.sources._un_dates`,
addresses                   :mod:`screening.sources._un_facts`
=========================== ==============================================================

Any other element is logged and kept as a property under its own name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from xml.etree.ElementTree import Element

from screening.models import Entry, EntryKind
from screening.sources._entryparts import EntryParts
from screening.sources._un_dates import date_of_birth
from screening.sources._un_facts import address, document, place_of_birth
from screening.sources._un_names import NAME_FIELDS, alias, primary_names
from screening.sources._xml import local_name
from screening.sources._xmlvalues import Malformed, describe, folded, xs_date

__all__ = ["SOURCE", "un_entry"]

log = logging.getLogger(__name__)

SOURCE = "UN"

_GROUPS: dict[str, Callable[[Element, str, EntryParts], None]] = {
    "INDIVIDUAL_ALIAS": alias,
    "ENTITY_ALIAS": alias,
    "INDIVIDUAL_ADDRESS": address,
    "ENTITY_ADDRESS": address,
    "INDIVIDUAL_DATE_OF_BIRTH": date_of_birth,
    "INDIVIDUAL_PLACE_OF_BIRTH": place_of_birth,
    "INDIVIDUAL_DOCUMENT": document,
}
_FIELDS = frozenset(
    {
        "DATAID",
        "VERSIONNUM",
        *NAME_FIELDS,
        "UN_LIST_TYPE",
        "REFERENCE_NUMBER",
        "LISTED_ON",
        "GENDER",
        "NAME_ORIGINAL_SCRIPT",
        "COMMENTS1",
        "SORT_KEY",
        "SORT_KEY_LAST_MOD",
    }
)
_VALUE_LISTS = frozenset({"TITLE", "DESIGNATION", "NATIONALITY", "LIST_TYPE", "LAST_DAY_UPDATED"})
_LABELS = {
    "DATAID": "UN DATAID",
    "VERSIONNUM": "UN VERSIONNUM",
    "DESIGNATION": "Designation",
    "LAST_DAY_UPDATED": "Last updated",
}


def _values(element: Element, where: str, parts: EntryParts) -> list[str]:
    values = []
    for child in element:
        if local_name(child.tag) != "VALUE":
            log.warning("%s: unknown element %s kept as a property", where, child.tag)
            parts.add_property(local_name(child.tag), describe(child))
        elif (value := folded(child.text)) is not None:
            values.append(value)
    return values


def _add_values(tag: str, values: list[str], parts: EntryParts) -> None:
    if tag == "TITLE":
        parts.titles += values
    elif tag == "NATIONALITY":
        parts.nationalities += values
    elif tag == "LIST_TYPE":
        parts.list_names += values
    else:
        parts.properties += [(_LABELS[tag], v) for v in values]


def _add_fields(fields: dict[str, str], kind: EntryKind, where: str, parts: EntryParts) -> None:
    primary_names(fields, kind, parts)
    if (program := fields.get("UN_LIST_TYPE")) is not None:
        parts.programs.append(program)
    if (listed := fields.get("LISTED_ON")) is not None:
        try:
            parts.designation_date = xs_date(listed)
        except ValueError as exc:
            raise Malformed(f"{where}/LISTED_ON", str(exc)) from None
    if (gender := fields.get("GENDER")) is not None:
        parts.genders.append(gender)
    if (comments := fields.get("COMMENTS1")) is not None:
        parts.remarks.append(comments)
    for tag in ("DATAID", "VERSIONNUM", "SORT_KEY", "SORT_KEY_LAST_MOD"):
        parts.add_property(_LABELS.get(tag, tag), fields.get(tag))


def un_entry(element: Element, kind: EntryKind, uid: str, where: str) -> Entry:
    """The entry for one ``INDIVIDUAL`` or ``ENTITY`` element whose uid has been read.

    Raises:
        Malformed: a field breaks the format (a bad date, a repeated single field, no name).
    """
    parts = EntryParts()
    fields: dict[str, str] = {}
    counts: dict[str, int] = {}
    aliases: list[tuple[Element, str]] = []
    for child in element:
        tag = local_name(child.tag)
        counts[tag] = n = counts.get(tag, 0) + 1
        child_where = f"{where}/{tag}[{n}]"
        if tag in _GROUPS:
            if tag.endswith("_ALIAS"):
                aliases.append((child, child_where))  # after the primary name
            else:
                _GROUPS[tag](child, child_where, parts)
        elif tag in _VALUE_LISTS:
            _add_values(tag, _values(child, child_where, parts), parts)
        elif tag in _FIELDS:
            if n > 1:
                raise Malformed(child_where, f"{tag} appears more than once")
            if (value := folded(child.text)) is not None:
                fields[tag] = value
        else:
            log.warning("%s: unknown element %s kept as a property", where, tag)
            parts.add_property(tag, describe(child))
    _add_fields(fields, kind, where, parts)
    for alias_element, alias_where in aliases:
        alias(alias_element, alias_where, parts)
    return parts.entry(uid, SOURCE, kind, where)
