"""The stale-list policy: how old a list may be before screening against it warns or refuses.

A list's age is counted from its publish date. OFAC does not publish every day (quiet spells
of two weeks happen), so a list is *stale* only if it is older than the maximum age **and**
no update has confirmed it is still the newest within that time (``retrieved_at``, set by the
list store on every ``screening lists update``, identical download or not). The legacy CSV set
states no publish date: its age is counted from its download; without one it is unknown.

The bundled sample is exempt from the age check in warn mode (every result already says
``sample``); under ``fail_closed`` it is refused, since it is not an official list. No list
at all is always refused: it must not look like "no hit".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from screening.errors import ListNotFoundError, StaleListError
from screening.models import ListProvenance, Watchlist

__all__ = ["DEFAULT_MAX_AGE", "FreshnessPolicy", "ListAge", "check_freshness", "list_age"]

DEFAULT_MAX_AGE = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class FreshnessPolicy:
    """Maximum list age, and whether a stale list refuses screening (``fail_closed``) or
    only adds a warning to every result."""

    max_age: timedelta = DEFAULT_MAX_AGE
    fail_closed: bool = False


@dataclass(frozen=True, slots=True)
class ListAge:
    """How old a list is and how that is known.

    Attributes:
        age: ``None`` when unknown (no publish date and no download time).
        basis: ``"published"`` (its own date), ``"downloaded"`` (no publish date: the
            download time), or ``"unknown"``.
        since_check: time since an update last confirmed it is the newest, if known.
    """

    age: timedelta | None
    basis: str
    since_check: timedelta | None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def list_age(provenance: ListProvenance, *, now: datetime) -> ListAge:
    """The age of a list at ``now`` (a naive ``now`` is taken as UTC); never negative."""
    now = _aware(now)
    since_check = None
    if provenance.retrieved_at is not None:
        since_check = max(timedelta(0), now - _aware(provenance.retrieved_at))
    if provenance.publish_date is not None:
        published = datetime.combine(provenance.publish_date, time(0), tzinfo=UTC)
        return ListAge(max(timedelta(0), now - published), "published", since_check)
    if since_check is not None:
        return ListAge(since_check, "downloaded", since_check)
    return ListAge(None, "unknown", None)


def _days(delta: timedelta) -> str:
    days = delta.total_seconds() / 86400
    return f"{days:.0f} day{'' if round(days) == 1 else 's'}" if days >= 1 else "under a day"


def _stale_reason(p: ListProvenance, age: ListAge, max_age: timedelta) -> str | None:
    fresh_check = age.since_check is not None and age.since_check <= max_age
    name = f"the {p.source} list ({p.format})"
    limit = f"the maximum age is {_days(max_age)}"
    advice = "run `screening lists update`"
    if age.age is None:
        return (
            f"{name} states no publish date and was not downloaded through the list store, "
            f"so its age is unknown ({limit}); {advice}"
        )
    if age.age <= max_age or fresh_check:
        return None
    # Dates, not "N days ago": the warning is part of a result that must read the same
    # whenever it is reproduced.
    retrieved = p.retrieved_at.date().isoformat() if p.retrieved_at else "an unknown date"
    if age.basis == "downloaded":
        return (
            f"{name} states no publish date; it was downloaded on {retrieved} and {limit}; {advice}"
        )
    checked = f", last confirmed current on {retrieved}" if age.since_check is not None else ""
    return f"{name} was published {p.publish_date}{checked}; {limit}; {advice}"


def check_freshness(
    lists: Iterable[Watchlist | ListProvenance],
    *,
    max_age: timedelta = DEFAULT_MAX_AGE,
    fail_closed: bool = False,
    now: datetime,
) -> tuple[str, ...]:
    """Apply the stale-list policy to the lists a screening uses.

    Args:
        lists: the watchlists (or their provenance) screened against.
        max_age: the maximum age of a list (see the module docstring for how age is counted).
        fail_closed: refuse instead of warning.
        now: the current time (UTC if naive); passed in so that results are reproducible.

    Returns:
        One warning per stale list, for every screening result; empty when all are fresh.

    Raises:
        ListNotFoundError: ``lists`` is empty.
        StaleListError: ``fail_closed`` and a list is stale, of unknown age, or the sample.
    """
    provenances = [item.provenance if isinstance(item, Watchlist) else item for item in lists]
    if not provenances:
        raise ListNotFoundError("no list to screen against: refusing rather than reporting no hit")
    warnings = []
    for p in provenances:
        if p.sample:
            if fail_closed:
                raise StaleListError(
                    f"the {p.source} list is the bundled SAMPLE, not an official OFAC "
                    "publication; fail-closed screening needs real lists"
                )
            continue
        reason = _stale_reason(p, list_age(p, now=now), max_age)
        if reason is None:
            continue
        if fail_closed:
            raise StaleListError(f"refusing to screen: {reason}")
        warnings.append(f"stale list: {reason}")
    return tuple(warnings)
