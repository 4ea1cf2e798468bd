"""What a batch run reports: progress while it runs, a summary when it ends."""

from __future__ import annotations

from dataclasses import dataclass

from screening.batch.resume import Counts
from screening.models import ListIdentity

__all__ = ["BatchProgress", "BatchSummary", "list_warnings"]


def list_warnings(lists: tuple[ListIdentity, ...]) -> tuple[str, ...]:
    """What the operator must be told about the lists: which ones are the bundled sample."""
    return tuple(
        f"screened against the bundled SAMPLE list ({i.source}), not an official OFAC publication"
        for i in lists
        if i.sample
    )


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """Where a running batch stands, after each chunk.

    Attributes:
        counts: rows read, screened, with hits, rejected so far (resumed rows included).
        bytes_done: input bytes read so far.
        bytes_total: size of the input, ``None`` for a stream.
        rows_this_run: rows read by this run (not by the run it resumed).
        seconds: time since this run started.
    """

    counts: Counts
    bytes_done: int
    bytes_total: int | None
    rows_this_run: int
    seconds: float


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """The outcome of :func:`screening.screen_file`; every row read is screened or rejected.

    Attributes:
        input: the input file (``"-"`` for a stream).
        output: the output file (``"-"`` for a stream).
        rejects: the reject file.
        dialect: encoding and delimiter read, and whether they were detected.
        rows_read: data rows in the input (the header is not counted).
        rows_screened: rows screened against the lists.
        rows_with_hits: screened rows with at least one hit.
        hits: hits written (one output row each).
        rows_rejected: rows that could not be screened, each in the reject file with a reason.
        rows_noted: screened rows with a secondary value (kind, dob, country) left out as
            unreadable; the note is in their output rows.
        rows_resumed: rows done by the interrupted run this one resumed (0 for a fresh run).
        hits_suppressed: hits the allow-list suppressed (written with a ``SUPPRESSED`` note).
        seconds: time this run took.
        lists: identity of every list screened against.
        warnings: conditions to show the operator (a sample list).
    """

    input: str
    output: str
    rejects: str
    dialect: str
    rows_read: int
    rows_screened: int
    rows_with_hits: int
    hits: int
    rows_rejected: int
    rows_noted: int
    rows_resumed: int
    seconds: float
    lists: tuple[ListIdentity, ...]
    warnings: tuple[str, ...] = ()
    hits_suppressed: int = 0

    def describe(self) -> str:
        """One line for the operator: counts, time and speed."""
        done = self.rows_read - self.rows_resumed
        rate = f", {done / self.seconds:,.0f} rows/s" if self.seconds > 0 and done else ""
        resumed = f" ({self.rows_resumed:,} by the run resumed)" if self.rows_resumed else ""
        noted = f", {self.rows_noted:,} with a value left out" if self.rows_noted else ""
        if self.hits_suppressed:
            noted += f", {self.hits_suppressed:,} suppressed by the allow-list"
        return (
            f"{self.rows_read:,} rows read{resumed}: {self.rows_screened:,} screened "
            f"({self.rows_with_hits:,} with hits, {self.hits:,} hits{noted}), "
            f"{self.rows_rejected:,} rejected; {self.seconds:.1f} s{rate}"
        )
