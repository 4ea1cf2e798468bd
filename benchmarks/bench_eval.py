"""Accuracy of name screening on labelled cases, next to a naive fuzzy baseline.

What it measures, on the cases of benchmarks/eval/cases.csv (made by
``python benchmarks/eval/generate.py`` from the real SDN list of 2023-12-28; see
benchmarks/README.md for the categories):

- for each positive category (a real list name changed in one way), the **recall**: the share
  of queries whose expected entry is among the hits, and how often it is the top hit;
- for each negative category (ordinary people and companies, near misses of listed names), the
  **false-positive rate**: the share of queries with any hit at all; for near misses also how
  often the hit was the very entry the query was derived from;
- the median time per query.

Each figure is given for ``screening.Screener`` at its default threshold (0.85) and default
limit (10 hits), and for a naive baseline run in the same process on the same cases: Unidecode,
case folding and punctuation removal on both sides, then rapidfuzz ``token_sort_ratio`` against
every strong name of the list (a full scan); an entry is hit when one of its names scores 85 or
more, the 10 best entries kept.

Why: a change to the matcher must show what it gains and loses per kind of variation, in a diff
of benchmarks/results/eval.txt, and the examples of failures there say where to work next.

    python benchmarks/bench_eval.py [--only CATEGORY,...] [--out benchmarks/results/eval.txt]

Writes eval.txt (the report), eval.json (the figures) and eval_cases.csv (every case's outcome)
under benchmarks/results/, unless ``--only`` is given (then it prints the report only).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process
from unidecode import unidecode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.eval.generate import CASES_FILE, LIST_DIR, Case, read_cases  # noqa: E402
from screening import Screener, load_list  # noqa: E402
from screening.models import NameStrength, Watchlist  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
BASELINE_CUTOFF = 85.0
LIMIT = 10
EXAMPLES = 10
WORST_POSITIVE = 5
WORST_NEGATIVE = 4
# A failure is shown with the expected entry's best score down to this threshold.
DIAGNOSIS_THRESHOLD = 0.3

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def baseline_form(name: str) -> str:
    """The baseline's normalisation: Unidecode, case folding, letters and digits only."""
    return " ".join(_NON_ALNUM.sub(" ", unidecode(name).casefold()).split())


class Outcome(NamedTuple):
    """What one matcher returned for one case."""

    hits: tuple[str, ...]  # uids, best first
    top_score: float
    seconds: float


class Baseline:
    """The naive full scan (see the module docstring)."""

    def __init__(self, watchlist: Watchlist) -> None:
        self.uids: list[str] = []
        self.names: list[str] = []
        for entry in watchlist:
            for name in entry.names:
                if name.strength == NameStrength.STRONG:
                    self.uids.append(entry.uid)
                    self.names.append(baseline_form(name.full))

    def screen(self, query: str) -> Outcome:
        start = time.perf_counter()
        found = process.extract(
            baseline_form(query),
            self.names,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=BASELINE_CUTOFF,
            limit=None,
        )
        best: dict[str, float] = {}
        for _, score, i in found:
            uid = self.uids[i]
            best[uid] = max(best.get(uid, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], int(kv[0])))[:LIMIT]
        seconds = time.perf_counter() - start
        top = ranked[0][1] / 100.0 if ranked else 0.0
        return Outcome(tuple(uid for uid, _ in ranked), top, seconds)


def screen(screener: Screener, query: str) -> Outcome:
    """Screen one query with the library, timed."""
    start = time.perf_counter()
    result = screener.screen(query, limit=LIMIT)
    seconds = time.perf_counter() - start
    top = result.hits[0].score if result.hits else 0.0
    return Outcome(tuple(h.entry.uid for h in result.hits), top, seconds)


class Row(NamedTuple):
    case: Case
    ours: Outcome
    base: Outcome

    @property
    def positive(self) -> bool:
        return bool(self.case.expected_uid)

    def ok(self, outcome: Outcome) -> bool:
        """Positive: an expected entry is among the hits. Negative: no hit."""
        if self.positive:
            return bool(set(self.case.expected_uid.split()) & set(outcome.hits))
        return not outcome.hits

    def top1(self, outcome: Outcome) -> bool:
        return bool(outcome.hits) and outcome.hits[0] in self.case.expected_uid.split()

    def source_hit(self, outcome: Outcome) -> bool:
        return bool(self.case.source_uid) and self.case.source_uid in outcome.hits


def _rate(n: int, d: int) -> str:
    return f"{100.0 * n / d:5.1f}%" if d else "    -"


