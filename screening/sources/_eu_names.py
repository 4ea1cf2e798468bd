"""Names of the EU Financial Sanctions File: ``nameAlias`` elements and their ``strong`` flag.

Every name of a ``sanctionEntity`` is a ``nameAlias`` with attributes ``wholeName``,
``firstName``, ``middleName``, ``lastName``, ``nameLanguage``, ``strong``, ``title``,
``function`` and ``gender`` (the EU writes absent values as ``""``). The file does not mark a
primary name, so the primary name is the first strong ``nameAlias`` written in the regulation's
own language (no ``nameLanguage``): the EU lists translations first for some parties (the
Swedish "Vladimir Vladimirovitj PUTIN" before "Vladimir Vladimirovich PUTIN"). Failing that, the
first strong one; failing that, the first one (logged). The others are a.k.a.

Strength: ``strong="false"`` is the EU's weak alias (its XSD: "the strong flag means that the
current name alias is the main one"); ``"true"`` or no flag is strong, since a name the EU
publishes is screened unless the EU says otherwise. Another value is logged, kept as a property
and read as strong. The script of each name is read from its letters (``nameLanguage`` is a
language, and Russian names are given in Latin and Cyrillic letters alike).

``title`` goes to the entry's title, ``gender`` (``M``/``F``; ``?`` is unknown) to its gender,
``function`` and a ``nameAlias`` ``remark`` to properties. A ``nameAlias`` with no name at all is
skipped with a warning (its title, function and gender are still read).
"""

from __future__ import annotations

import logging
from xml.etree.ElementTree import Element

from screening.models import EntryKind, Name, NamePart, NamePartRole, NameStrength, NameType
from screening.sources._entryparts import EntryParts, name_script
from screening.sources._xml import local_name
from screening.sources._xmlvalues import describe, folded

__all__ = ["additional_information", "attribute", "eu_names"]

log = logging.getLogger(__name__)

_STRONG = {"true": True, "1": True, "false": False, "0": False}
_GENDERS = {"M": "Male", "F": "Female", "?": None}
_PART_ATTRIBUTES = (
    ("firstName", NamePartRole.FIRST),
    ("middleName", NamePartRole.MIDDLE),
    ("lastName", NamePartRole.LAST),
)


def attribute(element: Element, name: str) -> str | None:
    """An attribute's folded value; ``None`` when absent or empty (the EU writes ``""``)."""
    return folded(element.get(name))


def additional_information(element: Element, parts: EntryParts) -> None:
    """An ``additionalInformation`` element (any EU element may have them: the XSD's
    placeholder "in case some information has to be added"), kept as a ``(key, value)``
    property."""
    parts.add_property(
        attribute(element, "key") or "additionalInformation", attribute(element, "value")
    )


def _name(element: Element, kind: EntryKind, where: str, parts: EntryParts) -> Name | None:
    named = [(attribute(element, a), role) for a, role in _PART_ATTRIBUTES]
    whole = attribute(element, "wholeName") or " ".join(v for v, _ in named if v) or None
    if whole is None:
        return None
    if kind is EntryKind.INDIVIDUAL:
        name_parts = tuple(NamePart(value=v, role=role) for v, role in named if v)
    else:
        name_parts = (NamePart(value=whole, role=NamePartRole.ENTITY),)
    flag = attribute(element, "strong")
    strong = True if flag is None else _STRONG.get(flag.casefold())
    if strong is None:
        log.warning("%s: strong=%r is not a boolean; read as strong", where, flag)
        parts.add_property("nameAlias strong", f"{whole}: {flag}")
        strong = True
    return Name(
        full=whole,
        parts=name_parts,
        type=NameType.AKA,
        strength=NameStrength.STRONG if strong else NameStrength.WEAK,
        script=name_script(whole),
    )


def _other_facts(element: Element, whole: str | None, where: str, parts: EntryParts) -> None:
    if (title := attribute(element, "title")) is not None:
        parts.titles.append(title)
    parts.add_property("Function", attribute(element, "function"))
    gender = attribute(element, "gender")
    if gender is not None:
        if gender not in _GENDERS:
            log.warning("%s: unknown gender %r kept as a property", where, gender)
            parts.add_property("gender", gender)
        elif (label := _GENDERS[gender]) is not None:
            parts.genders.append(label)
    language = attribute(element, "nameLanguage")
    if whole is not None and language is not None:
        parts.add_property("Name language", f"{whole}: {language}")
    for child in element:
        tag = local_name(child.tag)
        if tag == "remark":
            if (remark := folded(child.text)) is not None:
                parts.add_property("Name remark", f"{whole or '(no name)'}: {remark}")
        elif tag == "additionalInformation":
            additional_information(child, parts)
        elif tag != "regulationSummary":  # the regulation that added the name; see eu_xml
            log.warning("%s: unknown element %s kept as a property", where, tag)
            parts.add_property(tag, describe(child))


def eu_names(aliases: list[tuple[Element, str]], kind: EntryKind, parts: EntryParts) -> None:
    """Add the names of one ``sanctionEntity`` (its ``nameAlias`` elements with their
    element paths), primary first (see the module docstring)."""
    read: list[tuple[Name, bool]] = []
    for element, where in aliases:
        name = _name(element, kind, where, parts)
        _other_facts(element, None if name is None else name.full, where, parts)
        if name is None:
            log.warning("%s: a nameAlias without a name skipped", where)
            continue
        read.append((name, attribute(element, "nameLanguage") is None))
    if not read:
        return
    strong = [i for i, (n, _) in enumerate(read) if n.strength is NameStrength.STRONG]
    own_language = [i for i in strong if read[i][1]]
    if not strong:
        log.warning("%s: no strong nameAlias; the first name is the primary", aliases[0][1])
    primary = (own_language or strong or [0])[0]
    names = [n for n, _ in read]
    parts.names.append(names[primary].model_copy(update={"type": NameType.PRIMARY}))
    parts.names += names[:primary] + names[primary + 1 :]
