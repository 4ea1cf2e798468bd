"""Unicode hygiene: invisible characters, fullwidth forms, confusables, case."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from screening.text.scripts import LATIN, script_of
from screening.text.unicode import MAX_NAME_CHARS, clean, confusable_map, fold_confusables


def test_zero_width_and_bidi_controls_are_removed() -> None:
    assert clean("Pu\u200btin") == "putin"  # ZERO WIDTH SPACE
    assert clean("\u202eChen\u202c Quanguo") == "chen quanguo"  # RLO ... PDF
    assert clean("Chen\u00adQuanguo\ufeff") == "chenquanguo"  # SOFT HYPHEN, BOM


def test_fullwidth_forms_fold_to_ascii() -> None:
    assert clean("ＣＨＥＮ　Ｑｕａｎｇｕｏ") == "chen quanguo"


def test_cyrillic_lookalike_inside_a_latin_word_is_latin() -> None:
    assert clean("\u0420utin") == "putin"  # CYRILLIC CAPITAL LETTER ER
    assert clean("Vl\u0430dimir") == "vladimir"  # CYRILLIC SMALL LETTER A


def test_a_whole_cyrillic_word_stays_cyrillic() -> None:
    assert clean("Путин") == "путин"


def test_arabic_vowel_marks_are_removed() -> None:
    assert clean("مُحَمَّد") == "محمد"


def test_confusable_table_maps_to_ascii_letters() -> None:
    table = confusable_map()
    assert table["р"] == "p" and table["о"] == "o"  # Cyrillic er, o
    assert all(len(v) == 1 and v.isascii() and v.isalpha() for v in table.values())


def test_odd_input_gives_empty_or_bounded_output() -> None:
    assert clean("") == ""
    assert clean("\x00\x01\u200b ") == ""
    assert len(clean("a" * 10_000)) == MAX_NAME_CHARS


@given(st.text())
def test_clean_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


def _fold_one_by_one(token: str) -> str:
    # The definition, letter by letter: fold look-alikes if the token mixes Latin letters
    # with letters of another script.
    letters = [script_of(c) for c in token if c.isalpha()]
    if not (LATIN in letters and any(code != LATIN for code in letters)):
        return token
    return "".join(confusable_map().get(c, c) for c in token)


_LETTERS = "aeopcxyАаЕеОоРрСсХхУуΑαΟοΡρԱաéçñßıİ陈ム1-' \u0301"


@given(st.text(alphabet=_LETTERS, max_size=12) | st.text(max_size=8))
def test_folding_by_table_is_folding_letter_by_letter(token: str) -> None:
    assert fold_confusables(token) == _fold_one_by_one(token)
