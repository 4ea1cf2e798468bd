"""Ownership edges from CSV.

A header row names the columns, in any order: ``owner_id``, ``owner_name``, ``owned_id``,
``owned_name``, ``percent``, ``start``, ``end``, ``source``, and optionally ``kind``
(``ownership``, the default, or ``control``), ``share_class`` and ``held_for`` (the beneficial
owner when the holder is a nominee). Each party needs an id or a name; a party given only by
name is matched against the lists when a screener is supplied.

Rows are never guessed at: a percentage that cannot be read or lies outside [0, 100] is kept as
a holding of unknown share (so the owned entity is at most "possibly blocked"), and a row that
cannot be a holding at all (no party, a bad date) is skipped; both are recorded as issues with
the line number.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TYPE_CHECKING

from screening.errors import OwnershipError
from screening.ownership.issues import IssueKind, OwnershipIssue
from screening.ownership.parties import party_id
from screening.ownership.resolve import NameScreener
from screening.ownership.stakes import PercentLike, parse_stake
from screening.ownership.store import window

if TYPE_CHECKING:
    from screening.ownership.graph import OwnershipGraph

__all__ = ["COLUMNS", "read_csv"]

COLUMNS = (
    "owner_id",
    "owner_name",
    "owned_id",
    "owned_name",
    "percent",
    "start",
    "end",
    "source",
    "kind",
    "share_class",
    "held_for",
)


def read_csv(
    graph: OwnershipGraph,
    path: str | os.PathLike[str],
    *,
    screener: NameScreener | None = None,
    min_score: float = 0.9,
) -> int:
    """Add the holdings in the CSV file at ``path`` to ``graph``; returns the rows read.

    Raises:
        OwnershipError: the file has no header, or lacks the ``percent`` column or both the
            id and name columns of a party.
    """
    file = Path(path)
    rows = 0
    with file.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip().lower() for name in reader.fieldnames or ()]
        missing = [
            need
            for need, options in (
                ("percent", ("percent",)),
                ("owner_id or owner_name", ("owner_id", "owner_name")),
                ("owned_id or owned_name", ("owned_id", "owned_name")),
            )
            if not any(option in header for option in options)
        ]
        if missing:
            raise OwnershipError(f"{file}, line 1: missing column(s) {', '.join(missing)}")
        reader.fieldnames = header
        for row in reader:
            rows += 1
            _add_row(graph, row, file.name, reader.line_num, screener, min_score)
    return rows


def _add_row(
    graph: OwnershipGraph,
    row: dict[str, str | None],
    file: str,
    line: int,
    screener: NameScreener | None,
    min_score: float,
) -> None:
    def cell(name: str) -> str | None:
        value = row.get(name)
        return value.strip() or None if isinstance(value, str) else None

    label = cell("source")
    source = f"{file} ({label})" if label else file

    def skip(reason: str) -> None:
        graph.report_issue(
            OwnershipIssue(kind=IssueKind.BAD_RECORD, message=reason, source=source, where=line)
        )

    parties = []
    for role in ("owner", "owned"):
        found = party_id(
            graph,
            cell(f"{role}_id"),
            cell(f"{role}_name"),
            screener=screener,
            min_score=min_score,
            source=source,
            where=line,
        )
        if found is None:
            skip(f"no {role} id or name; row skipped")
            return
        parties.append(found)
    owner, owned = parties
    kind = (cell("kind") or "ownership").lower()
    try:
        if kind == "control":
            graph.add_control(
                owner, owned, start=cell("start"), end=cell("end"), source=source, line=line
            )
            return
        if kind != "ownership":
            skip(f"kind {kind!r} is neither 'ownership' nor 'control'; row skipped")
            return
        window(cell("start"), cell("end"))  # a bad date skips the row before anything else
        percent: PercentLike = cell("percent")
        try:
            parse_stake(percent)
        except OwnershipError as exc:
            graph.report_issue(
                OwnershipIssue(
                    kind=IssueKind.PERCENT_INVALID,
                    message=f"{exc}; kept as a holding of unknown share",
                    source=source,
                    where=line,
                    ids=(owner, owned),
                )
            )
            percent = None
        graph.add_edge(
            owner,
            owned,
            percent,
            start=cell("start"),
            end=cell("end"),
            source=source,
            line=line,
            share_class=cell("share_class"),
            held_for=cell("held_for"),
            owner_name=cell("owner_name"),
            owned_name=cell("owned_name"),
        )
    except OwnershipError as exc:
        skip(f"{exc}; row skipped")
