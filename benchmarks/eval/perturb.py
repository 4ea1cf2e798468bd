"""Perturbations of a written name: typos, case and punctuation, diacritics, look-alikes,
invisible characters, joined and split tokens.

Each function takes the name and a seeded ``random.Random`` and returns the perturbed name and
a short note saying exactly what was changed (the note goes into the cases file), or ``None``
when the perturbation does not apply to this name.
"""

from __future__ import annotations

import random
import re
import string

from rapidfuzz.distance import OSA

from benchmarks.eval.tables import DIACRITICS, HOMOGLYPHS, ZERO_WIDTH

Perturbed = tuple[str, str] | None

_WORD = re.compile(r"[A-Za-z]+")


def _letter_like(token: str, rng: random.Random) -> str:
    letter = rng.choice(string.ascii_lowercase)
    return letter.upper() if token.isupper() else letter


def _one_typo(token: str, rng: random.Random, positions: range) -> tuple[str, str]:
    op = rng.choice(("insertion", "deletion", "substitution", "transposition"))
    i = rng.choice(positions)
    if op == "insertion":
        return token[:i] + _letter_like(token, rng) + token[i:], op
    if op == "deletion":
        return token[:i] + token[i + 1 :], op
    if op == "substitution":
        letter = _letter_like(token, rng)
        while letter.lower() == token[i].lower():
            letter = _letter_like(token, rng)
        return token[:i] + letter + token[i + 1 :], op
    j = min(i + 1, len(token) - 1)
    i = j - 1
    return token[:i] + token[j] + token[i] + token[j + 1 :], op


def typos(name: str, rng: random.Random, *, count: int, min_len: int, avoid: set[str]) -> Perturbed:
    """``count`` edit operations (insertion, deletion, substitution, transposition of adjacent
    letters) in one word of at least ``min_len`` letters, preferring words not in ``avoid``
    (lower case: words so common on the list that a typo there says little). The result is at
    optimal-string-alignment distance exactly ``count`` from the word."""
    words = [m for m in _WORD.finditer(name) if len(m.group()) >= min_len]
    rare = [m for m in words if m.group().lower() not in avoid]
    if not words:
        return None
    m = rng.choice(rare or words)
    word = m.group()
    for _ in range(50):
        changed = word
        ops: list[str] = []
        for _ in range(count):
            # keep the edits of a double typo apart, so that they do not cancel out
            half = len(changed) // 2
            positions = range(0, half) if count == 2 and not ops else range(0, len(changed))
            if count == 2 and ops:
                positions = range(half, len(changed))
            changed, op = _one_typo(changed, rng, positions)
            ops.append(op)
        if OSA.distance(word.lower(), changed.lower()) == count:
            note = f"{' + '.join(ops)} in {word!r} -> {changed!r}"
            return name[: m.start()] + changed + name[m.end() :], note
    return None


_CASINGS = {"lower", "upper", "title"}
_CASE_OPS = ("lower", "upper", "title", "no-comma", "trailing-period", "extra-spaces", "no-hyphen")


def case_punct(name: str, rng: random.Random) -> Perturbed:
    """Two changes of case or punctuation only: lower/upper/title case, commas removed, a
    trailing period, doubled spaces, hyphens as spaces."""
    ops = [op for op in _CASE_OPS if op != "no-comma" or "," in name]
    ops = [op for op in ops if op != "no-hyphen" or "-" in name]
    for _ in range(20):
        chosen = rng.sample(ops, 2)
        if len(set(chosen) & _CASINGS) > 1:
            continue  # the second casing would undo the first
        text = name
        for op in chosen:
            if op == "lower":
                text = text.lower()
            elif op == "upper":
                text = text.upper()
            elif op == "title":
                text = string.capwords(text)
            elif op == "no-comma":
                text = text.replace(",", "")
            elif op == "trailing-period":
                text = text + "."
            elif op == "extra-spaces":
                text = "  " + text.replace(" ", "   ") + " "
            elif op == "no-hyphen":
                text = text.replace("-", " ")
        if text != name:
            return text, " + ".join(chosen)
    return None


def diacritics(name: str, rng: random.Random) -> Perturbed:
    """One to three letters given a diacritic (``a`` → ``á``), case kept."""
    spots = [i for i, c in enumerate(name) if c.lower() in DIACRITICS]
    if not spots:
        return None
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(1, 3))))
    chars = list(name)
    changes = []
    for i in chosen:
        marked = rng.choice(DIACRITICS[chars[i].lower()])
        marked = marked.upper() if chars[i].isupper() else marked
        changes.append(f"{chars[i]}->{marked}")
        chars[i] = marked
    return "".join(chars), ", ".join(changes)


def homoglyphs(name: str, rng: random.Random) -> Perturbed:
    """One or two Latin letters replaced by the Cyrillic letters drawn the same."""
    spots = [i for i, c in enumerate(name) if c in HOMOGLYPHS]
    if not spots:
        return None
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(1, 2))))
    chars = list(name)
    for i in chosen:
        chars[i] = HOMOGLYPHS[chars[i]]
    places = ", ".join(f"{name[i]!r}@{i}" for i in chosen)
    return "".join(chars), f"Cyrillic look-alike for {places}"


def zero_width(name: str, rng: random.Random) -> Perturbed:
    """One or two invisible characters (zero-width space, joiners, word joiner, BOM) pasted
    between two letters."""
    spots = [i for i in range(1, len(name)) if name[i - 1].isalpha() and name[i].isalpha()]
    if not spots:
        return None
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(1, 2))), reverse=True)
    text = name
    notes = []
    for i in chosen:
        char = rng.choice(ZERO_WIDTH)
        text = text[:i] + char + text[i:]
        notes.append(f"U+{ord(char):04X}@{i}")
    return text, "inserted " + ", ".join(reversed(notes))


def join_split(name: str, rng: random.Random) -> Perturbed:
    """Two adjacent words joined (``Abdul Rahman`` → ``AbdulRahman``) or hyphenated, or a
    word of 8+ letters split in two (``Quanguo`` → ``Quan guo``). Words are never joined
    across the comma of ``LAST, First``."""
    pairs = [m for m in re.finditer(r"(?<=[A-Za-z]) (?=[A-Za-z])", name)]
    long_words = [m for m in _WORD.finditer(name) if len(m.group()) >= 8]
    ops = []
    if pairs:
        ops += ["join", "hyphenate"]
    if long_words:
        ops.append("split")
    if not ops:
        return None
    op = rng.choice(ops)
    if op == "split":
        m = rng.choice(long_words)
        word = m.group()
        cut = rng.randint(3, len(word) - 3)
        text = name[: m.start()] + word[:cut] + " " + word[cut:] + name[m.end() :]
        return text, f"split {word!r} after {cut} letters"
    m = rng.choice(pairs)
    glue = "" if op == "join" else "-"
    text = name[: m.start()] + glue + name[m.end() :]
    left = name[: m.start()].split()[-1]
    right = name[m.end() :].split()[0]
    return text, f"{op} {left!r} + {right!r}"