def category_table(rows: Sequence[Row]) -> tuple[list[str], dict[str, Any]]:
    """One line per category, and the same figures for eval.json."""
    by_cat: dict[str, list[Row]] = {}
    for row in rows:
        by_cat.setdefault(row.case.category, []).append(row)
    lines = [
        "POSITIVES: recall = expected entry among the hits (top-1 = it is the first hit)",
        f"{'category':20} {'n':>5}   {'screening':>9} {'top-1':>6}   {'baseline':>9} {'top-1':>6}",
    ]
    figures: dict[str, Any] = {}
    for cat, items in by_cat.items():
        if not items[0].positive:
            continue
        n = len(items)
        ours = sum(r.ok(r.ours) for r in items)
        base = sum(r.ok(r.base) for r in items)
        ours1 = sum(r.top1(r.ours) for r in items)
        base1 = sum(r.top1(r.base) for r in items)
        lines.append(
            f"{cat:20} {n:5}   {_rate(ours, n):>9} {_rate(ours1, n):>6}   "
            f"{_rate(base, n):>9} {_rate(base1, n):>6}"
        )
        figures[cat] = {
            "kind": "positive",
            "n": n,
            "screening_recall": ours / n,
            "screening_top1": ours1 / n,
            "baseline_recall": base / n,
            "baseline_top1": base1 / n,
        }
    lines += [
        "",
        "NEGATIVES: false-positive rate = share of queries with any hit "
        "(source hit = the hit includes the entry the query was derived from)",
        f"{'category':20} {'n':>5}   {'screening':>9} {'source':>7}   "
        f"{'baseline':>9} {'source':>7}",
    ]
    for cat, items in by_cat.items():
        if items[0].positive:
            continue
        n = len(items)
        ours = sum(not r.ok(r.ours) for r in items)
        base = sum(not r.ok(r.base) for r in items)
        derived = any(r.case.source_uid for r in items)
        ours_src = sum(r.source_hit(r.ours) for r in items)
        base_src = sum(r.source_hit(r.base) for r in items)
        src = (_rate(ours_src, n), _rate(base_src, n)) if derived else ("-", "-")
        lines.append(
            f"{cat:20} {n:5}   {_rate(ours, n):>9} {src[0]:>7}   {_rate(base, n):>9} {src[1]:>7}"
        )
        figures[cat] = {
            "kind": "negative",
            "n": n,
            "screening_fp_rate": ours / n,
            "baseline_fp_rate": base / n,
        }
        if derived:
            figures[cat] |= {
                "screening_source_hit": ours_src / n,
                "baseline_source_hit": base_src / n,
            }
    return lines, figures


