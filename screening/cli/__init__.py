"""The ``screening`` command line: thin subcommands over the public API.

Exit codes (also in ``--help`` and the README):
    0  the run completed (hits may have been found; see ``--fail-on-hit``)
    1  hits were found and ``--fail-on-hit`` was given
    2  usage or input error (bad arguments, unreadable or malformed input, no list)
    3  the lists in use are stale under a fail-closed policy
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from screening.errors import ScreeningError, StaleListError

__all__ = ["EXIT_HITS", "EXIT_OK", "EXIT_STALE", "EXIT_USAGE", "main", "run"]

EXIT_OK = 0
EXIT_HITS = 1
EXIT_USAGE = 2
EXIT_STALE = 3

_EPILOG = """\
exit codes:
  0  the run completed (hits may have been found; see --fail-on-hit)
  1  hits were found and --fail-on-hit was given
  2  usage or input error (bad arguments, unreadable or malformed input, no list)
  3  the lists in use are stale under a fail-closed policy
"""

# One module per subcommand; each defines add_parser(subparsers) and sets `handler`,
# a function (args) -> int, as the parser default.
_SUBCOMMANDS: tuple[str, ...] = ("screen", "batch", "lists", "ownership", "serve")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="screening",
        description="Screen names against OFAC sanctions lists; apply the 50 Percent Rule.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (-vv: debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _SUBCOMMANDS:
        importlib.import_module(f"screening.cli.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and on usage errors (2)
        return int(exc.code or 0)
    logging.basicConfig(
        level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        code: int = args.handler(args)
    except StaleListError as exc:
        print(f"screening: {exc}", file=sys.stderr)
        return EXIT_STALE
    except (ScreeningError, OSError, ValueError) as exc:
        print(f"screening: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("screening: interrupted", file=sys.stderr)
        return 130
    return code


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
