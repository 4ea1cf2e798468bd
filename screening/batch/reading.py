"""Read a customer CSV file as a stream of records, accounting for every line.

The file is split into lines on raw bytes, each line is decoded on its own (so that one bad
byte costs one record, not the run), and the standard :mod:`csv` parser joins lines into
records where a quoted field spans them. A record that cannot be used becomes a reject with
its line number and the reason: undecodable bytes, a NUL byte, broken quoting, a record
longer than the limits. Nothing is skipped silently and nothing stops the run.

A quote that is opened and never closed would otherwise swallow the rest of the file into one
field. When a record spanning several lines fails (broken quoting, over
:data:`MAX_RECORD_LINES` lines or :data:`MAX_RECORD_BYTES` bytes), only its first line, where
the quote was opened, is rejected, and parsing resumes on the next line.
"""

from __future__ import annotations

import csv
import io
from collections import deque
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple, cast

from screening.batch.dialect import (
    PREFIX_BYTES,
    Dialect,
    checked_encoding,
    detect_delimiter,
    detect_encoding,
)
from screening.errors import InputError

__all__ = ["MAX_RECORD_BYTES", "MAX_RECORD_LINES", "CsvSource", "Position", "Record"]

MAX_RECORD_LINES = 1000
MAX_RECORD_BYTES = 16 * 1024 * 1024
_SHOWN_CHARS = 200  # of an over-long line, in its reject


class Position(NamedTuple):
    """A point between two lines of the input: byte offset and the next line's number."""

    offset: int
    line: int


class Record(NamedTuple):
    """One record of the file.

    Attributes:
        line: 1-based number of the physical line it starts on.
        fields: the field values; ``None`` for a record that cannot be read.
        raw: the text as read, line ends included (undecodable bytes as lone surrogates).
        reason: why the record cannot be read, else ``None``.
        end: where the next record starts.
    """

    line: int
    fields: list[str] | None
    raw: str
    reason: str | None
    end: Position


class _Line(NamedTuple):
    number: int
    text: str
    size: int  # bytes, line end included
    end: int  # byte offset just past the line
    error: str | None


class _RecordTooLong(Exception):
    pass


class _Lines:
    """The file's lines, decoded one by one, remembering those taken by the current record."""

    def __init__(self, stream: BinaryIO, encoding: str, start: Position, max_bytes: int) -> None:
        self._stream = stream
        self._encoding = encoding
        self._offset, self._number = start
        self._max_bytes = max_bytes
        self.pending: deque[_Line] = deque()
        self.taken: list[_Line] = []
        self._taken_bytes = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.pending.popleft() if self.pending else self._read()
        self.taken.append(line)
        self._taken_bytes += line.size
        if len(self.taken) > 1 and (
            len(self.taken) > MAX_RECORD_LINES or self._taken_bytes > self._max_bytes
        ):
            raise _RecordTooLong
        if line.error is not None and line.error.startswith("line longer"):
            raise _RecordTooLong
        return line.text

    def take(self) -> list[_Line]:
        taken, self.taken, self._taken_bytes = self.taken, [], 0
        return taken

    def _read(self) -> _Line:
        data = self._stream.readline(self._max_bytes + 1)
        if not data:
            raise StopIteration
        size, error = len(data), None
        if size > self._max_bytes and not data.endswith(b"\n"):
            error = f"line longer than {self._max_bytes:,} bytes"
            size += self._skip_line()
            data = data[: _SHOWN_CHARS * 4]
        try:
            text = data.decode(self._encoding)
        except UnicodeDecodeError as exc:
            text = data.decode(self._encoding, "surrogateescape")
            error = error or (
                f"byte 0x{data[exc.start]:02x} at byte {exc.start + 1} of line "
                f"{self._number} is not valid {self._encoding}"
            )
        if error is not None and error.startswith("line longer"):
            text = text[:_SHOWN_CHARS] + "..."
        self._offset += size
        line = _Line(self._number, text, size, self._offset, error)
        self._number += 1
        return line

    def _skip_line(self) -> int:
        skipped = 0
        while chunk := self._stream.readline(1 << 20):
            skipped += len(chunk)
            if chunk.endswith(b"\n"):
                break
        return skipped


