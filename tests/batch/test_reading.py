"""Reading customer CSV files: encodings, delimiters, and every malformed line accounted for."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening.batch.dialect import PREFIX_BYTES, detect_delimiter, detect_encoding
from screening.batch.reading import MAX_RECORD_LINES, CsvSource, Record
from screening.errors import InputError


class _Pipe(io.RawIOBase):
    """A stream that cannot seek, like standard input."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self._data.read(min(len(buffer), 7))  # short reads, as a pipe gives
        buffer[: len(chunk)] = chunk
        return len(chunk)


def read(data: bytes, **options: object) -> tuple[CsvSource, list[Record]]:
    source = CsvSource(io.BytesIO(data), "customers.csv", **options)  # type: ignore[arg-type]
    return source, list(source.records())


def good(records: list[Record]) -> list[list[str] | None]:
    return [r.fields for r in records]


# --- encoding and delimiter ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("id,name\n1,José\n".encode(), ("utf-8", False), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + b"id,name\n", ("utf-8", True), id="utf-8-bom"),
        pytest.param("id,name\n1,José\n".encode("cp1252"), ("cp1252", False), id="cp1252"),
        pytest.param(b"id,name\n1,Jos\xe9 \x80\n", ("cp1252", False), id="cp1252-euro"),
        pytest.param(b"id,name\n1,\x81\xe9\n", ("iso8859-1", False), id="latin-1"),
        pytest.param(b"id,name\n1,plain\n", ("utf-8", False), id="ascii"),
        pytest.param(
            "1,Renée\n2,Zoë\n3,Ñoño\n".encode() + b"4,Jos\xe9\n",
            ("utf-8", False),
            id="mostly-utf-8",
        ),
    ],
)
def test_detect_encoding(data: bytes, expected: tuple[str, bool]) -> None:
    assert detect_encoding(data, complete=True) == expected


def test_utf8_character_cut_at_the_end_of_the_prefix_is_still_utf8() -> None:
    prefix = ("a" * (PREFIX_BYTES - 1) + "é").encode()[:PREFIX_BYTES]
    assert prefix.endswith(b"\xc3")
    assert detect_encoding(prefix, complete=False) == ("utf-8", False)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])
def test_utf16_and_utf32_are_refused(bom: bytes) -> None:
    with pytest.raises(InputError, match="not supported"):
        detect_encoding(bom + "id,name".encode("utf-16-le"), complete=True)


@pytest.mark.parametrize(
    ("header", "expected"),
    [("id,name,dob", ","), ("id;name;dob", ";"), ("id\tname\tdob", "\t"), ("id|name", "|"),
     ("name", ","), ("id;name,with comma;dob", ";")],
)  # fmt: skip
def test_detect_delimiter(header: str, expected: str) -> None:
    assert detect_delimiter(header) == expected


def test_bom_is_not_part_of_the_header() -> None:
    source, records = read(codecs.BOM_UTF8 + "id;name\r\n1;Renée\r\n".encode())
    assert source.header == ("id", "name")
    assert source.dialect.describe() == "utf-8 with BOM (detected), delimiter ';' (detected)"
    assert good(records) == [["1", "Renée"]]


def test_cp1252_file_reads_its_accents() -> None:
    source, records = read("id,name\n1,François Müller\n2,Łukasz\n".encode("cp1252", "replace"))
    assert source.dialect.encoding == "cp1252"
    assert records[0].fields == ["1", "François Müller"]


def test_forced_encoding_and_delimiter() -> None:
    data = "id|name\n1|Jos\u00e9\n".encode("latin-1")
    source, records = read(data, encoding="latin-1", delimiter="|")
    assert (source.dialect.encoding, source.dialect.encoding_detected) == ("iso8859-1", False)
    assert good(records) == [["1", "José"]]


@pytest.mark.parametrize("encoding", ["utf-16", "no-such-codec"])
def test_unusable_forced_encoding(encoding: str) -> None:
    with pytest.raises(InputError, match=encoding):
        read(b"id,name\n", encoding=encoding)


# --- malformed records -----------------------------------------------------------------------


