"""Candidate generation: which list names a query can possibly match, without a full scan.

Built once per screener from the compiled vocabulary, the index maps every key under which two
tokens can be similar (:mod:`screening.matching.similarity`) to the vocabulary tokens that carry
it: the romanised text, the Pinyin reading of Wade–Giles tokens, the curated variant class, the
spelling key, the consonant skeleton, and for typos the *deletion neighbourhood* (every string
obtained by deleting up to ``k`` letters, ``k`` as the typo tolerance of the token's length: two
tokens within the tolerated optimal-string-alignment distance always share one, because the
tolerance, set by the longer token, exceeds the shorter token's own by at most the difference
in length, and that difference is deleted from the longer one). A query token's matches
are therefore exactly the vocabulary tokens with a similarity above zero, found by looking up
its keys in one sorted table of 64-bit keys (:class:`KeyTable`), never by comparing against the
whole vocabulary.

Which names are then scored is decided by *prefix filtering*: a name can only reach the
threshold if it aligns query weight ``S_q ≥ (threshold − best bonus)²`` (the score is at most
``√S_q``), so it must match one of the heaviest substantive query tokens — those without which
the remaining weight falls short. Only their postings are read; a common given name next to a
rare surname costs nothing. This is exact: ``tests/matching/test_index.py`` checks that the
indexed screener returns the same hits as :mod:`screening.matching.reference`.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable
from typing import Any

import numpy as np

from screening.matching.compiled import CompiledLists
from screening.matching.scoring import QueryTokenMatches
from screening.matching.similarity import (
    MAX_TYPO_LEN,
    MIN_ABJAD_LEN,
    MIN_DROPPED_LEN,
    TokenInfo,
    max_typos,
    token_similarity,
)
from screening.text.tokens import TokenKind

__all__ = [
    "CandidateIndex",
    "InitialMatches",
    "KeyTable",
    "deletion_neighbourhood",
    "stable_key",
    "stable_keys",
]


def deletion_neighbourhood(text: str, k: int) -> set[str]:
    """``text`` with every choice of up to ``k`` letters deleted (``text`` itself included)."""
    found = {text}
    frontier = {text}
    for _ in range(k):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


class InitialMatches:
    """The matches of a query initial: every vocabulary word starting with its letter.

    Too many to list, so computed on demand; it answers ``get`` like the dictionaries of other
    query tokens (:data:`screening.matching.scoring.QueryTokenMatches`).
    """

    __slots__ = ("_info", "_vocab")

    def __init__(self, info: TokenInfo, vocab: list[TokenInfo]) -> None:
        self._info = info
        self._vocab = vocab

    def get(self, token: int) -> tuple[float, int] | None:
        sim, how = token_similarity(self._info, self._vocab[token])
        return (sim, how.value) if sim > 0.0 else None

    def __bool__(self) -> bool:
        return True


_PREFIXES: dict[str, tuple[int, int]] = {}


def stable_key(space: str, text: str) -> int:
    """A 64-bit key of ``text`` in a key space (CRC-32 and Adler-32 of ``space``, a NUL and the
    UTF-8 text), the same in every process, so that a saved index can be searched. A collision
    only adds a candidate token, which the exact similarity then rejects."""
    prefix = _PREFIXES.get(space)
    if prefix is None:
        prefix = _PREFIXES[space] = _prefix(space)
    data = text.encode()
    return (zlib.crc32(data, prefix[0]) << 32) | zlib.adler32(data, prefix[1])


def stable_keys(space: str, texts: Iterable[str]) -> list[int]:
    """:func:`stable_key` of each of ``texts`` (one call for a deletion neighbourhood)."""
    crc, adler = _PREFIXES.get(space) or _PREFIXES.setdefault(space, _prefix(space))
    crc32, adler32 = zlib.crc32, zlib.adler32
    return [(crc32(d, crc) << 32) | adler32(d, adler) for d in (t.encode() for t in texts)]


def _prefix(space: str) -> tuple[int, int]:
    head = f"{space}\x00".encode()
    return zlib.crc32(head), zlib.adler32(head)


class KeyTable:
    """A multimap from 64-bit keys to vocabulary token ids, as sorted arrays.

    About 12 bytes per (key, token) pair, against ~150 for a dict of strings to lists; and it
    is saved and read back as three arrays, with nothing to rebuild.
    """

    __slots__ = ("ids", "keys", "starts")

    def __init__(self, keys: np.ndarray, starts: np.ndarray, ids: np.ndarray) -> None:
        self.keys = keys
        self.starts = starts
        self.ids = ids

    @classmethod
    def build(cls, pair_keys: array[int], pair_ids: array[int]) -> KeyTable:
        """From parallel arrays of (key, token id) pairs (typecodes ``Q`` and ``i``)."""
        keys = np.frombuffer(pair_keys, dtype=np.uint64)
        ids = np.frombuffer(pair_ids, dtype=np.int32)
        order = np.lexsort((ids, keys))
        keys, ids = keys[order], ids[order]
        del order
        # Sorted: each key starts where it differs from the one before.
        if not len(keys):
            return cls(keys, np.zeros(1, dtype=np.int64), ids)
        starts = np.flatnonzero(keys[1:] != keys[:-1]) + 1
        starts = np.concatenate(([0], starts, [len(keys)])).astype(np.int64)
        return cls(keys[starts[:-1]], starts, ids)

    def lookup(self, keys: list[int]) -> list[int]:
        """Token ids under any of these keys (a token may repeat)."""
        if not keys or not len(self.keys):
            return []
        query = np.array(keys, dtype=np.uint64)
        pos = np.searchsorted(self.keys, query)
        inside = pos < len(self.keys)
        pos, query = pos[inside], query[inside]
        found = pos[self.keys[pos] == query].tolist()
        starts = self.starts
        if len(found) == 1:
            p = found[0]
            return list(self.ids[starts[p] : starts[p + 1]].tolist())
        out: list[int] = []
        for p in found:
            out.extend(self.ids[starts[p] : starts[p + 1]].tolist())
        return out


def _token_keys(info: TokenInfo, *, query: bool) -> list[int]:
    """The keys under which a list token is filed (``query=False``), or under which a query
    token looks for list tokens (``query=True``). Each key space is one relation of
    :func:`~screening.matching.similarity.token_similarity`."""
    return _plain_keys(info, query=query) + _typo_keys(info)


def _plain_items(info: TokenInfo, *, query: bool) -> list[tuple[str, str]]:
    """The keys of a token's equality relations (:func:`_token_keys` but the deletion
    neighbourhood), as (key space, text) before hashing."""
    items = [("t", info.text)]
    # EXACT compares the original form: a token written the same way may have another
    # canonical text (a legal form: "ooo" is "llc"), so the original is a key of its own.
    if query:
        items.append(("o", info.orig))
        if info.orig != info.text:
            items.append(("t", info.orig))
    elif info.orig != info.text:
        items.append(("o", info.orig))
    readings = info.pinyin.split("|") if info.pinyin else []
    if query:
        for reading in readings:
            items.append(("t", reading))
            items.append(("r", reading))
        items.append(("r", info.text))
    else:
        items.extend(("r", reading) for reading in readings)
    items.extend(("v", str(v)) for v in info.variants)
    if len(info.spelling) >= 3:
        items.append(("s", info.spelling))
    if len(info.abjad) >= MIN_ABJAD_LEN:
        # List tokens are filed under their own script's side; a query looks on the other.
        native = info.abjad_script != query
        items.append(("an" if native else "al", info.abjad))
    return items


def _plain_keys(info: TokenInfo, *, query: bool) -> list[int]:
    """:func:`_plain_items` as keys of the key table."""
    return [stable_key(space, text) for space, text in _plain_items(info, query=query)]


def _typo_keys(info: TokenInfo) -> list[int]:
    """The deletion neighbourhood of a token, as keys (none for a token without typos)."""
    if (
        info.kind != TokenKind.NUMBER
        and not info.abjad_script
        and not info.joined
        and MIN_DROPPED_LEN - 1 <= len(info.text) <= MAX_TYPO_LEN  # "go": "guo" less a letter
    ):
        # Under five letters, one deletion: a swap of two adjacent letters shares one, and a
        # word with a letter left out is one of its deletions; two letters: the word only.
        k = max(1, max_typos(len(info.text))) if len(info.text) >= MIN_DROPPED_LEN else 0
        return stable_keys("d", deletion_neighbourhood(info.text, k))
    return []


class CandidateIndex:
    """Lookup tables over a compiled vocabulary and the postings of strong names.

    Attributes:
        keys: every list token under every key it can be matched by.
        initials: the vocabulary token of each single-letter initial.
        post_starts, post_names: postings in compressed rows: the strong names containing
            vocabulary token ``t`` (alone or joined) are
            ``post_names[post_starts[t]:post_starts[t + 1]]``.
    """

    def __init__(self, compiled: CompiledLists) -> None:
        self.compiled = compiled
        self._name_ids: tuple[int, ...] | None = None
        # Compact arrays, not lists of ints: the build's peak memory is these (Python ints are
        # 32 bytes each, and most keys are new objects).
        pair_keys, pair_ids = array("Q"), array("i")
        self.initials: dict[str, int] = {}
        for token, info in enumerate(compiled.vocab.infos):
            if info.kind == TokenKind.INITIAL:
                self.initials[info.text] = token
                continue
            keys = _token_keys(info, query=False)
            pair_keys.extend(keys)
            pair_ids.extend([token] * len(keys))
        self.keys = KeyTable.build(pair_keys, pair_ids)
        del pair_keys, pair_ids
        self._plain: dict[str, frozenset[str]] | None = None
        owners, names = array("i"), array("i")
        tokens_of = compiled.name_tokens
        joined_of = compiled.name_joined
        for name in compiled.strong_names():
            for token in {*tokens_of[name], *joined_of[name]}:
                if token >= 0:
                    owners.append(token)
                    names.append(name)
        owner_array = np.frombuffer(owners, dtype=np.int32)
        name_array = np.frombuffer(names, dtype=np.int32)
        order = np.lexsort((name_array, owner_array))
        self.post_names = name_array[order]
        counts = np.bincount(owner_array, minlength=len(compiled.vocab.infos))
        self.post_starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)

    def state(self) -> tuple[dict[str, object], dict[str, np.ndarray]]:
        """Marshal-able tables and numpy arrays that :meth:`from_state` restores."""
        arrays = {
            "keys": self.keys.keys,
            "key_starts": self.keys.starts,
            "key_ids": self.keys.ids,
            "post_starts": self.post_starts,
            "post_names": self.post_names,
        }
        return {"initials": self.initials}, arrays

    @classmethod
    def from_state(
        cls, compiled: CompiledLists, tables: dict[str, Any], arrays: dict[str, np.ndarray]
    ) -> CandidateIndex:
        """Restore what :meth:`state` saved, over the restored ``compiled`` lists."""
        self = cls.__new__(cls)
        self.compiled = compiled
        self._name_ids = None
        self.initials = tables["initials"]
        self.keys = KeyTable(arrays["keys"], arrays["key_starts"], arrays["key_ids"])
        self.post_starts = arrays["post_starts"]
        self.post_names = arrays["post_names"]
        self._plain = None
        return self

    def _lookup(self, info: TokenInfo) -> list[int]:
        found = self.keys.lookup(_token_keys(info, query=True))
        initial = self.initials.get(info.text[:1])
        if initial is not None:
            found.append(initial)
        return found

    def may_match(self, info: TokenInfo) -> bool:
        """Whether :meth:`matches` can find anything for a joined pair of query tokens (always
        ``True`` for other tokens): ``False`` when none of its plain keys (equality relations)
        is one of a list token. Cheaper than the lookup, and most pairs (``johnsmith``) match
        nothing. Compared as strings in sets, not as hashed keys: hashing was a third of the
        cost of a pair that matches nothing."""
        if not info.joined:
            return True
        plain = self._plain
        if plain is None:
            plain = self._plain = self._plain_texts()
        # _plain_items(info, query=True), checked one by one, cheapest first.
        texts, text, orig = plain["t"], info.text, info.orig
        if text in texts or orig in texts or orig in plain["o"] or text in plain["r"]:
            return True
        if info.pinyin and any(r in texts or r in plain["r"] for r in info.pinyin.split("|")):
            return True
        if (
            len(info.abjad) >= MIN_ABJAD_LEN
            and info.abjad in plain["al" if info.abjad_script else "an"]
        ):
            return True
        if info.variants and any(str(v) in plain["v"] for v in info.variants):
            return True
        return len(info.spelling) >= 3 and info.spelling in plain["s"]

    def _plain_texts(self) -> dict[str, frozenset[str]]:
        """Per key space, the texts of list tokens' plain keys: :func:`_plain_items` of every
        list token, gathered by column (built on first use, in about 0.15 s for the SDN and
        consolidated lists, where one call per token took 0.26 s)."""
        infos = [i for i in self.compiled.vocab.infos if i.kind != TokenKind.INITIAL]
        return {
            "t": frozenset(i.text for i in infos),
            "o": frozenset(i.orig for i in infos if i.orig != i.text),
            "r": frozenset(r for i in infos if i.pinyin for r in i.pinyin.split("|")),
            "v": frozenset(str(v) for i in infos for v in i.variants),
            "s": frozenset(i.spelling for i in infos if len(i.spelling) >= 3),
            "an": frozenset(
                i.abjad for i in infos if i.abjad_script and len(i.abjad) >= MIN_ABJAD_LEN
            ),
            "al": frozenset(
                i.abjad for i in infos if not i.abjad_script and len(i.abjad) >= MIN_ABJAD_LEN
            ),
        }

    def matches(self, info: TokenInfo) -> QueryTokenMatches | InitialMatches:
        """Every vocabulary token with a similarity above zero to ``info``, with the
        similarity and relation."""
        vocab = self.compiled.vocab.infos
        if info.kind == TokenKind.INITIAL:
            return InitialMatches(info, vocab)
        found: QueryTokenMatches = {}
        for token in self._lookup(info):
            if token not in found:
                sim, how = token_similarity(info, vocab[token])
                if sim > 0.0:
                    found[token] = (sim, how.value)
        return found

    def names_with(self, tokens: Iterable[int]) -> set[int]:
        """Strong names containing any of these vocabulary tokens (alone or joined)."""
        starts = self.post_starts
        slices = [
            self.post_names[starts[t] : starts[t + 1]] for t in tokens if starts[t + 1] > starts[t]
        ]
        if not slices:
            return set()
        # One int object per name id, shared by every set (a screener keeps thousands of
        # these sets; fresh ints from tolist() would take 28 bytes per element each).
        ids = self._name_ids
        if ids is None:
            ids = self._name_ids = tuple(range(len(self.compiled.name_tokens)))
        return set(map(ids.__getitem__, np.concatenate(slices).tolist()))