def overall(rows: Sequence[Row], figures: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """Micro (over cases) and macro (mean over categories) figures, and timing."""
    pos = [r for r in rows if r.positive]
    neg = [r for r in rows if not r.positive]
    out: dict[str, Any] = {}
    lines = ["OVERALL"]
    for label, key, items, good in (
        ("recall", "recall", pos, True),
        ("false-positive rate", "fp_rate", neg, False),
    ):
        cats = [f for f in figures.values() if f["kind"] == ("positive" if good else "negative")]
        for who in ("screening", "baseline"):
            micro = sum(
                r.ok(getattr(r, "ours" if who == "screening" else "base")) for r in items
            ) / len(items)
            micro = micro if good else 1.0 - micro
            macro = statistics.fmean(c[f"{who}_{key}"] for c in cats)
            out[f"{who}_{key}_micro"] = micro
            out[f"{who}_{key}_macro"] = macro
        ours = (100 * out[f"screening_{key}_micro"], 100 * out[f"screening_{key}_macro"])
        base = (100 * out[f"baseline_{key}_micro"], 100 * out[f"baseline_{key}_macro"])
        lines.append(
            f"{label:20} over {len(items):4} cases: screening {ours[0]:5.1f}% (mean of categories"
            f" {ours[1]:5.1f}%), baseline {base[0]:5.1f}% (mean of categories {base[1]:5.1f}%)"
        )
    ours_t = statistics.median(r.ours.seconds for r in rows)
    base_t = statistics.median(r.base.seconds for r in rows)
    out |= {"screening_median_ms": ours_t * 1e3, "baseline_median_ms": base_t * 1e3}
    lines.append(
        f"median time per query: screening {ours_t * 1e3:.2f} ms, baseline {base_t * 1e3:.2f} ms"
        f" (baseline / screening = {base_t / ours_t:.1f}x)"
    )
    return lines, out


def _describe(screener: Screener, uid: str) -> str:
    entry = screener.lists[0].get(uid)
    return f"{uid} {entry.primary_name.full!r}" if entry else uid


def examples(screener: Screener, rows: Sequence[Row], figures: dict[str, Any]) -> list[str]:
    """Failures of the categories where screening does worst, with the explanations."""
    lines: list[str] = []
    pos = sorted((f["screening_recall"], c) for c, f in figures.items() if f["kind"] == "positive")
    neg = sorted(
        ((-f["screening_fp_rate"], c) for c, f in figures.items() if f["kind"] == "negative"),
    )
    worst = [c for r, c in pos if r < 1.0][:WORST_POSITIVE]
    worst += [c for r, c in neg if r < 0.0][:WORST_NEGATIVE]
    for cat in worst:
        failed = [r for r in rows if r.case.category == cat and not r.ok(r.ours)][:EXAMPLES]
        lines += ["", f"--- {cat}: {len(failed)} examples of failures"]
        for row in failed:
            case = row.case
            lines.append(f"{case.id}  query {case.query!r}  ({case.note})")
            result = screener.screen(case.query, limit=LIMIT)
            if result.hits:
                top = result.hits[0]
                lines.append(f"    top hit {top.score:.4f}: {top.explanation.summary()}")
            else:
                lines.append("    no hit")
            if row.positive:
                expected = set(case.expected_uid.split())
                lines.append(f"    expected {', '.join(_describe(screener, u) for u in expected)}")
                low = screener.screen(case.query, threshold=DIAGNOSIS_THRESHOLD, limit=500)
                found = [h for h in low.hits if h.entry.uid in expected]
                if found:
                    lines.append(
                        f"    expected scores {found[0].score:.4f}: "
                        f"{found[0].explanation.summary()}"
                    )
                else:
                    lines.append(f"    expected scores below {DIAGNOSIS_THRESHOLD}")
    return lines


def platform_line() -> str:
    return (
        f"platform: {platform.platform()}; Python {platform.python_version()}; "
        f"{os.cpu_count()} CPUs; {platform.machine()}"
    )


def list_line(watchlist: Watchlist) -> str:
    ident = watchlist.identity
    date = ident.publish_date or "none in the file (legacy CSV); directory dated 2023-12-28"
    return (
        f"list: {LIST_DIR.name} ({ident.source}, {ident.format}), publish date {date}, "
        f"sha256 {ident.sha256}, {ident.record_count} entries"
    )


def write_cases(path: Path, rows: Sequence[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(
            [
                "id",
                "category",
                "screening_ok",
                "screening_hits",
                "screening_top_score",
                "baseline_ok",
                "baseline_hits",
                "baseline_top_score",
            ]
        )
        for r in rows:
            writer.writerow(
                [
                    r.case.id,
                    r.case.category,
                    int(r.ok(r.ours)),
                    " ".join(r.ours.hits),
                    f"{r.ours.top_score:.4f}",
                    int(r.ok(r.base)),
                    " ".join(r.base.hits),
                    f"{r.base.top_score:.4f}",
                ]
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES_FILE)
    parser.add_argument("--only", help="comma-separated categories (for iterating; no files)")
    parser.add_argument("--out", type=Path, default=RESULTS / "eval.txt")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    cases = read_cases(args.cases)
    if args.only:
        wanted = set(args.only.split(","))
        cases = [c for c in cases if c.category in wanted]
    watchlist = load_list(LIST_DIR)
    start = time.perf_counter()
    screener = Screener(watchlist)
    build_s = time.perf_counter() - start
    baseline = Baseline(watchlist)
    rows = []
    for case in cases:
        rows.append(Row(case, screen(screener, case.query), baseline.screen(case.query)))
    table, figures = category_table(rows)
    summary, totals = overall(rows, figures)
    report = [
        platform_line(),
        list_line(watchlist),
        f"cases: {args.cases.relative_to(ROOT)} ({len(cases)} queries; "
        f"{sum(1 for r in rows if r.positive)} positive, "
        f"{sum(1 for r in rows if not r.positive)} negative)",
        f"screening: Screener(threshold=0.85), limit {LIMIT}, built in {build_s:.1f} s; "
        f"baseline: unidecode + casefold + rapidfuzz token_sort_ratio >= {BASELINE_CUTOFF:.0f} "
        f"over all {len(baseline.names)} strong names, full scan, best {LIMIT} entries",
        "command: python benchmarks/bench_eval.py",
        "",
        *table,
        "",
        *summary,
        "",
        "EXAMPLES OF FAILURES (screening) in the worst categories: the top hit's explanation,",
        "and for positives the expected entry's own score "
        f"(screened again at threshold {DIAGNOSIS_THRESHOLD})",
        *examples(screener, rows, figures),
    ]
    text = "\n".join(report) + "\n"
    print(text, end="")
    if not args.only:
        args.out.write_text(text, encoding="utf-8")
        data = {
            "list_sha256": watchlist.identity.sha256,
            "cases": len(rows),
            "categories": figures,
            "overall": totals,
        }
        (args.out.parent / "eval.json").write_text(
            json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        write_cases(args.out.parent / "eval_cases.csv", rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
