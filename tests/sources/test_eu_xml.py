"""EU Financial Sanctions File (XML 1.1): a fixture written to the official XSD, its broken and
hostile variants. No real FSF file is in the shared data (see ../shared/data/README.md)."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from conftest import shared_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mangled import ODD_VALUES, loads_or_refuses

from screening import Screener
from screening.errors import ListFormatError
from screening.models import EntryKind, IdScheme, NamePartRole, NameStrength, NameType, Watchlist
from screening.sources import eu_xml, load_list, sniff_format

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "eu_fsf_sample.xml"
XSD = ("eu", "EU_20171012-FULL-schema-1_1(xsd).xsd")
ZAWAHIRI = "sanctionEntity[logicalId='9000006']"


@pytest.fixture(scope="module")
def eu() -> Watchlist:
    return eu_xml.load(FIXTURE)


def _write(tmp_path: Path, data: bytes, name: str = "eu_fsf.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _variant(*replacements: tuple[str, str]) -> bytes:
    data = FIXTURE.read_bytes()
    for old, new in replacements:
        assert old.encode() in data, old
        data = data.replace(old.encode(), new.encode(), 1)
    return data


def test_fixture_is_valid_against_the_eu_xsd() -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(shared_data(*XSD))))
    assert schema.validate(etree.parse(str(FIXTURE))), schema.error_log


def test_provenance_and_dispatch(eu: Watchlist) -> None:
    p = eu.provenance
    assert (p.source, p.format, p.publish_date, p.stated_record_count) == (
        "EU",
        "eu-fsf-xml",
        date(2024, 5, 17),
        None,
    )
    assert [e.uid for e in eu] == ["1", "207", "135909", "9000006"]
    assert sniff_format(FIXTURE) == "eu-fsf-xml"
    assert load_list(FIXTURE).provenance.source == "EU"


def test_primary_name_is_the_first_strong_one_in_the_regulation_language(eu: Watchlist) -> None:
    putin = eu["135909"]
    assert [(n.full, n.type) for n in putin.names] == [
        ("Vladimir Vladimirovich PUTIN", NameType.PRIMARY),  # the second nameAlias
        ("Vladimir Vladimirovitj PUTIN", NameType.AKA),  # nameLanguage="SV"
    ]
    assert ("Name language", "Vladimir Vladimirovitj PUTIN: SV") in putin.properties
    assert ("Function", "President of the Russian Federation") in putin.properties
    assert putin.kind is EntryKind.INDIVIDUAL and putin.gender == "Male"
    assert putin.programs == ("UKR",) and putin.designation_date == date(2022, 2, 25)
    assert [str(d.start) for d in putin.dates_of_birth] == ["1952-10-07"]
    assert putin.places_of_birth == ("Leningrad (now Saint-Petersburg), RUSSIAN FEDERATION",)


def test_scripts_are_read_from_the_letters(eu: Watchlist) -> None:
    ibda = eu["207"]
    assert ibda.kind is EntryKind.ENTITY and ibda.programs == ("TERR",)
    assert [n.script for n in ibda.names] == ["Latn", "Latn", "Cyrl", "Grek", "Latn"]
    assert ibda.primary_name.full == "İslami Büyük Doğu Akıncılar Cephesi"
    assert ibda.primary_name.parts[0].role is NamePartRole.ENTITY
    assert ("EU reference number", "EU.3523.13") in ibda.properties


def test_strong_flag_and_every_kind_of_detail(eu: Watchlist) -> None:
    e = eu["9000006"]
    assert [(n.full, n.strength) for n in e.names if n.strength is NameStrength.WEAK] == [
        ("Abu Fatma", NameStrength.WEAK)
    ]
    assert [(p.value, p.role) for p in e.primary_name.parts] == [
        ("Aiman", NamePartRole.FIRST),
        ("Muhammed Rabi", NamePartRole.MIDDLE),
        ("al-Zawahiri", NamePartRole.LAST),
    ]
    assert e.names[-1].script == "Arab" and e.title == "Doctor"
    assert e.citizenships == ("EGYPT",) and e.programs == ("AQD",)
    assert [(d.text, d.circa) for d in e.dates_of_birth] == [
        ("1951-06-19", False),
        ("circa 1950 to 1952", True),
    ]
    assert e.places_of_birth == ("Giza, EGYPT",)
    (passport,) = e.identifiers
    assert (passport.scheme, passport.value, passport.country, passport.note) == (
        IdScheme.PASSPORT,
        "1084010",
        "EGYPT",
        "known expired",
    )
    (address,) = e.addresses
    assert address.state_or_province == "Afghanistan/Pakistan border area"
    assert address.country is None  # "UNKNOWN"
    assert ("Email", "nobody@example.invalid") in e.properties
    assert ("UN reference number", "QDi.006") in e.properties
    assert e.remarks == "Leader of Al-Qaida (QDe.004)."


def test_unknown_country_and_empty_attributes(eu: Watchlist) -> None:
    mugabe = eu["1"]
    assert mugabe.places_of_birth == ()  # city="" ... countryDescription="UNKNOWN"
    (passport,) = mugabe.identifiers
    assert (passport.type, passport.value, passport.country, passport.note) == (
        "National passport",
        "AD001095",
        None,
        "(passport)",
    )
    assert mugabe.title is None and ("Function", "Former President") in mugabe.properties


def test_sniff_needs_the_fsf_namespace(tmp_path: Path) -> None:
    assert eu_xml.sniff(FIXTURE)
    prefixed = b'<?xml version="1.0"?><f:export xmlns:f="http://eu.europa.ec/fpi/fsd/export"/>'
    assert eu_xml.sniff(_write(tmp_path, prefixed, "prefixed.xml"))
    assert not eu_xml.sniff(_write(tmp_path, b"<export generationDate='x'/>", "plain.xml"))
    assert not eu_xml.sniff(_write(tmp_path, b'<export xmlns="urn:other"/>', "other.xml"))
    assert not eu_xml.sniff(_write(tmp_path, b"<CONSOLIDATED_LIST/>", "un.xml"))
    assert not eu_xml.sniff(tmp_path / "missing.xml")


def test_weak_only_names_and_other_calendars(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = _variant(
        (
            'strong="true" regulationLanguage="en" logicalId="136017"',
            'strong="false" regulationLanguage="en" logicalId="136017"',
        ),
        (
            'strong="true" regulationLanguage="en" logicalId="135912"',
            'strong="false" regulationLanguage="en" logicalId="135912"',
        ),
        ('calendarType="GREGORIAN" city="Leningrad', 'calendarType="ISLAMIC" city="Leningrad'),
    )
    with caplog.at_level(logging.INFO, logger="screening.sources"):
        putin = eu_xml.load(_write(tmp_path, data))["135909"]
    assert [(n.full, n.type, n.strength) for n in putin.names] == [
        ("Vladimir Vladimirovitj PUTIN", NameType.PRIMARY, NameStrength.WEAK),
        ("Vladimir Vladimirovich PUTIN", NameType.AKA, NameStrength.WEAK),
    ]
    assert putin.dates_of_birth == ()
    assert ("Date of birth (ISLAMIC calendar)", "1952-10-07") in putin.properties
    assert "no strong nameAlias" in caplog.text and "ISLAMIC calendar" in caplog.text


def test_additional_information_and_corrigenda_are_kept(tmp_path: Path) -> None:
    data = _variant(
        (
            '<regulationSummary regulationType="amendment" publicationDate="2021-01-19"'
            ' numberTitle="2021/0000 (OJ L0)"/>\n    </citizenship>',
            '<additionalInformation key="acquired" value="by birth"/>\n    </citizenship>',
        ),
        (
            '</publicationUrl>\n    </regulation>\n    <subjectType code="person" '
            'classificationCode="P"/>\n    <nameAlias firstName="Aiman"',
            "</publicationUrl>\n"
            '<corrigendum regulationType="corrigendum" publicationDate="2021-02-01"'
            ' numberTitle="2021/0001"/>\n    </regulation>\n    <subjectType code="person" '
            'classificationCode="P"/>\n    <nameAlias firstName="Aiman"',
        ),
    )
    e = eu_xml.load(_write(tmp_path, data))["9000006"]
    assert ("acquired", "by birth") in e.properties
    corrigendum = (
        "Regulation corrigendum",
        "regulationType=corrigendum; publicationDate=2021-02-01; numberTitle=2021/0001",
    )
    assert corrigendum in e.properties


def test_unknown_codes_and_elements_are_logged_and_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = _variant(
        (
            'identificationTypeCode="passport" identificationTypeDescription="National passport"'
            ' regulationLanguage="en" logicalId="9000016"',
            'identificationTypeCode="amulet" identificationTypeDescription="Amulet"'
            ' regulationLanguage="en" logicalId="9000016"',
        ),
        ('<contactInfo key="EMAIL"', '<contactInfo key="PIGEON"'),
        (
            'wholeName="Abu Fatma" function="" title="" nameLanguage="" strong="false"',
            'wholeName="Abu Fatma" function="" title="" nameLanguage="" strong="maybe"',
        ),
        (
            '<subjectType code="enterprise" classificationCode="E"/>',
            '<subjectType code="ship" classificationCode="S"/>',
        ),
        (
            "<remark>Leader of Al-Qaida (QDe.004).</remark>",
            '<remark>Leader of Al-Qaida (QDe.004).</remark><eyeColour value="brown"/>',
        ),
    )
    with caplog.at_level(logging.WARNING, logger="screening.sources"):
        wl = eu_xml.load(_write(tmp_path, data))
    e = wl["9000006"]
    assert e.identifiers[0].scheme is IdScheme.OTHER and e.identifiers[0].type == "Amulet"
    assert ("identificationTypeCode", "amulet") in e.properties
    assert ("contactInfo PIGEON", "nobody@example.invalid") in e.properties
    assert ("nameAlias strong", "Abu Fatma: maybe") in e.properties
    assert ("eyeColour", "value=brown") in e.properties  # attributes are kept too
    assert all(n.strength is NameStrength.STRONG for n in e.names)
    assert wl["207"].kind is EntryKind.ENTITY and ("subjectType", "ship/S") in wl["207"].properties
    for expected in ("'amulet'", "'PIGEON'", "'maybe'", "'ship'", "eyeColour"):
        assert expected in caplog.text


MALFORMED = {
    "no-logical-id": (
        [(' logicalId="9000006"', "")],
        "sanctionEntity[4]/@logicalId",
        "logicalId None is not a number",
    ),
    "logical-id-not-a-number": (
        [('logicalId="9000006"', 'logicalId="EU.9000.06"')],
        "sanctionEntity[4]/@logicalId",
        "logicalId 'EU.9000.06' is not a number",
    ),
    "duplicate-logical-id": (
        [('logicalId="9000006"', 'logicalId="207"')],
        "sanctionEntity[logicalId='207']",
        "a second sanctionEntity with logicalId '207'",
    ),
    "no-subject-type": (
        [
            (
                '<subjectType code="person" classificationCode="P"/>\n'
                '    <nameAlias firstName="Aiman"',
                '<nameAlias firstName="Aiman"',
            )
        ],
        f"{ZAWAHIRI}/subjectType",
        "no subjectType",
    ),
    "no-programme": (
        [(' programme="AQD"', "")],
        f"{ZAWAHIRI}/regulation[1]",
        "a regulation without a programme",
    ),
    "designation-date": (
        [('designationDate="2001-10-08"', 'designationDate="08/10/2001"')],
        f"{ZAWAHIRI}/@designationDate",
        "'08/10/2001' is not an xs:date",
    ),
    "impossible-birth-month": (
        [
            (
                'dayOfMonth="19" monthOfYear="6" year="1951"',
                'dayOfMonth="19" monthOfYear="13" year="1951"',
            ),
            ('birthdate="1951-06-19" ', ""),
        ],
        f"{ZAWAHIRI}/birthdate[1]",
        "impossible date of birth",
    ),
    "year-not-a-number": (
        [('yearRangeFrom="1950"', 'yearRangeFrom="195O"')],
        f"{ZAWAHIRI}/birthdate[2]/@yearRangeFrom",
        "'195O' is not a number",
    ),
    "backwards-range": (
        [('yearRangeTo="1952"', 'yearRangeTo="1905"')],
        f"{ZAWAHIRI}/birthdate[2]",
        "the year range 1950-1905 ends before it starts",
    ),
    "issue-date": (
        [
            (
                'issuedBy="" latinNumber="" nameOnDocument="" number="1084010"',
                'issueDate="2001" issuedBy="" latinNumber="" nameOnDocument="" number="1084010"',
            )
        ],
        f"{ZAWAHIRI}/identification[1]/@issueDate",
        "'2001' is not an xs:date",
    ),
    "no-name": (
        [('wholeName="IBDA-C"', 'wholeName=""')]
        + [
            (f'wholeName="{n}"', 'wholeName=""')
            for n in (
                "İslami Büyük Doğu Akıncılar Cephesi",
                "Great Islamic Eastern Warriors Front",
                "Фронт на великите ислямски източни воини",
                "Μέγα Ισλαµικό Μέτωπο των Πολεµιστών της Ανατολής",
            )
        ],
        "sanctionEntity[logicalId='207']",
        "no name",
    ),
    "no-generation-date": (
        [(' generationDate="2024-05-17T18:04:45.316+02:00"', "")],
        "export",
        "no generationDate",
    ),
    "bad-generation-date": (
        [('generationDate="2024-05-17T18:04:45.316+02:00"', 'generationDate="2024-05-17"')],
        "export/@generationDate",
        "'2024-05-17' is not an xs:dateTime",
    ),
    "wrong-root": (
        [("<export ", "<exports "), ("</export>", "</exports>")],
        "exports",
        "the root element is not export",
    ),
}


@pytest.mark.parametrize(("replacements", "where", "reason"), MALFORMED.values(), ids=MALFORMED)
def test_malformed_file_names_file_and_element(
    tmp_path: Path, replacements: list[tuple[str, str]], where: str, reason: str
) -> None:
    path = _write(tmp_path, _variant(*replacements))
    with pytest.raises(ListFormatError) as info:
        eu_xml.load(path)
    assert (info.value.path, info.value.where) == (str(path), where)
    assert reason in info.value.reason


def test_empty_file_is_refused(tmp_path: Path) -> None:
    data = (
        b'<export xmlns="http://eu.europa.ec/fpi/fsd/export"'
        b' generationDate="2024-05-17T18:04:45Z" globalFileId="1"/>'
    )
    with pytest.raises(ListFormatError, match="never empty"):
        eu_xml.load(_write(tmp_path, data))


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    data = _variant(
        (
            "<export ",
            '<!DOCTYPE export [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<export ',
        ),
        ('wholeName="IBDA-C"', 'wholeName="&b;"'),
    )
    path = _write(tmp_path, data)
    assert eu_xml.sniff(path)
    with pytest.raises(ListFormatError) as info:
        eu_xml.load(path)
    assert "refused" in info.value.reason and info.value.where is not None


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(min_value=0, max_value=len(FIXTURE.read_bytes())),
    length=st.integers(min_value=0, max_value=40),
    insert=st.binary(max_size=8)
    | st.sampled_from([b"<", b"&", b'"', b"&amp;", b"</nameAlias>", b"-", b"9", b" ", b"0"]),
)
def test_mangled_file_raises_only_list_format_error(
    tmp_path_factory: pytest.TempPathFactory, cut: int, length: int, insert: bytes
) -> None:
    data = FIXTURE.read_bytes()
    path = _write(tmp_path_factory.mktemp("eu"), data[:cut] + insert + data[cut + length :])
    loads_or_refuses(eu_xml.load, path, max_entries=4)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_value_raises_only_list_format_error(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Every attribute replaced, one at a time, by odd values: the value parsers (dates,
    numbers, ids, codes) either read it or raise ListFormatError, never anything else."""
    tree = ET.parse(FIXTURE)
    attributes = [(e, a) for e in tree.iter() for a in e.attrib]
    element, attribute = data.draw(st.sampled_from(attributes))
    element.set(
        attribute,
        data.draw(ODD_VALUES),
    )
    path = tmp_path_factory.mktemp("eu") / "eu_fsf.xml"
    tree.write(path, encoding="utf-8")
    loads_or_refuses(eu_xml.load, path, max_entries=4)


# --- OFAC, UN and EU lists screened together ----------------------------------------------------


def test_ofac_un_and_eu_lists_screen_together() -> None:
    fixtures = FIXTURE.parent
    sdn = load_list(fixtures / "ofac_sdn_csv_2676")
    un = load_list(fixtures / "un_consolidated_sample.xml")
    eu = load_list(FIXTURE)
    result = Screener([sdn, un, eu]).screen("Ayman al-Zawahiri")
    found = {(hit.list.source, hit.list.format, hit.entry.uid) for hit in result.hits}
    assert found == {
        ("SDN", "ofac-legacy-csv", "2676"),
        ("UN", "un-sc-xml", "QDi.006"),
        ("EU", "eu-fsf-xml", "9000006"),
    }
    for hit in result.hits:
        assert hit.entry.source == hit.list.source  # each hit says which list it came from
        assert (
            hit.list.sha256 == {"SDN": sdn, "UN": un, "EU": eu}[hit.list.source].provenance.sha256
        )
    assert [i.source for i in result.lists] == ["SDN", "UN", "EU"]
