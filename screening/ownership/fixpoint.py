"""The aggregated rule (OFAC, EU) as a worklist least fixpoint, on lower and upper bounds.

Blocked is the least fixpoint of ``F(S) = D ∪ {e : Σ pct(o, e) for o in S, o ≠ e ≥ T}``. The
worklist computes it directly: when an owner becomes blocked its holdings are added to each
owned entity's accumulated share, and an entity whose share reaches the threshold becomes
blocked and is queued. Each holding is added once per bound, so the work is linear in the
holdings reached; there is no recursion and no depth limit, and cycles with no blocked owner
outside them block nothing because nothing ever enters them.

An entity's accumulator holds ``-1`` once it is blocked (keys are never negative), so the inner
loop reads one array per holding; ``rank`` records the order of blocking, which makes every
explanation acyclic: an entity is explained only by owners of lower rank.

The upper bound run ("possibly blocked") starts from the lower-bound result: the lower-blocked
entities are upper-blocked too, and only the imprecise holdings of lower-blocked owners add
their ``upper - lower`` difference before the worklist continues with upper bounds.
"""

from __future__ import annotations

from array import array
from collections import deque
from itertools import compress, repeat
from operator import le

from screening.ownership.store import REC
from screening.ownership.view import GraphView, RawStep

__all__ = ["AggregateRun"]

_BLOCKED = -1
LOWER, UPPER = 1, 2


