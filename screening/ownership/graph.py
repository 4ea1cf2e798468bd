"""The ownership graph: who holds what share of whom, from when to when.

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

import os
from array import array
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from itertools import compress, repeat
from operator import lt, mul
from typing import TYPE_CHECKING, NamedTuple

from screening.errors import OwnershipError
from screening.ownership.explain import NameMatch
from screening.ownership.issues import IssueKind, OwnershipIssue
from screening.ownership.regime import Regime
from screening.ownership.stakes import PercentLike, Stake, decimals, parse_stake

if TYPE_CHECKING:
    from screening.models import Watchlist
    from screening.ownership.report import OwnershipReport
    from screening.ownership.resolve import NameScreener
    from screening.ownership.seeds import Designation

__all__ = ["EdgeMeta", "OwnershipGraph"]

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


class EdgeMeta(NamedTuple):
    """Where a holding was read, and what else was said about it (kept only when given)."""

    source: str | None = None
    where: int | str | None = None
    nominee: str | None = None
    share_class: str | None = None


def _ordinal(value: date | str | None, default: int, what: str) -> int:
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
    first = _ordinal(start, NO_START, "start")
    stop = _ordinal(end, NO_END, "end")
    if stop <= first:
        raise OwnershipError(f"end date {end!r} is not after start date {start!r}")
    if first == NO_START and stop == NO_END:
        return None
    return (first, stop)


class OwnershipGraph:
    """Holdings and control relations between parties, for the 50 Percent Rule.

    Example:
        >>> g = OwnershipGraph()
        >>> g.add_edge("X", "A", "50")
        True
        >>> sorted(g.blocked({"X"}).blocked)
        ['A', 'X']

    Holdings may be exact, ranges or unknown (see :func:`~screening.ownership.stakes.
    parse_stake`), may have validity windows, and may be held through a nominee. Self-ownership
    is ignored and identical repeated reports count once; both are recorded in :attr:`issues`.
    """

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

    def __contains__(self, party: object) -> bool:
        return party in self._index

    def __len__(self) -> int:
        """Number of ownership holdings counted (duplicates and self-holdings excluded)."""
        return len(self._flags)

    @property
    def node_count(self) -> int:
        """Number of parties (owners and owned) in the graph."""
        return len(self._ids)

    def name(self, party: str) -> str | None:
        """The display name given for ``party``, if any."""
        node = self._index.get(party)
        return None if node is None else self._names.get(node)

    @property
    def issues(self) -> tuple[OwnershipIssue, ...]:
        """Problems found while adding data (see also :meth:`validate`)."""
        return tuple(self._issues)

    def report_issue(self, issue: OwnershipIssue) -> None:
        """Record a problem found by a reader (a bad row, an unresolved name)."""
        self._issues.append(issue)

    # ---- holdings -------------------------------------------------------------------------

    def add_edge(
        self,
        owner: str,
        owned: str,
        percent: PercentLike,
        *,
        start: date | str | None = None,
        end: date | str | None = None,
        source: str | None = None,
        line: int | str | None = None,
        share_class: str | None = None,
        held_for: str | None = None,
        owner_name: str | None = None,
        owned_name: str | None = None,
    ) -> bool:
        """Record that ``owner`` holds ``percent`` of ``owned``.

        Args:
            owner: id of the registered holder.
            owned: id of the entity held.
            percent: exact (``"16.33"``, ``Decimal``, ``int``), a range (``("25", "50")``,
                ``"(25, 50]"``, a UK PSC band) or unknown (``None``); see ``parse_stake``.
            start, end: validity window, ``end`` excluded (a holding sold on ``end`` no longer
                counts that day); ISO strings or dates.
            source, line: where the holding was read, for explanations and issues.
            share_class: holdings of different classes by one holder add up; an identical
                report of the same class counts once.
            held_for: the beneficial owner when ``owner`` is a nominee: the holding counts for
                ``held_for``.
            owner_name, owned_name: display names.

        Returns:
            ``True`` if the holding counts; ``False`` if it was ignored as self-ownership or as
            a duplicate (both recorded in :attr:`issues`).

        Raises:
            OwnershipError: an empty id, a bad percentage or date.
        """
        stake = parse_stake(percent)
        span = window(start, end)
        holder = owner if held_for is None else held_for
        o = self._node(holder)
        t = self._node(owned)
        self._set_name(o if held_for is None else self._node(owner), owner_name)
        self._set_name(t, owned_name)
        meta = None
        if source is not None or line is not None or held_for is not None or share_class:
            nominee = owner if held_for is not None else None
            meta = EdgeMeta(source, line, nominee, share_class or None)
        if o == t:
            self._issues.append(
                OwnershipIssue(
                    kind=IssueKind.SELF_OWNERSHIP,
                    message=f"{owned!r} holds {stake.text()}% of itself; ignored",
                    source=source,
                    where=line,
                    ids=(owned,),
                )
            )
            return False
        return self._add(o, t, stake, span, meta)

    def add_edges(self, rows: Iterable[tuple[str, str, PercentLike]]) -> int:
        """Add many ``(owner, owned, percent)`` holdings; returns how many count."""
        added = 0
        for owner, owned, percent in rows:
            added += self.add_edge(owner, owned, percent)
        return added

    def _add(
        self, o: int, t: int, stake: Stake, span: tuple[int, int] | None, meta: EdgeMeta | None
    ) -> bool:
        lo, hi, flags, lower_units = self._encode(stake)
        share_class = meta.share_class if meta else None
        previous = self._find_duplicate(o, t, lo, hi, flags, span, share_class)
        if previous is not None:
            first = self._meta.get(previous)
            seen = f" (first reported at {first.source}, {first.where})" if first else ""
            self._issues.append(
                OwnershipIssue(
                    kind=IssueKind.DUPLICATE,
                    message=f"{self._ids[o]!r} holding {stake.text()}% of {self._ids[t]!r} "
                    f"reported again{seen}; counted once",
                    source=meta.source if meta else None,
                    where=meta.where if meta else None,
                    ids=(self._ids[o], self._ids[t]),
                )
            )
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
        share_class: str | None,
    ) -> int | None:
        key = (o, lo, hi, flags & _KEY_BITS, span, share_class)
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

    # ---- control and joint arrangements ----------------------------------------------------

    def add_control(
        self,
        controller: str,
        controlled: str,
        *,
        start: date | str | None = None,
        end: date | str | None = None,
        source: str | None = None,
        line: int | str | None = None,
    ) -> bool:
        """Record control without (counted) ownership: it blocks under the EU and UK regimes
        only (OFAC FAQ 398: the 50 Percent Rule is about ownership, not control).

        Returns:
            ``True`` if recorded; ``False`` for self-control (recorded in :attr:`issues`) or
            a repeated report (control counts once whatever the number of reports).
        """
        span = window(start, end)
        o, t = self._node(controller), self._node(controlled)
        meta = EdgeMeta(source, line) if source is not None or line is not None else None
        if (o, t, span) in self._control_keys:
            return False  # control is yes or no: a second report cannot count twice
        if o == t:
            self._issues.append(
                OwnershipIssue(
                    kind=IssueKind.SELF_OWNERSHIP,
                    message=f"control of {controlled!r} by itself ignored",
                    source=source,
                    where=line,
                    ids=(controlled,),
                )
            )
            return False
        self._control_keys.add((o, t, span))
        self._control.append((o, t, span, meta))
        self._version += 1
        return True

    def add_joint_arrangement(
        self,
        members: Iterable[str],
        owned: str,
        *,
        source: str | None = None,
        line: int | str | None = None,
    ) -> None:
        """Record that ``members`` hold their shares of ``owned`` under a joint arrangement.

        Under the UK regime each member is treated as holding the combined holdings of all
        members. Arrangements sharing a member over the same entity are merged.

        Raises:
            OwnershipError: fewer than two distinct members, or ``owned`` among them.
        """
        names = sorted(set(members))
        if len(names) < 2 or owned in names:
            raise OwnershipError(
                f"a joint arrangement over {owned!r} needs two or more members other than it, "
                f"got {names!r}"
            )
        t = self._node(owned)
        nodes = {self._node(m) for m in names}
        existing = {self._joint[(m, t)] for m in nodes if (m, t) in self._joint}
        meta = EdgeMeta(source, line) if source is not None or line is not None else None
        for g in existing:
            nodes |= self._groups[g][1]
        number = len(self._groups)
        self._groups.append((t, nodes, meta))
        for m in nodes:
            self._joint[(m, t)] = number
        self._version += 1

    # ---- readers (thin wrappers; the formats live in their own modules) ---------------------

    def read_csv(
        self,
        path: str | os.PathLike[str],
        *,
        screener: NameScreener | None = None,
        min_score: float = 0.9,
    ) -> int:
        """Add the holdings of an ownership CSV file (see ``screening.ownership.csv_edges``).

        Returns:
            The number of rows read.
        """
        from screening.ownership.csv_edges import read_csv

        return read_csv(self, path, screener=screener, min_score=min_score)

    def read_bods(self, path: str | os.PathLike[str]) -> int:
        """Add the holdings and control relations of a BODS 0.4 file (JSON array or JSON
        Lines; see ``screening.ownership.bods``). Returns the number of statements read."""
        from screening.ownership.bods import read_bods

        return read_bods(self, path)

    def add_list_relations(
        self,
        lists: Watchlist | Iterable[Watchlist],
        *,
        screener: NameScreener | None = None,
        min_score: float = 0.9,
    ) -> int:
        """Add the "Owned or Controlled By" relations of list entries as holdings of unknown
        share. Returns the number of relations added."""
        from screening.ownership.lists import add_list_relations

        return add_list_relations(self, lists, screener=screener, min_score=min_score)

    def set_match(self, party: str, match: NameMatch) -> None:
        """Record that ``party`` was found by matching a name against the lists."""
        self._matches[self._node(party)] = match

    # ---- computing ------------------------------------------------------------------------

    def blocked(
        self,
        seeds: Iterable[str]
        | Mapping[str, Iterable[str] | Designation]
        | Watchlist
        | Sequence[Watchlist],
        *,
        regime: str | Regime = "OFAC",
        as_of: date | str | None = None,
    ) -> OwnershipReport:
        """Apply the regime's ownership rule to ``seeds`` (the blocked persons).

        Args:
            seeds: ids of blocked persons; or ids mapped to their programs (propagation then
                follows each program's rule, e.g. NS-CMIC listings do not propagate) or to a
                :class:`Designation` with a validity window; or watchlists, whose every entry
                is a seed.
            regime: ``"OFAC"``, ``"EU"``, ``"UK"`` or a :class:`Regime`.
            as_of: the date whose holdings and designations count (default: today).

        Returns:
            The :class:`OwnershipReport`: blocked, possibly blocked, shares, explanations.
        """
        from screening.ownership.report import OwnershipReport

        day = date.fromordinal(_ordinal(as_of, date.today().toordinal(), "as_of"))
        return OwnershipReport(self, seeds, regime=Regime.named(regime), as_of=day)

    def validate(self, as_of: date | None = None) -> list[OwnershipIssue]:
        """Issues found while adding data, plus entities whose owners hold more than 100%
        together (lower bounds of the holdings valid at ``as_of``; default today)."""
        day = (as_of or date.today()).toordinal()
        limit = 100 * 10**self._decimals
        over = set(compress(range(len(self._ids)), map(lt, repeat(limit), self._in_lower)))
        for t in self._dated_targets:
            total = self._in_lower[t]
            e = self._in_head[t]
            while e != NIL:
                span = self._windows.get(e)
                if span is not None and span[0] <= day < span[1]:
                    total += self._rec[REC * e + 1] // self._eps
                e = self._in_rec[2 * e + 1]
            if total > limit:
                over.add(t)
        found = list(self._issues)
        for t in sorted(over):
            held = Decimal(self.lower_sum(t, day)).scaleb(-self._decimals)
            found.append(
                OwnershipIssue(
                    kind=IssueKind.OWNERS_OVER_100,
                    message=f"the owners of {self._ids[t]!r} hold {_plain(held)}% together "
                    f"(lower bounds) on {date.fromordinal(day).isoformat()}",
                    ids=(self._ids[t],),
                )
            )
        return found

    def lower_sum(self, t: int, day: int) -> int:
        """Sum of the lower bounds of ``t``'s holdings valid on ``day``, units ``10**-k``."""
        total = 0
        e = self._in_head[t]
        while e != NIL:
            span = self._windows.get(e)
            if span is None or span[0] <= day < span[1]:
                total += self._rec[REC * e + 1] // self._eps
            e = self._in_rec[2 * e + 1]
        return total


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
