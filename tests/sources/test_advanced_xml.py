"""OFAC advanced XML (SDN_ADVANCED / CONS_ADVANCED): real files, edge cases, hostile input."""

from __future__ import annotations

import contextlib
import logging
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from advanced_xml_doc import CURRENT_NS, OLD_NS, advanced_doc
from conftest import shared_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening import ListFormatError, load_list, sniff_format
from screening.models import EntryKind, IdScheme, NameStrength, NameType, Watchlist
from screening.sources import advanced_xml


def _write(tmp_path: Path, text: str, name: str = "SDN_ADVANCED.XML") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _broken(tmp_path: Path, old: str, new: str) -> ListFormatError:
    text = advanced_doc()
    assert old in text, old
    with pytest.raises(ListFormatError) as caught:
        advanced_xml.load(_write(tmp_path, text.replace(old, new, 1)))
    return caught.value


# -- the small document -------------------------------------------------------------------


def test_small_document_loads_every_kind_of_fact(tmp_path: Path) -> None:
    wl = advanced_xml.load(_write(tmp_path, advanced_doc()))
    assert wl.provenance.source == "SDN" and wl.provenance.publish_date == date(2024, 3, 6)
    assert wl.provenance.stated_record_count is None and wl.provenance.format == FORMAT

    entity = wl["9001"]
    assert entity.kind is EntryKind.ENTITY
    primary, cyrillic, weak = entity.names
    assert (primary.full, primary.type, primary.script) == (
        "TEST TRADING LLC",
        NameType.PRIMARY,
        "Latn",
    )
    assert (cyrillic.full, cyrillic.type, cyrillic.script) == (
        "ТЕСТ ТРЕЙДИНГ",
        NameType.PRIMARY,
        "Cyrl",
    )
    assert (weak.full, weak.type, weak.strength) == ("TT", NameType.AKA, NameStrength.WEAK)
    (bitcoin,) = entity.identifiers
    assert (bitcoin.scheme, bitcoin.currency, bitcoin.value) == (
        IdScheme.DIGITAL_CURRENCY,
        "XBT",
        "1TestBitcoinAddressXyz",
    )
    assert ("Website", "www.test.example") in entity.properties
    assert ("Organization Established Date", "Jul 1994") in entity.properties
    (address,) = entity.addresses
    assert (address.street, address.city, address.country) == ("1 Test Street", "Moscow", "Russia")
    assert entity.programs == ("CYBER2",) and entity.list_names == ("SDN List",)
    assert entity.designation_date == date(2019, 5, 2)
    assert entity.remarks == "TEST party, not OFAC data"

    vessel = wl["9002"]
    assert vessel.kind is EntryKind.VESSEL and vessel.primary_name.full == "TEST STAR"
    assert vessel.vessel is not None
    assert (vessel.vessel.call_sign, vessel.vessel.vessel_type, vessel.vessel.flag) == (
        "TEST7",
        "Bulk Carrier",
        "Panama",
    )
    (imo,) = vessel.identifiers
    assert (imo.scheme, imo.value, imo.country) == (IdScheme.IMO, "IMO 9999999", "Panama")
    (owner,) = vessel.relations
    assert (owner.type, owner.uid, owner.name, owner.former) == (
        "Owned or Controlled By",
        "9001",
        "TEST TRADING LLC",
        False,
    )


FORMAT = advanced_xml.FORMAT


def test_unmapped_feature_is_kept_and_logged_with_its_fixed_ref(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="screening.sources"):
        advanced_xml.load(_write(tmp_path, advanced_doc()))
    logged = [
        r.getMessage() for r in caplog.records if "Organization Established Date" in r.getMessage()
    ]
    assert len(logged) == 1 and "FixedRef='9001'" in logged[0]


@pytest.mark.parametrize("namespace", [CURRENT_NS, OLD_NS, None], ids=["current", "2020", "none"])
def test_namespace_does_not_matter(tmp_path: Path, namespace: str | None) -> None:
    wl = advanced_xml.load(_write(tmp_path, advanced_doc(namespace)))
    reference = advanced_xml.load(_write(tmp_path, advanced_doc(), "other.xml"))
    assert [e.model_dump() for e in wl] == [e.model_dump() for e in reference]


