"""Unicode hygiene applied to every name before matching, list names and queries alike.

``clean`` applies, in order: NFKC (folds fullwidth forms and compatibility letters such as
``ﬁ``), removal of format and control characters (zero-width spaces and joiners, bidi overrides
and isolates, soft hyphens, BOM: Unicode general categories Cf and Cc), removal of combining
marks outside Latin (Arabic harakat, Hebrew points), case folding, and mapping of confusable
look-alike letters inside Latin words (``Рutin`` with CYRILLIC CAPITAL LETTER ER is ``putin``).

Confusables come from Unicode's confusables.txt as packaged by the maintained
``confusable-homoglyphs`` distribution; only single letters whose look-alike is one ASCII letter
are used.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources

from screening.text.scripts import LATIN, latin_ranges, script_of

__all__ = ["MAX_NAME_CHARS", "clean", "confusable_map", "fold_confusables"]

# A name longer than this is not a name; matching looks at this many characters only (the
# screening result says so). 1,000 is 3x the 350-character limit of OFAC's SDN_Name field.
MAX_NAME_CHARS = 1000

_WHITESPACE_CONTROLS = {"\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85"}
_LOOKALIKE_SCRIPTS = {"Cyrl", "Grek", "Armn", "Zzzz"}


@cache
def confusable_map() -> dict[str, str]:
    """Map of look-alike letters (Cyrillic, Greek, Armenian, ...) to the ASCII letter they
    imitate, lower case. Built once from confusable-homoglyphs' copy of confusables.txt."""
    data_file = resources.files("confusable_homoglyphs").joinpath("confusables.json")
    data: dict[str, list[dict[str, str]]] = json.loads(data_file.read_text(encoding="utf-8"))
    mapping: dict[str, str] = {}
    for target, glyphs in data.items():
        if not (len(target) == 1 and target.isascii() and target.isalpha()):
            continue
        for glyph in glyphs:
            char = glyph["c"]
            lookalike = len(char) == 1 and not char.isascii() and char.isalpha()
            if lookalike and script_of(char) in _LOOKALIKE_SCRIPTS:
                mapping.setdefault(char, target.lower())
                mapping.setdefault(char.casefold(), target.lower())
    return mapping


@cache
def _confusable_table() -> dict[int, str]:
    """:func:`confusable_map` as a ``str.translate`` table (single characters only)."""
    return {ord(char): target for char, target in confusable_map().items() if len(char) == 1}


@cache
def _latin_letters() -> frozenset[str]:
    """Every letter :func:`~screening.text.scripts.script_of` calls Latin."""
    return frozenset(
        char
        for first, last, code in latin_ranges()
        for char in map(chr, range(first, last + 1))
        if char.isalpha()
    )


def fold_confusables(token: str) -> str:
    """Replace look-alike letters by the Latin letters they imitate, if the token mixes them
    with Latin letters (a whole Cyrillic word is Cyrillic, and is transliterated instead)."""
    folded = token.translate(_confusable_table())
    # Look-alikes are letters of other scripts: a token with one mixes scripts if it also
    # holds a Latin letter.
    if folded == token or _latin_letters().isdisjoint(token):
        return token
    return folded


def _keep(char: str) -> str:
    if char in _WHITESPACE_CONTROLS or char == " ":
        return " "
    category = unicodedata.category(char)
    if category in ("Cf", "Cc", "Cs", "Co", "Cn"):
        return ""
    if category == "Mn" and script_of(char) != LATIN:
        # Combining marks: Latin ones are folded later with the base letter; elsewhere
        # (Arabic harakat, Hebrew niqqud) they are optional vowel signs, absent from most
        # spellings of the same name.
        return ""
    if category.startswith("Z"):
        return " "
    return char


class _CharTable(dict[int, str]):
    """``str.translate`` table that decides each code point once, on first sight."""

    def __missing__(self, cp: int) -> str:
        kept = _keep(chr(cp))
        self[cp] = kept
        return kept


_TABLE = _CharTable()


def clean(text: str) -> str:
    """Hygiene for one name: NFKC, no invisible characters, case-folded, confusables folded.

    Never raises on a string; returns ``""`` for a string with nothing visible in it.
    """
    text = text[: MAX_NAME_CHARS * 2]
    if text.isascii():
        words = text.translate(_TABLE).lower().split()
        return " ".join(words)[:MAX_NAME_CHARS]
    text = unicodedata.normalize("NFKC", text).translate(_TABLE).casefold()
    return " ".join(fold_confusables(w) for w in text.split())[:MAX_NAME_CHARS]
