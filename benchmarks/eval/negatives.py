"""Negative cases: ordinary people and companies (Faker), and near misses of listed names.

Faker (``pip install .[bench]``) supplies names of ordinary people and companies in many locales,
in their own scripts and romanised (Faker's romanised providers for Chinese and Japanese,
Unidecode elsewhere). Near misses keep one common token of a real listed name and replace every
other word by ordinary names of the same culture.

Every generated negative is checked against every list name (``names.ListedNames``): a query that
is a listed name under this benchmark's comparison is not a negative, and is dropped.
"""

from __future__ import annotations

import random
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from unidecode import unidecode

from benchmarks.eval.names import PATRONYMIC, canon_token, countries, individuals, split_person
from benchmarks.eval.render import is_arabic_name_token
from benchmarks.eval.tables import ARABIC_COUNTRIES, ARABIC_NAMES, ENTITY_STOP, SLAVIC_COUNTRIES
from screening.models import Entry, EntryKind, Watchlist

Candidate = tuple[str, str, str]  # query, source uid ("" if none), note

# Person locales whose names Faker writes in a non-Latin script.
NATIVE_LOCALES = (
    "ar_AA", "ar_PS", "ar_DZ", "fa_IR", "ru_RU", "uk_UA", "bg_BG", "mk_MK", "zh_CN", "zh_TW",
    "ja_JP", "ko_KR", "hi_IN", "bn_BD", "ne_NP", "he_IL", "el_GR", "th_TH", "ka_GE", "hy_AM",
)  # fmt: skip
# Of those, the ones romanised here: Chinese and Japanese by Faker's romanised-name providers,
# the others by Unidecode. Arabic, Persian and Hebrew are left out: Unidecode writes their
# consonants only ("mHmd `ly"), which is no one's spelling; romanised Arabic and Persian names
# come from Latin-script locales (fr_DZ, en_PK, ha_NG, id_ID, az_AZ, uz_UZ) instead.
ROMANISED_LOCALES = (
    "zh_CN", "zh_TW", "ja_JP", "ru_RU", "uk_UA", "bg_BG", "mk_MK", "ko_KR", "hi_IN", "bn_BD",
    "el_GR", "th_TH", "ka_GE", "hy_AM",
)  # fmt: skip
LATIN_LOCALES = (
    "en_US", "en_GB", "de_DE", "fr_FR", "it_IT", "es_ES", "es_MX", "pt_BR", "tr_TR", "pl_PL",
    "nl_NL", "vi_VN", "id_ID", "az_AZ", "uz_UZ", "fr_DZ", "en_PK", "ha_NG", "sw", "en_IN",
)  # fmt: skip
COMPANY_LOCALES = (
    "en_US", "en_GB", "de_DE", "fr_FR", "it_IT", "es_MX", "pt_BR", "nl_NL", "pl_PL", "tr_TR",
    "ru_RU", "uk_UA", "bg_BG", "el_GR", "zh_CN", "zh_TW", "ja_JP", "ko_KR", "fa_IR", "ar_AA",
    "hi_IN", "vi_VN", "id_ID", "th_TH", "hy_AM",
)  # fmt: skip
# Company names in these scripts are also given romanised (Unidecode reads them well).
ROMANISED_COMPANY_LOCALES = ("ru_RU", "uk_UA", "bg_BG", "el_GR", "zh_CN", "zh_TW")


def _seed(*parts: object) -> int:
    return zlib.crc32(":".join(str(p) for p in parts).encode("utf-8"))


@cache
def _faker(locale: str) -> Any:
    from faker import Faker

    return Faker(locale)


def _fake(locale: str, seed: int, *what: object) -> Any:
    fake = _faker(locale)
    fake.seed_instance(_seed(seed, locale, *what))
    return fake


@cache
def _titles(locale: str) -> tuple[str, ...]:
    """Every prefix and suffix (Mr., Dr., السيدة, г-н...) of the locale's person provider."""
    generator = _faker(locale)._factories[0]
    found: set[str] = set()
    for provider in generator.providers:
        if not type(provider).__module__.startswith("faker.providers.person"):
            continue
        for attr in dir(provider):
            if attr.startswith(("prefixes", "suffixes")):
                value = getattr(provider, attr)
                if isinstance(value, dict | tuple | list):
                    found.update(str(v) for v in value)
    return tuple(sorted(found, key=lambda t: (-len(t), t)))


def person_name(fake: Any, locale: str) -> str:
    """A person's name without titles (``Dr.``, ``السيدة``, ``г-н``), as Faker writes it."""
    words = fake.name().replace(",", " ").split()
    titles = set(_titles(locale))
    while len(words) > 2 and words[0] in titles:
        words.pop(0)
    while len(words) > 2 and words[-1] in titles:
        words.pop()
    return " ".join(words)


