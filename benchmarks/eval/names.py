"""Facts about list names that the generator needs: comparison keys, parts, countries.

``canon_tokens`` is this benchmark's own notion of "the same name" (Unidecode, case folded,
titles dropped, spelling variants from ``tables.VARIANT_ROWS`` merged, order ignored). It decides
whether a generated negative is in fact a listed name — such a query is not a negative — and
maps the cross-script pairs to list entries. It is deliberately independent of the matcher.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from unidecode import unidecode

from benchmarks.eval.tables import ARABIC_NAMES, TITLES, VARIANT_ROWS
from screening.models import Entry, EntryKind, NameStrength, Watchlist

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@cache
def _canonical() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in VARIANT_ROWS:
        for spelling in row:
            table.setdefault(spelling, row[0])
    return table


@cache
def _arabic_to_latin() -> dict[str, str]:
    return {arabic: latin.split()[0] for latin, arabic in ARABIC_NAMES if " " not in arabic}


def canon_token(token: str) -> str:
    """One token, romanised by Unidecode, lower-case letters and digits, variant-merged."""
    plain = _NON_ALNUM.sub("", unidecode(_arabic_to_latin().get(token, token)).lower())
    return _canonical().get(plain, plain)


def canon_tokens(name: str) -> tuple[str, ...]:
    """The name's tokens as compared here, sorted (see module docstring): words split at
    spaces, commas and other punctuation (``AL-BAGHDADI`` is ``al`` + ``baghdadi``)."""
    tokens = []
    for word in re.split(r"[\s,]+", name):
        known = _arabic_to_latin().get(word)
        parts = [known] if known else _NON_ALNUM.split(unidecode(word).lower())
        for part in parts:
            token = _canonical().get(part, part)
            if token and token not in TITLES:
                tokens.append(token)
    return tuple(sorted(tokens))


def letter_key(name: str) -> str:
    """All letters of the canonical tokens, sorted: equal for ``Ma Chun Mei`` and
    ``MA, Chunmei``, whatever the spacing."""
    return "".join(sorted("".join(canon_tokens(name))))


class ListedNames:
    """Every name of a watchlist (strong and weak) under both comparison keys, and every name
    of three words or more with one word left out."""

    def __init__(self, watchlist: Watchlist) -> None:
        self.by_tokens: set[tuple[str, ...]] = set()
        self.by_letters: set[str] = set()
        self.shortened: set[tuple[str, ...]] = set()
        for entry in watchlist:
            for name in entry.names:
                tokens = canon_tokens(name.full)
                self.by_tokens.add(tokens)
                self.by_letters.add(letter_key(name.full))
                if len(tokens) >= 3:
                    self.shortened.update(tokens[:i] + tokens[i + 1 :] for i in range(len(tokens)))

    def is_listed(self, query: str) -> bool:
        """True if ``query`` is, by this benchmark's comparison, a name on the list, or a name
        on the list with one word (a middle name, a patronymic) left out: such a query is the
        listed person by name, as the ``drop_middle`` positives are."""
        tokens = canon_tokens(query)
        return (
            tokens in self.by_tokens
            or tokens in self.shortened
            or letter_key(query) in self.by_letters
        )


def strong_names(entry: Entry) -> list[str]:
    """The entry's strong names (primary first)."""
    return [n.full for n in entry.names if n.strength == NameStrength.STRONG]


def split_person(full: str) -> tuple[list[str], list[str]] | None:
    """``"PUTIN, Vladimir Vladimirovich"`` → ``(["PUTIN"], ["Vladimir", "Vladimirovich"])``;
    ``None`` for a name without the ``LAST, First`` comma."""
    if full.count(",") != 1:
        return None
    last, given = (part.split() for part in full.split(","))
    if not last or not given:
        return None
    return last, given


PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna|ogly|oglu|kyzy)$", re.IGNORECASE)


def countries(entry: Entry) -> set[str]:
    """Countries the entry is tied to: nationality, citizenship, address, place of birth."""
    found = set(entry.nationalities) | set(entry.citizenships)
    found |= {a.country for a in entry.addresses if a.country}
    found |= {p.rsplit(",", 1)[-1].strip() for p in entry.places_of_birth}
    return found


def document_frequency(watchlist: Watchlist) -> Counter[str]:
    """For each canonical token, the number of entries with a strong name containing it."""
    df: Counter[str] = Counter()
    for entry in watchlist:
        tokens: set[str] = set()
        for full in strong_names(entry):
            tokens.update(canon_tokens(full))
        df.update(tokens)
    return df


def individuals(watchlist: Watchlist) -> Iterable[Entry]:
    """The entries that are people."""
    return (e for e in watchlist if e.kind == EntryKind.INDIVIDUAL)
