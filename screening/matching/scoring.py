"""The name score: align query tokens with a list name's tokens, then weigh what was covered.

Alignment is greedy and one-to-one over every token pair with a similarity above zero
(:func:`screening.matching.similarity.token_similarity`), best pair first, plus pairs where two
adjacent tokens on one side match one token on the other (``Quan Guo`` / ``Quanguo``), or two
adjacent tokens on each side match joined but were split elsewhere (``Hoj In`` / ``HO-JIN``,
``Ala Li`` / ``AL-ALI``), at 0.97 of the joined similarity. Ties are broken by position, so
the result is deterministic.

With ``w`` the token weights (:mod:`screening.matching.compiled`):

* ``S_q`` = Σ w·sim over aligned query tokens / Σ w over all query tokens: how much of the query
  the list name explains. An unexplained rare token (``Wei`` in ``Chen Wei`` against
  ``CHEN, Quanguo``) is evidence of a different person.
* ``S_c`` = the same over the list name's tokens. A list name only partly present in the query
  (``V. Putin`` against ``PUTIN, Vladimir Vladimirovich``) is weaker evidence, unless what was
  matched already identifies the person: ``S_c' = S_c + (1 − S_c) · 0.6 · min(1, I / 6)``, where
  ``I`` = Σ sim · max(0, w − 5) over the aligned list tokens: only the part of a token's weight
  above that of a common name (5) identifies anyone. A rare surname (``Putin``, w ≈ 9.5) gives
  ``I`` ≈ 4.5; ``Mohammed`` and ``Ali`` together give less than 3.
* ``score = √(S_q · S_c')``, times 0.98 when tokens were matched out of order.

Two list tokens that are one name (a Chinese or Korean given name written as two syllables,
``CHANG, Ping Yun``, ``KIM, Yong Chol``) are aligned both or neither: aligned in part, the name
is aligned again without them, since ``Chang Ping`` is another person's name, not one with a
middle name left out.

A score of 1.0 means every token matched exactly, in order; anything less is at most 0.99. A
name can only match if at least one *substantive* query token (a word or number, or, in a query
made only of generic words, legal forms or particles, one of those) is aligned: initials alone
never match.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from screening.matching.similarity import How
from screening.text.tokens import TokenKind

__all__ = [
    "Alignment",
    "NameScore",
    "QueryTokenMatches",
    "TokenMatches",
    "coverage_score",
    "score_name",
    "substantive_positions",
]

JOINED_FACTOR = 0.97
ORDER_FACTOR = 0.98
NON_EXACT_CAP = 0.99
COVERAGE_BOOST = 0.6
IDENTIFYING_WEIGHT = 6.0
COMMON_WEIGHT = 5.0
SUBSTANTIVE_KINDS = frozenset({TokenKind.WORD, TokenKind.NUMBER})

# Per query token (and per adjacent query pair): vocabulary id -> (similarity, relation as the
# plain int value of :class:`How`). Plain: a tuple of a float and an int, and a dict of such
# tuples, are untracked by the cyclic garbage collector, where an enum member would keep them
# tracked; a screener keeps tens of thousands of these, and every full collection would
# traverse them.
QueryTokenMatches = dict[int, tuple[float, int]]


class TokenMatches(Protocol):
    """What the scorer needs of a query token's matches: a dict, or a computed stand-in."""

    def get(self, token: int, /) -> tuple[float, int] | None: ...


_HOWS = tuple(How)  # by value: the relations are numbered from 0
# Two pairs split elsewhere align joined only when they are the same letters: under the
# looser relations a moved split also moves what they fold (Korean 이 유진, "i yujin", and
# YU, Jin share a spelling key; Arabic-script pairs a skeleton with RADIO ANNOUR).
_SAME_LETTERS = frozenset({How.EXACT.value, How.TRANSLIT.value})


class Alignment(NamedTuple):
    """One aligned pair: query token positions ``q`` and list-name token positions ``c``
    (two positions on one side when adjacent tokens were joined)."""

    q: tuple[int, ...]
    c: tuple[int, ...]
    sim: float
    how: How


class NameScore(NamedTuple):
    """The score of one list name against a query, with what produced it."""

    score: float
    alignments: tuple[Alignment, ...]
    query_coverage: float
    name_coverage: float
    in_order: bool
    exact: bool


_ZERO = NameScore(0.0, (), 0.0, 0.0, True, False)


def substantive_positions(kinds: Sequence[TokenKind]) -> frozenset[int]:
    """Query positions that can carry a match on their own (see module docstring)."""
    words = frozenset(i for i, k in enumerate(kinds) if k in SUBSTANTIVE_KINDS)
    if words:
        return words
    return frozenset(i for i, k in enumerate(kinds) if k != TokenKind.INITIAL)


def coverage_score(s_q: float, s_c: float, info: float) -> float:
    """``√(S_q · S_c')`` from the query coverage, the list-name coverage and the identifying
    weight matched (see the module docstring); increasing in each argument."""
    boosted = s_c + (1.0 - s_c) * COVERAGE_BOOST * min(1.0, info / IDENTIFYING_WEIGHT)
    return math.sqrt(max(0.0, s_q) * max(0.0, boosted))


