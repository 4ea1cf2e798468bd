"""Punctuation and spacing inside a listed name: is the name still found?

A name can be slipped past a screen by writing one of its words with a hyphen, a dot or a space
inside it, with a letter split off, spelt out, or with digits for letters (``ROSNEF-T``,
``R.OSNEFT``, ``ROSN EFT``, ``R O S N E F T``, ``R05NEFT``). Measured on the real SDN list
(2023-12-28) + consolidated list (2025-12-19) at the default threshold: for each of
``--names`` primary names of listed individuals and entities (seeded sample), the
longest word is rewritten in each of the ways below, and a case counts as found when the entry
it came from is among the hits. The same cases go through the naive baseline of
``bench_screen.py`` (Unidecode + ``token_sort_ratio`` >= 85 over every strong name).

=================  =======================================================================
way                the longest word, ``ROSNEFT`` here
=================  =======================================================================
hyphen_inside      a hyphen between two of its letters, not the first or last (``ROSN-EFT``)
dot_inside         a dot there (``ROSN.EFT``)
space_inside       a space there (``ROSN EFT``)
last_hyphen        its last letter split off by a hyphen (``ROSNEF-T``)
first_hyphen       its first letter split off by a hyphen (``R-OSNEFT``)
last_dot           its last letter split off by a dot (``ROSNEF.T``)
first_dot          its first letter split off by a dot (``R.OSNEFT``), as an initial is
letter_doubled     one of its letters written twice (``ROSSNEFT``)
spelt_out          its letters written apart by spaces (``R O S N E F T``)
digits             its first two letters after the first that look like digits, written as
                   them: O 0, I 1, E 3, A 4, S 5, T 7, B 8 (``R05NEFT``); a word with none
                   counts in no row
two_ways           a letter doubled, then a hyphen inside (``ROSS-NEFT``): two evasions in
                   one word
=================  =======================================================================

Words of fewer than four letters are left as they are (the name counts in no row then).

Run:  python benchmarks/bench_evasion.py [--names 400]
Needs ../shared/data.
"""

from __future__ import annotations

import argparse
import logging
import random
from collections.abc import Callable, Sequence
from pathlib import Path

from bench_screen import DATA, Naive, reporter

import screening
from screening import Screener
from screening.models import EntryKind, NameType

RESULTS = Path(__file__).resolve().parent / "results" / "evasion.txt"
LISTS = ("sdn_csv_2023-12-28", "cons_csv_2025-12-19")


def _inside(mark: str) -> Callable[[str, random.Random], str]:
    def rewrite(word: str, rng: random.Random) -> str:
        at = rng.randrange(2, len(word) - 1)
        return word[:at] + mark + word[at:]

    return rewrite


def _doubled(word: str, at: int) -> str:
    return word[:at] + word[at] + word[at:]


_DIGITS = {"O": "0", "I": "1", "E": "3", "A": "4", "S": "5", "T": "7", "B": "8"}


def _digits(word: str, rng: random.Random) -> str | None:
    """The first two letters after the first that look like digits, written as them."""
    at = [i for i in range(1, len(word)) if word[i].upper() in _DIGITS][:2]
    if not at:
        return None
    return "".join(_DIGITS[c.upper()] if i in at else c for i, c in enumerate(word))


def _two_ways(word: str) -> str:
    """A letter doubled, then a hyphen inside, drawn from the word's own generator: the other
    ways' cases stay the ones they were before this way was added."""
    own = random.Random(word)
    return _inside("-")(_doubled(word, own.randrange(len(word))), own)


WAYS: dict[str, Callable[[str, random.Random], str | None]] = {
    "hyphen_inside": _inside("-"),
    "dot_inside": _inside("."),
    "space_inside": _inside(" "),
    "last_hyphen": lambda w, rng: w[:-1] + "-" + w[-1],
    "first_hyphen": lambda w, rng: w[0] + "-" + w[1:],
    "last_dot": lambda w, rng: w[:-1] + "." + w[-1],
    "first_dot": lambda w, rng: w[0] + "." + w[1:],
    "letter_doubled": lambda w, rng: _doubled(w, rng.randrange(len(w))),
    "spelt_out": lambda w, rng: " ".join(w),
    "digits": _digits,
    "two_ways": lambda w, rng: _two_ways(w),
}


def _word(written: str) -> bool:
    """Whether a written word (its comma or dot aside) is one to rewrite: 4+ letters."""
    core = written.strip(",.")
    return len(core) >= 4 and core.isalpha()


def cases(
    lists: Sequence[screening.Watchlist], n: int, seed: int
) -> tuple[list[tuple[str, str, str]], int]:
    """(way, uid, query) for ``n`` sampled primary names, in every way that applies to each;
    and how many names had a word to rewrite."""
    rng = random.Random(seed)
    entries = [
        e
        for wl in lists
        for e in wl
        if e.kind in (EntryKind.INDIVIDUAL, EntryKind.ENTITY)
        and e.names[0].type == NameType.PRIMARY
        and any(_word(w) for w in e.names[0].full.split())
    ]
    out = []
    names = 0
    for entry in rng.sample(entries, n):
        words = entry.names[0].full.split()
        i = max(range(len(words)), key=lambda k: len(words[k].strip(",.")))
        word = words[i]
        core, tail = (word[:-1], word[-1]) if word[-1] in ",." else (word, "")
        if len(core) < 4 or not core.isalpha():
            continue
        names += 1
        for way, rewrite in WAYS.items():
            new = rewrite(core, rng)
            if new is not None:
                written = [*words[:i], new + tail, *words[i + 1 :]]
                out.append((way, entry.uid, " ".join(written)))
    return out, names


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    out: list[str] = [f"# python benchmarks/bench_evasion.py --names {args.names}"]
    say = reporter(out)
    lists = [screening.load_list(DATA / d) for d in LISTS]
    screener = Screener(lists)
    naive = Naive(lists)
    say(f"lists: {', '.join(LISTS)}; threshold {screener.threshold}")
    rows, names = cases(lists, args.names, args.seed)
    found: dict[str, list[int]] = {way: [0, 0, 0] for way in WAYS}
    misses: dict[str, list[str]] = {way: [] for way in WAYS}
    for way, uid, query in rows:
        tally = found[way]
        tally[0] += 1
        if any(h.entry.uid == uid for h in screener.screen(query, limit=10).hits):
            tally[1] += 1
        elif len(misses[way]) < 3:
            misses[way].append(query)
        tally[2] += uid in naive.screen(query)
    say(f"cases: {len(rows)} ({names} names, {len(WAYS)} ways)")
    say(f"{'way':<16} {'n':>4}  {'screening':>9}  {'naive':>7}")
    total = [0, 0, 0]
    for way, (n, ours, theirs) in found.items():
        say(f"{way:<16} {n:>4}  {ours / n:>9.1%}  {theirs / n:>7.1%}")
        total = [a + b for a, b in zip(total, (n, ours, theirs), strict=True)]
    say(f"{'all':<16} {total[0]:>4}  {total[1] / total[0]:>9.1%}  {total[2] / total[0]:>7.1%}")
    for way, queries in misses.items():
        if queries:
            say(f"missed, {way}: " + "; ".join(repr(q) for q in queries))
    RESULTS.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
