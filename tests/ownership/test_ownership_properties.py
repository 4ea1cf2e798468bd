"""Invariants of the ownership rule on random small graphs (hypothesis).

The reference below is a brute-force transcription of the rule: iterate ``F(S)`` from the seeds
until nothing changes, summing exact decimals, separately for lower and upper bounds. The engine
must agree with it everywhere; its result must not shrink when a seed or a holding is added, nor
depend on the order of holdings; every explanation must be valid.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from screening import OwnershipGraph, OwnershipReport, Regime
from screening.ownership import Stake

NODES = [f"n{i}" for i in range(6)]
LEVELS = [Decimal(v) for v in ("0", "10", "20", "25", "30", "49.99", "50", "50.01", "60", "100")]


@st.composite
def stakes(draw: st.DrawFn) -> Stake:
    kind = draw(st.sampled_from(["exact", "exact", "range", "unknown"]))
    if kind == "unknown":
        return Stake(Decimal(0), Decimal(100), known=False)
    lo = draw(st.sampled_from(LEVELS))
    if kind == "exact":
        return Stake(lo, lo)
    hi = draw(st.sampled_from([v for v in LEVELS if v > lo] or [lo]))
    if hi == lo:
        return Stake(lo, lo)
    return Stake(lo, hi, draw(st.booleans()), draw(st.booleans()))


@dataclass
class Case:
    edges: list[tuple[str, str, Stake]]
    controls: list[tuple[str, str]] = field(default_factory=list)
    joint: list[tuple[frozenset[str], str]] = field(default_factory=list)
    seeds: set[str] = field(default_factory=set)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    node = st.sampled_from(NODES)
    edges = draw(st.lists(st.tuples(node, node, stakes()), min_size=2, max_size=18))
    controls = draw(st.lists(st.tuples(node, node), max_size=2))
    joint = []
    for members, owned in draw(st.lists(st.tuples(st.sets(node, min_size=2), node), max_size=1)):
        if owned not in members:
            joint.append((frozenset(members), owned))
    seeds = draw(st.sets(node, min_size=1, max_size=3))
    return Case(edges, controls, joint, seeds)


def build(case: Case, edges: Iterable[tuple[str, str, Stake]] | None = None) -> OwnershipGraph:
    g = OwnershipGraph()
    for owner, owned, stake in case.edges if edges is None else edges:
        g.add_edge(owner, owned, stake)
    for controller, controlled in case.controls:
        g.add_control(controller, controlled)
    for members, owned in case.joint:
        g.add_joint_arrangement(members, owned)
    return g


# ---- the reference ---------------------------------------------------------------------------


def meets(stakes_: list[Stake], regime: Regime, upper: bool) -> bool:
    t = regime.threshold
    if upper:
        total = sum((s.hi for s in stakes_), Decimal(0))
        some_open = any(s.hi_open for s in stakes_)
        return total > t or (regime.inclusive and total == t and not some_open)
    total = sum((s.lo for s in stakes_), Decimal(0))
    some_open = any(s.lo_open for s in stakes_)
    return total > t or (total == t and (regime.inclusive or some_open))


def positive(stake: Stake, upper: bool) -> bool:
    return stake.hi > 0 if upper else stake.lo > 0 or stake.lo_open


def reference(case: Case, regime: Regime, upper: bool) -> set[str]:
    edges = {(o, t, s) for o, t, s in case.edges if o != t}  # duplicates count once
    controls = {(o, t) for o, t in case.controls if o != t} if regime.control_counts else set()

    def closure(start: set[str], group_of_seed: bool) -> set[str]:
        members = set(start)
        while True:
            grown = set(start)
            for entity in NODES:
                held = [s for o, t, s in edges if t == entity and o in members]
                if group_of_seed and regime.joint_arrangements:
                    # a member holding shares of the entity brings in the whole arrangement
                    held = []
                    joint_members = set()
                    for group, owned in case.joint:
                        if owned == entity:
                            joint_members |= group
                            if any(
                                o in group and o in members and positive(s, upper)
                                for o, t, s in edges
                                if t == entity
                            ):
                                held += [s for o, t, s in edges if t == entity and o in group]
                    held += [
                        s
                        for o, t, s in edges
                        if t == entity and o in members and o not in joint_members
                    ]
                if held and meets(held, regime, upper):
                    grown.add(entity)
            grown |= {t for o, t in controls if o in members}
            if grown == members:
                return members
            members = grown

    if regime.aggregate:
        return closure(case.seeds, False)
    found: set[str] = set()
    for seed in case.seeds:
        found |= closure({seed}, True)
    return found


def statuses(report: OwnershipReport) -> tuple[set[str], set[str]]:
    return set(report.blocked), set(report.blocked | report.possibly_blocked)


REGIMES = st.sampled_from([Regime.OFAC, Regime.EU, Regime.UK])


# ---- properties ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(cases(), REGIMES)
def test_equals_the_brute_force_reference(case: Case, regime: Regime) -> None:
    lower, upper = statuses(build(case).blocked(case.seeds, regime=regime))
    assert lower == reference(case, regime, upper=False)
    assert upper == reference(case, regime, upper=True)


@settings(max_examples=150, deadline=None)
@given(cases(), REGIMES, st.sampled_from(NODES), st.tuples(st.sampled_from(NODES), stakes()))
def test_never_shrinks_when_a_seed_or_a_holding_is_added(
    case: Case, regime: Regime, seed: str, extra: tuple[str, Stake]
) -> None:
    lower, upper = statuses(build(case).blocked(case.seeds, regime=regime))
    more_lower, more_upper = statuses(build(case).blocked(case.seeds | {seed}, regime=regime))
    assert lower <= more_lower and upper <= more_upper
    g = build(case)
    g.add_edge(extra[0], NODES[0], extra[1])
    more_lower, more_upper = statuses(g.blocked(case.seeds, regime=regime))
    assert lower <= more_lower and upper <= more_upper


@settings(max_examples=150, deadline=None)
@given(cases(), REGIMES, st.randoms(use_true_random=False))
def test_does_not_depend_on_holding_order(case: Case, regime: Regime, rnd: random.Random) -> None:
    shuffled = list(case.edges)
    rnd.shuffle(shuffled)
    expected = statuses(build(case).blocked(case.seeds, regime=regime))
    assert statuses(build(case, shuffled).blocked(case.seeds, regime=regime)) == expected


@settings(max_examples=150, deadline=None)
@given(cases(), REGIMES, st.sampled_from(NODES))
def test_incremental_designation_equals_recomputation(
    case: Case, regime: Regime, seed: str
) -> None:
    g = build(case)
    report = g.blocked(case.seeds, regime=regime)
    before_lower, before_upper = statuses(report)
    preview = report.what_if_designate(seed)
    assert statuses(report) == (before_lower, before_upper)  # what-if leaves it alone
    change = report.designate(seed)
    assert change == preview
    assert statuses(report) == statuses(g.blocked(case.seeds | {seed}, regime=regime))
    assert change.blocked == report.blocked - before_lower
    assert change.possibly_blocked == (report.possibly_blocked - before_upper)


@settings(max_examples=200, deadline=None)
@given(cases(), REGIMES)
def test_every_explanation_is_valid(case: Case, regime: Regime) -> None:
    report = build(case).blocked(case.seeds, regime=regime)
    for entity in report.blocked | report.possibly_blocked:
        explanation = report.explain(entity)
        assert explanation.status == report.status(entity)
        steps = explanation.steps
        assert steps[-1].entity == entity
        assert (steps[-1].reason == "listed") == (entity in case.seeds)
        position = {}
        for index, step in enumerate(steps):
            position.setdefault(step.entity, index)
        for index, step in enumerate(steps):
            if step.reason == "listed":
                assert step.entity in case.seeds and not step.links
                continue
            assert step.links, step
            for link in step.links:
                assert link.owned == step.entity
                if link.kind != "joint":  # joint co-members count without being blocked
                    assert position[link.owner] < index, "owners are explained first"
            counted = [Stake(link.lower, link.upper, *_open(link.stake)) for link in step.links]
            if step.reason == "owned":
                assert meets(counted, regime, upper=False)
            elif step.reason == "possibly_owned":
                assert meets(counted, regime, upper=True)
            else:
                assert step.reason == "controlled" and regime.control_counts
        # every chain ends in listed seeds
        assert any(step.reason == "listed" for step in steps)


def _open(text: str) -> tuple[bool, bool]:
    return text.startswith("("), text.endswith(")")
