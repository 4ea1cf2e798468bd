"""``POST /v1/ownership``: an edge set in, the 50 Percent Rule's report out."""

from __future__ import annotations

from decimal import Decimal

from screening.errors import OwnershipError
from screening.http.models import OwnershipRequest, OwnershipResponse, PartyStatus
from screening.ownership import OwnershipGraph, OwnershipReport
from screening.ownership.stakes import PercentLike

__all__ = ["apply_rule"]


def apply_rule(request: OwnershipRequest) -> OwnershipResponse:
    """Build the graph, apply the regime and report every affected party (or those asked for).

    Raises:
        OwnershipError: a malformed percentage range or date window, a bad seed id.
    """
    graph = OwnershipGraph()
    for number, edge in enumerate(request.edges):
        try:
            graph.add_edge(
                edge.owner,
                edge.owned,
                _percent(edge.percent),
                start=edge.start,
                end=edge.end,
                source=edge.source,
                line=f"edges[{number}]",
                share_class=edge.share_class,
                held_for=edge.held_for,
                owner_name=edge.owner_name,
                owned_name=edge.owned_name,
            )
        except OwnershipError as exc:
            raise OwnershipError(f"edges[{number}]: {exc}") from None
    for number, control in enumerate(request.controls):
        try:
            graph.add_control(
                control.controller,
                control.controlled,
                start=control.start,
                end=control.end,
                source=control.source,
                line=f"controls[{number}]",
            )
        except OwnershipError as exc:
            raise OwnershipError(f"controls[{number}]: {exc}") from None
    report = graph.blocked(request.seeds, regime=request.regime, as_of=request.as_of)
    ids = request.parties if request.parties is not None else _affected(report)
    return OwnershipResponse(
        regime=report.regime.name,
        as_of=report.as_of,
        blocked=sorted(report.blocked),
        possibly_blocked=sorted(report.possibly_blocked),
        parties=[_party(report, party, request.explain) for party in ids],
        issues=report.issues,
    )


def _percent(value: object) -> PercentLike:
    # A JSON number arrives as a float; its shortest repr ("16.33") is the number the client
    # wrote, where Decimal(16.33) would be 16.3299999999999982946974341757595539093017578125.
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, tuple):
        lo, hi = (repr(v) if isinstance(v, float) else v for v in value)
        return (lo, hi)
    assert value is None or isinstance(value, str | int)
    return value


def _affected(report: OwnershipReport) -> list[str]:
    labels = {rule.label for _, rule in report.regime.program_rules}
    restricted = {party for label in labels for party in report.restricted(label)}
    return sorted(report.blocked | report.possibly_blocked | restricted)


def _party(report: OwnershipReport, party: str, explain: bool) -> PartyStatus:
    explanation = report.explain(party)
    return PartyStatus(
        id=party,
        name=report.name(party),
        status=explanation.status,
        # As the CLI writes it: "50", not "50.00" or "5E+1" (the explanation keeps its own).
        share=Decimal(format(explanation.share.normalize(), "f")),
        restrictions=report.restrictions(party),
        programs=report.programs(party),
        explanation=explanation if explain else None,
    )
