"""One ``sdnEntry`` of SDN.XML / CONSOLIDATED.XML as an :class:`~screening.models.Entry`."""

from __future__ import annotations

import logging
from pathlib import Path
from xml.etree.ElementTree import Element

from screening.errors import ListFormatError
from screening.models import (
    Address,
    Entry,
    EntryKind,
    Identifier,
    Name,
    NamePart,
    NamePartRole,
    NameStrength,
    NameType,
    Vessel,
)
from screening.sources._facts import parse_date_of_birth
from screening.sources._names import legacy_name_parts
from screening.sources._remarks import Facts, labelled_fact, parse_remarks
from screening.sources._xml import local_name

__all__ = ["children_by_name", "field", "sdn_entry"]

log = logging.getLogger(__name__)

_KINDS = {k.value: k for k in EntryKind}  # sdnType: Individual, Entity, Vessel, Aircraft
_ALIAS_TYPES = {"a.k.a.": NameType.AKA, "f.k.a.": NameType.FKA, "n.k.a.": NameType.NKA}
_STRENGTHS = {s.value: s for s in NameStrength}


def children_by_name(elem: Element) -> dict[str, list[Element]]:
    """An element's children by local name, in document order."""
    out: dict[str, list[Element]] = {}
    for child in elem:
        out.setdefault(local_name(child.tag), []).append(child)
    return out


def _text(elem: Element | None) -> str | None:
    text = None if elem is None else (elem.text or "").strip()
    return text or None


def field(children: dict[str, list[Element]], name: str) -> str | None:
    """The stripped text of the first child called ``name``; ``None`` if absent or empty."""
    found = children.get(name)
    return _text(found[0]) if found else None


def _items(children: dict[str, list[Element]], list_name: str, item: str) -> list[dict[str, str]]:
    """The items of ``<xList><x>...</x></xList>`` as ``{child: text}`` dicts."""
    out = []
    for container in children.get(list_name, ()):
        for elem in container:
            if local_name(elem.tag) == item:
                out.append({local_name(c.tag): t for c in elem if (t := _text(c)) is not None})
    return out


def _name(last: str | None, first: str | None, kind: EntryKind, **kw: object) -> Name:
    # The CSV formats write "LAST, First"; the same full name keeps the formats comparable.
    full = ", ".join(p for p in (last, first) if p)
    if kind is EntryKind.INDIVIDUAL and first:
        parts = tuple(
            NamePart(value=v, role=r)
            for v, r in ((last, NamePartRole.LAST), (first, NamePartRole.FIRST))
            if v
        )
    else:
        parts = legacy_name_parts(full, kind) if full else ()
    return Name.model_validate({"full": full, "parts": parts, **kw})


_KNOWN = frozenset(
    {
        "uid",
        "firstName",
        "lastName",
        "title",
        "sdnType",
        "remarks",
        "programList",
        "idList",
        "akaList",
        "addressList",
        "nationalityList",
        "citizenshipList",
        "dateOfBirthList",
        "placeOfBirthList",
        "vesselInfo",
    }
)


def _ids(path: Path, where: str, children: dict[str, list[Element]], facts: Facts) -> None:
    for item in _items(children, "idList", "id"):
        label, value = item.get("idType", ""), item.get("idNumber", "")
        if label == "Gender" and facts.gender is None:  # SDN.XML files gender as an id
            facts.gender = value
            continue
        try:
            fact = labelled_fact(
                label,
                value,
                country=item.get("idCountry"),
                issued=item.get("issueDate"),
                expires=item.get("expirationDate"),
            )
        except ValueError as exc:
            raise ListFormatError(path, f"{where}/idList", str(exc)) from exc
        if isinstance(fact, Identifier):
            facts.identifiers.append(fact)
        else:
            facts.properties.append(fact)


def _aliases(uid: str, children: dict[str, list[Element]], kind: EntryKind) -> list[Name]:
    names = []
    for aka in _items(children, "akaList", "aka"):
        alias_type = _ALIAS_TYPES.get(aka.get("type", ""))
        strength = _STRENGTHS.get(aka.get("category", ""))
        if alias_type is None or strength is None:
            log.warning("sdnEntry %s: aka %r kept as a strong a.k.a.", uid, aka)
        names.append(
            _name(
                aka.get("lastName"),
                aka.get("firstName"),
                kind,
                type=alias_type or NameType.AKA,
                strength=strength or NameStrength.STRONG,
            )
        )
    return names


