"""UN Security Council Consolidated List (XML): the real 2026-02-27 file, a four-record fixture
copied from it, and broken or hostile variants of the fixture."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from conftest import shared_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mangled import ODD_VALUES, loads_or_refuses

from screening.errors import ListFormatError
from screening.models import EntryKind, IdScheme, NamePartRole, NameStrength, NameType, Watchlist
from screening.sources import load_list, sniff_format, un_xml

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "un_consolidated_sample.xml"


@pytest.fixture(scope="module")
def un_2026() -> Watchlist:
    return un_xml.load(shared_data("un", "UN_consolidated.xml"))


# --- the real file ------------------------------------------------------------------------------


@pytest.mark.realdata
def test_real_file_counts(un_2026: Watchlist) -> None:
    p = un_2026.provenance
    assert (p.source, p.format, p.publish_date, p.stated_record_count) == (
        "UN",
        "un-sc-xml",
        date(2026, 2, 27),
        None,
    )
    assert p.sha256 == "66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf"
    assert Counter(e.kind for e in un_2026) == {EntryKind.INDIVIDUAL: 730, EntryKind.ENTITY: 273}
    aliases = Counter((n.type, n.strength) for e in un_2026 for n in e.names if n.type != "primary")
    # 1,524 Good + 594 a.k.a. = 2,118 strong a.k.a. elements, less 10 exact repeats of an alias
    # on the same record (QDi.129 repeats three; they differ only in date or place of birth,
    # which are kept): see test_real_file_alias_elements for the raw counts.
    assert aliases == {
        (NameType.AKA, NameStrength.STRONG): 2_108,
        (NameType.AKA, NameStrength.WEAK): 615,
        (NameType.FKA, NameStrength.STRONG): 19,
    }
    original = Counter(n.script for e in un_2026 for n in e.names[1:] if n.type == "primary")
    assert original == {"Arab": 366, "Cyrl": 11}  # QDe.164's Latin one repeats its name
    assert len({e.uid for e in un_2026}) == 1_003
    assert sum(1 for e in un_2026 if e.designation_date is None) == 0


@pytest.mark.realdata
def test_real_file_alias_elements() -> None:
    """The README's numbers, counted straight from the XML, independently of the loader."""
    root = ET.parse(shared_data("un", "UN_consolidated.xml")).getroot()
    elements = [*root.iter("INDIVIDUAL_ALIAS"), *root.iter("ENTITY_ALIAS")]
    assert len(elements) == 3_043
    qualities = Counter((a.findtext("QUALITY") or "").strip() for a in elements)
    assert qualities == {"Good": 1_524, "Low": 615, "a.k.a.": 594, "f.k.a.": 19, "": 291}
    assert all(
        not (a.findtext("ALIAS_NAME") or "").strip() for a in elements if not a.findtext("QUALITY")
    )
    assert sum(1 for e in root.iter("NAME_ORIGINAL_SCRIPT") if (e.text or "").strip()) == 378


@pytest.mark.realdata
def test_real_file_loads_without_warnings(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="screening.sources"):
        un_xml.load(shared_data("un", "UN_consolidated.xml"))
    assert caplog.records == []


@pytest.mark.realdata
def test_zawahiri(un_2026: Watchlist) -> None:
    e = un_2026["QDi.006"]
    primary, arabic = e.names[:2]
    assert primary.full == "AIMAN MUHAMMED RABI AL-ZAWAHIRI" and primary.script == "Latn"
    assert [(p.value, p.role) for p in primary.parts][:2] == [
        ("AIMAN", NamePartRole.FIRST),
        ("MUHAMMED", NamePartRole.OTHER),
    ]
    assert (arabic.full, arabic.type, arabic.script) == (
        "أيمن محمد ربيع الظواهري",
        NameType.PRIMARY,
        "Arab",
    )
    weak = [n.full for n in e.names if n.strength is NameStrength.WEAK]
    assert weak == ["Abu Fatma", "Abu Mohammed"]
    assert e.programs == ("Al-Qaida",) and e.list_names == ("UN List",)
    assert e.title == "Doctor; Dr." and e.nationalities == ("Egypt",)
    assert e.designation_date == date(2001, 1, 25)
    assert [str(d.start) for d in e.dates_of_birth] == ["1951-06-19"]
    assert e.places_of_birth == ("Giza, Egypt",)
    assert ("UN DATAID", "111923") in e.properties
    assert ("Last updated", "2025-03-11") in e.properties
    passports = [(i.scheme, i.value, i.country) for i in e.identifiers]
    assert (IdScheme.PASSPORT, "1084010", "Egypt") in passports
    assert e.remarks is not None and e.remarks.startswith("Leader of Al-Qaida (QDe.004).")


