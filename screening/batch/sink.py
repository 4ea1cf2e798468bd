"""The output and reject files of a batch run, appended chunk by chunk, and its checkpoint.

A chunk's output and rejects are appended and flushed before the checkpoint that counts them
replaces the previous one; a run killed in between leaves bytes past the checkpoint, which a
resumed run truncates away. Output to a stream (standard output) has no checkpoint.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO, cast

from screening.batch import resume
from screening.batch.reading import Position
from screening.batch.resume import CHECKPOINT_SUFFIX, Checkpoint, Counts
from screening.batch.writing import csv_header, format_rejects
from screening.errors import InputError

__all__ = ["REJECTS_SUFFIX", "Sink"]

REJECTS_SUFFIX = ".rejects.csv"


def _open(stack: ExitStack, path: str, mode: str) -> BinaryIO:
    return cast(BinaryIO, stack.enter_context(open(path, mode)))


class Sink:
    """Where a run writes: output, rejects and (for an output file) the checkpoint.

    Args:
        stack: closes the files this sink opens.
        output: a path, ``"-"`` for standard output, or a binary stream.
        rejects: a path; default ``OUTPUT.rejects.csv`` for an output file.
        output_format: ``"csv"`` (the output starts with a header line) or ``"jsonl"``.
        fingerprint: what decides the output bytes (see :mod:`screening.batch.resume`).
        resume_run: continue from the checkpoint when there is one.

    Raises:
        InputError: the output is a stream and ``rejects`` is not given; or the checkpoint was
            written for another run, or the files are shorter than it records.
    """

    def __init__(
        self,
        stack: ExitStack,
        output: str | os.PathLike[str] | BinaryIO,
        rejects: str | os.PathLike[str] | None,
        *,
        output_format: str,
        fingerprint: str,
        resume_run: bool,
    ) -> None:
        self._fingerprint = fingerprint
        self.checkpoint_path: Path | None = None
        self.resumed: Checkpoint | None = None
        stream: BinaryIO | None = None
        if isinstance(output, (str, os.PathLike)) and output != "-":
            self.output_name = os.fspath(output)
            self.checkpoint_path = Path(self.output_name + CHECKPOINT_SUFFIX)
            if resume_run:
                self.resumed = resume.load(self.checkpoint_path)
        else:
            stream = sys.stdout.buffer if isinstance(output, (str, os.PathLike)) else output
            if rejects is None:
                raise InputError("a reject file must be named when the output is a stream")
            if resume_run:
                raise InputError("resuming needs an output file, not a stream")
            self.output_name = "-"
        self.rejects_name = os.fspath(rejects or self.output_name + REJECTS_SUFFIX)
        if self.resumed is not None:
            self._check(self.resumed)
            self._out: BinaryIO = _open(stack, self.output_name, "r+b")
            self._rejects: BinaryIO = _open(stack, self.rejects_name, "r+b")
            self._out.truncate(self.resumed.output_bytes)
            self._rejects.truncate(self.resumed.rejects_bytes)
            self._out.seek(0, os.SEEK_END)
            self._rejects.seek(0, os.SEEK_END)
            self.output_bytes = self.resumed.output_bytes
            self.rejects_bytes = self.resumed.rejects_bytes
            return
        self._out = stream or _open(stack, self.output_name, "wb")
        self._rejects = _open(stack, self.rejects_name, "wb")
        self.output_bytes = self.rejects_bytes = 0
        self.write(csv_header() if output_format == "csv" else "", format_rejects((), header=True))

    def _check(self, checkpoint: Checkpoint) -> None:
        if checkpoint.fingerprint != self._fingerprint:
            raise InputError(
                f"{self.checkpoint_path}: the interrupted run read another input or used other "
                "options or lists; run without --resume to start over"
            )
        for name, size in (
            (self.output_name, checkpoint.output_bytes),
            (self.rejects_name, checkpoint.rejects_bytes),
        ):
            actual = os.path.getsize(name) if os.path.exists(name) else -1
            if actual < size:
                raise InputError(
                    f"{name}: {max(actual, 0):,} bytes, but the checkpoint counts {size:,}: "
                    "the file was changed since; run without --resume to start over"
                )

    def write(self, output: str, rejects: str) -> None:
        """Append a chunk's output and rejects, and flush both."""
        if output:
            data = output.encode("utf-8")
            self._out.write(data)
            self.output_bytes += len(data)
        if rejects:
            data = rejects.encode("utf-8")
            self._rejects.write(data)
            self.rejects_bytes += len(data)
        self._out.flush()
        self._rejects.flush()

    def checkpoint(self, position: Position, counts: Counts, *, complete: bool = False) -> None:
        """Record that everything before ``position`` is written (no-op for a stream)."""
        if self.checkpoint_path is None:
            return
        resume.save(
            self.checkpoint_path,
            Checkpoint(
                self._fingerprint,
                position,
                self.output_bytes,
                self.rejects_bytes,
                counts,
                complete,
            ),
        )
