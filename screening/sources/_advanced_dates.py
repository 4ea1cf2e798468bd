"""Dates of OFAC's advanced XML, written back in the text forms of the legacy formats.

The advanced format gives every date as a ``DatePeriod``: a ``Start`` and an ``End``, each a
``From``/``To`` window of full calendar days. A birth year 1962 is the period 1962-01-01 ..
1962-12-31, "Jan 1958" is 1958-01-01 .. 1958-01-31, "circa 1960" carries ``Approximate="true"``.
The loader turns a period back into the text the legacy SDN.CSV prints (``"1962"``,
``"Jan 1958"``, ``"07 Jan 1985"``, ``"circa 1960"``, ``"1960 to 1962"``) and parses that with
the shared :func:`~screening.sources._facts.parse_date_of_birth`, so one person's date of birth
loads identically from either format.
"""

from __future__ import annotations

import calendar
from datetime import date
from xml.etree.ElementTree import Element

from screening.models import DateOfBirth
from screening.sources._advanced_refs import Malformed
from screening.sources._facts import parse_date_of_birth

__all__ = ["date_of_birth", "date_point", "period_text"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _number(parent: Element, tag: str, where: str) -> int:
    text = (parent.findtext(tag) or "").strip()
    if not text.isdigit():
        raise Malformed(f"{where}/{tag}", f"not a number: {text!r}")
    return int(text)


def date_point(element: Element, where: str) -> date:
    """A ``Year``/``Month``/``Day`` element (``DateOfIssue``, ``From``, ``Date``) as a date.

    Raises:
        Malformed: a missing part or an impossible date (``2020-02-30``).
    """
    year, month, day = (_number(element, tag, where) for tag in ("Year", "Month", "Day"))
    try:
        return date(year, month, day)
    except ValueError:
        raise Malformed(where, f"impossible date {year:04d}-{month:02d}-{day:02d}") from None


def _boundary(element: Element | None, where: str) -> tuple[date, date, bool] | None:
    """(earliest, latest, approximate) of a ``Start`` or ``End`` boundary."""
    if element is None:
        return None
    points = [
        date_point(point, f"{where}/{point.tag}")
        for point in element
        if point.tag in ("From", "To")
    ]
    if not points:
        raise Malformed(where, "a date boundary without From or To")
    return min(points), max(points), element.get("Approximate") == "true"


def _year_span(first: date, last: date) -> bool:
    return (first.month, first.day) == (1, 1) and (last.month, last.day) == (12, 31)


def _month_span(first: date, last: date) -> bool:
    return first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]


def _day(d: date) -> str:
    return f"{d.day:02d} {_MONTHS[d.month - 1]} {d.year:04d}"


def _month(d: date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.year:04d}"


def period_text(period: Element, where: str) -> str:
    """A ``DatePeriod`` in OFAC's legacy text form: ``"1962"``, ``"Jan 1958"``,
    ``"07 Jan 1985"``, ``"circa 1960"``, ``"1960 to 1962"``, ``"01 Feb 1980 to 03 Mar 1981"``.

    The period runs from the earliest day of its ``Start`` to the latest day of its ``End``;
    a period that covers exactly whole years or whole months is written at that precision.

    Raises:
        Malformed: no boundary, a bad date, or an end before the start.
    """
    bounds = [
        b
        for tag in ("Start", "End")
        if (b := _boundary(period.find(tag), f"{where}/{tag}")) is not None
    ]
    if not bounds:
        raise Malformed(where, "a DatePeriod without Start or End")
    first, last = bounds[0][0], bounds[-1][1]
    circa = any(b[2] for b in bounds)
    if last < first:
        raise Malformed(where, f"period ends {last} before it starts {first}")
    prefix = "circa " if circa else ""
    if first == last:
        return prefix + _day(first)
    if first.year == last.year and _year_span(first, last):
        return prefix + f"{first.year:04d}"
    if (first.year, first.month) == (last.year, last.month) and _month_span(first, last):
        return prefix + _month(first)
    if _year_span(first, last):
        return prefix + f"{first.year:04d} to {last.year:04d}"
    if _month_span(first, last):
        return prefix + f"{_month(first)} to {_month(last)}"
    return prefix + f"{_day(first)} to {_day(last)}"


def date_of_birth(period: Element, where: str) -> DateOfBirth:
    """A ``DatePeriod`` of a birthdate feature as a :class:`~screening.models.DateOfBirth`.

    Raises:
        Malformed: see :func:`period_text`.
    """
    text = period_text(period, where)
    try:
        return parse_date_of_birth(text)
    except ValueError as exc:  # e.g. a year 0 that the model does not allow
        raise Malformed(where, str(exc)) from None
