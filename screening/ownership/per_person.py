"""The non-aggregating rule (UK): each designated person's owned group, computed on its own.

Under the UK regulations an entity is owned by a designated person P when P holds more than 50%
of it directly or indirectly, indirectly meaning through entities in which P has a majority
stake. So P's group ``M(P)`` is the least fixpoint of ``{P} ∪ {C : holdings of M(P) in C > 50}``
(plus entities controlled by a member), and holdings of different designated persons never add
up. Holdings under a joint arrangement are combined: when any member of an arrangement over C is
in ``M(P)``, the holdings of all its members in C count for ``M(P)``.

Each seed gets its own worklist. A seed already inside another person's group is skipped: its
group is contained in that one (the rule is monotone), so it adds nothing. The cost is the sum
of the sizes of the groups computed, not linear in the graph as for the aggregated rule.
"""

from __future__ import annotations

from collections import deque

from screening.ownership.fixpoint import LOWER, UPPER
from screening.ownership.view import GraphView, RawStep

__all__ = ["PerPersonRun"]

_NEVER = 1 << 62


class PerPersonRun:
    """Lower- and upper-bound groups of every designated person for one restriction."""

    __slots__ = (
        "best",
        "control",
        "first",
        "groups_over",
        "has_upper",
        "joint",
        "runs",
        "seeds",
        "t_min",
        "view",
    )

    def __init__(self, view: GraphView, t_min: int, control: bool, joint: bool) -> None:
        self.view = view
        self.t_min = t_min
        self.control = control
        self.joint = joint and bool(view.groups)
        self.has_upper = bool(view.imprecise)
        # run index per node (the first group that took it), the groups (node -> rank within
        # the group, the seed having rank 0), and the largest group holding of unblocked nodes
        self.first: dict[int, dict[int, int]] = {LOWER: {}, UPPER: {}}
        self.runs: dict[int, list[dict[int, int]]] = {LOWER: [], UPPER: []}
        self.best: dict[int, dict[int, int]] = {LOWER: {}, UPPER: {}}
        self.seeds: set[int] = set()
        self.groups_over: dict[int, list[int]] = {}
        if self.joint:
            for number, (owned, _, _) in enumerate(view.groups):
                self.groups_over.setdefault(owned, []).append(number)

    def clone(self) -> PerPersonRun:
        """An independent copy (for what-if designations)."""
        twin = PerPersonRun.__new__(PerPersonRun)
        for name in ("view", "t_min", "control", "joint", "has_upper", "groups_over"):
            setattr(twin, name, getattr(self, name))
        twin.first = {slot: dict(found) for slot, found in self.first.items()}
        twin.runs = {slot: list(runs) for slot, runs in self.runs.items()}
        twin.best = {slot: dict(best) for slot, best in self.best.items()}
        twin.seeds = set(self.seeds)
        return twin

    # ---- computing ------------------------------------------------------------------------

    def start(self, seeds: list[int]) -> None:
        """Compute every seed's group."""
        for seed in seeds:
            self.designate(seed)

    def designate(self, node: int) -> tuple[list[int], list[int]]:
        """Add one seed; returns the nodes newly blocked under lower and upper bounds."""
        self.seeds.add(node)
        new_lower = self._run(node, LOWER)
        if not self.has_upper:
            return new_lower, list(new_lower)
        return new_lower, self._run(node, UPPER)

    def _run(self, seed: int, slot: int) -> list[int]:
        first = self.first[slot]
        if seed in first:
            return []
        members, acc = self._closure(seed, slot)
        index = len(self.runs[slot])
        self.runs[slot].append(members)
        new = [node for node in members if node not in first]
        for node in new:
            first[node] = index
        best = self.best[slot]
        for node, total in acc.items():
            if node not in members and total > best.get(node, 0):
                best[node] = total
        return new

    def _closure(self, seed: int, slot: int) -> tuple[dict[int, int], dict[int, int]]:
        view, t_min = self.view, self.t_min
        rec, head = view.rec, view.out_head
        joint = view.joint if self.joint else None
        control_out = view.control_out if self.control else None
        members = {seed: 0}
        acc: dict[int, int] = {}
        counted: set[int] = set()
        queue = deque([seed])

        def take(t: int, weight: int) -> None:
            total = acc.get(t, 0) + weight
            acc[t] = total
            if total >= t_min and t not in members:
                members[t] = len(members)
                queue.append(t)

        while queue:
            o = queue.popleft()
            k = head[o]
            while k >= 0:
                t = rec[k]
                weight = rec[k + slot]
                if weight and t not in members:
                    group = joint.get((o, t)) if joint else None
                    if group is None:
                        take(t, weight)
                    elif group not in counted:
                        counted.add(group)
                        take(t, self._group_weight(group, slot))
                k = rec[k + 3]
            if control_out and o in control_out:
                for c in control_out[o]:
                    t = view.control[c][1]
                    if t not in members:
                        members[t] = len(members)
                        queue.append(t)
        return members, acc

    def _group_weight(self, g: int, slot: int) -> int:
        owned, members, _ = self.view.groups[g]
        view = self.view
        return sum(view.weight(e, slot) for e in view.owners(owned) if view.owner_of(e) in members)

    # ---- reading --------------------------------------------------------------------------

    def _slot(self, slot: int) -> int:
        return slot if self.has_upper else LOWER

    def is_blocked(self, node: int, slot: int) -> bool:
        """Whether ``node`` is in some designated person's group (lower or upper bounds)."""
        return node in self.first[self._slot(slot)]

    def blocked_nodes(self, slot: int) -> list[int]:
        """Every node in some group, under the lower (1) or upper (2) bounds."""
        return list(self.first[self._slot(slot)])

    def share(self, node: int) -> int:
        """Lower-bound key held in ``node``: by the group that took it, or for a node in no
        group the largest held by any one group."""
        index = self.first[LOWER].get(node)
        if index is None:
            return self.best[LOWER].get(node, 0)
        members = self.runs[LOWER][index]
        view = self.view
        total = 0
        groups: set[int] = set()
        for e in view.owners(node):
            owner, weight = view.owner_of(e), view.weight(e, LOWER)
            group = view.joint.get((owner, node)) if self.joint else None
            if owner in members and weight:
                if group is None:
                    total += weight
                else:
                    groups.add(group)
        return total + sum(self._group_weight(g, LOWER) for g in groups)

    def near(self, min_key: int) -> list[tuple[int, int]]:
        """Nodes in no group whose largest single-group holding is at least ``min_key``."""
        blocked = self.first[LOWER]
        return [
            (node, total)
            for node, total in self.best[LOWER].items()
            if total >= min_key and node not in blocked
        ]

    def explain(self, node: int) -> list[RawStep]:
        """Steps explaining ``node`` within the group that took it, dependencies first."""
        if node in self.seeds:  # listed, even when also inside another person's group
            return [RawStep(node, LOWER, True, [])]
        for slot in (LOWER, UPPER):
            index = self.first[self._slot(slot)].get(node)
            if index is not None:
                return self._closure_steps(node, index, self._slot(slot))
        view = self.view
        blocked = self.first[LOWER]
        links = [
            ("ownership", e)
            for e in view.owners(node)
            if view.owner_of(e) in blocked and view.weight(e, LOWER) > 0
        ]
        steps: dict[int, RawStep] = {}
        for _, e in links:
            owner = view.owner_of(e)
            for step in self._closure_steps(owner, blocked[owner], LOWER):
                steps.setdefault(step.node, step)
        return [*steps.values(), RawStep(node, LOWER, False, links)]

    def _closure_steps(self, node: int, index: int, slot: int) -> list[RawStep]:
        members = self.runs[slot][index]
        seen: dict[int, RawStep] = {}
        stack = [node]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            step = self._step(current, members, slot)
            seen[current] = step
            for kind, i in step.links:
                owner = self.view.control[i][0] if kind == "control" else self.view.owner_of(i)
                if members.get(owner, _NEVER) < members[current]:
                    stack.append(owner)
        return sorted(seen.values(), key=lambda step: members[step.node])

    def _step(self, node: int, members: dict[int, int], slot: int) -> RawStep:
        mine = members[node]
        if mine == 0:
            return RawStep(node, slot, True, [])
        view = self.view
        if self.control:
            for c in view.control_in.get(node, ()):
                if members.get(view.control[c][0], _NEVER) < mine:
                    return RawStep(node, slot, False, [("control", c)])
        joint = view.joint if self.joint else {}
        links: list[tuple[str, int]] = []
        groups: set[int] = set()
        holdings = view.owners(node)[::-1]  # oldest first
        for e in holdings:
            owner = view.owner_of(e)
            if members.get(owner, _NEVER) < mine and view.weight(e, slot) > 0:
                group = joint.get((owner, node))
                if group is None:
                    links.append(("ownership", e))
                else:
                    groups.add(group)
        for e in holdings:
            group = joint.get((view.owner_of(e), node))
            if group in groups and view.weight(e, slot) > 0:
                links.append(("joint", e))
        return RawStep(node, slot, False, links)
