"""Romanisation of the scripts found in sanctions lists, each into one canonical Latin form.

Spelling variants between romanisation systems (``Aleksandr``/``Alexander``, Wade–Giles and
Pinyin, Revised and McCune–Reischauer Korean) are not produced here: they are bridged by the
matching keys in :mod:`screening.text.keys`. Here each script gets one deterministic reading:

* Han: Hanyu Pinyin without tones, the most common reading of each character
  (``data/han_pinyin.tsv``, generated from pypinyin's dictionary; surnames with a special
  reading from ``data/han_surnames.tsv``).
* Hangul: Revised Romanization, computed from the jamo of each syllable.
* Han read as Korean (hanja): :func:`korean_reading` writes a name's Han characters in Hangul
  (``data/han_hangul.tsv``, generated from the ``hanja`` package's table; readings names need
  from ``data/han_hangul_names.tsv``), so that ``金正恩`` can be screened as ``김정은``.
* Kana: Hepburn.
* Cyrillic: BGN/PCGN (the system OFAC's own spellings follow: Yevgeniy, Dmitriy, Aleksandr).
* Everything else: Unidecode.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from unidecode import unidecode

from screening.text.tables import read_table

__all__ = [
    "cyrillic_to_latin",
    "han_surname",
    "han_to_pinyin",
    "hangul_to_latin",
    "kana_to_latin",
    "korean_reading",
    "to_ascii",
]


def to_ascii(text: str) -> str:
    """Lower-case ASCII letters and digits of ``text`` (Unidecode, then everything else dropped)."""
    folded = text if text.isascii() else unidecode(text)
    return "".join(c for c in folded.lower() if c.isalnum() and c.isascii())


# --- Han -------------------------------------------------------------------------------------


@cache
def _pinyin_dict() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("han_pinyin")}


def _han_char(char: str) -> str:
    return _pinyin_dict().get(char) or to_ascii(char)


@cache
def _han_surnames() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("han_surnames")}


def han_surname(run: str) -> tuple[str, str] | None:
    """The surname at the start of a Han name and its pinyin, if the table gives it a special
    reading or it is a compound surname; ``None`` otherwise."""
    table = _han_surnames()
    for size in (2, 1):
        head = run[:size]
        if len(head) == size and head in table:
            return head, table[head]
    return None


# Han ideographs (unified, extension A and beyond, compatibility), and kana.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KANA_CHARS = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")


@cache
def _hangul_readings() -> tuple[dict[str, str], dict[str, str]]:
    readings = {row[0]: row[1] for row in read_table("han_hangul")}
    surnames: dict[str, str] = {}
    for char, hangul, where in read_table("han_hangul_names"):
        (surnames if where == "surname" else readings)[char] = hangul
    return readings, surnames


def korean_reading(name: str) -> str | None:
    """``name`` with its Han characters read as Korean hanja and written in Hangul, the other
    characters kept: ``金正恩`` → ``김정은``, as Chinese text writes Korean names. A character
    opening a word takes its reading as a surname where that differs (金: 김, not 금).

    ``None`` when the name has no Han character, has kana (a Japanese name, whose kanji are not
    read this way), or has a Han character without a Korean reading.
    """
    if _HAN.search(name) is None or _KANA_CHARS.search(name) is not None:
        return None
    readings, surnames = _hangul_readings()
    out: list[str] = []
    opening = True
    for char in unicodedata.normalize("NFKC", name):
        if _HAN.match(char) is not None:
            hangul = (surnames.get(char) if opening else None) or readings.get(char)
            if hangul is None:
                return None
            out.append(hangul)
            opening = False
        else:
            out.append(char)
            opening = not char.isalnum()
    return "".join(out)


def han_to_pinyin(run: str) -> list[str]:
    """Toneless pinyin of each character of a Han run: ``"陈全国"`` → ``chen quan guo``."""
    return [_han_char(char) for char in run]


# --- Hangul (Revised Romanization, 2000) ------------------------------------------------------

_RR_INITIAL = "g kk n d tt r m b pp s ss _ j jj ch k t p h".split()
_RR_VOWEL = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_RR_FINAL = ["", *"k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()]


def _hangul_syllable(char: str) -> str:
    index = ord(char) - 0xAC00
    if not 0 <= index < 11172:
        return to_ascii(char)
    initial, rest = divmod(index, 588)
    vowel, final = divmod(rest, 28)
    lead = _RR_INITIAL[initial]
    return ("" if lead == "_" else lead) + _RR_VOWEL[vowel] + _RR_FINAL[final]


def hangul_to_latin(run: str) -> list[str]:
    """Revised Romanization of each syllable: ``"김정은"`` → ``["gim", "jeong", "eun"]``."""
    return [_hangul_syllable(char) for char in run]


# --- Kana (Hepburn) ---------------------------------------------------------------------------

_KANA_ROWS = {
    "あいうえお": "a i u e o",
    "かきくけこ": "ka ki ku ke ko",
    "がぎぐげご": "ga gi gu ge go",
    "さしすせそ": "sa shi su se so",
    "ざじずぜぞ": "za ji zu ze zo",
    "たちつてと": "ta chi tsu te to",
    "だぢづでど": "da ji zu de do",
    "なにぬねの": "na ni nu ne no",
    "はひふへほ": "ha hi fu he ho",
    "ばびぶべぼ": "ba bi bu be bo",
    "ぱぴぷぺぽ": "pa pi pu pe po",
    "まみむめも": "ma mi mu me mo",
    "やゆよ": "ya yu yo",
    "らりるれろ": "ra ri ru re ro",
    "わゐゑを": "wa i e o",
    "ぁぃぅぇぉ": "a i u e o",
    "ゔ": "vu",
}
_KANA: dict[str, str] = {}
for _chars, _latin in _KANA_ROWS.items():
    for _char, _value in zip(_chars, _latin.split(), strict=True):
        _KANA[_char] = _value
_KANA["ん"] = "n"
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}


def _to_hiragana(char: str) -> str:
    cp = ord(char)
    return chr(cp - 0x60) if 0x30A1 <= cp <= 0x30F6 else char


def kana_to_latin(run: str) -> str:
    """Hepburn romanisation of a Hiragana or Katakana run, long-vowel marks dropped:
    ``"プーチン"`` → ``"puchin"``, ``"しょうこ"`` → ``"shouko"``."""
    out: list[str] = []
    double_next = False
    for raw in run:
        char = _to_hiragana(raw)
        if char in ("っ", "ッ"):
            double_next = True
            continue
        if char in ("ー", "・"):
            continue
        if char in _SMALL_Y and out:
            prev = out.pop()
            if prev.endswith(("shi", "chi", "ji")):
                out.append(prev[:-1] + _SMALL_Y[char])
            else:
                out.append(prev[:-1] + "y" + _SMALL_Y[char])
            continue
        value = _KANA.get(char)
        if value is None:
            value = to_ascii(char)
        if double_next and value:
            value = ("t" if value.startswith("ch") else value[0]) + value
            double_next = False
        out.append(value)
    return "".join(out)


# --- Cyrillic (BGN/PCGN, with OFAC's -iy for -ий) ---------------------------------------------

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w", "ђ": "dj", "ј": "j",
    "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}  # fmt: skip
_IOTATED = {"е": "ye", "ё": "yo"}
_VOWELS = set("аеёиоуыэюяіїє")


def cyrillic_to_latin(word: str) -> str:
    """BGN/PCGN romanisation of a lower-case Cyrillic word: ``"евгений"`` → ``"yevgeniy"``.

    ``е`` is ``ye`` at the start of a word and after a vowel or a hard or soft sign, as BGN/PCGN
    and OFAC's spellings have it; ``ё`` is always ``yo`` (OFAC: ``Artyom``, ``Pyotr``).
    """
    out: list[str] = []
    prev = ""
    for char in word:
        if char in _IOTATED and (not prev or prev in _VOWELS or prev in "ъь"):
            out.append(_IOTATED[char])
        else:
            out.append(_CYRILLIC.get(char, to_ascii(char)))
        prev = char
    return "".join(out)
