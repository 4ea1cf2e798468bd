"""Date-of-birth texts and identifier labels as OFAC writes them."""

from __future__ import annotations

import pytest

from screening.models import IdScheme
from screening.sources._facts import id_scheme, parse_date_of_birth


def test_year_only() -> None:
    dob = parse_date_of_birth("1955")  # CHEN Quanguo, SDN uid 29220
    assert str(dob.start) == "1955" and dob.end is None and not dob.circa


def test_full_date_circa_and_range() -> None:
    assert str(parse_date_of_birth("15 Mar 1960").start) == "1960-03-15"
    assert str(parse_date_of_birth("Mar 1960").start) == "1960-03"
    circa = parse_date_of_birth("circa 1958")
    assert circa.circa and str(circa.start) == "1958"
    rng = parse_date_of_birth("01 Jan 1960 to 31 Dec 1962")
    assert (str(rng.start), str(rng.end)) == ("1960-01-01", "1962-12-31")
    hyphen = parse_date_of_birth("circa 1979-1982")  # SDN ent_num 11748 writes it so
    assert hyphen.circa and (str(hyphen.start), str(hyphen.end)) == ("1979", "1982")
    assert hyphen.text == "circa 1979-1982"


@pytest.mark.parametrize("text", ["31 Feb 1960", "1962 to 1960", "Foo 1960", "", "19555"])
def test_bad_dates_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date_of_birth(text)


@pytest.mark.parametrize(
    ("label", "scheme", "currency"),
    [
        ("Passport", IdScheme.PASSPORT, None),
        ("Digital Currency Address - XBT", IdScheme.DIGITAL_CURRENCY, "XBT"),
        ("SWIFT/BIC", IdScheme.SWIFT_BIC, None),
        ("Vessel Registration Identification", IdScheme.IMO, None),
        ("MMSI", IdScheme.MMSI, None),
        ("Tax ID No.", IdScheme.TAX_ID, None),
        ("National ID No.", IdScheme.NATIONAL_ID, None),
        ("Gender", IdScheme.OTHER, None),
    ],
)
def test_id_schemes(label: str, scheme: IdScheme, currency: str | None) -> None:
    assert id_scheme(label) == (scheme, currency)