@pytest.mark.realdata
def test_dates_of_birth_as_the_un_writes_them(un_2026: Watchlist) -> None:
    dates = [d for e in un_2026 for d in e.dates_of_birth]
    # circa: 116 APPROXIMATELY years and 8 BETWEEN ranges noted "Approximately"
    assert Counter(d.circa for d in dates) == {False: 768, True: 124}
    not_dates = [(e.uid, v) for e in un_2026 for k, v in e.properties if k == "Date of birth"]
    assert not_dates == [
        ("LYi.022", "30-35 years old"),
        ("QDi.291", "24/06/1402 (Hijri Calendar)"),
        ("QDi.306", "Between Aug. and Sep. 1977"),
    ]
    between = un_2026["TAi.002"].dates_of_birth
    assert [(d.text, d.circa, str(d.start), str(d.end)) for d in between] == [
        ("circa 1955 to 1958", True, "1955", "1958"),
        ("circa 1945 to 1950", True, "1945", "1950"),
    ]
    (month_year,) = un_2026["CDi.004"].dates_of_birth  # NOTE "Nov. 1973" and nothing else
    assert (str(month_year.start), month_year.text) == ("1973-11", "Nov. 1973")
    hijri = un_2026["QDi.291"]  # a Hijri date is no Gregorian date: kept, not read
    assert ("Date of birth", "24/06/1402 (Hijri Calendar)") in hijri.properties
    assert [str(d.start) for d in hijri.dates_of_birth] == ["1982-04-19", "1982-04-18"]
    lakhal = un_2026["QDi.062"]  # an alias's date and place of birth belong to the party too
    assert [str(d.start) for d in lakhal.dates_of_birth] == ["1970-02-05", "1969-02-05"]
    assert ("Alias date of birth", "Lased Ben Heni: 1969-02-05") in lakhal.properties
    assert "Tripoli, Libya" in lakhal.places_of_birth


@pytest.mark.realdata
def test_quirks_of_the_real_file(un_2026: Watchlist) -> None:
    assert "KPe.023" in un_2026  # written "KPe.023 " in the file
    assert un_2026["QDi.352"].designation_date == date(2015, 4, 7)  # "2015-04-07-04:00"
    assert [n.full for n in un_2026["QDe.164"].names].count("JAMAAH ANSHARUT DAULAH") == 1
    fiscal = un_2026["QDi.060"].identifiers[-1]  # the number is inside NOTE
    assert (fiscal.scheme, fiscal.value, fiscal.note) == (
        IdScheme.NATIONAL_ID,
        "",
        "Italian Fiscal Code: DAOMMD74T11Z352Z",
    )
    french = un_2026["KPi.009"].identifiers[0]
    assert (french.type, french.scheme, french.value) == (
        "Numéro de passeport",
        IdScheme.PASSPORT,
        "PS381420397",
    )


@pytest.mark.realdata
def test_dispatch_and_sniff() -> None:
    path = shared_data("un", "UN_consolidated.xml")
    assert sniff_format(path) == "un-sc-xml" and un_xml.sniff(path)
    assert sniff_format(path.parent) == "un-sc-xml"  # the XSD beside it is no list
    assert load_list(path.parent).provenance.source == "UN"


# --- the fixture and variants of it -------------------------------------------------------------


def _write(tmp_path: Path, data: bytes, name: str = "consolidated.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _variant(*replacements: tuple[str, str]) -> bytes:
    data = FIXTURE.read_bytes()
    for old, new in replacements:
        assert old.encode() in data, old
        data = data.replace(old.encode(), new.encode(), 1)
    return data


def test_fixture_is_valid_against_the_un_xsd() -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(shared_data("un", "UN_consolidated.xsd"))))
    assert schema.validate(etree.parse(str(FIXTURE))), schema.error_log


def test_fixture(tmp_path: Path) -> None:
    wl = un_xml.load(FIXTURE)
    assert [e.uid for e in wl] == ["QDi.006", "QDi.364", "TAi.002", "QDe.168"]
    ktj = wl["QDe.168"]
    assert ktj.kind is EntryKind.ENTITY
    assert [(n.type, n.script) for n in ktj.names] == [
        (NameType.PRIMARY, "Latn"),
        (NameType.PRIMARY, "Cyrl"),
        (NameType.AKA, "Latn"),
        (NameType.AKA, "Latn"),
        (NameType.FKA, "Latn"),
    ]
    assert ktj.primary_name.parts[0].role is NamePartRole.ENTITY
    atabiev = wl["QDi.364"]
    assert ("Alias note", "Abu Jihad: original script: Абу Джихад") in atabiev.properties
    assert [n.strength for n in atabiev.names[2:]] == [NameStrength.WEAK]


