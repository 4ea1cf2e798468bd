"""Matching keys: the forms under which two spellings of one name become equal.

Each key bridges one kind of variation, so that the matcher can say *how* two tokens matched:

* :func:`spelling_key` — romanisation variants of one sound (``kh``/``h``, ``-iy``/``-y``,
  ``-off``/``-ov``, ``x``/``ks``, ``eo``/``o``): ``Khodorkovskiy`` = ``Hodorkovsky``.
* :func:`variant_classes` — curated equivalence classes (``data/name_variants.tsv``) for
  spellings no rule bridges: ``Mohammed`` = ``Muhammad`` = ``محمد``, ``Chan`` = ``Chen`` = ``陈``.
* :func:`wade_giles_to_pinyin` — Wade–Giles syllables read as Pinyin: ``Ch'üan`` = ``quan``.
* :func:`abjad_key` — the consonant skeleton of a name, for Arabic-script names (written without
  short vowels) against their Latin spellings: ``محمد`` and ``Muhammad`` are both ``mhmd``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import groupby

from screening.text.scripts import script_of
from screening.text.tables import read_table
from screening.text.translit import to_ascii

__all__ = [
    "ARABIC_ARTICLE",
    "abjad_key",
    "abjad_vowels_agree",
    "chinese_variant_classes",
    "is_chinese_syllable",
    "is_wade_giles_marker",
    "is_wade_giles_pair",
    "pinyin_readings",
    "pinyin_syllables",
    "spelling_key",
    "variant_class_names",
    "variant_classes",
    "wade_giles_to_pinyin",
]

# Ordered rewrite rules over lower-case ASCII. Upper-case letters are placeholders for sounds
# written with two letters, so that later single-letter rules do not split them again. Each rule
# names the substrings one of which every match contains: a rule whose substrings are all
# absent cannot change the key and is skipped (most tokens need a few of the 27 rules).
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str, str, str], ...] = tuple(
    (re.compile(pattern), replacement, *(*needs, "", "")[:2])
    for pattern, replacement, needs in (
        (r"shch|sch|sh", "S", ("sh", "sch")),  # Russian щ/ш, German sch
        (r"tsch|tch|ch|tsh", "C", ("ch", "tsh")),  # ч
        (r"dzh|dj|zh|j", "J", ("zh", "j")),  # ж, дж; j as in Jusuf is rare next to Yusuf
        (r"kh", "h", ("kh",)),  # х: Khodorkovsky / Hodorkovsky
        # Not after n: there it ends one syllable and opens the next (Korean 정훈 jeong-hun is
        # not 정운 jeong-un, KIM Jong Un; Pinyin zhong-hua).
        (r"(?<!n)gh", "g", ("gh",)),
        (r"ph", "f", ("ph",)),
        (r"th", "t", ("th",)),
        (r"dh", "d", ("dh",)),
        (r"ts|tz", "Z", ("ts", "tz")),  # ц
        (r"ck|q", "k", ("ck", "q")),
        (r"c(?=[eiy])", "s", ("c",)),
        (r"c", "k", ("c",)),
        (r"x", "ks", ("x",)),
        (r"w", "v", ("w",)),
        (r"gu(?=[ei])", "g", ("gu",)),  # French Serguei
        (r"eo", "o", ("eo",)),  # Korean RR eo = McCune-Reischauer o
        (r"eu", "u", ("eu",)),  # Korean RR eu
        (r"ou|oo", "u", ("ou", "oo")),
        (r"ee", "i", ("ee",)),
        (r"y", "i", ("y",)),
        (r"^ie", "e", ("ie",)),  # Yevgeniy / Evgeny
        (r"(?<=[bdfgkptv])er$", "r", ("er",)),  # Alexander / Aleksandr, Peter / Petr
        (r"(?<=[aeiou])h$", "", ("h",)),  # Abdullah / Abdulla
        (r"ff$", "v", ("ff",)),  # Ivanoff / Ivanov
        (r"ei$", "i", ("ei",)),  # Sergei / Sergey
        (r"(.)\1+", r"\1", ()),  # doubled letters (always tried)
        (r"ii$", "i", ("ii",)),
    )
)


@lru_cache(maxsize=65536)  # bounded: query tokens are endless
def spelling_key(text: str) -> str:
    """Romanisation-variant key of an ASCII token: ``"khodorkovskiy"`` and ``"hodorkovsky"``
    are both ``"hodorkovski"``; ``"sergei"``, ``"sergey"``, ``"serguei"`` are ``"sergi"``."""
    key = text
    for pattern, replacement, needs, or_needs in _SPELLING_RULES:
        if needs in key or (or_needs and or_needs in key):  # "" is in every key
            key = pattern.sub(replacement, key)
    return key.lower()


@cache
def _variant_index() -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for class_id, row in enumerate(read_table("name_variants")):
        for spelling in row[1:]:
            ids = index.setdefault(spelling, [])
            if class_id not in ids:
                ids.append(class_id)
    return {spelling: tuple(ids) for spelling, ids in index.items()}


@cache
def variant_class_names() -> tuple[str, ...]:
    """Canonical name of each variant class, indexed by class id."""
    return tuple(row[0] for row in read_table("name_variants"))


def variant_classes(*spellings: str) -> tuple[int, ...]:
    """Ids of the curated variant classes any of ``spellings`` belongs to (sorted, unique)."""
    index = _variant_index()
    found: set[int] = set()
    for spelling in spellings:
        found.update(index.get(spelling, ()))
    return tuple(sorted(found))


@cache
def _korean_classes() -> frozenset[int]:
    return frozenset(
        class_id
        for class_id, row in enumerate(read_table("name_variants"))
        if any(script_of(char) == "Hang" for spelling in row[1:] for char in spelling)
    )


@lru_cache(maxsize=65536)  # asked for every token a Han token is compared with
def chinese_variant_classes(han: str) -> tuple[int, ...]:
    """The variant classes of Han characters read as Chinese: the classes that list them,
    but the Korean surnames' (李 is Li or Lee here; as Ri or Yi it is read in Korean, which
    only entries linked to Korea are screened by)."""
    korean = _korean_classes()
    return tuple(c for c in variant_classes(han) if c not in korean)


@cache
def _wade_giles() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("wade_giles")}


def is_chinese_syllable(text: str) -> bool:
    """Whether a lower-case token is one syllable of romanised Chinese: Pinyin, or Wade–Giles
    written without its apostrophes and umlaut (``hsueh``, ``chin``, ``kuo``)."""
    return text in pinyin_syllables() or text in _wade_giles_plain()


@cache
def _wade_giles_plain() -> frozenset[str]:
    return frozenset(to_ascii(syllable) for syllable in _wade_giles())  # as tokens read them


@cache
def pinyin_syllables() -> frozenset[str]:
    """Every toneless Hanyu Pinyin syllable."""
    return frozenset(row[0] for row in read_table("pinyin_syllables"))


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'"})


_ASPIRABLE = re.compile(r"^(ch|ts|tz|p|t|k)(?=[a-zü])")


def _wade_giles_reading(syllable: str) -> str | None:
    table = _wade_giles()
    pinyin = table.get(syllable)
    if pinyin is None and "u" in syllable:
        pinyin = table.get(syllable.replace("u", "ü"))  # ü is often written u
    return pinyin


def wade_giles_to_pinyin(raw: str, *, marked: bool) -> str | None:
    """Pinyin reading(s) of a Wade–Giles syllable, ``|``-separated, or ``None``.

    The aspiration apostrophe is often left out (``Chin-ping`` for ``Chin-p'ing``, Xi Jinping),
    so a syllable written without it has both readings: ``"ping"`` → ``"bing|ping"``.

    Args:
        raw: one lower-case syllable as written, apostrophes and ``ü`` kept (``"ch'üan"``).
        marked: the name carries a sign that it is Wade–Giles (an aspiration apostrophe, a
            ``ü``, a syllable that exists in Wade–Giles but not in Pinyin, or two syllables
            hyphenated). Without such a sign a syllable that is valid Pinyin is read as Pinyin:
            ``Chen`` stays ``chen``.
    """
    syllable = raw.translate(_APOSTROPHES)
    pinyin = _wade_giles_reading(syllable)
    if pinyin is None:
        return None
    if not marked and to_ascii(syllable) in pinyin_syllables():
        return None
    readings = [pinyin]
    if "'" not in syllable:
        aspirated = _wade_giles_reading(_ASPIRABLE.sub(r"\1'", syllable))
        if aspirated is not None and aspirated != pinyin:
            readings.append(aspirated)
    return "|".join(readings)


def pinyin_readings(text: str, pinyin: str | None) -> tuple[str, ...]:
    """The readings a token can be compared by: its Wade–Giles readings, else its text."""
    return tuple(pinyin.split("|")) if pinyin else (text,)


def is_wade_giles_pair(left: str, right: str) -> bool:
    """True for two hyphenated syllables that are both Wade–Giles (``Kuang-hua``): Pinyin
    writes a given name as one word (``Guanghua``), Wade–Giles with a hyphen."""
    table = _wade_giles()
    return left.translate(_APOSTROPHES) in table and right.translate(_APOSTROPHES) in table


def is_wade_giles_marker(raw: str) -> bool:
    """True if a syllable can only be Wade–Giles: an aspiration apostrophe, ``ü``, or a valid
    Wade–Giles syllable that is not a Pinyin syllable (``hsi``, ``chiang``, ``tzu``)."""
    syllable = raw.translate(_APOSTROPHES)
    if len(syllable) < 2 or syllable not in _wade_giles():
        return False  # a single letter is an initial far more often than a syllable
    return "'" in syllable or "ü" in syllable or syllable not in pinyin_syllables()


# --- Abjad skeletons -------------------------------------------------------------------------

# The Arabic article al-, written joined to its word.
ARABIC_ARTICLE = "ال"

# Arabic and Persian letters to consonant classes; long vowels and hamza carriers are dropped,
# as short vowels are not written. Classes merge letters that Latin spellings merge:
# ق ك غ گ are q/k/g/gh (Qaddafi, Kadhafi, Gaddafi); ح ه خ are h/kh; ذ ض ظ ز are d/dh/z.
_ARABIC_CONSONANTS = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "j", "چ": "j", "ژ": "j",
    "ح": "h", "خ": "h", "ه": "h", "د": "d", "ذ": "d", "ض": "d", "ظ": "d", "ر": "r",
    "ز": "d", "س": "s", "ش": "s", "ص": "s", "ف": "f", "ق": "k", "ك": "k", "ک": "k",
    "گ": "k", "غ": "k", "ل": "l", "م": "m", "ن": "n", "و": "w", "ي": "y", "ی": "y",
}  # fmt: skip
_ARABIC_SEMIVOWELS = {"w", "y"}

# Latin spellings to the same classes: clusters first (in this order), then single letters.
_LATIN_CLUSTERS = (
    ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"),
    ("dh", "d"), ("ph", "f"),
)  # fmt: skip
_LATIN_LETTERS = {"z": "d", "v": "f", "q": "k", "c": "k", "g": "k", "x": "k", "p": "b"}
_LATIN_HEAD = str.maketrans({**_LATIN_LETTERS, **dict.fromkeys("aeiou0123456789")})
_LATIN_REST = str.maketrans({**_LATIN_LETTERS, **dict.fromkeys("aeiouwy0123456789")})


def _squeeze(letters: str) -> str:
    out = "".join(letter for letter, _ in groupby(letters))
    if len(out) > 1 and out[-1] == "h":
        out = out[:-1]  # final ه / -ah is mostly a vowel ending (Abdullah / Abdulla)
    return out


# Long vowels written in Arabic script (alef, waw and ya after a consonant) and the Latin vowel
# letters that can spell each; a non-initial w or y in a Latin word is a vowel too.
_ARABIC_LONG_VOWELS = {"ا": "a", "آ": "a", "ى": "a", "و": "u", "ي": "i", "ی": "i"}
_LATIN_SPELLINGS = {"a": frozenset("ae"), "u": frozenset("uow"), "i": frozenset("iey")}
# Letters that carry a vowel at the start of an Arabic word: alef (with or without hamza), ayn.
_ARABIC_VOWEL_CARRIERS = frozenset("اأإآعء")


def _vowel_slots(token: str, *, arabic: bool) -> tuple[frozenset[str], list[set[str]]]:
    """The vowels before the first consonant, and those after each consonant of the abjad key,
    as ``abjad_key`` squeezes them (a repeated consonant is one slot; a final ``h`` none).
    Arabic: the long vowels written (``a``, ``u``, ``i``); Latin: the vowel letters."""
    if arabic:
        head: set[str] = set()
        slots: list[tuple[str, set[str]]] = []
        for i, char in enumerate(token):
            value = _ARABIC_CONSONANTS.get(char)
            if value is not None and not (value in _ARABIC_SEMIVOWELS and i > 0):
                if slots and slots[-1][0] == value:
                    continue
                slots.append((value, set()))
                continue
            vowel = _ARABIC_LONG_VOWELS.get(char)
            if vowel is None or i == 0 or (token[i + 1 : i + 2] == "ل" and vowel == "a"):
                if i == 0 and char in _ARABIC_VOWEL_CARRIERS:
                    head.add("")  # a vowel of any quality may open the word
                continue  # hamza, ayn, ta marbuta; an alef before lam: the article inside
            (slots[-1][1] if slots else head).add(vowel)
    else:
        text = token
        for cluster, replacement in _LATIN_CLUSTERS:
            if cluster in text:
                text = text.replace(cluster, replacement)
        head, slots = set(), []
        for i, char in enumerate(text):
            value = (_LATIN_HEAD if i == 0 else _LATIN_REST).get(ord(char), char)
            if value is None:  # a vowel
                if not char.isdigit():
                    (slots[-1][1] if slots else head).add(char)
                continue
            if slots and slots[-1][0] == value:
                continue
            slots.append((str(value), set()))
    if len(slots) > 1 and slots[-1][0] == "h":
        slots.pop()  # as _squeeze drops a final h
    return frozenset(head), [vowels for _, vowels in slots]


def abjad_vowels_agree(arabic: str, latin: str) -> bool:
    """Whether a Latin spelling fits the long vowels an Arabic-script word writes, given that
    their consonant skeletons (:func:`abjad_key`) are equal: ``حماس`` (h, m, alef, s) fits
    ``Hamas``, but ``رضا`` does not fit ``Arezoo`` (no alef before the r; an alef, not an o,
    after it) nor ``مأمون`` ``Mena``. Short vowels are not written, so they constrain nothing."""
    q_head, q_slots = _vowel_slots(arabic, arabic=True)
    c_head, c_slots = _vowel_slots(latin, arabic=False)
    if c_head and not q_head:
        return False  # the Latin opens with a vowel that the Arabic does not write
    if arabic.startswith(ARABIC_ARTICLE) and not c_head:
        return False  # the article's alef is spoken (al-, el-, ash-): LOGAID is not القاعدة
    if len(q_slots) != len(c_slots):
        return True  # not aligned slot by slot: no grounds to refuse
    for long_vowels, letters in zip((q_head - {""}, *q_slots), (c_head, *c_slots), strict=True):
        for vowel in long_vowels:
            if _LATIN_SPELLINGS[vowel].isdisjoint(letters):
                return False
    return True


def abjad_key(token: str, *, arabic: bool) -> str:
    """Consonant skeleton of a name token: ``abjad_key("محمد", arabic=True)`` and
    ``abjad_key("mohammed", arabic=False)`` are both ``"mhmd"``.

    Vowels are dropped; ``w``/``y`` are kept only at the start of a word, where they are
    consonants (Walid, Yusuf) rather than long vowels.
    """
    if arabic:
        letters: list[str] = []
        for i, char in enumerate(token):
            value = _ARABIC_CONSONANTS.get(char)
            if value is None or (value in _ARABIC_SEMIVOWELS and i > 0):
                continue
            letters.append(value)
        return _squeeze("".join(letters))
    text = token
    for cluster, replacement in _LATIN_CLUSTERS:
        if cluster in text:
            text = text.replace(cluster, replacement)
    return _squeeze(text[:1].translate(_LATIN_HEAD) + text[1:].translate(_LATIN_REST))