def _addresses(
    children: dict[str, list[Element]], properties: list[tuple[str, str]]
) -> list[Address]:
    addresses = []
    for item in _items(children, "addressList", "address"):
        street = ", ".join(item[k] for k in ("address1", "address2", "address3") if k in item)
        if "region" in item:  # in the XSD, but the model's Address has no region
            properties.append(("region", item["region"]))
        addresses.append(
            Address(
                street=street or None,
                city=item.get("city"),
                state_or_province=item.get("stateOrProvince"),
                postal_code=item.get("postalCode"),
                country=item.get("country"),
            )
        )
    return addresses


def _vessel(children: dict[str, list[Element]]) -> Vessel | None:
    info = children.get("vesselInfo")
    if not info:
        return None
    v = {local_name(c.tag): t for c in info[0] if (t := _text(c)) is not None}
    return Vessel(
        call_sign=v.get("callSign"),
        vessel_type=v.get("vesselType"),
        tonnage=v.get("tonnage"),
        gross_registered_tonnage=v.get("grossRegisteredTonnage"),
        flag=v.get("vesselFlag"),
        owner=v.get("vesselOwner"),
    )


def _values(children: dict[str, list[Element]], list_name: str, item: str, key: str) -> list[str]:
    return [i[key] for i in _items(children, list_name, item) if key in i]


def sdn_entry(path: Path, children: dict[str, list[Element]], uid: str, source: str) -> Entry:
    """The entry an ``sdnEntry`` element describes (its children given by local name).

    Unknown ``sdnType`` values and unknown child elements are logged and kept as properties.

    Raises:
        ListFormatError: a date of birth, issue or expiry date that is not an OFAC date.
        pydantic.ValidationError: the entry breaks the model (an empty name).
    """
    where = f"sdnEntry[uid='{uid}']"
    sdn_type = field(children, "sdnType") or ""
    properties: list[tuple[str, str]] = []
    kind = _KINDS.get(sdn_type.casefold())
    if kind is None:
        log.warning("%s: unknown sdnType %r kept as entity", where, sdn_type)
        kind = EntryKind.ENTITY
        properties.append(("sdnType", sdn_type))
    for unknown in sorted(children.keys() - _KNOWN):
        log.warning("%s: unknown element %r kept as a property", where, unknown)
        properties.extend((unknown, t) for e in children[unknown] if (t := _text(e)))
    title = field(children, "title")
    remarks = field(children, "remarks")
    facts = Facts()
    if remarks is not None:
        facts = parse_remarks(remarks, uid=uid, kind=kind, title=title, closed_by_full_stop=False)
    _ids(path, where, children, facts)
    try:
        dobs = [
            parse_date_of_birth(t)
            for t in _values(children, "dateOfBirthList", "dateOfBirthItem", "dateOfBirth")
        ]
    except ValueError as exc:
        raise ListFormatError(path, f"{where}/dateOfBirthList", str(exc)) from exc
    names = [
        _name(field(children, "lastName"), field(children, "firstName"), kind),
        *_aliases(uid, children, kind),
        *facts.aliases,
    ]
    return Entry(
        uid=uid,
        source=source,
        list_names=("SDN List",) if source == "SDN" else (),
        kind=kind,
        names=tuple(names),
        programs=tuple(t for p in children.get("programList", ()) for e in p if (t := _text(e))),
        title=title,
        gender=facts.gender,
        dates_of_birth=(*dobs, *facts.dates_of_birth),
        places_of_birth=(
            *_values(children, "placeOfBirthList", "placeOfBirthItem", "placeOfBirth"),
            *facts.places_of_birth,
        ),
        nationalities=(
            *_values(children, "nationalityList", "nationality", "country"),
            *facts.nationalities,
        ),
        citizenships=(
            *_values(children, "citizenshipList", "citizenship", "country"),
            *facts.citizenships,
        ),
        addresses=tuple(_addresses(children, properties)),
        identifiers=tuple(facts.identifiers),
        vessel=_vessel(children),
        remarks=remarks,
        relations=tuple(facts.relations),
        properties=(*properties, *facts.properties),
    )