class _Prefixed(io.RawIOBase):
    """A non-seekable stream whose first bytes were already read (for detection)."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class CsvSource:
    """An open customer CSV file: its dialect, its header and a stream of its records.

    Args:
        stream: the file, opened in binary mode (stdin's buffer works: it need not seek).
        name: how to name the file in errors.
        encoding: force this encoding instead of detecting it.
        delimiter: force this delimiter instead of detecting it.
        max_record_bytes: longest record accepted (default :data:`MAX_RECORD_BYTES`).

    Raises:
        InputError: the file is empty, its header line cannot be read, or an encoding or
            delimiter given is unusable.
    """

    def __init__(
        self,
        stream: BinaryIO,
        name: str,
        *,
        encoding: str | None = None,
        delimiter: str | None = None,
        max_record_bytes: int = MAX_RECORD_BYTES,
    ) -> None:
        self.name = name
        self._max_bytes = max_record_bytes
        # The csv module's own limit (128 KiB by default) is process-wide; ours is larger.
        if csv.field_size_limit() < max_record_bytes:
            csv.field_size_limit(max_record_bytes)
        prefix = stream.read(PREFIX_BYTES)
        if not prefix:
            raise InputError(f"{name}: the file is empty (no header line)")
        self.seekable = stream.seekable()
        if self.seekable:
            stream.seek(0)
            self._stream = stream
        else:
            self._stream = cast(BinaryIO, io.BufferedReader(_Prefixed(prefix, stream), 1 << 16))
        if encoding is None:
            enc, bom = detect_encoding(prefix, complete=len(prefix) < PREFIX_BYTES)
        else:
            enc, bom = checked_encoding(encoding), prefix.startswith(b"\xef\xbb\xbf")
            bom = bom and enc == "utf-8"
        first_line = prefix[3 if bom else 0 :].split(b"\n", 1)[0]
        if delimiter is None:
            delim = detect_delimiter(first_line.decode(enc, "replace"))
        elif len(delimiter) != 1 or delimiter in '\r\n"':
            raise InputError(f"delimiter must be one character, not a quote: {delimiter!r}")
        else:
            delim = delimiter
        self.dialect = Dialect(enc, bom, delim, encoding is None, delimiter is None)
        if bom:
            self._stream.read(3)
        self._lines = _Lines(self._stream, enc, Position(3 if bom else 0, 1), max_record_bytes)
        header = next(self._records(), None)
        if header is None:
            raise InputError(f"{name}: the file is empty (no header line)")
        if header.fields is None:
            raise InputError(f"{name}, line 1: cannot read the header: {header.reason}")
        self.header: tuple[str, ...] = tuple(header.fields)
        self.data_start: Position = header.end

    def records(self, start: Position | None = None) -> Iterator[Record]:
        """The records after the header, or from ``start`` (a record's ``end``, when resuming).

        Raises:
            InputError: ``start`` is given but the input cannot seek (a pipe).
        """
        if start is not None and start != self.data_start:
            if not self.seekable:
                raise InputError(f"{self.name}: cannot resume on an input that cannot seek")
            self._stream.seek(start.offset)
            self._lines = _Lines(self._stream, self.dialect.encoding, start, self._max_bytes)
        return self._records()

    def _records(self) -> Iterator[Record]:
        lines = self._lines
        while True:
            reader = csv.reader(lines, delimiter=self.dialect.delimiter, strict=True)
            try:
                for fields in reader:
                    yield self._record(fields, lines.take())
                return
            except csv.Error as exc:
                yield self._failed(lines, f"malformed CSV: {exc}")
            except _RecordTooLong:
                yield self._failed(lines, None)

    @staticmethod
    def _record(fields: list[str], taken: list[_Line]) -> Record:
        first, raw = taken[0], "".join(line.text for line in taken)
        end = Position(taken[-1].end, taken[-1].number + 1)
        for line in taken:
            if line.error is not None:
                return Record(first.number, None, raw, line.error, end)
        if "\x00" in raw:
            return Record(first.number, None, raw, "NUL byte in the record", end)
        return Record(first.number, fields, raw, None, end)

    def _failed(self, lines: _Lines, reason: str | None) -> Record:
        taken = lines.take()
        first = taken[0]
        if len(taken) > 1:
            # A quote opened on the first line and not closed where the format wants it:
            # only that line is at fault; the lines after it are parsed afresh.
            lines.pending.extendleft(reversed(taken[1:]))
            why = reason or (
                f"a quoted field opened here runs over {MAX_RECORD_LINES:,} lines "
                f"or {self._max_bytes:,} bytes"
            )
            if reason is not None and "unexpected end of data" in reason:
                why = "a quoted field opened here is never closed"
            reason = f"unterminated quote: {why}"
        elif reason is None:
            reason = first.error or "record too long"
        elif "unexpected end of data" in reason:
            reason = "unterminated quote at the end of the file"
        end = Position(first.end, first.number + 1)
        return Record(first.number, None, first.text, reason, end)
