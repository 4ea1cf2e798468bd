"""Candidate generation: which list names a query can possibly match, without a full scan.

Built once per screener from the compiled vocabulary, the index maps every key under which two
tokens can be similar (:mod:`screening.matching.similarity`) to the vocabulary tokens that carry
it: the romanised text, the Pinyin reading of Wade–Giles tokens, the curated variant class, the
spelling key, the consonant skeleton, and for typos the *deletion neighbourhood* (every string
obtained by deleting up to ``k`` letters, ``k`` as the typo tolerance of the token's length: two
tokens within optimal-string-alignment distance ``k`` always share one). A query token's matches
are therefore exactly the vocabulary tokens with a similarity above zero, found by dictionary
lookups, never by comparing against the whole vocabulary.

Which names are then scored is decided by *prefix filtering*: a name can only reach the
threshold if it aligns query weight ``S_q ≥ (threshold − best bonus)²`` (the score is at most
``√S_q``), so it must match one of the heaviest substantive query tokens — those without which
the remaining weight falls short. Only their postings are read; a common given name next to a
rare surname costs nothing. This is exact: ``tests/matching/test_index.py`` checks that the
indexed screener returns the same hits as :mod:`screening.matching.reference`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from screening.matching.compiled import CompiledLists
from screening.matching.scoring import QueryTokenMatches
from screening.matching.similarity import (
    MIN_ABJAD_LEN,
    How,
    TokenInfo,
    max_typos,
    token_similarity,
)
from screening.text.tokens import TokenKind

__all__ = ["CandidateIndex", "InitialMatches", "deletion_neighbourhood"]


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

    def get(self, token: int) -> tuple[float, How] | None:
        sim, how = token_similarity(self._info, self._vocab[token])
        return (sim, how) if sim > 0.0 else None

    def __bool__(self) -> bool:
        return True


class CandidateIndex:
    """Lookup tables over a compiled vocabulary and the postings of strong names."""

    def __init__(self, compiled: CompiledLists) -> None:
        self.compiled = compiled
        by_text: dict[str, list[int]] = {}
        by_reading: dict[str, list[int]] = {}
        by_variant: dict[int, list[int]] = {}
        by_spelling: dict[str, list[int]] = {}
        by_abjad_native: dict[str, list[int]] = {}
        by_abjad_latin: dict[str, list[int]] = {}
        by_deletion: dict[str, list[int]] = {}
        initials: dict[str, int] = {}
        number = TokenKind.NUMBER
        for token, info in enumerate(compiled.vocab.infos):
            text = info.text
            if info.kind == TokenKind.INITIAL:
                initials[text] = token
                continue
            by_text.setdefault(text, []).append(token)
            if info.pinyin:
                by_reading.setdefault(info.pinyin, []).append(token)
            for variant in info.variants:
                by_variant.setdefault(variant, []).append(token)
            if len(info.spelling) >= 3:
                by_spelling.setdefault(info.spelling, []).append(token)
            if len(info.abjad) >= MIN_ABJAD_LEN:
                table = by_abjad_native if info.abjad_script else by_abjad_latin
                table.setdefault(info.abjad, []).append(token)
            if info.kind != number and not info.abjad_script and not info.joined:
                k = max_typos(len(text))
                if k:
                    for key in deletion_neighbourhood(text, k):
                        by_deletion.setdefault(key, []).append(token)
        self.by_text = by_text
        self.by_reading = by_reading
        self.by_variant = by_variant
        self.by_spelling = by_spelling
        self.by_abjad_native = by_abjad_native
        self.by_abjad_latin = by_abjad_latin
        self.by_deletion = by_deletion
        self.initials = initials
        postings: dict[int, list[int]] = {}
        tokens_of = compiled.name_tokens
        joined_of = compiled.name_joined
        for name in compiled.strong_names():
            for token in {*tokens_of[name], *joined_of[name]}:
                if token >= 0:
                    postings.setdefault(token, []).append(name)
        self.postings: dict[int, tuple[int, ...]] = {t: tuple(n) for t, n in postings.items()}

    def _lookup(self, info: TokenInfo) -> Iterator[int]:
        yield from self.by_text.get(info.text, ())
        if info.pinyin:
            yield from self.by_text.get(info.pinyin, ())
            yield from self.by_reading.get(info.pinyin, ())
        yield from self.by_reading.get(info.text, ())
        for variant in info.variants:
            yield from self.by_variant.get(variant, ())
        if info.spelling and len(info.spelling) >= 3:
            yield from self.by_spelling.get(info.spelling, ())
        if len(info.abjad) >= MIN_ABJAD_LEN:
            table = self.by_abjad_latin if info.abjad_script else self.by_abjad_native
            yield from table.get(info.abjad, ())
        if info.kind != TokenKind.NUMBER and not info.abjad_script and not info.joined:
            k = max_typos(len(info.text))
            if k:
                for key in deletion_neighbourhood(info.text, k):
                    yield from self.by_deletion.get(key, ())
        initial = self.initials.get(info.text[:1])
        if initial is not None:
            yield initial

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
                    found[token] = (sim, how)
        return found

    def names_with(self, tokens: Iterable[int]) -> set[int]:
        """Strong names containing any of these vocabulary tokens (alone or joined)."""
        names: set[int] = set()
        postings = self.postings
        for token in tokens:
            found = postings.get(token)
            if found:
                names.update(found)
        return names
