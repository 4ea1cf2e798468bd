"""The token similarity ladder."""

from __future__ import annotations

import pytest
from factories import entry, watchlist

from screening import Screener
from screening.matching.compiled import joined_token
from screening.matching.similarity import How, max_typos, token_info, token_similarity
from screening.models import EntryKind
from screening.text.tokens import tokenize


def hit_uids(screener: Screener, query: str, threshold: float | None = None) -> list[str]:
    return [h.entry.uid for h in screener.screen(query, threshold=threshold).hits]


def to_latin(text: str) -> str:
    (token,) = tokenize(text)
    return token.text


def sim(left: str, right: str) -> tuple[float, How]:
    (q,), (c,) = tokenize(left), tokenize(right)
    return token_similarity(token_info(q), token_info(c))


@pytest.mark.parametrize(
    ("left", "right", "how"),
    [
        ("Quanguo", "QUANGUO", How.EXACT),
        ("Müller", "Muller", How.EXACT),
        ("Путин", "Putin", How.TRANSLIT),
        ("Mohammed", "Muhammad", How.VARIANT),
        ("محمد", "Muhammad", How.VARIANT),
        ("Hsi", "Xi", How.VARIANT),
        ("Khodorkovskiy", "Hodorkovsky", How.SPELLING),
        ("طرابلسي", "Tarabulsi", How.ABJAD),
        ("Quanquo", "Quanguo", How.TYPO),
        ("V", "Vladimir", How.INITIAL),
    ],
)
def test_relations(left: str, right: str, how: How) -> None:
    score, found = sim(left, right)
    assert found == how and 0.0 < score <= 1.0


def test_ladder_order() -> None:
    assert sim("Quanguo", "Quanguo")[0] == 1.0
    assert sim("Путин", "Putin")[0] == 0.97
    assert sim("Mohammed", "Muhammad")[0] > sim("Quanquo", "Quanguo")[0]
    assert sim("V", "Vladimir")[0] < 0.7


@pytest.mark.parametrize(
    ("left", "right"),
    [("Wang", "Tang"), ("Chen", "Zhen"), ("Quan", "Quanguo"), ("Ivan", "Iran"), ("1", "2")],
)
def test_different_tokens_do_not_match(left: str, right: str) -> None:
    assert sim(left, right) == (0.0, How.NONE)


def test_typo_tolerance_scales_with_length() -> None:
    assert sim("Abdulrahmen", "Abdulrahman")[1] == How.TYPO  # 1 edit in 11 letters
    assert sim("Abdulrahmxxn", "Abdulrahman")[1] == How.TYPO  # 2 edits in 11 letters
    assert sim("Putxn", "Putin")[1] == How.TYPO  # 1 edit in 5 letters
    assert sim("Pxtxn", "Putin")[1] == How.NONE  # 2 edits in 5 letters
    assert sim("Puin", "Putin")[1] == How.TYPO  # 1 deletion from 5 letters


@pytest.mark.parametrize(
    ("left", "right", "skeleton"),
    [
        ("Mohammed", "Azizi", "mhmdd"),  # read whole: "mhmd", every Mohammed
        ("محمد", "عزیزی", "mhmdd"),
        ("Ahmad", "Dida", "hmdd"),
        ("عبد", "الله", "bdl"),  # Abdullah, as written in one word
        ("ال", "یاس", "ls"),  # الیاس split by the article rule: the skeleton of the word
        ("أفغاني", "PLC", "fknblk"),  # not the skeleton of the Arabic word alone
        ("Ali", "Ai", ""),  # "ai" has no consonant: none
        ("Ri", "Je", ""),  # "rj": two one-letter skeletons are too little
    ],
)
def test_a_joined_pair_has_the_skeletons_of_both_its_tokens(
    left: str, right: str, skeleton: str
) -> None:
    pair = joined_token(tokenize(left)[0], tokenize(right)[0])
    assert pair is not None
    assert token_info(pair, joined=True).abjad == skeleton


