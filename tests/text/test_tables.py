"""Every data table: readable, already normalised, and without clashes."""

from __future__ import annotations

from collections import Counter

import pytest

from screening.text.tables import read_table
from screening.text.unicode import clean

TABLES = [
    "common_names",
    "countries",
    "generic_words",
    "han_hangul",
    "han_hangul_names",
    "han_pinyin",
    "han_surnames",
    "pinyin_syllables",
    "honorifics",
    "legal_forms",
    "name_variants",
    "particles",
    "wade_giles",
]


@pytest.mark.parametrize("name", TABLES)
def test_table_reads_and_has_rows(name: str) -> None:
    rows = read_table(name)
    assert rows and all(all(field for field in row) for row in rows)


@pytest.mark.parametrize(
    "name", ["generic_words", "honorifics", "legal_forms", "name_variants", "particles"]
)
def test_table_values_are_already_normalised(name: str) -> None:
    for row in read_table(name):
        for field in row:
            assert clean(field) == field, (name, field)


@pytest.mark.parametrize(
    "name", ["generic_words", "honorifics", "legal_forms", "particles", "han_surnames"]
)
def test_first_column_has_no_duplicates(name: str) -> None:
    counts = Counter(row[0] for row in read_table(name))
    assert [k for k, n in counts.items() if n > 1] == []


def test_word_lists_do_not_clash() -> None:
    words = {t: {row[0] for row in read_table(t)} for t in ("honorifics", "particles")}
    legal = {row[0] for row in read_table("legal_forms")}
    assert not words["honorifics"] & words["particles"]
    assert not words["honorifics"] & legal
    assert not words["particles"] & legal


def test_name_variant_classes_are_unique() -> None:
    counts = Counter(row[0] for row in read_table("name_variants"))
    assert [k for k, n in counts.items() if n > 1] == []
