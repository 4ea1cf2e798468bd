"""The candidate index loses nothing: indexed screening equals the exhaustive reference scan."""

from __future__ import annotations

import gc
import itertools
from array import array
from random import Random

import pytest
from factories import entry, watchlist
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import screening.matching.screener as screener_module
from screening import Screener
from screening.matching.compiled import joined_token
from screening.matching.index import KeyTable, _typo_keys, deletion_neighbourhood
from screening.matching.reference import reference_scan
from screening.matching.similarity import TokenInfo, is_short_typo, token_info
from screening.models import EntryKind
from screening.text.tokens import TokenKind, tokenize

# Tokens chosen to collide in every way the matcher knows: exact, typo, variant, spelling,
# Wade-Giles, abjad, initials, joined/split (and split elsewhere: al ali, ala li; a letter split
# off by a hyphen: r-osneft; spelt out: r o s n e f t; digits for letters: r0sn3ft), scripts,
# common and rare.
POOL = [
    "chen", "chan", "quanguo", "quan", "guo", "quanquo", "ch'en", "ch'üan", "kuo", "陈", "全国",
    "wang", "mingshan", "ming", "shan", "putin", "путин", "vladimir", "владимир", "v",
    "vladimirovich", "mohammed", "muhammad", "محمد", "ali", "علي", "al", "houthi", "al-houthi",
    "qaddafi", "gadhafi", "القذافي", "muammar", "bank", "melli", "llc", "ooo", "ооо", "group",
    "khodorkovskiy", "hodorkovsky", "abdulrahman", "abdul", "rahman", "1", "star", "s.a.",
    "khan", "khn", "go", "gao", "ma", "mao", "ala", "li", "jong", "un", "jon", "gun",
    "rosneft", "r-osneft", "rosnef-t", "r.osneft", "r o s n e f t", "b a n k", "r0sn3ft",
]  # fmt: skip

names = st.lists(st.sampled_from(POOL), min_size=1, max_size=4).map(" ".join)
kinds = st.sampled_from([EntryKind.INDIVIDUAL, EntryKind.ENTITY])


# Birth years and countries, few enough that queries and entries often agree.
years = st.none() | st.sampled_from([1950, 1951, 1955])
countries = st.none() | st.sampled_from(["CN", "RU", "IR"])
Query = tuple[str, int | None, str | None]


@st.composite
def lists_and_queries(draw: st.DrawFn) -> tuple[Screener, list[Query], float]:
    n = draw(st.integers(1, 12))
    entries = [
        entry(str(i), *draw(st.lists(names, min_size=1, max_size=3)), kind=draw(kinds),
              weak=draw(st.lists(names, max_size=1)), dob=draw(years),
              nationality=draw(countries))
        for i in range(n)
    ]  # fmt: skip
    queries = draw(st.lists(st.tuples(names, years, countries), min_size=1, max_size=4))
    threshold = draw(st.sampled_from([0.5, 0.7, 0.85, 0.95]))
    return Screener(watchlist(entries)), queries, threshold


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists_and_queries())
def test_indexed_hits_equal_the_reference_scan(case: tuple[Screener, list[Query], float]) -> None:
    screener, queries, threshold = case
    for query, year, country in queries:
        dob = None if year is None else str(year)
        indexed = screener.screen(query, dob=dob, country=country, threshold=threshold, limit=1000)
        reference = reference_scan(screener, query, dob=dob, country=country, threshold=threshold)
        assert [(h.entry.uid, h.score) for h in indexed.hits] == [
            (screener.compiled.entries[s.entry].uid, s.score) for s in reference
        ], (query, dob, country)


# Korean names as OFAC writes them, and queries in Han characters (read in Korean too), Hangul
# and Latin: syllables that Korean readings share (英 永 are both 영, yong).
KOREAN_LISTED = ["kim", "jong", "un", "yo", "ri", "su", "yong", "choe", "ryong", "hae", "pak"]
KOREAN_QUERIES = ["金", "正恩", "正", "恩", "与正", "李", "秀英", "秀永", "崔", "龙海", "朴",
                  "金正恩", "김", "정은", "kim", "jong un", "陈", "全国"]  # fmt: skip


