"""Facts of OFAC's advanced XML: locations, identity documents and profile features.

A profile states its facts as ``Feature`` elements typed by a ``FeatureType`` label
("Birthdate", "Place of Birth", "Location", "Vessel Flag", "Digital Currency Address - XBT",
"Website"...). A feature's value is free text, a ``DetailReference`` label, a ``DatePeriod`` or
a ``Location`` (the file's ``Locations`` section, read before the parties). Passports and other
numbers are ``IDRegDocument`` records that point at an identity. Features the model has a field
for fill it; every other feature is kept in ``Entry.properties`` and logged once per file.
"""

from __future__ import annotations

import sys
from typing import NamedTuple
from xml.etree.ElementTree import Element

from screening.models import Address, DateOfBirth, Identifier, IdScheme, Vessel
from screening.sources._advanced_dates import date_of_birth, period_text
from screening.sources._advanced_refs import Malformed, ReferenceValues
from screening.sources._compact import compact
from screening.sources._facts import id_scheme

__all__ = ["FactReader", "Facts", "PartyFacts", "Place"]

# OFAC's country for "no country known" (CountryValues "undetermined", no ISO2); the legacy
# ADD.CSV prints such an address's country as -0- (cons_add.csv 2018, ent_num 9639).
_NO_COUNTRY = "undetermined"

_STREET = ("address1", "address2", "address3")
_VESSEL = {
    "vessel call sign": "call_sign",
    "vessel type": "vessel_type",
    "vessel flag": "flag",
    "vessel owner": "owner",
    "vessel tonnage": "tonnage",
    "vessel gross registered tonnage": "gross_registered_tonnage",
}
# Features kept as properties on purpose; any other unmapped feature is also kept, and logged.
_PROPERTIES = frozenset({"website", "email address", "phone number"})


class Place(NamedTuple):
    """A ``Location`` record in plain strings (Address models are built only when used)."""

    street: str | None
    city: str | None
    state: str | None
    postal_code: str | None
    region: str | None
    country: str | None
    remarks: str | None

    @property
    def text(self) -> str:
        """The location as one line: ``"Pingyu, Henan, China"``."""
        fields = (self.street, self.city, self.state, self.postal_code, self.region, self.country)
        return ", ".join(f for f in fields if f)


class PartyFacts:
    """The facts of one party collected from its features (lists in document order)."""

    __slots__ = (
        "addresses",
        "citizenships",
        "dates_of_birth",
        "gender",
        "identifiers",
        "nationalities",
        "places_of_birth",
        "properties",
        "title",
        "vessel",
    )

    def __init__(self) -> None:
        self.dates_of_birth: list[DateOfBirth] = []
        self.places_of_birth: list[str] = []
        self.nationalities: list[str] = []
        self.citizenships: list[str] = []
        self.addresses: list[Address] = []
        self.identifiers: list[Identifier] = []
        self.vessel: dict[str, str] = {}
        self.title: str | None = None
        self.gender: str | None = None
        self.properties: list[tuple[str, str]] = []

    def frozen(self) -> Facts:
        """The facts as tuples: a party waits for the later sections in this compact form
        (empty tuples are one shared object; empty lists are 56 bytes each)."""
        return Facts(
            tuple(self.dates_of_birth),
            tuple(self.places_of_birth),
            tuple(self.nationalities),
            tuple(self.citizenships),
            tuple(self.addresses),
            tuple(self.identifiers),
            compact(Vessel(**self.vessel)) if self.vessel else None,
            self.title,
            self.gender,
            tuple(self.properties),
        )


class Facts(NamedTuple):
    """The facts of one party, read."""

    dates_of_birth: tuple[DateOfBirth, ...]
    places_of_birth: tuple[str, ...]
    nationalities: tuple[str, ...]
    citizenships: tuple[str, ...]
    addresses: tuple[Address, ...]
    identifiers: tuple[Identifier, ...]
    vessel: Vessel | None
    title: str | None
    gender: str | None
    properties: tuple[tuple[str, str], ...]


def _intern(text: str) -> str:
    # Labels, countries and program tags repeat across thousands of entries.
    return sys.intern(text)


