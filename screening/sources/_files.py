"""File helpers shared by the list loaders: digests and case-insensitive lookup."""

from __future__ import annotations

import hashlib
from pathlib import Path

from screening.models import FileDigest

_CHUNK = 1 << 20


def digest(path: Path) -> FileDigest:
    """sha256 and size of a file, read in 1 MiB chunks (lists can exceed 100 MB)."""
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return FileDigest(name=path.name, size=size, sha256=h.hexdigest())


def find_file(directory: Path, name: str) -> Path | None:
    """The file called ``name`` in ``directory``, ignoring case (OFAC publishes ``SDN.CSV``,
    mirrors often store ``sdn.csv``); ``None`` if there is none."""
    wanted = name.casefold()
    try:
        candidates = sorted(directory.iterdir())
    except OSError:
        return None
    for candidate in candidates:
        if candidate.name.casefold() == wanted and candidate.is_file():
            return candidate
    return None


def read_head(path: Path, size: int = 4096) -> bytes:
    """The first ``size`` bytes of a file, or ``b""`` if it cannot be read."""
    try:
        with path.open("rb") as f:
            return f.read(size)
    except OSError:
        return b""
