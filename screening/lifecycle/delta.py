"""Delta re-screening: screen customers only against the entries added or changed since an
earlier version of a list.

A customer screened yesterday against OLD can get a new hit today only from an entry that is
new or changed in NEW. Two ways to screen those:

- :class:`DeltaScreener` compiles the full NEW list and scores only the delta's entries: its
  hits and scores are exactly those of a full re-screen against NEW on the added and changed
  entries. A name none of whose tokens matches any token of the delta's names (most
  customers, on a daily delta) is dismissed after a lookup in the delta alone, which is exact
  because a token's matches do not depend on the rest of the vocabulary
  (:mod:`screening.matching.index`). This is the one to use.
- ``Screener(delta_watchlist(old, new))`` compiles only the delta: instant to build and about
  2x faster per name, but token weights then come from the delta's few names instead of the
  full list's, so scores differ from a full re-screen and so can hits. Measured on the real
  consolidated list of 2025-12 less six entries: "OTKRYTOE AKTSIONERNOE" (a legal form, "open
  joint-stock company", common on the full list and so weighed little) hits two entries of the
  delta and none in a full re-screen; on the real SDN list of 2023-12-28 with a 30-entry
  delta, 2 of 208 queries near the delta entries got different hits at 0.85 and scores moved
  by up to 0.09. It suits a quick look, not a decision that must equal a full re-screen.

Removed entries give no new hits; an allow-listed hit on a changed entry is re-raised by
:mod:`screening.lifecycle.allowlist`, since the entry's content hash changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from screening.matching.screener import DEFAULT_LIMIT, DEFAULT_THRESHOLD, PreparedQuery, Screener
from screening.models import EntryKind, Watchlist

__all__ = ["DeltaScreener", "changed_uids", "delta_watchlist", "delta_watchlists"]

DELTA_FORMAT_SUFFIX = "+delta"
# Above this share of changed entries almost every name shares a token with the delta, so the
# look-up in the delta alone only adds work. benchmarks/bench_delta.py: with 30 of 13,821 SDN
# entries changed DeltaScreener is 1.5x faster than a full re-screen; with 6,379 of 13,821 and
# the look-up forced on, it was 0.8x (1.1x without it).
PROBE_MAX_SHARE = 0.1


def changed_uids(old: Watchlist, new: Watchlist) -> frozenset[str]:
    """Uids of the entries of ``new`` that are not in ``old`` or whose content changed."""
    return frozenset(
        e.uid
        for e in new
        if (before := old.get(e.uid)) is None or before.content_hash() != e.content_hash()
    )


def delta_watchlist(old: Watchlist, new: Watchlist) -> Watchlist:
    """The entries of ``new`` added or changed since ``old``, as a watchlist of their own.

    Its provenance is ``new``'s (same files, so :attr:`ListIdentity.sha256` names the NEW
    list) with ``"+delta"`` appended to the format and a note saying what it is a delta of.

    Args:
        old: the version the customers were last screened against.
        new: the current version.

    Returns:
        The added and changed entries, in ``new``'s order.
    """
    uids = changed_uids(old, new)
    entries = [e for e in new if e.uid in uids]
    added = sum(1 for e in entries if e.uid not in old)
    removed = sum(1 for e in old if e.uid not in new)
    o, n = old.provenance, new.provenance
    note = (
        f"delta: the {added} entries added and {len(entries) - added} changed in this "
        f"{n.source} list (published {n.publish_date}, sha256 {n.sha256}) since the list "
        f"published {o.publish_date} (sha256 {o.sha256}); {removed} removed entries and "
        f"{len(new) - len(entries)} unchanged ones are not screened"
    )
    provenance = n.model_copy(
        update={"format": n.format + DELTA_FORMAT_SUFFIX, "notes": (*n.notes, note)}
    )
    return Watchlist(entries, provenance)


def delta_watchlists(old: Iterable[Watchlist], new: Iterable[Watchlist]) -> list[Watchlist]:
    """:func:`delta_watchlist` for each list of ``new``, paired with the list of ``old`` of
    the same source (``"SDN"``, ``"CONSOLIDATED"``); a list with no earlier version is all new.
    """
    earlier = {wl.provenance.source: wl for wl in old}
    deltas = []
    for wl in new:
        base = earlier.get(wl.provenance.source)
        if base is None:
            base = Watchlist((), wl.provenance)
        deltas.append(delta_watchlist(base, wl))
    return deltas


class DeltaScreener(Screener):
    """A screener over the full new lists that only scores entries added or changed since the
    old ones, so that its hits are exactly a full re-screen's hits on those entries.

    Results name the delta lists (format ``...+delta``, the new lists' sha256).

    Args:
        old: the lists the customers were last screened against.
        new: the current lists.
        threshold, limit: as for :class:`~screening.matching.screener.Screener`; ``limit``
            counts delta hits only.
    """

    def __init__(
        self,
        old: Watchlist | Sequence[Watchlist],
        new: Watchlist | Sequence[Watchlist],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = DEFAULT_LIMIT,
    ) -> None:
        old_lists = [old] if isinstance(old, Watchlist) else list(old)
        new_lists = [new] if isinstance(new, Watchlist) else list(new)
        super().__init__(new_lists, threshold=threshold, limit=limit)
        deltas = delta_watchlists(old_lists, new_lists)
        self.deltas = tuple(deltas)
        self.identities = tuple(d.identity for d in deltas)
        wanted = [frozenset(e.uid for e in d) for d in deltas]
        compiled = self.compiled
        entry_ok = [
            entry.uid in wanted[list_no]
            for entry, list_no in zip(compiled.entries, compiled.entry_list, strict=True)
        ]
        # The full screener's candidates, but only those of added or changed entries.
        self._only_names = frozenset(
            name for name, entry_no in enumerate(compiled.name_entry) if entry_ok[entry_no]
        )
        changed = sum(len(d) for d in deltas)
        total = sum(len(wl) for wl in new_lists)
        self._probe = (
            Screener(deltas, threshold=threshold, limit=limit)
            if changed <= PROBE_MAX_SHARE * total
            else None
        )

    def prepare(self, name: str, kind: EntryKind | None, lookup: bool = True) -> PreparedQuery:
        """The query prepared against the full lists, or, when no token of it matches a token
        of a delta name, against the delta alone (it then has no candidate: no hit)."""
        if not lookup or self._probe is None:
            return super().prepare(name, kind, lookup=lookup)
        probe = self._probe.prepare(name, kind)
        if any(probe.single_names) or any(probe.joined_names) or any(probe.single_weak):
            return super().prepare(name, kind)
        return probe
