"""``screening serve``: the HTTP service on uvicorn (needs the extra ``screening[http]``).

The lists are loaded (and their index built and saved next to them) before the server starts,
so a missing or malformed list stops the command with exit code 2. With ``--workers N`` > 1,
uvicorn runs N processes, each loading the saved index (fast) and each holding its own
screener: use ``--watch`` rather than ``POST /v1/admin/reload`` (which reaches one worker) to
reload them all. The reload endpoint answers loopback clients only. The access log (``-v``)
never holds the names screened.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from screening.config import ENV_LISTS_DIR
from screening.errors import InputError

__all__ = ["add_parser", "run"]

DEFAULT_PORT = 8084


def add_parser(subparsers: Any) -> None:
    """Register the ``serve`` subcommand."""
    parser = subparsers.add_parser(
        "serve",
        help="serve screening over HTTP (extra screening[http])",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default %(default)s)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="default %(default)s")
    parser.add_argument(
        "--lists",
        type=Path,
        metavar="DIR",
        help=f"official list files (default ${ENV_LISTS_DIR}, else the bundled sample)",
    )
    parser.add_argument(
        "--index",
        type=Path,
        metavar="FILE",
        help="where to keep the compiled index (default DIR/lists.screening-index)",
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument(
        "--watch",
        type=float,
        metavar="SECONDS",
        help="poll the lists directory this often and reload when its files change",
    )
    parser.add_argument(
        "--max-body",
        type=int,
        default=1024 * 1024,
        metavar="BYTES",
        help="largest request body accepted (default %(default)s)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Load the lists, then serve until interrupted; returns the exit code."""
    try:
        import uvicorn

        from screening.http import ScreenerHolder, create_app
        from screening.http.app import ENV_INDEX, ENV_MAX_BODY, ENV_WATCH
    except ModuleNotFoundError as exc:
        raise InputError(
            f"screening serve needs the http extra ({exc.name} is missing): "
            "pip install 'screening[http]'"
        ) from None
    if args.workers < 1 or args.max_body < 1 or not 0 <= args.port <= 65535:
        raise InputError("--workers and --max-body must be positive, --port in 0-65535")
    configured = args.lists or os.environ.get(ENV_LISTS_DIR) or None
    directory = Path(configured).resolve() if configured else None
    if args.watch is not None and (directory is None or args.watch <= 0):
        raise InputError("--watch needs a positive interval and --lists DIR")
    if directory is not None:
        holder = ScreenerHolder.for_directory(directory, index_path=args.index, freeze=True)
    else:
        from screening.matching.screener import Screener

        holder = ScreenerHolder(Screener, freeze=True)
    snap = holder.reload()
    print(
        f"screening serve: http://{args.host}:{args.port} ({args.workers} worker(s)), "
        f"lists version {snap.version[:12]}",
        file=sys.stderr,
    )
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "access_log": False,  # uvicorn's would log query strings, i.e. the names screened
        "log_config": None,  # keep the logging that `screening -v` configured
    }
    if args.workers == 1:
        uvicorn.run(create_app(holder, max_body=args.max_body, watch=args.watch), **options)
        return 0
    del holder, snap  # the workers load the saved index; this process only supervises them
    if directory is not None:
        os.environ[ENV_LISTS_DIR] = str(directory)
    if args.index is not None:
        os.environ[ENV_INDEX] = str(args.index.resolve())
    if args.watch is not None:
        os.environ[ENV_WATCH] = str(args.watch)
    os.environ[ENV_MAX_BODY] = str(args.max_body)
    uvicorn.run("screening.http.app:app_from_env", factory=True, workers=args.workers, **options)
    return 0
