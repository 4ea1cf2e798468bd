"""Names on the UK Sanctions List: ``Names/Name`` and ``NonLatinNames``.

A ``Name`` has up to six parts, ``Name1`` to ``Name6``, a ``NameType`` and, for aliases, an
``AliasStrength`` (FCDO, "UK Sanctions List: change to the list's format", February 2022).
``Name1`` is a given name and ``Name6`` the family name (a whole name when it stands alone, as
aliases and the names of entities and ships do); ``Name2``-``Name5`` may be given names or
patronymics, so they keep role "other". The full name is the parts in order, as the UK
prints them ("MOHAMMAD HASSAN AKHUND").

``NameType`` (compared without case and a final full stop: published fragments write both
"Primary Name" and "Primary name"):

- ``Primary name`` is the primary name; ``Primary name variation`` ("spelling variations of
  the primary name", ibid.) is kept as another primary-type name;
- ``Alias`` is an a.k.a.; ``AliasStrength`` "Low quality a.k.a" makes it weak, "Good quality
  a.k.a" or none (the UK gives strength only for some designations) strong;
- anything else is logged, kept as a property and read as a strong a.k.a.

``NonLatinNames`` hold ``NameNonLatinScript`` with ``NonLatinScriptType`` and
``NonLatinScriptLanguage``; the UK does not say which name they render, so they are strong
a.k.a. whose script is read from their letters. Both shapes seen in published readers are read:
each ``NameNonLatinScript`` with the fields beside it, whatever element groups them.
"""

from __future__ import annotations

import logging
from xml.etree.ElementTree import Element

from screening.models import EntryKind, Name, NamePart, NamePartRole, NameStrength, NameType
from screening.sources._entryparts import EntryParts, child_fields, name_script

__all__ = ["NON_LATIN", "name", "non_latin_name"]

log = logging.getLogger(__name__)

NON_LATIN = "NameNonLatinScript"
_PARTS = ("Name1", "Name2", "Name3", "Name4", "Name5", "Name6")
_TYPES = {
    "primary name": NameType.PRIMARY,
    "primary name variation": NameType.PRIMARY,
    "alias": NameType.AKA,
}
_STRENGTHS = {
    "good quality a.k.a": NameStrength.STRONG,
    "low quality a.k.a": NameStrength.WEAK,
}
_NON_LATIN_LABELS = (
    ("NonLatinScriptType", "Non-Latin script type"),
    ("NonLatinScriptLanguage", "Non-Latin script language"),
)
_WHOLE_NAME_ROLES = {EntryKind.ENTITY: NamePartRole.ENTITY, EntryKind.VESSEL: NamePartRole.VESSEL}


def _code(value: str | None) -> str:
    return " ".join((value or "").casefold().rstrip(".").split())


def name(element: Element, kind: EntryKind, where: str, parts: EntryParts) -> Name | None:
    """The :class:`Name` of one ``Name`` element; ``None`` (logged) when it has no part.

    The caller puts the primary name first.
    """
    fields = child_fields(element, (*_PARTS, "NameType", "AliasStrength"), where, parts)
    values = [(tag, fields[tag]) for tag in _PARTS if tag in fields]
    if not values:
        if fields:
            log.warning("%s: a Name without Name1-Name6 skipped; kept as a property", where)
            parts.add_property(
                "Name without a name", "; ".join(f"{k}={v}" for k, v in fields.items())
            )
        return None
    full = " ".join(v for _, v in values)
    if kind is EntryKind.INDIVIDUAL:
        # A lone Name6 is a whole name on one line ("Haji Mohammad Hassan"), not a surname.
        last = NamePartRole.LAST if len(values) > 1 else NamePartRole.OTHER
        roles = {"Name1": NamePartRole.FIRST, "Name6": last}
        name_parts = tuple(
            NamePart(value=v, role=roles.get(t, NamePartRole.OTHER)) for t, v in values
        )
    else:
        name_parts = (NamePart(value=full, role=_WHOLE_NAME_ROLES.get(kind, NamePartRole.ENTITY)),)
    raw_type = fields.get("NameType")
    name_type = _TYPES.get(_code(raw_type))
    if name_type is None:
        log.warning("%s: unknown NameType %r; read as a strong a.k.a.", where, raw_type)
        parts.add_property("NameType", f"{full}: {raw_type}")
        name_type = NameType.AKA
    strength = NameStrength.STRONG
    raw_strength = fields.get("AliasStrength")
    if raw_strength is not None:
        known = _STRENGTHS.get(_code(raw_strength))
        if known is None:
            log.warning("%s: unknown AliasStrength %r; read as strong", where, raw_strength)
            parts.add_property("AliasStrength", f"{full}: {raw_strength}")
        else:
            strength = known
    return Name(
        full=full, parts=name_parts, type=name_type, strength=strength, script=name_script(full)
    )


def non_latin_name(element: Element, where: str, parts: EntryParts) -> None:
    """Add the non-Latin name held by ``element`` (the parent of ``NameNonLatinScript``)."""
    fields = child_fields(element, (NON_LATIN, *(t for t, _ in _NON_LATIN_LABELS)), where, parts)
    full = fields.get(NON_LATIN)
    if full is None:
        return
    parts.names.append(Name(full=full, type=NameType.AKA, script=name_script(full)))
    for tag, label in _NON_LATIN_LABELS:
        if tag in fields:
            parts.add_property(label, f"{full}: {fields[tag]}")
