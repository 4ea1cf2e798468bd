"""Ownership edges and seeds from Spark DataFrames, read row by row the same way by both
engines (the exact single-machine one and the iterative DataFrame fallback).

Edge columns: ``owner``, ``owned``, ``percent`` (required); ``start``, ``end``, ``kind``
(``ownership``, the default, or ``control``), ``share_class``, ``held_for`` (optional), with the
meanings of :meth:`OwnershipGraph.add_edge`. Percentages are strings, integers or decimals (a
float column is refused: floats are not exact). As in the CSV reader, a percentage that cannot
be read is kept as a holding of unknown share; a row that cannot be a holding at all (no owner,
a bad date, an unknown kind) raises :class:`OwnershipError`, since a DataFrame has no line
numbers to report it by and dropping it would change the result.

Seed columns: ``id`` (required); ``programs`` (array of strings, or one string with ``;``
between programs), ``start``, ``end`` (designation window; optional).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

import pandas as pd
from pyspark.sql import DataFrame
from pyspark.sql.types import DoubleType, FloatType

from screening.errors import OwnershipError
from screening.ownership.seeds import Designation, Seeds, normalize_seeds
from screening.ownership.stakes import Stake, parse_stake
from screening.ownership.store import ordinal, window

__all__ = ["EDGE_COLUMNS", "EdgeRow", "edge_columns", "read_edge", "read_seeds"]

log = logging.getLogger(__name__)

EDGE_COLUMNS = ("owner", "owned", "percent", "start", "end", "kind", "share_class", "held_for")
_REQUIRED = EDGE_COLUMNS[:3]
_SEED_COLUMNS = ("id", "programs", "start", "end")


class EdgeRow(NamedTuple):
    """One edge as read: ``holder`` is the beneficial owner (``held_for`` if given, else
    ``owner``); ``percent_problem`` says why an unreadable percentage became unknown."""

    owner: str
    owned: str
    holder: str
    control: bool
    stake: Stake
    start: date | None
    end: date | None
    share_class: str | None
    held_for: str | None
    percent_problem: str | None


def _missing(value: Any) -> bool:
    # pandas hands nulls over as None, NaN, NA or NaT (a float NaN is never a valid value here)
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and value != value


def _text(value: Any, what: str, edge: str) -> str | None:
    if _missing(value):
        return None
    if not isinstance(value, str):
        raise OwnershipError(f"edge {edge}: {what} {value!r} is not a str")
    return value.strip() or None


def _day(value: Any, what: str, edge: str) -> date | None:
    if _missing(value) or value == "":
        return None
    try:
        return date.fromordinal(ordinal(value, 0, what))
    except OwnershipError as exc:
        raise OwnershipError(f"edge {edge}: {exc}") from None


def read_edge(
    owner: Any,
    owned: Any,
    percent: Any,
    start: Any = None,
    end: Any = None,
    kind: Any = None,
    share_class: Any = None,
    held_for: Any = None,
) -> EdgeRow:
    """Check and read one edge row (values as Arrow or pandas hand them over).

    Raises:
        OwnershipError: an owner or owned id that is not a non-empty string, a bad date or
            window, a kind other than ``ownership`` or ``control``.
    """
    edge = f"{owner!r} -> {owned!r}"
    for role, party in (("owner", owner), ("owned", owned)):
        if not isinstance(party, str) or not party:
            raise OwnershipError(f"edge {edge}: {role} id must be a non-empty str")
    beneficial = _text(held_for, "held_for", edge)
    label = (_text(kind, "kind", edge) or "ownership").lower()
    if label not in ("ownership", "control"):
        raise OwnershipError(f"edge {edge}: kind {kind!r} is neither 'ownership' nor 'control'")
    first, last = _day(start, "start", edge), _day(end, "end", edge)
    try:
        window(first, last)
    except OwnershipError as exc:
        raise OwnershipError(f"edge {edge}: {exc}") from None
    problem = None
    if _missing(percent) or label == "control":
        stake = parse_stake(None)
    else:
        if isinstance(percent, Decimal):
            percent = percent.normalize()  # a decimal(38,18) column's zeros are not precision
        try:
            stake = parse_stake(percent)
        except OwnershipError as exc:
            stake, problem = parse_stake(None), f"edge {edge}: {exc}"
    return EdgeRow(
        owner=owner,
        owned=owned,
        holder=beneficial or owner,
        control=label == "control",
        stake=stake,
        start=first,
        end=last,
        share_class=_text(share_class, "share_class", edge),
        held_for=beneficial,
        percent_problem=problem,
    )


def edge_columns(edges: DataFrame) -> list[str]:
    """The edge columns ``edges`` has, in :data:`EDGE_COLUMNS` order.

    Raises:
        OwnershipError: a required column is missing, or ``percent`` is a float column.
    """
    present = set(edges.columns)
    missing = [c for c in _REQUIRED if c not in present]
    if missing:
        raise OwnershipError(f"edges lack column(s) {missing!r} (columns: {edges.columns!r})")
    if isinstance(edges.schema["percent"].dataType, (FloatType, DoubleType)):
        raise OwnershipError(
            "edges column 'percent' is a float column; floats are not exact: "
            "cast it to a decimal or a string"
        )
    return [c for c in EDGE_COLUMNS if c in present]


def _programs(value: Any) -> tuple[str, ...]:
    if _missing(value):
        return ()
    items: Iterable[Any] = value.split(";") if isinstance(value, str) else value
    return tuple(p.strip() for p in items if isinstance(p, str) and p.strip())


def read_seeds(seeds: DataFrame | Seeds) -> dict[str, Designation]:
    """Seeds as ``{id: Designation}``: a DataFrame (collected: seeds are list entries, far
    fewer than edges) or any form :meth:`OwnershipGraph.blocked` accepts. Rows repeating an id
    merge their programs.

    Raises:
        OwnershipError: an empty id, a bad date, or one id with two different windows.
    """
    if not isinstance(seeds, DataFrame):
        return normalize_seeds(seeds)
    if "id" not in seeds.columns:
        raise OwnershipError(f"seeds lack column 'id' (columns: {seeds.columns!r})")
    columns = [c for c in _SEED_COLUMNS if c in seeds.columns]
    found: dict[str, Designation] = {}
    for row in seeds.select(columns).collect():
        values = row.asDict()
        party = values["id"]
        what = f"seed {party!r}"
        first = _day(values.get("start"), "start", what)
        last = _day(values.get("end"), "end", what)
        try:
            window(first, last)
        except OwnershipError as exc:
            raise OwnershipError(f"{what}: {exc}") from None
        designation = Designation(_programs(values.get("programs")), first, last)
        for key, value in normalize_seeds({party: designation}).items():
            previous = found.get(key)
            if previous is not None:
                if (previous.start, previous.end) != (first, last):
                    raise OwnershipError(f"{what} is given with two designation windows")
                programs = tuple(dict.fromkeys(previous.programs + designation.programs))
                value = Designation(programs, first, last)
            found[key] = value
    return found
