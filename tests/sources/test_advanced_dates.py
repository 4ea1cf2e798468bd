"""DatePeriods of the advanced XML written back in OFAC's legacy text forms."""

from __future__ import annotations

from xml.etree.ElementTree import fromstring

import pytest

from screening.sources._advanced_dates import date_of_birth, period_text
from screening.sources._advanced_refs import Malformed


def _period(start: str, end: str, *, approximate: bool = False) -> str:
    def point(text: str) -> str:
        y, m, d = text.split("-")
        return f"<Year>{y}</Year><Month>{int(m)}</Month><Day>{int(d)}</Day>"

    a = "true" if approximate else "false"
    return (
        f'<DatePeriod><Start Approximate="{a}"><From>{point(start)}</From><To>{point(start)}</To>'
        f'</Start><End Approximate="{a}"><From>{point(end)}</From><To>{point(end)}</To></End>'
        "</DatePeriod>"
    )


@pytest.mark.parametrize(
    ("start", "end", "approximate", "text"),
    [
        ("1955-01-01", "1955-12-31", False, "1955"),  # CHEN Quanguo, SDN 29220
        ("1958-01-01", "1958-01-31", False, "Jan 1958"),  # ZHU Hailun, SDN 29219
        ("1985-01-07", "1985-01-07", False, "07 Jan 1985"),  # al-Rawi, SDN 25057
        ("1960-01-01", "1960-12-31", True, "circa 1960"),
        ("1960-01-01", "1962-12-31", False, "1960 to 1962"),
        ("1964-02-01", "1964-04-30", False, "Feb 1964 to Apr 1964"),
        ("1980-02-08", "1981-03-03", False, "08 Feb 1980 to 03 Mar 1981"),
        ("2000-02-01", "2000-02-29", False, "Feb 2000"),  # leap year
    ],
)
def test_period_text(start: str, end: str, approximate: bool, text: str) -> None:
    period = fromstring(_period(start, end, approximate=approximate))
    assert period_text(period, "DatePeriod") == text
    assert date_of_birth(period, "DatePeriod").text == text


def test_start_only_and_end_before_start() -> None:
    only = fromstring(
        "<DatePeriod><Start><From><Year>1994</Year><Month>7</Month><Day>5</Day>"
        "</From></Start></DatePeriod>"
    )
    assert period_text(only, "P") == "05 Jul 1994"
    with pytest.raises(Malformed, match="ends"):
        period_text(fromstring(_period("1962-01-01", "1960-12-31")), "P")
    with pytest.raises(Malformed, match="without Start or End"):
        period_text(fromstring("<DatePeriod />"), "P")
    with pytest.raises(Malformed, match="not a number"):
        period_text(fromstring(_period("1962-01-01", "1962-12-31").replace("1962", "x", 1)), "P")
