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
import math
import os
from array import array
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

from screening._gc import paused_gc
from screening.errors import IndexFileError, InputError, StaleListError
from screening.freshness import FreshnessPolicy, check_freshness
from screening.matching.compiled import (
    CompiledLists,
    attached_initials,
    hyphenated_words,
    joined_token,
)
from screening.matching.corroboration import (
    COUNTRY_MATCH,
    DOB_EXACT,
    MAX_BONUS,
    QueryFacts,
    adjustments,
    query_facts,
)
from screening.matching.explain import (
    DIGITS_AS_LETTERS,
    IN_KOREAN,
    LETTERS_JOINED,
    Reading,
    explanation,
)
from screening.matching.index import CandidateIndex, InitialMatches
from screening.matching.persist import (
    IndexHeader,
    check_version,
    read_header,
    read_index,
    write_index,
)
from screening.matching.scoring import (
    COMMON_WEIGHT,
    JOINED_FACTOR,
    NON_EXACT_CAP,
    NameScore,
    QueryTokenMatches,
    coverage_score,
    score_name,
    substantive_positions,
)
from screening.matching.similarity import SIM_INITIAL, How, TokenInfo, token_info
from screening.models import EntryKind, ListIdentity, Watchlist
from screening.results import Adjustment, Hit, ScreeningOptions, ScreeningResult
from screening.sources import load_lists, sniff_format
from screening.sources._files import digest
from screening.text.tokens import Token, digits_as_letters, letters_joined, tokenize
from screening.text.translit import korean_reading
from screening.text.unicode import MAX_NAME_CHARS

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_THRESHOLD",
    "INDEX_FILE",
    "PreparedQuery",
    "Scored",
    "Screener",
]

log = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.85
DEFAULT_LIMIT = 10
MAX_QUERY_TOKENS = 48
# Scores are reported to 4 decimals and compared to the threshold after rounding; candidate
# pruning keeps this much margin so that rounding can never turn a pruned name into a hit.
SCORE_DECIMALS = 4
_ROUNDING_MARGIN = 10.0**-SCORE_DECIMALS
_CACHE_LIMIT = 200_000
_QUERY_LIMIT = 65_536  # prepared queries (and their credited names) kept, per process
# Names are kept prepared from their first sighting while, over the last _RECUR_WINDOW
# sightings, at least _RECUR_SHARE were of names seen before (see Screener.prepare).
_RECUR_WINDOW = 4096
_RECUR_SHARE = 0.5
_NO_ENTRIES: frozenset[int] = frozenset()
_COVER_LIMIT = 100_000  # (query unit, name) bounds kept; ~200 bytes each, per process
INDEX_FILE = "lists.screening-index"

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
    single_weak: tuple[frozenset[int], ...] = ()
    best_sims: tuple[float, ...] = ()
    single_infos: tuple[TokenInfo, ...] = ()
    joined_infos: tuple[TokenInfo | None, ...] = ()
    kept: bool = False  # kept by the screener's per-name memo (its credits are kept too)
    rewrites: tuple[Reading, ...] = ()  # the name read otherwise than as written (rewritten)

    @property
    def total(self) -> float:
        """Sum of the query token weights."""
        return sum(self.weights)


class _Unit(NamedTuple):
    """A query token, or two adjacent ones joined, with its matches (for bounds)."""

    info: TokenInfo
    matches: Matches
    names: frozenset[int] | None
    weak: frozenset[int]
    joined: bool
    times: int


class _Credited:
    """A prepared query's names that reach a query coverage, with their credit (the most
    query weight they can align) and their list-side bound once computed (NaN until then),
    as compact arrays."""

    __slots__ = ("bounds", "credits", "names", "query", "total")

    def __init__(
        self, query: PreparedQuery, names: array[int], credits: array[float], total: float
    ) -> None:
        self.query = query
        self.names = names
        self.credits = credits
        self.total = total
        self.bounds: array[float] | None = None


class Scored(NamedTuple):
    """An entry's best name and final score (internal; hits are built from these)."""

    score: float
    entry: int
    name: int
    name_score: NameScore
    adjustments: tuple[Adjustment, ...]


# A scored name, the prepared query that scored it, and the reading of the screened name that
# query was prepared from (None: the name as written; else as read, and how).
Read = tuple[PreparedQuery, Scored, Reading | None]


def rewritten(name: str) -> list[Reading]:
    """The name read otherwise than as written, which the screener screens beside it: with its
    letters written apart joined (``R O S N E F T``), with its digits read as the letters they
    look like (``R0SN3FT``); none for most names."""
    found = []
    for read, how in ((letters_joined, LETTERS_JOINED), (digits_as_letters, DIGITS_AS_LETTERS)):
        text = read(name)
        if text is not None:
            found.append((text, how))
    return found


def not_as_written(scored: Sequence[Scored]) -> list[Scored]:
    """Scores under a reading of :func:`rewritten`, which is not the name as written: at most
    ``NON_EXACT_CAP`` (``R O S N E F T`` is not exactly ROSNEFT)."""
    return [s._replace(score=min(s.score, NON_EXACT_CAP)) for s in scored]


# The kinds of entries whose names a Korean reading may hit.
_READ_KINDS = frozenset({EntryKind.INDIVIDUAL, EntryKind.ENTITY})