def test_pairs_built_from_known_skeletons_are_the_pairs_joined_token_builds() -> None:
    # The screener and the compiler pass the tokens' skeletons in, from their infos.
    screener = Screener(watchlist([entry("1", "MAHMOODZADEH, Yahya"), entry("2", "أفغاني PLC")]))
    for name in ("Yahya Mahmood Zadeh", "محمد علي حسن", "أفغاني PLC"):
        query = screener.prepare(name, None)
        for i, (left, right) in enumerate(zip(query.tokens, query.tokens[1:], strict=False)):
            pair = joined_token(left, right)
            assert pair is not None and query.joined_infos[i] == token_info(pair, joined=True)
    compiled = screener.compiled
    for tokens, joined in zip(compiled.name_tokens, compiled.name_joined, strict=True):
        for i, pair_id in enumerate(joined):
            left, right = (compiled.vocab.infos[t] for t in tokens[i : i + 2])
            assert compiled.vocab.infos[pair_id].abjad == (
                left.abjad + right.abjad if len(left.abjad + right.abjad) >= 3 else ""
            )


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("Khn", "Khan", 0.825),  # a letter left out of a four-letter word
        ("Hrb", "Harb", 0.825),
        ("Go", "Guo", pytest.approx(0.95 - 0.5 / 3)),  # ... or a three-letter one
        ("Ks", "Kos", pytest.approx(0.95 - 0.5 / 3)),
        ("Kha", "Khan", 0.825),  # either side may be the shorter
        ("Ma", "Mao", 0.0),  # two Pinyin syllables: two surnames
        ("Li", "Liu", 0.0),
        ("Li", "Ali", 0.0),  # not the first letter
        ("Xi", "Xiv", 0.0),  # two Roman numerals
        ("Ii", "Iii", 0.0),
        ("Jon", "Joan", 0.825),
        ("Jo", "Joan", 0.0),  # two letters left out
        ("Kan", "Khan", 0.825),
        ("Pka", "Pak", pytest.approx(0.95 - 0.5 / 3)),  # a swap after the first letter
        ("Lai", "Ali", 0.0),  # ... not of the first
        ("Xvi", "Xiv", 0.0),  # Roman numerals
    ],
)
def test_one_typo_in_a_short_word(left: str, right: str, expected: float) -> None:
    similarity, how = sim(left, right)
    assert similarity == expected
    assert how == (How.NONE if expected == 0.0 else How.TYPO)


@pytest.mark.parametrize(("written", "listed"), [("李", "Lui"), ("宋", "Son"), ("최", "Cho")])
def test_a_syllable_romanised_from_its_script_has_no_letter_left_out(
    written: str, listed: str
) -> None:
    assert sim(written, listed)[0] == 0.0
    assert sim(to_latin(written), listed)[1] == How.TYPO  # the same letters typed: a typo


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("成", "Chen"),
        ("郑", "Sheng"),
        ("唐", "Tsang"),
        ("雷", "Li"),
        ("利", "Lee"),
        ("程", "Chang"),
    ],
)
def test_a_han_character_matches_no_other_characters_reading(written: str, listed: str) -> None:
    # Pinyin read from a character is exact: a Latin token spelt otherwise is the reading of
    # another character (成 cheng is not CHEN), unless a table says it is this one's.
    assert sim(written, listed) == (0.0, How.NONE)
    assert sim(to_latin(written), listed)[0] > 0.0  # the same letters typed: related


@pytest.mark.parametrize(("written", "listed"), [("李", "Ri"), ("梁", "Yang"), ("金", "Kim")])
def test_a_han_character_is_not_compared_by_korean_surname_spellings(
    written: str, listed: str
) -> None:
    # 李 is RI only read in Korean, as the whole name, and against entries linked to Korea
    # (test_korean_reading.py); a token of a Chinese name it is Li.
    assert sim(written, listed) == (0.0, How.NONE)


def test_a_han_character_keeps_its_own_romanisations() -> None:
    assert sim("李", "Lee")[1] == How.VARIANT
    assert sim("郭", "Kwok")[1] == How.VARIANT  # Cantonese
    assert sim("张", "Teo")[1] == How.VARIANT  # Hokkien
    assert sim("陈", "Chen")[1] == How.TRANSLIT
    given, listed = tokenize("王桂英")[1], tokenize("Guoying")[0]
    assert (given.orig, given.text) == ("桂英", "guiying")
    assert token_similarity(token_info(given), token_info(listed)) == (0.0, How.NONE)


def test_a_particle_is_not_a_word_with_a_letter_left_out() -> None:
    (al,) = [t for t in tokenize("Ahmad Al Saud") if t.text == "al"]
    (ali,) = tokenize("Ali")
    assert token_similarity(token_info(al), token_info(ali))[0] == 0.0


