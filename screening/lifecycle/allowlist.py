"""The allow-list: false positives an analyst has decided, suppressed in later screenings.

A decision is about one customer, one list entry, and that entry *as it was*: it records the
entry's :meth:`~screening.models.Entry.content_hash`. A hit is suppressed only when customer,
uid and content hash all match, so when OFAC changes the entry (a new alias, a new date of
birth) the hit is raised again for a fresh decision. Suppressed hits are reported, never
dropped silently.

The file is CSV (``.csv``, header below) or JSON (a list of objects with the same keys)::

    customer_id,list_uid,content_hash,decided_by,decided_at,reason
    C-10442,29220,3f1c...e9,j.doe,2024-06-28T09:15:00+00:00,"born 1987; the entry 1955"
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from screening.errors import InputError
from screening.results import Hit, ScreeningResult

__all__ = [
    "COLUMNS",
    "AllowDecision",
    "AllowList",
    "AllowListOutcome",
    "apply_allowlist",
    "decide",
    "load_allowlist",
    "save_allowlist",
]

COLUMNS = ("customer_id", "list_uid", "content_hash", "decided_by", "decided_at", "reason")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class AllowDecision:
    """One decided false positive: this customer is not this list entry, as it then read."""

    customer_id: str
    list_uid: str
    content_hash: str
    decided_by: str
    decided_at: datetime
    reason: str


class AllowList:
    """Decisions indexed by (customer id, list uid).

    Raises:
        InputError: two decisions for the same customer, uid and content hash.
    """

    __slots__ = ("_by_key",)

    def __init__(self, decisions: Iterable[AllowDecision] = ()) -> None:
        self._by_key: dict[tuple[str, str], list[AllowDecision]] = {}
        for d in decisions:
            same = self._by_key.setdefault((d.customer_id, d.list_uid), [])
            if any(other.content_hash == d.content_hash for other in same):
                raise InputError(
                    f"customer {d.customer_id!r} and entry {d.list_uid!r} decided twice for "
                    f"content hash {d.content_hash[:12]}..."
                )
            same.append(d)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def __iter__(self) -> Iterator[AllowDecision]:
        return (d for v in self._by_key.values() for d in v)

    def fingerprint(self) -> str:
        """sha256 of the decisions, in a fixed order: a resumed batch run refuses to continue
        under another allow-list."""
        lines = sorted(
            "\t".join((d.customer_id, d.list_uid, d.content_hash, d.decided_by,
                       d.decided_at.isoformat(), d.reason))
            for d in self
        )  # fmt: skip
        return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()

    def decisions_for(self, customer_id: str, list_uid: str) -> tuple[AllowDecision, ...]:
        """Every decision about this customer and list entry (any content hash)."""
        return tuple(self._by_key.get((customer_id, list_uid), ()))


class AllowListOutcome(NamedTuple):
    """Hits after the allow-list.

    Attributes:
        kept: hits to review, including re-raised ones.
        suppressed: (hit, decision) for each hit an unchanged decision covers.
        reraised: (hit, decision) for each kept hit that was decided on an earlier content
            of the entry: the entry changed, so the decision no longer applies.
    """

    kept: tuple[Hit, ...]
    suppressed: tuple[tuple[Hit, AllowDecision], ...]
    reraised: tuple[tuple[Hit, AllowDecision], ...]

    def notes(self) -> tuple[str, ...]:
        """One line per suppressed or re-raised hit, for the report."""
        lines = [
            f"suppressed: {h.entry.uid} {h.entry.primary_name.full!r}, decided a false positive "
            f"by {d.decided_by} on {d.decided_at:%Y-%m-%d}: {d.reason}"
            for h, d in self.suppressed
        ]
        lines += [
            f"re-raised: {h.entry.uid} {h.entry.primary_name.full!r} changed since "
            f"{d.decided_by} decided it a false positive on {d.decided_at:%Y-%m-%d}"
            for h, d in self.reraised
        ]
        return tuple(lines)


def apply_allowlist(
    hits: ScreeningResult | Iterable[Hit], *, customer_id: str, allowlist: AllowList
) -> AllowListOutcome:
    """Split a customer's hits into kept and suppressed by the allow-list.

    Args:
        hits: a screening result or its hits.
        customer_id: the customer screened.
        allowlist: the decisions.

    Returns:
        Kept hits (in their order), suppressed hits with the decision that suppressed each,
        and the kept hits whose decision was made on an earlier content of the entry.
    """
    found = hits.hits if isinstance(hits, ScreeningResult) else tuple(hits)
    kept: list[Hit] = []
    suppressed: list[tuple[Hit, AllowDecision]] = []
    reraised: list[tuple[Hit, AllowDecision]] = []
    for hit in found:
        decisions = allowlist.decisions_for(customer_id, hit.entry.uid)
        if not decisions:
            kept.append(hit)
            continue
        content = hit.entry.content_hash()
        match = next((d for d in decisions if d.content_hash == content), None)
        if match is not None:
            suppressed.append((hit, match))
        else:
            kept.append(hit)
            reraised.append((hit, max(decisions, key=lambda d: d.decided_at)))
    return AllowListOutcome(tuple(kept), tuple(suppressed), tuple(reraised))


def decide(
    hit: Hit, *, customer_id: str, decided_by: str, reason: str, decided_at: datetime | None = None
) -> AllowDecision:
    """A decision that ``hit`` is a false positive for ``customer_id``, pinned to the entry's
    current content."""
    return AllowDecision(
        customer_id=customer_id,
        list_uid=hit.entry.uid,
        content_hash=hit.entry.content_hash(),
        decided_by=decided_by,
        decided_at=decided_at or datetime.now(UTC),
        reason=reason,
    )


def _decision(row: dict[str, object], where: str) -> AllowDecision:
    values = {}
    for column in COLUMNS:
        value = row.get(column)
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{where}: {column} is missing or empty (got {value!r})")
        values[column] = value.strip()
    if not _SHA256.fullmatch(values["content_hash"]):
        raise InputError(
            f"{where}: content_hash {values['content_hash']!r} is not a sha256 (64 hex digits)"
        )
    try:
        decided_at = datetime.fromisoformat(values["decided_at"])
    except ValueError:
        raise InputError(
            f"{where}: decided_at {values['decided_at']!r} is not an ISO 8601 date or time"
        ) from None
    if decided_at.tzinfo is None:
        decided_at = decided_at.replace(tzinfo=UTC)
    return AllowDecision(
        customer_id=values["customer_id"],
        list_uid=values["list_uid"],
        content_hash=values["content_hash"],
        decided_by=values["decided_by"],
        decided_at=decided_at,
        reason=values["reason"],
    )


def load_allowlist(path: str | os.PathLike[str]) -> AllowList:
    """Read an allow-list file (``.json``, else CSV with the header :data:`COLUMNS`).

    Raises:
        InputError: a missing column or value, a malformed hash or date, a duplicate
            decision; the message names the file and the line (CSV) or item (JSON).
        FileNotFoundError: no such file.
    """
    p = Path(path)
    decisions = []
    if p.suffix.casefold() == ".json":
        try:
            items = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}, line {exc.lineno}: not JSON ({exc.msg})") from exc
        if not isinstance(items, list):
            raise InputError(f"{p}: expected a JSON list of decisions")
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise InputError(f"{p}, item {i}: expected an object, got {item!r}")
            decisions.append(_decision(item, f"{p}, item {i}"))
    else:
        with p.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(f"{p}, line 1: missing column(s) {', '.join(missing)}")
            for row in reader:
                decisions.append(_decision(dict(row), f"{p}, line {reader.line_num}"))
    try:
        return AllowList(decisions)
    except InputError as exc:
        raise InputError(f"{p}: {exc}") from exc


def save_allowlist(path: str | os.PathLike[str], allowlist: AllowList) -> None:
    """Write the decisions as CSV (the format :func:`load_allowlist` reads)."""
    with Path(path).open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for d in allowlist:
            writer.writerow(
                (d.customer_id, d.list_uid, d.content_hash, d.decided_by,
                 d.decided_at.isoformat(), d.reason)
            )  # fmt: skip
