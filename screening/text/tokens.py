"""Names into tokens: one canonical Latin form per token, with its script, role and kind.

``tokenize("CHEN, Quanguo")`` and ``tokenize("陈全国")`` both give the tokens ``chen`` (surname)
and ``quanguo`` (given name); the second keeps ``陈`` / ``全国`` as the original-script forms.
Rules, in order:

* Unicode hygiene (:func:`screening.text.unicode.clean`).
* ``LAST, First Middle`` (OFAC's form for individuals): tokens before the first comma are the
  surname, after it given names; Russian patronymics (``-ovich``, ``-ovna``...) are marked.
* Dotted abbreviations are joined (``S.A.`` → ``sa``); other punctuation and hyphens split
  (``Quan-guo`` → ``quan guo``; the matcher re-joins adjacent tokens).
* Each script run is romanised (:mod:`screening.text.translit`). A Han or Hangul run of 2–4
  characters is a personal name: surname first (compound surnames from the table), then the
  given name as one token. Arabic ``ال`` is split off as the particle ``al`` (not from ``الله``).
* Titles and honorifics are dropped (unless nothing else is left); legal forms (``LLC``,
  ``ООО``, ``Co., Ltd.``) become one canonical token; particles, generic words, initials and
  numbers are marked so the matcher can weight them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import IntEnum
from functools import cache, lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA

from screening.text.keys import (
    ARABIC_ARTICLE,
    is_wade_giles_marker,
    is_wade_giles_pair,
    wade_giles_to_pinyin,
)
from screening.text.scripts import LATIN, script_of
from screening.text.tables import read_table
from screening.text.translit import (
    cyrillic_to_latin,
    han_surname,
    han_to_pinyin,
    hangul_to_latin,
    kana_to_latin,
    to_ascii,
)
from screening.text.unicode import clean

__all__ = ["Role", "Token", "TokenKind", "digits_as_letters", "letters_joined", "tokenize"]


class TokenKind(IntEnum):
    """What a token is, for weighting."""

    WORD = 0
    INITIAL = 1
    PARTICLE = 2
    LEGAL_FORM = 3
    GENERIC = 4
    NUMBER = 5
    HONORIFIC = 6  # only inside the tokenizer: honorifics are dropped before tokens are returned


class Role(IntEnum):
    """Where a token stands in a personal name, where known."""

    UNKNOWN = 0
    SURNAME = 1
    GIVEN = 2
    MIDDLE = 3
    PATRONYMIC = 4


class Token(NamedTuple):
    """One token of a name.

    Attributes:
        text: canonical lower-case ASCII form (``"quanguo"``; a legal form's class: ``"llc"``).
        orig: the token in its own script after hygiene (``"全国"``); equal to ``text`` for Latin.
        script: ISO 15924 code of ``orig``.
        kind: word, initial, particle, legal form, generic word or number.
        role: surname, given, middle, patronymic, or unknown.
        pinyin: Pinyin reading when the token is Wade–Giles (``"ch'üan"`` → ``"quan"``).
        skeleton: for two tokens read as one, their consonant skeletons put together (``""``:
            one has none); ``None`` for a token as written, whose skeleton is its own.
    """

    text: str
    orig: str
    script: str
    kind: TokenKind = TokenKind.WORD
    role: Role = Role.UNKNOWN
    pinyin: str | None = None
    skeleton: str | None = None


@cache
def _words(table: str) -> frozenset[str]:
    return frozenset(row[0] for row in read_table(table))


@cache
def _legal_forms() -> dict[tuple[str, ...], str]:
    return {tuple(row[0].split()): row[1] for row in read_table("legal_forms")}


@cache
def _short_legal_forms() -> frozenset[str]:
    return frozenset(row[0] for row in read_table("legal_forms") if row[2:3] == ("short",))


@cache
def _legal_max_len() -> int:
    return max(len(k) for k in _legal_forms())


_SPLIT = re.compile(r"[\s,;:/\\()\[\]{}\"“”„«»<>|+*#=~^%$@!?&_‐‑‒–—―-]+")
_DOTTED = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]\.){2,}[^\W\d_]?)(?![^\W\d_])")
# A letter, a dot and a word, which may be a legal form's word with a dot after its first
# letter (C.OMPANY); otherwise an initial and a word (A.Lara).
_LETTER_DOT_WORD = re.compile(r"(?<![^\W\d_.])([^\W\d_])\.([^\W\d_]{3,})(?![^\W\d_])")
# Letters and dots with the dots out of place (``s..ro.``, ``sr.o.``, ``g.mb.h``), which may be
# a legal form's abbreviation written with dots; see _misdotted_form.
_MISDOTTED = re.compile(r"(?<![^\W\d_.])([^\W\d_]{1,3}(?:\.+[^\W\d_]{1,3})+\.*)(?![^\W\d_])")
# Four or more single letters written apart, each by the same one space, hyphen or underscore
# (R O S N E F T, S-b-e-r-b-a-n-k): a word spelt out letter by letter; see letters_joined. The
# run stands apart too: the S of I&S is not its first letter.
_SPACED_LETTERS = re.compile(
    r"(?<![^\s(\[\"'“«])[^\W\d_]([ \u00a0_-])[^\W\d_](?:\1[^\W\d_]){2,}"
    r"(?![^\s)\]\"'”»,.;:])"
)
_SPACED_SCRIPTS = frozenset({LATIN, "Cyrl", "Grek"})
# A hyphen or dash of any width (screening.matching.compiled reads names' hyphens with it too).
DASHED = re.compile(r"[‐‑‒–—―-]")
# Two words joined by a hyphen, which may be a legal form's word split (CO-MPANY); see
# _legal_word_rejoined.
_HYPHENATED_WORD = re.compile(rf"(?<![^\W\d_])([^\W\d_]+){DASHED.pattern}([^\W\d_]+)(?![^\W\d_])")
_APOSTROPHES = "'’‘ʼʻ`´"
_PATRONYMIC = re.compile(r"(?:ovich|evich|yevich|ovna|evna|yevna|ichna|ogly|kyzy|uly)$")
# Allah is one word, not the article and "lh": عبد الله is Abdullah, حزب الله Hizballah.
_ALLAH = "الله"
# Two syllables joined by a hyphen, the Wade-Giles (and Taiwanese) way of writing a given name.
_HYPHENATED = re.compile(r"(?<![^\W\d_])([a-zü']{1,7})-([a-zü']{1,7})(?![^\W\d_])")


def letters_joined(name: str) -> str | None:
    """``name`` with every run of four or more single letters written apart by the same one
    space, hyphen or underscore joined into one word (``R O S N E F T`` → ``ROSNEFT``,
    ``S-b-e-r bank`` → ``Sber bank``), or ``None`` if it has none. Only Latin, Cyrillic and
    Greek letters, which the tokeniser reads one by one as initials (``J R R Tolkien``): the
    screener screens this as a second reading of the name, beside the name as written."""
    if not _may_spell_out(name) or _SPACED_LETTERS.search(name) is None:
        return None
    joined = _SPACED_LETTERS.sub(_joined_run, name)
    return None if joined == name else joined


def _may_spell_out(name: str) -> bool:
    """Whether ``name`` may have a run for :func:`letters_joined`: cheaper than its search
    (a few hundred nanoseconds against one to three microseconds for a customer's name), and
    never false where the search finds a run: four single letters written apart by spaces are
    four parts of one or two characters (a bracket or quote may be next to one); written apart
    by hyphens or underscores, the name has one."""
    if "-" in name or "_" in name:
        return True
    run = 0
    for part in name.split():
        run = run + 1 if len(part) <= 2 else 0
        if run == 4:
            return True
    return False


def _joined_run(match: re.Match[str]) -> str:
    letters = match.group(0)[::2]
    return letters if all(script_of(c) in _SPACED_SCRIPTS for c in letters) else match.group(0)


# Digits read as the Latin letters they look like (0 O, 1 I, 3 E, 4 A, 5 S, 7 T, 8 B): OCR
# errors and evasion (R0SN3FT); see digits_as_letters.
_LOOKALIKES = str.maketrans("0134578", "OIEASTB")
_LOOKALIKES_LOWER = str.maketrans("0134578", "oieastb")
_DIGIT = re.compile(r"\d")  # first: most names have none, and this search is cheaper
_DIGIT_BY_LETTER = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")
_LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


def digits_as_letters(name: str) -> str | None:
    """``name`` with the digits in its words read as the Latin letters they look like
    (``R0SN3FT`` → ``ROSNEFT``, ``T4C0`` → ``TACO``, ``K1M`` → ``KIM``), or ``None`` if it has
    none. Only in a word of Latin letters whose every digit looks like one, with no more digits
    than letters, and of four characters or more, or one digit between two letters (``MP3``,
    ``COVID19``, ``A1``, ``X5``, ``B2B`` and ``70th`` stay as written): the screener screens
    this as a second reading of the name, beside it."""
    if _DIGIT.search(name) is None or _DIGIT_BY_LETTER.search(name) is None:
        return None
    read = _LETTERS_AND_DIGITS.sub(_letters_for_digits, name)
    return None if read == name else read


def _letters_for_digits(match: re.Match[str]) -> str:
    word = match.group(0)
    letters = [c for c in word if not c.isdigit()]
    digits = len(word) - len(letters)
    short = len(word) == 3 and word[1].isdigit()  # K1M, but not MP3 or A1
    if (
        digits == 0
        or digits > len(letters)
        or (len(word) < 4 and not short)
        or not all(c.isascii() and c.isalpha() for c in letters)
        or _ORDINAL.fullmatch(word)
    ):
        return word
    read = word.translate(_LOOKALIKES if word.upper() == word else _LOOKALIKES_LOWER)
    return word if any(c.isdigit() for c in read) else read  # a digit like no letter: as is


def _script_runs(word: str) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for char in word:
        code = script_of(char)
        if code == "Zyyy" and runs:
            code = runs[-1][1]  # digits and marks stay with the run they are in
        if runs and runs[-1][1] == code:
            runs[-1] = (runs[-1][0] + char, code)
        else:
            runs.append((char, code))
    return runs


def _romanise(run: str, code: str, role: Role) -> list[Token]:
    if code == "Hani":
        syllables = han_to_pinyin(run)
        if 2 <= len(run) <= 4:
            special = han_surname(run)
            size = len(special[0]) if special else 1
            surname = special[1] if special else syllables[0]
            if size < len(run):
                return [
                    Token(surname, run[:size], "Hani", role=Role.SURNAME),
                    Token("".join(syllables[size:]), run[size:], "Hani", role=Role.GIVEN),
                ]
        return [Token(s, c, "Hani", role=role) for s, c in zip(syllables, run, strict=True)]
    if code == "Hang":
        syllables = hangul_to_latin(run)
        if 2 <= len(run) <= 4:
            return [
                Token(syllables[0], run[0], "Hang", role=Role.SURNAME),
                Token("".join(syllables[1:]), run[1:], "Hang", role=Role.GIVEN),
            ]
        return [Token("".join(syllables), run, "Hang", role=role)]
    if code in ("Hira", "Kana"):
        return [Token(kana_to_latin(run), run, code, role=role)]
    if code == "Cyrl":
        return [Token(to_ascii(cyrillic_to_latin(run)), run, code, role=role)]
    if code == "Arab":
        if run.startswith(ARABIC_ARTICLE) and len(run) > 3 and run != _ALLAH:
            rest = run[len(ARABIC_ARTICLE) :]
            return [
                Token("al", ARABIC_ARTICLE, code, kind=TokenKind.PARTICLE),
                Token(to_ascii(rest), rest, code, role=role),
            ]
        return [Token(to_ascii(run), run, code, role=role)]
    text = to_ascii(run)
    return [Token(text, text if code == LATIN else run, code, role=role)]


def _raw_words(cleaned: str, personal: bool | None) -> list[tuple[str, Role]]:
    """Split into raw words with the role the ``LAST, First`` form gives them. A word written
    as a dotted abbreviation (``s.a.``) comes out joined and marked with a trailing ``.``."""
    parts: list[tuple[str, Role]] = []
    if "." in cleaned:
        cleaned = _MISDOTTED.sub(_misdotted_form, cleaned)
    if DASHED.search(cleaned) is not None:
        cleaned = _HYPHENATED_WORD.sub(_legal_word_rejoined, cleaned)
    if personal is not False and "," in cleaned:
        head, _, tail = cleaned.partition(",")
        tail_words = _SPLIT.split(tail.replace(".", " ").strip())
        if tail.strip() and (personal or not _legal_or_generic(tail_words)):
            parts = [(head, Role.SURNAME), (tail, Role.GIVEN)]
    if not parts:
        parts = [(cleaned.replace(",", " "), Role.UNKNOWN)]
    words: list[tuple[str, Role]] = []
    initials = _dotted_initials(cleaned, personal) if "." in cleaned else 0
    for part, role in parts:
        if "." in part:
            part = _LETTER_DOT_WORD.sub(_legal_word_joined, part)
            part = _DOTTED.sub(lambda m: _dotted(m.group(1), initials), part)
            part = part.replace(".", " ").replace("\x00", ".")
        for chunk in _SPLIT.split(part):
            chunk = chunk.strip(_APOSTROPHES)
            if chunk:
                words.append((chunk, role))
    return words


def _misdotted_form(match: re.Match[str]) -> str:
    """Letters and dots written as the dotted abbreviation of a one-word legal form when their
    letters spell one of three or more letters, the dots out of place (``s..ro.``, ``sr.o.``
    → ``s.r.o.``); else as written (``a.lara``, ``j.lo``)."""
    run = match.group(1)
    letters = run.replace(".", "")
    if len(letters) < 3 or (letters,) not in _legal_forms():
        return run
    return "".join(f"{letter}." for letter in letters)


def _legal_word_rejoined(match: re.Match[str]) -> str:
    """Two words written joined by a hyphen, joined, when together they are a word of a legal
    form, or one with a typo after its first letter (``co-mpany``, ``lim-itted``,
    ``lli-ability``); else as written (``ho-jin``, ``smith-jones``)."""
    joined = match.group(1) + match.group(2)
    return joined if _near_legal_word(joined) else match.group(0)


def _near_legal_word(word: str) -> bool:
    """Whether ``word`` is a word of a legal form (:func:`_legal_words`), or one of six or
    more letters with one edit after the first letter (``companny``, ``limitted``)."""
    if word in _legal_words():
        return True
    if len(word) < _MISSPELT_FORM_LEN:
        return False
    return _one_edit_from(word, _legal_words_by_letter().get(word[0], ())) is not None


@cache
def _legal_words_by_letter() -> dict[str, tuple[str, ...]]:
    long = (w for w in sorted(_legal_words()) if len(w) >= _MISSPELT_FORM_LEN - 1)
    return _by_first_letter(long)


def _legal_word_joined(match: re.Match[str]) -> str:
    """A letter, a dot and a word joined, when together they are a word of a legal form
    (``c.ompany``, ``l.imited``: no initial and word); else as written (``a.lara``)."""
    joined = match.group(1) + match.group(2)
    return joined if joined in _legal_words() else match.group(0)


@cache
def _legal_words() -> frozenset[str]:
    """Every word of 4+ letters in a legal form (``company``, ``limited``, ``gesellschaft``)."""
    return frozenset(word for form in _legal_forms() for word in form if len(word) >= 4)


def _dotted_initials(cleaned: str, personal: bool | None) -> int:
    """Up to how many letters written with dots are initials, each a token of its own: three
    in a person's name (``TUFAIL, S.M.``, ``Tom R.D.``); otherwise two, in a name with another
    word and no legal form or generic word (``V.V. Putin``, ``Путин В.В.``, ``INSTITUT IMENI
    P.P. SHIRSHOVA``; but ``K.A.S.``, ``Q.X. TRADING`` and ``A.I.C. SOGO KENKYUSHO`` keep one
    word). Organisations' names follow the rule of names of unknown kind, which is what most
    queries are, so that both sides read a name alike."""
    if personal:
        return 3
    dotted = _DOTTED.sub(lambda m: "\x00" + m.group(1).replace(".", ""), cleaned)
    words = [w for w in _SPLIT.split(dotted.replace(".", " ")) if w]
    others = [w for w in words if not w.startswith("\x00")]
    return 2 if others and not _legal_or_generic([w.lstrip("\x00") for w in words]) else 0


def _dotted(letters: str, initials: int) -> str:
    """A dotted abbreviation as one word marked with a trailing NUL (``s.a.`` → ``sa``), or, up
    to ``initials`` letters, as initials (``v.v.`` → ``v`` ``v``), unless they spell a legal form
    (``S.A.``, ``О.О.О.``)."""
    joined = letters.replace(".", "")
    if len(joined) <= initials:
        text = "".join(t.text for t in _word_tokens(joined, False))
        if (text,) not in _legal_forms():
            return " ".join(f"{letter}\x00" for letter in joined)
    return joined + "\x00"


def _legal_or_generic(words: list[str]) -> bool:
    firsts = _legal_first_words()
    generic = _words("generic_words")
    return any(w in firsts or w in generic for w in words)


@cache
def _legal_first_words() -> frozenset[str]:
    return frozenset(k[0] for k in _legal_forms())


_CLASSIFIED_SCRIPTS = frozenset({LATIN, "Cyrl", "Grek", "Zyyy"})
# Alphabets whose one letter alone is an initial, as a Latin one is.
_INITIAL_SCRIPTS = frozenset({"Cyrl", "Grek"})


@lru_cache(maxsize=65536)
def _word_tokens(word: str, marked: bool) -> tuple[Token, ...]:
    """Romanised tokens of one raw word with their kind (roles are assigned by the caller)."""
    out: list[Token] = []
    honorifics = _words("honorifics")
    particles = _words("particles")
    generic = _words("generic_words")
    if word in honorifics and not word.isascii():  # السيد (Mr.) before its article is split off
        return (Token(to_ascii(word) or word, word, script_of(word[0]), TokenKind.HONORIFIC),)
    for run, code in _script_runs(word):
        for token in _romanise(run, code, Role.UNKNOWN):
            if not token.text:
                continue
            kind = token.kind
            pinyin = wade_giles_to_pinyin(run, marked=marked) if code == LATIN else None
            if kind == TokenKind.WORD and token.script in _CLASSIFIED_SCRIPTS:
                text = token.text
                if text.isdigit():
                    kind = TokenKind.NUMBER
                elif len(text) == 1 and token.script == LATIN and not (marked and pinyin):
                    kind = TokenKind.INITIAL  # but "I" in Wade-Giles "Fei I-jen" is a syllable
                elif len(token.orig) == 1 and token.script in _INITIAL_SCRIPTS:
                    kind = TokenKind.INITIAL  # В. Путин; its first letter (Ш "sh": s)
                    token = token._replace(text=text[:1])
                elif text in honorifics:
                    kind = TokenKind.HONORIFIC
                elif text in particles:
                    kind = TokenKind.PARTICLE
                elif text in generic:
                    kind = TokenKind.GENERIC
            out.append(Token(token.text, token.orig, token.script, kind, token.role, pinyin))
    return tuple(out)


@cache
def _phrases_by_start() -> dict[tuple[str, int], tuple[tuple[tuple[str, ...], str], ...]]:
    grouped: dict[tuple[str, int], list[tuple[tuple[str, ...], str]]] = {}
    for words, canonical in _legal_forms().items():
        if len(words) > 1:
            grouped.setdefault((words[0], len(words)), []).append((words, canonical))
    return {key: tuple(value) for key, value in grouped.items()}


def _misspelt_phrase(words: tuple[str, ...], exact: int = 0) -> str | None:
    """The legal form a multi-word phrase spells with a typo after its first word
    (``limited liaiblity company``, ``joint stock copmany``): one edit in a word of 5+
    letters, the first word (and the word at ``exact``) exact."""
    for phrase, canonical in _phrases_by_start().get((words[0], len(words)), ()):
        if words[exact] == phrase[exact] and all(
            a == b or (len(b) >= 5 and OSA.distance(a, b, score_cutoff=1) <= 1)
            for a, b in zip(words[1:], phrase[1:], strict=True)
        ):
            return canonical
    return None


def _phrase(words: tuple[str, ...]) -> str | None:
    """The legal form a phrase of words spells: as written, with typos
    (:func:`_misspelt_phrase`), or once one of its words after the first, split in two, is
    joined back (``limited liabi lity company``, ``... ogranichennoi otvetstvenno styu``). The
    word joined back must be the form's exactly, or ``company x`` would join as ``companyx``."""
    canonical = _legal_forms().get(words)
    if canonical is None and len(words) > 1:
        canonical = _misspelt_phrase(words)
        for j in range(1, len(words) - 1):
            if canonical is not None:
                break
            merged = (*words[:j], words[j] + words[j + 1], *words[j + 2 :])
            canonical = _misspelt_phrase(merged, exact=j)
    return canonical


@cache
def _long_forms_by_letter() -> dict[str, tuple[str, ...]]:
    forms = _legal_forms()
    return _by_first_letter(k[0] for k in forms if len(k) == 1 and len(k[0]) >= _MISSPELT_FORM_LEN)


def _by_first_letter(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """ASCII words grouped by their first letter, in the order given."""
    grouped: dict[str, list[str]] = {}
    for word in words:
        if word.isascii():
            grouped.setdefault(word[0], []).append(word)
    return {letter: tuple(group) for letter, group in grouped.items()}


def _one_edit_from(word: str, forms: Iterable[str]) -> str | None:
    """The first of ``forms`` that ``word`` is at most one edit from (optimal string
    alignment), or ``None``."""
    for form in forms:
        if abs(len(form) - len(word)) <= 1 and OSA.distance(word, form, score_cutoff=1) <= 1:
            return form
    return None


_MISSPELT_FORM_LEN = 6


def _misspelt_form(word: str) -> str | None:
    """The one-word legal form of 6+ letters that ``word`` spells with one edit after its
    first letter (``corproation``, ``copmany``, ``liimted``), or ``None``."""
    if len(word) < _MISSPELT_FORM_LEN:
        return None
    form = _one_edit_from(word, _long_forms_by_letter().get(word[0], ()))
    return None if form is None else _legal_forms()[(form,)]


def _legal_phrases(tokens: list[Token], dotted: frozenset[int]) -> list[Token]:
    """Replace legal-form phrases by one canonical token, if some other token remains. A short
    form that is also a plausible name (``Sá``, ``Pao``) counts only when written with dots
    (positions in ``dotted``) or first in the name (``PAO Gazprom``). A long one-word form
    with a typo after its first letter counts too."""
    firsts = _legal_first_words()
    if len(tokens) < 2 or not any(
        t.text in firsts or _misspelt_form(t.text) is not None for t in tokens
    ):
        return tokens
    short = _short_legal_forms()
    out: list[Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        if tokens[i].text in firsts:
            # One more word than the longest form: a form may have a word split in two.
            for size in range(min(_legal_max_len() + 1, n - i), 0, -1):
                words = tuple(t.text for t in tokens[i : i + size])
                canonical = _phrase(words)
                if (
                    canonical is not None
                    and size == 1
                    and tokens[i].text in short
                    and i > 0
                    and i not in dotted
                ):
                    canonical = None
                if canonical is not None and size < n:
                    orig = " ".join(t.orig for t in tokens[i : i + size])
                    out.append(Token(canonical, orig, tokens[i].script, TokenKind.LEGAL_FORM))
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        elif (misspelt := _misspelt_form(tokens[i].text)) is not None:
            out.append(Token(misspelt, tokens[i].orig, tokens[i].script, TokenKind.LEGAL_FORM))
            i += 1
        else:
            out.append(tokens[i])
            i += 1
    return out


# Scripts whose run of 2–4 characters _romanise reads as a surname and a given name.
_NAME_RUN_SCRIPTS = frozenset({"Hani", "Hang"})


def _one_syllable(word: str, marked: bool) -> bool:
    """Whether a raw word is one Han or Hangul character (a surname written apart)."""
    if len(word) != 1:
        return False
    tokens = _word_tokens(word, marked)
    return len(tokens) == 1 and tokens[0].script in _NAME_RUN_SCRIPTS


def _split_personal_name(tokens: tuple[Token, ...]) -> bool:
    """Whether a word's tokens are a Han or Hangul run read as surname + given name."""
    return (
        len(tokens) == 2
        and tokens[0].role == Role.SURNAME
        and tokens[1].role == Role.GIVEN
        and tokens[0].script in _NAME_RUN_SCRIPTS
    )


def tokenize(name: str, *, personal: bool | None = None) -> list[Token]:
    """Tokens of a name, in written order. Never raises; ``[]`` for a name with no letters or
    digits.

    Args:
        name: the name as written.
        personal: ``True`` for a person's name (a comma always separates surname from given
            names), ``False`` for an organisation, vessel or aircraft (no roles), ``None`` when
            unknown (a comma separates names unless a legal form or generic word follows it).

    >>> [t.text for t in tokenize("CHEN, Quanguo")]
    ['chen', 'quanguo']
    >>> [(t.text, t.orig) for t in tokenize("陈全国")]
    [('chen', '陈'), ('quanguo', '全国')]
    """
    return list(_tokenize(name, personal))


@lru_cache(maxsize=16384)
def _tokenize(name: str, personal: bool | None) -> tuple[Token, ...]:
    cleaned = clean(name)
    if not cleaned:
        return ()
    raw = _raw_words(cleaned, personal)
    marked = any(is_wade_giles_marker(w) for w, _ in raw if len(w) < 8) or any(
        is_wade_giles_pair(m.group(1), m.group(2)) for m in _HYPHENATED.finditer(cleaned)
    )
    tokens: list[Token] = []
    dotted: set[int] = set()
    honorific = TokenKind.HONORIFIC
    dropped = False
    started: set[Role] = set()  # the parts (roles) with a name kept already
    surname_apart = False  # the last word was one Han or Hangul character: 陈 全国, 김 정은
    for n, (word, role) in enumerate(raw):
        if word.endswith("."):
            word = word[:-1]
            dotted.add(len(tokens))
        word_tokens = _word_tokens(word, marked)
        surname_before = surname_apart and bool(tokens)
        surname_after = n + 1 < len(raw) and _one_syllable(raw[n + 1][0], marked)
        if (surname_before or surname_after) and _split_personal_name(word_tokens):
            # The surname was written apart, before or after (정은 김): this run is the given
            # name whole (全国 quanguo, 정은 jeongeun), not a surname and a given name.
            first, rest = word_tokens
            if surname_before:
                tokens[-1] = tokens[-1]._replace(role=Role.SURNAME)
            whole = Token(first.text + rest.text, word, first.script, TokenKind.WORD, Role.GIVEN)
            word_tokens = (whole,)
        surname_apart = _one_syllable(word, marked)
        for t in word_tokens:
            if t.kind == honorific:
                if role != Role.SURNAME and role not in started:
                    dropped = True
                    continue
                # A title leads the names it goes with (Sheikh Mohammed; ZAWAHIRI, Shaykh
                # Ayman). After a name, or before the comma of "SURNAME, Given", it is a
                # family name: Muhammad al-Shaykh and AL-SHAYKH, Muhammad are not Muhammad.
                t = t._replace(kind=TokenKind.WORD)
            started.add(role)
            if role == Role.UNKNOWN or t.role != Role.UNKNOWN:
                tokens.append(t)
            else:
                tokens.append(Token(t.text, t.orig, t.script, t.kind, role, t.pinyin))
    if not tokens and dropped:  # nothing but honorifics: keep them, as words
        tokens = [
            Token(t.text, t.orig, t.script, TokenKind.WORD, role, t.pinyin)
            for word, role in raw
            for t in _word_tokens(word.rstrip("."), marked)
        ]
    tokens = _legal_phrases(tokens, frozenset(dotted))
    seen_given = False
    given = Role.GIVEN
    for i, t in enumerate(tokens):
        if t.role == given and t.kind == TokenKind.WORD:
            if _PATRONYMIC.search(t.text):
                tokens[i] = Token(t.text, t.orig, t.script, t.kind, Role.PATRONYMIC, t.pinyin)
            elif seen_given:
                tokens[i] = Token(t.text, t.orig, t.script, t.kind, Role.MIDDLE, t.pinyin)
            seen_given = True
    return tuple(tokens)
