"""OFAC's 50 Percent Rule (and the EU and UK ownership rules), exactly, with explanations.

    graph --add_edge/read_csv/read_bods/add_list_relations--> OwnershipGraph
          --blocked(seeds, regime, as_of)--> OwnershipReport --explain(id)--> OwnershipExplanation

Modules: ``stakes`` (percentages and ranges), ``regime`` (the rule's parameters), ``graph``
(storage), ``view`` (one date), ``fixpoint`` (aggregating rule), ``per_person`` (UK rule),
``report``, ``explain``, ``issues``, and the readers ``csv_edges``, ``bods``, ``lists``,
``seeds``.
"""

from __future__ import annotations

from screening.ownership.explain import Link, NameMatch, OwnershipExplanation, Step
from screening.ownership.graph import OwnershipGraph
from screening.ownership.issues import IssueKind, OwnershipIssue
from screening.ownership.regime import ProgramRule, Regime
from screening.ownership.report import NewlyBlocked, OwnershipReport
from screening.ownership.seeds import Designation, read_seeds
from screening.ownership.stakes import Stake, parse_stake

__all__ = [
    "Designation",
    "IssueKind",
    "Link",
    "NameMatch",
    "NewlyBlocked",
    "OwnershipExplanation",
    "OwnershipGraph",
    "OwnershipIssue",
    "OwnershipReport",
    "ProgramRule",
    "Regime",
    "Stake",
    "Step",
    "parse_stake",
    "read_seeds",
]
