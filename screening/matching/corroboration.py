"""Secondary identifiers: a date of birth or a country given with the query moves the score.

=====================================  =======  ==============================================
condition                              delta    why
=====================================  =======  ==============================================
full date of birth equal               +0.06    strong confirmation
birth year within a listed DOB range   +0.04    OFAC often lists only the year
  (±1 year when listed ``circa``)
every listed DOB at least 2 years off  −0.15    a different person, most likely
  (5 when ``circa``)
country is a listed nationality,       +0.03    weak confirmation (addresses move)
  citizenship, birth country or
  address country
listed nationality/citizenship exist   −0.05    weak contradiction
  and none of the entry's countries
  equals the query country
=====================================  =======  ==============================================

No listed DOB or country: no change. Adjustments apply only to a name that already matched
(score above zero), so they can confirm a name match but never create one.
"""

from __future__ import annotations

import re
from datetime import date

from screening.errors import InputError
from screening.models import Entry, FuzzyDate
from screening.results import Adjustment
from screening.text.countries import country_code

__all__ = [
    "MAX_BONUS",
    "QueryFacts",
    "adjustments",
    "entry_facts",
    "parse_query_dob",
    "query_facts",
]

DOB_EXACT = 0.06
DOB_YEAR = 0.04
DOB_MISMATCH = -0.15
COUNTRY_MATCH = 0.03
COUNTRY_MISMATCH = -0.05
MAX_BONUS = DOB_EXACT + COUNTRY_MATCH

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_query_dob(dob: str | date | None) -> FuzzyDate | None:
    """A query date of birth: a ``date``, or ``"1955"``, ``"1955-03"``, ``"1955-03-12"``.

    Raises:
        InputError: a string in none of these forms, or an impossible date.
    """
    if dob is None or dob == "":
        return None
    if isinstance(dob, date):
        return FuzzyDate(year=dob.year, month=dob.month, day=dob.day)
    m = _ISO_DATE.match(dob.strip())
    if m is None:
        raise InputError(f"dob must be YYYY, YYYY-MM or YYYY-MM-DD, got {dob!r}")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        return FuzzyDate(year=year or 0, month=month, day=day)
    except ValueError as exc:
        raise InputError(f"impossible date of birth {dob!r}") from exc


class QueryFacts:
    """The secondary identifiers of one query, parsed once."""

    __slots__ = ("country", "dob")

    def __init__(self, dob: FuzzyDate | None, country: str | None) -> None:
        self.dob = dob
        self.country = country

    @property
    def max_bonus(self) -> float:
        """The largest total bonus these facts can add."""
        return (DOB_EXACT if self.dob else 0.0) + (COUNTRY_MATCH if self.country else 0.0)


def query_facts(dob: str | date | None, country: str | None) -> QueryFacts:
    """Parse the query's date of birth and country.

    Raises:
        InputError: an unreadable date of birth or an unknown country.
    """
    code = None
    if country:
        code = country_code(country)
        if code is None:
            raise InputError(f"unknown country {country!r} (use a name or an ISO 3166 code)")
    return QueryFacts(parse_query_dob(dob), code)


def _dob_adjustment(entry: Entry, dob: FuzzyDate) -> Adjustment | None:
    if not entry.dates_of_birth:
        return None
    best: Adjustment | None = None
    for listed in entry.dates_of_birth:
        slack = 1 if listed.circa else 0
        first, last = listed.start.year - slack, (listed.end or listed.start).year + slack
        exact = listed.end is None and listed.start.day is not None
        if exact and dob == listed.start:
            return Adjustment(reason=f"dob {dob} equals listed {listed.text}", delta=DOB_EXACT)
        if first <= dob.year <= last:
            reason = f"dob year {dob.year} fits listed {listed.text}"
            best = Adjustment(reason=reason, delta=DOB_YEAR)
    if best is not None:
        return best
    gap = 5 if any(d.circa for d in entry.dates_of_birth) else 2
    near = any(
        d.start.year - gap < dob.year < (d.end or d.start).year + gap for d in entry.dates_of_birth
    )
    if near:
        return None
    listed_text = "; ".join(d.text or str(d.start) for d in entry.dates_of_birth)
    return Adjustment(reason=f"dob {dob} differs from listed {listed_text}", delta=DOB_MISMATCH)


def _country_adjustment(entry: Entry, country: str) -> Adjustment | None:
    national = {country_code(c) for c in (*entry.nationalities, *entry.citizenships)}
    other = {country_code(p) for p in entry.places_of_birth}
    other.update(country_code(a.country) for a in entry.addresses)
    national.discard(None)
    other.discard(None)
    if country in national or country in other:
        return Adjustment(reason=f"country {country} is listed for the entry", delta=COUNTRY_MATCH)
    if national:
        listed = ", ".join(sorted(c for c in national if c))
        return Adjustment(
            reason=f"country {country} is not the listed nationality {listed}",
            delta=COUNTRY_MISMATCH,
        )
    return None


def adjustments(entry: Entry, facts: QueryFacts) -> tuple[Adjustment, ...]:
    """The adjustments the query's secondary identifiers make for this entry."""
    found = []
    if facts.dob is not None:
        adj = _dob_adjustment(entry, facts.dob)
        if adj is not None:
            found.append(adj)
    if facts.country is not None:
        adj = _country_adjustment(entry, facts.country)
        if adj is not None:
            found.append(adj)
    return tuple(found)


def entry_facts(entry: Entry) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """What can confirm a match on ``entry``, compiled once: the birth years its dates of birth
    cover (``first, last`` pairs, the ``circa`` slack included) and every country code that
    :func:`adjustments` would credit."""
    years: list[int] = []
    for listed in entry.dates_of_birth:
        slack = 1 if listed.circa else 0
        years += [listed.start.year - slack, (listed.end or listed.start).year + slack]
    codes = {
        country_code(c) for c in (*entry.nationalities, *entry.citizenships, *entry.places_of_birth)
    }
    codes.update(country_code(a.country) for a in entry.addresses)
    return tuple(years), tuple(sorted(c for c in codes if c))
