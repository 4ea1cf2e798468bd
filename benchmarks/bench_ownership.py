"""Benchmark: the 50 Percent Rule on a synthetic power-law ownership graph of 10 million holdings.

What is measured, and why:

- **full computation**: ``OwnershipGraph.blocked(seeds)`` on a built graph: both fixpoints
  (lower bounds: blocked; upper bounds: possibly blocked), under OFAC. The issue's target is
  30 s and 8 GB on one core for 10,000,000 holdings. Two seed sets: *sparse* (0.5% of the
  entities, drawn at random, roughly the share of listed parties in real registers) and
  *cascade* (the same plus the 100 largest holders, which blocks most of the graph, so nearly
  every holding is processed: the worst case).
- **incremental designation**: ``report.designate(id)`` on the sparse report, for 25 random
  entities that hold shares; the target is 10 ms. Also ``what_if_designate``, which copies the
  state first.
- **baseline**: a plain Python loop reading every holding's target and share once, in the same
  run: the least any pure-Python computation must do. Times are also given as a ratio to it,
  since absolute times drift on shared machines.
- **graph construction** (``add_edges`` from id and percent strings) and **peak memory** (the
  process's maximum resident set size, generator included) are reported alongside.

The graph: N = holdings / 4 entities, numbered in order of incorporation. Each entity has 1-12
owners (mean about 3.5), mostly older entities drawn with probability falling as a power of
their number (``int(i * u**3)`` for entity ``i``), so out-degrees follow a power law (the oldest
holding companies own shares in hundreds of thousands of entities); 2% of owners are drawn from
all entities, which makes cross-holdings and cycles. The owners of an entity hold 80-100%
together, in hundredths of a percent; 2% of holdings have an unknown share, 3% a UK PSC band,
and 1% more holdings have a validity window. Fixed seed: the same graph every run.

Run (about 10 minutes and 5 GB for the default 10M; ``--holdings 1000000`` for a quick look)::

    python benchmarks/bench_ownership.py --output benchmarks/results/ownership.txt
"""

from __future__ import annotations

import argparse
import gc
import math
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from screening import OwnershipGraph, OwnershipReport

BANDS = (
    "ownership-of-shares-25-to-50-percent",
    "ownership-of-shares-50-to-75-percent",
    "ownership-of-shares-75-to-100-percent",
)
PERCENTS = [f"{c // 100}.{c % 100:02d}" for c in range(10_001)]


def holdings(count: int, entities: int, seed: int) -> Iterator[tuple[str, str, str]]:
    """The synthetic graph as ``(owner, owned, percent)`` rows, ``count`` of them."""
    rnd = random.Random(seed)
    draw = rnd.random
    names = [f"E{i:07d}" for i in range(entities)]
    made = 0
    owned = 0
    while made < count:
        owned = (owned + 1) % entities
        owners = min(12, 1 + int(-2.5 * math.log(1.0 - draw())))
        left = 10_000 - int(draw() * 2_000)
        for position in range(owners):
            # mostly older (lower-numbered) companies, the oldest most often; 2% anywhere,
            # which makes cross-holdings and cycles
            owner = int((entities if draw() < 0.02 else owned) * draw() ** 3)
            if owner == owned or made == count:
                continue
            share = left if position == owners - 1 else int(left * draw())
            left -= share
            kind = draw()
            if kind < 0.02:
                percent = ""
            elif kind < 0.05:
                percent = BANDS[int(draw() * 3)]
            else:
                percent = PERCENTS[share]
            made += 1
            yield names[owner], names[owned], percent


