"""Load time and peak memory of every list file the library can read.

What it measures, for each real list file or file set in ../shared/data/ofac and
../shared/data/un, and for a synthetic ~130 MB SDN_ADVANCED.XML
(benchmarks/gen_advanced_xml.py, the real one is not in the shared data):

- load time of ``screening.load_list``: the median of ``--passes`` passes after one warm-up,
  and as a ratio to a baseline measured in the same process on the same bytes (a C
  ElementTree ``iterparse`` pass that only clears elements, for XML; ``csv.reader`` over
  every file, for CSV), since absolute times drift on a shared machine;
- peak memory of one load in a fresh process: the growth of peak RSS
  (``resource.getrusage``) over the process after ``import screening``, and the
  ``tracemalloc`` peak (in another fresh process: tracing slows the load).

Why: the real SDN_ADVANCED.XML is over 120 MB; the loader must stream it with memory well
below the file size, and a change that costs time or memory should show in a diff of
benchmarks/results/load.txt.

    python benchmarks/bench_load.py [--passes N] [--out benchmarks/results/load.txt]

Files whose format no loader recognises yet (another loader not merged) are reported as such.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from xml.etree.ElementTree import iterparse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ofac"
# Publications kept one per directory elsewhere in the shared data (the EU and UK lists have no
# real file there, only the EU's XSD, so they are not measured).
OTHER_DATA = (ROOT.parent / "shared" / "data" / "un",)
RESULTS = Path(__file__).resolve().parent / "results" / "load.txt"
sys.path.insert(0, str(ROOT))


def _baseline(path: Path) -> float:
    """Seconds for the reference pass over the same bytes (see the module docstring)."""
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    start = time.perf_counter()
    for file in files:
        if file.suffix.lower() == ".xml":
            for _, element in iterparse(file):
                element.clear()
        elif file.suffix.lower() == ".csv":
            with file.open(newline="", encoding="latin-1") as f:
                for _ in csv.reader(f):
                    pass
    return time.perf_counter() - start


def _peak_rss_kib() -> int:
    """Peak RSS of this process in KiB: VmHWM, which starts afresh at exec (ru_maxrss does not:
    it keeps the high-water mark of the parent that forked us)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child(mode: str, path: Path, passes: int) -> dict[str, object]:
    """One measurement in this (fresh) process."""
    import screening

    base_rss = _peak_rss_kib()
    if mode == "rss":
        wl = screening.load_list(path)
        peak_rss = _peak_rss_kib()
        return {"entries": len(wl), "rss_kib": peak_rss - base_rss, "base_kib": base_rss}
    if mode == "tracemalloc":
        tracemalloc.start()
        wl = screening.load_list(path)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"traced_peak": peak, "traced_kept": current}
    screening.load_list(path)  # warm-up
    times, baselines = [], []
    for _ in range(passes):
        start = time.perf_counter()
        screening.load_list(path)
        times.append(time.perf_counter() - start)
        baselines.append(_baseline(path))
    return {"times": times, "baselines": baselines}


def _run_child(mode: str, path: Path, passes: int) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", mode, "--passes", str(passes), str(path)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return {"error": lines[-1] if lines else f"exit {done.returncode}"}
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _targets() -> list[tuple[str, Path]]:
    """(label, path) of every list file or set; directories holding one publication are
    loaded whole, others file by file."""
    from screening import sniff_format

    found: list[tuple[str, Path]] = []
    directories = sorted(p for p in DATA.iterdir() if p.is_dir())
    for directory in [*directories, *(d for d in OTHER_DATA if d.is_dir())]:
        if sniff_format(directory) is not None:
            found.append((directory.name, directory))
            continue
        files = [p for p in sorted(directory.iterdir()) if sniff_format(p) is not None]
        if not files:
            found.append((directory.name, directory))  # reported as not recognised
        found += [(f"{directory.name}/{p.name}", p) for p in files]
    return found


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size


def _measure(label: str, path: Path, passes: int) -> str:
    from screening import sniff_format

    size = f"{_size(path) / 1e6:8.1f} MB"
    fmt = sniff_format(path)
    if fmt is None:
        return f"{label:<48} {size}  no list publication here (no main list file of a known format)"
    rss = _run_child("rss", path, passes)
    if "error" in rss:
        return f"{label:<48} {size}  {fmt}: load failed: {rss['error']}"
    timing = _run_child("time", path, passes)
    traced = _run_child("tracemalloc", path, passes)
    times = timing["times"]
    baselines = timing["baselines"]
    assert isinstance(times, list) and isinstance(baselines, list)
    median = statistics.median(times)
    ratio = median / statistics.median(baselines)
    return (
        f"{label:<48} {size}  {fmt:<18} {rss['entries']:>6} entries  "
        f"load {median:7.2f} s (x{ratio:4.1f} baseline, n={len(times)})  "
        f"peak RSS +{int(str(rss['rss_kib'])) / 1024:6.1f} MiB  "
        f"tracemalloc peak {int(str(traced.get('traced_peak', 0))) / 2**20:6.1f} MiB "
        f"(kept {int(str(traced.get('traced_kept', 0))) / 2**20:5.1f} MiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--child", choices=("rss", "time", "tracemalloc"))
    parser.add_argument("--synthetic", type=Path, default=None, help="synthetic file to use")
    parser.add_argument("path", nargs="?", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.path, args.passes)))
        return

    from gen_advanced_xml import DEFAULT_OUT, DEFAULT_PARTIES, SEED, generate

    synthetic = args.synthetic or DEFAULT_OUT
    if not synthetic.exists():
        generate(synthetic)
    lines = [
        f"platform: {platform.platform()}; Python {platform.python_version()}; "
        f"{os.cpu_count()} CPUs; {platform.processor() or platform.machine()}",
        f"data: {DATA.relative_to(ROOT.parent)}, "
        f"{', '.join(str(d.relative_to(ROOT.parent)) for d in OTHER_DATA)} "
        "and a synthetic SDN_ADVANCED.XML "
        f"(gen_advanced_xml.py, {DEFAULT_PARTIES} parties, seed {SEED})",
        f"command: python benchmarks/bench_load.py --passes {args.passes}",
        "",
    ]
    for line in lines:
        print(line, flush=True)
    for label, path in [*_targets(), (f"synthetic/{synthetic.name}", synthetic)]:
        line = _measure(label, path, args.passes)
        print(line, flush=True)
        lines.append(line)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
