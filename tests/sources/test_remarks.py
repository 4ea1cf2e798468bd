"""Remark text of the legacy formats, item by item, with the label table behind it."""

from __future__ import annotations

from importlib import resources

import pytest

from screening.models import EntryKind, IdScheme, NameStrength, NameType
from screening.sources._labels import label_kind, match_label
from screening.sources._remarks import REMARK, labelled_fact, parse_remarks


def test_label_table_is_sorted_unique_and_reachable() -> None:
    text = resources.files("screening.sources").joinpath("ofac_fact_labels.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["label", "kind"]
    labels = [label for label, _ in rows[1:]]
    assert labels == sorted(labels) and len(labels) == len(set(labels))
    for label, kind in rows[1:]:
        assert label == label.strip() and "  " not in label and kind in ("id", "fact")
        assert label_kind(label) == kind
        assert match_label(f"{label} 12345 (Iran)") == (label, kind, "12345 (Iran)")


def test_individual_facts() -> None:
    facts = parse_remarks(
        "DOB 10 Dec 1948; alt. DOB circa 1950; POB Pingyu, Henan, China; nationality China; "
        "citizen Mexico; Gender Male; Passport L 191609 issued 28 Feb 1996 expires 27 Feb 2001; "
        "a.k.a. 'CHAFFORI, Petit'; f.k.a. 'HASSAN THE OLD'.",
        uid="8219",
        kind=EntryKind.INDIVIDUAL,
    )
    assert [d.text for d in facts.dates_of_birth] == ["10 Dec 1948", "circa 1950"]
    assert facts.places_of_birth == ["Pingyu, Henan, China"]
    assert (facts.nationalities, facts.citizenships, facts.gender) == (
        ["China"],
        ["Mexico"],
        "Male",
    )
    (passport,) = facts.identifiers
    assert (passport.value, passport.issue_date, passport.expiry_date) == (
        "L 191609",
        "1996-02-28",
        "2001-02-27",
    )
    petit, old = facts.aliases
    assert (petit.type, petit.strength) == (NameType.AKA, NameStrength.WEAK)
    assert [p.value for p in petit.parts] == ["CHAFFORI", "Petit"]
    assert (old.type, old.full) == (NameType.FKA, "HASSAN THE OLD")  # full stop not in the name
    assert facts.properties == []


@pytest.mark.parametrize(
    ("item", "scheme", "value", "country", "currency"),
    [
        ("Tax ID No. 100036386 (Serbia)", IdScheme.TAX_ID, "100036386", "Serbia", None),
        (
            "Registration Number HRA 738077 (Stuttgart) (Germany)",
            IdScheme.REGISTRATION,
            "HRA 738077 (Stuttgart)",
            "Germany",
            None,
        ),
        ("Vessel Registration Identification IMO 7406784", IdScheme.IMO, "IMO 7406784", None, None),
        ("Company Number IMO 5055293", IdScheme.IMO, "IMO 5055293", None, None),
        (
            "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
            IdScheme.DIGITAL_CURRENCY,
            "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
            None,
            "XBT",
        ),
        ("SWIFT/BIC VTBRRUMM", IdScheme.SWIFT_BIC, "VTBRRUMM", None, None),
        ("MMSI 572469210", IdScheme.MMSI, "572469210", None, None),
        (
            "Travel Document Number A0144378 (Germany)",
            IdScheme.OTHER,
            "A0144378",
            "Germany",
            None,
        ),  # not in the table: the generic rule
    ],
)
def test_identifiers(
    item: str, scheme: IdScheme, value: str, country: str | None, currency: str | None
) -> None:
    facts = parse_remarks(item + ".", uid="1", kind=EntryKind.ENTITY)
    (found,) = facts.identifiers
    assert (found.scheme, found.value, found.country, found.currency) == (
        scheme,
        value,
        country,
        currency,
    )


def test_labelled_facts_and_free_text() -> None:
    facts = parse_remarks(
        "Organization Established Date 1969; Target Type Financial Institution; Secondary "
        "sanctions risk: section 1(b) of Executive Order 13224; Listing Date (EO 14024 Directive "
        "2): 24 Feb 2022; Website www.rosneft.com; info@al-nour.net; ICTY indictee; "
        "Organization Type: Other financial service activities, n.e.c.",
        uid="1",
        kind=EntryKind.ENTITY,
    )
    assert facts.properties == [
        ("Organization Established Date", "1969"),
        ("Target Type", "Financial Institution"),
        ("Secondary sanctions risk", "section 1(b) of Executive Order 13224"),
        ("Listing Date (EO 14024 Directive 2)", "24 Feb 2022"),
        ("Website", "www.rosneft.com"),
        ("Email Address", "info@al-nour.net"),
        (REMARK, "ICTY indictee"),
        ("Organization Type", "Other financial service activities, n.e.c."),  # abbreviation
    ]


def test_sanctions_information_keeps_its_semicolon() -> None:
    # CONSOLIDATED.XML 2018 shows this whole sentence as one idNumber.
    facts = parse_remarks(
        "Additional Sanctions Information - Not on the SDN List and Not Subject to Secondary "
        "Sanctions; U.S. Persons Must Continue to Block the Property and Interests in Property "
        "of this Person Pursuant to Executive Order 13599; Website www.x.ir.",
        uid="4632",
        kind=EntryKind.ENTITY,
    )
    assert [label for label, _ in facts.properties] == [
        "Additional Sanctions Information",
        "Website",
    ]
    assert facts.properties[0][1].endswith(
        "; U.S. Persons Must Continue to Block the Property "
        "and Interests in Property of this Person Pursuant to "
        "Executive Order 13599"
    )


def test_title_repeated_in_remarks_is_not_kept_twice() -> None:
    title = (
        "Chairman & Director, Naftiran Intertrade Co. (NICO) Sarl; "
        "Director, Hong Kong Intertrade Company"
    )
    facts = parse_remarks(
        "DOB 22 Mar 1958; Chairman & Director, Naftiran Intertrade Co. (NICO) Sarl; Director, "
        "Hong Kong Intertrade Company.",
        uid="15961",
        kind=EntryKind.INDIVIDUAL,
        title=title,
    )
    assert facts.properties == []


def test_linked_to_at_the_end_asks_the_list() -> None:
    known = {"KPD S.A."}.__contains__
    assert (
        parse_remarks("Linked To: KPD S.A.", uid="1", kind=EntryKind.ENTITY, is_known_name=known)
        .relations[0]
        .name
        == "KPD S.A."
    )
    assert (
        parse_remarks(
            "Linked To: LAZARUS GROUP.", uid="1", kind=EntryKind.ENTITY, is_known_name=known
        )
        .relations[0]
        .name
        == "LAZARUS GROUP"
    )
    xml = parse_remarks(
        "all offices worldwide; (Linked To: ROSTEC)",
        uid="1",
        kind=EntryKind.ENTITY,
        closed_by_full_stop=False,
    )
    assert (xml.relations[0].name, xml.properties) == (
        "ROSTEC",
        [(REMARK, "all offices worldwide")],
    )


def test_bad_dates_raise_value_error() -> None:
    with pytest.raises(ValueError, match="31 Feb 1960"):
        parse_remarks("DOB 31 Feb 1960.", uid="1", kind=EntryKind.INDIVIDUAL)
    with pytest.raises(ValueError, match="impossible date"):
        parse_remarks("Passport 123 (Iran) issued 30 Feb 2001.", uid="1", kind=EntryKind.INDIVIDUAL)


def test_truncated_last_item_is_kept_as_text_only() -> None:
    facts = parse_remarks("DOB 1955; DOB 12 Ja", uid="1", kind=EntryKind.INDIVIDUAL, truncated=True)
    assert [d.text for d in facts.dates_of_birth] == ["1955"]
    assert facts.properties == [("Remark (truncated)", "DOB 12 Ja")]


def test_xml_id_labels() -> None:
    assert labelled_fact(
        "Additional Sanctions Information -", "Subject to Secondary Sanctions"
    ) == (
        "Additional Sanctions Information",
        "Subject to Secondary Sanctions",
    )
    passport = labelled_fact("Passport", "A123", country="Iran", issued="10 Jul 1991")
    assert not isinstance(passport, tuple) and passport.issue_date == "1991-07-10"
    assert not isinstance(labelled_fact("Kenyan ID No.", "12773667"), tuple)
