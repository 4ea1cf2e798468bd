"""The normalised watchlist model every list format loads into.

One :class:`Entry` per listed party (OFAC's ``ent_num`` / ``FixedRef``, the same id in every
OFAC format), grouped in a :class:`Watchlist` together with the provenance of the files it was
read from. Models are frozen pydantic v2 models: they cross the API boundary and are evidence in
a compliance decision, so nothing may change them after loading.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Address",
    "DateOfBirth",
    "Entry",
    "EntryKind",
    "FileDigest",
    "FuzzyDate",
    "IdScheme",
    "Identifier",
    "ListIdentity",
    "ListProvenance",
    "Name",
    "NamePart",
    "NamePartRole",
    "NameStrength",
    "NameType",
    "Relation",
    "Vessel",
    "Watchlist",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EntryKind(StrEnum):
    """What a list entry is. OFAC's legacy formats leave entities untyped (``-0-``)."""

    INDIVIDUAL = "individual"
    ENTITY = "entity"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"


class NameType(StrEnum):
    """The role of a name on its entry: the primary name or one kind of alias."""

    PRIMARY = "primary"
    AKA = "aka"
    FKA = "fka"
    NKA = "nka"


class NameStrength(StrEnum):
    """OFAC's alias quality. Weak (low-quality) aliases never trigger a hit on their own."""

    STRONG = "strong"
    WEAK = "weak"


class NamePartRole(StrEnum):
    """Role of one part of a name (from the advanced format's ``NamePartType``)."""

    LAST = "last"
    FIRST = "first"
    MIDDLE = "middle"
    MAIDEN = "maiden"
    PATRONYMIC = "patronymic"
    MATRONYMIC = "matronymic"
    NICKNAME = "nickname"
    ENTITY = "entity"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"
    OTHER = "other"


class NamePart(_Frozen):
    """One part of a name with its role, e.g. ``NamePart(value="Quanguo", role="first")``."""

    value: str
    role: NamePartRole = NamePartRole.OTHER


class Name(_Frozen):
    """A name of a list entry.

    Attributes:
        full: the whole name as published (``"CHEN, Quanguo"``, ``"陈全国"``).
        parts: name parts with roles where the format gives them, in display order.
        type: primary name or a.k.a. / f.k.a. / n.k.a.
        strength: ``strong`` or ``weak`` (OFAC's low-quality alias).
        script: ISO 15924 alpha-4 code of the script the name is written in (``"Latn"``,
            ``"Hans"``, ``"Cyrl"``, ``"Arab"``...).
    """

    full: str = Field(min_length=1)
    parts: tuple[NamePart, ...] = ()
    type: NameType = NameType.PRIMARY
    strength: NameStrength = NameStrength.STRONG
    script: str = Field(default="Latn", pattern=r"^[A-Z][a-z]{3}$")


class FuzzyDate(_Frozen):
    """A date that may be known only to the year or the month."""

    year: int = Field(ge=1, le=9999)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="after")
    def _check(self) -> FuzzyDate:
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day without a month")
            if self.day > calendar.monthrange(self.year, self.month)[1]:
                raise ValueError(f"no day {self.day} in {self.year}-{self.month:02d}")
        return self

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> date:
        """The earliest calendar day this date can stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest calendar day this date can stand for."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


class DateOfBirth(_Frozen):
    """A date of birth as OFAC gives it: exact, partial, ``circa`` or a range ``1960 to 1962``."""

    start: FuzzyDate
    end: FuzzyDate | None = None
    circa: bool = False
    text: str = ""

    def first_day(self) -> date:
        """The earliest day the birth can fall on (ignoring ``circa``)."""
        return self.start.first_day()

    def last_day(self) -> date:
        """The latest day the birth can fall on (ignoring ``circa``)."""
        return (self.end or self.start).last_day()


class Address(_Frozen):
    """A postal address; the legacy CSV gives city, state and postal code in one field."""

    street: str | None = None
    city: str | None = None
    state_or_province: str | None = None
    postal_code: str | None = None
    country: str | None = None
    remarks: str | None = None


class IdScheme(StrEnum):
    """The kind of identifier, normalised from the many labels OFAC uses."""

    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    TAX_ID = "tax_id"
    SWIFT_BIC = "swift_bic"
    IMO = "imo"
    MMSI = "mmsi"
    DIGITAL_CURRENCY = "digital_currency"
    REGISTRATION = "registration"
    OTHER = "other"


class Identifier(_Frozen):
    """An identifying number: passport, national id, SWIFT/BIC, IMO, a crypto address...

    Attributes:
        scheme: the normalised kind.
        type: the label as published (``"Passport"``, ``"Digital Currency Address - XBT"``).
        value: the number or address as published.
        country: issuing country where given.
        currency: for digital currency addresses, the currency code (``"XBT"``, ``"ETH"``).
    """

    scheme: IdScheme
    type: str
    value: str
    country: str | None = None
    issue_date: str | None = None
    expiry_date: str | None = None
    currency: str | None = None
    note: str | None = None


class Vessel(_Frozen):
    """Vessel details from the SDN record."""

    call_sign: str | None = None
    vessel_type: str | None = None
    tonnage: str | None = None
    gross_registered_tonnage: str | None = None
    flag: str | None = None
    owner: str | None = None


class Relation(_Frozen):
    """A link to another party: ``Linked To:`` in remarks, or an advanced-format relationship.

    Attributes:
        type: as published (``"Linked To"``, ``"Owned or Controlled By"``, ``"Associate Of"``).
        uid: the related entry's uid when the format gives it.
        name: the related party's name when the format gives it.
        former: the relationship is marked as past (advanced format ``Former="true"``); a
            former owner does not own today.
    """

    type: str
    uid: str | None = None
    name: str | None = None
    former: bool = False


class Entry(_Frozen):
    """One listed party.

    Attributes:
        uid: OFAC ``ent_num`` / ``FixedRef`` (the same in every OFAC format) or another list's id.
        source: the publication it comes from (``"SDN"``, ``"CONSOLIDATED"``, ``"UN"``...).
        list_names: the specific lists inside the publication where the format says
            (``"SDN List"``, ``"Sectoral Sanctions Identifications List"``).
        kind: individual, entity, vessel or aircraft.
        names: primary name first, then aliases, strong and weak.
        programs: sanctions program tags (``"GLOMAG"``, ``"SDGT"``).
        properties: other published facts kept as ``(label, value)`` pairs (e-mail, website,
            aircraft model...), so nothing the list says is lost.
    """

    uid: str = Field(min_length=1)
    source: str
    list_names: tuple[str, ...] = ()
    kind: EntryKind
    names: tuple[Name, ...] = Field(min_length=1)
    programs: tuple[str, ...] = ()
    title: str | None = None
    gender: str | None = None
    dates_of_birth: tuple[DateOfBirth, ...] = ()
    places_of_birth: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    citizenships: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    vessel: Vessel | None = None
    remarks: str | None = None
    relations: tuple[Relation, ...] = ()
    designation_date: date | None = None
    properties: tuple[tuple[str, str], ...] = ()

    @property
    def primary_name(self) -> Name:
        """The entry's primary name (the first name, by construction)."""
        return self.names[0]

    def content_hash(self) -> str:
        """sha256 (hex) of the entry's content, stable across loads and library runs.

        Used to notice that a listed entry changed (an allow-listed false positive must be
        raised again when the entry it was decided against changes).
        """
        return hashlib.sha256(self.model_dump_json().encode("utf-8")).hexdigest()


