"""Screening speed on the real SDN (2023-12-28) + consolidated (2025-12-19) lists, one core.

What is measured, in one run so that ratios are fair on a shared machine:

* build: loading the official CSV files, compiling the index; saving it and loading it back
  (``Screener.load``); memory of the index (RSS growth, and Python allocations by tracemalloc;
  and the RSS growth of a fresh process that loads the saved index, as a service does);
  the garbage collector's pauses during the build, and from the build until the baseline
  (a build leaves its objects to the full collections, the first of which comes later);
* ``screen()`` latency over realistic customer names (Faker, 12 locales, seeded): p50/p95/p99.
  Three states of a screener, since it keeps per-token and per-name work:
  "cold" is a screener that has screened nothing (every token of a name may be new to it);
  "steady" is a screener that has already screened ``--steady`` other customer names (a
  running service or batch: the names measured are new to it, most of their tokens are
  not); "repeated" screens the same names again over several passes (a name seen before,
  such as a recurring payee, reuses its prepared query);
* throughput of ``screen_many`` on new names of a steady screener, and on names seen before;
* the naive baseline: Unidecode + casefold + RapidFuzz ``token_sort_ratio`` over every strong
  name of both lists, cut-off 85 (a full scan per query), on a sample of the names;
* recall on listed names written differently (token order, one typo, a dropped given name,
  Cyrillic script for Russian names...), ours at 0.85 against the baseline at 85.

Run:  python benchmarks/bench_screen.py [--queries N] [--passes P] [--steady S]
Needs the extra ``bench`` (Faker) and ../shared/data.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from faker import Faker
from rapidfuzz import fuzz, process
from unidecode import unidecode

import screening
from screening import Screener, Watchlist

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ofac"
RESULTS = Path(__file__).resolve().parent / "results" / "screen.txt"
LOCALES = ["en_US", "es_MX", "ru_RU", "zh_CN", "ar_AA", "de_DE", "fr_FR", "ja_JP", "ko_KR",
           "tr_TR", "fa_IR", "hi_IN"]  # fmt: skip
# Latin (OFAC's BGN/PCGN spellings) back to Cyrillic, longest clusters first.
CYRILLIC = [
    ("shch", "щ"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("yu", "ю"),
    ("ya", "я"), ("ye", "е"), ("yo", "ё"), ("iy", "ий"), ("a", "а"), ("b", "б"), ("v", "в"),
    ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "ы"), ("k", "к"),
    ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
    ("t", "т"), ("u", "у"), ("f", "ф"),
]  # fmt: skip
RUSSIAN = ("RUSSIA", "UKRAINE", "BELARUS")


def to_cyrillic(latin: str) -> str | None:
    """Cyrillic spelling of a BGN/PCGN-romanised name, or None if a letter does not fit."""
    out, text = [], latin.lower()
    while text:
        for roman, cyr in CYRILLIC:
            if text.startswith(roman):
                out.append(cyr)
                text = text[len(roman) :]
                break
        else:
            if text[0].isalpha():
                return None
            out.append(text[0])
            text = text[1:]
    return "".join(out)


def reporter(out: list[str]) -> Callable[[str], None]:
    """``say(line)``: print a result line at once and keep it in ``out`` for the results file;
    the first line, said now, is the platform's."""

    def say(line: str = "") -> None:
        print(line, flush=True)
        out.append(line)

    say(platform_line())
    return say


