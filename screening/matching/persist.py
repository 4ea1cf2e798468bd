"""Saved indexes: a compiled screener in one file, read back in well under a second.

Layout (all integers big-endian)::

    b"SCREENING-INDEX\\n"        magic
    u64                          length of the header
    header                       UTF-8 JSON: format version, library version, the identity and
                                 file digests of every list, the sections, CRC-32 of the payload
    payload                      the sections: marshal blobs of plain tables, raw numpy arrays

An index is *stale*, and is never used, when its format, the library version or the matching
tables (``screening/text/data``, fingerprinted by sha256) differ from the running ones, or when
any list file it was built from has changed (sha256) or a new list file appeared. Corruption (a
wrong length or CRC) is an :class:`~screening.errors.IndexFileError`.

The tables are read with :mod:`marshal`, which builds values but never runs code; the CRC is
checked before anything is unmarshalled. Entries are kept as their JSON and validated only
when a hit needs them.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import struct
import tempfile
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from screening.errors import IndexFileError
from screening.matching.compiled import CompiledLists
from screening.matching.index import CandidateIndex
from screening.models import FileDigest

__all__ = ["FORMAT_VERSION", "IndexHeader", "read_header", "read_index", "write_index"]

MAGIC = b"SCREENING-INDEX\n"
# Bump when what is stored, or the keys tokens are filed under, change.
FORMAT_VERSION = 22
_LENGTH = struct.Struct(">Q")


@dataclass(frozen=True)
class IndexHeader:
    """What a saved index says about itself, readable without loading it."""

    format: int
    library: str
    tables: str
    lists: list[dict[str, Any]]
    files: list[list[FileDigest]]
    sections: list[dict[str, Any]]
    crc32: int
    payload_offset: int


def _library_version() -> str:
    from screening import __version__

    return __version__


@cache
def tables_fingerprint() -> str:
    """sha256 over the matching tables (name variants, legal forms, ...): a saved index built
    with other tables files its tokens under other keys."""
    digest = hashlib.sha256()
    data = resources.files("screening.text").joinpath("data")
    for item in sorted(data.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".tsv"):
            digest.update(item.name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()


def write_index(path: Path, compiled: CompiledLists, index: CandidateIndex) -> None:
    """Write the compiled lists and their index to ``path`` atomically (temporary file in the
    same directory, fsync, rename), so a reader never sees half a file."""
    tables, arrays = index.state()
    blobs: list[tuple[str, bytes, dict[str, Any]]] = [
        ("compiled", marshal.dumps(compiled.state()), {}),
        ("tables", marshal.dumps(tables), {}),
    ]
    for name, array in arrays.items():
        array = np.ascontiguousarray(array)
        blobs.append((name, array.tobytes(), {"dtype": array.dtype.str, "shape": array.shape}))
    sections = []
    offset = 0
    crc = 0
    for name, blob, meta in blobs:
        sections.append({"name": name, "offset": offset, "length": len(blob), **meta})
        offset += len(blob)
        crc = zlib.crc32(blob, crc)
    header = {
        "format": FORMAT_VERSION,
        "library": _library_version(),
        "tables": tables_fingerprint(),
        "lists": [identity.model_dump(mode="json") for identity in compiled.identities],
        "files": [[f.model_dump() for f in p.files] for p in compiled.provenances],
        "sections": sections,
        "crc32": crc,
    }
    head = json.dumps(header, sort_keys=True).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC)
            out.write(_LENGTH.pack(len(head)))
            out.write(head)
            for _, blob, _ in blobs:
                out.write(blob)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _parse_header(path: Path, data: bytes) -> IndexHeader:
    if not data.startswith(MAGIC):
        raise IndexFileError(f"{path}: not a screening index file")
    start = len(MAGIC) + _LENGTH.size
    if len(data) < start:
        raise IndexFileError(f"{path}: truncated header")
    (length,) = _LENGTH.unpack_from(data, len(MAGIC))
    try:
        raw = json.loads(data[start : start + length].decode("utf-8"))
        return IndexHeader(
            format=int(raw["format"]),
            library=str(raw["library"]),
            tables=str(raw.get("tables", "")),
            lists=list(raw["lists"]),
            files=[[FileDigest.model_validate(f) for f in fs] for fs in raw["files"]],
            sections=list(raw["sections"]),
            crc32=int(raw["crc32"]),
            payload_offset=start + length,
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexFileError(f"{path}: unreadable header ({exc})") from None


def read_header(path: Path) -> IndexHeader:
    """The header of a saved index (reads only the start of the file).

    Raises:
        IndexFileError: not an index file, or its header is damaged.
    """
    try:
        with path.open("rb") as f:
            head = f.read(len(MAGIC) + _LENGTH.size)
            if len(head) < len(MAGIC) + _LENGTH.size or not head.startswith(MAGIC):
                raise IndexFileError(f"{path}: not a screening index file")
            (length,) = _LENGTH.unpack_from(head, len(MAGIC))
            head += f.read(length)
    except OSError as exc:
        raise IndexFileError(f"{path}: cannot read the index ({exc})") from None
    return _parse_header(path, head)


def check_version(path: Path, header: IndexHeader) -> None:
    """Raise :class:`IndexFileError` if the index was written by another format or version."""
    if header.format != FORMAT_VERSION:
        raise IndexFileError(f"{path}: index format {header.format}, expected {FORMAT_VERSION}")
    if header.library != _library_version():
        raise IndexFileError(
            f"{path}: built by screening {header.library}, this is {_library_version()}"
        )
    if header.tables != tables_fingerprint():
        raise IndexFileError(f"{path}: built with other matching tables")


def read_index(path: Path) -> tuple[CompiledLists, CandidateIndex]:
    """Read a saved index.

    Raises:
        IndexFileError: not an index, another format or library version, truncated or corrupt.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IndexFileError(f"{path}: cannot read the index ({exc})") from None
    header = _parse_header(path, data)
    check_version(path, header)
    payload = memoryview(data)[header.payload_offset :]
    expected = sum(int(s["length"]) for s in header.sections)
    if len(payload) != expected:
        raise IndexFileError(f"{path}: truncated ({len(payload)} of {expected} payload bytes)")
    if zlib.crc32(payload) != header.crc32:
        raise IndexFileError(f"{path}: corrupt (CRC-32 mismatch)")
    parts: dict[str, Any] = {}
    arrays: dict[str, np.ndarray] = {}
    for section in header.sections:
        start = int(section["offset"])
        blob = payload[start : start + int(section["length"])]
        if "dtype" in section:
            array = np.frombuffer(blob, dtype=np.dtype(section["dtype"]))
            # A copy, so that the file's bytes are not kept alive by the array.
            arrays[section["name"]] = array.reshape(section["shape"]).copy()
        else:
            parts[section["name"]] = marshal.loads(blob)
    try:
        compiled = CompiledLists.from_state(parts["compiled"])
        return compiled, CandidateIndex.from_state(compiled, parts["tables"], arrays)
    except (KeyError, TypeError, ValueError) as exc:
        raise IndexFileError(f"{path}: inconsistent index ({exc!r})") from None