@st.composite
def korean_lists_and_queries(draw: st.DrawFn) -> tuple[Screener, list[str], float]:
    listed = st.lists(st.sampled_from(KOREAN_LISTED), min_size=1, max_size=3).map(" ".join)
    entries = [
        entry(str(i), *draw(st.lists(listed, min_size=1, max_size=2)), kind=draw(kinds),
              programs=draw(st.sampled_from([("DPRK2",), ("SDGT",)])),
              nationality=draw(st.sampled_from([None, "KP", "CN"])))
        for i in range(draw(st.integers(1, 10)))
    ]  # fmt: skip
    words = st.lists(st.sampled_from(KOREAN_QUERIES), min_size=1, max_size=3)
    query = st.tuples(st.sampled_from(["", " "]), words).map(lambda sw: sw[0].join(sw[1]))
    queries = draw(st.lists(query, min_size=1, max_size=4))
    return Screener(watchlist(entries)), queries, draw(st.sampled_from([0.7, 0.85, 0.95]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(korean_lists_and_queries())
def test_hits_of_korean_readings_equal_the_reference_scan(
    case: tuple[Screener, list[str], float],
) -> None:
    screener, queries, threshold = case
    for query in queries:
        indexed = screener.screen(query, threshold=threshold, limit=1000)
        reference = reference_scan(screener, query, threshold=threshold)
        assert [(h.entry.uid, h.score) for h in indexed.hits] == [
            (screener.compiled.entries[s.entry].uid, s.score) for s in reference
        ], query


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(korean_lists_and_queries(), st.randoms(use_true_random=False))
def test_what_a_screener_keeps_of_korean_readings_never_changes_an_answer(
    case: tuple[Screener, list[str], float], rng: Random
) -> None:
    screener, queries, threshold = case
    for query in [*queries, *queries, *rng.sample(queries, len(queries))]:
        kind = rng.choice([None, "individual", "entity"])
        kept = screener.screen(query, kind=kind, threshold=threshold, limit=1000)
        fresh = Screener(screener.lists).screen(query, kind=kind, threshold=threshold, limit=1000)
        assert kept.model_dump_json() == fresh.model_dump_json(), query


@pytest.mark.parametrize(
    ("listed", "query"),
    [
        # Found by the test above: 全国 is read as the name Quan Guo, and only the two tokens
        # joined match CHEN Quanguo; the pair covers a token outside the candidate prefix.
        ("chen quanguo", "全国"),
        # The list-side bound of a joined query pair must count list pairs joined too:
        # "ala li" aligns with "al ali" only as two pairs.
        ("AL-ALI, Adnan", "Ala-Li Adnan"),
    ],
)
def test_a_hit_through_a_joined_query_pair_is_not_lost(listed: str, query: str) -> None:
    screener = Screener(watchlist([entry("0", listed)]))
    reference = reference_scan(screener, query, threshold=0.85)
    indexed = screener.screen(query, threshold=0.85).hits
    assert [(h.entry.uid, h.score) for h in indexed] == [("0", s.score) for s in reference]
    assert reference


def test_a_word_written_like_a_legal_form_is_found_by_its_written_form() -> None:
    # Found by the equality test: the query's "ooo" is the legal form "llc", the listed
    # "ooo" a plain word; the exact relation compares the written forms.
    screener = Screener(watchlist([entry("0", "ooo")]))
    assert screener.screen("llc ooo", threshold=0.5).hits
    assert reference_scan(screener, "llc ooo", threshold=0.5)


@given(st.lists(st.tuples(st.sampled_from([0, 1, 7, 2**32, 2**63 + 5, 2**64 - 1]),
                          st.integers(0, 40))))  # fmt: skip
def test_a_key_table_finds_every_token_filed_under_a_key(pairs: list[tuple[int, int]]) -> None:
    table = KeyTable.build(array("Q", [k for k, _ in pairs]), array("i", [t for _, t in pairs]))
    for key in {0, 1, 7, 2**32, 2**63 + 5, 2**64 - 1}:
        assert table.lookup([key]) == sorted(t for k, t in pairs if k == key)
    assert sorted(table.lookup([1, 7])) == sorted(t for k, t in pairs if k in (1, 7))
    assert len(table.keys) == len({k for k, _ in pairs}) == len(table.starts) - 1


def test_deletion_neighbourhood() -> None:
    assert deletion_neighbourhood("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert "a" in deletion_neighbourhood("abc", 2)


def test_a_token_longer_than_any_name_word_has_no_typo_keys() -> None:
    (long,) = tokenize("abcdefghij" * 4 + "k")
    (word,) = tokenize("abcdefghij" * 4)
    assert _typo_keys(token_info(long)) == []
    assert len(_typo_keys(token_info(word))) > 40


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="abcdeo", min_size=3, max_size=12),
    st.text(alphabet="abcdeo", min_size=3, max_size=12),
)
def test_tokens_within_typo_tolerance_share_a_deletion_key(left: str, right: str) -> None:
    from rapidfuzz.distance import OSA

    from screening.matching.similarity import max_typos

    k = max_typos(max(len(left), len(right)))
    if OSA.distance(left, right) <= k:
        ours = deletion_neighbourhood(left, max_typos(len(left)))
        theirs = deletion_neighbourhood(right, max_typos(len(right)))
        assert ours & theirs


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists_and_queries(), st.randoms(use_true_random=False))
def test_what_a_screener_keeps_never_changes_an_answer(
    case: tuple[Screener, list[Query], float], rng: Random
) -> None:
    # The same queries twice, in another order and with facts swapped around, on one screener
    # (its per-name and per-token caches filling up) and each on a fresh one.
    screener, queries, threshold = case
    runs = [*queries, *rng.sample(queries, len(queries))]
    facts = [(year, country) for _, year, country in runs[::-1]][: len(queries)]
    runs += [(q, year, country) for (q, _, _), (year, country) in zip(queries, facts, strict=True)]
    lists = screener.lists
    for query, year, country in runs:
        options = {
            "dob": None if year is None else str(year),
            "country": country,
            "kind": rng.choice([None, "individual", "entity"]),
            "threshold": threshold,
            "limit": 1000,
        }
        kept = screener.screen(query, **options)  # type: ignore[arg-type]
        fresh = Screener(lists).screen(query, **options)  # type: ignore[arg-type]
        assert kept.model_dump_json() == fresh.model_dump_json()


