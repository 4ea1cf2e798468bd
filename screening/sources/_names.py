"""Names as OFAC's legacy formats write them: ``"LAST, First Middle"`` for individuals."""

from __future__ import annotations

from screening.models import EntryKind, Name, NamePart, NamePartRole, NameStrength, NameType

__all__ = ["legacy_name", "legacy_name_parts"]

# Generational suffixes OFAC writes as their own comma-separated segment, before or after the
# given names ("MNANGAGWA, JR., Emmerson Dambudzo", "DELOS REYES, Feliciano Semborio, Jr.").
_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})

_WHOLE_NAME_ROLE = {
    EntryKind.ENTITY: NamePartRole.ENTITY,
    EntryKind.VESSEL: NamePartRole.VESSEL,
    EntryKind.AIRCRAFT: NamePartRole.AIRCRAFT,
}


def legacy_name_parts(full: str, kind: EntryKind) -> tuple[NamePart, ...]:
    """Name parts of a legacy-format name.

    An individual's ``"CHEN, Quanguo"`` gives last ``CHEN`` and first ``Quanguo``; everything
    after the first comma is the given names (``"Jamileh Abdullah"``), as SDN.XML's
    ``firstName`` has it, since the legacy formats do not separate first from middle names. A
    name without a comma is all surname, again as SDN.XML writes it. Entities, vessels and
    aircraft keep the whole name as one part.
    """
    if kind is not EntryKind.INDIVIDUAL:
        return (NamePart(value=full, role=_WHOLE_NAME_ROLE[kind]),)
    last, _, rest = full.partition(", ")
    given: list[str] = []
    parts = [NamePart(value=last, role=NamePartRole.LAST)] if last else []
    suffixes: list[NamePart] = []
    for segment in rest.split(", ") if rest else ():
        if segment.casefold() in _SUFFIXES:
            suffixes.append(NamePart(value=segment, role=NamePartRole.OTHER))
        elif segment:
            given.append(segment)
    if given:
        parts.append(NamePart(value=", ".join(given), role=NamePartRole.FIRST))
    return (*parts, *suffixes)


def legacy_name(
    full: str,
    kind: EntryKind,
    *,
    type: NameType = NameType.PRIMARY,
    strength: NameStrength = NameStrength.STRONG,
) -> Name:
    """A :class:`~screening.models.Name` with parts, for a legacy-format name.

    Raises:
        ValueError: the name is empty (pydantic's ``ValidationError`` is a ``ValueError``).
    """
    return Name(full=full, parts=legacy_name_parts(full, kind), type=type, strength=strength)
