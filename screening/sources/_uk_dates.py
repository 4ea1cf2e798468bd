"""Dates on the UK Sanctions List: ``dd/mm/yyyy``, with unknown parts masked in dates of birth.

``DateGenerated``, ``DateDesignated`` and ``LastUpdated`` are ``dd/mm/yyyy``. A ``DOB`` masks
what is not known: ``dd/mm/1945`` is the year 1945, ``00/00/1975`` too (OpenSanctions'
gb_fcdo_sanctions reader lists both forms, and ``'00/00/1975`` with a stray apostrophe), and
``dd/03/1958`` is March 1958. A day known without its month (``15/mm/1970``) gives the year
only; anything else (``15/08/19yy``) is no date and the caller keeps it as a property.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import ValidationError

from screening.models import DateOfBirth, FuzzyDate

__all__ = ["date_of_birth", "uk_date"]

_DATE = re.compile(r"([0-9]{2})/([0-9]{2})/([0-9]{4})")
_MASKED = re.compile(r"'?([0-9]{2}|dd)/([0-9]{2}|mm)/([0-9]{4})", re.IGNORECASE)


def uk_date(text: str) -> date:
    """A ``dd/mm/yyyy`` date.

    Raises:
        ValueError: anything else, or an impossible day.
    """
    m = _DATE.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"{text!r} is not a dd/mm/yyyy date")
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        raise ValueError(f"{text!r} is not a calendar date") from None


def date_of_birth(text: str) -> DateOfBirth | None:
    """A ``DOB`` value with masked parts (see the module docstring); ``None`` when it is no
    date this model can hold."""
    m = _MASKED.fullmatch(text.strip())
    if m is None:
        return None
    day_text, month_text, year = m.groups()
    month = int(month_text) if month_text.isdigit() and month_text != "00" else None
    day = int(day_text) if day_text.isdigit() and day_text != "00" and month else None
    try:
        start = FuzzyDate(year=int(year), month=month, day=day)
    except ValidationError:
        return None
    return DateOfBirth(start=start, text=text.strip())
