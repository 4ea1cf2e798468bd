"""The ownership graph: who holds what share of whom, from when to when.

How holdings are stored (flat arrays, exact scaled percentages) is described in
``screening.ownership.store``; this module is the public face: adding holdings, control
relations and joint arrangements, reading files, and applying a regime.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from itertools import compress, repeat
from operator import lt
from typing import TYPE_CHECKING

from screening.errors import OwnershipError
from screening.ownership.explain import NameMatch
from screening.ownership.issues import IssueKind, OwnershipIssue
from screening.ownership.regime import Regime
from screening.ownership.stakes import PercentLike, parse_stake
from screening.ownership.store import NIL, REC, EdgeMeta, HoldingStore, ordinal, window

if TYPE_CHECKING:
    from screening.models import Watchlist
    from screening.ownership.report import OwnershipReport
    from screening.ownership.resolve import NameScreener
    from screening.ownership.seeds import Designation

__all__ = ["OwnershipGraph"]


class OwnershipGraph(HoldingStore):
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
        span = None if start is None and end is None else window(start, end)
        holder = owner if held_for is None else held_for
        o = self._index.get(holder)
        if o is None:
            o = self._node(holder)
        t = self._index.get(owned)
        if t is None:
            t = self._node(owned)
        if owner_name is not None:
            self._set_name(o if held_for is None else self._node(owner), owner_name)
        if owned_name is not None:
            self._set_name(t, owned_name)
        meta = None
        if source is not None or line is not None or held_for is not None or share_class:
            nominee = owner if held_for is not None else None
            meta = EdgeMeta(source, line, nominee, share_class or None)
        if o == t:
            self._issues.append(
                OwnershipIssue(
                    kind=IssueKind.SELF_OWNERSHIP,
                    message=f"{owned!r} holds {parse_stake(percent).text()}% of itself; ignored",
                    source=source,
                    where=line,
                    ids=(owned,),
                )
            )
            return False
        return self._add(o, t, percent, span, meta)

    def add_edges(self, rows: Iterable[tuple[str, str, PercentLike]]) -> int:
        """Add many ``(owner, owned, percent)`` holdings; returns how many count."""
        added = 0
        for owner, owned, percent in rows:
            added += self.add_edge(owner, owned, percent)
        return added

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

        day = date.fromordinal(ordinal(as_of, date.today().toordinal(), "as_of"))
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