class FileDigest(_Frozen):
    """A file that was read: its name (not its full path), size in bytes and sha256 (hex)."""

    name: str
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class ListIdentity(_Frozen):
    """The part of a list's provenance that identifies it in a screening result.

    Everything here comes from the files themselves, so the same files give the same identity
    on every machine and every run (the load time is deliberately not part of it).
    """

    source: str
    format: str
    publish_date: date | None
    record_count: int
    sha256: str
    sample: bool = False


class ListProvenance(_Frozen):
    """Where a watchlist came from.

    Attributes:
        source: publication name (``"SDN"``, ``"CONSOLIDATED"``...).
        format: the file format read (``"ofac-legacy-csv"``, ``"ofac-legacy-xml"``,
            ``"ofac-advanced-xml"``...).
        publish_date: publication date stated in the file (``None`` where the format has none,
            as in the legacy CSV set).
        stated_record_count: the record count stated in the file, where the format states one.
        files: every file read, with sha256.
        loaded_at: when the list was loaded (UTC); not part of :class:`ListIdentity`.
        sample: ``True`` for the bundled sample list, which is not a real OFAC publication.
        notes: what the loader could not vouch for, in plain words (a missing companion file,
            remarks cut at the format's field limit with no continuation); empty when the
            publication was read completely.
        retrieved_at: when the list store last downloaded this publication and found it to be
            the newest (UTC); ``None`` for files not read through the store. Not part of
            :class:`ListIdentity`; it dates lists that state no publish date (legacy CSV).
    """

    source: str
    format: str
    publish_date: date | None = None
    stated_record_count: int | None = None
    files: tuple[FileDigest, ...] = Field(min_length=1)
    loaded_at: datetime
    sample: bool = False
    notes: tuple[str, ...] = ()
    retrieved_at: datetime | None = None

    @property
    def sha256(self) -> str:
        """One digest for the list: the file's sha256, or for a file set the sha256 of a
        ``sha256sum``-style manifest (``"<sha256>  <name>\\n"`` per file, sorted by name)."""
        if len(self.files) == 1:
            return self.files[0].sha256
        manifest = "".join(
            f"{f.sha256}  {f.name}\n" for f in sorted(self.files, key=lambda f: f.name)
        )
        return hashlib.sha256(manifest.encode("utf-8")).hexdigest()


class Watchlist:
    """The entries of one published list and where they came from.

    Supports ``len()``, iteration in file order, ``uid in wl`` and ``wl[uid]``.

    Raises:
        ValueError: two entries share a uid.
    """

    __slots__ = ("_by_uid", "entries", "provenance")

    def __init__(self, entries: Iterable[Entry], provenance: ListProvenance) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.provenance = provenance
        self._by_uid: dict[str, Entry] = {}
        for entry in self.entries:
            if entry.uid in self._by_uid:
                raise ValueError(f"duplicate uid {entry.uid!r} in {provenance.source} list")
            self._by_uid[entry.uid] = entry

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __contains__(self, uid: object) -> bool:
        return uid in self._by_uid

    def __getitem__(self, uid: str) -> Entry:
        return self._by_uid[uid]

    def get(self, uid: str) -> Entry | None:
        """The entry with this uid, or ``None``."""
        return self._by_uid.get(uid)

    @property
    def identity(self) -> ListIdentity:
        """The list's identity as recorded in every screening result."""
        p = self.provenance
        return ListIdentity(
            source=p.source,
            format=p.format,
            publish_date=p.publish_date,
            record_count=len(self.entries),
            sha256=p.sha256,
            sample=p.sample,
        )

    def __repr__(self) -> str:
        p = self.provenance
        return (
            f"<Watchlist {p.source} {p.format} published={p.publish_date} "
            f"entries={len(self.entries)} sha256={p.sha256[:12]}>"
        )
