"""Facts every OFAC format writes the same way: dates of birth as text, identifier labels.

The legacy CSV puts ``DOB circa 1960`` in remarks, the legacy XML puts ``circa 1960`` in
``dateOfBirth``, and all formats label identifiers with the same words (``Passport``,
``SWIFT/BIC``, ``Digital Currency Address - XBT``); they are parsed here once.
"""

from __future__ import annotations

import re

from screening.models import DateOfBirth, FuzzyDate, IdScheme

__all__ = ["id_scheme", "parse_date_of_birth", "parse_fuzzy_date"]

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

# "1955", "Mar 1960", "15 Mar 1960" (OFAC's text date forms, see ../shared/data/ofac/docs).
_DATE = re.compile(r"^(?:(?:(\d{1,2}) )?([A-Za-z]{3}) )?(\d{4})$")
# A range is "1960 to 1962"; SDN ent_num 11748 has "circa 1979-1982" (2021 to 2024 files).
_RANGE = re.compile(
    r"^(?P<circa>circa )?(?P<start>.+?)(?:(?: to |(?<=\d{4})-(?=\d{4}$))(?P<end>.+))?$",
    re.IGNORECASE,
)


def parse_fuzzy_date(text: str) -> FuzzyDate:
    """Parse ``"1955"``, ``"Mar 1960"`` or ``"15 Mar 1960"``.

    Raises:
        ValueError: anything else, or an impossible date (``"31 Feb 1960"``).
    """
    m = _DATE.match(text.strip())
    if m is None:
        raise ValueError(f"not an OFAC date: {text!r}")
    day, month_name, year = m.groups()
    month = None
    if month_name is not None:
        month = _MONTHS.get(month_name.lower())
        if month is None:
            raise ValueError(f"unknown month in {text!r}")
    try:
        return FuzzyDate(year=int(year), month=month, day=None if day is None else int(day))
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise ValueError(f"impossible date {text!r}") from exc


def parse_date_of_birth(text: str) -> DateOfBirth:
    """Parse an OFAC date-of-birth text: ``"1955"``, ``"circa 1960"``, ``"1960 to 1962"``,
    ``"01 Jan 1960 to 31 Dec 1962"``, ``"circa 1979-1982"``.

    Raises:
        ValueError: the text is not one of these forms, or names an impossible date.
    """
    cleaned = " ".join(text.split())
    m = _RANGE.match(cleaned)
    if m is None or not m.group("start"):
        raise ValueError(f"not an OFAC date of birth: {text!r}")
    start = parse_fuzzy_date(m.group("start"))
    end = parse_fuzzy_date(m.group("end")) if m.group("end") else None
    if end is not None and end.last_day() < start.first_day():
        raise ValueError(f"date range ends before it starts: {text!r}")
    return DateOfBirth(start=start, end=end, circa=m.group("circa") is not None, text=cleaned)


# Label prefixes, matched case-insensitively against the start of a label. Longest first.
_SCHEMES: tuple[tuple[str, IdScheme], ...] = (
    ("digital currency address", IdScheme.DIGITAL_CURRENCY),
    ("vessel registration identification", IdScheme.IMO),
    ("diplomatic passport", IdScheme.PASSPORT),
    ("passport", IdScheme.PASSPORT),
    ("national id", IdScheme.NATIONAL_ID),
    ("national foreign id", IdScheme.NATIONAL_ID),
    ("identification number", IdScheme.NATIONAL_ID),
    ("cedula", IdScheme.NATIONAL_ID),
    ("c.u.r.p", IdScheme.NATIONAL_ID),
    ("d.n.i", IdScheme.NATIONAL_ID),
    ("personal id card", IdScheme.NATIONAL_ID),
    ("tax id", IdScheme.TAX_ID),
    ("r.f.c", IdScheme.TAX_ID),
    ("rfc", IdScheme.TAX_ID),
    ("v.a.t", IdScheme.TAX_ID),
    ("nit #", IdScheme.TAX_ID),
    ("ruc #", IdScheme.TAX_ID),
    ("swift/bic", IdScheme.SWIFT_BIC),
    ("imo", IdScheme.IMO),
    ("mmsi", IdScheme.MMSI),
    ("registration", IdScheme.REGISTRATION),
    ("company number", IdScheme.REGISTRATION),
    ("business registration", IdScheme.REGISTRATION),
    ("commercial registry", IdScheme.REGISTRATION),
    ("chamber of commerce", IdScheme.REGISTRATION),
    ("legal entity number", IdScheme.REGISTRATION),
    ("unified social credit code", IdScheme.REGISTRATION),
    ("d-u-n-s", IdScheme.REGISTRATION),
)

_CURRENCY = re.compile(r"^digital currency address\s*-\s*(\S+)$", re.IGNORECASE)


def id_scheme(label: str) -> tuple[IdScheme, str | None]:
    """The normalised scheme of an identifier label, and the currency for crypto addresses.

    >>> id_scheme("Digital Currency Address - XBT")
    (<IdScheme.DIGITAL_CURRENCY: 'digital_currency'>, 'XBT')
    >>> id_scheme("Passport")
    (<IdScheme.PASSPORT: 'passport'>, None)
    """
    folded = " ".join(label.split()).casefold()
    currency = None
    m = _CURRENCY.match(folded)
    if m is not None:
        currency = m.group(1).upper()
    for prefix, scheme in _SCHEMES:
        if folded.startswith(prefix):
            return scheme, currency
    return IdScheme.OTHER, None
