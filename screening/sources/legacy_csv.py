"""OFAC's legacy CSV sets: ``SDN.CSV`` and ``CONS_PRIM.CSV`` with their companion files.

A publication is four files in one directory (names in any case, see
../shared/data/ofac/docs/dataspec.txt and cons_dat_spec.txt):

==============  =================  ==================================================
SDN list        Consolidated list  content
==============  =================  ==================================================
SDN.CSV         CONS_PRIM.CSV      one row per entry: name, type, programs, vessel, remarks
ADD.CSV         CONS_ADD.CSV       addresses, by ``ent_num``
ALT.CSV         CONS_ALT.CSV       strong aliases (aka / fka / nka), by ``ent_num``
SDN_COMMENTS    CONS_COMMENTS.CSV  remarks beyond the 1,000-character field, by ``ent_num``
==============  =================  ==================================================

Everything else OFAC knows (dates of birth, identifiers, weak aliases, links) is text in the
remarks, parsed by :mod:`screening.sources._remarks`. A missing companion file or a remark cut
at 1,000 characters with no continuation does not stop the load, but it is never silent: it is
logged as a warning and recorded in ``ListProvenance.notes``.

A truncated file is refused, not noted. OFAC ends SDN.CSV, ADD.CSV and ALT.CSV (and their
CONS_ counterparts) with a 0x1A byte; all 16 such files in ../shared/data/ofac have it, even
the copies a third party gave a header row. Without it, a download cut at a line end would
lose entries silently, so its absence is a :class:`~screening.errors.ListFormatError`. The
comments file may lack the byte (the real SDN_COMMENTS.CSV of 2021-07 does); a cut inside one
of its records still shows as a last line without a line end.
"""

from __future__ import annotations

import logging
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from screening.errors import ListFormatError
from screening.models import (
    Entry,
    EntryKind,
    ListProvenance,
    Name,
    NameType,
    Vessel,
    Watchlist,
)
from screening.sources._csvrows import Record, read_records
from screening.sources._csvset import Companions, file_set, note_header, read_companions, record_uid
from screening.sources._files import digest, read_head
from screening.sources._names import legacy_name
from screening.sources._remarks import REMARK, parse_remarks
from screening.sources._validation import validation_reason

__all__ = ["FORMAT", "load", "sniff"]

FORMAT = "ofac-legacy-csv"

log = logging.getLogger(__name__)

# dataspec.txt: "Remarks text 1000"; longer remarks continue in the comments ("spillover") file.
REMARKS_LIMIT = 1000

_KINDS = {
    None: EntryKind.ENTITY,  # OFAC leaves entities untyped: -0-
    "individual": EntryKind.INDIVIDUAL,
    "vessel": EntryKind.VESSEL,
    "aircraft": EntryKind.AIRCRAFT,
}
_ALIAS_TYPES = {"aka": NameType.AKA, "fka": NameType.FKA, "nka": NameType.NKA}


def sniff(path: str | os.PathLike[str]) -> bool:
    """True for an ``SDN.CSV`` or ``CONS_PRIM.CSV`` (any case) whose first record looks like
    OFAC's (``36,"AEROCARIBBEAN AIRLINES",-0- ,...``). Never raises."""
    try:
        p = Path(path)
        if file_set(p) is None or not p.is_file():
            return False
        head = read_head(p)
        lines = head.split(b"\n", 2)
        first = (
            lines[1] if lines[0].lower().startswith(b"ent_num,") and len(lines) > 1 else lines[0]
        )
        return head in (b"", b"\x1a") or re.match(rb"^\d+,", first) is not None
    except Exception:  # a sniffer must not raise
        log.debug("sniffing %s failed", path, exc_info=True)
        return False