class FactReader:
    """Reads locations, identity documents and features of one file.

    Equal values (dates of birth, addresses) are shared between entries: the models are
    frozen, and a full SDN list repeats them thousands of times.
    """

    __slots__ = ("_addresses", "_dates", "places", "refs")

    def __init__(self, refs: ReferenceValues) -> None:
        self.refs = refs
        self.places: dict[str, Place] = {}
        self._dates: dict[str, DateOfBirth] = {}
        self._addresses: dict[Place, Address] = {}

    def _country(self, country_id: str | None, where: str) -> str | None:
        name = self.refs.text("Country", country_id, where)
        return None if name.casefold() == _NO_COUNTRY else _intern(name)

    def add_location(self, element: Element, where: str) -> None:
        """Read one ``Location`` record into :attr:`places`.

        Raises:
            Malformed: a missing or duplicate ``ID``, or an unknown reference id.
        """
        location_id = element.get("ID")
        if not location_id:
            raise Malformed(where, "a Location without an ID")
        if location_id in self.places:
            raise Malformed(where, f"duplicate Location ID {location_id!r}")
        country = None
        for link in element.iterfind("LocationCountry"):
            country = country or self._country(link.get("CountryID"), f"{where}/LocationCountry")
        for link in element.iterfind("LocationAreaCode"):
            area = self.refs.get("AreaCode", link.get("AreaCodeID"), f"{where}/LocationAreaCode")
            if country is None and area.attrs.get("CountryID"):
                country = self._country(area.attrs["CountryID"], f"{where}/LocationAreaCode")
        found: dict[str, list[str]] = {}
        for part in element.iterfind("LocationPart"):
            label = self.refs.text(
                "LocPartType", part.get("LocPartTypeID"), f"{where}/LocationPart"
            )
            values = part.findall("LocationPartValue")
            chosen = next((v for v in values if v.get("Primary") == "true"), None)
            chosen = chosen if chosen is not None else (values[0] if values else None)
            text = (chosen.findtext("Value") or "").strip() if chosen is not None else ""
            if text:
                found.setdefault(label.casefold(), []).append(text)
        street = [t for key in _STREET for t in found.pop(key, [])]
        city, state, postal, region = (
            ", ".join(found.pop(key, [])) or None
            for key in ("city", "state/province", "postal code", "region")
        )
        unknown = found.pop("unknown", [])
        if country is None and unknown:
            # A country-only location, e.g. a citizenship: LocPartType "Unknown" "Switzerland".
            country = _intern(unknown.pop(0))
        street += unknown
        remarks = [clean for c in element.iterfind("Comment") if (clean := (c.text or "").strip())]
        for label, texts in found.items():
            self.refs.unmapped("LocPartType", label, where)
            remarks += [f"{label}: {t}" for t in texts]
        self.places[location_id] = Place(
            ", ".join(street) or None,
            city,
            state,
            postal,
            region,
            country,
            "; ".join(remarks) or None,
        )

    def place(self, location_id: str | None, where: str) -> Place:
        """The location ``location_id``.

        Raises:
            Malformed: no such ``Location`` in the file (or not before the parties).
        """
        place = self.places.get(location_id or "")
        if place is None:
            raise Malformed(where, f"unknown LocationID {location_id!r}")
        return place

    def address(self, place: Place) -> Address:
        """The :class:`Address` of a location, as the legacy ADD.CSV would give it."""
        shared = self._addresses.get(place)
        if shared is not None:
            return shared
        country, remarks = place.country, place.remarks
        if place.region:
            # With no country, the legacy files print the region as the country
            # ("Region: Gaza", cons_add.csv 2018, ent_num 9659).
            if country is None:
                country = f"Region: {place.region}"
            else:
                remarks = "; ".join(r for r in (remarks, f"Region: {place.region}") if r)
        address = compact(
            Address(
                street=place.street,
                city=place.city,
                state_or_province=place.state,
                postal_code=place.postal_code,
                country=country,
                remarks=remarks,
            )
        )
        self._addresses[place] = address
        return address

    def id_document(self, element: Element, where: str) -> tuple[str, Identifier]:
        """One ``IDRegDocument`` as (the ``IdentityID`` it belongs to, the identifier).

        Raises:
            Malformed: no ``IdentityID``, an unknown reference id or location, a bad date.
        """
        identity_id = element.get("IdentityID")
        if not identity_id:
            raise Malformed(where, "an IDRegDocument without an IdentityID")
        label = _intern(self.refs.text("IDRegDocType", element.get("IDRegDocTypeID"), where))
        value = (element.findtext("IDRegistrationNo") or "").strip()
        country_id = element.get("IssuedBy-CountryID")
        country = self._country(country_id, where) if country_id else None
        notes: list[str] = []
        issued, expires = None, None
        for dated in element.iterfind("DocumentDate"):
            kind = self.refs.text("IDRegDocDateType", dated.get("IDRegDocDateTypeID"), where)
            period = dated.find("DatePeriod")
            if period is None:
                raise Malformed(f"{where}/DocumentDate", "a DocumentDate without a DatePeriod")
            text = period_text(period, f"{where}/DocumentDate/DatePeriod")
            if kind.casefold() == "issue date" and issued is None:
                issued = text
            elif kind.casefold() == "expiration date" and expires is None:
                expires = text
            else:
                notes.append(f"{kind} {text}")
        if in_location := element.get("IssuedIn-LocationID"):
            notes.append(f"issued in {self.place(in_location, where).text}")
        if authority := (element.findtext("IssuingAuthority") or "").strip():
            notes.append(f"issued by {authority}")
        if validity_id := element.get("ValidityID"):
            validity = self.refs.text("Validity", validity_id, where)
            if validity.casefold() != "valid":
                notes.append(validity)  # "Fraudulent": the document is listed as a fake
        if comment := (element.findtext("Comment") or "").strip():
            notes.append(comment)
        scheme, currency = id_scheme(label)
        identifier = compact(
            Identifier(
                scheme=scheme,
                type=label,
                value=value,
                country=country,
                issue_date=issued,
                expiry_date=expires,
                currency=currency,
                note="; ".join(notes) or None,
            )
        )
        return identity_id, identifier

    def _values(self, version: Element, where: str) -> list[str]:
        """The values of a ``FeatureVersion`` as text (detail, lookup label, date, location)."""
        values = []
        for detail in version.iterfind("VersionDetail"):
            text = (detail.text or "").strip()
            if not text and (ref_id := detail.get("DetailReferenceID")):
                text = _intern(self.refs.text("DetailReference", ref_id, f"{where}/VersionDetail"))
            if text:
                values.append(text)
        for period in version.iterfind("DatePeriod"):
            values.append(period_text(period, f"{where}/DatePeriod"))
        for located in version.iterfind("VersionLocation"):
            values.append(self.place(located.get("LocationID"), f"{where}/VersionLocation").text)
        return values

    def _countries(self, version: Element, where: str) -> list[str]:
        places = [
            self.place(located.get("LocationID"), f"{where}/VersionLocation")
            for located in version.iterfind("VersionLocation")
        ]
        if places:
            return [p.country or p.text for p in places if p.country or p.text]
        return self._values(version, where)

    def _birth_dates(self, version: Element, where: str) -> list[DateOfBirth]:
        dates = []
        for period in version.iterfind("DatePeriod"):
            dob = date_of_birth(period, f"{where}/DatePeriod")
            dates.append(self._dates.setdefault(dob.text, compact(dob)))
        if not dates:
            raise Malformed(where, "a Birthdate feature without a DatePeriod")
        return dates

    def add_feature(self, feature: Element, facts: PartyFacts, where: str) -> None:
        """Add one ``Feature`` of a profile to ``facts``.

        Raises:
            Malformed: an unknown reference id or location, a bad date.
        """
        label = _intern(self.refs.text("FeatureType", feature.get("FeatureTypeID"), where))
        key = label.casefold()
        for n, version in enumerate(feature.iterfind("FeatureVersion"), 1):
            v_where = f"{where}/FeatureVersion[{n}]"
            if key == "birthdate":
                facts.dates_of_birth += self._birth_dates(version, v_where)
            elif key == "place of birth":
                facts.places_of_birth += self._values(version, v_where)
            elif key == "nationality country":
                facts.nationalities += self._countries(version, v_where)
            elif key == "citizenship country":
                facts.citizenships += self._countries(version, v_where)
            elif key == "location":
                self._add_addresses(version, facts, v_where)
            else:
                self._add_values(label, key, self._values(version, v_where), facts, where)

    def _add_addresses(self, version: Element, facts: PartyFacts, where: str) -> None:
        located = version.findall("VersionLocation")
        for link in located:
            place = self.place(link.get("LocationID"), f"{where}/VersionLocation")
            if any(place):  # an 'undetermined' area code alone is no address
                facts.addresses.append(self.address(place))
        if not located:
            facts.properties += [("Location", v) for v in self._values(version, where)]

    def _add_values(
        self, label: str, key: str, values: list[str], facts: PartyFacts, where: str
    ) -> None:
        scheme, currency = id_scheme(label)
        for value in values:
            if key == "gender" and facts.gender is None:
                facts.gender = _intern(value)
            elif key == "title" and facts.title is None:
                facts.title = value
            elif key in _VESSEL and _VESSEL[key] not in facts.vessel:
                facts.vessel[_VESSEL[key]] = value
            elif scheme is not IdScheme.OTHER:
                facts.identifiers.append(
                    compact(Identifier(scheme=scheme, type=label, value=value, currency=currency))
                )
            else:
                if key not in _PROPERTIES and key not in ("gender", "title", *_VESSEL):
                    self.refs.unmapped("FeatureType", label, where)
                facts.properties.append((label, value))