def _romanise(name: str, locale: str) -> str:
    if locale == "ko_KR":
        # Korean names are surname + given name in one run: romanise each syllable, keep the
        # surname apart (김경자 -> Gim Gyeongja).
        run = name.replace(" ", "")
        syllables = [unidecode(c) for c in run]
        return f"{syllables[0].capitalize()} {''.join(syllables[1:]).capitalize()}"
    words = unidecode(name).replace("'", "").replace("`", "").split()
    return " ".join(w.capitalize() if w.islower() else w for w in words)


def _locale_names(
    locales: tuple[str, ...], per_locale: int, seed: int, what: str, make: Callable[[Any, str], str]
) -> Iterator[Candidate]:
    for locale in locales:
        fake = _fake(locale, seed, what)
        made = 0
        for _ in range(per_locale * 20):
            if made == per_locale:
                break
            query = make(fake, locale).strip()
            if query:
                made += 1
                yield query, "", locale


def person_native(seed: int, per_locale: int) -> Iterator[Candidate]:
    """Ordinary people in their own script."""
    return _locale_names(NATIVE_LOCALES, per_locale, seed, "native", person_name)


def person_romanised(seed: int, per_locale: int) -> Iterator[Candidate]:
    """Ordinary people of non-Latin locales, romanised."""

    def make(fake: Any, locale: str) -> str:
        if locale in ("zh_CN", "zh_TW", "ja_JP"):
            return str(fake.romanized_name())
        return _romanise(person_name(fake, locale), locale)

    for query, uid, locale in _locale_names(ROMANISED_LOCALES, per_locale, seed, "roman", make):
        how = "Faker romanized_name" if locale in ("zh_CN", "zh_TW", "ja_JP") else "Unidecode"
        yield query, uid, f"{locale} ({how})"


def person_latin(seed: int, per_locale: int) -> Iterator[Candidate]:
    """Ordinary people of Latin-script locales, as written there (diacritics kept)."""
    return _locale_names(LATIN_LOCALES, per_locale, seed, "latin", person_name)


def company(seed: int, per_locale: int) -> Iterator[Candidate]:
    """Ordinary companies, in their own script, and romanised for Cyrillic, Greek, Chinese."""
    for query, uid, locale in _locale_names(
        COMPANY_LOCALES, per_locale, seed, "company", lambda f, _: str(f.company())
    ):
        yield query, uid, locale
        if locale in ROMANISED_COMPANY_LOCALES:
            yield " ".join(unidecode(query).replace("'", "").split()), uid, f"{locale} (Unidecode)"


# --- near misses -----------------------------------------------------------------------------

_ARABIC_PARTICLES = {"bin", "bint", "abu", "abd", "haji", "rahman", "rahim"}
_CULTURE_OF_COUNTRY = {
    "China": "zh", "Hong Kong": "zh", "Taiwan": "zh", "Macau": "zh",
    "Mexico": "es", "Colombia": "es", "Venezuela": "es", "Peru": "es", "Guatemala": "es",
    "Nicaragua": "es", "Cuba": "es", "Spain": "es", "Panama": "es", "Ecuador": "es",
    "Honduras": "es", "El Salvador": "es", "Argentina": "es", "Bolivia": "es", "Chile": "es",
    "Paraguay": "es", "Dominican Republic": "es", "Costa Rica": "es",
    "Brazil": "pt", "Portugal": "pt", "Germany": "de", "Austria": "de", "Switzerland": "de",
    "France": "fr", "Belgium": "fr", "Italy": "it", "Turkey": "tr", "Iran": "arab",
}  # fmt: skip
_CULTURE_LOCALE = {
    "es": "es_MX",
    "pt": "pt_BR",
    "de": "de_DE",
    "fr": "fr_FR",
    "it": "it_IT",
    "tr": "tr_TR",
    "en": "en_US",
}


def culture(entry: Entry) -> str:
    """Which pool of ordinary names replaces words of this entry's name."""
    found = countries(entry)
    if found & SLAVIC_COUNTRIES:
        return "slavic"
    words = re.split(r"[\s,-]+", entry.primary_name.full)
    if found & ARABIC_COUNTRIES or any(is_arabic_name_token(w) for w in words):
        return "arab"
    for country in sorted(found):
        if country in _CULTURE_OF_COUNTRY:
            return _CULTURE_OF_COUNTRY[country]
    return "en"


def _clean(word: str) -> str:
    return re.sub(r"[^A-Za-z-]", "", unidecode(word))


