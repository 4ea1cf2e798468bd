"""Output and reject rows of a batch run, as CSV or JSON Lines.

One output row per hit (and, with ``all_rows``, one per input row without a hit), carrying the
whole audit trail: the input line, id and name; the entry hit and why; the list it came from
(source, publish date, sha256, sample flag); the threshold and the library version. Rows hold
no time stamp, so the same input and lists give the same bytes.

CSV cells are written safely for spreadsheets: a cell starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return would be read as a formula by Excel or LibreOffice (CSV injection), so
it is prefixed with ``'``. A cell that already starts with ``'`` gets one too, which makes the
escape reversible: :func:`unescape_cell` strips exactly one leading ``'``. JSON Lines output is
for programs and holds the values unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from screening.results import Explanation, Hit

__all__ = [
    "OUTPUT_COLUMNS",
    "REJECT_COLUMNS",
    "InputRow",
    "compact_explanation",
    "csv_header",
    "escape_cell",
    "format_rejects",
    "format_rows",
    "output_values",
    "readable_raw",
    "unescape_cell",
]

OUTPUT_COLUMNS = (
    "line",
    "row_id",
    "name",
    "rank",
    "score",
    "uid",
    "entry_name",
    "matched_name",
    "kind",
    "programs",
    "explanation",
    "list_source",
    "list_publish_date",
    "list_sha256",
    "list_sample",
    "threshold",
    "library_version",
    "note",
)
REJECT_COLUMNS = ("line", "reason", "raw")
# OWASP "CSV Injection": the characters that start a formula; "'" makes the escape reversible.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
# RFC 4180's CRLF: with "\n" alone, the csv module would leave a lone CR in a name unquoted,
# and a reader would split the row there.
_CSV_LINE_END = "\r\n"

Value = str | int | float | bool | tuple[str, ...] | None


class InputRow(NamedTuple):
    """One screenable input row: its line number and the values of the columns used."""

    line: int
    row_id: str
    name: str
    kind: str
    dob: str
    country: str


def escape_cell(value: str) -> str:
    """``value`` made safe for a spreadsheet: ``'`` before a leading formula character or ``'``."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def unescape_cell(value: str) -> str:
    """The original value of a cell written by :func:`escape_cell`."""
    return value[1:] if value.startswith("'") else value


def compact_explanation(explanation: Explanation) -> str:
    """The token alignment and adjustments in one short line.

    ``chen=chen, quanguo=quanguo; dob year 1955 fits listed 1955 +0.05``; the relation is
    named only when the tokens are not equal (``kuo=guo (wade-giles)``). A name read otherwise
    than as written says so first (``read with its letters joined as 'ROSNEFT'; ...``): the
    aligned tokens are that reading's, not the row's.
    """
    pairs = ", ".join(
        f"{m.query}={m.listed}" + ("" if m.relation == "exact" else f" ({m.relation})")
        for m in explanation.alignments
    )
    reading = explanation.reading()
    parts = [pairs] if reading is None else [reading, pairs]
    if explanation.unmatched_query:
        parts.append(f"unmatched query: {' '.join(explanation.unmatched_query)}")
    if explanation.unmatched_listed:
        parts.append(f"unmatched listed: {' '.join(explanation.unmatched_listed)}")
    parts.extend(f"{adj.reason} {adj.delta:+.2f}" for adj in explanation.adjustments)
    return "; ".join(parts)


def output_values(
    row: InputRow, rank: int, hit: Hit | None, threshold: float, version: str, note: str
) -> tuple[Value, ...]:
    """The values of one output row, in :data:`OUTPUT_COLUMNS` order (``hit=None``: no hit)."""
    if hit is None:
        return (
            row.line, row.row_id, row.name, None, None, None, None, None, None, None, None,
            None, None, None, None, threshold, version, note,
        )  # fmt: skip
    listed = hit.list
    return (
        row.line,
        row.row_id,
        row.name,
        rank,
        hit.score,
        hit.entry.uid,
        hit.explanation.entry_name,
        hit.matched_name,
        hit.entry.kind.value,
        hit.entry.programs,
        compact_explanation(hit.explanation),
        listed.source,
        None if listed.publish_date is None else listed.publish_date.isoformat(),
        listed.sha256,
        listed.sample,
        threshold,
        version,
        note,
    )


def _csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):
        return escape_cell("; ".join(value))
    return escape_cell(value)


def csv_header() -> str:
    """The header line of the CSV output."""
    return ",".join(OUTPUT_COLUMNS) + _CSV_LINE_END


def format_rows(rows: Iterable[Sequence[Value]], fmt: str) -> str:
    """Output rows as CSV (no header) or JSON Lines text."""
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator=_CSV_LINE_END)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
    else:
        for row in rows:
            record = {
                col: list(v) if isinstance(v, tuple) else v
                for col, v in zip(OUTPUT_COLUMNS, row, strict=True)
            }
            buffer.write(json.dumps(record, ensure_ascii=False) + "\n")
    return buffer.getvalue()


def readable_raw(raw: str, encoding: str) -> str:
    """A rejected record's text with its line end removed, undecodable bytes as ``\\xNN`` and
    NUL as ``\\x00``, so that the reject file itself is clean text."""
    text = raw.removesuffix("\n").removesuffix("\r")
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        text = text.encode(encoding, "surrogateescape").decode(encoding, "backslashreplace")
    return text.replace("\x00", "\\x00")


def format_rejects(rejects: Iterable[tuple[int, str, str]], *, header: bool = False) -> str:
    """Reject rows ``(line, reason, readable raw text)`` as CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=_CSV_LINE_END)
    if header:
        writer.writerow(REJECT_COLUMNS)
    writer.writerows(
        (str(line), escape_cell(reason), escape_cell(raw)) for line, reason, raw in rejects
    )
    return buffer.getvalue()
