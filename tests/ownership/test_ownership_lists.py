"""Seeds and "Owned or Controlled By" links from watchlists built with the list model."""

from __future__ import annotations

from datetime import UTC, date, datetime

from screening import (
    Entry,
    EntryKind,
    FileDigest,
    ListProvenance,
    Name,
    OwnershipGraph,
    Relation,
    Watchlist,
)
from screening.ownership.lists import designations, list_programs


def entry(uid: str, name: str, source: str = "SDN", **fields: object) -> Entry:
    return Entry(
        uid=uid,
        source=source,
        kind=EntryKind.ENTITY,
        names=(Name(full=name),),
        **fields,  # type: ignore[arg-type]
    )


def watchlist(source: str, *entries: Entry) -> Watchlist:
    provenance = ListProvenance(
        source=source,
        format="ofac-advanced-xml",
        files=(FileDigest(name=f"{source}.XML", size=1, sha256="0" * 64),),
        loaded_at=datetime(2024, 1, 1, tzinfo=UTC),
    )
    return Watchlist(entries, provenance)


SDN = watchlist(
    "SDN",
    entry("29159", "XINJIANG PUBLIC SECURITY BUREAU", programs=("GLOMAG",)),
    entry(
        "90001",
        "XPSB TRADING CO",
        programs=("GLOMAG",),
        relations=(Relation(type="Owned or Controlled By", uid="29159"),),
        designation_date=date(2020, 7, 31),
    ),
)
CONSOLIDATED = watchlist(
    "CONSOLIDATED",
    entry(
        "20001",
        "ROSNEFT",
        source="CONSOLIDATED",
        list_names=("Sectoral Sanctions Identifications List",),
        programs=("UKRAINE-EO13662", "RUSSIA-EO14024"),
    ),
    entry(
        "20002",
        "ROSNEFT SUBSIDIARY",
        source="CONSOLIDATED",
        list_names=("Sectoral Sanctions Identifications List",),
        programs=("UKRAINE-EO13662",),
        relations=(
            Relation(type="Owned or Controlled By", uid="20001", name="ROSNEFT"),
            Relation(type="Linked To", uid="29159"),
            Relation(type="Owned or Controlled By", uid="77777"),
        ),
    ),
    entry("30001", "CMIC CO", source="CONSOLIDATED", programs=("CMIC-EO13959",)),
    entry("30002", "PLC MEMBER", source="CONSOLIDATED", list_names=("NS-PLC List",)),
)


def test_list_programs_follow_the_list_an_entry_is_on() -> None:
    assert list_programs(SDN["29159"]) == ("GLOMAG",)
    assert list_programs(CONSOLIDATED["20001"]) == ("SSI",)
    assert list_programs(CONSOLIDATED["30001"]) == ("NS-CMIC",)  # legacy CSV: no list names
    assert list_programs(CONSOLIDATED["30002"]) == ("NS-PLC",)
    both = entry("1", "X", list_names=("SDN List", "Sectoral Sanctions Identifications List"))
    assert list_programs(both) == ("SDN", "SSI")  # on the SDN list: blocked, and SSI


def test_watchlist_seeds_and_relations() -> None:
    g = OwnershipGraph()
    g.add_edge("29159", "Shell A", "60")
    g.add_edge("20001", "Rosneft Trading", "51")
    g.add_edge("30001", "CMIC Sub", "100")
    assert g.add_list_relations([SDN, CONSOLIDATED]) == 3
    report = g.blocked([SDN, CONSOLIDATED], as_of="2024-01-01")
    assert report.blocked == {"29159", "90001", "Shell A"}
    assert report.restricted("SSI") == {"20001", "20002", "Rosneft Trading"}
    assert report.restricted("NS-CMIC") == {"30001"}  # its subsidiary is not covered
    assert report.status("CMIC Sub") == "not_blocked"
    # a relation to a uid in no given list is reported, and kept as a link of unknown share
    unknown = [i for i in g.issues if i.kind == "unknown_id"]
    assert [(i.ids, i.where) for i in unknown] == [(("77777",), "entry 20002")]
    link = report.explain("20002", restriction="SSI").steps[-1]
    assert link.reason == "listed"


def test_relations_without_designation_make_the_owned_possibly_blocked() -> None:
    g = OwnershipGraph()
    g.add_list_relations(SDN)
    report = g.blocked({"29159"})  # only the bureau is a seed here
    assert report.status("90001") == "possibly_blocked"
    link = report.explain("90001").steps[-1].links[0]
    assert (link.owner, link.stake, link.source) == (
        "29159",
        "unknown",
        "SDN list (ofac-advanced-xml)",
    )


def test_designation_dates_are_seed_windows() -> None:
    seeds = designations([SDN])
    assert seeds["90001"].start == date(2020, 7, 31)
    g = OwnershipGraph()
    g.add_edge("90001", "Sub", "50")
    assert not g.blocked([SDN], as_of="2020-07-30").is_blocked("Sub")
    assert g.blocked([SDN], as_of="2020-07-31").is_blocked("Sub")
