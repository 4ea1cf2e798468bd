"""UK Sanctions List (FCDO) XML: a fixture written to the structure documented in
screening/sources/uk_xml.py, and its broken and hostile variants."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mangled import ODD_VALUES, loads_or_refuses

from screening.errors import ListFormatError
from screening.models import EntryKind, IdScheme, NamePartRole, NameStrength, NameType, Watchlist
from screening.sources import load_list, sniff_format, uk_xml

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "uk_sanctions_list_sample.xml"


@pytest.fixture(scope="module")
def uk() -> Watchlist:
    return uk_xml.load(FIXTURE)


def _write(tmp_path: Path, data: bytes, name: str = "UK-Sanctions-List.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _variant(*replacements: tuple[str, str]) -> bytes:
    data = FIXTURE.read_bytes()
    for old, new in replacements:
        assert old.encode() in data, old
        data = data.replace(old.encode(), new.encode(), 1)
    return data


def test_provenance_and_dispatch(uk: Watchlist) -> None:
    p = uk.provenance
    assert (p.source, p.format, p.publish_date, p.stated_record_count, p.notes) == (
        "UK",
        "uk-sanctions-list-xml",
        date(2026, 3, 2),
        None,
        (),
    )
    assert [(e.uid, e.kind) for e in uk] == [
        ("AFG0001", EntryKind.ENTITY),
        ("AFG0006", EntryKind.INDIVIDUAL),
        ("DPR0075", EntryKind.VESSEL),
        ("RUS0251", EntryKind.INDIVIDUAL),
    ]
    assert sniff_format(FIXTURE) == "uk-sanctions-list-xml"
    assert load_list(FIXTURE).provenance.source == "UK"


def test_names_types_and_strengths(uk: Watchlist) -> None:
    akhund = uk["AFG0006"]  # the primary name is written second: it is moved first
    assert [(n.full, n.type, n.strength, n.script) for n in akhund.names] == [
        ("MOHAMMAD HASSAN AKHUND", NameType.PRIMARY, NameStrength.STRONG, "Latn"),
        ("Haji Mohammad Hassan", NameType.AKA, NameStrength.STRONG, "Latn"),
        ("Mohammad Hassan Akhund", NameType.PRIMARY, NameStrength.STRONG, "Latn"),
        ("محمد حسن آخوند", NameType.AKA, NameStrength.STRONG, "Arab"),
    ]
    assert [(p.value, p.role) for p in akhund.primary_name.parts] == [
        ("MOHAMMAD", NamePartRole.FIRST),
        ("HASSAN", NamePartRole.OTHER),
        ("AKHUND", NamePartRole.LAST),
    ]
    assert akhund.names[1].parts[0].role is NamePartRole.OTHER  # a lone Name6
    exchange = uk["AFG0001"]
    assert [(n.full, n.strength) for n in exchange.names[1:3]] == [
        ("Haji Alim Hawala", NameStrength.STRONG),
        ("Haji Hakim Hawala", NameStrength.WEAK),  # "Low quality a.k.a"
    ]
    assert exchange.primary_name.parts[0].role is NamePartRole.ENTITY
    assert ("Non-Latin script language", "حاجی خيرالله و حاجی ستار صرافی: Persian") in (
        exchange.properties
    )
    assert uk["DPR0075"].primary_name.parts[0].role is NamePartRole.VESSEL
    assert [n.script for n in uk["RUS0251"].names] == ["Latn", "Cyrl"]


def test_individual_details(uk: Watchlist) -> None:
    akhund = uk["AFG0006"]
    assert [(d.text, str(d.start)) for d in akhund.dates_of_birth] == [
        ("dd/mm/1945", "1945"),
        ("00/00/1946", "1946"),
        ("dd/03/1958", "1958-03"),
    ]
    assert akhund.designation_date == date(2001, 1, 25)
    assert akhund.title == "Mullah; Haji" and akhund.gender == "Male"
    assert akhund.nationalities == ("Afghanistan",)
    assert akhund.places_of_birth == ("Khas Uruzgan District, Afghanistan",)
    assert [(i.scheme, i.value, i.note) for i in akhund.identifiers] == [
        (IdScheme.PASSPORT, "OR 1961825", "Afghanistan passport, expired"),
        (IdScheme.NATIONAL_ID, "", "Tazkira number not given"),
    ]
    assert akhund.programs == ("The Afghanistan (Sanctions) (EU Exit) Regulations 2020",)
    for fact in (
        ("OFSI group ID", "7172"),
        ("UN reference number", "TAi.002"),
        ("Sanctions imposed", "Asset freeze"),
        ("Sanctions imposed", "Travel Ban"),
        ("Position", "Deputy Minister of Civil Aviation under the Taliban regime"),
        ("Last updated", "14/01/2026"),
    ):
        assert fact in akhund.properties
    assert akhund.remarks == "A close associate of Mullah Mohammed Omar (TAi.004)."
    assert "UK statement of reasons" not in dict(uk["AFG0001"].properties)  # only a newline


def test_entity_and_ship_details(uk: Watchlist) -> None:
    exchange = uk["AFG0001"]
    assert [(a.street, a.country) for a in exchange.addresses] == [
        ("Ansari Market, 2nd Floor, Nimroz Province", "Afghanistan"),
        ("Branch Office 14, Dubai", "United Arab Emirates"),
    ]
    assert [(i.scheme, i.value) for i in exchange.identifiers] == [(IdScheme.REGISTRATION, "044")]
    assert [(r.type, r.name) for r in exchange.relations] == [
        ("Subsidiary", "Haji Khairullah Haji Sattar Money Exchange, Branch Office 14")
    ]
    assert ("Phone", "+93-202-104748") in exchange.properties
    ship = uk["DPR0075"]
    assert ship.vessel is not None
    assert (ship.vessel.flag, ship.vessel.vessel_type, ship.vessel.tonnage, ship.vessel.owner) == (
        "Comoros",
        "Bulk carrier",
        "7078",
        "Global United Shipping India",
    )
    assert [(i.scheme, i.value) for i in ship.identifiers] == [(IdScheme.IMO, "9562233")]
    assert ("Previous flag", "India") in ship.properties


def test_flat_non_latin_names_are_read_too(tmp_path: Path) -> None:
    data = _variant(
        ("<NonLatinName>\n        <NameNonLatinScript>Владимир", "<NameNonLatinScript>Владимир"),
        (
            "Russian</NonLatinScriptLanguage>\n      </NonLatinName>",
            "Russian</NonLatinScriptLanguage>",
        ),
    )
    putin = uk_xml.load(_write(tmp_path, data))["RUS0251"]
    assert [n.full for n in putin.names] == [
        "Vladimir Vladimirovich PUTIN",
        "Владимир Владимирович ПУТИН",
    ]
    assert ("Non-Latin script type", "Владимир Владимирович ПУТИН: Cyrillic") in putin.properties


def test_unknown_codes_and_elements_are_logged_and_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = _variant(
        (
            "<AliasStrength>Good quality a.k.a</AliasStrength>",
            "<AliasStrength>Fair</AliasStrength>",
        ),
        ("<NameType>Primary name</NameType>", "<NameType>Call sign</NameType>"),
        (
            "<IndividualEntityShip>Ship</IndividualEntityShip>",
            "<IndividualEntityShip>Aircraft</IndividualEntityShip>",
        ),
        (
            "<YearBuilt>2011</YearBuilt>",
            '<YearBuilt>2011</YearBuilt><HullColour>red</HullColour><Crew size="21"/>',
        ),
        ("<DOB>dd/mm/1945</DOB>", "<DOB>15/08/19yy</DOB>"),
    )
    with caplog.at_level(logging.WARNING, logger="screening.sources"):
        wl = uk_xml.load(_write(tmp_path, data))
    alim = wl["AFG0001"].names[1]
    assert (alim.full, alim.strength) == ("Haji Alim Hawala", NameStrength.STRONG)
    assert ("AliasStrength", "Haji Alim Hawala: Fair") in wl["AFG0001"].properties
    ship = wl["DPR0075"]
    assert ship.kind is EntryKind.ENTITY
    assert ("IndividualEntityShip", "Aircraft") in ship.properties
    assert ("NameType", "PETREL 8: Call sign") in ship.properties
    assert ("HullColour", "red") in ship.properties and ("Crew", "size=21") in ship.properties
    assert ship.primary_name.full == "PETREL 8"  # no primary: the first name stays first
    assert ("Date of birth", "15/08/19yy") in wl["AFG0006"].properties
    for expected in ("'Fair'", "'Call sign'", "'Aircraft'", "HullColour", "'15/08/19yy'"):
        assert expected in caplog.text


def test_missing_date_generated_is_noted(tmp_path: Path) -> None:
    wl = uk_xml.load(_write(tmp_path, _variant(("<DateGenerated>02/03/2026</DateGenerated>", ""))))
    assert wl.provenance.publish_date is None
    assert wl.provenance.notes == (
        "UK-Sanctions-List.xml has no DateGenerated, so its age could not be checked",
    )


def test_sniff(tmp_path: Path) -> None:
    assert uk_xml.sniff(FIXTURE)
    assert not uk_xml.sniff(_write(tmp_path, b'<Designations xmlns="urn:x"/>', "ns.xml"))
    assert not uk_xml.sniff(_write(tmp_path, b"<ArrayOfFinancialSanctionsTarget/>", "ofsi.xml"))
    assert not uk_xml.sniff(tmp_path) and not uk_xml.sniff(tmp_path / "missing.xml")


AFG0006 = "Designation[UniqueID='AFG0006']"
MALFORMED = {
    "no-unique-id": ([("<UniqueID>AFG0006</UniqueID>", "")], "Designation[2]", "no UniqueID"),
    "duplicate-unique-id": (
        [("<UniqueID>AFG0006", "<UniqueID>AFG0001")],
        "Designation[UniqueID='AFG0001']",
        "a second Designation with UniqueID 'AFG0001'",
    ),
    "no-kind": (
        [("<IndividualEntityShip>Individual</IndividualEntityShip>", "")],
        AFG0006,
        "no IndividualEntityShip",
    ),
    "date-designated": (
        [("<DateDesignated>25/01/2001", "<DateDesignated>2001-01-25")],
        f"{AFG0006}/DateDesignated[1]",
        "'2001-01-25' is not a dd/mm/yyyy date",
    ),
    "impossible-date-designated": (
        [("<DateDesignated>25/01/2001", "<DateDesignated>31/02/2001")],
        f"{AFG0006}/DateDesignated[1]",
        "'31/02/2001' is not a calendar date",
    ),
    "date-generated": (
        [("<DateGenerated>02/03/2026", "<DateGenerated>March 2026")],
        "Designations/DateGenerated",
        "'March 2026' is not a dd/mm/yyyy date",
    ),
    "no-name": (
        [
            ("<Name6>PETREL 8</Name6>", ""),
            ("<Name6>Jal Vahini</Name6>", ""),
        ],
        "Designation[UniqueID='DPR0075']",
        "no name",
    ),
    "wrong-root": (
        [("<Designations ", "<Designated "), ("</Designations>", "</Designated>")],
        "Designated",
        "the root element is not Designations",
    ),
}


@pytest.mark.parametrize(("replacements", "where", "reason"), MALFORMED.values(), ids=MALFORMED)
def test_malformed_file_names_file_and_element(
    tmp_path: Path, replacements: list[tuple[str, str]], where: str, reason: str
) -> None:
    path = _write(tmp_path, _variant(*replacements))
    with pytest.raises(ListFormatError) as info:
        uk_xml.load(path)
    assert (info.value.path, info.value.where) == (str(path), where)
    assert reason in info.value.reason


def test_empty_list_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path, b"<Designations><DateGenerated>02/03/2026</DateGenerated></Designations>"
    )
    with pytest.raises(ListFormatError, match="never empty"):
        uk_xml.load(path)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    data = _variant(
        (
            "<Designations ",
            '<!DOCTYPE Designations [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Designations ',
        ),
        ("<Name6>PETREL 8</Name6>", "<Name6>&x;</Name6>"),
    )
    path = _write(tmp_path, data)
    assert uk_xml.sniff(path)
    with pytest.raises(ListFormatError) as info:
        uk_xml.load(path)
    assert "refused" in info.value.reason and info.value.where is not None


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(min_value=0, max_value=len(FIXTURE.read_bytes())),
    length=st.integers(min_value=0, max_value=40),
    insert=st.binary(max_size=8)
    | st.sampled_from([b"<", b"&", b"&amp;", b"</Name>", b"/", b"9", b" ", b"dd"]),
)
def test_mangled_file_raises_only_list_format_error(
    tmp_path_factory: pytest.TempPathFactory, cut: int, length: int, insert: bytes
) -> None:
    data = FIXTURE.read_bytes()
    path = _write(tmp_path_factory.mktemp("uk"), data[:cut] + insert + data[cut + length :])
    loads_or_refuses(uk_xml.load, path, max_entries=4)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_value_raises_only_list_format_error(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Every leaf's text replaced, one at a time, by odd values: the value parsers (dates,
    years, ids, codes) either read it or raise ListFormatError, never anything else."""
    tree = ET.parse(FIXTURE)
    leaves = [e for e in tree.iter() if len(e) == 0]
    leaf = data.draw(st.sampled_from(leaves))
    leaf.text = data.draw(ODD_VALUES)
    path = tmp_path_factory.mktemp("uk") / "UK-Sanctions-List.xml"
    tree.write(path, encoding="utf-8")
    loads_or_refuses(uk_xml.load, path, max_entries=4)