def _split_alike(single: Sequence[TokenMatches], i: int, c_tokens: Sequence[int], j: int) -> float:
    """How well query tokens ``i, i + 1`` match list tokens ``j, j + 1`` one by one (the lesser
    similarity; 0.0 if either does not match). Two pairs that join alike are aligned as pairs
    only when that is better: ``Ho Jin`` and ``Ho-Jin`` align token by token."""
    left = single[i].get(c_tokens[j])
    right = single[i + 1].get(c_tokens[j + 1])
    if left is None or right is None:
        return 0.0
    return min(left[0], right[0])


def score_name(
    single: Sequence[TokenMatches],
    joined: Sequence[TokenMatches],
    q_weights: Sequence[float],
    total_q: float,
    substantive: frozenset[int],
    c_tokens: Sequence[int],
    c_joined: Sequence[int],
    c_weights: Sequence[float],
    c_base_weights: Sequence[float],
    total_c: float,
    c_unit: int = -1,
) -> NameScore:
    """Score one list name against a query.

    Args:
        single: for each query token, the list-vocabulary tokens it matches.
        joined: for each adjacent pair of query tokens joined, the tokens it matches (list
            tokens, and list pairs joined).
        q_weights: weight of each query token; ``total_q`` their sum.
        substantive: query positions that can carry a match.
        c_tokens: vocabulary ids of the list name's tokens.
        c_joined: vocabulary id of each adjacent pair of list tokens joined (-1: none).
        c_weights: role-adjusted weight of each list token; ``total_c`` their sum.
        c_base_weights: weight of each list token before role factors (for ``I``).
        c_unit: where two list tokens that are one name start (a Chinese or Korean given
            name written as two syllables, ``CHANG, Ping Yun``; see
            ``CompiledLists.name_unit``), or -1.
            Aligned in part, neither counts: ``Chang Ping`` is another person's name.
    """
    pairs: list[tuple[float, int, int, tuple[int, ...], tuple[int, ...], float, int]] = []
    for i, matches in enumerate(single):
        if not matches:
            continue
        wq = q_weights[i]
        for j, token in enumerate(c_tokens):
            hit = matches.get(token)
            if hit is not None:
                sim = hit[0]
                pairs.append((-sim * (wq + c_weights[j]), i, j, (i,), (j,), sim, hit[1]))
        for j, token in enumerate(c_joined):
            if token >= 0:
                hit = matches.get(token)
                if hit is not None:
                    sim = hit[0] * JOINED_FACTOR
                    value = wq + c_weights[j] + c_weights[j + 1]
                    pairs.append((-sim * value, i, j, (i,), (j, j + 1), sim, hit[1]))
    for i, matches in enumerate(joined):
        if not matches:
            continue
        wq = q_weights[i] + q_weights[i + 1]
        for j, token in enumerate(c_tokens):
            hit = matches.get(token)
            if hit is not None:
                sim = hit[0] * JOINED_FACTOR
                pairs.append((-sim * (wq + c_weights[j]), i, j, (i, i + 1), (j,), sim, hit[1]))
        for j, token in enumerate(c_joined):
            if token >= 0:
                hit = matches.get(token)
                if hit is not None and hit[1] in _SAME_LETTERS:
                    sim = hit[0] * JOINED_FACTOR
                    if sim > _split_alike(single, i, c_tokens, j):
                        value = wq + c_weights[j] + c_weights[j + 1]
                        pairs.append((-sim * value, i, j, (i, i + 1), (j, j + 1), sim, hit[1]))
    if not pairs:
        return _ZERO
    pairs.sort()
    forbidden = 0  # list tokens left out: a name unit aligned in part
    while True:
        used_q = 0
        used_c = forbidden
        chosen: list[Alignment] = []
        matched_q = 0.0
        matched_c = 0.0
        info = 0.0
        all_exact = True
        for _, _, _, qs, cs, sim, how in pairs:
            mask_q = sum(1 << i for i in qs)
            mask_c = sum(1 << j for j in cs)
            if used_q & mask_q or used_c & mask_c:
                continue
            used_q |= mask_q
            used_c |= mask_c
            chosen.append(Alignment(qs, cs, sim, _HOWS[how]))
            for i in qs:
                matched_q += q_weights[i] * sim
            for j in cs:
                matched_c += c_weights[j] * sim
                info += max(0.0, c_base_weights[j] - COMMON_WEIGHT) * sim
            if how != How.EXACT or len(qs) != 1 or len(cs) != 1:
                all_exact = False
        if c_unit < 0 or forbidden or (used_c >> c_unit & 3) in (0, 3):
            break
        forbidden = 3 << c_unit
    used_c &= ~forbidden
    if not any(used_q >> i & 1 for i in substantive):
        return _ZERO
    s_q = matched_q / total_q if total_q else 0.0
    s_c = matched_c / total_c if total_c else 0.0
    score = coverage_score(s_q, s_c, info)
    chosen.sort(key=lambda a: a.q)
    in_order = all(chosen[k].c[0] < chosen[k + 1].c[0] for k in range(len(chosen) - 1))
    nq = len(single)
    nc = len(c_tokens)
    exact = all_exact and in_order and used_q == (1 << nq) - 1 and used_c == (1 << nc) - 1
    if exact:
        return NameScore(1.0, tuple(chosen), s_q, s_c, True, True)
    if not in_order:
        score *= ORDER_FACTOR
    return NameScore(min(score, NON_EXACT_CAP), tuple(chosen), s_q, s_c, in_order, False)
