"""Generate the labelled evaluation cases of benchmarks/bench_eval.py: benchmarks/eval/cases.csv.

    python benchmarks/eval/generate.py [--check]

Reads the real SDN list of 2023-12-28 (``../shared/data/ofac/sdn_csv_2023-12-28``, through
``screening.load_list``; nothing else of ``screening`` is used) and writes one row per query:

* positives — a real list name changed in one way per category (``positives.BUILDERS``), each
  with the uid of the entry it was made from as ``expected_uid``;
* negatives — ordinary people and companies from Faker in many locales and scripts, and near
  misses that keep one common word of a listed name (``source_uid``: that entry);
* ``named`` / ``named_negative`` — the cases named in the matching issue, and ``crossscript`` —
  moov-io's cross-script pairs whose expected name is on the list.

Everything is seeded: the same list, seed and Faker version give the same file, byte for byte
(``tests/test_eval_cases.py``). ``--check`` compares instead of writing.
"""

from __future__ import annotations

import argparse
import csv
import io
import logging
import random
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.eval import negatives, positives  # noqa: E402
from benchmarks.eval.names import (  # noqa: E402
    ListedNames,
    canon_tokens,
    document_frequency,
    strong_names,
)
from screening import load_list  # noqa: E402
from screening.models import Watchlist  # noqa: E402

SEED = 20231228
LIST_DIR = ROOT.parent / "shared" / "data" / "ofac" / "sdn_csv_2023-12-28"
PAIRS_FILE = ROOT.parent / "shared" / "data" / "crossscript" / "cross_script_pairs.csv"
CASES_FILE = Path(__file__).resolve().parent / "cases.csv"
COLUMNS = ("id", "category", "query", "expected_uid", "source_uid", "note")

POSITIVES_PER_CATEGORY = 70
NEAR_MISS_PERSONS = 200
NEAR_MISS_ENTITIES = 80
PERSONS_PER_LOCALE = 12
ROMANISED_PER_LOCALE = 15
COMPANIES_PER_LOCALE = 8
# A token in this many entries' names is too common for a typo in it to be the test.
COMMON_WORD_ENTRIES = 50

NEGATIVE_CATEGORIES = (
    "person_native",
    "person_romanised",
    "person_latin",
    "company",
    "near_miss_person",
    "near_miss_entity",
)
# Fixed lists, not generated: exempt from the minimum count.
FIXED_CATEGORIES = ("named", "crossscript", "named_negative")
CATEGORIES = (*positives.BUILDERS, "named", "crossscript", *NEGATIVE_CATEGORIES, "named_negative")
MIN_PER_CATEGORY = 60

# Generated negatives found, by reading them, to be listed names in a script the comparison of
# names.ListedNames cannot read (it romanises with Unidecode, which gives Arabic-script
# consonants only). They are dropped like any other listed name.
KNOWN_LISTED = {
    "بانک پارسیان": "Bank Parsian in Persian: PARSIAN BANK, entry 25066 (Faker's fa_IR companies)",
}

NAMED = (
    ("陈全国", "29220"),
    ("Quanguo Chen", "29220"),
    ("Chen Quan-guo", "29220"),
    ("CHEN Quan Guo", "29220"),
    ("Ch'en Ch'üan-kuo", "29220"),
    ("Xinjiang Public Security Bureau", "29159"),
)
# Must not hit: each shares one common token with the entry named (CHEN Quanguo, WANG Mingshan).
NAMED_NEGATIVE = (("Chen Quan", "29220"), ("Chen Wei", "29220"), ("Wang Ming", "29162"))


class Case(NamedTuple):
    """One row of the cases file."""

    id: str
    category: str
    query: str
    expected_uid: str
    source_uid: str
    note: str


class Built(NamedTuple):
    """The cases, and what was left out and why (printed, and quoted in the README)."""

    cases: list[Case]
    skipped: list[str]


def _take(
    category: str,
    candidates: Iterable[tuple[str, str, str, str]],
    n: int | None,
    accept: Callable[[str], bool] = lambda q: True,
    *,
    one_per_source: bool = True,
) -> list[Case]:
    """The first ``n`` acceptable candidates ``(query, expected, source, note)``, at most one
    per query text and (``one_per_source``) one per source entry."""
    cases: list[Case] = []
    sources: set[str] = set()
    queries: set[str] = set()
    for query, expected, source, note in candidates:
        if one_per_source and source and source in sources:
            continue
        if query in queries or not accept(query):
            continue
        if source:
            sources.add(source)
        queries.add(query)
        cases.append(
            Case(f"{category}-{len(cases) + 1:04d}", category, query, expected, source, note)
        )
        if n is not None and len(cases) == n:
            break
    return cases


def _positive(items: Iterator[positives.Candidate]) -> Iterator[tuple[str, str, str, str]]:
    for entry, query, note in items:
        yield query, entry.uid, entry.uid, note


def _negative(items: Iterator[negatives.Candidate]) -> Iterator[tuple[str, str, str, str]]:
    for query, source, note in items:
        yield query, "", source, note


def _check_named(wl: Watchlist) -> None:
    for _, uid in NAMED + NAMED_NEGATIVE:
        if uid not in wl:
            raise SystemExit(f"named case entry {uid} is not on the list {LIST_DIR}")