def test_a_row_in_another_encoding_after_the_prefix_is_rejected_not_guessed() -> None:
    filler = b"".join(b"%d,Ren\xc3\xa9e Dupont\n" % i for i in range(PREFIX_BYTES // 16))
    data = b"id,name\n" + filler + b"x,Jos\xe9 Garc\xeda\n" + b"y,Zo\xc3\xab\n"
    source, records = read(data)
    assert source.dialect.encoding == "utf-8"
    bad = [r for r in records if r.fields is None]
    assert len(bad) == 1
    assert bad[0].line == len(filler.splitlines()) + 2
    assert bad[0].reason == f"byte 0xe9 at byte 6 of line {bad[0].line} is not valid utf-8"
    assert records[-1].fields == ["y", "Zoë"]


def test_nul_byte_rejects_its_row_only() -> None:
    _, records = read(b"id,name\n1,Ali\x00ce\n2,Bob\n")
    assert [(r.line, r.reason) for r in records] == [(2, "NUL byte in the record"), (3, None)]


def test_ragged_rows_are_read_with_their_field_counts() -> None:
    # The column count is checked by the caller, which knows the header.
    _, records = read(b"id,name\n1\n2,Bob,extra\n3,Carol\n")
    assert good(records) == [["1"], ["2", "Bob", "extra"], ["3", "Carol"]]


def test_quoted_fields_with_delimiters_quotes_and_newlines() -> None:
    _, records = read(b'id,name\n1,"Smith, John ""Jack"""\n2,"two\nlines"\n3,after\n')
    assert good(records) == [["1", 'Smith, John "Jack"'], ["2", "two\nlines"], ["3", "after"]]
    assert [r.line for r in records] == [2, 3, 5]


def test_text_after_a_closing_quote_is_rejected() -> None:
    _, records = read(b'id,name\n1,"Smith"son\n2,Bob\n')
    assert records[0].fields is None
    assert records[0].reason == "malformed CSV: ',' expected after '\"'"
    assert records[1].fields == ["2", "Bob"]


def test_an_unclosed_quote_costs_one_line_not_the_rest_of_the_file() -> None:
    _, records = read(b'id,name\n1,"Smith\n2,Bob\n3,Carol\n')
    assert records[0].line == 2
    assert records[0].reason == "unterminated quote: a quoted field opened here is never closed"
    assert records[0].raw == '1,"Smith\n'
    assert good(records[1:]) == [["2", "Bob"], ["3", "Carol"]]
    assert [r.line for r in records] == [2, 3, 4]


def test_an_unclosed_quote_that_meets_another_quote_later() -> None:
    lines = [b'%d,"name %d"\n' % (i, i) for i in range(3, MAX_RECORD_LINES + 10)]
    _, records = read(b'id,name\n1,"open\n' + b"".join(lines))
    assert records[0].line == 2
    assert records[0].reason is not None and records[0].reason.startswith("unterminated quote")
    assert all(r.fields is not None for r in records[1:])
    assert len(records) == 1 + len(lines)


def test_unterminated_quote_on_the_last_line() -> None:
    _, records = read(b'id,name\n1,Bob\n2,"open')
    assert records[-1].reason == "unterminated quote at the end of the file"


def test_blank_lines_are_records_with_no_field() -> None:
    _, records = read(b"id,name\n1,Bob\n\n2,Carol\r\n\r\n")
    assert good(records) == [["1", "Bob"], [], ["2", "Carol"], []]


def test_one_megabyte_field() -> None:
    big = "Ж" * (1 << 19)  # 1 MiB in UTF-8
    _, records = read(f"id,name\n1,{big}\n2,Bob\n".encode())
    assert good(records) == [["1", big], ["2", "Bob"]]


def test_a_line_longer_than_the_limit_is_rejected_and_skipped() -> None:
    data = b"id,name\n1,Bob\n2," + b"x" * 5000 + b"\n3,Carol\n"
    _, records = read(data, max_record_bytes=1024)
    assert [r.line for r in records] == [2, 3, 4]
    assert records[1].reason == "line longer than 1,024 bytes"
    assert len(records[1].raw) < 300
    assert records[2].fields == ["3", "Carol"]


def test_an_empty_file_has_no_header() -> None:
    with pytest.raises(InputError, match=r"customers\.csv: the file is empty"):
        read(b"")


def test_an_undecodable_header_is_an_error_naming_line_1() -> None:
    with pytest.raises(InputError, match="line 1: cannot read the header"):
        read(b"id,na\x00me\n1,Bob\n")


def test_header_only_file_has_no_record() -> None:
    source, records = read(b"id,name\n")
    assert source.header == ("id", "name")
    assert records == []


def test_standard_input_that_cannot_seek() -> None:
    data = 'id;name\n1;Renée\n2;"a;b"\n'.encode()
    source = CsvSource(io.BufferedReader(_Pipe(data)), "-")  # type: ignore[arg-type]
    assert not source.seekable
    assert good(list(source.records())) == [["1", "Renée"], ["2", "a;b"]]


def test_records_from_a_position_continue_the_numbering() -> None:
    data = b'id,name\n1,Bob\n2,"multi\nline"\n3,Carol\n4,Dan\n'
    _, records = read(data)
    source = CsvSource(io.BytesIO(data), "customers.csv")
    resumed = list(source.records(records[1].end))
    assert resumed == records[2:]


# --- properties ---------------------------------------------------------------------------

_cells = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)


@given(st.lists(st.tuples(_cells, _cells), max_size=12))
def test_what_the_csv_module_writes_reads_back_unchanged(rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["id", "name"])
    writer.writerows(rows)
    _, records = read(buffer.getvalue().encode(), delimiter=",")
    assert good(records) == [list(row) for row in rows]


@given(st.binary(max_size=300).map(lambda b: b.translate(bytes.maketrans(b"AB", b'"\n'))))
def test_every_line_belongs_to_exactly_one_record(body: bytes) -> None:
    data = b"id,name\n" + body
    source, records = read(data, encoding="utf-8", delimiter=",")
    position = source.data_start
    for record in records:
        assert record.line == position.line
        assert record.end.offset > position.offset
        position = record.end
    assert position.offset == len(data)
    assert position.line == data.count(b"\n") + 1 + (not data.endswith(b"\n"))