# A token's lookup: its matches, their best similarity, the names it matches other than by a
# listed initial ("strong"; None for a query initial), and those it matches only by a listed
# initial ("weak", at SIM_INITIAL at most).
Lookup = tuple[Matches, float, frozenset[int] | None, frozenset[int]]
_NO_NAMES: frozenset[int] = frozenset()
_INITIAL = How.INITIAL.value
_NO_MATCH: Lookup = ({}, 0.0, _NO_NAMES, _NO_NAMES)


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
        policy: the stale-list policy (maximum age; warn or refuse); ``None`` reads it from
            ``SCREENING_MAX_LIST_AGE_DAYS`` / ``SCREENING_FAIL_CLOSED`` (default: warn after
            7 days). Every result carries the policy's warnings; fail-closed, screening a stale
            list raises :class:`~screening.errors.StaleListError` instead of answering.

    Attributes:
        read_korean: also screen a name with Han characters read in Korean (``金正恩`` as
            ``김정은``; see README). On by default; a service that never sees Han-script names
            from Korea's neighbours may turn it off to save the second pass (a third of the
            time of a new Chinese or Japanese name: ``benchmarks/bench_korean.py``).

    Raises:
        ListNotFoundError: ``lists`` is ``None`` and the configured directory holds no list.
        ValueError: an empty list of watchlists.
    """

    read_korean: bool = True

    def __init__(
        self,
        lists: Watchlist | Iterable[Watchlist] | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = DEFAULT_LIMIT,
        policy: FreshnessPolicy | None = None,
    ) -> None:
        if lists is None:
            from screening.config import default_watchlists

            lists = default_watchlists()
        watchlists = _as_lists(lists)
        if not watchlists:
            raise ValueError("a Screener needs at least one watchlist")
        self.threshold = _check_threshold(threshold)
        self.limit = limit
        with paused_gc(promote=True):
            compiled = CompiledLists(watchlists)
            self._setup(compiled, CandidateIndex(compiled), policy)

    def _setup(
        self, compiled: CompiledLists, index: CandidateIndex, policy: FreshnessPolicy | None
    ) -> None:
        if policy is None:
            from screening.config import freshness_policy  # config imports the loaders

            policy = freshness_policy()
        self.policy = policy
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._fresh: tuple[int, tuple[str, ...] | StaleListError] | None = None
        self.compiled = compiled
        self.index = index
        self.identities: tuple[ListIdentity, ...] = compiled.identities
        self._warnings = tuple(
            f"screened against the bundled SAMPLE list ({identity.source}), "
            "not an official OFAC publication"
            for identity in compiled.identities
            if identity.sample
        )
        self._infos: dict[tuple[Token, bool], TokenInfo] = {}
        self._matches: dict[TokenInfo, Lookup] = {}
        self._initial_names: dict[tuple[int, ...], frozenset[int]] = {}
        self._weights: dict[TokenInfo, float] = {}
        self._covers: dict[TokenInfo, dict[int, tuple[float, float, float, float]]] = {}
        self._cover_entries = 0
        self._prepared: dict[tuple[str, EntryKind | None], PreparedQuery] = {}
        self._seen: set[int] = set()
        self._sightings = self._repeats = 0  # in the current window of _RECUR_WINDOW
        self._keep_first = False
        self._credits: dict[tuple[int, float], _Credited] = {}
        self._floors: dict[tuple[float, float], tuple[float, float]] = {}
        self._made_options: dict[
            tuple[float, int, EntryKind | None, str | None, str | None], ScreeningOptions
        ] = {}
        self._version = _version()
        self._only_names: frozenset[int] | None = None
        self._parsed_facts: dict[tuple[str | date | None, str | None], QueryFacts] = {}
        self._korean_names: frozenset[int] | None = None
        self._korean_found: dict[
            tuple[str, EntryKind | None], tuple[PreparedQuery | None, list[int]]
        ] = {}
        self._weak_names: dict[int, list[int]] = {}
        for name_no, (entry_no, weak) in enumerate(
            zip(compiled.name_entry, compiled.name_weak, strict=True)
        ):
            if weak:
                self._weak_names.setdefault(entry_no, []).append(name_no)

    # --- saved indexes -------------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Save the compiled lists and index to one file (atomically), for :meth:`load`."""
        write_index(Path(path), self.compiled, self.index)

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = DEFAULT_LIMIT,
        policy: FreshnessPolicy | None = None,
    ) -> Screener:
        """A screener from an index saved by :meth:`save`, without reading any list file.

        Raises:
            IndexFileError: the file is not a saved index, was written by another version of
                the library, or is truncated or corrupt.
        """
        with paused_gc(promote=True):
            compiled, index = read_index(Path(path))
        self = cls.__new__(cls)
        self.threshold = _check_threshold(threshold)
        self.limit = limit
        self._setup(compiled, index, policy)
        return self

    @classmethod
    def from_directory(
        cls,
        lists_dir: str | os.PathLike[str],
        *,
        index_path: str | os.PathLike[str] | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = DEFAULT_LIMIT,
        policy: FreshnessPolicy | None = None,
    ) -> Screener:
        """A screener over every list in a directory, reusing a saved index when it is fresh.

        The index (default ``<lists_dir>/lists.screening-index``) is used only if it was built
        by this library version from exactly the list files now in the directory (same names,
        sizes and sha256, no new list file); otherwise the lists are loaded, compiled and the
        index saved again (a directory that cannot be written is only logged).

        Raises:
            ListNotFoundError, ListFormatError: as :func:`screening.load_lists`.
        """
        directory = Path(lists_dir)
        target = Path(index_path) if index_path is not None else directory / INDEX_FILE
        if target.exists():
            try:
                header = read_header(target)
                check_version(target, header)
                stale = _stale_reason(directory, header)
                if stale is None:
                    return cls.load(target, threshold=threshold, limit=limit, policy=policy)
                log.info("%s: index not used: %s", target, stale)
            except IndexFileError as exc:
                log.warning("index not used: %s", exc)
        screener = cls(load_lists(directory), threshold=threshold, limit=limit, policy=policy)
        try:
            screener.save(target)
        except OSError as exc:
            log.warning("%s: could not save the index: %s", target, exc)
        return screener

    def freshness(self) -> tuple[str, ...]:
        """The stale-list policy's warnings for the lists in use (empty when all are fresh),
        checked at most once a minute.

        Raises:
            StaleListError: the policy is fail-closed and a list is stale, undated or the
                bundled sample.
        """
        minute = int(self.clock().timestamp() // 60)
        if self._fresh is None or self._fresh[0] != minute:
            try:
                outcome: tuple[str, ...] | StaleListError = check_freshness(
                    self.compiled.provenances,
                    max_age=self.policy.max_age,
                    fail_closed=self.policy.fail_closed,
                    now=self.clock(),
                )
            except StaleListError as exc:
                outcome = exc
            self._fresh = (minute, outcome)
        outcome = self._fresh[1]
        if isinstance(outcome, StaleListError):
            raise StaleListError(str(outcome))
        return outcome

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

    def _joined(self, pair: Token, whole: bool = False) -> tuple[TokenInfo, Lookup]:
        """Two query tokens joined, and their lookup; kept only if they match a list token:
        most pairs (``johnsmith``) match none and are new with every name, and would crowd
        the caches out. ``whole``: written joined by a hyphen, matched as a word written whole
        (:func:`~screening.matching.compiled.hyphenated_words`)."""
        key = (pair, not whole)
        info = self._infos.get(key)
        if info is not None:
            return info, self._lookup(info)
        info = token_info(pair, joined=not whole)
        if not self.index.may_match(info):
            return info, _NO_MATCH
        found = self._lookup(info, keep_empty=False)
        if found[0]:
            if len(self._infos) > _CACHE_LIMIT:
                self._infos.clear()
            self._infos[key] = info
        return info, found

    def _lookup(self, info: TokenInfo, keep_empty: bool = True) -> Lookup:
        """A token's matches, their best similarity, and the strong names holding them
        (``None`` for an initial, whose matches are computed on demand), apart from those
        that hold it only as an initial (``Sager`` and ``S. Ivanov``): those can credit it
        with SIM_INITIAL at most. Cached per screener: a common token is looked up once, not
        once per query (``keep_empty=False``: unless it matches nothing)."""
        found = self._matches.get(info)
        if found is None:
            matches = self.index.matches(info)
            weak = _NO_NAMES
            if isinstance(matches, dict):
                if not matches and not keep_empty:
                    return _NO_MATCH
                best = max((sim for sim, _ in matches.values()), default=0.0)
                initials = tuple(t for t, (_, how) in matches.items() if how == _INITIAL)
                strong = [t for t, (_, how) in matches.items() if how != _INITIAL]
                names: frozenset[int] | None = frozenset(self.index.names_with(strong))
                if initials:
                    weak = self._initial_names.get(initials, _NO_NAMES)
                    if not weak:
                        weak = frozenset(self.index.names_with(initials))
                        self._initial_names[initials] = weak  # at most one per letter
            else:
                best, names = 1.0, None  # an initial: assume it matches, at best
            if len(self._matches) > _CACHE_LIMIT:
                self._matches.clear()
            found = self._matches[info] = (matches, best, names, weak)
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
        caller that supplies its own, such as the reference scan). Kept per name and kind
        from its second sighting on: a name screened again (another row, a recurring payee)
        is then prepared once; and from its first sighting while names recur (at least half
        of the last 4,096 sightings were of names seen before: a customer file, a payment
        stream with its regular payees).

        Not always from the first: a prepared query is a dozen objects that the cyclic garbage
        collector traverses at every full collection, and those come more often the more
        long-lived objects are made; on a file of distinct customer names, most names would
        be kept for nothing. A name seen once leaves only its hash, an int, which the
        collector skips (``benchmarks/bench_phases.py`` reports the collections)."""
        if not lookup:
            return self._prepare(name, kind, lookup=False)
        self._sightings += 1
        if self._sightings >= _RECUR_WINDOW:
            self._keep_first = self._repeats >= _RECUR_SHARE * self._sightings
            self._sightings = self._repeats = 0
        key = (name, kind)
        query = self._prepared.get(key)
        if query is not None:
            self._repeats += 1
            return query
        sighting = hash(key)  # a collision only keeps a name early
        if sighting in self._seen:
            self._repeats += 1
        else:
            if len(self._seen) > _QUERY_LIMIT:
                self._seen.clear()
            self._seen.add(sighting)
            if not self._keep_first:
                return self._prepare(name, kind, lookup=True)
        if len(self._prepared) > _QUERY_LIMIT:
            self._prepared.clear()
        query = self._prepared[key] = self._prepare(name, kind, lookup=True)._replace(kept=True)
        return query

    def _prepare(self, name: str, kind: EntryKind | None, lookup: bool) -> PreparedQuery:
        tokens = tokenize(name, personal=True if kind == EntryKind.INDIVIDUAL else None)
        truncated = len(name) > MAX_NAME_CHARS or len(tokens) > MAX_QUERY_TOKENS
        tokens = tokens[:MAX_QUERY_TOKENS]
        infos = [self._info(t) for t in tokens]
        weights = tuple(self._weight(i) for i in infos)
        substantive = substantive_positions([t.kind for t in tokens])
        if not lookup:
            return PreparedQuery(tuple(tokens), weights, (), (), substantive, truncated)
        single = [self._lookup(i) for i in infos]
        joined_infos: list[TokenInfo | None] = []
        joined = []
        attached = attached_initials(name, tokens)
        whole = hyphenated_words(name, tokens)
        for i, (left, right) in enumerate(itertools.pairwise(tokens)):
            pair = joined_token(
                left, right, (infos[i].abjad, infos[i + 1].abjad), initials=i in attached
            )
            if pair is None:
                joined_infos.append(None)
                joined.append(_NO_MATCH)
            else:
                info, found = self._joined(pair, whole=i in whole)
                joined_infos.append(info)
                joined.append(found)
        best = [b for _, b, _, _ in single]
        for i, (_, sim, _, _) in enumerate(joined):
            sim *= JOINED_FACTOR
            best[i] = max(best[i], sim)
            best[i + 1] = max(best[i + 1], sim)
        return PreparedQuery(
            tokens=tuple(tokens),
            weights=weights,
            single=tuple(m for m, _, _, _ in single),
            joined=tuple(m for m, _, _, _ in joined),
            substantive=substantive,
            truncated=truncated,
            single_names=tuple(n for _, _, n, _ in single),
            joined_names=tuple(n for _, _, n, _ in joined),
            single_weak=tuple(w for _, _, _, w in single),
            best_sims=tuple(best),
            single_infos=tuple(infos),
            joined_infos=tuple(joined_infos),
            rewrites=tuple(rewritten(name)) if tokens else (),
        )

    # --- candidates and scores -------------------------------------------------------------

    def _cover(
        self, info: TokenInfo, matches: Matches, name: int, joined_query: bool
    ) -> tuple[float, float, float, float]:
        """The most list-side weight, and identifying weight, that one query unit (a token,
        or two joined) can align in ``name`` in one alignment, and in all the alignments it
        could take part in (if it is repeated in the query). Cached per unit and name, so a
        common token's work is shared by every query that has it."""
        covers = self._covers.get(info)
        if covers is None:
            if self._cover_entries > _COVER_LIMIT:
                self._covers.clear()
                self._cover_entries = 0
            covers = self._covers[info] = {}
        found = covers.get(name)
        if found is not None:
            return found
        c = self.compiled
        weights, base = c.name_weights[name], c.name_base_weights[name]
        best_weight = best_info = 0.0
        # Per list token, the most any alignment of this unit can take from it.
        token_weight = [0.0] * len(weights)
        token_info = [0.0] * len(weights)
        factor = JOINED_FACTOR if joined_query else 1.0
        for j, token in enumerate(c.name_tokens[name]):
            hit = matches.get(token)
            if hit is not None:
                sim = hit[0] * factor
                best_weight = max(best_weight, weights[j] * sim)
                best_info = max(best_info, max(0.0, base[j] - COMMON_WEIGHT) * sim)
                token_weight[j] = max(token_weight[j], weights[j] * sim)
                token_info[j] = max(token_info[j], max(0.0, base[j] - COMMON_WEIGHT) * sim)
        # List pairs joined: matched by one query token (Quanguo, QUAN GUO) or by a query pair
        # joined that was split elsewhere (Hoj In, HO-JIN).
        for j, token in enumerate(c.name_joined[name]):
            if token >= 0 and (hit := matches.get(token)) is not None:
                sim = hit[0] * JOINED_FACTOR
                best_weight = max(best_weight, (weights[j] + weights[j + 1]) * sim)
                identifying = max(0.0, base[j] - COMMON_WEIGHT)
                identifying += max(0.0, base[j + 1] - COMMON_WEIGHT)
                best_info = max(best_info, identifying * sim)
                for k in (j, j + 1):
                    token_weight[k] = max(token_weight[k], weights[k] * sim)
                    info_k = max(0.0, base[k] - COMMON_WEIGHT) * sim
                    token_info[k] = max(token_info[k], info_k)
        found = covers[name] = (best_weight, best_info, sum(token_weight), sum(token_info))
        self._cover_entries += 1
        return found

    @staticmethod
    def _units(query: PreparedQuery) -> list[_Unit]:
        """The query's units (tokens, and adjacent pairs joined), a repeated one counted once
        with its multiplicity: ``Mohammed Mohammed ...`` costs one unit, not fifty."""
        units: dict[tuple[TokenInfo, bool], _Unit] = {}
        for i, names in enumerate(query.single_names):
            key = (query.single_infos[i], False)
            found = units.get(key)
            units[key] = (
                _Unit(query.single_infos[i], query.single[i], names, query.single_weak[i], False, 1)
                if found is None
                else found._replace(times=found.times + 1)
            )
        for i, names in enumerate(query.joined_names):
            joined_info = query.joined_infos[i]
            if names and joined_info is not None:
                key = (joined_info, True)
                found = units.get(key)
                units[key] = (
                    _Unit(joined_info, query.joined[i], names, _NO_NAMES, True, 1)
                    if found is None
                    else found._replace(times=found.times + 1)
                )
        return list(units.values())

    def _name_bound(self, units: Sequence[_Unit], name: int, s_q: float) -> float:
        """An upper bound of the name score of ``name`` (see scoring), given the query-side
        bound ``s_q``: each query unit is credited with its best alignment in the name, as if
        alignments did not compete for tokens."""
        c = self.compiled
        total = c.name_total[name]
        covered = info = 0.0
        for unit in units:
            if unit.names is None:  # an initial: it may align with any single token, exactly
                weights, base = c.name_weights[name], c.name_base_weights[name]
                covered += max(weights) * unit.times
                info += max(0.0, max(base) - COMMON_WEIGHT) * unit.times
            elif name in unit.names or name in unit.weak:
                w, b, all_w, all_b = self._cover(unit.info, unit.matches, name, unit.joined)
                # A unit repeated k times aligns k distinct tokens at most.
                covered += min(w * unit.times, all_w)
                info += min(b * unit.times, all_b)
        s_c = min(1.0, covered / total) if total else 0.0
        return coverage_score(min(1.0, s_q), s_c, info)

    def candidates(
        self,
        query: PreparedQuery,
        required: float,
        floor: float = 0.0,
        *,
        facts: QueryFacts | None = None,
        threshold: float | None = None,
    ) -> list[int]:
        """Strong names that can reach query coverage ``required`` (0.0–1.0) and a name score
        of ``floor``, in id order. With the query's ``facts`` and the ``threshold``, a name is
        held to what its own entry's facts allow: ``required`` and ``floor`` are then the
        loosest, for the largest bonus ``facts`` can give, and a name whose entry cannot
        confirm them (no birth year range holding the query's, no such country) must reach
        the threshold with the bonus it can get.

        Prefix filtering (see :mod:`screening.matching.index`): a name must match one of the
        heaviest substantive query tokens, so only their postings are read. Each such name is
        then credited with the weight of every query token that matches any of its tokens (at
        that token's best similarity); a name whose credit stays below ``required`` cannot
        reach it and is dropped. The rest are bounded from the list side too
        (:meth:`_name_bound`); only names whose bound reaches ``floor`` are scored. A screener
        whose ``_only_names`` is set (a :class:`~screening.lifecycle.delta.DeltaScreener`)
        keeps those names only.
        """
        # Credits are kept for the loosest coverage any facts allow at this threshold, so that
        # one entry serves a name screened with or without facts.
        loosest = required if threshold is None else required_coverage(threshold, MAX_BONUS)
        found = self._credited(query, min(required, loosest))
        if not found.names:
            return []
        held = self._entry_floors(facts, threshold)
        name_entry = self.compiled.name_entry
        total = found.total
        need = required * total - 1e-9
        kept = []
        units: list[_Unit] | None = None
        only = self._only_names
        for i, name in enumerate(found.names):
            got = found.credits[i]
            if got < need or (only is not None and name not in only):
                continue
            name_floor = floor
            if held is not None:
                name_need, name_floor = held(name_entry[name])
                if got < name_need * total - 1e-9:
                    continue
            if name_floor > 0.0:
                bounds = found.bounds
                if bounds is None:
                    bounds = found.bounds = array("d", [math.nan]) * len(found.names)
                bound = bounds[i]
                if bound != bound:  # NaN: not computed yet
                    if units is None:
                        units = self._units(query)
                    bound = bounds[i] = self._name_bound(units, name, got / total)
                if bound < name_floor:
                    continue
            kept.append(name)
        kept.sort()
        return kept

    def _credited(self, query: PreparedQuery, required: float) -> _Credited:
        """The names whose credit reaches ``required``, kept per prepared query (a name
        screened again, with other facts, reuses them and their bounds), if the query is."""
        key = (id(query), required)
        found = self._credits.get(key)
        if found is not None and found.query is query:
            return found
        if len(self._credits) > _QUERY_LIMIT:
            self._credits.clear()
        credits_of = self._credits if query.kept else {}
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
        best = query.best_sims
        n = len(weights)
        # Which query tokens each candidate name can match, as bit masks: bit i for token i;
        # a joined pair matches both its tokens; bit n + i for token i matched only by a
        # listed initial. Initials in the query (no name set) are assumed to match. Tokens
        # that share a name set (a repeated token) share one source.
        by_set: dict[int, tuple[int, frozenset[int]]] = {}
        always = 0
        for i, names in enumerate(query.single_names):
            if names is None:
                always |= 1 << i
            elif names:
                bits, _ = by_set.get(id(names), (0, names))
                by_set[id(names)] = (bits | 1 << i, names)
        for i, names in enumerate(query.single_weak):
            if names:
                bits, _ = by_set.get(id(names), (0, names))
                by_set[id(names)] = (bits | 1 << (n + i), names)
        for i, names in enumerate(query.joined_names):
            if names:
                bits, _ = by_set.get(id(names), (0, names))
                by_set[id(names)] = (bits | 3 << i, names)
        sources = list(by_set.values())
        in_prefix = sum(1 << i | 1 << (n + i) for i in prefix)
        pool: set[int] = set()
        for bits, names in sources:
            if bits & in_prefix:
                pool.update(names)
        if not pool:
            found = credits_of[key] = _Credited(query, array("i"), array("d"), total)
            return found

        def credit(mask: int) -> float:
            mask |= always
            return sum(
                weights[i] * (best[i] if mask >> i & 1 else min(best[i], SIM_INITIAL))
                for i in range(n)
                if mask >> i & 1 or mask >> (n + i) & 1
            )

        masks: dict[int, int] = {}
        outside = ~in_prefix
        for bits, names in sources:
            if bits & outside:  # covers a token outside the prefix (a joined pair may too)
                for name in pool.intersection(names):
                    masks[name] = masks.get(name, 0) | bits
        # Names that match no token outside the prefix can at best collect the prefix's
        # credit; when that falls short, none of them needs to be looked at one by one.
        if credit(in_prefix) >= need:
            for name in pool:
                if name not in masks:
                    masks[name] = 0
        for bits, names in sources:
            if not bits & outside:
                if len(masks) <= len(names):
                    for name in masks:
                        if name in names:
                            masks[name] |= bits
                else:
                    for name in names:
                        if name in masks:
                            masks[name] |= bits
        cache: dict[int, float] = {}
        credited, credits = array("i"), array("d")
        for name, mask in masks.items():
            got = cache.get(mask)
            if got is None:
                got = cache[mask] = credit(mask)
            if got >= need:
                credited.append(name)
                credits.append(got)
        found = credits_of[key] = _Credited(query, credited, credits, total)
        return found

    def _entry_floors(
        self, facts: QueryFacts | None, threshold: float | None
    ) -> Callable[[int], tuple[float, float]] | None:
        """Per entry, the query coverage and name score it needs given what its facts can add
        (``None``: the facts add nothing to tell entries apart)."""
        if facts is None or threshold is None or facts.max_bonus <= 0.0:
            return None
        bonus = self._entry_bonus(facts)
        needs = self._needs

        def held(entry_no: int) -> tuple[float, float]:
            return needs(threshold, bonus(entry_no))

        return held

    def _entry_bonus(self, facts: QueryFacts) -> Callable[[int], float]:
        """The most :func:`~screening.matching.corroboration.adjustments` can add for an
        entry: a bonus needs the query's birth year inside one of the entry's listed ranges,
        or the query's country among the entry's countries."""
        born = based = _NO_ENTRIES
        if facts.dob is not None:
            born = self.compiled.entries_by_birth_year().get(facts.dob.year, _NO_ENTRIES)
        if facts.country is not None:
            based = self.compiled.entries_by_country().get(facts.country, _NO_ENTRIES)

        def bonus(entry_no: int) -> float:
            dob = DOB_EXACT if entry_no in born else 0.0
            return dob + (COUNTRY_MATCH if entry_no in based else 0.0)

        return bonus

    def _facts(self, dob: str | date | None, country: str | None) -> QueryFacts:
        """The parsed date of birth and country, kept per value (a batch repeats them)."""
        key = (dob, country)
        try:
            facts = self._parsed_facts.get(key)
        except TypeError:  # an unhashable value: let the parser say what is wrong with it
            return query_facts(dob, country)
        if facts is None:
            facts = query_facts(dob, country)  # raises InputError, which is not kept
            if len(self._parsed_facts) > _CACHE_LIMIT:
                self._parsed_facts.clear()
            self._parsed_facts[key] = facts
        return facts

    def _options(
        self,
        threshold: float,
        limit: int,
        kind: EntryKind | None,
        dob: str | None,
        country: str | None,
    ) -> ScreeningOptions:
        """The options of a result, kept per value (immutable, and a batch repeats them)."""
        key = (threshold, limit, kind, dob, country)
        options = self._made_options.get(key)
        if options is None:
            if len(self._made_options) > _CACHE_LIMIT:
                self._made_options.clear()
            options = self._made_options[key] = ScreeningOptions(
                threshold=threshold, limit=limit, kind=kind, dob=dob, country=country
            )
        return options

    def _needs(self, threshold: float, bonus: float) -> tuple[float, float]:
        """The query coverage and name score needed to reach ``threshold`` with ``bonus``."""
        key = (threshold, bonus)
        found = self._floors.get(key)
        if found is None:
            if len(self._floors) > _CACHE_LIMIT:
                self._floors.clear()
            found = required_coverage(threshold, bonus), threshold - bonus - _ROUNDING_MARGIN
            self._floors[key] = found
        return found

    def evaluate(
        self,
        query: PreparedQuery,
        names: Iterable[int],
        *,
        kind: EntryKind | None,
        facts: QueryFacts,
        threshold: float,
    ) -> list[Scored]:
        """Score these compiled names; the best name of each entry at or above ``threshold``,
        best first (ties by list order, then uid)."""
        c = self.compiled
        best: dict[int, Scored] = {}
        total_q = query.total
        single, joined, weights = query.single, query.joined, query.weights
        bonus = self._entry_bonus(facts) if (facts.dob or facts.country) else None
        for name in names:
            entry_no = c.name_entry[name]
            if kind is not None and c.entry_kind[entry_no] != kind:
                continue
            tokens = c.name_tokens[name]
            c_joined = c.name_joined[name]
            c_weights = c.name_weights[name]
            c_base = c.name_base_weights[name]
            c_total = c.name_total[name]
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
                c.name_unit[name],
            )
            if ns.score <= 0.0:
                continue
            adj: tuple[Adjustment, ...] = ()
            if bonus is not None:
                if ns.score + bonus(entry_no) < threshold - _ROUNDING_MARGIN:
                    continue  # below the threshold whatever the facts say
                adj = adjustments(c.entries[entry_no], facts)
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
            key=lambda s: (-s.score, c.entry_list[s.entry], c.entry_uid[s.entry]),
        )

    def _hit(self, read: Read, threshold: float) -> Hit:
        query, s, reading = read
        c = self.compiled
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
                c.name_unit[name],
            )
            if ns.score >= threshold:
                weak.append(entry.names[c.name_index[name]].full)
        matched = entry.names[c.name_index[s.name]]
        list_no = c.entry_list[s.entry]
        return Hit(
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
                c.provenances[list_no].source,
                reading,
            ),
            list=self.identities[list_no],
        )

    # --- Han characters read in Korean -----------------------------------------------------

    def korean_read_holds(self, query: PreparedQuery, scored: Scored) -> bool:
        """Whether a name hit by the query read in Korean (:func:`korean_reading`) stands.

        Read in Korean, many Han characters share one syllable (英 永 榮 影 are all 영), so a
        Chinese name read so often sounds like a Korean one. The reading is held to what a
        Korean name written in Han characters gives: every token on both sides aligned, in
        order, none by a typo or as an initial; and the entry is a person or an organisation
        linked to Korea (a Korean nationality, citizenship, birthplace or address, or a North
        Korea program). Not a vessel or an aircraft: their names are Korean words written in
        Latin letters (CHONG BONG, RYO MYONG), which Chinese personal names read in Korean
        would match (程峰, 廖明)."""
        ns = scored.name_score
        if not ns.in_order or scored.name not in self.korean_names():
            return False
        aligned_q: set[int] = set()
        aligned_c: set[int] = set()
        for a in ns.alignments:
            if a.how in (How.TYPO, How.INITIAL):
                return False
            aligned_q.update(a.q)
            aligned_c.update(a.c)
        if len(aligned_q) < len(query.tokens):
            return False
        return len(aligned_c) == len(self.compiled.name_tokens[scored.name])

    def _korean_pass(
        self, reading: str, kind: EntryKind | None, keep: bool
    ) -> tuple[PreparedQuery | None, list[int]]:
        """The query read in Korean and its candidates (:meth:`_korean_candidates`); kept for
        a name kept by the screener's memo (``keep``: seen before, see :meth:`prepare`)."""
        key = (reading, kind)
        found = self._korean_found.get(key)
        if found is None:
            alt = self._korean_query(reading, kind)
            found = (alt, [] if alt is None else self._korean_candidates(alt))
            if keep:
                if len(self._korean_found) > _QUERY_LIMIT:
                    self._korean_found.clear()
                self._korean_found[key] = found
        return found

    def _korean_query(self, reading: str, kind: EntryKind | None) -> PreparedQuery | None:
        """The query read in Korean, prepared, unless one of its tokens matches no name it
        may hit (:meth:`korean_names`), alone or joined to a neighbour: that is found from
        the tokens' own lookups, before the pairs of a prepared query are joined and looked up.
        Most Chinese names read in Korean fall short so (ad hoc: two in three of the Han names
        among bench_screen.py's customer names)."""
        personal = True if kind == EntryKind.INDIVIDUAL else None
        tokens = tokenize(reading, personal=personal)[:MAX_QUERY_TOKENS]
        among = self.korean_names()
        infos = [self._info(t) for t in tokens]
        for i, info in enumerate(infos):
            names = self._lookup(info)[2]
            if names is None:
                return None  # an initial: never held
            if not among.isdisjoint(names):
                continue
            for j in (i - 1, i):  # the pairs this token is in
                if 0 <= j < len(tokens) - 1:
                    pair = joined_token(
                        tokens[j], tokens[j + 1], (infos[j].abjad, infos[j + 1].abjad)
                    )
                    paired = None if pair is None else self._joined(pair)[1][2]
                    if paired and not among.isdisjoint(paired):
                        break
            else:
                return None
        return self.prepare(reading, kind)

    def _korean_candidates(self, query: PreparedQuery) -> list[int]:
        """The names a query read in Korean may hit (:meth:`korean_read_holds`): of people
        and organisations linked to Korea, holding a match of every query token (alone, or
        joined to a neighbour), in id order. No coverage bound is needed: a name short of
        one token is out."""
        found: set[int] | frozenset[int] = self.korean_names()
        if self._only_names is not None:
            found = found & self._only_names
        covers = []
        joined = query.joined_names
        for i, names in enumerate(query.single_names):
            if names is None:
                return []  # an initial: never held
            left = joined[i - 1] if i > 0 else None
            right = joined[i] if i < len(joined) else None
            if left or right:
                names = names.union(left or (), right or ())
            if not names:
                return []
            covers.append(names)
        for names in sorted(covers, key=len):
            found = found & names
            if not found:
                return []
        return sorted(found)

    def korean_names(self) -> frozenset[int]:
        """The strong names a query read in Korean may hit: those of people and organisations
        linked to Korea."""
        if self._korean_names is None:
            c = self.compiled
            self._korean_names = frozenset(
                name
                for name in c.strong_names()
                if c.entry_korean[c.name_entry[name]]
                and c.entry_kind[c.name_entry[name]] in _READ_KINDS
            )
        return self._korean_names

    def merge_readings(
        self, readings: Sequence[tuple[PreparedQuery, Sequence[Scored], Reading | None]]
    ) -> list[Read]:
        """The best reading of each entry hit under any of the query's readings (as written,
        then in Korean, then :func:`rewritten`), best first (ties by list order, then
        uid; then the earlier reading)."""
        if len(readings) == 1:
            query, scored, reading = readings[0]
            return [(query, s, reading) for s in scored]
        best: dict[int, Read] = {}
        for query, scored, reading in readings:
            for s in scored:
                current = best.get(s.entry)
                if current is None or s.score > current[1].score:
                    best[s.entry] = (query, s, reading)
        c = self.compiled
        return sorted(
            best.values(),
            key=lambda r: (-r[1].score, c.entry_list[r[1].entry], c.entry_uid[r[1].entry]),
        )

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
            StaleListError: the stale-list policy is fail-closed and a list is stale.
        """
        if not isinstance(name, str):
            raise InputError(f"name must be a str, got {type(name).__name__}")
        t = self.threshold if threshold is None else _check_threshold(threshold)
        n = self.limit if limit is None else limit
        if not isinstance(n, int) or n < 1:
            raise InputError(f"limit must be a positive integer, got {n!r}")
        k = _check_kind(kind)
        facts = self._facts(dob, country)
        query = self.prepare(name, k)
        required, floor = self._needs(t, facts.max_bonus)
        names = self.candidates(query, required, floor, facts=facts, threshold=t)
        readings: list[tuple[PreparedQuery, Sequence[Scored], Reading | None]] = [
            (query, self.evaluate(query, names, kind=k, facts=facts, threshold=t), None)
        ]
        korean = korean_reading(name) if self.read_korean and query.tokens else None
        if korean is not None:
            alt, names = self._korean_pass(korean, k, query.kept)
            if alt is not None and names:
                scored = self.evaluate(alt, names, kind=k, facts=facts, threshold=t)
                held = [s for s in scored if self.korean_read_holds(alt, s)]
                if held:
                    readings.append((alt, held, (korean, IN_KOREAN)))
        for text, how in query.rewrites:
            alt = self.prepare(text, k)
            names = self.candidates(alt, required, floor, facts=facts, threshold=t)
            scored = self.evaluate(alt, names, kind=k, facts=facts, threshold=t)
            if scored:
                readings.append((alt, not_as_written(scored), (text, how)))
        warnings = self._warnings + self.freshness()
        if query.truncated:
            warnings = (*warnings, f"query cut to {MAX_NAME_CHARS} characters / tokens")
        return ScreeningResult(
            query=name,
            options=self._options(t, n, k, None if dob is None else str(dob), facts.country),
            hits=tuple(self._hit(read, t) for read in self.merge_readings(readings)[:n]),
            lists=self.identities,
            library_version=self._version,
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
        """Screen many names with the same options, in order.

        Work is shared across names: a name repeated in the batch is screened once (results
        are immutable), and every token is looked up once per screener, not once per name.

        The cyclic garbage collector is paused during the call, as during a build: screening
        makes no reference cycles, but the results it keeps would otherwise bring on full
        collections, each of which traverses every object of the lists and the index
        (``benchmarks/bench_phases.py`` times one). The objects made are collected as usual
        once the call returns.
        """
        done: dict[str, ScreeningResult] = {}
        results = []
        with paused_gc():
            for name in names:
                result = done.get(name) if isinstance(name, str) else None
                if result is None:
                    result = self.screen(name, kind=kind, threshold=threshold, limit=limit)
                    done[name] = result
                results.append(result)
        return results

    def warm_up(self) -> None:
        """Load every table the first query of each script would load (romanisation tables,
        name frequencies, countries), so that the first real query is not the slow one."""
        for query in ("Warm Up LLC", "陈全国", "Владимир Путин", "محمد علي", "김정은", "プーチン"):
            self.screen(query, dob="1960", country="RU")


def _stale_reason(directory: Path, header: IndexHeader) -> str | None:
    """Why a saved index does not describe the list files in ``directory`` (``None``: it does)."""
    known: set[str] = set()
    for files in header.files:
        for expected in files:
            known.add(expected.name)
            path = directory / expected.name
            if not path.is_file():
                return f"{expected.name} is gone"
            if path.stat().st_size != expected.size or digest(path).sha256 != expected.sha256:
                return f"{expected.name} has changed"
    for child in sorted(directory.iterdir()):
        if child.is_file() and child.name not in known and sniff_format(child) is not None:
            return f"{child.name} is a list file the index does not cover"
    return None


def _version() -> str:
    from screening import __version__

    return __version__


def required_coverage(threshold: float, max_bonus: float) -> float:
    """Query coverage a name needs to reach ``threshold`` with at most ``max_bonus``."""
    return max(0.0, threshold - max_bonus - _ROUNDING_MARGIN) ** 2
