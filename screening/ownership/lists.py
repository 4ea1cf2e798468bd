"""Seeds and ownership links from loaded sanctions lists.

Every entry of a list is a seed. Which restriction it carries depends on the list it is on:
entries of the SDN list are blocked under their programs; entries of OFAC's non-SDN lists are
not blocked, and carry a restriction named after their list (``"SSI"``, ``"NS-CMIC"``,
``"NS-MBS"``, ``"NS-PLC"``, ``"FSE"``, ``"PART-561"``, ``"CAPTA"``, or ``"NON-SDN"``) whose
propagation the regime's program rules decide (SSI propagates the directive; the others do not).
The list is read from the entry's ``list_names`` where the format gives them (the advanced XML)
and otherwise from its program tags (the legacy consolidated CSV has no list names: there
``UKRAINE-EO13662`` marks the SSI list and ``CMIC-EO13959`` the NS-CMIC list).

"Owned or Controlled By" relations become holdings of unknown share: OFAC publishes the link,
not the percentage, so the owned party is possibly blocked through its owner.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from screening.models import Entry, Watchlist
from screening.ownership.issues import IssueKind, OwnershipIssue
from screening.ownership.parties import party_id
from screening.ownership.resolve import NameScreener
from screening.ownership.seeds import Designation

if TYPE_CHECKING:
    from screening.ownership.graph import OwnershipGraph

__all__ = ["OWNED_OR_CONTROLLED_BY", "add_list_relations", "designations", "list_programs"]

OWNED_OR_CONTROLLED_BY = "owned or controlled by"

# (words in a list name, restriction) for OFAC's non-SDN lists, checked in order.
_NON_SDN_LISTS = (
    ("SECTORAL SANCTIONS", "SSI"),
    ("SSI", "SSI"),
    ("MILITARY-INDUSTRIAL", "NS-CMIC"),
    ("CMIC", "NS-CMIC"),
    ("MENU-BASED", "NS-MBS"),
    ("MBS", "NS-MBS"),
    ("PALESTINIAN LEGISLATIVE", "NS-PLC"),
    ("PLC", "NS-PLC"),
    ("FOREIGN SANCTIONS EVADERS", "FSE"),
    ("FSE", "FSE"),
    ("561", "PART-561"),
    ("CAPTA", "CAPTA"),
    ("CORRESPONDENT ACCOUNT", "CAPTA"),
)
# Program tags that identify the non-SDN list when the format gives no list name.
_NON_SDN_PROGRAMS = (
    ("UKRAINE-EO13662", "SSI"),
    ("CMIC-EO13959", "NS-CMIC"),
    ("NS-PLC", "NS-PLC"),
    ("561-RELATED", "PART-561"),
    ("FSE-IR", "FSE"),
    ("FSE-SY", "FSE"),
)
_UMBRELLA = {"CONSOLIDATED LIST", "NON-SDN LIST", "CONSOLIDATED"}


def _is_sdn(entry: Entry) -> bool:
    names = {name.strip().upper() for name in entry.list_names}
    return entry.source.strip().upper() == "SDN" or "SDN LIST" in names


def list_programs(entry: Entry) -> tuple[str, ...]:
    """The program tags to seed ``entry`` with (see the module docstring)."""
    sdn = _is_sdn(entry)
    found: list[str] = list(entry.programs or ("SDN",)) if sdn else []
    named = False
    for list_name in entry.list_names:
        upper = list_name.strip().upper()
        if upper == "SDN LIST" or upper in _UMBRELLA:
            continue
        named = True
        found.append(next((label for words, label in _NON_SDN_LISTS if words in upper), "NON-SDN"))
    if not sdn and not named:
        tags = {program.strip().upper() for program in entry.programs}
        found.extend(label for program, label in _NON_SDN_PROGRAMS if program in tags)
        if not found:
            found.append("NON-SDN")
    return tuple(dict.fromkeys(found))


def designations(lists: Iterable[Watchlist]) -> dict[str, Designation]:
    """Every entry of ``lists`` as a seed, from its designation date where the list gives one."""
    found: dict[str, Designation] = {}
    for watchlist in lists:
        for entry in watchlist:
            programs = list_programs(entry)
            previous = found.get(entry.uid)
            if previous is not None:
                programs = tuple(dict.fromkeys(previous.programs + programs))
            found[entry.uid] = Designation(programs, entry.designation_date)
    return found


def add_list_relations(
    graph: OwnershipGraph,
    lists: Watchlist | Iterable[Watchlist],
    *,
    screener: NameScreener | None = None,
    min_score: float = 0.9,
) -> int:
    """Add each entry's "Owned or Controlled By" relations as holdings of unknown share.

    A relation on entry ``E`` naming ``P`` means ``E`` is owned or controlled by ``P``. A
    relation without a uid is resolved by name through ``screener``; a uid that none of the
    given lists holds is reported as an unknown id (the link is still added).

    Returns:
        The number of relations added.
    """
    watchlists = [lists] if isinstance(lists, Watchlist) else list(lists)
    known = {entry.uid for watchlist in watchlists for entry in watchlist}
    added = 0
    for watchlist in watchlists:
        source = f"{watchlist.provenance.source} list ({watchlist.provenance.format})"
        for entry in watchlist:
            for relation in entry.relations:
                if relation.type.strip().lower() != OWNED_OR_CONTROLLED_BY:
                    continue
                where = f"entry {entry.uid}"
                owner = party_id(
                    graph,
                    relation.uid,
                    relation.name,
                    screener=screener,
                    min_score=min_score,
                    source=source,
                    where=where,
                )
                if owner is None:
                    graph.report_issue(
                        OwnershipIssue(
                            kind=IssueKind.BAD_RECORD,
                            message=f"an {relation.type!r} relation of {entry.uid!r} names no "
                            "party; skipped",
                            source=source,
                            where=where,
                            ids=(entry.uid,),
                        )
                    )
                    continue
                if relation.uid and relation.uid not in known:
                    graph.report_issue(
                        OwnershipIssue(
                            kind=IssueKind.UNKNOWN_ID,
                            message=f"{entry.uid!r} is owned or controlled by uid "
                            f"{relation.uid!r}, which none of the lists given holds",
                            source=source,
                            where=where,
                            ids=(relation.uid,),
                        )
                    )
                added += graph.add_edge(
                    owner,
                    entry.uid,
                    None,
                    source=source,
                    line=where,
                    owner_name=relation.name,
                    owned_name=entry.primary_name.full,
                )
    return added
