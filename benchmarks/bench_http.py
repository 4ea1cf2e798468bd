"""HTTP service speed: ``GET /v1/screen`` on one uvicorn worker, next to the library call.

What is measured, in one run so that the ratios are fair on a shared machine:

* the library: ``Screener.screen(name)`` and ``screen(name).model_dump_json()`` (the response
  body) over realistic customer names (Faker, 12 locales, seeded), p50/p99 after a warm-up pass
  (warm, as in a running server, whose per-token caches fill up the same way);
* the service: ``screening serve --workers 1`` in its own process on 127.0.0.1, with C
  keep-alive clients (threads of this process, http.client) sending ``GET /v1/screen?name=...``
  for a fixed time after a warm-up: requests/s, p50/p99 latency seen by the clients, and the
  server's CPU time from /proc, so that "requests per CPU-second" (per core) does not depend
  on how fast the clients are;
* ``POST /v1/screen`` with batches of 100 names: names/s.

Both lists of bench_screen.py are served (SDN 2023-12-28 + consolidated 2025-12-19, from
../shared/data). Run:  python benchmarks/bench_http.py [--seconds S] [--names N]
Needs the extras ``http`` and ``bench`` (Faker).
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import logging
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Sequence
from pathlib import Path

import fastapi
import uvicorn
from faker import Faker

import screening
from screening import Screener

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ofac"
LISTS = ("sdn_csv_2023-12-28", "cons_csv_2025-12-19")
RESULTS = Path(__file__).resolve().parent / "results" / "http.txt"
LOCALES = ["en_US", "es_MX", "ru_RU", "zh_CN", "ar_AA", "de_DE", "fr_FR", "ja_JP", "ko_KR",
           "tr_TR", "fa_IR", "hi_IN"]  # fmt: skip
RUN = "import sys; from screening.cli import main; sys.exit(main(sys.argv[1:]))"


def percentiles(samples: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return pick(0.50), pick(0.99)


def customer_names(n: int, seed: int) -> list[str]:
    fake = Faker(LOCALES)
    fake.seed_instance(seed)
    return [fake.name() for _ in range(n)]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def library_pass(screener: Screener, names: list[str]) -> dict[str, float]:
    """One pass of ``screen(name).model_dump_json()`` over ``names`` (the response body)."""
    bodies = []
    start = time.process_time()
    for name in names:
        t0 = time.perf_counter()
        screener.screen(name).model_dump_json()
        bodies.append(time.perf_counter() - t0)
    p50, p99 = percentiles(bodies)
    return {"per_cpu_s": len(names) / (time.process_time() - start), "p50": p50, "p99": p99}


def median_of(runs: list[dict[str, float]], key: str) -> str:
    """The median over passes, then the range: ``1.38 ms (1.20-1.90)``."""
    values = sorted(run[key] for run in runs)
    if key in ("p50", "p99"):
        show = lambda v: f"{v * 1e3:.2f}"  # noqa: E731
        unit = " ms"
    else:
        show = lambda v: f"{v:,.0f}"  # noqa: E731
        unit = ""
    return f"{show(statistics.median(values))}{unit} ({show(values[0])}-{show(values[-1])})"


def load(port: int, pid: int, names: list[str], clients: int, seconds: float) -> dict[str, float]:
    """``clients`` keep-alive connections sending GET /v1/screen for ``seconds``."""
    paths = [f"/v1/screen?name={urllib.parse.quote(n)}" for n in names]
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    start = threading.Barrier(clients + 1)
    stop = [0.0]

    def client(number: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for path in paths[number::clients][:50]:  # warm-up: connection and server caches
            conn.request("GET", path)
            conn.getresponse().read()
        start.wait()
        i = number
        while time.perf_counter() < stop[0]:
            t0 = time.perf_counter()
            conn.request("GET", paths[i % len(paths)])
            response = conn.getresponse()
            response.read()
            latencies[number].append(time.perf_counter() - t0)
            errors[number] += response.status != 200
            i += clients
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    stop[0] = time.perf_counter() + 3600
    start.wait()
    cpu0, t0 = cpu_seconds(pid), time.perf_counter()
    stop[0] = t0 + seconds
    for thread in threads:
        thread.join()
    wall, cpu = time.perf_counter() - t0, cpu_seconds(pid) - cpu0
    samples = [s for per in latencies for s in per]
    p50, p99 = percentiles(samples)
    return {
        "requests": len(samples),
        "errors": sum(errors),
        "rps": len(samples) / wall,
        "per_cpu_s": len(samples) / cpu,
        "server_cpu": cpu / wall,
        "p50": p50,
        "p99": p99,
    }


def batches(port: int, names: list[str], size: int) -> float:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    t0 = time.perf_counter()
    for chunk in chunks:
        body = json.dumps({"queries": [{"name": n} for n in chunk]})
        conn.request("POST", "/v1/screen", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        assert response.status == 200, response.status
    return sum(map(len, chunks)) / (time.perf_counter() - t0)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=3.0, help="per pass")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--no-write", action="store_true", help="do not update results/")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    out: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        out.append(line)

    say(f"platform: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs shared (load average {os.getloadavg()[0]:.1f} at start), "
        f"screening {screening.__version__}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        lists_dir = Path(tmp)
        for name in LISTS:
            for path in sorted((DATA / name).iterdir()):
                (lists_dir / path.name).symlink_to(path)
        t0 = time.perf_counter()
        screener = Screener.from_directory(lists_dir)  # builds and saves the index
        say(f"lists: {', '.join(LISTS)}: {sum(len(wl) for wl in screener.lists)} entries; "
            f"index built and saved in {time.perf_counter() - t0:.1f} s")  # fmt: skip
        names = customer_names(args.names, seed=7)
        hits = sum(screener.screen(n).is_hit for n in names)
        say(f"queries: {len(names)} customer names (Faker, 12 locales, seed 7), {hits} with hits")
        library_pass(screener, names)  # warm-up: per-token caches fill as in a running server
        runs = [library_pass(screener, names) for _ in range(args.passes)]
        say(f"library screen(name).model_dump_json(), warm, median of {args.passes} passes "
            f"(range): p50 {median_of(runs, 'p50')}, p99 {median_of(runs, 'p99')}, "
            f"{median_of(runs, 'per_cpu_s')} calls per CPU-second")  # fmt: skip
        del screener

        port = free_port()
        command = [sys.executable, "-c", RUN, "serve", "--lists", tmp, "--port", str(port)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        t0 = time.perf_counter()
        server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        try:
            while True:
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    conn.request("GET", "/readyz")
                    if conn.getresponse().status == 200:
                        break
                except OSError:
                    pass
                if server.poll() is not None or time.perf_counter() - t0 > 120:
                    raise SystemExit("the server did not start")
                time.sleep(0.1)
            stack = ", ".join(
                f"{m} {'yes' if importlib.util.find_spec(m) else 'no'}"
                for m in ("httptools", "uvloop")
            )
            say(f"server: screening serve --workers 1 (uvicorn {uvicorn.__version__}, FastAPI "
                f"{fastapi.__version__}; {stack}), ready in {time.perf_counter() - t0:.1f} s "
                "from the saved index")  # fmt: skip
            for clients in args.clients:
                runs = [
                    load(port, server.pid, names, clients, args.seconds) for _ in range(args.passes)
                ]
                total = sum(int(r["requests"]) for r in runs)
                errors = sum(int(r["errors"]) for r in runs)
                cpu = statistics.median(r["server_cpu"] for r in runs)
                say(f"GET /v1/screen, {clients} client(s), median of {args.passes} x "
                    f"{args.seconds:.0f} s (range): {median_of(runs, 'rps')} req/s, "
                    f"p50 {median_of(runs, 'p50')}, p99 {median_of(runs, 'p99')}; "
                    f"{median_of(runs, 'per_cpu_s')} requests per server CPU-second "
                    f"(server at {cpu:.0%} of a core); {total} requests, {errors} errors"
                )  # fmt: skip
            runs = [{"rate": batches(port, names, 100)} for _ in range(args.passes)]
            say(f"POST /v1/screen, batches of 100, 1 client, median of {args.passes} passes "
                f"(range): {median_of(runs, 'rate')} names/s")  # fmt: skip
        finally:
            server.terminate()
            server.wait(30)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            "# python benchmarks/bench_http.py\n" + "\n".join(out) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
