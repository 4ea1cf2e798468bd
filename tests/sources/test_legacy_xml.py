"""OFAC legacy XML (SDN.XML / CONSOLIDATED.XML): the real 2018 file and small hostile ones."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from conftest import shared_data
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from screening.errors import ListFormatError
from screening.models import EntryKind, IdScheme, NameStrength, NameType, Watchlist
from screening.sources import legacy_csv, legacy_xml, load_lists, sniff_format

# --- real data ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cons_2018() -> Watchlist:
    return legacy_xml.load(shared_data("ofac", "consolidated_xml_2018-05", "consolidated.xml"))


@pytest.mark.realdata
def test_consolidated_2018(cons_2018: Watchlist) -> None:
    p = cons_2018.provenance
    assert (p.source, p.format, p.publish_date) == (
        "CONSOLIDATED",
        "ofac-legacy-xml",
        date(2018, 4, 6),
    )
    assert p.stated_record_count == 639 == len(cons_2018)
    assert p.notes == ()
    assert p.sha256 == "03ff290ee1a079a19676ee3841b1b22511f246f577d9bd707167d283a7df4c0d"
    aliases = Counter((n.strength, n.type) for e in cons_2018 for n in e.names[1:])
    assert aliases == {
        (NameStrength.STRONG, NameType.AKA): 1_024,
        (NameStrength.STRONG, NameType.FKA): 185,
        (NameStrength.WEAK, NameType.AKA): 45,
        (NameStrength.WEAK, NameType.FKA): 1,
    }  # 1,209 strong and 46 weak of the file's 1,255 <aka>
    assert Counter(e.kind for e in cons_2018) == {
        EntryKind.ENTITY: 471,
        EntryKind.INDIVIDUAL: 94,
        EntryKind.VESSEL: 74,
    }


@pytest.mark.realdata
def test_consolidated_2018_entries(cons_2018: Watchlist) -> None:
    haniya = cons_2018["9639"]
    assert haniya.primary_name.full == "HANIYA, Ismail Abdul Salah"
    assert [(p.role.value, p.value) for p in haniya.primary_name.parts] == [
        ("last", "HANIYA"),
        ("first", "Ismail Abdul Salah"),
    ]
    assert [str(d.start) for d in haniya.dates_of_birth] == ["1962"]
    assert haniya.places_of_birth == ("Shati",) and haniya.programs == ("NS-PLC",)
    markazi = cons_2018["4632"]
    assert markazi.properties[0] == (
        "Additional Sanctions Information",
        "Not on the SDN List and Not Subject to Secondary Sanctions; U.S. Persons Must Continue "
        "to Block the Property and Interests in Property of this Person Pursuant to Executive "
        "Order 13599",
    )
    assert [(a.street, a.city, a.postal_code) for a in markazi.addresses] == [
        ("PO Box 15875/7177, 144 Mirdamad Blvd", "Tehran", None),
        ("213 Ferdowsi Avenue", "Tehran", "11365"),
    ]
    registration = next(i for e in cons_2018 for i in e.identifiers if i.issue_date == "1991-07-10")
    assert (registration.type, registration.value, registration.country) == (
        "Registration ID",
        "86936",
        "Iran",
    )
    linked = Counter(r.name for e in cons_2018 for r in e.relations)
    assert linked["NATIONAL IRANIAN TANKER COMPANY"] >= 63  # "(Linked To: ...)" in <remarks>


@pytest.mark.realdata
def test_csv_and_xml_of_one_download_agree(cons_2018: Watchlist) -> None:
    csv_list = legacy_csv.load(shared_data("ofac", "consolidated_xml_2018-05", "cons_prim.csv"))
    assert [e.uid for e in csv_list] == [e.uid for e in cons_2018]
    for xml_entry in cons_2018:
        csv_entry = csv_list[xml_entry.uid]
        assert xml_entry.primary_name == csv_entry.primary_name  # full name and parts
        assert xml_entry.kind is csv_entry.kind
        assert set(xml_entry.programs) == set(csv_entry.programs)
        assert xml_entry.dates_of_birth == csv_entry.dates_of_birth
        assert xml_entry.places_of_birth == csv_entry.places_of_birth
        assert xml_entry.nationalities == csv_entry.nationalities
        assert xml_entry.relations == csv_entry.relations
        if xml_entry.uid != "22391":  # the CSV writes its '"DRUZHBA"' with single quotes
            assert Counter(xml_entry.names) == Counter(csv_entry.names)
    xml_ids = Counter((e.uid, i.type, i.value) for e in cons_2018 for i in e.identifiers)
    csv_ids = Counter((e.uid, i.type, i.value) for e in csv_list for i in e.identifiers)
    # SDN.XML entry 17064 writes "33556474 (Russia)" as the number; the CSV remark has the same
    # text, which the CSV parser reads as number and country.
    assert sum((xml_ids - csv_ids).values()) == 2 and sum(xml_ids.values()) == 787


@pytest.mark.realdata
def test_directory_with_both_formats() -> None:
    directory = shared_data("ofac", "consolidated_xml_2018-05")
    lists = load_lists(directory)
    assert sorted(wl.provenance.format for wl in lists) == ["ofac-legacy-csv", "ofac-legacy-xml"]
    assert sniff_format(directory) is None  # two formats: no single answer
    assert sniff_format(directory / "consolidated.xml") == "ofac-legacy-xml"


# --- small files written here ----------------------------------------------------------------

NEW_NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"
ENTRIES = """
  <sdnEntry>
    <uid>29220</uid><firstName>Quanguo</firstName><lastName>CHEN</lastName>
    <sdnType>Individual</sdnType>
    <programList><program>GLOMAG</program></programList>
    <idList><id><uid>1</uid><idType>Gender</idType><idNumber>Male</idNumber></id></idList>
    <addressList><address><uid>44204</uid><city>Xinjiang</city><country>China</country>
    </address></addressList>
    <dateOfBirthList><dateOfBirthItem><uid>2</uid><dateOfBirth>1955</dateOfBirth>
    <mainEntry>true</mainEntry></dateOfBirthItem></dateOfBirthList>
    <placeOfBirthList><placeOfBirthItem><uid>3</uid>
    <placeOfBirth>Pingyu, Henan, China</placeOfBirth><mainEntry>true</mainEntry>
    </placeOfBirthItem></placeOfBirthList>
  </sdnEntry>
  <sdnEntry>
    <uid>29159</uid><lastName>XINJIANG PUBLIC SECURITY BUREAU</lastName><sdnType>Entity</sdnType>
    <programList><program>GLOMAG</program></programList>
    <akaList><aka><uid>45859</uid><type>a.k.a.</type><category>strong</category>
    <lastName>XINJIANG BUREAU OF PUBLIC SECURITY</lastName></aka></akaList>
  </sdnEntry>
  <sdnEntry>
    <uid>4243</uid><lastName>EBANO</lastName><sdnType>Vessel</sdnType>
    <remarks>(Linked To: EMPRESA DE NAVEGACION CARIBE)</remarks>
    <programList><program>CUBA</program></programList>
    <idList><id><uid>4</uid><idType>Vessel Registration Identification</idType>
    <idNumber>IMO 7406784</idNumber></id></idList>
    <akaList><aka><uid>5</uid><type>f.k.a.</type><category>weak</category>
    <lastName>ANA I</lastName></aka></akaList>
    <vesselInfo><vesselType>General Cargo</vesselType><vesselFlag>Panama</vesselFlag>
    <tonnage>2595</tonnage><grossRegisteredTonnage>1865</grossRegisteredTonnage></vesselInfo>
  </sdnEntry>
