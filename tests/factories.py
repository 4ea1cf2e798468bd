"""Small watchlists built from the model, for tests that need no list file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from screening.models import (
    DateOfBirth,
    Entry,
    EntryKind,
    FileDigest,
    FuzzyDate,
    ListProvenance,
    Name,
    NameStrength,
    NameType,
    Watchlist,
)


def entry(
    uid: str,
    *names: str,
    kind: EntryKind = EntryKind.INDIVIDUAL,
    programs: Sequence[str] = ("SDGT",),
    weak: Sequence[str] = (),
    dob: int | None = None,
    nationality: str | None = None,
) -> Entry:
    """An entry whose first name is primary, the others strong a.k.a.s, plus weak a.k.a.s."""
    all_names = [Name(full=names[0])]
    all_names += [Name(full=n, type=NameType.AKA) for n in names[1:]]
    all_names += [Name(full=n, type=NameType.AKA, strength=NameStrength.WEAK) for n in weak]
    return Entry(
        uid=uid,
        source="SDN",
        kind=kind,
        names=tuple(all_names),
        programs=tuple(programs),
        dates_of_birth=(DateOfBirth(start=FuzzyDate(year=dob), text=str(dob)),) if dob else (),
        nationalities=(nationality,) if nationality else (),
    )


def watchlist(entries: Sequence[Entry], *, source: str = "SDN") -> Watchlist:
    """A watchlist with made-up but well-formed provenance."""
    provenance = ListProvenance(
        source=source,
        format="test",
        publish_date=date(2020, 7, 9),
        files=(FileDigest(name="test.xml", size=0, sha256="0" * 64),),
        loaded_at=datetime(2020, 7, 9, 12, 0, 0),
    )
    return Watchlist(entries, provenance)
