# ruff: noqa: E501  (the generator writes XML lines as OFAC lays them out)
"""Write a synthetic SDN_ADVANCED.XML of about 130 MB, reproducibly, for the load benchmark.

The real SDN_ADVANCED.XML is over 120 MB and no copy is in ../shared/data, so the benchmark
needs a stand-in of the same size and shape: the official structure and namespace,
reference value ids as in OFAC's files, tens of thousands of parties with names in Latin,
Cyrillic, Arabic and Han script, dates of birth, places, addresses, identity documents,
vessels, digital currency addresses, ownership relationships and sanctions entries, pretty
printed like OFAC's file. Every party is made up (names are random syllables).

    python benchmarks/gen_advanced_xml.py [--parties N] [--seed S] [OUT]

OUT defaults to benchmarks/results/tmp/SDN_ADVANCED_synthetic.xml (git-ignored). The same
seed and party count always write the same bytes.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML"
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "tmp" / "SDN_ADVANCED_synthetic.xml"
DEFAULT_PARTIES = 17_000  # about 130 MB: 7.7 kB a party (the real file: 14,436 in ~120 MB)
SEED = 20200709

COUNTRIES = [
    (11029, "AF", "Afghanistan"), (11065, "CN", "China"), (11082, "CO", "Colombia"),
    (11086, "CU", "Cuba"), (11115, "JP", "Japan"), (11108, "IR", "Iran"), (11109, "IQ", "Iraq"),
    (11118, "KP", "Korea, North"), (11131, "LB", "Lebanon"), (11143, "MX", "Mexico"),
    (11159, "PA", "Panama"), (11171, "RU", "Russia"), (11197, "SY", "Syria"),
    (11205, "TR", "Turkey"), (11209, "UA", "Ukraine"), (11210, "AE", "United Arab Emirates"),
    (11212, "US", "United States"), (11226, "VE", "Venezuela"), (11044, "BY", "Belarus"),
    (11196, "CH", "Switzerland"),
]  # fmt: skip
FEATURES = {
    "Vessel Call Sign": 1, "VESSEL TYPE": 2, "Vessel Flag": 3, "Vessel Owner": 4,
    "Vessel Tonnage": 5, "Vessel Gross Registered Tonnage": 6, "Birthdate": 8,
    "Place of Birth": 9, "Nationality Country": 10, "Citizenship Country": 11, "SWIFT/BIC": 13,
    "Website": 14, "Email Address": 21, "Location": 25, "Title": 26, "Gender": 224,
    "Digital Currency Address - XBT": 344, "Digital Currency Address - ETH": 345,
    "Secondary sanctions risk:": 504, "Aircraft Model": 47,
}  # fmt: skip
ID_TYPES = {
    "Passport": 1571, "National ID No.": 1584, "Tax ID No.": 1596, "Registration ID": 1585,
    "Vessel Registration Identification": 1626, "MMSI": 91264, "Identification Number": 1608,
}  # fmt: skip
NAME_PARTS = {
    "Last Name": 1520, "First Name": 1521, "Middle Name": 1522, "Maiden Name": 1523,
    "Aircraft Name": 1524, "Entity Name": 1525, "Vessel Name": 1526, "Nickname": 1528,
    "Patronymic": 91708, "Matronymic": 91709,
}  # fmt: skip
SCRIPTS = [(215, "Latin", "Latin"), (220, "Cyrl", "Cyrillic"), (160, "Arab", "Arabic"),
           (501, "Hans", "Chinese Simplified"), (502, "Hant", "Chinese Traditional")]  # fmt: skip
PROGRAMS = ["SDGT", "SDNTK", "IRAN", "SYRIA", "CUBA", "UKRAINE-EO13662", "RUSSIA-EO14024",
            "GLOMAG", "CYBER2", "VENEZUELA-EO13850", "DPRK3", "IFSR", "NPWMD", "ILLICIT-DRUGS-EO14059"]  # fmt: skip
RELATIONS = {"Associate Of": 1555, "Providing support to": 15001, "Acting for or on behalf of": 15002,
             "Owned or Controlled By": 15003, "Leader or official of": 91725}  # fmt: skip
DETAILS = {"Male": 91526, "Female": 91527, "Bulk Carrier": 702, "Container Ship": 703,
           "Crude Oil Tanker": 704, "General Cargo": 705}  # fmt: skip
SYLLABLES = ["al", "ba", "ra", "ka", "mo", "ha", "med", "sa", "li", "ne", "ko", "va", "ri", "to", "an", "dre", "ser", "gei", "yu", "ri", "os", "man", "ta", "hir", "za", "de", "ni", "na", "ve", "ga", "lo", "pe", "zu", "ma", "ru", "shi", "jin", "wei", "hong", "xiao", "ming"]  # fmt: skip
CYRILLIC = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        [
            "а",
            "б",
            "ц",
            "д",
            "е",
            "ф",
            "г",
            "х",
            "и",
            "й",
            "к",
            "л",
            "м",
            "н",
            "о",
            "п",
            "к",
            "р",
            "с",
            "т",
            "у",
            "в",
            "в",
            "кс",
            "ы",
            "з",
        ],
        strict=True,
    )
)
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
HAN = "陈王李张刘杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾全国海伦明山六军新疆公安局建华平"


class Writer:
    """Pretty-prints elements two spaces per level, like OFAC's file."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, depth: int, text: str) -> None:
        self.lines.append("  " * depth + text)

    def date_period(
        self, depth: int, first: tuple[int, int, int], last: tuple[int, int, int]
    ) -> None:
        self.line(
            depth,
            '<DatePeriod CalendarTypeID="1" YearFixed="false" MonthFixed="false" DayFixed="false">',
        )
        for tag, (y, m, d) in (("Start", first), ("End", last)):
            self.line(
                depth + 1,
                f'<{tag} Approximate="false" YearFixed="false" MonthFixed="false" DayFixed="false">',
            )
            for point in ("From", "To"):
                self.line(depth + 2, f"<{point}>")
                self.line(depth + 3, f"<Year>{y}</Year>")
                self.line(depth + 3, f"<Month>{m}</Month>")
                self.line(depth + 3, f"<Day>{d}</Day>")
                self.line(depth + 2, f"</{point}>")
            self.line(depth + 1, f"</{tag}>")
        self.line(depth, "</DatePeriod>")


