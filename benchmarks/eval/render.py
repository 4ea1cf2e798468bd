"""Render romanised list names in other scripts and systems: Cyrillic, Han, Wade–Giles, Arabic.

Each function is this benchmark's own reverse of a romanisation (tables in ``tables.py``); none
uses the matcher's code or tables, so the evaluation is not circular.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from benchmarks.eval.tables import (
    ARABIC_LETTERS,
    ARABIC_NAMES,
    CYRILLIC_LETTERS,
    GIVEN_NAME_HAN,
    SURNAMES_HAN,
)

# --- Cyrillic (reverse BGN/PCGN) -------------------------------------------------------------

_VOWELS = set("aeiouy")


# Ukrainian BGN/PCGN differs from Russian in these letters (и is y, і is i, г is h).
# ґ is rare in names: g is written г, as is h.
_UKRAINIAN = (("yi", "ї"), ("ye", "є"), ("i", "і"), ("h", "г"), ("g", "г"))


def latin_to_cyrillic(word: str, *, ukrainian: bool = False) -> str:
    """A BGN/PCGN-romanised Russian (or Ukrainian) word in Cyrillic, title-cased:
    ``"Yevgeniy"`` → ``"Евгений"``, ``"Khodorkovskiy"`` → ``"Ходорковский"``;
    Ukrainian ``"Hryhoriy"`` → ``"Григорій"``."""
    text = word.lower()
    out: list[str] = []
    i = 0
    while i < len(text):
        rest = text[i:]
        if rest in ("iy", "yy"):  # -ий, -ый (Ukrainian -ій, -ий)
            if ukrainian:
                out.append("ій" if rest == "iy" else "ий")
            else:
                out.append("ий" if rest == "iy" else "ый")
            break
        if rest in ("y", "ei") and i and text[i - 1] not in _VOWELS:
            # English-style endings of -ий and -ей names: Dmitry, Yury, Sergei
            out.append(("ій" if ukrainian else "ий") if rest == "y" else "ей")
            break
        if ukrainian and not rest.startswith(("kh", "zh", "sh", "ch")):
            group = next((g for g in _UKRAINIAN if rest.startswith(g[0])), None)
            if group is not None and not (group[0] == "yi" and i and text[i - 1] not in _VOWELS):
                out.append(group[1])
                i += len(group[0])
                continue
        if text[i] == "y" and not any(rest.startswith(g) for g in ("ya", "yu", "yo", "ye")):
            prev = text[i - 1] if i else ""
            consonant = "и" if ukrainian else "ы"
            out.append("й" if (not prev or prev in _VOWELS) else consonant)
            i += 1
            continue
        if text[i] == "e" and i == 0 and not ukrainian:
            out.append("э")
            i += 1
            continue
        if text[i] in "'’":
            out.append("ь")
            i += 1
            continue
        for latin, cyrillic in CYRILLIC_LETTERS:
            if rest.startswith(latin):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out).capitalize()


# --- Pinyin, Han characters, Wade–Giles ------------------------------------------------------


def _toneless(reading: str) -> str:
    bare = "".join(
        c for c in unicodedata.normalize("NFD", reading) if unicodedata.category(c) != "Mn"
    )
    return bare.lower()


@cache
def _pinyin_dict() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


def han_reading(char: str) -> str:
    """The usual (first listed) toneless reading of a Han character in pypinyin's dictionary,
    ``ü`` written ``u`` as OFAC writes it (``"吕"`` → ``"lu"``); ``""`` if it has none."""
    readings = _pinyin_dict().get(ord(char))
    return _toneless(readings.split(",")[0]) if readings else ""


@cache
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable read for some character (``ü`` as ``u``), with a vowel."""
    found = set()
    for readings in _pinyin_dict().values():
        for reading in readings.split(","):
            syllable = _toneless(reading)
            if syllable.isalpha() and syllable.isascii() and set(syllable) & set("aeiou"):
                found.add(syllable)
    return frozenset(found)


def split_pinyin(word: str, most: int = 2) -> list[str] | None:
    """Split a romanised given name into at most ``most`` pinyin syllables, longest first
    syllable preferred (``"quanguo"`` → ``["quan", "guo"]``); ``None`` if it is not pinyin."""
    word = word.lower()
    syllables = pinyin_syllables()
    if word in syllables:
        return [word]
    if most < 2:
        return None
    for cut in range(min(len(word) - 1, 6), 0, -1):
        head, tail = word[:cut], word[cut:]
        if head in syllables and tail in syllables:
            return [head, tail]
    return None


@cache
def surname_han() -> dict[str, str]:
    """Pinyin of a common surname → its most common character."""
    table: dict[str, str] = {}
    for pair in SURNAMES_HAN.split():
        pinyin, char = pair.split(":")
        table.setdefault(pinyin, char)
    return table