"""


def _xml(namespace: str | None = NEW_NS, count: str = "3", entries: str = ENTRIES) -> bytes:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    return (
        '<?xml version="1.0" standalone="yes"?>\n'
        f'<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"{xmlns}>\n'
        "  <publshInformation><Publish_Date>06/27/2024</Publish_Date>"
        f"<Record_Count>{count}</Record_Count></publshInformation>{entries}</sdnList>\n"
    ).encode()


def _write(tmp_path: Path, data: bytes, name: str = "SDN.XML") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "namespace", [NEW_NS, "http://tempuri.org/sdnList.xsd", None], ids=["2024", "2018", "none"]
)
def test_small_file_in_every_namespace(tmp_path: Path, namespace: str | None) -> None:
    wl = legacy_xml.load(_write(tmp_path, _xml(namespace)))
    assert wl.provenance.source == "SDN" and wl.provenance.publish_date == date(2024, 6, 27)
    chen = wl["29220"]
    assert chen.primary_name.full == "CHEN, Quanguo" and chen.gender == "Male"
    assert [str(d.start) for d in chen.dates_of_birth] == ["1955"]
    assert chen.places_of_birth == ("Pingyu, Henan, China",)
    assert [n.full for n in wl["29159"].names] == [
        "XINJIANG PUBLIC SECURITY BUREAU",
        "XINJIANG BUREAU OF PUBLIC SECURITY",
    ]
    ebano = wl["4243"]
    assert ebano.kind is EntryKind.VESSEL and ebano.identifiers[0].scheme is IdScheme.IMO
    assert (ebano.names[1].type, ebano.names[1].strength) == (NameType.FKA, NameStrength.WEAK)
    assert ebano.relations[0].name == "EMPRESA DE NAVEGACION CARIBE"
    assert ebano.vessel is not None and ebano.vessel.gross_registered_tonnage == "1865"
    assert legacy_xml.sniff(tmp_path / "SDN.XML")


def test_consolidated_by_file_name(tmp_path: Path) -> None:
    wl = legacy_xml.load(_write(tmp_path, _xml(), "CONSOLIDATED.XML"))
    assert wl.provenance.source == "CONSOLIDATED" and wl["29220"].list_names == ()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE sdnList [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<sdnList><publshInformation><Record_Count>1</Record_Count></publshInformation>
<sdnEntry><uid>1</uid><lastName>&d;</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE sdnList [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sdnList><publshInformation><Record_Count>1</Record_Count></publshInformation>
<sdnEntry><uid>1</uid><lastName>&xxe;</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_entity_expansion_and_external_entities_are_refused(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, data)
    assert legacy_xml.sniff(path)  # it looks like a list, and is still refused
    with pytest.raises(ListFormatError) as info:
        legacy_xml.load(path)
    assert (info.value.path, info.value.where) == (str(path), 2)
    assert "refused" in info.value.reason and "never expands or fetches" in info.value.reason


@pytest.mark.parametrize(
    ("data", "where", "reason"),
    [
        (_xml(count="4"), "publshInformation/Record_Count", "states 4 entries but the file has 3"),
        (_xml(count="three"), "publshInformation/Record_Count", "'three' is not a number"),
        (
            _xml().replace(b"06/27/2024", b"2024-06-27"),
            "publshInformation/Publish_Date",
            "not a MM/DD/YYYY date",
        ),
        (
            _xml().replace(b"<dateOfBirth>1955", b"<dateOfBirth>31 Feb 1955"),
            "sdnEntry[uid='29220']/dateOfBirthList",
            "impossible date",
        ),
        (_xml().replace(b"<uid>29159", b"<uid>29220"), "sdnEntry[uid='29220']", "a second entry"),
        (_xml().replace(b"<uid>29159", b"<uid>X"), "sdnEntry[2]/uid", "uid 'X' is not a number"),
        (_xml().replace(b"<uid>29159", "<uid>²".encode()), "sdnEntry[2]/uid", "'²' is not a"),
        (
            _xml().replace(b"<lastName>EBANO</lastName>", b""),
            "sdnEntry[uid='4243']",
            "full: String should have at least 1 character",
        ),
        (_xml().replace(b"sdnList", b"otherList"), "otherList", "not sdnList"),
        (_xml(entries="", count="0"), "sdnList", "no sdnEntry"),
    ],
    ids=[
        "count-mismatch",
        "count-not-number",
        "publish-date",
        "bad-dob",
        "duplicate-uid",
        "bad-uid",
        "superscript-uid",
        "no-name",
        "wrong-root",
        "empty",
    ],
)
def test_malformed_file(tmp_path: Path, data: bytes, where: str, reason: str) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(ListFormatError) as info:
        legacy_xml.load(path)
    assert (info.value.path, info.value.where) == (str(path), where)
    assert reason in info.value.reason


def test_truncated_file_names_the_line(tmp_path: Path) -> None:
    data = _xml()
    path = _write(tmp_path, data[: data.index(b"<uid>4243")])
    with pytest.raises(ListFormatError) as info:
        legacy_xml.load(path)
    assert info.value.where == data[: data.index(b"<uid>4243")].count(b"\n") + 1
    assert "not well-formed" in info.value.reason


def test_unknown_codes_are_logged_and_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = _xml().replace(b"<sdnType>Vessel", b"<listingRef>X-1</listingRef><sdnType>Submarine")
    with caplog.at_level(logging.WARNING):
        wl = legacy_xml.load(_write(tmp_path, data))
    assert wl["4243"].kind is EntryKind.ENTITY
    assert wl["4243"].properties[:2] == (("sdnType", "Submarine"), ("listingRef", "X-1"))
    assert "unknown sdnType 'Submarine'" in caplog.text and "'listingRef'" in caplog.text


def test_missing_record_count_is_noted(tmp_path: Path) -> None:
    data = _xml().replace(b"<Record_Count>3</Record_Count>", b"")
    wl = legacy_xml.load(_write(tmp_path, data))
    assert wl.provenance.notes == (
        "SDN.XML states no Record_Count, so completeness could not be checked",
    )


def test_sniff_reads_the_root_only(tmp_path: Path) -> None:
    assert legacy_xml.sniff(
        _write(tmp_path, b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c -->\n<sdnList/>')
    )
    assert not legacy_xml.sniff(_write(tmp_path, b'<?xml version="1.0"?><Sanctions/>', "a.xml"))
    assert not legacy_xml.sniff(_write(tmp_path, b'36,"AEROCARIBBEAN AIRLINES"', "sdn.csv"))
    assert not legacy_xml.sniff(tmp_path)
    assert not legacy_xml.sniff(tmp_path / "missing.xml")


# --- properties ---------------------------------------------------------------------------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(min_value=0, max_value=len(_xml())),
    length=st.integers(min_value=0, max_value=20),
    insert=st.binary(max_size=8) | st.sampled_from([b"<", b"&", b"&amp;", b"</sdnEntry>", b"]]>"]),
)
def test_mangled_xml_raises_only_list_format_error(
    tmp_path_factory: pytest.TempPathFactory, cut: int, length: int, insert: bytes
) -> None:
    data = _xml()
    path = _write(tmp_path_factory.mktemp("xml"), data[:cut] + insert + data[cut + length :])
    try:
        wl = legacy_xml.load(path)
    except ListFormatError as exc:
        event(f"ListFormatError: {exc.reason.split(':')[0][:30]}")
        assert exc.path == str(path)
        return
    event("loaded")
    assert len(wl) == 3  # Record_Count holds it to the three entries
