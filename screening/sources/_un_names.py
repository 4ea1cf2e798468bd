"""Names on the UN Consolidated List: the primary name, its original script, and the aliases.

- The primary name is ``FIRST_NAME`` to ``FOURTH_NAME`` joined by spaces, as the UN prints it
  (``"AIMAN MUHAMMED RABI AL-ZAWAHIRI"``). The UN does not say which part is the family name
  (``SECOND_NAME`` for "ERIC BADEGE", ``FOURTH_NAME`` for al-Zawahiri), so only ``FIRST_NAME``
  gets a role (first name); the other parts keep role "other". An entity's ``FIRST_NAME`` is
  its whole name.
- ``NAME_ORIGINAL_SCRIPT`` is the same primary name in the party's own script, so it is a
  second name of type primary, with the ISO 15924 script read from its letters (not from a
  language). One record of the 2026-02-27 file (QDe.164) repeats its Latin primary name there;
  an exact repeat is kept once.
- Alias ``QUALITY`` gives type and strength. Individuals have ``Good`` (strong a.k.a.) and
  ``Low`` (weak a.k.a.: the UN's low-quality alias, "not sufficient to identify", the same
  notion as OFAC's weak alias); entities have ``a.k.a.`` and ``f.k.a.``, both strong. Any other
  quality is logged, kept as an ``("Alias quality", "<alias>: <quality>")`` property, and the
  alias is screened as a strong a.k.a.: a name the UN publishes is screened unless the UN says
  it is low quality.
- ``<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>`` (291 in the 2026-02-27
  file) is how the UN writes "no alias": skipped. An alias with other content but no name
  cannot be screened: it is skipped with a warning and its content kept as a property.
- An alias's ``NOTE`` (``"previously listed as"``, ``"original script: Абу Банат"``), date and
  place of birth are kept as properties naming the alias; the date and place of birth are also
  dates and places of birth of the party.
"""

from __future__ import annotations

import logging
from xml.etree.ElementTree import Element

from screening.models import EntryKind, Name, NamePart, NamePartRole, NameStrength, NameType
from screening.sources._entryparts import EntryParts, name_script
from screening.sources._un_dates import alias_date_of_birth
from screening.sources._xml import local_name
from screening.sources._xmlvalues import describe, folded

__all__ = ["NAME_FIELDS", "alias", "primary_names"]

log = logging.getLogger(__name__)

NAME_FIELDS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_QUALITIES = {
    "good": (NameType.AKA, NameStrength.STRONG),
    "low": (NameType.AKA, NameStrength.WEAK),
    "a.k.a.": (NameType.AKA, NameStrength.STRONG),
    "f.k.a.": (NameType.FKA, NameStrength.STRONG),
}
_ALIAS_FIELDS = frozenset(
    {"QUALITY", "ALIAS_NAME", "DATE_OF_BIRTH", "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH", "NOTE"}
)


def primary_names(fields: dict[str, str], kind: EntryKind, parts: EntryParts) -> None:
    """Add the primary name and ``NAME_ORIGINAL_SCRIPT`` from a record's simple fields."""
    values = [(tag, fields[tag]) for tag in NAME_FIELDS if tag in fields]
    if values:
        if kind is EntryKind.INDIVIDUAL:
            roles = {"FIRST_NAME": NamePartRole.FIRST}
            name_parts = tuple(
                NamePart(value=v, role=roles.get(tag, NamePartRole.OTHER)) for tag, v in values
            )
        else:
            name_parts = tuple(NamePart(value=v, role=NamePartRole.ENTITY) for _, v in values)
        full = " ".join(v for _, v in values)
        parts.names.append(Name(full=full, parts=name_parts, script=name_script(full)))
    original = fields.get("NAME_ORIGINAL_SCRIPT")
    if original is not None and (not parts.names or original != parts.names[0].full):
        parts.names.append(Name(full=original, script=name_script(original)))


def alias(element: Element, where: str, parts: EntryParts) -> None:
    """Read one ``INDIVIDUAL_ALIAS`` or ``ENTITY_ALIAS`` into ``parts`` (module docstring)."""
    fields: dict[str, str] = {}
    for child in element:
        tag = local_name(child.tag)
        value = folded(child.text) if tag in _ALIAS_FIELDS else describe(child)
        if value is None:
            continue
        if tag not in _ALIAS_FIELDS:
            log.warning("%s: unknown element %s kept as a property", where, tag)
        fields[tag] = value
    full = fields.pop("ALIAS_NAME", None)
    if full is None:
        if fields:
            log.warning("%s: an alias without ALIAS_NAME skipped; kept as a property", where)
            parts.add_property(
                "Alias without a name", "; ".join(f"{k}={v}" for k, v in fields.items())
            )
        return
    quality = fields.pop("QUALITY", "")
    known = _QUALITIES.get(quality.casefold())
    if known is None:
        log.warning("%s: unknown alias QUALITY %r; screened as a strong a.k.a.", where, quality)
        parts.add_property("Alias quality", f"{full}: {quality}")
        known = (NameType.AKA, NameStrength.STRONG)
    name_type, strength = known
    parts.names.append(Name(full=full, type=name_type, strength=strength, script=name_script(full)))
    if (dob := fields.pop("DATE_OF_BIRTH", None)) is not None:
        alias_date_of_birth(dob, full, f"{where}/DATE_OF_BIRTH", parts)
    birth_place = [fields.pop(t) for t in ("CITY_OF_BIRTH", "COUNTRY_OF_BIRTH") if t in fields]
    if birth_place:
        place = ", ".join(birth_place)
        parts.places_of_birth.append(place)
        parts.add_property("Alias place of birth", f"{full}: {place}")
    for tag, value in fields.items():  # NOTE, and unknown elements (logged above)
        label = "Alias note" if tag == "NOTE" else f"Alias {tag}"
        parts.add_property(label, f"{full}: {value}")