@cache
def name_pools(seed: int) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each culture, ordinary given names and surnames in Latin script."""
    pools: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def collect(make: Callable[[], str], n: int = 300) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for _ in range(n):
            word = _clean(make())
            if len(word) >= 2:
                seen.setdefault(word.capitalize(), None)
        return tuple(seen)

    zh = _fake("zh_CN", seed, "pool")
    pools["zh"] = (collect(zh.first_romanized_name), collect(zh.last_romanized_name))
    ru = _fake("ru_RU", seed, "pool")
    pools["slavic"] = (collect(ru.first_name_male), collect(ru.last_name_male))
    pools["patronymic"] = (collect(ru.middle_name_male), ())
    pk = _fake("en_PK", seed, "pool")
    dz = _fake("fr_DZ", seed, "pool")
    arabic = tuple(
        s.split()[0].capitalize() for s, _ in ARABIC_NAMES if s.split()[0] not in _ARABIC_PARTICLES
    )
    pools["arab"] = (arabic + collect(pk.first_name), arabic + collect(dz.last_name))
    for key, locale in _CULTURE_LOCALE.items():
        fake = _fake(locale, seed, "pool")
        pools[key] = (collect(fake.first_name), collect(fake.last_name))
    return pools


@cache
def ordinary_tokens(seed: int) -> frozenset[str]:
    """Every word of every pool, canonical: a listed word found here is an ordinary name."""
    return frozenset(
        canon_token(w) for given, last in name_pools(seed).values() for w in given + last
    )


def _pick(pool: tuple[str, ...], rng: random.Random, avoid: set[str]) -> str:
    while True:
        word = rng.choice(pool)
        if canon_token(word) not in avoid:
            return word


def near_miss_persons(
    wl: Watchlist, rng: random.Random, df: Counter[str], seed: int
) -> Iterator[Candidate]:
    """A listed person's name with one common word kept and the others replaced."""
    ordinary = ordinary_tokens(seed)
    pools = name_pools(seed)
    entries = sorted(individuals(wl), key=lambda e: int(e.uid))
    rng.shuffle(entries)
    for entry in entries:
        parts = split_person(entry.primary_name.full)
        if parts is None:
            continue
        last, given = parts
        words = [(w, "last") for w in last] + [(w, "given") for w in given]
        if len(words) < 2 or not all(_clean(w) == w and len(w) > 1 for w, _ in words):
            continue
        common = [
            i
            for i, (w, _) in enumerate(words)
            if canon_token(w) in ordinary or df[canon_token(w)] >= 3
        ]
        if not common:
            continue
        keep = rng.choice(common)
        given_pool, last_pool = pools[culture(entry)]
        avoid = {canon_token(w) for w, _ in words}
        new = []
        for i, (word, role) in enumerate(words):
            if i == keep:
                new.append((word.capitalize(), role))
            else:
                pool = given_pool if role == "given" else last_pool
                if PATRONYMIC.search(word):
                    pool = pools["patronymic"][0]
                pick = _pick(pool, rng, avoid)
                avoid.add(canon_token(pick))
                new.append((pick, role))
        new_last = [w for w, r in new if r == "last"]
        new_given = [w for w, r in new if r == "given"]
        if rng.random() < 0.5:
            query = " ".join(new_given + new_last)
        else:
            query = f"{' '.join(w.upper() for w in new_last)}, {' '.join(new_given)}"
        kept = words[keep][0]
        note = f"kept {kept!r} of {entry.primary_name.full!r} ({culture(entry)} names)"
        yield query, entry.uid, note


def near_miss_entities(
    wl: Watchlist, rng: random.Random, df: Counter[str], seed: int
) -> Iterator[Candidate]:
    """A listed entity's name with one common word kept (legal forms and articles too), the
    other words replaced by ordinary surnames, as companies are often named. Names of two or
    three words (not counting legal forms and articles) only: a longer name made mostly of
    surnames is no one's company name."""
    pools = name_pools(seed)
    entries = sorted((e for e in wl if e.kind == EntryKind.ENTITY), key=lambda e: int(e.uid))
    rng.shuffle(entries)
    for entry in entries:
        words = entry.primary_name.full.split()
        content = [i for i, w in enumerate(words) if canon_token(w) not in ENTITY_STOP]
        if not 2 <= len(content) <= 3 or not all(_clean(words[i]) == words[i] for i in content):
            continue
        common = [i for i in content if df[canon_token(words[i])] >= 5]
        if not common:
            continue
        keep = rng.choice(common)
        last_pool = pools[culture(entry)][1]
        avoid = {canon_token(w) for w in words}
        new = list(words)
        for i in content:
            if i != keep:
                pick = _pick(last_pool, rng, avoid)
                avoid.add(canon_token(pick))
                new[i] = pick.upper()
        note = f"kept {words[keep]!r} of {entry.primary_name.full!r} ({culture(entry)} names)"
        yield " ".join(new), entry.uid, note
