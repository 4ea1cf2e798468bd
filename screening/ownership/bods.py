"""Ownership edges from the Beneficial Ownership Data Standard (BODS 0.4).

A BODS file is a JSON array (or JSON Lines) of statements about records: ``entity``,
``person`` and ``relationship``. A relationship says that ``interestedParty`` has
``interests`` in ``subject``. Later statements about the same record replace earlier ones (by
``statementDate``, then file order), and a record whose last statement is ``closed`` is gone.

Interests map to the graph as follows:

- ``shareholding``: an ownership holding with its ``share`` (``exact``, or ``minimum`` /
  ``exclusiveMinimum`` and ``maximum`` / ``exclusiveMaximum``, kept exactly: numbers are read
  as decimals) and its ``startDate`` / ``endDate`` window;
- control interests (``appointmentOfBoard``, ``otherInfluenceOrControl``, control through
  company rules, a legal framework or contract rights, and ``votingRights`` that are certainly
  a majority): a control relation, which counts under the EU and UK regimes only;
- ``unknownInterest``, ``unpublishedInterest`` or no type: a holding of unknown share;
- anything else (trustee, settlor, senior managing official, rights to profit...): not an
  edge, reported.

An ``indirect`` interest is not a holding of the subject: OFAC's rule looks through the
intermediate entities, whose own holdings the component records give. With components it is
skipped; without, it is kept as a holding of unknown share. Both are reported. An entity of
type ``arrangement`` (a joint shareholding, a trust) is an ordinary party.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screening.errors import OwnershipError
from screening.ownership.issues import IssueKind, OwnershipIssue
from screening.ownership.stakes import Stake, parse_stake

if TYPE_CHECKING:
    from screening.ownership.graph import OwnershipGraph

__all__ = ["CONTROL_INTERESTS", "read_bods"]

CONTROL_INTERESTS = frozenset(
    {
        "appointmentOfBoard",
        "otherInfluenceOrControl",
        "controlViaCompanyRulesOrArticles",
        "controlByLegalFramework",
        "rightsGrantedByContract",
        "conditionalRightsGrantedByContract",
    }
)
_UNKNOWN_INTERESTS = frozenset({"unknownInterest", "unpublishedInterest"})
_MAJORITY = Decimal(50)


def _statements(file: Path) -> Iterator[tuple[str, Any]]:
    text = file.read_text(encoding="utf-8-sig")
    try:
        if text.lstrip().startswith("["):
            data = json.loads(text, parse_float=Decimal)
            if not isinstance(data, list):
                raise OwnershipError(f"{file}: a BODS package must be a JSON array")
            for index, statement in enumerate(data):
                yield f"[{index}]", statement
        else:
            for number, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    yield f"line {number}", json.loads(line, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise OwnershipError(f"{file}: not JSON: {exc}") from None


def _name(record_type: str, details: Mapping[str, Any]) -> str | None:
    if record_type == "entity":
        name = details.get("name")
        return name if isinstance(name, str) else None
    for entry in details.get("names") or ():
        if isinstance(entry, Mapping) and isinstance(entry.get("fullName"), str):
            return str(entry["fullName"])
    return None


def _stake(share: object) -> Stake:
    if not isinstance(share, Mapping) or not share:
        return parse_stake(None)
    if "exact" in share:
        return parse_stake(share["exact"])
    lo, lo_open = share.get("minimum"), False
    if lo is None and "exclusiveMinimum" in share:
        lo, lo_open = share["exclusiveMinimum"], True
    hi, hi_open = share.get("maximum"), False
    if hi is None and "exclusiveMaximum" in share:
        hi, hi_open = share["exclusiveMaximum"], True
    bounds = parse_stake((lo, hi))
    return parse_stake(Stake(bounds.lo, bounds.hi, lo_open, hi_open))


def read_bods(graph: OwnershipGraph, path: str | os.PathLike[str]) -> int:
    """Add the holdings and control relations of the BODS 0.4 file at ``path`` to ``graph``.

    Returns:
        The number of statements read.

    Raises:
        OwnershipError: the file is not JSON, or not an array or lines of statements.
    """
    file = Path(path)
    source = file.name
    latest: dict[tuple[str, str], tuple[str, str, Mapping[str, Any]]] = {}
    count = 0

    def issue(kind: IssueKind, message: str, where: str, *ids: str) -> None:
        graph.report_issue(
            OwnershipIssue(kind=kind, message=message, source=source, where=where, ids=ids)
        )

    for where, statement in _statements(file):
        count += 1
        if not isinstance(statement, Mapping):
            issue(IssueKind.BAD_RECORD, "a statement that is not a JSON object; skipped", where)
            continue
        record_type, record_id = statement.get("recordType"), statement.get("recordId")
        if record_type not in ("entity", "person", "relationship") or not isinstance(
            record_id, str
        ):
            issue(
                IssueKind.BAD_RECORD,
                f"no BODS 0.4 recordType/recordId (recordType {record_type!r}); skipped",
                where,
            )
            continue
        when = str(statement.get("statementDate") or "")
        key = (record_type, record_id)
        if key not in latest or when >= latest[key][0]:
            latest[key] = (when, where, statement)

    parties: set[str] = set()
    for (record_type, record_id), (_, _, statement) in latest.items():
        if record_type != "relationship" and statement.get("recordStatus") != "closed":
            parties.add(record_id)
            name = _name(record_type, statement.get("recordDetails") or {})
            if name:
                graph._set_name(graph._node(record_id), name)

    for (record_type, record_id), (_, where, statement) in latest.items():
        if record_type != "relationship" or statement.get("recordStatus") == "closed":
            continue
        details = statement.get("recordDetails") or {}
        subject, party = details.get("subject"), details.get("interestedParty")
        place = f"{where} relationship {record_id}"
        if not isinstance(subject, str) or not isinstance(party, str):
            issue(
                IssueKind.BAD_RECORD,
                f"subject {subject!r} or interestedParty {party!r} is not a record id "
                "(an unspecified party cannot be blocked); skipped",
                place,
            )
            continue
        for missing in (p for p in (party, subject) if p not in parties):
            issue(IssueKind.UNKNOWN_ID, f"no entity or person statement for {missing!r}", place)
        components = bool(details.get("componentRecords"))
        for number, interest in enumerate(details.get("interests") or ()):
            _add_interest(
                graph, party, subject, interest, components, source, f"{place}.interests[{number}]"
            )
    return count


def _add_interest(
    graph: OwnershipGraph,
    owner: str,
    owned: str,
    interest: object,
    components: bool,
    source: str,
    where: str,
) -> None:
    def issue(kind: IssueKind, message: str) -> None:
        graph.report_issue(
            OwnershipIssue(kind=kind, message=message, source=source, where=where, ids=(owner,))
        )

    if not isinstance(interest, Mapping):
        issue(IssueKind.BAD_RECORD, "an interest that is not a JSON object; skipped")
        return
    kind = interest.get("type")
    start, end = interest.get("startDate"), interest.get("endDate")
    try:
        stake = _stake(interest.get("share"))
    except OwnershipError as exc:
        issue(IssueKind.PERCENT_INVALID, f"{exc}; kept as a holding of unknown share")
        stake = parse_stake(None)
    try:
        unknown_share = False
        if interest.get("directOrIndirect") == "indirect":
            if components:
                issue(IssueKind.INDIRECT, "indirect interest given with its chain; not counted")
                return
            issue(IssueKind.INDIRECT, "indirect interest without its chain; unknown share")
            unknown_share = True
        if kind == "shareholding" or kind in _UNKNOWN_INTERESTS or kind is None:
            unknown_share = unknown_share or kind != "shareholding"
            graph.add_edge(
                owner,
                owned,
                None if unknown_share else stake,
                start=start,
                end=end,
                source=source,
                line=where,
            )
        elif kind in CONTROL_INTERESTS or (
            kind == "votingRights" and (stake.lo > _MAJORITY or (stake.lo == 50 and stake.lo_open))
        ):
            graph.add_control(owner, owned, start=start, end=end, source=source, line=where)
        else:
            issue(IssueKind.NOT_OWNERSHIP, f"interest type {kind!r} is not ownership or control")
    except OwnershipError as exc:
        issue(IssueKind.BAD_RECORD, f"{exc}; interest skipped")