def test_sniff(tmp_path: Path) -> None:
    assert advanced_xml.sniff(_write(tmp_path, advanced_doc(prolog="<!-- a comment -->\n")))
    assert sniff_format(_write(tmp_path, advanced_doc(None), "b.xml")) == FORMAT
    assert not advanced_xml.sniff(_write(tmp_path, "<sdnList><sdnEntry/></sdnList>", "sdn.xml"))
    assert not advanced_xml.sniff(_write(tmp_path, "1,2,3\n", "sdn.csv"))
    assert not advanced_xml.sniff(tmp_path)  # a directory
    assert not advanced_xml.sniff(tmp_path / "missing.xml")


def test_source_is_consolidated_when_parties_are_not_all_on_the_sdn_list(tmp_path: Path) -> None:
    text = advanced_doc().replace(
        '<List ID="1550">SDN List</List>',
        '<List ID="1550">SDN List</List>'
        '<List ID="91507">Sectoral Sanctions Identifications List</List>',
    )
    text = text.replace('ProfileID="9002" ListID="1550"', 'ProfileID="9002" ListID="91507"')
    wl = advanced_xml.load(_write(tmp_path, text))
    assert wl.provenance.source == "CONSOLIDATED"
    assert wl["9002"].list_names == ("Sectoral Sanctions Identifications List",)


# -- malformed files ----------------------------------------------------------------------


def test_truncated_file_names_the_line(tmp_path: Path) -> None:
    text = advanced_doc()
    path = _write(tmp_path, text[: len(text) // 2])
    with pytest.raises(ListFormatError) as caught:
        advanced_xml.load(path)
    assert caught.value.path == str(path) and isinstance(caught.value.where, int)
    assert "not well-formed" in caught.value.reason


def test_unknown_reference_id_names_the_element(tmp_path: Path) -> None:
    err = _broken(tmp_path, 'AliasTypeID="1400"', 'AliasTypeID="9999"')
    assert "FixedRef='9001'" in str(err.where) and "Alias" in str(err.where)
    assert "unknown AliasTypeID '9999'" in err.reason


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (
            'NamePartGroupID="703" ScriptID',
            'NamePartGroupID="799" ScriptID',
            "NamePartGroupID '799'",
        ),
        ('ScriptID="220"', 'ScriptID="501"', "unknown ScriptID '501'"),
        ('LocationID="7001"', 'LocationID="7002"', "unknown LocationID '7002'"),
        ('IdentityID="502" IssuedBy', 'IdentityID="599" IssuedBy', "IdentityID '599'"),
        ('To-ProfileID="9001"', 'To-ProfileID="1234"', "unknown ProfileID '1234'"),
        ("<Day>29</Day></Date>", "<Day>30</Day></Date>", "impossible date 2020-02-30"),
        ("<Month>7</Month><Day>31</Day>", "<Month>6</Month><Day>31</Day>", "impossible date"),
        (
            '<DistinctParty FixedRef="9002">',
            '<DistinctParty FixedRef="9001">',
            "duplicate FixedRef",
        ),
        ('<DistinctParty FixedRef="9002">', "<DistinctParty>", "without a FixedRef"),
        (
            'Primary="true" LowQuality="false">\n            <DocumentedName ID="604"',
            'Primary="false" LowQuality="false">\n            <DocumentedName ID="604"',
            "no primary name",
        ),
        (
            "<Year>2024</Year><Month>3</Month>",
            "<Year>2024</Year><Month>13</Month>",
            "impossible date",
        ),
    ],
)
def test_malformed_record_names_file_element_and_value(
    tmp_path: Path, old: str, new: str, reason: str
) -> None:
    err = _broken(tmp_path, old, new)
    assert reason in err.reason
    assert str(tmp_path) in str(err) and err.where