def test_a_name_is_kept_from_its_second_sighting() -> None:
    # A file of distinct customers must not fill the per-name memo: what it keeps is
    # traversed by every full garbage collection.
    screener = Screener(watchlist([entry("0", "chen quanguo"), entry("1", "zhu hailun")]))
    first = screener.prepare("Quanguo Chen", None)
    second = screener.prepare("Quanguo Chen", None)
    third = screener.prepare("Quanguo Chen", None)
    assert not first.kept and first is not second
    assert second.kept and third is second
    assert screener.prepare("Quanguo Chen", EntryKind.INDIVIDUAL) is not second
    assert first.single == second.single and first.tokens == second.tokens


def test_names_are_kept_from_their_first_sighting_while_names_recur(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A customer file repeats its names: once at least half the sightings of a window are of
    # names seen before, a new name is kept at once; a stream of distinct names turns it off.
    monkeypatch.setattr(screener_module, "_RECUR_WINDOW", 8)
    screener = Screener(watchlist([entry("0", "chen quanguo"), entry("1", "zhu hailun")]))
    for _ in range(8):
        screener.prepare("Ana Lima", None)  # one name, over and over
    assert screener.prepare("Quanguo Chen", None).kept
    for n in range(16):
        screener.prepare(f"Customer {n}", None)  # all distinct
    assert not screener.prepare("Hailun Zhu", None).kept
    assert screener.prepare("Hailun Zhu", None).kept  # the second sighting still is


def test_token_matches_are_left_alone_by_the_garbage_collector() -> None:
    # A screener keeps the matches of every token it has seen: dicts of (similarity,
    # relation) that a full collection would otherwise traverse, one by one.
    screener = Screener(watchlist([entry("0", "chen quanguo"), entry("1", "zhu hailun")]))
    query = screener.prepare("Quanguo Chen Hailun", None)
    matches = [m for m in (*query.single, *query.joined) if isinstance(m, dict) and m]
    assert len(matches) >= 3
    gc.collect()
    assert not any(gc.is_tracked(m) for m in matches)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists_and_queries(), st.lists(names, min_size=1, max_size=4))
