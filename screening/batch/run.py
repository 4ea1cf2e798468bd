"""``screen_file``: screen every row of a customer CSV file, streaming, on every core.

The main process reads the input, cuts it into chunks of rows, has them screened by the workers
(:mod:`screening.batch.workers`; it is one of them) and writes the results in input order, then
records a checkpoint (:mod:`screening.batch.sink`). Rows that cannot be screened go to the
reject file with their line number and the reason; at the end, rows screened + rows rejected =
rows read.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO, NamedTuple

from screening.batch.dialect import PREFIX_BYTES
from screening.batch.reading import CsvSource, Position, Record
from screening.batch.resume import Counts, fingerprint
from screening.batch.sink import Sink
from screening.batch.summary import BatchProgress, BatchSummary, list_warnings
from screening.batch.workers import Job, screen_chunks
from screening.batch.writing import InputRow, format_rejects, readable_raw
from screening.errors import InputError
from screening.lifecycle.allowlist import AllowList
from screening.matching.screener import Screener

__all__ = ["DEFAULT_CHUNK_ROWS", "FORMATS", "screen_file"]

# 2,000 rows is under a second of one core's screening (about 4,000 rows/s against SDN and
# Consolidated, benchmarks/results/batch.txt): a prompt Ctrl-C and little lost work on a crash,
# yet the per-chunk costs (pickling the rows, a checkpoint write) are noise.
DEFAULT_CHUNK_ROWS = 2000
# A chunk is also cut after this many characters, so that huge fields keep memory bounded.
_CHUNK_CHARS = 8 * 1024 * 1024
FORMATS = ("csv", "jsonl")

Reject = tuple[int, str, str]


class _Chunk(NamedTuple):
    rows: list[InputRow]
    rejects: list[Reject]
    rows_read: int
    end: Position


class _Columns(NamedTuple):
    name: int
    row_id: int | None
    kind: int | None
    dob: int | None
    country: int | None


def _column(header: tuple[str, ...], wanted: str, option: str, source: str) -> int:
    folded = wanted.strip().casefold()
    for matches in (
        [i for i, col in enumerate(header) if col == wanted],
        [i for i, col in enumerate(header) if col.strip().casefold() == folded],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise InputError(f"{source}: {option} {wanted!r} matches several header columns")
    raise InputError(f"{source}: {option} {wanted!r} is not in the header {list(header)!r}")


def _optional(header: tuple[str, ...], wanted: str | None, option: str, source: str) -> int | None:
    return None if wanted is None else _column(header, wanted, option, source)


def _chunks(
    records: Iterator[Record], columns: _Columns, width: int, encoding: str, chunk_rows: int
) -> Iterator[_Chunk]:
    """Cut the records into chunks of screenable rows and rejects, in input order."""
    name_i, id_i, kind_i, dob_i, country_i = columns
    rows: list[InputRow] = []
    rejects: list[Reject] = []
    read = chars = 0
    for record in records:
        read += 1
        chars += len(record.raw)
        fields = record.fields
        reason = record.reason
        if fields is not None:
            if len(fields) != width:
                reason = "blank line" if not fields else f"{len(fields)} fields, header has {width}"
            elif not fields[name_i].strip():
                reason = "no name: the name column is empty"
            else:
                rows.append(
                    InputRow(
                        record.line,
                        "" if id_i is None else fields[id_i],
                        fields[name_i],
                        "" if kind_i is None else fields[kind_i],
                        "" if dob_i is None else fields[dob_i],
                        "" if country_i is None else fields[country_i],
                    )
                )
                reason = None
        if reason is not None:
            rejects.append((record.line, reason, readable_raw(record.raw, encoding)))
        if read >= chunk_rows or chars >= _CHUNK_CHARS:
            yield _Chunk(rows, rejects, read, record.end)
            rows, rejects, read, chars = [], [], 0, 0
    if read:
        yield _Chunk(rows, rejects, read, record.end)


def _open_input(
    input_file: str | os.PathLike[str] | BinaryIO, stack: ExitStack
) -> tuple[BinaryIO, str, Path | None]:
    if not isinstance(input_file, (str, os.PathLike)):
        return input_file, "-", None
    if os.fspath(input_file) == "-":
        return sys.stdin.buffer, "-", None
    path = Path(input_file)
    return stack.enter_context(open(path, "rb")), os.fspath(input_file), path


def _input_identity(path: Path | None, stream: BinaryIO) -> dict[str, object]:
    """Path, size and a hash of the first bytes: enough to tell another file from this one."""
    if path is None:
        return {"path": "-"}
    head = hashlib.sha256(stream.read(PREFIX_BYTES)).hexdigest()
    stream.seek(0)
    return {"path": str(path.resolve()), "size": path.stat().st_size, "head_sha256": head}


def _refuse_overwriting(
    input_path: Path | None,
    output: str | os.PathLike[str] | BinaryIO,
    rejects: str | os.PathLike[str] | None,
) -> None:
    if input_path is None:
        return
    for option in (output, rejects):
        if (
            isinstance(option, (str, os.PathLike))
            and os.fspath(option) != "-"
            and Path(option).resolve() == input_path.resolve()
        ):
            raise InputError(f"{os.fspath(option)}: the output would overwrite the input")


def _default_workers() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _library_version() -> str:
    from screening import __version__

    return __version__


def screen_file(
    input_file: str | os.PathLike[str] | BinaryIO,
    output: str | os.PathLike[str] | BinaryIO,
    *,
    name_column: str,
    id_column: str | None = None,
    kind_column: str | None = None,
    dob_column: str | None = None,
    country_column: str | None = None,
    screener: Screener | None = None,
    threshold: float | None = None,
    limit: int | None = None,
    output_format: str = "csv",
    all_rows: bool = False,
    rejects: str | os.PathLike[str] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    workers: int | None = None,
    resume_run: bool = False,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    progress: Callable[[BatchProgress], None] | None = None,
    allowlist: AllowList | None = None,
) -> BatchSummary:
    """Screen every row of a CSV file of customers, writing hits as they are found.

    Args:
        input_file: a CSV file path, ``"-"`` for standard input, or a binary stream.
        output: where hits go: a path, ``"-"`` for standard output, or a binary stream.
        name_column: header of the column holding the name to screen.
        id_column: header of the column with the customer's id, copied into each output row.
        kind_column: header of a column with ``individual``, ``entity``, ``vessel``,
            ``aircraft`` (or ``person``, ``company``...); other values are left out and noted.
        dob_column: header of a column with dates of birth (``1955``, ``1955-03-12``).
        country_column: header of a column with a country name or ISO 3166 code.
        screener: the screener to use; default one over the default lists.
        threshold: minimum score of a hit, in (0, 1]; default the screener's.
        limit: maximum hits per row; default the screener's.
        output_format: ``"csv"`` or ``"jsonl"``.
        all_rows: also write one output row for every screened row without a hit.
        rejects: where rejected rows go; default ``OUTPUT.rejects.csv`` (required when the
            output is a stream).
        encoding: the input's encoding; default detected (UTF-8 with or without BOM, cp1252).
        delimiter: the input's delimiter; default detected from the header line.
        workers: processes screening in parallel; default every usable core.
        resume_run: continue an interrupted run from its checkpoint (``OUTPUT.checkpoint.json``)
            instead of starting over; starts over when there is no checkpoint.
        chunk_rows: rows per chunk handed to a worker (and per checkpoint).
        progress: called after each chunk.
        allowlist: decided false positives (customer id in ``id_column``): their hits are
            written with rank 0 and a ``SUPPRESSED`` note instead of as hits, unless the entry
            changed since the decision (then the hit stands, with a ``re-raised`` note).

    Returns:
        The counts; ``rows_screened + rows_rejected == rows_read``.

    Raises:
        InputError: the input has no header or lacks a column, an option is invalid, or the
            checkpoint was written for another input, other options or other lists.
        OSError: a file cannot be read or written.
    """
    started = time.monotonic()
    if output_format not in FORMATS:
        raise InputError(f"output format must be one of {FORMATS}, got {output_format!r}")
    if chunk_rows < 1:
        raise InputError(f"chunk_rows must be at least 1, got {chunk_rows!r}")
    screener = Screener() if screener is None else screener
    threshold = screener.threshold if threshold is None else threshold
    limit = screener.limit if limit is None else limit
    workers = _default_workers() if workers is None else workers
    screener.screen("", threshold=threshold, limit=limit)  # raises InputError on a bad option
    with ExitStack() as stack:
        stream, input_name, input_path = _open_input(input_file, stack)
        if resume_run and input_path is None:
            raise InputError("resuming needs an input file, not a stream")
        identity = _input_identity(input_path, stream)
        source = CsvSource(stream, input_name, encoding=encoding, delimiter=delimiter)
        header = source.header
        columns = _Columns(
            _column(header, name_column, "name column", input_name),
            _optional(header, id_column, "id column", input_name),
            _optional(header, kind_column, "kind column", input_name),
            _optional(header, dob_column, "dob column", input_name),
            _optional(header, country_column, "country column", input_name),
        )
        job = Job(
            screener, threshold, limit, output_format, all_rows, _library_version(), allowlist
        )
        decisive = {
            "input": identity,
            "dialect": [source.dialect.encoding, source.dialect.bom, source.dialect.delimiter],
            "header": list(header),
            "columns": list(columns),
            "options": [threshold, limit, output_format, all_rows],
            "lists": [[i.source, i.sha256] for i in screener.identities],
            "allowlist": None if allowlist is None else allowlist.fingerprint(),
            "library_version": job.version,
        }
        _refuse_overwriting(input_path, output, rejects)
        sink = Sink(
            stack,
            output,
            rejects,
            output_format=output_format,
            fingerprint=fingerprint(decisive),
            resume_run=resume_run,
        )
        resumed = sink.resumed
        if resumed is None:
            counts, position = Counts(), source.data_start
            sink.checkpoint(position, counts)
        else:
            counts, position = resumed.counts, resumed.position
        rows_before = counts.rows_read
        if resumed is None or not resumed.complete:
            records = source.records(position)
            chunks = _chunks(records, columns, len(header), source.dialect.encoding, chunk_rows)
            size = None if input_path is None else input_path.stat().st_size
            for chunk, result in screen_chunks(job, chunks, _rows_of, workers=workers):
                counts += Counts(
                    chunk.rows_read,
                    len(chunk.rows),
                    result.rows_with_hits,
                    result.hits,
                    len(chunk.rejects),
                    result.rows_noted,
                    result.hits_suppressed,
                )
                sink.write(result.output, format_rejects(chunk.rejects))
                sink.checkpoint(chunk.end, counts)
                position = chunk.end
                if progress is not None:
                    elapsed = time.monotonic() - started
                    done = counts.rows_read - rows_before
                    progress(BatchProgress(counts, position.offset, size, done, elapsed))
        if counts.rows_screened + counts.rows_rejected != counts.rows_read:
            raise RuntimeError(f"rows unaccounted for: {counts}")  # a bug, never bad input
        sink.checkpoint(position, counts, complete=True)
    return BatchSummary(
        input=input_name,
        output=sink.output_name,
        rejects=sink.rejects_name,
        dialect=source.dialect.describe(),
        rows_read=counts.rows_read,
        rows_screened=counts.rows_screened,
        rows_with_hits=counts.rows_with_hits,
        hits=counts.hits,
        rows_rejected=counts.rows_rejected,
        rows_noted=counts.rows_noted,
        hits_suppressed=counts.hits_suppressed,
        rows_resumed=rows_before,
        seconds=time.monotonic() - started,
        lists=screener.identities,
        warnings=list_warnings(screener.identities),
    )


def _rows_of(chunk: _Chunk) -> list[InputRow]:
    return chunk.rows
