"""The JSON files of the list store: one manifest per stored version, one ``current`` pointer.

Both are written once and replaced whole (never edited in place), so a reader sees a complete
file or the previous one. They are pydantic models because they are read back from disk: a
hand-edited or damaged file fails with the field at fault.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from screening.errors import ListFormatError

__all__ = [
    "CurrentPointer",
    "StoredFile",
    "VersionManifest",
    "fsync_dir",
    "read_json",
    "write_json_atomic",
]

_SHA256 = r"^[0-9a-f]{64}$"

M = TypeVar("M", bound=BaseModel)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StoredFile(_Frozen):
    """One downloaded file: official name, size in bytes, sha256 (hex), the address used."""

    name: str
    size: int = Field(ge=0)
    sha256: str = Field(pattern=_SHA256)
    url: str | None = None


class VersionManifest(_Frozen):
    """What was downloaded, when, and what it held (``manifest.json`` in a version directory).

    Attributes:
        publication: the catalogue name (``"SDN_ADVANCED"``).
        source, format, publish_date, record_count, sha256: as the loader read them;
            ``sha256`` is the list's digest (:attr:`ListProvenance.sha256`).
        files: every file of the version.
        downloaded_at: when the download completed (UTC).
        notes: what the loader or the update could not vouch for.
    """

    layout: int = 1
    publication: str
    source: str
    format: str
    publish_date: date | None
    record_count: int = Field(ge=0)
    sha256: str = Field(pattern=_SHA256)
    files: tuple[StoredFile, ...] = Field(min_length=1)
    downloaded_at: datetime
    notes: tuple[str, ...] = ()


class CurrentPointer(_Frozen):
    """``current.json``: the version in use, and when an update last confirmed it is the newest."""

    version: str = Field(min_length=1)
    checked_at: datetime


def read_json(path: Path, model: type[M]) -> M:
    """Read and validate ``path`` as ``model``.

    Raises:
        ListFormatError: not JSON, or not the model (names the field).
        FileNotFoundError: no such file.
    """
    try:
        return model.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or None
        raise ListFormatError(path, where, first["msg"]) from exc


def write_json_atomic(path: Path, data: BaseModel | dict[str, Any]) -> None:
    """Write ``data`` as JSON to ``path`` atomically: a temporary file in the same directory,
    fsynced, renamed over ``path``, then the directory fsynced so the rename survives a crash."""
    text = (
        data.model_dump_json(indent=2)
        if isinstance(data, BaseModel)
        else json.dumps(data, indent=2, sort_keys=True)
    )
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; screening services must read it
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    """fsync a directory so that renames in it are durable (a no-op where unsupported)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # Windows cannot open a directory; its renames are journalled
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
