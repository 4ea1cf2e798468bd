"""What changed between two versions of a list: entries added, removed, and changed.

Entries are matched by uid (OFAC's ``ent_num``, stable across versions and formats). An entry
changed when its :meth:`~screening.models.Entry.content_hash` differs; the report then names
each field that differs and, for the fields made of items (names and aliases, programs,
identifiers, addresses...), the items added and removed.

Compare two versions in the same format: the formats say different things about the same
entry (the advanced XML has original-script names the CSV lacks), so across formats almost
every entry shows as changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from screening.models import (
    Address,
    DateOfBirth,
    Entry,
    Identifier,
    ListIdentity,
    Name,
    Relation,
    Watchlist,
)

__all__ = ["EntryChange", "FieldChange", "ListDiff", "diff_entries", "diff_watchlists"]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of an entry that differs.

    Attributes:
        field: the :class:`~screening.models.Entry` field (``"names"``, ``"programs"``,
            ``"identifiers"``, ``"remarks"``...).
        added: items (or the new value) only in the new version, as text.
        removed: items (or the old value) only in the old version, as text. Both are
            empty when only the order of the items changed.
    """

    field: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntryChange:
    """An entry present in both versions whose content differs."""

    uid: str
    old: Entry
    new: Entry
    changes: tuple[FieldChange, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        """Names of the changed fields, in model order."""
        return tuple(c.field for c in self.changes)


def _text(item: object) -> str:
    if isinstance(item, Name):
        marks = [
            m for m in (item.type.value, item.strength.value) if m not in ("primary", "strong")
        ]
        return f"{item.full} [{', '.join(marks)}]" if marks else item.full
    if isinstance(item, Identifier):
        country = f" ({item.country})" if item.country else ""
        return f"{item.type} {item.value}{country}"
    if isinstance(item, Address):
        parts = (item.street, item.city, item.state_or_province, item.postal_code, item.country)
        return ", ".join(p for p in parts if p) or (item.remarks or "")
    if isinstance(item, DateOfBirth):
        return item.text or str(item.start)
    if isinstance(item, Relation):
        return f"{item.type}: {item.name or item.uid}" + (" (former)" if item.former else "")
    if isinstance(item, BaseModel):
        return item.model_dump_json(exclude_defaults=True)
    if isinstance(item, tuple) and len(item) == 2 and all(isinstance(x, str) for x in item):
        return f"{item[0]}: {item[1]}"  # a (label, value) property
    return str(item)


def _field_change(name: str, old: Any, new: Any) -> FieldChange:
    if isinstance(old, tuple) and isinstance(new, tuple):
        old_items = [_text(x) for x in old]
        new_items = [_text(x) for x in new]
        old_set, new_set = set(old_items), set(new_items)
        added = tuple(dict.fromkeys(x for x in new_items if x not in old_set))
        removed = tuple(dict.fromkeys(x for x in old_items if x not in new_set))
        return FieldChange(name, added, removed)
    return FieldChange(
        name,
        () if new is None else (_text(new),),
        () if old is None else (_text(old),),
    )


def diff_entries(old: Entry, new: Entry) -> tuple[FieldChange, ...]:
    """Every field in which two versions of an entry differ, in model order."""
    return tuple(
        _field_change(name, getattr(old, name), getattr(new, name))
        for name in Entry.model_fields
        if getattr(old, name) != getattr(new, name)
    )


def _uid_order(uid: str) -> tuple[int, int, str]:
    return (0, int(uid), "") if uid.isascii() and uid.isdigit() else (1, 0, uid)


@dataclass(frozen=True, slots=True)
class ListDiff:
    """The difference between two versions of a list (entries sorted by uid)."""

    old: ListIdentity
    new: ListIdentity
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    changed: tuple[EntryChange, ...]
    unchanged: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: both identities, and per entry its uid, primary name and,
        for changed entries, each changed field with the items added and removed."""

        def brief(e: Entry) -> dict[str, Any]:
            return {"uid": e.uid, "name": e.primary_name.full, "programs": list(e.programs)}

        return {
            "old": self.old.model_dump(mode="json"),
            "new": self.new.model_dump(mode="json"),
            "counts": {
                "added": len(self.added),
                "removed": len(self.removed),
                "changed": len(self.changed),
                "unchanged": self.unchanged,
            },
            "added": [brief(e) for e in self.added],
            "removed": [brief(e) for e in self.removed],
            "changed": [
                {
                    **brief(c.new),
                    "changes": [
                        {"field": f.field, "added": list(f.added), "removed": list(f.removed)}
                        for f in c.changes
                    ],
                }
                for c in self.changed
            ],
        }


def _sorted(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple(sorted(entries, key=lambda e: _uid_order(e.uid)))


def diff_watchlists(old: Watchlist, new: Watchlist) -> ListDiff:
    """Compare two versions of a list by uid.

    Args:
        old: the earlier version.
        new: the later version.

    Returns:
        Entries added (only in ``new``), removed (only in ``old``) and changed (in both, with
        a different content hash), each sorted by uid.
    """
    changed = []
    unchanged = 0
    for entry in new:
        before = old.get(entry.uid)
        if before is None:
            continue
        if before.content_hash() == entry.content_hash():
            unchanged += 1
        else:
            changed.append(EntryChange(entry.uid, before, entry, diff_entries(before, entry)))
    changed.sort(key=lambda c: _uid_order(c.uid))
    return ListDiff(
        old=old.identity,
        new=new.identity,
        added=_sorted(e for e in new if e.uid not in old),
        removed=_sorted(e for e in old if e.uid not in new),
        changed=tuple(changed),
        unchanged=unchanged,
    )
