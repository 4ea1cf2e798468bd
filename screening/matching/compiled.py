"""Watchlists compiled for matching: every list name tokenised, keyed and weighted once.

Everything the matcher needs per list name is computed here, at build time, into plain tuples
and lists: the token ids of each name (into a shared vocabulary of distinct tokens, each with its
keys), the weight of each token, and the ids of adjacent tokens joined (``quan`` + ``guo`` →
``quanguo``). No pydantic object and no string normalisation is left for query time.

Token weights measure how much a token says about identity: ``1 + ln((N + 1) / (df + 1))`` where
``N`` is the number of entries screened (at least 10,000, so that a small list — the bundled
sample, a test list — weighs tokens as a real list does) and ``df`` the number of entries whose
names contain the token, counted by its variant class or spelling key (so ``Mohammed`` and
``Muhammad`` are one common name), and capped by how common the token is as an ordinary name
(:mod:`screening.matching.commonness`). Particles, legal forms and generic words are scaled down;
on the list side middle names and patronymics count less, because they are often left out.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, SupportsIndex, overload

from screening.matching.commonness import commonness_weight
from screening.matching.corroboration import entry_facts
from screening.matching.similarity import (
    ABJAD_SCRIPTS,
    MIN_JOINED_ABJAD_LEN,
    TokenInfo,
    consonant_skeleton,
    token_info,
)
from screening.models import (
    Entry,
    EntryKind,
    ListIdentity,
    ListProvenance,
    NameStrength,
    Watchlist,
)
from screening.text.keys import (
    ARABIC_ARTICLE,
    abjad_key,
    is_chinese_syllable,
    pinyin_readings,
    pinyin_syllables,
)
from screening.text.tokens import DASHED, Role, Token, TokenKind, tokenize
from screening.text.unicode import clean

__all__ = [
    "CompiledLists",
    "EntryTable",
    "Vocabulary",
    "attached_initials",
    "given_name_unit",
    "hyphenated_words",
    "joined_token",
    "weight_key",
]

# Kind and role factors; the values were tuned on benchmarks/eval (see benchmarks/README.md).
KIND_FACTOR = {
    TokenKind.HONORIFIC: 0.0,
    TokenKind.WORD: 1.0,
    TokenKind.NUMBER: 1.0,
    TokenKind.INITIAL: 0.0,  # initials weigh a fixed INITIAL_WEIGHT
    TokenKind.PARTICLE: 0.08,
    TokenKind.LEGAL_FORM: 0.08,
    TokenKind.GENERIC: 0.35,
}
INITIAL_WEIGHT = 1.0
ROLE_FACTOR = {Role.MIDDLE: 0.6, Role.PATRONYMIC: 0.5}
MIN_REFERENCE_ENTRIES = 10_000
# Kinds that can be written joined to a neighbour: "SUNGROUP", "PROPERTIESLLC", "STAR1".
JOINABLE = frozenset(
    {TokenKind.WORD, TokenKind.PARTICLE, TokenKind.GENERIC, TokenKind.LEGAL_FORM, TokenKind.NUMBER}
)


def _dashed(name: str) -> str:
    """``name`` cleaned as the tokeniser cleans it, with every dash written ``-``."""
    return DASHED.sub("-", clean(name))


def attached_initials(name: str, tokens: Sequence[Token]) -> frozenset[int]:
    """Positions ``i`` where tokens ``i`` and ``i + 1`` are an initial and a word that ``name``
    writes joined by a hyphen (``Rosnef-t``, ``R-osneft``), or a word and the initial after
    it joined by a dot (``Rosnef.t``), which :func:`joined_token` joins back. Not an initial
    and the word after it joined by a dot: ``A.Lara`` is how initials are written."""
    found: set[int] = set()
    cleaned: str | None = None
    for i, (left, right) in enumerate(itertools.pairwise(tokens)):
        if _initial_and_word(left.kind, right.kind):
            if cleaned is None:
                cleaned = _dashed(name)
            if f"{left.orig}-{right.orig}" in cleaned or (
                right.kind == TokenKind.INITIAL and f"{left.orig}.{right.orig}" in cleaned
            ):
                found.add(i)
    return frozenset(found)


def hyphenated_words(name: str, tokens: Sequence[Token]) -> frozenset[int]:
    """Positions ``i`` where tokens ``i`` and ``i + 1``, neither an initial nor a number, are
    written joined by a hyphen in ``name`` (``Moo-reno``, ``Smith-Jones``): one word split in
    two, or two written as one. Joined back, such a pair is matched as a word written whole,
    with its typo tolerance (``Moo-reno`` is ``MORENO`` with a letter doubled); two tokens
    written apart are joined without it (:func:`joined_token`). Not two Pinyin syllables
    (``Wen-Fu``, ``Quan-guo``), a Chinese given name, which a letter changed makes another
    (``Wenhu``), as the similarity holds for syllables written apart."""
    if DASHED.search(name) is None:
        return frozenset()
    cleaned = _dashed(name)
    syllables = pinyin_syllables()
    return frozenset(
        i
        for i, (left, right) in enumerate(itertools.pairwise(tokens))
        if left.kind in _WHOLE
        and right.kind in _WHOLE
        and not (left.pinyin or right.pinyin)
        and not (left.text in syllables and right.text in syllables)
        and f"{left.orig}-{right.orig}" in cleaned
    )


# Kinds of the tokens of a hyphenated pair read as a word written whole.
_WHOLE = frozenset({TokenKind.WORD, TokenKind.PARTICLE, TokenKind.GENERIC, TokenKind.LEGAL_FORM})


def _initial_and_word(left: TokenKind, right: TokenKind) -> bool:
    """Whether one of two adjacent tokens is an initial and the other a word (or a particle,
    generic word or legal form, but not a number)."""
    if left == TokenKind.INITIAL:
        left, right = right, left
    elif right != TokenKind.INITIAL:
        return False
    return left in JOINABLE and left != TokenKind.NUMBER


def joined_token(
    left: Token,
    right: Token,
    skeletons: tuple[str, str] | None = None,
    *,
    initials: bool = False,
) -> Token | None:
    """The two adjacent tokens written as one (``Quan`` ``guo`` → ``quanguo``), or ``None``
    when either is not a word.

    ``initials``: a word and an initial next to it are joined too, when the query wrote them
    joined (:func:`attached_initials`): a letter split off a word by a hyphen or a dot is read
    as an initial (``Rosnef-t``, ``R-osneft``, ``Rosnef.t``, ``Sberban-k``), and joined back
    it is the word. Not an initial written apart (``A. Lara`` is not ALARA), nor two initials.

    Its consonant skeleton is the two skeletons put together, and none if either has none:
    read whole, ``Mohammed Azizi`` (``mhmd`` + ``d``, ``z`` being a ``d``) would squeeze to
    ``mhmd`` and match every Mohammed, and ``أفغاني PLC`` would be the skeleton of its Arabic
    word alone. Two letters (``Ri Je``: ``rj``) are none either: two one-consonant tokens.
    ``skeletons``: the two tokens' own, when the caller has them (their infos' ``abjad``)."""
    if (left.kind not in JOINABLE or right.kind not in JOINABLE) and not (
        initials and _initial_and_word(left.kind, right.kind)
    ):
        return None
    if left.kind == TokenKind.PARTICLE and right.kind == TokenKind.PARTICLE:
        return None
    pinyin = None
    if left.pinyin or right.pinyin:
        pinyin = "|".join(
            a + b
            for a in pinyin_readings(left.text, left.pinyin)
            for b in pinyin_readings(right.text, right.pinyin)
        )
    if skeletons is None:
        first, second = consonant_skeleton(left), consonant_skeleton(right)
    else:
        first, second = skeletons
    skeleton = (
        first + second if first and second and len(first + second) >= MIN_JOINED_ABJAD_LEN else ""
    )
    if left.orig == ARABIC_ARTICLE and second and right.script in ABJAD_SCRIPTS:
        # The article split off its word (it is never written apart): the word's own
        # skeleton, in which a ya or waw after the article is the vowel it is inside a word.
        # Not every word that opens with alef-lam has the article: الیاس is Elyas, الوند Alvand.
        skeleton = abjad_key(left.orig + right.orig, arabic=True)
    return Token(
        left.text + right.text,
        left.orig + right.orig,
        left.script,
        TokenKind.WORD,
        Role.UNKNOWN,
        pinyin,
        skeleton,
    )


def weight_key(info: TokenInfo) -> str:
    """The key under which a token's frequency is counted: its variant class, else its
    spelling key, else its text."""
    if info.variants:
        return f"v{info.variants[0]}"
    return info.spelling or info.text


# What links an entry to Korea: a country code among its facts, or a North Korea program.
KOREA = frozenset({"KP", "KR"})
KOREA_PROGRAMS = ("DPRK", "NKSPEA")


def korea_linked(entry: Entry, countries: Iterable[str]) -> bool:
    """Whether an entry is linked to Korea: a Korean nationality, citizenship, birthplace or
    address (``countries``, its codes), or a North Korea program. Only such entries can be hit
    by a query read in Korean (:meth:`~screening.matching.screener.Screener.korean_read_holds`)."""
    return not KOREA.isdisjoint(countries) or any(
        p.startswith(KOREA_PROGRAMS) for p in entry.programs
    )


# A Latin word of one syllable: one run of vowels (w and y glide into it: hwi, myong).
_ONE_SYLLABLE = re.compile(r"[^aeiouwy]*[wy]?[aeiou]+[^aeiouwy]*")


def given_name_unit(tokens: Sequence[Token], *, korean: bool = False) -> int:
    """Where a Chinese or Korean given name written as two syllables starts in a person's
    list name (``CHANG, Ping Yun``, ``LI, Kai-shou``, ``KIM, Yong Chol``: 1), or -1. The two
    syllables are one given name, not a given and a middle name that a query may leave out:
    ``Chang Ping`` and ``Kim Yong`` are other names. After a surname and a comma, two
    syllables of Pinyin or Wade–Giles; or, for an entry linked to Korea (``korean``), two
    words of one syllable each (one run of vowels: ``Chol``, ``Myong``, ``Hwi``)."""
    roles = [t.role for t in tokens]
    if roles.count(Role.GIVEN) != 1 or roles.count(Role.MIDDLE) != 1:
        return -1
    start = roles.index(Role.GIVEN)
    if start + 1 == len(tokens) or roles[start + 1] != Role.MIDDLE:
        return -1
    pair = tokens[start : start + 2]
    if all(
        t.kind == TokenKind.WORD
        and (is_chinese_syllable(t.text) or (korean and _ONE_SYLLABLE.fullmatch(t.text)))
        for t in pair
    ):
        return start
    return -1


class Vocabulary:
    """Distinct tokens with their keys; ids are positions in :attr:`infos`."""

    __slots__ = ("ids", "infos", "joined")

    def __init__(self) -> None:
        self.infos: list[TokenInfo] = []
        self.ids: dict[tuple[str, str, str, TokenKind, str | None], int] = {}
        self.joined: list[bool] = []

    def add(self, token: Token, *, joined: bool = False) -> int:
        """Id of ``token`` (roles ignored), adding it if new."""
        key = (token.text, token.orig, token.script, token.kind, token.pinyin)
        found = self.ids.get(key)
        if found is not None:
            if not joined and self.joined[found]:
                # Also written as one word: the token as written, with its own skeleton.
                self.joined[found] = False
                self.infos[found] = token_info(token._replace(role=Role.UNKNOWN))
            return found
        self.ids[key] = len(self.infos)
        self.infos.append(token_info(token._replace(role=Role.UNKNOWN), joined=joined))
        self.joined.append(joined)
        return len(self.infos) - 1


class EntryTable(Sequence[Entry]):
    """Every entry of the compiled lists, by number.

    Built from watchlists it holds their :class:`~screening.models.Entry` objects; restored from
    a saved index it holds each entry's JSON and validates an entry only when it is asked for
    (a hit, or a candidate whose date of birth must be compared), so that a service starts fast.
    """

    __slots__ = ("_blob", "_entries", "_offsets")

    def __init__(
        self,
        entries: list[Entry] | None = None,
        blob: bytes | None = None,
        offsets: Sequence[int] | None = None,
    ) -> None:
        self._entries: list[Entry | None] = list(entries) if entries is not None else []
        self._blob = blob
        self._offsets = offsets
        if blob is not None and offsets is not None and entries is None:
            self._entries = [None] * (len(offsets) - 1)

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | Sequence[Entry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        entry = self._entries[index]
        if entry is None:
            assert self._blob is not None and self._offsets is not None
            start, end = self._offsets[index], self._offsets[index + 1]
            entry = Entry.model_validate_json(self._blob[start:end])
            self._entries[index] = entry
        return entry

    def json(self) -> tuple[bytes, list[int]]:
        """Every entry as JSON, concatenated, and the offset where each starts (plus the end)."""
        if self._blob is None or self._offsets is None:
            parts = [e.model_dump_json().encode() for e in self._entries if e is not None]
            offsets = [0]
            for part in parts:
                offsets.append(offsets[-1] + len(part))
            self._blob, self._offsets = b"".join(parts), offsets
        return self._blob, list(self._offsets)


class LazyInfos(list[TokenInfo]):
    """The vocabulary of a restored index: each :class:`TokenInfo` is rebuilt from its stored
    columns the first time it is asked for (most never are)."""

    _KINDS = tuple(TokenKind)

    def __init__(self, columns: list[list[Any]]) -> None:
        super().__init__()
        self._columns = columns
        self._size = len(columns[0])
        self._made: list[TokenInfo | None] = [None] * self._size

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: SupportsIndex) -> TokenInfo: ...

    @overload
    def __getitem__(self, index: slice) -> list[TokenInfo]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> TokenInfo | list[TokenInfo]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        i = int(index)
        info = self._made[i]
        if info is None:
            values = [column[i] for column in self._columns]
            values[3] = self._KINDS[values[3]]
            info = self._made[i] = TokenInfo._make(values)
        return info

    def __iter__(self) -> Iterator[TokenInfo]:
        return (self[i] for i in range(self._size))


class CompiledLists:
    """One or more watchlists compiled for matching.

    Attributes:
        identities: the identity of each list, in the order given.
        entries: every entry of every list; ``entry_list[i]`` is the index of its list,
            ``entry_uid[i]`` and ``entry_kind[i]`` its uid and kind, ``entry_years[i]`` and
            ``entry_countries[i]`` what can confirm it (see ``corroboration.entry_facts``);
            ``entry_korean[i]`` whether it is linked to Korea (:func:`korea_linked`).
        name_entry, name_index: for each compiled name, its entry and its position in
            ``entry.names``.
        name_tokens, name_weights, name_base_weights, name_joined: per compiled name, the
            vocabulary ids of its tokens, their weights (role-adjusted, and as counted for
            information), and the vocabulary id of each adjacent pair joined (``-1`` if none).
        name_total: per name, the sum of its weights.
        name_unit: per name, where two of its tokens that are one name start, or -1
            (:func:`given_name_unit`; see :func:`~screening.matching.scoring.score_name`).
        name_weak: per name, whether it is a weak (low-quality) alias.
    """

    def __init__(self, lists: Sequence[Watchlist]) -> None:
        self._lists: tuple[Watchlist, ...] | None = tuple(lists)
        self._by_year: dict[int, frozenset[int]] | None = None
        self._by_country: dict[str, frozenset[int]] | None = None
        self.identities = tuple(wl.identity for wl in lists)
        self.provenances = tuple(wl.provenance for wl in lists)
        entries: list[Entry] = []
        self.entry_list: list[int] = []
        self.entry_kind: list[EntryKind] = []
        self.entry_uid: list[str] = []
        self.entry_years: list[tuple[int, ...]] = []
        self.entry_countries: list[tuple[str, ...]] = []
        self.entry_korean: list[bool] = []
        self.vocab = Vocabulary()
        self.name_entry: list[int] = []
        self.name_index: list[int] = []
        self.name_tokens: list[tuple[int, ...]] = []
        self.name_joined: list[tuple[int, ...]] = []
        self.name_unit: list[int] = []
        self.name_weak: list[bool] = []
        roles: list[tuple[Role, ...]] = []
        for list_no, watchlist in enumerate(lists):
            for entry in watchlist:
                self._add_entry(entry, len(entries), list_no, roles)
                entries.append(entry)
        self.entries = EntryTable(entries)
        self.vocab.ids.clear()  # only needed while names are added
        self.n_entries = len(entries)
        self.df = self._document_frequencies()
        self.vocab_weight = [self.token_weight(info) for info in self.vocab.infos]
        self.name_weights: list[tuple[float, ...]] = []
        self.name_base_weights: list[tuple[float, ...]] = []
        self.name_total: list[float] = []
        for tokens, name_roles in zip(self.name_tokens, roles, strict=True):
            base = tuple(self.vocab_weight[t] for t in tokens)
            adjusted = tuple(
                w * ROLE_FACTOR.get(r, 1.0) for w, r in zip(base, name_roles, strict=True)
            )
            self.name_base_weights.append(base)
            self.name_weights.append(adjusted)
            self.name_total.append(sum(adjusted))

    @property
    def lists(self) -> tuple[Watchlist, ...]:
        """The watchlists (rebuilt from the stored entries after a saved index is loaded)."""
        if self._lists is None:
            grouped: list[list[Entry]] = [[] for _ in self.provenances]
            for entry_no, list_no in enumerate(self.entry_list):
                grouped[list_no].append(self.entries[entry_no])
            self._lists = tuple(
                Watchlist(entries, provenance)
                for entries, provenance in zip(grouped, self.provenances, strict=True)
            )
        return self._lists

    def _add_entry(
        self, entry: Entry, entry_no: int, list_no: int, roles: list[tuple[Role, ...]]
    ) -> None:
        self.entry_list.append(list_no)
        self.entry_kind.append(entry.kind)
        self.entry_uid.append(entry.uid)
        years, countries = entry_facts(entry)
        self.entry_years.append(years)
        self.entry_countries.append(countries)
        self.entry_korean.append(korea_linked(entry, countries))
        personal = entry.kind == EntryKind.INDIVIDUAL
        seen: set[tuple[tuple[int, ...], bool]] = set()
        for name_no, name in enumerate(entry.names):
            tokens = tokenize(name.full, personal=personal)
            if not tokens:
                continue
            ids = tuple(self.vocab.add(t) for t in tokens)
            weak = name.strength == NameStrength.WEAK
            if (ids, weak) in seen:
                continue  # the same name twice on one entry (e.g. in two scripts that agree)
            seen.add((ids, weak))
            joined = []
            infos = self.vocab.infos
            for i, (left, right) in enumerate(itertools.pairwise(tokens)):
                pair = joined_token(left, right, (infos[ids[i]].abjad, infos[ids[i + 1]].abjad))
                joined.append(-1 if pair is None else self.vocab.add(pair, joined=True))
            self.name_entry.append(entry_no)
            self.name_index.append(name_no)
            self.name_tokens.append(ids)
            korean = self.entry_korean[-1]
            self.name_unit.append(given_name_unit(tokens, korean=korean) if personal else -1)
            roles.append(tuple(t.role for t in tokens))
            self.name_joined.append(tuple(joined))
            self.name_weak.append(weak)

    def _document_frequencies(self) -> dict[str, int]:
        per_entry: dict[int, set[str]] = {}
        for entry_no, tokens, weak in zip(
            self.name_entry, self.name_tokens, self.name_weak, strict=True
        ):
            if weak:
                continue
            keys = per_entry.setdefault(entry_no, set())
            keys.update(weight_key(self.vocab.infos[t]) for t in tokens)
        df: dict[str, int] = {}
        for keys in per_entry.values():
            for key in keys:
                df[key] = df.get(key, 0) + 1
        return df

    def token_weight(self, info: TokenInfo) -> float:
        """Weight of a token (list or query side, before role factors)."""
        if info.kind == TokenKind.INITIAL:
            return INITIAL_WEIGHT
        df = self.df.get(weight_key(info), 0)
        reference = max(self.n_entries, MIN_REFERENCE_ENTRIES)
        idf = 1.0 + math.log((reference + 1) / (df + 1))
        if info.kind in (TokenKind.WORD, TokenKind.GENERIC):
            idf = min(idf, commonness_weight(info.text))
        return idf * KIND_FACTOR[info.kind]

    def entries_by_birth_year(self) -> dict[int, frozenset[int]]:
        """The entries each birth year can confirm (inside one of their listed ranges)."""
        if self._by_year is None:
            found: dict[int, set[int]] = {}
            for entry_no, years in enumerate(self.entry_years):
                for i in range(0, len(years), 2):
                    for year in range(years[i], years[i + 1] + 1):
                        found.setdefault(year, set()).add(entry_no)
            self._by_year = {year: frozenset(entries) for year, entries in found.items()}
        return self._by_year

    def entries_by_country(self) -> dict[str, frozenset[int]]:
        """The entries each country code can confirm."""
        if self._by_country is None:
            found: dict[str, set[int]] = {}
            for entry_no, countries in enumerate(self.entry_countries):
                for code in countries:
                    found.setdefault(code, set()).add(entry_no)
            self._by_country = {code: frozenset(entries) for code, entries in found.items()}
        return self._by_country

    def strong_names(self) -> Iterable[int]:
        """Ids of the compiled names that can trigger a hit (strong names)."""
        return (i for i, weak in enumerate(self.name_weak) if not weak)

    # --- saving and restoring (see screening.matching.persist) -------------------------------

    _PLAIN = (
        "entry_list",
        "entry_uid",
        "entry_years",
        "entry_countries",
        "entry_korean",
        "name_entry",
        "name_index",
        "name_tokens",
        "name_joined",
        "name_unit",
        "name_weak",
        "name_weights",
        "name_base_weights",
        "name_total",
        "n_entries",
        "df",
        "vocab_weight",
    )

    def state(self) -> dict[str, object]:
        """Everything needed to restore this object, as marshal-able values."""
        state: dict[str, object] = {name: getattr(self, name) for name in self._PLAIN}
        state["entry_kind"] = [k.value for k in self.entry_kind]
        state["entries"], state["entry_offsets"] = self.entries.json()
        state["provenances"] = [p.model_dump_json() for p in self.provenances]
        state["identities"] = [i.model_dump_json() for i in self.identities]
        # One list per field: marshal reads a few long lists much faster than many tuples.
        infos = self.vocab.infos
        for field in TokenInfo._fields:
            column = [getattr(i, field) for i in infos]
            state[f"vocab_{field}"] = [int(k) for k in column] if field == "kind" else column
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> CompiledLists:
        """Restore what :meth:`state` saved."""
        self = cls.__new__(cls)
        for name in cls._PLAIN:
            setattr(self, name, state[name])
        self._lists = None
        self._by_year = self._by_country = None
        kinds = {k.value: k for k in EntryKind}
        self.entry_kind = [kinds[k] for k in state["entry_kind"]]
        self.entries = EntryTable(blob=state["entries"], offsets=state["entry_offsets"])
        self.provenances = tuple(
            ListProvenance.model_validate_json(p) for p in state["provenances"]
        )
        self.identities = tuple(ListIdentity.model_validate_json(i) for i in state["identities"])
        self.vocab = Vocabulary()
        columns = [state[f"vocab_{field}"] for field in TokenInfo._fields]
        self.vocab.infos = LazyInfos(columns)
        self.vocab.joined = state["vocab_joined"]
        return self
