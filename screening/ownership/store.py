"""Storage for ownership holdings: flat integer arrays, exact scaled percentages.

Storage is built for ten million holdings in pure Python: no object per holding. Ids are
interned to integers; each holding is four 64-bit integers in one flat array (``_rec``: owned
entity, lower-bound key, upper-bound key, offset of the owner's previous holding), so an owner's
holdings form a linked list that is complete the moment a holding is added: there is no index
to build before computing, and adding holdings later costs nothing extra. A second array links
each entity's owners for explanations and duplicate checks.

Percentages are exact scaled integers: a bound ``p`` with ``k`` decimal places in the data is
``p * 10**k * EPS`` (``k`` grows, and existing keys are rescaled, when more precise data
arrives). ``EPS`` appears once the data has an open range end: a lower bound "more than 25" is
``25 * 10**k * EPS + 1``, an upper bound "less than 75" is ``75 * 10**k * EPS - 1``. The
infinitesimal makes sums with open ends compare exactly: a sum of lower bounds with at least one
open end is above the threshold when it equals it (``EPS`` exceeds any number of holdings of one
entity), so a PSC band "more than 50% but less than 75%" counts as "more than 50%" under the UK
rule, and an upper bound sum reaching 50 only through "less than" ends cannot reach 50.
"""

from __future__ import annotations

from array import array
from datetime import date
from itertools import repeat
from operator import mul
from typing import NamedTuple

from screening.errors import OwnershipError
from screening.ownership.explain import NameMatch
from screening.ownership.issues import IssueKind, OwnershipIssue
from screening.ownership.stakes import PercentLike, Stake, decimals, parse_stake

__all__ = ["EPS", "NIL", "REC", "EdgeMeta", "HoldingStore", "ordinal", "window"]

REC = 4  # slots per holding in _rec: owned, lower key, upper key, owner's previous holding
NIL = -1
EPS = 1 << 20  # more than the holdings of any one entity; see the module docstring
NO_START = 0
NO_END = date.max.toordinal() + 1

# Flag bits per holding.
LO_OPEN = 1
HI_OPEN = 2
UNKNOWN = 4
DATED = 8
_KEY_BITS = LO_OPEN | HI_OPEN | UNKNOWN

# An entity with more owners than this gets a dict for duplicate checks instead of a walk.
_DUP_WALK_LIMIT = 32
_SUM_CAP = (1 << 63) - 1
_CACHE_LIMIT = 100_000


class EdgeMeta(NamedTuple):
    """Where a holding was read, and what else was said about it (kept only when given)."""

    source: str | None = None
    where: int | str | None = None
    nominee: str | None = None
    share_class: str | None = None


def ordinal(value: date | str | None, default: int, what: str) -> int:
    """Day ordinal of an ISO date string or date; ``default`` for ``None`` or ``""``."""
    if value is None or value == "":
        return default
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise OwnershipError(f"{what} date {value!r} is not an ISO date (YYYY-MM-DD)") from None
    if not isinstance(value, date):
        raise OwnershipError(f"{what} date {value!r} is not a date")
    return value.toordinal()


def window(start: date | str | None, end: date | str | None) -> tuple[int, int] | None:
    """Validity window as day ordinals ``[start, end)``, or ``None`` when always valid.

    Raises:
        OwnershipError: a date that cannot be read, or ``end`` not after ``start``.
    """
    first = ordinal(start, NO_START, "start")
    stop = ordinal(end, NO_END, "end")
    if stop <= first:
        raise OwnershipError(f"end date {end!r} is not after start date {start!r}")
    if first == NO_START and stop == NO_END:
        return None
    return (first, stop)


