"""Which encoding and delimiter a customer file uses, decided from its first bytes.

Detection reads a prefix only, so that it works on a stream: a BOM means UTF-8; a prefix that
decodes as UTF-8 means UTF-8; otherwise cp1252 (the Windows Western code page that Excel writes),
and latin-1 when even cp1252 cannot decode it. A prefix whose non-ASCII bytes are mostly
well-formed UTF-8 sequences, with a few that are not, is read as UTF-8 and the odd lines are
rejected loudly: reading it as cp1252 would silently turn every UTF-8 name into mojibake
(``JosÃ©``), and a garbled name can miss a listed one. A later line that does not decode in the
detected encoding is rejected with the reason, never guessed at; ``--encoding`` forces one.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from screening.errors import InputError

__all__ = [
    "DELIMITERS",
    "PREFIX_BYTES",
    "Dialect",
    "checked_encoding",
    "detect_delimiter",
    "detect_encoding",
]

PREFIX_BYTES = 64 * 1024
# In order of preference when two are equally frequent in the header line.
DELIMITERS = (",", ";", "\t", "|")
# A well-formed UTF-8 multi-byte sequence (RFC 3629, table 3-7 without the finer limits).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_UNSUPPORTED_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


@dataclass(frozen=True, slots=True)
class Dialect:
    """How a customer file is encoded and split into fields.

    Attributes:
        encoding: a Python codec name (``"utf-8"``, ``"cp1252"``, ``"iso8859-1"``...).
        bom: the file starts with a UTF-8 byte order mark (skipped, not part of the header).
        delimiter: the field separator.
        encoding_detected: ``True`` if the encoding was detected rather than given.
        delimiter_detected: ``True`` if the delimiter was detected rather than given.
    """

    encoding: str
    bom: bool
    delimiter: str
    encoding_detected: bool
    delimiter_detected: bool

    def describe(self) -> str:
        """``utf-8 (detected), delimiter ';' (detected)``, for the run summary."""
        enc = f"{self.encoding}{' with BOM' if self.bom else ''}"
        enc += " (detected)" if self.encoding_detected else ""
        delim = f"delimiter {self.delimiter!r}" + (" (detected)" if self.delimiter_detected else "")
        return f"{enc}, {delim}"


def checked_encoding(name: str) -> str:
    """The canonical codec name for ``name``, if it can read a CSV file byte by byte.

    Raises:
        InputError: an unknown codec, or one in which newline, quote and delimiters are not
            single ASCII bytes (UTF-16, UTF-32...): lines could not be split on raw bytes.
    """
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InputError(f"unknown encoding {name!r}") from None
    probe = '\n\r",;\t|'
    try:
        ascii_compatible = probe.encode(codec) == probe.encode("ascii")
    except (UnicodeError, LookupError):
        ascii_compatible = False
    if not ascii_compatible:
        raise InputError(f"encoding {name!r} is not supported: convert the file to UTF-8")
    return "utf-8" if codec == "utf-8-sig" else codec


def detect_encoding(prefix: bytes, *, complete: bool) -> tuple[str, bool]:
    """The encoding of a file from its first bytes, and whether it starts with a UTF-8 BOM.

    Args:
        prefix: the first bytes of the file (:data:`PREFIX_BYTES`, or all of a smaller file).
        complete: ``prefix`` is the whole file, so a multi-byte character cut at its end is an
            error rather than the start of the next read.

    Raises:
        InputError: a UTF-16 or UTF-32 byte order mark.
    """
    for bom, name in _UNSUPPORTED_BOMS:
        if prefix.startswith(bom):
            raise InputError(f"{name} input is not supported: convert the file to UTF-8")
    if prefix.startswith(codecs.BOM_UTF8):
        return "utf-8", True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(prefix, final=complete)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", False
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(prefix))
    if in_sequences * 2 > len(prefix) - len(_NON_ASCII.sub(b"", prefix)):
        return "utf-8", False
    try:
        prefix.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) undefined; latin-1 has none.
        return "iso8859-1", False
    return "cp1252", False


def detect_delimiter(header: str) -> str:
    """The candidate delimiter that occurs most often in the header line (``,`` if none does)."""
    best, best_count = ",", 0
    for candidate in DELIMITERS:
        count = header.count(candidate)
        if count > best_count:
            best, best_count = candidate, count
    return best
