"""OFAC legacy CSV sets: the real files in ../shared/data/ofac and small malformed ones."""

from __future__ import annotations

import csv
import io
import logging
from collections import Counter
from pathlib import Path

import pytest
from conftest import shared_data
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from screening.errors import ListFormatError
from screening.models import EntryKind, IdScheme, NameStrength, NameType, Watchlist
from screening.sources import legacy_csv, load_list, load_lists, sniff_format
from screening.sources._csvrows import read_records
from screening.sources._remarks import REMARK, TRUNCATED_REMARK

# --- real data ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sdn_2023() -> Watchlist:
    return legacy_csv.load(shared_data("ofac", "sdn_csv_2023-12-28", "sdn.csv"))


@pytest.fixture(scope="module")
def sdn_2021() -> Watchlist:
    return legacy_csv.load(shared_data("ofac", "sdn_csv_2021-07-07", "sdn.csv"))


def _raw_rows(path: Path) -> list[list[str]]:
    """The file's records as Python's csv module reads them (an independent reading)."""
    text = path.read_text("ascii")
    return [row for row in csv.reader(io.StringIO(text, newline="")) if len(row) > 1]


@pytest.mark.realdata
def test_sdn_2023_counts(sdn_2023: Watchlist) -> None:
    assert len(sdn_2023) == 13_821
    assert Counter(e.kind for e in sdn_2023) == {
        EntryKind.INDIVIDUAL: 6_646,
        EntryKind.ENTITY: 6_033,
        EntryKind.VESSEL: 764,
        EntryKind.AIRCRAFT: 378,
    }
    aliases = [n for e in sdn_2023 for n in e.names[1:]]
    assert sum(n.strength is NameStrength.STRONG for n in aliases) == 17_091  # rows of ALT.CSV
    weak = Counter(n.type for n in aliases if n.strength is NameStrength.WEAK)
    # `grep -o "a\.k\.a\. '" sdn.csv | wc -l` gives 3,284; two are inside remarks cut at 1,000
    # characters ("a.k.a. 'WHOIS HACKIN", ent_num 28263's "a.k.a. 'snowsjo") and are kept as text.
    assert weak == {NameType.AKA: 3_282, NameType.FKA: 86, NameType.NKA: 1}
    linked = [r for e in sdn_2023 for r in e.relations if r.type == "Linked To"]
    assert len(linked) == 5_963
    # ADD.CSV has 18,990 rows, 2,652 of them all -0- (an entry with no known address).
    assert sum(len(e.addresses) for e in sdn_2023) == 18_990 - 2_652
    assert all(e.source == "SDN" and e.list_names == ("SDN List",) for e in sdn_2023)


@pytest.mark.realdata
def test_chen_quanguo(sdn_2023: Watchlist) -> None:
    chen = sdn_2023["29220"]
    assert chen.kind is EntryKind.INDIVIDUAL
    assert chen.primary_name.full == "CHEN, Quanguo"
    assert [(p.role.value, p.value) for p in chen.primary_name.parts] == [
        ("last", "CHEN"),
        ("first", "Quanguo"),
    ]
    assert chen.programs == ("GLOMAG",)
    assert [str(d.start) for d in chen.dates_of_birth] == ["1955"]
    assert chen.places_of_birth == ("Pingyu, Henan, China",)
    assert chen.gender == "Male"
    assert [(a.city, a.country) for a in chen.addresses] == [("Xinjiang", "China")]
    assert chen.remarks == "DOB 1955; POB Pingyu, Henan, China; Gender Male."
    assert chen.properties == ()


@pytest.mark.realdata
def test_xinjiang_public_security_bureau(sdn_2023: Watchlist) -> None:
    xpsb = sdn_2023["29159"]
    assert xpsb.kind is EntryKind.ENTITY and xpsb.programs == ("GLOMAG",)
    assert [(n.type, n.full) for n in xpsb.names] == [
        (NameType.PRIMARY, "XINJIANG PUBLIC SECURITY BUREAU"),
        (NameType.AKA, "XINJIANG BUREAU OF PUBLIC SECURITY"),
        (NameType.AKA, "PUBLIC SECURITY DEPARTMENT OF XINJIANG UYGAR AUTONOMOUS REGION"),
        (NameType.AKA, "PUBLIC SECURITY DEPARTMENT OF XUAR"),
        (NameType.AKA, "PUBLIC SECURITY DEPARTMENT OF THE AUTONOMOUS REGION"),
    ]
    assert all(n.strength is NameStrength.STRONG for n in xpsb.names)
    assert xpsb.primary_name.parts[0].role.value == "entity"


