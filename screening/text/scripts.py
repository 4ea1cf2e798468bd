"""Which writing system a character belongs to, as an ISO 15924 code.

Code-point ranges are the Unicode blocks of each script (Unicode 15.1, Blocks.txt); only the
scripts that occur in sanctions lists and their romanisations are distinguished, everything else
is ``Zyyy`` (common) or ``Zzzz`` (unknown).
"""

from __future__ import annotations

import bisect

__all__ = ["LATIN", "latin_ranges", "script_of", "token_script"]

LATIN = "Latn"

# (first, last, ISO 15924) sorted by first code point.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latn"),
    (0x0061, 0x007A, "Latn"),
    (0x00C0, 0x024F, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0530, 0x058F, "Armn"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0750, 0x077F, "Arab"),
    (0x08A0, 0x08FF, "Arab"),
    (0x0900, 0x097F, "Deva"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Geor"),
    (0x1100, 0x11FF, "Hang"),
    (0x1C80, 0x1C8F, "Cyrl"),
    (0x1E00, 0x1EFF, "Latn"),
    (0x1F00, 0x1FFF, "Grek"),
    (0x2DE0, 0x2DFF, "Cyrl"),
    (0x3040, 0x309F, "Hira"),
    (0x30A0, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hang"),
    (0x31F0, 0x31FF, "Kana"),
    (0x3400, 0x4DBF, "Hani"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xA640, 0xA69F, "Cyrl"),
    (0xAC00, 0xD7AF, "Hang"),
    (0xF900, 0xFAFF, "Hani"),
    (0xFB1D, 0xFB4F, "Hebr"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"),
    (0x20000, 0x2FA1F, "Hani"),
)
_STARTS = [r[0] for r in _RANGES]


def latin_ranges() -> tuple[tuple[int, int, str], ...]:
    """The code-point ranges :func:`script_of` calls Latin (``(first, last, "Latn")``)."""
    return tuple(r for r in _RANGES if r[2] == LATIN)


def script_of(char: str) -> str:
    """ISO 15924 code of one character: ``"Latn"``, ``"Cyrl"``, ``"Hani"``... ``"Zyyy"`` for
    digits, punctuation and other characters shared by all scripts."""
    cp = ord(char)
    if cp < 0x80:
        return LATIN if char.isalpha() else "Zyyy"
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0:
        first, last, code = _RANGES[i]
        if first <= cp <= last:
            return code
    return "Zyyy" if not char.isalpha() else "Zzzz"


def token_script(token: str) -> str:
    """The dominant script of a token (the script of most of its letters), or ``"Zyyy"``."""
    counts: dict[str, int] = {}
    for char in token:
        code = script_of(char)
        if code != "Zyyy":
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return "Zyyy"
    return max(counts.items(), key=lambda kv: (kv[1], kv[0] == LATIN))[0]
