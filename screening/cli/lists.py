"""``screening lists``: show the lists in use, update them from OFAC, compare two versions.

screening lists [show] [--lists DIR] [--json]
screening lists update [--lists-dir DIR] [--source URL] [--publication NAME]... [--allow-older]
screening lists diff OLD NEW [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from typing import Any

from screening.config import ENV_LISTS_DIR
from screening.errors import InputError, ListUpdateError
from screening.lifecycle.catalog import DEFAULT_PUBLICATIONS, OFAC_BASE_URL, PUBLICATIONS
from screening.lifecycle.diff import ListDiff, diff_watchlists
from screening.lifecycle.fetch import FetchOptions
from screening.lifecycle.inventory import ListInfo, lists_in_use
from screening.lifecycle.store import DEFAULT_KEEP, ListStore
from screening.lifecycle.update import update_publication
from screening.models import ListIdentity
from screening.sources import load_list

__all__ = ["add_parser"]

_EXIT_OK = 0
_EXIT_FAILED = 2  # as the top-level table: unreadable or malformed input
_ITEM_CHARS = 100


def add_parser(subparsers: Any) -> None:
    """Register ``lists`` and its subcommands ``show``, ``update`` and ``diff``."""
    parser = subparsers.add_parser(
        "lists",
        help="show the lists in use; update them from OFAC; diff two versions",
        description="Show every list in use (the default), download the current lists "
        "from OFAC into a list store, or compare two versions of a list.",
    )
    _show_options(parser, argparse.SUPPRESS, default_json=False)
    parser.set_defaults(handler=_show, lists=None, json=False)
    sub = parser.add_subparsers(dest="lists_command", metavar="SUBCOMMAND")

    show = sub.add_parser("show", help="every list in use (the default)")
    _show_options(show, argparse.SUPPRESS, default_json=argparse.SUPPRESS)
    show.set_defaults(handler=_show)

    update = sub.add_parser(
        "update",
        help="download, verify and install the current OFAC lists",
        description="Download each publication, verify it (complete, parses, record count, "
        "not older than the list in use) and only then make it current; the previous "
        "versions are kept. A failed or refused download changes nothing.",
    )
    update.add_argument(
        "--lists-dir",
        metavar="DIR",
        help=f"the list store (default: ${ENV_LISTS_DIR}); created if missing",
    )
    update.add_argument(
        "--source",
        metavar="URL",
        default=OFAC_BASE_URL,
        help="base address of the files: OFAC's Sanctions List Service (default) or a "
        "mirror; https:// only, except http:// to localhost",
    )
    update.add_argument(
        "--publication",
        action="append",
        type=str.upper,
        choices=list(PUBLICATIONS),
        metavar="NAME",
        help=f"publication to update, repeatable: {', '.join(PUBLICATIONS)} "
        f"(default: {' and '.join(DEFAULT_PUBLICATIONS)})",
    )
    update.add_argument(
        "--allow-older", action="store_true", help="install an older publication (roll back)"
    )
    update.add_argument(
        "--keep",
        type=int,
        default=DEFAULT_KEEP,
        metavar="N",
        help=f"previous versions to keep (default {DEFAULT_KEEP})",
    )
    update.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS", help="per connect/read"
    )
    update.add_argument("--retries", type=int, default=3, metavar="N", help="default 3")
    update.set_defaults(handler=_update)

    diff = sub.add_parser(
        "diff",
        help="entries added, removed and changed between two versions of a list",
        description="Compare two versions of a list (files or directories) by entry uid.",
    )
    diff.add_argument("old", metavar="OLD", help="the earlier list (file or directory)")
    diff.add_argument("new", metavar="NEW", help="the later list (file or directory)")
    diff.add_argument("--json", action="store_true", help="JSON instead of a table")
    diff.set_defaults(handler=_diff)


def _show_options(parser: argparse.ArgumentParser, default: Any, *, default_json: Any) -> None:
    # On `lists` and on `lists show`; SUPPRESS on the latter so it cannot reset the former.
    parser.add_argument(
        "--lists",
        "--lists-dir",
        dest="lists",
        metavar="DIR",
        default=default,
        help=f"a list store or a directory of official list files (default: ${ENV_LISTS_DIR}, "
        "else the bundled sample)",
    )
    parser.add_argument("--json", action="store_true", default=default_json, help="JSON output")


# --- show ---------------------------------------------------------------------------------------


def _age(info: ListInfo) -> str:
    age = info.age
    if age.age is None:
        return "unknown (no publish date, not downloaded by the store)"
    days = age.age.days
    text = f"{days} day{'' if days == 1 else 's'}"
    return text if age.basis == "published" else f"{text} since download (no publish date)"


def _info_json(info: ListInfo) -> dict[str, Any]:
    return {
        "source": info.source,
        "format": info.format,
        "publish_date": None if info.publish_date is None else info.publish_date.isoformat(),
        "age_days": None
        if info.age.age is None
        else round(info.age.age.total_seconds() / 86400, 2),
        "age_basis": info.age.basis,
        "record_count": info.record_count,
        "sha256": info.sha256,
        "path": str(info.path),
        "sample": info.sample,
        "publication": info.publication,
        "version": info.version,
        "downloaded_at": None if info.downloaded_at is None else info.downloaded_at.isoformat(),
        "checked_at": None if info.checked_at is None else info.checked_at.isoformat(),
        "url": info.url,
        "notes": list(info.notes),
        "stale": info.stale,
    }


def _show(args: argparse.Namespace) -> int:
    infos = lists_in_use(args.lists, now=datetime.now(UTC))
    if args.json:
        print(json.dumps([_info_json(i) for i in infos], indent=2, ensure_ascii=False))
        return _EXIT_OK
    for info in infos:
        label = " — SAMPLE, not an official OFAC publication" if info.sample else ""
        print(f"{info.source} ({info.format}){label}")
        rows = [
            ("published", str(info.publish_date or "not stated in this format")),
            ("age", _age(info)),
            ("records", f"{info.record_count:,}"),
            ("sha256", info.sha256),
            ("path", str(info.path)),
        ]
        if info.downloaded_at is not None:
            rows.append(("downloaded", f"{info.downloaded_at:%Y-%m-%d %H:%M} UTC from {info.url}"))
        if info.checked_at is not None:
            rows.append(("last checked", f"{info.checked_at:%Y-%m-%d %H:%M} UTC"))
        rows += [("note", note) for note in info.notes]
        if info.stale:
            rows.append(("STALE", info.stale.removeprefix("stale list: ")))
        for key, value in rows:
            print(f"  {key:<13}{value}")
    return _EXIT_OK


# --- update -------------------------------------------------------------------------------------


def _update(args: argparse.Namespace) -> int:
    lists_dir = args.lists_dir or os.environ.get(ENV_LISTS_DIR)
    if not lists_dir:
        raise InputError(f"say where the lists are kept: --lists-dir DIR or ${ENV_LISTS_DIR}")
    if args.keep < 0 or args.retries < 0 or args.timeout <= 0:
        raise InputError("--keep and --retries must be >= 0 and --timeout > 0")
    options = FetchOptions(timeout=args.timeout, retries=args.retries)
    code = _EXIT_OK
    for name in args.publication or DEFAULT_PUBLICATIONS:
        try:
            outcome = update_publication(
                lists_dir,
                name,
                base_url=args.source,
                allow_older=args.allow_older,
                keep=args.keep,
                options=options,
            )
        except ListUpdateError as exc:
            current = ListStore(lists_dir).current(name) if ListStore.is_store(lists_dir) else None
            kept = (
                f"the list in use is unchanged ({current.name})"
                if current is not None
                else "no list of it is installed"
            )
            print(f"screening: {exc}; {kept}", file=sys.stderr)
            code = _EXIT_FAILED
            continue
        v = outcome.version.manifest
        what = f"{v.publish_date or 'undated'}, {v.record_count:,} entries, sha256 {v.sha256}"
        if outcome.installed:
            before = outcome.previous.name if outcome.previous else "none"
            print(f"{name}: installed {what} in {outcome.version.path} (previous: {before})")
        else:
            print(f"{name}: unchanged, still {what}")
    return code


# --- diff ---------------------------------------------------------------------------------------


def _short(text: str) -> str:
    return text if len(text) <= _ITEM_CHARS else text[: _ITEM_CHARS - 3] + "..."


def _identity_line(label: str, identity: ListIdentity) -> str:
    return (
        f"{label}  {identity.source} {identity.format}, published "
        f"{identity.publish_date or 'not stated'}, {identity.record_count:,} entries, "
        f"sha256 {identity.sha256}"
    )


def _diff_table(diff: ListDiff) -> list[str]:
    lines = [
        _identity_line("OLD", diff.old),
        _identity_line("NEW", diff.new),
        f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed, "
        f"{diff.unchanged} unchanged",
    ]
    for title, entries in (("ADDED", diff.added), ("REMOVED", diff.removed)):
        if entries:
            lines += ["", title]
            lines += [
                f"  {e.uid:>8}  {e.primary_name.full}  [{'; '.join(e.programs)}]" for e in entries
            ]
    if diff.changed:
        lines += ["", "CHANGED"]
        for change in diff.changed:
            lines.append(f"  {change.uid:>8}  {change.new.primary_name.full}")
            for f in change.changes:
                items = [f"+{_short(x)}" for x in f.added] + [f"-{_short(x)}" for x in f.removed]
                lines.append(f"            {f.field}: {'  '.join(items) or '(reordered)'}")
    return lines


def _diff(args: argparse.Namespace) -> int:
    old, new = load_list(args.old), load_list(args.new)
    if old.provenance.format != new.provenance.format:
        print(
            f"screening: comparing {old.provenance.format} with {new.provenance.format}: the "
            "formats say different things about an entry, so most will show as changed",
            file=sys.stderr,
        )
    diff = diff_watchlists(old, new)
    if args.json:
        print(json.dumps(diff.to_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_diff_table(diff)))
    return _EXIT_OK