@pytest.mark.realdata
def test_remark_facts_become_fields(sdn_2023: Watchlist) -> None:
    ebano = sdn_2023["4243"]  # "Vessel Registration Identification IMO 7406784; f.k.a. 'ANA I'..."
    assert ebano.kind is EntryKind.VESSEL
    assert ebano.vessel is not None and ebano.vessel.flag == "Panama"
    assert ebano.vessel.vessel_type == "General Cargo" and ebano.vessel.tonnage == "2595"
    (imo,) = ebano.identifiers
    assert (imo.scheme, imo.type, imo.value) == (
        IdScheme.IMO,
        "Vessel Registration Identification",
        "IMO 7406784",
    )
    assert [(n.type, n.strength, n.full) for n in ebano.names[-2:]] == [
        (NameType.FKA, NameStrength.WEAK, "ANA I"),
        (NameType.FKA, NameStrength.WEAK, "SAND SWAN"),
    ]
    yan = sdn_2023["25308"]
    xbt = [i for i in yan.identifiers if i.scheme is IdScheme.DIGITAL_CURRENCY]
    assert xbt[0].currency == "XBT" and xbt[0].value == "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"
    assert yan.citizenships == ("China",)
    aouadi = sdn_2023["7203"]
    passport = next(i for i in aouadi.identifiers if i.value == "L 191609")
    assert (passport.scheme, passport.issue_date, passport.expiry_date) == (
        IdScheme.PASSPORT,
        "1996-02-28",
        "2001-02-27",
    )
    tax = next(i for i in sdn_2023["12984"].identifiers if i.type == "NIT #")
    assert tax.scheme is IdScheme.TAX_ID and tax.country == "Colombia"


@pytest.mark.realdata
def test_linked_to_at_the_end_keeps_or_drops_the_full_stop(sdn_2023: Watchlist) -> None:
    # OFAC does not double the closing full stop: "...; Linked To: KPD S.A." names "KPD S.A."
    # (ent_num 12984), "...; Linked To: INTERNET RESEARCH AGENCY LLC." names the LLC (23943).
    assert sdn_2023["12991"].relations[-1].name == "KPD S.A."
    assert sdn_2023["21171"].relations[-1].name == "INTERNET RESEARCH AGENCY LLC"
    names = {n.full for e in sdn_2023 for n in e.names if n.strength is NameStrength.STRONG}
    mid_list = [r.name for e in sdn_2023 for r in e.relations[:-1]]
    assert all(name in names for name in mid_list)


@pytest.mark.realdata
def test_sdn_2023_notes_the_missing_comments_and_the_17_cut_remarks(sdn_2023: Watchlist) -> None:
    notes = sdn_2023.provenance.notes
    assert notes[0] == "SDN_COMMENTS.CSV not found next to sdn.csv"
    assert notes[1].startswith("17 remarks end at the 1,000-character limit of sdn.csv")
    cut = [e for e in sdn_2023 if any(k == TRUNCATED_REMARK for k, _ in e.properties)]
    assert len(cut) == 17 and all(len(e.remarks or "") == 1000 for e in cut)
    assert {e.uid for e in cut} >= {"28263", "30518"}
    assert [f.name for f in sdn_2023.provenance.files] == ["sdn.csv", "alt.csv", "add.csv"]


@pytest.mark.realdata
def test_sdn_2021_joins_the_five_spilled_remarks(sdn_2021: Watchlist) -> None:
    assert len(sdn_2021) == 8_976
    assert sdn_2021.provenance.notes == ()
    directory = shared_data("ofac", "sdn_csv_2021-07-07")
    main = {row[0]: row[11] for row in _raw_rows(directory / "sdn.csv")}
    spill = dict(_raw_rows(directory / "sdn_comments.csv"))
    assert sorted(spill) == ["12300", "28263", "28264", "29703", "30518"]
    for uid, rest in spill.items():
        assert sdn_2021[uid].remarks == main[uid] + rest  # the cut falls mid-word
    lazarus = sdn_2021["28263"]
    assert lazarus.remarks is not None and len(lazarus.remarks) == 1030
    assert lazarus.remarks[960:] == (
        "a.k.a. 'tianyinyin0404'; a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP."
    )
    assert "snowsjohn" in {n.full for n in lazarus.names}  # spans the cut
    assert lazarus.relations[-1].name == "LAZARUS GROUP"
    assert not any(k == TRUNCATED_REMARK for e in sdn_2021 for k, _ in e.properties)