ZAWAHIRI = "INDIVIDUAL[REFERENCE_NUMBER='QDi.006']"
AKHUND = "INDIVIDUAL[REFERENCE_NUMBER='TAi.002']"
STAMP = 'dateGenerated="2026-02-27T00:00:09.554Z"'
MALFORMED = {
    "duplicate-uid": (
        [("<REFERENCE_NUMBER>QDi.364", "<REFERENCE_NUMBER>QDi.006")],
        ZAWAHIRI,
        "a second record with REFERENCE_NUMBER 'QDi.006'",
    ),
    "no-uid": (
        [("<REFERENCE_NUMBER>QDi.364</REFERENCE_NUMBER>", "")],
        "INDIVIDUALS/INDIVIDUAL[2]",
        "no REFERENCE_NUMBER",
    ),
    "listed-on": (
        [("<LISTED_ON>2001-01-25", "<LISTED_ON>25/01/2001")],
        f"{ZAWAHIRI}/LISTED_ON",
        "'25/01/2001' is not an xs:date",
    ),
    "impossible-dob": (
        [("<DATE>1951-06-19", "<DATE>1951-02-29")],
        f"{ZAWAHIRI}/INDIVIDUAL_DATE_OF_BIRTH[1]/DATE",
        "'1951-02-29' is not a calendar date",
    ),
    "between-without-end": (
        [("<TO_YEAR>1958</TO_YEAR>", "")],
        f"{AKHUND}/INDIVIDUAL_DATE_OF_BIRTH[1]",
        "BETWEEN needs FROM_YEAR and TO_YEAR",
    ),
    "between-backwards": (
        [("<TO_YEAR>1958", "<TO_YEAR>1905")],
        f"{AKHUND}/INDIVIDUAL_DATE_OF_BIRTH[1]",
        "the range 1955-1905 ends before it starts",
    ),
    "year-not-a-number": (
        [("<FROM_YEAR>1955", "<FROM_YEAR>¹⁹⁵⁵")],
        f"{AKHUND}/INDIVIDUAL_DATE_OF_BIRTH[1]/FROM_YEAR",
        "'¹⁹⁵⁵' is not a year",
    ),
    "no-date-generated": ([(STAMP, "")], "CONSOLIDATED_LIST", "no dateGenerated"),
    "bad-date-generated": (
        [(STAMP, 'dateGenerated="27/02/2026"')],
        "CONSOLIDATED_LIST/@dateGenerated",
        "'27/02/2026' is not an xs:dateTime",
    ),
    "record-in-wrong-section": (
        [("<ENTITY>", "<INDIVIDUAL>"), ("</ENTITY>", "</INDIVIDUAL>")],
        "ENTITIES/INDIVIDUAL[1]",
        "INDIVIDUAL in ENTITIES (expected ENTITY)",
    ),
    "repeated-field": (
        [("<VERSIONNUM>1</VERSIONNUM>", "<VERSIONNUM>1</VERSIONNUM><VERSIONNUM>2</VERSIONNUM>")],
        f"{ZAWAHIRI}/VERSIONNUM[2]",
        "VERSIONNUM appears more than once",
    ),
    "no-name": (
        [
            ("<FIRST_NAME>KHATIBA AL-TAWHID WAL-JIHAD (KTJ)</FIRST_NAME>", ""),
            ("<NAME_ORIGINAL_SCRIPT>Катиба ат-Таухид валь-Джихад</NAME_ORIGINAL_SCRIPT>", ""),
            *[("<ENTITY_ALIAS>", "<!--"), ("</ENTITY_ALIAS>", "-->")] * 3,
        ],
        "ENTITY[REFERENCE_NUMBER='QDe.168']",
        "no name",
    ),
    "wrong-root": (
        [("<CONSOLIDATED_LIST ", "<LIST "), ("</CONSOLIDATED_LIST>", "</LIST>")],
        "LIST",
        "the root element is not CONSOLIDATED_LIST",
    ),
}


@pytest.mark.parametrize(("replacements", "where", "reason"), MALFORMED.values(), ids=MALFORMED)
def test_malformed_file_names_file_and_element(
    tmp_path: Path, replacements: list[tuple[str, str]], where: str, reason: str
) -> None:
    path = _write(tmp_path, _variant(*replacements))
    with pytest.raises(ListFormatError) as info:
        un_xml.load(path)
    assert (info.value.path, info.value.where) == (str(path), where)
    assert reason in info.value.reason


