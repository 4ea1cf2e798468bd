"""Screening at the size of the big consolidated collections: a synthetic list of 1,000,000
names, generated reproducibly, in mixed scripts.

The list has 400,000 entries (60% individuals, 40% entities) of one to four names each
(primary, strong and weak aliases), drawn with a fixed seed from the first and last names of
Faker's locales — Latin, Cyrillic, Arabic, Han, Hangul and Kana scripts — and company words.
Measured, on one core: generating the entries, building the index, its memory (RSS growth),
saving and loading it, and ``screen()`` latency (p50/p95/p99) on 2,000 customer names plus
200 listed names written differently (recall is reported too).

Run:  python benchmarks/bench_scale.py [--names 1000000]
Needs the extra ``bench`` (Faker). Takes a few minutes and up to ~4 GB of memory.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import platform
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from faker import Faker
from faker.providers import person

import screening
from screening import Entry, EntryKind, Screener, Watchlist
from screening.models import FileDigest, ListProvenance, Name, NameStrength, NameType

RESULTS = Path(__file__).resolve().parent / "results" / "scale.txt"
LOCALES = [
    "en_US", "es_MX", "de_DE", "fr_FR", "tr_TR", "ru_RU", "uk_UA", "ar_AA", "fa_IR",
    "zh_CN", "zh_TW", "ko_KR", "ja_JP", "hi_IN", "pt_BR", "it_IT", "pl_PL", "vi_VN",
]  # fmt: skip
COMPANY_WORDS = ["Trading", "Holding", "Shipping", "Energy", "Industrial", "Logistics", "Bank",
                 "Petroleum", "Import", "Export", "Group", "Investment", "Technology"]  # fmt: skip
LEGAL = ["LLC", "Ltd", "GmbH", "S.A.", "JSC", "OOO", "Co., Ltd.", "PJSC", "FZE", "Inc."]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def name_pools() -> dict[str, tuple[list[str], list[str]]]:
    pools = {}
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        first = list(getattr(provider, "first_names", ()) or ())
        if not first:
            first = list(getattr(provider, "first_names_male", ())) + list(
                getattr(provider, "first_names_female", ())
            )
        last = list(getattr(provider, "last_names", ()) or ())
        if first and last:
            pools[locale] = (sorted(set(first)), sorted(set(last)))
    assert pools, f"no name lists found in {person.__name__}"
    return pools


def synthetic_list(n_names: int, seed: int) -> Watchlist:
    rng = random.Random(seed)
    pools = name_pools()
    locales = sorted(pools)
    entries = []
    made = 0
    uid = 0
    while made < n_names:
        uid += 1
        locale = rng.choice(locales)
        first, last = pools[locale]
        individual = rng.random() < 0.6
        count = min(rng.choice([1, 2, 2, 3, 4]), n_names - made)
        names = []
        for i in range(count):
            if individual:
                full = f"{rng.choice(last)}, {rng.choice(first)}"
                if rng.random() < 0.3:
                    full += f" {rng.choice(first)}"
            else:
                words = [rng.choice(last), rng.choice(COMPANY_WORDS)]
                if rng.random() < 0.5:
                    words.append(rng.choice(COMPANY_WORDS))
                full = " ".join(words) + f" {rng.choice(LEGAL)}"
            weak = i > 0 and rng.random() < 0.15
            names.append(
                Name(
                    full=full,
                    type=NameType.PRIMARY if i == 0 else NameType.AKA,
                    strength=NameStrength.WEAK if weak else NameStrength.STRONG,
                )
            )
        made += count
        entries.append(
            Entry.model_construct(
                uid=str(uid),
                source="SYNTHETIC",
                kind=EntryKind.INDIVIDUAL if individual else EntryKind.ENTITY,
                names=tuple(names),
                programs=("TEST",),
            )
        )
    provenance = ListProvenance(
        source="SYNTHETIC",
        format="generated",
        files=(FileDigest(name=f"synthetic-{seed}-{n_names}", size=0, sha256="0" * 64),),
        loaded_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    return Watchlist(entries, provenance)


def perturbed(entry: Entry, rng: random.Random) -> str:
    full = entry.names[0].full
    surname, _, given = full.partition(",")
    if given:
        return f"{given.strip()} {surname.strip()}"  # reordered
    words = full.split()
    i = rng.randrange(len(words))
    w = words[i]
    if len(w) > 5:
        j = rng.randrange(1, len(w) - 1)
        words[i] = w[:j] + w[j + 1 :]  # one deletion
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    out: list[str] = []

    def say(line: str) -> None:
        print(line, flush=True)
        out.append(line)

    say(f"platform: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs (one used), screening {screening.__version__}")  # fmt: skip
    t0 = time.perf_counter()
    wl = synthetic_list(args.names, seed=2026)
    say(f"synthetic list: {len(wl)} entries, {sum(len(e.names) for e in wl)} names, "
        f"generated in {time.perf_counter() - t0:.0f} s")  # fmt: skip
    gc.collect()
    r0 = rss_mb()
    t0 = time.perf_counter()
    screener = Screener(wl)
    build = time.perf_counter() - t0
    say(f"build: {build:.0f} s; RSS +{rss_mb() - r0:.0f} MB (process {rss_mb():.0f} MB); "
        f"{len(screener.compiled.vocab.infos)} distinct tokens")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scale.screening-index"
        t0 = time.perf_counter()
        screener.save(path)
        say(f"save: {time.perf_counter() - t0:.1f} s, {path.stat().st_size / 1e6:.0f} MB")
        t0 = time.perf_counter()
        Screener.load(path)
        say(f"load: {time.perf_counter() - t0:.2f} s")
    fake = Faker(LOCALES)
    fake.seed_instance(5)
    queries = [fake.name() for _ in range(args.queries)]
    for q in queries[:200]:
        screener.screen(q)
    times = []
    for q in queries:
        t0 = time.perf_counter()
        screener.screen(q)
        times.append(time.perf_counter() - t0)
    times.sort()
    p = lambda f: times[int(f * (len(times) - 1))] * 1e3  # noqa: E731
    say(f"screen() on {len(times)} customer names: p50 {p(0.5):.2f} ms, p95 {p(0.95):.2f} ms, "
        f"p99 {p(0.99):.2f} ms")  # fmt: skip
    rng = random.Random(9)
    sample = rng.sample(list(wl), 200)
    found = 0
    for entry in sample:
        hits = screener.screen(perturbed(entry, rng), limit=1000).hits
        found += entry.uid in {h.entry.uid for h in hits}
    say(f"recall on 200 listed names written differently: {found / len(sample):.1%}")
    say(
        f"peak RSS of the process: {rss_mb():.0f} MB now (targets: p50 <= 1 ms, build <= 120 s,"
        " memory <= 4 GB)"
    )
    if not args.no_write:
        RESULTS.write_text(
            "# python benchmarks/bench_scale.py\n" + "\n".join(out) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
