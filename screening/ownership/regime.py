"""Ownership regimes: when holdings of blocked persons make an entity blocked.

A :class:`Regime` is a small frozen configuration: the threshold and whether it is inclusive,
whether holdings of *different* blocked persons add up, whether control without ownership
counts, and how each sanctions program propagates. Three presets:

``OFAC``
    50% or more, in the aggregate, ownership only (OFAC Revised Guidance of August 13, 2014;
    FAQs 398-402).
``EU``
    50% or more in the aggregate (the threshold the project issue gives for the EU Best
    Practices as updated in 2024), and control counts.
``UK``
    strictly more than 50%; holdings of different designated persons are *not* added up, except
    holdings under a joint arrangement (each member is treated as holding the combined shares);
    control counts. Indirect holdings through entities a designated person owns are that
    person's own (the "majority stake" chain of the UK regulations), so each designated person's
    owned group is computed separately.

All three share the program rules for OFAC's lists: NS-CMIC (tag ``CMIC-EO13959``), NS-MBS and
the other non-SDN listings do not propagate; an SSI listing propagates its directive (``"SSI"``),
not blocking.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar, NamedTuple

__all__ = ["BLOCKED", "ProgramRule", "Regime"]

BLOCKED = "blocked"


class ProgramRule(NamedTuple):
    """What a listing under one program does.

    Attributes:
        label: the restriction it imposes: ``"blocked"`` for blocking programs, otherwise a
            restriction name such as ``"SSI"`` or ``"NS-CMIC"``.
        propagates: whether entities owned (per the regime) by persons listed under it are
            subject to the same restriction.
    """

    label: str
    propagates: bool


_DEFAULT_RULE = ProgramRule(BLOCKED, True)

# OFAC: the Chinese Military-Industrial Complex list and the Menu-Based Sanctions list restrict
# the listed persons only; entities they own are not covered unless listed themselves. Entities
# owned 50% or more by SSI-listed persons are subject to the same directive (not blocked). The
# other non-SDN lists (Palestinian Legislative Council, Foreign Sanctions Evaders, Part 561,
# CAPTA) are not asset freezes, so there is nothing for the 50 Percent Rule to propagate.
# The labels below other than the program tags are those `screening.ownership.lists` gives.
_OFAC_RULES: tuple[tuple[str, ProgramRule], ...] = (
    ("CMIC-EO13959", ProgramRule("NS-CMIC", False)),
    ("NS-CMIC", ProgramRule("NS-CMIC", False)),
    ("NS-MBS", ProgramRule("NS-MBS", False)),
    ("SSI", ProgramRule("SSI", True)),
    ("NS-PLC", ProgramRule("NS-PLC", False)),
    ("FSE", ProgramRule("FSE", False)),
    ("PART-561", ProgramRule("PART-561", False)),
    ("CAPTA", ProgramRule("CAPTA", False)),
    ("NON-SDN", ProgramRule("NON-SDN", False)),
)


@dataclass(frozen=True)
class Regime:
    """When an entity is owned (or controlled) by blocked persons, and what listings propagate.

    Attributes:
        name: short name shown in reports (``"OFAC"``, ``"EU"``, ``"UK"``).
        threshold: the percentage (0-100, exclusive of 0) at which ownership blocks.
        inclusive: ``True`` for "at or above the threshold" (OFAC, EU), ``False`` for "strictly
            above" (UK).
        aggregate: add up the holdings of different blocked persons (OFAC, EU). When ``False``
            (UK) each designated person's holdings, direct and through entities it owns, are
            compared with the threshold on their own.
        control_counts: control edges (:meth:`OwnershipGraph.add_control`) make the controlled
            entity blocked (EU, UK). OFAC's rule is about ownership only (FAQ 398).
        joint_arrangements: holdings under a joint arrangement are combined for each member
            (UK). Only meaningful when ``aggregate`` is ``False``: aggregating regimes already
            add up every blocked holder, and never count a holder that is not blocked.
        program_rules: ``(program, rule)`` pairs; programs not named are blocking and propagate.
    """

    OFAC: ClassVar[Regime]
    EU: ClassVar[Regime]
    UK: ClassVar[Regime]

    name: str
    threshold: Decimal = Decimal(50)
    inclusive: bool = True
    aggregate: bool = True
    control_counts: bool = False
    joint_arrangements: bool = False
    program_rules: tuple[tuple[str, ProgramRule], ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.threshold, Decimal) or not self.threshold.is_finite():
            raise ValueError(f"threshold must be a finite Decimal, got {self.threshold!r}")
        if not Decimal(0) < self.threshold <= Decimal(100):
            raise ValueError(f"threshold must be in (0, 100], got {self.threshold!r}")
        if self.joint_arrangements and self.aggregate:
            raise ValueError("joint_arrangements needs aggregate=False (see the Regime docstring)")

    def __repr__(self) -> str:
        op = ">=" if self.inclusive else ">"
        flags = [
            "aggregate" if self.aggregate else "per-person",
            *(["control"] if self.control_counts else []),
            *(["joint"] if self.joint_arrangements else []),
        ]
        return f"<Regime {self.name} {op}{self.threshold} {' '.join(flags)}>"

    def rule(self, program: str) -> ProgramRule:
        """The rule for one program tag (blocking and propagating unless configured)."""
        for name, rule in self.program_rules:
            if name == program:
                return rule
        return _DEFAULT_RULE

    def labels(self, programs: tuple[str, ...]) -> dict[str, bool]:
        """The restrictions a listing under ``programs`` imposes, each with whether it
        propagates. No programs means blocked."""
        if not programs:
            return {BLOCKED: True}
        found: dict[str, bool] = {}
        for program in programs:
            label, propagates = self.rule(program)
            found[label] = found.get(label, False) or propagates
        return found

    @classmethod
    def named(cls, regime: str | Regime) -> Regime:
        """The preset called ``regime`` (case-insensitive), or ``regime`` itself.

        Raises:
            ValueError: no preset has that name.
        """
        if isinstance(regime, Regime):
            return regime
        presets = {"OFAC": cls.OFAC, "EU": cls.EU, "UK": cls.UK}
        try:
            return presets[regime.upper()]
        except KeyError:
            raise ValueError(f"unknown regime {regime!r}; expected one of OFAC, EU, UK") from None


Regime.OFAC = Regime("OFAC", program_rules=_OFAC_RULES)
# The program rules describe OFAC's lists, so they apply whatever regime is run over them.
Regime.EU = Regime("EU", control_counts=True, program_rules=_OFAC_RULES)
Regime.UK = Regime(
    "UK",
    inclusive=False,
    aggregate=False,
    control_counts=True,
    joint_arrangements=True,
    program_rules=_OFAC_RULES,
)
