"""The facts of one record, collected field by field, then validated into an :class:`Entry`.

The UN, EU and UK formats scatter a party's facts over many elements (an alias carries a date of
birth, an address carries a phone number); each loader adds them here as it reads and builds the
entry once at the end. Exact repeats are dropped (nothing is lost: they are equal), order is
kept, and a value the model refuses becomes a :class:`Malformed` naming the record.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from typing import TypeVar
from xml.etree.ElementTree import Element

from pydantic import ValidationError

from screening.models import (
    Address,
    DateOfBirth,
    Entry,
    EntryKind,
    Identifier,
    Name,
    Relation,
    Vessel,
)
from screening.sources._compact import compact
from screening.sources._validation import validation_reason
from screening.sources._xml import local_name
from screening.sources._xmlvalues import Malformed, describe, folded
from screening.text.scripts import token_script

__all__ = ["EntryParts", "name_script"]

log = logging.getLogger(__name__)
T = TypeVar("T")


def name_script(full: str) -> str:
    """ISO 15924 code of the script most of the letters of ``full`` are in (``"Arab"``,
    ``"Cyrl"``, ``"Latn"``...); ``"Zyyy"`` when it has no letters."""
    return token_script(full)


def _unique(items: Iterable[T]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(items))


class EntryParts:
    """Everything read so far about one listed party."""

    def __init__(self) -> None:
        self.names: list[Name] = []
        self.programs: list[str] = []
        self.list_names: list[str] = []
        self.titles: list[str] = []
        self.genders: list[str] = []
        self.dates_of_birth: list[DateOfBirth] = []
        self.places_of_birth: list[str] = []
        self.nationalities: list[str] = []
        self.citizenships: list[str] = []
        self.addresses: list[Address] = []
        self.identifiers: list[Identifier] = []
        self.relations: list[Relation] = []
        self.remarks: list[str] = []
        self.properties: list[tuple[str, str]] = []
        self.vessel: Vessel | None = None
        self.designation_date: date | None = None

    def add_property(self, label: str, value: str | None) -> None:
        """Keep a published fact the model has no field for, as ``(label, value)``."""
        if value:
            self.properties.append((label, value))

    def entry(self, uid: str, source: str, kind: EntryKind, where: str) -> Entry:
        """The validated entry.

        Raises:
            Malformed: the record has no name, or a value the model refuses.
        """
        if not self.names:
            raise Malformed(where, "no name: a listed party always has one")
        try:
            return compact(
                Entry(
                    uid=uid,
                    source=source,
                    list_names=_unique(self.list_names),
                    kind=kind,
                    names=_unique(self.names),
                    programs=_unique(self.programs),
                    title="; ".join(_unique(self.titles)) or None,
                    gender="; ".join(_unique(self.genders)) or None,
                    dates_of_birth=_unique(self.dates_of_birth),
                    places_of_birth=_unique(self.places_of_birth),
                    nationalities=_unique(self.nationalities),
                    citizenships=_unique(self.citizenships),
                    addresses=_unique(self.addresses),
                    identifiers=_unique(self.identifiers),
                    vessel=self.vessel,
                    remarks="; ".join(_unique(self.remarks)) or None,
                    relations=_unique(self.relations),
                    designation_date=self.designation_date,
                    properties=_unique(self.properties),
                )
            )
        except ValidationError as exc:
            raise Malformed(where, validation_reason(exc)) from None


def child_fields(
    element: Element, known: Iterable[str], where: str, parts: EntryParts
) -> dict[str, str]:
    """The text of each known child element, by tag (blank ones left out); an unknown child
    with content is logged with ``where`` and kept as a property of the entry."""
    fields: dict[str, str] = {}
    for child in element:
        tag = local_name(child.tag)
        if tag not in known:
            if (extra := describe(child)) is not None:
                log.warning("%s: unknown element %s kept as a property", where, tag)
                parts.add_property(tag, extra)
        elif (value := folded(child.text)) is not None:
            fields[tag] = value
    return fields