class Generator:
    """Makes the parties; record ids come from one counter so they never collide."""

    def __init__(self, rng: random.Random, parties: int) -> None:
        self.rng = rng
        self.count = parties
        self.next_id = 100_000
        self.locations: list[
            tuple[int, str, str, str, int]
        ] = []  # id, street, city, postal, country

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def word(self, low: int = 2, high: int = 3) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(low, high)))

    def latin(self, n: int) -> list[str]:
        return [self.word().capitalize() for _ in range(n)]

    def other_script(self, latin: list[str]) -> tuple[int, list[str]]:
        script = self.rng.choice((220, 160, 501))
        if script == 220:
            return script, [
                "".join(CYRILLIC.get(c, c) for c in w.lower()).capitalize() for w in latin
            ]
        if script == 160:
            return script, [
                "".join(self.rng.choice(ARABIC) for _ in range(len(w) // 2 + 2)) for w in latin
            ]
        return script, [self.rng.choice(HAN), "".join(self.rng.choice(HAN) for _ in range(2))][
            : len(latin)
        ]

    def location(self, country: int) -> int:
        loc = self.new_id()
        street = f"{self.rng.randint(1, 999)} {self.word().capitalize()} Street"
        self.locations.append(
            (loc, street, self.word().capitalize(), str(self.rng.randint(10000, 99999)), country)
        )
        return loc

    def party(
        self, uid: int, kind: str, owners: list[int]
    ) -> tuple[list[str], list[str], list[str]]:
        """(party lines, IDRegDocument lines, relationship lines) of one party."""
        rng, w, docs, rels = self.rng, Writer(), Writer(), Writer()
        identity = self.new_id()
        sub_type = {"individual": 4, "entity": 3, "vessel": 1, "aircraft": 2}[kind]
        w.line(2, f'<DistinctParty FixedRef="{uid}">')
        w.line(3, "<Comment />")
        w.line(3, f'<Profile ID="{uid}" PartySubTypeID="{sub_type}">')
        w.line(4, f'<Identity ID="{identity}" FixedRef="{uid}" Primary="true" False="false">')
        groups: list[tuple[int, int]] = []
        roles = {
            "individual": ["Last Name", "First Name", "Middle Name"],
            "entity": ["Entity Name"],
            "vessel": ["Vessel Name"],
            "aircraft": ["Aircraft Name"],
        }[kind]
        aliases = [(1403, True, False)] + [
            (rng.choice((1400, 1400, 1400, 1401, 1402)), False, rng.random() < 0.15)
            for _ in range(
                rng.choice((0, 0, 1, 1, 1, 2, 2, 3, 4))
            )  # 2.5 aliases a party, as in the real file
        ]
        first_name_id = 0
        for alias_type, primary, weak in aliases:
            n_parts = len(roles) if kind != "individual" else rng.choice((2, 3))
            latin = (
                [" ".join(self.latin(rng.randint(2, 4))).upper()]
                if kind != "individual"
                else self.latin(n_parts)
            )
            names = [(215, 1 if primary else 2, latin)]
            if rng.random() < 0.09:  # 9% of real aliases have a non-Latin documented name
                script, other = self.other_script(latin)
                names.append((script, 2, other))
            w.line(
                5,
                f'<Alias FixedRef="{uid}" AliasTypeID="{alias_type}" Primary="{str(primary).lower()}" LowQuality="{str(weak).lower()}">',
            )
            for script, status, values in names:
                name_id = self.new_id()
                first_name_id = first_name_id or name_id
                w.line(
                    6,
                    f'<DocumentedName ID="{name_id}" FixedRef="{uid}" DocNameStatusID="{status}">',
                )
                for role, value in zip(roles, values, strict=False):
                    group = self.new_id()
                    groups.append((group, NAME_PARTS[role]))
                    w.line(7, "<DocumentedNamePart>")
                    w.line(
                        8,
                        f'<NamePartValue NamePartGroupID="{group}" ScriptID="{script}" ScriptStatusID="1" Acronym="false">{value}</NamePartValue>',
                    )
                    w.line(7, "</DocumentedNamePart>")
                w.line(6, "</DocumentedName>")
            w.line(5, "</Alias>")
        w.line(5, "<NamePartGroups>")
        for group, part_type in groups:
            w.line(6, "<MasterNamePartGroup>")
            w.line(7, f'<NamePartGroup ID="{group}" NamePartTypeID="{part_type}" />')
            w.line(6, "</MasterNamePartGroup>")
        w.line(5, "</NamePartGroups>")
        w.line(4, "</Identity>")

        def feature(
            label: str, body: Iterator[tuple[int, str]] | None = None, date: tuple | None = None
        ) -> None:
            w.line(4, f'<Feature ID="{self.new_id()}" FeatureTypeID="{FEATURES[label]}">')
            w.line(5, f'<FeatureVersion ID="{self.new_id()}" ReliabilityID="1">')
            w.line(6, "<Comment />")
            if date is not None:
                w.date_period(6, *date)
                w.line(6, '<VersionDetail DetailTypeID="1430" />')
            for depth, text in body or ():
                w.line(depth, text)
            w.line(5, "</FeatureVersion>")
            w.line(
                5, f'<IdentityReference IdentityID="{identity}" IdentityFeatureLinkTypeID="1" />'
            )
            w.line(4, "</Feature>")

        def text(value: str) -> Iterator[tuple[int, str]]:
            yield 6, f'<VersionDetail DetailTypeID="1432">{value}</VersionDetail>'

        def lookup(label: str) -> Iterator[tuple[int, str]]:
            yield 6, f'<VersionDetail DetailTypeID="1431" DetailReferenceID="{DETAILS[label]}" />'

        def located(location: int) -> Iterator[tuple[int, str]]:
            yield 6, f'<VersionLocation LocationID="{location}" />'

        country = rng.choice(COUNTRIES)[0]
        if kind == "individual":
            for _ in range(rng.choice((1, 1, 1, 2))):
                year = rng.randint(1940, 1995)
                if rng.random() < 0.5:
                    feature("Birthdate", date=((year, 1, 1), (year, 12, 31)))
                else:
                    month, day = rng.randint(1, 12), rng.randint(1, 28)
                    feature("Birthdate", date=((year, month, day), (year, month, day)))
            feature(
                "Place of Birth", text(f"{self.word().capitalize()}, {rng.choice(COUNTRIES)[2]}")
            )
            feature("Nationality Country", located(self.location(country)))
            feature("Gender", lookup(rng.choice(("Male", "Female"))))
            if rng.random() < 0.2:
                feature("Title", text(f"Director of {self.word().capitalize()}"))
        elif kind == "entity":
            if rng.random() < 0.4:
                feature("Website", text(f"www.{self.word()}.example"))
            if rng.random() < 0.2:
                feature("Email Address", text(f"info@{self.word()}.example"))
            if rng.random() < 0.05:
                address = "bc1q" + "".join(
                    rng.choice("023456789acdefghjklmnpqrstuvwxyz") for _ in range(38)
                )
                feature("Digital Currency Address - XBT", text(address))
            if rng.random() < 0.1:
                feature(
                    "Secondary sanctions risk:",
                    text("Ukraine-/Russia-Related Sanctions Regulations"),
                )
            if rng.random() < 0.1:
                feature("SWIFT/BIC", text(self.word(2, 2).upper()[:4] + "RUMM"))
        elif kind == "vessel":
            feature("Vessel Call Sign", text(self.word(1, 1).upper() + str(rng.randint(100, 999))))
            feature(
                "VESSEL TYPE",
                lookup(rng.choice(("Bulk Carrier", "Container Ship", "Crude Oil Tanker"))),
            )
            feature("Vessel Flag", text(rng.choice(COUNTRIES)[2]))
            feature("Vessel Tonnage", text(str(rng.randint(1000, 90000))))
            feature("Vessel Gross Registered Tonnage", text(str(rng.randint(1000, 90000))))
        else:
            feature("Aircraft Model", text(f"A{rng.randint(300, 380)}-{rng.randint(100, 900)}"))
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            feature("Location", located(self.location(rng.choice(COUNTRIES)[0])))
        w.line(3, "</Profile>")
        w.line(2, "</DistinctParty>")

        doc_types = {
            "individual": ["Passport", "National ID No.", "Identification Number"],
            "entity": ["Tax ID No.", "Registration ID"],
            "vessel": ["Vessel Registration Identification", "MMSI"],
            "aircraft": ["Identification Number"],
        }[kind]
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            doc_type = rng.choice(doc_types)
            docs.line(
                2,
                f'<IDRegDocument ID="{self.new_id()}" IDRegDocTypeID="{ID_TYPES[doc_type]}" IdentityID="{identity}" IssuedBy-CountryID="{country}" ValidityID="1">',
            )
            docs.line(3, "<Comment />")
            docs.line(3, f"<IDRegistrationNo>{rng.randint(10**6, 10**10)}</IDRegistrationNo>")
            docs.line(3, "<IssuingAuthority />")
            if doc_type == "Passport":
                year, month, day = rng.randint(2000, 2020), rng.randint(1, 12), rng.randint(1, 28)
                docs.line(3, '<DocumentDate IDRegDocDateTypeID="1480">')
                docs.date_period(4, (year, month, day), (year, month, day))
                docs.line(3, "</DocumentDate>")
            docs.line(3, f'<DocumentedNameReference DocumentedNameID="{first_name_id}" />')
            docs.line(2, "</IDRegDocument>")
        if owners and (kind == "vessel" or rng.random() < 0.2):
            relation = (
                "Owned or Controlled By"
                if kind in ("vessel", "entity")
                else rng.choice(
                    ("Associate Of", "Leader or official of", "Acting for or on behalf of")
                )
            )
            rels.line(
                2,
                f'<ProfileRelationship ID="{self.new_id()}" From-ProfileID="{uid}" To-ProfileID="{rng.choice(owners)}" RelationTypeID="{RELATIONS[relation]}" RelationQualityID="1" Former="false" SanctionsEntryID="{uid}">',
            )
            rels.line(3, "<Comment />")
            rels.line(2, "</ProfileRelationship>")
        return w.lines, docs.lines, rels.lines


def reference_values() -> list[str]:
    w = Writer()
    sets: list[tuple[str, list[tuple[str, str]]]] = [
        ("AliasType", [('ID="1400"', "A.K.A."), ('ID="1401"', "F.K.A."), ('ID="1402"', "N.K.A."), ('ID="1403"', "Name")]),
        ("AreaCode", [(f'ID="{i}" CountryID="{i}" Description="{n}" AreaCodeTypeID="1"', iso) for i, iso, n in COUNTRIES]),
        ("AreaCodeType", [('ID="1"', "ISO 3166 (2)")]),
        ("CalendarType", [('ID="1"', "Gregorian")]),
        ("Country", [(f'ID="{i}" ISO2="{iso}"', n) for i, iso, n in COUNTRIES]),
        ("CountryRelevance", [('ID="1413"', "PRIMARY")]),
        ("DecisionMakingBody", [('ID="1" OrganisationID="1"', "United States Treasury Department")]),
        ("DetailReference", [(f'ID="{i}"', label) for label, i in DETAILS.items()]),
        ("DetailType", [('ID="1430"', "DATE"), ('ID="1431"', "LOOKUP"), ('ID="1432"', "TEXT"), ('ID="1433"', "COUNTRY"), ('ID="1434"', "LOCATION")]),
        ("DocNameStatus", [('ID="1"', "Primary Latin"), ('ID="2"', "Others")]),
        ("EntryEventType", [('ID="1"', "Created")]),
        ("EntryLinkType", []),
        ("ExRefType", []),
        ("FeatureType", [(f'ID="{i}" FeatureTypeGroupID="1"', label) for label, i in FEATURES.items()]),
        ("FeatureTypeGroup", [('ID="1"', "Unknown")]),
        ("IDRegDocDateType", [('ID="1480"', "Issue Date"), ('ID="1481"', "Expiration Date")]),
        ("IDRegDocType", [(f'ID="{i}"', label) for label, i in ID_TYPES.items()]),
        ("IdentityFeatureLinkType", [('ID="1"', "Unknown")]),
        ("LegalBasis", [('ID="1" LegalBasisShortRef="Unknown" LegalBasisTypeID="1" SanctionsProgramID="1"', "Unknown")]),
        ("LegalBasisType", [('ID="1"', "Unknown")]),
        ("List", [('ID="1550"', "SDN List")]),
        ("LocPartType", [('ID="1"', "Unknown"), ('ID="1451"', "ADDRESS1"), ('ID="1454"', "CITY"), ('ID="1456"', "POSTAL CODE")]),
        ("LocPartValueStatus", [('ID="1"', "Main")]),
        ("LocPartValueType", [('ID="1"', "Unknown")]),
        ("NamePartType", [(f'ID="{i}"', label) for label, i in NAME_PARTS.items()]),
        ("Organisation", [('ID="1" CountryID="11212"', "State")]),
        ("PartySubType", [('ID="1" PartyTypeID="4"', "Vessel"), ('ID="2" PartyTypeID="4"', "Aircraft"), ('ID="3" PartyTypeID="2"', "Unknown"), ('ID="4" PartyTypeID="1"', "Unknown")]),
        ("PartyType", [('ID="1"', "Individual"), ('ID="2"', "Entity"), ('ID="4"', "Transport")]),
        ("RelationQuality", [('ID="1"', "Unknown")]),
        ("RelationType", [(f'ID="{i}" Symmetrical="false"', label) for label, i in RELATIONS.items()]),
        ("Reliability", [('ID="1"', "Unknown")]),
        ("SanctionsProgram", [('ID="1" SubsidiaryBodyID="1"', "Unknown")]),
        ("SanctionsType", [('ID="1"', "Program"), ('ID="1705"', "Block")]),
        ("Script", [(f'ID="{i}" ScriptCode="{code}"', label) for i, code, label in SCRIPTS]),
        ("ScriptStatus", [('ID="1"', "Unknown")]),
        ("SubsidiaryBody", [('ID="1" Notional="false" DecisionMakingBodyID="1"', "Office of Foreign Assets Control")]),
        ("SupInfoType", []),
        ("TargetType", []),
        ("Validity", [('ID="1"', "Valid")]),
    ]  # fmt: skip
    w.line(1, "<ReferenceValueSets>")
    for name, values in sets:
        if not values:
            w.line(2, f"<{name}Values />")
            continue
        w.line(2, f"<{name}Values>")
        for attrs, label in values:
            w.line(3, f"<{name} {attrs}>{label}</{name}>")
        w.line(2, f"</{name}Values>")
    w.line(1, "</ReferenceValueSets>")
    return w.lines


def generate(out: Path, *, parties: int = DEFAULT_PARTIES, seed: int = SEED) -> Path:
    """Write the synthetic file to ``out`` and return it."""
    rng = random.Random(seed)
    gen = Generator(rng, parties)
    kinds = rng.choices(("individual", "entity", "vessel", "aircraft"), (50, 40, 7, 3), k=parties)
    uids = [10_000 + 3 * i for i in range(parties)]
    entity_uids: list[int] = []
    party_lines: list[str] = []
    doc_lines: list[str] = []
    rel_lines: list[str] = []
    for uid, kind in zip(uids, kinds, strict=True):
        lines, docs, rels = gen.party(uid, kind, entity_uids)
        party_lines += lines
        doc_lines += docs
        rel_lines += rels
        if kind == "entity":
            entity_uids.append(uid)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as f:
        head = [
            '<?xml version="1.0" encoding="utf-8"?>',
            "<!-- SYNTHETIC test data written by benchmarks/gen_advanced_xml.py; not OFAC data. -->",
            f'<Sanctions xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">',
            '  <DateOfIssue CalendarTypeID="1">',
            "    <Year>2024</Year>",
            "    <Month>3</Month>",
            "    <Day>6</Day>",
            "  </DateOfIssue>",
        ]
        f.write("\n".join(head + reference_values()) + "\n")
        f.write("  <Locations>\n")
        for loc, street, city, postal, country in gen.locations:
            f.write(
                f'    <Location ID="{loc}">\n      <LocationAreaCode AreaCodeID="{country}" />\n'
                f'      <LocationCountry CountryID="{country}" CountryRelevanceID="1413" />\n'
            )
            for part_type, value in ((1451, street), (1454, city), (1456, postal)):
                f.write(
                    f'      <LocationPart LocPartTypeID="{part_type}">\n'
                    '        <LocationPartValue Primary="true" LocPartValueTypeID="1" LocPartValueStatusID="1">\n'
                    f"          <Comment />\n          <Value>{value}</Value>\n"
                    "        </LocationPartValue>\n      </LocationPart>\n"
                )
            f.write("    </Location>\n")
        f.write("  </Locations>\n  <IDRegDocuments>\n")
        f.write("\n".join(doc_lines) + "\n  </IDRegDocuments>\n  <DistinctParties>\n")
        f.write("\n".join(party_lines) + "\n  </DistinctParties>\n  <ProfileRelationships>\n")
        f.write("\n".join(rel_lines) + "\n  </ProfileRelationships>\n  <SanctionsEntries>\n")
        for uid in uids:
            year, month, day = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
            f.write(
                f'    <SanctionsEntry ID="{uid}" ProfileID="{uid}" ListID="1550">\n'
                f'      <EntryEvent ID="{uid}" EntryEventTypeID="1" LegalBasisID="1">\n'
                f'        <Comment />\n        <Date CalendarTypeID="1">\n'
                f"          <Year>{year}</Year>\n          <Month>{month}</Month>\n"
                f"          <Day>{day}</Day>\n        </Date>\n      </EntryEvent>\n"
                f'      <SanctionsMeasure ID="{gen.new_id()}" SanctionsTypeID="1705">\n'
                '        <DatePeriod CalendarTypeID="1" YearFixed="true" MonthFixed="true" DayFixed="true" />\n'
                "      </SanctionsMeasure>\n"
            )
            for program in rng.sample(PROGRAMS, rng.choice((1, 1, 1, 2, 3))):
                f.write(
                    f'      <SanctionsMeasure ID="{gen.new_id()}" SanctionsTypeID="1">\n'
                    f"        <Comment>{program}</Comment>\n"
                    '        <DatePeriod CalendarTypeID="1" YearFixed="true" MonthFixed="true" DayFixed="true" />\n'
                    "      </SanctionsMeasure>\n"
                )
            f.write("    </SanctionsEntry>\n")
        f.write("  </SanctionsEntries>\n  <SanctionsEntryLinks />\n</Sanctions>\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--parties", type=int, default=DEFAULT_PARTIES)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    path = generate(args.out, parties=args.parties, seed=args.seed)
    print(f"{path}: {path.stat().st_size:,} bytes, {args.parties:,} parties, seed {args.seed}")


if __name__ == "__main__":
    main()