def _entry(
    path: Path, rec: Record, uid: str, source: str, companions: Companions
) -> tuple[Entry, bool]:
    name, sdn_type, programs, title = rec.fields[1:5]
    if name is None:
        raise ListFormatError(path, rec.line, f"ent_num {uid!r} has no name")
    properties: list[tuple[str, str]] = []
    kind = _KINDS.get(sdn_type)
    if kind is None:
        log.warning(
            "%s, line %d: ent_num %s has unknown SDN_Type %r", path, rec.line, uid, sdn_type
        )
        kind = EntryKind.ENTITY
        properties.append(("SDN_Type", str(sdn_type)))
    names: list[Name] = [legacy_name(name, kind)]
    for alias_rec, alt_type, alt_name in companions.aliases.get(uid, ()):
        name_type = _ALIAS_TYPES.get(alt_type.casefold())
        if name_type is None:
            log.warning(
                "line %d: alias type %r of ent_num %s kept as aka", alias_rec.line, alt_type, uid
            )
            name_type = NameType.AKA
            properties.append(("alt_type", f"{alt_type}: {alt_name}"))
        names.append(legacy_name(alt_name, kind, type=name_type))
        if alias_rec.fields[4] is not None:
            properties.append(("alt_remarks", f"{alt_name}: {alias_rec.fields[4]}"))
    main_remarks = rec.fields[11] or ""
    continuation = companions.comments.get(uid)
    truncated = len(main_remarks) == REMARKS_LIMIT and continuation is None
    remarks = main_remarks + (continuation or "")  # the cut falls mid-word: no separator
    facts = parse_remarks(
        remarks,
        uid=uid,
        kind=kind,
        title=title,
        truncated=truncated,
        is_known_name=companions.names.__contains__,
    )
    vessel_fields = rec.fields[5:11]
    vessel = None
    if any(vessel_fields):
        call_sign, vessel_type, tonnage, grt, flag, owner = vessel_fields
        vessel = Vessel(
            call_sign=call_sign,
            vessel_type=vessel_type,
            tonnage=tonnage,
            gross_registered_tonnage=grt,
            flag=flag,
            owner=owner,
        )
    entry = Entry(
        uid=uid,
        source=source,
        list_names=("SDN List",) if source == "SDN" else (),
        kind=kind,
        names=(*names, *facts.aliases),
        programs=tuple(p.strip() for p in programs.split("] [")) if programs else (),
        title=title,
        gender=facts.gender,
        dates_of_birth=tuple(facts.dates_of_birth),
        places_of_birth=tuple(facts.places_of_birth),
        nationalities=tuple(facts.nationalities),
        citizenships=tuple(facts.citizenships),
        addresses=tuple(companions.addresses.get(uid, ())),
        identifiers=tuple(facts.identifiers),
        vessel=vessel,
        remarks=remarks or None,
        relations=tuple(facts.relations),
        properties=(*properties, *facts.properties),
    )
    return entry, truncated


def load(path: str | os.PathLike[str]) -> Watchlist:
    """Load a legacy CSV publication from its main file, reading the companions next to it.

    Args:
        path: ``SDN.CSV`` or ``CONS_PRIM.CSV`` (any case).

    Returns:
        The watchlist, source ``"SDN"`` or ``"CONSOLIDATED"``; ``provenance.notes`` says what
        could not be read completely (a missing companion file, remarks cut at 1,000
        characters with no continuation, a header row someone added).

    Raises:
        ListFormatError: a malformed file (the error names file and line): wrong field count,
            a non-numeric or duplicate ``ent_num``, a companion row for an ``ent_num`` the main
            file lacks, a bad date, broken quoting, NUL or non-text bytes, a missing 0x1A end
            marker (the file was cut short), or no entries at all.
        ListNotFoundError: no file at ``path``.
    """
    p = Path(path)
    spec = file_set(p)
    if spec is None:
        raise ListFormatError(p, None, "not an OFAC legacy CSV main file (SDN.CSV, CONS_PRIM.CSV)")
    main_file = read_records(p, 12, end_marker_required=True)
    main: dict[str, Record] = {}
    for rec in main_file.records:
        uid = record_uid(main_file, rec, None)
        if uid in main:
            raise ListFormatError(
                p, rec.line, f"ent_num {uid!r} again (first on line {main[uid].line})"
            )
        main[uid] = rec
    if not main:
        raise ListFormatError(p, None, "no entries: OFAC's lists are never empty")
    notes: list[str] = []
    note_header(main_file, notes)
    companions = read_companions(p, spec, main, notes)
    companions.names.update(rec.fields[1] for rec in main.values() if rec.fields[1])
    entries: list[Entry] = []
    truncated: list[str] = []
    for uid, rec in main.items():
        try:
            entry, cut = _entry(p, rec, uid, spec.source, companions)
        except ListFormatError:
            raise
        except ValidationError as exc:
            raise ListFormatError(
                p, rec.line, f"ent_num {uid!r}: {validation_reason(exc)}"
            ) from exc
        except ValueError as exc:  # a date that is not an OFAC date
            raise ListFormatError(p, rec.line, f"ent_num {uid!r}: {exc}") from exc
        entries.append(entry)
        if cut:
            truncated.append(uid)
    unlabelled = sum(label == REMARK for e in entries for label, _ in e.properties)
    log.info("%s: %d remark items without a known label kept as text", p, unlabelled)
    if truncated:
        note = (
            f"{len(truncated)} remarks end at the {REMARKS_LIMIT:,}-character limit of {p.name} "
            f"with no continuation in {spec.comments[0].upper()}, so what followed is missing "
            f"(ent_num {', '.join(truncated)})"
        )
        companions.notes.append(note)
        log.warning("%s: %s", p, note)
    provenance = ListProvenance(
        source=spec.source,
        format=FORMAT,
        files=tuple(digest(f) for f in companions.files),
        loaded_at=datetime.now(UTC),
        notes=tuple(companions.notes),
    )
    return Watchlist(entries, provenance)