def test_reference_values_after_the_parties_are_refused(tmp_path: Path) -> None:
    text = advanced_doc()
    start, end = text.index("  <ReferenceValueSets>"), text.index("</ReferenceValueSets>") + 21
    rvs = text[start:end]
    moved = text[:start] + text[end:].replace("  <SanctionsEntryLinks />", rvs)
    with pytest.raises(ListFormatError, match="before ReferenceValueSets"):
        advanced_xml.load(_write(tmp_path, moved))


# -- hostile XML --------------------------------------------------------------------------

_BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE Sanctions [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Sanctions><DateOfIssue CalendarTypeID="1"><Year>&lol9;</Year></DateOfIssue></Sanctions>
"""

_EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE Sanctions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Sanctions><DateOfIssue CalendarTypeID="1"><Year>&secret;</Year></DateOfIssue></Sanctions>
"""


@pytest.mark.parametrize("text", [_BILLION_LAUGHS, _EXTERNAL_ENTITY], ids=["billion-laughs", "xxe"])
def test_entity_tricks_are_refused(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    assert advanced_xml.sniff(path)  # it claims to be a list: the loader must refuse it
    with pytest.raises(ListFormatError, match=r"refused .*no document type declaration") as caught:
        load_list(path)
    assert caught.value.path == str(path)


_SMALL = advanced_doc().encode("utf-8")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, len(_SMALL)), st.integers(0, 40), st.binary(max_size=8)),
        min_size=1,
        max_size=3,
    ),
    truncate=st.none() | st.integers(0, len(_SMALL)),
)
def test_mangled_input_raises_only_list_format_error(
    tmp_path: Path, cuts: list[tuple[int, int, bytes]], truncate: int | None
) -> None:
    data = bytearray(_SMALL)
    for at, delete, insert in cuts:
        data[at : at + delete] = insert
    if truncate is not None:
        del data[truncate:]
    path = tmp_path / "mangled.xml"
    path.write_bytes(bytes(data))
    with contextlib.suppress(ListFormatError):
        advanced_xml.load(path)


# -- real data: CONS_ADVANCED 2020-03-17 --------------------------------------------------


@pytest.fixture(scope="module")
def cons() -> Watchlist:
    return advanced_xml.load(shared_data("ofac", "cons_advanced_2020-03-17", "cons_advanced.xml"))


@pytest.mark.realdata
def test_cons_advanced_counts(cons: Watchlist) -> None:
    assert len(cons) == 375
    assert cons.provenance.source == "CONSOLIDATED"
    assert cons.provenance.publish_date == date(2020, 3, 17)
    names = [n for e in cons for n in e.names]
    assert len(names) == 1290
    assert Counter(n.type for n in names) == {
        NameType.PRIMARY: 375,
        NameType.AKA: 831,
        NameType.FKA: 84,
    }
    assert sum(n.strength is NameStrength.WEAK for n in names) == 31
    assert all(e.primary_name.type is NameType.PRIMARY for e in cons)
    assert Counter(e.kind for e in cons) == {EntryKind.ENTITY: 293, EntryKind.INDIVIDUAL: 82}


@pytest.mark.realdata
def test_cons_advanced_ownership_edges_are_kept(cons: Watchlist) -> None:
    relations = [(e.uid, r) for e in cons for r in e.relations]
    assert len(relations) == 276
    assert {r.type for _, r in relations} == {"Owned or Controlled By"}
    assert all(r.uid in cons and r.name == cons[r.uid].primary_name.full for _, r in relations)
    # EXIMBANK OF RUSSIA is owned or controlled by VNESHECONOMBANK.
    (owner,) = cons["18268"].relations
    assert (owner.uid, owner.name) == ("17015", "VNESHECONOMBANK")


@pytest.mark.realdata
def test_cons_advanced_programs(cons: Watchlist) -> None:
    programs = Counter(p for e in cons for p in e.programs)
    assert programs == {
        "UKRAINE-EO13662": 290,
        "NS-PLC": 78,
        "SYRIA": 6,
        "FSE-SY": 5,
        "VENEZUELA-EO13850": 2,
        "SDGT": 1,
        "561-Related": 1,
        "FSE-IR": 1,
    }
    assert all(e.programs for e in cons)