def test_a_joined_pair_said_to_match_nothing_matches_nothing(
    case: tuple[Screener, list[Query], float], extra: list[str]
) -> None:
    # The plain-key filter skips the lookup of most joined pairs: it must never skip one
    # that the lookup would have found something for.
    screener = case[0]
    listed = [n.full for e in screener.lists[0] for n in e.names]
    for query in [*(q for q, _, _ in case[1]), *extra, *listed]:
        tokens = tokenize(query)
        for left, right in itertools.pairwise(tokens):
            pair = joined_token(left, right, initials=True)
            if pair is not None:
                info = token_info(pair, joined=True)
                if screener.index.matches(info):
                    assert screener.index.may_match(info), (query, pair.text)


def test_joined_pairs_are_filtered_by_the_plain_keys_of_list_tokens() -> None:
    screener = Screener(watchlist([entry("0", "abdulrahman al-houthi"), entry("1", "chen")]))
    index = screener.index

    def joined(query: str) -> TokenInfo:
        left, right = tokenize(query)
        pair = joined_token(left, right)
        assert pair is not None
        return token_info(pair, joined=True)

    assert index.may_match(joined("Abdul Rahman")) and index.matches(joined("Abdul Rahman"))
    assert index.may_match(joined("Abdoul Rakhman"))  # the same spelling key
    assert not index.may_match(joined("John Smith")) and not index.matches(joined("John Smith"))


def test_the_plain_texts_are_the_plain_keys_of_every_list_token() -> None:
    # The filter's sets are gathered by column; they must hold exactly what _plain_items
    # gives for each list token, or a pair would be skipped that the lookup would find.
    from screening.matching.index import _plain_items

    screener = Screener(watchlist([entry(str(i), word) for i, word in enumerate(POOL)]))
    expected: dict[str, set[str]] = {}
    for info in screener.compiled.vocab.infos:
        if info.kind != TokenKind.INITIAL:
            for space, text in _plain_items(info, query=False):
                expected.setdefault(space, set()).add(text)
    found = {space: set(texts) for space, texts in screener.index._plain_texts().items() if texts}
    assert found == expected


def test_a_name_holding_only_initials_of_the_query_words_is_credited_as_initials() -> None:
    # "S. Ivanov" holds "Svea" and "Sager" only as an initial: 0.6 of their weight at most,
    # though "Sager" matches Sager Holdings exactly. Credited at 1.0, it would be bounded
    # and scored with every query starting with an S.
    screener = Screener(
        watchlist([entry("0", "sager holdings"), entry("1", "s ivanov"), entry("2", "svea ab")])
    )
    query = screener.prepare("Svea Sager", None)
    initial_only = screener.compiled.name_entry.index(1)
    assert initial_only in screener.candidates(query, 0.55)
    assert initial_only not in screener.candidates(query, 0.65)


@settings(max_examples=80, deadline=None)
@given(
    st.text(alphabet="abcdehiklmnorstu", min_size=3, max_size=4),
    st.integers(0, 2),
)
def test_a_swap_in_a_short_word_is_found_by_the_index(word: str, at: int) -> None:
    at = min(at, len(word) - 2)
    swapped = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    found = swapped == word or len(word) == 4 or is_short_typo(word, swapped)
    assert_found_as_the_reference_finds(word, swapped, found=found)


@settings(max_examples=80, deadline=None)
@given(
    st.text(alphabet="abcdehiklmnorstu", min_size=3, max_size=4),
    st.integers(1, 3),
    st.booleans(),
)
def test_a_short_word_with_a_letter_left_out_is_found_by_the_index(
    word: str, at: int, listed_short: bool
) -> None:
    short = word[:at] + word[at + 1 :]
    listed, written = (short, word) if listed_short else (word, short)
    assert_found_as_the_reference_finds(listed, written, found=is_short_typo(word, short))


def assert_found_as_the_reference_finds(listed: str, written: str, found: bool = True) -> None:
    """``written`` for the listed word finds what the reference scan finds (the entry itself
    if ``found``)."""
    screener = Screener(watchlist([entry("0", f"{listed} zyxwvut"), entry("1", "other name")]))
    query = f"{written} zyxwvut"
    indexed = screener.screen(query, threshold=0.5, limit=1000).hits
    reference = reference_scan(screener, query, threshold=0.5)
    assert [(h.entry.uid, h.score) for h in indexed] == [
        (screener.compiled.entries[s.entry].uid, s.score) for s in reference
    ]
    if found:
        assert indexed and indexed[0].entry.uid == "0"
