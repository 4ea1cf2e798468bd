"""The ``ReferenceValueSets`` of OFAC's advanced XML: every ``...ID`` attribute resolves here.

The advanced format writes no label inline: an alias says ``AliasTypeID="1400"`` and the file's
own ``<AliasType ID="1400">A.K.A.</AliasType>`` says what that means. The ids are the file's,
not a standard, so the loader never hard-codes one: it resolves them through this table and
reads meaning from the labels. An id missing from the table is a broken file.
"""

from __future__ import annotations

import logging
from typing import NamedTuple
from xml.etree.ElementTree import Element

__all__ = ["Malformed", "Ref", "ReferenceValues", "clean_text"]

log = logging.getLogger(__name__)

# Attribute name -> the reference value set it points into, from the xsd:keyref list of
# sdn_advanced.xsd (../shared/data/ofac/docs). Ids that point at records of the file itself
# (NamePartGroupID, LocationID, IdentityID, ProfileID...) are checked by the loader.
_ATTRIBUTE_SETS: dict[str, str] = {
    "AliasTypeID": "AliasType",
    "AreaCodeID": "AreaCode",
    "AreaCodeTypeID": "AreaCodeType",
    "CalendarTypeID": "CalendarType",
    "CountryID": "Country",
    "IssuedBy-CountryID": "Country",
    "CountryRelevanceID": "CountryRelevance",
    "DecisionMakingBodyID": "DecisionMakingBody",
    "DetailReferenceID": "DetailReference",
    "DetailTypeID": "DetailType",
    "DocNameStatusID": "DocNameStatus",
    "EntryEventTypeID": "EntryEventType",
    "EntryLinkTypeID": "EntryLinkType",
    "ExRefTypeID": "ExRefType",
    "FeatureTypeID": "FeatureType",
    "FeatureTypeGroupID": "FeatureTypeGroup",
    "IDRegDocDateTypeID": "IDRegDocDateType",
    "IDRegDocTypeID": "IDRegDocType",
    "IdentityFeatureLinkTypeID": "IdentityFeatureLinkType",
    "LegalBasisID": "LegalBasis",
    "LegalBasisTypeID": "LegalBasisType",
    "ListID": "List",
    "LocPartTypeID": "LocPartType",
    "LocPartValueStatusID": "LocPartValueStatus",
    "LocPartValueTypeID": "LocPartValueType",
    "NamePartTypeID": "NamePartType",
    "OrganisationID": "Organisation",
    "PartySubTypeID": "PartySubType",
    "PartyTypeID": "PartyType",
    "RelationQualityID": "RelationQuality",
    "RelationTypeID": "RelationType",
    "ReliabilityID": "Reliability",
    "SanctionsProgramID": "SanctionsProgram",
    "SanctionsTypeID": "SanctionsType",
    "ScriptID": "Script",
    "ScriptStatusID": "ScriptStatus",
    "SubsidiaryBodyID": "SubsidiaryBody",
    "SupInfoTypeID": "SupInfoType",
    "TargetTypeID": "TargetType",
    "ValidityID": "Validity",
}

# Ids of records inside the file rather than of reference values; the loader resolves the
# ones a fact depends on and skips the back-references (FeatureVersionReference...).
_RECORD_IDS = frozenset(
    {
        "ID",
        "NamePartGroupID",
        "LocationID",
        "IssuedIn-LocationID",
        "IdentityID",
        "DocumentedNameID",
        "FeatureVersionID",
        "IDRegDocumentID",
        "ProfileID",
        "From-ProfileID",
        "To-ProfileID",
        "SanctionsEntryID",
        "ProfileRelationshipID",
        "EntryA-SanctionsEntryID",
        "EntryB-SanctionsEntryID",
    }
)


class Malformed(Exception):
    """A broken record; the loader turns it into a ``ListFormatError`` naming file and element.

    Args:
        where: element path relative to the record being read (``"Alias/DocumentedName"``).
        reason: what is wrong, quoting the offending value.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class Ref(NamedTuple):
    """One reference value: its label and its other attributes (``ISO2``, ``PartyTypeID``...)."""

    text: str
    attrs: dict[str, str]


def clean_text(text: str | None) -> str:
    """Text with runs of whitespace (pretty-printing newlines) folded to one space."""
    return " ".join(text.split()) if text else ""


class ReferenceValues:
    """The reference value sets of one file, keyed by set name (``"AliasType"``) and id."""

    __slots__ = ("_reported", "_sets")

    def __init__(self, sets: dict[str, dict[str, Ref]]) -> None:
        self._sets = sets
        self._reported: set[tuple[str, str]] = set()

    @classmethod
    def from_element(cls, element: Element) -> ReferenceValues:
        """Read a ``ReferenceValueSets`` element (tags without namespace).

        Raises:
            Malformed: a value without an ``ID``, a duplicate ``ID`` within a set, or a value
                whose own ``...ID`` attributes point nowhere (``AreaCode CountryID``...).
        """
        sets: dict[str, dict[str, Ref]] = {}
        for value_set in element:
            for value in value_set:
                ref_id = value.get("ID")
                where = f"ReferenceValueSets/{value_set.tag}/{value.tag}"
                if not ref_id:
                    raise Malformed(where, "reference value without an ID")
                values = sets.setdefault(value.tag, {})
                if ref_id in values:
                    raise Malformed(where, f"duplicate ID {ref_id!r}")
                attrs = {k: v for k, v in value.attrib.items() if k != "ID"}
                values[ref_id] = Ref(clean_text(value.text), attrs)
        refs = cls(sets)
        for set_name, values in sets.items():
            for ref_id, ref in values.items():
                where = f"ReferenceValueSets/{set_name}[ID={ref_id!r}]"
                refs._check_attributes(ref.attrs, where)
        return refs

    def get(self, set_name: str, ref_id: str | None, where: str) -> Ref:
        """The reference value ``ref_id`` of ``set_name``.

        Raises:
            Malformed: the id is missing or not in the file's reference values.
        """
        if not ref_id:
            raise Malformed(where, f"missing {set_name}ID")
        ref = self._sets.get(set_name, {}).get(ref_id)
        if ref is None:
            raise Malformed(where, f"unknown {set_name}ID {ref_id!r} (not in ReferenceValueSets)")
        return ref

    def text(self, set_name: str, ref_id: str | None, where: str) -> str:
        """The label of reference value ``ref_id`` (``"A.K.A."``); raises like :meth:`get`."""
        return self.get(set_name, ref_id, where).text

    def check(self, element: Element, where: str) -> None:
        """Resolve every reference-value ``...ID`` attribute in ``element``'s subtree.

        Raises:
            Malformed: an id that is not in the reference values, naming the element.
        """
        for node in element.iter():
            if node.attrib:
                path = where if node is element else f"{where}//{node.tag}"
                self._check_attributes(node.attrib, path)

    def _check_attributes(self, attrib: dict[str, str], where: str) -> None:
        for name, value in attrib.items():
            set_name = _ATTRIBUTE_SETS.get(name)
            if set_name is not None:
                self.get(set_name, value, f"{where}[@{name}]")
            elif name.endswith("ID") and name not in _RECORD_IDS:
                self.unmapped("attribute", name, where)

    def unmapped(self, kind: str, label: str, where: str) -> None:
        """Log a value the loader does not interpret, once per file, with where it first
        appeared (the record's ``FixedRef``); the caller keeps it as a property."""
        if (kind, label) not in self._reported:
            self._reported.add((kind, label))
            log.info("%s %r first seen at %s is not mapped; kept as published", kind, label, where)