@cache
def _given_han() -> dict[str, str]:
    table: dict[str, str] = {}
    for char in GIVEN_NAME_HAN:
        table.setdefault(han_reading(char), char)
    # GB2312 level 1 (rows 16-55): the 3,755 characters of everyday use, in pinyin order.
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                char = bytes((row, cell)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            table.setdefault(han_reading(char), char)
    return table


def han_for_syllable(syllable: str) -> str | None:
    """A character commonly used in given names whose usual reading is ``syllable``."""
    return _given_han().get(syllable)


_WG_INITIALS = (
    ("zh", "ch"), ("ch", "ch'"), ("sh", "sh"), ("b", "p"), ("p", "p'"), ("m", "m"), ("f", "f"),
    ("d", "t"), ("t", "t'"), ("n", "n"), ("l", "l"), ("g", "k"), ("k", "k'"), ("h", "h"),
    ("j", "ch"), ("q", "ch'"), ("x", "hs"), ("r", "j"), ("z", "ts"), ("c", "ts'"), ("s", "s"),
    ("y", "y"), ("w", "w"),
)  # fmt: skip
_WG_WHOLE = {
    "zi": "tzu", "ci": "tz'u", "si": "ssu", "zhi": "chih", "chi": "ch'ih", "shi": "shih",
    "ri": "jih", "er": "erh", "e": "o", "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh",
    "yong": "yung", "yu": "yü", "yue": "yüeh", "yuan": "yüan", "yun": "yün",
}  # fmt: skip


def pinyin_to_wade_giles(syllable: str) -> str:
    """One toneless pinyin syllable in Wade–Giles: ``"quan"`` → ``"ch'üan"``, ``"guo"`` →
    ``"kuo"``, ``"xi"`` → ``"hsi"``, ``"zhong"`` → ``"chung"``."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    initial, wg_initial = "", ""
    for pinyin, wade in _WG_INITIALS:
        if syllable.startswith(pinyin):
            initial, wg_initial = pinyin, wade
            break
    final = syllable[len(initial) :]
    if initial in ("j", "q", "x"):
        final = re.sub(r"^u", "ü", final)
    if final == "ong":
        final = "ung"
    elif final == "iong":
        final = "iung"
    elif final == "ian":
        final = "ien"
    elif final in ("ie", "üe", "ue"):
        final = final + "h"
        final = "üeh" if final == "ueh" else final
    elif (final == "uo" and initial not in ("g", "k", "h", "sh")) or (
        final == "e" and initial in ("g", "k", "h")
    ):
        final = "o"  # duo -> to, ge -> ko; but guo -> kuo, shuo -> shuo
    elif final == "ui" and initial in ("g", "k"):
        final = "uei"
    return wg_initial + final


# --- Arabic ----------------------------------------------------------------------------------


@cache
def _arabic_names() -> dict[str, str]:
    return {latin: arabic for spellings, arabic in ARABIC_NAMES for latin in spellings.split()}


def is_arabic_name_token(token: str) -> bool:
    """True if ``token`` (any case) is one of the common Arabic names in the table."""
    return token.lower() in _arabic_names()


def _arabic_letters(word: str) -> str:
    out: list[str] = []
    i = 0
    n = len(word)
    if word[:1] in "aeiou":
        out.append("ا" if word[0] in "aei" else "او")
        i = 1
    while i < n:
        rest = word[i:]
        if rest in ("ah", "a") and i:
            out.append("ة" if rest == "ah" else "ا")
            break
        if rest in ("i", "y") and i:
            out.append("ي")
            break
        if rest in ("u", "o") and i:
            out.append("و")
            break
        if word[i] in "aeiou" and not any(rest.startswith(g) for g, _ in ARABIC_LETTERS[:15]):
            i += 1  # a short vowel: not written
            continue
        for latin, arabic in ARABIC_LETTERS:
            if rest.startswith(latin):
                if not (i and word[i - 1] == word[i] and len(latin) == 1):  # doubled: shadda
                    out.append(arabic)
                i += len(latin)
                break
        else:
            i += 1
    return "".join(out)


_ARTICLE = re.compile(r"^(?:al|el|ad|adh|an|ar|as|ash|at|az)-(.+)$")


def arabic_word(token: str) -> str:
    """One Latin name token in Arabic script: a known name from the table, the article
    (``al-``, ``ash-``...) as ``ال``, else consonants letter by letter."""
    word = token.lower().strip("'’`")
    word = word.replace("'", "").replace("’", "")
    m = _ARTICLE.match(word)
    if m:
        return "ال" + arabic_word(m.group(1)).replace(" ", "")
    known = _arabic_names().get(word)
    if known is not None:
        return known
    return _arabic_letters(word)


def latin_to_arabic(tokens: list[str]) -> str:
    """A romanised Arabic name (tokens in the order to write them) in Arabic script; a lone
    ``al``/``el`` is joined to the next word as the article."""
    out: list[str] = []
    pending_article = False
    for token in tokens:
        low = token.lower()
        if low in ("al", "el"):
            pending_article = True
            continue
        word = arabic_word(token)
        if pending_article:
            word = "ال" + word
            pending_article = False
        out.append(word)
    return " ".join(w for w in out if w)