class HoldingStore:
    """The arrays behind :class:`~screening.ownership.graph.OwnershipGraph` and the one way
    of adding a holding to them (interning ids, encoding, duplicate check, linking)."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self._ids: list[str] = []
        self._names: dict[int, str] = {}
        self._matches: dict[int, NameMatch] = {}
        self._out_head = array("q")  # per node: offset in _rec of its last holding, or NIL
        self._in_head = array("q")  # per node: number of its last incoming holding, or NIL
        self._in_count = array("q")
        self._in_lower = array("q")  # per node: sum of undated lower bounds, units 10**-k
        self._dated_targets: set[int] = set()
        self._rec = array("q")
        self._in_rec = array("q")  # per holding: owner, previous holding of the same owned
        self._flags = bytearray()
        self._windows: dict[int, tuple[int, int]] = {}
        self._meta: dict[int, EdgeMeta] = {}
        self._open_edges: list[int] = []
        self._imprecise = array("q")
        self._dup_index: dict[int, dict[tuple[object, ...], int]] = {}
        self._control: list[tuple[int, int, tuple[int, int] | None, EdgeMeta | None]] = []
        self._control_keys: set[tuple[int, int, tuple[int, int] | None]] = set()
        self._joint: dict[tuple[int, int], int] = {}
        self._groups: list[tuple[int, set[int], EdgeMeta | None]] = []
        self._decimals = 0
        self._eps = 1
        self._issues: list[OwnershipIssue] = []
        self._version = 0
        # percent text -> encoded keys at the current scale (data repeat percentages a lot)
        self._encoded: dict[str, tuple[int, int, int, int]] = {}

    # ---- ids ------------------------------------------------------------------------------

    def _node(self, party: str) -> int:
        node = self._index.get(party)
        if node is None:
            if not isinstance(party, str) or not party:
                raise OwnershipError(f"party id {party!r} must be a non-empty str")
            node = len(self._ids)
            self._index[party] = node
            self._ids.append(party)
            self._out_head.append(NIL)
            self._in_head.append(NIL)
            self._in_count.append(0)
            self._in_lower.append(0)
        return node

    def _set_name(self, node: int, name: str | None) -> None:
        if name and node not in self._names:
            self._names[node] = name

    def _add(
        self,
        o: int,
        t: int,
        percent: PercentLike,
        span: tuple[int, int] | None,
        meta: EdgeMeta | None,
    ) -> bool:
        """Add one holding of ``o`` in ``t``; ``False`` if it repeats one already stored."""
        encoded = self._encoded.get(percent) if isinstance(percent, str) else None
        if encoded is None:
            encoded = self._encode(parse_stake(percent))
            if isinstance(percent, str) and len(self._encoded) < _CACHE_LIMIT:
                self._encoded[percent] = encoded
        lo, hi, flags, lower_units = encoded
        if self._in_count[t]:
            previous = self._find_duplicate(o, t, lo, hi, flags, span, meta)
            if previous is not None:
                self._report_duplicate(o, t, percent, previous, meta)
                return False
        e = len(self._flags)
        if span is not None:
            flags |= DATED
            self._windows[e] = span
            self._dated_targets.add(t)
        else:
            try:
                self._in_lower[t] += lower_units
            except OverflowError:  # only "more than 100%" matters, and a capped sum says so
                self._in_lower[t] = _SUM_CAP
        self._rec.extend((t, lo, hi, self._out_head[o]))
        self._out_head[o] = REC * e
        self._in_rec.extend((o, self._in_head[t]))
        self._in_head[t] = e
        self._in_count[t] += 1
        self._flags.append(flags)
        if flags & (LO_OPEN | HI_OPEN):
            self._open_edges.append(e)
        if lo != hi:
            self._imprecise.append(e)
        if meta is not None:
            self._meta[e] = meta
        index = self._dup_index.get(t)
        if index is not None:
            index[self._dup_key(e)] = e
        self._version += 1
        return True

    def _report_duplicate(
        self, o: int, t: int, percent: PercentLike, previous: int, meta: EdgeMeta | None
    ) -> None:
        first = self._meta.get(previous)
        seen = f" (first reported at {first.source}, {first.where})" if first else ""
        self._issues.append(
            OwnershipIssue(
                kind=IssueKind.DUPLICATE,
                message=f"{self._ids[o]!r} holding {parse_stake(percent).text()}% of "
                f"{self._ids[t]!r} reported again{seen}; counted once",
                source=meta.source if meta else None,
                where=meta.where if meta else None,
                ids=(self._ids[o], self._ids[t]),
            )
        )

    def _encode(self, stake: Stake) -> tuple[int, int, int, int]:
        need = max(decimals(stake.lo), decimals(stake.hi))
        is_open = stake.lo_open or stake.hi_open
        if need > self._decimals or (is_open and self._eps == 1):
            self._rescale(max(need, self._decimals), EPS if is_open else self._eps)
        lower_units = int(stake.lo.scaleb(self._decimals))
        lo = lower_units * self._eps + (1 if stake.lo_open else 0)
        hi = int(stake.hi.scaleb(self._decimals)) * self._eps - (1 if stake.hi_open else 0)
        flags = (
            (LO_OPEN if stake.lo_open else 0)
            | (HI_OPEN if stake.hi_open else 0)
            | (0 if stake.known else UNKNOWN)
        )
        return lo, hi, flags, lower_units

    def _rescale(self, new_decimals: int, new_eps: int) -> None:
        """Re-express every stored key with more decimal places and/or the open-end EPS."""
        unit_factor = 10 ** (new_decimals - self._decimals)
        factor = unit_factor * (new_eps // self._eps)
        if factor != 1:
            rec = self._rec
            for slot in (1, 2):
                rec[slot::REC] = array("q", map(mul, rec[slot::REC], repeat(factor)))
            for e in self._open_edges:  # keep the infinitesimal at one unit, not `factor` units
                if self._flags[e] & LO_OPEN:
                    rec[REC * e + 1] -= factor - 1
                if self._flags[e] & HI_OPEN:
                    rec[REC * e + 2] += factor - 1
        if unit_factor != 1:
            lower = self._in_lower
            self._in_lower = array("q", (min(v * unit_factor, _SUM_CAP) for v in lower))
        self._decimals, self._eps = new_decimals, new_eps
        self._dup_index.clear()
        self._encoded.clear()

    def _ensure_decimals(self, needed: int) -> None:
        """Make keys precise enough for a threshold with ``needed`` decimal places."""
        if needed > self._decimals:
            self._rescale(needed, self._eps)
            self._version += 1

    def _dup_key(self, e: int) -> tuple[object, ...]:
        meta = self._meta.get(e)
        return (
            self._in_rec[2 * e],
            self._rec[REC * e + 1],
            self._rec[REC * e + 2],
            self._flags[e] & _KEY_BITS,
            self._windows.get(e),
            meta.share_class if meta else None,
        )

    def _find_duplicate(
        self,
        o: int,
        t: int,
        lo: int,
        hi: int,
        flags: int,
        span: tuple[int, int] | None,
        meta: EdgeMeta | None,
    ) -> int | None:
        key = (o, lo, hi, flags & _KEY_BITS, span, meta.share_class if meta else None)
        if self._in_count[t] > _DUP_WALK_LIMIT:
            index = self._dup_index.get(t)
            if index is None:
                index = self._dup_index[t] = {}
                e = self._in_head[t]
                while e != NIL:
                    index.setdefault(self._dup_key(e), e)
                    e = self._in_rec[2 * e + 1]
            return index.get(key)
        in_rec = self._in_rec
        e = self._in_head[t]
        while e != NIL:
            if in_rec[2 * e] == o and self._dup_key(e) == key:
                return e
            e = in_rec[2 * e + 1]
        return None