@pytest.mark.realdata
def test_cons_advanced_entry_matches_the_legacy_files(cons: Watchlist) -> None:
    # The same entry in OFAC's legacy CONS_PRIM/ALT/ADD.CSV of 2018-04 (consolidated_xml_2018-05):
    #   17530,"STAROIL B.V.",-0- ,"SYRIA] [FSE-SY",...,"Registration ID 819860578 (Netherlands);
    #   V.A.T. Number NL 819860578B01 (Netherlands); Commercial Registry Number 34311024
    #   (Netherlands)."   alt: "STAROIL S.A."   add: "Wilhelminastraat 43 A","Haarlem 2011 VK",
    #   "Netherlands" and "30 A Rte de Chene","Geneva 1208","Switzerland".
    # The advanced file spells the names "Staroil B.V." / "Staroil S.A.".
    e = cons["17530"]
    assert e.kind is EntryKind.ENTITY
    assert [(n.full, n.type) for n in e.names] == [
        ("STAROIL B.V.", NameType.PRIMARY),
        ("STAROIL S.A.", NameType.AKA),
    ]
    assert e.programs == ("SYRIA", "FSE-SY")
    assert sorted((i.type, i.value, i.country) for i in e.identifiers) == [
        ("Commercial Registry Number", "34311024", "Netherlands"),
        ("Registration ID", "819860578", "Netherlands"),
        ("V.A.T. Number", "NL 819860578B01", "Netherlands"),
    ]
    assert [(a.street, a.city, a.postal_code, a.country) for a in e.addresses] == [
        ("Wilhelminastraat 43 A", "Haarlem", "2011 VK", "Netherlands"),
        ("30 A Rte de Chene", "Geneva", "1208", "Switzerland"),
    ]
    assert e.list_names == ("Consolidated List", "SDN List", "FSE List")
    assert e.designation_date == date(2014, 12, 17)


@pytest.mark.realdata
def test_cons_advanced_individual_matches_the_legacy_files(cons: Watchlist) -> None:
    # Legacy 2018: 9659,"HAMMAD, Fathi Ahmad Mohammad","individual","SDGT] [NS-PLC",...,
    #   "DOB 1961; POB Jabaliya, Gaza Strip."; add: -0- ,"Jabaliya","Region: Gaza".
    e = cons["9659"]
    assert [n.full for n in e.names] == [
        "HAMMAD, Fathi Ahmad Mohammad",
        "HAMMAD, Fathi Ahmad",
        "HAMAD, Fathy Ahmed",
        "HAMAD, Fathi",
    ]
    assert [d.text for d in e.dates_of_birth] == ["1961"]
    assert e.places_of_birth == ("Jabaliya, Gaza Strip",)
    assert [(a.city, a.country) for a in e.addresses] == [("Jabaliya", "Region: Gaza")]
    assert e.programs == ("SDGT", "NS-PLC")


# -- real data: SDN_ADVANCED 2024-03-06 fragments -----------------------------------------