def platform_line() -> str:
    """The first line of a result: the machine, the Python and the library measured."""
    return (
        f"platform: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs (one used), screening {screening.__version__}"
    )


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def fresh_load(path: Path) -> tuple[float, float]:
    """Seconds to load the saved index, and RSS growth (MB) once loaded and warmed up (every
    table a first query of each script loads), in a new process that has imported the library
    and nothing else: what a service starting does."""
    code = (
        "import sys, time; from pathlib import Path; import screening\n"
        "from screening import Screener\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r}); from bench_screen import rss_mb\n"
        "before = rss_mb(); t = time.perf_counter(); s = Screener.load(Path(sys.argv[1]))\n"
        "t = time.perf_counter() - t; s.warm_up(); print(t, rss_mb() - before)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    )
    seconds, rss = out.stdout.split()[-2:]
    return float(seconds), float(rss)


class Collections:
    """The cyclic garbage collector's pauses, by the phase of the benchmark they fell in."""

    def __init__(self) -> None:
        self.phase = "setup"
        self.pauses: dict[str, list[tuple[int, float]]] = {}
        self._start = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            pause = time.perf_counter() - self._start
            self.pauses.setdefault(self.phase, []).append((info["generation"], pause))

    def summary(self, phase: str) -> str:
        pauses = self.pauses.get(phase, [])
        full = [p for g, p in pauses if g == 2]
        longest = f", the longest {max(full) * 1e3:.0f} ms" if full else ""
        total = sum(p for _, p in pauses) * 1e3
        return f"{len(pauses)} collections, {total:.0f} ms in all; {len(full)} full{longest}"


def percentiles(samples: Sequence[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return pick(0.50), pick(0.95), pick(0.99)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def customer_names(n: int, seed: int) -> list[str]:
    fake = Faker(LOCALES)
    fake.seed_instance(seed)
    return [fake.name() for _ in range(n)]


def positives(lists: Sequence[Watchlist], n: int, seed: int) -> list[tuple[str, str, str]]:
    """(query, expected uid, how) for listed individuals written differently."""
    rng = random.Random(seed)
    people = [e for wl in lists for e in wl if e.kind == "individual" and "," in e.names[0].full]
    out = []
    for entry in rng.sample(people, n):
        surname, _, given = entry.names[0].full.partition(",")
        given_names = given.split()
        russian = any(p.startswith(RUSSIAN) for p in entry.programs)
        how = rng.choice(["reordered", "typo", "dropped", "cyrillic" if russian else "typo"])
        if how == "reordered" or not given_names:
            query, how = f"{given} {surname}", "reordered"
        elif how == "typo":
            word = max(surname.split(), key=len)
            i = rng.randrange(1, max(2, len(word) - 1))
            query = f"{given} {surname.replace(word, word[:i] + word[i + 1 :], 1)}"
        elif how == "dropped" and len(given_names) > 1:
            query = f"{given_names[0]} {surname}"
        else:
            cyrillic = to_cyrillic(unidecode(f"{given} {surname}"))
            if how != "cyrillic" or cyrillic is None:
                query, how = f"{surname}, {given}", "exact"
            else:
                query = cyrillic
        out.append((query.strip(), entry.uid, how))
    return out


class Naive:
    """Unidecode + casefold + token_sort_ratio full scan at 85: the baseline."""

    def __init__(self, lists: Sequence[Watchlist]) -> None:
        self.choices: list[str] = []
        self.uids: list[str] = []
        for wl in lists:
            for entry in wl:
                for name in entry.names:
                    if name.strength == "strong":
                        self.choices.append(unidecode(name.full).casefold())
                        self.uids.append(entry.uid)

    def screen(self, name: str) -> set[str]:
        found = process.extract(
            unidecode(name).casefold(),
            self.choices,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=85,
            limit=None,
        )
        return {self.uids[i] for _, _, i in found}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=4000)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--steady", type=int, default=20000)
    parser.add_argument("--baseline-queries", type=int, default=200)
    parser.add_argument("--positives", type=int, default=400)
    parser.add_argument("--no-write", action="store_true", help="do not update results/")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    out: list[str] = []
    say = reporter(out)
    rss0 = rss_mb()
    gc.collect()
    collections = Collections()
    collections.phase = "build"
    t0 = time.perf_counter()
    lists = [
        screening.load_list(DATA / "sdn_csv_2023-12-28"),
        screening.load_list(DATA / "cons_csv_2025-12-19"),
    ]
    t_load = time.perf_counter() - t0
    for wl in lists:
        p = wl.provenance
        say(f"list: {p.source} {p.format} published={p.publish_date} entries={len(wl)} "
            f"names={sum(len(e.names) for e in wl)} sha256={p.sha256[:16]}")  # fmt: skip
    rss1 = rss_mb()
    t0 = time.perf_counter()
    screener = Screener(lists)
    t_build = time.perf_counter() - t0
    rss2 = rss_mb()
    collections.phase = "after"
    names = len(screener.compiled.name_tokens)
    say(f"compiled: {names} names, {len(screener.compiled.vocab.infos)} distinct tokens")
    say(f"build: load {t_load:.2f} s + index {t_build:.2f} s = {t_load + t_build:.2f} s; "
        f"the lists take RSS +{rss1 - rss0:.0f} MB")  # fmt: skip
    say(f"garbage collector during load + build: {collections.summary('build')}")
    tracemalloc.start()
    traced_screener = Screener(lists)
    traced = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    del traced_screener
    say(f"index memory: RSS +{rss2 - rss1:.0f} MB; Python allocations {traced:.0f} MB "
        "(tracemalloc, a second build)")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lists.screening-index"
        screener.save(path)
        size = path.stat().st_size / 1e6
        loads = [timed(lambda: Screener.load(path)) for _ in range(5)]
        fresh = [fresh_load(path) for _ in range(3)]
    say(f"saved index: {size:.0f} MB; load median {statistics.median(loads) * 1000:.0f} ms "
        f"over 5 loads in this process (which holds the lists and a built screener)")  # fmt: skip
    say(f"saved index in a new process, as a service starts: load median "
        f"{statistics.median(t for t, _ in fresh) * 1000:.0f} ms over 3 processes; "
        f"RSS +{statistics.median(r for _, r in fresh):.0f} MB loaded and warmed up")  # fmt: skip

    cold_queries = customer_names(args.queries, seed=6)
    cold = [timed(lambda q=q: screener.screen(q)) for q in cold_queries]  # type: ignore[misc]
    for name in customer_names(args.steady, seed=9):
        screener.screen(name)
    queries = customer_names(args.queries, seed=7)
    steady = [timed(lambda q=q: screener.screen(q)) for q in queries]  # type: ignore[misc]
    warm: list[float] = []
    for _ in range(args.passes):
        warm.extend(timed(lambda q=q: screener.screen(q)) for q in queries)  # type: ignore[misc]
    c50, c95, c99 = percentiles(cold)
    s50, s95, s99 = percentiles(steady)
    w50, w95, w99 = percentiles(warm)
    say(f"screen() cold, {len(cold)} customer names on a new screener: p50 {c50 * 1e6:.0f} us, "
        f"p95 {c95 * 1e6:.0f} us, p99 {c99 * 1e6:.0f} us")  # fmt: skip
    say(f"screen() steady, {len(steady)} new names after {args.steady:,} others: "
        f"p50 {s50 * 1e6:.0f} us, p95 {s95 * 1e6:.0f} us, p99 {s99 * 1e6:.0f} us")  # fmt: skip
    say(f"screen() repeated, the same names {args.passes} more times: p50 {w50 * 1e6:.0f} us, "
        f"p95 {w95 * 1e6:.0f} us, p99 {w99 * 1e6:.0f} us")  # fmt: skip
    fresh = customer_names(args.queries, seed=8)
    t = timed(lambda: screener.screen_many(fresh))
    say(f"screen_many: {len(fresh) / t:,.0f} names/s on {len(fresh)} new names, steady (one core)")
    t = timed(lambda: screener.screen_many(queries))
    say(f"screen_many: {len(queries) / t:,.0f} names/s on names seen before")

    collections.phase = "naive"
    say(f"garbage collector from the build to here (saves, loads, screening): "
        f"{collections.summary('after')}")  # fmt: skip
    naive = Naive(lists)
    sample = queries[: args.baseline_queries]
    base = [timed(lambda q=q: naive.screen(q)) for q in sample]  # type: ignore[misc]
    b50, b95, b99 = percentiles(base)
    say(f"naive full scan ({len(naive.choices)} strong names, {len(sample)} names): "
        f"p50 {b50 * 1e3:.1f} ms, p95 {b95 * 1e3:.1f} ms, p99 {b99 * 1e3:.1f} ms")  # fmt: skip
    say(f"ratio (naive p50 / screen p50): cold {b50 / c50:.0f}x, steady {b50 / s50:.0f}x, "
        f"repeated {b50 / w50:.0f}x")  # fmt: skip

    cases = positives(lists, args.positives, seed=11)
    ours = sum(uid in {h.entry.uid for h in screener.screen(q).hits} for q, uid, _ in cases)
    theirs = sum(uid in naive.screen(q) for q, uid, _ in cases)
    say(f"recall on {len(cases)} listed individuals written differently "
        f"(reordered/typo/dropped given name/Cyrillic): screening {ours / len(cases):.1%}, "
        f"naive {theirs / len(cases):.1%}")  # fmt: skip
    for how in sorted({h for _, _, h in cases}):
        subset = [(q, u) for q, u, h in cases if h == how]
        a = sum(u in {h.entry.uid for h in screener.screen(q).hits} for q, u in subset)
        b = sum(u in naive.screen(q) for q, u in subset)
        say(f"  {how:10s} n={len(subset):4d}  screening {a / len(subset):.1%}  "
            f"naive {b / len(subset):.1%}")  # fmt: skip
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            "# python benchmarks/bench_screen.py\n" + "\n".join(out) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
