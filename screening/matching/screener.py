"""The screener: compile lists once, then screen names against them.

``Screener(lists).screen(name)`` tokenises the query, finds each query token's matches through
the candidate index, scores the candidate list names (:mod:`screening.matching.scoring`), applies
the secondary identifiers (:mod:`screening.matching.corroboration`), keeps the best name per
entry and returns a :class:`~screening.results.ScreeningResult` naming every list it used.

Weak (low-quality) aliases never produce a hit: only an entry's strong names are candidates.
When an entry is hit, its weak aliases that also reach the threshold are named in the
explanation as confirmation.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from screening.errors import InputError
from screening.matching.compiled import CompiledLists, joined_token
from screening.matching.corroboration import QueryFacts, adjustments, query_facts
from screening.matching.explain import explanation
from screening.matching.index import CandidateIndex, InitialMatches
from screening.matching.scoring import (
    JOINED_FACTOR,
    NON_EXACT_CAP,
    NameScore,
    QueryTokenMatches,
    bound_name,
    score_name,
    substantive_positions,
)
from screening.matching.similarity import TokenInfo, token_info
from screening.models import EntryKind, ListIdentity, Watchlist
from screening.results import Adjustment, Hit, ScreeningOptions, ScreeningResult
from screening.text.tokens import Token, tokenize
from screening.text.unicode import MAX_NAME_CHARS

__all__ = ["DEFAULT_LIMIT", "DEFAULT_THRESHOLD", "PreparedQuery", "Scored", "Screener"]

log = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.85
DEFAULT_LIMIT = 10
MAX_QUERY_TOKENS = 48
# Scores are reported to 4 decimals and compared to the threshold after rounding; candidate
# pruning keeps this much margin so that rounding can never turn a pruned name into a hit.
SCORE_DECIMALS = 4
_ROUNDING_MARGIN = 10.0**-SCORE_DECIMALS
_CACHE_LIMIT = 200_000

Matches = QueryTokenMatches | InitialMatches


class PreparedQuery(NamedTuple):
    """A query tokenised and looked up, ready to score against any list name."""

    tokens: tuple[Token, ...]
    weights: tuple[float, ...]
    single: tuple[Matches, ...]
    joined: tuple[Matches, ...]
    substantive: frozenset[int]
    truncated: bool
    single_names: tuple[frozenset[int] | None, ...] = ()
    joined_names: tuple[frozenset[int] | None, ...] = ()
    best_sims: tuple[float, ...] = ()

    @property
    def total(self) -> float:
        """Sum of the query token weights."""
        return sum(self.weights)


class Scored(NamedTuple):
    """An entry's best name and final score (internal; hits are built from these)."""

    score: float
    entry: int
    name: int
    name_score: NameScore
    adjustments: tuple[Adjustment, ...]


def _best_sim(matches: Matches) -> float:
    if isinstance(matches, dict):
        return max((sim for sim, _ in matches.values()), default=0.0)
    return 1.0  # an initial: its matches are not listed, assume the best


def _as_lists(lists: Watchlist | Iterable[Watchlist]) -> tuple[Watchlist, ...]:
    if isinstance(lists, Watchlist):
        return (lists,)
    found = tuple(lists)
    for item in found:
        if not isinstance(item, Watchlist):
            raise TypeError(f"expected Watchlist objects, got {type(item).__name__}")
    return found


def _check_threshold(threshold: float) -> float:
    if not isinstance(threshold, (int, float)) or not 0.0 < float(threshold) <= 1.0:
        raise InputError(f"threshold must be a number in (0, 1], got {threshold!r}")
    return float(threshold)


def _check_kind(kind: EntryKind | str | None) -> EntryKind | None:
    if kind is None or kind == "":
        return None
    try:
        return EntryKind(kind)
    except ValueError:
        allowed = ", ".join(k.value for k in EntryKind)
        raise InputError(f"kind must be one of {allowed}, got {kind!r}") from None


