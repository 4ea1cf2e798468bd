"""``screening ownership``: apply the 50 Percent Rule to ownership files and list who is blocked.

Writes one row per entity that is blocked, possibly blocked, or under another restriction
(``SSI``...), with its aggregate share held by blocked owners and, with ``--explain``, the chain
of holdings down to the listed persons. Data issues (bad percentages, duplicates, owners above
100%...) go to stderr with their file and line. ``--what-if-designate ID`` writes only what
designating ``ID`` would newly block.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from screening.ownership import OwnershipGraph, OwnershipReport, read_seeds
from screening.ownership.seeds import Seeds

__all__ = ["add_parser", "run"]

_COLUMNS = ("id", "name", "status", "share", "reason", "restrictions", "programs")


def add_parser(subparsers: Any) -> None:
    """Register the ``ownership`` subcommand."""
    parser = subparsers.add_parser(
        "ownership",
        help="apply the 50 Percent Rule to ownership data",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "edges",
        nargs="*",
        type=Path,
        metavar="EDGES",
        help="ownership files: CSV (see README) or BODS 0.4 JSON (.json, .jsonl)",
    )
    seeds = parser.add_mutually_exclusive_group(required=True)
    seeds.add_argument(
        "--seeds",
        type=Path,
        metavar="FILE",
        help="blocked persons: one id per line, or id,programs",
    )
    seeds.add_argument(
        "--lists",
        type=Path,
        metavar="DIR",
        help="official list files: every entry is a seed, and their Owned-or-Controlled-By "
        "relations are added as links of unknown share",
    )
    parser.add_argument("--regime", default="OFAC", choices=("OFAC", "EU", "UK"))
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the date to apply (default today)")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="default: stdout")
    parser.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    parser.add_argument("--explain", action="store_true", help="add the explanation of each row")
    parser.add_argument(
        "--match-threshold",
        type=float,
        default=0.9,
        metavar="SCORE",
        help="with --lists: minimum score (0-1) for a party given only by name in the edges to "
        "be matched to a list entry (default 0.9); the score is in the explanation",
    )
    parser.add_argument(
        "--what-if-designate",
        action="append",
        metavar="ID",
        default=[],
        help="write only what designating ID (repeatable) would newly block",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Build the graph, apply the rule, write the rows; returns the exit code."""
    graph = OwnershipGraph()
    seeds: Seeds
    screener = None
    if args.lists is not None:
        from screening import Screener, load_lists

        lists = load_lists(args.lists)
        screener = Screener(lists)
        graph.add_list_relations(lists, screener=screener, min_score=args.match_threshold)
        seeds = lists
    else:
        seeds = read_seeds(args.seeds)
    for path in args.edges:
        if path.suffix.lower() in (".json", ".jsonl"):
            graph.read_bods(path)
        else:
            graph.read_csv(path, screener=screener, min_score=args.match_threshold)
    report = graph.blocked(seeds, regime=args.regime, as_of=args.as_of)
    what_if = args.what_if_designate
    ids = _what_if(report, what_if) if what_if else _affected(report)
    with _output(args.output) as out:
        _write(report, ids, out, args.format, args.explain)
    for issue in report.issues:
        print(f"screening: {issue}", file=sys.stderr)
    print(
        f"screening ownership: {len(report.blocked)} blocked, "
        f"{len(report.possibly_blocked)} possibly blocked ({report.regime.name}, as of "
        f"{report.as_of.isoformat()}); {len(report.issues)} data issue(s)",
        file=sys.stderr,
    )
    return 0


def _affected(report: OwnershipReport) -> list[str]:
    labels = {rule.label for _, rule in report.regime.program_rules}
    restricted = {party for label in labels for party in report.restricted(label)}
    return sorted(report.blocked | report.possibly_blocked | restricted)


def _what_if(report: OwnershipReport, parties: list[str]) -> list[str]:
    changed: set[str] = set()
    for party in parties:
        change = report.designate(party)
        changed |= change.blocked | change.possibly_blocked
        changed |= {p for ids in change.restricted.values() for p in ids}
    return sorted(changed)


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def _row(report: OwnershipReport, party: str, explain: bool) -> dict[str, Any]:
    explanation = report.explain(party)
    row: dict[str, Any] = {
        "id": party,
        "name": report.name(party) or "",
        "status": explanation.status,
        "share": format(explanation.share.normalize(), "f"),
        "reason": explanation.steps[-1].reason,
        "restrictions": ";".join(
            f"{label}:{status}" for label, status in report.restrictions(party).items()
        ),
        "programs": ";".join(report.programs(party)),
    }
    if explain:
        row["explanation"] = explanation
    return row


def _write(report: OwnershipReport, ids: list[str], out: IO[str], form: str, explain: bool) -> None:
    if form == "jsonl":
        for party in ids:
            row = _row(report, party, explain)
            if explain:
                row["explanation"] = row["explanation"].model_dump(mode="json")
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(
        out, fieldnames=[*_COLUMNS, *(["explanation"] if explain else [])], lineterminator="\n"
    )
    writer.writeheader()
    for party in ids:
        row = _row(report, party, explain)
        if explain:
            row["explanation"] = row["explanation"].text()
        writer.writerow(row)