class AggregateRun:
    """Lower- and upper-bound fixpoints of one restriction (blocking, SSI...) on one view."""

    __slots__ = (
        "acc",
        "control",
        "next_rank",
        "rank",
        "seeds",
        "t_min",
        "view",
    )

    def __init__(self, view: GraphView, t_min: int, control: bool) -> None:
        self.view = view
        self.t_min = t_min
        self.control = control
        n = view.n
        acc = array("q", bytes(8 * n))
        rank = array("q", [-1]) * n
        # Without imprecise holdings the upper bounds equal the lower ones: share the state.
        self.acc = {LOWER: acc, UPPER: array("q", acc) if view.imprecise else acc}
        self.rank = {LOWER: rank, UPPER: array("q", rank) if view.imprecise else rank}
        self.next_rank = {LOWER: 0, UPPER: 0}
        self.seeds: set[int] = set()

    def clone(self) -> AggregateRun:
        """An independent copy (for what-if designations)."""
        twin = AggregateRun.__new__(AggregateRun)
        twin.view, twin.t_min, twin.control = self.view, self.t_min, self.control
        lower_acc, lower_rank = array("q", self.acc[LOWER]), array("q", self.rank[LOWER])
        twin.acc = {LOWER: lower_acc, UPPER: lower_acc}
        twin.rank = {LOWER: lower_rank, UPPER: lower_rank}
        if self.acc[UPPER] is not self.acc[LOWER]:
            twin.acc[UPPER] = array("q", self.acc[UPPER])
            twin.rank[UPPER] = array("q", self.rank[UPPER])
        twin.next_rank = dict(self.next_rank)
        twin.seeds = set(self.seeds)
        return twin

    # ---- computing ------------------------------------------------------------------------

    def start(self, seeds: list[int]) -> None:
        """Compute both fixpoints from ``seeds``."""
        self._mark(seeds, LOWER)
        if not self.view.imprecise:
            return
        acc = array("q", self.acc[LOWER])
        rank = array("q", self.rank[LOWER])
        self.acc[UPPER], self.rank[UPPER] = acc, rank
        self.next_rank[UPPER] = self.next_rank[LOWER]
        rec, in_rec, t_min = self.view.rec, self.view.in_rec, self.t_min
        lower_acc = self.acc[LOWER]
        queue: deque[int] = deque()
        next_rank = self.next_rank[UPPER]
        for e in self.view.imprecise:
            if lower_acc[in_rec[2 * e]] != _BLOCKED:
                continue
            t = rec[REC * e]
            x = acc[t]
            if x == _BLOCKED:
                continue
            x += rec[REC * e + 2] - rec[REC * e + 1]
            if x >= t_min:
                acc[t] = _BLOCKED
                rank[t] = next_rank
                next_rank += 1
                queue.append(t)
            else:
                acc[t] = x
        self.next_rank[UPPER] = next_rank
        self._propagate(queue, UPPER, [])

    def designate(self, node: int) -> tuple[list[int], list[int]]:
        """Add one seed and propagate; returns the nodes newly blocked under the lower and
        the upper bounds (valid because the rule is monotone: adding a seed never unblocks)."""
        new_lower = self._mark([node], LOWER)
        if self.acc[UPPER] is self.acc[LOWER]:
            return new_lower, list(new_lower)
        return new_lower, self._mark([node], UPPER)

    def _mark(self, seeds: list[int], slot: int) -> list[int]:
        acc, rank = self.acc[slot], self.rank[slot]
        queue: deque[int] = deque()
        new: list[int] = []
        next_rank = self.next_rank[slot]
        for node in seeds:
            if slot == LOWER:
                self.seeds.add(node)
            if acc[node] != _BLOCKED:
                acc[node] = _BLOCKED
                rank[node] = next_rank
                next_rank += 1
                queue.append(node)
                new.append(node)
        self.next_rank[slot] = next_rank
        self._propagate(queue, slot, new)
        return new

    def _propagate(self, queue: deque[int], slot: int, new: list[int]) -> None:
        # The hot loop: one read of `acc` per holding, no attribute lookups, no calls.
        acc, rank = self.acc[slot], self.rank[slot]
        rec, head, t_min = self.view.rec, self.view.out_head, self.t_min
        control_out = self.view.control_out if self.control else None
        control = self.view.control
        popleft, append, note = queue.popleft, queue.append, new.append
        next_rank = self.next_rank[slot]
        while queue:
            o = popleft()
            k = head[o]
            while k >= 0:
                t = rec[k]
                x = acc[t]
                if x >= 0:
                    x += rec[k + slot]
                    if x >= t_min:
                        acc[t] = _BLOCKED
                        rank[t] = next_rank
                        next_rank += 1
                        append(t)
                        note(t)
                    else:
                        acc[t] = x
                k = rec[k + 3]
            if control_out and o in control_out:
                for c in control_out[o]:
                    t = control[c][1]
                    if acc[t] != _BLOCKED:
                        acc[t] = _BLOCKED
                        rank[t] = next_rank
                        next_rank += 1
                        append(t)
                        note(t)
        self.next_rank[slot] = next_rank

    # ---- reading --------------------------------------------------------------------------

    def is_blocked(self, node: int, slot: int) -> bool:
        """Whether ``node`` is blocked under the lower (1) or upper (2) bounds."""
        return self.acc[slot][node] == _BLOCKED

    def blocked_nodes(self, slot: int) -> list[int]:
        """Every node blocked under the lower (1) or upper (2) bounds."""
        rank = self.rank[slot]
        return list(compress(range(len(rank)), map(le, repeat(0), rank)))

    def share(self, node: int) -> int:
        """Lower-bound key held in ``node`` by lower-blocked owners (all of them)."""
        acc = self.acc[LOWER]
        if acc[node] != _BLOCKED:
            return acc[node]
        view = self.view
        return sum(
            view.weight(e, LOWER) for e in view.owners(node) if acc[view.owner_of(e)] == _BLOCKED
        )

    def near(self, min_key: int) -> list[tuple[int, int]]:
        """Nodes not blocked (lower bounds) whose blocked owners hold at least ``min_key``."""
        acc = self.acc[LOWER]
        nodes = compress(range(len(acc)), map(le, repeat(min_key), acc))
        return [(node, acc[node]) for node in nodes]

    def explain(self, node: int) -> list[RawStep]:
        """Steps explaining ``node``, dependencies first."""
        if self.acc[LOWER][node] == _BLOCKED:
            return self._closure([node], LOWER)
        if self.acc[UPPER][node] == _BLOCKED:
            return self._closure([node], UPPER)
        view, acc = self.view, self.acc[LOWER]
        links = [
            ("ownership", e)
            for e in view.owners(node)
            if acc[view.owner_of(e)] == _BLOCKED and view.weight(e, LOWER) > 0
        ]
        owners = list(dict.fromkeys(view.owner_of(e) for _, e in links))
        return [*self._closure(owners, LOWER), RawStep(node, LOWER, False, links)]

    def _closure(self, nodes: list[int], slot: int) -> list[RawStep]:
        seen: dict[tuple[int, int], RawStep] = {}
        stack = [(node, slot) for node in nodes]
        while stack:
            node, bound = stack.pop()
            if bound == UPPER and self.acc[LOWER][node] == _BLOCKED:
                bound = LOWER  # explain certainly blocked owners by certain chains
            if (node, bound) in seen:
                continue
            step = self._step(node, bound)
            seen[(node, bound)] = step
            for kind, index in step.links:
                if kind == "control":
                    owner = self.view.control[index][0]
                else:
                    owner = self.view.owner_of(index)
                stack.append((owner, bound))
        lower = sorted((s for s in seen.values() if s.slot == LOWER), key=self._rank_key)
        upper = sorted((s for s in seen.values() if s.slot == UPPER), key=self._rank_key)
        return lower + upper

    def _rank_key(self, step: RawStep) -> int:
        return self.rank[step.slot][step.node]

    def _step(self, node: int, slot: int) -> RawStep:
        if node in self.seeds:  # seeds are lower-blocked, so only reached with LOWER
            return RawStep(node, LOWER, True, [])
        view, rank = self.view, self.rank[slot]
        mine = rank[node]
        if self.control:
            for c in view.control_in.get(node, ()):
                owner_rank = rank[view.control[c][0]]
                if 0 <= owner_rank < mine:
                    return RawStep(node, slot, False, [("control", c)])
        links = []
        for e in view.owners(node):
            owner_rank = rank[view.owner_of(e)]
            if 0 <= owner_rank < mine and view.weight(e, slot) > 0:
                links.append(("ownership", e))
        links.reverse()  # oldest holding first
        return RawStep(node, slot, False, links)
