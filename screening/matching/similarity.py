"""How similar two name tokens are, and why: the one pure token scorer every path uses.

A token pair is compared under a fixed ladder of relations; the first that holds gives the
similarity (0.0–1.0) and the reason recorded in the explanation:

============  =====  =========================================================================
relation      sim    holds when
============  =====  =========================================================================
exact         1.00   same token in the same script
translit      0.97   same romanisation from different scripts (``陈`` / ``chen``); 1.00 when
                     both are Latin (diacritics folded: ``Müller`` / ``Muller``)
variant       0.95   same curated variant class (``Mohammed`` / ``Muhammad`` / ``محمد``); a
                     Han token by its characters' Chinese classes (``李`` / ``Lee``, not ``丽``
                     / ``Lee``, nor ``李`` / ``Ri``: that is the Korean reading's)
wade-giles    0.95   one token is Wade–Giles for the other's Pinyin (``Ch'üan`` / ``quan``)
spelling      0.92   same romanisation-variant key (``Khodorkovskiy`` / ``Hodorkovsky``);
                     never for a Han token, whose Pinyin is exact
abjad         0.88   an Arabic-script token with the consonant skeleton (2+ consonants) of a
                     Latin one, whose vowels fit the long vowels it writes (``حماس`` /
                     ``Hamas``, not ``رضا`` / ``Arezoo``)
typo          ≤0.85  optimal-string-alignment distance ≤ 1 (the longer token has 5–9 letters)
                     or ≤ 2 (10 or more): 0.95 − 0.5·d/length of the longer token; two
                     four-letter tokens: two adjacent letters swapped (``Kahn`` / ``Khan``);
                     a three- or four-letter word and itself with one letter, not the first,
                     left out (``Khan`` / ``Khn``, ``Guo`` / ``Go``), or in three letters two
                     after the first swapped (``Pak`` / ``Pka``), unless both are Pinyin
                     syllables (``Mao`` / ``Ma``) or Roman numerals, or one is romanised
                     from Chinese, Korean or Japanese script; never for a Han token
initial       0.60   an initial and a word starting with that letter (``V.`` / ``Vladimir``)
============  =====  =========================================================================

Pairs of tokens shorter than 5 letters get no other typo tolerance (``Wang``/``Tang``,
``John``/``Joan`` are different names; the spelling variants of short names are in the variant
table), nor do tokens made by joining two adjacent tokens; numbers match only exactly.
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import NamedTuple

from rapidfuzz.distance import OSA

from screening.text.keys import (
    abjad_key,
    abjad_vowels_agree,
    chinese_variant_classes,
    pinyin_readings,
    pinyin_syllables,
    spelling_key,
    variant_classes,
)
from screening.text.tokens import Token, TokenKind

__all__ = [
    "ABJAD_SCRIPTS",
    "SYLLABIC_SCRIPTS",
    "MIN_ABJAD_LEN",
    "MIN_DROPPED_LEN",
    "MIN_JOINED_ABJAD_LEN",
    "MAX_TYPO_LEN",
    "MIN_TYPO_LEN",
    "How",
    "TokenInfo",
    "consonant_skeleton",
    "is_dropped_letter",
    "is_short_typo",
    "max_typos",
    "token_info",
    "token_similarity",
]

ABJAD_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc"})
# Written in syllables, romanised by table: 李 is "li" exactly, never "lui" with a letter lost.
SYLLABIC_SCRIPTS = frozenset({"Hani", "Hang", "Hira", "Kana"})
HAN = "Hani"


class How(IntEnum):
    """The relation by which two tokens matched (the rows of the table above)."""

    NONE = 0
    EXACT = 1
    TRANSLIT = 2
    VARIANT = 3
    WADE_GILES = 4
    SPELLING = 5
    ABJAD = 6
    TYPO = 7
    INITIAL = 8


SIM_TRANSLIT = 0.97
SIM_VARIANT = 0.95
SIM_WADE_GILES = 0.95
SIM_SPELLING = 0.92
SIM_ABJAD = 0.88
SIM_INITIAL = 0.60
MIN_TYPO_LEN = 5
TYPO_2_LEN = 10
# No name word is this long (the longest listed one has 27 letters): a longer token is junk or
# words run together (a 1,000-character query of one word), and the deletion neighbourhood of
# two typos would be length²/2 keys: seconds and gigabytes for one query. No typo there.
MAX_TYPO_LEN = 40
# Under five letters, one letter left out of a three- or four-letter word (``KHN`` for KHAN,
# ``GO`` for GUO) is the only edit tolerated but a swap; see is_dropped_letter.
MIN_DROPPED_LEN = 3
_ROMAN = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
# A one-consonant skeleton (علي "l") matches hundreds of unrelated Latin names; common short
# names are in the variant table instead. Two consonants (حبيب Habib "hb") is the floor:
# benchmarks/bench_eval.py measured 3 → 2 as Arabic-script recall 44% → 81% at +0.4 points of
# false positives on native-script person names.
MIN_ABJAD_LEN = 2
# Two tokens read as one need three: a two-letter skeleton made of two one-letter ones (Ri Je,
# "rj") is two initials' worth of evidence. benchmarks/bench_eval.py: same recall, Arabic-script
# top-1 74.3% -> 75.7%, same false-positive rate.
MIN_JOINED_ABJAD_LEN = 3


class TokenInfo(NamedTuple):
    """A token with every matching key computed once (at index build time for list tokens)."""

    text: str
    orig: str
    script: str
    kind: TokenKind
    pinyin: str | None
    spelling: str
    variants: tuple[int, ...]
    abjad: str
    abjad_script: bool
    joined: bool


def consonant_skeleton(token: Token) -> str:
    """The abjad key of a token as written (see :func:`~screening.text.keys.abjad_key`):
    of its Arabic-script letters, or of its Latin ones if it is a word; ``""`` if none."""
    if token.script in ABJAD_SCRIPTS:
        return abjad_key(token.orig, arabic=True)
    if token.kind not in (TokenKind.INITIAL, TokenKind.NUMBER) and token.text.isalpha():
        return abjad_key(token.text, arabic=False)
    return ""


def token_info(token: Token, *, joined: bool = False) -> TokenInfo:
    """Compute the matching keys of a token (``joined``: two adjacent tokens written as one)."""
    abjad_script = token.script in ABJAD_SCRIPTS
    is_word = token.kind not in (TokenKind.INITIAL, TokenKind.NUMBER)
    abjad = consonant_skeleton(token) if token.skeleton is None else token.skeleton
    return TokenInfo(
        text=token.text,
        orig=token.orig,
        script=token.script,
        kind=token.kind,
        pinyin=token.pinyin,
        spelling=spelling_key(token.text) if is_word and not abjad_script else "",
        variants=variant_classes(token.text, token.orig) if is_word else (),
        abjad=abjad,
        abjad_script=abjad_script,
        joined=joined,
    )


def max_typos(length: int) -> int:
    """Edit operations tolerated in a token of ``length`` letters (0, 1 or 2; none over
    :data:`MAX_TYPO_LEN`)."""
    if length < MIN_TYPO_LEN or length > MAX_TYPO_LEN:
        return 0
    return 1 if length < TYPO_2_LEN else 2


def token_similarity(q: TokenInfo, c: TokenInfo) -> tuple[float, How]:
    """Similarity (0.0–1.0) of a query token and a candidate token, and the relation used."""
    if q.orig == c.orig and q.script == c.script:
        return 1.0, How.EXACT
    q_initial = q.kind == TokenKind.INITIAL
    c_initial = c.kind == TokenKind.INITIAL
    if q_initial or c_initial:
        if q_initial != c_initial and q.text[:1] == c.text[:1] and not (q.joined or c.joined):
            return SIM_INITIAL, How.INITIAL
        return 0.0, How.NONE
    # Arabic script writes no short vowels, and its romanisation may equal a Latin word whose
    # vowels it does not fit: حماس is "hms", but not the acronym HMS.
    if q.text == c.text and (q.abjad_script == c.abjad_script or _vowels_fit(q, c)):
        if q.script == c.script or {q.script, c.script} <= {"Latn", "Zyyy"}:
            return 1.0, How.TRANSLIT
        return SIM_TRANSLIT, How.TRANSLIT
    if q.kind == TokenKind.NUMBER or c.kind == TokenKind.NUMBER:
        return 0.0, How.NONE
    if q.variants and c.variants and not set(_variants(q)).isdisjoint(_variants(c)):
        return SIM_VARIANT, How.VARIANT
    if (q.pinyin or c.pinyin) and not set(pinyin_readings(q.text, q.pinyin)).isdisjoint(
        pinyin_readings(c.text, c.pinyin)
    ):
        return SIM_WADE_GILES, How.WADE_GILES
    # Han characters read in Pinyin are spelt exactly: a token spelt otherwise is another
    # character's reading (成 cheng is not CHEN, 郑 zheng not SHENG, 雷 lei not LI), unless a
    # romanisation table says it is this one's (Wade-Giles above, variant classes).
    han = q.script == HAN or c.script == HAN
    if q.spelling and q.spelling == c.spelling and len(q.spelling) >= 3 and not han:
        return SIM_SPELLING, How.SPELLING
    if (
        q.abjad_script != c.abjad_script
        and q.abjad == c.abjad
        and len(q.abjad) >= MIN_ABJAD_LEN
        and (not (_one_word(q) and _one_word(c)) or _vowels_fit(q, c))
    ):
        return SIM_ABJAD, How.ABJAD
    if q.abjad_script or c.abjad_script or q.joined or c.joined or han:
        return 0.0, How.NONE
    longer = max(len(q.text), len(c.text))
    k = max_typos(longer)
    if k and abs(len(q.text) - len(c.text)) <= k:
        d = OSA.distance(q.text, c.text, score_cutoff=k)
        if d <= k:
            return 0.95 - 0.5 * d / longer, How.TYPO
    elif (len(q.text) == len(c.text) == MIN_TYPO_LEN - 1 and is_transposition(q.text, c.text)) or (
        q.kind == c.kind == TokenKind.WORD
        and q.script not in SYLLABIC_SCRIPTS
        and c.script not in SYLLABIC_SCRIPTS
        and is_short_typo(q.text, c.text)
    ):
        return 0.95 - 0.5 / longer, How.TYPO
    return 0.0, How.NONE


def _variants(info: TokenInfo) -> tuple[int, ...]:
    """The variant classes a token is compared by: a Han token's are the Chinese classes of
    its characters, not of their Pinyin (李 is Li or Lee; 丽 and 利, also "li", are neither),
    nor the Korean surnames' (李 as RI is :func:`~screening.text.translit.korean_reading`'s)."""
    return chinese_variant_classes(info.orig) if info.script == HAN else info.variants


def _one_word(info: TokenInfo) -> bool:
    """Whether a token's long vowels can be checked against a Latin spelling: one written
    word, or Arabic-script words joined, whose long vowels a Latin word written as one must
    fit in turn (علی قاضی, Ali Qazi, is not LOGAID, though both are l-k-d: the ya of Ali is
    no o; الیاس, Elyas, read as the article and یاس, is not LINDA). Not Latin words joined:
    their vowels are left unchecked."""
    return not info.joined or info.abjad_script


def _vowels_fit(q: TokenInfo, c: TokenInfo) -> bool:
    """:func:`~screening.text.keys.abjad_vowels_agree` for an Arabic-script and a Latin token."""
    if q.abjad_script:
        return abjad_vowels_agree(q.orig, c.text)
    return abjad_vowels_agree(c.orig, q.text)


def is_short_typo(a: str, b: str) -> bool:
    """Whether two words of two to four letters are one typo apart, where any edit would often
    spell another name: one letter, not the first, left out of three or four (``khn`` /
    ``khan``, ``go`` / ``guo``), or two adjacent letters after the first swapped in three
    (``pka`` / ``pak``). Not if both are Pinyin syllables (``Ma`` and ``Mao``, ``Li`` and
    ``Liu`` are distinct Chinese surnames, as common as any) or both Roman numerals (the
    vessels ``SPARTA II`` and ``SPARTA III``, ``XIV`` and ``XVI``)."""
    if not (is_dropped_letter(a, b) or (len(a) == 3 and a[0] == b[0] and is_transposition(a, b))):
        return False
    syllables = pinyin_syllables()
    if a in syllables and b in syllables:
        return False
    return not (_ROMAN.fullmatch(a) and _ROMAN.fullmatch(b))


def is_dropped_letter(a: str, b: str) -> bool:
    """Whether one of two words is the other, of three or four letters, with one letter but
    the first left out (``khn``, ``khan``)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1 or not MIN_DROPPED_LEN <= len(long) < MIN_TYPO_LEN:
        return False
    if short[:1] != long[:1]:
        return False
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def is_transposition(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two adjacent letters swapped (``buam``, ``baum``): the one
    typo tolerated in a four-letter word, where any other edit often spells another name
    (John, Joan)."""
    if len(a) != len(b) or a == b:
        return False
    i = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
