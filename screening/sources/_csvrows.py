"""The records of one OFAC legacy CSV file, checked byte by byte before anything is built.

OFAC's legacy CSV files (see ../shared/data/ofac/docs/dataspec.txt) are ASCII, one record per
CRLF-terminated line, ``"``-quoted text, ``-0-`` for null (OFAC writes ``-0- `` with a trailing
space), no header row, and a single 0x1A (DOS end-of-file) byte after the last line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from screening.errors import ListFormatError, ListNotFoundError

__all__ = ["END_MARKER", "CsvFile", "Record", "read_records"]

END_MARKER = b"\x1a"

# The header row a third-party mirror prepended to its copies (OFAC's files have none).
_HEADER_START = "ent_num"


@dataclass(frozen=True, slots=True)
class Record:
    """One record: its 1-based line number and its fields, ``None`` for OFAC's ``-0-``."""

    line: int
    fields: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class CsvFile:
    """The records of a file, and whether it had the end marker and a (skipped) header row."""

    path: Path
    records: tuple[Record, ...]
    end_marker: bool
    header: bool


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _text(path: Path, data: bytes) -> str:
    if (nul := data.find(b"\x00")) >= 0:
        raise ListFormatError(path, _line_of(data, nul), "NUL byte: not a text file")
    if (marker := data.find(END_MARKER)) >= 0:
        raise ListFormatError(path, _line_of(data, marker), "0x1A end marker before the end")
    try:
        text = data.decode("utf-8")  # OFAC writes ASCII; UTF-8 is its strict superset
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1]
        raise ListFormatError(
            path, _line_of(data, exc.start), f"undecodable byte {bad!r}: not ASCII text"
        ) from exc
    if text and not text.endswith("\n"):
        raise ListFormatError(
            path, _line_of(data, len(data)), "the last record has no line end: file truncated"
        )
    return text


def read_records(path: Path, width: int, *, end_marker_required: bool) -> CsvFile:
    """Read and check every record of a legacy CSV file.

    Args:
        path: the file.
        width: the number of fields every record must have (12 in SDN.CSV, 6 in ADD.CSV, 5 in
            ALT.CSV, 2 in SDN_COMMENTS.CSV).
        end_marker_required: refuse a file that does not end with the 0x1A byte. Every SDN.CSV,
            ADD.CSV and ALT.CSV OFAC has published ends with it, so a file without one was cut
            short, at a line end where nothing else would show it.

    Raises:
        ListFormatError: NUL or undecodable bytes, a missing end marker or line end, broken
            quoting, a record spanning lines, or a record with the wrong number of fields; the
            error names the line.
        ListNotFoundError: no file at ``path``.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ListNotFoundError(f"{path}: no such file") from exc
    end_marker = data.endswith(END_MARKER)
    if end_marker:
        data = data[: -len(END_MARKER)]
    elif end_marker_required:
        raise ListFormatError(
            path,
            _line_of(data, len(data)),
            "no 0x1A end marker: OFAC ends this file with one, so it was cut short",
        )
    reader = csv.reader(io.StringIO(_text(path, data), newline=""), strict=True)
    records: list[Record] = []
    header = False
    line = 1
    try:
        for row in reader:
            if reader.line_num != line:
                raise ListFormatError(path, line, "a quoted field runs past the line end")
            if line == 1 and row and row[0].strip().casefold() == _HEADER_START:
                header = True
            elif len(row) != width:
                raise ListFormatError(path, line, f"expected {width} fields, found {len(row)}")
            else:
                fields = tuple(None if f.strip() in ("-0-", "") else f for f in row)
                records.append(Record(line, fields))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ListFormatError(path, line, f"broken quoting: {exc}") from exc
    return CsvFile(path=path, records=tuple(records), end_marker=end_marker, header=header)