def test_empty_list_is_refused(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes()
    head = data[: data.index(b"<INDIVIDUALS>")]
    path = _write(tmp_path, head + b"<INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>")
    with pytest.raises(ListFormatError, match="never empty"):
        un_xml.load(path)


def test_unknown_codes_and_elements_are_logged_and_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = _variant(
        (
            "<QUALITY>Low</QUALITY>\n        <ALIAS_NAME>Abu Jihad",
            "<QUALITY>Medium</QUALITY>\n        <ALIAS_NAME>Abu Jihad",
        ),
        (
            "<REFERENCE_NUMBER>QDi.364</REFERENCE_NUMBER>",
            "<REFERENCE_NUMBER>QDi.364</REFERENCE_NUMBER>"
            "<EYE_COLOUR><VALUE>brown</VALUE><VALUE>green</VALUE></EYE_COLOUR>",
        ),
        ("<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>", "<TYPE_OF_DATE>AROUND</TYPE_OF_DATE>"),
        ("<QUALITY/>\n        <ALIAS_NAME/>", "<QUALITY>Good</QUALITY><NOTE>name withheld</NOTE>"),
    )
    with caplog.at_level(logging.WARNING, logger="screening.sources"):
        wl = un_xml.load(_write(tmp_path, data))
    atabiev = wl["QDi.364"]
    jihad = next(n for n in atabiev.names if n.full == "Abu Jihad")
    assert (jihad.type, jihad.strength) == (NameType.AKA, NameStrength.STRONG)
    assert ("Alias quality", "Abu Jihad: Medium") in atabiev.properties
    assert ("EYE_COLOUR", "VALUE=brown; VALUE=green") in atabiev.properties
    akhund = wl["TAi.002"]
    assert (
        "Date of birth",
        "TYPE_OF_DATE=AROUND; FROM_YEAR=1955; TO_YEAR=1958; NOTE=Approximately",
    ) in akhund.properties
    assert ("Alias without a name", "QUALITY=Good; NOTE=name withheld") in akhund.properties
    assert len(akhund.dates_of_birth) == 1
    messages = " ".join(r.getMessage() for r in caplog.records)
    for expected in ("'Medium'", "EYE_COLOUR", "'AROUND'", "without ALIAS_NAME"):
        assert expected in messages


def test_sniff_reads_the_root_only(tmp_path: Path) -> None:
    assert un_xml.sniff(FIXTURE)  # a comment comes before the root
    assert un_xml.sniff(_write(tmp_path, b"\xef\xbb\xbf<CONSOLIDATED_LIST dateGenerated='x'>"))
    assert not un_xml.sniff(_write(tmp_path, b'<?xml version="1.0"?><sdnList/>', "sdn.xml"))
    assert not un_xml.sniff(_write(tmp_path, b"QDi.006,AIMAN", "un.csv"))
    assert not un_xml.sniff(tmp_path) and not un_xml.sniff(tmp_path / "missing.xml")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09Z"><INDIVIDUALS><INDIVIDUAL>
<FIRST_NAME>&c;</FIRST_NAME><REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>
</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09Z"><INDIVIDUALS><INDIVIDUAL>
<FIRST_NAME>&xxe;</FIRST_NAME><REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>
</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_entity_expansion_and_external_entities_are_refused(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, data)
    assert un_xml.sniff(path)  # it looks like the UN list, and is still refused
    with pytest.raises(ListFormatError) as info:
        un_xml.load(path)
    assert (info.value.path, info.value.where) == (str(path), 2)
    assert "refused" in info.value.reason


def test_truncated_file_names_the_line(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes()
    cut = data.index(b"<REFERENCE_NUMBER>TAi.002")
    with pytest.raises(ListFormatError) as info:
        un_xml.load(_write(tmp_path, data[:cut]))
    assert info.value.where == data[:cut].count(b"\n") + 1
    assert "not well-formed" in info.value.reason


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(min_value=0, max_value=len(FIXTURE.read_bytes())),
    length=st.integers(min_value=0, max_value=40),
    insert=st.binary(max_size=8)
    | st.sampled_from([b"<", b"&", b"&amp;", b"</INDIVIDUAL>", b"<VALUE>", b"-", b"9", b" "]),
)
def test_mangled_file_raises_only_list_format_error(
    tmp_path_factory: pytest.TempPathFactory, cut: int, length: int, insert: bytes
) -> None:
    data = FIXTURE.read_bytes()
    path = _write(tmp_path_factory.mktemp("un"), data[:cut] + insert + data[cut + length :])
    loads_or_refuses(un_xml.load, path, max_entries=4)


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
    path = tmp_path_factory.mktemp("un") / "consolidated.xml"
    tree.write(path, encoding="utf-8")
    loads_or_refuses(un_xml.load, path, max_entries=4)
