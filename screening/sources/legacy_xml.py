"""OFAC's legacy XML: ``SDN.XML`` and ``CONSOLIDATED.XML`` (root element ``sdnList``).

The schema (../shared/data/ofac/docs/OFAC_xml.xsd) is one ``publshInformation`` (sic) with
``Publish_Date`` (MM/DD/YYYY) and ``Record_Count``, then one ``sdnEntry`` per listed party.
OFAC has moved the default namespace (``http://tempuri.org/sdnList.xsd`` in 2018,
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML`` now), so
elements are matched by local name. The file is streamed and parsed with DTDs and entities
refused (:mod:`screening.sources._xml`). Both lists share the schema; the file name tells
them apart (``CONSOLIDATED.XML`` versus ``SDN.XML``).
"""

from __future__ import annotations

import logging
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from pydantic import ValidationError

from screening.errors import ListFormatError
from screening.models import (
    Address,
    Entry,
    EntryKind,
    Identifier,
    ListProvenance,
    Name,
    NamePart,
    NamePartRole,
    NameStrength,
    NameType,
    Vessel,
    Watchlist,
)
from screening.sources._facts import parse_date_of_birth
from screening.sources._files import digest, read_head
from screening.sources._names import legacy_name_parts
from screening.sources._remarks import Facts, labelled_fact, parse_remarks
from screening.sources._xml import local_name, safe_iterparse

__all__ = ["FORMAT", "load", "sniff"]

FORMAT = "ofac-legacy-xml"

log = logging.getLogger(__name__)

_KINDS = {k.value: k for k in EntryKind}  # sdnType: Individual, Entity, Vessel, Aircraft
_ALIAS_TYPES = {"a.k.a.": NameType.AKA, "f.k.a.": NameType.FKA, "n.k.a.": NameType.NKA}
_STRENGTHS = {s.value: s for s in NameStrength}
# The first element after the XML declaration and comments, whatever its namespace prefix.
# A DOCTYPE is skipped here so that load() can refuse it with a clear error.
_ROOT = re.compile(
    rb"^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*<(?:[\w.-]+:)?sdnList[\s>/]",
    re.DOTALL,
)


def sniff(path: str | os.PathLike[str]) -> bool:
    """True for a file whose root element is ``sdnList``, judged from its first 4 KiB."""
    try:
        p = Path(path)
        return p.is_file() and _ROOT.match(read_head(p).removeprefix(b"\xef\xbb\xbf")) is not None
    except Exception:  # a sniffer must not raise
        log.debug("sniffing %s failed", path, exc_info=True)
        return False


def _children(elem: Element) -> dict[str, list[Element]]:
    out: dict[str, list[Element]] = {}
    for child in elem:
        out.setdefault(local_name(child.tag), []).append(child)
    return out


def _text(elem: Element | None) -> str | None:
    text = None if elem is None else (elem.text or "").strip()
    return text or None


def _field(children: dict[str, list[Element]], name: str) -> str | None:
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


def _entry(path: Path, children: dict[str, list[Element]], uid: str, source: str) -> Entry:
    where = f"sdnEntry[uid='{uid}']"
    sdn_type = _field(children, "sdnType") or ""
    properties: list[tuple[str, str]] = []
    kind = _KINDS.get(sdn_type.casefold())
    if kind is None:
        log.warning("%s: unknown sdnType %r kept as entity", where, sdn_type)
        kind = EntryKind.ENTITY
        properties.append(("sdnType", sdn_type))
    for unknown in sorted(children.keys() - _KNOWN):
        log.warning("%s: unknown element %r kept as a property", where, unknown)
        properties.extend((unknown, t) for e in children[unknown] if (t := _text(e)))
    title = _field(children, "title")
    remarks = _field(children, "remarks")
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
        _name(_field(children, "lastName"), _field(children, "firstName"), kind),
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


def _brief(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']} ({e['input']!r})" for e in exc.errors()
    )


def _publication(path: Path, elem: Element) -> tuple[date | None, int | None]:
    children = _children(elem)
    published, count = _field(children, "Publish_Date"), _field(children, "Record_Count")
    try:
        publish_date = (
            None if published is None else datetime.strptime(published, "%m/%d/%Y").date()
        )
    except ValueError as exc:
        raise ListFormatError(
            path, "publshInformation/Publish_Date", f"{published!r} is not a MM/DD/YYYY date"
        ) from exc
    if count is not None and not count.isdigit():
        raise ListFormatError(path, "publshInformation/Record_Count", f"{count!r} is not a number")
    return publish_date, None if count is None else int(count)


def load(path: str | os.PathLike[str]) -> Watchlist:
    """Load ``SDN.XML`` or ``CONSOLIDATED.XML``.

    Args:
        path: the file; a name starting with ``cons`` (any case) gives source
            ``"CONSOLIDATED"``, any other ``"SDN"``.

    Returns:
        The watchlist with the stated publish date and record count in its provenance.

    Raises:
        ListFormatError: the file is not well-formed XML or has a DTD or entities (refused,
            never expanded), its root is not ``sdnList``, an entry lacks a numeric ``uid`` or
            repeats one, a date is not an OFAC date, or the entries found differ in number from
            the stated ``Record_Count``. The error names the element.
        ListNotFoundError: no file at ``path``.
    """
    p = Path(path)
    source = "CONSOLIDATED" if p.name.casefold().startswith("cons") else "SDN"
    entries: dict[str, Entry] = {}
    publish_date: date | None = None
    stated: int | None = None
    root: Element | None = None
    depth = 0
    for event, elem in safe_iterparse(p, ("start", "end")):
        if event == "start":
            depth += 1
            if depth == 1 and local_name(elem.tag) != "sdnList":
                raise ListFormatError(p, local_name(elem.tag), "the root element is not sdnList")
            root = elem if depth == 1 else root
            continue
        depth -= 1
        if depth != 1 or root is None:
            continue
        tag = local_name(elem.tag)
        if tag == "sdnEntry":
            children = _children(elem)
            uid = _field(children, "uid")
            if uid is None or not uid.isdigit():
                where = f"sdnEntry[{len(entries) + 1}]/uid"
                raise ListFormatError(p, where, f"uid {uid!r} is not a number")
            if uid in entries:
                raise ListFormatError(p, f"sdnEntry[uid='{uid}']", "a second entry with this uid")
            try:
                entries[uid] = _entry(p, children, uid, source)
            except ValidationError as exc:
                raise ListFormatError(p, f"sdnEntry[uid='{uid}']", _brief(exc)) from exc
        elif tag == "publshInformation":
            publish_date, stated = _publication(p, elem)
        else:
            log.warning("%s: unknown element %r under sdnList ignored", p, tag)
        root.clear()  # entries are built; drop their elements (SDN.XML is ~30 MB)
    notes: list[str] = []
    if not entries:
        raise ListFormatError(p, "sdnList", "no sdnEntry: OFAC's lists are never empty")
    if stated is None:
        notes.append(f"{p.name} states no Record_Count, so completeness could not be checked")
        log.warning("%s: %s", p, notes[-1])
    elif stated != len(entries):
        raise ListFormatError(
            p,
            "publshInformation/Record_Count",
            f"states {stated} entries but the file has {len(entries)}",
        )
    provenance = ListProvenance(
        source=source,
        format=FORMAT,
        publish_date=publish_date,
        stated_record_count=stated,
        files=(digest(p),),
        loaded_at=datetime.now(UTC),
        notes=tuple(notes),
    )
    return Watchlist(entries.values(), provenance)
