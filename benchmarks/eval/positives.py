"""Positive cases: a real list name, changed in one way (one category per way).

Each builder takes the watchlist and a seeded ``random.Random`` and yields ``(entry, query,
note)`` candidates in a random but reproducible order; ``generate`` keeps the first ``n`` of
them, at most one per entry. The query always stands for the entry it was made from.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator

from benchmarks.eval import perturb, render
from benchmarks.eval.names import (
    PATRONYMIC,
    canon_tokens,
    countries,
    individuals,
    split_person,
    strong_names,
)
from benchmarks.eval.tables import (
    ARABIC_COUNTRIES,
    ARABIC_PROGRAMS,
    SLAVIC_COUNTRIES,
    SLAVIC_PROGRAM_PREFIXES,
    VARIANT_ROWS,
    VARIANT_RULES,
)
from screening.models import Entry, EntryKind, NameStrength, NameType, Watchlist

Candidate = tuple[Entry, str, str]
Builder = Callable[[Watchlist, random.Random, "Context"], Iterator[Candidate]]


class Context:
    """What several builders share: how common each token is on the list."""

    def __init__(self, common_words: set[str]) -> None:
        self.common_words = common_words


def _shuffled(entries: list[Entry], rng: random.Random) -> list[Entry]:
    entries = sorted(entries, key=lambda e: int(e.uid))
    rng.shuffle(entries)
    return entries


def _primaries(wl: Watchlist, rng: random.Random) -> list[tuple[Entry, str]]:
    return [(e, e.primary_name.full) for e in _shuffled(list(wl), rng)]


def _persons(wl: Watchlist, rng: random.Random) -> Iterator[tuple[Entry, list[str], list[str]]]:
    for entry in _shuffled(list(individuals(wl)), rng):
        parts = split_person(entry.primary_name.full)
        if parts is not None:
            yield entry, parts[0], parts[1]


def _match_case(template: str, word: str) -> str:
    if template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --- exact names and simple perturbations ----------------------------------------------------


def exact_primary(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry, full in _primaries(wl, rng):
        yield entry, full, f"primary name ({entry.kind.value})"


def exact_alias(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry in _shuffled(list(wl), rng):
        aliases = [
            n
            for n in entry.names
            if n.type != NameType.PRIMARY and n.strength == NameStrength.STRONG
        ]
        if aliases:
            alias = rng.choice(aliases)
            yield entry, alias.full, f"strong {alias.type.value} ({entry.kind.value})"


def token_order(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry, last, given in _persons(wl, rng):
        query = " ".join(given + last)
        yield entry, query, f"given names first, from {entry.primary_name.full!r}"


def _simple(fn: Callable[[str, random.Random], perturb.Perturbed]) -> Builder:
    def build(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
        for entry, full in _primaries(wl, rng):
            done = fn(full, rng)
            if done is not None:
                yield entry, done[0], f"{done[1]}; from {full!r}"

    return build


case_punct = _simple(perturb.case_punct)
diacritics = _simple(perturb.diacritics)
homoglyph = _simple(perturb.homoglyphs)
zero_width = _simple(perturb.zero_width)
join_split = _simple(perturb.join_split)


def _typos(count: int, min_len: int) -> Builder:
    def build(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
        for entry, full in _primaries(wl, rng):
            done = perturb.typos(full, rng, count=count, min_len=min_len, avoid=ctx.common_words)
            if done is not None:
                yield entry, done[0], f"{done[1]}; from {full!r}"

    return build


typo_1 = _typos(1, 5)
typo_2 = _typos(2, 10)


# --- persons: dropped names and initials -----------------------------------------------------


# Countries whose given names OFAC often writes as separate syllables (``PAO, Yu Liang``).
_SYLLABIC = frozenset({"China", "Hong Kong", "Taiwan", "Macau", "Korea, North", "Korea, South"})


def drop_middle(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry, last, given in _persons(wl, rng):
        if len(given) < 2 or countries(entry) & _SYLLABIC:
            continue  # a Chinese or Korean given name in two words is one name, not two
        patronymic = [i for i in range(1, len(given)) if PATRONYMIC.search(given[i])]
        drop = rng.choice(patronymic or list(range(1, len(given))))
        query = f"{' '.join(last)}, {' '.join(g for i, g in enumerate(given) if i != drop)}"
        if canon_tokens(query) in {canon_tokens(n) for n in strong_names(entry)}:
            continue  # that is a listed alias, not a dropped name
        kind = "patronymic" if patronymic else "middle name"
        yield entry, query, f"dropped {kind} {given[drop]!r} from {entry.primary_name.full!r}"


def initial_first(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry, last, given in _persons(wl, rng):
        first = given[0]
        if len(first) < 2 or not first[0].isalpha():
            continue
        rest = [g for g in given[1:] if not PATRONYMIC.search(g)]
        query = " ".join([f"{first[0].upper()}.", *rest, *last])
        yield entry, query, f"initial for {first!r}, from {entry.primary_name.full!r}"


# --- spelling variants -----------------------------------------------------------------------


def _variant_options(word: str) -> list[tuple[str, str]]:
    low = word.lower()
    options = []
    for row in VARIANT_ROWS:
        if low in row:
            options += [(other, f"{low}/{other}") for other in row if other != low]
    if not options:
        for pattern, replacement, label in VARIANT_RULES:
            changed = re.sub(pattern, replacement, low)
            if changed != low:
                options.append((changed, label))
    return options


def translit_variant(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry, full in _primaries(wl, rng):
        if entry.kind != EntryKind.INDIVIDUAL:
            continue  # the variants are those of personal names
        words = list(re.finditer(r"[A-Za-z]+", full))
        choices = [(m, new, label) for m in words for new, label in _variant_options(m.group())]
        if not choices:
            continue
        m, new, label = rng.choice(choices)
        query = full[: m.start()] + _match_case(m.group(), new) + full[m.end() :]
        yield entry, query, f"{label} in {m.group()!r}; from {full!r}"


# --- other scripts and systems ---------------------------------------------------------------


def _is_slavic(entry: Entry) -> bool:
    """Tied to Russia, Ukraine or Belarus by a country; by a program only when the entry names
    no country (RUSSIA-EO14024 also lists, say, Malian officials)."""
    found = countries(entry)
    if found:
        return bool(found & SLAVIC_COUNTRIES)
    return any(p.startswith(SLAVIC_PROGRAM_PREFIXES) for p in entry.programs)


def cyrillic(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry, last, given in _persons(wl, rng):
        words = [w for w in re.split(r"[\s-]+", " ".join(last + given)) if w]
        if not _is_slavic(entry) or not all(w.isascii() and w.isalpha() for w in words):
            continue
        found = countries(entry)
        ukrainian = "Ukraine" in found and "Russia" not in found
        query = " ".join(render.latin_to_cyrillic(w, ukrainian=ukrainian) for w in words)
        system = "Ukrainian" if ukrainian else "Russian"
        note = f"reverse {system} BGN/PCGN of {entry.primary_name.full!r} (surname first)"
        yield entry, query, note


_CHINA = frozenset({"China", "Hong Kong", "Taiwan", "Macau"})


def chinese_name(entry: Entry) -> tuple[str, list[str]] | None:
    """``("chen", ["quan", "guo"])`` for a listed Chinese person whose primary name is
    Hanyu Pinyin with a common surname (see README: heuristics), else ``None``."""
    parts = split_person(entry.primary_name.full)
    if parts is None or not countries(entry) & _CHINA:
        return None
    last, given = parts
    if len(last) != 1 or last[0].lower() not in render.surname_han():
        return None
    words = [w for w in re.split(r"[\s-]+", " ".join(given)) if w]
    if len(words) == 1:
        syllables = render.split_pinyin(words[0])
    elif len(words) == 2:
        pieces = [render.split_pinyin(w, most=1) for w in words]
        syllables = None if None in pieces else [p[0] for p in pieces if p]
    else:
        syllables = None
    if not syllables:
        return None
    return last[0].lower(), syllables


def han(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry in _shuffled(list(individuals(wl)), rng):
        found = chinese_name(entry)
        if found is None:
            continue
        surname, given = found
        chars = [render.han_for_syllable(s) for s in given]
        if any(c is None for c in chars):
            continue
        query = render.surname_han()[surname] + "".join(c for c in chars if c)
        note = f"Han for {surname} {'-'.join(given)}, from {entry.primary_name.full!r}"
        yield entry, query, note


def wade_giles(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry in _shuffled(list(individuals(wl)), rng):
        found = chinese_name(entry)
        if found is None:
            continue
        surname, given = found
        wg_last = render.pinyin_to_wade_giles(surname)
        wg_given = [render.pinyin_to_wade_giles(s) for s in given]
        if [wg_last, *wg_given] == [surname, *given]:
            continue  # the same in both systems (Wang Ming): not a variant
        query = f"{wg_last.capitalize()} {'-'.join(wg_given).capitalize()}"
        yield entry, query, f"Wade-Giles of {entry.primary_name.full!r}"


def _is_arabic(entry: Entry, words: list[str]) -> bool:
    tied = bool(countries(entry) & ARABIC_COUNTRIES) or bool(set(entry.programs) & ARABIC_PROGRAMS)
    return tied and any(render.is_arabic_name_token(w) for w in words)


def arabic(wl: Watchlist, rng: random.Random, ctx: Context) -> Iterator[Candidate]:
    for entry, last, given in _persons(wl, rng):
        words = [w for w in re.split(r"[\s-]+", " ".join(given + last)) if w]
        if not _is_arabic(entry, words) or not all(w.strip("'").isalpha() for w in words):
            continue
        query = render.latin_to_arabic(words)
        yield entry, query, f"Arabic script for {entry.primary_name.full!r} (given names first)"


BUILDERS: dict[str, Builder] = {
    "exact_primary": exact_primary,
    "exact_alias": exact_alias,
    "token_order": token_order,
    "case_punct": case_punct,
    "typo_1": typo_1,
    "typo_2": typo_2,
    "drop_middle": drop_middle,
    "initial_first": initial_first,
    "join_split": join_split,
    "diacritics": diacritics,
    "homoglyph": homoglyph,
    "zero_width": zero_width,
    "translit_variant": translit_variant,
    "cyrillic": cyrillic,
    "han": han,
    "wade_giles": wade_giles,
    "arabic": arabic,
}
