"""OFAC's advanced XML: ``SDN_ADVANCED.XML`` and ``CONS_ADVANCED.XML`` (root ``Sanctions``).

Schema: ``sdn_advanced.xsd`` (../shared/data/ofac/docs). The file runs, in this order:
``DateOfIssue``, ``ReferenceValueSets`` (the labels of every ``...ID``), ``Locations``,
``IDRegDocuments``, ``DistinctParties`` (one per listed party, ``FixedRef`` = the legacy
``ent_num``), ``ProfileRelationships``, ``SanctionsEntries`` (lists, programs, designation
dates), ``SanctionsEntryLinks``. The real SDN file is over 120 MB, so it is read as a stream:
each record element is turned into compact values and dropped before the next is read, and
only what later sections add to a party (relations, programs) is collected per party.

Choices (see the module docstrings of ``_advanced_*`` for names, dates and facts):

- ``source`` is ``"SDN"`` when every party has an entry on the "SDN List", else
  ``"CONSOLIDATED"`` (CONS_ADVANCED puts every party on the "Consolidated List", and a few also
  on the SDN List); a file without sanctions entries falls back to its name (``cons*``).
- ``designation_date`` is the earliest ``EntryEvent`` of type "Created" of the party's entries.
- ``stated_record_count`` is ``None``: the advanced format states no record count.
- ``remarks`` holds the ``DistinctParty``/``Profile`` comments.
- The namespace does not matter: the 2018-2020 files use ``http://www.un.org/sanctions/1.0``,
  the current ones ``https://sanctionslistservice.ofac.treas.gov/api/...``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO, TypeVar
from xml.etree.ElementTree import Element

from pydantic import ValidationError

from screening.errors import ListFormatError, ListNotFoundError
from screening.models import (
    Entry,
    EntryKind,
    FileDigest,
    Identifier,
    ListProvenance,
    Name,
    NamePart,
    NamePartRole,
    Relation,
    Watchlist,
)
from screening.sources._advanced_dates import date_point
from screening.sources._advanced_features import FactReader, Facts, PartyFacts
from screening.sources._advanced_names import identity_names
from screening.sources._advanced_refs import Malformed, ReferenceValues, clean_text
from screening.sources._compact import compact
from screening.sources._files import read_head
from screening.sources._xml import local_name, safe_iterparse

__all__ = ["FORMAT", "load", "sniff"]

FORMAT = "ofac-advanced-xml"

T = TypeVar("T")

log = logging.getLogger(__name__)

_ROOT = "Sanctions"
_RECORD_SECTIONS = frozenset(
    {
        "Locations",
        "IDRegDocuments",
        "DistinctParties",
        "ProfileRelationships",
        "SanctionsEntries",
        "SanctionsEntryLinks",
    }
)
_KINDS = {
    "individual": EntryKind.INDIVIDUAL,
    "entity": EntryKind.ENTITY,
    "vessel": EntryKind.VESSEL,
    "aircraft": EntryKind.AIRCRAFT,
}
_SDN_LIST = "sdn list"

# Prolog items before the root element: XML declaration, processing instructions, comments,
# a DOCTYPE (with an internal subset). Enough to find the root's name in the file head.
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.DOTALL)
_START_TAG = re.compile(rb"\s*<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s/>]")
_HEAD_BYTES = 1 << 16


def sniff(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an OFAC advanced XML file (root element ``Sanctions``).

    Reads only the first 64 KiB; never raises.
    """
    try:
        head = read_head(Path(path), _HEAD_BYTES).removeprefix(b"\xef\xbb\xbf")
        pos = 0
        while (m := _PROLOG.match(head, pos)) is not None and m.end() > pos:
            pos = m.end()
        root = _START_TAG.match(head, pos)
        return root is not None and root.group(1) == _ROOT.encode()
    except Exception:  # a sniffer must not raise
        log.debug("sniffing %s failed", path, exc_info=True)
        return False


class _HashingReader:
    """A binary file wrapper that hashes what the parser reads, so the file is read once."""

    __slots__ = ("_hash", "_raw", "size")

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._hash = hashlib.sha256()
        self.size = 0

    def read(self, n: int = -1) -> bytes:
        data = self._raw.read(n)
        self._hash.update(data)
        self.size += len(data)
        return data

    def digest(self, name: str) -> FileDigest:
        while self.read(1 << 20):  # whatever the parser did not need
            pass
        return FileDigest(name=name, size=self.size, sha256=self._hash.hexdigest())


