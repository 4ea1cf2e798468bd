"""Han characters read in Korean (hanja): 金正恩 is 김정은, KIM Jong Un."""

from __future__ import annotations

from factories import entry, watchlist

from screening import Screener
from screening.matching.reference import reference_scan
from screening.models import EntryKind
from screening.text.translit import korean_reading


def test_han_characters_are_written_in_hangul() -> None:
    assert korean_reading("金正恩") == "김정은"
    assert korean_reading("崔龙海") == "최룡해"  # simplified 龙, initial ㄹ kept (RYONG)
    assert korean_reading("金 正恩") == "김 정은"
    assert korean_reading("KIM 金正恩") == "KIM 김정은"


def test_a_surname_reading_opens_a_word_only() -> None:
    assert korean_reading("金正") == "김정"
    assert korean_reading("正金") == "정금"


def test_a_simplified_character_reads_as_the_traditional_one_it_stands_for() -> None:
    # 荣 is also an older character of its own (송) in Korean tables; in a Chinese text it is
    # the simplified 榮, 영.
    assert korean_reading("荣") == korean_reading("榮") == "영"


def test_no_reading_without_han_with_kana_or_with_an_unknown_character() -> None:
    assert korean_reading("Kim Jong Un") is None
    assert korean_reading("김정은") is None
    assert korean_reading("中村さん") is None  # Japanese: kanji are not read so
    assert korean_reading("金龦") is None  # no Korean reading in the table


def kim(uid: str, name: str = "KIM, Jong Un", **facts: object) -> object:
    return entry(uid, name, **facts)  # type: ignore[arg-type]


def screener(*entries: object) -> Screener:
    return Screener(watchlist(list(entries)))  # type: ignore[arg-type]


def test_a_korean_entry_is_hit_by_its_name_in_han_characters() -> None:
    s = screener(entry("1", "KIM, Jong Un", nationality="KP"),
                 entry("2", "KIM, Jong Un", programs=("DPRK3",)))  # fmt: skip
    hits = s.screen("金正恩").hits
    assert [h.entry.uid for h in hits] == ["1", "2"]
    explanation = hits[0].explanation
    assert explanation.read_as == "김정은"
    assert "read in Korean as '김정은'" in explanation.summary()
    assert [m.query for m in explanation.alignments] == ["김(gim)", "정은(jeongeun)"]


def test_a_syllable_opening_with_h_is_not_dropped_after_ng() -> None:
    # 김정훈 (Kim Jeong-hun) is a common name, not KIM Jong Un: "ngh" is two syllables.
    s = screener(entry("1", "KIM, Jong Un", nationality="KP"))
    assert s.screen("김정은").hits
    assert not s.screen("김정훈").hits
    assert not s.screen("金正勋").hits  # read in Korean: 김정훈


def test_an_entry_not_linked_to_korea_is_not_hit_by_a_korean_reading() -> None:
    # Read in Korean, Chinese names often sound like Korean ones (英 永 榮 are all 영).
    s = screener(entry("1", "KIM, Jong Un", nationality="CN"))
    assert not s.screen("金正恩").hits
    assert s.screen("김정은").hits  # the name itself matches


def test_a_korean_reading_must_match_a_whole_name_in_order_without_typos_nor_a_vessel() -> None:
    s = screener(
        entry("partial", "KIM, Jong Un Chol", nationality="KP"),
        entry("typo", "KIM, Jeongeon", nationality="KP"),
        entry("order", "JONG UN KIM", kind=EntryKind.ENTITY, nationality="KP"),
        entry("vessel", "KIM JONG UN", kind=EntryKind.VESSEL, nationality="KP"),
    )
    assert {h.entry.uid for h in s.screen("김정은", threshold=0.7).hits} == {
        "partial",
        "typo",
        "order",
        "vessel",
    }
    assert not s.screen("金正恩", threshold=0.7).hits


def test_the_written_reading_wins_a_tie_and_each_entry_is_hit_once() -> None:
    s = screener(entry("1", "KIM, Jong Un", nationality="KP"), entry("2", "JIN, Zhengen"))
    hits = s.screen("金正恩").hits
    assert sorted(h.entry.uid for h in hits) == ["1", "2"]
    by_uid = {h.entry.uid: h.explanation.read_as for h in hits}
    assert by_uid == {"1": "김정은", "2": None}


def test_a_korean_reading_matched_only_by_two_syllables_joined_is_screened() -> None:
    # 정 은: neither 정 nor 은 alone matches JONGUN; joined they do.
    s = screener(entry("1", "JONGUN", nationality="KP"))
    assert s.prepare("정 은", None).single_names == (frozenset(), frozenset())
    hits = s.screen("正 恩").hits
    assert [h.entry.uid for h in hits] == ["1"]
    assert hits[0].explanation.read_as == "정 은"


def test_the_korean_reading_can_be_turned_off() -> None:
    s = screener(entry("1", "KIM, Jong Un", nationality="KP"))
    s.read_korean = False
    assert not s.screen("金正恩").hits
    assert reference_scan(s, "金正恩") == []
