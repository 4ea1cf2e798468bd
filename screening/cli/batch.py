"""``screening batch INPUT``: screen every row of a customer CSV file.

A thin layer over :func:`screening.batch.screen_file`: options in, a progress bar on stderr
when stderr is a terminal, a summary line at the end, and the exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from screening.batch import BatchProgress, screen_file
from screening.batch.run import DEFAULT_CHUNK_ROWS, FORMATS
from screening.batch.sink import REJECTS_SUFFIX
from screening.batch.summary import list_warnings
from screening.cli import _EPILOG, EXIT_HITS, EXIT_OK
from screening.cli.screen import add_lists_option, build_screener, positive_int
from screening.errors import InputError
from screening.matching.screener import DEFAULT_LIMIT, Screener

__all__ = ["add_parser", "run"]

_DESCRIPTION = """\
Screen every row of a CSV file (or - for standard input) against the lists. Output: one row
per hit with the input line, id and name, the entry hit, score, a short explanation and the
list's source, publish date and sha256. Rows that cannot be screened (no name, wrong number of
fields, undecodable bytes, NUL, broken quoting) go to the reject file with their line number
and the reason; rows screened + rows rejected = rows read. The encoding (UTF-8 with or without
BOM, else cp1252) and the delimiter (, ; tab |) are detected unless given.

An interrupted run (Ctrl-C, crash) continues with --resume: OUTPUT.checkpoint.json records
how far it got, and the resumed output is identical to an uninterrupted run's.
"""

_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``batch``."""
    parser = subparsers.add_parser(
        "batch",
        help="screen every row of a CSV file",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", metavar="INPUT", help="CSV file with a header line, or -")
    parser.add_argument(
        "-o", "--output", default="-", help="output file (default: standard output)"
    )
    columns = parser.add_argument_group("columns (header names)")
    columns.add_argument("--name-column", required=True, metavar="COL", help="name to screen")
    columns.add_argument("--id-column", metavar="COL", help="customer id, copied to the output")
    columns.add_argument("--dob-column", metavar="COL", help="date of birth (1955, 1955-03-12)")
    columns.add_argument("--country-column", metavar="COL", help="country name or ISO code")
    columns.add_argument(
        "--kind-column",
        metavar="COL",
        help="individual / entity / vessel / aircraft (also person, company)",
    )
    add_lists_option(parser)
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_LIMIT,
        help=f"at most this many hits per row (default {DEFAULT_LIMIT})",
    )
    parser.add_argument("--format", choices=FORMATS, default="csv", help="output format")
    parser.add_argument("--all-rows", action="store_true", help="also one line per row without hit")
    parser.add_argument(
        "--rejects",
        metavar="PATH",
        help=f"reject file (default OUTPUT{REJECTS_SUFFIX}; with standard output: "
        f"INPUTNAME{REJECTS_SUFFIX} in the current directory)",
    )
    parser.add_argument("--encoding", help="input encoding (default: detected)")
    parser.add_argument(
        "--delimiter", help="input delimiter: a character or tab (default: detected)"
    )
    parser.add_argument(
        "--workers", type=positive_int, help="processes screening in parallel (default: all cores)"
    )
    parser.add_argument(
        "--chunk-rows",
        type=positive_int,
        default=DEFAULT_CHUNK_ROWS,
        help=f"rows per chunk of work and per checkpoint (default {DEFAULT_CHUNK_ROWS})",
    )
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run")
    parser.add_argument(
        "--only-changed-since",
        metavar="OLD_LISTS",
        help="screen only against entries added or changed since these earlier lists (a file "
        "or directory): the new hits of a daily re-screen, scored exactly as a full run would",
    )
    parser.add_argument(
        "--allowlist",
        metavar="FILE",
        help="decided false positives (CSV or JSON; customer id from --id-column): their hits "
        "are written with rank 0 and a SUPPRESSED note, and raised again if the entry changed",
    )
    parser.add_argument("--fail-on-hit", action="store_true", help="exit 1 if any row has a hit")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    parser.set_defaults(handler=run)


class _Bar:
    """A tqdm progress bar over input bytes, with rows, rows/s and hits beside it."""

    def __init__(self, mininterval: float = 0.1) -> None:
        self._bar: Any = None
        self._mininterval = mininterval  # seconds between redraws

    def __call__(self, progress: BatchProgress) -> None:
        if self._bar is None:
            from tqdm import tqdm  # type: ignore[import-untyped]

            self._bar = tqdm(
                total=progress.bytes_total,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                file=sys.stderr,
                desc="screening",
                leave=False,
                mininterval=self._mininterval,
            )
        bar, counts = self._bar, progress.counts
        rate = progress.rows_this_run / progress.seconds if progress.seconds else 0.0
        bar.set_postfix_str(
            f"{counts.rows_read:,} rows, {rate:,.0f} rows/s, {counts.hits:,} hits, "
            f"{counts.rows_rejected:,} rejected",
            refresh=False,
        )
        bar.update(progress.bytes_done - bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _delimiter(text: str | None) -> str | None:
    if text is None:
        return None
    return _DELIMITER_NAMES.get(text.lower(), text)


def run(args: argparse.Namespace) -> int:
    """Run the batch; print the summary on stderr; return the exit code."""
    if args.only_changed_since:
        from screening import DeltaScreener, default_watchlists, load_lists

        screener: Screener = DeltaScreener(
            load_lists(args.only_changed_since),
            default_watchlists(args.lists),
            threshold=args.threshold,
        )
    else:
        screener = build_screener(args.lists, args.threshold)
    allowlist = None
    if args.allowlist:
        from screening.lifecycle.allowlist import load_allowlist

        if not args.id_column:
            raise InputError("--allowlist needs --id-column: decisions are per customer id")
        allowlist = load_allowlist(args.allowlist)
    screener.freshness()  # fail-closed: refuse before the first row, not at it
    for warning in list_warnings(screener.identities):
        print(f"screening: warning: {warning}", file=sys.stderr)
    rejects = args.rejects
    if rejects is None and args.output == "-":
        stem = "stdin" if args.input == "-" else Path(args.input).name
        rejects = stem + REJECTS_SUFFIX
    bar = _Bar() if sys.stderr.isatty() and not args.quiet else None
    sys.stdout.flush()  # the output goes to the binary buffer underneath
    try:
        summary = screen_file(
            args.input,
            args.output,
            name_column=args.name_column,
            id_column=args.id_column,
            kind_column=args.kind_column,
            dob_column=args.dob_column,
            country_column=args.country_column,
            screener=screener,
            limit=args.limit,
            output_format=args.format,
            all_rows=args.all_rows,
            rejects=rejects,
            encoding=args.encoding,
            delimiter=_delimiter(args.delimiter),
            workers=args.workers,
            resume_run=args.resume,
            chunk_rows=args.chunk_rows,
            progress=bar,
            allowlist=allowlist,
        )
    except KeyboardInterrupt:
        if args.output != "-":
            print("screening: interrupted; run again with --resume to continue", file=sys.stderr)
        raise
    finally:
        if bar is not None:
            bar.close()
    if not args.quiet:
        print(f"screening: {summary.input}: {summary.dialect}", file=sys.stderr)
        print(f"screening: {summary.describe()}", file=sys.stderr)
        if summary.rows_rejected:
            print(f"screening: rejected rows are in {summary.rejects}", file=sys.stderr)
    return EXIT_HITS if args.fail_on_hit and summary.rows_with_hits else EXIT_OK
