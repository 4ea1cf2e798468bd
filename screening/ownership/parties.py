"""Turning a party as a reader finds it (an id, or only a name) into a graph id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screening.ownership.issues import IssueKind, OwnershipIssue
from screening.ownership.resolve import NameScreener, resolve_name

if TYPE_CHECKING:
    from screening.ownership.graph import OwnershipGraph

__all__ = ["NAME_PREFIX", "party_id"]

# Ids made up for parties known only by name; the prefix keeps them apart from list uids.
NAME_PREFIX = "name:"


def party_id(
    graph: OwnershipGraph,
    party: str | None,
    name: str | None,
    *,
    screener: NameScreener | None,
    min_score: float,
    source: str | None,
    where: int | str | None,
) -> str | None:
    """The id to use for a party: its id if given; else the uid of the listed party its name
    matches (recorded as a :class:`NameMatch`); else ``"name:<name>"``, with an issue. ``None``
    when there is neither id nor name."""
    if party:
        return party
    if not name:
        return None
    if screener is not None:
        match = resolve_name(screener, name, min_score=min_score)
        if match is not None:
            graph.set_match(match.uid, match)
            return match.uid
        reason = f"no listed party matches {name!r} with a score of at least {min_score}"
    else:
        reason = f"{name!r} is given by name only and no screener was supplied to match it"
    made_up = NAME_PREFIX + name
    graph.report_issue(
        OwnershipIssue(
            kind=IssueKind.UNRESOLVED_NAME,
            message=f"{reason}; kept as {made_up!r}",
            source=source,
            where=where,
            ids=(made_up,),
        )
    )
    return made_up
