"""Delta re-screening: how much faster screening only the entries added or changed since the
last list is than a full re-screen, on the real SDN list (legacy CSV set of 2023-12-28).

A daily re-screen of a customer base against today's list only needs the entries that are new
or changed since yesterday's (:mod:`screening.lifecycle.delta`). Measured, in one run so the
ratios are fair on a shared machine, for two list pairs:

* "daily": NEW = the real 2023-12-28 SDN list; OLD = NEW without 20 entries and with 10 others
  altered (a program added), seeded: the size of a typical OFAC update day;
* "2.5 years": OLD = the real SDN set of 2021-07-07, NEW = 2023-12-28 (a large real delta).

For each: build time of the screener, and the time to screen customer names (Faker, 6 locales,
seeded) with ``Screener(NEW)`` (the full re-screen, the baseline),
``Screener(delta_watchlist(OLD, NEW))`` and ``DeltaScreener(OLD, NEW)``. Each pass screens
names not seen before (as a batch of customers does), after a warm-up pass on other names
that fills the per-token caches; the screeners take turns on each batch and the median pass is
reported. Also checked: DeltaScreener's
hits equal the full re-screen's hits on the delta entries.

Run:  python benchmarks/bench_delta.py [--names N] [--passes P]
Needs Faker and ../shared/data.
"""

from __future__ import annotations

import argparse
import logging
import platform
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from faker import Faker

from screening import Screener, Watchlist, load_list
from screening.lifecycle.delta import DeltaScreener, changed_uids, delta_watchlist

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ofac"
RESULTS = Path(__file__).resolve().parent / "results" / "delta.txt"
LOCALES = ["en_US", "es_MX", "ru_RU", "zh_CN", "ar_AA", "de_DE"]


def daily_old(new: Watchlist, seed: int = 20231228) -> Watchlist:
    """NEW less 20 entries, with 10 others altered: yesterday's list, as far as a delta goes."""
    rng = random.Random(seed)
    entries = list(new)
    dropped = {e.uid for e in rng.sample(entries, 20)}
    altered = {e.uid for e in rng.sample(entries, 30) if e.uid not in dropped}
    altered = set(sorted(altered)[:10])
    kept = [
        e.model_copy(update={"programs": (*e.programs, "OLD")}) if e.uid in altered else e
        for e in entries
        if e.uid not in dropped
    ]
    return Watchlist(kept, new.provenance)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def screen_times(screeners: list[Screener], batches: list[list[str]]) -> list[float]:
    """Median seconds per batch for each screener; batch 0 is the warm-up. The screeners take
    turns on each batch, so that a shared machine's load drift falls on all of them alike."""
    for screener in screeners:
        screener.screen_many(batches[0])
    times: list[list[float]] = [[] for _ in screeners]
    for batch in batches[1:]:
        for i, screener in enumerate(screeners):
            times[i].append(timed(lambda s=screener, b=batch: s.screen_many(b))[0])
    return [statistics.median(t) for t in times]


def run_pair(label: str, old: Watchlist, new: Watchlist, batches: list[list[str]]) -> list[str]:
    delta_uids = changed_uids(old, new)
    lines = [f"## {label}: {len(delta_uids)} of {len(new)} entries added or changed"]
    build_full, full = timed(lambda: Screener(new))
    build_delta, plain = timed(lambda: Screener(delta_watchlist(old, new)))
    build_ds, exact = timed(lambda: DeltaScreener(old, new))
    assert isinstance(full, Screener) and isinstance(plain, Screener)
    assert isinstance(exact, DeltaScreener)
    names = batches[0]
    for name in names[:300] + [e.primary_name.full for e in new if e.uid in delta_uids][:300]:
        want = {(h.entry.uid, h.score) for h in full.screen(name, limit=999).hits}
        got = {(h.entry.uid, h.score) for h in exact.screen(name, limit=999).hits}
        assert got == {(u, s) for u, s in want if u in delta_uids}, name
    base, plain_time, exact_time = screen_times([full, plain, exact], batches)
    rows = [
        ("full re-screen: Screener(NEW)", build_full, base),
        ("Screener(delta_watchlist(OLD, NEW))", build_delta, plain_time),
        ("DeltaScreener(OLD, NEW)", build_ds, exact_time),
    ]
    lines.append(f"{'':38} {'build s':>8} {'screen s':>9} {'µs/name':>8} {'speed-up':>9}")
    for what, build, screen in rows:
        lines.append(
            f"{what:38} {build:8.2f} {screen:9.3f} {screen / len(names) * 1e6:8.0f} "
            f"{base / screen:8.1f}x"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", type=int, default=3000)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the CSV sets lack companion files; that is noted, not news

    fake = Faker(LOCALES)
    fake.seed_instance(20240627)
    batches = [[fake.name() for _ in range(args.names)] for _ in range(args.passes + 1)]
    new = load_list(DATA / "sdn_csv_2023-12-28" / "sdn.csv")
    old_real = load_list(DATA / "sdn_csv_2021-07-07" / "sdn.csv")
    lines = [
        f"# python benchmarks/bench_delta.py --names {args.names} --passes {args.passes}",
        f"# {platform.platform()}, Python {platform.python_version()}, {platform.processor()}",
        f"# NEW: sdn_csv_2023-12-28 ({len(new)} entries, sha256 {new.provenance.sha256[:12]}); "
        f"{args.names} new Faker names per pass ({', '.join(LOCALES)}); median of "
        f"{args.passes} passes",
    ]
    lines += run_pair("daily", daily_old(new), new, batches)
    lines += run_pair("2.5 years (2021-07-07 -> 2023-12-28)", old_real, new, batches)
    text = "\n".join(lines) + "\n"
    print(text, end="")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
