"""Han characters read in Korean: what the reading finds, and what it costs in false hits.

Chinese text writes Korean names in Han characters (金正恩 for KIM Jong Un); a query with Han
characters is also screened read in Korean (:func:`screening.text.translit.korean_reading`).
Read so, many characters share one syllable, and Chinese names often sound Korean. Measured
on the real SDN (2023-12-28) + consolidated (2025-12-19) lists at the default threshold:

* North Korean names on the SDN list written in Han characters (as Chinese press writes them):
  the hit expected, and whether it came through the Korean reading;
* Faker names (seeded) of four locales: how many have a hit at all, and how many have a hit
  through the Korean reading, with examples. Chinese (zh_CN, zh_TW) is where false hits would
  come from; Japanese names hold kana and kanji, Korean ones Hangul;
* what the reading costs: the median ``screen()`` time of new Chinese and Japanese names on a
  screener that has seen others (steady), with the reading and without it
  (``read_korean = False``), the two taking turns over five passes.

Run:  python benchmarks/bench_korean.py [--names N]
Needs Faker and ../shared/data.
"""

from __future__ import annotations

import argparse
import logging
import statistics
from collections.abc import Sequence
from pathlib import Path

from bench_screen import DATA, reporter, timed  # the platform line and timer of the others
from faker import Faker

import screening
from screening import Screener

RESULTS = Path(__file__).resolve().parent / "results" / "korean.txt"
# Listed North Koreans as Chinese text writes them (simplified characters), and their uids.
KNOWN = [("金正恩", "20157"), ("金与正", "21444"), ("崔龙海", "23213"), ("朴永植", "19497"),
         ("金元弘", "21443"), ("崔辉", "21306"), ("金永哲", "12211")]  # fmt: skip
LOCALES = [("zh_CN", 4), ("zh_TW", 1), ("ja_JP", 1), ("ko_KR", 1)]  # share of --names


def _times(screener: Screener, names: Sequence[str]) -> list[float]:
    return [timed(lambda name=name: screener.screen(name)) for name in names]  # type: ignore[misc]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=5000, help="names per share (zh_CN: 4)")
    parser.add_argument("--no-write", action="store_true", help="do not update results/")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    out: list[str] = []
    say = reporter(out)
    lists = [
        screening.load_list(DATA / "sdn_csv_2023-12-28"),
        screening.load_list(DATA / "cons_csv_2025-12-19"),
    ]
    screener = Screener(lists)
    say(f"lists: SDN 2023-12-28 + consolidated 2025-12-19, {len(screener.compiled.entries)} "
        f"entries; threshold {screener.threshold}")  # fmt: skip
    say()
    say("listed North Koreans written in Han characters:")
    for query, uid in KNOWN:
        hits = screener.screen(query).hits
        top = hits[0] if hits else None
        found = top is not None and top.entry.uid == uid
        how = (
            f"read in Korean as {top.explanation.read_as}"
            if top and top.explanation.read_as
            else ""
        )
        say(f"  {query}  expected {uid}: {'found' if found else 'MISSED'} "
            f"{top.matched_name + ' ' + str(top.score) if top else ''} {how}".rstrip())  # fmt: skip
    say()
    say("Faker names: with a hit at all / with a hit through the Korean reading")
    for locale, share in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(5)
        names = [fake.name() for _ in range(args.names * share)]
        any_hit, read, examples = 0, 0, {}
        for name in names:
            hits = screener.screen(name).hits
            any_hit += bool(hits)
            korean = [h for h in hits if h.explanation.read_as is not None]
            if korean:
                read += 1
                hit = korean[0]
                examples.setdefault(
                    name, f"{name} ({hit.explanation.read_as}) {hit.matched_name} {hit.score}"
                )
        n = len(names)
        say(f"  {locale}: {n:,} names, {any_hit:,} with a hit ({any_hit / n:.2%}), "
            f"{read} through the Korean reading ({read / n:.2%})")  # fmt: skip
        for example in list(examples.values())[:6]:
            say(f"      {example}")
    say()
    fake = Faker(["zh_CN", "ja_JP"])
    fake.seed_instance(9)
    seen: set[str] = set()
    for _ in range(5000):
        seen.add(name := fake.name())
        screener.screen(name)  # steady: the tokens of most names are known
    with_reading: list[float] = []
    without: list[float] = []
    for round_no in range(5):
        batch: list[str] = []
        while len(batch) < 1000:  # names the screener has not seen: Faker repeats many
            if (name := fake.name()) not in seen:
                seen.add(name)
                batch.append(name)
        screener.read_korean = round_no % 2 == 0
        first = with_reading if screener.read_korean else without
        second = without if screener.read_korean else with_reading
        first.extend(_times(screener, batch[:500]))
        screener.read_korean = not screener.read_korean
        second.extend(_times(screener, batch[500:]))
    screener.read_korean = True
    on, off = statistics.median(with_reading) * 1e6, statistics.median(without) * 1e6
    say(f"cost: new zh_CN and ja_JP names, steady, median screen() {on:.0f} us with the Korean "
        f"reading, {off:.0f} us without (read_korean = False): +{on - off:.0f} us")  # fmt: skip
    if not args.no_write:
        RESULTS.write_text("# python benchmarks/bench_korean.py\n" + "\n".join(out) + "\n",
                           encoding="utf-8")  # fmt: skip


if __name__ == "__main__":
    main()