class Screener:
    """Screens names against one or more watchlists, compiled once.

    Args:
        lists: a :class:`~screening.models.Watchlist` or several; ``None`` loads the default
            lists (``SCREENING_LISTS_DIR``, else the bundled sample).
        threshold: default minimum score of a hit, in (0, 1] (0.85: see README).
        limit: default maximum number of hits returned.

    Raises:
        ListNotFoundError: ``lists`` is ``None`` and the configured directory holds no list.
        ValueError: an empty list of watchlists.
    """

    def __init__(
        self,
        lists: Watchlist | Iterable[Watchlist] | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = DEFAULT_LIMIT,
    ) -> None:
        if lists is None:
            from screening.config import default_watchlists

            lists = default_watchlists()
        watchlists = _as_lists(lists)
        if not watchlists:
            raise ValueError("a Screener needs at least one watchlist")
        self.threshold = _check_threshold(threshold)
        self.limit = limit
        self.compiled = CompiledLists(watchlists)
        self.index = CandidateIndex(self.compiled)
        self.identities: tuple[ListIdentity, ...] = tuple(wl.identity for wl in watchlists)
        self._warnings = tuple(
            f"screened against the bundled SAMPLE list ({wl.provenance.source}), "
            "not an official OFAC publication"
            for wl in watchlists
            if wl.provenance.sample
        )
        self._infos: dict[tuple[Token, bool], TokenInfo] = {}
        self._matches: dict[TokenInfo, Matches] = {}
        self._weights: dict[TokenInfo, float] = {}
        self._names: dict[TokenInfo, frozenset[int]] = {}
        self._weak_names: dict[int, list[int]] = {}
        for name_no, (entry_no, weak) in enumerate(
            zip(self.compiled.name_entry, self.compiled.name_weak, strict=True)
        ):
            if weak:
                self._weak_names.setdefault(entry_no, []).append(name_no)

    @property
    def lists(self) -> tuple[Watchlist, ...]:
        """The watchlists screened against."""
        return self.compiled.lists

    # --- query preparation -----------------------------------------------------------------

    def _info(self, token: Token, joined: bool = False) -> TokenInfo:
        key = (token, joined)
        info = self._infos.get(key)
        if info is None:
            if len(self._infos) > _CACHE_LIMIT:
                self._infos.clear()
            info = self._infos[key] = token_info(token, joined=joined)
        return info

    def _lookup(self, info: TokenInfo) -> Matches:
        found = self._matches.get(info)
        if found is None:
            if len(self._matches) > _CACHE_LIMIT:
                self._matches.clear()
            found = self._matches[info] = self.index.matches(info)
        return found

    def _weight(self, info: TokenInfo) -> float:
        weight = self._weights.get(info)
        if weight is None:
            if len(self._weights) > _CACHE_LIMIT:
                self._weights.clear()
            weight = self._weights[info] = self.compiled.token_weight(info)
        return weight

    def prepare(self, name: str, kind: EntryKind | None, lookup: bool = True) -> PreparedQuery:
        """Tokenise a query and find each token's matches (``lookup=False``: none, for a
        caller that supplies its own, such as the reference scan)."""
        tokens = tokenize(name, personal=True if kind == EntryKind.INDIVIDUAL else None)
        truncated = len(name) > MAX_NAME_CHARS or len(tokens) > MAX_QUERY_TOKENS
        tokens = tokens[:MAX_QUERY_TOKENS]
        infos = [self._info(t) for t in tokens]
        joined_infos = []
        for left, right in itertools.pairwise(tokens):
            pair = joined_token(left, right)
            joined_infos.append(None if pair is None else self._info(pair, joined=True))
        weights = tuple(self._weight(i) for i in infos)
        substantive = substantive_positions([t.kind for t in tokens])
        if not lookup:
            return PreparedQuery(tuple(tokens), weights, (), (), substantive, truncated)
        single = tuple(self._lookup(i) for i in infos)
        joined = tuple({} if j is None else self._lookup(j) for j in joined_infos)
        best = [_best_sim(m) for m in single]
        for i, matches in enumerate(joined):
            sim = _best_sim(matches) * JOINED_FACTOR
            best[i] = max(best[i], sim)
            best[i + 1] = max(best[i + 1], sim)
        return PreparedQuery(
            tokens=tuple(tokens),
            weights=weights,
            single=single,
            joined=joined,
            substantive=substantive,
            truncated=truncated,
            single_names=tuple(self._names_of(i, m) for i, m in zip(infos, single, strict=True)),
            joined_names=tuple(
                self._names_of(j, m) for j, m in zip(joined_infos, joined, strict=True)
            ),
            best_sims=tuple(best),
        )

    # --- candidates and scores -------------------------------------------------------------

    def _names_of(self, info: TokenInfo | None, matches: Matches) -> frozenset[int] | None:
        """Strong names containing any token that ``matches`` holds (``None``: unknown, for an
        initial, whose matches are computed on demand)."""
        if info is None:
            return frozenset()
        if not isinstance(matches, dict):
            return None
        found = self._names.get(info)
        if found is None:
            if len(self._names) > _CACHE_LIMIT:
                self._names.clear()
            found = self._names[info] = frozenset(self.index.names_with(matches))
        return found

    def candidates(self, query: PreparedQuery, required: float) -> list[int]:
        """Strong names that can reach query coverage ``required`` (0.0–1.0), in id order.

        Prefix filtering (see :mod:`screening.matching.index`): a name must match one of the
        heaviest substantive query tokens, so only their postings are read. Each such name is
        then credited with the weight of every query token that matches any of its tokens (at
        that token's best similarity); a name whose credit stays below ``required`` cannot
        reach it and is dropped before scoring.
        """
        weights = query.weights
        total = sum(weights)
        need = required * total - 1e-9
        rest = total
        prefix: list[int] = []
        for i in sorted(query.substantive, key=lambda i: (-weights[i], i)):
            if rest < need:
                break
            prefix.append(i)
            rest -= weights[i]
        single_names = query.single_names
        joined_names = query.joined_names
        n_joined = len(joined_names)
        pool: set[int] = set()
        for i in prefix:
            for names in (
                single_names[i],
                joined_names[i - 1] if i > 0 else None,
                joined_names[i] if i < n_joined else None,
            ):
                if names:
                    pool.update(names)
        if not pool:
            return []
        always = 0
        masks = dict.fromkeys(pool, 0)
        for i, names in enumerate(single_names):
            if names is None:
                always |= 1 << i
            elif names:
                bit = 1 << i
                for name in pool.intersection(names):
                    masks[name] |= bit
        for i, names in enumerate(joined_names):
            if names:
                bits = 3 << i
                for name in pool.intersection(names):
                    masks[name] |= bits
        best = query.best_sims
        credit_of: dict[int, float] = {}
        kept = []
        for name, mask in masks.items():
            mask |= always
            credit = credit_of.get(mask)
            if credit is None:
                credit = credit_of[mask] = sum(
                    weights[i] * best[i] for i in range(len(weights)) if mask >> i & 1
                )
            if credit >= need:
                kept.append(name)
        kept.sort()
        return kept

    def evaluate(
        self,
        query: PreparedQuery,
        names: Iterable[int],
        *,
        kind: EntryKind | None,
        facts: QueryFacts,
        threshold: float,
        prune: bool = True,
    ) -> list[Scored]:
        """Score these compiled names; the best name of each entry at or above ``threshold``,
        best first (ties by list order, then uid). ``prune`` skips names whose upper bound
        (:func:`~screening.matching.scoring.bound_name`) cannot reach the threshold."""
        c = self.compiled
        best: dict[int, Scored] = {}
        total_q = query.total
        floor = threshold - facts.max_bonus - _ROUNDING_MARGIN
        single, joined, weights = query.single, query.joined, query.weights
        for name in names:
            entry_no = c.name_entry[name]
            if kind is not None and c.entry_kind[entry_no] != kind:
                continue
            tokens = c.name_tokens[name]
            c_joined = c.name_joined[name]
            c_weights = c.name_weights[name]
            c_base = c.name_base_weights[name]
            c_total = c.name_total[name]
            if prune and (
                bound_name(
                    single, joined, weights, total_q, tokens, c_joined, c_weights, c_base, c_total
                )
                < floor
            ):
                continue
            ns = score_name(
                single,
                joined,
                weights,
                total_q,
                query.substantive,
                tokens,
                c_joined,
                c_weights,
                c_base,
                c_total,
            )
            if ns.score <= 0.0:
                continue
            adj = adjustments(c.entries[entry_no], facts) if (facts.dob or facts.country) else ()
            final = ns.score + sum(a.delta for a in adj)
            final = min(final, 1.0 if ns.exact else NON_EXACT_CAP)
            final = round(max(0.0, final), SCORE_DECIMALS)
            if final < threshold:
                continue
            current = best.get(entry_no)
            if current is None or (final, -name) > (current.score, -current.name):
                best[entry_no] = Scored(final, entry_no, name, ns, adj)
        return sorted(
            best.values(),
            key=lambda s: (-s.score, c.entry_list[s.entry], c.entries[s.entry].uid),
        )

    def _hits(self, query: PreparedQuery, scored: Sequence[Scored], threshold: float) -> list[Hit]:
        c = self.compiled
        hits = []
        for s in scored:
            entry = c.entries[s.entry]
            weak = []
            for name in self._weak_names.get(s.entry, ()):
                ns = score_name(
                    query.single,
                    query.joined,
                    query.weights,
                    query.total,
                    query.substantive,
                    c.name_tokens[name],
                    c.name_joined[name],
                    c.name_weights[name],
                    c.name_base_weights[name],
                    c.name_total[name],
                )
                if ns.score >= threshold:
                    weak.append(entry.names[c.name_index[name]].full)
            matched = entry.names[c.name_index[s.name]]
            list_no = c.entry_list[s.entry]
            hits.append(
                Hit(
                    entry=entry,
                    score=s.score,
                    matched_name=matched.full,
                    explanation=explanation(
                        query.tokens,
                        [c.vocab.infos[t] for t in c.name_tokens[s.name]],
                        entry,
                        matched,
                        s.name_score,
                        s.adjustments,
                        tuple(weak),
                        c.lists[list_no].provenance.source,
                    ),
                    list=self.identities[list_no],
                )
            )
        return hits

    # --- public API --------------------------------------------------------------------------

    def screen(
        self,
        name: str,
        *,
        kind: EntryKind | str | None = None,
        dob: str | date | None = None,
        country: str | None = None,
        threshold: float | None = None,
        limit: int | None = None,
    ) -> ScreeningResult:
        """Screen one name.

        Args:
            name: the name as written, in any script.
            kind: only entries of this kind (``"individual"``, ``"entity"``, ``"vessel"``,
                ``"aircraft"``).
            dob: the person's date of birth (``"1955"``, ``"1955-03-12"`` or a ``date``).
            country: a country name or ISO 3166 code (nationality or residence).
            threshold: minimum score of a hit, in (0, 1]; default the screener's.
            limit: maximum number of hits; default the screener's.

        Returns:
            The hits, best first, with explanations and the identity of every list screened.

        Raises:
            InputError: ``name`` is not a string, or an option is invalid. Odd strings (empty,
                emoji, very long) are not errors: they give no hits.
        """
        if not isinstance(name, str):
            raise InputError(f"name must be a str, got {type(name).__name__}")
        t = self.threshold if threshold is None else _check_threshold(threshold)
        n = self.limit if limit is None else limit
        if not isinstance(n, int) or n < 1:
            raise InputError(f"limit must be a positive integer, got {n!r}")
        k = _check_kind(kind)
        facts = query_facts(dob, country)
        query = self.prepare(name, k)
        required = required_coverage(t, facts.max_bonus)
        scored = self.evaluate(
            query, self.candidates(query, required), kind=k, facts=facts, threshold=t
        )[:n]
        warnings = self._warnings
        if query.truncated:
            warnings = (*warnings, f"query cut to {MAX_NAME_CHARS} characters / tokens")
        return ScreeningResult(
            query=name,
            options=ScreeningOptions(
                threshold=t,
                limit=n,
                kind=k,
                dob=None if dob is None else str(dob),
                country=facts.country,
            ),
            hits=tuple(self._hits(query, scored, t)),
            lists=self.identities,
            library_version=_version(),
            warnings=warnings,
        )

    def screen_many(
        self,
        names: Iterable[str],
        *,
        kind: EntryKind | str | None = None,
        threshold: float | None = None,
        limit: int | None = None,
    ) -> list[ScreeningResult]:
        """Screen many names with the same options; token lookups are shared across names
        (a common token is looked up once per screener, not once per name)."""
        return [self.screen(n, kind=kind, threshold=threshold, limit=limit) for n in names]


def _version() -> str:
    from screening import __version__

    return __version__


def required_coverage(threshold: float, max_bonus: float) -> float:
    """Query coverage a name needs to reach ``threshold`` with at most ``max_bonus``."""
    return max(0.0, threshold - max_bonus - _ROUNDING_MARGIN) ** 2
