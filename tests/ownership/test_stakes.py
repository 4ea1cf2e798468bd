"""Percentages, ranges and unknown stakes, read exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from screening import OwnershipError
from screening.ownership import Stake, parse_stake


def test_exact_decimal_strings_stay_exact() -> None:
    total = sum(parse_stake(p).lo for p in ("16.33", "32.73", "0.94"))
    assert total == Decimal(50)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("50", Stake(Decimal(50), Decimal(50))),
        ("50%", Stake(Decimal(50), Decimal(50))),
        (25, Stake(Decimal(25), Decimal(25))),
        (Decimal("12.5"), Stake(Decimal("12.5"), Decimal("12.5"))),
        (("10", None), Stake(Decimal(10), Decimal(100))),
        ("25-50", Stake(Decimal(25), Decimal(50))),
        ("(25, 50]", Stake(Decimal(25), Decimal(50), lo_open=True)),
        ("[75,100]", Stake(Decimal(75), Decimal(100))),
    ],
    ids=["str", "percent-sign", "int", "decimal", "open-tuple", "dashed", "interval", "closed"],
)
def test_forms(value: object, expected: Stake) -> None:
    assert parse_stake(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("band", "text"),
    [
        ("ownership-of-shares-25-to-50-percent", "(25, 50]"),
        ("ownership-of-shares-50-to-75-percent-as-trust", "(50, 75)"),
        ("ownership-of-shares-75-to-100-percent", "[75, 100]"),
        ("more than 25% but not more than 50%", "(25, 50]"),
        ("More than 50% but less than 75%", "(50, 75)"),
        ("75% or more", "[75, 100]"),
    ],
)
def test_uk_psc_bands_keep_their_open_ends(band: str, text: str) -> None:
    assert parse_stake(band).text() == text


@pytest.mark.parametrize("value", [None, "", "unknown", " ? "])
def test_unknown(value: str | None) -> None:
    stake = parse_stake(value)
    assert not stake.known and (stake.lo, stake.hi) == (0, 100) and stake.text() == "unknown"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("150", r"outside \[0, 100\]"),
        ("-0.5", r"outside \[0, 100\]"),
        ("abc", "not a number"),
        (0.5, "floats are not exact"),
        ("(50, 50)", "empty"),
        (("60", "40"), "empty"),
        ("NaN", "finite"),
        ("1.00000000001", "decimal places"),
    ],
)
def test_bad_values_raise_with_the_value_quoted(value: object, message: str) -> None:
    with pytest.raises(OwnershipError, match=message) as info:
        parse_stake(value)  # type: ignore[arg-type]
    assert repr(value) in str(info.value)
