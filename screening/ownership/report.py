"""The result of applying an ownership rule: statuses, shares, explanations, what-ifs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, NamedTuple

from screening.errors import OwnershipError
from screening.ownership.explain import Link, OwnershipExplanation, Status, Step
from screening.ownership.fixpoint import LOWER, UPPER, AggregateRun
from screening.ownership.issues import IssueKind, OwnershipIssue
from screening.ownership.per_person import PerPersonRun
from screening.ownership.regime import BLOCKED, Regime
from screening.ownership.seeds import Designation, Seeds, normalize_seeds
from screening.ownership.stakes import Stake, decimals
from screening.ownership.store import HI_OPEN, LO_OPEN, UNKNOWN, EdgeMeta
from screening.ownership.view import GraphView, RawStep, threshold_key

if TYPE_CHECKING:
    from screening.ownership.graph import OwnershipGraph

__all__ = ["NewlyBlocked", "OwnershipReport"]

_Run = AggregateRun | PerPersonRun


class NewlyBlocked(NamedTuple):
    """What a designation changed.

    Attributes:
        blocked: ids now blocked that were not (the designated person included).
        possibly_blocked: ids now possibly blocked that were not blocked or possibly blocked.
        restricted: for other restrictions (``"SSI"``...), the ids newly subject to them.
    """

    blocked: frozenset[str]
    possibly_blocked: frozenset[str]
    restricted: dict[str, frozenset[str]]


class OwnershipReport:
    """Who is blocked under one regime on one date, and why.

    Built by :meth:`OwnershipGraph.blocked`. The report is a snapshot: if holdings are added to
    the graph afterwards, reading it raises :class:`OwnershipError`; compute a new one.

    Attributes:
        regime: the rule applied.
        as_of: the date whose holdings and designations counted.
    """

    def __init__(self, graph: OwnershipGraph, seeds: Seeds, *, regime: Regime, as_of: date):
        graph._ensure_decimals(decimals(regime.threshold))
        self._graph = graph
        self._version = graph._version
        self.regime = regime
        self.as_of = as_of
        self._view = GraphView(graph, as_of.toordinal())
        self._t_min = threshold_key(
            regime.threshold, regime.inclusive, self._view.decimals, self._view.eps
        )
        self._runs: dict[str, _Run] = {}
        self._listed: dict[str, Designation] = {}  # seeds in force, any restriction
        self._fixed: dict[str, set[str]] = {}  # listed without propagation, or not in graph
        self._seed_issues: list[OwnershipIssue] = []
        self._cache: dict[tuple[str, int], frozenset[str]] = {}
        by_label: dict[str, list[int]] = {}
        for party, designation in sorted(normalize_seeds(seeds).items()):
            if not designation.in_force(as_of):
                continue
            self._listed[party] = designation
            for label, propagates in regime.labels(designation.programs).items():
                node = graph._index.get(party)
                if node is None or not propagates:
                    self._fixed.setdefault(label, set()).add(party)
                else:
                    by_label.setdefault(label, []).append(node)
            if party not in graph._index:
                self._seed_issues.append(
                    OwnershipIssue(
                        kind=IssueKind.UNKNOWN_ID,
                        message=f"seed {party!r} does not occur in the ownership data",
                        ids=(party,),
                    )
                )
        for label, nodes in by_label.items():
            self._run(label).start(nodes)

    def _run(self, label: str) -> _Run:
        run = self._runs.get(label)
        if run is None:
            regime, view = self.regime, self._view
            if regime.aggregate:
                run = AggregateRun(view, self._t_min, regime.control_counts)
            else:
                run = PerPersonRun(
                    view, self._t_min, regime.control_counts, regime.joint_arrangements
                )
            self._runs[label] = run
        return run

    def _check(self) -> None:
        if self._graph._version != self._version:
            raise OwnershipError("the graph changed after this report was computed; recompute")

    # ---- sets and statuses ----------------------------------------------------------------

    def _ids(self, label: str, slot: int) -> frozenset[str]:
        self._check()
        cached = self._cache.get((label, slot))
        if cached is None:
            ids = self._graph._ids
            run = self._runs.get(label)
            nodes = run.blocked_nodes(slot) if run is not None else []
            cached = frozenset([ids[n] for n in nodes]) | self._fixed.get(label, set())
            self._cache[(label, slot)] = cached
        return cached

    @property
    def blocked(self) -> frozenset[str]:
        """Ids blocked (seeds included): certainly, under the lower bounds of every stake."""
        return self._ids(BLOCKED, LOWER)

    @property
    def possibly_blocked(self) -> frozenset[str]:
        """Ids blocked under the upper bounds of ranges and unknown stakes, but not the lower."""
        return self._ids(BLOCKED, UPPER) - self._ids(BLOCKED, LOWER)

    def status(self, party: str, *, restriction: str = BLOCKED) -> Status:
        """``"blocked"``, ``"possibly_blocked"`` or ``"not_blocked"`` (also for unknown ids).

        Args:
            party: the id.
            restriction: ``"blocked"`` or another restriction label such as ``"SSI"``.
        """
        self._check()
        if party in self._fixed.get(restriction, ()):
            return "blocked"
        run = self._runs.get(restriction)
        node = self._graph._index.get(party)
        if run is None or node is None:
            return "not_blocked"
        if run.is_blocked(node, LOWER):
            return "blocked"
        if run.is_blocked(node, UPPER):
            return "possibly_blocked"
        return "not_blocked"

    def is_blocked(self, party: str) -> bool:
        """Whether ``party`` is certainly blocked."""
        return self.status(party) == "blocked"

    def restrictions(self, party: str) -> dict[str, Status]:
        """The restrictions other than blocking that apply or may apply to ``party``
        (``{"SSI": "blocked"}`` for an entity owned 50% or more by SSI-listed persons)."""
        labels = (set(self._runs) | set(self._fixed)) - {BLOCKED}
        found = {label: self.status(party, restriction=label) for label in sorted(labels)}
        return {label: status for label, status in found.items() if status != "not_blocked"}

    def restricted(self, restriction: str) -> frozenset[str]:
        """Ids certainly subject to ``restriction`` (``"SSI"``, ``"NS-CMIC"``...)."""
        return self._ids(restriction, LOWER)

    def programs(self, party: str) -> tuple[str, ...]:
        """The programs ``party`` is listed under in the seeds (empty if not a seed)."""
        designation = self._listed.get(party)
        return () if designation is None else designation.programs

    # ---- shares ---------------------------------------------------------------------------

    def _percent(self, key: int) -> Decimal:
        return Decimal(key // self._view.eps).scaleb(-self._view.decimals)

    def share(self, party: str) -> Decimal:
        """Aggregate percentage of ``party`` held by blocked owners, as a lower bound (UK: the
        largest held by one designated person's group). ``0`` for unknown ids."""
        self._check()
        run = self._runs.get(BLOCKED)
        node = self._graph._index.get(party)
        if run is None or node is None:
            return Decimal(0)
        return self._percent(run.share(node))

    def near_misses(self, min_share: Decimal | int | str = 25) -> list[tuple[str, Decimal]]:
        """Entities not blocked whose blocked owners hold at least ``min_share`` percent (so
        below the threshold), largest share first."""
        self._check()
        run = self._runs.get(BLOCKED)
        if run is None:
            return []
        scaled = Decimal(min_share).scaleb(self._view.decimals)
        min_key = max(1, int(scaled.to_integral_value(rounding=ROUND_CEILING)) * self._view.eps)
        ids = self._graph._ids
        found = [(ids[node], self._percent(key)) for node, key in run.near(min_key)]
        return sorted(found, key=lambda item: (-item[1], item[0]))

    # ---- explanations ---------------------------------------------------------------------

    def explain(self, party: str, *, restriction: str = BLOCKED) -> OwnershipExplanation:
        """Why ``party`` has its status: the owners and holdings that make the threshold, each
        owner explained in turn down to listed persons (see :class:`OwnershipExplanation`)."""
        status = self.status(party, restriction=restriction)
        graph = self._graph
        node = graph._index.get(party)
        run = self._runs.get(restriction)
        if party in self._fixed.get(restriction, ()) or node is None or run is None:
            reason = "listed" if status == "blocked" else "not_owned"
            steps: tuple[Step, ...] = (
                Step(
                    entity=party,
                    name=self.name(party),
                    status=status,
                    reason=reason,
                    programs=self.programs(party),
                ),
            )
        else:
            steps = tuple(self._step(raw, run, restriction) for raw in run.explain(node))
        return OwnershipExplanation(
            entity=party,
            name=self.name(party),
            status=status,
            regime=self.regime.name,
            as_of=self.as_of,
            threshold=self.regime.threshold,
            inclusive=self.regime.inclusive,
            share=self.share(party) if restriction == BLOCKED else steps[-1].share,
            steps=steps,
        )

    def name(self, party: str) -> str | None:
        """The display name of ``party`` from the ownership data."""
        return self._graph.name(party)

    def _step(self, raw: RawStep, run: _Run, restriction: str) -> Step:
        ids = self._graph._ids
        party = ids[raw.node]
        status = self.status(party, restriction=restriction)
        if raw.seed:
            return Step(
                entity=party,
                name=self.name(party),
                status=status,
                reason="listed",
                programs=self.programs(party),
            )
        links = tuple(self._link(kind, index) for kind, index in raw.links)
        view = self._view
        lower = sum(view.weight(i, LOWER) for k, i in raw.links if k != "control")
        upper = sum(view.weight(i, UPPER) for k, i in raw.links if k != "control")
        if any(kind == "control" for kind, _ in raw.links):
            reason = "controlled"
            share = Decimal(0)
        elif status == "not_blocked":
            reason, share = "not_owned", self._percent(lower)
        elif (
            status == "blocked"
            and lower >= self._t_min
            and all(
                self.status(link.owner, restriction=restriction) == "blocked"
                for link in links
                if link.kind == "ownership"  # joint co-members count without being blocked
            )
        ):
            reason, share = "owned", self._percent(lower)
        else:
            reason, share = "possibly_owned", self._percent(upper)
        return Step(
            entity=party,
            name=self.name(party),
            status=status,
            reason=reason,
            share=share,
            links=links,
        )

    def _link(self, kind: str, index: int) -> Link:
        graph, view = self._graph, self._view
        ids = graph._ids
        if kind == "control":
            owner, owned, control_meta = view.control[index]
            meta = control_meta or EdgeMeta()
            return Link(
                owner=ids[owner],
                owner_name=graph._names.get(owner),
                owned=ids[owned],
                kind="control",
                stake="control",
                lower=Decimal(0),
                upper=Decimal(0),
                source=meta.source,
                where=meta.where,
                match=graph._matches.get(owner),
            )
        owner = view.owner_of(index)
        owned = view.rec[4 * index]
        stake = self._stake(index)
        meta = graph._meta.get(index) or EdgeMeta()
        span = graph._windows.get(index)
        return Link(
            owner=ids[owner],
            owner_name=graph._names.get(owner),
            owned=ids[owned],
            kind="joint" if kind == "joint" else "ownership",
            stake=stake.text(),
            lower=stake.lo,
            upper=stake.hi,
            start=date.fromordinal(span[0]) if span and span[0] > 0 else None,
            end=date.fromordinal(span[1]) if span and span[1] <= date.max.toordinal() else None,
            source=meta.source,
            where=meta.where,
            nominee=meta.nominee,
            share_class=meta.share_class,
            match=graph._matches.get(owner),
        )

    def _stake(self, e: int) -> Stake:
        graph = self._graph
        flags = graph._flags[e]
        lo_key, hi_key = graph._rec[4 * e + 1], graph._rec[4 * e + 2]
        eps, places = graph._eps, graph._decimals
        lo = Decimal(lo_key // eps).scaleb(-places)
        hi = Decimal(-(-hi_key // eps)).scaleb(-places)
        return Stake(
            _plain(lo),
            _plain(hi),
            bool(flags & LO_OPEN),
            bool(flags & HI_OPEN),
            not flags & UNKNOWN,
        )

    # ---- designations ---------------------------------------------------------------------

    def designate(self, party: str, programs: Iterable[str] = ()) -> NewlyBlocked:
        """Add a designation and update the result incrementally (the rule is monotone, so
        only what the new seed reaches is computed). Returns what changed."""
        self._check()
        programs = tuple(programs)
        graph = self._graph
        changed: dict[str, tuple[set[str], set[str]]] = {}
        self._listed.setdefault(party, Designation(programs))
        node = graph._index.get(party)
        for label, propagates in self.regime.labels(programs).items():
            lower: set[str] = set()
            upper: set[str] = set()
            if node is None or not propagates:
                if self.status(party, restriction=label) != "blocked":
                    lower.add(party)
                self._fixed.setdefault(label, set()).add(party)
            else:
                new_lower, new_upper = self._run(label).designate(node)
                lower = {graph._ids[n] for n in new_lower}
                upper = {graph._ids[n] for n in new_upper}
            changed[label] = (lower, upper)
        # the full sets are rebuilt on the next read: keeping them current here would cost
        # a copy of every blocked id per designation, and designations must stay incremental
        self._cache.clear()
        lower, upper = changed.get(BLOCKED, (set(), set()))
        # nodes newly blocked under the upper bounds were neither blocked nor possibly before
        possibly = {p for p in upper if self.status(p) == "possibly_blocked"}
        return NewlyBlocked(
            frozenset(lower),
            frozenset(possibly),
            {label: frozenset(c[0]) for label, c in changed.items() if label != BLOCKED},
        )

    def what_if_designate(self, party: str, programs: Iterable[str] = ()) -> NewlyBlocked:
        """What :meth:`designate` would change, leaving this report as it is."""
        self._check()
        twin = OwnershipReport.__new__(OwnershipReport)
        twin.__dict__.update(self.__dict__)
        twin._runs = {label: run.clone() for label, run in self._runs.items()}
        twin._listed = dict(self._listed)
        twin._fixed = {label: set(ids) for label, ids in self._fixed.items()}
        twin._cache = dict(self._cache)
        return twin.designate(party, programs)

    # ---- issues ---------------------------------------------------------------------------

    @property
    def issues(self) -> list[OwnershipIssue]:
        """Problems in the data: those found while reading, entities whose owners hold more
        than 100% on ``as_of``, and seeds that do not occur in the graph."""
        return [*self._graph.validate(self.as_of), *self._seed_issues]

    def __repr__(self) -> str:
        return (
            f"<OwnershipReport {self.regime.name} as_of={self.as_of} "
            f"blocked={len(self.blocked)} possibly_blocked={len(self.possibly_blocked)}>"
        )


def _plain(value: Decimal) -> Decimal:
    """The value without trailing zeros and in positional notation: 30, not 3E+1 (which is what
    ``normalize()`` alone gives and what JSON would then show)."""
    return Decimal(format(value.normalize(), "f"))