@pytest.mark.realdata
def test_sdn_2021_every_alt_row_is_on_its_entry(sdn_2021: Watchlist) -> None:
    rows = _raw_rows(shared_data("ofac", "sdn_csv_2021-07-07", "alt.csv"))
    assert len(rows) == 11_910
    types = {"aka": NameType.AKA, "fka": NameType.FKA, "nka": NameType.NKA}
    for ent_num, _alt_num, alt_type, alt_name, _remarks in rows:
        names = sdn_2021[ent_num].names
        assert any(
            n.full == alt_name and n.type is types[alt_type] and n.strength is NameStrength.STRONG
            for n in names
        ), (ent_num, alt_name)
    assert sum(len(e.names) - 1 for e in sdn_2021) == 11_910 + 2_417 + 24  # + weak aka / fka


@pytest.mark.realdata
def test_consolidated_2025() -> None:
    wl = legacy_csv.load(shared_data("ofac", "cons_csv_2025-12-19", "cons_prim.csv"))
    assert wl.provenance.source == "CONSOLIDATED" and wl.provenance.format == "ofac-legacy-csv"
    assert len(wl) == 442
    assert Counter(e.kind for e in wl) == {EntryKind.INDIVIDUAL: 79, EntryKind.ENTITY: 363}
    assert wl.provenance.notes == ()
    assert len(wl.provenance.files) == 4
    assert sum(len(e.names) - 1 for e in wl if e.names) >= 1_073  # CONS_ALT.CSV rows


