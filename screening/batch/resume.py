"""The checkpoint that lets an interrupted batch run continue where it stopped.

After each chunk the run appends its output and rejects, then replaces the checkpoint file
(``OUTPUT.checkpoint.json``) atomically with: the input position after the chunk, the sizes of
the output and reject files, the counts so far, and a fingerprint of everything that decides
the output bytes (input path, size and first bytes; columns and options; the sha256 of every
list; the library version). A resumed run refuses a different fingerprint, truncates both
files to the recorded sizes (dropping a chunk written after the last checkpoint) and reads on
from the recorded input position, so that no row is lost or written twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from screening.batch.reading import Position
from screening.errors import InputError

__all__ = ["CHECKPOINT_SUFFIX", "Checkpoint", "Counts", "fingerprint", "load", "save"]

CHECKPOINT_SUFFIX = ".checkpoint.json"
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Counts:
    """Rows accounted for so far: read = screened + rejected."""

    rows_read: int = 0
    rows_screened: int = 0
    rows_with_hits: int = 0
    hits: int = 0
    rows_rejected: int = 0
    rows_noted: int = 0
    hits_suppressed: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(_values(self), _values(other), strict=True)))


def _values(counts: Counts) -> tuple[int, ...]:
    return tuple(asdict(counts).values())


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """Where a run stands after its last completed chunk."""

    fingerprint: str
    position: Position
    output_bytes: int
    rejects_bytes: int
    counts: Counts
    complete: bool = False


def fingerprint(parts: Mapping[str, object]) -> str:
    """sha256 of the canonical JSON of ``parts`` (everything that decides the output bytes)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def save(path: Path, checkpoint: Checkpoint) -> None:
    """Replace the checkpoint file atomically (write a temporary file, then rename it)."""
    data = {
        "format": _FORMAT,
        "fingerprint": checkpoint.fingerprint,
        "input_offset": checkpoint.position.offset,
        "next_line": checkpoint.position.line,
        "output_bytes": checkpoint.output_bytes,
        "rejects_bytes": checkpoint.rejects_bytes,
        "counts": asdict(checkpoint.counts),
        "complete": checkpoint.complete,
    }
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="ascii")
    os.replace(temporary, path)


def load(path: Path) -> Checkpoint | None:
    """The checkpoint saved at ``path``, or ``None`` if there is none.

    Raises:
        InputError: the file exists but is not a checkpoint this version wrote.
    """
    try:
        data = json.loads(path.read_text(encoding="ascii"))
        if data.get("format") != _FORMAT:
            raise ValueError(f"format {data.get('format')!r}")
        return Checkpoint(
            fingerprint=str(data["fingerprint"]),
            position=Position(int(data["input_offset"]), int(data["next_line"])),
            output_bytes=int(data["output_bytes"]),
            rejects_bytes=int(data["rejects_bytes"]),
            counts=Counts(**{k: int(v) for k, v in data["counts"].items()}),
            complete=bool(data["complete"]),
        )
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{path}: not a usable checkpoint ({exc}); delete it to start over"
        ) from exc