def test_a_short_surname_with_a_letter_left_out_is_still_found() -> None:
    screener = Screener(
        watchlist(
            [
                entry("27968", "KHAN, Sayed Habib Ahmad", kind=EntryKind.INDIVIDUAL),
                entry("41301", "GUO, Chunyan", kind=EntryKind.INDIVIDUAL),
                entry("2", "MAO, Yan", kind=EntryKind.INDIVIDUAL),
            ]
        )
    )
    assert hit_uids(screener, "Sayed Habib Ahmad KHN") == ["27968"]
    assert hit_uids(screener, "Chunyan GO") == ["41301"]
    assert not hit_uids(screener, "Yan MA")


def test_a_skeleton_matches_only_where_the_written_long_vowels_fit() -> None:
    screener = Screener(
        watchlist(
            [
                entry("4695", "HAMAS", kind=EntryKind.ENTITY),
                entry("6636", "TALIBAN", kind=EntryKind.ENTITY),
                entry("25364", "AREZOO", kind=EntryKind.VESSEL),
                entry("15091", "TOLOU", kind=EntryKind.VESSEL),
                entry("9", "JOINT STOCK COMPANY HMS GROUP", kind=EntryKind.ENTITY),
            ]
        )
    )
    assert hit_uids(screener, "حماس") == ["4695"]  # h, m, alef, s
    assert hit_uids(screener, "طالبان") == ["6636"]
    # رضا (Reza) has no alef before its r, and an alef, not an o, after it; تالا (Tala) has
    # alefs where TOLOU has o and ou. Same consonants, other names.
    assert not hit_uids(screener, "رضا", threshold=0.3)
    assert not hit_uids(screener, "تالا", threshold=0.3)


def test_arabic_words_read_as_one_must_fit_a_latin_word_s_vowels_in_turn() -> None:
    # علی قاضی (Ali Qazi) and LOGAID are both l-k-d once the two words are joined; the ya of
    # Ali is no o. نصر الله is NASRALLAH, its vowels in place.
    screener = Screener(
        watchlist(
            [
                entry("1", "LOGAID", kind=EntryKind.ENTITY),
                entry("2", "NASRALLAH, Hasan", kind=EntryKind.INDIVIDUAL),
            ]
        )
    )
    assert not hit_uids(screener, "علی قاضی")
    assert hit_uids(screener, "حسن نصر الله") == ["2"]


def test_a_common_arabic_given_name_is_not_a_hit_on_a_joined_listed_name() -> None:
    # Read whole, MAHMOODZADEH Yahya squeezes to "mhmd" and AHMAD Dida to "hmd": both were
    # hits at 0.89 and 0.88 for محمد and احمد alone.
    screener = Screener(
        watchlist(
            [
                entry("1", "MAHMOODZADEH, Yahya", kind=EntryKind.INDIVIDUAL),
                entry("2", "AHMAD, Dida", kind=EntryKind.INDIVIDUAL),
            ]
        )
    )
    assert not screener.screen("محمد").hits
    assert not screener.screen("احمد").hits


def test_a_word_also_listed_as_two_keeps_its_own_skeleton() -> None:
    # "Mahmood Zadeh" read as one word comes first (mhmd + d), then MAHMOODZADEH as written:
    # one vocabulary token, with the skeleton of the word as written.
    screener = Screener(watchlist([entry("1", "Mahmood Zadeh"), entry("2", "Mahmoodzadeh")]))
    vocab = screener.compiled.vocab
    (info,) = [i for i in vocab.infos if i.text == "mahmoodzadeh"]
    assert not info.joined and info.abjad == "mhmd"


def test_only_a_swap_is_tolerated_in_a_four_letter_word() -> None:
    assert sim("Kahn", "Khan") == (pytest.approx(0.825), How.TYPO)
    assert sim("Buam", "Baum")[1] == How.TYPO
    assert sim("John", "Joan")[0] == 0.0  # another name, one letter apart
    assert sim("Wang", "Tang")[0] == 0.0
    assert sim("Amir", "Amri")[1] == How.TYPO  # a swap even so
    assert sim("Ali", "Lai")[0] == 0.0  # three letters: not the first letter


def test_a_token_longer_than_any_name_word_has_no_typo_tolerance() -> None:
    long = "abcdefghij" * 4 + "k"  # 41 letters
    assert max_typos(40) == 2 and max_typos(41) == 0
    assert sim(long, long.replace("k", "x")) == (0.0, How.NONE)
    assert sim(long[:40], long[:39] + "x")[1] == How.TYPO
