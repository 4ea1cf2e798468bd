"""The exhaustive reference scan: every list name scored, every vocabulary token compared.

It uses the same scorer as the indexed screener but no index: each query token is compared with
every token of the vocabulary (:func:`~screening.matching.similarity.token_similarity`), and every
strong list name is scored. It is slow by design and exists to prove that the index loses
nothing (``tests/matching/test_index.py``); do not use it for screening.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from screening.matching.compiled import attached_initials, hyphenated_words, joined_token
from screening.matching.corroboration import QueryFacts, query_facts
from screening.matching.explain import IN_KOREAN, Reading
from screening.matching.scoring import QueryTokenMatches
from screening.matching.screener import (
    PreparedQuery,
    Scored,
    Screener,
    not_as_written,
    rewritten,
)
from screening.matching.similarity import TokenInfo, token_info, token_similarity
from screening.models import EntryKind
from screening.text.translit import korean_reading

__all__ = ["reference_scan"]


def _brute_matches(info: TokenInfo, vocab: list[TokenInfo]) -> QueryTokenMatches:
    found: QueryTokenMatches = {}
    for token, other in enumerate(vocab):
        sim, how = token_similarity(info, other)
        if sim > 0.0:
            found[token] = (sim, how.value)
    return found


def reference_scan(
    screener: Screener,
    name: str,
    *,
    kind: EntryKind | None = None,
    dob: str | date | None = None,
    country: str | None = None,
    threshold: float | None = None,
) -> list[Scored]:
    """Every entry at or above the threshold, best first, by exhaustive comparison; under the
    name as written and, as :meth:`Screener.screen` does, under its Korean reading and the
    readings of :func:`~screening.matching.screener.rewritten`."""
    t = screener.threshold if threshold is None else threshold
    facts = query_facts(dob, country)
    query, scored = _scan(screener, name, kind, facts, t)
    readings: list[tuple[PreparedQuery, Sequence[Scored], Reading | None]] = [(query, scored, None)]
    korean = korean_reading(name) if screener.read_korean and query.tokens else None
    if korean is not None:
        alt, scored = _scan(screener, korean, kind, facts, t)
        held = [s for s in scored if screener.korean_read_holds(alt, s)]
        readings.append((alt, held, (korean, IN_KOREAN)))
    for text, how in rewritten(name) if query.tokens else ():
        alt, scored = _scan(screener, text, kind, facts, t)
        readings.append((alt, not_as_written(scored), (text, how)))
    return [s for _, s, _ in screener.merge_readings(readings)]


def _scan(
    screener: Screener, name: str, kind: EntryKind | None, facts: QueryFacts, threshold: float
) -> tuple[PreparedQuery, list[Scored]]:
    bare = screener.prepare(name, kind, lookup=False)
    vocab = screener.compiled.vocab.infos
    single = tuple(_brute_matches(token_info(token), vocab) for token in bare.tokens)
    joined: list[QueryTokenMatches] = []
    attached = attached_initials(name, bare.tokens)
    whole = hyphenated_words(name, bare.tokens)
    for i, (left, right) in enumerate(pairwise(bare.tokens)):
        pair = joined_token(left, right, initials=i in attached)
        info = None if pair is None else token_info(pair, joined=i not in whole)
        joined.append({} if info is None else _brute_matches(info, vocab))
    query = bare._replace(single=single, joined=tuple(joined))
    names = screener.compiled.strong_names()
    return query, screener.evaluate(query, names, kind=kind, facts=facts, threshold=threshold)
