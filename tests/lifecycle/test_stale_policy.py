"""The stale-list policy: warn or refuse on an old list, refuse no list, label the sample."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening.config import freshness_policy
from screening.errors import InputError, ListNotFoundError, StaleListError
from screening.freshness import FreshnessPolicy, check_freshness, list_age
from screening.models import FileDigest, ListProvenance

NOW = datetime(2024, 8, 11, 9, 30, tzinfo=UTC)
WEEK = timedelta(days=7)


def provenance(
    published: date | None,
    *,
    retrieved: datetime | None = None,
    fmt: str = "ofac-advanced-xml",
    sample: bool = False,
) -> ListProvenance:
    return ListProvenance(
        source="SDN",
        format=fmt,
        publish_date=published,
        files=(FileDigest(name="SDN_ADVANCED.XML", size=1, sha256="a" * 64),),
        loaded_at=NOW,
        sample=sample,
        retrieved_at=retrieved,
    )


def test_a_list_published_within_the_maximum_age_is_fresh() -> None:
    assert check_freshness([provenance(date(2024, 8, 6))], max_age=WEEK, now=NOW) == ()


def test_an_old_list_warns_with_its_date_and_age() -> None:
    (warning,) = check_freshness([provenance(date(2024, 6, 27))], max_age=WEEK, now=NOW)
    assert warning == (
        "stale list: the SDN list (ofac-advanced-xml) was published 2024-06-27; "
        "the maximum age is 7 days; run `screening lists update`"
    )


def test_an_old_list_is_refused_when_fail_closed() -> None:
    with pytest.raises(StaleListError, match=r"refusing to screen: .*published 2024-06-27"):
        check_freshness([provenance(date(2024, 6, 27))], max_age=WEEK, fail_closed=True, now=NOW)


def test_an_old_publication_confirmed_newest_recently_is_fresh() -> None:
    # OFAC published nothing since 2024-07-30; yesterday's update found the same file.
    p = provenance(date(2024, 7, 30), retrieved=NOW - timedelta(days=1))
    assert check_freshness([p], max_age=WEEK, fail_closed=True, now=NOW) == ()


def test_an_old_publication_not_checked_for_long_warns_with_the_last_check() -> None:
    p = provenance(date(2024, 7, 30), retrieved=NOW - timedelta(days=10))
    (warning,) = check_freshness([p], max_age=WEEK, now=NOW)
    checked = (NOW - timedelta(days=10)).date().isoformat()
    assert f"published 2024-07-30, last confirmed current on {checked}" in warning
    assert "ago" not in warning  # dates, so that a reproduced result reads the same


def test_an_undated_csv_is_aged_from_its_download() -> None:
    recent = provenance(None, retrieved=NOW - timedelta(days=2), fmt="ofac-legacy-csv")
    assert check_freshness([recent], max_age=WEEK, now=NOW) == ()
    old = provenance(None, retrieved=NOW - timedelta(days=9), fmt="ofac-legacy-csv")
    (warning,) = check_freshness([old], max_age=WEEK, now=NOW)
    downloaded = (NOW - timedelta(days=9)).date().isoformat()
    assert f"states no publish date; it was downloaded on {downloaded}" in warning
    assert list_age(old, now=NOW).basis == "downloaded"


def test_an_undated_list_of_unknown_age_warns_and_fail_closed_refuses() -> None:
    unknown = provenance(None, fmt="ofac-legacy-csv")
    (warning,) = check_freshness([unknown], max_age=WEEK, now=NOW)
    assert "its age is unknown" in warning
    with pytest.raises(StaleListError, match="its age is unknown"):
        check_freshness([unknown], max_age=WEEK, fail_closed=True, now=NOW)


def test_the_sample_is_not_aged_but_is_refused_when_fail_closed() -> None:
    sample = provenance(date(2020, 7, 9), sample=True)
    assert check_freshness([sample], max_age=WEEK, now=NOW) == ()
    with pytest.raises(StaleListError, match="bundled SAMPLE, not an official OFAC publication"):
        check_freshness([sample], max_age=WEEK, fail_closed=True, now=NOW)


def test_no_list_at_all_is_refused() -> None:
    with pytest.raises(ListNotFoundError, match="refusing rather than reporting no hit"):
        check_freshness([], max_age=WEEK, now=NOW)


def test_each_stale_list_gets_its_own_warning() -> None:
    lists = [provenance(date(2024, 6, 27)), provenance(date(2024, 8, 10)), provenance(None)]
    assert len(check_freshness(lists, max_age=WEEK, now=NOW)) == 2


def test_a_naive_now_is_utc() -> None:
    p = provenance(date(2024, 8, 1))
    assert list_age(p, now=NOW.replace(tzinfo=None)) == list_age(p, now=NOW)
    assert list_age(p, now=NOW).age == timedelta(days=10, hours=9, minutes=30)


@given(
    published=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)),
    days=st.integers(min_value=1, max_value=400),
    shorter=st.integers(min_value=1, max_value=400),
)
def test_a_list_stale_at_some_age_is_stale_at_any_shorter_one(
    published: date, days: int, shorter: int
) -> None:
    p = [provenance(published)]
    long, short = timedelta(days=max(days, shorter)), timedelta(days=min(days, shorter))
    if check_freshness(p, max_age=long, now=NOW):
        assert check_freshness(p, max_age=short, now=NOW)
    assert (list_age(p[0], now=NOW).age or timedelta(0)) >= timedelta(0)


def test_the_policy_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCREENING_MAX_LIST_AGE_DAYS", raising=False)
    monkeypatch.delenv("SCREENING_FAIL_CLOSED", raising=False)
    assert freshness_policy() == FreshnessPolicy(max_age=WEEK, fail_closed=False)
    monkeypatch.setenv("SCREENING_MAX_LIST_AGE_DAYS", "3")
    monkeypatch.setenv("SCREENING_FAIL_CLOSED", "True")
    assert freshness_policy() == FreshnessPolicy(max_age=timedelta(days=3), fail_closed=True)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SCREENING_MAX_LIST_AGE_DAYS", "seven"),
        ("SCREENING_MAX_LIST_AGE_DAYS", "0"),
        ("SCREENING_MAX_LIST_AGE_DAYS", "nan"),
        ("SCREENING_FAIL_CLOSED", "maybe"),
    ],
)
def test_a_bad_policy_setting_is_an_error(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError, match=name):
        freshness_policy()