class _Party:
    """One DistinctParty, kept compact (tuples) until the sections after DistinctParties
    (relationships, sanctions entries) are read."""

    __slots__ = (
        "designated",
        "documents",
        "facts",
        "kind",
        "lists",
        "names",
        "programs",
        "relations",
        "remarks",
        "sanctions_facts",
        "uid",
    )

    def __init__(self, uid: str, kind: EntryKind, names: tuple[Name, ...], facts: Facts) -> None:
        self.uid = uid
        self.kind = kind
        self.names = names
        self.facts = facts
        self.remarks: tuple[str, ...] = ()
        self.documents: tuple[Identifier, ...] = ()
        self.relations: tuple[tuple[str, str, bool], ...] = ()
        self.lists: tuple[str, ...] = ()
        self.programs: tuple[str, ...] = ()
        self.sanctions_facts: tuple[tuple[str, str], ...] = ()
        self.designated: date | None = None


def _with(items: tuple[T, ...], item: T) -> tuple[T, ...]:
    return items if item in items else (*items, item)


def _comments(element: Element) -> list[str]:
    return [text for c in element.iterfind("Comment") if (text := clean_text(c.text))]


class _Reader:
    """Reads one advanced XML file section by section."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.refs: ReferenceValues | None = None
        self.facts: FactReader | None = None
        self.published: date | None = None
        self.parties: dict[str, _Party] = {}
        self.by_profile: dict[str, _Party] = {}
        self.by_identity: dict[str, _Party] = {}
        self.documents: dict[str, list[tuple[str, Identifier]]] = {}
        self.primary_names: dict[str, str] = {}
        self.part_cache: dict[tuple[str, NamePartRole], NamePart] = {}
        self.unknown_sections: set[str] = set()
        self.pending_profiles: list[str] = []
        self.pending_identities: list[str] = []

    # -- the stream ---------------------------------------------------------------------

    def read(self, events: Iterator[tuple[str, Element]]) -> None:
        depth = 0
        root: Element | None = None
        section: Element | None = None
        for event, element in events:
            if event == "start":
                depth += 1
                element.tag = local_name(element.tag)
                if depth == 1:
                    if element.tag != _ROOT:
                        raise Malformed(element.tag, f"root element is not {_ROOT}")
                    root = element
                elif depth == 2:
                    section = element
                    self._open_section(element.tag)
                continue
            depth -= 1
            if depth == 2 and section is not None and section.tag in _RECORD_SECTIONS:
                self._record(section.tag, element)
                section.clear()  # the record is read: drop it, keeping memory flat
            elif depth == 1 and root is not None:
                self._close_section(element)
                root.clear()
        if self.published is None:
            raise Malformed(_ROOT, "no DateOfIssue")
        if self.refs is None:
            raise Malformed(_ROOT, "no ReferenceValueSets")

    def _open_section(self, tag: str) -> None:
        if tag in _RECORD_SECTIONS and self.refs is None:
            raise Malformed(tag, "comes before ReferenceValueSets")
        known = tag in _RECORD_SECTIONS or tag in ("DateOfIssue", "ReferenceValueSets")
        if not known and tag not in self.unknown_sections:
            self.unknown_sections.add(tag)
            log.warning("%s: section %s is not in the advanced schema; skipped", self.path, tag)

    def _close_section(self, element: Element) -> None:
        if element.tag == "DateOfIssue":
            self.published = date_point(element, "DateOfIssue")
        elif element.tag == "ReferenceValueSets":
            self.refs = ReferenceValues.from_element(element)
            self.facts = FactReader(self.refs)

    def _record(self, section: str, element: Element) -> None:
        assert self.refs is not None and self.facts is not None  # checked when it opened
        where = f"{section}/{element.tag}[ID={element.get('ID')!r}]"
        if element.tag == "Location":
            self.refs.check(element, where)
            self.facts.add_location(element, where)
        elif element.tag == "IDRegDocument":
            self.refs.check(element, where)
            identity_id, identifier = self.facts.id_document(element, where)
            self.documents.setdefault(identity_id, []).append((where, identifier))
        elif element.tag == "DistinctParty":
            self._party(element)
        elif element.tag == "ProfileRelationship":
            self.refs.check(element, where)
            self._relationship(element, where)
        elif element.tag == "SanctionsEntry":
            self.refs.check(element, where)
            self._sanctions_entry(element, where)
        elif element.tag == "SanctionsEntryLink":
            self.refs.check(element, where)
        else:
            raise Malformed(where, f"unexpected element {element.tag!r} in {section}")

    # -- records ------------------------------------------------------------------------

    def _party(self, element: Element) -> None:
        assert self.refs is not None and self.facts is not None
        uid = element.get("FixedRef", "").strip()
        if not uid:
            raise Malformed("DistinctParties/DistinctParty", "a DistinctParty without a FixedRef")
        where = f"DistinctParty[FixedRef={uid!r}]"
        if uid in self.parties:
            raise Malformed(where, f"duplicate FixedRef {uid!r}")
        self.refs.check(element, where)
        profiles = element.findall("Profile")
        if not profiles:
            raise Malformed(where, "a DistinctParty without a Profile")
        kind = self._kind(profiles[0], f"{where}/Profile")
        primary: list[Name] = []
        others: list[Name] = []
        facts = PartyFacts()
        remarks = _comments(element)
        for profile in profiles:
            remarks += self._profile(uid, profile, where, primary, others, facts)
        if not primary:
            raise Malformed(where, 'no primary name (no Alias with Primary="true")')
        party = _Party(uid, kind, (*primary, *others), facts.frozen())
        party.remarks = tuple(remarks)
        self.parties[uid] = party
        self.primary_names[uid] = primary[0].full
        for profile_id in self.pending_profiles:
            self.by_profile[profile_id] = party
        for identity_id in self.pending_identities:
            self.by_identity[identity_id] = party
        self.pending_profiles.clear()
        self.pending_identities.clear()

    def _kind(self, profile: Element, where: str) -> EntryKind:
        assert self.refs is not None
        sub_type = self.refs.get("PartySubType", profile.get("PartySubTypeID"), where)
        party_type = self.refs.text("PartyType", sub_type.attrs.get("PartyTypeID"), where)
        # Subtype first: "Vessel" and "Aircraft" are subtypes of the party type "Transport".
        kind = _KINDS.get(sub_type.text.casefold()) or _KINDS.get(party_type.casefold())
        if kind is None:
            self.refs.unmapped("PartyType", f"{party_type}/{sub_type.text}", where)
            return EntryKind.ENTITY
        return kind

    def _profile(
        self,
        uid: str,
        profile: Element,
        where: str,
        primary: list[Name],
        others: list[Name],
        facts: PartyFacts,
    ) -> list[str]:
        """Read one Profile into the lists given; returns its comments."""
        assert self.refs is not None and self.facts is not None
        profile_id = profile.get("ID", "")
        where = f"{where}/Profile[ID={profile_id!r}]"
        if not profile_id or profile_id in self.by_profile or profile_id in self.pending_profiles:
            raise Malformed(where, f"missing or duplicate Profile ID {profile_id!r}")
        self.pending_profiles.append(profile_id)
        identities = set()
        for identity in profile.iterfind("Identity"):
            identity_id = identity.get("ID", "")
            i_where = f"{where}/Identity[ID={identity_id!r}]"
            if not identity_id or identity_id in self.by_identity or identity_id in identities:
                raise Malformed(i_where, f"missing or duplicate Identity ID {identity_id!r}")
            self.pending_identities.append(identity_id)
            identities.add(identity_id)
            names, other_names = identity_names(identity, self.refs, self.part_cache, i_where)
            primary += names
            others += other_names
        for feature in profile.iterfind("Feature"):
            f_where = f"{where}/Feature[ID={feature.get('ID')!r}]"
            for link in feature.iterfind("IdentityReference"):
                if link.get("IdentityID") not in identities:
                    raise Malformed(
                        f"{f_where}/IdentityReference",
                        f"IdentityID {link.get('IdentityID')!r} is not an identity of this profile",
                    )
            self.facts.add_feature(feature, facts, f_where)
        return _comments(profile)

    def _profile_party(self, profile_id: str | None, where: str) -> _Party:
        party = self.by_profile.get(profile_id or "")
        if party is None:
            raise Malformed(where, f"unknown ProfileID {profile_id!r} (no such DistinctParty)")
        return party

    def _relationship(self, element: Element, where: str) -> None:
        assert self.refs is not None
        relation = sys.intern(self.refs.text("RelationType", element.get("RelationTypeID"), where))
        source = self._profile_party(element.get("From-ProfileID"), f"{where}[@From-ProfileID]")
        target = self._profile_party(element.get("To-ProfileID"), f"{where}[@To-ProfileID]")
        source.relations += ((relation, target.uid, element.get("Former") == "true"),)

    def _sanctions_entry(self, element: Element, where: str) -> None:
        assert self.refs is not None
        party = self._profile_party(element.get("ProfileID"), where)
        if list_id := element.get("ListID"):
            party.lists = _with(party.lists, sys.intern(self.refs.text("List", list_id, where)))
        for n, event in enumerate(element.iterfind("EntryEvent"), 1):
            e_where = f"{where}/EntryEvent[{n}]"
            kind = self.refs.text("EntryEventType", event.get("EntryEventTypeID"), e_where)
            when_element = event.find("Date")
            if when_element is None:
                raise Malformed(e_where, "an EntryEvent without a Date")
            when = date_point(when_element, f"{e_where}/Date")
            if kind.casefold() == "created":
                party.designated = min(party.designated or when, when)
            else:
                party.sanctions_facts += ((f"{kind} date", when.isoformat()),)
            if basis_id := event.get("LegalBasisID"):
                basis = self.refs.text("LegalBasis", basis_id, e_where)
                if basis.casefold() != "unknown":
                    party.sanctions_facts = _with(party.sanctions_facts, ("Legal basis", basis))
        for n, measure in enumerate(element.iterfind("SanctionsMeasure"), 1):
            m_where = f"{where}/SanctionsMeasure[{n}]"
            kind = self.refs.text("SanctionsType", measure.get("SanctionsTypeID"), m_where)
            comment = clean_text(measure.findtext("Comment"))
            if kind.casefold() == "program":
                if not comment:
                    raise Malformed(m_where, "a Program measure without a program tag")
                party.programs = _with(party.programs, sys.intern(comment))
            else:
                fact = ("Sanctions measure", f"{kind}: {comment}" if comment else kind)
                party.sanctions_facts = _with(party.sanctions_facts, fact)

    # -- the watchlist ------------------------------------------------------------------

    def source(self) -> str:
        """``"SDN"`` or ``"CONSOLIDATED"`` (see the module docstring)."""
        parties = self.parties.values()
        if not any(p.lists for p in parties):
            return "CONSOLIDATED" if self.path.name.casefold().startswith("cons") else "SDN"
        on_sdn = all(any(n.casefold() == _SDN_LIST for n in p.lists) for p in parties)
        return "SDN" if on_sdn else "CONSOLIDATED"

    def entries(self, source: str) -> list[Entry]:
        """Every party as an :class:`Entry`, in file order; the parties are dropped as they
        are turned into entries, so the two do not take memory at the same time."""
        for identity_id, documents in self.documents.items():
            owner = self.by_identity.get(identity_id)
            if owner is None:
                where = documents[0][0]
                reason = f"IdentityID {identity_id!r} is not an identity of any party"
                raise Malformed(where, reason)
            owner.documents += tuple(identifier for _, identifier in documents)
        self.documents.clear()
        self.facts = None  # the locations and shared-value caches are no longer needed
        self.by_identity.clear()
        self.by_profile.clear()
        self.part_cache.clear()
        entries = []
        while self.parties:
            uid = next(iter(self.parties))
            entries.append(self._entry(self.parties.pop(uid), source))
        return entries

    def _entry(self, party: _Party, source: str) -> Entry:
        facts = party.facts
        relations = tuple(
            compact(Relation(type=kind, uid=uid, name=self.primary_names[uid], former=former))
            for kind, uid, former in party.relations
        )
        try:
            return compact(
                Entry(
                    uid=party.uid,
                    source=source,
                    list_names=party.lists,
                    kind=party.kind,
                    names=party.names,
                    programs=party.programs,
                    title=facts.title,
                    gender=facts.gender,
                    dates_of_birth=facts.dates_of_birth,
                    places_of_birth=facts.places_of_birth,
                    nationalities=facts.nationalities,
                    citizenships=facts.citizenships,
                    addresses=facts.addresses,
                    identifiers=(*party.documents, *facts.identifiers),
                    vessel=facts.vessel,
                    remarks="; ".join(party.remarks) or None,
                    relations=relations,
                    designation_date=party.designated,
                    properties=(*facts.properties, *party.sanctions_facts),
                )
            )
        except ValidationError as exc:
            raise Malformed(f"DistinctParty[FixedRef={party.uid!r}]", str(exc)) from None


def load(path: str | os.PathLike[str]) -> Watchlist:
    """Load an ``SDN_ADVANCED.XML`` or ``CONS_ADVANCED.XML`` file, streaming.

    Args:
        path: the XML file.

    Returns:
        The watchlist with its provenance (source ``"SDN"`` or ``"CONSOLIDATED"``, the
        ``DateOfIssue`` as publish date, no stated record count: the format has none).

    Raises:
        ListNotFoundError: no file at ``path``.
        ListFormatError: the file is not well-formed XML, declares a DTD or entities, or breaks
            the format (an unknown reference id, a bad date, a missing or duplicate
            ``FixedRef``...); the error names the file and the element or line.
    """
    p = Path(path)
    reader = _Reader(p)
    try:
        with p.open("rb") as raw:
            source = _HashingReader(raw)
            reader.read(safe_iterparse(p, ("start", "end"), source))
            digest = source.digest(p.name)
        publication = reader.source()
        entries = reader.entries(publication)
    except FileNotFoundError:
        raise ListNotFoundError(f"{p}: no such file") from None
    except OSError as exc:
        raise ListFormatError(p, None, f"cannot read the file: {exc}") from None
    except Malformed as exc:
        raise ListFormatError(p, exc.where, exc.reason) from None
    provenance = ListProvenance(
        source=publication,
        format=FORMAT,
        publish_date=reader.published,
        stated_record_count=None,
        files=(digest,),
        loaded_at=datetime.now(UTC),
    )
    log.info("%s: %d entries, published %s", p, len(entries), reader.published)
    return Watchlist(entries, provenance)
