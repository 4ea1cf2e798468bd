"""Names of OFAC's advanced XML: aliases, documented names, name-part roles and scripts.

An ``Identity`` holds ``Alias`` elements (the primary name, a.k.a., f.k.a., n.k.a.), each with
one ``DocumentedName`` per script (OFAC gives 陈全国 as a second documented name of CHEN
Quanguo's primary alias). A documented name is a list of ``NamePartValue`` whose roles (last
name, first name, entity name...) are not written on the part: the part names a
``NamePartGroup`` of the identity, and the group names a ``NamePartType``. Parts are not in
display order either, so the full name is rebuilt here in the legacy SDN.CSV form
(``"CHEN, Quanguo"``), which makes one person's primary name the same string in both formats.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from screening.models import Name, NamePart, NamePartRole, NameStrength, NameType
from screening.sources._advanced_refs import Malformed, ReferenceValues
from screening.sources._compact import compact

__all__ = ["identity_names", "script_code"]

# ISO 15924 numeric -> alpha-4, from the ISO 15924 code list (unicode.org/iso15924/iso15924.txt).
# OFAC's Script ids are these numbers (ScriptValues: 215 Latin, 160 Arabic, 501 Chinese
# Simplified...), while its ScriptCode attribute is not always an alpha-4 code ("Latin",
# "Hebrew", "Korean"), so the number is what the code is read from.
_ISO15924: dict[int, str] = {
    125: "Hebr",
    135: "Syrc",
    145: "Mong",
    160: "Arab",
    161: "Aran",
    170: "Thaa",
    200: "Grek",
    215: "Latn",
    220: "Cyrl",
    230: "Armn",
    240: "Geor",
    285: "Bopo",
    286: "Hang",
    287: "Kore",
    310: "Guru",
    315: "Deva",
    320: "Gujr",
    325: "Beng",
    327: "Orya",
    330: "Tibt",
    340: "Telu",
    345: "Knda",
    346: "Taml",
    347: "Mlym",
    348: "Sinh",
    350: "Mymr",
    352: "Thai",
    355: "Khmr",
    356: "Laoo",
    410: "Hira",
    411: "Kana",
    412: "Hrkt",
    413: "Jpan",
    430: "Ethi",
    500: "Hani",
    501: "Hans",
    502: "Hant",
    998: "Zyyy",
    999: "Zzzz",
}
_ALPHA4 = re.compile(r"^[A-Z][a-z]{3}$")

# Scripts whose personal names are written family name first without a space (陈全国).
_UNSPACED = frozenset({"Hani", "Hans", "Hant", "Jpan", "Kore", "Hang", "Hira", "Kana", "Hrkt"})

# NamePartType labels as OFAC writes them (case-insensitive).
_ROLES: dict[str, NamePartRole] = {
    "last name": NamePartRole.LAST,
    "first name": NamePartRole.FIRST,
    "middle name": NamePartRole.MIDDLE,
    "maiden name": NamePartRole.MAIDEN,
    "patronymic": NamePartRole.PATRONYMIC,
    "matronymic": NamePartRole.MATRONYMIC,
    "nickname": NamePartRole.NICKNAME,
    "entity name": NamePartRole.ENTITY,
    "vessel name": NamePartRole.VESSEL,
    "aircraft name": NamePartRole.AIRCRAFT,
}
_WHOLE = frozenset({NamePartRole.ENTITY, NamePartRole.VESSEL, NamePartRole.AIRCRAFT})
# Order of the parts after "LAST, " in the legacy display form ("DE LIMA SALAS, David Eugenio").
_RANK = {
    role: rank
    for rank, role in enumerate(
        (
            NamePartRole.FIRST,
            NamePartRole.MIDDLE,
            NamePartRole.PATRONYMIC,
            NamePartRole.MATRONYMIC,
            NamePartRole.MAIDEN,
            NamePartRole.NICKNAME,
            NamePartRole.OTHER,
        )
    )
}

_ALIAS_TYPES: dict[str, NameType] = {
    "a.k.a.": NameType.AKA,
    "f.k.a.": NameType.FKA,
    "n.k.a.": NameType.NKA,
}
_PRIMARY_ALIAS_TYPE = "name"
_PRIMARY_LATIN = "primary latin"


def script_code(refs: ReferenceValues, script_id: str | None, where: str) -> str:
    """ISO 15924 alpha-4 code (``"Hans"``) of a ``ScriptID`` resolved through ``ScriptValues``.

    Raises:
        Malformed: the id is not in the file's ``ScriptValues``.
    """
    ref = refs.get("Script", script_id, where)
    code = _ISO15924.get(int(script_id)) if script_id and script_id.isdigit() else None
    if code is None:
        declared = ref.attrs.get("ScriptCode", "")
        code = declared if _ALPHA4.match(declared) else "Zzzz"  # ISO 15924: uncoded script
        refs.unmapped("Script", f"{script_id} {ref.text}", where)
    return code


def _display(parts: list[NamePart], script: str) -> tuple[str, tuple[NamePart, ...]]:
    """The legacy display form and the parts in display order."""
    lasts = [p for p in parts if p.role is NamePartRole.LAST]
    whole = [p for p in parts if p.role in _WHOLE]
    given = sorted((p for p in parts if p.role in _RANK), key=lambda p: _RANK[p.role])
    ordered = (*whole, *lasts, *given)
    if script in _UNSPACED:
        return "".join(p.value for p in ordered), ordered
    # OFAC's legacy files capitalise family and entity names: "CHEN, Quanguo" for the
    # advanced file's "Chen" / "Quanguo". Only Latin script: the legacy files have no other.
    upper = script == "Latn"
    head = " ".join(p.value.upper() if upper else p.value for p in (*whole, *lasts))
    tail = " ".join(p.value for p in given)
    if lasts and not whole and tail:
        return f"{head}, {tail}", ordered
    return " ".join(s for s in (head, tail) if s), ordered


class _NameBuilder:
    """Builds the names of one identity; shares equal name parts across the whole file."""

    __slots__ = ("groups", "part_cache", "refs")

    def __init__(
        self,
        refs: ReferenceValues,
        groups: dict[str, NamePartRole],
        part_cache: dict[tuple[str, NamePartRole], NamePart],
    ) -> None:
        self.refs = refs
        self.groups = groups
        self.part_cache = part_cache

    def documented_name(
        self, element: Element, name_type: NameType, strength: NameStrength, where: str
    ) -> tuple[Name, bool]:
        """One ``DocumentedName`` as a :class:`Name`, and whether it is the Primary Latin one."""
        parts: list[NamePart] = []
        scripts: list[str] = []
        for value in element.iter("NamePartValue"):
            group_id = value.get("NamePartGroupID")
            role = self.groups.get(group_id or "")
            if role is None:
                raise Malformed(
                    f"{where}/NamePartValue",
                    f"NamePartGroupID {group_id!r} is not in the identity's NamePartGroups",
                )
            scripts.append(script_code(self.refs, value.get("ScriptID"), f"{where}/NamePartValue"))
            text = (value.text or "").strip()
            if text:
                key = (text, role)
                part = self.part_cache.get(key)
                if part is None:
                    part = self.part_cache[key] = compact(NamePart(value=text, role=role))
                parts.append(part)
        if not parts:
            raise Malformed(where, "a documented name with no text")
        # A documented name is written in one script; if parts differ, the first one decides.
        script = scripts[0]
        full, ordered = _display(parts, script)
        status = self.refs.text("DocNameStatus", element.get("DocNameStatusID"), where)
        name = compact(
            Name(full=full, parts=ordered, type=name_type, strength=strength, script=script)
        )
        return name, status.casefold() == _PRIMARY_LATIN


def _alias_type(refs: ReferenceValues, alias: Element, where: str) -> NameType:
    label = refs.text("AliasType", alias.get("AliasTypeID"), where)
    if alias.get("Primary") == "true":
        if label.casefold() != _PRIMARY_ALIAS_TYPE:
            refs.unmapped("primary AliasType", label, where)
        return NameType.PRIMARY
    name_type = _ALIAS_TYPES.get(label.casefold())
    if name_type is None:
        # "Name" on a non-primary alias, or a label OFAC adds later: still a name to screen.
        refs.unmapped("AliasType", label, where)
        return NameType.AKA
    return name_type


def identity_names(
    identity: Element,
    refs: ReferenceValues,
    part_cache: dict[tuple[str, NamePartRole], NamePart],
    where: str,
) -> tuple[list[Name], list[Name]]:
    """The names of one ``Identity``: (names of its primary alias, all other names).

    The primary alias's Primary Latin documented name comes first; every documented name of an
    alias becomes one :class:`Name` with the alias's type (so 陈全国 is a primary-type name in
    Han script next to ``"CHEN, Quanguo"``).

    Raises:
        Malformed: an unknown reference id or name-part group, or an empty name.
    """
    groups: dict[str, NamePartRole] = {}
    for group in identity.iter("NamePartGroup"):
        group_id = group.get("ID")
        if not group_id:
            raise Malformed(f"{where}/NamePartGroups", "a NamePartGroup without an ID")
        label = refs.text("NamePartType", group.get("NamePartTypeID"), f"{where}/NamePartGroup")
        role = _ROLES.get(label.casefold())
        if role is None:
            refs.unmapped("NamePartType", label, where)
            role = NamePartRole.OTHER
        groups[group_id] = role
    builder = _NameBuilder(refs, groups, part_cache)
    primary: list[tuple[Name, bool]] = []
    others: list[Name] = []
    for n, alias in enumerate(identity.iterfind("Alias"), 1):
        alias_where = f"{where}/Alias[{n}]"
        name_type = _alias_type(refs, alias, alias_where)
        strength = NameStrength.WEAK if alias.get("LowQuality") == "true" else NameStrength.STRONG
        for m, documented in enumerate(alias.iterfind("DocumentedName"), 1):
            built = builder.documented_name(
                documented, name_type, strength, f"{alias_where}/DocumentedName[{m}]"
            )
            if name_type is NameType.PRIMARY:
                primary.append(built)
            else:
                others.append(built[0])
    # Primary Latin first, then other Latin, then other scripts; stable otherwise.
    primary.sort(key=lambda b: (not b[1], b[0].script != "Latn"))
    return [name for name, _ in primary], others