def _fragments_document(*, complete_name_groups: bool) -> str:
    """latestdp.xml (the al-Rawi party) wrapped with the fragments' own reference values.

    The fragments are cut short: minified_ReferenceValueSets.xml keeps two values per set,
    and latestdp.xml keeps only the first two NamePartGroups of its identity, so as published
    they do not make a valid file. Completing them takes: FeatureType 8/224, DetailReference
    91526, AliasType 1403, Script 215, PartySubType 4, PartyType 4 and Country 11212 as in
    cons_advanced 2020 (same ids); Country 11230 as the fragment's own AreaCode describes it;
    NamePartType 1522 "Middle Name" (OFAC's id, not in the shared data); and the roles of the
    missing name-part groups as the legacy ALT.CSV of 2023-12-28 prints the names
    ("AL-RAWI, Amin Muhammad": last, first, middle).
    """
    base = shared_data("ofac", "sdn_advanced_fragments_2024-03")
    rvs = (base / "minified_ReferenceValueSets.xml").read_text(encoding="utf-8")
    party = (base / "latestdp.xml").read_text(encoding="utf-8")
    issued = (base / "minified_DateOfIssue.xml").read_text(encoding="utf-8")
    if complete_name_groups:
        additions = {
            "</AliasTypeValues>": '<AliasType ID="1403">Name</AliasType>',
            "</CountryValues>": '<Country ID="11212" ISO2="US">United States</Country>'
            '<Country ID="11230" ISO2="KY">Cayman Islands</Country>',
            "</DetailReferenceValues>": '<DetailReference ID="91526">Male</DetailReference>',
            "</FeatureTypeValues>": (
                '<FeatureType ID="8" FeatureTypeGroupID="1">Birthdate</FeatureType>'
                '<FeatureType ID="224" FeatureTypeGroupID="1">Gender</FeatureType>'
            ),
            "</NamePartTypeValues>": '<NamePartType ID="1522">Middle Name</NamePartType>',
            "</PartySubTypeValues>": '<PartySubType ID="4" PartyTypeID="1">Unknown</PartySubType>',
            "</PartyTypeValues>": '<PartyType ID="4">Transport</PartyType>',
            "</ScriptValues>": '<Script ID="215" ScriptCode="Latin">Latin</Script>',
        }
        for closing, values in additions.items():
            rvs = rvs.replace(closing, values + closing)
        # Roles of the groups latestdp.xml lacks, alias by alias, as ALT.CSV prints the names.
        last, first, middle = "1520", "1521", "1522"
        roles = [last, first, middle] * 6 + [last, first] + [last, first, middle]
        groups = "".join(
            f'<MasterNamePartGroup><NamePartGroup ID="{64920 + i}" NamePartTypeID="{role}" />'
            "</MasterNamePartGroup>"
            for i, role in enumerate(roles)
        )
        party = party.replace("</NamePartGroups>", groups + "</NamePartGroups>")
    return f"<Sanctions>{issued}{rvs}<DistinctParties>{party}</DistinctParties></Sanctions>"


@pytest.mark.realdata
def test_fragments_as_published_are_refused_for_their_truncation(tmp_path: Path) -> None:
    path = _write(tmp_path, _fragments_document(complete_name_groups=False))
    with pytest.raises(ListFormatError) as caught:
        advanced_xml.load(path)
    # The first thing the truncated reference values lack, in reading order.
    assert re.search(r"unknown \w+ID '\d+'", caught.value.reason)


@pytest.mark.realdata
def test_fragments_al_rawi_party(tmp_path: Path) -> None:
    wl = advanced_xml.load(_write(tmp_path, _fragments_document(complete_name_groups=True)))
    assert wl.provenance.publish_date == date(2024, 3, 6)
    e = wl["25057"]
    assert e.kind is EntryKind.INDIVIDUAL
    # Legacy SDN.CSV / ALT.CSV 2023-12-28 print exactly these names.
    assert e.primary_name.full == "AL-RAWI, 'Adnan Muhammad Amin"
    assert [
        n.full for n in e.names if n.type is NameType.AKA and n.strength is NameStrength.STRONG
    ] == [
        "AL-RAWI, Amin Muhammad",
        "AMIN, 'Adnan Muhammad",
        "ALRAWI, Adnan Mahmoud",
        "AL RAWI, Adnan Mahmood",
        "RAWI, Adnan Mahmood",
    ]
    assert [n.full for n in e.names if n.strength is NameStrength.WEAK] == [
        "ALDEEN, Mohammed Amad Az",
        "EMAD, Mohammad",
        "EZALDEEN, Mohammed Emad",
    ]
    assert {n.script for n in e.names} == {"Latn"}
    assert [d.text for d in e.dates_of_birth] == ["07 Jan 1985", "28 Aug 1982"]
    assert e.gender == "Male"
