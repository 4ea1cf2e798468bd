"""Screen chunks of rows on every core, with one screener built once in the parent.

The worker processes are forked after the screener is built, so they share its compiled lists
and index copy-on-write instead of rebuilding or unpickling them; each chunk carries only its
rows, and each answer only the formatted output text and counts. Chunks are submitted through
a window of bounded size and collected in submission order, so memory stays flat and output
comes out in input order. Where ``fork`` is unavailable the rows are screened in-process.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import NamedTuple, TypeVar

from screening.batch.writing import InputRow, Value, format_rows, output_values
from screening.errors import InputError
from screening.lifecycle.allowlist import AllowList, apply_allowlist
from screening.matching.corroboration import query_facts
from screening.matching.screener import Screener
from screening.models import EntryKind
from screening.results import Hit, ScreeningResult

__all__ = ["ChunkResult", "Job", "screen_chunk", "screen_chunks"]

log = logging.getLogger(__name__)

# Words customer systems use for a party's kind, beyond the library's own kind names.
_KIND_WORDS = {
    "person": EntryKind.INDIVIDUAL,
    "natural person": EntryKind.INDIVIDUAL,
    "company": EntryKind.ENTITY,
    "organisation": EntryKind.ENTITY,
    "organization": EntryKind.ENTITY,
    "legal entity": EntryKind.ENTITY,
    "ship": EntryKind.VESSEL,
}
# Chunks in flight per worker: enough to keep every core busy while the parent reads and writes.
_WINDOW_PER_WORKER = 3
_PARENT_CHECK_SECONDS = 0.5


class Job(NamedTuple):
    """What every worker needs: the screener and the output options."""

    screener: Screener
    threshold: float
    limit: int
    fmt: str
    all_rows: bool
    version: str
    allowlist: AllowList | None = None


class ChunkResult(NamedTuple):
    """A screened chunk: its output text and counts."""

    output: str
    rows_with_hits: int
    hits: int
    rows_noted: int
    hits_suppressed: int = 0


_job: Job | None = None  # set in the parent before forking; inherited by the workers


def _kind(value: str) -> EntryKind | None:
    word = " ".join(value.split()).lower()
    if not word:
        return None
    try:
        return EntryKind(word)
    except ValueError:
        kind = _KIND_WORDS.get(word)
        if kind is None:
            raise InputError(f"unknown kind {value!r}") from None
        return kind


def _screen_row(job: Job, row: InputRow) -> tuple[ScreeningResult, str]:
    """Screen one row; a secondary value that cannot be read is left out and noted."""
    notes: list[str] = []
    try:
        kind = _kind(row.kind)
    except InputError as exc:
        kind = None
        notes.append(f"{exc}: screened without a kind")
    dob: str | None = row.dob.strip() or None
    country: str | None = row.country.strip() or None
    try:
        result = job.screener.screen(
            row.name, kind=kind, dob=dob, country=country, threshold=job.threshold, limit=job.limit
        )
    except InputError:
        # Rare: find the unreadable value(s) only now, not on every row.
        for label, check in (("dob", (dob, None)), ("country", (None, country))):
            try:
                query_facts(*check)
            except InputError as exc:
                notes.append(f"{exc}: screened without the {label}")
                dob, country = (None, country) if label == "dob" else (dob, None)
        result = job.screener.screen(
            row.name, kind=kind, dob=dob, country=country, threshold=job.threshold, limit=job.limit
        )
    return result, "; ".join(notes)


def screen_chunk(rows: list[InputRow]) -> ChunkResult:
    """Screen a chunk of rows with the job set up by :func:`screen_chunks`."""
    job = _job
    if job is None:
        raise RuntimeError("screen_chunk called outside screen_chunks")
    out: list[tuple[Value, ...]] = []
    with_hits = hits = noted = suppressed_hits = 0
    for row in rows:
        result, note = _screen_row(job, row)
        noted += bool(note)
        kept, suppressed, notes = _allowed(job, row, result)
        suppressed_hits += len(suppressed)
        if kept:
            with_hits += 1
            hits += len(kept)
            out.extend(
                output_values(row, rank, hit, job.threshold, job.version, _join(note, notes[rank]))
                for rank, hit in enumerate(kept, 1)
            )
        # Suppressed hits are written too, ranked 0 and said so: a decision is on record,
        # never a silent absence.
        out.extend(
            output_values(row, 0, hit, job.threshold, job.version, _join(note, why))
            for hit, why in suppressed
        )
        if not kept and not suppressed and job.all_rows:
            out.append(output_values(row, 0, None, job.threshold, job.version, note))
    done = ChunkResult(format_rows(out, job.fmt), with_hits, hits, noted, suppressed_hits)
    _retire_survivors()
    return done


def _retire_survivors() -> None:
    """Collect a chunk's cyclic garbage, then freeze what survives it: mostly the names the
    screener keeps prepared, which would otherwise pile up in the collector's oldest generation
    and be traversed by every full collection for the rest of the run (measured ad hoc, one
    process, 200,000 rows of 164,000 distinct names: full collections took 1.8 s of a 30 s run,
    and 0.6 s with this, one per chunk). This full collection traverses only what was made
    since the last chunk: everything older is frozen (:func:`screen_chunks` freezes on
    starting). Frozen objects are still freed by reference counting when the screener drops
    them."""
    gc.collect()
    gc.freeze()


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _allowed(
    job: Job, row: InputRow, result: ScreeningResult
) -> tuple[tuple[Hit, ...], list[tuple[Hit, str]], dict[int, str]]:
    """The hits kept, the hits the allow-list suppresses (with why), and a note per kept rank
    for hits whose decision was made on an earlier content of the entry (re-raised)."""
    if job.allowlist is None or not row.row_id or not result.hits:
        return result.hits, [], dict.fromkeys(range(1, len(result.hits) + 1), "")
    outcome = apply_allowlist(result, customer_id=row.row_id, allowlist=job.allowlist)
    reraised = {id(hit): decision for hit, decision in outcome.reraised}
    notes = {}
    for rank, hit in enumerate(outcome.kept, 1):
        decision = reraised.get(id(hit))
        notes[rank] = (
            ""
            if decision is None
            else f"re-raised: the entry changed since it was allow-listed by "
            f"{decision.decided_by} on {decision.decided_at:%Y-%m-%d}"
        )
    suppressed = [
        (
            hit,
            f"SUPPRESSED by the allow-list: decided by {d.decided_by} on "
            f"{d.decided_at:%Y-%m-%d} ({d.reason})",
        )
        for hit, d in outcome.suppressed
    ]
    return outcome.kept, suppressed, notes


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to do about it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    # A worker whose parent was killed (SIGKILL, OOM killer) would wait for work forever.
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


T = TypeVar("T")


def screen_chunks(
    job: Job,
    chunks: Iterable[T],
    rows_of: Callable[[T], list[InputRow]],
    *,
    workers: int,
) -> Iterator[tuple[T, ChunkResult]]:
    """Screen ``chunks`` in order on ``workers`` processes, yielding each with its result.

    This process is one of the ``workers``: it forks ``workers - 1`` others and, whenever the
    oldest chunk in flight is not done yet, screens the next chunk itself instead of waiting.
    One process fewer means one copy fewer of the pages that copy-on-write duplicates and of
    the screener's caches (each worker fills its own).

    Args:
        job: the screener and output options, shared with the workers by ``fork``.
        chunks: anything that holds rows; read lazily, at most a few per worker ahead.
        rows_of: the rows of a chunk.
        workers: number of processes screening, this one included; 1 forks none.
    """
    global _job
    _job = job
    caller_froze = gc.get_freeze_count() > 0  # unfreeze() would thaw the caller's objects too
    # Objects that exist now are never collected during the run: in the forked workers the
    # collector would otherwise write to every page of the shared index and defeat
    # copy-on-write; and each chunk then collects only what it made (_retire_survivors).
    gc.freeze()
    try:
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            if workers > 1:
                log.warning("no fork start method here: screening in one process")
            for chunk in chunks:
                yield chunk, screen_chunk(rows_of(chunk))
            return
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            workers - 1, context, initializer=_start_worker, initargs=(os.getpid(),)
        ) as pool:
            yield from _ordered(pool, iter(chunks), rows_of, workers - 1)
    finally:
        _job = None
        if not caller_froze:
            gc.unfreeze()


def _ordered(
    pool: ProcessPoolExecutor,
    source: Iterator[T],
    rows_of: Callable[[T], list[InputRow]],
    forked: int,
) -> Iterator[tuple[T, ChunkResult]]:
    pending: deque[tuple[T, Future[ChunkResult] | ChunkResult]] = deque()
    in_flight, exhausted = 0, False
    try:
        while True:
            while not exhausted and in_flight < forked * _WINDOW_PER_WORKER:
                try:
                    chunk = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((chunk, pool.submit(screen_chunk, rows_of(chunk))))
                in_flight += 1
            if not pending:
                return
            chunk, result = pending[0]
            idle = isinstance(result, Future) and not result.done() and not exhausted
            if idle and len(pending) < 2 * forked * _WINDOW_PER_WORKER:
                try:
                    local = next(source)
                except StopIteration:
                    exhausted = True
                    continue
                pending.append((local, screen_chunk(rows_of(local))))
                continue
            pending.popleft()
            if isinstance(result, Future):
                in_flight -= 1
                result = result.result()
            yield chunk, result
    except BaseException:
        for _, result in pending:
            if isinstance(result, Future):
                result.cancel()
        raise
