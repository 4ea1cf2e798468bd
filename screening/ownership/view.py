"""The graph as it stands on one date, and the threshold as an integer key.

Holdings outside their validity window on that date weigh nothing: the view zeroes their keys
in a copy of the holding records (one ``memcpy`` plus one write per dated holding), so the
fixpoint loops never test dates. Without dated holdings the view shares the graph's arrays.
"""

from __future__ import annotations

from array import array
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, NamedTuple

from screening.ownership.store import REC

if TYPE_CHECKING:
    from screening.ownership.graph import OwnershipGraph
    from screening.ownership.store import EdgeMeta

__all__ = ["GraphView", "RawStep", "threshold_key"]


class RawStep(NamedTuple):
    """One step of an explanation before ids and metadata are attached.

    ``slot`` is the bound used (1: lower, 2: upper); ``links`` are ``(kind, index)`` pairs:
    ``("ownership" | "joint", holding number)`` or ``("control", control index)``.
    """

    node: int
    slot: int
    seed: bool
    links: list[tuple[str, int]]


def threshold_key(threshold: Decimal, inclusive: bool, decimals: int, eps: int) -> int:
    """The smallest accumulated key that meets the threshold.

    With ``v`` the sum of bounds in units of ``10**-decimals`` and ``n`` open ends, a sum is
    ``v * eps + n``: "at least T" is ``v >= T``; "more than T" is ``v > T`` or ``v == T`` with
    an open end. The caller makes ``decimals`` cover the threshold's own decimals.
    """
    scaled = threshold.scaleb(decimals)
    whole = int(scaled.to_integral_value(rounding=ROUND_CEILING))
    if scaled != whole:
        raise ValueError(f"threshold {threshold} needs more than {decimals} decimal places")
    return whole * eps + (0 if inclusive else 1)


class GraphView:
    """Read-only arrays of one graph on one day, shared by the fixpoint engines."""

    __slots__ = (
        "control",
        "control_in",
        "control_out",
        "day",
        "decimals",
        "eps",
        "graph",
        "groups",
        "imprecise",
        "in_head",
        "in_rec",
        "joint",
        "n",
        "out_head",
        "rec",
    )

    def __init__(self, graph: OwnershipGraph, day: int) -> None:
        self.graph = graph
        self.day = day
        self.n = graph.node_count
        rec = graph._rec
        if graph._windows:
            rec = array("q", rec)
            for e, (start, end) in graph._windows.items():
                if not start <= day < end:
                    rec[REC * e + 1] = rec[REC * e + 2] = 0
        self.rec = rec
        self.out_head = graph._out_head
        self.in_head = graph._in_head
        self.in_rec = graph._in_rec
        self.decimals = graph._decimals
        self.eps = graph._eps
        self.imprecise = [e for e in graph._imprecise if rec[REC * e + 1] != rec[REC * e + 2]]
        self.control: list[tuple[int, int, EdgeMeta | None]] = []
        self.control_out: dict[int, list[int]] = {}
        self.control_in: dict[int, list[int]] = {}
        for owner, owned, span, meta in graph._control:
            if span is None or span[0] <= day < span[1]:
                index = len(self.control)
                self.control.append((owner, owned, meta))
                self.control_out.setdefault(owner, []).append(index)
                self.control_in.setdefault(owned, []).append(index)
        self.joint = graph._joint
        self.groups = graph._groups

    def owners(self, t: int) -> list[int]:
        """Numbers of the holdings of ``t`` (valid or not on the day), newest first."""
        found = []
        e = self.in_head[t]
        in_rec = self.in_rec
        while e >= 0:
            found.append(e)
            e = in_rec[2 * e + 1]
        return found

    def owner_of(self, e: int) -> int:
        """The owner (beneficial holder) of holding ``e``."""
        return self.in_rec[2 * e]

    def weight(self, e: int, slot: int) -> int:
        """Key of holding ``e`` on the day: ``slot`` 1 is the lower bound, 2 the upper."""
        return self.rec[REC * e + slot]
