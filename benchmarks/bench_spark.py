"""Spark in local mode: screen_dataframe on millions of rows, and blocked_entities' two paths.

What is measured, in one run so that the ratios are fair on a shared machine:

* **screening, single process**: ``Screener.screen_many`` over the first ``--single-rows`` rows
  of the input (rows/s, one core), after a warm-up on other rows of the same pool;
* **screening, Spark**: ``screen_dataframe`` over ``--rows`` rows (default 2,000,000) with
  ``--master`` (default ``local[2]``: the machine's two cores), counting rows per status. The
  call itself (lists checked, index saved, reloaded and broadcast on the driver) is timed apart;
  a warm-up job first starts the Python workers and loads the index in each, the cost a cluster
  pays once per executor process; then the timed job;
* **single process, streaming**: the same rows through ``screen()`` one by one with the results
  dropped, as each Spark batch does (``screen_many`` keeps every result, which the garbage
  collector then walks again and again);
* **index**: the saved index's size, and the time and memory of ``Screener.load``, which each
  Python worker pays once;
* **ownership**: ``blocked_entities`` on the synthetic power-law graph of
  ``bench_ownership.py`` (``--holdings``, default 200,000), by the collect path (edges to the
  driver as Arrow, then the exact engine) and by the iterative DataFrame fallback, next to the
  engine alone on the same rows; the two Spark results are checked equal.

Input rows: customer names drawn (seeded) from a pool of ``--pool`` Faker names in 12 locales,
as in ``bench_screen.py``; the rows are generated inside Spark (``range`` + a hash into the pool),
so no Python serialisation is timed. Lists: the real SDN list of 2023-12-28 and the consolidated
list of 2025-12-19 (``../shared/data/ofac``).

Run (about 15 minutes on 2 shared cores; needs the extras ``spark`` and ``bench``)::

    python benchmarks/bench_spark.py --output benchmarks/results/spark.txt
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ownership import holdings  # noqa: E402
from bench_screen import customer_names  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402

import screening  # noqa: E402
from screening import OwnershipGraph, Screener  # noqa: E402
from screening.spark import blocked_entities, screen_dataframe  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ofac"


class Rounds(logging.Handler):
    """Keeps the fallback's "fixpoint after N rounds" messages."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "rounds" in record.getMessage():
            self.seen.append(record.getMessage())


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def session(master: str) -> SparkSession:
    # the workers must run this interpreter and import this checkout
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p
    )
    spark = (
        SparkSession.builder.master(master)
        .appName("bench_spark")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", "4g")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--pool", type=int, default=50_000)
    parser.add_argument("--single-rows", type=int, default=100_000)
    parser.add_argument("--holdings", type=int, default=200_000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    spark = session(args.master)
    say(
        f"platform: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, screening {screening.__version__}, Spark {spark.version} "
        f"({args.master})"
    )
    t, lists = timed(
        lambda: [
            screening.load_list(DATA / "sdn_csv_2023-12-28"),
            screening.load_list(DATA / "cons_csv_2025-12-19"),
        ]
    )
    t_build, screener = timed(lambda: Screener(lists))  # type: ignore[arg-type]
    assert isinstance(screener, Screener)
    for identity in screener.identities:
        say(f"list: {identity.source}, {identity.record_count} entries, {identity.sha256[:16]}")
    say(f"load {t:.1f} s + build {t_build:.1f} s")

    t, pool = timed(lambda: customer_names(args.pool, seed=7))
    assert isinstance(pool, list)
    say(f"pool: {len(pool):,} Faker names in {t:.0f} s")

    # single process: the same distribution of rows (pool drawn with replacement)
    rnd = random.Random(11)
    warm = [rnd.choice(pool) for _ in range(5_000)]
    sample = [rnd.choice(pool) for _ in range(args.single_rows)]
    screener.screen_many(warm)
    t_single, results = timed(lambda: screener.screen_many(sample))
    assert isinstance(results, list)
    single_rate = len(sample) / t_single
    hit_share = sum(r.is_hit for r in results) / len(results)
    del results
    say(
        f"single process: Screener.screen_many {len(sample):,} rows in {t_single:.1f} s = "
        f"{single_rate:,.0f} rows/s (one core); {hit_share:.2%} of rows hit"
    )
    # the same rows screened one by one and the results dropped, as a streaming job (and each
    # Spark batch) does: no list of 100,000 results for the garbage collector to walk
    t_stream, _ = timed(lambda: [screener.screen(name) and None for name in sample])
    stream_rate = len(sample) / t_stream
    say(f"single process: screen() per row, results dropped: {stream_rate:,.0f} rows/s")
    with tempfile.TemporaryDirectory() as tmp:
        screener.save(Path(tmp) / "index")
        size = (Path(tmp) / "index").stat().st_size
        before = rss_mb()
        t_load, loaded = timed(lambda: Screener.load(Path(tmp) / "index"))
        grown = rss_mb() - before
        del loaded
    say(
        f"index: {size / 1e6:.0f} MB saved; Screener.load {t_load:.1f} s, RSS +{grown:.0f} MB "
        "(paid once per Python worker)"
    )

    # Spark: rows generated in the JVM, names picked from the pool by a hash of the row id
    names = spark.createDataFrame(list(enumerate(pool)), "k long, name string")
    rows = (
        spark.range(args.rows)
        .withColumn("k", F.pmod(F.xxhash64("id", F.lit(7)), F.lit(len(pool))))
        .join(F.broadcast(names), "k")
        .select("id", "name")
    )
    # every 100th row: spread over all partitions, so that every worker starts and loads
    head = rows.filter(F.col("id") % 100 == 0)
    t_call, _ = timed(lambda: screen_dataframe(head, "name", id_col="id", lists=screener))
    t_warm, _ = timed(
        lambda: (
            screen_dataframe(head, "name", id_col="id", lists=screener)
            .groupBy("status")
            .count()
            .collect()
        )
    )
    say(
        f"spark: screen_dataframe() call (driver: check, save, reload, broadcast) {t_call:.1f} s; "
        f"warm-up job of {args.rows // 100:,} rows (workers start, index loaded once each) "
        f"{t_warm:.1f} s"
    )
    out = screen_dataframe(rows, "name", id_col="id", lists=screener)
    t_spark, counts = timed(lambda: out.groupBy("status").count().collect())
    assert isinstance(counts, list)
    by_status = {r["status"]: r["count"] for r in counts}
    spark_rate = args.rows / t_spark
    say(
        f"spark: screen_dataframe {args.rows:,} rows in {t_spark:.1f} s = {spark_rate:,.0f} "
        f"rows/s ({args.master}); output rows by status {dict(sorted(by_status.items()))}"
    )
    say(
        f"ratio spark / single process: {spark_rate / single_rate:.2f}x (screen_many), "
        f"{spark_rate / stream_rate:.2f}x (screen() per row)"
    )

    # ownership: collect path, iterative fallback, and the engine alone
    entities = args.holdings // 4
    edges = list(holdings(args.holdings, entities, seed=3))
    pick = random.Random(5)
    seeds = sorted({f"E{pick.randrange(entities):07d}" for _ in range(entities // 200)})
    seed_set = set(seeds)

    def engine() -> int:
        graph = OwnershipGraph()
        graph.add_edges(edges)
        report = graph.blocked(seed_set, as_of="2024-06-01")
        return len(report.blocked)

    t_engine, engine_blocked = timed(engine)
    rounds = Rounds()
    logging.disable(logging.NOTSET)
    fixpoint_log = logging.getLogger("screening.spark.fixpoint")
    fixpoint_log.setLevel(logging.INFO)
    fixpoint_log.addHandler(rounds)
    frame = spark.createDataFrame(edges, "owner string, owned string, percent string")
    frame = frame.localCheckpoint()
    say(
        f"ownership: {len(edges):,} holdings between {entities:,} entities, {len(seeds):,} seeds; "
        f"engine alone (build + blocked) {t_engine:.1f} s, {engine_blocked:,} blocked"
    )
    results_by_method = {}
    for method in ("collect", "iterative"):
        t, got = timed(
            lambda method=method: {
                (r.entity, r.status, r.share)
                for r in blocked_entities(
                    frame, seed_set, as_of="2024-06-01", method=method, explain=False
                ).collect()
            }
        )
        assert isinstance(got, set)
        results_by_method[method] = got
        say(
            f"ownership: blocked_entities(method={method!r}) {t:.1f} s, {len(got):,} rows"
            + (f"; {', '.join(rounds.seen)}" if method == "iterative" else "")
        )
    same = results_by_method["collect"] == results_by_method["iterative"]
    say(f"ownership: iterative result identical to collect: {same}")
    if args.output:
        args.output.write_text(
            "# python benchmarks/bench_spark.py --output benchmarks/results/spark.txt\n"
            + "\n".join(lines)
            + "\n",
            encoding="utf-8",
        )
    spark.stop()


if __name__ == "__main__":
    main()
