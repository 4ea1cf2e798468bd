"""Dates of birth on the UN Consolidated List (``INDIVIDUAL_DATE_OF_BIRTH``).

``TYPE_OF_DATE`` says how to read the other fields (UN_consolidated.xsd; counts from the
2026-02-27 file):

- ``EXACT`` with ``DATE`` (454) or ``YEAR`` (262): that day or that year;
- ``APPROXIMATELY`` with ``YEAR`` (116): ``circa`` that year;
- ``BETWEEN`` with ``FROM_YEAR`` and ``TO_YEAR`` (31): a range of years, ``circa`` when its
  ``NOTE`` says "Approximately" (8);
- ``NOTE`` alone (7): a month and year in words is read (``"Nov. 1973"``, ``"August 1961"``);
  other notes (``"24/06/1402 (Hijri Calendar)"``, ``"30-35 years old"``) are no date this
  model can hold, so they are kept as a ``("Date of birth", note)`` property and logged;
- an empty element (49): the UN's placeholder for "no date of birth", skipped.

A note the date does not use is kept in the date's text: ``"1979-03-03 (from false passport)"``.
"""

from __future__ import annotations

import logging
import re
from xml.etree.ElementTree import Element

from pydantic import ValidationError

from screening.models import DateOfBirth, FuzzyDate
from screening.sources._entryparts import EntryParts, child_fields
from screening.sources._xmlvalues import Malformed, xs_date

__all__ = ["alias_date_of_birth", "date_of_birth"]

log = logging.getLogger(__name__)

_FIELDS = frozenset({"TYPE_OF_DATE", "DATE", "YEAR", "FROM_YEAR", "TO_YEAR", "NOTE"})
_KINDS = frozenset({"EXACT", "APPROXIMATELY", "BETWEEN"})
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.? (\d{4})")
_YEAR = re.compile(r"[0-9]{4}")  # ASCII digits: str.isdigit() would take "¹⁹⁷⁰"
_APPROXIMATELY = "approximately"


def _year(value: str, where: str) -> FuzzyDate:
    if not _YEAR.fullmatch(value):
        raise Malformed(where, f"{value!r} is not a year")
    try:
        return FuzzyDate(year=int(value))
    except ValidationError:
        raise Malformed(where, f"{value!r} is not a year") from None


def _month_year(note: str) -> FuzzyDate | None:
    m = _MONTH_YEAR.fullmatch(note)
    month = None if m is None else _MONTHS.get(m.group(1).casefold())
    return None if m is None or month is None else FuzzyDate(year=int(m.group(2)), month=month)


def date_of_birth(element: Element, where: str, parts: EntryParts) -> None:
    """Read one ``INDIVIDUAL_DATE_OF_BIRTH`` into ``parts`` (see the module docstring).

    Raises:
        Malformed: an impossible date, a year that is not a number, a ``BETWEEN`` without
            both years or ending before it starts.
    """
    fields = child_fields(element, _FIELDS, where, parts)
    if not fields:
        return
    kind = fields.get("TYPE_OF_DATE", "").upper()
    note = fields.get("NOTE")
    if kind not in _KINDS:
        log.warning("%s: unknown TYPE_OF_DATE %r; kept as a property", where, kind)
        parts.add_property("Date of birth", "; ".join(f"{k}={v}" for k, v in fields.items()))
        return
    circa = kind == "APPROXIMATELY"
    if kind == "BETWEEN" and note is not None and note.casefold() == _APPROXIMATELY:
        circa, note = True, None
    end = None
    if kind == "BETWEEN":
        if "FROM_YEAR" not in fields or "TO_YEAR" not in fields:
            raise Malformed(where, f"TYPE_OF_DATE BETWEEN needs FROM_YEAR and TO_YEAR: {fields}")
        start = _year(fields["FROM_YEAR"], f"{where}/FROM_YEAR")
        end = _year(fields["TO_YEAR"], f"{where}/TO_YEAR")
        if end.year < start.year:
            raise Malformed(where, f"the range {start}-{end} ends before it starts")
        text = f"{start} to {end}"
    elif "DATE" in fields:
        try:
            day = xs_date(fields["DATE"])
        except ValueError as exc:
            raise Malformed(f"{where}/DATE", str(exc)) from None
        start = FuzzyDate(year=day.year, month=day.month, day=day.day)
        text = str(start)
    elif "YEAR" in fields:
        start = _year(fields["YEAR"], f"{where}/YEAR")
        text = str(start)
    elif note is not None and (month_year := _month_year(note)) is not None:
        start, text, note = month_year, note, None
    else:
        log.info("%s: date of birth %r is not a date; kept as a property", where, note)
        parts.add_property("Date of birth", note)
        return
    text = ("circa " if circa else "") + text + (f" ({note})" if note else "")
    parts.dates_of_birth.append(DateOfBirth(start=start, end=end, circa=circa, text=text))


def alias_date_of_birth(value: str, alias: str, where: str, parts: EntryParts) -> None:
    """An alias's ``DATE_OF_BIRTH`` (free text in the schema; ``"1969-02-05"`` or ``"1955"``
    in the file): a date of birth of the party, also kept as ``("Alias date of birth",
    "<alias>: <value>")`` so that the link to the alias is not lost."""
    parts.add_property("Alias date of birth", f"{alias}: {value}")
    try:
        if _YEAR.fullmatch(value):
            start = FuzzyDate(year=int(value))
        else:
            day = xs_date(value)
            start = FuzzyDate(year=day.year, month=day.month, day=day.day)
    except (ValueError, ValidationError):
        log.info("%s: alias date of birth %r is not a date; kept as a property", where, value)
        return
    parts.dates_of_birth.append(DateOfBirth(start=start, text=value))
