"""Where the time of ``screen()`` goes, per phase, on names new to a steady screener.

A screener that has already screened ``--steady`` customer names (a running service or batch)
screens ``--queries`` new ones; each phase is timed by wrapping the screener's methods with
``time.perf_counter`` (wall clock, not a profiler, which inflates small Python calls):

* tokenise: :func:`~screening.text.tokens.tokenize` (Unicode hygiene, scripts, romanisation);
* token lookups: the rest of preparing a query (token keys, index lookups, similarities,
  joined pairs), that is ``Screener._prepare`` minus tokenising;
* candidates: ``Screener.candidates`` (prefix filter, credits, list-side bounds);
* scoring: ``Screener.evaluate`` (alignment of each candidate name, adjustments);
* result: ``Screener._hits`` and the rest of ``screen()`` (result and hit models, checks).

It also counts the cyclic garbage collector's full collections during the run (gen 2, which
traverse every tracked object the process holds) and their pauses, with collection enabled as
in any process, and times one full collection at the end: the pause a long-running service
sees now and then, once its screener's caches are warm (``--freeze``: with the objects of the
built lists and index frozen out of collections by ``gc.freeze()``). Numbers are per name:
median and mean of each phase, then the whole call.

Run:  python benchmarks/bench_phases.py [--queries N] [--steady S] [--freeze]
Needs the extra ``bench`` (Faker) and ../shared/data.
"""

from __future__ import annotations

import argparse
import gc
import logging
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import screening
import screening.matching.screener as screener_module
from screening import Screener

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_screen import DATA, customer_names, reporter  # the same names and seeds

RESULTS = Path(__file__).resolve().parent / "results" / "phases.txt"
PHASES = ("tokenise", "token lookups", "candidates", "scoring", "result")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=4000)
    parser.add_argument("--steady", type=int, default=20000)
    parser.add_argument(
        "--freeze",
        action="store_true",
        help="gc.freeze() once the screener is built, as a service may (results/phases_freeze.txt)",
    )
    parser.add_argument("--no-write", action="store_true", help="do not update results/")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    out: list[str] = []
    say = reporter(out)
    screener = Screener(
        [
            screening.load_list(DATA / "sdn_csv_2023-12-28"),
            screening.load_list(DATA / "cons_csv_2025-12-19"),
        ]
    )
    if args.freeze:
        gc.freeze()  # the lists and the index, built once, are left out of every collection
    names = len(screener.compiled.name_tokens)
    say(f"lists: SDN 2023-12-28 + consolidated 2025-12-19, {names} names; {args.steady:,} "
        f"customer names screened first, then {args.queries:,} new ones"
        + ("; gc.freeze() after the build" if args.freeze else ""))  # fmt: skip
    for name in customer_names(args.steady, seed=9):
        screener.screen(name)

    spent = dict.fromkeys(PHASES, 0.0)

    def timing(phase: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*a: Any, **k: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[phase] += time.perf_counter() - start

        return timed

    # Instance attributes shadow the methods; the module's tokenize is the one _prepare calls.
    screener._prepare = timing("token lookups", screener._prepare)  # type: ignore[method-assign]
    screener.candidates = timing("candidates", screener.candidates)  # type: ignore[method-assign]
    screener.evaluate = timing("scoring", screener.evaluate)  # type: ignore[method-assign]
    tokenize = screener_module.tokenize
    screener_module.tokenize = timing("tokenise", tokenize)

    pauses: list[float] = []
    started = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started[0] = time.perf_counter()
            else:
                pauses.append(time.perf_counter() - started[0])

    per_phase: dict[str, list[float]] = {p: [] for p in PHASES}
    calls: list[float] = []
    gc.callbacks.append(on_gc)
    try:
        for name in customer_names(args.queries, seed=7):
            before = dict(spent)
            start = time.perf_counter()
            screener.screen(name)
            call = time.perf_counter() - start
            calls.append(call)
            delta = {p: spent[p] - before[p] for p in PHASES}
            delta["token lookups"] -= delta["tokenise"]  # _prepare includes tokenising
            delta["result"] = call - sum(delta[p] for p in PHASES if p != "result")
            for p in PHASES:
                per_phase[p].append(delta[p])
    finally:
        gc.callbacks.remove(on_gc)
        screener_module.tokenize = tokenize
    mean_call = statistics.fmean(calls)
    for p in PHASES:
        values = per_phase[p]
        mean = statistics.fmean(values)
        say(f"  {p:14s} median {statistics.median(values) * 1e6:6.1f} us  "
            f"mean {mean * 1e6:6.1f} us  ({mean / mean_call:5.1%} of the mean call)")  # fmt: skip
    say(f"  {'screen()':14s} median {statistics.median(calls) * 1e6:6.1f} us  "
        f"mean {mean_call * 1e6:6.1f} us")  # fmt: skip
    if pauses:
        say(f"full garbage collections during the run: {len(pauses)}, "
            f"{sum(pauses) / sum(calls):.1%} of the time, longest pause {max(pauses) * 1e3:.0f} ms "
            f"({len(gc.get_objects()):,} objects tracked at the end)")  # fmt: skip
    else:
        say("full garbage collections during the run: none")
    gc.collect()  # what is garbage now is not the screener's
    start = time.perf_counter()
    gc.collect()
    say(f"a full garbage collection now: {(time.perf_counter() - start) * 1e3:.0f} ms, "
        f"{len(gc.get_objects()):,} objects tracked")  # fmt: skip
    if not args.no_write:
        command = "python benchmarks/bench_phases.py" + (" --freeze" if args.freeze else "")
        path = RESULTS.with_name("phases_freeze.txt") if args.freeze else RESULTS
        path.write_text(f"# {command}\n" + "\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