@pytest.mark.realdata
def test_sdn_2024_with_added_header_rows_and_no_alt(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        wl = legacy_csv.load(shared_data("ofac", "sdn_csv_2024-06-27", "sdn.csv"))
    assert len(wl) == 15_402
    notes = wl.provenance.notes
    assert notes[0].startswith("sdn.csv starts with a header row")
    assert "ALT.CSV not found next to sdn.csv" in notes
    assert any(n.startswith("add.csv starts with a header row") for n in notes)
    assert "ALT.CSV not found" in caplog.text
    assert not any(n.strength is NameStrength.STRONG for e in wl for n in e.names[1:])


@pytest.mark.realdata
def test_newest_companion_files_read_cleanly() -> None:
    # SDN.CSV of 2025-12 was not obtainable; its companions still test the record reader.
    directory = shared_data("ofac", "sdn_csv_2025-12-24_partial")
    add = read_records(directory / "add.csv", 6, end_marker_required=True)
    alt = read_records(directory / "alt.csv", 5, end_marker_required=True)
    comments = read_records(directory / "sdn_comments.csv", 2, end_marker_required=True)
    assert (len(add.records), len(alt.records), len(comments.records)) == (24_244, 20_107, 28)
    assert len({r.fields[0] for r in add.records}) == 18_494
    assert add.end_marker and not add.header


@pytest.mark.realdata
def test_dispatch_finds_the_csv_sets() -> None:
    directory = shared_data("ofac", "cons_csv_2025-12-19")
    assert sniff_format(directory) == "ofac-legacy-csv"
    assert sniff_format(directory / "cons_add.csv") is None
    assert len(load_list(directory)) == 442


# --- small sets written here -----------------------------------------------------------------

NULLS = "-0- ," * 7  # Title and the six vessel columns
CHEN = (
    '29220,"CHEN, Quanguo","individual","GLOMAG",'
    + NULLS
    + '"DOB 1955; POB Pingyu, Henan, China; Gender Male."'
)
XPSB = (
    '29159,"XINJIANG PUBLIC SECURITY BUREAU",-0- ,"GLOMAG",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '
)
EBANO = (
    '4243,"EBANO","vessel","CUBA",-0- ,-0- ,"General Cargo","2595","1865","Panama",-0- ,'
    "\"Vessel Registration Identification IMO 7406784; f.k.a. 'ANA I'.\""
)
ALT = ['29159,45859,"aka","XINJIANG BUREAU OF PUBLIC SECURITY",-0- ']
ADD = ['29159,44122,-0- ,"Xinjiang","China",-0- ', '29220,44204,-0- ,"Xinjiang","China",-0- ']


def _file(path: Path, lines: list[str], *, marker: bool = True) -> Path:
    data = "".join(line + "\r\n" for line in lines).encode("ascii")
    path.write_bytes(data + (b"\x1a" if marker else b""))
    return path


def _set(
    directory: Path,
    main: list[str] | None = None,
    alt: list[str] | None = None,
    add: list[str] | None = None,
    comments: list[str] | None = None,
    prefix: str = "",
) -> Path:
    names = ("cons_prim", "cons_alt", "cons_add", "cons_comments") if prefix else None
    main_name, alt_name, add_name, comments_name = names or ("SDN", "ALT", "ADD", "SDN_COMMENTS")
    path = _file(directory / f"{main_name}.CSV", [CHEN, XPSB, EBANO] if main is None else main)
    _file(directory / f"{alt_name}.CSV", ALT if alt is None else alt)
    _file(directory / f"{add_name}.CSV", ADD if add is None else add)
    _file(directory / f"{comments_name}.CSV", comments or [], marker=False)
    return path


def test_small_set_loads_completely(tmp_path: Path) -> None:
    wl = legacy_csv.load(_set(tmp_path))
    assert [e.uid for e in wl] == ["29220", "29159", "4243"]
    assert wl.provenance.notes == () and len(wl.provenance.files) == 4
    assert [n.full for n in wl["29159"].names] == [
        "XINJIANG PUBLIC SECURITY BUREAU",
        "XINJIANG BUREAU OF PUBLIC SECURITY",
    ]
    assert wl["4243"].vessel is not None and wl["4243"].vessel.gross_registered_tonnage == "1865"


def test_spilled_remarks_are_joined_without_separator(tmp_path: Path) -> None:
    head = "Linked To: " + "X" * 978 + "; Linked T"  # 1,000 characters, cut mid-word
    main = f'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"{head}"'
    wl = legacy_csv.load(_set(tmp_path, main=[main], alt=[], add=[], comments=['36,"o: Y."']))
    entry = wl["36"]
    assert entry.remarks == head + "o: Y."
    assert [r.name for r in entry.relations] == ["X" * 978, "Y"]
    assert wl.provenance.notes == ()


def test_cut_remarks_without_continuation_are_noted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    head = "DOB 1955; " + "Website www." + "x" * 967 + "; DOB 12 Ja"
    assert len(head) == 1000
    main = f'36,"CHEN, Quanguo","individual","GLOMAG",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"{head}"'
    with caplog.at_level(logging.WARNING):
        wl = legacy_csv.load(_set(tmp_path, main=[main], alt=[], add=[]))
    assert wl.provenance.notes == (
        "1 remarks end at the 1,000-character limit of SDN.CSV with no continuation in "
        "SDN_COMMENTS.CSV, so what followed is missing (ent_num 36)",
    )
    assert "ent_num 36" in caplog.text
    assert wl["36"].properties[-1] == (TRUNCATED_REMARK, "DOB 12 Ja")  # not a bad date
    assert [str(d.start) for d in wl["36"].dates_of_birth] == ["1955"]


def test_missing_companions_are_noted(tmp_path: Path) -> None:
    path = _file(tmp_path / "sdn.csv", [CHEN])
    wl = legacy_csv.load(path)
    assert wl.provenance.notes == (
        "ALT.CSV not found next to sdn.csv",
        "ADD.CSV not found next to sdn.csv",
        "SDN_COMMENTS.CSV not found next to sdn.csv",
    )


def test_unknown_codes_are_logged_and_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    odd = '37,"MYSTERY CRAFT","spacecraft","CUBA",' + NULLS + '"Orbit Class LEO; ICTY indictee."'
    with caplog.at_level(logging.DEBUG, logger="screening.sources"):
        wl = legacy_csv.load(_set(tmp_path, main=[odd], alt=[], add=[]))
    entry = wl["37"]
    assert entry.kind is EntryKind.ENTITY
    assert entry.properties == (
        ("SDN_Type", "spacecraft"),
        (REMARK, "Orbit Class LEO"),
        (REMARK, "ICTY indictee"),
    )
    assert "ent_num 37 has unknown SDN_Type 'spacecraft'" in caplog.text
    assert "ent_num 37: remark item without a known label" in caplog.text


def test_header_row_is_skipped_and_noted(tmp_path: Path) -> None:
    header = (
        "ent_num,SDN_name,SDN_type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,"
        "Vess_owner,Remarks"
    )
    wl = legacy_csv.load(_set(tmp_path, main=[header, CHEN], alt=[], add=[]))
    assert len(wl) == 1
    assert wl.provenance.notes[0].startswith("SDN.CSV starts with a header row")


def test_consolidated_set_and_two_lists_in_one_directory(tmp_path: Path) -> None:
    _set(tmp_path)
    cons = (
        '9639,"HANIYA, Ismail Abdul Salah","individual","NS-PLC",'
        + NULLS
        + '"DOB 1962; POB Shati."'
    )
    _set(tmp_path, main=[cons], alt=['9639,9150,"aka","HANIYA, Ismail",-0- '], add=[], prefix="c")
    lists = load_lists(tmp_path)
    assert [(wl.provenance.source, len(wl)) for wl in lists] == [("SDN", 3), ("CONSOLIDATED", 1)]
    haniya = lists[1]["9639"]
    assert [(p.role.value, p.value) for p in haniya.primary_name.parts] == [
        ("last", "HANIYA"),
        ("first", "Ismail Abdul Salah"),
    ]
    assert sniff_format(tmp_path) == "ofac-legacy-csv"
    with pytest.raises(ListFormatError, match="holds 2 lists"):
        load_list(tmp_path)


@pytest.mark.parametrize(
    ("mangle", "file", "line", "reason"),
    [
        (lambda d: d[:-1], "SDN.CSV", 4, "no 0x1A end marker"),
        (lambda d: d[: d.index(b"\r\n", d.index(b"\r\n") + 2) + 2], "SDN.CSV", 3, "no 0x1A"),
        (lambda d: d.replace(b"-0- ,-0- ,-0- \r", b"-0- ,-0- \r"), "SDN.CSV", 2, "found 11"),
        (lambda d: d.replace(b"29220,", b"29220x,"), "SDN.CSV", 1, "is not a number"),
        (lambda d: d.replace(b"29220,", "٢٩٢٢٠,".encode()), "SDN.CSV", 1, "is not a number"),
        (lambda d: d.replace(b"29159,", b"29220,"), "SDN.CSV", 2, "again (first on line 1)"),
        (lambda d: d.replace(b"DOB 1955", b"DOB 31 Feb 1955"), "SDN.CSV", 1, "impossible date"),
        (lambda d: d.replace(b"GLOMAG", b"GLO\x00MAG", 1), "SDN.CSV", 1, "NUL byte"),
        (lambda d: d.replace(b"CUBA", b"CUB\xc1"), "SDN.CSV", 3, "undecodable byte"),
        (lambda d: d.replace(b'"EBANO"', b'"EBANO'), "SDN.CSV", 3, "quot"),
        (
            lambda d: d.replace(b'"GLOMAG",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ', b'"GLOMAG"x'),
            "SDN.CSV",
            2,
            "quoting",
        ),
        (lambda d: d.replace(b"\x1a", b"") + b"\x1a", "SDN.CSV", None, None),
    ],
    ids=[
        "no-marker",
        "cut-at-line-end",
        "wrong-columns",
        "non-integer-ent_num",
        "arabic-indic-digits",
        "duplicate-ent_num",
        "bad-date",
        "nul",
        "latin-1-byte",
        "unbalanced-quote",
        "junk-after-quote",
        "unmangled",
    ],
)
def test_malformed_main_file(
    tmp_path: Path, mangle: object, file: str, line: int | None, reason: str | None
) -> None:
    path = _set(tmp_path)
    target = tmp_path / file
    assert callable(mangle)
    target.write_bytes(mangle(target.read_bytes()))
    if reason is None:
        assert len(legacy_csv.load(path)) == 3
        return
    with pytest.raises(ListFormatError) as info:
        legacy_csv.load(path)
    assert (info.value.path, info.value.where) == (str(target), line)
    assert reason in info.value.reason


@pytest.mark.parametrize(
    ("alt", "add", "comments", "file", "line", "reason"),
    [
        (
            ['12345,1,"aka","NOBODY",-0- '],
            None,
            None,
            "ALT.CSV",
            1,
            "'12345' is not in the main file",
        ),
        (None, [*ADD, "4243,x,-0- ,-0- ,-0- ,-0- "], None, "ADD.CSV", 3, "add_num 'x'"),
        (
            None,
            ['99,1,-0- ,"Havana","Cuba",-0- '],
            None,
            "ADD.CSV",
            1,
            "'99' is not in the main file",
        ),
        (None, None, ['29220,"a"', '29220,"b"'], "SDN_COMMENTS.CSV", 2, "second row"),
        (None, None, ['7,"a"'], "SDN_COMMENTS.CSV", 1, "'7' is not in the main file"),
        (['29159,45859,"aka",-0- ,-0- '], None, None, "ALT.CSV", 1, "alias without a name"),
    ],
    ids=[
        "alt-unknown",
        "add-num",
        "add-unknown",
        "comments-twice",
        "comments-unknown",
        "alt-noname",
    ],
)
def test_malformed_companion(
    tmp_path: Path,
    alt: list[str] | None,
    add: list[str] | None,
    comments: list[str] | None,
    file: str,
    line: int,
    reason: str,
) -> None:
    path = _set(tmp_path, alt=alt, add=add, comments=comments)
    with pytest.raises(ListFormatError) as info:
        legacy_csv.load(path)
    assert (info.value.path, info.value.where) == (str(tmp_path / file), line)
    assert reason in info.value.reason


def test_comments_file_cut_mid_record(tmp_path: Path) -> None:
    path = _set(tmp_path)
    (tmp_path / "SDN_COMMENTS.CSV").write_bytes(b'29220,"o: Y."\r\n29159,"and mo')
    with pytest.raises(ListFormatError, match=r"SDN_COMMENTS.CSV, line 2: .*(quot|truncated)"):
        legacy_csv.load(path)


def test_empty_or_foreign_main_file(tmp_path: Path) -> None:
    empty = _file(tmp_path / "sdn.csv", [])
    assert legacy_csv.sniff(empty)
    with pytest.raises(ListFormatError, match="no entries"):
        legacy_csv.load(empty)
    empty.write_bytes(b"name,program\r\nFOO,BAR\r\n\x1a")
    assert not legacy_csv.sniff(empty)
    with pytest.raises(ListFormatError, match="line 1: expected 12 fields"):
        legacy_csv.load(empty)
    with pytest.raises(ListFormatError, match="not an OFAC legacy CSV main file"):
        legacy_csv.load(_file(tmp_path / "add.csv", ADD))


def test_sniff_is_exact_and_never_raises(tmp_path: Path) -> None:
    path = _set(tmp_path)
    assert legacy_csv.sniff(path)
    assert not legacy_csv.sniff(tmp_path / "ALT.CSV")
    assert not legacy_csv.sniff(tmp_path)
    assert not legacy_csv.sniff(tmp_path / "missing" / "sdn.csv")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "sdn.csv").write_bytes(b"<?xml version='1.0'?><sdnList/>")
    assert not legacy_csv.sniff(tmp_path / "x" / "sdn.csv")


# --- properties ---------------------------------------------------------------------------------

_FILES = ("SDN.CSV", "ALT.CSV", "ADD.CSV", "SDN_COMMENTS.CSV")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    file=st.sampled_from(_FILES),
    cut=st.integers(min_value=0, max_value=2_000),
    length=st.integers(min_value=0, max_value=20),
    insert=st.binary(max_size=8),
)
def test_mangled_sets_raise_only_list_format_error(
    tmp_path_factory: pytest.TempPathFactory, file: str, cut: int, length: int, insert: bytes
) -> None:
    directory = tmp_path_factory.mktemp("set")
    path = _set(directory, comments=['29220,"o: Y."'])
    target = directory / file
    data = target.read_bytes()
    cut = min(cut, len(data))
    target.write_bytes(data[:cut] + insert + data[cut + length :])
    try:
        wl = legacy_csv.load(path)
    except ListFormatError as exc:
        event(f"ListFormatError: {exc.reason.split(':')[0][:30]}")
        assert exc.path in {str(directory / name) for name in _FILES}
        return
    event("loaded")
    assert 1 <= len(wl) <= 3  # a mangled set that still parses is still a whole set