def dated(g: OwnershipGraph, count: int, entities: int, seed: int) -> None:
    """1% of holdings again, with windows: added through the keyword API."""
    rnd = random.Random(seed + 1)
    for _ in range(count // 100):
        owned = int(entities * rnd.random())
        owner = int(owned * rnd.random() ** 3)
        if owner != owned:
            g.add_edge(
                f"E{owner:07d}",
                f"E{owned:07d}",
                PERCENTS[int(rnd.random() * 5_000)],
                start="2015-01-01",
                end="2030-01-01",
            )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def baseline(g: OwnershipGraph) -> float:
    rec = g._rec

    def visit() -> int:
        total = 0
        for k in range(0, len(rec), 4):
            total += rec[k + 1] + rec[k]
        return total

    return timed(visit)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdings", type=int, default=10_000_000)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    entities = args.holdings // 4
    say(
        f"platform: {platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()} {platform.system()} {platform.release()}, "
        f"{platform.processor() or 'cpu n/a'}; one process, one core"
    )
    say(
        f"data: synthetic power-law ownership graph, {args.holdings:,} holdings requested, "
        f"{entities:,} entities, random seed 2014 (see the module docstring)"
    )
    g = OwnershipGraph()
    build, _ = timed(lambda: g.add_edges(holdings(args.holdings, entities, 2014)))
    dated(g, args.holdings, entities, 2014)
    gc.collect()
    say(
        f"graph: {len(g):,} holdings counted ({len(g._imprecise):,} ranges or unknown, "
        f"{len(g._windows):,} dated), {g.node_count:,} parties, "
        f"{len(g.issues):,} issues while adding (duplicates, self-holdings)"
    )
    say(
        f"construction: {build:.1f} s ({build / args.holdings * 1e6:.2f} us per holding), "
        f"peak RSS so far {peak_mb():,.0f} MB"
    )
    base = statistics.median(baseline(g) for _ in range(args.passes))
    say(f"baseline (read every holding once, Python loop): {base:.2f} s, median of {args.passes}")

    rnd = random.Random(7)
    sparse = {f"E{rnd.randrange(entities):07d}" for _ in range(entities // 200)}
    cascade = sparse | {f"E{i:07d}" for i in range(100)}
    reports: dict[str, OwnershipReport] = {}
    for name, seeds in (("sparse", sparse), ("cascade", cascade)):
        times = []
        g.blocked(seeds, as_of="2024-01-01")  # warm-up
        for _ in range(args.passes):
            gc.collect()
            seconds, report = timed(lambda seeds=seeds: g.blocked(seeds, as_of="2024-01-01"))
            times.append(seconds)
        assert isinstance(report, OwnershipReport)
        reports[name] = report
        median = statistics.median(times)
        say(
            f"full computation, {name} seeds ({len(seeds):,}): median {median:.2f} s "
            f"(min {min(times):.2f}, max {max(times):.2f}; {median / base:.1f}x baseline); "
            f"{len(report.blocked):,} blocked, {len(report.possibly_blocked):,} possibly "
            f"blocked; peak RSS {peak_mb():,.0f} MB"
        )

    report = reports["sparse"]
    blocked = report.blocked | report.possibly_blocked
    holders = [p for p in g._ids if p not in blocked and g._out_head[g._index[p]] >= 0]
    picks = random.Random(11).sample(holders, 25)
    latencies, sizes = [], []
    for party in picks:
        seconds, change = timed(lambda party=party: report.designate(party))
        latencies.append(seconds * 1000)
        sizes.append(len(change.blocked) + len(change.possibly_blocked))  # type: ignore[attr-defined]
    say(
        f"incremental designation (25 random holders, sparse report): median "
        f"{statistics.median(latencies):.3f} ms, max {max(latencies):.3f} ms; newly blocked or "
        f"possibly blocked per designation: median {statistics.median(sizes):.0f}, "
        f"max {max(sizes):,}"
    )
    what_if = [
        timed(lambda party=party: report.what_if_designate(party))[0] * 1000 for party in picks[:5]
    ]
    say(
        f"what-if designation (copies the state, 5 holders): median "
        f"{statistics.median(what_if):.1f} ms"
    )
    say(f"peak RSS: {peak_mb():,.0f} MB")
    if args.output:
        command = "python benchmarks/bench_ownership.py " + " ".join(sys.argv[1:])
        args.output.write_text(f"# {command}\n" + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
