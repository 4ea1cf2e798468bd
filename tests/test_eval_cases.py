"""The labelled cases of the accuracy benchmark (benchmarks/eval/cases.csv): well formed, every
category present, and exactly what the generator makes from the real list with its seed."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import shared_data

from benchmarks.eval import generate
from screening import load_list
from screening.models import Watchlist

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def watchlist() -> Watchlist:
    return load_list(shared_data("ofac", "sdn_csv_2023-12-28"))


@pytest.fixture(scope="module")
def cases() -> list[generate.Case]:
    return generate.read_cases()


def test_cases_are_well_formed(cases: list[generate.Case], watchlist: Watchlist) -> None:
    assert len({c.id for c in cases}) == len(cases)
    for case in cases:
        assert case.id.rsplit("-", 1)[0] == case.category, case
        assert case.category in generate.CATEGORIES, case
        assert case.query.strip() and "\n" not in case.query and "\r" not in case.query, case
        for uid in case.expected_uid.split() + case.source_uid.split():
            assert uid in watchlist, case
        negative = case.category in (*generate.NEGATIVE_CATEGORIES, "named_negative")
        assert (case.expected_uid == "") == negative, case
        if not negative and case.category != "crossscript":
            assert case.source_uid == case.expected_uid, case


def test_every_category_is_present_and_balanced(cases: list[generate.Case]) -> None:
    counts = Counter(c.category for c in cases)
    assert list(counts) == list(generate.CATEGORIES)  # all present, in file order
    for category, n in counts.items():
        if category not in generate.FIXED_CATEGORIES:
            assert n >= generate.MIN_PER_CATEGORY, category
    negatives = sum(n for c, n in counts.items() if c in generate.NEGATIVE_CATEGORIES)
    assert len(cases) - negatives >= 1000
    assert negatives >= 1000


def test_named_cases_are_the_issues(cases: list[generate.Case]) -> None:
    named = {(c.query, c.expected_uid) for c in cases if c.category == "named"}
    assert ("陈全国", "29220") in named
    assert ("Ch'en Ch'üan-kuo", "29220") in named
    assert ("Xinjiang Public Security Bureau", "29159") in named
    negatives = {c.query for c in cases if c.category == "named_negative"}
    assert negatives == {"Chen Quan", "Chen Wei", "Wang Ming"}


@pytest.mark.slow
def test_cases_file_is_what_the_generator_makes(watchlist: Watchlist) -> None:
    from faker import VERSION

    built = generate.build(watchlist)
    text = generate.render_csv(built.cases, watchlist)
    committed = generate.CASES_FILE.read_text(encoding="utf-8")
    assert f"Faker {VERSION})" in committed.splitlines()[1], (
        "cases.csv was generated with another Faker version: "
        "run python benchmarks/eval/generate.py and commit the result"
    )
    assert text == committed
