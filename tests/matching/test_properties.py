"""Invariants of the scorer on random lists (hypothesis)."""

from __future__ import annotations

from factories import entry, watchlist
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_index import POOL

from screening import Screener
from screening.matching.scoring import substantive_positions
from screening.text.tokens import tokenize

names = st.lists(st.sampled_from(POOL), min_size=1, max_size=4).map(" ".join)
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.lists(names, min_size=1, max_size=8, unique=True), st.data())
def test_an_exact_listed_name_scores_highest_for_its_own_entry(
    listed: list[str], data: st.DataObject
) -> None:
    screener = Screener(watchlist([entry(str(i), n) for i, n in enumerate(listed)]))
    i = data.draw(st.integers(0, len(listed) - 1))
    # A name of only initials matches nothing as written (read with its letters joined, B A N K
    # may hit BANK, but that is not the name as written).
    assume(substantive_positions([t.kind for t in tokenize(listed[i])]))
    hits = screener.screen(listed[i], threshold=0.01, limit=100).hits
    scores = {h.entry.uid: h.score for h in hits}
    if scores.get(str(i)) is not None:  # a name of only particles or initials matches nothing
        assert scores[str(i)] == max(scores.values())


@FAST
@given(names, st.text(max_size=30))
def test_scores_are_between_zero_and_one(listed: str, query: str) -> None:
    screener = Screener(watchlist([entry("1", listed)]))
    for hit in screener.screen(query, threshold=0.01).hits:
        assert 0.0 <= hit.score <= 1.0
        assert 0.0 <= hit.explanation.name_score <= 1.0


@FAST
@given(
    st.lists(names, min_size=2, max_size=8), st.lists(names, min_size=1, max_size=3), st.randoms()
)
def test_results_do_not_depend_on_the_order_entries_were_loaded(
    listed: list[str], queries: list[str], rnd: object
) -> None:
    entries = [entry(str(i), n) for i, n in enumerate(listed)]
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    first, second = Screener(watchlist(entries)), Screener(watchlist(shuffled))
    for query in queries:
        a = {(h.entry.uid, h.score) for h in first.screen(query, threshold=0.3, limit=100).hits}
        b = {(h.entry.uid, h.score) for h in second.screen(query, threshold=0.3, limit=100).hits}
        assert a == b