def read_pairs(path: Path) -> list[tuple[str, str, str, str]]:
    """moov-io's cross-script pairs: ``(query, expected name, min score, description)``;
    ``#`` lines and blank lines are comments."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    rows = []
    for number, row in enumerate(csv.reader(lines), 1):
        if len(row) != 4:
            raise SystemExit(f"{path}: data row {number} has {len(row)} fields, expected 4")
        rows.append((row[0], row[1], row[2], row[3]))
    return rows


def crossscript(wl: Watchlist) -> tuple[list[Case], list[str]]:
    """Pairs whose expected name is on the list: the entries with a strong name equal to it
    (``names.canon_tokens``), else, for a name of two words or more, those with a strong name
    containing all of its words and one more (a middle name or patronymic). A name on several
    entries gives them all, space-separated, as ``expected_uid``: hitting any one is right.
    Names on no entry are skipped and reported."""
    names = [(e.uid, canon_tokens(full)) for e in wl for full in strong_names(e)]
    found: list[tuple[str, str, str, str]] = []
    skipped = []
    for query, expected, min_score, description in read_pairs(PAIRS_FILE):
        want = canon_tokens(expected)
        uids = {uid for uid, have in names if have == want}
        if not uids and len(want) >= 2:
            uids = {
                uid for uid, have in names if set(want) <= set(have) and len(have) == len(want) + 1
            }
        if not uids:
            skipped.append(f"crossscript: {query!r} ~ {expected!r} skipped (not on the list)")
            continue
        expected_uids = " ".join(sorted(uids, key=int))
        note = f"moov-io pair {query!r} ~ {expected!r} ({description}; min score {min_score})"
        found.append((query, expected_uids, "", note))
    return _take("crossscript", found, None), skipped


def build(wl: Watchlist, seed: int = SEED) -> Built:
    """Every case, in file order."""
    _check_named(wl)
    df = document_frequency(wl)
    listed = ListedNames(wl)
    ctx = positives.Context({t for t, n in df.items() if n >= COMMON_WORD_ENTRIES})
    cases: list[Case] = []
    skipped: list[str] = []
    for category, builder in positives.BUILDERS.items():
        rng = random.Random(f"{seed}:{category}")
        got = _take(category, _positive(builder(wl, rng, ctx)), POSITIVES_PER_CATEGORY)
        if len(got) < POSITIVES_PER_CATEGORY:
            skipped.append(f"{category}: only {len(got)} list entries qualify")
        cases += got
    named = ((q, u, u, "named in the matching issue") for q, u in NAMED)
    cases += _take("named", named, None, one_per_source=False)
    found, not_found = crossscript(wl)
    cases += found
    skipped += not_found

    def unlisted(query: str) -> bool:
        if listed.is_listed(query) or query in KNOWN_LISTED:
            why = KNOWN_LISTED.get(query, "it is a listed name, or one with a word left out")
            skipped.append(f"negative {query!r} dropped: {why}")
            return False
        return True

    per_locale = (
        ("person_native", negatives.person_native(seed, PERSONS_PER_LOCALE)),
        ("person_romanised", negatives.person_romanised(seed, ROMANISED_PER_LOCALE)),
        ("person_latin", negatives.person_latin(seed, PERSONS_PER_LOCALE)),
        ("company", negatives.company(seed, COMPANIES_PER_LOCALE)),
    )
    for category, items in per_locale:
        cases += _take(category, _negative(items), None, unlisted)
    near = (
        ("near_miss_person", negatives.near_miss_persons, NEAR_MISS_PERSONS),
        ("near_miss_entity", negatives.near_miss_entities, NEAR_MISS_ENTITIES),
    )
    for category, make, n in near:
        rng = random.Random(f"{seed}:{category}")
        cases += _take(category, _negative(make(wl, rng, df, seed)), n, unlisted)
    named_neg = ((q, "", u, f"shares one token with entry {u}") for q, u in NAMED_NEGATIVE)
    cases += _take("named_negative", named_neg, None, one_per_source=False)
    return Built(cases, skipped)


def render_csv(cases: list[Case], wl: Watchlist, seed: int = SEED) -> str:
    """The cases file's text: a ``#`` header saying how it was made, then the CSV."""
    from faker import VERSION as faker_version

    out = io.StringIO()
    out.write(
        "# Labelled screening cases for benchmarks/bench_eval.py: expected_uid is the entry the"
        " query must hit (empty: a negative, which must hit nothing); source_uid is the entry"
        " the query was made from.\n"
        f"# Generated by `python benchmarks/eval/generate.py` (seed {seed}, Faker"
        f" {faker_version}) from {LIST_DIR.name} (sha256 {wl.identity.sha256},"
        f" {len(wl)} entries). Do not edit by hand.\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(cases)
    return out.getvalue()


def read_cases(path: Path = CASES_FILE) -> list[Case]:
    """The cases of a cases file (``#`` header lines skipped)."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.reader(lines))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{path}: header must be {','.join(COLUMNS)}")
    return [Case(*row) for row in rows[1:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the file, write nothing")
    parser.add_argument("--out", type=Path, default=CASES_FILE)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    wl = load_list(LIST_DIR)
    built = build(wl)
    text = render_csv(built.cases, wl)
    for line in built.skipped:
        print(line)
    counts: dict[str, int] = {}
    for case in built.cases:
        counts[case.category] = counts.get(case.category, 0) + 1
    for category, n in counts.items():
        print(f"{category:20} {n:5}")
    print(f"{'total':20} {len(built.cases):5}")
    if args.check:
        same = args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'DIFFERS from the generator'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
