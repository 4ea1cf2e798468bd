"""The files of one legacy CSV publication: which files, and the companions' rows by ent_num."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from screening.errors import ListFormatError
from screening.models import Address
from screening.sources._csvrows import CsvFile, Record, read_records
from screening.sources._files import find_file

__all__ = [
    "SETS",
    "Companions",
    "FileSet",
    "file_set",
    "note_header",
    "read_companions",
    "record_uid",
]

log = logging.getLogger(__name__)

_NUMBER = re.compile(r"[0-9]{1,10}")  # dataspec.txt: ent_num "number 10"; ASCII digits only


@dataclass(frozen=True, slots=True)
class FileSet:
    """The (lower-case) file names of one publication and the source name it loads as."""

    source: str
    main: str
    addresses: str
    aliases: str
    comments: tuple[str, ...]


SETS = (
    # dataspec.txt lists the comments file as "SDN COMMENTS.CSV" once and sdn_comments.csv once.
    FileSet("SDN", "sdn.csv", "add.csv", "alt.csv", ("sdn_comments.csv", "sdn comments.csv")),
    FileSet(
        "CONSOLIDATED", "cons_prim.csv", "cons_add.csv", "cons_alt.csv", ("cons_comments.csv",)
    ),
)


def file_set(path: Path) -> FileSet | None:
    """The publication whose main file ``path`` is (``SDN.CSV``, ``cons_prim.csv``), or ``None``."""
    name = path.name.casefold()
    return next((s for s in SETS if s.main == name), None)


def record_uid(csv_file: CsvFile, record: Record, known: dict[str, Record] | None) -> str:
    """The record's ``ent_num`` without leading zeros.

    Raises:
        ListFormatError: it is not a number, or ``known`` (the main file's records) lacks it.
    """
    uid = record.fields[0]
    if uid is None or not _NUMBER.fullmatch(uid):
        raise ListFormatError(csv_file.path, record.line, f"ent_num {uid!r} is not a number")
    uid = str(int(uid))
    if known is not None and uid not in known:
        raise ListFormatError(
            csv_file.path, record.line, f"ent_num {uid!r} is not in the main file"
        )
    return uid


def _number(csv_file: CsvFile, record: Record, index: int, what: str) -> None:
    value = record.fields[index]
    if value is None or not _NUMBER.fullmatch(value):
        raise ListFormatError(csv_file.path, record.line, f"{what} {value!r} is not a number")


@dataclass(slots=True)
class Companions:
    """What the companion files say, by ``ent_num``, and what reading them found missing."""

    aliases: defaultdict[str, list[tuple[Record, str, str]]]
    addresses: defaultdict[str, list[Address]]
    comments: dict[str, str]
    names: set[str]
    files: list[Path]
    notes: list[str]


def _companion(
    directory: Path, names: tuple[str, ...], main: Path, notes: list[str]
) -> Path | None:
    for name in names:
        if found := find_file(directory, name):
            return found
    note = f"{names[0].upper()} not found next to {main.name}"
    notes.append(note)
    log.warning("%s: %s", main, note)
    return None


def read_companions(
    path: Path, spec: FileSet, main: dict[str, Record], notes: list[str]
) -> Companions:
    """Read ALT, ADD and COMMENTS next to the main file ``path``; note any that is missing.

    Raises:
        ListFormatError: a malformed companion file, or a row for an ``ent_num`` not in ``main``.
    """
    directory = path.parent
    out = Companions(defaultdict(list), defaultdict(list), {}, set(), [path], notes)
    alias_path = _companion(directory, (spec.aliases,), path, out.notes)
    if alias_path is not None:
        aliases = read_records(alias_path, 5, end_marker_required=True)
        out.files.append(alias_path)
        for rec in aliases.records:
            uid = record_uid(aliases, rec, main)
            _number(aliases, rec, 1, "alt_num")
            alt_type, alt_name = rec.fields[2], rec.fields[3]
            if alt_name is None:
                raise ListFormatError(alias_path, rec.line, "alias without a name")
            out.aliases[uid].append((rec, alt_type or "", alt_name))
            out.names.add(alt_name)
        note_header(aliases, out.notes)
    address_path = _companion(directory, (spec.addresses,), path, out.notes)
    if address_path is not None:
        addresses = read_records(address_path, 6, end_marker_required=True)
        out.files.append(address_path)
        for rec in addresses.records:
            uid = record_uid(addresses, rec, main)
            _number(addresses, rec, 1, "add_num")
            street, city, country, remarks = rec.fields[2:6]
            # OFAC writes an all-null row for an entry with no known address; it says nothing.
            if any((street, city, country, remarks)):
                out.addresses[uid].append(
                    Address(street=street, city=city, country=country, remarks=remarks)
                )
        note_header(addresses, out.notes)
    comments_path = _companion(directory, spec.comments, path, out.notes)
    if comments_path is not None:
        # The spillover file has no end marker in some real copies (SDN_COMMENTS.CSV 2021-07).
        comments = read_records(comments_path, 2, end_marker_required=False)
        out.files.append(comments_path)
        for rec in comments.records:
            uid = record_uid(comments, rec, main)
            if uid in out.comments:
                raise ListFormatError(comments_path, rec.line, f"second row for ent_num {uid!r}")
            out.comments[uid] = rec.fields[1] or ""
        note_header(comments, out.notes)
    return out


def note_header(csv_file: CsvFile, notes: list[str]) -> None:
    """Note a header row someone added to the file (OFAC's files have none)."""
    if csv_file.header:
        notes.append(
            f"{csv_file.path.name} starts with a header row that OFAC's files do not have "
            "(added by whoever copied it); the row was skipped"
        )
