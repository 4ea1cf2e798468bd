"""Seeds: the persons blocked by listing, with their programs and designation windows."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple, TypeAlias

from screening.errors import OwnershipError
from screening.models import Watchlist

__all__ = ["Designation", "Seeds", "normalize_seeds", "read_seeds"]


class Designation(NamedTuple):
    """A listing: the programs it is under and when it is in force.

    Attributes:
        programs: program tags (``"SDGT"``, ``"NS-CMIC"``...); none means blocking.
        start: the designation date (``None``: always); the seed counts from that day.
        end: the delisting date (``None``: still listed); from that day it no longer counts.
    """

    programs: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None

    def in_force(self, day: date) -> bool:
        """Whether the listing counts on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


Seeds: TypeAlias = (
    Iterable[str] | Mapping[str, Iterable[str] | Designation] | Watchlist | Sequence[Watchlist]
)


def normalize_seeds(seeds: Seeds) -> dict[str, Designation]:
    """Every accepted form of seeds as ``{id: Designation}``.

    Raises:
        OwnershipError: a seed id that is not a non-empty string.
    """
    if isinstance(seeds, Watchlist):
        seeds = [seeds]
    if isinstance(seeds, Mapping):
        found: dict[str, Designation] = {}
        for party, value in seeds.items():
            if isinstance(value, Designation):
                found[_checked(party)] = value
            elif isinstance(value, str):
                found[_checked(party)] = Designation((value,))
            else:
                found[_checked(party)] = Designation(tuple(value))
        return found
    items = list(seeds)
    if items and all(isinstance(item, Watchlist) for item in items):
        from screening.ownership.lists import designations

        return designations([item for item in items if isinstance(item, Watchlist)])
    return {_checked(party): Designation() for party in items}


def _checked(party: object) -> str:
    if not isinstance(party, str) or not party.strip():
        raise OwnershipError(f"seed id {party!r} must be a non-empty str")
    return party.strip()


def read_seeds(path: str | os.PathLike[str]) -> dict[str, Designation]:
    """Read a seeds file: one id per line, or CSV rows ``id[,programs]`` with programs separated
    by ``;``. Blank lines and lines starting with ``#`` are skipped; a first row ``id,programs``
    (or ``uid``) is a header.

    Raises:
        OwnershipError: an empty id (naming the file and line).
    """
    found: dict[str, Designation] = {}
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            party = row[0].strip()
            if number == 1 and party.lower() in {"id", "uid"}:
                continue
            if not party:
                raise OwnershipError(f"{path}, line {number}: empty seed id in {row!r}")
            programs = tuple(p.strip() for cell in row[1:] for p in cell.split(";") if p.strip())
            previous = found.get(party, Designation())
            found[party] = Designation(tuple(dict.fromkeys(previous.programs + programs)))
    return found
