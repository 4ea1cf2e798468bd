"""``screening screen NAME``: screen one name and show the hits as a table, or as JSON.

The table gives rank, score, uid, the name that matched, programs and list; a short
explanation of each hit follows. Warnings (a sample list, a query cut short) go to stderr.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence

from screening.cli import _EPILOG, EXIT_HITS, EXIT_OK
from screening.config import default_watchlists
from screening.errors import InputError
from screening.matching.screener import DEFAULT_LIMIT, DEFAULT_THRESHOLD, Screener
from screening.models import EntryKind, ListIdentity
from screening.results import ScreeningResult

__all__ = ["add_lists_option", "add_parser", "build_screener", "render", "threshold_arg"]


def threshold_arg(text: str) -> float:
    """argparse type for a threshold: a number in (0, 1]."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], got {text}")
    return value


def positive_int(text: str) -> int:
    """argparse type for a count of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {text}")
    return value


def add_lists_option(parser: argparse.ArgumentParser) -> None:
    """``--lists DIR`` and ``--threshold``, shared by the subcommands that screen."""
    parser.add_argument(
        "--lists",
        metavar="DIR",
        help="directory of official OFAC list files (default: $SCREENING_LISTS_DIR, else the "
        "bundled sample list)",
    )
    parser.add_argument(
        "--threshold",
        type=threshold_arg,
        default=DEFAULT_THRESHOLD,
        help=f"minimum score of a hit, 0-1 (default {DEFAULT_THRESHOLD})",
    )


def build_screener(lists_dir: str | None, threshold: float) -> Screener:
    """One screener over ``--lists DIR`` or the default lists.

    Raises:
        ListNotFoundError: the directory holds no list.
        ListFormatError: a list file is malformed.
    """
    return Screener(default_watchlists(lists_dir), threshold=threshold)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``screen``."""
    parser = subparsers.add_parser(
        "screen",
        help="screen one name",
        description="Screen one name against the lists and show every hit with its score "
        "and a short explanation.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("name", metavar="NAME", help="the name as written, in any script")
    parser.add_argument(
        "--kind", choices=[k.value for k in EntryKind], help="only entries of this kind"
    )
    parser.add_argument("--dob", help="date of birth: 1955 or 1955-03-12")
    parser.add_argument("--country", help="nationality or residence: a name or ISO 3166 code")
    add_lists_option(parser)
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_LIMIT,
        help=f"at most this many hits (default {DEFAULT_LIMIT})",
    )
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--fail-on-hit", action="store_true", help="exit 1 if there is a hit")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Screen ``args.name``; print the result; return the exit code."""
    screener = build_screener(args.lists, args.threshold)
    if not args.name.strip():
        raise InputError("NAME is empty")
    result = screener.screen(
        args.name, kind=args.kind, dob=args.dob, country=args.country, limit=args.limit
    )
    for warning in result.warnings:
        print(f"screening: warning: {warning}", file=sys.stderr)
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        print(render(result))
    return EXIT_HITS if args.fail_on_hit and result.hits else EXIT_OK


def _width(text: str) -> int:
    # Han, Hangul and Kana take two terminal columns: align by columns, not characters.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    ]


def _list_label(identity: ListIdentity) -> str:
    date = identity.publish_date.isoformat() if identity.publish_date else "undated"
    return f"{identity.source} {date}" + (" (sample)" if identity.sample else "")


def render(result: ScreeningResult) -> str:
    """The result as an aligned table of hits, then one explanation line per hit."""
    lists = ", ".join(f"{_list_label(i)} ({i.record_count:,} entries)" for i in result.lists)
    if not result.hits:
        return f"no hit at threshold {result.options.threshold} against {lists}"
    rows = [("rank", "score", "uid", "matched name", "programs", "list")]
    rows += [
        (
            str(rank),
            f"{hit.score:.4f}",
            hit.entry.uid,
            hit.matched_name,
            "; ".join(hit.entry.programs),
            _list_label(hit.list),
        )
        for rank, hit in enumerate(result.hits, 1)
    ]
    lines = _table(rows)
    lines.append("")
    lines += [f"{rank}. {hit.explanation.summary()}" for rank, hit in enumerate(result.hits, 1)]
    lines.append("")
    lines.append(
        f"{len(result.hits)} hit(s) at threshold {result.options.threshold} against {lists}"
    )
    return "\n".join(lines)
